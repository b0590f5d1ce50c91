"""Finding inputs (files, directories, globs, stdin), opening them (gzip read transparently) and
telling their format from their first bytes (the file name is only a hint)."""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from ..errors import EmptyInput, InputError, UnreadableInput
from ..records import Reject

__all__ = ["STDIN", "Opened", "expand_inputs", "open_input", "sniff", "decode", "read_all", "FORMATS",
           "STREAM_ERRORS", "MAX_DOCUMENT_BYTES", "reject_from"]

STDIN = "-"
FORMATS = ("text", "html", "feed", "warc", "jsonl", "json")
HEAD_BYTES = 65536
# A single text/HTML/feed document larger than this is not an article page (a dump, a video...).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
# Errors a (possibly compressed) stream raises when it is cut short or corrupt.
STREAM_ERRORS = (OSError, EOFError, zlib.error)

_GLOB_CHARS = re.compile(r"[*?\[]")
_HINTS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".warc": "warc", ".arc": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf|channel)[\s>]", re.I)
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|h[1-6]|br)[\s>/]",
                       re.I)
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


@dataclass
class Opened:
    """An opened input; ``head`` is its first decompressed bytes."""

    name: str
    stream: BinaryIO
    head: bytes
    format: str
    gzipped: bool


class _Prefixed(io.RawIOBase):
    """A stream that replays ``head`` and then continues with ``rest`` (sniffing without seeking)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


class _Recorder(io.RawIOBase):
    """Keeps a copy of the bytes read through it until ``stop``, so sniffing can be undone."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._copy: bytearray | None = bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if self._copy is not None:
            self._copy += data
        return n

    def stop(self) -> bytes:
        copy, self._copy = bytes(self._copy or b""), None
        return copy


def _read_head(stream: BinaryIO, size: int = HEAD_BYTES) -> bytes:
    chunks, total = [], 0
    while total < size:
        chunk = stream.read(size - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Reject]:
    """File paths (and ``-``) in order: directories walked recursively and sorted (hidden entries
    skipped), globs expanded and sorted. A name that matches nothing becomes a Reject."""
    for item in inputs:
        name = os.fspath(item)
        if name == STDIN:
            yield STDIN
        elif os.path.isdir(name):
            found = False
            for path in _walk(Path(name)):
                found = True
                yield path
            if not found:
                yield Reject(name, "empty: the directory holds no files")
        elif os.path.exists(name):
            yield name
        elif _GLOB_CHARS.search(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Reject(name, "unreadable: no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(Path(match))
                else:
                    yield match
        else:
            yield Reject(name, "unreadable: no such file or directory")


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith("."):
                yield os.path.join(dirpath, filename)


def _hint(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _HINTS.get(os.path.splitext(lower)[1])


def sniff(head: bytes, hint: str | None = None, name: str = "<input>") -> str:
    """The format of a document from its first (decompressed) bytes. Raises UnreadableInput for
    binary data and EmptyInput for blank input."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c")
    if not start:
        raise EmptyInput(name, "the input is empty")
    if start.startswith(b"WARC/") or start.startswith(b"filedesc://"):
        return "warc"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return hint if hint in ("text", "html", "feed") else "text"
    if start.startswith(_BINARY_MAGIC) or b"\x00" in head[:8192]:
        raise UnreadableInput(name, "binary data, not text")
    sample = head[:8192]
    if sum(sample.count(bytes([c])) for c in _CONTROL) > max(8, len(sample) // 50):
        raise UnreadableInput(name, "binary data, not text (too many control bytes)")
    if start.startswith(b"["):
        return "json"  # one JSON array of records
    if start.startswith(b"{"):
        # JSON Lines when the first line is a whole object; else one pretty-printed JSON document
        first = start.split(b"\n", 1)[0]
        try:
            json.loads(first)
        except ValueError:
            return "json" if b"\n" in start or len(start) < len(head) else "jsonl"
        return "jsonl"
    if start.startswith(b"<"):
        probe = start[:8192]
        feed, html = _FEED_ROOT.search(probe), _HTML_TAG.search(probe)
        if feed and (not html or feed.start() < html.start()):
            return "feed"
        if html:
            return "html"
        if hint in ("feed", "html"):
            return hint
        return "feed" if start.startswith(b"<?xml") else "html"
    if hint in ("jsonl", "warc", "feed"):
        return "text"  # content wins over a name that promises structure the bytes do not have
    return "html" if _HTML_TAG.search(start[:2048]) and hint == "html" else "text"


@contextmanager
def open_input(name: str) -> Iterator[Opened]:
    """Open one input (a path or ``-``), decompress gzip, sniff the format.

    ``stream`` gives the decompressed bytes, except for WARC, whose reader wants the stored bytes
    (gzip members and all). Raises UnreadableInput (missing, unreadable, truncated gzip, binary)
    or EmptyInput.
    """
    raw: BinaryIO
    if name == STDIN:
        raw = sys.stdin.buffer
    else:
        try:
            raw = open(name, "rb")  # noqa: SIM115 (closed below, once the caller has streamed it)
        except OSError as exc:
            raise UnreadableInput(name, f"cannot open: {exc.strerror or exc}") from None
    try:
        recorder = _Recorder(raw)
        try:
            magic = _read_head(recorder, 2)  # type: ignore[arg-type]
            base = io.BufferedReader(_Prefixed(magic, recorder))  # type: ignore[arg-type]
            gzipped = magic == b"\x1f\x8b"
            decoded: BinaryIO = gzip.GzipFile(fileobj=base, mode="rb") if gzipped else base  # type: ignore[assignment]
            head = _read_head(decoded)
        except STREAM_ERRORS as exc:
            what = "truncated or corrupt gzip data" if magic == b"\x1f\x8b" else "cannot read"
            raise UnreadableInput(name, f"{what}: {exc}") from None
        fmt = sniff(head, _hint(name), name)
        replay = recorder.stop()
        if fmt == "warc":
            stream = io.BufferedReader(_Prefixed(replay, raw))  # type: ignore[arg-type]
        else:
            stream = io.BufferedReader(_Prefixed(head, decoded))  # type: ignore[arg-type]
        yield Opened(name, stream, head, fmt, gzipped)
    finally:
        if name != STDIN:
            raw.close()


def read_all(opened: Opened, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The whole decompressed document, refusing one larger than ``limit``."""
    try:
        data = opened.stream.read(limit + 1)
    except STREAM_ERRORS as exc:
        raise UnreadableInput(opened.name, f"truncated or corrupt gzip data: {exc}") from None
    if len(data) > limit:
        raise UnreadableInput(opened.name, f"larger than {limit // (1024 * 1024)} MB, not one article")
    return data


def decode(data: bytes, name: str, record: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else the charset that
    charset_normalizer finds. Raises UnreadableInput when no text encoding fits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableInput(name, f"not valid UTF-8 (bad byte at offset {bad}) and no other text encoding fits",
                              record)
    return str(best)


_KINDS = {"UnreadableInput": "unreadable", "EmptyInput": "empty", "MalformedRecord": "malformed",
          "NoArticle": "no article"}


def reject_from(exc: InputError) -> Reject:
    """The Reject for an input error; its reason starts with the kind (unreadable, empty, malformed,
    no article) so a reader of the reject log can group them."""
    kind = _KINDS.get(type(exc).__name__, "unreadable")
    reason = exc.reason if exc.reason.startswith(f"{kind}:") else f"{kind}: {exc.reason}"
    return Reject(exc.input, reason, exc.record)
