"""Who is the source and the target: domestic acts, unattributed violence, deeper attachments and vowed
countermeasures. Hand-parsed sentences with hand-set actors and places (no model); sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from test_events_coder import parse as _parse
from test_events_coder import triples

from eventwire.events.coder import EventCoder
from eventwire.events.patterns import load_patterns


def parse(nlp, spec: str, actors: dict[str, str], places: dict[str, str] | None = None) -> Doc:
    """The event coder tests' hand parser, with literal places (every test here sets them)."""
    return _parse(nlp, spec, actors, places=places or {})


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(None)


def test_grammar_lists_load():
    g = load_patterns()
    assert g.mapping("hostile_response_nouns")["countermeasure"].startswith("13")
    assert "173" in g.words("internal_codes") and "174" not in g.words("internal_codes")
    assert "18" in g.words("unattributed_codes")
    assert "rocket" not in g.words("unattributed_subjects")


# ---------------------------------------------------------------- 1. domestic targets
ARREST = """
    Kenyan Kenyan ADJ amod 1
    police police NOUN nsubj 2
    arrested arrest VERB ROOT 2 VBD
    students student NOUN dobj 2
    , , PUNCT punct 6
    Ugandan Ugandan ADJ amod 6
    officials official NOUN nsubj 7
    said say VERB parataxis 2 VBD
    . . PUNCT punct 2
"""


def test_internal_act_target_takes_source_country(blank_nlp, coder):
    # two countries named: only the arrest's own nature says whose students they are
    doc = parse(blank_nlp, ARREST, {"0-1": "KENCOP", "3": "---EDU", "5-6": "UGAGOV"})
    assert ("KENCOP", "KENEDU", "173") in triples(coder(doc)._.events)


def test_external_act_target_not_guessed(blank_nlp, coder):
    # an attack is not something a state does only to its own people: the militants stay uncoded
    spec = ARREST.replace("arrested arrest", "attacked attack").replace("students student", "militants militant")
    doc = parse(blank_nlp, spec, {"0-1": "KENMIL", "3": "---REB", "5-6": "UGAGOV"})
    events = coder(doc)._.events
    assert events and all(not (e.target or "").startswith("KEN") for e in events)


def test_place_in_actor_phrase_qualifies_target(blank_nlp, coder):
    # "accused Darfur rebels": the place names whose rebels, though two countries are named
    doc = parse(blank_nlp, """
        The the DET det 2
        Sudanese Sudanese ADJ amod 2
        government government NOUN nsubj 3
        accused accuse VERB ROOT 3 VBD
        Darfur Darfur PROPN compound 5
        rebels rebel NOUN dobj 3
        , , PUNCT punct 8
        Chadian Chadian ADJ amod 8
        mediators mediator NOUN nsubj 9
        said say VERB parataxis 3 VBD
        . . PUNCT punct 3
    """, {"1-2": "SDNGOV", "5": "---REB", "7-8": "TCDGOV"}, places={"4": "SDN"})
    assert ("SDNGOV", "SDNREB", "112") in triples(coder(doc)._.events)


def test_same_code_guard_compares_full_codes(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Sudan Sudan PROPN compound 1
        police police NOUN nsubj 2
        arrested arrest VERB ROOT 2 VBD
        Sudan Sudan PROPN compound 4
        rebels rebel NOUN dobj 2
        . . PUNCT punct 2
    """, {"0-1": "SDNCOP", "3-4": "SDNREB"})
    assert triples(coder(doc)._.events) == {("SDNCOP", "SDNREB", "173")}
    # both named outright with one code: nothing between two actors
    doc = parse(blank_nlp, """
        Sudan Sudan PROPN compound 1
        police police NOUN nsubj 2
        arrested arrest VERB ROOT 2 VBD
        Sudan Sudan PROPN compound 4
        police police NOUN dobj 2
        . . PUNCT punct 2
    """, {"0-1": "SDNCOP", "3-4": "SDNCOP"})
    assert coder(doc)._.events == []


def test_context_fill_never_makes_two_mentions_identical(blank_nlp, coder):
    # "policemen" is another mention: a sector filled from context that collides keeps its country only
    doc = parse(blank_nlp, """
        Sudan Sudan PROPN compound 1
        police police NOUN nsubj 2
        arrested arrest VERB ROOT 2 VBD
        policemen policeman NOUN dobj 2
        . . PUNCT punct 2
    """, {"0-1": "SDNCOP", "3": "---COP"})
    assert triples(coder(doc)._.events) == {("SDNCOP", "SDN", "173")}


# ---------------------------------------------------------------- 3. unattributed violence
KILLED = """
    A a DET det 1
    journalist journalist NOUN nsubjpass 3
    was be AUX auxpass 3
    killed kill VERB ROOT 3 VBN
    in in ADP prep 3
    a a DET det 7
    car car NOUN compound 7
    bombing bombing NOUN pobj 4
    in in ADP prep 7
    Beirut Beirut PROPN pobj 8
    . . PUNCT punct 3
"""


def test_agentless_killing_takes_place_country(blank_nlp, coder):
    doc = parse(blank_nlp, KILLED, {"1": "---MED"}, places={"9": "LBN"})
    events = coder(doc)._.events
    assert ("LBN", "LBNMED", "180") in triples(events)


def test_agentless_killing_without_place_not_coded(blank_nlp, coder):
    doc = parse(blank_nlp, KILLED, {"1": "---MED"}, places={})
    assert not [e for e in coder(doc)._.events if e.code.startswith("18")]


def test_named_agent_wins_over_place(blank_nlp, coder):
    doc = parse(blank_nlp, """
        A a DET det 1
        journalist journalist NOUN nsubjpass 3
        was be AUX auxpass 3
        killed kill VERB ROOT 3 VBN
        by by ADP agent 3
        Hezbollah Hezbollah PROPN pobj 4
        in in ADP prep 3
        Beirut Beirut PROPN pobj 6
        . . PUNCT punct 3
    """, {"1": "---MED", "5": "LBNREB"}, places={"7": "LBN"})
    assert {e.source for e in coder(doc)._.events} == {"LBNREB"}


def test_device_subject_takes_place_country(blank_nlp, coder):
    doc = parse(blank_nlp, """
        A a DET det 2
        roadside roadside NOUN compound 2
        bomb bomb NOUN nsubj 5
        near near ADP prep 2
        Kandahar Kandahar PROPN pobj 3
        killed kill VERB ROOT 5 VBD
        four four NUM nummod 8
        Afghan Afghan ADJ amod 8
        soldiers soldier NOUN dobj 5
        . . PUNCT punct 5
    """, {"7-8": "AFGMIL"}, places={"4": "AFG"})
    assert ("AFG", "AFGMIL", "18") in {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events}


def test_rocket_subject_not_located(blank_nlp, coder):
    # where a rocket lands says nothing about who fired it
    doc = parse(blank_nlp, """
        A a DET det 1
        rocket rocket NOUN nsubj 4
        near near ADP prep 1
        Sderot Sderot PROPN pobj 2
        killed kill VERB ROOT 4 VBD
        two two NUM nummod 6
        civilians civilian NOUN dobj 4
        . . PUNCT punct 4
    """, {"6": "---CVL"}, places={"3": "ISR"})
    assert coder(doc)._.events == []


# ---------------------------------------------------------------- 4. deeper targets
def test_party_behind_the_goods(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Britain Britain PROPN nsubj 1
        imposed impose VERB ROOT 1 VBD
        an an DET det 3
        embargo embargo NOUN dobj 1
        on on ADP prep 3
        arms arm NOUN compound 6
        sales sale NOUN pobj 4
        to to ADP prep 6
        Liberia Liberia PROPN pobj 7
        . . PUNCT punct 1
    """, {"0": "GBR", "8": "LBR"})
    assert ("GBR", "LBR", "163") in {(e.source, e.target, e.code[:3]) for e in coder(doc)._.events}


def test_purpose_object_is_target(blank_nlp, coder):
    doc = parse(blank_nlp, """
        France France PROPN nsubj 1
        deployed deploy VERB ROOT 1 VBD
        troops troop NOUN dobj 1
        to to PART aux 4
        protect protect VERB advcl 1 VB
        Mali Mali PROPN dobj 4
        . . PUNCT punct 1
    """, {"0": "FRA", "5": "MLI"})
    events = coder(doc)._.events
    assert any(e.source == "FRA" and e.target == "MLI" and e.code.startswith("15") for e in events)


def test_instrument_purpose_subject(blank_nlp, coder):
    # an instrument's purpose: the police scatter the crowd, and it is done, not a threat
    doc = parse(blank_nlp, """
        Greek Greek ADJ amod 1
        police police NOUN nsubj 2
        used use VERB ROOT 2 VBD
        tear tear NOUN compound 4
        gas gas NOUN dobj 2
        to to PART aux 6
        disperse disperse VERB xcomp 2 VB
        protesters protester NOUN dobj 6
        . . PUNCT punct 2
    """, {"0-1": "GRCCOP", "7": "---OPP"})
    events = coder(doc)._.events
    assert any(e.source == "GRCCOP" and e.target == "GRCOPP" and e.code.startswith("175") for e in events)
    assert not any(e.code.startswith("13") for e in events)


def test_went_on_strike(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Chilean Chilean ADJ amod 1
        dockers docker NOUN nsubj 2
        went go VERB ROOT 2 VBD
        on on ADP prep 2
        strike strike NOUN pobj 3
        . . PUNCT punct 2
    """, {"0-1": "CHLLAB"})
    assert ("CHLLAB", "CHLGOV", "143") in triples(coder(doc)._.events)


# ---------------------------------------------------------------- 6. vowed countermeasures
VOW = """
    Pyongyang Pyongyang PROPN nsubj 1
    vowed vow VERB ROOT 1 VBD
    to to PART aux 3
    take take VERB xcomp 1 VB
    the the DET det 6
    toughest tough ADJ amod 6
    WORD LEMMA NOUN dobj 3
    against against ADP prep 6
    Seoul Seoul PROPN pobj 7
    . . PUNCT punct 1
"""


@pytest.mark.parametrize("word,lemma", [("countermeasures", "countermeasure"), ("counteraction", "counteraction")])
def test_vowed_countermeasures_are_a_threat(blank_nlp, coder, word, lemma):
    doc = parse(blank_nlp, VOW.replace("WORD", word).replace("LEMMA", lemma), {"0": "PRKGOV", "8": "KORGOV"})
    events = coder(doc)._.events
    assert [(e.source, e.target, e.code[:2], e.plover) for e in events] == [("PRKGOV", "KORGOV", "13", "THREATEN")]


def test_vowed_measures_stay_intent(blank_nlp, coder):
    spec = VOW.replace("WORD", "steps").replace("LEMMA", "step").replace("against against", "with with")
    events = coder(parse(blank_nlp, spec, {"0": "PRKGOV", "8": "KORGOV"}))._.events
    assert not any(e.code.startswith("13") for e in events)


def test_participle_of_a_named_object_is_its_own_act(blank_nlp, coder):
    # "dispersed students protesting ...": the students protest; the police disperse
    doc = parse(blank_nlp, """
        Police police NOUN nsubj 1
        dispersed disperse VERB ROOT 1 VBD
        Chilean Chilean ADJ amod 3
        students student NOUN dobj 1
        protesting protest VERB acl 3 VBG
        in in ADP prep 4
        Santiago Santiago PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "---COP", "2-3": "CHLEDU", "6": "CHL"}, places={"6": "CHL"})
    events = coder(doc)._.events
    protests = [e for e in events if e.code.startswith("14")]
    assert protests and all(e.source == "CHLEDU" for e in protests)


# ---------------------------------------------------------------- 2. the place as recipient
CRACKDOWN = """
    Greek Greek ADJ amod 1
    police police NOUN nsubj 2
    launched launch VERB ROOT 2 VBD
    a a DET det 4
    crackdown crackdown NOUN dobj 2
    in in ADP prep 2
    Izmir Izmir PROPN pobj 5
    . . PUNCT punct 2
"""


def test_place_is_recipient_of_targetless_coercion(blank_nlp, coder):
    doc = parse(blank_nlp, CRACKDOWN, {"0-1": "GRCCOP"}, places={"6": "TUR"})
    assert ("GRCCOP", "TUR", "17") in {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events}


def test_place_of_own_country_is_not_the_recipient(blank_nlp, coder):
    # a bare-country source acting in its own country is not its own target: kept targetless
    spec = CRACKDOWN.replace("Greek Greek ADJ amod 1", "Turkey Turkey PROPN compound 1")
    doc = parse(blank_nlp, spec, {"0": "TUR"}, places={"6": "TUR"})
    assert {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events} == {("TUR", None, "17")}


def test_actor_takes_country_of_body_it_belongs_to(blank_nlp, coder):
    # workers tied to a Serbian union: their country, though Croatia is named too
    doc = parse(blank_nlp, """
        Workers worker NOUN nsubj 5
        affiliated affiliate VERB acl 0 VBN
        with with ADP prep 1
        a a DET det 4
        union union NOUN pobj 2
        rioted riot VERB ROOT 5 VBD
        , , PUNCT punct 8
        Croatian Croatian ADJ amod 8
        media media NOUN nsubj 9
        said say VERB parataxis 5 VBD
        . . PUNCT punct 5
    """, {"0": "---LAB", "4": "SRBLAB", "7-8": "HRVMED"})
    assert {(e.source, e.code[:2]) for e in coder(doc)._.events} == {("SRBLAB", "14")}


def test_onset_verb_places_the_parties(blank_nlp, coder):
    # "clashes between the army and rebels broke out in Darfur": the onset verb carries the place
    doc = parse(blank_nlp, """
        Clashes clash NOUN nsubj 6
        between between ADP prep 0
        the the DET det 3
        army army NOUN pobj 1
        and and CCONJ cc 3
        rebels rebel NOUN conj 3
        broke break VERB ROOT 6 VBD
        out out ADP prt 6
        in in ADP prep 6
        Darfur Darfur PROPN pobj 8
        , , PUNCT punct 12
        Chad Chad PROPN nsubj 12
        said say VERB parataxis 6 VBD
        . . PUNCT punct 6
    """, {"3": "---MIL", "5": "---REB", "11": "TCD"}, places={"9": "SDN"})
    pairs = {(e.source, e.target) for e in coder(doc)._.events if e.code.startswith("19")}
    assert ("SDNMIL", "SDNREB") in pairs


def test_reaction_to_a_summed_up_act(blank_nlp, coder):
    # ", a step criticised by Jordan": the criticism is aimed at the one who took the step
    doc = parse(blank_nlp, """
        Israel Israel PROPN nsubj 1
        expanded expand VERB ROOT 1 VBD
        settlements settlement NOUN dobj 1
        , , PUNCT punct 1
        a a DET det 5
        step step NOUN npadvmod 1
        criticised criticise VERB acl 5 VBN
        by by ADP agent 6
        Jordan Jordan PROPN pobj 7
        . . PUNCT punct 1
    """, {"0": "ISR", "8": "JOR"})
    assert ("JOR", "ISR", "11") in {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events}
    # an ordinary noun is no summary: "a report criticised by Jordan" names no one criticised
    doc = parse(blank_nlp, """
        Israel Israel PROPN nsubj 1
        published publish VERB ROOT 1 VBD
        figures figure NOUN dobj 1
        , , PUNCT punct 1
        a a DET det 5
        report report NOUN npadvmod 1
        criticised criticise VERB acl 5 VBN
        by by ADP agent 6
        Jordan Jordan PROPN pobj 7
        . . PUNCT punct 1
    """, {"0": "ISR", "8": "JOR"})
    assert not any(e.target == "ISR" for e in coder(doc)._.events)


def test_grammar_code_lists_are_validated(tmp_path):
    from eventwire.errors import DataFileError
    from eventwire.events.patterns import compile_patterns

    bad = tmp_path / "_grammar.yml"
    bad.write_text('internal_codes: ["173", "arrest"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="not a CAMEO code"):
        compile_patterns([bad])
    bad.write_text('hostile_response_nouns: {countermeasure: "threat"}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="not a CAMEO code"):
        compile_patterns([bad])


def test_participle_names_the_target(blank_nlp, coder):
    # "drills aimed at the island": the participle says whom the nominal act is aimed at
    doc = parse(blank_nlp, """
        China China PROPN nsubj 1
        staged stage VERB ROOT 1 VBD
        missile missile NOUN compound 3
        drills drill NOUN dobj 1
        aimed aim VERB acl 3 VBN
        at at ADP prep 4
        Taiwan Taiwan PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "CHN", "6": "TWN"})
    assert ("CHN", "TWN", "15") in {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events}
    # a participle of another meaning names no target
    spec = """
        China China PROPN nsubj 1
        staged stage VERB ROOT 1 VBD
        missile missile NOUN compound 3
        drills drill NOUN dobj 1
        involving involve VERB acl 3 VBG
        Taiwan Taiwan PROPN dobj 4
        . . PUNCT punct 1
    """
    events = coder(parse(blank_nlp, spec, {"0": "CHN", "5": "TWN"}))._.events
    assert events and not any(e.target == "TWN" for e in events)


def test_accident_is_no_unattributed_attack(blank_nlp, coder):
    spec = KILLED.replace("car car NOUN compound 7", "road road NOUN compound 7").replace(
        "bombing bombing NOUN pobj 4", "accident accident NOUN pobj 4")
    doc = parse(blank_nlp, spec, {"1": "---MED"}, places={"9": "LBN"})
    assert coder(doc)._.events == []
