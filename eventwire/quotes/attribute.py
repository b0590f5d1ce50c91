"""Give events the attribution chain of the quote that holds their trigger."""

from __future__ import annotations

from spacy.tokens import Doc

from ..doctable import table
from ..records import Event, Quote
from .finder import DOUBLE_MARKS, same_actor

__all__ = ["attribute_events"]


def attribute_events(doc: Doc, events: list[Event]) -> None:
    """Events whose trigger sits inside a quote's content get the innermost such quote's chain as
    ``reported_by``; one the coder set is replaced only by a longer chain ending with the same speaker
    or holding it in order (["Yonhap"] in [.., Yonhap, KCNA])."""
    quotes, text = doc._.quotes or [], table(doc).text
    for ev in events:
        trig = (ev.evidence or {}).get("trigger")
        if not trig or len(trig) < 2:
            continue
        a, b = ev.sentence_start + trig[0], ev.sentence_start + trig[1]
        best: Quote | None = None
        for q in quotes:
            if not q.chain or not (q.content_start <= a and b <= q.content_end):
                continue
            if q.speaker_start is not None and q.speaker_start <= a < (q.speaker_end or 0):
                continue  # the speaker of a split quote, between its halves
            if q.kind == "direct" and sum(text.count(m, q.content_start, a) for m in DOUBLE_MARKS) % 2:
                continue  # between the halves of a split quote: '"We will," he said, "respond."'
            if best is None or q.content_end - q.content_start < best.content_end - best.content_start:
                best = q
        if best is not None and (not ev.reported_by or len(best.chain) > len(ev.reported_by)
                                 and _within(ev.reported_by, best.chain)):
            ev.reported_by = list(best.chain)


def _within(short: list[str], chain: list[str]) -> bool:
    """Is ``short`` ("Kim") the tail of ``chain`` or a subsequence of it ("Yonhap" of [.., Yonhap, KCNA])?"""
    if same_actor(short[-1], chain[-1]):
        return True
    k = 0
    for name in chain:
        k += k < len(short) and same_actor(short[k], name)
    return k == len(short)
