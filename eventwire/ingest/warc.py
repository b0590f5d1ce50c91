"""WARC (and ARC) archives through warcio, streamed record by record: every HTML ``response`` record
becomes an Article; requests, metadata, redirects, images and scripts are passed over."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from ..errors import InputError, MalformedRecord
from ..records import Article, Reject
from .detect import STREAM_ERRORS, reject_from
from .html import parse_html

__all__ = ["iter_warc", "HTML_TYPES"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Largest payload read from one record; a bigger "page" is a dump, not an article.
MAX_PAYLOAD = 16 * 1024 * 1024


def iter_warc(stream: BinaryIO, *, input_name: str = "<warc>", published: str | None = None,
              outlet: str | None = None, url: str | None = None) -> Iterator[Article | Reject]:
    """Articles from the HTML responses of a WARC/ARC stream (gzip'd per record or not).

    A record that cannot be turned into an article yields a Reject and reading goes on; a broken
    record header or compression member ends the archive with a Reject (warcio cannot resync).
    """
    records = ArchiveIterator(stream, arc2warc=True)
    seen_html = False
    offset = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # ArchiveLoadFailed, zlib errors, and warcio tripping on odd headers
            yield Reject(input_name, f"malformed: broken WARC record, reading stopped ({exc})",
                         f"after offset {offset}")
            return
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        status = record.http_headers.get_statuscode() or ""
        if not any(t in ctype for t in HTML_TYPES) or not status.startswith("2"):
            continue
        seen_html = True
        target = record.rec_headers.get_header("WARC-Target-URI")
        try:
            payload = record.content_stream().read(MAX_PAYLOAD)
            error = None
        except (*STREAM_ERRORS, ValueError) as exc:
            payload, error = b"", exc
        # warcio knows a record's offset only once the record has been read to its end
        try:
            offset = records.get_record_offset()
        except (*STREAM_ERRORS, ValueError):
            pass
        where = f"offset {offset}" + (f" ({target})" if target else "")
        if error is not None:
            yield Reject(input_name, f"malformed: the record's payload cannot be read ({error})", where)
            continue
        try:
            yield parse_html(payload, url=url or target, published=published, outlet=outlet,
                             source_path=input_name, source_format="warc", record=where,
                             fallback_published=record.rec_headers.get_header("WARC-Date"))
        except InputError as exc:
            yield reject_from(exc)
        except Exception as exc:  # one odd page must not stop the archive
            yield reject_from(MalformedRecord(input_name, f"{type(exc).__name__}: {exc}", where))
    if not seen_html:
        yield Reject(input_name, "no article: the archive holds no HTML response records")
