"""Store benchmark: load N synthetic events, then time the analyst queries.

usage: python benchmarks/store.py [--events 1000000] [--db PATH] [--recluster]
       python benchmarks/store.py --rss [--articles 1000,10000] [--no-dedup]

Reports the insert rate (events/s through Store.add_coded, in batches, as the coder writes them),
the DuckDB file size, and the time of a dyad series, a network query and a filtered event list
(median of 5 runs each, warm). --recluster also times a full deduplication pass.

--rss stores N synthetic coded articles (batches of 64, dedup on, every event on ONE date from a few
dyads: the worst case for per-batch dedup) in a fresh process per N and prints that process's peak
RSS (resource.getrusage), plus the most rows one batch's dedup read into Python.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventwire.records import Article, CodedArticle, Event  # noqa: E402
from eventwire.store import Store  # noqa: E402

COUNTRIES = ["USA", "CHN", "RUS", "PRK", "KOR", "JPN", "IRN", "ISR", "UKR", "GBR", "FRA", "DEU", "IND", "PAK",
             "TUR", "SAU", "EGY", "SYR", "IRQ", "AFG", "YEM", "LBN", "PSE", "VEN", "BRA", "MEX", "NGA", "ETH",
             "SDN", "SOM", "IGO"]
SECTORS = ["GOV", "MIL", "", "COP", "OPP", "MED", "REB"]
CODES = [("010", 0.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("043", 2.8, 1), ("046", 7.0, 1), ("057", 8.0, 1),
         ("061", 6.4, 2), ("071", 7.4, 2), ("0831", 5.0, 2), ("112", -2.0, 3), ("111", -2.0, 3), ("130", -4.4, 3),
         ("138", -7.0, 3), ("141", -6.5, 4), ("150", -7.2, 4), ("163", -8.0, 4), ("173", -5.0, 4), ("190", -10.0, 4),
         ("195", -10.0, 4)]
WORDS = "talks missile border sanctions aid envoy troops summit drills protest ceasefire strike vote deal".split()


def synthetic(n_events: int, per_article: int = 10, seed: int = 7):
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    for a in range(n_events // per_article):
        day = start + timedelta(days=rng.randrange(730))
        art = Article(text=f"synthetic article {a} " + " ".join(rng.choices(WORDS, k=30)), id=f"a{a:08d}",
                      outlet=f"outlet{rng.randrange(50)}", published=day.isoformat())
        events = []
        for i in range(per_article):
            s, t = rng.sample(COUNTRIES, 2)
            code, gs, quad = rng.choice(CODES)
            sentence = f"{s} {code} {t} " + " ".join(rng.choices(WORDS, k=12))
            events.append(Event(doc_id=art.id, sentence_index=i, sentence=sentence, source=s + rng.choice(SECTORS),
                                target=t + rng.choice(SECTORS), code=code, goldstein=gs, quad_class=quad,
                                date=(day - timedelta(days=rng.randrange(3))).isoformat(),
                                evidence={"source": [0, 3], "target": [8, 11], "trigger": [4, 7]},
                                coder_version="bench"))
        yield CodedArticle(article=art, events=events)


def busy_day(n_articles: int, seed: int = 11):
    """Articles all dated one day, three events each from four dyads; event wordings drawn from a
    300-word pool, so some reports of one dyad cluster and most do not."""
    rng = random.Random(seed)
    letters = "bcdfghjklmnprstvz"
    pool = ["".join(rng.choices(letters, k=6)) for _ in range(300)]
    dyads = [("RUSMIL", "UKRMIL", "190"), ("ISRMIL", "PSE", "190"), ("USAGOV", "CHNGOV", "111"),
             ("PRKGOV", "KORGOV", "112")]
    for a in range(n_articles):
        own = " ".join(rng.choices(pool, k=40))  # article text of its own: no syndicated copies
        art = Article(text=f"busy day article {a} {own}", id=f"b{a:08d}", outlet=f"outlet{a % 50}",
                      published="2025-03-01")
        events = []
        for i in range(3):
            s, t, code = rng.choice(dyads)
            events.append(Event(doc_id=art.id, sentence_index=i, sentence=" ".join(rng.choices(pool, k=10)),
                                source=s, target=t, code=code, goldstein=-5.0, quad_class=4, date="2025-03-01",
                                evidence={"source": [0, 3], "target": [8, 11], "trigger": [4, 7]},
                                coder_version="bench"))
        yield CodedArticle(article=art, events=events)


def rss_child(n_articles: int, dedup: bool) -> None:
    """One measurement, in this (fresh) process: peak RSS after storing n_articles."""
    db = os.path.join(tempfile.mkdtemp(), "rss.duckdb")
    t0 = time.perf_counter()
    most = 0
    with Store(db) as store:
        batch: list[CodedArticle] = []
        for coded in busy_day(n_articles):
            batch.append(coded)
            if len(batch) == 64:
                store.add_coded(batch, dedup=dedup)
                most = max(most, store.dedup_rows_read)
                batch = []
        if batch:
            store.add_coded(batch, dedup=dedup)
        clusters = store.count("event_clusters")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n_articles:>7,} articles  peak RSS {peak:6.1f} MB  clusters {clusters:,}  "
          f"max rows read by one batch's dedup {most:,}  ({time.perf_counter() - t0:.0f} s)", flush=True)


def timed(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=None)
    ap.add_argument("--batch", type=int, default=1000, help="articles per transaction")
    ap.add_argument("--recluster", action="store_true")
    ap.add_argument("--rss", action="store_true", help="peak RSS of storing a busy day, per --articles")
    ap.add_argument("--articles", default="1000,10000", help="with --rss: comma-separated article counts")
    ap.add_argument("--no-dedup", action="store_true", help="with --rss: store without dedup")
    ap.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_child:
        rss_child(args.rss_child, not args.no_dedup)
        return
    if args.rss:
        for n in (int(x) for x in args.articles.split(",")):
            cmd = [sys.executable, __file__, "--rss-child", str(n)] + (["--no-dedup"] if args.no_dedup else [])
            subprocess.run(cmd, check=True)
        return
    db = args.db or os.path.join(tempfile.mkdtemp(), "bench.duckdb")
    if os.path.exists(db):
        os.remove(db)
    with Store(db) as store:
        t0 = time.perf_counter()
        batch: list[CodedArticle] = []
        for coded in synthetic(args.events):
            batch.append(coded)
            if len(batch) >= args.batch:
                store.add_coded(batch, dedup=False)
                batch = []
        if batch:
            store.add_coded(batch, dedup=False)
        load = time.perf_counter() - t0
        n = store.count("events")
        store.con.execute("CHECKPOINT")
        size = os.path.getsize(db)
        print(f"events loaded        {n:,}")
        print(f"insert rate          {n / load:,.0f} events/s ({load:.1f} s, batches of {args.batch} articles)")
        print(f"db size              {size / 1e6:,.1f} MB ({size / max(n, 1):.0f} bytes/event)")
        print(f"dyad PRK-USA month   {timed(lambda: store.dyad('PRK', 'USA', freq='month')):.1f} ms (median of 5)")
        print(f"dyad CHN-USA day     {timed(lambda: store.dyad('CHN', 'USA', freq='day')):.1f} ms")
        print(f"network (countries)  {timed(lambda: store.network()):.1f} ms")
        print(f"network 1 month      {timed(lambda: store.network(since='2024-03-01', until='2024-03-31')):.1f} ms")
        print(f"events dyad+code     {timed(lambda: store.events(dyad='RUS-UKR', code='19')):.1f} ms")
        if args.recluster:
            t = time.perf_counter()
            k = store.recluster()
            print(f"recluster all        {time.perf_counter() - t:.1f} s ({k:,} clusters)")


if __name__ == "__main__":
    main()
