"""HTML pages through trafilatura (body, title, author, site name, categories) and htmldate
(publication date); photo captions from ``figcaption``; small HTML fragments (feed entries) to text."""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from ..errors import NoArticle, UnreadableInput
from ..records import Article
from .text import clean_units, make_article, normalize_date

__all__ = ["parse_html", "fragment_to_text", "EXTRACTION"]

# trafilatura settings (measured with benchmarks/extraction.py): comments are never part of the
# article, tables often are; precision mode keeps teasers and link lists out, which the coder needs
# more than the last sentence of a caption.
EXTRACTION: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "favor_recall": False,
}
# Precision mode sometimes keeps only a stub of a long page; below this many words the balanced
# mode is tried too and wins when it finds at least twice as much.
RETRY_BELOW_WORDS = 50
# htmldate (through trafilatura): the original publication date from markup (meta, time, JSON-LD,
# URL) only; its extensive text search guesses, e.g. January 1 from a copyright year, and a wrong
# date misdates every event, so a page without a marked-up date takes the text's or the crawl's.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_SPACE = re.compile(r"\s+")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "figcaption", "dd",
           "dt", "section", "article", "header", "footer", "td", "th", "ul", "ol", "table", "figure", "address"}
# Quiet trafilatura/htmldate chatter ("discarding data", "not enough text") on every bad page.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def _captions(tree: Any) -> list[str]:
    """``figcaption`` texts, from inside the page's ``<article>`` when it has one (teaser images in
    side bars carry captions too)."""
    scope = tree.find(".//article")
    found: list[str] = []
    for node in (scope if scope is not None else tree).iter("figcaption"):
        text = _SPACE.sub(" ", node.text_content()).strip()
        if text and text not in found:
            found.append(text)
    return found[:20]


def _extract(tree: Any, url: str | None, settings: dict[str, Any], metadata: bool) -> Any:
    """trafilatura's Document for the page (it works on a copy of ``tree``), or None."""
    return trafilatura.bare_extraction(tree, url=url, with_metadata=metadata, date_extraction_params=_DATE_PARAMS,
                                       **settings)


def parse_html(html: str | bytes, *, url: str | None = None, published: str | None = None,
               outlet: str | None = None, id: str | None = None, source_path: str | None = None,
               source_format: str = "html", record: str | None = None,
               fallback_published: str | None = None) -> Article:
    """One Article from an HTML page. Given ``url``/``published``/``outlet``/``id`` win over the
    page's own; ``fallback_published`` (e.g. a WARC date) is used when the page has no date.

    Raises UnreadableInput when the page cannot be parsed and NoArticle when it holds no article.
    """
    name = source_path or url or "<html>"
    tree = load_html(html)
    if tree is None:
        raise UnreadableInput(name, "not parseable as HTML", record)
    captions = _captions(tree)
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    doc = _extract(tree, url, EXTRACTION, metadata=True)
    words = len((doc.text or "").split()) if doc is not None else 0
    if words < RETRY_BELOW_WORDS and EXTRACTION.get("favor_precision"):
        balanced = {**EXTRACTION, "favor_precision": False}
        retry = _extract(tree, url, balanced, metadata=doc is None)
        if retry is not None and len((retry.text or "").split()) >= 2 * max(1, words):
            if doc is None:
                doc = retry
            else:
                doc.text = retry.text
    if doc is None or not (doc.text or "").strip():
        raise NoArticle(name, "no article text found in the page", record)
    units = [_SPACE.sub(" ", line).strip() for line in doc.text.split("\n")]
    cleaned = clean_units([u for u in units if u], layout=False, headline=doc.title or None)
    for caption in captions:  # a caption trafilatura kept as a paragraph is still a caption
        if caption in cleaned.body:
            cleaned.body.remove(caption)
    cleaned.captions = captions + [c for c in cleaned.captions if c not in captions]
    page_date = normalize_date(doc.date)
    categories = doc.categories if isinstance(doc.categories, list) else [doc.categories]
    section = next((c.strip() for c in categories if c and c.strip()), None)
    return make_article(
        cleaned, input_name=name, source_format=source_format, record=record, id=id,
        url=url or doc.url, outlet=outlet or doc.sitename, section=section, byline=doc.author,
        published=normalize_date(published) or page_date or cleaned.published or normalize_date(fallback_published),
        source_path=source_path, declared_language=declared,
    )


def fragment_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line per block element, so
    every paragraph stays a paragraph. Plain text passes through unchanged."""
    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", html)
    etree.strip_elements(root, "script", "style", "noscript", "iframe", with_tail=False)
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br" or tag in _BLOCKS:
            parts.append("\n")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCKS:
            parts.append("\n")

    walk(root)
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)
