"""Every input format round-trips through ``read_inputs`` and through the ``extract`` command."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.ingest import extract, parse_html, read_inputs
from eventwire.records import Article, Reject

PARAGRAPHS = [
    "Finland's foreign minister met her Swedish counterpart in Helsinki on Monday to discuss joint air "
    "patrols over the Baltic Sea and the protection of undersea cables.",
    "The two ministers signed a memorandum on sharing radar data and agreed to hold a joint exercise "
    "with Norway in the spring, the Finnish foreign ministry said in a statement.",
    "Russia's embassy in Helsinki accused both governments of provoking tension in the region and "
    "warned that Moscow would take measures to protect its security.",
    "NATO Secretary General Mark Rutte welcomed the agreement and said the alliance would increase its "
    "presence in the Baltic after several cables were damaged last year.",
]


def page(title: str = "Finland and Sweden agree joint Baltic air patrols", date: str = "2025-01-20") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Nordic Post</title>
<meta property="og:site_name" content="Nordic Post"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:00:00Z"><meta name="author" content="Anna Virtanen">
<meta property="article:section" content="Europe"></head><body>
<nav><a href="/">Home</a> <a href="/europe">Europe</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<figure><img src="a.jpg"><figcaption>Ministers in Helsinki on Monday. (Photo: Nordic Post)</figcaption></figure>
{body}
</article>
<footer><p>Follow us on X</p><p>&copy; 2025 Nordic Post. All rights reserved.</p></footer></body></html>"""


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Baltic Brief</title><link>https://baltic.example</link><description>x</description>
<item><title>Estonia expels Russian diplomat</title><link>https://baltic.example/1</link><guid>b-1</guid>
<pubDate>Mon, 20 Jan 2025 08:00:00 GMT</pubDate><category>Diplomacy</category>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>TALLINN (BB) &mdash; Estonia expelled a Russian diplomat on Monday for activities incompatible with
his status, the foreign ministry said.</p><p>Moscow promised to respond in kind.</p>
<p>Share on Facebook</p>]]></content:encoded></item>
<item><title>Latvia hosts Nordic-Baltic meeting</title><link>https://baltic.example/2</link><guid>b-2</guid>
<pubDate>Tue, 21 Jan 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Latvia's prime minister hosted leaders from eight Nordic and Baltic countries in Riga on Tuesday.&lt;/p&gt;</description>
</item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Pacific Notes</title><id>urn:pn</id>
<updated>2025-02-02T10:00:00Z</updated>
<entry><title>Fiji and Australia sign policing pact</title><id>urn:pn:1</id>
<link href="https://pacific.example/fiji-australia"/><published>2025-02-01T22:15:00Z</published>
<author><name>Mele Tupou</name></author>
<content type="html">&lt;p&gt;SUVA (PN) - Fiji and Australia signed a policing agreement on Sunday to train officers.&lt;/p&gt;&lt;p&gt;China had offered a similar deal last year.&lt;/p&gt;</content>
</entry></feed>"""


def write_warc(path: Path, pages: list[tuple[str, str]], extra: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-01-21T12:00:00Z"}))
            if extra:  # a request record and an image response, which are not articles
                writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + "/logo.png", "response", payload=io.BytesIO(b"\x89PNG"),
                                                              http_headers=image))


def articles_of(*inputs: str) -> tuple[list[Article], list[Reject]]:
    items = list(read_inputs(list(inputs)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)]


def cli_extract(*args: str, input: bytes | None = None) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, ["extract", *args], input=input)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, lines, result.stderr


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "finland.html"
    path.write_text(page(), encoding="utf-8")
    (article,), rejects = articles_of(str(path))
    assert rejects == []
    assert article.source_format == "html" and article.source_path == str(path)
    assert article.headline == "Finland and Sweden agree joint Baltic air patrols"
    assert article.outlet == "Nordic Post" and article.byline == "Anna Virtanen" and article.section == "Europe"
    assert article.published == "2025-01-20"
    assert article.captions == ["Ministers in Helsinki on Monday. (Photo: Nordic Post)"]
    assert article.text.split("\n\n") == PARAGRAPHS
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and len(lines) == 1 and lines[0]["text"] == article.text and lines[0]["id"] == article.id


def test_html_sniffed_from_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(page(), encoding="utf-8")
    (article,), _ = articles_of(str(path))
    assert article.source_format == "html"


def test_rss_feed_one_article_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "baltic.xml"
    path.write_text(RSS, encoding="utf-8")
    articles, rejects = articles_of(str(path))
    assert rejects == [] and len(articles) == 2
    first, second = articles
    assert first.outlet == "Baltic Brief" and first.url == "https://baltic.example/1"
    assert first.published == "2025-01-20" and first.section == "Diplomacy"
    assert first.headline == "Estonia expels Russian diplomat" and first.dateline == "TALLINN (BB)"
    assert first.text.startswith("Estonia expelled a Russian diplomat") and "Moscow promised" in first.text
    assert "Share on Facebook" in first.dropped and "Share" not in first.text
    assert second.text == "Latvia's prime minister hosted leaders from eight Nordic and Baltic countries in Riga on Tuesday."
    assert all(a.source_format == "feed" for a in articles)
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and [x["headline"] for x in lines] == [a.headline for a in articles]


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "pacific.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,), _ = articles_of(str(path))
    assert article.outlet == "Pacific Notes" and article.byline == "Mele Tupou"
    assert article.published == "2025-02-01" and article.url == "https://pacific.example/fiji-australia"
    assert article.text.split("\n\n") == ["Fiji and Australia signed a policing agreement on Sunday to train officers.",
                                          "China had offered a similar deal last year."]
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and lines[0]["outlet"] == "Pacific Notes"


def test_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://nordic.example/a", page()),
                      ("https://nordic.example/b", page("Norway joins Baltic patrols", date="2025-01-21"))])
    articles, rejects = articles_of(str(path))
    assert rejects == []
    assert [a.url for a in articles] == ["https://nordic.example/a", "https://nordic.example/b"]
    assert [a.headline for a in articles] == ["Finland and Sweden agree joint Baltic air patrols", "Norway joins Baltic patrols"]
    assert all(a.source_format == "warc" and a.text.split("\n\n") == PARAGRAPHS for a in articles)
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and len(lines) == 2


def test_warc_date_is_the_fallback_publication_date(tmp_path: Path) -> None:
    undated = page().replace('<meta property="article:published_time" content="2025-01-20T09:00:00Z">', "")
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://nordic.example/c", undated)], extra=False)
    (article,), _ = articles_of(str(path))
    assert article.published == "2025-01-21"


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "r1", "text": "ANKARA (TA) - Turkey and Iraq signed a water-sharing deal on Monday.\n\nBoth sides praised it.",
         "url": "https://x.example/1", "title": "Turkey, Iraq sign water deal", "published": "2025-03-03T10:00:00Z",
         "outlet": "Tigris Times"},
        {"id": 2, "html": page()},
        {"text": "Kenya's president visited Addis Ababa on Friday for talks with Ethiopia's prime minister."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    articles, rejects = articles_of(str(path))
    assert rejects == [] and len(articles) == 3
    assert articles[0].id == "r1" and articles[0].headline == "Turkey, Iraq sign water deal"
    assert articles[0].published == "2025-03-03" and articles[0].outlet == "Tigris Times"
    assert articles[0].dateline == "ANKARA (TA)" and articles[0].text.startswith("Turkey and Iraq signed")
    assert articles[1].id == "2" and articles[1].text.split("\n\n") == PARAGRAPHS
    assert articles[2].id and articles[2].headline is None
    assert {a.source_format for a in articles} == {"jsonl"}
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and [x["id"] for x in lines] == ["r1", "2", articles[2].id]


def test_gzipped_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Chile recalls envoy\n\nSANTIAGO (CP) -- Chile recalled its ambassador to "
                                   b"Venezuela on Sunday after the disputed election, the foreign ministry said.\n"))
    (article,), _ = articles_of(str(path))
    assert article.headline == "Chile recalls envoy" and article.dateline == "SANTIAGO (CP)"
    code, lines, _ = cli_extract(str(path))
    assert code == 0 and lines[0]["text"] == article.text


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Peru declares emergency\n\nLIMA (AP) -- Peru declared a state of emergency in three regions on Monday."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (article,), _ = articles_of("-")
    assert article.source_path == "<stdin>" and article.dateline == "LIMA (AP)"
    code, lines, _ = cli_extract("-", "--published", "2025-04-01", "--outlet", "Andes Wire", input=data)
    assert code == 0 and lines[0]["published"] == "2025-04-01" and lines[0]["outlet"] == "Andes Wire"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le président français a rencontré le chancelier allemand à Berlin lundi pour "
                     "discuter de la défense européenne et de l'aide à l'Ukraine.".encode("latin-1"))
    (article,), _ = articles_of(str(path))
    assert "président" in article.text and article.language is None


def test_directory_is_recursive_and_sorted_and_glob_works(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story\n\nThe second body paragraph is here, with words.")
    (tmp_path / "a.txt").write_text("First story\n\nThe first body paragraph is here, with words.")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNever read this body paragraph at all, please.")
    articles, _ = articles_of(str(tmp_path))
    assert [a.headline for a in articles] == ["First story", "Second story"]
    articles, _ = articles_of(str(tmp_path / "**" / "*.txt"))
    assert [a.headline for a in articles] == ["First story", "Second story"]


def test_overrides_apply_to_every_record(tmp_path: Path) -> None:
    path = tmp_path / "baltic.xml"
    path.write_text(RSS, encoding="utf-8")
    articles = list(extract(str(path), published="2025-05-05", outlet="Mirror", url="https://m.example"))
    assert {(a.published, a.outlet, a.url) for a in articles} == {("2025-05-05", "Mirror", "https://m.example")}


def test_parse_html_accepts_bytes_and_keeps_given_id() -> None:
    article = parse_html(page().encode("utf-8"), id="fixed", url="https://given.example/x")
    assert article.id == "fixed" and article.url == "https://given.example/x"


def test_bundled_examples_all_read() -> None:
    root = Path(__file__).resolve().parent.parent / "examples"
    rejects: list[Reject] = []
    articles = list(extract(str(root), rejects=rejects))
    assert rejects == []
    assert {a.source_format for a in articles} == {"text", "html", "feed", "jsonl"}
    assert len(articles) >= 8
    kcna = next(a for a in articles if a.source_format == "text")
    assert kcna.section == "Koreas" and kcna.dateline == "SEOUL, Dec 29 (Yonhap)"
    assert "en.yna.co.kr" in kcna.dropped and "yna.co.kr" not in kcna.text


def test_json_array_and_pretty_printed_object(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": "Egypt hosted Israeli and Hamas negotiators in Cairo on Sunday for truce talks."},
            {"id": "a2", "text": "Qatar's prime minister met the U.S. envoy in Doha on Monday to discuss hostages."}]
    array = tmp_path / "batch.json"
    array.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    articles, rejects = articles_of(str(array))
    assert rejects == [] and [a.id for a in articles] == ["a1", "a2"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps(rows[0], indent=2), encoding="utf-8")
    (article,), _ = articles_of(str(single))
    assert article.id == "a1" and article.source_format == "jsonl"


def test_arc_archive(tmp_path: Path) -> None:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page().encode("utf-8")
    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = b"filedesc://t.arc 0.0.0.0 20250121120000 text/plain %d\n" % len(desc) + desc + b"\n"
    arc += b"https://arc.example/a 192.0.2.1 20250121120000 text/html %d\n" % len(http) + http + b"\n"
    path = tmp_path / "old.arc"
    path.write_bytes(arc)
    (article,), rejects = articles_of(str(path))
    assert rejects == [] and article.url == "https://arc.example/a" and article.source_format == "warc"
    assert article.text.split("\n\n") == PARAGRAPHS


def test_sniff_formats() -> None:
    from eventwire.ingest.detect import sniff

    assert sniff(b"WARC/1.0\r\n", None) == "warc"
    assert sniff(b'{"id": 1, "text": "x"}\n{"id": 2}', None) == "jsonl"
    assert sniff(b'{\n  "id": 1,\n  "text": "x"\n}\n', None) == "json"
    assert sniff(b"<?xml version='1.0'?><rss version='2.0'><channel>", None) == "feed"
    assert sniff(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', None) == "feed"
    assert sniff(b"<!DOCTYPE html><html><body><p>x</p>", "feed") == "html"
    assert sniff(b"\xef\xbb\xbfPlain words here.", "html") == "text"
    assert sniff(b"Plain words that promise JSON but are not.", "jsonl") == "text"


def test_declared_language_fills_in_for_non_english_pages() -> None:
    german = ("Der deutsche Außenminister traf am Montag in Berlin seinen französischen Amtskollegen zu "
              "Gesprächen über die Lage in der Ukraine und neue Sanktionen gegen Russland.")
    html = (f'<html lang="de-DE"><head><title>Treffen in Berlin</title></head><body><article>'
            f'{"".join(f"<p>{german}</p>" for _ in range(4))}</article></body></html>')
    assert parse_html(html).language == "de"
    english = page().replace("<html lang=\"en\">", "<html lang=\"en-GB\">")
    assert parse_html(english).language == "en"
    claims_english = html.replace('lang="de-DE"', 'lang="en"')
    assert parse_html(claims_english).language is None


def test_only_captions_inside_the_article_count() -> None:
    html = page().replace("<footer>", '<aside><figure><figcaption>Teaser: royal wedding photos</figcaption></figure>'
                                      "</aside><footer>")
    assert parse_html(html).captions == ["Ministers in Helsinki on Monday. (Photo: Nordic Post)"]
