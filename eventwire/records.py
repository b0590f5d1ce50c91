"""The record types every stage, the store, the CLI and the API share.

One dataclass per kind of thing; ``to_dict()`` is the JSON form everywhere (CLI JSONL, web API,
Parquet). Character offsets (``start``/``end``) are into the coded text (``Article.text``) unless a
field says it is sentence-relative.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "ActorMention",
    "Event",
    "Quote",
    "TimeExpression",
    "Place",
    "Reject",
    "CodedArticle",
    "content_id",
    "normalize_for_hash",
]

_WS = re.compile(r"\s+")


def normalize_for_hash(text: str) -> str:
    """Whitespace- and case-folded text, so trivially re-wrapped copies hash alike."""
    return _WS.sub(" ", text).strip().lower()


def content_id(text: str) -> str:
    """Stable article id: 16 hex digits of the sha256 of the normalized body."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()[:16]


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Record:
    _names: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (fresh containers; much cheaper than dataclasses.asdict's deep copy)."""
        cls = type(self)
        if not cls.__dict__.get("_names"):
            cls._names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        out = {}
        for name in cls._names:
            v = getattr(self, name)
            out[name] = v if type(v) in _SCALARS else _plain(v)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article(_Record):
    """One news article, cleaned. ``text`` is the body: paragraphs separated by blank lines."""

    text: str
    id: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    section: str | None = None
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    source_format: str | None = None  # text, html, feed, warc, jsonl
    source_path: str | None = None
    dropped: list[str] = field(default_factory=list)  # boilerplate lines removed
    near_duplicate_of: str | None = None  # id of the article this is a syndicated copy of

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


@dataclass
class ActorMention(_Record):
    """A span of text that names (or refers back to) an actor, with its CAMEO-style code."""

    start: int
    end: int
    text: str
    code: str | None  # e.g. "PRKGOV"; None when the mention stays uncoded
    # ISO 3166 alpha-3; "IGO", "NGO", "IMG" or "MNC" for transnational actors; None if unknown
    country: str | None = None
    sectors: list[str] = field(default_factory=list)  # e.g. ["GOV"]
    name: str | None = None  # canonical name, e.g. "Kim Jong Un"
    kind: str = "country"  # country, person, organisation, group
    resolved_from: int | None = None  # start offset of the antecedent mention (coreference)
    sentence_index: int | None = None
    via: str = "dictionary"  # dictionary, ner, coref, context, acronym


@dataclass
class TimeExpression(_Record):
    """A time expression normalized against the publication date (TIMEX3 style)."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # e.g. "2013-03-22", "2013-W11", "2012-12", "P1M", "PAST_REF"
    mod: str | None = None  # START, MID, END, APPROX, ...
    value_end: str | None = None  # for ranges ("Monday through Friday")
    precision: str | None = None  # time, day, week, month, quarter, season, year, decade, century, vague
    sentence_index: int | None = None


@dataclass
class Place(_Record):
    """A toponym resolved offline to coordinates; ``kind`` tells a literal place from a metonym."""

    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-3
    kind: str = "literal"  # literal, metonym, demonym, embedded (only literal places locate events)
    feature: str | None = None  # city, country, region, admin, water, ...
    geonameid: int | None = None
    sentence_index: int | None = None


@dataclass
class Quote(_Record):
    """A direct or reported statement with its speaker and attribution chain."""

    start: int  # span of the whole quotation construction
    end: int
    content: str
    content_start: int
    content_end: int
    kind: str  # direct, indirect, according_to
    speaker: str | None = None
    speaker_code: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None  # the verb or phrase that introduces it ("said", "according to")
    chain: list[str] = field(default_factory=list)  # outermost reporter first: outlet, agency, speaker
    sentence_index: int | None = None


@dataclass
class Event(_Record):
    """One coded dyadic event, traceable to its sentence and the spans that produced it."""

    doc_id: str
    sentence_index: int
    sentence: str
    source: str | None
    code: str  # CAMEO code, e.g. "0311"
    event_id: str = ""
    source_name: str | None = None
    target: str | None = None
    target_name: str | None = None
    root: str = ""  # CAMEO root, e.g. "03"
    cameo_name: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    modality: str = "asserted"  # asserted, planned, threatened, hypothetical, demanded
    negated: bool = False
    reported_by: list[str] = field(default_factory=list)  # attribution chain, outermost first
    date: str | None = None  # ISO date of the act
    date_end: str | None = None
    date_precision: str | None = None  # day, week, month, year
    date_source: str | None = None  # trigger, sentence, published
    location: dict[str, Any] | None = None  # {name, lat, lon, country, kind}
    evidence: dict[str, list[int] | None] = field(default_factory=dict)  # sentence-relative spans
    sentence_start: int = 0  # offset of the sentence in the article text
    pattern: str | None = None  # the dictionary entry that fired
    confidence: float = 1.0
    coder_version: str = ""

    def __post_init__(self) -> None:
        if not self.root and self.code:
            self.root = self.code[:2]
        if not self.event_id:
            trig = self.evidence.get("trigger") if self.evidence else None
            key = f"{self.doc_id}|{self.sentence_index}|{trig}|{self.source}|{self.target}|{self.code}"
            self.event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Reject(_Record):
    """An input (or one record of it) that could not be read, and why."""

    input: str
    reason: str
    record: str | None = None  # line number, WARC offset, feed entry id...


@dataclass
class CodedArticle(_Record):
    """Everything eventwire found in one article."""

    article: Article
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)  # [start, end] of each sentence
