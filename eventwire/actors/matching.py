"""Dictionary matching for the actor recognizer: one PhraseMatcher pass, case checks, longest match wins.

Case still tells names from words: abbreviations must be written as listed ("US", not "us"), proper names need
a capital ("turkey"), except in a headline in capitals, and lower-case names the tagger reads as proper nouns
("iran", "obama") that are not also common words. Also: bare roles placed "in" a country (after composition).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .coref import Candidate
from .dictionary import ActorDictionary, Entry

__all__ = ["Match", "find_matches", "shouting", "placed_in"]

_POSSESSIVE = {"'s", "'", "’s", "’"}


class Match:
    __slots__ = ("start", "end", "entry")

    def __init__(self, start: int, end: int, entry: Entry) -> None:
        self.start = start
        self.end = end
        self.entry = entry


def find_matches(doc: Doc, dictionary: ActorDictionary, matcher: object) -> list[Match]:
    """Dictionary matches that pass the case checks, longest first, non-overlapping, in order."""
    strings = doc.vocab.strings
    found: list[Match] = []
    for key, start, end in matcher(doc):  # type: ignore[operator]
        entry = dictionary.entries[int(strings[key])]
        span = doc[start:end]
        text = span.text
        exact = dictionary.exact.get(text.lower())
        if exact is not None:
            if text != exact and not shouting(doc, start):
                continue
        elif text[:1].islower() and text.lower() not in dictionary.lower_ok and not _lower_name(span, entry, dictionary):
            continue  # "turkey", "chad", "china" the porcelain: proper names need a capital
        if entry.kind == "agent" and end - start == 1 and _surname(doc, start, dictionary):
            continue  # "Kevin King", "Ann General": a role word that ends a person's name is the name
        found.append(Match(start, end, entry))
    found.sort(key=lambda m: (m.start - m.end, m.start))
    taken = [False] * len(doc)
    chosen: list[Match] = []
    for m in found:
        if any(taken[m.start:m.end]):
            continue
        for i in range(m.start, m.end):
            taken[i] = True
        chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    return [m for m in chosen if m.entry.kind != "block"]


def _surname(doc: Doc, i: int, dictionary: ActorDictionary) -> bool:
    """Whether the capitalised role word at ``i`` continues a person's name the NER found, right after a
    given name that is no dictionary word ("Kevin King"; not "Saudi Crown Prince", not "President Lee")."""
    tok = doc[i]
    if i == 0 or not tok.is_title or tok.ent_type_ != "PERSON" or tok.ent_iob_ != "I":
        return False
    prev = doc[i - 1]
    return prev.ent_type_ == "PERSON" and prev.pos_ == "PROPN" and prev.is_title and dictionary.lookup(prev.text) is None


def _lower_name(span: Span, entry: Entry, dictionary: ActorDictionary) -> bool:
    """A country, capital or person written in lower case ("iran", "obama"): accepted when the tagger reads
    every word as a proper noun and none is also a common word ("turkey", "china", "may"). A lower-case
    national word ("tunisian rioters", "syrians") counts when it is no common word ("french fries") and
    stands as a noun or before one."""
    if entry.kind in ("adjective", "demonym") and len(span) == 1:
        low = span.text.lower()
        if low in dictionary.lowercase_not or len(low) < 4:
            return False
        if entry.kind == "demonym":
            return span[0].pos_ in ("NOUN", "PROPN")
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        return nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.is_alpha
    if entry.kind not in ("country", "capital", "person") or len(span.text) < 4:
        return False
    if span.text.lower() in dictionary.lowercase_not:
        return False
    return all(t.pos_ == "PROPN" and t.lower_ not in dictionary.lowercase_not for t in span)


def shouting(doc: Doc, i: int) -> bool:
    """True inside an all-capitals line (a headline), where case says nothing."""
    lo, hi = max(0, i - 3), min(len(doc), i + 4)
    words = [t.text for t in doc[lo:hi] if t.is_alpha and len(t.text) > 2]
    return len(words) >= 3 and all(w.isupper() for w in words)


def placed_in(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary) -> None:
    """A bare government, police, legislative or judicial role right before "in <country or capital>"
    takes that country: "met top government officials in Hanoi" -> VNMGOV, "police in Lagos" -> NGACOP.
    Envoys ("diplomats in Beijing") and other states' roles ("foreign officials", left uncoded) stay."""
    for k in range(len(cands) - 1):
        c, nxt = cands[k], cands[k + 1]
        if (c.country is not None or not c.code or not c.code.startswith("---") or c.via != "dictionary"
                or not c.sectors or c.sectors[0] not in dictionary.placed_sectors or c.role_term in dictionary.envoys):
            continue
        if (nxt.start != c.end + 1 or doc[c.end].lower_ != "in" or nxt.entry is None
                or nxt.entry.kind not in ("country", "capital") or not nxt.country or nxt.code != nxt.country):
            continue
        if nxt.end < len(doc) and doc[nxt.end].text in _POSSESSIVE:
            continue  # "officials in Iraq's Kurdish region" name a region, kept to the qualifiers
        c.country = nxt.country
        c.code = nxt.country + "".join(c.sectors)
