"""The dates stage: time expressions normalized TIMEX3-style against the publication date, and event dating.

Word lists and regex patterns live in ``data/time.yml``; each match is resolved by a named rule here, the
parse gives the tense (which way "Friday" or "in June" points). Sentences without a time word cost only
one pre-filter regex. spaCy DATE entities the rules miss go to ``dateparser`` (slow, so cached and rare).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from .datafiles import read_yaml
from .doctable import table
from .errors import DataFileError
from .records import Event, TimeExpression

__all__ = ["DateTagger", "date_events", "tag_dates", "load_rules", "value_interval"]

DATA_PATH = Path(__file__).parent / "data" / "time.yml"
_TYPES = {"DATE", "TIME", "DURATION", "SET"}
_VAGUE = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
_KINDS = {"month", "weekday", "num", "unit", "pod", "season", "ordinal", "mod", "approx", "vague", "frequency"}
_WORD, _DIGIT = re.compile(r"[a-z]+"), re.compile(r"\d")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each season

@dataclass(frozen=True)
class _Pattern:
    name: str
    type: str
    resolve: str
    regex: re.Pattern[str]
    needs: frozenset[str]  # any one of these (lexicon kind, "digit", word) must be in the sentence

@dataclass(frozen=True)
class Rules:
    lexicon: dict[str, dict[str, Any]]
    patterns: list[_Pattern]
    triggers: frozenset[str]  # a sentence holding none of these words (nor a digit) is skipped
    tense: dict[str, frozenset[str]]
    full_names: frozenset[str]  # "may", "sunday": names that are not abbreviations
    kind_words: dict[str, frozenset[str]]  # lexicon kind -> the words that show it may be present

    def lex(self, kind: str, text: str | None) -> Any:
        """The lexicon's value for a matched word ("Dec." -> 12), None if absent."""
        return None if text is None else self.lexicon[kind].get(" ".join(text.lower().rstrip(".").split()))

    def words_of(self, text: str) -> set[str]:
        """The pre-filter's view of a text: its lower-case words, plus "digit" when it holds one."""
        return set(_WORD.findall(text.lower())) | ({"digit"} if _DIGIT.search(text) else set())

def _alternation(words: Any) -> str:
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))

@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> Rules:
    """Read and validate the rules file once per process (``DataFileError`` on a malformed entry)."""
    p = str(path or DATA_PATH)
    data, text = read_yaml(p)
    root = yaml.compose(text)
    if not isinstance(data, dict) or not {"lexicon", "patterns"} <= set(data):
        raise DataFileError(p, 1, "expected mappings 'lexicon' and 'patterns'")
    if missing := _KINDS - set(data["lexicon"] or {}):
        raise DataFileError(p, None, f"lexicon lacks {sorted(missing)}")
    lexicon: dict[str, dict[str, Any]] = {}
    for kind, words in data["lexicon"].items():
        if not isinstance(words, dict) or not words:
            raise DataFileError(p, None, f"lexicon {kind!r} must be a non-empty mapping")
        lexicon[kind] = {str(k).lower(): v for k, v in words.items()}
    holes = {kind: f"(?:{_alternation(words)})" for kind, words in lexicon.items()}
    items = next((v.value for k, v in root.value if k.value == "patterns"), [])  # type: ignore[union-attr]
    lines = {i: item.start_mark.line + 1 for i, item in enumerate(items)}
    patterns: list[_Pattern] = []
    for i, entry in enumerate(data["patterns"]):
        line = lines.get(i)
        if not isinstance(entry, dict) or not {"name", "type", "resolve", "regex"} <= set(entry):
            raise DataFileError(p, line, "a pattern needs name, type, resolve and regex")
        if entry["type"] not in _TYPES:
            raise DataFileError(p, line, f"unknown type {entry['type']!r}")
        if entry["resolve"] not in _RESOLVERS:
            raise DataFileError(p, line, f"unknown resolve rule {entry['resolve']!r}")
        source = str(entry["regex"])
        for hole in re.findall(r"\{([a-z_]+)\}", source):
            if hole not in holes:
                raise DataFileError(p, line, f"unknown placeholder {{{hole}}}")
            source = source.replace("{" + hole + "}", holes[hole])
        try:
            regex = re.compile(rf"(?<![\w'’])(?<!\d[.,])(?:{source})(?!\w)", re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(p, line, f"bad regex in {entry['name']}: {exc}") from None
        needs = entry.get("needs") or []
        if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
            raise DataFileError(p, line, "needs must be a list of words")
        patterns.append(_Pattern(entry["name"], entry["type"], entry["resolve"], regex, frozenset(needs)))
    kind_words = {kind: frozenset(w for k in ws for w in _WORD.findall(k)[-1:]) for kind, ws in lexicon.items()}
    triggers = frozenset(data.get("triggers") or []).union(*(kind_words[k] for k in (
        "month", "weekday", "unit", "pod", "season", "vague", "frequency")), {"digit"})
    tense = {k: frozenset(v) for k, v in (data.get("tense") or {}).items()}
    if any(not isinstance(w, str) for words in tense.values() for w in words):
        raise DataFileError(p, None, "tense word lists must hold strings (quote yes/no/on/off)")
    full = {max((k for k, v in lexicon[kind].items() if v == val), key=len)
            for kind in ("month", "weekday") for val in set(lexicon[kind].values())}
    return Rules(lexicon, patterns, triggers, tense, frozenset(full), kind_words)

def _parse_dct(published: str | None) -> date | None:
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None

def _week(d: date) -> str:
    return "{}-W{:02d}".format(*d.isocalendar()[:2])

def _add_months(d: date, n: int) -> date:
    y, mo = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))

def _pick(cands: list[date], dct: date, direction: str) -> date:
    """Of candidate dates around the anchor, the one the tense points to (past/future/nearest)."""
    past, future = [c for c in cands if c <= dct], [c for c in cands if c >= dct]
    if direction == "past" and past:
        return max(past)
    if direction == "future" and future:
        return min(future)
    return min(cands, key=lambda c: (abs((c - dct).days), c > dct))

def _weekday(dct: date, wd: int, rel: str | None, direction: str) -> date:
    back = (dct.isoweekday() - wd) % 7
    fwd = (wd - dct.isoweekday()) % 7
    if rel in ("last", "past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return dct + timedelta(days=fwd or 7)
    if rel == "this":
        return dct + timedelta(days=wd - dct.isoweekday())
    if direction == "future":  # "will meet on Sunday" said on a Sunday: the next one
        return dct + timedelta(days=fwd or 7)
    return _pick([dct - timedelta(days=back), dct + timedelta(days=fwd)], dct, direction)

def _num(rules: Rules, text: str | None) -> float | str | None:
    t = (text or "").replace(",", "")
    return float(t) if re.fullmatch(r"\d+(?:\.\d+)?", t) else rules.lex("num", text)

def _fmt(n: float | str) -> str:
    return n if isinstance(n, str) else (str(int(n)) if float(n).is_integer() else f"{n:g}")

# A resolve rule returns (value, mod, value_end, precision), or None to drop the match.
_Result = tuple[str | None, str | None, str | None, str | None] | None

@dataclass
class _Ctx:
    rules: Rules
    dct: date | None
    direction: str  # past, future, nearest

def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)

def _mod(c: _Ctx, m: re.Match[str]) -> str | None:
    return c.rules.lex("mod", _g(m, "mod")) or c.rules.lex("approx", _g(m, "approx"))

def _capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]

def _r_ymd(c: _Ctx, m: re.Match[str]) -> _Result:
    """A calendar day (or a day range within a month, "Dec. 3-5"); no year: the tense's nearest."""
    mtext = _g(m, "m") or ""
    month = int(mtext) if mtext.isdigit() else c.rules.lex("month", mtext)
    if not month or not (mtext.isdigit() or _capitalized(mtext)):
        return None
    day, d2 = int(_g(m, "d") or 0), int(_g(m, "d2") or 0)
    if _g(m, "y"):
        years = [int(_g(m, "y"))]  # type: ignore[arg-type]
    elif c.dct is None:
        return None, None, None, "day"
    else:
        years = [c.dct.year - 1, c.dct.year, c.dct.year + 1]
    cands = [date(y, month, day) for y in years if 0 < day <= calendar.monthrange(y, month)[1]]
    if not cands or (d2 and not day < d2 <= calendar.monthrange(cands[0].year, month)[1]):
        return None
    first = _pick(cands, c.dct, c.direction) if c.dct and len(cands) > 1 else cands[0]
    return first.isoformat(), None, (first.replace(day=d2).isoformat() if d2 else None), "day"

def _r_month(c: _Ctx, m: re.Match[str]) -> _Result:
    """A month with a year, or a bare/relative month placed by tense ("in June", "last July")."""
    mtext = _g(m, "m") or ""
    month, rel, mod = c.rules.lex("month", mtext), (_g(m, "rel") or "").lower(), _mod(c, m)
    if not month or not _capitalized(mtext):
        return None
    if _g(m, "y"):
        return f"{int(_g(m, 'y')):04d}-{month:02d}", mod, None, "month"  # type: ignore[arg-type]
    before = m.string[: m.start()].split()[-1:]
    if not rel and not _g(m, "mod") and (mtext.lower() not in c.rules.full_names or not before
                                         or before[0].lower() not in c.rules.tense.get("month_cues", ())):
        return None  # "Theresa May", a lone "Jan": not months
    if c.dct is None:
        return None, mod, None, "month"
    anchor = c.dct.replace(day=1)
    cands = [date(c.dct.year + k, month, 1) for k in (-1, 0, 1)]
    if rel in ("last", "past"):
        pick = max(x for x in cands if x < anchor)
    elif rel in ("next", "coming"):
        pick = min(x for x in cands if x > anchor)
    else:
        pick = cands[1] if rel == "this" else _pick(cands, anchor, c.direction)
    return f"{pick.year:04d}-{month:02d}", mod, None, "month"

def _r_year(c: _Ctx, m: re.Match[str]) -> _Result:
    """A year, a decade ("the 1990s" -> 199, "the '90s") or a century ("the 20th century" -> 19)."""
    mod = _mod(c, m)
    if _g(m, "c"):
        return f"{int(_g(m, 'c')) - 1:02d}", mod, None, "century"  # type: ignore[arg-type]
    if _g(m, "yy"):
        yy, ref = int(_g(m, "yy")), (c.dct.year if c.dct else 2000)  # type: ignore[arg-type]
        return f"{ref // 100 - (ref // 100 * 100 + yy > ref)}{yy // 10}", mod, None, "decade"
    y = _g(m, "y") or ""
    return (y, mod, None, "decade") if len(y) == 3 else (f"{int(y):04d}", mod, None, "year")

def _r_quarter(c: _Ctx, m: re.Match[str]) -> _Result:
    q = _g(m, "ord")
    n = int(q) if q and q.isdigit() else c.rules.lex("ordinal", q)
    year = _g(m, "y") or (str(c.dct.year) if c.dct else None)
    return (f"{year}-Q{n}" if year and n else None), None, None, "quarter"

def _r_season(c: _Ctx, m: re.Match[str]) -> _Result:
    s, mod, rel = c.rules.lex("season", _g(m, "s")), _mod(c, m), (_g(m, "rel") or "").lower()
    if not s or _g(m, "y") or c.dct is None:
        return (f"{_g(m, 'y')}-{s}" if _g(m, "y") else None, mod, None, "season") if s else None
    starts = {y: date(y, _SEASON_MONTH[s], 1) for y in range(c.dct.year - 2, c.dct.year + 2)}
    ended = [y for y, st in starts.items() if _add_months(st, 3) <= c.dct]
    begun = [y for y, st in starts.items() if st <= c.dct]
    current, upcoming = [y for y in begun if y not in ended], [y for y in starts if y not in begun]
    if rel in ("last", "past"):
        y = max(ended)
    elif rel in ("next", "coming"):
        y = min(upcoming)
    elif rel == "this" or c.direction == "nearest":
        y = (current or upcoming)[0]
    else:
        y = max(begun) if c.direction == "past" else (current or upcoming)[0]
    return f"{y}-{s}", mod, None, "season"

def _day_of(c: _Ctx, m: re.Match[str]) -> date | None:
    """The day a clock time or part of day belongs to: a weekday, yesterday/today/tomorrow, or the anchor."""
    if c.dct is None:
        return None
    if _g(m, "wd"):
        return _weekday(c.dct, c.rules.lex("weekday", _g(m, "wd")), (_g(m, "rel") or "").lower() or None,
                        c.direction)
    rday = (_g(m, "rday") or "").lower()
    shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(rday, 0)
    shift += {"before": -1, "after": 1}.get((_g(m, "rday2") or "").lower(), 0)
    return c.dct + timedelta(days=shift)

def _r_clock(c: _Ctx, m: re.Match[str]) -> _Result:
    noon = (_g(m, "noon") or "").lower()
    hh, mm = (12 if noon == "noon" else 0, 0) if noon else (int(_g(m, "hh")), int(_g(m, "mm") or 0))  # type: ignore[arg-type]
    ap = (_g(m, "ap") or "").lower().replace(".", "")
    if ap in ("am", "pm") and not 1 <= hh <= 12:
        return None
    hh = hh % 12 + (12 if ap == "pm" else 0) if ap in ("am", "pm") else hh
    day = _day_of(c, m)
    return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hh:02d}:{mm:02d}", None, None, "time"

def _r_rel_day(c: _Ctx, m: re.Match[str]) -> _Result:
    rday = (_g(m, "rday") or "").lower()
    pod = c.rules.lex("pod", _g(m, "pod")) or ("NI" if rday == "tonight" else None)
    if rday == "last" and pod not in ("NI", "EV"):
        return None  # "last morning" is not a day reference
    day = _day_of(c, m)
    return (f"{day.isoformat()}T{pod}" if pod else day.isoformat()) if day else None, None, None, "day"

def _r_weekday(c: _Ctx, m: re.Match[str]) -> _Result:
    wtext, after = _g(m, "wd") or "", m.string[m.end():].split()[:1]
    wd = c.rules.lex("weekday", wtext)
    if not wd or not _capitalized(wtext) or (len(wtext) <= 3 and not m.group(0).endswith(".")):
        return None
    if not m.group(0).endswith(".") and after and after[0][0].isupper() and not c.rules.lex("month", after[0]):
        return None  # a name: "The Sunday Times", "Tuesday Group"
    pod, day, wd2 = c.rules.lex("pod", _g(m, "pod")), _day_of(c, m), c.rules.lex("weekday", _g(m, "wd2"))
    if day is None:
        return None, None, None, "day"
    end = (day + timedelta(days=(wd2 - wd) % 7 or 7)).isoformat() if wd2 else None
    return (f"{day.isoformat()}T{pod}" if pod else day.isoformat()), None, end, "day"

def _r_weekend(c: _Ctx, m: re.Match[str]) -> _Result:
    rel = (_g(m, "rel") or "").lower()
    shift = {"last": -7, "past": -7, "next": 7, "coming": 7}.get(rel, 0)
    if not rel and c.direction == "past" and c.dct and c.dct.isoweekday() < 6:
        shift = -7  # "the weekend" told in the past on a weekday: the one before
    return (f"{_week(c.dct + timedelta(days=shift))}-WE" if c.dct else None), None, None, "week"

def _shifted(dct: date, unit: str, n: float) -> tuple[str, str]:
    """The value (and its precision) n units away from the anchor (negative: back)."""
    if unit in ("H", "MIN", "D"):
        return (dct + timedelta(days=round(n) if unit == "D" else 0)).isoformat(), "day"
    if unit in ("W", "FN"):
        return _week(dct + timedelta(days=round(n * (7 if unit == "W" else 14)))), "week"
    d = _add_months(dct, round(n * {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]))
    return {"M": (f"{d.year:04d}-{d.month:02d}", "month"), "Q": (f"{d.year:04d}-Q{(d.month + 2) // 3}", "quarter"),
            "DE": (f"{d.year // 10:03d}", "decade"), "CE": (f"{d.year // 100:02d}", "century")}.get(
        unit, (f"{d.year:04d}", "year"))

def _r_ago(c: _Ctx, m: re.Match[str]) -> _Result:
    """"three years ago" (back from the anchor), "two weeks from now", "will meet in two weeks" (forward)."""
    n, unit, ahead = _num(c.rules, _g(m, "n")), c.rules.lex("unit", _g(m, "u")), _g(m, "ahead") is not None
    if n is None or unit is None or (ahead and c.direction != "future"):
        return None  # "killed in 24 hours" is a duration
    if isinstance(n, str):  # "several years ago"
        return "PAST_REF", None, None, "vague"
    n += 0.5 if " and a half " in m.group(0) else 0
    sign = 1 if ahead or m.group(0).lower().rstrip().endswith(("now", "today")) else -1
    value, precision = _shifted(c.dct, unit, sign * n) if c.dct else (None, None)
    return value, _mod(c, m), None, precision

def _r_rel_unit(c: _Ctx, m: re.Match[str]) -> _Result:
    unit = c.rules.lex("unit", _g(m, "u"))
    rel = (_g(m, "rel") or "").strip().lower()
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    mod = _mod(c, m)
    if c.dct is None:
        return None, mod, None, None
    if rel in ("the", "") and unit == "Y":
        # "peaked by the end of the year" told in March: last year's end; "the start of the year"
        # still to come in a future sentence told in November: next year's.
        shift = -1 if mod == "END" and c.direction == "past" and c.dct.month <= 8 else (
            1 if mod == "START" and c.direction == "future" and c.dct.month >= 5 else 0)
    value, precision = _shifted(c.dct, unit, shift)
    return value, mod, None, precision

def _r_duration(c: _Ctx, m: re.Match[str]) -> _Result:
    unit = c.rules.lex("unit", _g(m, "u"))
    word = (_g(m, "u") or "").lower()
    n = _num(c.rules, _g(m, "n")) if _g(m, "n") else ("X" if word.endswith(("s", "ies")) else 1)
    if unit is None or n is None:
        return None
    if not isinstance(n, str) and " and a half " in m.group(0):
        n += 0.5
    if scale := {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "FN": (2, "W")}.get(unit):
        n, unit = (n, unit if unit in ("DE", "CE") else scale[1]) if isinstance(n, str) else (n * scale[0], scale[1])
    value = f"PT{_fmt(n)}{'H' if unit == 'H' else 'M'}" if unit in ("H", "MIN") else f"P{_fmt(n)}{unit}"
    return value, c.rules.lex("approx", _g(m, "approx")), None, None

def _r_set(c: _Ctx, m: re.Match[str]) -> _Result:
    if _g(m, "pod"):
        return f"XXXX-XX-XXT{c.rules.lex('pod', _g(m, 'pod'))}", None, None, None
    if _g(m, "wd"):
        return f"XXXX-WXX-{c.rules.lex('weekday', _g(m, 'wd'))}", None, None, None
    unit, q, raw = c.rules.lex("unit", _g(m, "u")), (_g(m, "q") or "").lower(), (_g(m, "n") or "").lower()
    n = 2 if raw == "other" else (_num(c.rules, raw) if raw else 1)
    if unit is None or n is None or isinstance(n, str) or (q == "per" and raw):
        return None
    return f"P{_fmt(n)}{unit}" if unit != "H" else f"PT{_fmt(n)}H", None, None, None

def _r_lookup(c: _Ctx, m: re.Match[str]) -> _Result:
    """Fixed phrases: vague references ("recently") and frequency adverbs ("weekly")."""
    if _g(m, "v"):
        return c.rules.lex("vague", _g(m, "v")), None, None, "vague"
    return c.rules.lex("frequency", _g(m, "f")), None, None, None

_RESOLVERS: dict[str, Callable[[_Ctx, re.Match[str]], _Result]] = {
    "ymd": _r_ymd, "md_range": _r_ymd, "ym": _r_month, "month": _r_month, "rel_month": _r_month,
    "year": _r_year, "decade": _r_year, "century": _r_year, "quarter": _r_quarter,
    "season": _r_season, "clock": _r_clock, "rel_day": _r_rel_day, "weekday": _r_weekday,
    "weekend": _r_weekend, "ago": _r_ago, "rel_unit": _r_rel_unit, "duration": _r_duration,
    "set": _r_set, "frequency": _r_lookup, "vague": _r_lookup,
}

def _verb_tense(rules: Rules, verb: Any, depth: int = 0) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers, cue = {a.lower_ for a in auxes}, rules.tense.get
    if (lowers & cue("future_aux", frozenset()) or verb.lemma_ in cue("future_verbs", ())
            or (verb.dep_ == "xcomp" and "to" in lowers and verb.head.lemma_ in cue("future_heads", ()))):
        return "future"
    if (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)
            or (verb.tag_ == "VBN" and lowers & {"has", "have", "had", "'s", "'ve"})):
        return "past"
    if verb.dep_ == "conj" and not auxes and depth < 3 and verb.head.pos_ in ("VERB", "AUX"):
        return _verb_tense(rules, verb.head, depth + 1)
    return "past" if verb.lemma_ in cue("reporting", ()) else "nearest"

def _direction(rules: Rules, span: Span) -> str:
    """past / future / nearest from the verb that governs the expression (nearest without a parse)."""
    tok = span.root  # without a parse: no VERB found, "nearest"
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return _verb_tense(rules, tok) if tok.pos_ in ("VERB", "AUX") else "nearest"

@lru_cache(maxsize=4096)
def _dateparser_value(text: str, dct: date, direction: str) -> tuple[str, str] | None:
    """A value for a spaCy DATE entity the rules did not read (dateparser is slow: cached, rare)."""
    from dateparser.date import DateDataParser
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
        "PREFER_DATES_FROM": "future" if direction == "future" else "past"})
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"year": (f"{d.year:04d}", "year"), "month": (f"{d.year:04d}-{d.month:02d}", "month"),
            "week": (_week(d), "week")}.get(data.period or "day", (d.isoformat(), "day"))

_ENT_OK = re.compile(r"\d{4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d", re.IGNORECASE)

def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)

_RANGE_GLUE = re.compile(r"\s*(?:-|–|to|through|thru|until|till|and)\s*", re.IGNORECASE)

def _merge_ranges(times: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"from March 3 to March 7", "between 2009 and 2012": one DATE with value and value_end."""
    out: list[TimeExpression] = []
    for t in times:
        prev = out[-1] if out else None
        glue = text[prev.end:t.start] if prev else ""
        if (prev and prev.type == t.type == "DATE" and prev.value and t.value and prev.value_end is None
                and prev.precision == t.precision in ("day", "month", "year") and len(prev.value) == len(t.value)
                and prev.value < t.value and _RANGE_GLUE.fullmatch(glue)
                and (glue.strip().lower() != "and" or "between" in text[max(0, prev.start - 9):prev.start].lower())):
            prev.end, prev.text, prev.value_end = t.end, text[prev.start:t.end], t.value
        else:
            out.append(t)
    return out

class DateTagger:
    """spaCy component: ``doc._.times`` = the time expressions, normalized against ``doc._.published``."""

    def __init__(self, nlp: Language | None = None, rules: Rules | None = None) -> None:
        self.rules = rules or load_rules()

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[TimeExpression]:
        """The expressions in ``doc`` (only sentences the pre-filter lets through are searched)."""
        dct = _parse_dct(doc._.published)
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        ents = [e for e in doc.ents if e.label_ == "DATE"] if dct is not None else []
        out: list[TimeExpression] = []
        text = table(doc).text  # doc.text is rebuilt from the tokens on each access
        for si, sent in enumerate(sents):
            words = self.rules.words_of(text[sent.start_char:sent.end_char])
            if words & self.rules.triggers:
                out.extend(self._in_sentence(doc, text, sent, si, dct, ents, words))
        return out

    def _in_sentence(self, doc: Doc, full: str, sent: Span, si: int, dct: date | None, ents: list[Span],
                     words: set[str]) -> list[TimeExpression]:
        rules, text, base = self.rules, full[sent.start_char:sent.end_char], sent.start_char
        have = words | {kind for kind, ws in rules.kind_words.items() if words & ws}
        cands = [(m.end() - m.start(), -order, m.start(), pat, m) for order, pat in enumerate(rules.patterns)
                 if not pat.needs or pat.needs & have for m in pat.regex.finditer(text)]
        cands.sort(key=lambda c: (-c[0], -c[1], c[2]))
        taken: list[tuple[int, int]] = []
        out: list[TimeExpression] = []
        for _, _, start, pat, m in cands:
            span_ = (start, m.end())
            if _overlaps(span_, taken):
                continue
            chars = doc.char_span(base + start, base + m.end(), alignment_mode="expand")
            if chars is None or (pat.name == "year" and self._counted(chars)):
                continue
            try:
                result = _RESOLVERS[pat.resolve](_Ctx(rules, dct, _direction(rules, chars)), m)
            except (ValueError, OverflowError):  # out of the calendar: "10,000 years ago"
                result = None
            if result is None:
                continue
            taken.append(span_)
            found = m.group(0)
            if found.endswith(".") and found[:-1].split()[-1].lower() in rules.full_names:
                found = found[:-1]  # the sentence's full stop, not an abbreviation's
            out.append(TimeExpression(base + start, base + start + len(found), found, pat.type, *result, si))
        for ent in ents:  # spaCy DATE entities the rules missed (only when anchored)
            span_ = (ent.start_char - base, ent.end_char - base)
            if (base <= ent.start_char < sent.end_char and not _overlaps(span_, taken) and _ENT_OK.search(ent.text)
                    and (got := _dateparser_value(ent.text, dct, _direction(rules, ent)))):  # type: ignore[arg-type]
                taken.append(span_)
                out.append(TimeExpression(ent.start_char, ent.end_char, ent.text, "DATE", got[0], None, None,
                                          got[1], si))
        out.sort(key=lambda t: t.start)
        return _merge_ranges(out, full)

    @staticmethod
    def _counted(span: Span) -> bool:
        """A year-like number that counts things ("2000 troops") is no year."""
        tok = span.root
        return tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS")

@lru_cache(maxsize=2)
def _parser(model: str | None = None) -> Language:
    from .nlp.pipeline import load_pipeline
    return load_pipeline(model, eventwire=False)

def tag_dates(text: str, published: str | None, nlp: Language | None = None) -> list[TimeExpression]:
    """Only spaCy's parse plus the date rules over ``text`` (no actors, events...): for benchmarks."""
    from .nlp.pipeline import make_doc
    nlp = nlp or _parser()
    doc = make_doc(nlp, text, published=published)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire"):
            doc = proc(doc)
    return DateTagger(nlp).find(doc)

def value_interval(value: str | None) -> tuple[date, date, str] | None:
    """First day, last day and event precision (day/week/month/year) of a calendar value, else None."""
    v = (value or "").split("T")[0]
    if not v or value in _VAGUE or "X" in v:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday + timedelta(days=5 if m[3] else 0), monday + timedelta(days=6), "week"
        if m := re.fullmatch(r"(\d{4})-(\d\d|Q[1-4]|SP|SU|FA|WI)", v):
            part = m[2]
            first = date(int(m[1]), _SEASON_MONTH[part] if part in _SEASON_MONTH else
                         (3 * int(part[1]) - 2 if part[0] == "Q" else int(part)), 1)
            return first, _add_months(first, 1 if part.isdigit() else 3) - timedelta(days=1), "month"
        if re.fullmatch(r"\d{2,4}", v):
            width = 10 ** (4 - len(v))
            return date(int(v) * width, 1, 1), date(int(v) * width + width - 1, 12, 31), "year"
    except ValueError:
        return None
    return None

def _attached(trigger: Any, span: Span) -> bool:
    """Is the expression syntactically the trigger's: governed by it (not by a nearer verb)?"""
    tok = span.root
    if tok.i == trigger.i:
        return True
    owners = {trigger.i}
    if trigger.pos_ not in ("VERB", "AUX"):
        owners.add(trigger.head.i)  # "launched an attack on Monday": the date hangs on the verb
    for _ in range(12):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in owners:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False

def date_events(doc: Doc, events: list[Event]) -> None:
    """Set each event's date, date_end, date_precision and date_source from ``doc._.times``.

    A DATE/TIME governed by the trigger wins, then the nearest other one in the sentence, then the
    publication date. Vague values never date an event, nor (in a past-tense sentence) a later day.
    """
    rules, dct, parsed = load_rules(), _parse_dct(doc._.published), doc.has_annotation("DEP")
    times = [t for t in (doc._.times or []) if t.type in ("DATE", "TIME")]
    for ev in events:
        lo, hi = ev.sentence_start, ev.sentence_start + len(ev.sentence or "")
        trig = (ev.evidence or {}).get("trigger")
        at = lo + trig[0] if trig else lo
        trigger = doc.char_span(at, lo + trig[1], alignment_mode="expand") if trig else None
        past = trigger is not None and parsed and _direction(rules, trigger) == "past"
        best: tuple[tuple[bool, int], date, date, str, str] | None = None
        for t in times:
            inside = lo <= t.start < hi if ev.sentence else t.sentence_index == ev.sentence_index
            iv, end_iv = value_interval(t.value), value_interval(t.value_end)
            if not inside or iv is None or (past and dct is not None and iv[0] > dct):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            attached = bool(trigger is not None and span is not None and parsed and _attached(trigger.root, span))
            key = (not attached, abs(t.start - at))
            if best is None or key < best[0]:
                best = (key, iv[0], (end_iv or iv)[1], iv[2], "trigger" if attached else "sentence")
        if best is not None:
            _, first, last, precision, source = best
            if past and dct is not None and last > dct:
                last = max(first, dct)  # "this week" told in the past tense: up to publication
            ev.date, ev.date_precision, ev.date_source = first.isoformat(), precision, source
            ev.date_end = last.isoformat() if last != first else None
        elif dct is not None:
            ev.date, ev.date_end, ev.date_precision, ev.date_source = dct.isoformat(), None, "day", "published"
