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
from typing import TYPE_CHECKING

from .. import settings
from ..records import Article, CodedArticle

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["default_workers", "process_parallel", "ParallelCoder", "recycle_articles"]

_CONFIG: dict[str, object] = {}
# A worker is replaced by a fresh process after coding about this many articles (setting
# ``worker_recycle_articles``; 0 = never). spaCy's vocabulary keeps every new word form it meets
# (about 300 bytes each, ~100,000 new strings per 10,000 real news articles) and never shrinks;
# a fresh worker starts from the model's vocabulary. Reloading costs one model load (a few
# seconds) per worker per recycle, well under 1 % of the coding time of that many articles.
RECYCLE_ARTICLES = 5000


def default_workers() -> int:
    """The ``workers`` setting, or one per core the process may use."""
    n = int(settings.get("workers"))
    if n > 0:
        return n
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def recycle_articles() -> int:
    """Articles a worker codes before it is replaced (0: never)."""
    return max(0, int(settings.get("worker_recycle_articles")))


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
                 batch_size: int | None = None, chunk_size: int = 16, recycle: int | None = None) -> None:
        """``recycle``: articles each worker codes, on average, before the pool is replaced by fresh
        processes (default: the ``worker_recycle_articles`` setting; 0 = never), so a long run's
        memory stays flat."""
        self.workers = workers or default_workers()
        self.chunk_size = chunk_size
        batch = batch_size or int(settings.get("batch_size"))
        self.recycle = recycle_articles() if recycle is None else recycle
        self._coded = 0  # articles sent to the current pool
        self._initargs = (model, fast, min(batch, chunk_size))
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn: a clean interpreter per worker (fork would copy the caller's DuckDB handles and threads).
        # Recycling is done here, not with max_tasks_per_child, which deadlocks on Python 3.11-3.13
        # (CPython issue gh-115634).
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=self._initargs)

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
            if self.recycle and self._coded >= self.recycle * self.workers:
                # Fresh workers: drain what is in flight (input order is kept), then replace the pool.
                while pending:
                    yield from pending.popleft().result()
                self.pool.shutdown(wait=True)
                self.pool = self._start()
                self._coded = 0
            pending.append(self.pool.submit(_code_chunk, chunk))
            self._coded += len(chunk)
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
        yield from _in_process(chain(head, it), model, fast, batch_size, recycle_articles())
        return
    with ParallelCoder(workers, model, fast, batch_size, chunk_size) as coder:
        yield from coder.process(chain(head, it))


def _load(model: str | None, fast: bool | None, fresh: bool) -> Language:
    from ..nlp.pipeline import get_nlp

    if fresh:
        get_nlp.cache_clear()  # the old pipeline (and its grown vocabulary) goes once nothing holds it
    return get_nlp(model, fast)


def _in_process(articles: Iterable[Article], model: str | None, fast: bool | None, batch_size: int | None,
                recycle: int) -> Iterator[CodedArticle]:
    """Code in this process, reloading the pipeline every ``recycle`` articles (0: never), for the
    same reason workers are recycled."""
    from ..process import process

    it = iter(articles)
    first = True
    while head := list(islice(it, 1)):  # segments stay lazy: articles are read as they are coded
        segment = chain(head, islice(it, recycle - 1) if recycle else it)
        yield from process(segment, nlp=_load(model, fast, fresh=not first), batch_size=batch_size)
        first = False
