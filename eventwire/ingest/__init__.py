"""Reading news into ``Article`` records from every form it comes in: scraped plain text, HTML
pages, RSS/Atom feeds, WARC/ARC archives and JSON Lines, plain or gzip'd, from files, directories,
globs or stdin. Bad input never raises: it becomes a ``Reject`` and reading goes on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import InputError, UnreadableInput
from ..records import Article, Reject
from .detect import STDIN, decode, expand_inputs, open_input, read_all, reject_from
from .feeds import iter_feed, parse_entry
from .html import parse_html
from .jsonl import iter_json, iter_jsonl, parse_record
from .text import normalize_date, parse_text
from .warc import iter_warc

__all__ = ["read_inputs", "extract", "read_one", "parse_text", "parse_html", "parse_entry", "iter_feed",
           "iter_warc", "iter_jsonl", "iter_json", "parse_record", "normalize_date", "describe_reject"]


def _check_published(published: str | None) -> str | None:
    if published is None or published == "":
        return None
    iso = normalize_date(published)
    if iso is None:
        raise ValueError(f"published={published!r} is not a date (use YYYY-MM-DD)")
    return iso


def read_one(name: str, *, published: str | None = None, outlet: str | None = None,
             url: str | None = None) -> Iterator[Article | Reject]:
    """Articles (and Rejects) from one input path, or ``-`` for stdin."""
    shown = "<stdin>" if name == STDIN else name
    given = {"published": published, "outlet": outlet, "url": url}
    try:
        with open_input(name) as opened:
            if opened.format == "warc":
                yield from iter_warc(opened.stream, input_name=shown, **given)
            elif opened.format == "jsonl":
                yield from iter_jsonl(opened.stream, input_name=shown, **given)
            elif opened.format == "json":
                yield from iter_json(read_all(opened), input_name=shown, **given)
            elif opened.format == "feed":
                yield from iter_feed(read_all(opened), input_name=shown, **given)
            elif opened.format == "html":
                yield parse_html(read_all(opened), source_path=shown, **given)
            else:
                yield parse_text(decode(read_all(opened), shown), source_path=shown, **given)
    except InputError as exc:
        if exc.input == STDIN:
            exc.input = shown
        yield reject_from(exc)
    except Exception as exc:  # the promise: bad data never stops a run; say what happened instead
        yield reject_from(UnreadableInput(shown, f"{type(exc).__name__}: {exc}"))


def read_inputs(inputs: Iterable[str], *, published: str | None = None, outlet: str | None = None,
                url: str | None = None) -> Iterator[Article | Reject]:
    """Every article in ``inputs`` (files, directories (recursive, sorted), globs, ``-`` for stdin),
    lazily and in order, with a Reject for each input or record that could not be read.

    ``published`` (any date form, stored as YYYY-MM-DD), ``outlet`` and ``url`` override what the
    inputs say. Raises ValueError (at once, before reading) only for a ``published`` that is not a date.
    """
    iso = _check_published(published)
    return _read_all(inputs, iso, outlet, url)


def _read_all(inputs: Iterable[str], published: str | None, outlet: str | None,
              url: str | None) -> Iterator[Article | Reject]:
    # a lone path string is one input, not a sequence of one-letter names
    for name in expand_inputs([inputs] if isinstance(inputs, str) else inputs):
        if isinstance(name, Reject):
            yield name
        else:
            yield from read_one(name, published=published, outlet=outlet, url=url)


def extract(*inputs: str, published: str | None = None, outlet: str | None = None, url: str | None = None,
            rejects: list[Reject] | None = None) -> Iterator[Article]:
    """The articles in ``inputs`` (see ``read_inputs``); rejects are appended to ``rejects`` when given."""
    return _articles(read_inputs(inputs, published=published, outlet=outlet, url=url), rejects)


def _articles(items: Iterator[Article | Reject], rejects: list[Reject] | None) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Article):
            yield item
        elif rejects is not None:
            rejects.append(item)


def describe_reject(reject: Reject) -> str:
    """One line naming the input, the record and the reason."""
    where = f" [{reject.record}]" if reject.record else ""
    return f"rejected {reject.input}{where}: {reject.reason}"
