"""Analyst queries over the store: filters, dedup clusters, dyad series, networks, exports, CLI."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.errors import ConfigError
from eventwire.records import Article, CodedArticle, Event
from eventwire.store import Store
from eventwire.store.export import GDELT_COLUMNS

LAUNCH = [
    ("Yonhap", "North Korea fired a ballistic missile into the sea off its east coast on Sunday, the military said."),
    ("KBS", "Pyongyang launched a short-range ballistic missile toward the East Sea early Sunday, officials said."),
    ("AP", "The North test-fired a ballistic missile that flew about 600 km before landing in waters off the coast."),
]


def _ev(doc_id: str, sentence: str, code: str, source: str, target: str | None, day: str, gs: float, quad: int,
        modality: str = "asserted", negated: bool = False) -> Event:
    return Event(doc_id=doc_id, sentence_index=0, sentence=sentence, source=source, target=target, code=code,
                 goldstein=gs, quad_class=quad, date=day, modality=modality, negated=negated,
                 source_name="North Korea" if source.startswith("PRK") else None,
                 evidence={"source": [0, 5], "target": None, "trigger": [6, 11]}, coder_version="t")


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "q.duckdb"
    with Store(path) as s:
        batch = []
        for i, (outlet, text) in enumerate(LAUNCH):
            art = Article(text=text + f" Story {i} of the launch.", outlet=outlet, published="2024-12-29",
                          url=f"http://example.org/{i}")
            batch.append(CodedArticle(article=art, events=[_ev(art.id, text, "190", "PRKMIL", "KOR", "2024-12-29",
                                                               -10.0, 4)]))
        art = Article(text="North Korea fired artillery shells near Yeonpyeong island. The US condemned it.",
                      outlet="Yonhap", published="2024-12-29")
        batch.append(CodedArticle(article=art, events=[
            _ev(art.id, "North Korea fired artillery shells near Yeonpyeong island.", "190", "PRKMIL", "KOR",
                "2024-12-29", -10.0, 4),
            _ev(art.id, "The US condemned it.", "111", "USAGOV", "PRKGOV", "2024-12-30", -2.0, 3),
            _ev(art.id, "The US vowed to hold talks with North Korea.", "036", "USAGOV", "PRKGOV", "2025-01-02",
                4.0, 1, modality="planned"),
            _ev(art.id, "North Korea did not meet US envoys.", "043", "PRKGOV", "USAGOV", "2025-01-03", 2.8, 1,
                negated=True),
        ]))
        s.add_coded(batch)
        yield s


def test_dedup_clusters_in_store(store: Store) -> None:
    rows = store.query("SELECT n_mentions, n_articles, n_outlets FROM event_clusters WHERE root = '19' "
                       "ORDER BY n_mentions DESC")
    assert rows == [(3, 3, 3), (1, 1, 1)]
    assert store.query("SELECT count(DISTINCT cluster_id) FROM events")[0][0] == 5
    assert store.query("SELECT count(*) FROM events WHERE cluster_id IS NULL")[0][0] == 0


def test_event_filters(store: Store) -> None:
    assert len(store.events()) == 6  # negated left out by default
    assert len(store.events(include_negated=True)) == 7
    assert set(store.events(source="USA")["code"]) == {"111", "036"}
    assert list(store.events(dyad="USA-PRK", modality="asserted")["code"]) == ["111"]
    assert list(store.events(code="11")["source"]) == ["USAGOV"]
    assert len(store.events(since="2024-12-30", until="2024-12-31")) == 1
    assert store.events(arrow=True).num_rows == 6
    with pytest.raises(ConfigError):
        store.events(modality="rumoured")
    with pytest.raises(ConfigError):
        store.events(dyad="PRK")


def test_dyad_counts_each_event_once(store: Store) -> None:
    df = store.dyad("PRK", "KOR", freq="day")
    assert list(df["direction"]) == ["PRK->KOR"]
    assert int(df["events"][0]) == 2 and int(df["material_conflict"][0]) == 2
    assert float(df["goldstein_sum"][0]) == -20.0
    both = store.dyad("USA", "PRK", freq="month", modality=None)
    assert set(both["direction"]) == {"USA->PRK"}  # the negated PRK->USA event is not counted
    with pytest.raises(ConfigError):
        store.dyad("USA", "PRK", freq="fortnight")


def test_network(store: Store) -> None:
    net = store.network()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("PRK", "KOR")]["events"] == 2 and edges[("USA", "PRK")]["events"] == 1
    assert {n["id"] for n in net["nodes"]} == {"PRK", "KOR", "USA"}
    actor = store.network(level="actor")
    assert ("USAGOV", "PRKGOV") in {(e["source"], e["target"]) for e in actor["edges"]}


def test_exports(store: Store, tmp_path) -> None:
    assert store.export("parquet", tmp_path / "pq") == 7
    months = sorted(p.name for p in (tmp_path / "pq").iterdir())
    assert months == ["month=2024-12", "month=2025-01"]
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/*/*.parquet')").fetchall()[0][0] == 7
    assert store.export("csv", tmp_path / "e.csv") == 7
    with open(tmp_path / "e.csv") as fh:
        assert len(list(csv.DictReader(fh))) == 7
    assert store.export("gdelt", tmp_path / "g.tsv") == 7
    lines = (tmp_path / "g.tsv").read_text().splitlines()
    row = dict(zip(GDELT_COLUMNS, lines[0].split("\t"), strict=True))
    assert len(GDELT_COLUMNS) == 61
    assert row["SQLDATE"] == "20241229" and row["EventRootCode"] == "19" and row["Actor1CountryCode"] == "PRK"
    assert row["Actor1Type1Code"] == "MIL" and row["QuadClass"] == "4" and row["NumMentions"] in ("1", "3")
    with pytest.raises(ConfigError):
        store.export("xlsx", tmp_path / "x")


def test_analysis_cli(store: Store, tmp_path) -> None:
    db = store.path
    store.close()
    run = CliRunner().invoke
    res = run(app, ["events", "--db", db, "--source", "USA", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    assert {json.loads(line)["code"] for line in res.stdout.splitlines()} == {"111", "036"}
    res = run(app, ["dyad", "PRK", "KOR", "--db", db, "--freq", "day", "--format", "csv"])
    assert res.exit_code == 0 and "PRK->KOR" in res.stdout
    res = run(app, ["network", "--db", db, "--format", "graphml"])
    assert res.exit_code == 0 and "<graphml" in res.stdout and 'source="PRK"' in res.stdout
    for args in (["plot", "dyad", "PRK", "KOR", "-o", str(tmp_path / "d.png")],
                 ["plot", "network", "-o", str(tmp_path / "n.png")]):
        res = run(app, [*args, "--db", db])
        assert res.exit_code == 0, res.output
    assert (tmp_path / "d.png").read_bytes()[:4] == b"\x89PNG" and (tmp_path / "n.png").stat().st_size > 10_000
    res = run(app, ["export", str(tmp_path / "out.tsv"), "--format", "gdelt", "--db", db])
    assert res.exit_code == 0 and len((tmp_path / "out.tsv").read_text().splitlines()) == 7
    assert run(app, ["events", "--db", str(tmp_path / "missing.duckdb")]).exit_code == 1
    assert run(app, ["dyad", "PRK", "KOR", "--db", db, "--freq", "fortnight"]).exit_code == 2


def test_recoding_removes_stale_clusters_and_batches_stay_local(store: Store) -> None:
    before = {r[0] for r in store.query("SELECT cluster_id FROM event_clusters")}
    art = Article(text="Much later, North Korea fired another missile into the sea off its coast. Story far.",
                  outlet="Yonhap", published="2025-06-01")
    store.add_coded([CodedArticle(article=art, events=[_ev(art.id, art.text, "190", "PRKMIL", "KOR", "2025-06-01",
                                                           -10.0, 4)])])
    after = {r[0] for r in store.query("SELECT cluster_id FROM event_clusters")}
    assert before < after and len(after - before) == 1  # far-away clusters untouched, one new
    shelling = store.query("SELECT doc_id FROM events WHERE code = '111'")[0][0]
    stored = store.article(shelling)
    store.add_coded([CodedArticle(article=stored, events=[])])  # re-coded: its events are gone
    left = store.query("SELECT count(*) FROM event_clusters c WHERE NOT EXISTS "
                       "(SELECT 1 FROM events e WHERE e.cluster_id = c.cluster_id)")[0][0]
    assert left == 0
    assert store.query("SELECT count(*) FROM event_clusters")[0][0] == len(after) - 4
