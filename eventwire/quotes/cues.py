"""The quote cue words (data/quotes.yml): loaded once per path, validated with line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import DataFileError

__all__ = ["Cues", "load_cues", "DATA_PATH"]

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes.yml"
_COMPLEMENTS = {"ccomp", "xcomp", "dobj"}
_KINDS = {"country", "person", "organisation", "group"}


@dataclass(frozen=True)
class Cues:
    """The validated contents of ``data/quotes.yml``."""

    verbs: dict[str, tuple[str, ...]]  # cue lemma -> dependents carrying the content
    according_to: tuple[tuple[str, ...], ...]
    citing: frozenset[str]
    blocking: frozenset[str]
    agency_words: frozenset[str]
    agency_names: frozenset[str]
    role_nouns: dict[str, tuple[str, ...]]
    third_person: frozenset[str]
    unnamed: frozenset[str]
    marks: dict[str, str]
    min_words_unattributed: int
    max_gap: int


def load_cues(path: str | Path | None = None) -> Cues:
    """The quote cues from ``path`` (default: the packaged file), cached per path."""
    return _load(str(path or DATA_PATH))


_KEYS = ("cue_verbs", "according_to", "citing_verbs", "blocking_heads", "agency_words", "agency_names",
         "role_nouns", "third_person_pronouns", "unnamed_pronouns", "quote_marks", "min_words_unattributed",
         "max_attribution_gap")


@lru_cache(maxsize=8)
def _load(path: str) -> Cues:
    data, text = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(path, 1, "expected a mapping at the top level")
    if missing := [k for k in _KEYS if k not in data]:
        raise DataFileError(path, None, f"missing key(s) {missing}")
    lines = text.splitlines()

    def fail(key: str, entry: object, why: str) -> DataFileError:  # placed on the line naming the entry
        top = next((n for n, line in enumerate(lines) if line.startswith(f"{key}:")), 0)
        return DataFileError(path, next((n for n in range(top, len(lines)) if str(entry) in lines[n]), top) + 1,
                             f"{key}: {why}")

    def words(key: str) -> list[str]:
        v = data[key]
        if bad := [w for w in v if not isinstance(w, str) or not w.strip()] if isinstance(v, list) else [key]:
            raise fail(key, bad[0], "expected a list of non-empty words")
        return [w.strip().lower() for w in v]

    def mapping(key: str, allowed: set[str]) -> dict[str, tuple[str, ...]]:
        v = data[key] if isinstance(data[key], dict) else {key: None}
        for k, vals in v.items():
            if not isinstance(vals, list) or not all(isinstance(x, str) and x.lower() in allowed for x in vals):
                raise fail(key, f"{k}:", f"{k}: expected a list of {sorted(allowed)}, got {vals!r}")
        return {str(k).strip().lower(): tuple(x.lower() for x in vals) for k, vals in v.items()}

    def number(key: str) -> int:
        if type(data[key]) is not int or data[key] < 0:
            raise fail(key, key, "expected a non-negative integer")
        return data[key]

    marks = data["quote_marks"] if isinstance(data["quote_marks"], dict) else {"quote_marks": None}
    for k, v in marks.items():
        if not (isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1):
            raise fail("quote_marks", k, "each entry maps one character to one character")
    return Cues(
        verbs=mapping("cue_verbs", _COMPLEMENTS), according_to=tuple(tuple(p.split()) for p in words("according_to")),
        citing=frozenset(words("citing_verbs")), blocking=frozenset(words("blocking_heads")),
        agency_words=frozenset(words("agency_words")),
        agency_names=frozenset(" ".join(re.findall(r"[a-z]+", n)) for n in words("agency_names")),
        role_nouns=mapping("role_nouns", _KINDS), third_person=frozenset(words("third_person_pronouns")),
        unnamed=frozenset(words("unnamed_pronouns")), marks=marks,
        min_words_unattributed=number("min_words_unattributed"), max_gap=number("max_attribution_gap"))


