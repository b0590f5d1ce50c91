"""Folding: an act in the complement of a statement or intent act is part of that act ("threatened to
impose sanctions", "refused to meet", "urged X to talk"), as CAMEO codes it, and the folded act names
the governing act's target. A mixin of the event coder, kept apart to keep each module small."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..records import ActorMention
from .merge import ViolenceLexicon, load_violence, weapon_launches
from .patterns import Pattern
from .roles import SUBJ_DEPS, UP_EDGES, RoleFinder, lemma_of

__all__ = ["Folder"]

_VIOLENT = ("18", "19", "20")
_EXPLICIT_SUBJ = ("nsubj", "nsubjpass", "csubj")
_SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})


@dataclass
class _Match:
    token: Token
    pattern: Pattern
    code: str | None
    folded_into: _Match | None = None
    folded: list[_Match] | None = None
    alternatives: list[Pattern] = field(default_factory=list)  # tried when the first finds no actors
    kept: bool = False  # coded with the folded act's own code, as a plan ("agreed to impose sanctions")


class Folder(RoleFinder):
    """Complement folding and complement targets; the coder sets the grammar maps below."""

    refusal: dict[str, str] = {}  # noqa: RUF012 (set per instance by the coder)
    hostile: dict[str, str] = {}  # noqa: RUF012 ("countermeasure" -> "130"; set by the coder)
    hypo_marks: frozenset[str] = frozenset()
    adverbial_marks: frozenset[str] = frozenset()  # "when", "after": a time or reason clause (set by the coder)
    casualty: frozenset[str] = frozenset()  # toll verbs ("killed in Israeli shelling"; set by the coder)
    agentless_casualty: frozenset[str] = frozenset()
    threatened: frozenset[str] = frozenset()  # "threaten", "warn" (set by the coder)

    def _fold(self, matches: list[_Match], trace: list[str] | None) -> None:
        """Attach complement acts to the statement/intent act that governs them."""
        by_token = {m.token.i: m for m in matches}
        for m in matches:  # "staged protests to demand ...": the light verb stands for its nominal act
            by_token.setdefault(self._clause_head(m.token).i, m)
        for m in matches:
            head = self._clause_head(m.token)
            cur = head
            gov: _Match | None = None
            if head.i != m.token.i and head.i in by_token and by_token[head.i] is not m:
                cand = by_token[head.i]  # "agreed to talks": the noun hangs from a folding act
                gov = cand if cand.pattern.fold else None
            for _ in range(4 if gov is None else 0):
                if cur.dep_ not in UP_EDGES and cur.dep_ not in ("advcl", "acl") or cur.head.i == cur.i:
                    break
                if cur.i == m.token.i and self._own_verbal_act(m, by_token):
                    break  # "urged calm, accusing Y of ...": the trailing accusation is an act of its own
                if cur.dep_ == "ccomp" and cur.i < cur.head.i:
                    break  # "X held talks, the two sides pledged ...": a report, not a complement
                if cur.i == m.token.i and cur.dep_ == "acl" and any(k.dep_ == "agent" for k in cur.children):
                    break  # "in a deal brokered by China": another actor's act describing a noun
                cur = cur.head
                if cur.i in by_token and by_token[cur.i] is not m:
                    cand = by_token[cur.i]
                    gov = cand if cand.pattern.fold else None
                    break
            if gov is None:
                continue
            m.folded_into = gov
            gov.folded = (gov.folded or []) + [m]
            refined = None
            if m.code and gov.code and gov.code.startswith("12") and m.pattern.refusal:
                refined = m.pattern.refusal
            elif m.code and gov.code and gov.code.startswith("03") and any(
                k.dep_ == "neg" for k in self._clause_head(m.token).children
            ):  # "vowed never to hand back the islands": a refusal
                refined = m.pattern.refusal or self.refusal.get(m.code[:2], "120")
            elif m.code:
                comp = gov.pattern.complement
                refined = comp.get(m.code) or comp.get(m.code[:3]) or comp.get(m.code[:2])
            if refined == "keep" and gov.code == gov.pattern.code:
                gov.code, gov.kept = m.code, True
            elif refined and refined != "keep" and gov.code == gov.pattern.code:
                gov.code = refined
            if trace is not None:
                trace.append(f"  fold '{m.token.text}' ({m.pattern.id}) into '{gov.token.text}' "
                             f"({gov.pattern.id}) -> code {gov.code}")

    def _own_verbal_act(self, m: _Match, by_token: dict[int, _Match]) -> bool:
        """A blaming participle trailing an appeal or statement after a comma ("urged calm, ACCUSING Y of
        provoking", "appealed for aid, CONDEMNING ...") is an act of its own, not the content of the verbal
        act it hangs on ("urged restraint, saying ..." and "..., warning that ..." still fold)."""
        tok, head, code = m.token, m.token.head, m.code or ""
        blames = code.startswith("112") or code.startswith("111") and lemma_of(tok) not in self.threatened
        return (blames and tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > head.i and tok.i > 0
                and tok.doc[tok.i - 1].lower_ == "," and lemma_of(head) in self.reporting
                and head.i in by_token and by_token[head.i].pattern.fold)

    def _fold_hostile(self, matches: list[_Match], trace: list[str] | None) -> None:
        """A vow or pledge whose object is a hostile response ("vowed to take the toughest
        countermeasures against X", "pledged retaliation") threatens it: the threat code of the noun."""
        for m in matches:
            if m.folded_into is not None or not m.pattern.fold or not (m.code or "").startswith("03"):
                continue
            tok = m.token
            objs = [*self._objects(tok), *(o for k in tok.children if k.dep_ in ("xcomp", "ccomp")
                                          for o in self._objects(k))]
            hit = next((self.hostile[lemma_of(o)] for o in objs if lemma_of(o) in self.hostile), None)
            if hit is None:
                continue
            m.code = hit
            if trace is not None:
                trace.append(f"  '{tok.text}' ({m.pattern.id}) vows a hostile response -> code {hit}")

    def _fold_consequences(self, matches: list[_Match], trace: list[str] | None) -> None:
        """A violent act's toll told as a trailing participle ("attacked a convoy, killing eight
        soldiers", "..., injuring two crew members") is part of that act, not a second event."""
        by_head = {self._clause_head(m.token).i: m for m in matches if (m.code or "")[:2] in _VIOLENT}
        for m in matches:
            tok = m.token
            if m.folded_into is not None or (m.code or "")[:2] not in _VIOLENT:
                continue
            if not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i):
                continue
            gov = by_head.get(tok.head.i)
            if gov is None or gov is m:
                continue
            if gov.pattern.needs_target and not self._aims(gov) and self._aims(m):
                # "a camp was attacked by militiamen, killing 50 people": the attack names no one it hit,
                # its toll does; the toll is then the coded act, not a part of an uncodable one
                if trace is not None:
                    trace.append(f"  consequence '{tok.text}' kept: '{gov.token.text}' names no target")
                continue
            m.folded_into = gov
            if trace is not None:
                trace.append(f"  fold consequence '{tok.text}' ({m.pattern.id}) into '{gov.token.text}'")

    def _fold_causes(self, matches: list[_Match], index: list[ActorMention | None],
                     trace: list[str] | None) -> dict[int, tuple[Token, ActorMention, Token]]:
        """A toll with no agent of its own told with the attack that caused it ("shepherds were killed
        in Israeli artillery shelling", "two soldiers died in a Russian air strike"): the attack is the
        act, its national modifier (or its by-phrase: "shelling by Russian forces"; or, for combat, the
        other side: "fighting with Boko Haram") the attacker, the toll's subject its victims. An act done
        with a weapon whose phrase names its launcher ("downed by a missile believed to have been fired
        by X") has that launcher as its attacker. Returns, per act token, (toll verb, attacker mention,
        attacker token); the toll's own match folds into a specific attack or combat, or else gets the
        same attacker."""
        by_token = {m.token.i: m for m in matches}
        found: dict[int, tuple[Token, ActorMention, Token]] = {}
        lex = load_violence()
        for m in matches:
            tok = m.token
            if (m.code or "")[:2] not in _VIOLENT:
                continue
            launcher = self._weapon_agent(tok, index, lex)
            if launcher is not None:  # "downed by a missile believed to have been fired by rebels"
                found[tok.i] = (tok, *launcher)
                if trace is not None:
                    trace.append(f"  '{tok.text}' done with a weapon of '{launcher[0].text}'")
                continue
            if lemma_of(tok) in self.casualty:
                continue
            verb, span = self._toll_of(tok)
            if verb is None:
                continue
            attacker = next(((a, t) for t in span if (a := index[t.i]) is not None and a.code
                             and not a.code.startswith(("---", "IGO", "NGO"))), None)
            if attacker is None:
                attacker = self._side(tok, ("by",), index)  # "wounded in shelling by Russian forces"
            if attacker is None and lemma_of(tok) in lex.combat_nouns:
                attacker = self._side(tok, ("with", "against"), index)  # "died in fighting with Boko Haram"
            if attacker is None:  # "wounded in Monday's clashes": no one named attacked
                continue
            found[tok.i] = (verb, *attacker)
            if verb.i not in found and verb.i in by_token:
                found[verb.i] = (verb, *attacker)  # the toll's own event has the same attacker
            if m.folded_into is not None and m.folded_into.token.i == verb.i:
                m.folded_into = None  # a mis-parsed "killed in Israeli artillery shelling" is no trailing toll
            toll = by_token.get(verb.i)
            code = m.code or ""
            generic = len(code) == 3 and code.endswith("0") and lemma_of(tok) not in lex.combat_nouns
            if toll is not None and toll.folded_into is None and not generic:
                # a specific attack (194 shelling, 195 air strike) or combat ("clashes with X") is the toll's
                # act; a generic one ("a Taliban ambush", 190) says no more than the toll's own 180, kept by
                # the duplicate rule
                toll.folded_into = m
            if trace is not None:
                trace.append(f"  toll '{verb.text}' caused by '{tok.text}' of '{attacker[0].text}'")
        return found

    def _aims(self, m: _Match) -> bool:
        """Whether the act names a coded party through its entry's target roles."""
        index = self._sent_index
        if len(index) != len(m.token.doc):
            return True  # no actor index to look in: treat it as aimed (the act folds as before)
        return bool(self._actors(m.token, m.pattern.target, index, None)[0])

    def _weapon_agent(self, tok: Token, index: list[ActorMention | None],
                      lex: ViolenceLexicon) -> tuple[ActorMention, Token] | None:
        """Who launched the weapon an act was done with, when the weapon's own phrase says so, plainly or
        hedged: "was shot down by a missile believed to have been fired by rebels", "were killed by a
        rocket fired by Hezbollah", "a bomb planted by militants killed ...". None otherwise."""
        for v in weapon_launches(tok, lex, index):
            for p in (p for a in v.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
                a = self._actor(p, index)
                if a is not None and a.code and not a.code.startswith(("IGO", "NGO", "---IGO", "---NGO")):
                    return a, p
        return None

    def _side(self, tok: Token, preps: tuple[str, ...],
              index: list[ActorMention | None]) -> tuple[ActorMention, Token] | None:
        """The actor named in an attack noun's own phrase: its "by" phrase ("shelling by Russian
        forces"), or the other side of a combat noun ("fighting with Boko Haram")."""
        for k in tok.children:
            if k.dep_ not in ("prep", "agent") or lemma_of(k) not in preps:
                continue
            for p in k.children:
                a = self._actor(p, index) if p.dep_ == "pobj" else None
                if a is not None and a.code and not a.code.startswith(("IGO", "NGO", "---IGO", "---NGO")):
                    return a, p
        return None

    def _toll_of(self, tok: Token) -> tuple[Token | None, list[Token]]:
        """The agentless toll verb an attack word causes, and the words that may name the attacker:
        the attack's own left modifiers, or (a participle mis-parsed as a clause: "in Israeli tank
        shelling") the "in" phrase just before it."""
        verb: Token | None = None
        span: list[Token] = []
        if tok.dep_ in ("pobj", "pcomp") and lemma_of(tok.head) in ("in", "by") and tok.head.dep_ in ("prep", "agent"):
            verb = tok.head.head
            span = [t for t in tok.doc[tok.left_edge.i:tok.i]]
        elif tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and not any(
                k.dep_ in SUBJ_DEPS and k.pos_ != "NUM" for k in tok.children):
            # "wounded in Russian artillery | shelling" (advcl), "were killed and ten wounded in Russian mortar |
            # shelling" (conj, the number of wounded made its subject): the "in" phrase just before it,
            # wherever the parser hung it
            verb = tok.head
            phrase = tok.doc[tok.i - 1] if tok.i > 0 else tok
            while phrase.dep_ != "pobj" and phrase.head.i != phrase.i and phrase.head.i < tok.i:
                phrase = phrase.head
            if (phrase.dep_ == "pobj" and phrase.right_edge.i == tok.i - 1 and lemma_of(phrase.head) == "in"
                    and (phrase.head.head.i == verb.i or tok.dep_ == "conj")):
                span = list(tok.doc[phrase.left_edge.i:tok.i])
        if verb is None or lemma_of(verb) not in self.casualty:  # ("died in fighting with X": no modifier)
            return None, []
        if (verb.dep_ == "conj" and not self._passive(verb) and lemma_of(verb.head) in self.casualty
                and self._passive(verb.head)):
            verb = verb.head  # "were killed and ten wounded in ...": the elided passive is the first one's
        if not (self._passive(verb) or lemma_of(verb) in self.agentless_casualty):
            return None, []
        return verb, span

    def _complement_targets(self, m: _Match, index: list[ActorMention | None], src_ids: set[int],
                            src_codes: set[str | None]) -> list[tuple[ActorMention, Token]]:
        """Target of a statement/intent act taken from what it is about ("refused to free the
        Americans", "demanded that Russia withdraw", "threatened to impose sanctions on Iran")."""
        def own_subject(t: Token) -> bool:
            return any(k.dep_ in SUBJ_DEPS for k in self._clause_head(t).children)

        # An act with its own subject ("demanded that Peru scrap plans to buy jets from Sweden", "its
        # demand that Israel ease restrictions") is aimed at that subject, before anything inside it.
        clause_kids = [k for k in m.token.children if k.dep_ in ("xcomp", "ccomp", "acl")]
        roles: list[tuple[Token, tuple[str, ...]]] = [(k, ("subj",)) for k in clause_kids if own_subject(k)]
        for f in m.folded or []:
            if (m.code or "")[:2] == "11" and f.pattern.pos == "noun":
                # "condemned the attack on peacekeepers": what is condemned is the attacker, if named
                roles.append((f.token, tuple(r for r in f.pattern.source if r not in ("gov_subj", "subj"))))
            elif own_subject(f.token):
                roles.append((f.token, ("subj", *f.pattern.target)))
            else:
                roles.append((f.token, (*f.pattern.target, "subj")))
        clauses = [m.token, *[k for k in m.token.children if k.dep_ in ("xcomp", "ccomp")]]
        for c in clauses:  # the condition of a threat names its target ("...if Ecuador goes through with it")
            for k in c.children:
                if k.dep_ == "advcl" and any(lemma_of(x) in self.hypo_marks for x in k.children if x.dep_ == "mark"):
                    roles.append((k, ("subj",)))
        for k in m.token.children:
            if k.dep_ in ("xcomp", "ccomp"):
                preps = tuple(f"prep:{lemma_of(c)}" for h in [k, *self._objects(k)] for c in h.children
                              if c.dep_ == "prep")
                own = ("subj",) if own_subject(k) else ()
                roles.append((k, (*own, "dobj", *preps, "subj")))
            elif k.dep_ == "prep":  # "accused X of ..." / "warned of ..."
                for c in k.children:
                    if c.dep_ == "pcomp":
                        roles.append((c, ("dobj", "subj")))
        roles = [(tok, rs) for tok, rs in roles if not self._foreign_clause(tok, m.token, index)]
        for tok, rs in roles:
            for role in rs:
                found, _r, _f = self._actors(tok, (role,), index, None)
                found = [f for f in found if id(f[0]) not in src_ids and f[0].code not in src_codes
                         and not self._leaves_clause(f[1], tok, index)]
                if found:
                    return found
        return []

    def _uncoded_subject(self, clause: Token, index: list[ActorMention | None]) -> bool:
        """Whether a clause has an explicit subject naming no coded actor ("that THE TALKS go on")."""
        subj = [k for k in clause.children if k.dep_ in _EXPLICIT_SUBJ and k.pos_ != "NUM"]
        return bool(subj) and not any((a := self._actor(k, index)) is not None and a.code for k in subj)

    def _foreign_clause(self, tok: Token, gov: Token, index: list[ActorMention | None]) -> bool:
        """A complement whose doer is the reader ("urged YOU to respect ...", "that you stop ...") or an
        explicit subject naming no actor says nothing of whom the governing act is aimed at: nothing in it
        is the target."""
        head = self._clause_head(tok)
        if head.pos_ not in ("VERB", "AUX"):
            return False
        if head.i != gov.i and head.dep_ == "advcl" and any(
                k.dep_ == "mark" and lemma_of(k) in self.adverbial_marks for k in head.children):
            return True  # "must happen BEFORE Nigeria closes ...": a time or reason clause, not the content
        subj = [k for k in head.children if k.dep_ in _EXPLICIT_SUBJ]
        if not subj and head.dep_ == "xcomp" and head.head.i == gov.i:  # "urged you to ...": the object does it
            subj = [k for k in gov.children if k.dep_ in ("dobj", "dative")]
        if any(lemma_of(k) in _SECOND_PERSON or k.lower_ in _SECOND_PERSON for k in subj):
            return True
        return head.i != gov.i and self._uncoded_subject(head, index)

    def _leaves_clause(self, found: Token, clause: Token, index: list[ActorMention | None]) -> bool:
        """Whether the actor found for a complement sits in an adverbial clause inside it ("must go, WHEN
        AFP CALLED ...") or in a nested clause whose own subject names no actor: not the complement's party."""
        t = found
        for _ in range(12):
            if t.i == clause.i or t.head.i == t.i:
                return False
            if t.dep_ == "advcl" and any(k.dep_ == "mark" and lemma_of(k) in self.adverbial_marks for k in t.children):
                return True  # (a bare purpose clause, "to help Mali", still belongs to the act)
            if (t.i != found.i and t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "relcl", "acl")
                    and not (t.left_edge.i <= found.i <= t.right_edge.i and found.dep_ in _EXPLICIT_SUBJ
                             and found.head.i == t.i)
                    and self._uncoded_subject(t, index)):
                return True
            t = t.head
        return False
