"""Whose act a negation or refusal denies.

A refusal or a "not" above an act with a subject of its own denies the governing party's permission or
help, not the act of the other party: "Egypt refused to allow Iran to send weapons to Hamas" is Egypt's
refusal (coded on "refused"); Iran sent nothing and refused nothing, so "send" is no event at all, neither
Iran's aid nor Iran's refusal. The same for an act in the purpose clause of a refused or negated act
("would not let Belarus use its roads to aid Moscow", "refused to send troops to help the rebels"): the
purpose was never acted on, and its refusal is already coded on the governing act.

Works from the trigger up through at most a few clause links; the frame words come from modality.yml.
"""

from __future__ import annotations

from spacy.tokens import Token

from .modality_cues import cues
from .modality_cues import token_lemma as _lemma

__all__ = ["denied_by_other"]

# links from a clause to the clause or noun that governs it; in-clause links from a noun act to its verb
_CLAUSE_UP = ("xcomp", "ccomp", "advcl", "acl", "relcl")
_IN_CLAUSE = ("dobj", "obj", "pobj", "prep", "nsubjpass", "attr", "acomp", "dative")
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PURPOSE = ("advcl", "acl")


def _denies(verb: Token) -> bool:
    """A verb that is negated ("would not give") or is itself a refusal ("refused", "turned down")."""
    if any(k.dep_ == "neg" for k in verb.children):
        return True
    frames = cues().frames
    return _lemma(verb) in frames["refused"]["verbs"]


def denied_by_other(tok: Token, limit: int = 8) -> Token | None:
    """The governing negated or refusing verb when the act at ``tok`` is another party's act under it
    (a clause with its own subject between them) or the purpose of the denied act ("to help Israel");
    None when the act is the denier's own ("refused to meet": folded and coded as the refusal) or nothing
    denies it."""
    cur = tok
    for _ in range(limit):  # up to the verb of the act's own clause
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ not in _IN_CLAUSE or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.pos_ not in ("VERB", "AUX") or any(k.dep_ == "neg" for k in cur.children):
        return None  # "Iran did not send weapons": its own negated act, handled by the coder
    other = purpose = False
    for _ in range(limit):
        if any(k.dep_ in _SUBJ for k in cur.children):
            other = True  # "... Iran to send": the act has a doer of its own
        if cur.head.i == cur.i:
            return None
        link, up = cur.dep_, cur.head
        if link not in _CLAUSE_UP and link not in _IN_CLAUSE:
            return None
        if link in _PURPOSE and cur.tag_ == "VB" and any(k.dep_ == "aux" and k.lower_ == "to" for k in cur.children):
            purpose = True  # "(permission) to help Israel", "(sent troops) to help"
        while up.pos_ not in ("VERB", "AUX") and up.dep_ in _IN_CLAUSE and up.head.i != up.i:
            up = up.head  # "gave no permission to X to ...": the noun's verb
        if up.pos_ in ("VERB", "AUX") and _denies(up):
            return up if (other or purpose) else None
        if link == "ccomp" and up.i < cur.i and not other and _lemma(up) in cues().speech_verbs:
            return None  # "said it would not ..." is the speaker's report, not a governing refusal
        cur = up
    return None
