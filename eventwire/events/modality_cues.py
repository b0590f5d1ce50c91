"""The cue lists of ``data/modality.yml`` (read once, checked on load) for modality.py, and the
word-level look-ups in them (a token's keys, the frame a governing word sets, schedule words)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError

__all__ = ["ModalityCues", "load_cues", "cues", "MODALITY_FILE", "token_lemma", "token_keys", "pos_list", "frame_of",
           "is_gerund", "schedule_word", "NOMINAL", "VERBAL"]


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
          "necessity_nouns", "closing_verbs", "schedule_verbs", "schedule_passives", "schedule_actives",
          "schedule_nouns", "schedule_adjectives", "schedule_modifiers", "carrier_nouns", "weapon_nouns",
          "arrangement_verbs", "arrangement_idioms", "habitual_adverbs", "generic_marks",
          "standing_rule_verbs", "new_rule_adverbs", "forecast_adverbs", "ability_adjectives",
          "necessity_adjectives", "standing_nouns", "upholding_verbs")
# Schedule words must also be planned frames (or modifiers): (schedule list, where it must appear)
_SCHEDULE_HOMES = {"schedule_verbs": ("verbs",), "schedule_passives": ("verbs",), "schedule_actives": ("verbs",),
                   "schedule_nouns": ("nouns",), "schedule_adjectives": ("adjectives",)}


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
    schedule_verbs: frozenset[str]
    schedule_passives: frozenset[str]
    schedule_actives: frozenset[str]
    schedule_nouns: frozenset[str]
    schedule_adjectives: frozenset[str]
    schedule_modifiers: frozenset[str]
    carrier_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    arrangement_verbs: frozenset[str]
    arrangement_idioms: frozenset[str]
    habitual_adverbs: frozenset[str]
    generic_marks: frozenset[str]
    standing_rule_verbs: frozenset[str]
    new_rule_adverbs: frozenset[str]
    forecast_adverbs: frozenset[str]
    ability_adjectives: frozenset[str]
    necessity_adjectives: frozenset[str]
    standing_nouns: frozenset[str]
    upholding_verbs: frozenset[str]

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
    for name, homes in _SCHEDULE_HOMES.items():  # a schedule is a kind of plan: the frame must exist
        stray = sorted(w for w in lists[name] if not any(w in frames["planned"][h] for h in homes))
        if stray:
            raise DataFileError(p, lines.get(name), f"{name}: not planned frames: {stray[:3]}")
    stray = sorted(lists["schedule_modifiers"] - lists["planned_modifiers"])
    if stray:
        raise DataFileError(p, lines.get("schedule_modifiers"), f"schedule_modifiers: not planned_modifiers: {stray[:3]}")
    unknown = set(data) - set(_LISTS) - {"frames"}
    if unknown:
        raise DataFileError(p, lines.get(sorted(unknown)[0]), f"unknown keys {sorted(unknown)}")
    return ModalityCues(frames, lists)


@lru_cache(maxsize=1)
def cues() -> ModalityCues:
    """The packaged cue lists (read once per process)."""
    return load_cues(MODALITY_FILE)


# ------------------------------------------------------------------------------ word look-ups
NOMINAL = ("NOUN", "PROPN", "NUM")
VERBAL = ("VERB", "AUX")


def token_lemma(tok: Token) -> str:
    """The lower-cased lemma (or text) of a token."""
    return (tok.lemma_ or tok.text).lower()


def token_keys(tok: Token) -> list[str]:
    """Words to look a token up by: '<lemma> <particle>' first, then the lemma, then the lower-cased
    text and crude stems of it (the small English lemmatizer misses some forms: "hoped" -> "hop")."""
    lemma, low = token_lemma(tok), tok.lower_
    out = [f"{lemma} {k.lower_}" for k in tok.children if k.dep_ in ("prt", "advmod")]
    out += [lemma, low]
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return out


def pos_list(tok: Token) -> str | None:
    """Which frame list (verbs, nouns, adjectives) a token is looked up in, if any."""
    if tok.pos_ in VERBAL or tok.tag_.startswith("VB"):
        return "verbs"
    if tok.pos_ in NOMINAL:
        return "nouns"
    if tok.pos_ == "ADJ" or tok.tag_.startswith("JJ"):
        return "adjectives"
    return None


def frame_of(gov: Token, via: str, c: ModalityCues) -> tuple[str | None, str]:
    """The frame ``gov`` sets on a complement reached ``via`` clause/prep/object, and the word matched."""
    pos = pos_list(gov)
    if pos is None:
        return None, ""
    for key in token_keys(gov):
        for name in _FRAMES:
            if key in c.frames[name][pos]:
                if pos == "verbs" and via != "clause" and key in c.clause_only:
                    return None, ""
                if pos == "verbs" and via == "object" and key in c.no_object:
                    return None, ""
                return name, key
    if is_gerund(gov):  # "Ukraine's CEASING of investigations", "the LIFTING of sanctions": the verb's frame
        for key in token_keys(gov):  # (not requests: "the pressing of charges" presses no one to charge)
            for name in ("negating", "refused", "planned", "threatened"):
                if key in c.frames[name]["verbs"] and key not in c.clause_only:
                    return name, key
    return None, ""


def is_gerund(tok: Token) -> bool:
    """A gerund the tagger read as a noun ("the ceasing of", "the stopping of")."""
    return tok.pos_ in NOMINAL and tok.lower_.endswith("ing") and len(tok.lower_) > 5


def schedule_word(gov: Token, word: str, c: ModalityCues) -> bool:
    """Does the planned frame ``word`` (matched on ``gov``) report a schedule rather than an intent?
    "is SCHEDULED to attend", "is EXPECTED to meet" (not "expects to meet"), "he PREPARED to attend"
    (not "is prepared to talk"), "is DUE to meet", "on the EVE of talks"."""
    pos = pos_list(gov)
    if pos == "verbs":
        participle = gov.tag_ == "VBN"
        return (word in c.schedule_verbs or (word in c.schedule_passives and participle)
                or (word in c.schedule_actives and not participle))
    if pos == "nouns":
        return word in c.schedule_nouns
    return pos == "adjectives" and word in c.schedule_adjectives
