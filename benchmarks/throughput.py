"""Throughput benchmark: eventwire end to end against spaCy alone, stage shares, memory, workers.

usage: python benchmarks/throughput.py [--corpus FILE.jsonl] [--articles 400] [--rounds 3] [--fast]
                                       [--rss 1000,10000] [--skip-rss] [--only-rss] [--skip-workers]
                                       [--skip-dask]

Prints, in one run:
- words/s of spaCy alone (the same pipeline components, same texts, nlp.pipe) and of eventwire
  end to end (process() + writing to a DuckDB store) on one core, in --rounds interleaved rounds,
  and their ratio: the median over rounds of the wall-clock ratio and of the CPU-time ratio (the
  latter holds on a loaded shared machine);
- the share of CPU time of each pipeline component and each eventwire stage;
- peak RSS after the first and after the last article count of --rss (a fresh process streaming a
  generated corpus into a store: it must not grow with the corpus);
- 1 worker vs 2 workers (process_parallel) and the Dask engine with 2 workers.
Without --corpus, a corpus of wire-style articles is generated (seeded, so runs compare).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventwire.records import Article  # noqa: E402

ACTORS = ["North Korea", "South Korea", "the United States", "China", "Russia", "Japan", "Iran", "Israel",
          "Ukraine", "Britain", "France", "Germany", "India", "Pakistan", "Turkey", "Saudi Arabia", "Egypt",
          "the European Union", "NATO", "the United Nations", "Pyongyang", "Washington", "Beijing", "Moscow",
          "Tehran", "Kyiv", "the Kremlin", "the Pentagon", "Hamas", "Hezbollah", "the Houthis", "the Taliban"]
PEOPLE = ["President Joe Biden", "Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Volodymyr Zelensky",
          "Benjamin Netanyahu", "Recep Tayyip Erdogan", "Narendra Modi", "Emmanuel Macron", "Olaf Scholz",
          "Antony Blinken", "Sergei Lavrov", "Wang Yi", "Antonio Guterres"]
EVENTS = [
    "{a} accused {b} of breaking the truce along the border",
    "{a} imposed new sanctions on {b} over its weapons program",
    "{a} held talks with {b} on trade and security",
    "{a} fired two ballistic missiles toward {b}",
    "{a} condemned the attack by {b}",
    "{a} signed a defence cooperation agreement with {b}",
    "{a} urged {b} to return to negotiations",
    "{a} threatened to retaliate against {b}",
    "{a} sent humanitarian aid to {b}",
    "{a} expelled two diplomats from {b}",
    "{a} praised {b} for its role in the talks",
    "{a} rejected the proposal from {b}",
    "{a} and {b} agreed to strengthen military ties",
    "{a} deployed additional troops near the border with {b}",
    "{a} arrested several citizens of {b} on spying charges",
]
FILLER = [
    "The country's economy grew 2.1 percent in the third quarter, according to official figures.",
    "Shares in Asia rose on Monday as investors awaited data on inflation.",
    "The festival drew thousands of visitors to the capital over the weekend.",
    "Officials said the situation remained tense but under control.",
    "The meeting lasted about two hours and was described as frank and constructive.",
    "Analysts said the move was likely to raise tensions in the region.",
    "Heavy rain is expected across the south of the country later this week.",
]
CUES = ["{p} said on Sunday", "the state news agency reported", "officials told reporters", "{p} said in a statement"]


def generate(n: int, seed: int = 11) -> Iterator[Article]:
    rng = random.Random(seed)
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(8, 14)):
            if rng.random() < 0.55:
                a, b = rng.sample(ACTORS + PEOPLE, 2)
                s = rng.choice(EVENTS).format(a=a, b=b)
                if rng.random() < 0.4:
                    s = f"{s}, {rng.choice(CUES).format(p=rng.choice(PEOPLE))}"
                sentences.append(s[0].upper() + s[1:] + ".")
            else:
                sentences.append(rng.choice(FILLER))
        paras = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        yield Article(text="\n\n".join(paras), id=f"bench-{i:06d}", published="2024-12-29", outlet="Bench Wire")


def read_corpus(path: str, n: int) -> list[Article]:
    from eventwire.ingest import extract

    out = []
    for art in extract(path):
        out.append(art)
        if len(out) >= n:
            break
    return out


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def bench_single(articles: list[Article], fast: bool, rounds: int = 3, chunk: int = 64) -> None:
    """spaCy alone vs eventwire end to end on one core, interleaved.

    The machine may be shared: a wall-clock ratio from one pair of runs moves with the other jobs'
    load. So each of ``rounds`` rounds runs both over the corpus, alternating every ``chunk``
    articles (and which goes first), and the median ratio over rounds is reported, together with the
    ratio of CPU time (``time.process_time`` of this process: what the work itself cost).
    """
    from eventwire.nlp.pipeline import load_pipeline
    from eventwire.process import process
    from eventwire.store import Store

    n_words = words(articles)
    spacy_only = load_pipeline(fast=fast, eventwire=False)
    texts = [a.text for a in articles]
    list(spacy_only.pipe(texts[:20]))  # warm up
    nlp = load_pipeline(fast=fast)
    with Store(os.path.join(tempfile.mkdtemp(), "warm.duckdb")) as warm:  # one-off imports of a first write
        warm.add_coded(list(process(articles[:20], nlp=nlp)))
    ew = nlp.get_pipe("eventwire")

    def run_spacy(part: list[str]) -> tuple[float, float]:
        t, c = time.perf_counter(), time.process_time()
        for _ in spacy_only.pipe(part, batch_size=32):
            pass
        return time.perf_counter() - t, time.process_time() - c

    def run_eventwire(part: list[Article], store: Store) -> tuple[float, float, float, int]:
        t, c = time.perf_counter(), time.process_time()
        coded = list(process(part, nlp=nlp))
        c_store = time.process_time()
        for k in range(0, len(coded), 64):
            store.add_coded(coded[k:k + 64])
        end = time.process_time()
        return time.perf_counter() - t, end - c, end - c_store, sum(len(x.events) for x in coded)

    print(f"corpus               {len(articles)} articles, {n_words:,} words, profile {'fast' if fast else 'default'}"
          f" ({', '.join(spacy_only.pipe_names)}); {rounds} rounds, interleaved every {chunk} articles")
    walls, cpus, stores, n_events = [], [], [], 0
    for r in range(rounds):
        s_wall = s_cpu = e_wall = e_cpu = w_cpu = 0.0
        n_events = 0
        with Store(os.path.join(tempfile.mkdtemp(), "t.duckdb")) as store:
            for k, lo in enumerate(range(0, len(articles), chunk)):
                part = articles[lo:lo + chunk]
                order = ("spacy", "eventwire") if (r + k) % 2 == 0 else ("eventwire", "spacy")
                for which in order:
                    if which == "spacy":
                        w, c = run_spacy([a.text for a in part])
                        s_wall, s_cpu = s_wall + w, s_cpu + c
                    else:
                        w, c, c_store, n = run_eventwire(part, store)
                        e_wall, e_cpu, w_cpu, n_events = e_wall + w, e_cpu + c, w_cpu + c_store, n_events + n
        walls.append(s_wall / e_wall)
        cpus.append(s_cpu / e_cpu)
        stores.append(s_cpu / (e_cpu - w_cpu))
        print(f"  round {r + 1}: spaCy alone {n_words / s_wall:,.0f} words/s (cpu {n_words / s_cpu:,.0f}), "
              f"eventwire {n_words / e_wall:,.0f} words/s (cpu {n_words / e_cpu:,.0f}, of which store writes "
              f"{100 * w_cpu / e_cpu:.1f} %); ratio wall {walls[-1]:.2f}, cpu {cpus[-1]:.2f}", flush=True)
    print(f"eventwire end to end {n_events} events a round, store writes included")
    print(f"ratio eventwire/spaCy median of {rounds}: wall {_median(walls):.2f} "
          f"(min {min(walls):.2f}, max {max(walls):.2f}); cpu {_median(cpus):.2f} "
          f"(min {min(cpus):.2f}, max {max(cpus):.2f}); cpu without store writes {_median(stores):.2f}")
    # Shares of CPU time: each spaCy component, then each eventwire stage, over the same docs.
    docs = [nlp.make_doc(x) for x in texts]
    shares: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        if name == "eventwire":
            continue
        c = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        shares[name] = time.process_time() - c
    for name, stage in ew.stages:
        c = time.process_time()
        docs = [stage(d) for d in docs]
        shares[f"eventwire.{name}"] = time.process_time() - c
    for name, enrich in ew.enrichers:
        c = time.process_time()
        for d in docs:
            if d._.events:
                enrich(d, d._.events)
        shares[f"eventwire.{name}"] = time.process_time() - c
    total = sum(shares.values())
    own = sum(sec for name, sec in shares.items() if name.startswith("eventwire."))
    print(f"cpu time shares (one core; eventwire's own stages {100 * own / total:.1f} %, so at most "
          f"{1 - own / total:.2f} of spaCy alone's speed before store writes):")
    for name, sec in shares.items():
        print(f"  {name:28s} {100 * sec / total:5.1f} %")


def bench_rss(points: list[int], fast: bool) -> None:
    code = f"""
import resource, sys, tempfile, os
sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
from throughput import generate
from eventwire.nlp.pipeline import load_pipeline
from eventwire.process import process
from eventwire.store import Store
points = {points!r}
nlp = load_pipeline(fast={fast!r})
db = os.path.join(tempfile.mkdtemp(), 'rss.duckdb')
with Store(db) as store:
    batch = []
    for i, coded in enumerate(process(generate(max(points)), nlp=nlp), 1):
        batch.append(coded)
        if len(batch) >= 64:
            store.add_coded(batch); batch = []
        if i in points:
            print(i, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, flush=True)
    store.add_coded(batch)
"""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    rows = [tuple(map(int, line.split())) for line in out.splitlines() if line.strip()]
    for n, mb in rows:
        print(f"peak RSS after {n:>6,} articles: {mb} MB")
    if len(rows) >= 2:
        print(f"RSS growth first->last: {100 * (rows[-1][1] - rows[0][1]) / rows[0][1]:+.1f} % "
              f"({time.perf_counter() - t:.0f} s)")


def bench_workers(articles: list[Article], fast: bool, dask: bool) -> None:
    from eventwire.nlp.pipeline import get_nlp
    from eventwire.process import process
    from eventwire.scale import ParallelCoder

    n_words = words(articles)
    rates = {}
    nlp = get_nlp(None, fast)
    list(process(articles[:4], nlp=nlp))
    t = time.perf_counter()
    n = sum(len(c.events) for c in process(articles, nlp=nlp))
    rates[1] = n_words / (time.perf_counter() - t)
    print(f"1 worker             {rates[1]:,.0f} words/s ({n} events, in-process)")
    with ParallelCoder(2, fast=fast) as coder:
        coder.warm_up()
        t = time.perf_counter()
        n = sum(len(c.events) for c in coder.process(articles))
        rates[2] = n_words / (time.perf_counter() - t)
    print(f"2 workers            {rates[2]:,.0f} words/s ({n} events, worker processes, models loaded)")
    print(f"speed-up 2 vs 1      {rates[2] / rates[1]:.2f}x")
    if dask:
        from eventwire.scale.dask import code_with_dask

        out = tempfile.mkdtemp()
        t = time.perf_counter()
        res = code_with_dask(articles, out, workers=2, partition_size=max(1, len(articles) // 8), fast=fast)
        sec = time.perf_counter() - t
        print(f"dask, 2 workers      {n_words / sec:,.0f} words/s ({res.events} events, {res.partitions} partitions,"
              f" cluster start and model loads included)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help="JSONL (or any input eventwire reads) instead of the generated corpus")
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved spaCy-alone / eventwire rounds (median)")
    ap.add_argument("--fast", action="store_true", help="the fast profile (no statistical NER)")
    ap.add_argument("--rss", default="1000,10000")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument("--only-rss", action="store_true", help="only the memory measurement")
    ap.add_argument("--skip-workers", action="store_true")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--save-corpus", help="write the generated corpus as JSONL and exit")
    args = ap.parse_args()
    if args.save_corpus:
        with open(args.save_corpus, "w") as fh:
            for a in generate(args.articles):
                fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n")
        return
    if args.only_rss:
        bench_rss([int(x) for x in args.rss.split(",")], args.fast)
        return
    articles = read_corpus(args.corpus, args.articles) if args.corpus else list(generate(args.articles))
    bench_single(articles, args.fast, max(1, args.rounds))
    if not args.skip_rss:
        bench_rss([int(x) for x in args.rss.split(",")], args.fast)
    if not args.skip_workers:
        bench_workers(articles, args.fast, not args.skip_dask)
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
