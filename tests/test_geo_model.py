"""The places stage on real parses with the full gazetteer (loads the spaCy model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.geo import PlaceTagger, geoparse

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _by_text(text: str, nlp: Language) -> dict[str, tuple[str | None, str | None, str]]:
    return {p.text: (p.name, p.country, p.kind) for p in geoparse(text, nlp)}


def test_metonym_vs_literal_pyongyang(parser_only: Language) -> None:
    got = _by_text("Pyongyang perceives the joint drills as a rehearsal for invasion.", parser_only)
    assert got["Pyongyang"][1:] == ("PRK", "metonym")
    got = _by_text("Thousands of people attended a rally in Pyongyang on Sunday.", parser_only)
    assert got["Pyongyang"][1:] == ("PRK", "literal")


def test_washington_said_is_the_us_government(parser_only: Language) -> None:
    got = _by_text("Washington said on Tuesday that it would expand sanctions on Moscow.", parser_only)
    assert got["Washington"][1:] == ("USA", "metonym")
    assert got["Moscow"][1] == "RUS"


def test_paris_texas_and_paris_france(parser_only: Language) -> None:
    assert _by_text("The governor toured flood damage in Paris, Texas, on Monday.", parser_only)["Paris"][1] == "USA"
    assert _by_text("Foreign ministers met in Paris on Monday.", parser_only)["Paris"][1] == "FRA"


def test_regions_and_demonyms(parser_only: Language) -> None:
    got = _by_text("Iranian officials said tankers were seized in the Strait of Hormuz.", parser_only)
    assert got["Iranian"] == ("Iran", "IRN", "demonym")  # at Iran's point, never an event's place
    assert got["Strait of Hormuz"][0] == "Strait of Hormuz"


def test_demonyms_and_embedded_places_with_the_model(parser_only: Language) -> None:
    got = _by_text("Russian diplomats told the New York Times that the Bank of England was wrong.", parser_only)
    assert got["Russian"][2] == "demonym"
    assert got["New York"][1:] == ("USA", "embedded")
    assert got["England"][1:] == ("GBR", "embedded")


def test_component_in_a_pipeline(parser_only: Language) -> None:
    doc = PlaceTagger(parser_only)(parser_only("Rockets hit Kyiv and Kharkiv overnight."))
    assert [p.country for p in doc._.places] == ["UKR", "UKR"]
    assert all(p.lat is not None and p.sentence_index == 0 for p in doc._.places)
