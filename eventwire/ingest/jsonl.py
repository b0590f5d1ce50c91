"""JSON Lines (and plain JSON arrays of records): one article a line, ``{"id", "text" or "html", "url", "title", "published", "outlet"}``,
read line by line in constant memory."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError, MalformedRecord
from ..records import Article, Reject
from .detect import STREAM_ERRORS, decode, reject_from
from .html import parse_html
from .text import normalize_date, parse_text

__all__ = ["parse_record", "iter_jsonl", "iter_json", "MAX_LINE_BYTES"]

MAX_LINE_BYTES = 32 * 1024 * 1024
_STRING_FIELDS = ("url", "title", "published", "outlet")


def parse_record(data: Any, *, input_name: str = "<jsonl>", record: str | None = None,
                 published: str | None = None, outlet: str | None = None, url: str | None = None) -> Article:
    """One Article from one decoded JSON object. Raises MalformedRecord or NoArticle."""
    if not isinstance(data, dict):
        raise MalformedRecord(input_name, f"expected a JSON object, got {type(data).__name__}", record)
    text, html = data.get("text"), data.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise MalformedRecord(input_name, "the object has neither a 'text' nor an 'html' string", record)
    for key in _STRING_FIELDS:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise MalformedRecord(input_name, f"'{key}' must be a string", record)
    ident = data.get("id")
    if isinstance(ident, bool) or (ident is not None and not isinstance(ident, str | int)):
        raise MalformedRecord(input_name, "'id' must be a string or an integer", record)
    given_date = data.get("published")
    record_date = normalize_date(given_date)
    if given_date and record_date is None and not published:
        raise MalformedRecord(input_name, f"'published' {given_date!r} is not a date", record)
    fields = {"published": published or record_date, "outlet": outlet or data.get("outlet"),
              "url": url or data.get("url"), "id": str(ident) if ident not in (None, "") else None}
    if isinstance(text, str) and text.strip():
        return parse_text(text, headline=data.get("title"), source_path=input_name, layout=False,
                          source_format="jsonl", record=record, **fields)
    if isinstance(html, str) and html.strip():
        article = parse_html(html, source_path=input_name, source_format="jsonl", record=record, **fields)
        if data.get("title"):
            article.headline = data["title"]
        return article
    raise MalformedRecord(input_name, "'text' and 'html' are empty", record)


def iter_jsonl(stream: BinaryIO, *, input_name: str = "<jsonl>", published: str | None = None,
               outlet: str | None = None, url: str | None = None) -> Iterator[Article | Reject]:
    """Every line of a JSON Lines stream as an Article, or a Reject naming the line and the reason."""
    number = 0
    while True:
        try:
            raw = stream.readline(MAX_LINE_BYTES + 1)
        except STREAM_ERRORS as exc:
            yield Reject(input_name, f"unreadable: truncated or corrupt data after line {number} ({exc})",
                         f"line {number + 1}")
            return
        if not raw:
            return
        number += 1
        where = f"line {number}"
        if len(raw) > MAX_LINE_BYTES:
            yield Reject(input_name, f"malformed: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB", where)
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = stream.readline(MAX_LINE_BYTES)
            continue
        if not raw.strip():
            continue
        try:
            text = decode(raw, input_name, where)
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise MalformedRecord(input_name, f"invalid JSON ({exc.msg} at column {exc.colno})", where) from None
            yield parse_record(data, input_name=input_name, record=where, published=published, outlet=outlet,
                               url=url)
        except InputError as exc:
            yield reject_from(exc)
        except Exception as exc:  # one odd line must not stop the file
            yield reject_from(MalformedRecord(input_name, f"{type(exc).__name__}: {exc}", where))


def iter_json(data: bytes, *, input_name: str = "<json>", published: str | None = None, outlet: str | None = None,
              url: str | None = None) -> Iterator[Article | Reject]:
    """Records of one JSON document: an array of article objects, or a single (pretty-printed) one."""
    try:
        doc = json.loads(decode(data, input_name))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines after all (its first line was too long to sniff)
            yield from iter_jsonl(io.BytesIO(data), input_name=input_name, published=published, outlet=outlet,
                                  url=url)
            return
        yield Reject(input_name, f"malformed: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    except InputError as exc:
        yield reject_from(exc)
        return
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        yield Reject(input_name, "empty: the JSON array holds no records")
    for index, item in enumerate(records, 1):
        where = f"item {index}" if isinstance(doc, list) else None
        try:
            yield parse_record(item, input_name=input_name, record=where, published=published, outlet=outlet, url=url)
        except InputError as exc:
            yield reject_from(exc)
        except Exception as exc:  # one odd record must not stop the file
            yield reject_from(MalformedRecord(input_name, f"{type(exc).__name__}: {exc}", where))
