"""One event per act within an article: repeats of a sentence and repeats of one dyad in a sentence.

Web pages repeat text: a paragraph printed twice, a syndicated story quoted inside the page, a photo
caption that restates the lead. Each repeat would be coded again as a new event. And one act told
over conjuncts ("were detained or questioned", "signed and ratified") can give the same (source,
target, code) more than once in a sentence. Both are the same reported act, so only the first is
kept, with its spans and ``event_id`` unchanged (ids depend on the kept event only).

Called once per Doc by the coder, on its events; linear in the number of events.
"""

from __future__ import annotations

import re

from ..records import Event

__all__ = ["dedupe_events", "normalise_sentence"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# a dateline opening the lead ("TORONTO —", "BEIRUT (AP) —"): the lead repeated without it is the same text
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?\s*(?:\([A-Za-z .]{1,20}\))?"
                       r"\s*[—–-]{1,2}\s+")


def normalise_sentence(text: str) -> str:
    """A sentence's words, lower-cased, without punctuation or spacing differences nor an opening dateline:
    quotes, dashes, line breaks and datelines of two copies of one paragraph differ more than their words."""
    return _NON_WORD.sub(" ", _DATELINE.sub("", text, count=1).lower()).strip()


def dedupe_events(events: list[Event], note: list[str] | None = None) -> list[Event]:
    """``events`` of one Doc without repeats, in their order. Dropped: an event whose (code root,
    source, target, modality, negation) was already coded from a sentence with the same normalised
    text, and an event whose (source, target, code) was already coded in its own sentence.
    ``note``: a trace list to record each drop in."""
    if len(events) < 2:
        return events
    texts: dict[int, str] = {}  # sentence index -> normalised text (once per sentence)
    by_text: set[tuple[str, str, str | None, str | None, str, bool]] = set()
    in_sentence: set[tuple[int, str | None, str | None, str]] = set()
    kept: list[Event] = []
    for ev in events:
        norm = texts.get(ev.sentence_index)
        if norm is None:
            norm = texts[ev.sentence_index] = normalise_sentence(ev.sentence)
        local = (ev.sentence_index, ev.source, ev.target, ev.code)
        repeat = (norm, ev.root, ev.source, ev.target, ev.modality, ev.negated)
        if local in in_sentence:
            if note is not None:
                note.append(f"dropped {ev.code} {ev.source} -> {ev.target} (sentence {ev.sentence_index}): "
                            "the same dyad and code again in one sentence")
            continue
        if repeat in by_text and norm:
            if note is not None:
                note.append(f"dropped {ev.code} {ev.source} -> {ev.target} (sentence {ev.sentence_index}): "
                            "a repeat of a sentence already coded in this article")
            continue
        in_sentence.add(local)
        by_text.add(repeat)
        kept.append(ev)
    return kept
