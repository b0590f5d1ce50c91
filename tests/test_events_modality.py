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
    # ---- conditions without "if", decisions against, failures to go through, reported past perfect
    "had_inverted": "Had/have/AUX/VBD/aux/3 the/the/DET/DT/det/2 rebels/rebel/NOUN/NNS/nsubj/3 "
                    "captured/capture/VERB/VBN/advcl/12 the/the/DET/DT/det/5 airport/airport/NOUN/NN/dobj/3 "
                    ",/,/PUNCT/,/punct/12 the/the/DET/DT/det/8 government/government/NOUN/NN/nsubjpass/12 "
                    "would/would/AUX/MD/aux/12 have/have/AUX/VB/aux/12 been/be/AUX/VBN/auxpass/12 "
                    "forced/force/VERB/VBN/ROOT/12 to/to/PART/TO/aux/14 negotiate/negotiate/VERB/VB/xcomp/12 "
                    "././PUNCT/./punct/12",
    "were_inverted": "Were/be/AUX/VBD/advcl/7 Iran/Iran/PROPN/NNP/nsubj/0 to/to/PART/TO/aux/3 "
                     "attack/attack/VERB/VB/advcl/0 ,/,/PUNCT/,/punct/7 Israel/Israel/PROPN/NNP/nsubj/7 "
                     "would/would/AUX/MD/aux/7 respond/respond/VERB/VB/ROOT/7 ././PUNCT/./punct/7",
    "should_inverted": "Should/should/AUX/MD/aux/2 talks/talk/NOUN/NNS/nsubj/2 fail/fail/VERB/VB/advcl/6 "
                       ",/,/PUNCT/,/punct/6 Russia/Russia/PROPN/NNP/nsubj/6 will/will/AUX/MD/aux/6 "
                       "attack/attack/VERB/VB/ROOT/6 ././PUNCT/./punct/6",
    "would_have": "Kyiv/Kyiv/PROPN/NNP/nsubj/3 would/would/AUX/MD/aux/3 have/have/AUX/VB/aux/3 "
                  "collapsed/collapse/VERB/VBN/ROOT/3 ././PUNCT/./punct/3",
    "decided_against": "Officials/official/NOUN/NNS/nsubj/1 decided/decide/VERB/VBD/ROOT/1 "
                       "against/against/ADP/IN/prep/1 shooting/shoot/VERB/VBG/pcomp/2 it/it/PRON/PRP/dobj/3 "
                       "down/down/ADP/RP/prt/3 ././PUNCT/./punct/1",
    "voted_against": "MPs/MP/PROPN/NNPS/nsubj/1 voted/vote/VERB/VBD/ROOT/1 against/against/ADP/IN/prep/1 "
                     "sanctions/sanction/NOUN/NNS/pobj/2 ././PUNCT/./punct/1",
    "stopped_short": "The/the/DET/DT/det/1 EU/EU/PROPN/NNP/nsubj/2 stopped/stop/VERB/VBD/ROOT/2 "
                     "short/short/ADV/RB/advmod/2 of/of/ADP/IN/prep/3 imposing/impose/VERB/VBG/pcomp/4 "
                     "sanctions/sanction/NOUN/NNS/dobj/5 ././PUNCT/./punct/2",
    "came_close": "Both/both/DET/DT/nsubj/1 came/come/VERB/VBD/ROOT/1 close/close/ADV/RB/advmod/1 "
                  "to/to/ADP/IN/prep/2 signing/sign/VERB/VBG/pcomp/3 a/a/DET/DT/det/6 deal/deal/NOUN/NN/dobj/4 "
                  "././PUNCT/./punct/1",
    "held_off": "Washington/Washington/PROPN/NNP/nsubj/1 held/hold/VERB/VBD/ROOT/1 off/off/ADP/RP/prt/1 "
                "on/on/ADP/IN/prep/1 imposing/impose/VERB/VBG/pcomp/3 tariffs/tariff/NOUN/NNS/dobj/4 "
                "././PUNCT/./punct/1",
    "held_off_obj": "Troops/troop/NOUN/NNS/nsubj/1 held/hold/VERB/VBD/ROOT/1 off/off/ADP/RP/prt/1 "
                    "an/an/DET/DT/det/4 assault/assault/NOUN/NN/dobj/1 ././PUNCT/./punct/1",
    "ruled_out": "Kyiv/Kyiv/PROPN/NNP/nsubj/1 ruled/rule/VERB/VBD/ROOT/1 out/out/ADP/RP/prt/1 "
                 "talks/talk/NOUN/NNS/dobj/1 ././PUNCT/./punct/1",
    "refrained": "Israel/Israel/PROPN/NNP/nsubj/1 refrained/refrain/VERB/VBD/ROOT/1 from/from/ADP/IN/prep/1 "
                 "attacking/attack/VERB/VBG/pcomp/2 ././PUNCT/./punct/1",
    "declined": "Cairo/Cairo/PROPN/NNP/nsubj/1 declined/decline/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                "comment/comment/VERB/VB/xcomp/1 ././PUNCT/./punct/1",
    "committed_genocide": "Washington/Washington/PROPN/NNP/nsubj/1 determined/determine/VERB/VBD/ROOT/1 "
                          "that/that/SCONJ/IN/mark/5 militias/militia/NOUN/NNS/nsubj/5 had/have/AUX/VBD/aux/5 "
                          "committed/commit/VERB/VBN/ccomp/1 genocide/genocide/NOUN/NN/dobj/5 ././PUNCT/./punct/1",
    "committed_to": "Iran/Iran/PROPN/NNP/nsubj/1 committed/commit/VERB/VBD/ROOT/1 to/to/ADP/IN/prep/1 "
                    "talks/talk/NOUN/NNS/pobj/2 ././PUNCT/./punct/1",
    "agreed_to": "Kyiv/Kyiv/PROPN/NNP/nsubj/1 agreed/agree/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                 "exchange/exchange/VERB/VB/xcomp/1 prisoners/prisoner/NOUN/NNS/dobj/3 ././PUNCT/./punct/1",
    # ---- conditional threats: the announced act is threatened, its condition hypothetical
    "kim_would_if": "Kim/Kim/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 he/he/PRON/PRP/nsubj/4 "
                    "would/would/AUX/MD/aux/4 use/use/VERB/VB/ccomp/1 nuclear/nuclear/ADJ/JJ/amod/6 "
                    "weapons/weapon/NOUN/NNS/dobj/4 if/if/SCONJ/IN/mark/9 Seoul/Seoul/PROPN/NNP/nsubj/9 "
                    "attacked/attack/VERB/VBD/advcl/4 ././PUNCT/./punct/1",
    "analysts_would_if": "Analysts/analyst/NOUN/NNS/nsubj/1 said/say/VERB/VBD/ROOT/1 Israel/Israel/PROPN/NNP/nsubj/4 "
                         "would/would/AUX/MD/aux/4 strike/strike/VERB/VB/ccomp/1 if/if/SCONJ/IN/mark/7 "
                         "talks/talk/NOUN/NNS/nsubj/7 failed/fail/VERB/VBD/advcl/4 ././PUNCT/./punct/1",
    "will_if": "Pyongyang/Pyongyang/PROPN/NNP/nsubj/2 will/will/AUX/MD/aux/2 retaliate/retaliate/VERB/VB/ROOT/2 "
               "if/if/SCONJ/IN/mark/5 Seoul/Seoul/PROPN/NNP/nsubj/5 fires/fire/VERB/VBZ/advcl/2 ././PUNCT/./punct/2",
    "will_lift_if": "Washington/Washington/PROPN/NNP/nsubj/2 will/will/AUX/MD/aux/2 lift/lift/VERB/VB/ROOT/2 "
                    "sanctions/sanction/NOUN/NNS/dobj/2 if/if/SCONJ/IN/mark/6 Iran/Iran/PROPN/NNP/nsubj/6 "
                    "complies/comply/VERB/VBZ/advcl/2 ././PUNCT/./punct/2",
    "said_would_meet_if": "Rebels/rebel/NOUN/NNS/nsubj/1 said/say/VERB/VBD/ROOT/1 they/they/PRON/PRP/nsubj/4 "
                          "would/would/AUX/MD/aux/4 meet/meet/VERB/VB/ccomp/1 Annan/Annan/PROPN/NNP/dobj/4 "
                          "if/if/SCONJ/IN/mark/8 he/he/PRON/PRP/nsubj/8 agreed/agree/VERB/VBD/advcl/4 ././PUNCT/./punct/1",
    "says_will_not_if": "Syria/Syria/PROPN/NNP/nsubj/1 says/say/VERB/VBZ/ROOT/1 it/it/PRON/PRP/nsubj/5 "
                        "will/will/AUX/MD/aux/5 not/not/PART/RB/neg/5 accept/accept/VERB/VB/ccomp/1 "
                        "refugees/refugee/NOUN/NNS/dobj/5 if/if/SCONJ/IN/mark/9 war/war/NOUN/NN/nsubj/9 "
                        "starts/start/VERB/VBZ/advcl/5 ././PUNCT/./punct/1",
    "mounted_threatened": "Israel/Israel/PROPN/NNP/nsubj/1 mounted/mount/VERB/VBD/ROOT/1 its/its/PRON/PRP$/poss/4 "
                          "threatened/threatened/ADJ/JJ/amod/4 invasion/invasion/NOUN/NN/dobj/1 ././PUNCT/./punct/1",
    "will_hold_planned": "Leaders/leader/NOUN/NNS/nsubj/2 will/will/AUX/MD/aux/2 hold/hold/VERB/VB/ROOT/2 "
                         "the/the/DET/DT/det/5 planned/planned/ADJ/JJ/amod/5 talks/talk/NOUN/NNS/dobj/2 "
                         "././PUNCT/./punct/2",
    "lifted": "Washington/Washington/PROPN/NNP/nsubj/1 lifted/lift/VERB/VBD/ROOT/1 "
              "sanctions/sanction/NOUN/NNS/dobj/1 ././PUNCT/./punct/1",
    "vowed_attack": "Hamas/Hamas/PROPN/NNP/nsubj/1 vowed/vow/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                    "attack/attack/VERB/VB/xcomp/1 towns/town/NOUN/NNS/dobj/3 ././PUNCT/./punct/1",
    "vowed_use_force": "Moscow/Moscow/PROPN/NNP/nsubj/1 vowed/vow/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                       "use/use/VERB/VB/xcomp/1 force/force/NOUN/NN/dobj/3 ././PUNCT/./punct/1",
    # ---- evidence nouns
    "no_signs_that": "there/there/PRON/EX/expl/1 were/be/VERB/VBD/ROOT/1 no/no/DET/DT/det/3 signs/sign/NOUN/NNS/attr/1 "
                     "that/that/SCONJ/IN/mark/7 Iran/Iran/PROPN/NNP/nsubj/7 was/be/AUX/VBD/aux/7 "
                     "preparing/prepare/VERB/VBG/acl/3 to/to/PART/TO/aux/9 launch/launch/VERB/VB/xcomp/7 "
                     "././PUNCT/./punct/1",
    "no_sign_of": "There/there/PRON/EX/expl/1 was/be/VERB/VBD/ROOT/1 no/no/DET/DT/det/3 sign/sign/NOUN/NN/attr/1 "
                  "of/of/ADP/IN/prep/3 air/air/NOUN/NN/compound/6 support/support/NOUN/NN/pobj/4 ././PUNCT/./punct/1",
    "not_any_evidence": "They/they/PRON/PRP/nsubj/3 did/do/AUX/VBD/aux/3 not/not/PART/RB/neg/3 find/find/VERB/VB/ROOT/3 "
                        "any/any/DET/DT/det/5 evidence/evidence/NOUN/NN/dobj/3 of/of/ADP/IN/prep/5 "
                        "an/an/DET/DT/det/8 attack/attack/NOUN/NN/pobj/6 ././PUNCT/./punct/3",
    "evidence_that": "Investigators/investigator/NOUN/NNS/nsubj/1 found/find/VERB/VBD/ROOT/1 "
                     "evidence/evidence/NOUN/NN/dobj/1 that/that/SCONJ/IN/mark/5 Iran/Iran/PROPN/NNP/nsubj/5 "
                     "attacked/attack/VERB/VBD/acl/2 ././PUNCT/./punct/1",
    # ---- "in case of", "instead of", "rather than"
    "in_case": "Leaders/leader/NOUN/NNS/nsubj/1 pledged/pledge/VERB/VBD/ROOT/1 help/help/NOUN/NN/dobj/1 "
               "in/in/ADP/IN/prep/1 case/case/NOUN/NN/pobj/3 of/of/ADP/IN/prep/4 "
               "aggression/aggression/NOUN/NN/pobj/5 ././PUNCT/./punct/1",
    "instead_of": "Instead/instead/ADV/RB/advmod/1 of/of/ADP/IN/prep/4 attacking/attack/VERB/VBG/pcomp/1 "
                  "rebels/rebel/NOUN/NNS/nsubj/4 negotiated/negotiate/VERB/VBD/ROOT/4 ././PUNCT/./punct/4",
    "rather_than": "Kyiv/Kyiv/PROPN/NNP/nsubj/1 chose/choose/VERB/VBD/ROOT/1 talks/talk/NOUN/NNS/dobj/1 "
                   "rather/rather/ADV/RB/advmod/4 than/than/ADP/IN/prep/1 war/war/NOUN/NN/pobj/4 ././PUNCT/./punct/1",
    # ---- purposes that the act itself carries out
    "phoned_to_offer": "Athens/Athens/PROPN/NNP/nsubj/1 telephoned/telephone/VERB/VBD/ROOT/1 Ankara/Ankara/PROPN/NNP/dobj/1 "
                       "to/to/PART/TO/aux/4 offer/offer/VERB/VB/advcl/1 condolences/condolence/NOUN/NNS/dobj/4 "
                       "././PUNCT/./punct/1",
    "marched_to_protest": "Thousands/thousand/NOUN/NNS/nsubj/1 marched/march/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                          "protest/protest/VERB/VB/advcl/1 the/the/DET/DT/det/5 law/law/NOUN/NN/dobj/3 "
                          "././PUNCT/./punct/1",
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
    ("had_inverted", "captured", "hypothetical", False, "Had", False),
    ("had_inverted", "forced", "hypothetical", False, "Had", False),
    ("had_inverted", "negotiate", "hypothetical", False, "Had", False),
    ("were_inverted", "attack", "hypothetical", False, "Were", False),
    ("were_inverted", "respond", "hypothetical", False, "Were", False),
    ("should_inverted", "fail", "hypothetical", False, "Should", False),
    ("should_inverted", "attack", "threatened", False, "Should", False),
    ("would_have", "collapsed", "hypothetical", False, "would", False),
    ("decided_against", "shooting", "asserted", True, "against", False),
    ("decided_against", "decided", "asserted", False, None, False),
    ("voted_against", "sanctions", "asserted", True, "against", False),
    ("stopped_short", "imposing", "asserted", True, "stopped", False),
    ("stopped_short", "sanctions", "asserted", True, "stopped", False),
    ("came_close", "signing", "asserted", True, "came", False),
    ("held_off", "imposing", "asserted", True, "held", False),
    ("held_off_obj", "assault", "asserted", False, None, False),
    ("ruled_out", "talks", "asserted", True, "ruled", True),
    ("refrained", "attacking", "asserted", True, "refrained", False),
    ("declined", "comment", "asserted", True, "declined", True),
    ("committed_genocide", "genocide", "asserted", False, None, False),
    ("committed_genocide", "committed", "asserted", False, None, False),
    ("committed_to", "talks", "planned", False, "committed", False),
    ("agreed_to", "exchange", "planned", False, "agreed", False),
    ("kim_would_if", "use", "threatened", False, "if", False),
    ("kim_would_if", "weapons", "threatened", False, "if", False),
    ("kim_would_if", "attacked", "hypothetical", False, "if", False),
    ("analysts_would_if", "strike", "hypothetical", False, "if", False),
    ("will_if", "retaliate", "threatened", False, "if", False),
    ("will_if", "fires", "hypothetical", False, "if", False),
    ("will_lift_if", "lift", "hypothetical", False, "if", False),
    ("said_would_meet_if", "meet", "planned", False, "if", False),
    ("said_would_meet_if", "agreed", "hypothetical", False, "if", False),
    ("says_will_not_if", "accept", "planned", True, "if", False),
    ("mounted_threatened", "invasion", "asserted", False, None, False),
    ("will_hold_planned", "talks", "planned", False, "will", False),
    ("lifted", "sanctions", "asserted", True, "lifted", False),
    ("vowed_attack", "attack", "threatened", False, "vowed", False),
    ("vowed_use_force", "use", "threatened", False, "vowed", False),
    ("no_signs_that", "preparing", "asserted", True, "no", False),
    ("no_signs_that", "launch", "planned", True, "preparing", False),
    ("no_sign_of", "support", "asserted", True, "no", False),
    ("not_any_evidence", "attack", "asserted", True, "not", False),
    ("evidence_that", "attacked", "asserted", False, None, False),
    ("phoned_to_offer", "offer", "asserted", False, None, False),
    ("phoned_to_offer", "condolences", "asserted", False, None, False),
    ("marched_to_protest", "protest", "asserted", False, None, False),
    ("in_case", "aggression", "hypothetical", False, "in case", False),
    ("in_case", "help", "planned", False, "pledged", False),
    ("instead_of", "attacking", "asserted", True, "Instead", False),
    ("instead_of", "negotiated", "asserted", False, None, False),
    ("rather_than", "war", "asserted", True, "rather", False),
    ("rather_than", "talks", "asserted", False, None, False),
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


# (text, trigger, modality, negated, refusal): conditions without "if", decisions against, conditional
# threats, evidence nouns, reported past perfect and enacted purposes, on the model's own parses.
REAL_FIXES = [
    ("Had the rebels captured the airport, the government would have been forced to negotiate, an official said.",
     "captured", "hypothetical", False, False),
    ("Had the rebels captured the airport, the government would have been forced to negotiate, an official said.",
     "negotiate", "hypothetical", False, False),
    ("Were the army to attack the capital, the president would resign.", "attack", "hypothetical", False, False),
    ("Should Iran attack Israel, the United States would respond.", "attack", "hypothetical", False, False),
    ("Officials decided against shooting it down over land.", "shooting", "asserted", True, False),
    ("The EU stopped short of imposing sanctions on Russia.", "imposing", "asserted", True, False),
    ("Washington held off on imposing new tariffs.", "imposing", "asserted", True, False),
    ("The Kremlin declined to comment on reports.", "comment", "asserted", True, True),
    ("The United States determined that members of the RSF had committed genocide.", "genocide", "asserted",
     False, False),
    ("Kim said he would use nuclear weapons without hesitation if the South and the United States attacked.",
     "use", "threatened", False, False),
    ("Kim said he would use nuclear weapons without hesitation if the South and the United States attacked.",
     "attacked", "hypothetical", False, False),
    ("Hamas vowed to attack Israeli towns.", "attack", "threatened", False, False),
    ("Ukraine agreed to exchange prisoners with Russia.", "exchange", "planned", False, False),
    ("An official said there were no signs that North Korea was preparing to launch a missile.", "launch",
     "planned", True, False),
    ("Thousands marched in Tbilisi to protest the law.", "protest", "asserted", False, False),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "modality", "negated", "refusal"), REAL_FIXES)
def test_real_parses_fixes(parser_only: Language, text: str, word: str, modality: str, negated: bool,
                           refusal: bool) -> None:
    tok = trig(parser_only(text), word)
    got = modality_of(tok)
    assert (got[0], got[1]) == (modality, negated), got
    assert is_refusal(tok) is refusal


# (text, trigger, modality): an authority ordering a measure enacts it; a causative verb reports its
# complement as done; ordering someone to act stays a demand.
REAL_ENACTED = [
    ("The defence minister ordered a total blockade of the city.", "blockade", "asserted"),
    ("The junta decreed a nationwide curfew on Friday.", "curfew", "asserted"),
    ("The shelling prompted Poland to recall its ambassador.", "recall", "asserted"),
    ("The ruling spurred thousands to march on parliament.", "march", "asserted"),
    ("The general ordered the troops to withdraw from the border.", "withdraw", "demanded"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "word", "modality"), REAL_ENACTED)
def test_ordered_measures_and_causatives(parser_only: Language, text: str, word: str, modality: str) -> None:
    got = modality_of(trig(parser_only(text), word))
    assert got[0] == modality, got


def test_enacting_verbs_are_a_required_list(tmp_path: Path) -> None:
    data = yaml.safe_load(MODALITY_FILE.read_text(encoding="utf-8"))
    assert "order" in data["enacting_verbs"]
    del data["enacting_verbs"]
    path = tmp_path / "modality.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataFileError, match="enacting_verbs"):
        load_cues(path)
