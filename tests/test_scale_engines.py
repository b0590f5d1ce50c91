"""The local multi-process engine and the Dask engine give exactly the single-process output."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest import extract
from eventwire.process import process
from eventwire.records import Article
from eventwire.scale import default_workers, process_parallel
from eventwire.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = list(extract(str(EXAMPLES)))
    assert len(found) >= 5
    return found


@pytest.fixture(scope="module")
def local_events(articles, nlp_model) -> list[dict]:
    events = [e.to_dict() for c in process(articles, nlp=nlp_model) for e in c.events]
    assert events, "the bundled examples must yield events"
    return sorted(events, key=lambda e: e["event_id"])


def test_default_workers_is_positive(monkeypatch) -> None:
    assert default_workers() >= 1
    monkeypatch.setenv("EVENTWIRE_WORKERS", "3")
    assert default_workers() == 3


def test_two_workers_match_one(articles, local_events) -> None:
    coded = list(process_parallel(articles, workers=2, small=0))  # small=0: really use the workers
    assert [c.article.id for c in coded] == [a.id for a in articles]  # input order kept
    assert sorted((e.to_dict() for c in coded for e in c.events), key=lambda e: e["event_id"]) == local_events


def test_small_input_stays_in_process(articles, local_events, monkeypatch) -> None:
    import eventwire.scale.local as local

    def no_pool(*a, **k):
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(local, "ParallelCoder", no_pool)
    coded = list(process_parallel(articles, workers=2))
    assert sorted((e.to_dict() for c in coded for e in c.events), key=lambda e: e["event_id"]) == local_events


def test_dask_engine_matches_local(articles, local_events, tmp_path) -> None:
    from eventwire.scale.dask import code_with_dask

    out = tmp_path / "parquet"
    res = code_with_dask(articles, out, workers=2, partition_size=3)
    assert res.articles == len(articles) and res.events == len(local_events)
    assert len(list((out / "events").glob("part-*.parquet"))) == res.partitions >= 2
    with Store(tmp_path / "d.duckdb") as store:
        loaded = store.load_parquet(out)
        assert loaded.events == len(local_events)
        got = sorted((e.to_dict() for e in store.events_list()), key=lambda e: e["event_id"])
    assert got == local_events


def test_recycled_workers_match_one(articles, local_events, monkeypatch) -> None:
    from eventwire.scale import ParallelCoder

    starts = []
    original = ParallelCoder._start

    def counting(self):
        starts.append(1)
        return original(self)

    monkeypatch.setattr(ParallelCoder, "_start", counting)
    # One worker replaced after every 4 articles: fresh processes mid-run change nothing in the output.
    with ParallelCoder(1, chunk_size=2, recycle=4) as coder:
        coded = list(coder.process(articles))
    assert len(starts) == 1 + (len(articles) - 1) // 4
    assert [c.article.id for c in coded] == [a.id for a in articles]
    assert sorted((e.to_dict() for c in coded for e in c.events), key=lambda e: e["event_id"]) == local_events


def test_recycle_setting(monkeypatch) -> None:
    from eventwire import settings
    from eventwire.scale import local

    if "worker_recycle_articles" not in settings.SETTINGS:
        assert local.recycle_articles() == local.RECYCLE_ARTICLES
    else:
        monkeypatch.setenv("EVENTWIRE_WORKER_RECYCLE_ARTICLES", "0")
        assert local.recycle_articles() == 0


def test_in_process_reloads_the_pipeline(articles, local_events, nlp_model, monkeypatch) -> None:
    from eventwire.scale import local

    loads = []

    def load(model, fast, fresh):
        loads.append(fresh)
        return nlp_model

    monkeypatch.setattr(local, "_load", load)
    coded = list(local._in_process(iter(articles), None, None, None, recycle=2))
    assert loads == [False] + [True] * ((len(articles) - 1) // 2)
    assert [c.article.id for c in coded] == [a.id for a in articles]
    assert sorted((e.to_dict() for c in coded for e in c.events), key=lambda e: e["event_id"]) == local_events
