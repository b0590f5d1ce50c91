"""All cores on one machine: worker processes code articles, the caller stays the one writer.

Each worker loads the spaCy pipeline once. Articles go out in small chunks with a bounded number in
flight, and results come back in input order, so memory stays that of a few batches however long
the corpus is, and the output equals the single-process engine's.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice

from .. import settings
from ..records import Article, CodedArticle

__all__ = ["default_workers", "process_parallel", "ParallelCoder"]

_CONFIG: dict[str, object] = {}


def default_workers() -> int:
    """The ``workers`` setting, or one per core the process may use."""
    n = int(settings.get("workers"))
    if n > 0:
        return n
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(model: str | None, fast: bool | None, batch_size: int) -> None:
    _CONFIG.update(model=model, fast=fast, batch_size=batch_size)
    from ..nlp.pipeline import get_nlp

    get_nlp(model, fast)  # load now, not on the first chunk


def _code_chunk(articles: list[Article]) -> list[CodedArticle]:
    from ..nlp.pipeline import get_nlp
    from ..process import process

    nlp = get_nlp(_CONFIG.get("model"), _CONFIG.get("fast"))  # type: ignore[arg-type]
    return list(process(articles, nlp=nlp, batch_size=int(_CONFIG.get("batch_size") or 32)))  # type: ignore[call-overload]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ParallelCoder:
    """A pool of coding worker processes, kept open across calls (the model loads once per worker)."""

    def __init__(self, workers: int | None = None, model: str | None = None, fast: bool | None = None,
                 batch_size: int | None = None, chunk_size: int = 16) -> None:
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        batch = batch_size or int(settings.get("batch_size"))
        # spawn: a clean interpreter per worker (fork would copy the caller's DuckDB handles and threads).
        self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_init_worker, initargs=(model, fast, min(batch, chunk_size)))

    def __enter__(self) -> ParallelCoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def warm_up(self) -> None:
        """Start every worker and load its model now (so timing excludes it)."""
        list(self.pool.map(_noop, range(self.workers)))

    def process(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        pending: deque[Future[list[CodedArticle]]] = deque()
        for chunk in _chunks(articles, self.chunk_size):
            pending.append(self.pool.submit(_code_chunk, chunk))
            if len(pending) >= 2 * self.workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _noop(_: int) -> None:
    time.sleep(0.2)  # long enough that each worker takes one


def process_parallel(articles: Iterable[Article], workers: int | None = None, model: str | None = None,
                     fast: bool | None = None, batch_size: int | None = None,
                     chunk_size: int = 16, small: int = 48) -> Iterator[CodedArticle]:
    """Like ``process()`` but on ``workers`` processes (default: all cores); results in input order.

    An input of at most ``small`` articles is coded in-process: starting workers (each loading the
    model) would cost more than it saves.
    """
    workers = workers or default_workers()
    it = iter(articles)
    head = list(islice(it, small + 1)) if workers > 1 else []
    if workers <= 1 or len(head) <= small:
        from ..nlp.pipeline import get_nlp
        from ..process import process

        yield from process(chain(head, it), nlp=get_nlp(model, fast), batch_size=batch_size)
        return
    with ParallelCoder(workers, model, fast, batch_size, chunk_size) as coder:
        yield from coder.process(chain(head, it))
