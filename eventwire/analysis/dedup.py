"""Cross-article event deduplication: one real-world event, many mentions.

Events are compared only inside a block (same source, target and CAMEO root) and a date window;
inside it, an event joins the cluster whose members' evidence it resembles most, if that
resemblance reaches the threshold. Pure functions over plain values: the store feeds them rows and
writes the clusters back.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

__all__ = ["EventKey", "Cluster", "Candidate", "cluster_events", "assign_events", "cluster_id_for",
           "evidence_similarity", "content_words"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Function words and reporting words carry no evidence of *which* event a sentence describes.
_STOP = frozenset(["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into", "onto", "over", "under", "about", "after", "before", "during", "since", "until", "than", "that", "this", "these", "those", "it", "its", "their", "his", "her", "they", "he", "she", "we", "you", "i", "our", "your", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "nor", "so", "such", "very", "also", "just", "then", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "while", "said", "says", "say", "told", "tells", "according", "reported", "reports", "added", "official", "officials", "news", "agency", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "week", "month", "year", "today", "yesterday"])


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words, crudely stemmed (so "missiles"/"missile" match)."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        w = _stem(w)
        out.add(w)
    return frozenset(out)


def _stem(w: str) -> str:
    """Fold plural and -ing/-ed forms (missiles/missile, talks/talk); not a real stemmer."""
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def evidence_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two evidence word sets relative to the smaller one (differently worded reports
    of one event share few words, and a long sentence should not dilute a short one)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class EventKey:
    """What dedup needs of one event."""

    event_id: str
    doc_id: str
    source: str | None
    target: str | None
    root: str
    date: date | None
    evidence: str  # the sentence (or evidence window) describing the event
    outlet: str | None = None
    code: str = ""
    confidence: float = 1.0
    location: str | None = None
    modality: str = "asserted"
    negated: bool = False
    names: tuple[str, ...] = ()  # actor names: shared by the whole block, so no evidence
    words: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        if not self.words:
            drop = set().union(*(content_words(n) for n in self.names if n)) if self.names else set()
            self.words = content_words(self.evidence) - drop


@dataclass
class Cluster:
    cluster_id: str
    members: list[EventKey]

    @property
    def first(self) -> date | None:
        dates = [m.date for m in self.members if m.date]
        return min(dates) if dates else None

    @property
    def last(self) -> date | None:
        dates = [m.date for m in self.members if m.date]
        return max(dates) if dates else None

    @property
    def representative(self) -> EventKey:
        return max(self.members, key=lambda m: (m.confidence, len(m.words), m.event_id))


def _similarity(e: EventKey, c: Cluster) -> float:
    best = 0.0
    for m in c.members:
        s = evidence_similarity(e.words, m.words)
        if m.code == e.code:
            s += 0.1  # the same full CAMEO code is itself evidence of the same act
        if e.location and m.location:
            s += 0.1 if e.location == m.location else -0.2
        best = max(best, s)
    return best


def cluster_events(events: Iterable[EventKey], window_days: int = 2, threshold: float = 0.3) -> list[Cluster]:
    """Group events describing the same real-world event. Deterministic for a given input set."""
    window = timedelta(days=window_days)
    # A planned or negated act is not the same event as one that happened: separate blocks.
    blocks: dict[tuple, list[EventKey]] = {}
    for e in events:
        blocks.setdefault((e.source, e.target, e.root, e.modality, e.negated), []).append(e)
    clusters: list[Cluster] = []
    for key in sorted(blocks, key=lambda k: tuple(str(x or "") for x in k)):
        block = sorted(blocks[key], key=lambda e: (e.date or date.min, e.event_id))
        open_clusters: list[Cluster] = []
        for e in block:
            best, best_sim = None, threshold
            for c in open_clusters:
                last = c.last
                if e.date and last and e.date - last > window:
                    continue
                if (e.date is None) != (last is None):
                    continue
                sim = _similarity(e, c)
                if sim >= best_sim:
                    best, best_sim = c, sim
            if best is None:
                best = Cluster(cluster_id="", members=[])
                open_clusters.append(best)
            best.members.append(e)
        clusters.extend(open_clusters)
    for c in clusters:
        c.cluster_id = cluster_id_for(min(m.event_id for m in c.members))
    return clusters


def cluster_id_for(first_event_id: str) -> str:
    """A cluster's id, derived from the smallest event id it was made with."""
    return "c" + hashlib.sha1(first_event_id.encode()).hexdigest()[:15]


def _rank(e: EventKey) -> tuple:
    return (e.confidence, len(e.words), e.event_id)  # as Cluster.representative


@dataclass
class Candidate:
    """A cluster seen by incremental assignment: its representative and date span (read from the
    store, one row per cluster), plus the new events assigned to it in this pass."""

    cluster_id: str
    rep: EventKey
    first: date | None
    last: date | None
    added: list[EventKey] = field(default_factory=list)
    new: bool = False  # made in this pass

    def key(self) -> tuple:
        r = self.rep
        return (r.source, r.target, r.root, r.modality, r.negated)


def assign_events(new: Iterable[EventKey], candidates: Iterable[Candidate], window_days: int = 2,
                  threshold: float = 0.3) -> list[Candidate]:
    """Assign new events to existing clusters (or to new ones), as ``cluster_events`` would if the
    clusters' other members resembled their representative. Work and memory are bounded by the new
    events and the candidates given, not by the clusters' sizes. Returns the clusters that got
    events (``added`` non-empty), new ones with ``new`` set; each one's ``rep``/``first``/``last``
    updated."""
    window = timedelta(days=window_days)
    by_block: dict[tuple, list[Candidate]] = {}
    for c in sorted(candidates, key=lambda c: (c.first or date.min, c.cluster_id)):
        by_block.setdefault(c.key(), []).append(c)
    touched: list[Candidate] = []
    for e in sorted(new, key=lambda e: (e.date or date.min, e.event_id)):
        block = by_block.setdefault((e.source, e.target, e.root, e.modality, e.negated), [])
        best, best_sim = None, threshold
        for c in block:
            if (e.date is None) != (c.last is None):
                continue
            if e.date and c.first and c.last and (e.date - c.last > window or c.first - e.date > window):
                continue
            sim = _similarity(e, Cluster(c.cluster_id, [c.rep, *c.added]))
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None:
            best = Candidate(cluster_id="", rep=e, first=e.date, last=e.date, new=True)
            block.append(best)
        else:
            if _rank(e) > _rank(best.rep):
                best.rep = e
            if e.date and best.first and best.last:
                best.first, best.last = min(best.first, e.date), max(best.last, e.date)
        if not best.added:
            touched.append(best)
        best.added.append(e)
    for c in touched:
        if c.new:
            c.cluster_id = cluster_id_for(min(m.event_id for m in c.added))
    return touched
