"""Names spaCy's NER finds that the actor dictionary lacks: added uncoded, for context and coreference."""

from __future__ import annotations

from spacy.tokens import Doc

from .coref import Candidate
from .matching import shouting

__all__ = ["add_ner"]

_NER_KIND = {"PERSON": "person", "ORG": "organisation", "NORP": "group"}
_POSSESSIVE = {"'s", "'", "’s", "’"}
_LIST_WORDS = {"and", "or", "the"}


def add_ner(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Names the dictionary does not know, uncoded (context and coreference may code them)."""
    taken = [False] * len(doc)
    for c in cands:
        for i in range(c.start, c.end):
            taken[i] = True
    out = list(cands)
    by_start = {c.start: c for c in cands}
    for ent in doc.ents:
        kind = _NER_KIND.get(ent.label_)
        if kind is None or (doc[ent.start].is_upper and shouting(doc, ent.start)):
            continue  # in a headline in capitals the NER takes verbs and nouns for names ("MEETS MEDVEDEV")
        start = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
        end = ent.end - 1 if doc[ent.end - 1].text in _POSSESSIVE else ent.end
        while kind == "person" and start < end and taken[start]:
            start += 1  # a country the NER ran into the name: "Ukraine Marie Yovanovitch"
        if start >= end or (start > ent.start and not doc[start].text[:1].isupper()):
            continue  # what is left is no name ("president obama spoke" -> "spoke")
        if any(taken[start:end]):
            inside = [by_start[i] for i in range(start, end) if i in by_start]
            # An organisation whose only known word is a country ("the Syrian Observatory for Human
            # Rights"): one uncoded ORG, not a country mention.
            if not (kind == "organisation" and inside and all(
                    start <= c.start and c.end <= end and not c.sectors and c.kind == "country" and c.via == "dictionary"
                    for c in inside) and _has_other_words(doc, start, end, inside)
                    and sum(taken[start:end]) == sum(c.end - c.start for c in inside)):
                continue
            out = [c for c in out if c not in inside]
        name = doc[start:end].text
        out.append(Candidate(start, end, None, None, [], name=name, kind=kind, via="ner",
                             plural=kind == "group", name_start=start if kind == "person" else None))
    out.sort(key=lambda c: c.start)
    return out


def _has_other_words(doc: Doc, start: int, end: int, inside: list[Candidate]) -> bool:
    """Whether the entity has words beyond its country names and list punctuation: "Mali, Burkina
    Faso" (an NER run-together list) is the countries, "the Syrian Observatory" an organisation."""
    covered = {i for c in inside for i in range(c.start, c.end)}
    return any(i not in covered and doc[i].is_alpha and doc[i].lower_ not in _LIST_WORDS for i in range(start, end))
