"""The cue lists of ``data/modality.yml`` (read once, checked on load) for modality.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError

__all__ = ["ModalityCues", "load_cues", "cues", "MODALITY_FILE"]


MODALITY_FILE = Path(__file__).parent / "data" / "modality.yml"

_FRAMES = ("threatened", "demanded", "planned", "hypothetical", "refused", "negating")
_FRAME_POS = ("verbs", "nouns", "adjectives")
_LISTS = ("clause_only", "no_object", "frame_preps", "implicative", "speech_act_nouns", "negation_words",
          "negative_determiners", "negative_pronouns", "negating_preps", "future_aux", "conditional_aux",
          "hypothetical_aux", "demanded_aux", "conditional_marks", "purpose_marks", "question_words",
          "planned_modifiers", "hypothetical_modifiers", "threatened_modifiers", "negating_modifiers",
          "hostile_words", "dissuading_preps", "ability_aux", "yet_verbs", "not_yet_adverbs",
          "threat_marks", "inversion_aux", "against_verbs", "evidential_nouns", "wielding_verbs",
          "speech_verbs", "enacted_purposes", "communication_verbs", "expressive_nouns",
          "conditional_nouns", "realizing_verbs", "enacting_verbs", "wish_verbs", "causative_verbs",
          "necessity_nouns", "closing_verbs")


class ModalityCues:
    """The cue lists of modality.yml as frozensets of lower-case words, one attribute per list
    (``cues().future_aux``...), plus ``frames[frame][verbs|nouns|adjectives]``."""

    clause_only: frozenset[str]
    no_object: frozenset[str]
    frame_preps: frozenset[str]
    implicative: frozenset[str]
    speech_act_nouns: frozenset[str]
    negation_words: frozenset[str]
    negative_determiners: frozenset[str]
    negative_pronouns: frozenset[str]
    negating_preps: frozenset[str]
    dissuading_preps: frozenset[str]
    future_aux: frozenset[str]
    conditional_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    demanded_aux: frozenset[str]
    conditional_marks: frozenset[str]
    purpose_marks: frozenset[str]
    question_words: frozenset[str]
    planned_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    threatened_modifiers: frozenset[str]
    negating_modifiers: frozenset[str]
    hostile_words: frozenset[str]
    ability_aux: frozenset[str]
    yet_verbs: frozenset[str]
    not_yet_adverbs: frozenset[str]
    threat_marks: frozenset[str]
    inversion_aux: frozenset[str]
    against_verbs: frozenset[str]
    evidential_nouns: frozenset[str]
    wielding_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    enacted_purposes: frozenset[str]
    communication_verbs: frozenset[str]
    expressive_nouns: frozenset[str]
    conditional_nouns: frozenset[str]
    realizing_verbs: frozenset[str]
    enacting_verbs: frozenset[str]
    wish_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    necessity_nouns: frozenset[str]
    closing_verbs: frozenset[str]

    def __init__(self, frames: dict[str, dict[str, frozenset[str]]], lists: dict[str, frozenset[str]]) -> None:
        self.frames = frames
        self.__dict__.update(lists)  # plain attributes: looked up on every token, so keep them fast
        self.frame_nouns = frozenset().union(*(frames[f]["nouns"] for f in _FRAMES))
        # two-word verb frames ("stop short", "hold off"): an adverb that anchors a preposition
        self.phrase_verbs = frozenset(w for f in _FRAMES for w in frames[f]["verbs"] if " " in w)


def _words(value: Any, path: str, line: int | None, what: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(path, line, f"{what} must be a list of words")
    bad = [w for w in value if w != w.strip().lower()]
    if bad:
        raise DataFileError(path, line, f"{what}: words must be lower case without padding: {bad[:3]}")
    return frozenset(value)


def load_cues(path: str | Path = MODALITY_FILE) -> ModalityCues:
    """Read and check a modality.yml; a malformed entry raises DataFileError(path, line, reason)."""
    path = Path(path)
    p = str(path)
    data, text = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(p, None, "expected a mapping of cue lists")
    lines = key_lines(text)
    raw_frames = data.get("frames")
    if not isinstance(raw_frames, dict) or set(raw_frames) != set(_FRAMES):
        raise DataFileError(p, lines.get("frames"), f"frames must have exactly: {', '.join(_FRAMES)}")
    frames: dict[str, dict[str, frozenset[str]]] = {}
    owner: dict[tuple[str, str], str] = {}
    for name in _FRAMES:
        entry = raw_frames[name]
        line = lines.get(f"frames.{name}")
        if not isinstance(entry, dict) or set(entry) != set(_FRAME_POS):
            raise DataFileError(p, line, f"frame {name} needs exactly the lists {', '.join(_FRAME_POS)}")
        frames[name] = {}
        for pos in _FRAME_POS:
            words = _words(entry[pos], p, line, f"frames.{name}.{pos}")
            for w in words:
                if (pos, w) in owner:  # one word, one meaning per part of speech
                    raise DataFileError(p, line, f"{pos[:-1]} {w!r} is in both {owner[(pos, w)]} and {name}")
                owner[(pos, w)] = name
            frames[name][pos] = words
    lists: dict[str, frozenset[str]] = {}
    for name in _LISTS:
        if name not in data:
            raise DataFileError(p, None, f"missing list {name!r}")
        lists[name] = _words(data[name], p, lines.get(name), name)
    unknown = set(data) - set(_LISTS) - {"frames"}
    if unknown:
        raise DataFileError(p, lines.get(sorted(unknown)[0]), f"unknown keys {sorted(unknown)}")
    return ModalityCues(frames, lists)


@lru_cache(maxsize=1)
def cues() -> ModalityCues:
    """The packaged cue lists (read once per process)."""
    return load_cues(MODALITY_FILE)


