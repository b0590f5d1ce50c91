"""Where the actors of a trigger are: subjects, objects, prepositional objects, possessors... over the
dependency parse, with passives, control, raising, relative clauses, conjuncts and light verbs
("held talks"), resolved to the actor mentions of ``doc._.actors``. Used by the event coder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy import symbols
from spacy.attrs import DEP, HEAD
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..records import ActorMention
from .patterns import nested_prep_tokens

__all__ = ["RoleFinder", "is_pronoun", "lemma_of", "PRONOUNS", "SUBJ_DEPS", "UP_EDGES"]

SUBJ_DEPS = ("nsubj", "csubj", "expl")
_OBJ = ("dobj", "obj")
_RELPRON = {"who", "which", "that", "whom"}
_PLURAL = {"they", "their", "them", "we", "our", "us"}
PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "them", "him", "us"}
# Edges walked from an actor-bearing token into the words that name it ("the ruling party of Japan").
_DESCEND = {"compound", "amod", "poss", "nmod", "appos", "prep", "pobj", "npadvmod"}
_DESCEND_PREPS = {"of", "from", "by"}
_LOCATIVE = {"prep:in", "prep:at", "prep:near", "prep:across", "prep:into", "prep:along", "prep:inside",
             "prep:outside", "prep:throughout"}
# Prepositions through which a nominal act belongs to the verb's subject ("called for talks",
# "took part in protests", "agreed to a ceasefire", "returned for talks").
_GOV_PREPS = {"in", "for", "to", "into", "at", "under"}
_PLACE_PREPS = {"in", "at", "near", "on", "into", "across", "inside", "outside", "throughout", "around", "off"}
# Prepositions naming the party behind the goods a trigger's phrase is about ("sales TO Liberia",
# "imports FROM Iran"; "IN" would take the war's place for its party: "for the war in Ukraine").
_DEEPER_PREPS = {"to", "from", "against"}
# "crossed INTO Chad and raided a village", "after pushing ACROSS the border into Syria": the country
# its doers entered is where an act of the same sentence happens.
_ENTRY_PREPS = {"into", "across", "inside"}
# "in defiance OF X", "in protest AT/AGAINST/OVER X", "in response TO X", "anger WITH X".
_STANCE_PREPS = {"of", "at", "against", "over", "to", "with", "for"}
# "accused OF shelling": the gerund tells what the person is blamed for, so its subject is that person;
# "jailed FOR issuing threats" gives the reason of a punishment, a charge the text does not assert.
_ABOUT_PREPS = {"of", "for"}
UP_EDGES = {"pobj", "pcomp", "prep", "dobj", "xcomp", "ccomp", "nsubjpass", "obj", "dative"}


# A label's id in an attribute array: spaCy's symbol for its own labels, else the string's hash.
_PASSIVE_DEPS = frozenset(x for d in ("nsubjpass", "auxpass") for x in (getattr(symbols, d), hash_string(d)))


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun ("it", "they"), not a name spelled like one ("US" has the lemma "us")."""
    return (tok.lemma_.lower() in PRONOUNS or tok.lower_ in PRONOUNS) and (tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"))


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.text.lower()


class RoleFinder:
    """Syntax helpers of the event coder; ``light`` is the set of light-verb lemmas."""

    light: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()  # nouns a nominal act may hang through ("took part in talks")
    violence: frozenset[str] = frozenset()  # noun triggers of violent acts (roots 18-20)
    reporting: frozenset[str] = frozenset()  # verbs of verbal acts ("said ... and demanded", "accusing")
    subject_control: frozenset[str] = frozenset()  # "telephoned X to offer": the caller offers, not X
    onset: frozenset[str] = frozenset()  # "fighting ERUPTED between X and Y": the verb carries the parties
    aliases: dict[str, str] = {}  # noqa: RUF012 (lemmatizer slips, "stag" for "staged"; set by the coder)
    on_light: frozenset[str] = frozenset()  # "went ON strike": verbs a nominal act hangs from through "on"
    aiming: frozenset[str] = frozenset()  # "drills SURROUNDING Taiwan": participles naming the target
    summary_nouns: frozenset[str] = frozenset()  # ", a MOVE condemned by X": a noun summing up an act
    instruments: frozenset[str] = frozenset()  # "FIRED water cannon to break up": the object is a means
    provoking: frozenset[str] = frozenset()  # ", PROMPTING Mexico to break off ties": a reaction to the clause
    charge_nouns: frozenset[str] = frozenset()  # ", a CHARGE Moscow dismissed": the summed-up act is a speaker's
    stance_nouns: frozenset[str] = frozenset()  # "in DEFIANCE of X", "in PROTEST at X": whom the act is against
    stance_verbs: frozenset[str] = frozenset()  # "to SHOW their anger at X"
    plan_nouns: frozenset[str] = frozenset()  # "has no PLANS to lift", "has no INTENTION of attending"
    agented_acts: frozenset[str] = frozenset()  # protest and violence nouns: "the rally STAGED BY X"
    reacted_acts: frozenset[str] = frozenset()  # any act or decision noun: "condemned the MOVE announced by X"
    _sent_index: list[ActorMention | None] = []  # noqa: RUF012 (the coder sets its Doc's actor index)

    def _lemma(self, tok: Token) -> str:
        """The lemma with the lemmatizer's known slips corrected ("staged" -> "stag" -> "stage")."""
        lemma = lemma_of(tok)
        return self.aliases.get(lemma, lemma)

    _passive_doc: Doc | None = None  # the Doc whose passive heads are in _passive_heads
    _passive_heads: frozenset[int] = frozenset()

    def _passive(self, tok: Token) -> bool:
        doc = tok.doc
        if self._passive_doc is not doc:
            # Heads of passive subjects and auxiliaries, from one attribute array per Doc: the role
            # helpers ask this of many tokens, and reading a token's children builds a Token per child.
            heads = doc.to_array(HEAD).view("int64").tolist() if len(doc) else []  # offsets (signed)
            deps = doc.to_array(DEP).tolist() if len(doc) else []
            self._passive_doc = doc
            self._passive_heads = frozenset(i + h for i, (h, d) in enumerate(zip(heads, deps, strict=True))
                                            if d in _PASSIVE_DEPS)
        return tok.i in self._passive_heads or (tok.dep_ == "acl" and tok.tag_ == "VBN")

    def _objects(self, tok: Token) -> list[Token]:
        if tok.pos_ not in ("VERB", "AUX"):
            return []
        if self._passive(tok):
            objs = [k for k in tok.children if k.dep_ == "nsubjpass"]
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                objs.append(tok.head)
        else:
            objs = [k for k in tok.children if k.dep_ in _OBJ]
            if not objs:  # "kidnapped up to 16 advisers": the parser takes "up" for a particle
                objs = [q for p in tok.children if p.dep_ == "prt" and p.lower_ == "up" for k in p.children
                        if k.dep_ == "prep" and k.lower_ == "to" for q in k.children
                        if q.dep_ == "pobj" and any(n.dep_ == "nummod" for n in q.children)]
            if not objs:  # "denounced as a crime Serbia's crackdown": the object shifted past its "as" phrase
                objs = [a for k in tok.children if k.dep_ == "prep" and lemma_of(k) == "as"
                        for p in k.children if p.dep_ == "pobj" for a in p.children if a.dep_ == "appos"]
        return [self._relative(o) for o in objs]

    @staticmethod
    def _relative(tok: Token) -> Token:
        """A relative pronoun stands for the noun its clause modifies."""
        if lemma_of(tok) in _RELPRON and tok.head.dep_ == "relcl":
            return tok.head.head
        return tok

    def _subjects(self, tok: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """Subject tokens of a verb, and whether they were inherited (control, conjunction, clause)."""
        if self._passive(tok):
            subj = [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            return subj, False
        subj = [self._relative(k) for k in tok.children if k.dep_ in SUBJ_DEPS]
        # "Aid groups working in Sudan said": the parser may make the participle the subject
        subj = [next((c for c in k.children if c.dep_ == "nsubj"), k) if k.pos_ == "VERB" else k for k in subj]
        if subj or depth > 3:
            return subj, False
        head = tok.head
        if head.i == tok.i:
            return [], False
        if tok.dep_ == "xcomp":
            # Object control ("urged Iran to halt") else subject control ("vowed to strengthen"); a
            # contact verb's infinitive is its subject's purpose ("telephoned X to offer condolences").
            objs = [k for k in head.children if k.dep_ in _OBJ]
            if objs and (lemma_of(head) in self.subject_control or lemma_of(head) in self.instruments):
                return self._subjects(head, depth + 1)[0], True
            if objs:
                return objs, True
            on = [p for k in head.children if k.dep_ == "prep" and lemma_of(k) == "on" for p in k.children
                  if p.dep_ == "pobj"]
            if on:
                return on, True
            if self._passive(head) and not any(k.dep_ == "agent" for k in head.children):
                # raising: "the premier is due to attend", "the brigades are expected to pull back"
                return [self._relative(k) for k in head.children if k.dep_ == "nsubjpass"], True
            if head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp", "amod"):  # "is willing to send"
                head = head.head
            return self._subjects(head, depth + 1)[0], True
        if tok.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
            outer = head.head
            adjunct = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > head.i  # ", accusing X of"
            # (only when the speaker comes first: in "X backed down and agreed ..., Y said" both verbs are X's)
            if (tok.dep_ == "conj" or adjunct) and head.dep_ == "ccomp" and outer.pos_ in ("VERB", "AUX") and (
                lemma_of(tok) in self.reporting or lemma_of(head) == "be" and not adjunct
            ) and outer.i < head.i:
                # "X said the plan was a threat and demanded ...", "X said its guard acted lawfully,
                # accusing Y of ...", "X determined that the group was a terrorist organisation and
                # imposed sanctions": the verb pairs with the outer clause.
                return self._subjects(outer, depth + 1)[0], True
            return self._subjects(head, depth + 1)[0], True
        if tok.dep_ == "relcl":
            return [head], True
        if tok.dep_ == "acl" and tok.tag_ == "VBD":  # mis-parsed finite verb: "..., a rights group protested"
            return [head], True
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.dep_ in _OBJ and head.head.pos_ in ("VERB", "AUX"):
            index = self._sent_index
            if len(index) == len(tok.doc) and self._actor(head, index) is not None:
                return [head], True  # "dispersed supporters protesting ...": the supporters protest
            # "issued a statement demanding ...": the issuer demands
            return self._subjects(head.head, depth + 1)[0], True
        if (tok.dep_ == "acl" and self._infinitive(tok) and head.dep_ in _OBJ and lemma_of(head.head) == "have"
                and lemma_of(head) in self.plan_nouns):
            # "Moscow has no plans to ease its embargo": the plan is the subject's own
            return self._subjects(head.head, depth + 1)[0], True
        if (tok.dep_ == "acl" and self._infinitive(tok) and head.dep_ in _OBJ and head.head.pos_ in ("VERB", "AUX")
                and any(lemma_of(v) in self.instruments for v in (head.head, *head.head.conjuncts))):
            # a purpose hung on the object: "fired water cannon to break up", "sent troops to help"
            return self._subjects(head.head, depth + 1)[0], True
        if tok.dep_ == "pcomp" and head.dep_ == "prep":
            return self._gerund_subjects(tok, head, depth)
        if tok.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            return self._subjects(head.head, depth + 1)[0], True
        return [], False

    def _gerund_subjects(self, tok: Token, prep: Token, depth: int) -> tuple[list[Token], bool]:
        """Who does a gerund in a prepositional phrase ("after meeting X"): the person the phrase is
        about when it says why they are blamed, punished or praised ("X is accused OF shelling",
        "X was jailed FOR issuing threats", "jailed the activist FOR threatening", "the militia is
        guilty OF looting"), else the subject of the verb it hangs on ("has no intention OF attending")."""
        owner = prep.head
        about = lemma_of(prep) in _ABOUT_PREPS
        if (owner.pos_ in ("NOUN", "PROPN") and owner.dep_ in _OBJ and lemma_of(owner.head) == "have"
                and lemma_of(owner) in self.plan_nouns):
            owner = owner.head  # "has no intention of attending"
        elif owner.pos_ == "ADJ" and owner.dep_ in ("acomp", "amod") and about:
            owner = owner.head  # "the militia is guilty of shelling": the copula's subject
        if owner.pos_ not in ("VERB", "AUX"):
            return [], False
        if about and self._passive(owner):
            if lemma_of(prep) == "for":  # "was arrested for collaborating with X": the reason is the
                return [], False  # authorities' charge, not an act the text asserts
            done = [self._relative(k) for k in owner.children if k.dep_ == "nsubjpass"]
            if done:  # "X is accused by Y of shelling": X, never the accuser named by the agent phrase
                return done, True
        if about:
            index = self._sent_index
            objs = [o for o in owner.children if o.dep_ in _OBJ]
            if objs and len(index) == len(tok.doc) and self._actor(objs[0], index) is not None:
                # "sentenced the activist for threatening": a charge, like the passive's; "accused X of
                # shelling": X is the one said to shell
                return (objs, True) if lemma_of(prep) == "of" else ([], False)
        return self._subjects(owner, depth + 1)[0], True

    def _governor(self, tok: Token) -> Token | None:
        """The verb a noun trigger hangs from as object ("held talks", "called for sanctions")."""
        cur = tok
        for _ in range(4):
            if cur.dep_ not in UP_EDGES or cur.head.i == cur.i:
                return None
            if cur.dep_ == "prep" and lemma_of(cur) not in _GOV_PREPS and not (
                lemma_of(cur) == "of" and lemma_of(cur.head) in self.carriers
            ) and not (lemma_of(cur) == "on" and self._lemma(cur.head) in self.on_light):  # "joined a conference on the drought": a topic; "two days of drills": a measure of the act
                return None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
            if cur.pos_ in ("NOUN", "PROPN") and lemma_of(cur) not in self.carriers:
                return None  # "a conference on the drought": the noun hangs from another noun, not a verb
        return None

    @staticmethod
    def _infinitive(tok: Token) -> bool:
        return tok.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children)

    def _purposes(self, head: Token) -> list[Token]:
        """Infinitive purpose clauses of an act, on its verb or its object ("sent troops TO HELP Mali",
        "fired water cannon TO BREAK UP a rally"); never a complement the verb takes ("agreed to meet")."""
        if head.pos_ not in ("VERB", "AUX"):
            return []
        out = [k for k in head.children if k.dep_ == "advcl" and self._infinitive(k)]
        out += [k for o in head.children if o.dep_ in _OBJ for k in o.children
                if k.dep_ == "acl" and self._infinitive(k)]
        return out

    def _indirect_targets(self, tok: Token, head: Token, index: list[ActorMention | None], fold: bool,
                          keep: Callable[[ActorMention], bool]) -> tuple[list[tuple[ActorMention, Token]], str | None]:
        """Targets named away from the trigger's own roles, tried in order: the object of a purpose
        ("sent troops to help Mali"; not for folding acts, whose complements are their content), of an
        aiming participle ("drills surrounding Taiwan"), or the actor of the act a summary noun sums up
        ("Russia annexed four regions, a move condemned by Kyiv")."""
        tries: list[tuple[str, list[Token], tuple[str, ...]]] = [
            # ("to HELP identify the victims": what a helped verb acts on is no recipient of the help)
            ("purpose", [] if fold else [k for k in self._purposes(head) if not any(
                a.dep_ == "aux" and lemma_of(a) in ("help", "assist") for a in k.children)], ("dobj",)),
            ("aimed", self._aimed(tok), ("dobj", "prep:at", "prep:against")),
        ]
        summed = self._summed_up(tok)
        if summed is None:
            summed = self._framed(head)
        tries.append(("the act summed up", [summed] if summed is not None else [], ("subj",)))
        for role, toks, specs in tries:
            found = [t for k in toks for t in self._actors(k, specs, index, None)[0] if keep(t[0])]
            if found:
                return found, role
        return [], None

    def _provokers(self, head: Token, index: list[ActorMention | None]) -> list[tuple[ActorMention, Token]]:
        """Who provoked a reaction told as the consequence of their act: "X stormed the embassy,
        PROMPTING Mexico to break off relations" (the participle's clause's subject, X)."""
        verb = head.head
        if head.dep_ != "xcomp" or lemma_of(verb) not in self.provoking or verb.dep_ != "advcl" or verb.tag_ != "VBG":
            return []
        if not any(k.dep_ in _OBJ for k in verb.children):
            return []  # "prompting calls to ...": no one was prompted
        return self._actors(verb.head, ("subj",), index, None)[0]

    def _stance_targets(self, tok: Token, head: Token, index: list[ActorMention | None],
                        protest: bool) -> list[tuple[ActorMention, Token]]:
        """Whom an act says it is against: "in defiance of Nepalese police", "in protest at Israel's
        raid", "in response to Britain's move", a purpose "to show their anger at X"; for a protest
        (``protest``) also a bare "against X" ("riots against Israeli policies"). A stance of
        solidarity names whom the act supports, not its target: it only stops the search."""
        phrases: list[Token] = []
        heads = {tok.i: tok, head.i: head, **{o.i: o for o in self._objects(head)}}
        for h in heads.values():
            for k in h.children:
                if k.dep_ == "prep" and lemma_of(k) in ("in", "as") or k.dep_ == "dobj" and h.dep_ in ("advcl", "xcomp"):
                    phrases.extend(k.children if k.dep_ == "prep" else [k])
                if protest and k.dep_ == "prep" and lemma_of(k) == "against":
                    phrases.append(k)
                if k.dep_ in ("advcl", "xcomp") and self._infinitive(k) and lemma_of(k) in self.stance_verbs:
                    phrases.extend(o for o in k.children if o.dep_ in _OBJ)
        found: list[tuple[ActorMention, Token]] = []
        for n in phrases:
            if n.dep_ == "prep":  # the bare "against X" of a protest
                preps = [n]
            elif lemma_of(n) in self.stance_nouns and n.pos_ == "NOUN":
                if lemma_of(n) == "solidarity":
                    return []
                preps = [k for k in n.children if k.dep_ == "prep" and lemma_of(k) in _STANCE_PREPS]
                nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
                if not preps and nxt is not None and nxt.dep_ == "prep" and lemma_of(nxt) in _STANCE_PREPS:
                    preps = [nxt]  # "in protest | at X's raid": the parser hung "at" on the verb
            else:
                continue
            for q in (q for k in preps for q in k.children if q.dep_ == "pobj"):
                for c in self._conjuncts(q):
                    m = self._actor(c, index)
                    if m is not None and m.code and all(m is not f[0] for f in found):
                        found.append((m, c))
        return found

    def _aimed(self, tok: Token) -> list[Token]:
        """Participles that say whom a nominal act is aimed at ("drills SURROUNDING Taiwan", "sanctions
        TARGETING Russian banks", "strikes AIMED at militants"), on the trigger or the verb's object."""
        nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else self._objects(tok)
        return [k for n in nouns for k in n.children
                if k.dep_ == "acl" and k.tag_ in ("VBG", "VBN") and lemma_of(k) in self.aiming]

    def _summed_up(self, tok: Token) -> Token | None:
        """The act a reaction is to when the reaction hangs on a noun summing up the clause before it
        (", a move condemned by Kyiv", ", a step welcomed by Cairo", ", a charge Moscow dismissed", "a
        result the opposition rejected"): the verb of that clause (for a charge, the verb of saying)."""
        if tok.dep_ not in ("acl", "relcl") or lemma_of(tok.head) not in self.summary_nouns:
            return None
        charge = lemma_of(tok.head) in self.charge_nouns
        cur = tok.head
        for _ in range(6):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                break
        else:
            return None
        if not charge:
            return cur
        # a charge is its speaker's, not the accused's: "X used gas, Y said, a charge Z dismissed"
        speech: frozenset[str] = getattr(self, "speech", frozenset())
        if lemma_of(cur) in speech:
            return cur
        return next((k for k in cur.children if k.dep_ in ("parataxis", "ccomp") and lemma_of(k) in speech), None)

    @staticmethod
    def _framed(head: Token) -> Token | None:
        """The act a reaction frames through a free relative: "shelled a hospital IN WHAT Ukraine
        condemned as a war crime" (the reaction's "what" stands for the act of the verb it hangs on)."""
        if head.dep_ != "pcomp" or not any(k.lower_ == "what" and k.dep_ in ("dobj", "nsubjpass", "nsubj")
                                           for k in head.children):
            return None
        prep = head.head
        if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        return prep.head

    def _clause_head(self, tok: Token) -> Token:
        """The verb whose clause carries a trigger: the light verb of a nominal, else the trigger."""
        if tok.pos_ in ("NOUN", "PROPN"):
            gov = self._governor(tok)
            if gov is not None and lemma_of(gov) in self.light:
                return gov
        return tok

    @staticmethod
    def _conjuncts(tok: Token) -> list[Token]:
        """The token and the ones coordinated with it; the parser often makes the middle of a list of
        names an apposition ("Chile, Peru, and Bolivia met")."""
        out = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
        for k in tok.children:
            if k.dep_ == "appos" and k.pos_ == "PROPN" and any(c.dep_ == "conj" for c in k.children):
                out.extend([k, *[c for c in k.conjuncts if c.i > k.i]])
        return out

    def _onset_verb(self, tok: Token) -> Token | None:
        """The intransitive verb a noun act is the subject of when the verb only says the act began or
        went on ("heavy fighting erupted between the army and the RSF", "clashes broke out")."""
        head = tok.head
        if (tok.dep_ != "nsubj" or head.i == tok.i or head.pos_ not in ("VERB", "AUX")
                or self._lemma(head) not in self.onset or any(k.dep_ in _OBJ for k in head.children)):
            return None
        return head

    def _preps(self, tok: Token, prep: str) -> list[Token]:
        heads = [tok, *self._objects(tok)]
        if tok.pos_ in ("NOUN", "PROPN"):
            gov = self._governor(tok)
            if gov is not None and lemma_of(gov) in self.light:
                heads.append(gov)
            onset = self._onset_verb(tok)
            if onset is not None:
                heads.append(onset)
        # "pledged 3.5 million euros in assistance to Turkey": the phrase may hang one noun deeper
        heads += [q for o in heads[1:] if o.pos_ in ("NOUN", "PROPN", "NUM") for k in o.children
                  if k.dep_ == "prep" and lemma_of(k) in ("of", "in") for q in k.children if q.dep_ == "pobj"]
        if tok.pos_ in ("NOUN", "PROPN"):  # "the suspension of flights to Iran": a noun act's own "of" phrase
            heads += [q for k in tok.children if k.dep_ == "prep" and lemma_of(k) == "of"
                      for q in k.children if q.dep_ == "pobj" and q.pos_ in ("NOUN", "PROPN")]
        out = []
        for h in heads:
            for k in h.children:
                if k.dep_ in ("prep", "agent", "dative") and lemma_of(k) == prep:
                    out.extend(p for p in k.children if p.dep_ in ("pobj", "pcomp"))
        return out

    def _role_tokens(self, tok: Token, role: str) -> tuple[list[Token], float]:
        """Tokens filling ``role`` for trigger ``tok``, and a confidence factor for how they were found."""
        if role == "subj":
            if tok.pos_ in ("NOUN", "PROPN"):
                return self._role_tokens(tok, "gov_subj")
            subj, inherited = self._subjects(tok)
            return subj, (0.85 if inherited else 1.0)
        if role == "dobj":
            return self._objects(tok), 1.0
        if role == "iobj":
            return [k for k in tok.children if k.dep_ in ("dative", "iobj") and k.pos_ != "ADP"], 1.0
        if role == "poss":
            return [k for k in tok.children if k.dep_ == "poss"], 0.9
        if role == "mod":
            return [k for k in tok.children if k.dep_ in ("compound", "amod", "nmod")], 0.8
        if role == "agent":
            return self._preps(tok, "by"), 0.9
        if role == "head_obj":  # "Israeli air strikes killed 20 people in Gaza": the strikes hit them
            if tok.dep_ != "nsubj" or tok.head.pos_ != "VERB":
                return [], 1.0
            return [*self._objects(tok.head), *self._preps(tok.head, "in")], 0.85
        if role == "cause":  # "were killed in an Israeli air strike": the attacker of the strike
            out = []
            for k in tok.children:
                if k.dep_ in ("prep", "agent") and lemma_of(k) in ("in", "during", "by"):
                    out.extend(c for p in k.children if p.dep_ == "pobj" and lemma_of(p) in self.violence
                               for c in p.children if c.dep_ in ("amod", "compound", "poss", "nmod"))
            return out, 0.8
        if role == "comp_obj":  # "applied to join NATO", "agreed to accept deportees"
            return [o for k in tok.children if k.dep_ in ("xcomp", "ccomp") for o in self._objects(k)], 0.9
        if role == "comp_subj":  # "said that Japan must lift tariffs"
            return [s for k in tok.children if k.dep_ == "ccomp" for s in k.children if s.dep_ in SUBJ_DEPS], 0.9
        if role.startswith("prep:"):  # "prep:against>to": "advised against travel TO Mali"
            first, _, inner = role[5:].partition(">")
            found = self._preps(tok, first)
            return (nested_prep_tokens(found, inner) if inner else found), 1.0
        gov = self._governor(tok)
        if gov is None or lemma_of(gov) not in self.light:
            return [], 1.0
        if role == "gov_subj":
            if tok.dep_ == "pobj" and any(k.dep_ == "dobj" and lemma_of(k) not in self.carriers for k in gov.children):
                return [], 1.0  # "made the remarks at a meeting": the subject's act is its own object
            subj, inherited = self._subjects(gov)
            if not subj and self._passive(gov):  # "were involved in mass killings"
                subj = [k for k in gov.children if k.dep_ == "nsubjpass" and k.i != tok.i]
            return subj, (0.8 if inherited else 0.9)
        if role == "gov_obj":
            return [k for k in gov.children if k.dep_ in ("dative", "iobj")], 0.85
        return [], 1.0

    def _actor(self, tok: Token, index: list[ActorMention | None]) -> ActorMention | None:
        """The mention naming ``tok``: the one covering it, else the nearest one inside its phrase."""
        own = index[tok.i]
        if own is not None and own.code:
            return own
        named = self._appositive(tok, index) if own is None else None
        if named is not None:
            return named
        # An uncoded name ("Moody Awori") may carry a coded title or modifier ("Vice-President").
        frontier = [tok]
        for _ in range(3):
            nxt = []
            for t in frontier:
                for k in t.children:
                    if k.dep_ not in _DESCEND or (k.dep_ == "prep" and lemma_of(k) not in _DESCEND_PREPS):
                        continue
                    found = index[k.i]
                    if found is not None and found is not own and found.code and k.dep_ != "prep":
                        return found
                    nxt.append(k)
            frontier = nxt
        return own

    @staticmethod
    def _appositive(tok: Token, index: list[ActorMention | None]) -> ActorMention | None:
        """The coded name in apposition to a common noun: "its western neighbour, Libya", "a fellow US
        ally in the Gulf, Qatar" (the name is who the noun is; its modifiers only describe it)."""
        if tok.pos_ != "NOUN":
            return None
        named = [k for k in tok.children if k.dep_ == "appos"] + [
            a for p in tok.children if p.dep_ == "prep" and lemma_of(p) == "in" for q in p.children
            if q.dep_ == "pobj" for a in q.children if a.dep_ == "appos" and a.i == tok.right_edge.i]
        for k in named:
            found = index[k.i]
            if found is not None and found.code and k.pos_ == "PROPN":
                return found
        return None

    def _actors(self, tok: Token, roles: tuple[str, ...], index: list[ActorMention | None],
                fallback: Token | None) -> tuple[list[tuple[ActorMention, Token]], str | None, float]:
        """Coded mentions for the first role that yields any, over conjuncts; pronouns fall back."""
        for role in roles:
            if role == "place":
                placed = self._place_actor(tok)
                if placed is not None:
                    return [placed], role, 0.7
                continue
            toks, factor = self._role_tokens(tok, role)
            if role == "subj" and tok.dep_ == "relcl" and any(
                    k.dep_ in SUBJ_DEPS and lemma_of(k) in _RELPRON for k in tok.children):
                # "... rule in Bosnia WHO assassinated ...": the doer is the noun the clause modifies, if it
                # names an actor itself, never a modifier deep in its phrase ("Austro-Hungarian rule")
                toks = [t for t in toks if (own := index[t.i]) is not None and own.code]
            found: list[tuple[ActorMention, Token]] = []
            for t in toks:
                # "Hungarian and Romanian officials": each conjoined modifier names another actor.
                # ("Thai and Cambodian troops" may parse Thai as nmod, with Cambodian as its conjunct)
                mods = [c for k in t.children if k.dep_ in ("amod", "compound", "nmod") for c in (k, *k.conjuncts)]
                if index[t.i] is None and self._appositive(t, index) is not None:
                    mods = []  # "a fellow US ally, Qatar": the apposition names it, "US" only describes
                # a name split by the parser ("Barack/nsubj Obama/pobj and Putin/conj"): its tokens' conjuncts
                own = index[t.i]
                if own is not None:
                    doc = t.doc
                    mods += [c for j in range(max(0, t.i - 4), min(len(doc), t.i + 5)) if index[j] is own
                             for c in doc[j].conjuncts if c.i > j and index[c.i] is not own]
                for c in [*self._conjuncts(t), *mods]:
                    m = self._actor(c, index)
                    if m is None and is_pronoun(c) and fallback is not None:
                        m = self._actor(fallback, index)
                        factor *= 0.75
                        if lemma_of(c) in _PLURAL:  # "Lula and Milei said they will ...": each speaker
                            # the middle of a list of names may parse as an apposition
                            for other in dict.fromkeys([*fallback.conjuncts, *self._conjuncts(fallback)[1:]]):
                                o = self._actor(other, index)
                                if o is not None and o.code and all(o is not f[0] for f in found):
                                    found.append((o, c))
                    if m is not None and role in _LOCATIVE and m.kind == "country" and m.code and len(m.code) > 3:
                        # "a curfew in Abidjan": the capital names the place, not its government
                        m = replace(m, code=m.country or m.code[:3])
                    if m is not None and m.code and all(m is not f[0] for f in found):
                        found.append((m, c))
            if not found and role == "dobj":
                # "prevented the rally organised by students": the act's doer is whom it is aimed at; a
                # verbal reaction to any act or decision ("condemned the move announced by Pompeo") too
                acts = self.agented_acts | self.reacted_acts if self._lemma(tok) in self.reporting else self.agented_acts
                found = [(doer, p) for t in toks if index[t.i] is None and self._lemma(t) in acts
                         for v in t.children if v.dep_ == "acl" and v.tag_ == "VBN"
                         for a in v.children if a.dep_ == "agent" for p in a.children
                         if p.dep_ == "pobj" and (doer := self._actor(p, index)) is not None and doer.code]
                factor *= 0.85
            if not found and role.startswith("prep:"):
                # "an embargo on arms sales to Liberia": the party is one phrase deeper than the goods
                for t in toks:
                    if t.pos_ not in ("NOUN", "PROPN") or index[t.i] is not None:
                        continue
                    for k in t.children:
                        if k.dep_ == "prep" and lemma_of(k) in _DEEPER_PREPS:
                            for q in k.children:
                                m = self._actor(q, index) if q.dep_ == "pobj" else None
                                if m is not None and m.code and all(m is not f[0] for f in found):
                                    found.append((m, q))
                factor *= 0.85
            if found:
                if any(m.via == "coref" for m, _ in found):
                    factor *= 0.85
                return found, role, factor
        return [], None, 1.0

    def _place_actor(self, tok: Token) -> tuple[ActorMention, Token] | None:
        """The country of a place named in the trigger's clause ("fired shells at targets in Jericho"):
        where violence happens is whom it hits when no actor is named."""
        head = self._clause_head(tok)
        doc = tok.doc
        # only places inside a locative phrase of the act or of its object ("at targets in Jericho")
        objs = self._objects(head)
        spans = [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge))
                 for h in {head, tok, *objs} for k in h.children
                 if k.dep_ == "prep" and lemma_of(k) in _PLACE_PREPS]
        spans += [(k.left_edge.idx, k.right_edge.idx + len(k.right_edge)) for v in _entering(head) for k in v.children
                  if k.dep_ == "prep" and lemma_of(k) in _ENTRY_PREPS]
        # the object itself is the place struck ("shelled Kadugli", "bombed the town of Kadugli")
        spans += [(q.idx, q.idx + len(q)) for o in objs
                  for q in [o, *(p for k in o.children if k.dep_ == "prep" and lemma_of(k) == "of"
                                 for p in k.children if p.dep_ == "pobj")]]
        for pl in doc._.places or []:
            if pl.country and pl.kind == "literal" and any(lo <= pl.start < hi for lo, hi in spans):
                span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
                anchor = span[0] if span is not None and len(span) else tok
                return ActorMention(start=pl.start, end=pl.end, text=pl.text, code=pl.country,
                                    country=pl.country, kind="country", via="context"), anchor
        return None


def _entering(head: Token) -> list[Token]:
    """Verbs of movement joined to the act's clause: the verb it is a subjectless conjunct of ("crossed
    into Chad AND raided"), or a gerund it carries ("raided a village AFTER crossing into Chad")."""
    out = []
    if head.dep_ == "conj" and head.head.pos_ == "VERB" and not any(k.dep_ in SUBJ_DEPS for k in head.children):
        out.append(head.head)
    out += [q for k in head.children if k.dep_ == "prep" for q in k.children if q.dep_ == "pcomp" and q.pos_ == "VERB"]
    out += [k for k in head.children if k.dep_ == "advcl" and k.tag_ == "VBG"]
    return out
