"""Engine round 3: victims of a nominal attack with a national attacker ("farmers were killed in
Israeli tank shelling"), and the country of an uncoded partner met during a visit abroad ("held talks
with the foreign minister during a visit to Amman", never the country in the source's own phrase).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_coder import parse, triples

from eventwire.events.coder import EventCoder
from eventwire.events.patterns import load_patterns
from eventwire.records import Event


def _triples(nlp: Language, sentence: str) -> set[tuple[str | None, str | None, str]]:
    events: list[Event] = list(nlp(sentence)._.events)
    return {(e.source, e.target, e.code) for e in events}


# ------------------------------------------------------------------ pure: the word lists
def test_grammar_lists_load():
    g = load_patterns()
    assert {"kill", "die", "wound"} <= g.words("casualty_verbs")
    assert g.words("agentless_casualty_verbs") <= g.words("casualty_verbs")
    assert "visit" in g.words("visit_nouns") and "minister" in g.words("foreign_offices")


# ------------------------------------------------------------------ hand-built parses: tolls
@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(None)


def test_toll_of_a_national_air_strike_is_the_strike(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Four four NUM nummod 1
        guards guard NOUN nsubj 2
        died die VERB ROOT 2
        in in ADP prep 2
        an an DET det 7
        Indian indian ADJ amod 7
        air air NOUN compound 7
        strike strike NOUN pobj 3
        . . PUNCT punct 2
    """, {"1": "PAKMIL", "5": "IND"})
    assert triples(coder(doc)._.events) == {("IND", "PAKMIL", "195")}


def test_toll_with_no_named_attacker_makes_no_attack(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Four four NUM nummod 1
        guards guard NOUN nsubjpass 3
        were be AUX auxpass 3
        wounded wound VERB ROOT 3
        in in ADP prep 3
        Monday Monday PROPN poss 7
        's 's PART case 5
        clashes clash NOUN pobj 4
        . . PUNCT punct 3
    """, {"1": "PAKMIL"})
    assert not any(c[:2] in ("19", "20") for _, _, c in triples(coder(doc)._.events))


def test_active_killer_is_no_toll(blank_nlp, coder):
    # "Indian troops killed four guards in an air strike": the subject acted; the toll rule stays out
    doc = parse(blank_nlp, """
        Indian indian ADJ amod 1
        troops troop NOUN nsubj 2
        killed kill VERB ROOT 2
        four four NUM nummod 4
        guards guard NOUN dobj 2
        in in ADP prep 2
        an an DET det 8
        air air NOUN compound 8
        strike strike NOUN pobj 5
        . . PUNCT punct 2
    """, {"0-1": "INDMIL", "4": "PAKMIL"})
    found = triples(coder(doc)._.events)
    assert found and all(s == "INDMIL" and t == "PAKMIL" for s, t, _ in found)


# ------------------------------------------------------------------ model: tolls of a nominal attack
@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    # the attack's national modifier attacked; the toll's subject (placed by the act) was hit
    ("Two shepherds were killed in Israeli artillery shelling near Rafah on Sunday.",
     {("ISRMIL", "PSE", "194")}),  # uncoded victims: the place's country
    ("Five soldiers died in a Russian air strike near Kharkiv overnight.", {("RUS", "UKRMIL", "195")}),
    ("Seven civilians were killed by Saudi-led coalition air strikes in Yemen last week.",
     {("SAU", "YEMCVL", "195")}),
])
def test_victims_of_a_national_attack(nlp_model, sentence, expected):
    assert _triples(nlp_model, sentence) == expected


@pytest.mark.model
def test_uncoded_victims_leave_the_attack_aimed_at_the_place_or_no_one(nlp_model):
    found = _triples(nlp_model, "Scores were wounded in Turkish bombardment of hill positions.")
    assert found and all(s == "TUR" and t is None and c.startswith("19") for s, t, c in found)


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Two brothers were killed in a car accident near Mombasa on Friday.",
    "The old man died in hospital in Nairobi after a long illness.",
])
def test_no_attacker_no_attack(nlp_model, sentence):
    assert not {c for _, _, c in _triples(nlp_model, sentence) if c[:2] in ("19", "20")}


@pytest.mark.model
def test_clashes_with_no_attacker_are_not_made_an_attack_of_anyone_named(nlp_model):
    found = _triples(nlp_model, "Twelve people were wounded in Tuesday's clashes in Cairo.")
    assert all(s in ("EGY",) for s, _, _ in found)  # at most the place's unattributed violence


# ------------------------------------------------------------------ model: talks during a visit
@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The British envoy in Kenya held talks with the Ugandan president during a visit to Kampala.",
     {("GBRGOV", "UGAGOV", "040")}),
    # an uncoded titled partner takes the visited country, never the source's own "in Kenya"
    ("The British envoy in Kenya held talks with the foreign minister during a visit to Kampala.",
     {("GBRGOV", "UGAGOV", "040")}),
    ("The US envoy in Syria met with the prime minister during a trip to Amman.",
     {("USAGOV", "JORGOV", "040")}),
    ("The British envoy in Kenya held talks with the foreign minister in Kampala.",
     {("GBRGOV", "UGAGOV", "040")}),
    ("The French general in Mali met with the defence minister on a trip to Niamey.",
     {("FRA", "NERMIL", "040")}),
])
def test_partner_met_on_a_visit(nlp_model, sentence, expected):
    assert _triples(nlp_model, sentence) == expected


@pytest.mark.model
def test_place_in_the_sources_phrase_is_not_the_partners(nlp_model):
    found = _triples(nlp_model, "The British envoy in Kenya held talks with the foreign minister.")
    assert found and not any((t or "").startswith("KEN") for _, t, _ in found)


@pytest.mark.model
def test_one_act_of_violence_named_twice_is_one_event(nlp_model: Language) -> None:
    # the strikes (195, victims uncoded), their place (PSE) and the killing (180 PSECVL) are one act
    doc = nlp_model("Israeli air strikes killed 20 people in Gaza on Tuesday, health officials said.")
    got = [(e.source, e.code, e.target) for e in doc._.events]
    assert got == [("ISR", "195", "PSECVL")]
    doc = nlp_model("Rebels killed six soldiers in Darfur and police arrested two protesters in Khartoum.")
    assert {(e.code[:2], e.target) for e in doc._.events} >= {("18", "SDNMIL")}


@pytest.mark.model
def test_remarks_at_a_meeting_are_no_consultation(nlp_model: Language) -> None:
    doc = nlp_model("The premier made a speech at a party congress on Monday.")
    assert not [e for e in doc._.events if e.root == "04"]
    doc = nlp_model("Ukraine took part in talks with Poland on Monday.")
    assert ("UKR", "POL") in {(e.source[:3], (e.target or "")[:3]) for e in doc._.events if e.root == "04"}
