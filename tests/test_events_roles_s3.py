"""Roles, session 3: objects behind "up to N", gerund subjects under "of"/"for" phrases, the doer of
an act named as an object, plans the subject "has", accusations trailing an appeal, and token
identity by index. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_coder import parse, triples

from eventwire.events.coder import EventCoder


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(None)


# ------------------------------------------------------------------ hand-built parses (fast)
def test_up_to_number_object_is_target(blank_nlp, coder):
    # the parser takes "up" for a particle and hangs the victims on "to"
    doc = parse(blank_nlp, """
        Rebels rebel NOUN nsubj 1
        abducted abduct VERB ROOT 1
        up up ADP prt 1
        to to ADP prep 2
        30 30 NUM nummod 6
        Malian Malian ADJ amod 6
        farmers farmer NOUN pobj 3
        . . PUNCT punct 1
    """, {"0": "MLIREB", "5-6": "MLICVL"})
    assert ("MLIREB", "MLICVL", "181") in triples(coder(doc)._.events)


def test_up_to_without_number_is_no_object(blank_nlp, coder):
    # "fed up to" is no count of victims: the phrase is not an object
    doc = parse(blank_nlp, """
        Rebels rebel NOUN nsubj 1
        abducted abduct VERB ROOT 1
        up up ADP prt 1
        to to ADP prep 2
        Malian Malian ADJ amod 5
        farmers farmer NOUN pobj 3
        . . PUNCT punct 1
    """, {"0": "MLIREB", "4-5": "MLICVL"})
    assert not any(e.target == "MLICVL" for e in coder(doc)._.events)


def test_active_for_gerund_is_a_charge_not_coded(blank_nlp, coder):
    # "A court in Lagos jailed the activist for threatening the governor": the reason is the court's charge
    doc = parse(blank_nlp, """
        Judges judge NOUN nsubj 1
        jailed jail VERB ROOT 1
        the the DET det 3
        activist activist NOUN dobj 1
        for for ADP prep 1
        threatening threaten VERB pcomp 4
        the the DET det 7
        governor governor NOUN dobj 5
        . . PUNCT punct 1
    """, {"0": "NGAJUD", "3": "NGAOPP", "7": "NGAGOV"})
    got = triples(coder(doc)._.events)
    assert not any(c.startswith("13") for _s, _t, c in got), got  # neither the court's nor the activist's


def test_passive_for_gerund_is_a_charge_not_coded(blank_nlp, coder):
    doc = parse(blank_nlp, """
        The the DET det 1
        activist activist NOUN nsubjpass 3
        was be AUX auxpass 3
        jailed jail VERB ROOT 3
        by by ADP agent 3
        judges judge NOUN pobj 4
        for for ADP prep 3
        threatening threaten VERB pcomp 6
        the the DET det 9
        governor governor NOUN dobj 7
        . . PUNCT punct 3
    """, {"1": "NGAOPP", "5": "NGAJUD", "9": "NGAGOV"})
    got = triples(coder(doc)._.events)
    assert not any(c.startswith("13") for _s, _t, c in got), got  # neither the court's nor the activist's


def test_guilty_of_gerund_subject_is_copula_subject(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Serbian Serbian ADJ amod 1
        police police NOUN nsubj 2
        were be AUX ROOT 2
        guilty guilty ADJ acomp 2
        of of ADP prep 3
        attacking attack VERB pcomp 4
        Albanian Albanian ADJ amod 7
        villagers villager NOUN dobj 5
        . . PUNCT punct 2
    """, {"0-1": "SRBCOP", "6-7": "ALBCVL"})
    assert ("SRBCOP", "ALBCVL", "190") in triples(coder(doc)._.events)


def test_trailing_accusation_is_its_own_act(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Egypt Egypt PROPN nsubj 1
        urged urge VERB ROOT 1
        calm calm NOUN dobj 1
        , , PUNCT punct 1
        accusing accuse VERB advcl 1 VBG
        Ethiopia Ethiopia PROPN dobj 4
        of of ADP prep 4
        provoking provoke VERB pcomp 6 VBG
        Sudan Sudan PROPN dobj 7
        . . PUNCT punct 1
    """, {"0": "EGY", "5": "ETH", "8": "SDN"})
    got = triples(coder(doc)._.events)
    assert ("EGY", "ETH", "112") in got
    assert not any(c.startswith("02") and t == "ETH" for _s, t, c in got)


def test_trailing_warning_still_folds(blank_nlp, coder):
    # "..., warning that ...": the warning is what the appeal says, not a separate threat
    doc = parse(blank_nlp, """
        Kenya Kenya PROPN nsubj 1
        appealed appeal VERB ROOT 1
        to to ADP prep 1
        Uganda Uganda PROPN pobj 2
        , , PUNCT punct 1
        warning warn VERB advcl 1 VBG
        that that SCONJ mark 9
        its its PRON poss 8
        troops troop NOUN nsubj 9
        withdrew withdraw VERB ccomp 5
        . . PUNCT punct 1
    """, {"0": "KEN", "3": "UGA", "7-8": "KENMIL"})
    assert not any(c.startswith("13") for _s, _t, c in triples(coder(doc)._.events))


# ------------------------------------------------------------------ with the model
@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The army detained up to 50 Somali students.", ("SOM", "SOMEDU", "173")),
    ("Militants kidnapped up to 16 Chinese aid workers in Sudan.", (None, "CHN", "181")),
    ("Pakistan is accused by India of shelling Indian villages.", ("IND", "PAK", "112")),
    ("Iranian police prevented the rally organised by Iraqi pilgrims.", ("IRNCOP", "IRQ", "172")),
    ("Moscow has no plans to ease its embargo on Georgia.", ("RUS", "GEO", "12")),
    ("China has no intention of attending the talks with Japan.", ("CHN", "JPN", "12")),
    ("The UN chief urged restraint, accusing Israel of escalating the conflict.", ("IGOUNO", "ISR", "112")),
    ("The Turkish president met the Syrian leader, drawing criticism from the United States.",
     ("USA", "TURGOV", "111")),
])
def test_model_sentences(nlp_model: Language, sentence: str, expected: tuple[str | None, str, str]) -> None:
    src, tgt, code = expected
    events = list(nlp_model(sentence)._.events)
    assert any((src is None or (e.source or "").startswith(src)) and (e.target or "").startswith(tgt)
               and e.code.startswith(code) for e in events), [(e.source, e.target, e.code) for e in events]


@pytest.mark.model
def test_model_plan_belongs_to_subject_of_have(nlp_model: Language) -> None:
    events = [e for e in nlp_model("Moscow has no plans to ease its embargo on Georgia.")._.events
              if e.target == "GEO"]
    assert events and all((e.source or "").startswith("RUS") for e in events)


@pytest.mark.model
def test_model_sentenced_threat_not_the_court(nlp_model: Language) -> None:
    events = nlp_model("A Kenyan court sentenced the activist for threatening the Ugandan president.")._.events
    assert not any(e.source == "KENJUD" and e.code.startswith("13") for e in events)


@pytest.mark.model
def test_model_signed_deal_brokered_is_not_a_target(nlp_model: Language) -> None:
    # only the doer of a protest or violent act is its target; a broker of a deal is not
    events = nlp_model("Kenya signed the deal brokered by China.")._.events
    assert not any(e.source == "KEN" and e.target == "CHN" for e in events)


@pytest.mark.model
def test_model_capacity_is_no_plan(nlp_model: Language) -> None:
    # only a plan or intention the subject "has" is its own act; a capacity is no act at all
    events = nlp_model("Iran has the capacity to strike Israel.")._.events
    assert not any(e.code.startswith("19") for e in events)


@pytest.mark.model
def test_model_protest_organiser_is_target(nlp_model: Language) -> None:
    events = nlp_model("Police in Kenya dispersed the protest organised by Ugandan students.")._.events
    assert any(e.source == "KENCOP" and (e.target or "").startswith("UGA") for e in events)
