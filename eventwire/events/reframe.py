"""Re-reading a coded act by its object or complement (a mixin of the event coder).

- A threat or proposal of tariffs, duties or sanctions ("threatened new tariffs on Chinese steel",
  "proposed slapping tariffs on Chinese goods", "vowed to impose duties on X") is CAMEO's threat of
  sanctions (1312), aimed at whom the measure hits; not an intent to cooperate (030) nor a bare threat.
- "Fight" over a policy with no armed party ("vowed to fight the United States over its tariffs") is no
  armed fight (19x): vowed, a plain threat (130); told as done, nothing is coded.
- Denying or rejecting accusations made against oneself ("Russia rejected the British accusations that it
  poisoned the spy") is CAMEO's denial (016) aimed at the accuser; rejecting accusations against someone
  else ("rejected Britain's accusations against Iran") stays a rejection (120).

Works from the trigger's own children and its complement's (a few steps per coded event); the word lists
and codes live in data/reframe.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError
from .roles import lemma_of

if TYPE_CHECKING:
    from ..records import ActorMention

__all__ = ["REFRAME_FILE", "Reframe", "Reframer", "load_reframe", "reframe_data"]

REFRAME_FILE = Path(__file__).parent / "data" / "reframe.yml"
_LISTS = ("punitive_nouns", "threat_frames", "imposing_verbs", "punitive_targets", "accusation_nouns",
          "accused_preps", "fight_verbs", "policy_nouns", "dispute_preps", "armed_sectors", "opinion_nouns",
          "opinion_roles", "judging_sectors")
_CODE_LISTS = ("threat_from", "denial_from", "fight_roots", "opinion_roots")
_CODES = ("threat_code", "denial_code", "political_fight_code")
_OBJ = ("dobj", "obj", "nsubjpass")


@dataclass(frozen=True)
class Reframe:
    punitive_nouns: frozenset[str]
    threat_frames: frozenset[str]
    imposing_verbs: frozenset[str]
    punitive_targets: tuple[str, ...]
    accusation_nouns: frozenset[str]
    accused_preps: frozenset[str]
    threat_from: frozenset[str]
    denial_from: frozenset[str]
    fight_verbs: frozenset[str]
    policy_nouns: frozenset[str]
    dispute_preps: frozenset[str]
    armed_sectors: frozenset[str]
    fight_roots: frozenset[str]
    opinion_nouns: frozenset[str]
    opinion_roles: tuple[str, ...]
    opinion_roots: frozenset[str]
    judging_sectors: frozenset[str]
    threat_code: str
    denial_code: str
    political_fight_code: str


def load_reframe(path: str | Path = REFRAME_FILE) -> Reframe:
    """Read and check a reframe.yml; a malformed entry raises DataFileError(path, line, reason)."""
    p = str(path)
    data, text = read_yaml(path)
    lines = key_lines(text)
    want = set(_LISTS) | set(_CODE_LISTS) | set(_CODES)
    if not isinstance(data, dict) or set(data) != want:
        raise DataFileError(p, None, f"expected exactly the keys {', '.join(sorted(want))}")
    out: dict[str, object] = {}
    for name in _LISTS:
        words = data[name]
        if not isinstance(words, list) or not words or not all(
                isinstance(w, str) and w and w == w.strip().lower() for w in words):
            raise DataFileError(p, lines.get(name), f"{name} must be a non-empty list of lower-case words")
        out[name] = tuple(words) if name in ("punitive_targets", "opinion_roles") else frozenset(words)
    for name in _CODE_LISTS:
        codes = data[name]
        if not isinstance(codes, list) or not all(isinstance(c, str) and c.isdigit() and 2 <= len(c) <= 4
                                                  for c in codes):
            raise DataFileError(p, lines.get(name), f"{name} must be a list of quoted CAMEO codes")
        out[name] = frozenset(codes)
    for name in _CODES:
        code = data[name]
        if not isinstance(code, str) or not code.isdigit() or not 3 <= len(code) <= 4:
            raise DataFileError(p, lines.get(name), f"{name} must be a quoted CAMEO code")
        out[name] = code
    if not str(out["threat_code"]).startswith("13") or not str(out["denial_code"]).startswith("01"):
        raise DataFileError(p, lines.get("threat_code"), "threat_code must be a 13x code, denial_code a 01x code")
    return Reframe(**out)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def reframe_data() -> Reframe:
    """The packaged lists (read once per process)."""
    return load_reframe(REFRAME_FILE)


class Reframer:
    """Mixin of the event coder: its ``_actors``/``_actor`` resolve the roles named here."""

    def _punitive(self, tok: Token, code: str) -> Token | None:
        """The punitive noun a threatening or proposing trigger is about ("threatened TARIFFS", "proposed
        slapping TARIFFS"), or None. Looks at the trigger's objects and at the object of an imposing
        complement only."""
        r = reframe_data()
        if code not in r.threat_from or lemma_of(tok) not in r.threat_frames:
            return None
        heads = [tok]
        heads += [k for k in tok.children if k.dep_ in ("xcomp", "ccomp") and lemma_of(k) in r.imposing_verbs]
        for h in heads:
            for k in h.children:
                if k.dep_ not in _OBJ:
                    continue
                # "$100 billion IN tariffs", "a new round OF sanctions": the measure is inside the amount
                inner = [p for g in k.children if g.dep_ == "prep" and g.lower_ in ("in", "of")
                         for p in g.children if p.dep_ == "pobj"]
                found = next((n for n in (k, *inner) if lemma_of(n) in r.punitive_nouns), None)
                if found is not None:
                    return found
        return None

    def _punitive_targets(self, noun: Token, index: list[ActorMention | None]
                          ) -> list[tuple[ActorMention, Token]]:
        found, _role, _factor = self._actors(noun, reframe_data().punitive_targets, index, None)  # type: ignore[attr-defined]
        return found

    def _opinion_targets(self, tok: Token, code: str, index: list[ActorMention | None]
                         ) -> list[tuple[ActorMention, Token]]:
        """Whose opinion, accusation or proposal a rejection, denial or criticism at ``tok`` is aimed at:
        the possessor or author of its object noun ("rejected the opposition leader's ASSESSMENT that
        ..."), else []."""
        r = reframe_data()
        if code[:2] not in r.opinion_roots:
            return []
        for k in tok.children:
            if k.dep_ in _OBJ and lemma_of(k) in r.opinion_nouns:
                found, _role, _factor = self._actors(k, r.opinion_roles, index, None)  # type: ignore[attr-defined]
                return found
        return []

    def _denial(self, tok: Token, code: str, src_codes: set[str | None],
                index: list[ActorMention | None]) -> bool:
        """Whether a rejection ``code`` at ``tok`` is the accused denying accusations against itself: the
        accusation names no other accused (by "against/of X" or as the subject of its "that" clause)."""
        r = reframe_data()
        noun = _accusation_object(tok, code)
        if noun is None:
            return False
        others: list[Token] = []
        for k in noun.children:
            if k.dep_ == "prep" and lemma_of(k) in r.accused_preps:
                others += [p for p in k.children if p.dep_ == "pobj"]
            elif k.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in k.children):
                others += [g for g in k.children if g.dep_ in ("nsubj", "nsubjpass")]  # "... that IRAN armed"
        for o in others:
            m = self._actor(o, index)  # type: ignore[attr-defined]
            if m is not None and m.code and m.code not in src_codes and (m.code or "")[:3] not in {
                    (c or "")[:3] for c in src_codes}:
                return False  # accused: someone else
        return True

    @staticmethod
    def _charges_dropped(tok: Token, code: str, src_codes: set[str | None]) -> bool:
        """Whether a rejection or denial ``code`` at ``tok`` is a court or prosecutor dismissing charges ("the court
        dismissed the charges against him"): the accused denies nothing and no one's proposal is rejected."""
        if _accusation_object(tok, code) is None:
            return False
        judging = reframe_data().judging_sectors
        return any(c and c[i:i + 3].lower() in judging for c in src_codes for i in range(3, len(c), 3))

    def _political_fight(self, tok: Token, code: str, codes: list[str | None]) -> str | None:
        """For a fight-family act (19x, or a vowed fight 138) at ``tok`` or its complement that is about a
        policy ("fight the tariffs", "fight X over its tariffs") between parties none of which is armed
        (``codes``: the source and target actor codes): the code to give instead ("" for no event), else None."""
        r = reframe_data()
        if not any(code.startswith(root) for root in r.fight_roots):
            return None
        fights = [tok] if lemma_of(tok) in r.fight_verbs else [
            k for k in tok.children if k.dep_ in ("xcomp", "ccomp") and lemma_of(k) in r.fight_verbs]
        if not fights:
            return None
        about = [k for f in fights for k in f.children if k.dep_ in _OBJ]
        about += [p for f in fights for k in f.children if k.dep_ == "prep" and lemma_of(k) in r.dispute_preps
                  for p in k.children if p.dep_ == "pobj"]
        if not any(lemma_of(n) in r.policy_nouns for n in about):
            return None
        if any(c and any(c[i:i + 3].lower() in r.armed_sectors for i in range(3, len(c), 3)) for c in codes):
            return None  # "rebels vowed to fight the new law": an armed party may mean it
        return r.political_fight_code if code.startswith("13") else ""


def _accusation_object(tok: Token, code: str) -> Token | None:
    """The accusation noun a rejection ``code`` at ``tok`` acts on ("denied the ACCUSATIONS", "dismissed
    the CHARGES"), or None."""
    r = reframe_data()
    if code not in r.denial_from and code != r.denial_code:
        return None
    nouns = [k for k in tok.children if k.dep_ in _OBJ]
    nouns += [p for k in tok.children if k.dep_ == "prep" for p in k.children if p.dep_ == "pobj"]
    return next((n for n in nouns if lemma_of(n) in r.accusation_nouns), None)
