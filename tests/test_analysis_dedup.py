"""Cross-article dedup: one real-world event reported in several wordings is one cluster."""

from __future__ import annotations

from datetime import date

from eventwire.analysis.dedup import EventKey, cluster_events, content_words, evidence_similarity
from eventwire.analysis.similarity import estimate_jaccard, lsh_bands, minhash

LAUNCH = [
    "North Korea fired a ballistic missile into the sea off its east coast on Sunday, South Korea's military said.",
    "Pyongyang launched a short-range ballistic missile toward the East Sea early Sunday, the Joint Chiefs said.",
    "The North test-fired a ballistic missile that flew about 600 km before landing in waters off the coast.",
]
SHELLING = "North Korea fired artillery shells near the maritime border island of Yeonpyeong on Sunday."


def _key(i: int, text: str, day: date = date(2024, 12, 29), root: str = "19", target: str = "KOR") -> EventKey:
    return EventKey(event_id=f"e{i}", doc_id=f"d{i}", source="PRKMIL", target=target, root=root, date=day,
                    evidence=text, code=root + "0", names=("North Korea", "Pyongyang", "South Korea"))


def test_three_wordings_one_cluster_other_event_apart() -> None:
    keys = [_key(i, t) for i, t in enumerate(LAUNCH)] + [_key(9, SHELLING)]
    clusters = sorted(cluster_events(keys), key=lambda c: -len(c.members))
    assert [sorted(m.event_id for m in c.members) for c in clusters] == [["e0", "e1", "e2"], ["e9"]]


def test_window_and_block_separate_events() -> None:
    late = _key(5, LAUNCH[0], day=date(2025, 1, 5))
    other_root = _key(6, LAUNCH[1], root="11")
    other_target = _key(7, LAUNCH[2], target="USA")
    clusters = cluster_events([_key(0, LAUNCH[0]), late, other_root, other_target], window_days=2)
    assert len(clusters) == 4


def test_clusters_are_deterministic() -> None:
    keys = [_key(i, t) for i, t in enumerate(LAUNCH)]
    a = {c.cluster_id for c in cluster_events(keys)}
    b = {c.cluster_id for c in cluster_events(list(reversed(keys)))}
    assert a == b and len(a) == 1


def test_content_words_drop_function_words_and_stem() -> None:
    assert content_words("The missiles were fired on Sunday") == content_words("missile fired")
    assert "the" not in content_words("The missiles were fired on Sunday")
    assert evidence_similarity(frozenset(), frozenset({"x"})) == 0.0


def test_minhash_near_duplicates() -> None:
    text = " ".join(LAUNCH) * 3
    copy = "SEOUL (Wire) -- " + text
    other = "The central bank held interest rates steady, citing slowing inflation and weak exports. " * 3
    assert estimate_jaccard(minhash(text), minhash(copy)) > 0.8
    assert estimate_jaccard(minhash(text), minhash(other)) < 0.2
    assert set(lsh_bands(minhash(text))) & set(lsh_bands(minhash(copy)))
    assert minhash(text).tolist() == minhash(text).tolist()


def test_assign_events_extends_matching_cluster_and_updates_rep() -> None:
    from eventwire.analysis.dedup import Candidate, assign_events
    old = _key(0, LAUNCH[0])
    cand = Candidate(cluster_id="c0", rep=old, first=old.date, last=old.date)
    strong = _key(1, LAUNCH[1])
    strong.confidence = 2.0  # outranks the stored representative
    touched = assign_events([strong, _key(9, SHELLING)], [cand])
    assert [(c.cluster_id, c.new, [m.event_id for m in c.added]) for c in touched][0] == ("c0", False, ["e1"])
    assert cand.rep.event_id == "e1" and touched[1].new and touched[1].added[0].event_id == "e9"


def test_assign_events_respects_window_block_and_modality() -> None:
    from eventwire.analysis.dedup import Candidate, assign_events
    old = _key(0, LAUNCH[0])
    cand = Candidate(cluster_id="c0", rep=old, first=old.date, last=old.date)
    late = _key(5, LAUNCH[0], day=date(2025, 1, 5))
    planned = _key(6, LAUNCH[0])
    planned.modality = "planned"
    other_root = _key(7, LAUNCH[0], root="11")
    touched = assign_events([late, planned, other_root], [cand], window_days=2)
    assert all(c.new for c in touched) and len(touched) == 3 and not cand.added


def test_assign_events_groups_new_events_like_cluster_events() -> None:
    from eventwire.analysis.dedup import assign_events
    keys = [_key(i, t) for i, t in enumerate(LAUNCH)] + [_key(9, SHELLING)]
    full = {frozenset(m.event_id for m in c.members): c.cluster_id for c in cluster_events(keys)}
    inc = {frozenset(m.event_id for m in c.added): c.cluster_id for c in assign_events(keys, [])}
    assert inc == full
