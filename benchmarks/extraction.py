"""Benchmark article-body extraction on the scrapinghub article-extraction-benchmark layout.

    .venv/bin/python benchmarks/extraction.py DIR [--baseline] [--limit N] [--verbose]

DIR holds ``html/<sha256>.html.gz`` pages and ``ground-truth.json`` ({sha256: {"articleBody", "url"}}).
Each page goes through ``eventwire.ingest.parse_html`` (``--baseline``: bare ``trafilatura.extract``
with its defaults, for comparison). The metric is the benchmark's own: the text is split into word
tokens (``\\w+``), 4-token shingles are counted, and per page tp/fp/fn (shingle multiset overlap) are
normalised to sum to 1; precision is averaged over pages with a prediction, recall over pages with
gold text, F1 is the harmonic mean of the two averages, and accuracy is the share of pages whose
shingles match the gold exactly (fp = fn = 0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle overlap of one page, normalised so that long pages do not weigh more."""
    true, found = shingles(gold), shingles(pred)
    tp = fp = fn = 0.0
    for key in true.keys() | found.keys():
        t, p = true.get(key, 0), found.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def metrics(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "accuracy": statistics.mean(1.0 if c[1] == c[2] == 0 else 0.0 for c in counts),
    }


def _eventwire(html: bytes, url: str | None) -> str:
    from eventwire.errors import InputError
    from eventwire.ingest import parse_html

    try:
        return parse_html(html, url=url).text
    except InputError:
        return ""


def _baseline(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="benchmark folder (html/*.html.gz + ground-truth.json)")
    parser.add_argument("--baseline", action="store_true", help="score bare trafilatura.extract instead")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--verbose", action="store_true", help="list the ten worst pages")
    args = parser.parse_args(argv)

    gold = json.loads((args.dir / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[: args.limit or None]
    run = _baseline if args.baseline else _eventwire
    counts: list[tuple[float, float, float]] = []
    worst: list[tuple[float, str, str]] = []
    started = time.perf_counter()
    for key in keys:
        html = gzip.decompress((args.dir / "html" / f"{key}.html.gz").read_bytes())
        page = tp_fp_fn(gold[key].get("articleBody", ""), run(html, gold[key].get("url")))
        counts.append(page)
        worst.append((page[0], key, gold[key].get("url", "")))
    elapsed = time.perf_counter() - started
    m = metrics(counts)
    name = "trafilatura.extract (defaults)" if args.baseline else "eventwire.ingest.parse_html"
    print(f"{name}: {len(keys)} pages, {elapsed / max(1, len(keys)) * 1000:.0f} ms/page")
    if args.verbose:
        for share, key, url in sorted(worst)[:10]:
            print(f"  tp share {share:.3f}  {key[:12]}  {url}")
    print(f"precision {m['precision']:.4f} recall {m['recall']:.4f} f1 {m['f1']:.4f} accuracy {m['accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
