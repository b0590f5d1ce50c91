"""Recall round (session 3): triggers that were missing or too narrow, on sentences written for this test.

Going back on one's own promise, pledge or deal is a rejection (120, reject.renege / reject.go_back_on),
and the promise it names is no new promise (intent.agreement_noun_fuzzy skips a promise inside a phrase).
Troops offered "to the peacekeeping force in Liberia" aid the country the force serves (aid.peacekeepers
reaches the "in" phrase of its "to" object).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.patterns import load_patterns


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source, target, pattern) of every event coded in ``text``."""
    return [(e.code, e.source, e.target, e.pattern) for e in nlp(text)._.events]


# ---------------------------------------------------------------- the data entries

def test_renege_entries_are_loaded() -> None:
    pats = load_patterns()
    renege = [p for p in pats.verbs["renege"] if p.id == "reject.renege"]
    assert renege and renege[0].code == "120"
    assert "prep:on>to" in renege[0].target and "promise" in renege[0].requires["pobj"]["on"]
    go = [p for p in pats.verbs["go"] if p.id == "reject.go_back_on"]
    assert go and "back" in go[0].requires["prt"] and "word" in go[0].requires["pobj"]["on"]


def test_fuzzy_promise_skips_a_promise_inside_a_phrase() -> None:
    fuzzy = [p for p in load_patterns().nouns["promise"] if p.id == "intent.agreement_noun_fuzzy"]
    assert fuzzy and "pobj" in fuzzy[0].requires["not_dep"]


def test_peacekeepers_reach_the_country_of_the_force() -> None:
    send = [p for p in load_patterns().verbs["contribute"] if p.id == "aid.peacekeepers"]
    assert send and "prep:to>in" in send[0].target


# ---------------------------------------------------------------- coded sentences

@pytest.mark.model
@pytest.mark.parametrize("text, pattern, source, target", [
    ("Kenya reneged on a promise to Somalia.", "reject.renege", "KEN", "SOM"),
    ("Mali's junta reneged on its pledge to ECOWAS to hand power to civilians.", "reject.renege", "MLIGOV",
     "IGOWAFECW"),
    ("Iran backtracked on a deal with the IAEA on Monday.", "reject.renege", "IRN", "IGOUNOIAE"),
    ("Britain went back on a deal with France over migrant boats.", "reject.go_back_on", "GBR", "FRA"),
    ("Venezuela backtracked on its commitment to hold free elections.", "reject.renege", "VEN", None),
])
def test_going_back_on_a_promise_is_a_rejection(nlp_model: Language, text: str, pattern: str, source: str,
                                                target: str | None) -> None:
    got = coded(nlp_model, text)
    assert ("120", source, target, pattern) in got
    assert not any(code.startswith("03") for code, *_ in got)  # the broken promise is no new one


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ethiopia went back to the negotiating table with Egypt.",
    "The Kenyan army went back to its barracks on Monday.",
    "Ghana went back to the polls in December.",
])
def test_going_back_elsewhere_is_no_rejection(nlp_model: Language, text: str) -> None:
    assert not any(code.startswith("12") for code, *_ in coded(nlp_model, text))


@pytest.mark.model
def test_a_promise_made_is_still_a_promise(nlp_model: Language) -> None:
    assert ("030", "JPN", "IDN", "intent.agreement_noun_fuzzy") in coded(
        nlp_model, "Japan made a pledge to Indonesia to fund a new railway.")


@pytest.mark.model
def test_troops_offered_to_a_force_aid_its_country(nlp_model: Language) -> None:
    got = coded(nlp_model, "Ghana stands ready to offer 800 soldiers to the African peace-keeping force in Somalia.")
    assert [(c, s, t) for c, s, t, _ in got] == [("033", "GHA", "SOM")]
    # a named mission still comes first: the body that runs it receives the troops
    got = coded(nlp_model, "Rwanda sent troops to the UN peacekeeping mission in South Sudan.")
    assert ("074", "RWA", "IGOUNO", "aid.peacekeepers") in got


@pytest.mark.model
def test_troops_sent_to_drills_are_no_peacekeepers(nlp_model: Language) -> None:
    got = coded(nlp_model, "Kenya sent troops to a joint training exercise in Uganda.")
    assert not any(code.startswith("07") for code, *_ in got)
