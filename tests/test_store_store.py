"""The DuckDB store: schema, duplicates, near-duplicates, atomic re-coding, rejects."""

from __future__ import annotations

import pytest

from eventwire.errors import StoreError
from eventwire.records import ActorMention, Article, CodedArticle, Event, Quote, Reject
from eventwire.store import SCHEMA_VERSION, Store

STORY = ("North Korean leader Kim Jong Un vowed to bolster the country's nuclear forces as South Korea and "
         "the United States staged joint air drills near the border, the Korean Central News Agency said on "
         "Sunday. The drills involved dozens of fighter jets and followed a missile launch last week. ")


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def _event(doc_id: str, code: str = "0311", source: str = "PRKGOV", target: str | None = "USAGOV") -> Event:
    return Event(doc_id=doc_id, sentence_index=0, sentence=STORY[:120], source=source, target=target, code=code,
                 evidence={"source": [0, 20], "target": None, "trigger": [30, 35]}, date="2024-12-29",
                 location={"name": "Pyongyang", "lat": 39.03, "lon": 125.75, "country": "PRK", "kind": "literal"},
                 reported_by=["Yonhap", "KCNA"], modality="planned", coder_version="test")


def _coded(article: Article, events: list[Event]) -> CodedArticle:
    return CodedArticle(article=article, events=events, sentences=[[0, 120], [121, len(article.text)]],
                        actors=[ActorMention(0, 20, "North Korean leader", "PRKGOV", "PRK", ["GOV"])],
                        quotes=[Quote(0, 50, "x", 0, 10, "indirect", speaker="KCNA", chain=["KCNA"])])


def test_schema_created_with_version(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    tables = {r[0] for r in store.query("SELECT table_name FROM information_schema.tables")}
    assert {"articles", "rejects", "sentences", "actor_mentions", "quotes", "events", "event_clusters",
            "time_expressions", "places", "coded_events", "asserted_events"} <= tables


def test_newer_schema_is_refused(tmp_path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as s:
        s.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 999"):
        Store(path)


def test_same_article_stored_once(store: Store) -> None:
    a = Article(text=STORY * 2, published="2024-12-29")
    rewrapped = Article(text=(STORY * 2).replace(" ", "  \n"), published="2024-12-29", id="other-id")
    first = store.add_articles([a, a])
    again = store.add_articles([rewrapped])
    assert (first.stored, first.duplicates) == (1, 1)
    assert (again.stored, again.duplicates) == (0, 1)
    assert store.count("articles") == 1


def test_syndicated_copy_linked_not_double_counted(store: Store) -> None:
    original = Article(text=STORY * 3, outlet="Yonhap")
    copy = Article(text="SEOUL (Wire) -- " + STORY * 3 + " Copyright 2024.", outlet="Other")
    unrelated = Article(text="The central bank held interest rates steady on Thursday, citing slowing inflation. " * 4)
    res = store.add_articles([original, copy, unrelated])
    assert res.stored == 3 and res.near_duplicates == 1
    assert store.article(copy.id).near_duplicate_of == original.id
    assert store.article(unrelated.id).near_duplicate_of is None


def test_event_round_trip_and_recoding_replaces_rows(store: Store) -> None:
    a = Article(text=STORY * 2, published="2024-12-29", outlet="Yonhap")
    ev = _event(a.id)
    assert store.add_coded([_coded(a, [ev])]).events == 1
    assert store.events_list() == [ev]
    ev2 = _event(a.id, code="1121")
    store.add_coded([_coded(a, [ev2])])
    assert [e.code for e in store.events_list()] == ["1121"]
    assert store.count("actor_mentions") == 1 and store.count("quotes") == 1 and store.count("sentences") == 2
    assert store.query("SELECT coder_version FROM articles")[0][0] == "test"


def test_failed_batch_keeps_previous_rows(store: Store, monkeypatch) -> None:
    a = Article(text=STORY * 2, published="2024-12-29")
    store.add_coded([_coded(a, [_event(a.id)])])
    original_insert = store._insert

    def failing(table, rows):
        if table == "events":
            raise RuntimeError("disk full")
        original_insert(table, rows)

    monkeypatch.setattr(store, "_insert", failing)
    with pytest.raises(StoreError, match="previous rows kept"):
        store.add_coded([_coded(a, [_event(a.id, code="190")])])
    monkeypatch.undo()
    assert [e.code for e in store.events_list()] == ["0311"]
    assert store.count("actor_mentions") == 1


def test_rejects_recorded(store: Store) -> None:
    store.add_rejects([Reject("junk.bin", "binary content", None), Reject("feed.jsonl", "bad JSON", "line 3")])
    assert store.query("SELECT input, record, reason FROM rejects ORDER BY input") == [
        ("feed.jsonl", "line 3", "bad JSON"), ("junk.bin", None, "binary content")]


def test_near_copies_in_later_batches(store: Store) -> None:
    # Regression: looking up a stored candidate's text must not leave a result open for the next insert.
    for i in range(3):
        res = store.add_articles([Article(text=f"PARIS ({i}) -- " + STORY * 3)])
        assert res.stored == 1 and res.near_duplicates == (1 if i else 0)
    assert store.count("articles") == 3


def test_batch_mixing_new_and_recoded_articles(store: Store) -> None:
    old = Article(text=STORY * 2, published="2024-12-29", outlet="Yonhap")
    store.add_coded([_coded(old, [_event(old.id)])])
    store.con.execute("UPDATE articles SET coded_at = TIMESTAMP '2000-01-01 00:00:00'")
    new = Article(text="Japan and India agreed to expand naval exercises in the Indian Ocean next year. " * 3,
                  published="2024-12-30", outlet="Wire")
    res = store.add_coded([_coded(old, [_event(old.id, code="1121")]), _coded(new, [_event(new.id, code="057")])])
    assert (res.articles, res.events, res.duplicates) == (2, 2, 0)
    assert sorted(e.code for e in store.events_list()) == ["057", "1121"]
    assert store.count("actor_mentions") == 2 and store.count("sentences") == 4
    stamps = store.query("SELECT id, coded_at > TIMESTAMP '2000-01-02 00:00:00' FROM articles")
    assert all(fresh for _, fresh in stamps), stamps


def test_writer_connection_is_bounded(store: Store, tmp_path) -> None:
    setting = dict(store.query("SELECT name, value FROM duckdb_settings() "
                               "WHERE name IN ('threads', 'checkpoint_threshold', 'memory_limit')"))
    assert setting["threads"] == "1"
    assert setting["checkpoint_threshold"].startswith("4.0 MiB")
    assert setting["memory_limit"].endswith("MiB")  # the store_memory_mb setting, not a share of RAM
    Store(tmp_path / "r.duckdb").close()
    with Store(tmp_path / "r.duckdb", read_only=True) as reader:  # readers keep DuckDB's defaults
        assert reader.query("SELECT current_setting('memory_limit')")[0][0] != setting["memory_limit"]


def test_committed_batches_survive_a_crash(tmp_path) -> None:
    import subprocess
    import sys
    import textwrap

    path = tmp_path / "crash.duckdb"
    # A writer that commits two batches (more than one checkpoint's worth of WAL), then dies
    # without closing the store: everything committed must be there on reopening.
    script = textwrap.dedent(f"""
        import os
        from eventwire.records import Article, CodedArticle, Event
        from eventwire.store import Store
        s = Store({str(path)!r})
        for b in range(2):
            batch = []
            for i in range(40):
                text = f"Story {{b}}-{{i}}: " + "officials met to discuss the border crossing and trade. " * 200
                a = Article(text=text, id=f"a{{b}}-{{i}}", published="2024-12-29")
                ev = Event(doc_id=a.id, sentence_index=0, sentence=text[:80], source="USAGOV", target="CHNGOV",
                           code="040", date="2024-12-29")
                batch.append(CodedArticle(article=a, events=[ev], sentences=[[0, 80]]))
            s.add_coded(batch)
        os._exit(1)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    with Store(path) as s:
        assert s.count("articles") == 80 and s.count("events") == 80 and s.count("sentences") == 80


def test_writer_reopens_its_connection_and_keeps_everything(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_STORE_REOPEN_ARTICLES", "2")
    with Store(tmp_path / "re.duckdb") as s:
        first = s.con
        for i in range(5):
            art = Article(text=f"Report {i}: " + STORY, id=f"re-{i}", published="2024-12-29")
            s.add_coded([_coded(art, [_event(art.id)])])
        assert s.con is not first  # reopened after the 2nd and 4th article
        assert s.query("SELECT count(*) FROM articles")[0][0] == 5
        assert s.query("SELECT count(*) FROM events")[0][0] == 5
        assert s.query("SELECT current_setting('threads')")[0][0] == 1  # the writer's bounds again


def test_in_memory_store_is_never_reopened(monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_STORE_REOPEN_ARTICLES", "1")
    with Store(":memory:") as s:
        first = s.con
        art = Article(text=STORY, id="mem-1", published="2024-12-29")
        s.add_coded([_coded(art, [_event(art.id)])])
        assert s.con is first
        assert s.query("SELECT count(*) FROM events")[0][0] == 1
