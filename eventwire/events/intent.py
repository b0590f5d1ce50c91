"""How the coder reads a trigger's modality: the modality module's verdict, whether a planned act is
announced by its own actor (CAMEO's "express intent") or only scheduled or wished on it by someone else,
refusals, conditions, and purposes that belong to a plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .modality import is_refusal, is_scheduled, modality_of
from .modality_rules import counterfactual
from .roles import SUBJ_DEPS, lemma_of

if TYPE_CHECKING:
    from ..records import Event
    from .folding import _Match

__all__ = ["IntentReader"]


class IntentReader:
    """Mixin of the event coder (after RoleFinder's ``_clause_head``); the coder sets the word lists
    and the per-sentence maps it reads."""

    future: frozenset[str] = frozenset()
    hypo: frozenset[str] = frozenset()
    hypo_marks: frozenset[str] = frozenset()
    must: frozenset[str] = frozenset()
    threatened: frozenset[str] = frozenset()
    demanded: frozenset[str] = frozenset()
    planned: frozenset[str] = frozenset()
    neg_dets: frozenset[str] = frozenset()
    subject_control: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    _triggers: dict[int, _Match]
    _owner: dict[int, Token]

    def _modality(self, tok: Token) -> tuple[str, bool]:
        """(modality, negated) of the act at ``tok``: the modality module's reading, except for a fronted
        report ("X held talks, the sides pledged"), where only the trigger's own clause counts."""
        head = self._clause_head(tok)
        if not (head.dep_ == "ccomp" and head.i < head.head.i):
            modality, negated, _cue = modality_of(tok)
            return str(modality), bool(negated)
        negated = any(k.dep_ == "neg" for t in (tok, head) for k in t.children) or any(
            k.dep_ == "det" and lemma_of(k) in self.neg_dets for k in tok.children
        )
        kids = {lemma_of(k) for k in head.children if k.dep_ in ("aux", "mark")}
        if kids & self.hypo_marks or kids & self.hypo or counterfactual(head) is not None:
            return "hypothetical", negated
        if kids & self.must:
            return "demanded", negated
        return ("planned" if kids & self.future else "asserted"), negated

    def _own_intent(self, tok: Token) -> bool:
        """Whether a planned act is announced by its own actor ("Iran will ...", "Iran plans to ..."),
        not wished on it by someone else ("the minister wants Ghana to intervene") nor only on someone's
        calendar ("is scheduled to attend": CAMEO's 03x is a verbal act of the actor)."""
        if is_scheduled(tok):
            return False
        head = self._clause_head(tok)
        if any(k.dep_ == "aux" and lemma_of(k) in self.future for k in head.children):
            return True
        if head.dep_ in ("advcl", "acl", "relcl") or (
            head.dep_ == "xcomp" and lemma_of(head.head) in self.subject_control | self.instruments
        ):  # "opened fire to scatter a crowd", "fired water cannon to break up a rally": a purpose, not a plan
            return False
        return head.dep_ in ("xcomp", "acomp") or head.dep_ == "ROOT" or not any(
            k.dep_ in SUBJ_DEPS for k in head.children
        )

    @staticmethod
    def _refused(tok: Token) -> bool:
        return bool(is_refusal(tok))

    def _conditioned(self, tok: Token) -> bool:
        """A future act with an if/unless condition on its clause."""
        head = self._clause_head(tok)
        future = any(k.dep_ == "aux" and lemma_of(k) in self.future for k in head.children)
        cond = any(k.dep_ == "advcl" and any(lemma_of(m) in ("if", "unless") for m in k.children if m.dep_ == "mark")
                   for k in head.children)
        return future and cond

    def _planned_purpose(self, ev: Event, events: list[Event]) -> bool:
        """ "will meet to discuss the border": the purpose of a planned act is part of the plan (CAMEO
        codes one intent, 036), not a second planned event, when the planned act is coded for the same
        source and the purpose names no other target ("will send arms to help defend X" keeps X); and
        a protest purpose of a verbal act is that act ("summoned the envoy to protest")."""
        tok = self._owner.get(id(ev))
        if tok is None or (ev.modality != "planned" and ev.root != "14"):
            return False
        head = self._clause_head(tok)
        if head.dep_ not in ("advcl", "xcomp") or not any(k.dep_ == "aux" and k.lower_ == "to" for k in head.children):
            return False
        gov = self._triggers.get(head.head.i)
        if gov is None or gov.pattern.suppress or gov.folded_into is not None:
            return False
        if ev.root == "14" and ev.modality == "asserted":
            # "summoned the ambassador TO PROTEST": a verbal act (01-13) is the protest, no demonstration
            return any(self._owner.get(id(e)) is gov.token and e.source == ev.source and e.root < "14"
                       for e in events)
        if not (gov.code or "").startswith("03") and self._modality(gov.token)[0] not in ("planned", "threatened"):
            return False  # "massed troops to invade": the invasion is the plan of an act done
        return any(self._owner.get(id(e)) is gov.token and e.source == ev.source and ev.target in (None, e.target)
                   for e in events)
