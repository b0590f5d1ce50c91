"""The recognizer's output: candidates become ``ActorMention`` records, and mentions are looked up by
token or explained for ``eventwire explain``."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import ActorMention
from .coref import Candidate

__all__ = ["explain_mention", "mention_for_token", "to_mentions"]


def explain_mention(doc: Doc, m: ActorMention) -> str:
    """The trace line of one mention (for ``eventwire explain``)."""
    note = f"actor {m.text!r} -> {m.code} ({m.kind}, via {m.via}"
    if m.resolved_from is not None:
        ante = next((a for a in doc._.actors if a.start == m.resolved_from), None)
        note += f", refers to {ante.text if ante else '?'!r} at {m.resolved_from}"
    return note + ")"


def to_mentions(doc: Doc, cands: list[Candidate], sent: list[int]) -> list[ActorMention]:
    """The records of the kept candidates, left to right, overlaps dropped."""
    out: list[ActorMention] = []
    last_end = -1
    for c in cands:
        if c.start < last_end or c.start >= c.end:
            continue
        span = doc[c.start:c.end]
        last_end = c.end
        out.append(ActorMention(start=span.start_char, end=span.end_char, text=span.text, code=c.code,
                                country=c.country, sectors=list(c.sectors), name=c.name, kind=c.kind,
                                resolved_from=c.resolved_from, sentence_index=sent[c.start] if len(doc) else None,
                                via=c.via))
    return out


def mention_for_token(doc: Doc, token_i: int) -> ActorMention | None:
    """The actor mention covering token ``token_i`` of ``doc`` (after the recognizer ran), or None."""
    if not 0 <= token_i < len(doc):
        return None
    tok = doc[token_i]
    lo, hi = tok.idx, tok.idx + len(tok.text)
    for m in doc._.actors or []:
        if m.start < hi and lo < m.end:
            return m
    return None
