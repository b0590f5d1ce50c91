"""The middle of the chain: articles in, coded articles out. The CLI, the web API, the watcher and
the Dask engine all call ``process``; none re-implements a stage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.language import Language

from . import settings
from .nlp.pipeline import get_nlp, make_doc
from .records import ActorMention, Article, CodedArticle, Event, Place, Quote, TimeExpression

__all__ = ["process", "code_text", "analyze_text"]


def _check_date(published: str | date | None) -> str | None:
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return published.isoformat()
    return date.fromisoformat(str(published)[:10]).isoformat()


def process(articles: Iterable[Article], nlp: Language | None = None,
            batch_size: int | None = None) -> Iterator[CodedArticle]:
    """Code each article (lazily, in spaCy batches) and yield what was found in it.

    Each run of ``ZONE_ARTICLES`` articles is parsed inside a spaCy memory zone: the word forms it
    adds to the vocabulary are freed when it ends, so a long run's memory does not grow with the
    number of distinct words it has met. The zone closes before its records are handed out (they
    hold plain values, no spaCy objects), so the caller may use the pipeline between them."""
    nlp = nlp or get_nlp()
    batch_size = batch_size or settings.get("batch_size")
    it = iter(articles)
    while chunk := list(islice(it, max(ZONE_ARTICLES, batch_size))):
        with nlp.memory_zone():
            coded = list(_code_chunk(nlp, chunk, batch_size))
        yield from coded


ZONE_ARTICLES = 256  # per zone: re-adding the word forms a zone freed costs a little at each start


def _code_chunk(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[CodedArticle]:
    docs = (make_doc(nlp, a.text, doc_id=a.id, published=a.published, outlet=a.outlet) for a in articles)
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield CodedArticle(
            article=article,
            actors=list(doc._.actors or []),
            events=list(doc._.events or []),
            quotes=list(doc._.quotes or []),
            times=list(doc._.times or []),
            places=list(doc._.places or []),
            sentences=[[sent.start_char, sent.end_char] for sent in doc.sents],
        )


def analyze_text(text: str, published: str | date | None = None, outlet: str | None = None,
                 doc_id: str | None = None) -> CodedArticle:
    """Code one piece of text (one article's body) and return everything found."""
    article = Article(text=text, published=_check_date(published), outlet=outlet, id=doc_id or "")
    return next(process([article]))


def code_text(text: str, published: str | date | None = None) -> list[Event]:
    """The events in ``text``, dated against ``published`` (ISO date)."""
    return analyze_text(text, published).events


def find_actors(text: str, published: str | date | None = None) -> list[ActorMention]:
    return analyze_text(text, published).actors


def resolve_dates(text: str, published: str | date | None) -> list[TimeExpression]:
    return analyze_text(text, published).times


def find_places(text: str, published: str | date | None = None) -> list[Place]:
    return analyze_text(text, published).places


def find_quotes(text: str, published: str | date | None = None, outlet: str | None = None) -> list[Quote]:
    return analyze_text(text, published, outlet=outlet).quotes
