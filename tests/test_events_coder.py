"""The event coder on hand-parsed sentences with hand-set actors (no model needed)."""

from __future__ import annotations

import pytest
from conftest import build_doc
from spacy.tokens import Doc

from eventwire.events.coder import EventCoder
from eventwire.records import ActorMention, Event, Place


def parse(nlp, spec: str, actors: dict[str, str], published: str | None = "2024-05-06",
          places: dict[str, str] | None = None) -> Doc:
    """``spec``: one token a line as ``word lemma POS dep head [tag]``; ``actors`` and ``places`` map
    token-index spans ("3" or "1-2") to actor codes and to the countries of literal places."""
    rows = [line.split() for line in spec.strip().splitlines()]
    doc = build_doc(nlp, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
                    deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows],
                    tags=[r[5] if len(r) > 5 else "" for r in rows])

    def span(key: str) -> tuple[int, int, str]:
        a, _, b = key.partition("-")
        first, last = doc[int(a)], doc[int(b or a)]
        return first.idx, last.idx + len(last), doc.text[first.idx:last.idx + len(last)]

    mentions = []
    for key, code in actors.items():
        lo, hi, text = span(key)
        country = None if code.startswith("---") else code[:3]
        mentions.append(ActorMention(start=lo, end=hi, text=text, code=code, name=text, country=country,
                                     kind="group" if code.startswith("---") else "country"))
    doc._.actors = sorted(mentions, key=lambda m: m.start)
    found = []
    for key, country in (places or {}).items():
        lo, hi, text = span(key)
        found.append(Place(start=lo, end=hi, text=text, country=country, kind="literal", feature="city"))
    if places is not None:
        doc._.places = found
    doc._.doc_id = "t1"
    doc._.published = published
    doc._.explain = False
    doc._.trace = None
    return doc


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(None)


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source, e.target, e.code) for e in events}


def test_subject_object(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        attacked attack VERB ROOT 1
        Iraq Iraq PROPN dobj 1
        . . PUNCT punct 1
    """, {"0": "IRN", "2": "IRQ"})
    events = coder(doc)._.events
    assert triples(events) == {("IRN", "IRQ", "190")}
    ev = events[0]
    assert ev.plover == "ASSAULT" and ev.quad_class == 4 and ev.goldstein is not None
    assert ev.evidence == {"source": [0, 4], "target": [14, 18], "trigger": [5, 13]}
    assert ev.date == "2024-05-06" and ev.date_source == "published"
    assert ev.doc_id == "t1" and ev.sentence_index == 0 and ev.pattern == "fight.attack"
    assert ev.coder_version.startswith("ewcoder-") and 0 < ev.confidence <= 1


def test_passive_agent_is_source(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Palestinians Palestinians PROPN nsubjpass 2
        were be AUX auxpass 2
        killed kill VERB ROOT 2
        by by ADP agent 2
        Israeli israeli ADJ amod 5
        forces force NOUN pobj 3
        . . PUNCT punct 2
    """, {"0": "PSE", "4-5": "ISRMIL"})
    assert triples(coder(doc)._.events) == {("ISRMIL", "PSE", "180")}


def test_compound_subject_gives_one_event_each(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 4
        , , PUNCT punct 0
        London London PROPN conj 0
        and and CCONJ cc 2
        condemned condemn VERB ROOT 4
        Pyongyang Pyongyang PROPN dobj 4
        . . PUNCT punct 4
    """, {"0": "USA", "2": "GBR", "5": "PRK"})
    assert triples(coder(doc)._.events) == {("USA", "PRK", "111"), ("GBR", "PRK", "111")}


def test_reciprocal_talks_both_directions(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Seoul Seoul PROPN nsubj 3
        and and CCONJ cc 0
        Tokyo Tokyo PROPN conj 0
        held hold VERB ROOT 3
        talks talk NOUN dobj 3
        . . PUNCT punct 3
    """, {"0": "KOR", "2": "JPN"})
    assert triples(coder(doc)._.events) == {("KOR", "JPN", "040"), ("JPN", "KOR", "040")}


def test_nominal_between(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Talks talk NOUN nsubj 5
        between between ADP prep 0
        Cairo Cairo PROPN pobj 1
        and and CCONJ cc 2
        Khartoum Khartoum PROPN conj 2
        resumed resume VERB ROOT 5
        . . PUNCT punct 5
    """, {"2": "EGY", "4": "SDN"})
    assert triples(coder(doc)._.events) == {("EGY", "SDN", "040"), ("SDN", "EGY", "040")}


def test_nominal_possessor_attack(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Russia Russia PROPN poss 2
        's 's PART case 0
        attack attack NOUN nsubj 5
        on on ADP prep 2
        Ukraine Ukraine PROPN pobj 3
        began begin VERB ROOT 5
        . . PUNCT punct 5
    """, {"0": "RUS", "4": "UKR"})
    events = coder(doc)._.events
    assert triples(events) == {("RUS", "UKR", "190")}
    assert events[0].confidence < 1.0  # nominal-only evidence is less sure


def test_light_verb_nominal_sanctions(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Brussels Brussels PROPN nsubj 1
        imposed impose VERB ROOT 1
        sanctions sanction NOUN dobj 1
        on on ADP prep 2
        Minsk Minsk PROPN pobj 3
        . . PUNCT punct 1
    """, {"0": "IGOEUREEC", "4": "BLR"})
    assert triples(coder(doc)._.events) == {("IGOEUREEC", "BLR", "163")}


def test_subject_control_folds_into_intent(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Beijing Beijing PROPN nsubj 1
        vowed vow VERB ROOT 1
        to to PART aux 3
        strengthen strengthen VERB xcomp 1
        ties tie NOUN dobj 3
        with with ADP prep 4
        Islamabad Islamabad PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "CHN", "6": "PAK"})
    events = coder(doc)._.events
    # one act: the pledge, aimed at Pakistan (the strengthened ties are not coded as having happened)
    assert triples(events) == {("CHN", "PAK", "030")}
    assert events[0].pattern == "intent.vow"


def test_object_control_appeal_for_talks(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 1
        urged urge VERB ROOT 1
        Tehran Tehran PROPN dobj 1
        to to PART aux 4
        resume resume VERB xcomp 1
        talks talk NOUN dobj 4
        . . PUNCT punct 1
    """, {"0": "USA", "2": "IRN"})
    assert triples(coder(doc)._.events) == {("USA", "IRN", "026")}


def test_threat_takes_target_from_threatened_act(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 1
        threatened threaten VERB ROOT 1
        to to PART aux 3
        impose impose VERB xcomp 1
        sanctions sanction NOUN dobj 3
        on on ADP prep 4
        Caracas Caracas PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "USA", "6": "VEN"})
    events = coder(doc)._.events
    assert triples(events) == {("USA", "VEN", "1312")}  # sanctions threatened: 1312 (engine round 4b)
    assert events[0].plover == "THREATEN"


def test_refusal_gets_reject_code(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Hamas Hamas PROPN nsubj 1
        refused refuse VERB ROOT 1
        to to PART aux 3
        meet meet VERB xcomp 1
        Israeli israeli ADJ amod 5
        negotiators negotiator NOUN dobj 3
        . . PUNCT punct 1
    """, {"0": "PSEHMS", "4-5": "ISRGOV"})
    events = coder(doc)._.events
    assert triples(events) == {("PSEHMS", "ISRGOV", "125")}
    assert events[0].plover == "REJECT"


def test_reported_speech_keeps_reporter(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Kenya Kenya PROPN nsubj 1
        said say VERB ROOT 1
        Somali somali ADJ amod 3
        militants militant NOUN nsubj 4
        attacked attack VERB ccomp 1
        Mandera Mandera PROPN dobj 4
        . . PUNCT punct 1
    """, {"0": "KEN", "2-3": "SOMREB", "5": "KEN"})
    events = coder(doc)._.events
    assert triples(events) == {("SOMREB", "KEN", "190")}
    assert events[0].reported_by == ["Kenya"]


def test_plain_said_is_no_event(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Kenya Kenya PROPN nsubj 1
        said say VERB ROOT 1
        Somalia Somalia PROPN dobj 1
        . . PUNCT punct 1
    """, {"0": "KEN", "2": "SOM"})
    assert coder(doc)._.events == []


def test_negated_cooperation_is_marked(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Ankara Ankara PROPN nsubj 3
        did do AUX aux 3
        not not PART neg 3
        meet meet VERB ROOT 3
        Athens Athens PROPN dobj 3
        . . PUNCT punct 3
    """, {"0": "TUR", "4": "GRC"})
    events = coder(doc)._.events
    assert triples(events) == {("TUR", "GRC", "040")}  # an object partner: one direction, as CAMEO codes it
    assert all(e.negated for e in events)


@pytest.mark.parametrize(("aux", "expected"), [("will", ("138", "asserted")), ("might", ("190", "hypothetical"))])
def test_modal_auxiliaries(blank_nlp, coder, aux, expected):
    """An announced attack is coded as a threat of force; a possible one stays a hypothetical attack."""
    doc = parse(blank_nlp, f"""
        Iran Iran PROPN nsubj 2
        {aux} {aux} AUX aux 2
        attack attack VERB ROOT 2
        Iraq Iraq PROPN dobj 2
        . . PUNCT punct 2
    """, {"0": "IRN", "3": "IRQ"})
    events = coder(doc)._.events
    assert [(e.code, e.modality) for e in events] == [expected]


@pytest.mark.parametrize(("verb", "lemma", "expected"), [
    ("investigate", "investigate", ("090", "planned")),  # planned and kept as such
    ("visit", "visit", ("036", "asserted")),  # announced cooperation: the intent to meet
    ("attack", "attack", ("138", "asserted")),  # announced force: a threat
])
def test_planned_under_intent_verb(blank_nlp, coder, verb, lemma, expected):
    doc = parse(blank_nlp, f"""
        Iran Iran PROPN nsubj 1
        plans plan VERB ROOT 1
        to to PART aux 3
        {verb} {lemma} VERB xcomp 1
        Iraq Iraq PROPN dobj 3
        . . PUNCT punct 1
    """, {"0": "IRN", "4": "IRQ"})
    events = coder(doc)._.events
    assert [(e.code[:3], e.modality) for e in events] == [expected]


def test_future_negated_cooperation_is_a_refusal(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Damascus Damascus PROPN nsubj 3
        will will AUX aux 3
        not not PART neg 3
        meet meet VERB ROOT 3
        Ankara Ankara PROPN dobj 3
        . . PUNCT punct 3
    """, {"0": "SYR", "4": "TUR"})
    events = coder(doc)._.events
    assert {(e.source, e.target, e.code, e.negated) for e in events} >= {("SYR", "TUR", "125", False)}


def test_same_source_and_target_not_coded(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        attacked attack VERB ROOT 1
        Tehran Tehran PROPN dobj 1
        . . PUNCT punct 1
    """, {"0": "IRN", "2": "IRN"})
    assert coder(doc)._.events == []


def test_domestic_dyad_with_distinct_codes_is_kept(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Police police NOUN nsubj 1
        arrested arrest VERB ROOT 1
        opposition opposition NOUN compound 3
        leaders leader NOUN dobj 1
        . . PUNCT punct 1
    """, {"0": "ZWECOP", "2-3": "ZWEOPP"})
    assert triples(coder(doc)._.events) == {("ZWECOP", "ZWEOPP", "173")}


def test_uncoded_source_gives_no_event(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Gunmen gunman NOUN nsubj 1
        attacked attack VERB ROOT 1
        Kabul Kabul PROPN dobj 1
        . . PUNCT punct 1
    """, {"2": "AFG"})
    assert coder(doc)._.events == []


def test_suppressing_entry_blocks_release_of_report(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Kenya Kenya PROPN nsubj 1
        released release VERB ROOT 1
        a a DET det 3
        report report NOUN dobj 1
        . . PUNCT punct 1
    """, {"0": "KEN"})
    assert coder(doc)._.events == []


@pytest.mark.parametrize("spec", [
    # The economy grew 3 percent in May.
    """
    The the DET det 1
    economy economy NOUN nsubj 2
    grew grow VERB ROOT 2
    3 3 NUM nummod 4
    percent percent NOUN dobj 2
    in in ADP prep 2
    May May PROPN pobj 5
    . . PUNCT punct 2
    """,
    # The French film won an award.
    """
    The the DET det 2
    French french ADJ amod 2
    film film NOUN nsubj 3
    won win VERB ROOT 3
    an an DET det 5
    award award NOUN dobj 3
    . . PUNCT punct 3
    """,
    # Analysts think Iran is right.
    """
    Analysts analyst NOUN nsubj 1
    think think VERB ROOT 1
    Iran Iran PROPN nsubj 3
    is be AUX ccomp 1
    right right ADJ acomp 3
    . . PUNCT punct 1
    """,
])
def test_sentences_without_an_act(blank_nlp, coder, spec):
    doc = parse(blank_nlp, spec, {"1": "FRA"} if "French" in spec else {"2": "IRN"} if "Iran" in spec else {})
    assert coder(doc)._.events == []


def test_explain_trace_says_why(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        attacked attack VERB ROOT 1
        Iraq Iraq PROPN dobj 1
        and and CCONJ cc 1
        Gunmen gunman NOUN nsubj 5
        attacked attack VERB conj 1
        Basra Basra PROPN dobj 5
        . . PUNCT punct 1
    """, {"0": "IRN", "2": "IRQ", "6": "IRQ"})
    doc._.explain = True
    coder(doc)
    trace = "\n".join(doc._.trace)
    assert "candidate 'attacked' [5:13]" in trace
    assert "try fight.attack (190): ok" in trace
    assert "CODED 190 IRN -> IRQ" in trace and "trigger [5, 13]" in trace
    assert "fails requires" in trace  # patterns tried and rejected are listed too


def test_explain_off_leaves_trace_alone(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        attacked attack VERB ROOT 1
        Iraq Iraq PROPN dobj 1
    """, {"0": "IRN", "2": "IRQ"})
    coder(doc)
    assert doc._.trace is None


def test_no_actors_no_crash(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Attacked attack VERB ROOT 0
    """, {})
    doc._.actors = None
    assert coder(doc)._.events == []


def test_list_of_names_with_apposition_is_all_reciprocal(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 6
        , , PUNCT punct 0
        Moscow Moscow PROPN appos 0
        , , PUNCT punct 2
        and and CCONJ cc 2
        Bern Bern PROPN conj 2
        met meet VERB ROOT 6
    """, {"0": "USA", "2": "RUS", "5": "CHE"})
    pairs = {(e.source, e.target) for e in coder(doc)._.events}
    assert pairs == {(a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b}


def test_passive_arrest_without_agent_uses_the_place(blank_nlp, coder):
    from eventwire.records import Place

    doc = parse(blank_nlp, """
        Journalists journalist NOUN nsubjpass 2
        were be AUX auxpass 2
        arrested arrest VERB ROOT 2
        in in ADP prep 2
        Cairo Cairo PROPN pobj 3
        . . PUNCT punct 2
    """, {"0": "---MED"})
    cairo = doc[4]
    doc._.places = [Place(start=cairo.idx, end=cairo.idx + 5, text="Cairo", country="EGY")]
    events = coder(doc)._.events
    assert triples(events) == {("EGYCOP", "EGYMED", "173")}
    assert events[0].confidence < 0.7  # the source was inferred


def test_protest_without_target_is_against_own_government(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Students student NOUN nsubj 1
        protested protest VERB ROOT 1
        in in ADP prep 1
        Jakarta Jakarta PROPN pobj 2
        . . PUNCT punct 1
    """, {"0": "IDNEDU", "3": "IDNGOV"})
    # "in Jakarta" names the place, not the government: the capital is read as the country
    assert triples(coder(doc)._.events) == {("IDNEDU", "IDN", "141")}


def test_demand_targets_the_subject_of_the_demanded_act(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Beijing Beijing PROPN nsubj 1
        demanded demand VERB ROOT 1
        that that SCONJ mark 4
        Washington Washington PROPN nsubj 4
        cancel cancel VERB ccomp 1
        arms arm NOUN compound 6
        sales sale NOUN dobj 4
        to to ADP prep 6
        Taipei Taipei PROPN pobj 7
        . . PUNCT punct 1
    """, {"0": "CHN", "3": "USA", "8": "TWN"})
    assert triples(coder(doc)._.events) == {("CHN", "USA", "100")}


def test_fronted_report_is_not_folded(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Cairo Cairo PROPN nsubj 1
        met meet VERB ccomp 5
        Amman Amman PROPN dobj 1
        , , PUNCT punct 5
        officials official NOUN nsubj 5
        pledged pledge VERB ROOT 5
        to to PART aux 7
        cooperate cooperate VERB xcomp 5
        . . PUNCT punct 5
    """, {"0": "EGY", "2": "JOR"})
    assert ("EGY", "JOR", "040") in triples(coder(doc)._.events)


def test_demanded_and_threatened_modality(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Iraq Iraq PROPN nsubj 2
        must must AUX aux 2
        withdraw withdraw VERB ROOT 2
        from from ADP prep 2
        Kuwait Kuwait PROPN pobj 3
        . . PUNCT punct 2
    """, {"0": "IRQ", "4": "KWT"})
    events = coder(doc)._.events
    assert [(e.code, e.modality) for e in events] == [("0874", "demanded")]
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        threatened threaten VERB ROOT 1
        to to PART aux 3
        attack attack VERB xcomp 1
        Iraq Iraq PROPN dobj 3
        . . PUNCT punct 1
    """, {"0": "IRN", "4": "IRQ"})
    # the threatened act itself is marked threatened; the event coded is the threat (folded)
    assert coder._modality(doc[3])[0] == "threatened"
    assert triples(coder(doc)._.events) == {("IRN", "IRQ", "138")}


def test_own_modality_fallback_without_shared_module(blank_nlp, coder, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "eventwire.events.modality", None)  # import now fails
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 3
        did do AUX aux 3
        not not PART neg 3
        attack attack VERB ROOT 3
        Iraq Iraq PROPN dobj 3
    """, {"0": "IRN", "4": "IRQ"})
    assert coder._modality(doc[3]) == ("asserted", True)
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 2
        might might AUX aux 2
        attack attack VERB ROOT 2
        Iraq Iraq PROPN dobj 2
    """, {"0": "IRN", "3": "IRQ"})
    assert coder._modality(doc[2]) == ("hypothetical", False)


def test_violence_against_a_place_when_no_actor_is_named(blank_nlp, coder):
    from eventwire.records import Place

    doc = parse(blank_nlp, """
        Israeli israeli ADJ amod 1
        tanks tank NOUN nsubj 2
        shelled shell VERB ROOT 2
        targets target NOUN dobj 2
        in in ADP prep 3
        Jericho Jericho PROPN pobj 4
        . . PUNCT punct 2
    """, {"0": "ISR"})
    jericho = doc[5]
    doc._.places = [Place(start=jericho.idx, end=jericho.idx + 7, text="Jericho", country="PSE")]
    events = coder(doc)._.events
    assert triples(events) == {("ISR", "PSE", "194")}
    assert events[0].confidence < 0.8


def test_nominal_attack_as_subject_takes_the_verbs_object(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Israeli israeli ADJ amod 2
        air air NOUN compound 2
        strikes strike NOUN nsubj 3
        killed kill VERB ROOT 3
        Palestinian palestinian ADJ amod 5
        civilians civilian NOUN dobj 3
        . . PUNCT punct 3
    """, {"0": "ISR", "4-5": "PSECVL"})
    # the strikes and the killing are one act of violence: one event, the more specific air strike
    assert triples(coder(doc)._.events) == {("ISR", "PSECVL", "195")}


def test_nominal_through_carrier_noun_but_not_through_other_nouns(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Kyiv Kyiv PROPN nsubj 1
        took take VERB ROOT 1
        part part NOUN dobj 1
        in in ADP prep 2
        talks talk NOUN pobj 3
        with with ADP prep 4
        Moscow Moscow PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "UKR", "6": "RUS"})
    assert triples(coder(doc)._.events) == {("UKR", "RUS", "040")}
    doc = parse(blank_nlp, """
        Paris Paris PROPN nsubj 1
        attended attend VERB ROOT 1
        a a DET det 3
        summit summit NOUN dobj 1
        on on ADP prep 3
        unrest unrest NOUN pobj 4
        in in ADP prep 5
        Tehran Tehran PROPN pobj 6
        . . PUNCT punct 1
    """, {"0": "FRA", "7": "IRN"})
    # Paris attends a summit; it does not riot in Iran
    assert all(e.root != "14" for e in coder(doc)._.events)


def test_visit_needs_an_official(blank_nlp, coder):
    doc = parse(blank_nlp, """
        The the DET det 2
        Indian indian ADJ amod 2
        team team NOUN nsubj 3
        arrived arrive VERB ROOT 3
        in in ADP prep 3
        London London PROPN pobj 4
        . . PUNCT punct 3
    """, {"1-2": "IND", "5": "GBR"})
    assert coder(doc)._.events == []
    doc._.actors[0].code = "INDGOV"
    assert triples(coder(doc)._.events) == {("INDGOV", "GBR", "042")}


def test_passive_killing_by_a_named_attack(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Two two NUM nummod 1
        soldiers soldier NOUN nsubjpass 3
        were be AUX auxpass 3
        killed kill VERB ROOT 3
        in in ADP prep 3
        a a DET det 7
        Taliban Taliban PROPN compound 7
        ambush ambush NOUN pobj 4
        . . PUNCT punct 3
    """, {"1": "AFGMIL", "6": "AFGREB"})
    assert ("AFGREB", "AFGMIL", "180") in triples(coder(doc)._.events)
    doc = parse(blank_nlp, """
        Two two NUM nummod 1
        soldiers soldier NOUN nsubjpass 3
        were be AUX auxpass 3
        killed kill VERB ROOT 3
        in in ADP prep 3
        Kandahar Kandahar PROPN pobj 4
        . . PUNCT punct 3
    """, {"1": "AFGMIL", "5": "AFG"})
    assert coder(doc)._.events == []  # a place is where, not who


def test_condemning_an_attack_targets_the_attacker_not_the_victims(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Paris Paris PROPN nsubj 1
        condemned condemn VERB ROOT 1
        the the DET det 3
        attack attack NOUN dobj 1
        on on ADP prep 3
        Kyiv Kyiv PROPN pobj 4
        . . PUNCT punct 1
    """, {"0": "FRA", "5": "UKR"})
    assert triples(coder(doc)._.events) == {("FRA", None, "111")}
    doc = parse(blank_nlp, """
        Paris Paris PROPN nsubj 1
        condemned condemn VERB ROOT 1
        Moscow Moscow PROPN poss 4
        's 's PART case 2
        attack attack NOUN dobj 1
        on on ADP prep 4
        Kyiv Kyiv PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "FRA", "2": "RUS", "6": "UKR"})
    assert ("FRA", "RUS", "111") in triples(coder(doc)._.events)


def test_an_error_in_one_sentence_does_not_stop_the_doc(blank_nlp, monkeypatch):
    coder = EventCoder(None)
    doc = parse(blank_nlp, """
        Iran Iran PROPN nsubj 1
        attacked attack VERB ROOT 1
        Iraq Iraq PROPN dobj 1
    """, {"0": "IRN", "2": "IRQ"})
    doc._.explain = True

    def broken(*args, **kwargs):
        raise RuntimeError("odd parse")

    monkeypatch.setattr(coder, "_sentence", broken)
    with pytest.warns(UserWarning, match="skipped sentence 0"):
        coder(doc)
    assert doc._.events == [] and "skipped after an error" in doc._.trace[-1]


def test_participle_adjective_and_no_comment(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Spain Spain PROPN nsubj 1
        faces face VERB ROOT 1
        defending defend VERB amod 4
        champion champion NOUN compound 4
        Croatia Croatia PROPN dobj 1
        . . PUNCT punct 1
    """, {"0": "ESP", "4": "HRV"})
    assert coder(doc)._.events == []  # sport, and "defending" is an adjective here
    doc = parse(blank_nlp, """
        The the DET det 1
        ministry ministry NOUN nsubj 2
        declined decline VERB ROOT 2
        to to PART aux 4
        comment comment VERB xcomp 2
        . . PUNCT punct 2
    """, {"1": "KENGOV"})
    assert triples(coder(doc)._.events) == {("KENGOV", None, "011")}


# ---------------------------------------------------------------- engine fixes (co-subjects, threats, roles)

def test_co_subjects_are_not_each_others_targets_when_the_act_has_one(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 6
        , , PUNCT punct 0
        Brussels Brussels PROPN conj 0
        , , PUNCT punct 2
        Ottawa Ottawa PROPN conj 2
        and and CCONJ cc 4
        agreed agree VERB ROOT 6
        to to PART aux 8
        remove remove VERB xcomp 6
        Russian russian ADJ amod 10
        banks bank NOUN dobj 8
        . . PUNCT punct 6
    """, {"0": "USA", "2": "IGOEUREEC", "4": "CAN", "9-10": "RUSBUS"})
    assert triples(coder(doc)._.events) == {("USA", "RUSBUS", "030"), ("IGOEUREEC", "RUSBUS", "030"),
                                            ("CAN", "RUSBUS", "030")}


def test_three_parties_meeting_still_pair_up(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Oslo Oslo PROPN nsubj 5
        , , PUNCT punct 0
        Bern Bern PROPN conj 0
        and and CCONJ cc 2
        Rome Rome PROPN conj 2
        held hold VERB ROOT 5
        talks talk NOUN dobj 5
        . . PUNCT punct 5
    """, {"0": "NOR", "2": "CHE", "4": "ITA"})
    assert len({(e.source, e.target) for e in coder(doc)._.events}) == 6


def test_planned_hostile_act_under_if_is_a_threat(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Pyongyang Pyongyang PROPN nsubj 1
        said say VERB ROOT 1
        it it PRON nsubj 4
        would would AUX aux 4
        attack attack VERB ccomp 1
        Seoul Seoul PROPN dobj 4
        if if SCONJ mark 9
        the the DET det 8
        drills drill NOUN nsubj 9
        continued continue VERB advcl 4
        . . PUNCT punct 1
    """, {"0": "PRK", "5": "KOR"})
    events = coder(doc)._.events
    assert [(e.source, e.target, e.code[:2], e.modality) for e in events] == [("PRK", "KOR", "13", "asserted")]


def test_troops_arriving_are_not_a_visit(blank_nlp, coder):
    spec = """
        American american ADJ amod 1
        {who} {lemma} NOUN nsubj 2
        arrived arrive VERB ROOT 2
        in in ADP prep 2
        Warsaw Warsaw PROPN pobj 3
        . . PUNCT punct 2
    """
    troops = parse(blank_nlp, spec.format(who="troops", lemma="troop"), {"0-1": "USAMIL", "4": "POL"})
    assert coder(troops)._.events == []
    envoy = parse(blank_nlp, spec.format(who="envoy", lemma="envoy"), {"0-1": "USAGOV", "4": "POL"})
    assert triples(coder(envoy)._.events) == {("USAGOV", "POL", "042")}


def test_leaving_a_treaty_is_no_troop_withdrawal(blank_nlp, coder):
    spec = """
        Moscow Moscow PROPN nsubj 1
        withdrew withdraw VERB ROOT 1
        {obj}
        . . PUNCT punct 1
    """
    treaty = parse(blank_nlp, spec.format(obj="from from ADP prep 1\n        treaty treaty NOUN pobj 2"),
                   {"0": "RUS"})
    assert not any(e.code == "0874" for e in coder(treaty)._.events)
    troops = parse(blank_nlp, spec.format(obj="troops troop NOUN dobj 1\n        today today NOUN npadvmod 1"),
                   {"0": "RUS"})
    assert [e.code for e in coder(troops)._.events] == ["0874"]


def test_complement_object_is_the_target(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Helsinki Helsinki PROPN nsubj 1
        applied apply VERB ROOT 1
        to to PART aux 3
        join join VERB xcomp 1
        NATO NATO PROPN dobj 3
        . . PUNCT punct 1
    """, {"0": "FIN", "4": "IGOWSTNAT"})
    assert triples(coder(doc)._.events) == {("FIN", "IGOWSTNAT", "020")}


def test_purpose_of_a_call_belongs_to_the_caller(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Ankara Ankara PROPN nsubj 1
        telephoned telephone VERB ROOT 1
        Cairo Cairo PROPN dobj 1
        to to PART aux 4
        offer offer VERB xcomp 1
        condolences condolence NOUN dobj 4
        . . PUNCT punct 1
    """, {"0": "TUR", "2": "EGY"})
    assert {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events} == {("TUR", "EGY", "04"),
                                                                               ("TUR", "EGY", "01")}


def test_verb_coordinated_after_a_report_is_the_speakers(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Georgetown Georgetown PROPN nsubj 1
        said say VERB ROOT 1
        the the DET det 3
        plan plan NOUN nsubj 4
        was be AUX ccomp 1
        a a DET det 6
        threat threat NOUN attr 4
        and and CCONJ cc 4
        demanded demand VERB conj 4
        that that SCONJ mark 11
        Caracas Caracas PROPN nsubj 11
        respect respect VERB ccomp 8
        it it PRON dobj 11
        . . PUNCT punct 1
    """, {"0": "GUY", "10": "VEN"})
    assert triples(coder(doc)._.events) == {("GUY", "VEN", "100")}


def test_participle_adjunct_after_a_report_is_the_speakers(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Beijing Beijing PROPN nsubj 1
        said say VERB ROOT 1
        its its PRON poss 3
        guard guard NOUN nsubj 4
        acted act VERB ccomp 1
        , , PUNCT punct 4
        accusing accuse VERB advcl 4 VBG
        Manila Manila PROPN dobj 6
        of of ADP prep 7
        provocation provocation NOUN pobj 8
        . . PUNCT punct 1
    """, {"0": "CHN", "2-3": "CHNMIL", "7": "PHL"})
    assert triples(coder(doc)._.events) == {("CHN", "PHL", "112")}


def test_target_one_noun_deeper_in_the_object(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Berlin Berlin PROPN nsubj 1
        pledged pledge VERB ROOT 1
        millions million NOUN dobj 1
        in in ADP prep 2
        assistance assistance NOUN pobj 3
        to to ADP prep 4
        Ankara Ankara PROPN pobj 5
        . . PUNCT punct 1
    """, {"0": "DEU", "6": "TUR"})
    assert triples(coder(doc)._.events) == {("DEU", "TUR", "033")}


def custom_coder(tmp_path, entries: str) -> EventCoder:
    from eventwire.events.patterns import compile_patterns

    (tmp_path / "_grammar.yml").write_text("light_verbs: [hold]\n", encoding="utf-8")
    (tmp_path / "05_x.yml").write_text('root: "05"\nentries:\n' + entries, encoding="utf-8")
    return EventCoder(None, patterns=compile_patterns(list(tmp_path.glob("*.yml"))))


SIGN_WITH = """
    Jakarta Jakarta PROPN nsubj 1
    signed sign VERB ROOT 1
    a a DET det 3
    pact pact NOUN dobj 1
    with with ADP prep 1
    Canberra Canberra PROPN pobj 4
    . . PUNCT punct 1
"""


@pytest.mark.parametrize(("mutual", "expected"), [
    ("false", {("IDN", "AUS", "057")}),
    ("true", {("IDN", "AUS", "057"), ("AUS", "IDN", "057")}),
])
def test_mutual_entries_go_both_ways(blank_nlp, tmp_path, mutual, expected):
    c = custom_coder(tmp_path, f"""  - id: x.sign
    code: "057"
    verb: [sign]
    target: [prep:with]
    reciprocal: true
    mutual: {mutual}
    example: "Jakarta signed a pact with Canberra."
""")
    assert triples(c(parse(blank_nlp, SIGN_WITH, {"0": "IDN", "5": "AUS"}))._.events) == expected


def test_reciprocal_entry_needing_a_target_pairs_its_co_subjects(blank_nlp, tmp_path):
    c = custom_coder(tmp_path, """  - id: x.reconcile
    code: "050"
    verb: [reconcile]
    target: [prep:with]
    reciprocal: true
    needs_target: true
    example: "Rabat reconciled with Algiers."
""")
    spec = """
        Rabat Rabat PROPN nsubj 3
        and and CCONJ cc 0
        Algiers Algiers PROPN conj 0
        reconciled reconcile VERB ROOT 3
        . . PUNCT punct 3
    """
    assert triples(c(parse(blank_nlp, spec, {"0": "MAR", "2": "DZA"}))._.events) == {("MAR", "DZA", "050"),
                                                                                       ("DZA", "MAR", "050")}
    alone = parse(blank_nlp, "Rabat Rabat PROPN nsubj 1\nreconciled reconcile VERB ROOT 1\n. . PUNCT punct 1",
                  {"0": "MAR"})
    assert c(alone)._.events == []


def test_participle_describing_a_noun_is_not_folded(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Tehran Tehran PROPN nsubj 3
        and and CCONJ cc 0
        Riyadh Riyadh PROPN conj 0
        agreed agree VERB ROOT 3
        to to PART aux 5
        meet meet VERB xcomp 3
        in in ADP prep 3
        a a DET det 8
        deal deal NOUN pobj 6
        brokered broker VERB acl 8 VBN
        by by ADP agent 9
        Beijing Beijing PROPN pobj 10
        . . PUNCT punct 3
    """, {"0": "IRN", "2": "SAU", "11": "CHN"})
    events = coder(doc)._.events
    assert {(e.source, e.target) for e in events if e.source != "CHN"} == {("IRN", "SAU"), ("SAU", "IRN")}
    assert [e.code for e in events if e.source == "CHN"] == ["045"]  # the broker mediates on its own


def test_result_of_a_causative_verb_is_asserted(blank_nlp, coder):
    doc = parse(blank_nlp, """
        The the DET det 1
        vote vote NOUN nsubj 2
        prompted prompt VERB ROOT 2
        Israel Israel PROPN dobj 2
        to to PART aux 5
        recall recall VERB xcomp 2
        envoys envoy NOUN dobj 5
        from from ADP prep 5
        Madrid Madrid PROPN pobj 7
        . . PUNCT punct 2
    """, {"3": "ISR", "8": "ESP"})
    assert [(e.source, e.target, e.code, e.modality) for e in coder(doc)._.events] == [("ISR", "ESP", "161", "asserted")]


def test_plural_pronoun_stands_for_every_conjoined_speaker(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Cairo Cairo PROPN nsubj 3
        and and CCONJ cc 0
        Amman Amman PROPN conj 0
        said say VERB ROOT 3
        they they PRON nsubj 6
        would would AUX aux 6
        attack attack VERB ccomp 3
        Damascus Damascus PROPN dobj 6
        . . PUNCT punct 3
    """, {"0": "EGY", "2": "JOR", "7": "SYR"})
    assert {(e.source, e.target, e.code[:2]) for e in coder(doc)._.events} == {("EGY", "SYR", "13"),
                                                                               ("JOR", "SYR", "13")}


def test_agreed_coercive_act_keeps_its_code_as_a_plan(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 3
        and and CCONJ cc 0
        Ottawa Ottawa PROPN conj 0
        agreed agree VERB ROOT 3
        to to PART aux 5
        impose impose VERB xcomp 3
        sanctions sanction NOUN dobj 5
        on on ADP prep 6
        Moscow Moscow PROPN pobj 7
        . . PUNCT punct 3
    """, {"0": "USA", "2": "CAN", "8": "RUS"})
    events = coder(doc)._.events
    assert {(e.source, e.target, e.code, e.modality) for e in events} == {("USA", "RUS", "163", "planned"),
                                                                          ("CAN", "RUS", "163", "planned")}
    assert all(e.plover == "SANCTION" for e in events)


# ---------------------------------------------------------------- round 2: light verbs, gov, onset, places
def small_coder(tmp_path, entries: str, grammar: str = "") -> EventCoder:
    """A coder over a tiny dictionary written for the test."""
    from eventwire.events.patterns import compile_patterns

    (tmp_path / "_grammar.yml").write_text("light_verbs: [launch, stage]\n" + grammar, encoding="utf-8")
    (tmp_path / "14_x.yml").write_text('root: "14"\nentries:\n' + entries, encoding="utf-8")
    return EventCoder(None, patterns=compile_patterns(list(tmp_path.glob("*.yml"))))


def test_use_is_a_light_verb_for_weapons(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Troops troop NOUN nsubj 1
        used use VERB ROOT 1
        chemical chemical ADJ amod 3
        weapons weapon NOUN dobj 1
        against against ADP prep 1
        rebels rebel NOUN pobj 4
        . . PUNCT punct 1
    """, {"0": "SYRMIL", "5": "SYRREB"})
    assert ("SYRMIL", "204") in {(e.source, e.code) for e in coder(doc)._.events}


def test_gov_requirement_reads_lemma_aliases_and_measure_nouns(blank_nlp, tmp_path):
    small = small_coder(tmp_path, """  - id: x.protest
    code: "141"
    noun: [protest]
    requires: {gov: [stage, launch]}
    example: "Students staged protests in the capital."
""", "lemma_aliases: {stag: stage}\ncarrier_nouns: [day]\n")
    staged = parse(blank_nlp, """
        Students student NOUN nsubj 1
        staged stag VERB ROOT 1
        protests protest NOUN dobj 1
        . . PUNCT punct 1
    """, {"0": "KENEDU"})
    assert triples(small(staged)._.events) == {("KENEDU", None, "141")}
    measured = parse(blank_nlp, """
        Students student NOUN nsubj 1
        launched launch VERB ROOT 1
        two two NUM nummod 3
        days day NOUN dobj 1
        of of ADP prep 3
        protests protest NOUN pobj 4
        . . PUNCT punct 1
    """, {"0": "KENEDU"})
    assert triples(small(measured)._.events) == {("KENEDU", None, "141")}


def test_modifier_exclusion(blank_nlp, tmp_path):
    small = small_coder(tmp_path, """  - id: x.strike
    code: "143"
    noun: [strike]
    requires: {gov: [launch], mod_not: [air, drone]}
    example: "Dock workers launched a strike over pay."
""")
    spec = """
        Workers worker NOUN nsubj 1
        launched launch VERB ROOT 1
        {mod} {mod} NOUN compound 3
        strikes strike NOUN dobj 1
        . . PUNCT punct 1
    """
    assert not small(parse(blank_nlp, spec.format(mod="air"), {"0": "KENLAB"}))._.events
    assert triples(small(parse(blank_nlp, spec.format(mod="general"), {"0": "KENLAB"}))._.events) == {
        ("KENLAB", None, "143")}


def test_object_must_be_a_place(blank_nlp, tmp_path):
    from eventwire.records import Place

    small = small_coder(tmp_path, """  - id: x.capture_place
    code: "140"
    verb: [capture]
    requires: {dobj_ent: [PLACE, GPE]}
    needs_target: true
    target: [dobj, prep:of]
    example: "Rebels captured the town of Goma."
  - id: x.capture
    code: "141"
    verb: [capture]
    requires: {dobj_ent_not: [PLACE, GPE]}
    example: "Rebels captured two soldiers."
""")
    town = parse(blank_nlp, """
        Rebels rebel NOUN nsubj 1
        captured capture VERB ROOT 1
        the the DET det 3
        town town NOUN dobj 1
        of of ADP prep 3
        Goma Goma PROPN pobj 4
        . . PUNCT punct 1
    """, {"0": "CODREB", "5": "COD"})
    goma = town[5]
    town._.places = [Place(start=goma.idx, end=goma.idx + 4, text="Goma", country="COD")]
    assert triples(small(town)._.events) == {("CODREB", "COD", "140")}
    people = parse(blank_nlp, """
        Rebels rebel NOUN nsubj 1
        captured capture VERB ROOT 1
        two two NUM nummod 3
        soldiers soldier NOUN dobj 1
        . . PUNCT punct 1
    """, {"0": "CODREB", "3": "CODMIL"})
    assert triples(small(people)._.events) == {("CODREB", "CODMIL", "141")}


def test_noun_act_takes_its_parties_from_an_onset_verb(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Fighting fighting NOUN nsubj 1
        erupted erupt VERB ROOT 1
        between between ADP prep 1
        the the DET det 4
        army army NOUN pobj 2
        and and CCONJ cc 4
        rebels rebel NOUN conj 4
        . . PUNCT punct 1
    """, {"4": "SDNMIL", "6": "SDNREB"})
    assert triples(coder(doc)._.events) == {("SDNMIL", "SDNREB", "190"), ("SDNREB", "SDNMIL", "190")}


def test_transitive_verb_is_no_onset(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Fighting fighting NOUN nsubj 1
        broke break VERB ROOT 1
        the the DET det 3
        truce truce NOUN dobj 1
        between between ADP prep 1
        the the DET det 6
        army army NOUN pobj 4
        and and CCONJ cc 6
        rebels rebel NOUN conj 6
        . . PUNCT punct 1
    """, {"6": "SDNMIL", "8": "SDNREB"})
    assert not any(e.code == "190" for e in coder(doc)._.events)


def test_toll_participle_folds_into_the_attack(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Rebels rebel NOUN nsubj 1
        attacked attack VERB ROOT 1
        troops troop NOUN dobj 1
        , , PUNCT punct 1
        killing kill VERB advcl 1 VBG
        eight eight NUM nummod 6
        civilians civilian NOUN dobj 4
        . . PUNCT punct 1
    """, {"0": "MLIREB", "2": "MLIMIL", "6": "MLICVL"})
    assert triples(coder(doc)._.events) == {("MLIREB", "MLIMIL", "190")}


def test_deployment_to_a_place_is_no_threat(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Washington Washington PROPN nsubj 2
        will will AUX aux 2
        deploy deploy VERB ROOT 2
        troops troop NOUN dobj 2
        to to ADP prep 2
        Poland Poland PROPN pobj 4
        . . PUNCT punct 2
    """, {"0": "USA", "5": "POL"})
    events = coder(doc)._.events
    assert events and all(e.root == "15" and e.modality == "planned" for e in events)


def test_unknown_country_from_the_dateline(blank_nlp, coder):
    from eventwire.records import Place

    doc = parse(blank_nlp, """
        KABUL Kabul PROPN npadvmod 6
        ( ( PUNCT punct 2
        AP AP PROPN appos 0
        ) ) PUNCT punct 2
        -- -- PUNCT punct 6
        Militants militant NOUN nsubj 6
        attacked attack VERB ROOT 6
        police police NOUN dobj 6
        . . PUNCT punct 6
    """, {"5": "---REB", "7": "---COP"})
    doc._.places = [Place(start=0, end=5, text="KABUL", country="AFG")]
    assert triples(coder(doc)._.events) == {("AFGREB", "AFGCOP", "190")}


def test_unknown_country_from_the_subject_of_the_act(blank_nlp, coder):
    doc = parse(blank_nlp, """
        China China PROPN nsubj 1
        ordered order VERB ROOT 1
        the the DET det 3
        military military NOUN dobj 1
        to to PART aux 5
        attack attack VERB xcomp 1
        rebels rebel NOUN dobj 5
        . . PUNCT punct 1
    """, {"0": "CHN", "3": "---MIL", "6": "---REB"})
    codes = {(e.source, e.code) for e in coder(doc)._.events}
    assert ("CHNMIL", "190") in codes


def test_unknown_country_is_not_guessed_from_other_countries(blank_nlp, coder):
    doc = parse(blank_nlp, """
        The the DET det 1
        military military NOUN nsubj 2
        attacked attack VERB ROOT 2
        rebels rebel NOUN dobj 2
        and and CCONJ cc 2
        Pyongyang Pyongyang PROPN nsubj 6
        thanked thank VERB conj 2
        Moscow Moscow PROPN dobj 6
        . . PUNCT punct 2
    """, {"1": "---MIL", "3": "---REB", "5": "PRK", "7": "RUS"})
    assert not [e for e in coder(doc)._.events if e.code == "190"]


def test_reporting_speaker_does_not_lend_its_country(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Soldiers soldier NOUN nsubj 1
        attacked attack VERB ccomp 5
        protesters protester NOUN dobj 1
        , , PUNCT punct 5
        Russia Russia PROPN nsubj 5
        said say VERB ROOT 5
        , , PUNCT punct 5
        and and CCONJ cc 5
        Ukraine Ukraine PROPN conj 4
        . . PUNCT punct 5
    """, {"0": "---MIL", "2": "---OPP", "4": "RUS", "8": "UKR"})
    assert not [e for e in coder(doc)._.events if e.code == "190"]


def test_the_one_country_a_sentence_names(blank_nlp, coder):
    doc = parse(blank_nlp, """
        Police police NOUN nsubj 1
        arrested arrest VERB ROOT 1
        opposition opposition NOUN compound 3
        leaders leader NOUN dobj 1
        in in ADP prep 1
        the the DET det 6
        capital capital NOUN pobj 4
        . . PUNCT punct 1
    """, {"0": "---COP", "2-3": "UGAOPP"})
    assert triples(coder(doc)._.events) == {("UGACOP", "UGAOPP", "173")}
