"""Fixes from the real-news audit: words read in a non-political sense, and a siege the parser splits."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _coded(nlp: Language, text: str) -> set[tuple[str, str, str | None]]:
    return {(e.source, e.code, e.target) for e in nlp(text)._.events}


@pytest.mark.parametrize("text", [
    "Federal agents executed a search warrant at the senator's home in Washington.",
    "The crew shot a film about the war in Kyiv last summer.",
    "The court held a hearing on the case of the opposition leader.",
    "The defending champion France beat Brazil in the final.",
])
def test_non_political_senses_code_nothing(nlp_model: Language, text: str) -> None:
    assert not _coded(nlp_model, text)


def test_people_are_still_killed_and_allies_defended(nlp_model: Language) -> None:
    assert ("AFGREB", "180", "AFGMIL") in _coded(nlp_model, "Gunmen executed three Afghan soldiers in Kandahar.")
    assert ("RUSGOV", "052", "SYRGOV") in _coded(nlp_model, "Moscow defended Damascus against Western criticism.")


def test_laid_siege_to(nlp_model: Language) -> None:
    got = _coded(nlp_model, "Government troops laid siege to the rebel-held town of Kurmuk in Sudan.")
    assert {(s[:3], c) for s, c, _ in got} == {("SDN", "191")}
    assert not _coded(nlp_model, "Workers laid bricks to build the new wall.")
