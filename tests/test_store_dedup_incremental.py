"""Incremental dedup as batches are stored: same clusters as a full rebuild on a small set, and
rows read per batch bounded however many events one block holds."""

from __future__ import annotations

import pytest

from eventwire.records import Article, CodedArticle, Event
from eventwire.store import Store

# (outlet, published, event date, source, target, code, modality, sentence) -- written for these tests.
REPORTS = [
    ("Yonhap", "2024-12-29", "2024-12-29", "PRKMIL", "KOR", "190", "asserted",
     "North Korea fired a ballistic missile into the sea off its east coast, the military said."),
    ("KBS", "2024-12-29", "2024-12-29", "PRKMIL", "KOR", "190", "asserted",
     "Pyongyang launched a ballistic missile that came down in the sea off the east coast."),
    ("AP", "2024-12-30", "2024-12-29", "PRKMIL", "KOR", "190", "asserted",
     "The ballistic missile fired by the North splashed into the sea off the east coast, Seoul said."),
    ("Yonhap", "2024-12-29", "2024-12-29", "PRKMIL", "KOR", "190", "asserted",
     "North Korean guns shelled the border island of Yeonpyeong with artillery rounds."),
    ("Reuters", "2024-12-30", "2024-12-30", "PRKMIL", "KOR", "190", "asserted",
     "Artillery rounds from North Korean guns hit Yeonpyeong island near the border."),
    ("AP", "2025-01-06", "2025-01-06", "PRKMIL", "KOR", "190", "asserted",
     "North Korea fired another ballistic missile into the sea off its east coast."),
    ("KBS", "2024-12-30", "2024-12-30", "USAGOV", "PRKGOV", "111", "asserted",
     "Washington condemned the missile launch as a violation of Security Council resolutions."),
    ("AP", "2024-12-30", "2024-12-30", "USAGOV", "PRKGOV", "111", "asserted",
     "The United States condemned the launch, calling it a violation of resolutions."),
    ("Reuters", "2024-12-31", "2024-12-31", "USAGOV", "PRKGOV", "036", "planned",
     "The United States will hold talks with allies on the missile launch."),
    ("Yonhap", "2024-12-31", "2024-12-31", "USAGOV", "PRKGOV", "036", "asserted",
     "The United States held talks with allies on the missile launch."),
]


def _coded(i: int, outlet: str, published: str, day: str, source: str, target: str, code: str, modality: str,
           sentence: str, rest: str = "") -> CodedArticle:
    art = Article(text=f"{sentence} Report {i}. {rest}", outlet=outlet, published=published, url=f"http://example.org/{i}")
    ev = Event(doc_id=art.id, sentence_index=0, sentence=sentence, source=source, target=target, code=code,
               goldstein=-5.0, quad_class=4, date=day, modality=modality,
               evidence={"source": [0, 5], "target": None, "trigger": [6, 11]}, coder_version="t")
    return CodedArticle(article=art, events=[ev])


def _state(store: Store) -> set[tuple]:
    """Clusters as member sets with their stored figures (ids aside: they may differ)."""
    rows = store.query(
        "SELECT list_sort(list(e.event_id)), c.date, c.date_last, c.first_seen, c.last_seen, c.n_mentions, "
        "c.n_articles, c.n_outlets, c.representative_event_id, c.plover, "
        "count(*) FILTER (e.is_representative) FROM events e JOIN event_clusters c ON c.cluster_id = e.cluster_id "
        "GROUP BY ALL")
    return {(tuple(r[0]), *r[1:]) for r in rows}


@pytest.mark.parametrize("batch", [1, 3, len(REPORTS)])
def test_incremental_equals_full_recluster(tmp_path, batch: int) -> None:
    coded = [_coded(i, *r) for i, r in enumerate(REPORTS)]
    with Store(tmp_path / "d.duckdb") as store:
        for i in range(0, len(coded), batch):
            store.add_coded(coded[i:i + batch])
        incremental = _state(store)
        assert store.query("SELECT count(*) FROM events WHERE cluster_id IS NULL")[0][0] == 0
        store.recluster()
        full = _state(store)
    assert incremental == full
    sizes = sorted(len(c[0]) for c in full)
    assert sizes == [1, 1, 1, 2, 2, 3]  # launch x3, shelling x2, condemn x2; late, planned, held apart
    assert all(c[-1] == 1 for c in full)  # one representative per cluster


def test_recoded_article_rebuilds_its_cluster_only(tmp_path) -> None:
    coded = [_coded(i, *r) for i, r in enumerate(REPORTS)]
    with Store(tmp_path / "d.duckdb") as store:
        store.add_coded(coded)
        launch = coded[0].article
        stored = store.article(launch.id)
        store.add_coded([CodedArticle(article=stored, events=[])])
        rows = store.query("SELECT n_mentions, n_outlets FROM event_clusters WHERE n_mentions > 1 ORDER BY 1, 2")
        assert rows == [(2, 2), (2, 2), (2, 2)]
        orphan = store.query("SELECT count(*) FROM event_clusters c WHERE NOT EXISTS "
                             "(SELECT 1 FROM events e WHERE e.cluster_id = c.cluster_id)")[0][0]
        assert orphan == 0
        store.add_coded([coded[0]])  # coded again: rejoins its cluster
        assert store.query("SELECT max(n_mentions) FROM event_clusters")[0][0] == 3


def _busy_day(n: int, distinct: bool):
    """n articles on one date, one event each, in one block; no two wordings share a word, or all
    tell one story."""
    letters = "bcdfghjklmnprtvz"
    for i in range(n):
        # Eight words of its own per article (letters only: dedup ignores digits).
        own = " ".join("".join(letters[(8 * i + k) >> s & 15] for s in (0, 4, 8, 12, 16)) for k in range(8))
        words = own if distinct else "troops crossed the border near the river town"
        # Articles differ beyond the event sentence, so none is linked as a syndicated copy.
        yield _coded(i, f"outlet{i % 40}", "2025-03-01", "2025-03-01", "RUSMIL", "UKR", "190", "asserted",
                     f"{words}.", rest=f"{own}. " * 6)


@pytest.mark.parametrize("distinct", [True, False])
def test_rows_read_per_batch_stay_bounded(tmp_path, monkeypatch, distinct: bool) -> None:
    monkeypatch.setenv("EVENTWIRE_DEDUP_MAX_CANDIDATES", "50")
    reads = []
    with Store(tmp_path / "b.duckdb") as store:
        batch: list[CodedArticle] = []
        for coded in _busy_day(2000, distinct):
            batch.append(coded)
            if len(batch) == 64:
                store.add_coded(batch)
                reads.append(store.dedup_rows_read)
                batch = []
        n_clusters = store.count("event_clusters")
        biggest = store.query("SELECT max(n_mentions) FROM event_clusters")[0][0]
    assert max(reads) <= 64 + (50 if distinct else 1)
    if distinct:
        assert n_clusters == 64 * len(reads)  # every wording is its own event
    else:
        assert n_clusters == 1 and biggest == 64 * len(reads)  # one story, one cluster, counted in SQL
