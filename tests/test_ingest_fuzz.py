"""Whatever bytes arrive, reading never raises: each input yields Articles or Rejects."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_inputs
from eventwire.records import Article, Reject

# Openings that steer the sniffer into every reader, followed by arbitrary bytes.
PREFIXES = [b"", b"WARC/1.0\r\n", b"{", b'{"text": ', b"[", b"<?xml version='1.0'?><rss><channel><item>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>", b"<html><body><p>", b"\x1f\x8b\x08\x00",
            b"filedesc://x.arc 0.0.0.0 20240101000000 text/plain 10\n"]
NAMES = ["doc.txt", "doc.html", "doc.jsonl", "doc.xml", "doc.warc", "doc.gz", "doc"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400), name=st.sampled_from(NAMES),
       compress=st.booleans())
def test_arbitrary_bytes_never_raise(prefix: bytes, body: bytes, name: str, compress: bool) -> None:
    data = prefix + body
    if compress:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_inputs([str(path)]))
    assert items, "every input yields at least one Article or Reject"
    for item in items:
        assert isinstance(item, Article | Reject)
        if isinstance(item, Reject):
            assert item.input == str(path) and item.reason


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=600))
def test_arbitrary_text_never_raises(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "story.txt"
        path.write_text(text, encoding="utf-8")
        items = list(read_inputs([str(path)]))
    assert len(items) == 1
    if isinstance(items[0], Article):
        assert items[0].text.strip() and "\n\n\n" not in items[0].text
