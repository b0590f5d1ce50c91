"""Modality and negation of event triggers: hand-built parses, a few real parses, and the cue file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.errors import DataFileError
from eventwire.events.modality import MODALITIES, MODALITY_FILE, cues, is_refusal, load_cues, modality_of


def parse(nlp: Language, spec: str) -> Doc:
    """A Doc from 'word/lemma/POS/TAG/dep/head' items separated by spaces (head: absolute index)."""
    items = [item.split("/") for item in spec.split()]
    return build_doc(nlp, words=[i[0] for i in items], lemmas=[i[1] for i in items], pos=[i[2] for i in items],
                     tags=[i[3] for i in items], deps=[i[4] for i in items], heads=[int(i[5]) for i in items])


def trig(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


# Hand-made parses in the shape spaCy's English models give (sentences written for these tests).
DOCS = {
    "did_not_meet": "Russia/Russia/PROPN/NNP/nsubj/3 did/do/AUX/VBD/aux/3 not/not/PART/RB/neg/3 "
                    "meet/meet/VERB/VB/ROOT/3 Ukraine/Ukraine/PROPN/NNP/dobj/3 ././PUNCT/./punct/3",
    "never_signed": "China/China/PROPN/NNP/nsubj/2 never/never/ADV/RB/neg/2 signed/sign/VERB/VBD/ROOT/2 "
                    "the/the/DET/DT/det/4 treaty/treaty/NOUN/NN/dobj/2 ././PUNCT/./punct/2",
    "no_talks": "No/no/DET/DT/det/1 talks/talk/NOUN/NNS/nsubjpass/3 were/be/AUX/VBD/auxpass/3 "
                "held/hold/VERB/VBN/ROOT/3 ././PUNCT/./punct/3",
    "refused": "Iran/Iran/PROPN/NNP/nsubj/1 refused/refuse/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
               "halt/halt/VERB/VB/xcomp/1 enrichment/enrichment/NOUN/NN/dobj/3 ././PUNCT/./punct/1",
    "not_refuse": "Iran/Iran/PROPN/NNP/nsubj/3 did/do/AUX/VBD/aux/3 not/not/PART/RB/neg/3 "
                  "refuse/refuse/VERB/VB/ROOT/3 to/to/PART/TO/aux/5 meet/meet/VERB/VB/xcomp/3 ././PUNCT/./punct/3",
    "failed": "Talks/talk/NOUN/NNS/nsubj/1 failed/fail/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
              "produce/produce/VERB/VB/xcomp/1 a/a/DET/DT/det/5 deal/deal/NOUN/NN/dobj/3 ././PUNCT/./punct/1",
    "plans": "Iran/Iran/PROPN/NNP/nsubj/1 plans/plan/VERB/VBZ/ROOT/1 to/to/PART/TO/aux/3 "
             "resume/resume/VERB/VB/xcomp/1 talks/talk/NOUN/NNS/dobj/3 ././PUNCT/./punct/1",
    "will": "Modi/Modi/PROPN/NNP/nsubj/2 will/will/AUX/MD/aux/2 visit/visit/VERB/VB/ROOT/2 "
            "Japan/Japan/PROPN/NNP/dobj/2 ././PUNCT/./punct/2",
    "is_set_to": "Germany/Germany/PROPN/NNP/nsubjpass/2 is/be/AUX/VBZ/auxpass/2 set/set/VERB/VBN/ROOT/2 "
                 "to/to/PART/TO/aux/4 send/send/VERB/VB/xcomp/2 tanks/tank/NOUN/NNS/dobj/4 ././PUNCT/./punct/2",
    "vowed_retaliate": "Hezbollah/Hezbollah/PROPN/NNP/nsubj/1 vowed/vow/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                       "retaliate/retaliate/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "vowed_rebuild": "Kyiv/Kyiv/PROPN/NNP/nsubj/1 vowed/vow/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                     "rebuild/rebuild/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "threatened_to": "Russia/Russia/PROPN/NNP/nsubj/1 threatened/threaten/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                     "cut/cut/VERB/VB/xcomp/1 gas/gas/NOUN/NN/dobj/3 ././PUNCT/./punct/1",
    "warned_would": "Washington/Washington/PROPN/NNP/nsubj/1 warned/warn/VERB/VBD/ROOT/1 it/it/PRON/PRP/nsubj/4 "
                    "would/would/AUX/MD/aux/4 impose/impose/VERB/VB/ccomp/1 sanctions/sanction/NOUN/NNS/dobj/4 "
                    "././PUNCT/./punct/1",
    "could_face": "Firms/firm/NOUN/NNS/nsubj/2 could/could/AUX/MD/aux/2 face/face/VERB/VB/ROOT/2 "
                  "sanctions/sanction/NOUN/NNS/dobj/2 ././PUNCT/./punct/2",
    "if_then": "If/if/SCONJ/IN/mark/2 Iran/Iran/PROPN/NNP/nsubj/2 attacks/attack/VERB/VBZ/advcl/6 ,/,/PUNCT/,/punct/6 "
               "Israel/Israel/PROPN/NNP/nsubj/6 would/would/AUX/MD/aux/6 respond/respond/VERB/VB/ROOT/6 "
               "././PUNCT/./punct/6",
    "may": "Israel/Israel/PROPN/NNP/nsubj/2 may/may/AUX/MD/aux/2 strike/strike/VERB/VB/ROOT/2 "
           "sites/site/NOUN/NNS/dobj/2 ././PUNCT/./punct/2",
    "question": "Will/will/AUX/MD/aux/2 China/China/PROPN/NNP/nsubj/2 invade/invade/VERB/VB/ROOT/2 "
                "Taiwan/Taiwan/PROPN/NNP/dobj/2 ?/?/PUNCT/./punct/2",
    "why_question": "Why/why/SCONJ/WRB/advmod/3 did/do/AUX/VBD/aux/3 Russia/Russia/PROPN/NNP/nsubj/3 "
                    "attack/attack/VERB/VB/ROOT/3 ?/?/PUNCT/./punct/3",
    "urged": "The/the/DET/DT/det/1 UN/UN/PROPN/NNP/nsubj/2 urged/urge/VERB/VBD/ROOT/2 Iran/Iran/PROPN/NNP/dobj/2 "
             "to/to/PART/TO/aux/5 halt/halt/VERB/VB/xcomp/2 enrichment/enrichment/NOUN/NN/dobj/5 ././PUNCT/./punct/2",
    "called_for": "Israel/Israel/PROPN/NNP/nsubj/1 called/call/VERB/VBD/ROOT/1 for/for/ADP/IN/prep/1 "
                  "a/a/DET/DT/det/4 ceasefire/ceasefire/NOUN/NN/pobj/2 ././PUNCT/./punct/1",
    "called_dobj": "Paris/Paris/PROPN/NNP/nsubj/1 called/call/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
                   "attack/attack/NOUN/NN/dobj/1 a/a/DET/DT/det/5 crime/crime/NOUN/NN/oprd/1 ././PUNCT/./punct/1",
    "arrested": "Police/police/NOUN/NNS/nsubj/1 arrested/arrest/VERB/VBD/ROOT/1 20/20/NUM/CD/nummod/3 "
                "protesters/protester/NOUN/NNS/dobj/1 on/on/ADP/IN/prep/1 Monday/Monday/PROPN/NNP/pobj/4 "
                "././PUNCT/./punct/1",
    "without": "Troops/troop/NOUN/NNS/nsubj/1 withdrew/withdraw/VERB/VBD/ROOT/1 without/without/ADP/IN/prep/1 "
               "firing/fire/VERB/VBG/pcomp/2 ././PUNCT/./punct/1",
    "planned_talks": "The/the/DET/DT/det/2 planned/plan/VERB/VBN/amod/2 talks/talk/NOUN/NNS/nsubjpass/4 "
                     "were/be/AUX/VBD/auxpass/4 cancelled/cancel/VERB/VBN/ROOT/4 ././PUNCT/./punct/4",
    "rejected_calls": "Biden/Biden/PROPN/NNP/nsubj/1 rejected/reject/VERB/VBD/ROOT/1 calls/call/NOUN/NNS/dobj/1 "
                      "to/to/PART/TO/aux/4 resign/resign/VERB/VB/acl/2 ././PUNCT/./punct/1",
    "purpose": "Russia/Russia/PROPN/NNP/nsubj/1 massed/mass/VERB/VBD/ROOT/1 troops/troop/NOUN/NNS/dobj/1 "
               "to/to/PART/TO/aux/4 invade/invade/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "forced": "Hamas/Hamas/PROPN/NNP/nsubj/1 forced/force/VERB/VBD/ROOT/1 Israel/Israel/PROPN/NNP/dobj/1 "
              "to/to/PART/TO/aux/4 halt/halt/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "said_attacked": "Kyiv/Kyiv/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 Russia/Russia/PROPN/NNP/nsubj/3 "
                     "attacked/attack/VERB/VBD/ccomp/1 ././PUNCT/./punct/1",
    "must": "Russia/Russia/PROPN/NNP/nsubj/2 must/must/AUX/MD/aux/2 withdraw/withdraw/VERB/VB/ROOT/2 "
            "././PUNCT/./punct/2",
    "no_plans": "Russia/Russia/PROPN/NNP/nsubj/1 has/have/VERB/VBZ/ROOT/1 no/no/DET/DT/det/3 "
                "plans/plan/NOUN/NNS/dobj/1 to/to/PART/TO/aux/5 attack/attack/VERB/VB/acl/3 ././PUNCT/./punct/1",
    "considering": "The/the/DET/DT/det/1 EU/EU/PROPN/NNP/nsubj/3 is/be/AUX/VBZ/aux/3 "
                   "considering/consider/VERB/VBG/ROOT/3 sanctions/sanction/NOUN/NNS/dobj/3 ././PUNCT/./punct/3",
    "warned_against": "Israel/Israel/PROPN/NNP/nsubj/1 warned/warn/VERB/VBD/ROOT/1 Hezbollah/Hezbollah/PROPN/NNP/dobj/1 "
                      "against/against/ADP/IN/prep/1 attacking/attack/VERB/VBG/pcomp/3 ././PUNCT/./punct/1",
    "conj": "Leaders/leader/NOUN/NNS/nsubj/2 will/will/AUX/MD/aux/2 meet/meet/VERB/VB/ROOT/2 and/and/CCONJ/CC/cc/2 "
            "sign/sign/VERB/VB/conj/2 a/a/DET/DT/det/6 deal/deal/NOUN/NN/dobj/4 ././PUNCT/./punct/2",
    "could_not": "Troops/troop/NOUN/NNS/nsubj/3 could/could/AUX/MD/aux/3 not/not/PART/RB/neg/3 "
                 "break/break/VERB/VB/ROOT/3 through/through/ADP/RP/prt/3 ././PUNCT/./punct/3",
    "may_not": "Iran/Iran/PROPN/NNP/nsubj/3 may/may/AUX/MD/aux/3 not/not/PART/RB/neg/3 "
               "attend/attend/VERB/VB/ROOT/3 ././PUNCT/./punct/3",
    "yet_to": "Cairo/Cairo/PROPN/NNP/nsubj/1 has/have/VERB/VBZ/ROOT/1 yet/yet/ADV/RB/advmod/1 to/to/PART/TO/aux/4 "
              "respond/respond/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "nobody": "Nobody/nobody/PRON/NN/nsubjpass/2 was/be/AUX/VBD/auxpass/2 arrested/arrest/VERB/VBN/ROOT/2 "
              "././PUNCT/./punct/2",
    "unless": "Unions/union/NOUN/NNS/nsubj/2 will/will/AUX/MD/aux/2 strike/strike/VERB/VB/ROOT/2 "
              "unless/unless/SCONJ/IN/mark/5 pay/pay/NOUN/NN/nsubj/5 rises/rise/VERB/VBZ/advcl/2 ././PUNCT/./punct/2",
    "in_order": "France/France/PROPN/NNP/nsubj/1 sent/send/VERB/VBD/ROOT/1 troops/troop/NOUN/NNS/dobj/1 "
                "in/in/ADP/IN/prep/1 order/order/NOUN/NN/pobj/3 to/to/PART/TO/aux/6 secure/secure/VERB/VB/acl/4 "
                "././PUNCT/./punct/1",
    "after": "Russia/Russia/PROPN/NNP/nsubj/1 attacked/attack/VERB/VBD/ROOT/1 after/after/ADP/IN/prep/1 "
             "the/the/DET/DT/det/4 talks/talk/NOUN/NNS/pobj/2 ././PUNCT/./punct/1",
}

CASES = [
    # (doc, trigger, modality, negated, cue, refusal)
    ("did_not_meet", "meet", "asserted", True, "not", False),
    ("never_signed", "signed", "asserted", True, "never", False),
    ("no_talks", "talks", "asserted", True, "No", False),
    ("no_talks", "held", "asserted", True, "No", False),
    ("refused", "halt", "asserted", True, "refused", True),
    ("refused", "refused", "asserted", False, None, False),
    ("not_refuse", "meet", "asserted", False, None, False),
    ("failed", "produce", "asserted", True, "failed", False),
    ("plans", "resume", "planned", False, "plans", False),
    ("plans", "talks", "planned", False, "plans", False),
    ("will", "visit", "planned", False, "will", False),
    ("is_set_to", "send", "planned", False, "set", False),
    ("vowed_retaliate", "retaliate", "threatened", False, "vowed", False),
    ("vowed_rebuild", "rebuild", "planned", False, "vowed", False),
    ("threatened_to", "cut", "threatened", False, "threatened", False),
    ("threatened_to", "threatened", "asserted", False, None, False),
    ("warned_would", "impose", "threatened", False, "warned", False),
    ("warned_would", "sanctions", "threatened", False, "warned", False),
    ("could_face", "sanctions", "threatened", False, "could face", False),
    ("if_then", "attacks", "hypothetical", False, "If", False),
    ("if_then", "respond", "hypothetical", False, "If", False),
    ("may", "strike", "hypothetical", False, "may", False),
    ("question", "invade", "hypothetical", False, "?", False),
    ("why_question", "attack", "asserted", False, None, False),
    ("urged", "halt", "demanded", False, "urged", False),
    ("urged", "urged", "asserted", False, None, False),
    ("called_for", "ceasefire", "demanded", False, "called", False),
    ("called_dobj", "attack", "asserted", False, None, False),
    ("arrested", "arrested", "asserted", False, None, False),
    ("without", "firing", "asserted", True, "without", False),
    ("planned_talks", "talks", "planned", True, "planned", False),
    ("rejected_calls", "resign", "demanded", True, "calls", True),
    ("rejected_calls", "calls", "asserted", False, None, False),
    ("purpose", "invade", "planned", False, "to", False),
    ("forced", "halt", "asserted", False, None, False),
    ("said_attacked", "attacked", "asserted", False, None, False),
    ("must", "withdraw", "demanded", False, "must", False),
    ("no_plans", "attack", "planned", True, "plans", False),
    ("considering", "sanctions", "hypothetical", False, "considering", False),
    ("warned_against", "attacking", "demanded", True, "warned against", False),
    ("conj", "sign", "planned", False, "will", False),
    ("after", "talks", "asserted", False, None, False),
    ("could_not", "break", "asserted", True, "not", False),
    ("may_not", "attend", "hypothetical", True, "may", False),
    ("yet_to", "respond", "asserted", True, "yet", False),
    ("nobody", "arrested", "asserted", True, "Nobody", False),
    ("unless", "strike", "threatened", False, "unless", False),
    ("unless", "rises", "hypothetical", False, "unless", False),
    ("in_order", "secure", "planned", False, "in order", False),
]


@pytest.mark.parametrize(("name", "word", "modality", "negated", "cue", "refusal"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_hand_parsed(blank_nlp: Language, name: str, word: str, modality: str, negated: bool,
                     cue: str | None, refusal: bool) -> None:
    tok = trig(parse(blank_nlp, DOCS[name]), word)
    assert modality_of(tok) == (modality, negated, cue)
    assert is_refusal(tok) is refusal


def test_every_modality_is_reachable() -> None:
    assert {c[2] for c in CASES} == set(MODALITIES)


def test_unparsed_token_is_asserted(blank_nlp: Language) -> None:
    doc = blank_nlp("Russia attacked Ukraine")  # no parse at all: nothing to read, nothing to crash on
    assert modality_of(doc[1]) == ("asserted", False, None)
    assert is_refusal(doc[1]) is False


# ---- the cue file ---------------------------------------------------------------------------------

def _data() -> dict:
    return yaml.safe_load(MODALITY_FILE.read_text(encoding="utf-8"))


def test_packaged_cues_load() -> None:
    c = cues()
    assert "threaten" in c.frames["threatened"]["verbs"] and "urge" in c.frames["demanded"]["verbs"]
    assert "refuse" in c.frames["refused"]["verbs"] and "fail" in c.frames["negating"]["verbs"]
    assert "if" in c.conditional_marks and "will" in c.future_aux and "on" in c.frame_preps
    assert cues() is c


@pytest.mark.parametrize(("edit", "reason"), [
    (lambda d: d.pop("future_aux"), "missing list"),
    (lambda d: d.__setitem__("future_aux", "will"), "list of words"),
    (lambda d: d.__setitem__("future_aux", ["Will"]), "lower case"),
    (lambda d: d["frames"].pop("negating"), "frames must have"),
    (lambda d: d["frames"]["planned"]["verbs"].append("urge"), "both demanded and planned"),
    (lambda d: d["frames"]["planned"].pop("adjectives"), "frame planned"),
    (lambda d: d.__setitem__("colour", ["red"]), "unknown keys"),
])
def test_malformed_cue_file(tmp_path: Path, edit, reason: str) -> None:
    data = _data()
    edit(data)
    path = tmp_path / "modality.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=reason) as info:
        load_cues(path)
    assert info.value.path == str(path)


def test_cue_file_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "modality.yml"
    path.write_text("frames: {}\nfuture_aux: [will\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid YAML") as info:
        load_cues(path)
    assert info.value.line is not None
    path.write_text(MODALITY_FILE.read_text(encoding="utf-8").replace("future_aux: [will", "future_aux: [Will"),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_cues(path)
    assert info.value.line == next(i for i, ln in enumerate(path.read_text().splitlines(), 1)
                                   if ln.startswith("future_aux"))


# ---- real parses (the default English model) ------------------------------------------------------

REAL = [
    ("Police arrested 20 protesters in the capital on Monday.", "arrested", "asserted", False),
    ("Russia did not withdraw its troops from the border.", "withdraw", "asserted", True),
    ("Iran refused to halt uranium enrichment.", "halt", "asserted", True),
    ("The president will visit Japan next week.", "visit", "planned", False),
    ("Moscow threatened to cut gas supplies to Europe.", "cut", "threatened", False),
    ("If Iran attacks, Israel would respond.", "respond", "hypothetical", False),
    ("The UN urged Iran to halt enrichment.", "halt", "demanded", False),
    ("Hezbollah vowed to retaliate against Israel.", "retaliate", "threatened", False),
    ("No talks were held between the two sides.", "talks", "asserted", True),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "modality", "negated"), REAL)
def test_real_parses(parser_only: Language, text: str, word: str, modality: str, negated: bool) -> None:
    doc = parser_only(text)
    tok = trig(doc, word)
    got = modality_of(tok)
    assert (got[0], got[1]) == (modality, negated), got
    assert is_refusal(tok) is (word == "halt" and "refused" in text)
