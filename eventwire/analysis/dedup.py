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

__all__ = ["EventKey", "Cluster", "cluster_events", "evidence_similarity", "content_words"]

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
        first_id = min(m.event_id for m in c.members)
        c.cluster_id = "c" + hashlib.sha1(first_id.encode()).hexdigest()[:15]
    return clusters
