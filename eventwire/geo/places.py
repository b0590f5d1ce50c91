"""Places: offline toponym recognition, resolution to coordinates, literal places vs metonyms.

Toponyms are found by ``toponyms`` and each is resolved by scoring its candidates (``resolve``):
population and feature class, the countries the article is about (country names, demonyms, actor
countries), admin qualifiers ("Paris, Texas") and closeness to places already resolved in the
article; a small namesake does not win over one 30 times bigger in the same country on a state
mention alone ("Louisville" stays in Kentucky).

Every ``Place`` has one of four kinds:

- ``literal``: the place itself ("fighting in Manbij"); the only kind that locates events.
- ``metonym``: a country or capital standing for its government: the subject of a verb of speech,
  cognition or policy ("Pyongyang perceives") or the possessor of a policy noun ("Moscow's decision").
- ``demonym``: a nationality adjective or noun ("Russian", "Iranians"), resolved to its country's
  point; it tells what the article is about but never locates an event.
- ``embedded``: a toponym inside an organisation's name ("Bank of England", "University of Texas",
  "Jamaica Cancer Society"), resolved like any toponym but never locating an event.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import is_transnational
from ..doctable import table
from ..nlp import extensions
from ..records import Event, Place
from .data import Cues, cues
from .index import Candidate, Gazetteer, gazetteer
from .local import place_locally
from .metonymy import is_metonym
from .resolve import Context, dwarfed, near_story, remote, score, unresolvable
from .toponyms import (
    _capitalised,
    _dateline_span,
    _demonym_mentions,
    _in_org_name,
    _Mention,
    _mentions,
    coordinated,
)

extensions.register()

__all__ = ["PlaceTagger", "locate_events", "geoparse", "tag_places"]

_GOVERNMENT_FEATURES = {"country", "capital", "union", "place", "admin"}


# ---- resolution -------------------------------------------------------------------------------


def _article_context(doc: Doc, mentions: list[_Mention], cue: Cues, gaz: Gazetteer) -> Context:
    countries: set[str] = set()
    admins: set[tuple[str, str]] = set()
    for m in mentions:
        # A state or region name counts only when it is unambiguous ("Texas", not "Georgia").
        states = [c for c in m.candidates if c.feature in ("country", "admin", "region") and c.country]
        if len({c.country for c in states}) == 1 and m.kind != "demonym":
            countries.add(states[0].country)
            admins.update((c.country, c.admin1) for c in states if c.feature == "admin" and c.admin1)
    # Countries a state or region of theirs names ("Arizona"): the country's own name does not count
    # here, since "U.S." is in most international stories.
    within = {code for code, _ in admins}
    tab = table(doc)
    demonyms = cue.demonyms
    for low, cap in zip(tab.lower, tab.cap, strict=True):
        code = demonyms.get(low) if cap else None
        if code:
            countries.add(code)
    # An actor named by one of the toponyms ("Tripoli", "the governor of Georgia") only echoes how the
    # actors module read that name: it is no evidence about the name.
    toponyms = [(m.span.start_char, m.span.end_char) for m in mentions if m.kind != "demonym" and m.candidates]
    for actor in doc._.actors or []:
        country = getattr(actor, "country", None)
        if not country or len(country) != 3 or is_transnational(country):
            continue
        start, end = getattr(actor, "start", -1), getattr(actor, "end", -1)
        if any(lo < end and start < hi for lo, hi in toponyms):
            continue
        countries.add(country)
    points = [p for p in (gaz.country(code) for code in sorted(countries)) if p is not None]
    return Context(countries, admins, [], points, within)


def _qualifier(doc: Doc, m: _Mention, by_start: dict[int, _Mention]) -> Candidate | None:
    """The admin region or country after a comma: "Paris, Texas", "Kandahar, Afghanistan"."""
    end = m.span.end
    if end + 1 < len(doc) and doc[end].text == ",":
        nxt = by_start.get(end + 1)
        if nxt is not None and nxt.candidates:
            for c in nxt.candidates:
                if c.feature in ("admin", "country"):
                    return c
    return None


def _named_a_state(m: _Mention) -> Candidate | None:
    """"the state of Georgia": the admin reading of a name that is also a country's."""
    span = m.span
    if span.start >= 2 and span.doc[span.start - 1].lower_ == "of" and span.doc[span.start - 2].lower_ == "state":
        return next((c for c in m.candidates if c.feature == "admin"), None)
    return None


def _resolve(doc: Doc, mentions: list[_Mention], ctx: Context) -> None:
    by_start = {m.span.start: m for m in mentions}
    sure: list[_Mention] = []  # round 0: mentions whose country is settled
    lone: set[int] = set()  # round 0: mentions won by a town penalised as remote; they anchor nothing
    for rnd in (0, 1):
        for m in mentions:
            if not m.candidates:
                continue
            qual = _qualifier(doc, m, by_start) or _named_a_state(m)
            small = dwarfed(m.candidates)
            far = remote(m.candidates, ctx) if qual is None and m.kind != "demonym" else set()
            both = {"admin", "country"} <= {c.feature for c in m.candidates}
            scored = sorted(((score(c, ctx, qual, i in small, i in far, both), c) for i, c in enumerate(m.candidates)),
                            key=lambda sc: -sc[0])
            m.best = scored[0][1]
            m.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
            if rnd == 0:
                if m.candidates.index(m.best) in far:
                    lone.add(id(m))
                elif m.margin >= 2.0 or (near_story(m.best, ctx) is not False and all(
                        c.country == m.best.country for s, c in scored if s > scored[0][0] - 2.0)):
                    sure.append(m)  # "Atlanta": its close rivals are small Atlantas of the same country
            elif m.kind == "literal" and unresolvable(m.best, m.candidates, ctx):
                m.best, m.margin, m.dropped = None, 0.0, True
        if rnd == 0:
            # Confident towns and regions anchor the spatial prior of the second round.
            ctx.anchors = [m.best for m in mentions if m.best is not None and m.margin >= 2.0 and id(m) not in lone
                           and m.best.feature in ("city", "capital", "admin", "place") and m.kind != "demonym"]
            for m in sure:
                if m.best is not None and m.best.country:
                    ctx.countries.add(m.best.country)
                    if m.kind != "demonym" and m.best.feature != "country":
                        ctx.place_countries.add(m.best.country)


def _add_tentative(mentions: list[_Mention], tentative: list[_Mention], ctx: Context) -> None:
    """Keep the towns NER called a person or an organisation that sit where a place goes: the object
    of a preposition or verb, or a conjunct of a toponym ("Leeds and Bradford"), in one of
    the article's countries. Conjunct chains ("Brno, Olomouc and Ostrava") are followed."""
    placed = {t.i: m for m in mentions if m.kind != "demonym" for t in m.span}
    waiting = list(tentative)
    for _ in range(4):
        later = []
        for m in waiting:
            tok = m.span[0]
            partners = [placed[c.i] for c in coordinated(tok) if c.i in placed]
            if partners:  # a conjunct's country, known before any resolution
                countries = {c.country for p in partners for c in p.candidates}
            elif tok.dep_ in ("pobj", "dobj"):
                countries = ctx.countries
            else:
                later.append(m)
                continue
            # A town next to a story country counts too ("Israeli forces raided Tulkarm").
            m.candidates = [c for c in m.candidates if c.country in countries
                            or (not partners and near_story(c, ctx))]
            if m.candidates:
                mentions.append(m)
                placed[tok.i] = m
        if len(later) == len(waiting):
            break
        waiting = later


def _sure_place(m: _Mention, cue: Cues) -> bool:
    """A mention sure enough to lend its place to the name's other occurrences: a gazetteer place
    (not one placed by its context) that NER also calls a place, or that a locative preposition
    introduces, or a dateline; never an acronym ("BA") or a short word."""
    span = m.span
    if m.best is None or m.best.feature in ("site", "local") or len(span.text) < 4 or span.text.isupper() \
            or not _capitalised(span[0]):
        return False
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return span[0].ent_type_ in ("GPE", "LOC", "FAC") or prev in cue.locative_preps | {"from", "to"} \
        or _dateline_span(span)


def _glued_to_name(span: Span, cue: Cues) -> bool:
    """Capitalised words on either side that are no place word: part of some other name."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_alpha and _capitalised(before) and not span[0].is_sent_start \
            and before.lower_ not in ("the", "in", "of") and before.lower_ not in cue.place_heads:
        return True
    return after is not None and after.is_alpha and _capitalised(after) and after.lower_ not in cue.place_heads


def _same_name_mentions(doc: Doc, mentions: list[_Mention], cue: Cues) -> list[_Mention]:
    """Other occurrences of a name the article already placed ("in Manbij" ... "Manbij's fall"): one
    name keeps one place within a story. Occurrences inside a person's name are left alone."""
    names: dict[str, list[tuple[tuple[str, ...], _Mention]]] = {}
    for m in mentions:
        if m.best is not None and m.kind != "demonym" and m.chars is None and _sure_place(m, cue):
            words = tuple(t.text for t in m.span)
            names.setdefault(words[0], []).append((words, m))
    if not names:
        return []
    covered = {t.i for m in mentions for t in m.span}
    out: list[_Mention] = []
    n = len(doc)
    tab = table(doc)
    texts = tab.words
    for start, text in enumerate(texts):
        options = names.get(text)
        if options is None or start in covered or tab.ent_type[start] in ("PERSON", "NORP"):
            continue
        for words, m in sorted(options, key=lambda o: -len(o[0])):
            end = start + len(words)
            if end <= n and tuple(texts[start:end]) == words and not any(i in covered for i in range(start, end)):
                span = doc[start:end]
                # Glued to other capitalised words it is part of another name ("Cambridge Analytica",
                # "Honolulu Star-Advertiser"): resolved, but kind "embedded", so it locates nothing.
                kind = "embedded" if _in_org_name(span, cue) or _glued_to_name(span, cue) else "literal"
                out.append(_Mention(span, m.candidates, m.best, kind, m.margin, m.country, None, m.local))
                covered.update(range(start, end))
                break
    return out


# ---- the component ----------------------------------------------------------------------------


def _sentence_starts(doc: Doc) -> list[int] | None:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return None
    return [s.start for s in doc.sents]


def _sentence_index(starts: list[int] | None, token_i: int) -> int | None:
    return None if starts is None else max(bisect_right(starts, token_i) - 1, 0)


def tag_places(doc: Doc, gaz: Gazetteer | None = None, cue: Cues | None = None) -> list[Place]:
    """The toponyms of ``doc``, resolved (lat/lon None when the gazetteer does not know one)."""
    gaz = gaz or gazetteer()
    cue = cue or cues()
    mentions, tentative = _mentions(doc, gaz, cue)
    mentions.extend(_demonym_mentions(doc, gaz, cue, {t.i for m in mentions for t in m.span}))
    ctx = _article_context(doc, mentions, cue, gaz)
    _add_tentative(mentions, tentative, ctx)
    mentions.sort(key=lambda m: m.span.start)
    _resolve(doc, mentions, ctx)
    place_locally(doc, mentions, gaz, ctx.countries, cue)
    mentions.extend(_same_name_mentions(doc, mentions, cue))
    mentions.sort(key=lambda m: m.span.start)
    starts = _sentence_starts(doc)
    text = table(doc).text  # doc.text is rebuilt from the tokens on every access
    places: list[Place] = []
    for m in mentions:
        best = m.best
        kind = m.kind
        if kind == "literal" and (best is None or best.feature in _GOVERNMENT_FEATURES) \
                and not _dateline_span(m.span) and is_metonym(m.span, cue):
            kind = "metonym"
        start, end = m.chars or (m.span.start_char, m.span.end_char)
        places.append(Place(
            start=start, end=end, text=text[start:end],
            name=best.name if best else None, lat=round(best.lat, 5) if best else None,
            lon=round(best.lon, 5) if best else None, country=best.country if best else m.country,
            kind=kind, feature=best.feature if best else None, geonameid=best.geonameid if best else None,
            sentence_index=_sentence_index(starts, m.span.start),
        ))
    return places


class PlaceTagger:
    """spaCy component: sets ``doc._.places``; runs after the actor recognizer when present."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.gaz = gazetteer()
        self.cues = cues()

    def __call__(self, doc: Doc) -> Doc:
        if doc._.explain:
            doc._.trace = list(doc._.trace or [])
        doc._.places = tag_places(doc, self.gaz, self.cues)
        if doc._.explain:
            for p in doc._.places:
                doc._.trace.append(f"place {p.text!r} -> {p.name} ({p.country}, {p.feature}, {p.kind})")
        return doc


# ---- events -----------------------------------------------------------------------------------


def _prep_of(doc: Doc, place: Place, preps: frozenset[str]) -> Token | None:
    """The locative preposition introducing ``place`` ("in Beijing", "off the coast of ..."), if any."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(4):  # climb "the coast of Somalia" / "waters near X" to the governing preposition
        if tok.dep_ == "pobj" and tok.head.lower_ in preps:
            return tok.head
        if tok.dep_ in ("pobj", "compound", "appos", "conj", "nmod") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "prep" and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return None


def _is_dateline(doc: Doc, place: Place, sentence: Span) -> bool:
    """A place opening the sentence followed by a comma or dash: "SEOUL, March 3 (Reuters) -"."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.start == sentence.start and _dateline_span(span)


def locate_events(doc: Doc, events: list[Event]) -> None:
    """Set each event's ``location`` from the literal places of its sentence (None when unplaced)."""
    places = [p for p in (doc._.places or []) if p.kind == "literal" and p.lat is not None]
    preps = cues().locative_preps
    sents = list(doc.sents) if (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")) else [doc[:]]
    for ev in events:
        ev.location = None
        sentence = _event_sentence(doc, ev, sents)
        if sentence is None:
            continue
        inside = [p for p in places if sentence.start_char <= p.start < sentence.end_char]
        if not inside:
            continue
        trigger = _trigger_token(doc, ev)
        with_prep = [(p, prep) for p in inside if (prep := _prep_of(doc, p, preps)) is not None]
        chosen = None
        if trigger is not None:
            in_subtree = [p for p, prep in with_prep if trigger.is_ancestor(prep) or prep.head == trigger]
            if in_subtree:
                chosen = min(in_subtree, key=lambda p: abs(p.start - trigger.idx))
        if chosen is None and with_prep:
            chosen = with_prep[0][0]
        if chosen is None:
            chosen = next((p for p in inside if _is_dateline(doc, p, sentence)), None)
        if chosen is not None:
            ev.location = {"name": chosen.name, "lat": chosen.lat, "lon": chosen.lon, "country": chosen.country,
                           "kind": chosen.kind}


def _event_sentence(doc: Doc, ev: Event, sents: list[Span]) -> Span | None:
    if ev.sentence_start:  # the offset is the surer key; the index when the offset was left at 0
        return next((s for s in sents if s.start_char <= ev.sentence_start < s.end_char), None)
    return sents[ev.sentence_index] if 0 <= ev.sentence_index < len(sents) else None


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    trig = (ev.evidence or {}).get("trigger")
    if not trig or len(trig) != 2:
        return None
    span = doc.char_span(ev.sentence_start + trig[0], ev.sentence_start + trig[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# ---- standalone -------------------------------------------------------------------------------


@lru_cache(maxsize=2)
def _parser(model: str | None = None) -> Language:
    from .nlp.pipeline import load_pipeline

    return load_pipeline(model, eventwire=False)


def geoparse(text: str, nlp: Language | None = None) -> list[Place]:
    """The places of ``text`` using only spaCy (``nlp``, default the configured model) and this tagger."""
    nlp = nlp or _parser()
    doc = nlp(text)
    return tag_places(doc)
