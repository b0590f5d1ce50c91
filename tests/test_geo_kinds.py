"""The demonym and embedded kinds, the dwarfed-namesake rule and the cache directory variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import DataFileError
from eventwire.geo import (
    Builder,
    Gazetteer,
    cache_path,
    cues,
    locate_events,
    read_cues,
    read_regions,
    tag_places,
)
from eventwire.records import Event


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Russia", 60.0, 100.0, "RUS", "country", 144000000)
    b.add_place("Iran", 32.0, 53.0, "IRN", "country", 83000000)
    b.add_place("South Korea", 37.0, 127.5, "KOR", "country", 51000000)
    b.add_place("Jamaica", 18.25, -77.5, "JAM", "country", 2900000)
    b.add_place("Europe", 48.7, 9.1, None, "continent", 700000000)
    b.add_place("England", 52.5, -1.5, "GBR", "admin", 56000000)
    b.add_place("Texas", 31.5, -99.3, "USA", "admin", 30000000, admin1="TX")
    b.add_place("Ohio", 40.3, -82.8, "USA", "admin", 11800000, admin1="OH")
    b.add_place("Kentucky", 37.5, -85.3, "USA", "admin", 4500000, admin1="KY")
    b.add_place("Columbus", 39.96, -83.0, "USA", "city", 900000, admin1="OH")
    b.add_place("Louisville", 38.25, -85.76, "USA", "city", 624000, admin1="KY")
    b.add_place("Louisville", 40.84, -81.26, "USA", "city", 9100, admin1="OH")
    b.add_place("Geneva", 46.2, 6.15, "CHE", "city", 200000)
    b.add_place("New York City", 40.71, -74.0, "USA", "city", 8800000, alternates=["New York"])
    b.add_place("Bengaluru", 12.97, 77.59, "IND", "city", 8400000, alternates=["Garden City"])
    b.add_place("United States", 39.8, -98.6, "USA", "country", 327000000, aliases=["U.S.", "US"])
    b.add_place("U.S. Virgin Islands", 18.0, -64.8, "VIR", "country", 107000)
    b.add_place("Suffolk", 52.2, 1.0, "GBR", "admin", 760000)
    b.add_place("Incheon", 37.46, 126.7, "KOR", "city", 2600000)
    b.add_place("Toomey", 30.0, -90.0, "USA", "city", 20000)
    return b.finish()


def tagged(doc: Doc, gaz: Gazetteer) -> list[tuple[str, str, str | None, str | None]]:
    return [(p.text, p.kind, p.name, p.country) for p in tag_places(doc, gaz, cues())]


# ---- demonyms ---------------------------------------------------------------------------------


def test_demonyms_take_their_country_point(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("Russian troops and Iranian advisers met South Korean envoys in Geneva.")
    got = tag_places(doc, gaz, cues())
    assert [(p.text, p.kind, p.country) for p in got] == [
        ("Russian", "demonym", "RUS"), ("Iranian", "demonym", "IRN"), ("South Korean", "demonym", "KOR"),
        ("Geneva", "literal", "CHE")]
    assert (got[0].lat, got[0].lon, got[0].feature) == (60.0, 100.0, "country")


def test_area_demonyms_and_plural_nouns(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("European ministers said Iranians and Russians were welcome.")
    assert tagged(doc, gaz) == [("European", "demonym", "Europe", None), ("Iranians", "demonym", "Iran", "IRN"),
                                ("Russians", "demonym", "Russia", "RUS")]


def test_language_names_and_lower_case_are_not_demonyms(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The leaflet was printed in Russian. A Russian-language paper closed. The russian word.")
    assert tagged(doc, gaz) == []


def test_a_leading_the_is_not_part_of_a_demonym(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The Iranians left.")
    assert [(p.text, p.kind) for p in tag_places(doc, gaz, cues())] == [("Iranians", "demonym")]


def test_a_demonym_is_never_a_metonym(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Russian", "said", "no", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                    pos=["PROPN", "VERB", "DET", "PUNCT"], lemmas=["Russian", "say", "no", "."])
    assert [p.kind for p in tag_places(doc, gaz, cues())] == ["demonym"]


# ---- names inside organisation names ----------------------------------------------------------


def test_places_inside_organisation_names_are_embedded(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The Bank of England and the Jamaica Cancer Society met in Geneva.")
    assert tagged(doc, gaz) == [("England", "embedded", "England", "GBR"),
                                ("Jamaica", "embedded", "Jamaica", "JAM"), ("Geneva", "literal", "Geneva", "CHE")]


def test_a_place_beside_a_lower_case_organisation_word_stays_literal(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The bank in England closed while Texas police searched.")
    assert [p.kind for p in tag_places(doc, gaz, cues())] == ["literal", "literal"]


def test_ner_organisation_yields_an_embedded_place(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["The", "New", "York", "Times", "and", "the", "University", "of", "Texas", "reported", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    doc = Doc(blank_nlp.vocab, words=words, ents=ents)
    assert tagged(doc, gaz) == [("New York", "embedded", "New York City", "USA"),
                                ("Texas", "embedded", "Texas", "USA")]


def test_a_lone_big_city_that_ner_calls_an_organisation_is_a_place(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Flights", "to", "Incheon", "and", "Toomey", "stopped", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["O", "O", "B-ORG", "O", "B-ORG", "O", "O"])
    assert tagged(doc, gaz) == [("Incheon", "literal", "Incheon", "KOR")]  # Toomey: too small to believe


def test_a_state_inside_a_money_or_law_entity_is_embedded(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["It", "cost", "11", "billion", "US", "dollars", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "I-MONEY", "O"])
    assert tagged(doc, gaz) == [("US", "embedded", "United States", "USA")]


def test_ner_place_extended_to_a_longer_known_name(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["He", "flew", "to", "the", "U.S.", "Virgin", "Islands", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["O", "O", "O", "O", "B-GPE", "O", "O", "O"])
    assert tagged(doc, gaz) == [("U.S. Virgin Islands", "literal", "U.S. Virgin Islands", "VIR")]


def test_a_dotted_state_glued_to_a_word(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = Doc(blank_nlp.vocab, words=["The", "U.S.-led", "coalition", "struck", "."])
    [place] = tag_places(doc, gaz, cues())
    assert (place.text, place.start, place.end, place.country) == ("U.S.", 4, 8, "USA")


def test_a_county_is_not_placed_at_its_namesake(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("Detectives in Suffolk County arrested a man in Suffolk.")
    got = [(p.text, p.name) for p in tag_places(doc, gaz, cues())]
    assert got == [("Suffolk County", None), ("Suffolk", "Suffolk")]


def test_a_big_city_alternate_counts_only_as_a_short_form_of_its_name(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["The", "New", "York", "Garden", "City", "Club", "met", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert tagged(doc, gaz) == [("New York", "embedded", "New York City", "USA")]


# ---- events -----------------------------------------------------------------------------------


def test_demonyms_and_embedded_places_never_locate_events(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Russian", "troops", "attacked", "the", "Bank", "of", "England", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 2, 2, 4, 2, 4, 5, 2],
                    deps=["amod", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                    lemmas=["Russian", "troop", "attack", "the", "Bank", "of", "England", "."])
    doc._.places = tag_places(doc, gaz, cues())
    assert [p.kind for p in doc._.places] == ["demonym", "embedded"]
    ev = Event(doc_id="d", sentence_index=0, sentence=doc.text, source="RUS", code="190",
               evidence={"trigger": [15, 23]})
    locate_events(doc, [ev])
    assert ev.location is None


# ---- resolution: a state mention does not beat a far bigger namesake ---------------------------


def test_a_state_mention_does_not_pull_a_big_city_to_a_hamlet(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The final is in Columbus, Ohio. The Bulldogs beat Louisville in the semifinal.")
    got = {p.text: (p.lat, p.lon) for p in tag_places(doc, gaz, cues())}
    assert got["Louisville"] == (38.25, -85.76)


def test_an_explicit_qualifier_still_picks_the_small_namesake(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("The fair was held in Louisville, Ohio, last week.")
    got = {p.text: (p.lat, p.lon) for p in tag_places(doc, gaz, cues())}
    assert got["Louisville"] == (40.84, -81.26)


# ---- the gazetteer ----------------------------------------------------------------------------


def test_country_rows_by_code(gaz: Gazetteer) -> None:
    row = gaz.country("IRN")
    assert row is not None and (row.name, row.lat, row.lon) == ("Iran", 32.0, 53.0)
    assert gaz.country("XYZ") is None


def test_cache_dir_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "own"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path().parent == tmp_path / "own"
    monkeypatch.delenv("EVENTWIRE_CACHE_DIR")
    assert cache_path().parent == tmp_path / "xdg" / "eventwire"
    assert cache_path(tmp_path / "explicit").parent == tmp_path / "explicit"


def test_packaged_demonym_lists() -> None:
    cue = cues()
    assert cue.demonyms["south korean"] == "KOR" and cue.demonyms["ukrainian"] == "UKR"
    assert cue.area_demonyms["european"] == "Europe"
    assert {"bank", "university", "society"} <= cue.org_heads
    assert "county" in cue.division_heads and "vatican" not in cue.demonyms
    names = {r["name"] for r in read_regions()["regions"]}
    assert {"White House", "Kremlin", "Baja California", "Eastern Cape"} <= names


def test_malformed_area_demonym_raises(tmp_path: Path) -> None:
    path = tmp_path / "cues.yml"
    base = ("metonym_verbs: [say]\nliteral_verbs: [be]\nmetonym_nouns: [decision]\nlocative_preps: [in]\n"
            "not_places: [may]\nplace_heads: [city]\narea_heads: [city]\norg_heads: [bank]\ndivision_heads: [county]\n")
    path.write_text(base + "area_demonyms:\n  European: Europe\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_cues(path)
    assert err.value.line == 11
    path.write_text(base.replace("org_heads: [bank]\ndivision_heads: [county]\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError, match="org_heads"):
        read_cues(path)
