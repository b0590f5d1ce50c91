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

from ..actors.context import datelines
from ..records import ActorMention, Place
from .roles import _PLACE_PREPS, SUBJ_DEPS, RoleFinder, is_pronoun, lemma_of

__all__ = ["Locator"]

# Edges that open another clause: a place inside one is where another act happened.
_CLAUSES = ("ccomp", "xcomp", "advcl", "relcl", "parataxis", "conj", "acl")
# "members OF", "workers affiliated WITH", "fighters FROM": the body an actor belongs to.
_MEMBER_PREPS = ("of", "with", "from")
# Codes that name no country: unknown, international bodies, transnational NGOs, militant groups, firms.
_NO_COUNTRY = ("---", "IGO", "NGO", "IMG", "MNC")
_EMBEDDED = ("ccomp", "relcl", "acl")  # clauses inside an act or a party: their places are their own
# Prepositions naming what a statement is about ("sorrow OVER the shootings", "responsibility FOR a
# bombing", "condolences AFTER the quake"); "in"/"at" on the verb itself mostly say where it was said.
_TOPIC_PREPS = {"for", "over", "about", "after", "following", "on", "at", "in", "regarding", "concerning"}
_WHERE_SAID = {"in", "at"}
# CAMEO 174, expel or deport individuals: the "to" country of the act only receives the people.
_EXPULSION = ("174",)
# Where people or goods are sent: never the country of an implied agent.
_HEADING_PREPS = frozenset({"to", "into", "toward", "towards"})
# Where a document or a shot comes from: "a report released IN Kigali", "fired FROM Syria".
_ORIGIN_PREPS = _PLACE_PREPS | {"from"}


class Locator(RoleFinder):
    """Context countries for actors of unknown nationality."""

    speech: frozenset[str] = frozenset()  # verbs of saying (set by the coder): their subject only reports
    unattributed_subjects: frozenset[str] = frozenset()  # "a roadside BOMB killed": a device, no perpetrator
    accidents: frozenset[str] = frozenset()  # "killed in a car ACCIDENT": no attack at all
    foreign_mods: frozenset[str] = frozenset()  # "OTHER FOREIGN leaders": never the context's country
    foreign_offices: frozenset[str] = frozenset()  # "FOREIGN minister": an office, not a foreigner
    visit_nouns: frozenset[str] = frozenset()  # "during a VISIT to Amman" (set by the coder)
    domestic: frozenset[str] = frozenset()  # sectors that may take the story's dominant country
    seat_verbs: frozenset[str] = frozenset()  # "BASED in", "HEADQUARTERED in": where a party is seated
    nonstate: frozenset[str] = frozenset()  # sectors a place in the sentence gives no nationality (BUS, EDU...)
    document_nouns: frozenset[str] = frozenset()  # "a REPORT released in Kigali": speaks for the place's country
    intl_seats: frozenset[str] = frozenset()  # "released in GENEVA": seats of international bodies
    projectiles: frozenset[str] = frozenset()  # "ROCKETS fired from Lebanon": a weapon whose origin is its source
    _dominant: tuple[tuple[int, int, str], str | None] = ((-1, 0, ""), None)  # (which doc, its dominant country)

    def _context_country(self, doc: Doc, sent: Span, tok: Token, index: list[ActorMention | None],
                         own: Token | None = None, source: bool = True, internal: str | None = None,
                         exclude: list[tuple[int, int]] | None = None) -> str | None:
        """Country of the actor at ``own`` (a party of the act at ``tok``), or None when unclear.
        ``internal``: the source's country, taken for a target when the act is one a state does to
        people under its own rule (an arrest, a conviction) and no place qualifies the target.
        ``exclude``: character spans whose places and actors say nothing about this actor (the act a
        condolence or a claim is about: "the president expressed sorrow over the shootings in Texas")."""
        if own is not None and any(lemma_of(k) in self.foreign_mods for k in own.children
                                   if k.dep_ in ("amod", "compound", "det")
                                   and not (lemma_of(k) == "foreign" and lemma_of(own) in self.foreign_offices)):
            return None  # "phone calls with other foreign leaders": not the story's own ("foreign minister" is)
        # where an expelled person is sent never tells who expelled them (it may tell their own country)
        ex = [*(exclude or []), *(self._destinations(sent) if source else [])]
        places = [pl for pl in doc._.places or [] if pl.kind == "literal" and pl.country
                  and not any(lo <= pl.start < hi for lo, hi in ex)]
        chain = self._own_clauses(tok)
        onset = self._onset_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
        if onset is not None:  # "clashes between the army and rebels broke out in Darfur"
            chain.append(onset)
        own_m = self._actor(own, index) if own is not None and len(index) == len(doc) and not is_pronoun(own) else None
        nonstate = (own_m.code or "")[3:6].lower() in self.nonstate if own_m is not None else False
        if own is not None:
            # "police in 13 countries", "hostages held in Gaza", "guerrillas operating in Macedonia"; a
            # company, school or hospital group is not of the country where its clause puts it ("airline
            # executives MEETING IN Brussels")
            found = self._placed_in(own, places, clauses=_EMBEDDED if nonstate else ()) or self._seated_in(own, places) or self._qualified_by(own, places) or self._affiliated(own, index)
            if found:
                return found
        for top in chain:
            # "held talks with X during a visit to Beirut": where the act's actor went comes first; a
            # place in another party's own phrase ("the British envoy IN KENYA") tells where that one is
            found = self._visited(top, places) or self._placed_in(top, places, clauses=_CLAUSES,
                                                                  skip=self._party_phrases(top, tok, own))
            if found:
                return found
        if internal and not internal.startswith(_NO_COUNTRY):
            return internal  # "Kenyan police arrested students", whoever else the sentence names
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
        # the one country the sentence names: not for a non-state group (a firm, a school, a clinic: no
        # nationality follows from the story's place), and not a place in a clause embedded in the act or its
        # party (a coded actor there still counts: "demanded that the Nigerian ministry ...")
        inner = [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge)) for h in (tok, own) if h is not None
                 for k in h.children if k.dep_ in _EMBEDDED]
        named = {str(pl.country) for pl in places if sent.start_char <= pl.start < sent.end_char
                 and not any(lo <= pl.start < hi for lo, hi in inner)}
        named |= {m.country or (m.code or "")[:3] for m in doc._.actors or []
                  if sent.start_char <= m.start < sent.end_char and len(m.code or "") >= 3
                  and not (m.code or "").startswith(_NO_COUNTRY) and not any(lo <= m.start < hi for lo, hi in ex)}
        if len(named) == 1 and not nonstate:
            return named.pop()  # "Investigators detained South Korean President Yoon"
        home = self._home_country(doc)
        if home or own is None:
            return home
        sector = (own_m.code or "")[3:6].lower() if own_m is not None else ""  # "they" may be anyone's
        return self._dominant_country(doc) if sector in self.domestic else None

    def _destinations(self, sent: Span) -> list[tuple[int, int]]:
        """Spans of where people are expelled to ("deported TO AFGHANISTAN", "due to be expelled to
        Turkey"): the country receiving them is neither the expelling state nor, by that phrase, theirs.
        Read from the sentence's coded triggers only."""
        out = []
        for i, m in getattr(self, "_triggers", {}).items():
            if not (m.code or "").startswith(_EXPULSION) or not sent.start <= i < sent.end:
                continue
            out += [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge)) for k in m.token.children
                    if k.dep_ == "prep" and lemma_of(k) in ("to", "into")]
        return out

    @staticmethod
    def _heading_to(sent: Span) -> list[tuple[int, int]]:
        """Spans of every "to/into/toward X" phrase of a verb or noun in ``sent`` ("sent back TO TURKEY",
        "on their way TO GREECE"): where people go never tells whose police held them. Used only for an
        act whose agent is implied, so the scan is rare; "according to X" names a reporter and is kept."""
        return [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge)) for k in sent
                if k.dep_ == "prep" and k.lower_ in _HEADING_PREPS and k.head.pos_ in ("VERB", "NOUN")
                and k.head.lower_ != "according"]

    def _dominant_country(self, doc: Doc) -> str | None:
        """The country the story is about, when its literal places and coded actors point to one:
        at least 3 of them, two thirds in that country ("police" in a story of Indiana towns)."""
        key = (id(doc), len(doc), doc.text[:80])
        if self._dominant[0] == key:
            return self._dominant[1]
        votes = [str(pl.country) for pl in doc._.places or [] if pl.kind == "literal" and pl.country]
        votes += [m.country or (m.code or "")[:3] for m in doc._.actors or []
                  if len(m.code or "") >= 3 and not (m.code or "").startswith(_NO_COUNTRY)]
        best = max(set(votes), key=votes.count) if votes else None
        found = best if best and votes.count(best) >= 3 and 3 * votes.count(best) >= 2 * len(votes) else None
        self._dominant = (key, found)
        return found

    def _unattributed_source(self, doc: Doc, tok: Token, head: Token) -> list[tuple[ActorMention, Token]]:
        """The country of the place of a violent act told without its perpetrator, as its source."""
        country = self._act_country(doc, tok) if self._unattributed(head) else None
        if not country:
            return []
        return [(ActorMention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, code=country,
                              country=country, kind="country", via="context"), tok)]

    def _unattributed(self, head: Token) -> bool:
        """An act of violence told without its perpetrator: an agentless passive ("was shot dead"), or
        a device or blast as its subject ("a roadside bomb killed ...")."""
        if head.pos_ not in ("VERB", "AUX") or lemma_of(head) in self.light:
            return False  # "troops were involved in mass killings": the act is the noun, theirs
        causes = {lemma_of(c) for k in head.children if k.dep_ in ("prep", "agent")
                  for p in k.children if p.dep_ == "pobj" for c in (p, *p.children) if c.dep_ in ("pobj", "compound")}
        if causes & self.accidents:
            return False  # "killed in a car accident": no attack
        if self._passive(head):  # "were killed by a roadside bomb": a device is no perpetrator
            agents = [p for k in head.children if k.dep_ == "agent" for p in k.children if p.dep_ == "pobj"]
            return all(lemma_of(p) in self.unattributed_subjects for p in agents)
        subj = [k for k in head.children if k.dep_ in SUBJ_DEPS]
        return bool(subj) and all(lemma_of(k) in self.unattributed_subjects for k in subj)

    def _act_country(self, doc: Doc, tok: Token) -> str | None:
        """Country of a literal place in a locative phrase of the act's own clause ("was killed in a
        car bombing in Beirut", "a roadside bomb near Kandahar killed ..."), else None."""
        places = [pl for pl in doc._.places or [] if pl.kind == "literal" and pl.country]
        onset = self._onset_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
        return self._placed_in(onset or self._clause_head(tok), places, clauses=_CLAUSES)

    def _topic_spans(self, tok: Token) -> list[tuple[int, int]]:
        """Character spans of what a statement act is about: its object's phrase ("any role in the
        attack on a tanker off Oman") and its topic phrases ("sorrow over the shootings in Texas",
        "condolences after the quake"), on the verb, the trigger noun or the noun's light verb. An
        "in"/"at" phrase on the verb that is itself a place or a document says where it was said."""
        heads = [tok]
        if tok.pos_ in ("NOUN", "PROPN"):
            gov = self._governor(tok)
            if gov is not None and lemma_of(gov) in self.light:
                heads.append(gov)
        places = [(pl.start, pl.end) for pl in tok.doc._.places or []]
        spans = [(o.left_edge.idx, o.right_edge.idx + len(o.right_edge)) for o in self._objects(tok)]
        for h in heads:
            for k in h.children:
                if k.dep_ != "prep" or lemma_of(k) not in _TOPIC_PREPS:
                    continue
                objs = [p for p in k.children if p.dep_ == "pobj"]
                if h.pos_ in ("VERB", "AUX") and lemma_of(k) in _WHERE_SAID and any(
                        lemma_of(p) in self.document_nouns or p.ent_type_ in ("GPE", "LOC", "FAC")
                        or any(lo <= p.idx < hi for lo, hi in places) for p in objs):
                    continue  # "said in a statement", "spoke at the UN in New York"
                spans.append((k.left_edge.idx, k.right_edge.idx + len(k.right_edge)))
        return spans

    def _object_place(self, doc: Doc, tok: Token) -> str | None:
        """Country of the first literal place inside the phrase a statement act is about (a claim of
        responsibility, a denial, a condolence), else None."""
        spans = self._topic_spans(tok)
        found = [pl for pl in doc._.places or [] if pl.kind == "literal" and pl.country
                 and any(lo <= pl.start < hi for lo, hi in spans)]
        return str(min(found, key=lambda pl: pl.start).country) if found else None

    @staticmethod
    def _prep_country(doc: Doc, k: Token, skip: frozenset[str] = frozenset()) -> str | None:
        """Country of the place in the phrase of preposition ``k``: a literal place ("from the Gaza
        Strip", "released in Kigali"), or a national modifier of its noun ("in the Rwandan capital",
        "from Russian-held territory")."""
        lo, hi = k.left_edge.idx, k.right_edge.idx + len(k.right_edge)
        for pl in doc._.places or []:
            if not pl.country or not lo <= pl.start < hi or pl.text.lower() in skip:
                continue
            if pl.kind == "literal":
                return str(pl.country)
            if pl.kind != "demonym":
                continue
            # a demonym counts only as a modifier of the phrase's own noun ("the Rwandan capital")
            mod = next((t for t in k.subtree if t.idx == pl.start), None)
            noun = mod.head if mod is not None else None
            if noun is not None and noun.dep_ in ("amod", "compound"):  # "Russian-held territory"
                noun = noun.head
            if mod is not None and mod.dep_ in ("amod", "compound", "nmod", "npadvmod") and noun is not None and (
                    noun.head.i == k.i):
                return str(pl.country)
        return None

    def _origin_country(self, doc: Doc, top: Token, preps: frozenset[str] | set[str],
                        skip: frozenset[str] = frozenset()) -> str | None:
        """Country of the place in a phrase of ``top`` opened by one of ``preps``, not crossing into
        another clause ("a statement issued in Kigali": the participle's phrase counts)."""
        for k in top.subtree:
            if k.dep_ != "prep" or lemma_of(k) not in preps or k.i == top.i:
                continue
            if any(a.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "conj") for a in k.ancestors if top in a.ancestors):
                continue
            found = self._prep_country(doc, k, skip)
            if found:
                return found
        return None

    def _launch_source(self, doc: Doc, tok: Token, head: Token) -> tuple[ActorMention, Token] | None:
        """The country a violent act with no named perpetrator came from: a "from" phrase on the act
        ("mortar rounds were fired at Turkey from Syria"), on the attack noun ("shelling from
        Russian-held territory hit Kherson") or on a weapon subject and its participle ("rockets fired
        from Lebanon struck Haifa"). Never for an accident, nor for people "from" somewhere."""
        causes = {lemma_of(c) for k in head.children if k.dep_ in ("prep", "agent")
                  for p in k.children if p.dep_ == "pobj" for c in (p, *p.children) if c.dep_ in ("pobj", "compound")}
        if causes & self.accidents:
            return None
        heads = [head, tok]
        for subj in (k for k in head.children if k.dep_ in SUBJ_DEPS):
            if subj.i == tok.i or lemma_of(subj) in self.violence or lemma_of(subj) in self.projectiles:
                heads += [subj, *(k for k in subj.children if k.dep_ == "acl")]
        for h in {t.i: t for t in heads}.values():
            for k in h.children:
                if k.dep_ == "prep" and lemma_of(k) == "from":
                    country = self._prep_country(doc, k)
                    if country:
                        return ActorMention(start=k.idx, end=k.right_edge.idx + len(k.right_edge),
                                            text=doc.text[k.idx:k.right_edge.idx + len(k.right_edge)],
                                            code=country, country=country, kind="country", via="context"), k
        return None

    def _document_actor(self, doc: Doc, tok: Token, index: list[ActorMention | None]) -> tuple[ActorMention, Token] | None:
        """A document with no author named speaks for the country of the place in its own phrase ("a
        report released in the Rwandan capital", "a communique published in Beijing"): that country
        alone, no sector. None when ``tok`` is no such document or an actor is named in its phrase."""
        if lemma_of(tok) not in self.document_nouns or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if len(index) == len(doc) and self._actor(tok, index) is not None:
            return None
        if any(k.dep_ == "poss" or k.dep_ == "prep" and lemma_of(k) in ("by", "of") for k in tok.children):
            return None  # "the army's statement", "a report by the commission": an author is named
        # "a report released in Geneva" is most often an international body's, not Switzerland's
        country = self._origin_country(doc, tok, _ORIGIN_PREPS, self.intl_seats)
        if not country:
            return None
        return ActorMention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, code=country,
                            country=country, kind="country", via="context"), tok

    @staticmethod
    def _qualified_by(own: Token, places: list[Place]) -> str | None:
        """Country of a literal place among the words that qualify the actor ("Darfur rebels",
        "Gaza militants"): the place is part of the actor's own name."""
        for k in own.children:
            if k.dep_ not in ("compound", "nmod", "amod") or k.i > own.i:
                continue
            for pl in places:
                if pl.start <= k.idx < pl.end:
                    return str(pl.country)
        return None

    def _affiliated(self, own: Token, index: list[ActorMention | None]) -> str | None:
        """Country of a coded body the actor belongs to, named in its own phrase ("workers affiliated
        belonging to the Chilean copper union", "members of the Kenyan opposition")."""
        heads = [own, *(k for k in own.children if k.dep_ == "acl" and k.tag_ == "VBN")]
        for h in heads:
            for k in h.children:
                if k.dep_ != "prep" or lemma_of(k) not in _MEMBER_PREPS:
                    continue
                for q in k.children:
                    m = self._actor(q, index) if q.dep_ == "pobj" else None
                    code = (m.code or "") if m is not None else ""
                    if m is not None and m is not index[own.i] and len(code) >= 3 and not code.startswith(_NO_COUNTRY):
                        return m.country or code[:3]
        return None

    def _chain(self, tok: Token) -> list[Token]:
        """The act's clause head and the clauses governing it (nearest first)."""
        out = [self._clause_head(tok)]
        cur = out[0]
        for _ in range(4):
            if cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep") or cur.head.i == cur.i:
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

    def _visited(self, top: Token, places: list[Place]) -> str | None:
        """Country of the place a visit on the act's clause goes to ("met X during a visit to Amman",
        "on a trip to Riyadh"), else None."""
        for k in top.children:
            if k.dep_ != "prep" or lemma_of(k) not in ("during", "on", "in", "at"):
                continue
            for noun in (p for p in k.children if p.dep_ == "pobj" and lemma_of(p) in self.visit_nouns):
                for to in (c for c in noun.children if c.dep_ == "prep" and lemma_of(c) == "to"):
                    lo, hi = to.left_edge.idx, to.right_edge.idx + len(to.right_edge)
                    found = next((str(pl.country) for pl in places if lo <= pl.start < hi), None)
                    if found:
                        return found
        return None

    @staticmethod
    def _party_phrases(top: Token, tok: Token, own: Token | None) -> set[int]:
        """Subjects of ``top`` that are another party's phrase (not the act, not ``own``'s): the place
        inside "the British envoy in Kenya" is the envoy's, not the act's or its target's."""
        skip = {tok.i, *(a.i for a in tok.ancestors)}
        if own is not None:
            skip |= {own.i, *(a.i for a in own.ancestors)}
        return {k.i for k in top.children if k.dep_ in SUBJ_DEPS and k.i not in skip}

    @staticmethod
    def _placed_in(top: Token, places: list[Place], clauses: tuple[str, ...] = (),
                   skip: set[int] | frozenset[int] = frozenset()) -> str | None:
        """Country of the first literal place in a locative phrase under ``top``, not crossing into
        another clause (one of ``clauses``) nor into the phrases rooted at ``skip``."""
        if not places:
            return None
        for k in top.subtree:
            if k.dep_ != "prep" or lemma_of(k) not in _PLACE_PREPS or k.i == top.i:
                continue
            if skip and any(a.i in skip for a in k.ancestors):
                continue
            if clauses and any(a.dep_ in clauses for a in k.ancestors if top in a.ancestors):
                continue  # a place of another clause ("..., after gunmen killed 130 people in X")
            lo, hi = k.left_edge.idx, k.right_edge.idx + len(k.right_edge)
            for pl in places:
                if lo <= pl.start < hi:
                    return str(pl.country)
        return None

    def _seated_in(self, own: Token, places: list[Place]) -> str | None:
        """Where a party's own participle says it is based ("a newspaper BASED IN Beirut", "a firm
        headquartered in Seoul"): its country, whatever its sector."""
        for k in own.children:
            if k.dep_ == "acl" and lemma_of(k) in self.seat_verbs:
                found = self._placed_in(k, places)
                if found:
                    return found
        return None

    @staticmethod
    def _home_country(doc: Doc) -> str | None:
        """The country of the story's dateline ("KABUL, Afghanistan (AP) --"), if any."""
        spans = [(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])) for lo, hi in datelines(doc) if hi > lo]
        for pl in doc._.places or []:
            if pl.country and any(lo <= pl.start < hi for lo, hi in spans):
                return str(pl.country)
        return None
