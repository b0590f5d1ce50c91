"""Modality and negation of an event trigger, read from its dependency context.

An event trigger (a verb such as "met" or an event noun such as "talks") is *asserted* unless
something around it says otherwise:

- *planned*: future auxiliaries ("will meet"), intention frames ("plans to", "is set to", "agreed to",
  "vowed to"), purposes ("massed troops to invade", but not "marched to protest"), modifiers ("the
  planned talks", unless a verb carries the act out: "held the planned talks"), conditional promises
  ("said they would meet him if ...");
- *threatened*: threat frames ("threatened to cut", "warned it would", "could face sanctions",
  "vowed to retaliate/attack"), ultimatums ("will strike unless ..."), conditional threats ("will
  retaliate if attacked", "Kim said he would use nuclear weapons if ...");
- *hypothetical*: conditionals ("if", inverted "Had X ...", "Were X to ...", "Should X ...", "in case
  of"), counterfactual "would have", modals ("may", "might", "could"), yes/no questions, weighing
  frames ("is considering", "the possibility of");
- *demanded*: complements of requests ("urged Iran to halt", "calls for talks", "the need for X to"),
  "must"/"should" (said of oneself, "Iran said it must", they are the speaker's resolve: planned).

A planned act is *scheduled* (``is_scheduled``) when a third party reports it on the calendar ("is
scheduled/due/set/expected to", "prepared to", "on the eve of", "the upcoming summit") rather than
the actor expressing the intent ("will", "plans to", "agreed to"): CAMEO codes the act, not a 03x.

Negation comes from "not/n't/never", a "no" determiner on the trigger or its arguments ("no talks
were held"), "without", "instead of", "rather than", negated evidence ("no signs that ..."), decisions
against ("decided against shooting"), and frames that deny the complement: refusals ("refused to",
"rejected", "ruled out"; these also set the refusal flag) and failures ("failed to", "cancelled",
"stopped short of", "held off on"). Negations along the chain cancel in pairs ("did not refuse to
meet" is not negated).

The walk goes up from the trigger through clausal complements (xcomp, ccomp, infinitival acl),
prepositional complements ("calls FOR talks") and the light verb of an event noun ("HELD talks").
The nearest frame decides the modality; a weaker "planned" yields to a threat or a demand above it,
and a conditional or hypothetical modal above a frame makes the whole chain hypothetical.
Cue words live in ``data/modality.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .modality_cues import MODALITY_FILE, ModalityCues, cues, load_cues
from .modality_cues import NOMINAL as _NOMINAL
from .modality_cues import VERBAL as _VERBAL
from .modality_cues import frame_of as _frame
from .modality_cues import is_gerund as _gerund
from .modality_cues import schedule_word as _schedule_word
from .modality_cues import token_keys as _keys
from .modality_cues import token_lemma as _lemma
from .modality_rules import refine

__all__ = ["MODALITIES", "ModalityCues", "modality_of", "is_refusal", "is_scheduled", "load_cues", "cues",
           "MODALITY_FILE"]

MODALITIES = ("asserted", "planned", "threatened", "hypothetical", "demanded")
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_ARGS = ("nsubj", "nsubjpass", "dobj", "obj", "attr")
_FINITE = ("VBD", "VBZ", "VBP")


# ---------------------------------------------------------------------------------------------------
@dataclass
class _Reading:
    modality: str | None = None
    cue: str | None = None
    from_frame: bool = False  # set by a governing frame (own cues may not override it)
    negations: int = 0
    neg_cue: str | None = None
    refusal: bool = False
    schedule: bool = False  # the plan is a schedule a third party reports, not the actor's own intent
    forecast: bool = False  # a schedule frame itself negated: "is NOT expected to meet"
    counted: set[int] = field(default_factory=set)  # token indices already counted as negations

    def negate(self, tok: Token) -> None:
        if tok.i in self.counted:  # one "no" reached twice (from the noun and from its verb) counts once
            return
        self.counted.add(tok.i)
        self.negations += 1
        if self.neg_cue is None:
            self.neg_cue = tok.text


def _scheduled_subject(verb: Token, c: ModalityCues) -> str | None:
    """The schedule word that puts the subject of ``verb`` on the calendar ("talks are SET to resume",
    "the summit is SLATED for June", "a truce is EXPECTED to take effect"), else None."""
    for cand in (verb, *(k for k in verb.children if k.dep_ == "acomp")):
        frame, word = _frame(cand, "clause", c)
        if frame == "planned" and _schedule_word(cand, word, c):
            return cand.text
    return None


def _is_infinitive(tok: Token) -> bool:
    return any(k.dep_ == "aux" and k.lower_ == "to" for k in tok.children)


def _inverted(clause: Token, c: ModalityCues) -> Token | None:
    """The auxiliary opening an inverted condition ("HAD the rebels captured ...", "WERE Iran to
    attack", "SHOULD talks fail"): clause-initial, before the subject, in a subordinate clause."""
    if clause.dep_ not in ("advcl", "ccomp") or (clause.dep_ == "ccomp" and clause.i > clause.head.i):
        return None
    first = clause.left_edge
    if first.lower_ not in c.inversion_aux or not (first.i == clause.i or (first.head.i == clause.i and first.dep_ in (
            "aux", "auxpass"))):
        return None
    subj = next((k for k in clause.children if k.dep_ in _SUBJ), None)
    if subj is None or subj.i < first.i or any(k.dep_ == "mark" for k in clause.children):
        return None
    return first


def _enacted(purpose: Token, act: Token, c: ModalityCues) -> bool:
    """Is a purpose done by the act it is the purpose of? "marched TO PROTEST", "shunned work to
    protest" (the act is the protest); "telephoned Erdogan to offer condolences" (the call is where
    the offer is made)."""
    return _lemma(purpose) in c.enacted_purposes or _lemma(act) in c.communication_verbs


def _other_actor(gov: Token, comp: Token) -> bool:
    """Does the infinitive ``comp`` under ``gov`` have an actor of its own ("wants PAKISTAN to arrest",
    "would like RUSSIA to withdraw"), rather than sharing the subject of ``gov`` ("wants to meet")?"""
    if not _is_infinitive(comp):
        return False
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in comp.children):
        return True
    return comp.dep_ == "xcomp" and any(k.dep_ in ("dobj", "obj") for k in gov.children)


def _pressed(gov: Token, comp: Token, c: ModalityCues) -> str | None:
    """The wish or push verb that asks another actor to do ``comp`` (demanded), else None: "wants
    Pakistan to arrest", "tried to get Ukraine to investigate" (but "got Ukraine to investigate" and
    "persuaded Iran to halt" report the act: a finite push is implicative)."""
    if not _other_actor(gov, comp):
        return None
    keys = _keys(gov)
    if any(k in c.wish_verbs for k in keys[:2]):
        return gov.text
    if any(k in c.causative_verbs for k in keys[:2]) and gov.tag_ in ("VB", "VBG"):
        return gov.text
    return None


def _necessity(head: Token, conj: Token, c: ModalityCues) -> str | None:
    """ "had no option BUT TO surrender": the act is forced on its actor (demanded). The cue, else None."""
    if not _is_infinitive(conj) or not any(k.dep_ == "cc" and k.lower_ == "but" for k in (*head.children,
                                                                                         *conj.children)):
        return None
    for k in head.children:
        if k.dep_ in ("dobj", "obj", "attr") and _lemma(k) in c.necessity_nouns and any(
                g.dep_ == "det" and g.lower_ in c.negative_determiners for g in k.children):
            return f"no {k.text} but"
    return None


def _hostile(tok: Token, c: ModalityCues) -> bool:
    """Is the act hostile: "retaliate", "revenge", or a wielding verb with a hostile object ("use
    nuclear weapons")?"""
    keys = _keys(tok)
    if any(k in c.hostile_words for k in keys):
        return True
    if not any(k in c.wielding_verbs for k in keys):
        return False
    objs = [o for o in tok.children if o.dep_ in ("dobj", "obj")]
    objs += [g for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]  # "resort to force"
    return any(_lemma(o) in c.hostile_words for o in objs)


def _commitment(node: Token, kids: list[Token], c: ModalityCues) -> str | None:
    """The modality of a conditional act its actor announces, else None (a mere possibility).

    A hostile act with "will" is a threat ("will strike if attacked"); so is one a speaker announces of
    themself with "will"/"would" ("Kim said he would use nuclear weapons if ..."), and any other act
    so announced is a promise, planned ("they said they would meet the mediator if ...")."""
    aux = {k.lower_ for k in kids if k.dep_ == "aux"} | {_lemma(k) for k in kids if k.dep_ == "aux"}
    future, would = bool(aux & c.future_aux), bool(aux & c.conditional_aux)
    if not (future or would):
        return None
    hostile = _hostile(node, c)
    if future and hostile:
        return "threatened"
    if node.dep_ != "ccomp" or _lemma(node.head) not in c.speech_verbs:
        return None
    subj = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((k for k in node.head.children if k.dep_ == "nsubj"), None)
    if subj is None or not (subj.tag_ == "PRP" or (speaker is not None and subj.lower_ == speaker.lower_)):
        return None  # "analysts said Israel would strike if ...": a forecast
    return "threatened" if hostile else "planned"


def _of_speaker(node: Token, kids: list[Token], c: ModalityCues) -> bool:
    """Is the subject of clause ``node`` the speaker of the speech verb it reports ("Iran said IT must",
    "Putin said HE would", "we must")?"""
    subj = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    low = subj.lower_
    if low in ("i", "we"):
        return True
    if node.dep_ != "ccomp" or _lemma(node.head) not in c.speech_verbs:
        return False
    speaker = next((k for k in node.head.children if k.dep_ == "nsubj"), None)
    if speaker is None:
        return False
    if speaker.tag_ == "PRP" or low == speaker.lower_:
        return low == speaker.lower_
    if low in ("it", "he", "she"):
        return speaker.tag_ in ("NN", "NNP")  # a singular speaker
    return low == "they" and speaker.tag_ in ("NNS", "NNPS")


def _own(node: Token, r: _Reading, c: ModalityCues, apply_modality: bool = True) -> None:
    """Cues on the trigger's own clause (or a clause tightly bound to it): negation, modals, marks."""
    cand: tuple[int, str, str] | None = None  # (rank, modality, cue); the higher rank wins

    def offer(rank: int, modality: str, cue: str) -> None:
        nonlocal cand
        if cand is None or rank > cand[0]:
            cand = (rank, modality, cue)

    kids = list(node.children)
    negated_here = any(k.dep_ == "neg" for k in kids)
    inv = _inverted(node, c)
    if inv is not None:
        offer(5, "hypothetical", inv.text)  # the condition itself: "HAD the rebels captured ..."
    for k in kids:
        dep, low, lemma = k.dep_, k.lower_, _lemma(k)
        if dep == "neg" and (low in c.negation_words or lemma in c.negation_words):
            r.negate(k)
        elif dep == "advmod" and any(g.dep_ == "neg" for g in k.children):  # "no longer"
            r.negate(next(g for g in k.children if g.dep_ == "neg"))
        elif dep in ("aux", "auxpass"):
            if (low in c.ability_aux or lemma in c.ability_aux) and negated_here:
                continue  # "could not break through" reports a failure, not a possibility
            if low in c.hypothetical_aux or lemma in c.hypothetical_aux:
                offer(3, "hypothetical", k.text)
            elif low in c.demanded_aux or lemma in c.demanded_aux:
                # "X must do Y" laid on another is a demand; said of oneself ("Iran said it must
                # strengthen its defences") it is the speaker's own resolve: planned
                offer(2, "planned" if _of_speaker(node, kids, c) else "demanded", k.text)
            elif low in c.conditional_aux or lemma in c.conditional_aux:
                if not r.from_frame:
                    r.schedule = False
                if any(g.dep_ == "aux" and g.i > k.i and _lemma(g) == "have" for g in kids):
                    offer(3, "hypothetical", k.text)  # "would have been forced": counterfactual
                else:
                    offer(1, "planned", k.text)  # future in the past, unless an if-clause makes it conditional
            elif low in c.future_aux or lemma in c.future_aux:
                if not r.from_frame:
                    r.schedule = False  # "would attend the upcoming talks": the actor's own future
                nxt = k.nbor(1) if k.i + 1 < len(k.doc) else None
                offer(1, "planned", k.text + nxt.text if nxt is not None and nxt.lower_ == "n't" else k.text)
        elif dep == "mark" and low in c.conditional_marks:
            offer(5, "hypothetical", k.text)
        elif dep == "advcl" and any(g.dep_ == "mark" and g.lower_ in c.conditional_marks for g in k.children):
            mark = next(g for g in k.children if g.dep_ == "mark" and g.lower_ in c.conditional_marks)
            # "will boycott the vote UNLESS ..." is an ultimatum, "will strike IF attacked" a threat:
            # the act is threatened, not just possible
            promised = "threatened" if mark.lower_ in c.threat_marks else _commitment(node, kids, c)
            offer(4, promised or "hypothetical", mark.text)
        elif dep in ("advcl", "ccomp") and (inv_k := _inverted(k, c)) is not None:
            # "HAD X captured ..., the government would ...", "SHOULD talks fail, Russia will strike"
            offer(4, _commitment(node, kids, c) or "hypothetical", inv_k.text)
        elif dep in _ARGS and low in c.negative_pronouns:
            r.negate(k)  # "nobody was arrested"
        elif dep in _ARGS:
            # "no talks were held"; "NEITHER the minister nor his aides met"
            neg_det = next((g for g in k.children if g.dep_ in ("det", "preconj")
                            and g.lower_ in c.negative_determiners), None)
            if neg_det is not None:
                r.negate(neg_det)  # "no talks were held"
    if cand is not None and apply_modality and (r.modality is None or (not r.from_frame and cand[0] >= 3)):
        r.modality, r.cue = cand[1], cand[2]


def _noun_modifiers(tok: Token, r: _Reading, c: ModalityCues) -> None:
    """'the PLANNED talks', 'a POSSIBLE strike', 'NO talks', 'CANCELLED talks'; but 'MOUNTED its
    long-threatened invasion', 'HELD the planned talks' carry the act out (the verb's own cues decide)."""
    done = tok.dep_ in ("dobj", "obj", "nsubjpass") and any(k in c.realizing_verbs for k in _keys(tok.head))
    for k in tok.children:
        low = k.lower_
        if k.dep_ == "det" and low in c.negative_determiners:
            r.negate(k)
        elif k.dep_ in ("amod", "compound", "advmod", "nmod"):
            for name, words in (("planned", c.planned_modifiers), ("hypothetical", c.hypothetical_modifiers),
                                ("threatened", c.threatened_modifiers)):
                if low in words and r.modality is None and not done:
                    r.modality, r.cue = name, k.text
                    r.schedule = name == "planned" and low in c.schedule_modifiers  # "the UPCOMING summit"
            if low in c.negating_modifiers:
                r.negate(k)


def _hypothetical_above(gov: Token, c: ModalityCues) -> str | None:
    """A conditional or hypothetical modal on a governing clause: the cue text, else None."""
    for k in gov.children:
        if k.dep_ == "mark" and k.lower_ in c.conditional_marks:
            return k.text
        if k.dep_ in ("aux", "auxpass") and (k.lower_ in c.hypothetical_aux or _lemma(k) in c.hypothetical_aux):
            return k.text
        if k.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in c.conditional_marks for g in k.children):
            return next(g.text for g in k.children if g.dep_ == "mark")
        if k.dep_ in ("advcl", "ccomp") and (inv := _inverted(k, c)) is not None:
            return inv.text
    inv = _inverted(gov, c)
    return inv.text if inv is not None else None


def _negated_evidence(noun: Token, r: _Reading, c: ModalityCues) -> None:
    """ "NO signs that ...", "did NOT find any evidence of ...": the negation of an evidence noun
    (on the noun or on the verb it is the object of) denies what it is evidence of."""
    for k in noun.children:
        if k.dep_ == "det" and k.lower_ in c.negative_determiners:
            r.negate(k)
    if noun.dep_ in ("dobj", "obj", "attr", "nsubj", "nsubjpass") and noun.head.i != noun.i:
        for k in noun.head.children:
            if k.dep_ == "neg":
                r.negate(k)


def _is_yes_no_question(top: Token, c: ModalityCues) -> bool:
    """Is ``top`` the root of a sentence ending in "?" that opens without a wh-word?"""
    if top.dep_ != "ROOT":
        return False
    doc, last = top.doc, top.right_edge.i  # the root's subtree spans its sentence
    while last > top.i and (doc[last].is_space or doc[last].is_quote):
        last -= 1
    if doc[last].text != "?":
        return False
    first = top.left_edge.i
    return not any(t.lower_ in c.question_words for t in doc[first:first + 3])


def _apply_frame(frame: str, word: str, gov: Token, trigger: Token, first: bool, r: _Reading,
                 c: ModalityCues, complement: Token) -> bool:
    """Let a governing frame set modality, negation and refusal; False when it does not apply."""
    if frame in ("refused", "negating"):
        # Rejecting "the accusations" does not undo them: a speech-act noun trigger stays asserted.
        if first and trigger.pos_ in _NOMINAL and _lemma(trigger) in c.speech_act_nouns:
            return False
        r.negate(gov)
        # "did not refuse to meet" is no refusal
        if frame == "refused" and not any(k.dep_ == "neg" for k in gov.children):
            r.refusal = True
        return True
    if frame == "planned" and word in ("vow", "pledge", "promise") and _hostile(complement, c):
        frame = "threatened"  # "vowed to retaliate" / "vowed revenge" / "vowed to attack"
    if frame == "planned":  # an intent frame above a schedule makes it the actor's intent again
        sched = _schedule_word(gov, word, c)
        r.schedule = r.schedule and sched if r.from_frame and r.modality == "planned" else sched
    if r.from_frame and not (r.modality == "planned" and frame != "planned"):
        return True
    cue = gov.text + "".join(f" {k.text}" for k in gov.children if k.dep_ == "prt")
    modal = next((k.text for k in gov.children if k.dep_ == "aux" and k.lower_ in c.hypothetical_aux), None)
    if frame == "threatened" and modal:
        cue = f"{modal} {cue}"  # "could face"
    r.modality, r.cue, r.from_frame = frame, cue, True
    return True


def _analyze(token: Token) -> _Reading:
    c = cues()
    r = _Reading()
    node = token
    if token.pos_ in _NOMINAL:
        _noun_modifiers(token, r, c)
    else:
        _own(token, r, c)
    level0 = True  # still on the trigger's own clause (the trigger, its conjuncts, a noun's light verb)
    first_frame = True
    for _ in range(10):
        link, head = node.dep_, node.head
        if head.i == node.i:
            break
        via: str | None = None
        gov = head
        if link == "conj":
            need = _necessity(head, node, c) if level0 else None
            if need is not None:  # "had no option but to surrender": forced, not done
                r.modality, r.cue, r.from_frame = "demanded", need, True
                level0, first_frame = False, False
                node = head
                continue
            has_subj = any(k.dep_ in _SUBJ for k in node.children)
            contrast = any(k.dep_ == "cc" and k.lower_ in ("but", "yet") for k in head.children)
            # a finite conjunct has its own tense ("did not sign X and AGREED to Y"): the first verb's
            # "not" and auxiliaries are not its own, unlike a bare one that shares them ("will not sign and agree")
            own_tense = node.tag_ in _FINITE or any(k.dep_ in ("aux", "auxpass") for k in node.children)
            if level0 and not has_subj and not contrast and not own_tense and head.pos_ not in _NOMINAL:
                _own(head, r, c, apply_modality=r.modality is None)
            node = head
            continue
        if link in ("acl", "ccomp") and head.pos_ in _NOMINAL and _lemma(head) in c.evidential_nouns:
            _negated_evidence(head, r, c)  # "no signs THAT North Korea was preparing ..."
            break
        if link in ("xcomp", "ccomp", "csubjpass"):
            via = "clause"
        elif link in ("acl", "relcl") and head.pos_ in _NOMINAL and _is_infinitive(node):
            if f"{head.head.lower_} {head.lower_}" in c.purpose_marks and not r.from_frame:
                r.modality, r.cue = "planned", f"{head.head.text} {head.text}"  # "in order to secure"
                break
            via = "clause"  # "calls to resign", "plans to attack"
        elif (link == "advcl" and head.pos_ in _NOMINAL and _is_infinitive(node)
              and _frame(head, "clause", c)[0] is not None):
            via = "clause"  # "the NEED for Ukraine to withdraw" (an infinitive parsed as an adverbial clause)
        elif link == "advcl":
            inv = _inverted(head, c)
            if inv is not None:  # "WERE the army to attack the capital, ..."
                if not r.from_frame:
                    r.modality, r.cue = "hypothetical", inv.text
                break
            # A purpose ("sent troops to secure the border", "so that they could secure it") is intended.
            mark = next((k for k in node.children if k.dep_ == "mark" and k.lower_ in c.purpose_marks), None)
            if (_is_infinitive(node) or mark is not None) and not r.from_frame and not _enacted(node, head, c):
                r.modality, r.cue = "planned", mark.text if mark is not None else "to"
            elif (_is_infinitive(node) or mark is not None) and not r.from_frame and r.modality is None:
                # an enacted purpose shares its act's tense: "would blockade the city TO DEMAND ..."
                fut = next((k for k in head.children if k.dep_ == "aux" and (
                    k.lower_ in c.future_aux or k.lower_ in c.conditional_aux)), None)
                if fut is not None:
                    r.modality, r.cue = "planned", fut.text
            hypo = next((k.text for k in head.children if k.dep_ == "mark" and k.lower_ in c.conditional_marks), None)
            if hypo and not r.from_frame and (_is_infinitive(node) or mark is not None):
                r.modality, r.cue = "hypothetical", hypo  # "whether he withheld aid TO PRESSURE them"
            break
        elif link in ("pobj", "pcomp"):
            prep = head
            if prep.dep_ not in ("prep", "agent", "dative") or prep.head.i == prep.i:
                break
            anchor = prep.head
            if (anchor.dep_ in ("advmod", "prt") and anchor.head.pos_ in _VERBAL
                    and f"{_lemma(anchor.head)} {anchor.lower_}" in c.phrase_verbs):
                anchor = anchor.head  # "stopped SHORT of imposing", "came CLOSE to signing"
            lead = next((k for k in (*prep.children, prep.head) if (k.dep_ == "advmod" or k.i == prep.head.i)
                         and f"{k.lower_} {prep.lower_}" in c.negating_preps), None)  # "INSTEAD of", "RATHER than"
            if prep.lower_ in c.negating_preps or lead is not None:
                r.negate(lead if lead is not None else prep)
                break
            if anchor.dep_ == "pobj" and anchor.head.lower_ == "in" and _lemma(anchor) in c.conditional_nouns:
                if not r.from_frame:  # "in case of aggression", "in the event of an attack"
                    r.modality, r.cue = "hypothetical", anchor.doc[anchor.head.i:anchor.i + 1].text
                break
            if anchor.pos_ in _NOMINAL and _lemma(anchor) in c.evidential_nouns:
                _negated_evidence(anchor, r, c)  # "no sign OF air support"
                break
            if prep.lower_ in c.dissuading_preps:
                frame, _ = _frame(anchor, "prep", c)
                if frame in ("threatened", "demanded"):  # "warned Hezbollah against attacking"
                    r.negate(prep)
                    if not r.from_frame or r.modality == "planned":
                        r.modality, r.cue, r.from_frame = "demanded", f"{anchor.text} {prep.text}", True
                elif any(k in c.against_verbs for k in _keys(anchor)):
                    r.negate(prep)  # "decided against shooting it down"
                else:
                    break
                level0, first_frame = False, False
                node = anchor
                continue
            if level0 and anchor.pos_ in _NOMINAL and _lemma(anchor) in c.carrier_nouns:
                node = anchor  # "held a ROUND of talks": the carrier's verb is the act's own
                continue
            if level0 and anchor.pos_ in _VERBAL and any(
                    k.dep_ in ("dobj", "obj") and _lemma(k) in c.carrier_nouns for k in anchor.children):
                _own(anchor, r, c, apply_modality=not r.from_frame)  # "will not take part IN the talks"
                node = anchor
                continue
            if prep.lower_ not in c.frame_preps:
                break
            gov, via = anchor, "prep"
        elif link in ("dobj", "obj", "nsubjpass", "attr", "oprd", "nsubj"):
            via = "object" if link != "nsubj" else None
        elif link == "acomp" and head.pos_ in _VERBAL and not level0:
            level0, node = False, head  # past the copula of an adjective frame ("Iran is ready to", ", he said")
            continue
        else:
            break
        if via == "object" and _lemma(node) in c.expressive_nouns:
            via = None  # "offered condolences" is the condolence itself, unlike "offered talks"
        if via == "object" and _lemma(gov) in c.enacting_verbs and gov.pos_ in _VERBAL:
            via = None  # "ordered a complete siege": the order puts the siege in force
        pushed = _pressed(gov, node, c) if via == "clause" else None
        # "DROPPED the investigation", "ENDED its blockade", "the ENDING of the blockade" (not "dropped bombs")
        closed = (node.pos_ in _NOMINAL and ((via == "object" and gov.pos_ in _VERBAL and _lemma(gov) in c.closing_verbs)
                                             or (via == "prep" and _gerund(gov) and _prep_of(node)
                                                 and any(k in c.closing_verbs for k in _keys(gov))))
                  and not any(k in c.weapon_nouns for k in _keys(node)[:3]))
        frame, word = (("demanded", pushed) if pushed else ("negating", _lemma(gov)) if closed
                       else _frame(gov, via, c) if via else (None, ""))
        if frame:
            applies = _apply_frame(frame, word, gov, token, first_frame, r, c, node)
            first_frame = False
            level0 = False
            cop = gov.head if gov.dep_ == "acomp" and gov.head.i != gov.i else None  # "is NOT ready", "MUST be ready"
            for k in (*gov.children, *(cop.children if cop is not None else ())) if applies else ():
                # "did not agree to", "no plans to", "is NOT ready to"
                if k.dep_ == "neg" or (k.dep_ == "det" and k.lower_ in c.negative_determiners):
                    r.negate(k)
                    r.forecast = r.forecast or (r.modality == "planned" and r.schedule)
            hypo = _hypothetical_above(gov, c) or (_hypothetical_above(cop, c) if cop is not None else None)
            failed = (frame in ("refused", "negating") and hypo is not None and hypo.lower() in c.ability_aux
                      and any(k.dep_ == "neg" for k in gov.children))  # "could not STOP the raids": they went on
            if hypo and not failed and frame != "threatened" and r.modality != "threatened":  # "may REFUSE to meet"
                r.modality, r.cue, r.from_frame = "hypothetical", hypo, True
            elif cop is not None and r.modality == "planned":  # "said Peru MUST be ready to talk"
                must = next((k for k in cop.children if k.dep_ == "aux" and k.lower_ in c.demanded_aux), None)
                if must is not None and not _of_speaker(cop, list(cop.children), c):
                    r.modality, r.cue, r.schedule = "demanded", must.text, False
        elif link in ("dobj", "obj", "nsubjpass", "attr", "oprd", "nsubj") and (level0 or node.pos_ in _NOMINAL):
            # The light verb of an event noun ("HELD talks", "talks WILL resume") or of a frame noun
            # ("HAS no plans to"): its negation and auxiliaries are the noun's own.
            if not level0 and node.i != token.i and _lemma(node) not in c.frame_nouns:
                break
            if node.i == token.i and link in ("nsubj", "nsubjpass") and r.modality is None:
                cue = _scheduled_subject(gov, c)  # "TALKS are set to resume", "the SUMMIT is slated for June"
                if cue is not None:
                    r.modality, r.cue, r.schedule = "planned", cue, True
            _own(gov, r, c, apply_modality=not r.from_frame)
        elif link == "xcomp" and gov.pos_ in _VERBAL:
            lemma = _lemma(gov)
            if lemma in c.yet_verbs and any(k.lower_ in c.not_yet_adverbs for k in gov.children):
                r.negate(next(k for k in gov.children if k.lower_ in c.not_yet_adverbs))  # "has yet to respond"
            elif (lemma in c.arrangement_verbs and _is_infinitive(node) and not r.from_frame
                  and _lemma(node) not in c.arrangement_idioms and any(k.dep_ in _SUBJ for k in gov.children)
                  and not any(k.dep_ in ("attr", "acomp") for k in gov.children)):
                # "Putin IS TO meet Erdogan": an arrangement the narrator reports, a schedule
                r.modality, r.cue, r.schedule, r.from_frame = "planned", f"{gov.text} to", True, True
                r.forecast = any(k.dep_ == "neg" for k in gov.children)
            has_obj = any(k.dep_ in ("dobj", "obj") for k in gov.children)
            if (has_obj and _is_infinitive(node) and lemma not in c.implicative and r.modality is None
                    and not _enacted(node, gov, c)):
                r.modality, r.cue = "planned", "to"  # "massed troops to invade"
            _own(gov, r, c, apply_modality=not r.from_frame)  # "did not begin to withdraw", "will try to"
        else:
            # A clause passed through unchanged ("said that"), unless it is itself conditional.
            mark = next((k for k in gov.children if k.dep_ == "mark" and k.lower_ in c.conditional_marks), None)
            if mark is not None and not r.from_frame:
                r.modality, r.cue = "hypothetical", mark.text
            if r.schedule and link == "ccomp" and _of_speaker(node, list(node.children), c):
                r.schedule = False  # "Putin said he is due to meet ...": the actor announces it, an intent
            level0 = False
        node = gov
    if _is_yes_no_question(node, c) and r.modality in (None, "asserted", "planned"):
        r.modality, r.cue = "hypothetical", "?"
    return r


def _prep_of(tok: Token) -> bool:
    """Does ``tok`` hang from "of" ("the ending OF the blockade")?"""
    return tok.head.lower_ == "of"


# The last (doc, token index, reading): the coder asks several questions about one trigger in a row.
# One tuple swapped whole, so that threads never read a mix of two entries.
_memo: list[tuple[object, int, _Reading] | None] = [None]


def _reading(token: Token) -> _Reading:
    doc, last = token.doc, _memo[0]
    if last is not None and last[0] is doc and last[1] == token.i:
        return last[2]
    r = _analyze(token)
    refine(token, r)  # generic clauses, forecasts, past ability, necessity (modality_rules.py)
    negated = r.negations % 2 == 1
    if negated and r.modality == "planned" and r.schedule and r.forecast:
        # "is not expected to meet": a forecast that the act will not happen, no one's refusal
        r.modality, r.schedule = "hypothetical", False
    if r.modality == "hypothetical":
        r.refusal = False  # "Iran may refuse to meet", "Will Iran refuse ...?": no refusal was made
    _memo[0] = (doc, token.i, r)
    return r


def modality_of(token: Token) -> tuple[str, bool, str | None]:
    """(modality, negated, cue text) of an event trigger token.

    ``modality`` is one of MODALITIES; ``cue`` is the word that decided it (or, for a negated
    asserted event, the negation), None for a plain asserted event.
    """
    r = _reading(token)
    modality = r.modality or "asserted"
    negated = r.negations % 2 == 1
    cue = r.cue if r.modality else (r.neg_cue if negated else None)
    return modality, negated, cue


def is_refusal(token: Token) -> bool:
    """True when a refusal governs the trigger: "refused to MEET", "rejected TALKS", "denied ATTACKING"."""
    return _reading(token).refusal


def is_scheduled(token: Token) -> bool:
    """True when a planned trigger is a schedule a third party reports ("is scheduled to ATTEND", "is
    due to MEET", "is expected to SIGN", "on the eve of TALKS", "the upcoming SUMMIT"), not the
    actor's own expressed intent ("will meet", "plans to meet", "agreed to meet"): CAMEO codes the
    act itself, planned, rather than an intent (03x)."""
    r = _reading(token)
    return r.modality == "planned" and r.schedule
