"""The ingest heuristics kept as data (``data/boilerplate.yml``, ``data/language.yml``), loaded once
per process and validated on load: a malformed entry raises ``DataFileError(path, line, reason)``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

__all__ = ["LineRule", "AfterRule", "Boilerplate", "Language", "boilerplate", "language", "load_boilerplate",
           "load_language"]

DATA = Path(__file__).parent / "data"
DEFAULT_MAX_WORDS = 20


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]
    max_words: int | None

    def matches(self, line: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        return self.pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class AfterRule:
    """A trigger line that starts a run of lines (``then``) to drop, e.g. mirror-domain lists."""

    name: str
    trigger: re.Pattern[str]
    then: re.Pattern[str]


def _combine(rules: tuple[LineRule, ...]) -> list[tuple[int | None, re.Pattern[str]]]:
    """One alternation per word limit, holding every rule that still applies at that length:
    a single C-level match per line instead of one Python call per rule."""
    limits = sorted({r.max_words for r in rules if r.max_words is not None})
    steps: list[int | None] = [*limits, None]
    combined = []
    for limit in steps:
        live = [r for r in rules if r.max_words is None or (limit is not None and r.max_words >= limit)]
        if live:
            combined.append((limit, re.compile("|".join(f"(?:{r.pattern.pattern})" for r in live), re.IGNORECASE)))
    return combined


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[LineRule, ...]
    drop_after: tuple[AfterRule, ...]
    caption_credit: tuple[LineRule, ...]
    breadcrumb_separators: tuple[str, ...]
    navigation_separators: tuple[str, ...]
    dateline: re.Pattern[str]
    byline: re.Pattern[str]
    date_label: re.Pattern[str]

    def is_furniture(self, line: str, words: int) -> bool:
        """True when any ``drop`` rule matches the whole line (within its word limit)."""
        for limit, pattern in self._combined:
            if limit is None or words <= limit:
                return pattern.fullmatch(line) is not None
        return False

    @property
    def _combined(self) -> list[tuple[int | None, re.Pattern[str]]]:
        cached = self.__dict__.get("_combined_cache")
        if cached is None:
            cached = _combine(self.drop)
            object.__setattr__(self, "_combined_cache", cached)
        return cached


@dataclass(frozen=True)
class Language:
    english: frozenset[str]
    min_share: float
    min_words: int


def _items(path: Path) -> tuple[dict[str, Any], dict[str, list[tuple[int, Any]]]]:
    """The top mapping, plus each top-level list's items paired with their 1-based line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    try:
        loader = yaml.SafeLoader(text)
        try:
            root = loader.get_single_node()
            if root is None or not isinstance(root, yaml.MappingNode):
                raise DataFileError(str(path), 1, "expected a mapping at the top level")
            top: dict[str, Any] = {}
            lines: dict[str, list[tuple[int, Any]]] = {}
            for key_node, value_node in root.value:
                key = loader.construct_object(key_node, deep=True)
                top[key] = loader.construct_object(value_node, deep=True)
                if isinstance(value_node, yaml.SequenceNode):
                    lines[key] = [(n.start_mark.line + 1, loader.construct_object(n, deep=True))
                                  for n in value_node.value]
            return top, lines
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None


def _regex(path: Path, line: int | None, entry: dict[str, Any], key: str) -> re.Pattern[str]:
    raw = entry.get(key)
    if not isinstance(raw, str) or not raw:
        raise DataFileError(str(path), line, f"{key!r} must be a non-empty string")
    try:
        return re.compile(raw, re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(str(path), line, f"{key!r} is not a valid regular expression: {exc}") from None


def _line_rule(path: Path, line: int, entry: Any, default_max: int | None) -> LineRule:
    if not isinstance(entry, dict):
        raise DataFileError(str(path), line, "each rule must be a mapping with 'name' and 'pattern'")
    unknown = set(entry) - {"name", "pattern", "max_words"}
    if unknown:
        raise DataFileError(str(path), line, f"unknown keys {sorted(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise DataFileError(str(path), line, "'name' must be a non-empty string")
    max_words = entry.get("max_words", default_max)
    if max_words is not None and (not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1):
        raise DataFileError(str(path), line, "'max_words' must be a positive integer")
    return LineRule(name, _regex(path, line, entry, "pattern"), max_words)


# The named groups the code reads from each layout pattern.
_LAYOUT_GROUPS = {"dateline": {"dateline", "agency"}, "byline": {"name"}, "date_label": {"label", "rest"}}


def load_boilerplate(path: Path) -> Boilerplate:
    """Read and validate a boilerplate rules file."""
    top, lines = _items(path)
    for key in ("drop", "drop_after", "caption_credit", "breadcrumb_separators", "navigation_separators"):
        if not isinstance(top.get(key), list):
            raise DataFileError(str(path), None, f"missing list {key!r}")
    drop = tuple(_line_rule(path, ln, e, DEFAULT_MAX_WORDS) for ln, e in lines["drop"])
    credits = tuple(_line_rule(path, ln, e, None) for ln, e in lines["caption_credit"])
    after: list[AfterRule] = []
    for ln, entry in lines["drop_after"]:
        if not isinstance(entry, dict) or set(entry) != {"name", "trigger", "then"}:
            raise DataFileError(str(path), ln, "a drop_after rule needs exactly 'name', 'trigger' and 'then'")
        after.append(AfterRule(str(entry["name"]), _regex(path, ln, entry, "trigger"),
                               _regex(path, ln, entry, "then")))
    seps: dict[str, tuple[str, ...]] = {}
    for key in ("breadcrumb_separators", "navigation_separators"):
        for ln, sep in lines[key]:
            if not isinstance(sep, str) or not sep.strip():
                raise DataFileError(str(path), ln, f"an entry of {key!r} must be a non-blank string")
        seps[key] = tuple(sep for _, sep in lines[key])
    layout = top.get("layout")
    if not isinstance(layout, dict):
        raise DataFileError(str(path), None, "missing mapping 'layout'")
    compiled: dict[str, re.Pattern[str]] = {}
    for key, groups in _LAYOUT_GROUPS.items():
        pattern = _regex(path, None, layout, key)  # type: ignore[arg-type]
        missing = groups - set(pattern.groupindex)
        if missing:
            raise DataFileError(str(path), None, f"layout pattern {key!r} lacks the groups {sorted(missing)}")
        compiled[key] = pattern
    return Boilerplate(drop, tuple(after), credits, seps["breadcrumb_separators"], seps["navigation_separators"],
                       **compiled)


def load_language(path: Path) -> Language:
    """Read and validate the language-guess word list."""
    top, lines = _items(path)
    share, min_words = top.get("min_share"), top.get("min_words")
    if not isinstance(share, float) or not 0 < share < 1:
        raise DataFileError(str(path), None, "'min_share' must be a number between 0 and 1")
    if not isinstance(min_words, int) or min_words < 1:
        raise DataFileError(str(path), None, "'min_words' must be a positive integer")
    words = []
    for ln, word in lines.get("english", []):
        if not isinstance(word, str) or not word.isalpha() or word != word.lower():
            raise DataFileError(str(path), ln, f"{word!r} is not a lower-case word")
        words.append(word)
    if not words:
        raise DataFileError(str(path), None, "missing list 'english'")
    return Language(frozenset(words), share, min_words)


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    return load_boilerplate(DATA / "boilerplate.yml")


@lru_cache(maxsize=1)
def language() -> Language:
    return load_language(DATA / "language.yml")
