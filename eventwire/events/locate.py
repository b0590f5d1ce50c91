"""Whose actor is it: the country of an actor the dictionary could not place ("the military",
"students", "the government"), read conservatively from the sentence and the story.

Guessing from any country named nearby codes "the military" in "The North's leader ordered the
military to ... and said Pyongyang would strengthen cooperation with Moscow" as Russian. So, in
order: a place in the actor's own phrase ("police in Gabon"), a place the act is located in ("was
arrested in Lebanon"), the subject of the act's clause ("China launched military drills"), the one
country the sentence names when it names only one, the country of the story's dateline; else None,
and the event coder leaves the actor uncoded. A mixin of the event coder, kept apart for size.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import ActorMention, Place
from .roles import _PLACE_PREPS, RoleFinder, lemma_of

__all__ = ["Locator"]

# Edges that open another clause: a place inside one is where another act happened.
_CLAUSES = ("ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj", "acl")
_NO_COUNTRY = ("---", "IGO")


class Locator(RoleFinder):
    """Context countries for actors of unknown nationality."""

    speech: frozenset[str] = frozenset()  # verbs of saying (set by the coder): their subject only reports

    def _context_country(self, doc: Doc, sent: Span, tok: Token, index: list[ActorMention | None],
                         own: Token | None = None, source: bool = True) -> str | None:
        """Country of the actor at ``own`` (a party of the act at ``tok``), or None when unclear."""
        places = [pl for pl in doc._.places or [] if pl.kind == "literal" and pl.country]
        chain = self._own_clauses(tok)
        if own is not None:
            found = self._placed_in(own, places)  # "police in 13 countries", "hostages held in Gaza"
            if found:
                return found
        for top in chain:
            found = self._placed_in(top, places, clauses=_CLAUSES)
            if found:
                return found
        if source:
            skip = {own.i, *(c.i for c in own.conjuncts)} if own is not None else set()
            for top in chain:
                for subj in self._subjects(top)[0]:
                    if subj.i in skip:
                        continue  # "condemned by Kyiv and Western governments": co-parties differ
                    m = self._actor(subj, index)
                    code = (m.code or "") if m is not None else ""
                    if m is not None and len(code) >= 3 and not code.startswith(_NO_COUNTRY):
                        return m.country or code[:3]
        named = {str(pl.country) for pl in places if sent.start_char <= pl.start < sent.end_char}
        named |= {m.country or (m.code or "")[:3] for m in doc._.actors or []
                  if sent.start_char <= m.start < sent.end_char and len(m.code or "") >= 3
                  and not (m.code or "").startswith(_NO_COUNTRY)}
        if len(named) == 1:
            return named.pop()  # "Investigators detained South Korean President Yoon"
        return self._home_country(doc)

    def _chain(self, tok: Token) -> list[Token]:
        """The act's clause head and the clauses governing it (nearest first)."""
        out = [self._clause_head(tok)]
        cur = out[0]
        for _ in range(4):
            if cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep") or cur.head is cur:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                out.append(cur)
        return out

    def _own_clauses(self, tok: Token) -> list[Token]:
        """The act's clauses up to, not into, a verb of saying: "soldiers attacked protesters, Russia
        said" says nothing about whose soldiers they were."""
        out: list[Token] = []
        for t in self._chain(tok):
            if out and lemma_of(t) in self.speech:
                break
            out.append(t)
        return out

    @staticmethod
    def _placed_in(top: Token, places: list[Place], clauses: tuple[str, ...] = ()) -> str | None:
        """Country of the first literal place in a locative phrase under ``top``, not crossing into
        another clause (one of ``clauses``)."""
        if not places:
            return None
        for k in top.subtree:
            if k.dep_ != "prep" or lemma_of(k) not in _PLACE_PREPS or k is top:
                continue
            if clauses and any(a.dep_ in clauses for a in k.ancestors if top in a.ancestors):
                continue  # a place of another clause ("..., after gunmen killed 130 people in X")
            lo, hi = k.left_edge.idx, k.right_edge.idx + len(k.right_edge)
            for pl in places:
                if lo <= pl.start < hi:
                    return str(pl.country)
        return None

    @staticmethod
    def _home_country(doc: Doc) -> str | None:
        """The country of the story's dateline ("KABUL, Afghanistan (AP) --"), if any."""
        try:
            from ..actors.context import datelines
        except ImportError:
            return None
        spans = [(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])) for lo, hi in datelines(doc) if hi > lo]
        for pl in doc._.places or []:
            if pl.country and any(lo <= pl.start < hi for lo, hi in spans):
                return str(pl.country)
        return None
