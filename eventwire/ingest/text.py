"""Plain text as scraped from news sites: breadcrumb, headline, captions, dateline, byline, body,
and the page furniture around them (rules in ``data/boilerplate.yml``)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import EmptyInput, NoArticle
from ..records import Article
from . import rules

__all__ = ["parse_text", "make_article", "normalize_date", "guess_language", "split_units", "Cleaned",
           "clean_units", "line_date"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_TERMINAL = re.compile(r"""[.!?;:"'”’)\]»…]$""")

# Month names and abbreviations (English), from the calendar module: facts, not heuristics.
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
# Words that open "By Monday, ..." / "By March, ..." sentences, never a byline.
_NOT_NAMES = set(_MONTHS) | {d.lower() for d in calendar.day_name} | {"then", "now", "late", "early", "mid", "the"}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_FORMS = [
    # 2024-12-29, 2024/12/29, 2024.12.29 (optionally followed by a time)
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    # December 29, 2024 / Dec. 29 2024
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    # 29 December 2024 / 29 Dec. 2024
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
]
# What may stand beside a date on a line that holds nothing but a date: times, zones, weekdays.
_DATE_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b|\b(?-i:[A-Z]{2,4})\b"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|[|,·•/–—()-]+|\b(?:am|pm|at|on|kst|jst|cet|est|edt|pst|pdt)\b",
    re.I)


def normalize_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime, ISO string, RFC 2822 string or a written
    English date ("December 29, 2024", "29 Dec 2024"); None when ``value`` holds no valid date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    if re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text):
        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    found = _find_date(text)
    return found[0] if found else None


def _find_date(text: str) -> tuple[str, re.Match[str]] | None:
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            parts = match.groupdict()
            month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mon"].lower()]
            try:
                return date(int(parts["y"]), month, int(parts["d"])).isoformat(), match
            except ValueError:
                continue
    return None


def line_date(line: str) -> tuple[str, str] | None:
    """(ISO date, kind) when a line is a publication-date line: kind "label" for "Published: ...",
    "updated" for "Updated ...", "bare" for a line holding only a date (and a time)."""
    if len(line) > 120:
        return None
    label = rules.boilerplate().date_label.fullmatch(line)
    if label:
        found = _find_date(label.group("rest"))
        if found:
            kind = "updated" if label.group("label").lower() in ("updated", "last updated", "modified") else "label"
            return found[0], kind
    found = _find_date(line)
    if found:
        rest = line[:found[1].start()] + " " + line[found[1].end():]
        rest = _DATE_NOISE.sub(" ", rest)
        if len(_WORD.findall(rest)) == 0:
            return found[0], "bare"
    return None


def guess_language(text: str, declared: str | None = None) -> str | None:
    """ "en" when English function words make up a large share of the words. Otherwise the
    language the page declares (``<html lang>``, a feed's ``<language>``), primary subtag only,
    unless it claims English for a text long enough to tell that it is not; else None."""
    lang = rules.language()
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    declared = (declared or "").strip().lower().replace("_", "-").split("-")[0] or None
    if declared is not None and not (declared.isalpha() and 2 <= len(declared) <= 3):
        declared = None
    if len(words) < lang.min_words:
        return declared
    share = sum(1 for w in words if w in lang.english) / len(words)
    if share >= lang.min_share:
        return "en"
    return declared if declared != "en" else None


def _words(line: str) -> int:
    return len(line.split())


def _looks_wrapped(lines: list[str]) -> bool:
    """True when long lines are hard-wrapped at a fixed width (e-mail, wire copy, terminal dumps)."""
    long = [len(x) for x in lines if len(x) >= 40]
    if len(long) < 3 or max(long) > 110:
        return False
    return sum(1 for n in long if 55 <= n <= 100) / len(long) >= 0.6


def split_units(text: str) -> list[str]:
    """Lines, or blank-line blocks when the text is hard-wrapped, with whitespace normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = [_SPACE.sub(" ", x).strip() for x in text.split("\n")]
    if not _looks_wrapped(lines):
        return [x for x in lines if x]
    units: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if block:
            # a short line without closing punctuation (a headline, a byline) keeps its own unit
            joined = block[0]
            for nxt in block[1:]:
                if len(joined.rsplit("\n", 1)[-1]) < 40 and _TERMINAL.search(joined) is None:
                    joined += "\n" + nxt
                else:
                    joined += " " + nxt
            units.extend(u.strip() for u in joined.split("\n") if u.strip())
            block = []
    return units


@dataclass
class Cleaned:
    """What cleaning found in a list of units."""

    body: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    section: str | None = None
    headline: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    updated: str | None = None


def _is_boilerplate(line: str) -> bool:
    return rules.boilerplate().is_furniture(line, _words(line))


def _caption(line: str, strong_only: bool) -> bool:
    words = _words(line)
    if words > 70:
        return False
    for rule in rules.boilerplate().caption_credit:
        # rules named "agency ..." are weak: a story closing with "(Yonhap)" is a credited story,
        # not a caption, so once the prose has started only the strong forms count
        if strong_only and rule.name.startswith("agency"):
            continue
        if rule.matches(line, words):
            return True
    return False


def _breadcrumb(line: str, navigation: bool = False) -> str | None:
    """The last crumb of a "News / Koreas" trail (with ``navigation``, of a "A | B | C" bar too)."""
    rules_ = rules.boilerplate()
    seps = rules_.breadcrumb_separators + (rules_.navigation_separators if navigation else ())
    for sep in seps:
        if sep not in line:
            continue
        crumbs = [c.strip() for c in line.split(sep) if c.strip()]
        if 2 <= len(crumbs) <= 8 and all(_words(c) <= 4 and not _TERMINAL.search(c) for c in crumbs):
            return crumbs[-1]
    return None


def _byline(line: str) -> str | None:
    """The name(s) in a "By Jane Doe, Reuters" line; None for a sentence that opens with "By ..."."""
    if _words(line) > 16:
        return None
    match = rules.boilerplate().byline.fullmatch(line)
    if not match:
        return None
    name = match.group("name").strip(" ,;")
    words = name.split()
    rest = line[match.end("name"):]
    if _words(rest) > 6 or (_TERMINAL.search(line) and line.endswith(".") and _words(line) > 6):
        return None  # "By Monday, Russia had withdrawn its troops." is prose
    connectors = {"and", "&", "de", "da", "van", "von", "der", "al", "el", "bin", "la", "le", "di", "du"}
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper() or words[0].lower().strip(".,") in _NOT_NAMES:
        return None
    if not all(w[:1].isupper() or w.lower() in connectors or not w[:1].isalpha() for w in words):
        return None
    return name


def _headline(line: str) -> bool:
    words = _words(line)
    return 1 <= words <= 30 and not (line.endswith(".") and words > 12) and not line.endswith(",")


def _body_like(unit: str) -> bool:
    """A unit that reads as article prose: a long sentence, or a paragraph opening with a dateline."""
    if _words(unit) >= 12 and _TERMINAL.search(unit):
        return True
    match = rules.boilerplate().dateline.match(unit)
    return match is not None and _words(unit[match.end():]) >= 5


def _take_dateline(unit: str, out: Cleaned) -> str:
    match = rules.boilerplate().dateline.match(unit)
    if match is None or match.end() >= len(unit):
        return unit
    out.dateline = match.group("dateline").strip()
    rest = unit[match.end():].strip()
    return rest[:1].upper() + rest[1:]


def _furniture(units: list[str], out: Cleaned, headline: str | None) -> list[str]:
    """Pass 1: take out furniture, date lines and bylines; return what is left, in order."""
    rules_ = rules.boilerplate()
    kept: list[str] = []
    after = None  # the drop_after rule whose run we are in
    for unit in units:
        if after is not None:
            if after.then.fullmatch(unit):
                out.dropped.append(unit)
                continue
            after = None
        trigger = next((r for r in rules_.drop_after if r.trigger.fullmatch(unit)), None)
        if trigger is not None:
            after = trigger
            out.dropped.append(unit)
            continue
        if _is_boilerplate(unit):
            out.dropped.append(unit)
            continue
        name = _byline(unit)
        if name is not None:
            out.byline = out.byline or name
            dated = _find_date(unit)  # "By Jane Doe | Dec 3, 2024"
            if dated is not None:
                out.published = out.published or dated[0]
            out.dropped.append(unit)
            continue
        found = line_date(unit)
        if found is not None:
            if found[1] == "updated":
                out.updated = out.updated or found[0]
            else:
                out.published = out.published or found[0]
            out.dropped.append(unit)
            continue
        if headline is not None and unit.lower() == headline.strip().lower():
            continue  # the given title repeated at the top of the text
        kept.append(unit)
    return kept


def _header(units: list[str], out: Cleaned) -> list[str]:
    """Read the page header (the units above the prose): everything above the headline is
    navigation (a breadcrumb or the last short nav word names the section); return the rest."""
    if out.headline is not None:
        pick = -1
    else:
        candidates = [i for i, u in enumerate(units)
                      if _headline(u) and not u.endswith(".") and _breadcrumb(u, navigation=True) is None]
        if not candidates:
            return units
        pick = next((i for i in candidates if _words(units[i]) >= 4), candidates[-1])
        out.headline = units[pick]
    nav = None
    for unit in units[:max(pick, 0)]:
        crumb = _breadcrumb(unit)
        if crumb is not None:
            out.section = out.section or crumb
        elif _words(unit) <= 3:
            nav = unit
        out.dropped.append(unit)
    if out.section is None and nav is not None:
        out.section = nav
    return units[pick + 1:]


def clean_units(units: list[str], *, layout: bool = True, headline: str | None = None) -> Cleaned:
    """Sort units into body, furniture (dropped), captions and header fields.

    ``layout`` reads the page header (breadcrumb, navigation, headline) and trims teaser lines off
    the end; without it (clean text from a feed, a JSON record, an HTML extractor) only furniture,
    captions, bylines and a leading dateline are taken out.
    """
    out = Cleaned(headline=headline)
    kept = _furniture(units, out, headline)
    # where the prose starts: captions (which also end in a full stop) do not count
    start = next((i for i, u in enumerate(kept) if _body_like(u) and not _caption(u, strong_only=False)), len(kept))
    header, rest = kept[:start], kept[start:]
    content: list[str] = []
    for unit in header:
        if _caption(unit, strong_only=False):
            out.captions.append(unit)
        else:
            content.append(unit)
    if layout and len(kept) > 1:
        content = _header(content, out)
    for unit in rest:
        # in the story only strong credits ("Photo by", "AFP/Getty") mark a caption: an agency tag
        # closing a paragraph marks a credited story
        if _caption(unit, strong_only=True):
            out.captions.append(unit)
        else:
            content.append(unit)
    if content:
        content[0] = _take_dateline(content[0], out)
    if layout:
        while len(content) > 1 and _words(content[-1]) <= 12 and not _TERMINAL.search(content[-1]):
            out.dropped.append(content.pop())  # teaser headlines and tags trailing the story
    out.body = content
    return out


def make_article(cleaned: Cleaned, *, input_name: str, source_format: str, record: str | None = None,
                 **fields: object) -> Article:
    """An Article from cleaned units; ``fields`` (url, outlet, published...) win over what was found.

    Raises NoArticle when nothing but furniture is left.
    """
    body = [p for p in cleaned.body if p.strip()]
    if not body or sum(_words(p) for p in body) < 3:
        raise NoArticle(input_name, "no article body (only page furniture, a title or captions)", record)
    text = "\n\n".join(body)
    declared = fields.pop("declared_language", None)
    given = {k: v for k, v in fields.items() if v not in (None, "", [])}
    article = Article(
        text=text,
        id=str(given.pop("id", "") or ""),
        section=cleaned.section,
        headline=cleaned.headline,
        byline=cleaned.byline,
        dateline=cleaned.dateline,
        captions=list(cleaned.captions),
        published=cleaned.published or cleaned.updated,
        dropped=list(cleaned.dropped),
        language=guess_language(text, declared if isinstance(declared, str) else None),
        source_format=source_format,
    )
    for key, value in given.items():
        setattr(article, key, value)
    return article


def parse_text(text: str, *, published: str | None = None, outlet: str | None = None, url: str | None = None,
               headline: str | None = None, id: str | None = None, source_path: str | None = None,
               layout: bool = True, source_format: str = "text", record: str | None = None) -> Article:
    """One Article from plain text (a scraped page's text, or a clean body when ``layout`` is off).

    Raises EmptyInput for blank text and NoArticle when no body is left after cleaning.
    """
    name = source_path or "<text>"
    if not text or not text.strip():
        raise EmptyInput(name, "empty text", record)
    cleaned = clean_units(split_units(text), layout=layout, headline=headline)
    return make_article(cleaned, input_name=name, source_format=source_format, record=record,
                        published=normalize_date(published), outlet=outlet, url=url, headline=headline,
                        id=id, source_path=source_path)
