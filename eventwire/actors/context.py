"""What the story around a mention says about it: datelines, the country of bare institutions,
and phrases whose country is not the one their words name (followers, ethnic groups, city names).

A wire dateline ("BRASILIA (AP) --", "TOKYO, March 16 (Kyodo) --", "LIMA, Peru (Reuters) -") names
where the story was filed and who filed it: neither the city nor the agency is an actor in the
story, but the place is the country the story is usually about. Institutions every country has
("Congress", "parliament", "the Supreme Court", "the presidential palace") are often named bare
because the story has already said whose they are; they take that country here instead of a
default one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from ..doctable import table
from .coref import Candidate
from .dictionary import TRANSNATIONAL, ActorDictionary, Entry

__all__ = ["datelines", "drop_datelines", "national_countries", "count_group", "shared_capitals", "followers",
           "ethnic_groups"]


class _Matched(Protocol):
    start: int
    entry: Entry


M = TypeVar("M", bound=_Matched)

_DASHES = {"-", "--", "---", "—", "–", "―"}
_MAX_DATELINE = 16  # tokens: "CAMP DAVID, Maryland, Aug. 18 (AP) --" fits
_MAX_AGENCY = 4  # tokens inside the parentheses
_LOCATIVE = {"in", "at", "inside", "outside", "near", "around"}
# "the two governments", "both sides": several actors in one phrase, none of them a single country.
_COUNTS = {"two", "three", "four"}
# "ethnic Albanians in southern Serbia": an ethnic group is not its kin state; where it lives is.
_REGION = {"the", "south", "north", "east", "west", "central", "southern", "northern", "eastern", "western",
           "southeastern", "southwestern", "northeastern", "northwestern"}


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = []
    fresh = True  # at the start of the text or after a line break
    tab = table(doc)
    for i, (space, word) in enumerate(zip(tab.space, tab.words, strict=True)):
        if space:
            fresh = fresh or "\n" in word
            continue
        if fresh:
            starts.append(i)
        fresh = False
    return starts


def _dateline_end(doc: Doc, p: int, is_name: Callable[[int], bool]) -> int | None:
    """End (exclusive) of a dateline opening a paragraph at token ``p``, or None."""
    first = doc[p]
    if not (first.is_alpha and first.text[:1].isupper()) or is_name(p):
        return None  # an organisation or person opening a headline ("NATO - ...", "Hezbollah (Party of God) -")
    upper = first.text.isupper() and len(first.text) > 1
    limit = min(len(doc), p + _MAX_DATELINE)
    i = p
    while i < limit:
        tok = doc[i]
        text = tok.text
        if text in _DASHES and i > p:
            # "VIENNA —", "SEOUL, Jan. 15 --": a place in capitals first.
            return i + 1 if upper else None
        if text == "(":
            j = i + 1
            while j < limit and doc[j].text != ")" and j - i <= _MAX_AGENCY:
                j += 1
            inside = doc[i + 1:j]
            if j >= limit or doc[j].text != ")" or not len(inside):
                return None
            if not all(t.text[:1].isupper() or t.text in ("-", "&", ".", "/") for t in inside):
                return None
            k = j + 1
            while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
                k += 1
            if k < len(doc) and doc[k].text in _DASHES:
                return k + 1  # "Hanoi (VNA) -", "BRASILIA (AP) --"
            return j + 1 if upper else None  # "WASHINGTON (Reuters) The talks"
        if text in (",", ".") or tok.like_num or (text[:1].isupper() and not tok.is_punct):
            i += 1
            continue
        return None
    return None


def datelines(doc: Doc, is_name: Callable[[int], bool] = lambda i: False) -> list[tuple[int, int]]:
    """Token spans (start, end) of the datelines opening the paragraphs of ``doc``.

    ``is_name(i)`` says whether a known organisation or person starts at token ``i``: a paragraph
    opening with one in capitals before a dash is a headline ("NATO - ..."), not a dateline.
    """
    out = []
    for p in _paragraph_starts(doc):
        end = _dateline_end(doc, p, is_name)
        if end is not None:
            out.append((p, end))
    return out


def drop_datelines(doc: Doc, matches: list[M]) -> tuple[list[M], list[tuple[int, int]], str | None]:
    """Matches outside the datelines, the dateline spans, and the country a dateline names (its
    country name first, else its capital: "LIMA, Peru (Reuters) -" and "BRASILIA (AP) --")."""
    names = {m.start for m in matches if m.entry.kind in ("organisation", "group", "person")}
    spans = datelines(doc, lambda i: i in names)
    if not spans:
        return matches, spans, None
    inside = [m for m in matches if any(lo <= m.start < hi for lo, hi in spans)]
    places = sorted((m for m in inside if m.entry.kind in ("country", "capital") and m.entry.country),
                    key=lambda m: (m.entry.kind != "country", m.start))
    home = places[0].entry.country if places else None
    return [m for m in matches if m not in inside], spans, home


def count_group(doc: Doc, start: int) -> bool:
    """Whether the plural noun at ``start`` is counted as several parties: "the two governments",
    "both countries", "all three sides" name no single country."""
    if start >= 1 and doc[start - 1].lower_ == "both":
        return True
    return (start >= 2 and doc[start - 1].lower_ in _COUNTS
            and doc[start - 2].lower_ in ("the", "all", "these", "those"))


def national_countries(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary, home: str | None,
                       sent: list[int]) -> None:
    """Give bare national institutions ("Congress", "parliament") the country of the story, in place.

    ``cands`` are sorted by start; ``home`` is the dateline's country; ``sent`` the sentence number of
    each token. With no country in context the institution keeps the unknown country ("---LEG").
    """
    given: dict[int, Candidate] = {}
    for k, c in enumerate(cands):
        term = c.role_term
        first = doc[c.start].lower_ if c.end - c.start > 1 and doc[c.start].text[:1].isupper() else None
        if first in dictionary.national_cues and term is not None and c.sectors:
            term = first  # "the House Judiciary Committee": the House's country
        if (term is None or c.country is not None or c.code is None or c.via != "dictionary"
                or c.name_start is not None or not c.sectors
                or (doc[c.start:c.end].text.lower() != term and term != first)):
            continue  # only the bare singular term: "parliaments" are several countries' own
        country = None
        if term in dictionary.national:
            country = _from_context(doc, cands, k, home, sent, dictionary.national_only.get(term))
        cues = dictionary.national_cues.get(term)
        if country is None and cues:
            country = _from_cues(cands, cues)
        if country is not None:
            c.country = country
            c.code = country + c.sectors[0]
            given[doc[c.start].idx] = c
    # Pronouns resolved to such an institution before it had its country ("the House panel ... its
    # hearing") take it too.
    for c in cands:
        ante = given.get(c.resolved_from) if c.via == "coref" and c.resolved_from is not None else None
        if ante is not None and c.country is None and c.code == "---" + ante.sectors[0]:
            c.country, c.code = ante.country, ante.code


def _usable(c: Candidate, only: frozenset[str] | None = None) -> bool:
    return c.country is not None and c.country not in TRANSNATIONAL and c.code is not None and (not only or c.country in only)


def _from_cues(cands: list[Candidate], cues: list[tuple[str, frozenset[str]]]) -> str | None:
    named = {c.country for c in cands if _usable(c)}
    return next((country for country, cue in cues if cue & named), None)


def _from_context(doc: Doc, cands: list[Candidate], k: int, home: str | None, sent: list[int],
                  only: frozenset[str] | None) -> str | None:
    """The country of the story around ``cands[k]`` (among ``only`` when given)."""
    c = cands[k]
    here = sent[c.start]
    before = [h for h in cands[:k] if _usable(h, only)]
    same = [h for h in before if sent[h.start] == here]
    if same:
        return same[-1].country  # "supporters of former Brazilian President Bolsonaro stormed Congress"
    if home is not None and (not only or home in only):
        return home
    if before:
        return before[-1].country
    for h in cands[k + 1:]:
        if sent[h.start] != here:
            break
        # "protesters stormed parliament in Nairobi": the place the institution stands in.
        if _usable(h, only) and h.start > 0 and doc[h.start - 1].lower_ in _LOCATIVE:
            return h.country
    return None


def shared_capitals(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary) -> None:
    """A capital's name that is also a city elsewhere ("Tripoli" in a story about Lebanon's north)
    means that city when the story names exactly one such country and never the capital's own."""
    capital = [c for c in cands if c.entry is not None and c.entry.kind == "capital"]
    if not capital:
        return
    named = {c.country for c in cands if c.country and c not in capital}
    for c in capital:
        others = dictionary.shared_capitals.get(doc[c.start:c.end].text.lower())
        if not others or c.country in named:
            continue
        hits = sorted(others & named)
        if len(hits) != 1:
            continue
        # A city, not a government: it keeps only the country (as "talks in Beijing" does).
        c.code = c.country = hits[0]
        c.sectors, c.kind, c.entry = [], "country", None


def followers(doc: Doc, cands: list[Candidate], followers: frozenset[str],
              members: frozenset[str] = frozenset()) -> None:
    """"Supporters of (the) X": a group with X's country but none of X's office; of a party, the party.
    "Members of (the) X", X a known body: the body itself."""
    for c in cands:
        i = c.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if not (i >= 1 and doc[i].lower_ == "of"):
            continue
        word = doc[i - 1].lower_
        body = bool(c.code) and c.kind in ("organisation", "group") and c.entry is not None
        if word in members and body:
            c.start, c.kind, c.plural, c.name_start, c.person_role = i - 1, "group", True, None, False
            continue
        if word not in followers:
            continue
        if c.code and c.kind in ("organisation", "group") and c.sectors and c.sectors[0] in ("OPP", "PTY"):
            # "supporters of the opposition party" are the party's base: the party's own code.
            c.start, c.kind, c.plural, c.name_start, c.person_role = i - 1, "group", True, None, False
        elif c.country:
            c.start, c.code, c.sectors = i - 1, c.country, []
            c.kind, c.plural, c.entry, c.name_start, c.person_role = "group", True, None, None, False


def ethnic_groups(doc: Doc, cands: list[Candidate]) -> None:
    """"ethnic Albanian guerrillas" are no Albanian state actor; "ethnic Albanians in Serbia" and
    "the Hungarians of southern Slovakia" take the country they live in."""
    for k, c in enumerate(cands):
        ethnic = c.start > 0 and doc[c.start - 1].lower_ == "ethnic"
        demonym = c.entry is not None and c.entry.kind == "demonym"
        if not c.country or c.country in TRANSNATIONAL or not (ethnic or demonym):
            continue
        home = None
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if nxt is not None and nxt.kind == "country" and nxt.country and not nxt.sectors and not (
                nxt.end < len(doc) and doc[nxt.end].text == "-"):  # "of the Moscow-held east": an occupier is no home
            between = table(doc).lower[c.end:nxt.start]
            links = ("of", "in") if ethnic else ("of",)
            if between and between[0] in links and len(between) <= 3 and all(w in _REGION for w in between[1:]):
                home = nxt.country
        if home is None and not ethnic:
            continue
        if ethnic and c.sectors == ["MIL"]:
            c.sectors = ["REB"]  # "ethnic Armenian forces" are no state's army: an armed group
        if home is not None and not c.sectors:
            c.sectors, c.kind = ["ETH"], "group"  # the people itself, where it lives (see peoples.py)
        c.country = home
        c.code = (home or "---") + "".join(c.sectors) if c.sectors else home
        c.entry = None
