"""Local toponyms: sites inside a town (streets, buildings, estates, stadiums), second-level
divisions ("Orange County", "Benue State", "County Cork") and small localities the gazetteer lacks.

News locates many events at such places ("a stabbing on Baker Street", "a hearing at Leeds
Magistrates Court"). The gazetteer cannot place them and their words often name something far away
("Washington Square" is also a hamlet; "Russian Hill Road" is not Russia), so they are found here
first and resolved to the town or region the text puts them in, at that place's coordinates:

1. a division ("X County") with a state: the biggest town named X in that state (many US counties
   and Irish counties share their name with a town in them), else the story's town in that state,
   else the state itself;
2. an explicit container right after it: "Baker Street in Marylebone", "Khandela, Rajasthan";
3. the nearest town placed in the same sentence;
4. the story's focus: its most mentioned town (a dateline counts more), else its most mentioned
   state or province.

A resolved local toponym keeps its own text but takes its container's name and coordinates, with
feature ``site`` (a street or building) or ``local`` (a division or locality): the precision is
the container's, which is what a user locating events at a 161 km tolerance needs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..doctable import table
from ..errors import DataFileError
from .data import Cues, load_yaml, word_list
from .index import Candidate, Gazetteer, normalize
from .resolve import distance_km

if TYPE_CHECKING:
    from .toponyms import _Mention

__all__ = ["LocalCues", "read_local", "local_cues", "local_spans", "place_locally", "LOCAL_PATH"]

LOCAL_PATH = Path(__file__).parent.parent / "data" / "local_places.yml"

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.IGNORECASE)
_TOWNS = ("city", "capital", "place", "site")
_AREAS = ("admin",)
_GAP_OK = {",", "in", "at", "near", "of", "outside", "on", "-", "(", "present", "day", "the", "town", "city",
           "village", "suburb", "district", "area"}


@dataclass(frozen=True)
class LocalCues:
    """The word lists of data/local_places.yml (see that file)."""

    site_heads: frozenset[str]
    natural_heads: frozenset[str]
    thoroughfare_heads: frozenset[str]
    person_proof_heads: frozenset[str]
    not_sites: frozenset[str]
    site_openers: frozenset[str]
    site_tails: frozenset[str]
    division_heads: tuple[tuple[str, ...], ...]  # longest first: "local government area" before "area"
    division_openers: frozenset[str]
    connectors: frozenset[str]
    titles: frozenset[str]
    road: re.Pattern[str] | None = None


def read_local(path: Path = LOCAL_PATH) -> LocalCues:
    """Load and validate the local-place lists; a malformed entry raises ``DataFileError``."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(str(path), None, "top level must be a mapping")
    keys = ("site_heads", "natural_heads", "thoroughfare_heads", "person_proof_heads", "not_sites", "site_openers",
            "site_tails", "division_heads", "division_openers", "connectors", "titles")
    lists = {key: word_list(data, key, path) for key in keys}
    road = data.get("road_pattern")
    road_line = data.key_lines.get("road_pattern") if hasattr(data, "key_lines") else None
    pattern = None
    if road is not None:
        if not isinstance(road, str) or not road:
            raise DataFileError(str(path), road_line, "road_pattern must be a non-empty string")
        try:
            pattern = re.compile(road)
        except re.error as exc:
            raise DataFileError(str(path), road_line, f"road_pattern is not a valid regular expression: {exc}") from None
    unknown = set(data) - set(keys) - {"road_pattern"}
    if unknown:
        name = sorted(unknown)[0]
        raise DataFileError(str(path), data.key_lines.get(name) if hasattr(data, "key_lines") else None,
                            f"unknown section {name!r}")
    heads = tuple(sorted((tuple(w.split()) for w in lists["division_heads"]), key=lambda t: -len(t)))
    return LocalCues(frozenset(lists["site_heads"]), frozenset(lists["natural_heads"]),
                     frozenset(lists["thoroughfare_heads"]), frozenset(lists["person_proof_heads"]),
                     frozenset(lists["not_sites"]),
                     frozenset(lists["site_openers"]), frozenset(lists["site_tails"]), heads,
                     frozenset(w.rstrip(".") for w in lists["division_openers"]),
                     frozenset(lists["connectors"]), frozenset(lists["titles"]), pattern)


@lru_cache(maxsize=1)
def local_cues() -> LocalCues:
    return read_local()


# ---- recognition ------------------------------------------------------------------------------


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _name_word(tok: Token) -> bool:
    """A word that can be part of a proper name: capitalised or an ordinal ("22nd Street")."""
    return (_cap(tok) and any(ch.isalpha() for ch in tok.text)) or bool(_ORDINAL.match(tok.text))


def _left_name(doc: Doc, head: int, lc: LocalCues, taken: set[int], gaz: Gazetteer | None = None) -> int | None:
    """Start of the capitalised name before ``head`` ("Royal" in "Royal Street"), None if none."""
    start, i = head, head - 1
    while i >= 0 and head - i <= 6 and i not in taken:
        tok = doc[i]
        if _name_word(tok) and tok.lower_ != "the":
            start = i
        elif tok.lower_ in lc.connectors and i > 0 and _name_word(doc[i - 1]):
            if tok.lower_ in ("'s", "\u2019s") and gaz is not None and _known(gaz, doc[i - 1:i], 15_000):
                break  # "London's Kingsway ...": the possessor is the site's town, not its name
            # "Bank of Ireland Stadium": keep going; trimmed below if nothing precedes it
        else:
            break
        if tok.is_sent_start:
            break
        i -= 1
    if start == head:
        return None
    if doc[start].lower_ in lc.titles or doc[start].lower_.rstrip(".") in lc.titles:
        return None
    return start


def _after_locative(doc: Doc, start: int, cue: Cues) -> bool:
    j = start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 0 and doc[j].lower_ in cue.locative_preps | {"from", "to", "near", "towards", "toward", "across"}


def _division_at(doc: Doc, i: int, lc: LocalCues) -> int:
    """Length of a division head starting at token ``i`` ("Local Government Area"), 0 if none."""
    if doc[i].lower_ not in _triggers(lc):
        return 0
    for words in lc.division_heads:
        if i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return len(words)
    return 0


_TRIGGERS: dict[int, frozenset[str]] = {}


def _triggers(lc: LocalCues) -> frozenset[str]:
    """Every word that can make a token start or end a local toponym (cached per cue set)."""
    if id(lc) not in _TRIGGERS:
        _TRIGGERS[id(lc)] = frozenset({*lc.site_heads, *lc.natural_heads, *lc.site_openers, *lc.division_openers,
                                       *(w[0] for w in lc.division_heads)})
    return _TRIGGERS[id(lc)]


def _in_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON"


def _known(gaz: Gazetteer, span: Span, floor: int = 100_000) -> bool:
    """Whether the gazetteer knows the whole span as a place worth trusting over a local reading:
    a region, a big town, or (``floor``) a town under its own name ("Miami Beach")."""
    return any(c.feature != "city" or c.population >= 100_000 or (c.primary and c.population >= floor)
               for c in gaz.candidates(span.text))


def local_spans(doc: Doc, gaz: Gazetteer, cue: Cues, lc: LocalCues | None = None) -> list[tuple[Span, str]]:
    """Local toponyms of ``doc``: (span, "site" | "natural" | "division" | "qualified"), left to right,
    not overlapping."""
    lc = lc or local_cues()
    out: list[tuple[Span, str]] = []
    taken: set[int] = set()
    n = len(doc)
    triggers = _triggers(lc)
    tab = table(doc)
    for i, low in enumerate(tab.lower):
        if low.rstrip(".") not in triggers or i in taken or not tab.alpha[i]:
            continue
        tok = doc[i]
        # Head-first forms: "Rue de Rivoli", "Mount Kenya", "County Cork", "Co. Kerry".
        opener = low.rstrip(".")
        if _cap(tok) and (opener in lc.site_openers or opener in lc.division_openers) and i + 1 < n \
                and not (i > 0 and _name_word(doc[i - 1]) and not tok.is_sent_start):  # "Nassau County Times"
            end = i + 1
            while end < n and end - i <= 3 and (_name_word(doc[end]) or (
                    doc[end].lower_ in lc.connectors and end + 1 < n and _name_word(doc[end + 1]))):
                end += 1
            while end > i + 1 and not _name_word(doc[end - 1]):
                end -= 1
            span = doc[i:end]
            if end > i + 1 and not _known(gaz, span) and not any(_in_person(t) for t in span) \
                    and not any(t.lower_ in cue.org_heads for t in span[1:]):
                kind = "division" if opener in lc.division_openers else "site"
                out.append((span, kind))
                taken.update(range(i, end))
            continue
        size = _division_at(doc, i, lc)
        is_site = low in lc.site_heads
        is_natural = low in lc.natural_heads
        if not (size or is_site or is_natural) or not (_cap(tok) or size):
            continue
        end = i + max(size, 1)
        if end < n and _cap(doc[end]) and doc[end].lower_ in lc.site_tails:
            end += 1  # "Bloor Street West"
        if not size and end < n and doc[end].is_alpha and _cap(doc[end]):
            continue  # the head of a longer name: "Hospital Road", "Street Journal"
        # A division stays one even inside a longer name ("Fulton County Sheriff's Office"): the
        # name is then an organisation's and the division is kind "embedded" (``_in_org_name``).
        start = _left_name(doc, i, lc, taken, gaz)
        # NER calls some divisions people ("Jefferson Parish"); no person's name ends in "County".
        if start is None or (_in_person(tok) and not (size and low in cue.division_heads)
                             and low not in lc.person_proof_heads
                             and not (low in lc.thoroughfare_heads and _after_locative(doc, start, cue))):
            continue
        span = doc[start:end]
        # A town's own name beats a local reading ("Miami Beach"), except for streets and squares,
        # which share their names with hamlets everywhere ("Washington Square").
        if _known(gaz, span, 100_000 if low in lc.thoroughfare_heads else 5_000):
            continue
        ner_place = tok.ent_type_ in ("GPE", "LOC", "FAC")
        if size:
            name = doc[start:i]
            if _ORDINAL.match(name[0].text):
                continue  # "25th District": an electoral district, not a place we can put anywhere
            known = gaz.candidates(name.text)
            if any(c.feature in ("admin", "country", "region") for c in known):
                continue  # "Mississippi State", "New York State": the state itself, found as such
            if low in cue.area_heads and any(c.primary and c.population >= 15_000 for c in known):
                continue  # "Idlib province": the area around its town, found as that town
            if not (_cap(tok) or ner_place or _after_locative(doc, start, cue)):
                continue  # "the Benue state government" is fine; a lower-case head needs a frame
            if low == "state" and not (gaz.candidates(name.text) or ner_place or _after_locative(doc, start, cue)):
                continue  # "Islamic State", "Secretary of State"
            out.append((span, "division"))
        elif is_site:
            if any(normalize(span.text).endswith(name) for name in lc.not_sites):
                continue
            out.append((span, "site"))
        elif ner_place or _after_locative(doc, start, cue):
            out.append((span, "natural"))
        else:
            continue
        taken.update(range(start, end))
    out.extend(_qualified_spans(doc, gaz, lc, taken))
    out.extend(_road_spans(doc, lc, taken))
    out.sort(key=lambda sw: sw[0].start)
    return out


def _road_spans(doc: Doc, lc: LocalCues, taken: set[int]) -> list[tuple[Span, str]]:
    """Road numbers after "the" or in a list of roads: "a crash on the M25", "via the A14, A12"."""
    if lc.road is None:
        return []
    out: list[tuple[Span, str]] = []
    last = -10
    tab = table(doc)
    for i, word in enumerate(tab.words):
        if i in taken or not tab.cap[i] or not lc.road.fullmatch(word):
            continue
        prev = tab.lower[i - 1] if i > 0 else ""
        if prev == "the" or (prev in (",", "and", "or") and i - last <= 2):
            out.append((doc[i:i + 1], "site"))
            taken.add(i)
            last = i
    return out


def _qualified_spans(doc: Doc, gaz: Gazetteer, lc: LocalCues, taken: set[int]) -> list[tuple[Span, str]]:
    """Unknown names qualified by their region: "Brockenhurst, Hampshire", "Oromocto, N.B."."""
    out: list[tuple[Span, str]] = []
    n = len(doc)
    tab = table(doc)
    for j, word in enumerate(tab.words):
        if word != "," or j == 0 or j + 1 >= n or not tab.cap[j + 1] or (j - 1) in taken:
            continue
        qual_end = 0
        for size in (3, 2, 1):
            if j + 1 + size <= n and any(c.feature == "admin" for c in gaz.candidates(doc[j + 1:j + 1 + size].text)):
                qual_end = j + 1 + size
                break
        if not qual_end or (qual_end < n and doc[qual_end].is_alpha and _cap(doc[qual_end])):
            continue  # "Texas Republican": a description, not a qualifier
        start = j
        while start > 0 and j - start < 3 and _name_word(doc[start - 1]) and (start - 1) not in taken \
                and doc[start - 1].lower_ != "the":
            start -= 1
        if start == j:
            continue
        span = doc[start:j]
        # Only a run of name words that is no known place, nor ends in one ("Idaho and Utah, ...").
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP") or t.lower_ in lc.titles for t in span) \
                or _known(gaz, span, 15_000) or _known(gaz, span[-1:], 15_000):
            continue
        out.append((span, "qualified"))
        taken.update(range(start, j))
    return out


# ---- resolution -------------------------------------------------------------------------------


def _acronym(span: Span) -> bool:
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(span) == 1 and len(letters) <= 5 and all(ch.isupper() for ch in letters)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [(s.start, s.end) for s in doc.sents]
    return [(0, len(doc))]


def _located(container: Candidate, feature: str) -> Candidate:
    return Candidate(container.name, container.lat, container.lon, container.country, feature, 0, None,
                     container.admin1, False)


def _main_country(mentions: list[_Mention]) -> str | None:
    """The country most of the story's resolved toponyms are in."""
    votes = Counter(m.best.country for m in mentions if m.best is not None and m.best.country)
    return votes.most_common(1)[0][0] if votes else None


def _focus(mentions: list[_Mention], features: tuple[str, ...], country: str | None) -> tuple[Candidate | None, float]:
    """The story's most mentioned place of ``features`` in its main country; a dateline or an opening
    mention counts more, and a tie goes to the bigger place."""
    votes: dict[tuple[str, float, float], float] = {}
    first: dict[tuple[str, float, float], Candidate] = {}
    for rank, m in enumerate(mentions):
        b = m.best
        if b is None or m.kind == "demonym" or b.feature not in features or (country and b.country != country):
            continue
        key = (b.name, b.lat, b.lon)
        # A dateline names the story's place; an opening mention often does.
        bonus = 1.0 if m.span.text.isupper() and m.span.start < 3 else 0.5 if rank < 3 and m.span.start < 40 else 0.0
        votes[key] = votes.get(key, 0.0) + 1.0 + bonus
        first.setdefault(key, b)
    if not votes:
        return None, 0.0
    best = max(votes, key=lambda k: (votes[k], first[k].population))
    return first[best], votes[best]


def _named_town(gaz: Gazetteer, span: Span, lc: LocalCues, cue: Cues, main: str | None) -> Candidate | None:
    """The town a building's name starts with: "Leeds Town Hall", "Gatwick Cargo Centre"."""
    if span[-1].lower_ in lc.thoroughfare_heads or span[-1].lower_ in lc.natural_heads:
        return None
    for size in range(len(span) - 1, 0, -1):
        part = span[:size]
        if not _cap(part[-1]) or normalize(part.text) in cue.not_places:
            continue
        found = [c for c in gaz.candidates(part.text) if c.primary and (main is None or c.country == main)
                 and (c.feature in ("city", "capital", "place") and c.population >= 15_000 or c.feature == "place")]
        if found:
            return found[0]
    return None


def _division_name(span: Span, lc: LocalCues) -> str:
    """"Orange" of "Orange County", "Cork" of "County Cork"."""
    first = span[0].lower_.rstrip(".")
    if first in lc.division_openers and len(span) > 1:
        return span[1:].text
    for k in range(len(span) - 1, 0, -1):
        if _division_at(span.doc, span.start + k, lc) == len(span) - k:
            return span[:k].text
    return span.text


def _state_after(doc: Doc, m: _Mention, by_start: dict[int, _Mention]) -> Candidate | None:
    """An admin region right after: "Fulton County (Ga.)", "Knox County, Tennessee"."""
    j = m.span.end
    while j < len(doc) and j - m.span.end < 2 and doc[j].text in (",", "(", "-"):
        j += 1
    nxt = by_start.get(j)
    if nxt is not None and nxt.best is not None and nxt.best.feature == "admin":
        return nxt.best
    return None


def _container_after(doc: Doc, m: _Mention, by_start: dict[int, _Mention], sent_end: int) -> Candidate | None:
    """A resolved town or region right after: "Baker Street in Marylebone", "X Hospital, Dublin"."""
    j = m.span.end
    while j < sent_end and j - m.span.end <= 3:
        nxt = by_start.get(j)
        if nxt is not None:
            b = nxt.best
            if b is not None and nxt.kind != "demonym" and b.feature in (*_TOWNS, "local", *_AREAS):
                return b
            return None
        if doc[j].lower_ not in _GAP_OK:
            return None
        j += 1
    return None


def _possessor(doc: Doc, m: _Mention, by_end: dict[int, _Mention]) -> Candidate | None:
    """A resolved town owning the site: "London's Kingsway Animal Centre"."""
    j = m.span.start - 1
    if j < 1 or doc[j].lower_ not in ("'s", "\u2019s"):
        return None
    owner = by_end.get(j)
    b = owner.best if owner is not None else None
    return b if b is not None and owner.kind != "demonym" and b.feature in (*_TOWNS, *_AREAS) else None


def _division_town(gaz: Gazetteer, name: str, state: tuple[str | None, str | None] | None,
                   countries: set[str]) -> Candidate | None:
    """The biggest town called ``name`` in ``state`` (or, without a state, in the story's countries)."""
    towns = [c for c in gaz.candidates(name) if c.feature in ("city", "capital")]
    if state is not None:
        towns = [c for c in towns if (c.country, c.admin1) == state]
    else:
        towns = [c for c in towns if c.country in countries and c.population >= 15_000]
    return max(towns, key=lambda c: c.population) if towns else None


def place_locally(doc: Doc, mentions: list[_Mention], gaz: Gazetteer, countries: set[str], cue: Cues,
                  lc: LocalCues | None = None) -> None:
    """Give each unresolved toponym (not a demonym) its container's point (see the module doc)."""
    lc = lc or local_cues()
    # Acronyms NER took for places ("FXB", "P.A.") are left unplaced unless they name a site.
    todo = [m for m in mentions if m.best is None and m.kind != "demonym" and not m.dropped
            and (m.local is not None or not _acronym(m.span))]
    if not todo:
        return
    by_start = {m.span.start: m for m in mentions}
    by_end = {m.span.end: m for m in mentions}
    main = _main_country(mentions)
    town, town_votes = _focus(mentions, _TOWNS, main)
    area, _ = _focus(mentions, _AREAS, main)
    bounds = _sentence_bounds(doc)
    admins = {(m.best.country, m.best.admin1): m.best for m in mentions
              if m.best is not None and m.best.feature == "admin" and m.kind != "demonym" and m.best.admin1}
    for m in sorted(todo, key=lambda m: -m.span.start):  # containers after a name are placed first
        feature = "site" if m.local == "site" else "local"
        sent = next(((s, e) for s, e in bounds if s <= m.span.start < e), (0, len(doc)))
        chosen: Candidate | None = None
        namesake = ""  # a division's own name: no fallback may place it at a namesake region
        if m.local == "division" or _division_at(doc, m.span.end - 1, lc) or (
                m.span[0].lower_.rstrip(".") in lc.division_openers):
            namesake = normalize(_division_name(m.span, lc))
            # The division's state: named right after it, else the story's only state, else the
            # state of the story's town ("Nassau County" in a story placed in Hempstead, New York).
            state_c = _state_after(doc, m, by_start)
            if state_c is None and len(admins) == 1:
                state_c = next(iter(admins.values()))
            state = (state_c.country, state_c.admin1) if state_c is not None else None
            if state is None and town is not None and town.admin1:
                state = (town.country, town.admin1)
            chosen = _division_town(gaz, _division_name(m.span, lc), state, countries)
            if chosen is not None:
                namesake = ""  # the namesake town in the division's own state is the answer
            elif state is not None:
                chosen = town if town is not None and (town.country, town.admin1) == state else state_c
        if chosen is None and m.local == "qualified":
            region = _state_after(doc, m, by_start)
            if region is not None:
                towns = [c for c in gaz.candidates(m.span.text) if c.country == region.country
                         and distance_km(c.lat, c.lon, region.lat, region.lon) < 150]
                chosen = max(towns, key=lambda c: c.population) if towns else region
        if chosen is None:
            chosen = _container_after(doc, m, by_start, sent[1]) or _possessor(doc, m, by_end)
        if chosen is None and m.local == "site":
            chosen = _named_town(gaz, m.span, lc, cue, main)
        if chosen is None and m.local == "natural":
            # A river or a range may lie far from a town named beside it: only a container or the
            # story's settled place (named twice, or in its dateline) places it.
            if town is not None and town_votes >= 2:
                m.best = _located(town, feature)
            continue
        if chosen is None:
            near = [o for o in mentions if o is not m and o.best is not None and o.kind != "demonym"
                    and o.best.feature in (*_TOWNS, "local") and sent[0] <= o.span.start < sent[1]
                    and (o.best.country == main or o.best.country in countries)]
            if near:
                chosen = min(near, key=lambda o: abs(o.span.start - m.span.start)).best
        if chosen is None:
            chosen = town or area
        if chosen is not None and not (namesake and normalize(chosen.name) == namesake):
            m.best = _located(chosen, feature)
