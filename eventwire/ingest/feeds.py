"""RSS and Atom feeds through feedparser: one Article per entry. The bytes are handed to feedparser
directly, so it never touches the network."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ..errors import InputError, MalformedRecord, NoArticle
from ..records import Article, Reject
from .detect import reject_from
from .html import fragment_to_text
from .text import clean_units, make_article, normalize_date, split_units

__all__ = ["parse_entry", "iter_feed"]


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    for key in ("published", "updated", "dc_date"):
        found = normalize_date(entry.get(key))
        if found:
            return found
    return None


def _entry_body(entry: Any) -> str:
    """The fullest text the entry carries: ``content`` when present, else the summary."""
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(best):
            best = value
    if not best.strip():
        best = entry.get("summary") or entry.get("description") or ""
    return fragment_to_text(best)


def _record(entry: Any, index: int) -> str:
    ident = entry.get("id") or entry.get("link")
    return f"entry {index}" + (f" ({ident})" if ident else "")


def parse_entry(entry: Any, *, feed_title: str | None = None, input_name: str = "<feed>", index: int = 1,
                published: str | None = None, outlet: str | None = None, url: str | None = None,
                feed_language: str | None = None) -> Article:
    """One Article from one feedparser entry. Raises NoArticle when the entry has no text."""
    record = _record(entry, index)
    title = (entry.get("title") or "").strip() or None
    body = _entry_body(entry)
    if not body.strip():
        raise NoArticle(input_name, "the entry has neither content nor summary", record)
    cleaned = clean_units(split_units(body), layout=False, headline=title)
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    return make_article(
        cleaned, input_name=input_name, source_format="feed", record=record,
        url=url or entry.get("link"), outlet=outlet or feed_title, headline=title,
        byline=(entry.get("author") or "").strip() or None, section=tags[0] if tags else None,
        published=normalize_date(published) or _entry_date(entry) or cleaned.published,
        source_path=input_name, declared_language=feed_language,
    )


def iter_feed(data: bytes, *, input_name: str = "<feed>", published: str | None = None,
              outlet: str | None = None, url: str | None = None) -> Iterator[Article | Reject]:
    """Every entry of an RSS/Atom document as an Article (or a Reject for an unusable entry)."""
    parsed = feedparser.parse(data)  # bytes: parsed in memory, never fetched
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"no article: the feed has no entries{f' ({problem})' if problem else ''}"
        yield Reject(input_name, reason)
        return
    feed_title = (parsed.get("feed", {}).get("title") or "").strip() or None
    feed_language = parsed.get("feed", {}).get("language") or None
    for index, entry in enumerate(entries, 1):
        try:
            yield parse_entry(entry, feed_title=feed_title, input_name=input_name, index=index,
                              published=published, outlet=outlet, url=url, feed_language=feed_language)
        except InputError as exc:
            yield reject_from(exc)
        except Exception as exc:  # one odd entry must not stop the feed
            yield reject_from(MalformedRecord(input_name, f"{type(exc).__name__}: {exc}", _record(entry, index)))

