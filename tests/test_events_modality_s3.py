"""Modality round 3: schedules vs intents, refusals, cessation and necessity, the subject's own wishes.

Hand-built parses in the shape spaCy's English model gives (sentences written for these tests), and a
few full-pipeline checks of what the coder makes of them (marked ``model``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.errors import DataFileError
from eventwire.events.modality import MODALITY_FILE, is_refusal, is_scheduled, load_cues, modality_of


def parse(nlp: Language, spec: str) -> Doc:
    """A Doc from 'word/lemma/POS/TAG/dep/head' items separated by spaces (head: absolute index)."""
    items = [item.split("/") for item in spec.split()]
    return build_doc(nlp, words=[i[0] for i in items], lemmas=[i[1] for i in items], pos=[i[2] for i in items],
                     tags=[i[3] for i in items], deps=[i[4] for i in items], heads=[int(i[5]) for i in items])


def trig(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    import spacy

    return spacy.blank("en")


DOCS = {
    # -- 1. schedules reported by a third party
    "scheduled": "The/the/DET/DT/det/1 senator/senator/NOUN/NN/nsubjpass/3 is/be/AUX/VBZ/auxpass/3 "
                 "scheduled/schedule/VERB/VBN/ROOT/3 to/to/PART/TO/aux/5 visit/visit/VERB/VB/xcomp/3 "
                 "Kenya/Kenya/PROPN/NNP/dobj/5 in/in/ADP/IN/prep/5 May/May/PROPN/NNP/pobj/7 ././PUNCT/./punct/3",
    "due": "The/the/DET/DT/det/1 envoy/envoy/NOUN/NN/nsubj/2 is/be/AUX/VBZ/ROOT/2 due/due/ADJ/JJ/acomp/2 "
           "to/to/PART/TO/aux/5 meet/meet/VERB/VB/xcomp/3 rebel/rebel/ADJ/JJ/amod/7 leaders/leader/NOUN/NNS/dobj/5 "
           "././PUNCT/./punct/2",
    "expected": "The/the/DET/DT/det/1 premier/premier/NOUN/NN/nsubjpass/3 is/be/AUX/VBZ/auxpass/3 "
                "expected/expect/VERB/VBN/ROOT/3 to/to/PART/TO/aux/5 sign/sign/VERB/VB/xcomp/3 "
                "the/the/DET/DT/det/7 accord/accord/NOUN/NN/dobj/5 ././PUNCT/./punct/3",
    "expect_own": "Ministers/minister/NOUN/NNS/nsubj/1 expect/expect/VERB/VBP/ROOT/1 to/to/PART/TO/aux/3 "
                  "sign/sign/VERB/VB/xcomp/1 the/the/DET/DT/det/5 accord/accord/NOUN/NN/dobj/3 ././PUNCT/./punct/1",
    "prepared_verb": "The/the/DET/DT/det/1 premier/premier/NOUN/NN/nsubj/2 prepared/prepare/VERB/VBD/ROOT/2 "
                     "to/to/PART/TO/aux/4 visit/visit/VERB/VB/xcomp/2 Seoul/Seoul/PROPN/NNP/dobj/4 ././PUNCT/./punct/2",
    "prepared_adj": "The/the/DET/DT/det/1 premier/premier/NOUN/NN/nsubj/2 is/be/AUX/VBZ/ROOT/2 "
                    "prepared/prepared/ADJ/JJ/acomp/2 to/to/PART/TO/aux/5 visit/visit/VERB/VB/xcomp/3 "
                    "Seoul/Seoul/PROPN/NNP/dobj/5 ././PUNCT/./punct/2",
    "will": "The/the/DET/DT/det/1 premier/premier/NOUN/NN/nsubj/3 will/will/AUX/MD/aux/3 visit/visit/VERB/VB/ROOT/3 "
            "Seoul/Seoul/PROPN/NNP/dobj/3 ././PUNCT/./punct/3",
    "eve": "Protests/protest/NOUN/NNS/nsubj/1 erupted/erupt/VERB/VBD/ROOT/1 on/on/ADP/IN/prep/1 the/the/DET/DT/det/4 "
           "eve/eve/NOUN/NN/pobj/2 of/of/ADP/IN/prep/4 the/the/DET/DT/det/7 summit/summit/NOUN/NN/pobj/5 "
           "././PUNCT/./punct/1",
    "not_expected": "The/the/DET/DT/det/1 premier/premier/NOUN/NN/nsubjpass/4 is/be/AUX/VBZ/auxpass/4 "
                    "not/not/PART/RB/neg/4 expected/expect/VERB/VBN/ROOT/4 to/to/PART/TO/aux/6 "
                    "visit/visit/VERB/VB/xcomp/4 Seoul/Seoul/PROPN/NNP/dobj/6 ././PUNCT/./punct/4",
    "postponed_cancelled": "The/the/DET/DT/det/2 postponed/postpone/VERB/VBN/amod/2 summit/summit/NOUN/NN/nsubjpass/4 "
                           "was/be/AUX/VBD/auxpass/4 cancelled/cancel/VERB/VBN/ROOT/4 ././PUNCT/./punct/4",
    "planned_cancelled": "The/the/DET/DT/det/2 planned/plan/VERB/VBN/amod/2 summit/summit/NOUN/NN/nsubjpass/4 "
                         "was/be/AUX/VBD/auxpass/4 cancelled/cancel/VERB/VBN/ROOT/4 ././PUNCT/./punct/4",
    "would_attend_upcoming": "Chile/Chile/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 it/it/PRON/PRP/nsubj/4 "
                             "would/would/AUX/MD/aux/4 attend/attend/VERB/VB/ccomp/1 the/the/DET/DT/det/7 "
                             "upcoming/upcoming/ADJ/JJ/amod/7 summit/summit/NOUN/NN/dobj/4 ././PUNCT/./punct/1",
    "is_to": "The/the/DET/DT/det/1 envoy/envoy/NOUN/NN/nsubj/2 is/be/AUX/VBZ/ROOT/2 to/to/PART/TO/aux/4 "
             "meet/meet/VERB/VB/xcomp/2 rebel/rebel/ADJ/JJ/amod/6 leaders/leader/NOUN/NNS/dobj/4 ././PUNCT/./punct/2",
    "said_is_to": "The/the/DET/DT/det/1 envoy/envoy/NOUN/NN/nsubj/2 said/say/VERB/VBD/ROOT/2 he/he/PRON/PRP/nsubj/4 "
                  "is/be/AUX/VBZ/ccomp/2 to/to/PART/TO/aux/6 meet/meet/VERB/VB/xcomp/4 rebel/rebel/ADJ/JJ/amod/8 "
                  "leaders/leader/NOUN/NNS/dobj/6 ././PUNCT/./punct/2",
    "is_to_blame": "Chile/Chile/PROPN/NNP/nsubj/1 is/be/AUX/VBZ/ROOT/1 to/to/PART/TO/aux/3 blame/blame/VERB/VB/xcomp/1 "
                   "for/for/ADP/IN/prep/3 the/the/DET/DT/det/6 raid/raid/NOUN/NN/pobj/4 ././PUNCT/./punct/1",
    "is_yet_to": "The/the/DET/DT/det/1 envoy/envoy/NOUN/NN/nsubj/2 is/be/AUX/VBZ/ROOT/2 yet/yet/ADV/RB/advmod/2 "
                 "to/to/PART/TO/aux/5 meet/meet/VERB/VB/xcomp/2 rebel/rebel/ADJ/JJ/amod/7 leaders/leader/NOUN/NNS/dobj/5 "
                 "././PUNCT/./punct/2",
    "talks_set": "Talks/talk/NOUN/NNS/nsubjpass/2 are/be/AUX/VBP/auxpass/2 set/set/VERB/VBN/ROOT/2 to/to/PART/TO/aux/4 "
                 "resume/resume/VERB/VB/xcomp/2 next/next/ADJ/JJ/amod/6 week/week/NOUN/NN/npadvmod/4 ././PUNCT/./punct/2",
    "summit_slated": "The/the/DET/DT/det/1 summit/summit/NOUN/NN/nsubjpass/3 is/be/AUX/VBZ/auxpass/3 "
                     "slated/slat/VERB/VBN/ROOT/3 for/for/ADP/IN/prep/3 June/June/PROPN/NNP/pobj/4 ././PUNCT/./punct/3",
    "talks_resumed": "The/the/DET/DT/det/1 talks/talk/NOUN/NNS/nsubj/2 resumed/resume/VERB/VBD/ROOT/2 on/on/ADP/IN/prep/2 "
                     "Monday/Monday/PROPN/NNP/pobj/3 ././PUNCT/./punct/2",
    # -- 2. refusals: negated acts under the actor's own future or volition
    "not_take_part": "Chile/Chile/PROPN/NNP/nsubj/3 will/will/AUX/MD/aux/3 not/not/PART/RB/neg/3 take/take/VERB/VB/ROOT/3 "
                     "part/part/NOUN/NN/dobj/3 in/in/ADP/IN/prep/3 the/the/DET/DT/det/7 summit/summit/NOUN/NN/pobj/5 "
                     "././PUNCT/./punct/3",
    "round": "Chile/Chile/PROPN/NNP/nsubj/1 held/hold/VERB/VBD/ROOT/1 a/a/DET/DT/det/3 round/round/NOUN/NN/dobj/1 "
             "of/of/ADP/IN/prep/3 talks/talk/NOUN/NNS/pobj/4 with/with/ADP/IN/prep/5 Peru/Peru/PROPN/NNP/pobj/6 "
             "././PUNCT/./punct/1",
    "no_round": "Chile/Chile/PROPN/NNP/nsubj/3 did/do/AUX/VBD/aux/3 not/not/PART/RB/neg/3 hold/hold/VERB/VB/ROOT/3 "
                "a/a/DET/DT/det/5 round/round/NOUN/NN/dobj/3 of/of/ADP/IN/prep/5 talks/talk/NOUN/NNS/pobj/6 "
                "with/with/ADP/IN/prep/7 Peru/Peru/PROPN/NNP/pobj/8 ././PUNCT/./punct/3",
    "would_not": "Chile/Chile/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 it/it/PRON/PRP/nsubj/5 would/would/AUX/MD/aux/5 "
                 "not/not/PART/RB/neg/5 release/release/VERB/VB/ccomp/1 the/the/DET/DT/det/7 "
                 "fishermen/fisherman/NOUN/NNS/dobj/5 ././PUNCT/./punct/1",
    "no_plans": "Chile/Chile/PROPN/NNP/nsubj/1 has/have/VERB/VBZ/ROOT/1 no/no/DET/DT/det/3 plans/plan/NOUN/NNS/dobj/1 "
                "to/to/PART/TO/aux/5 release/release/VERB/VB/acl/3 the/the/DET/DT/det/7 "
                "fishermen/fisherman/NOUN/NNS/dobj/5 ././PUNCT/./punct/1",
    "not_ready": "Chile/Chile/PROPN/NNP/nsubj/1 is/be/AUX/VBZ/ROOT/1 not/not/PART/RB/neg/1 ready/ready/ADJ/JJ/acomp/1 "
                 "to/to/PART/TO/aux/5 release/release/VERB/VB/xcomp/3 the/the/DET/DT/det/7 "
                 "fishermen/fisherman/NOUN/NNS/dobj/5 ././PUNCT/./punct/1",
    "unwilling": "Chile/Chile/PROPN/NNP/nsubj/1 is/be/AUX/VBZ/ROOT/1 unwilling/unwilling/ADJ/JJ/acomp/1 "
                 "to/to/PART/TO/aux/4 release/release/VERB/VB/xcomp/2 the/the/DET/DT/det/6 "
                 "fishermen/fisherman/NOUN/NNS/dobj/4 ././PUNCT/./punct/1",
    "question": "Would/would/AUX/MD/aux/3 Chile/Chile/PROPN/NNP/nsubj/3 not/not/PART/RB/neg/3 release/release/VERB/VB/ROOT/3 "
                "the/the/DET/DT/det/5 fishermen/fisherman/NOUN/NNS/dobj/3 ?/?/PUNCT/./punct/3",
    "if_not": "If/if/SCONJ/IN/mark/4 Chile/Chile/PROPN/NNP/nsubj/4 does/do/AUX/VBZ/aux/4 not/not/PART/RB/neg/4 "
              "release/release/VERB/VB/advcl/10 the/the/DET/DT/det/6 fishermen/fisherman/NOUN/NNS/dobj/4 ,/,/PUNCT/,/punct/10 "
              "Peru/Peru/PROPN/NNP/nsubj/10 will/will/AUX/MD/aux/10 protest/protest/VERB/VB/ROOT/10 ././PUNCT/./punct/10",
    "may_refuse": "Chile/Chile/PROPN/NNP/nsubj/2 may/may/AUX/MD/aux/2 refuse/refuse/VERB/VB/ROOT/2 to/to/PART/TO/aux/4 "
                  "release/release/VERB/VB/xcomp/2 the/the/DET/DT/det/6 fishermen/fisherman/NOUN/NNS/dobj/4 "
                  "././PUNCT/./punct/2",
    "will_refuse_q": "Will/will/AUX/MD/aux/2 Chile/Chile/PROPN/NNP/nsubj/2 refuse/refuse/VERB/VB/ROOT/2 "
                     "to/to/PART/TO/aux/4 release/release/VERB/VB/xcomp/2 the/the/DET/DT/det/6 "
                     "fishermen/fisherman/NOUN/NNS/dobj/4 ?/?/PUNCT/./punct/2",
    # -- 3. cessation and necessity
    "ceasing_of": "The/the/DET/DT/det/1 ceasing/ceasing/NOUN/NN/nsubj/4 of/of/ADP/IN/prep/1 patrols/patrol/NOUN/NNS/pobj/2 "
                  "angered/anger/VERB/VBD/ROOT/4 farmers/farmer/NOUN/NNS/dobj/4 ././PUNCT/./punct/4",
    "ending_of": "The/the/DET/DT/det/1 ending/ending/NOUN/NN/nsubj/5 of/of/ADP/IN/prep/1 the/the/DET/DT/det/4 "
                 "blockade/blockade/NOUN/NN/pobj/2 pleased/please/VERB/VBD/ROOT/5 traders/trader/NOUN/NNS/dobj/5 "
                 "././PUNCT/./punct/5",
    "ended_blockade": "Chile/Chile/PROPN/NNP/nsubj/1 ended/end/VERB/VBD/ROOT/1 its/its/PRON/PRP$/poss/3 "
                      "blockade/blockade/NOUN/NN/dobj/1 of/of/ADP/IN/prep/3 the/the/DET/DT/det/6 port/port/NOUN/NN/pobj/4 "
                      "././PUNCT/./punct/1",
    "ceased_raids": "The/the/DET/DT/det/1 army/army/NOUN/NN/nsubj/2 ceased/cease/VERB/VBD/ROOT/2 its/its/PRON/PRP$/poss/4 "
                    "raids/raid/NOUN/NNS/dobj/2 on/on/ADP/IN/prep/2 the/the/DET/DT/det/7 villages/village/NOUN/NNS/pobj/5 "
                    "././PUNCT/./punct/2",
    "could_not_stop": "Chile/Chile/PROPN/NNP/nsubj/3 could/could/AUX/MD/aux/3 not/not/PART/RB/neg/3 stop/stop/VERB/VB/ROOT/3 "
                      "the/the/DET/DT/det/5 raids/raid/NOUN/NNS/dobj/3 on/on/ADP/IN/prep/3 the/the/DET/DT/det/8 "
                      "villages/village/NOUN/NNS/pobj/6 ././PUNCT/./punct/3",
    "may_stop": "Chile/Chile/PROPN/NNP/nsubj/2 may/may/AUX/MD/aux/2 stop/stop/VERB/VB/ROOT/2 the/the/DET/DT/det/4 "
                "raids/raid/NOUN/NNS/dobj/2 on/on/ADP/IN/prep/2 the/the/DET/DT/det/7 villages/village/NOUN/NNS/pobj/5 "
                "././PUNCT/./punct/2",
    "dropped_leaflets": "Planes/plane/NOUN/NNS/nsubj/1 dropped/drop/VERB/VBD/ROOT/1 leaflets/leaflet/NOUN/NNS/dobj/1 "
                        "on/on/ADP/IN/prep/1 the/the/DET/DT/det/5 city/city/NOUN/NN/pobj/3 ././PUNCT/./punct/1",
    "need_for": "Chile/Chile/PROPN/NNP/nsubj/1 stressed/stress/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 need/need/NOUN/NN/dobj/1 "
                "for/for/SCONJ/IN/mark/7 Peru/Peru/PROPN/NNP/nsubj/7 to/to/PART/TO/aux/7 release/release/VERB/VB/advcl/3 "
                "the/the/DET/DT/det/9 fishermen/fisherman/NOUN/NNS/dobj/7 ././PUNCT/./punct/1",
    "other_must": "Chile/Chile/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 Peru/Peru/PROPN/NNP/nsubj/4 must/must/AUX/MD/aux/4 "
                  "release/release/VERB/VB/ccomp/1 the/the/DET/DT/det/6 fishermen/fisherman/NOUN/NNS/dobj/4 "
                  "././PUNCT/./punct/1",
    "own_must": "Chile/Chile/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 it/it/PRON/PRP/nsubj/4 must/must/AUX/MD/aux/4 "
                "release/release/VERB/VB/ccomp/1 the/the/DET/DT/det/6 fishermen/fisherman/NOUN/NNS/dobj/4 "
                "././PUNCT/./punct/1",
    "we_must": "We/we/PRON/PRP/nsubj/2 must/must/AUX/MD/aux/2 release/release/VERB/VB/ROOT/2 the/the/DET/DT/det/4 "
               "fishermen/fisherman/NOUN/NNS/dobj/2 ././PUNCT/./punct/2",
    "must_be_ready": "Chile/Chile/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 Peru/Peru/PROPN/NNP/nsubj/4 "
                     "must/must/AUX/MD/aux/4 be/be/AUX/VB/ccomp/1 ready/ready/ADJ/JJ/acomp/4 to/to/PART/TO/aux/7 "
                     "release/release/VERB/VB/xcomp/5 the/the/DET/DT/det/9 fishermen/fisherman/NOUN/NNS/dobj/7 "
                     "././PUNCT/./punct/1",
    "may_be_ready": "Peru/Peru/PROPN/NNP/nsubj/2 may/may/AUX/MD/aux/2 be/be/AUX/VB/ROOT/2 ready/ready/ADJ/JJ/acomp/2 "
                    "to/to/PART/TO/aux/5 release/release/VERB/VB/xcomp/3 the/the/DET/DT/det/7 "
                    "fishermen/fisherman/NOUN/NNS/dobj/5 ././PUNCT/./punct/2",
    # -- 4. the subject's own wish to cooperate
    "wants_help": "Chile/Chile/PROPN/NNP/nsubj/1 wants/want/VERB/VBZ/ROOT/1 to/to/PART/TO/aux/3 help/help/VERB/VB/xcomp/1 "
                  "Peru/Peru/PROPN/NNP/dobj/3 ././PUNCT/./punct/1",
    "like_help": "Chile/Chile/PROPN/NNP/nsubj/2 would/would/AUX/MD/aux/2 like/like/VERB/VB/ROOT/2 to/to/PART/TO/aux/4 "
                 "help/help/VERB/VB/xcomp/2 Peru/Peru/PROPN/NNP/dobj/4 ././PUNCT/./punct/2",
}

# (doc, trigger, modality_of, is_scheduled, is_refusal)
CASES = [
    ("scheduled", "visit", ("planned", False, "scheduled"), True, False),
    ("due", "meet", ("planned", False, "due"), True, False),
    ("expected", "sign", ("planned", False, "expected"), True, False),
    ("expect_own", "sign", ("planned", False, "expect"), False, False),  # the subject's own plan
    ("prepared_verb", "visit", ("planned", False, "prepared"), True, False),
    ("prepared_adj", "visit", ("planned", False, "prepared"), False, False),  # a stated readiness
    ("will", "visit", ("planned", False, "will"), False, False),  # the narrator's "will" stays an intent
    ("eve", "summit", ("planned", False, "eve"), True, False),
    ("not_expected", "visit", ("hypothetical", True, "expected"), False, False),  # a forecast, no refusal
    ("postponed_cancelled", "summit", ("planned", True, "postponed"), True, False),
    ("planned_cancelled", "summit", ("planned", True, "planned"), False, False),  # someone's plan, not a schedule
    ("would_attend_upcoming", "summit", ("planned", False, "upcoming"), False, False),
    ("is_to", "meet", ("planned", False, "is to"), True, False),  # an arrangement the narrator reports
    ("said_is_to", "meet", ("planned", False, "is to"), False, False),  # ... announced by the actor: intent
    ("is_to_blame", "blame", ("asserted", False, None), False, False),
    ("is_yet_to", "meet", ("asserted", True, "yet"), False, False),
    ("talks_set", "Talks", ("planned", False, "set"), True, False),  # an event noun put on the calendar
    ("summit_slated", "summit", ("planned", False, "slated"), True, False),
    ("talks_resumed", "talks", ("asserted", False, None), False, False),
    ("not_take_part", "summit", ("planned", True, "will"), False, False),
    ("round", "talks", ("asserted", False, None), False, False),
    ("no_round", "talks", ("asserted", True, "not"), False, False),
    ("would_not", "release", ("planned", True, "would"), False, False),
    ("no_plans", "release", ("planned", True, "plans"), False, False),
    ("not_ready", "release", ("planned", True, "ready"), False, False),
    ("unwilling", "release", ("refused", True, None), False, True),
    ("question", "release", ("hypothetical", True, "?"), False, False),
    ("may_refuse", "release", ("hypothetical", True, "may"), False, False),  # a possible refusal is none
    ("will_refuse_q", "release", ("hypothetical", True, "?"), False, False),
    ("if_not", "release", ("hypothetical", True, "If"), False, False),
    ("ceasing_of", "patrols", ("asserted", True, "ceasing"), False, False),
    ("ending_of", "blockade", ("asserted", True, "ending"), False, False),
    ("ended_blockade", "blockade", ("asserted", True, "ended"), False, False),
    ("ceased_raids", "raids", ("asserted", True, "ceased"), False, False),
    ("could_not_stop", "raids", ("asserted", False, None), False, False),  # a failed stop: the raids went on
    ("may_stop", "raids", ("hypothetical", True, "may"), False, False),
    ("dropped_leaflets", "leaflets", ("asserted", False, None), False, False),
    ("need_for", "release", ("demanded", False, "need"), False, False),
    ("other_must", "release", ("demanded", False, "must"), False, False),
    ("own_must", "release", ("planned", False, "must"), False, False),
    ("we_must", "release", ("planned", False, "must"), False, False),
    ("must_be_ready", "release", ("demanded", False, "must"), False, False),  # a copula's modal governs
    ("may_be_ready", "release", ("hypothetical", False, "may"), False, False),
    ("wants_help", "help", ("planned", False, "wants"), False, False),
    ("like_help", "help", ("planned", False, "like"), False, False),
]


@pytest.mark.parametrize(("name", "word", "expected", "scheduled", "refusal"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_hand_parsed(blank_nlp: Language, name: str, word: str, expected: tuple[str, bool, str | None],
                     scheduled: bool, refusal: bool) -> None:
    tok = trig(parse(blank_nlp, DOCS[name]), word)
    modality, negated, cue = modality_of(tok)
    if expected[0] == "refused":  # a refusal frame: negated, flagged, modality left to the frame
        assert negated and is_refusal(tok)
    else:
        assert (modality, negated, cue) == expected
    assert is_scheduled(tok) is scheduled
    assert is_refusal(tok) is refusal


def test_answers_do_not_leak_between_docs(blank_nlp: Language) -> None:
    """The per-trigger memo is keyed by the Doc itself: a new Doc at the same index is read afresh."""
    a = trig(parse(blank_nlp, DOCS["scheduled"]), "visit")
    b = trig(parse(blank_nlp, DOCS["will"]), "visit")
    assert is_scheduled(a) and not is_scheduled(b)
    assert modality_of(a)[2] == "scheduled" and modality_of(b)[2] == "will"


def _write_cues(tmp_path: Path, edit: dict[str, object]) -> Path:
    data = yaml.safe_load(MODALITY_FILE.read_text(encoding="utf-8"))
    data.update(edit)
    path = tmp_path / "modality.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_schedule_words_must_be_planned_frames(tmp_path: Path) -> None:
    assert "expect" in load_cues().schedule_passives
    with pytest.raises(DataFileError, match="schedule_verbs"):
        load_cues(_write_cues(tmp_path, {"schedule_verbs": ["schedule", "bombard"]}))
    with pytest.raises(DataFileError, match="schedule_modifiers"):
        load_cues(_write_cues(tmp_path, {"schedule_modifiers": ["upcoming", "angry"]}))
    with pytest.raises(DataFileError, match="carrier_nouns"):
        load_cues(_write_cues(tmp_path, {"carrier_nouns": ["Part"]}))


# ---------------------------------------------------------------------------------- full pipeline
def _events(nlp: Language, text: str) -> list[tuple[str, str | None, str, str, bool]]:
    doc = nlp(text)
    return [(e.source, e.target, e.code, e.modality, e.negated) for e in doc._.events]


@pytest.mark.model
def test_refusals_coded_by_the_coder(nlp_model: Language) -> None:
    # a negated cooperative act under the actor's own future is a refusal (12x), source -> target
    evs = _events(nlp_model, "Chile will not take part in the talks with Peru.")
    assert any(e[0].startswith("CHL") and (e[1] or "").startswith("PER") and e[2] == "125" for e in evs), evs
    assert not any(e[2].startswith("04") and not e[4] for e in evs), evs  # no talks asserted
    evs = _events(nlp_model, "Chile said it would not send troops to Peru.")
    assert not any(e[2].startswith(("03", "06", "15")) and not e[4] for e in evs), evs


@pytest.mark.model
def test_questions_and_conditions_are_no_refusals(nlp_model: Language) -> None:
    for text in ("Would Chile not meet the Peruvian envoy?",
                 "If Chile does not meet the Peruvian envoy, Peru will recall its ambassador."):
        evs = _events(nlp_model, text)
        assert not any(e[2].startswith("12") for e in evs), (text, evs)


@pytest.mark.model
def test_cessation_does_not_assert_the_ceased_act(nlp_model: Language) -> None:
    for text in ("The Chilean army ceased its raids on Peruvian villages.",
                 "The ending of the Chilean blockade of Peru pleased traders."):
        evs = _events(nlp_model, text)
        assert not any(e[2][:2] in ("17", "18", "19", "20") and not e[4] and e[3] == "asserted" for e in evs), (
            text, evs)


@pytest.mark.model
def test_schedule_flag_on_real_parses(nlp_model: Language) -> None:
    doc = nlp_model("The Chilean president is scheduled to visit Peru next week.")
    assert is_scheduled(trig(doc, "visit"))
    doc = nlp_model("The Chilean president said he would visit Peru next week.")
    assert not is_scheduled(trig(doc, "visit")) and modality_of(trig(doc, "visit"))[0] == "planned"
    doc = nlp_model("The Chilean president wants to help Peru.")
    assert modality_of(trig(doc, "help"))[:2] == ("planned", False) and not is_scheduled(trig(doc, "help"))
