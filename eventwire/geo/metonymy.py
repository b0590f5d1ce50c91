"""Metonymy: a toponym standing for its government or nation ("Pyongyang perceives", "Moscow's
decision") rather than for the place itself. Decided from the dependency parse and the verb and
noun lists of ``data/geo_cues.yml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .data import Cues

__all__ = ["is_metonym"]

_SUBJECT_DEPS = {"nsubj", "csubj"}  # passive subjects are patients, not actors


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_metonym(span: Span, cue: Cues) -> bool:
    """A toponym standing for a government or nation: it acts, speaks or owns a policy.

    Subject of a verb of speech, cognition or action ("Pyongyang perceives", "Turkey shelled"),
    unless the verb is stative ("Moscow lies on a river"); possessor of a policy noun ("Moscow's
    decision"); agent of a passive or of a nominal ("rejected by Beijing", "a campaign by Turkey");
    an object told to act ("ordered Britain to reduce")."""
    if not span.doc.has_annotation("DEP"):
        return False
    tok = _first_conjunct(span.root)
    head = tok.head
    if tok.dep_ in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX", ""):
        lemma = _lemma(head)
        if lemma in cue.metonym_verbs:
            return True
        # "Moscow is expected to reject", "Iran has refused": look through copulas and auxiliaries.
        if any(c.dep_ in ("xcomp", "ccomp", "acomp") and _lemma(c) in cue.metonym_verbs for c in head.children):
            return True
        return head.pos_ != "AUX" and lemma not in cue.literal_verbs
    if tok.dep_ == "poss":
        return _lemma(head) in cue.metonym_nouns
    if tok.dep_ == "pobj" and head.lower_ == "by":
        return head.dep_ == "agent" or head.head.pos_ in ("NOUN", "VERB")
    if tok.dep_ == "dobj":
        return any(c.dep_ == "xcomp" for c in head.children)
    return False
