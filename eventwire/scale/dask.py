"""The Dask engine: code a corpus on a cluster, one Parquet partition per batch of articles.

The client streams the inputs (nothing is loaded whole), cuts them into partitions of
``partition_size`` articles and submits a bounded number at a time. Each worker loads the spaCy
pipeline once (per process) and writes its partition's events and articles as Parquet files with
exactly the store's columns, which DuckDB (``read_parquet``), pandas, Dask and ``Store.load_parquet``
read directly. With no scheduler address a local cluster is started.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..records import Article, Reject

__all__ = ["DaskResult", "code_with_dask", "code_partition"]


@dataclass
class DaskResult:
    partitions: int = 0
    articles: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)


def code_partition(articles: list[dict[str, Any]], out_dir: str, index: int, model: str | None = None,
                   fast: bool | None = None) -> tuple[int, int]:
    """Code one partition on a worker and write ``events/part-N.parquet`` and ``articles/part-N.parquet``.

    Returns (articles, events). Runs in the worker process: the pipeline is cached there.
    """
    from ..nlp.pipeline import get_nlp
    from ..process import process
    from ..store import Store

    nlp = get_nlp(model, fast)
    coded = list(process([Article.from_dict(a) for a in articles], nlp=nlp))
    with Store(":memory:") as mem:
        mem.add_coded(coded, dedup=False)
        for table in ("events", "articles"):
            target = Path(out_dir) / table
            target.mkdir(parents=True, exist_ok=True)
            tmp = target / f".part-{index:06d}.parquet.tmp"
            mem.con.execute(f"COPY (SELECT * FROM {table}) TO '{tmp}' (FORMAT PARQUET)")
            os.replace(tmp, target / f"part-{index:06d}.parquet")  # readers never see half a file
        n_events = mem.count("events")
    return len(coded), n_events


def _partitions(items: Iterable[Article | Reject], size: int, rejects: list[Reject]) -> Iterator[list[dict]]:
    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Reject):
                rejects.append(item)
            else:
                yield item

    it = articles()
    while part := list(islice(it, size)):
        yield [a.to_dict() for a in part]


def code_with_dask(items: Iterable[Article | Reject], out_dir: str | Path, scheduler: str | None = None,
                   workers: int = 2, partition_size: int = 200, model: str | None = None,
                   fast: bool | None = None) -> DaskResult:
    """Code ``items`` (from ``ingest.read_inputs``) on a Dask cluster into Parquet under ``out_dir``."""
    from distributed import Client, LocalCluster

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = DaskResult()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        n_slots = max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        for index, part in enumerate(_partitions(items, partition_size, result.rejects)):
            pending.append(client.submit(code_partition, part, str(out), index, model, fast, pure=False))
            result.partitions += 1
            if len(pending) >= 2 * n_slots:
                a, e = pending.popleft().result()
                result.articles += a
                result.events += e
        while pending:
            a, e = pending.popleft().result()
            result.articles += a
            result.events += e
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return result
