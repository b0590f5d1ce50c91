"""Toponym recognition: finding the place names of a Doc and their kinds.

Toponyms come from spaCy's GPE/LOC/FAC entities when NER runs, plus a longest-match lookup of
capitalised token runs in the gazetteer (the only source in the fast profile). Besides literal
places this finds nationality words (kind ``demonym``: "Russian", "Iranians", at their country's
point) and toponyms inside organisation names (kind ``embedded``: "Bank of England", "University
of Texas"); whether a literal one is a metonym is decided later (``metonymy.is_metonym``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doctable import table
from .data import Cues
from .index import Candidate, Gazetteer, normalize
from .local import local_spans
from .metonymy import _lemma
from .resolve import demonym_point

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CONNECTORS = {"of", "and", "the", "de", "del", "la", "al", "el", "-", "on", "upon", "du", "des", "'s", ","}


@dataclass
class _Mention:
    span: Span
    candidates: list[Candidate]
    best: Candidate | None = None
    kind: str = "literal"
    margin: float = 0.0
    country: str | None = None  # a demonym's state when the gazetteer has no point for it
    chars: tuple[int, int] | None = None  # a name inside one token: "U.S." in "U.S.-led"
    local: str | None = None  # "site" or "division": placed at its container (``local.place_locally``)
    dropped: bool = False  # its only readings are far from the story: left unplaced, not placed locally


# ---- recognition ------------------------------------------------------------------------------


def _strip_the(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    return span


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _ner_ran(doc: Doc) -> bool:
    # Once NER has run every token carries an IOB tag, even where it found nothing.
    return doc.has_annotation("ENT_IOB")


def _lookup_span(gaz: Gazetteer, span: Span, cue: Cues, strict: bool = False,
                 whole: bool = True) -> list[tuple[Span, list[Candidate]]]:
    """Candidates of an entity span (unless not ``whole``); else its known inner runs, left to
    right ("Greece Italy", "Idlib province"), skipping common words that merely name some hamlet
    ("Street", "North")."""
    found = gaz.candidates(span.text) if whole else []
    if found:
        return [(span, found)]
    out = []
    i, n = 0, len(span)
    while i < n:
        for size in range(n - i - 1 if i == 0 else n - i, 0, -1):
            sub = span[i:i + size]
            if not _capitalised(sub[0]) or (size == 1 and sub[0].is_stop and not sub.text.isupper()):
                continue
            # A big city's short name ("New York" for New York City) counts; other alternates
            # ("Garden City" for Singapore) and hamlets' old names do not.
            found = [c for c in gaz.candidates(sub.text) if c.primary or c.feature != "city"
                     or (c.population >= 1_000_000 and normalize(c.name).startswith(normalize(sub.text)))]
            if not found:
                continue
            if any(c.feature in _NON_TOWN for c in found):
                pass
            elif max(c.population for c in found) < 15000:
                continue
            elif normalize(sub.text) in cue.not_places and not (
                    sub.end < span.end and span.doc[sub.end].lower_ in cue.area_heads):
                continue  # "Street", "North"; but "Orange City" may fall back to Orange
            out.append((sub, found))
            i += size - 1
            break
        i += 1
    if not strict:
        return out
    # A town part must not be glued to other names unless they name an area around it
    # ("Idlib province"): "Nile Delta" is not at a town called Delta, nor "Pearl Harbor" at Pearl.
    covered = {t.i for sub, _ in out for t in sub}

    def loose(tok: Token) -> bool:
        return tok.i in covered or not tok.is_alpha or not _capitalised(tok) or tok.lower_ in cue.area_heads

    doc = span.doc
    return [(sub, found) for sub, found in out if any(c.feature in _NON_TOWN for c in found)
            or ((sub.start == span.start or loose(doc[sub.start - 1])) and (sub.end == span.end or loose(doc[sub.end])))]


def _looks_like_name_part(doc: Doc, start: int, end: int, cue: Cues, matched: set[int]) -> bool:
    """A town-only match glued to other capitalised words is likely a person or org name."""
    if start > 0:
        prev = doc[start - 1]
        if prev.is_alpha and _capitalised(prev) and not prev.is_sent_start and prev.lower_ not in cue.place_heads \
                and prev.i not in matched and prev.lower_ not in ("the", "in", "of"):
            return True
    if end < len(doc):
        nxt = doc[end]
        if nxt.is_alpha and _capitalised(nxt) and nxt.lower_ not in cue.place_heads:
            return True
    return False


def _surnames(doc: Doc, gaz: Gazetteer) -> set[str]:
    """Last words of capitalised runs that are no known place ("Paul Allen"): a later lone
    "Allen" is the person, not Allen, Texas."""
    out: set[str] = set()
    tab = table(doc)
    alpha, cap, first = tab.alpha, tab.cap, tab.sent_start
    start = -1  # first token of the current run
    for i in range(tab.n + 1):
        if i < tab.n and alpha[i] and cap[i] and not (first[i] and start < 0):
            if start < 0:
                start = i
            continue
        if start >= 0 and i - start >= 2 and normalize(tab.span_text(start, i)) not in gaz.index:
            out.add(tab.lower[i - 1])
        start = -1
    return out


def _gazetteer_mentions(doc: Doc, gaz: Gazetteer, cue: Cues, taken: set[int], ner: bool) -> list[_Mention]:
    """Longest-match lookup of capitalised token runs not already claimed by an entity."""
    out: list[_Mention] = []
    has_pos = doc.has_annotation("POS")
    surnames = _surnames(doc, gaz)
    tab = table(doc)
    words, lower, cap = tab.words, tab.lower, tab.cap
    i, n = 0, len(doc)
    matched: set[int] = set()
    while i < n:
        if not cap[i] or i in taken or not any(ch.isalpha() for ch in words[i]):
            i += 1
            continue
        hit = None
        for size in range(min(gaz.max_tokens, n - i), 0, -1):
            end = i + size
            if not cap[end - 1] or any(k in taken for k in range(i, end)):
                continue
            if any(not cap[k] and lower[k] not in _CONNECTORS for k in range(i, end)):
                continue
            found = gaz.candidates(tab.span_text(i, end))
            if found:
                hit = (_strip_the(doc[i:end]), found)
                break
        if hit is None:
            i += 1
            continue
        span, found = hit
        if _before_division(span, cue):
            out.append(_Mention(doc[span.start:span.end + 1], []))  # known to be a toponym, not where
            i = span.end + 1
            continue
        if _keep_match(doc, span, found, cue, has_pos, ner, matched, surnames) or (
                _qualified(gaz, span, found) and normalize(span.text) not in cue.not_places):
            out.append(_Mention(span, found))
            matched.update(range(span.start, span.end))
        elif _in_org_name(span, cue) and normalize(span.text) not in cue.not_places \
                and normalize(span.text) not in cue.demonyms \
                and any(c.feature in _NON_TOWN or c.population >= 100_000 for c in found):
            # "New York Times", "Jamaica Cancer Society": glued to a name, but an organisation's.
            out.append(_Mention(span, found, kind="embedded"))
            matched.update(range(span.start, span.end))
        i = span.end
    return out


def _qualified(gaz: Gazetteer, span: Span, found: list[Candidate]) -> bool:
    """A town followed by its own state or country: "Pleasanton, Calif.", "Cork, Ireland"."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].text != "," or not _capitalised(doc[end + 1]):
        return False
    for size in (3, 2, 1):
        nxt = doc[end + 1:end + 1 + size]
        if len(nxt) < size or not _capitalised(nxt[-1]):
            continue
        for q in gaz.candidates(nxt.text):
            if q.feature in ("admin", "country") and any(
                    c.country == q.country and (q.feature == "country" or c.admin1 == q.admin1) for c in found):
                return True
    return False


def _keep_match(doc: Doc, span: Span, found: list[Candidate], cue: Cues, has_pos: bool, ner: bool,
                matched: set[int], surnames: set[str]) -> bool:
    key = normalize(span.text)
    if key in cue.demonyms:
        return False
    towns_only = all(c.feature in ("city", "capital") for c in found)
    if not towns_only:
        return True
    biggest = max(c.population for c in found)
    # With NER running, a town NER did not tag must be big, or introduced by a locative
    # preposition ("talks in Almelo"), to be believed; without NER it must not be tiny.
    after_prep = _after_prep(span, cue)
    floor = 100_000 if ner and not after_prep else 15_000
    if biggest < floor and not any(c.feature == "capital" for c in found):
        return False
    if key in cue.not_places or _short_caps(span):
        return False
    if span.text.isupper() and len(span.text) > 3 and (span.start == 0 or doc[span.start - 1].is_space):
        return True  # a dateline: "SAN ANTONIO Turner Sports analyst..."
    if len(span) == 1:
        tok = span[0]
        if tok.is_stop or (has_pos and tok.pos_ not in ("PROPN", "")):
            return False
        # A lone word that is only some town's alternate name ("Julia", "Igbo"), or the surname
        # of a person named in full elsewhere in the article, is not a toponym.
        if not any(c.primary or c.population >= 1_000_000 for c in found):
            return False
        if tok.lower_ in surnames and not any(c.feature == "capital" for c in found):
            return False
    return not _looks_like_name_part(doc, span.start, span.end, cue, matched)


_NON_TOWN = ("country", "union", "continent", "admin", "region", "water", "capital")


def _mentions(doc: Doc, gaz: Gazetteer, cue: Cues) -> tuple[list[_Mention], list[_Mention]]:
    """Toponym mentions, and tentative ones: towns NER called a person or an organisation, kept
    later only if the article is about their country ("raided Jenin" in a West Bank story)."""
    ner = _ner_ran(doc)
    mentions: list[_Mention] = []
    tentative: list[_Mention] = []
    taken: set[int] = set()
    longer_names = {t.lower_ for e in doc.ents if len(e) > 1 and e.label_ in ("PERSON", "ORG") for t in e}
    # Streets, buildings and divisions first: their words must not be read as other places.
    for span, what in local_spans(doc, gaz, cue):
        mentions.append(_Mention(span, [], local=what))
        taken.update(range(span.start, span.end))
    for ent in doc.ents:
        if any(t.i in taken for t in ent):
            continue  # its other words ("Brockenhurst, [Hampshire]") are left to the gazetteer lookup
        span = _strip_the(ent)
        if ent.label_ in _PLACE_LABELS:
            span = _extend_right(gaz, span)
            parts = [(sub, found) for sub, found in _lookup_span(gaz, span, cue, strict=True)
                     if not _before_division(sub, cue)]
            if not parts and ent.label_ != "FAC" and _unknown_toponym(span, cue):
                parts = [(span, [])]  # a toponym we cannot place is still a toponym
            for sub, found in parts:
                if normalize(sub.text) not in cue.demonyms:
                    mentions.append(_Mention(sub, _plausible(sub, found, cue)))
            taken.update(range(ent.start, max(ent.end, span.end)))
            continue
        found = gaz.candidates(span.text)
        if found and _ent_is_place(span, found, cue):
            # NER mislabels places ("Tamil Nadu" PERSON, "Manbij" DATE): trust the gazetteer here.
            mentions.append(_Mention(span, found))
        elif ent.label_ == "ORG" and len(span) > 1:
            # A place named inside an organisation ("US Special Forces", "University of Texas",
            # "The New York Times") is resolved but kind "embedded": it never places an event.
            for sub, subfound in _lookup_span(gaz, span, cue, whole=False):
                # A town part must be big or sit where an organisation's name puts its place
                # ("Beverly Hills Police Department"): "Ron" in a team's name is a person.
                framed = _in_org_name(sub, cue)
                subfound = [c for c in subfound if c.feature in _NON_TOWN or c.population >= 100_000 or framed]
                if subfound and normalize(sub.text) not in cue.demonyms:
                    mentions.append(_Mention(sub, subfound, kind="embedded"))
        elif ent.label_ == "ORG" and len(span) == 1 and span[0].lower_ not in longer_names \
                and normalize(span.text) not in cue.not_places and any(c.primary and c.population >= 100_000 for c in found):
            # The small model often calls a lone city an organisation ("cities of Suwon and Incheon",
            # "a Durban court"); a big city's own name is believed (sports teams stay metonymic).
            mentions.append(_Mention(span, [c for c in found if c.primary or c.feature in _NON_TOWN]))
        elif ent.label_ not in ("PERSON", "ORG") and len(span) > 1:
            # "11 billion US dollars", "the Investment Plan for Europe": a state inside a name.
            for sub, subfound in _lookup_span(gaz, span, cue, whole=False):
                subfound = [c for c in subfound if c.feature in _NON_TOWN]
                if subfound and normalize(sub.text) not in cue.demonyms:
                    mentions.append(_Mention(sub, subfound, kind="embedded"))
        elif len(span) == 1 and span[0].lower_ not in longer_names and _lemma(span[0].head) not in cue.metonym_verbs \
                and ((ent.label_ in ("PERSON", "ORG") and span[0].dep_ in ("pobj", "dobj")) or coordinated(span[0])):
            towns = [c for c in found if c.population >= 15_000]
            if towns and normalize(span.text) not in cue.not_places:
                tentative.append(_Mention(span, towns))
        taken.update(range(ent.start, ent.end))
    mentions.extend(_gazetteer_mentions(doc, gaz, cue, taken, ner))
    mentions.extend(_common_noun_mentions(doc, gaz, taken))
    mentions.extend(_prefix_mentions(doc, gaz, taken))
    for m in mentions:
        if m.kind == "literal" and _in_org_name(m.span, cue):
            m.kind = "embedded"
    return mentions, tentative


def coordinated(tok: Token) -> list[Token]:
    """The conjuncts of ``tok``: "Leeds and Bradford", "Brno, Olomouc and Ostrava"."""
    out = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        out.append(tok.head)
    return out


def _extend_right(gaz: Gazetteer, span: Span) -> Span:
    """NER may stop short of a longer known name: "the [U.S.] Virgin Islands"."""
    doc = span.doc
    for extra in (3, 2, 1):
        tail = doc[span.end:span.end + extra]
        if len(tail) == extra and all(t.is_alpha and _capitalised(t) and t.ent_iob_ != "B" for t in tail):
            longer = doc[span.start:span.end + extra]
            if any(c.feature != "city" or c.population >= 100_000 for c in gaz.candidates(longer.text)):
                return longer
    return span


def _before_division(span: Span, cue: Cues) -> bool:
    """"Suffolk County", "Hamilton County": a division we cannot place is not its namesake."""
    doc = span.doc
    return span.end < len(doc) and _capitalised(doc[span.end]) and doc[span.end].lower_ in cue.division_heads


def _prefix_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[_Mention]:
    """A dotted state name glued to a word the tokenizer keeps whole: "U.S.-led", "U.K.-based"."""
    out = []
    tab = table(doc)
    for i, word in enumerate(tab.words):
        cut = word.find(".-")
        if cut > 0 and i not in taken and tab.cap[i]:
            found = [c for c in gaz.candidates(word[:cut + 1]) if c.feature in _NON_TOWN]
            if found:
                out.append(_Mention(doc[i:i + 1], found, chars=(tab.idx[i], tab.idx[i] + cut + 1)))
    return out


def _in_org_name(span: Span, cue: Cues) -> bool:
    """A toponym inside a capitalised name that an organisation word opens or ends: "Bank of
    England", "Jamaica Cancer Society" (but "the bank in England" and "Texas police" stay places)."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        head = doc[span.start - 2]
        if _capitalised(head) and head.lower_ in cue.org_heads:
            return True
    end = span.end
    while end < len(doc) and end - span.end < 4 and _capitalised(doc[end]) and doc[end].is_alpha:
        if doc[end].lower_ in cue.org_heads:
            return True
        end += 1
    return False


def _demonym_mentions(doc: Doc, gaz: Gazetteer, cue: Cues, covered: set[int]) -> list[_Mention]:
    """Nationality words ("Russian", "South Korean", "Europeans") outside other toponyms: kind
    "demonym", at the point of their country (or area) entry."""
    firsts = _demonym_firsts(cue)
    out: list[_Mention] = []
    tab = table(doc)
    cap = tab.cap
    n, skip_to = len(doc), 0
    for i, word in enumerate(tab.words):  # only capitalised tokens that can start a demonym are looked at
        if i < skip_to or i in covered or not cap[i] or tab.lower[i] == "the":
            continue
        first = normalize(word)
        if first.split(" ", 1)[0] not in firsts:
            continue
        hit, key = None, ""
        for size in (3, 2, 1):
            if i + size > n:
                continue
            if all(cap[i:i + size]) and not any(k in covered for k in range(i, i + size)):
                key = normalize(tab.span_text(i, i + size)) if size > 1 else first
                if key in cue.area_demonyms or key in cue.demonyms:
                    hit = doc[i:i + size]
                    break
        if hit is None or _language_use(hit):
            continue
        point = demonym_point(gaz, cue, key)
        out.append(_Mention(hit, [point] if point else [], point, "demonym", 10.0, cue.demonyms.get(key)))
        skip_to = hit.end
    return out


_FIRSTS: dict[int, frozenset[str]] = {}


def _demonym_firsts(cue: Cues) -> frozenset[str]:
    """First words of every demonym key (cached per cue set)."""
    if id(cue) not in _FIRSTS:
        _FIRSTS[id(cue)] = frozenset(k.split(" ", 1)[0] for k in (*cue.demonyms, *cue.area_demonyms))
    return _FIRSTS[id(cue)]


def _language_use(span: Span) -> bool:
    """"written in English", "English-language": the language, not the nation."""
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "-" and span.end + 1 < len(doc):
        nxt = doc[span.end + 1]
    if nxt is not None and nxt.lower_ in ("language", "languages", "speaker", "speakers", "speaking"):
        return True
    return prev in ("in", "speak", "speaks", "spoke", "speaking") and (nxt is None or not nxt.is_alpha)


def _after_prep(span: Span, cue: Cues) -> bool:
    """Introduced by a locative or directional preposition: "in Manbij", "from Afrin", "to Almelo"."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in cue.locative_preps | {"from", "to"}


def _unknown_toponym(span: Span, cue: Cues) -> bool:
    """Whether an NER place the gazetteer lacks still looks like one: introduced by a locative
    preposition or ending in a place word ("Marathon County"); NER's other guesses are mostly noise."""
    if normalize(span.text) in cue.demonyms or not _capitalised(span[0]):
        return False
    return span[-1].lower_ in cue.place_heads or _after_prep(span, cue)


def _short_caps(span: Span) -> bool:
    """"PAN", "BOV": acronyms, not the towns some alternate name spells that way."""
    return span.text.isupper() and len(span.text.replace(".", "")) <= 4


def _plausible(span: Span, found: list[Candidate], cue: Cues) -> list[Candidate]:
    """Drop town readings that only a common word ("Valley") or a small town's old alternate
    name ("West Coast") gives: the toponym then stays unresolved rather than misplaced."""
    if any(c.feature != "city" for c in found):
        return found
    if normalize(span.text) in cue.not_places or _short_caps(span):
        return []
    return [c for c in found if c.primary or c.population >= 100_000]


def _common_noun_mentions(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[_Mention]:
    names = gaz.common_names
    out = []
    tab = table(doc)
    words, alpha, n = tab.words, tab.alpha, tab.n
    for i, low in enumerate(tab.lower):
        if low != "the":
            continue
        for size in (3, 2, 1):
            start, end = i + 1, i + 1 + size
            if end <= n and all(alpha[k] or words[k] == "-" for k in range(start, end)) \
                    and not any(k in taken for k in range(start, end)):
                text = tab.span_text(start, end)
                if normalize(text) in names:
                    out.append(_Mention(doc[start:end], gaz.candidates(text)))
                    taken.update(range(start, end))
                    break
    return out


def _ent_is_place(span: Span, found: list[Candidate], cue: Cues) -> bool:
    """Whether a non-place entity is really a toponym: a state or region, or a sizeable town
    right after a locative preposition ("fighting in Manbij")."""
    key = normalize(span.text)
    if key in cue.demonyms or any(ch.isdigit() for ch in span.text):
        return False
    # Named sites ("the White House", "Heathrow") are places even when NER calls them organisations.
    if any(c.feature in _NON_TOWN or (c.feature == "place" and c.primary) for c in found) or _dateline_span(span):
        return True
    if key in cue.not_places:
        return False
    return _after_prep(span, cue) and max(c.population for c in found) >= 15000


_DATELINE_PUNCT = {",", "-", "\u2014", "\u2013", "(", "--", ":"}


def _dateline_span(span: Span) -> bool:
    """An upper-case place opening a line and followed by a separator: "SEOUL, March 3 (Reuters) -"."""
    doc = span.doc
    at_line_start = span.start == 0 or doc[span.start - 1].is_space or "\n" in doc[span.start - 1].text
    return (at_line_start and span.text.isupper() and len(span.text) > 2 and span.end < len(doc)
            and doc[span.end].text in _DATELINE_PUNCT)
