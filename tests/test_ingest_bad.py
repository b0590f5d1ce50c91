"""Bad input never stops a run: each case becomes a Reject naming input, record and reason."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import describe_reject, extract, read_inputs
from eventwire.records import Article, Reject

GOOD = "Peace talks resume\n\nOSLO (NTB) -- Norway said on Monday that Colombia's government and the rebels would resume talks.\n"


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "zz_good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def read(*inputs: str | Path) -> tuple[list[Article], list[Reject]]:
    items = list(read_inputs([str(i) for i in inputs]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)]


def only_reject(path: Path) -> Reject:
    """The single reject for ``path``; reading goes on to the good file after it."""
    articles, rejects = read(path, good_file(path.parent))
    assert len(articles) == 1 and articles[0].headline == "Peace talks resume"
    assert len(rejects) == 1 and rejects[0].input == str(path)
    return rejects[0]


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert only_reject(path).reason.startswith("unreadable: binary data")


def test_pdf_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "binary" in only_reject(path).reason


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert only_reject(empty).reason.startswith("empty:")
    blank = tmp_path / "blank.html"
    blank.write_bytes(b"  \n\n \t\n")
    assert only_reject(blank).reason.startswith("empty:")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # invalid UTF-8 that is also not text in any single-byte charset: control bytes below 0x20
    path.write_bytes(b"Talks \xff\xfe\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11 resumed" * 3)
    assert only_reject(path).reason.startswith("unreadable:")


def test_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(GOOD.encode() * 200)[:60])
    reject = only_reject(path)
    assert reject.reason.startswith("unreadable: truncated or corrupt gzip")


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    line = json.dumps({"text": "Chad and Niger agreed on Monday to reopen their border crossings for trade."})
    data = gzip.compress("\n".join(f'{{"id": "r{i}", {line[1:]}' for i in range(2000)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    articles, rejects = read(path)
    assert 0 < len(articles) < 2000
    assert len(rejects) == 1 and rejects[0].reason.startswith("unreadable: truncated or corrupt data")
    assert rejects[0].record == f"line {len(articles) + 1}"


def test_malformed_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok1", "text": "Ghana's president met Togo's leader in Accra on Friday to discuss security."}),
        '{"id": "bad", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "notext", "title": "only a title"}),
        json.dumps({"id": "baddate", "text": "Some text that is long enough.", "published": "yesterday-ish"}),
        json.dumps({"id": "ok2", "text": "Benin recalled its ambassador to Niger on Saturday after the border row."}),
    ]) + "\n", encoding="utf-8")
    articles, rejects = read(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [r.record for r in rejects] == ["line 2", "line 3", "line 4", "line 5"]
    assert rejects[0].reason.startswith("malformed: invalid JSON")
    assert "expected a JSON object" in rejects[1].reason
    assert "neither a 'text' nor an 'html'" in rejects[2].reason
    assert "'published'" in rejects[3].reason
    assert describe_reject(rejects[0]) == f"rejected {path} [line 2]: {rejects[0].reason}"


def test_broken_warc_record(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    html = b"<html><body><article>" + b"<p>Mali's junta expelled the French ambassador on Monday, state TV said.</p>" * 5 + b"</article></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://a.example/1", "response", payload=io.BytesIO(html),
                                                  http_headers=headers))
    path = tmp_path / "broken.warc"
    path.write_bytes(buffer.getvalue() + b"NOT A WARC HEADER\r\nsome garbage\r\n\r\n" * 3)
    articles, rejects = read(path)
    assert len(articles) == 1 and articles[0].url == "https://a.example/1"
    assert len(rejects) == 1 and rejects[0].reason.startswith("malformed: broken WARC record")
    assert rejects[0].record.startswith("after offset")


def test_warc_without_html(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "meta.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warc_record("https://a.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    assert only_reject(path).reason == "no article: the archive holds no HTML response records"


def test_html_with_no_article(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert only_reject(path).reason.startswith("no article:")


def test_feed_with_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert only_reject(path).reason.startswith("no article: the feed has no entries")


def test_feed_entry_without_text_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    "<item><title>Empty</title><guid>e-1</guid></item>"
                    "<item><title>Full</title><guid>e-2</guid><description>Bolivia and Peru signed a border "
                    "accord on Friday in La Paz.</description></item></channel></rss>")
    articles, rejects = read(path)
    assert [a.headline for a in articles] == ["Full"]
    assert rejects[0].record == "entry 1 (e-1)" and rejects[0].reason.startswith("no article:")


def test_missing_files_and_unmatched_globs(tmp_path: Path) -> None:
    articles, rejects = read(tmp_path / "nope.txt", tmp_path / "*.none", good_file(tmp_path))
    assert len(articles) == 1
    assert [r.reason for r in rejects] == ["unreadable: no such file or directory",
                                           "unreadable: no file matches this pattern"]


def test_extract_collects_rejects(tmp_path: Path) -> None:
    junk = tmp_path / "a.bin"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    rejects: list[Reject] = []
    articles = list(extract(str(junk), str(good_file(tmp_path)), rejects=rejects))
    assert len(articles) == 1 and [r.input for r in rejects] == [str(junk)]


def test_cli_exit_codes(tmp_path: Path) -> None:
    junk = tmp_path / "a.bin"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    runner = CliRunner()
    mixed = runner.invoke(app, ["extract", str(junk), str(good_file(tmp_path))])
    assert mixed.exit_code == 0
    assert len(mixed.stdout.splitlines()) == 1
    assert f"rejected {junk}: unreadable: binary data" in mixed.stderr
    nothing = runner.invoke(app, ["extract", str(junk)])
    assert nothing.exit_code == 1 and nothing.stdout == ""
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["extract", str(junk), "--published", "not a date"]).exit_code == 2


def test_cli_writes_jsonl_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(good_file(tmp_path)), "--jsonl", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    (row,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert Article.from_dict(row).headline == "Peace talks resume"
