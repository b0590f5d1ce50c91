"""Wishes on another actor: "X wants Y to <act>", "X would like Y to <act>", "X expects Y to <act>" (a
demand). CAMEO codes X's appeal to Y (02, the sub-code by the wanted act: a wanted release 0253, a
wanted halt to attacks 0256), the same shape as "X urged Y to <act>": one event X -> Y with the wanted
act folded into it. A mixin of the event coder; it works from the coded triggers only (a few head
steps per trigger) and its word lists and codes live in data/wishes.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError
from .folding import _Match
from .patterns import Pattern
from .roles import UP_EDGES, lemma_of

if TYPE_CHECKING:
    from ..records import ActorMention

__all__ = ["WISH_FILE", "WISH_ID", "WishReader", "Wishes", "load_wishes", "wishes"]

WISH_FILE = Path(__file__).parent / "data" / "wishes.yml"
WISH_ID = "appeal.wish"
_LISTS = ("wish_verbs", "conditional_wish_verbs", "expectation_verbs", "expectation_roots")
_MAPS = ("appeal_codes", "stop_codes")


@dataclass(frozen=True)
class Wishes:
    wish_verbs: frozenset[str]
    conditional_wish_verbs: frozenset[str]
    expectation_verbs: frozenset[str]
    expectation_roots: frozenset[str]
    appeal_codes: dict[str, str]
    stop_codes: dict[str, str]

    def code(self, wanted: str, stopped: bool) -> str:
        """The appeal code for a wanted act coded ``wanted`` (stopped: "to halt its attacks")."""
        table = self.stop_codes if stopped else self.appeal_codes
        for key in (wanted, wanted[:3], wanted[:2]):
            if key in table:
                return table[key]
        return "025" if stopped else "020"


def load_wishes(path: str | Path = WISH_FILE) -> Wishes:
    """Read and check a wishes.yml; a malformed entry raises DataFileError(path, line, reason)."""
    p = str(path)
    data, text = read_yaml(path)
    lines = key_lines(text)
    if not isinstance(data, dict) or set(data) != set(_LISTS) | set(_MAPS):
        raise DataFileError(p, None, f"expected exactly the keys {', '.join((*_LISTS, *_MAPS))}")
    out: dict[str, object] = {}
    for name in _LISTS:
        words = data[name]
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.strip().lower() and w for w in words):
            raise DataFileError(p, lines.get(name), f"{name} must be a list of lower-case words")
        out[name] = frozenset(words)
    for name in _MAPS:
        table = data[name]
        if not isinstance(table, dict) or not all(isinstance(k, str) and k.isdigit() and isinstance(v, str)
                                                  and v.isdigit() and v.startswith("02") for k, v in table.items()):
            raise DataFileError(p, lines.get(name), f"{name} must map CAMEO codes to appeal codes (02...)")
        out[name] = dict(table)
    return Wishes(**out)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def wishes() -> Wishes:
    """The packaged wish lists (read once per process)."""
    return load_wishes(WISH_FILE)


def _wished_by(head: Token) -> Token | None:
    """The wish verb whose complement, with an actor of its own, is the clause of ``head``: "wants
    RUSSIA to withdraw" (ccomp with a subject), "would like ISRAEL to halt" (object + xcomp)."""
    gov = head.head
    if head.dep_ not in ("ccomp", "xcomp") or gov.i == head.i or gov.pos_ not in ("VERB", "AUX"):
        return None
    if not any(k.dep_ == "aux" and k.lower_ == "to" for k in head.children):
        return None
    own = any(k.dep_ in ("nsubj", "nsubjpass") for k in head.children)
    if not (own or head.dep_ == "xcomp" and any(k.dep_ in ("dobj", "obj") for k in gov.children)):
        return None
    return gov


def _wish_kind(gov: Token, w: Wishes) -> str | None:
    """ "wish", "expect" or None for the governing verb (negated or passive wishes ask nothing)."""
    kids = list(gov.children)
    if any(k.dep_ in ("neg", "auxpass", "nsubjpass") for k in kids):
        return None  # "does not want Y to", "is expected to"
    lemma = lemma_of(gov)
    if lemma in w.wish_verbs:
        return "wish"
    if lemma in w.conditional_wish_verbs and any(k.dep_ == "aux" and k.lower_ in ("would", "'d") for k in kids):
        return "wish"
    return "expect" if lemma in w.expectation_verbs else None


def would_like(tok: Token) -> bool:
    """ "would like", "'d like": a present wish, not a future act."""
    return lemma_of(tok) in wishes().conditional_wish_verbs and any(
        k.dep_ == "aux" and k.lower_ in ("would", "'d") for k in tok.children)


class WishReader:
    """Mixin of the event coder (after RoleFinder and IntentReader)."""

    def _wishes(self, matches: list[_Match], index: list[ActorMention | None],
                trace: list[str] | None) -> list[_Match]:
        """Appeal matches for wish verbs over coded acts; the wanted acts then fold into them."""
        w = wishes()
        taken = {m.token.i for m in matches}
        best: dict[int, tuple[int, _Match, Token]] = {}  # wish verb -> (depth, wanted act, wish verb)
        for m in matches:
            if m.pattern.suppress or not m.code:
                continue
            cur = self._clause_head(m.token)  # type: ignore[attr-defined]
            for depth in range(4):
                gov = _wished_by(cur)
                if gov is not None:
                    if gov.i not in taken and (gov.i not in best or depth < best[gov.i][0]):
                        best[gov.i] = (depth, m, gov)
                    break
                if cur.dep_ not in UP_EDGES or cur.head.i == cur.i:
                    break
                cur = cur.head
        out: list[_Match] = []
        for _depth, m, gov in best.values():
            kind = _wish_kind(gov, w)
            wanted = m.code or ""
            if kind is None or kind == "expect" and wanted[:2] not in w.expectation_roots:
                continue
            sources = self._actors(gov, ("subj",), index, None)[0]  # type: ignore[attr-defined]
            targets = self._actors(gov, ("dobj", "comp_subj"), index, None)[0]  # type: ignore[attr-defined]
            src_codes = {s.code for s, _ in sources}
            if not sources or not any(t.code not in src_codes for t, _ in targets):
                continue  # no one named to appeal to: the wanted act stays, demanded
            stopped = self._modality(m.token)[1]  # type: ignore[attr-defined]
            code = w.code(wanted, stopped)
            p = Pattern(id=WISH_ID, code=code, pos="verb", lemmas=(lemma_of(gov),), example="", path=str(WISH_FILE),
                        line=0, source=("subj",), target=("dobj", "comp_subj"), needs_target=True, fold=True)
            out.append(_Match(gov, p, code))
            if trace is not None:
                trace.append(f"  '{gov.text}' wishes '{m.token.text}' ({wanted}) of another actor: appeal {code}")
        return out
