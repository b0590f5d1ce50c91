"""The ActorRecognizer component: dictionary matches + NER spans -> coded ActorMentions.

One PhraseMatcher pass finds every dictionary form (matching.py); the matches are then read left to right and
composed the way news phrases actors: a country word, an optional possessive and modifiers, role
nouns, then maybe a name ("Chinese foreign ministry spokesperson Mao Ning" -> one CHNGOV mention).
The statistical NER, when the pipeline has it, adds names the dictionary lacks and tells a
country word inside a person's name ("George Washington") from a country (ner.py). Datelines are
dropped first and bare national institutions take the story's country last (context.py); acronyms
defined in the text and coreference (coref.py) come between.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import ActorMention
from .article import article_rules
from .context import (
    count_group,
    drop_datelines,
    ethnic_groups,
    followers,
    national_countries,
    shared_capitals,
)
from .coref import Candidate, acronyms, apposition, entourage, resolve, sentence_ids
from .dictionary import TRANSNATIONAL, ActorDictionary, Entry, code_sectors, load_dictionary
from .matching import Match, find_matches, placed_in, shouting
from .mentions import explain_mention, mention_for_token, to_mentions
from .ner import add_ner
from .peoples import peoples
from .qualifiers import load_qualifiers, ngo_names, no_country, qualify, story_people

__all__ = ["ActorRecognizer", "recognize", "mention_for_token"]

_PLACE_KINDS = {"country", "adjective", "capital"}  # words that can open a composed phrase
_COORD = {"and", "or", ",", "&"}
_POSSESSIVE = {"'s", "'", "’s", "’"}
# "the government of Iraq" is Iraq's, "critics of China" are not Chinese: "of" composes only these.
_OF_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "ELI"}
# Roles that are members of an organisation named after "of"/"for" ("fighters of the Free Syrian Army",
# "spokesmen for Hezbollah"); "victims of Boko Haram" or "critics of Hamas" are not the group.
_MEMBER_SECTORS = _OF_SECTORS | {"REB", "MED", "NGO", "IGO"}
_DAYS_MONTHS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
# NER labels whose longer span means a country word inside it is not a country reference.
_SWALLOWING = {"PERSON", "FAC", "EVENT", "WORK_OF_ART", "LOC", "PRODUCT", "LAW", "ORG"}
_NAME_PARTICLES = {"van", "von", "den", "der", "de", "da", "di", "del", "la", "le", "du", "bin", "ibn", "al",
                   "el", "abu", "ben", "dos", "das", "y"}
_LOCATIVE = {"in", "at", "to", "into", "near", "outside", "around", "across", "through", "via", "toward",
             "towards", "inside", "within", "over", "off"}
_ORIGIN = {"made", "built", "designed", "supplied", "produced", "manufactured"}
_MAX_GAP = 3  # tokens allowed between a country word and its role noun
_MAX_NAME = 4  # tokens of a personal name guessed after a title, without NER


class ActorRecognizer:
    """spaCy component: sets ``doc._.actors`` to sorted, non-overlapping ActorMentions."""

    def __init__(self, nlp: Language, data_dir: str | Path | None = None) -> None:
        self.dictionary = load_dictionary(data_dir)
        self.tokenizer = nlp.tokenizer
        self.matcher = self.dictionary.matcher(nlp.vocab, nlp.tokenizer)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = recognize(doc, self.dictionary, self.matcher)
        if doc._.explain:
            doc._.trace = list(doc._.trace or []) + [explain_mention(doc, m) for m in doc._.actors]
        return doc


def recognize(doc: Doc, dictionary: ActorDictionary, matcher: object) -> list[ActorMention]:
    """The coded actor mentions of ``doc`` (the component's work, callable on its own)."""
    date = doc._.published
    matches = find_matches(doc, dictionary, matcher)
    has_ner = doc.has_annotation("ENT_IOB")
    has_pos = doc.has_annotation("POS")
    matches, spans, home = drop_datelines(doc, matches)
    composer = _Composer(doc, dictionary, matches, date, has_ner, has_pos)
    cands = composer.compose()
    if has_ner:
        cands = add_ner(doc, cands)
        cands = [c for c in cands if not any(lo <= c.start < hi for lo, hi in spans)]
    cands = article_rules(doc, cands, dictionary)  # bylines, leaders' governments, offices, acronyms
    apposition(doc, cands, dictionary.modifiers)
    cands = acronyms(doc, cands)
    followers(doc, cands, dictionary.followers, dictionary.members)
    ethnic_groups(doc, cands)
    shared_capitals(doc, cands, dictionary)
    quals = load_qualifiers(str(dictionary.data_dir), dictionary)
    cands = ngo_names(doc, qualify(doc, cands, dictionary, quals, home), quals)
    no_country(doc, cands, dictionary, quals)
    placed_in(doc, cands, dictionary)
    sent = sentence_ids(doc)  # once: walking doc.sents is not free
    story_people(doc, cands, home, sent)
    cands = peoples(doc, cands, dictionary, quals, home, sent)
    cands = sorted(cands + resolve(doc, cands, date), key=lambda c: c.start)
    entourage(doc, cands, dictionary.entourage)
    national_countries(doc, cands, dictionary, home, sent)
    return to_mentions(doc, cands, sent)


# ---- composition ---------------------------------------------------------------------------


class _Composer:
    def __init__(self, doc: Doc, dictionary: ActorDictionary, matches: list[Match], date: str | None,
                 has_ner: bool, has_pos: bool) -> None:
        self.doc = doc
        self.d = dictionary
        self.ms = matches = [m for m in matches if not (m.entry.kind in ("country", "capital") and self._dateline(m))]
        self.date = date
        self.has_ner = has_ner
        self.has_pos = has_pos
        self.at: dict[int, int] = {m.start: k for k, m in enumerate(matches)}
        self.covered = [False] * len(doc)
        for m in matches:
            for i in range(m.start, m.end):
                self.covered[i] = True
        self.ent_at: dict[int, Span] = {}
        self.ent_of: dict[int, Span] = {}
        if has_ner:
            for ent in doc.ents:
                self.ent_at[ent.start] = ent
                for i in range(ent.start, ent.end):
                    self.ent_of[i] = ent

    # -- helpers

    def _item(self, tok: int) -> Match | None:
        k = self.at.get(tok)
        return None if k is None else self.ms[k]

    def _is_name_token(self, i: int) -> bool:
        tok = self.doc[i]
        if self.covered[i] or tok.lower_ in _DAYS_MONTHS or not tok.text[:1].isupper() or not tok.is_alpha:
            return False
        if self.has_pos:
            return tok.pos_ == "PROPN"
        return not tok.is_stop

    def _gap(self, pos: int) -> int:
        """Skip modifiers (and, with POS, adjectives/nouns) between a country word and a role noun."""
        doc = self.doc
        limit = min(len(doc), pos + _MAX_GAP)
        i = pos
        caps = pos < len(doc) and doc[pos].is_upper and shouting(doc, pos)
        while i < limit and not self.covered[i]:
            tok = doc[i]
            modifier = tok.lower_ in self.d.modifiers or tok.text == "-"
            if caps:  # a headline in capitals: tags say little, only modifier words may stand between
                tagged = False
            elif self.has_pos:
                tagged = tok.pos_ in ("ADJ", "NOUN", "PROPN") and tok.lower_ not in _DAYS_MONTHS
            else:  # no tagger: words of a proper name ("Nigerian National Petroleum Corporation")
                tagged = tok.is_title and tok.is_alpha and not tok.is_stop and tok.lower_ not in _DAYS_MONTHS
            if not (modifier or tagged):
                break
            i += 1
        return i

    def _name_after(self, pos: int, title: str | None = None) -> tuple[int, Match | None]:
        """End of a personal name starting at ``pos`` (``pos`` when there is none)."""
        if pos >= len(self.doc):
            return pos, None
        tok = self.doc[pos]
        if (title and tok.is_lower and tok.is_alpha and not tok.is_stop and len(tok.text) > 2
                and self.d.titled(tok.text, title, self.date) is not None):
            return pos + 1, None  # "president obama": a known title-holder's surname in lower case
        item = self._item(pos)
        if item is not None:
            return (item.end, item) if item.entry.kind == "person" else (pos, None)
        ent = self.ent_at.get(pos)
        if ent is not None and ent.label_ == "PERSON":
            return ent.end, None
        if ent is not None:
            return pos, None
        end = pos
        doc = self.doc
        while end < len(doc) and end - pos < _MAX_NAME:
            if self._is_name_token(end):
                end += 1
            elif (end > pos and (doc[end].lower_ in _NAME_PARTICLES or doc[end].text == "-")
                  and end + 1 < len(doc) and self._is_name_token(end + 1)):
                end += 2  # "Hans van den Broek", "Osama bin Laden", "Alexandria Ocasio-Cortez"
            else:
                break
        return end, None

    def _former_before(self, start: int, end: int) -> bool:
        lo = max(0, start - (2 if start > 0 and self.doc[start - 1].text == "-" else 1))
        # "then-President" marks a past role; a sentence-opening "Then" does not.
        return any(t.lower_ in self.d.former and t.text != "Then" for t in self.doc[lo:end])

    def _dateline(self, m: Match) -> bool:
        """A place opening a paragraph in capitals before punctuation ("VIENNA —") is a dateline."""
        doc = self.doc
        first = m.start == 0 or "\n" in doc[m.start - 1].text or doc[m.start - 1].is_space
        if not first or m.end >= len(doc):
            return False
        nxt = doc[m.end]
        if nxt.text == "(" and m.end + 2 < len(doc) and doc[m.end + 2].text == ")":
            return True  # "Hanoi (VNA) -", "WASHINGTON (Reuters) -"
        text = doc[m.start:m.end].text
        if not text.isupper() or self.d.exact.get(text.lower()) == text:
            return False  # "U.S. Ambassador Jane Doe ..." opens a sentence: an abbreviation is no dateline
        if nxt.text == "," and shouting(self.doc, m.end + 1):
            return False  # "CHINA, JAPAN AGREE": a headline listing countries, not "SEOUL, South Korea"
        # "VIENNA —", "LONDON The Latest": capitals then punctuation or ordinary text (not a headline).
        return (nxt.is_punct and nxt.text not in _POSSESSIVE) or (nxt.is_title and not nxt.is_upper)

    def _owned(self, m: Match) -> bool:
        return m.end < len(self.doc) and self.doc[m.end].text in _POSSESSIVE

    def _stance(self, m: Match) -> bool:
        doc = self.doc
        return m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in ("pro", "anti")

    def _definite(self, start: int) -> bool:
        return start > 0 and self.doc[start - 1].lower_ == "the"

    def _place_use(self, m: Match) -> str:
        """How to read a country or capital word inside a longer proper name: "keep" it, "drop" it
        ("George Washington", "Washington Post") or keep only its "country" ("the Beijing Olympics")."""
        doc = self.doc
        if self.has_ner:
            ent = self.ent_of.get(m.start)
            if ent is None or ent.label_ not in _SWALLOWING or (ent.end - ent.start) <= (m.end - m.start):
                return "keep"
            if not (ent.start <= m.start and m.end <= ent.end):
                return "keep"  # the entity does not contain the match: ours is the better span
            if ent.label_ == "PERSON":
                # "Ukraine Marie Yovanovitch" (a country before a name the NER ran together) keeps it.
                return "keep" if m.start == ent.start and m.entry.kind == "country" else "drop"
            if ent.label_ == "ORG":
                return "drop" if m.entry.kind == "capital" else "keep"  # "Russia Today" keeps RUS
            return "country" if m.entry.kind == "capital" else "keep"
        if m.entry.kind == "adjective" or shouting(doc, m.start):
            return "keep"  # in a headline in capitals every word looks like a name
        if m.end < len(doc) and self._is_name_token(m.end) and doc[m.end].text not in _POSSESSIVE:
            return "drop"
        if (m.start > 0 and not doc[m.start].is_sent_start and self._is_name_token(m.start - 1)
                and doc[m.start - 1].lower_ not in self.d.modifiers):
            return "drop"
        return "keep"

    # -- candidates

    def _standalone(self, m: Match) -> Candidate | None:
        e = m.entry
        doc = self.doc
        use = self._place_use(m) if e.kind in ("country", "capital") else "keep"
        if use == "drop":
            return None
        if e.kind == "capital" and m.start > 0 and doc[m.start - 1].lower_ in _LOCATIVE:
            use = "country"  # "talks in Beijing", "a train to Amsterdam": the place, not the government
        if use == "country":
            return Candidate(m.start, m.end, e.country, e.country, [], name=e.name, kind="country", entry=e)
        if e.kind == "agent":
            sector = e.sectors[0]
            return Candidate(m.start, m.end, "---" + sector, None, [sector], kind=_agent_kind(e), plural=e.plural,
                             person_role=e.person_role, role_term=e.name, definite=self._definite(m.start))
        if e.kind == "person":
            code = e.code_at(self.date)
            return Candidate(m.start, m.end, code, _country(code, e.country), _sectors(code), name=e.name,
                             kind="person", gender=e.gender, entry=e, name_start=m.start)
        if e.kind in ("organisation", "group"):
            code = e.code_at(self.date)
            return Candidate(m.start, m.end, code, _country(code, e.country), _sectors(code), name=e.name,
                             kind=e.kind, plural=e.kind == "group", entry=e)
        kind = "group" if e.kind == "demonym" else ("organisation" if e.kind == "metonym" else "country")
        if e.country is None:
            kind = "group"
        return Candidate(m.start, m.end, e.code, e.country, list(e.sectors), name=e.name or doc[m.start:m.end].text,
                         kind=kind, plural=e.plural, entry=e)

    def compose(self) -> list[Candidate]:
        out: list[Candidate] = []
        ms = self.ms
        k = 0
        while k < len(ms):
            m = ms[k]
            kind = m.entry.kind
            if kind in _PLACE_KINDS and self._stance(m):
                k += 1  # "pro-Russian separatists" are not Russian: the role noun stands alone
            elif kind in _PLACE_KINDS:
                k = self._from_place(k, out)
            elif kind == "agent":
                k = self._from_agent(k, out)
            elif kind in ("organisation", "group") and k + 1 < len(ms) and ms[k + 1].entry.kind == "agent" \
                    and ms[k + 1].start == self._gap(m.end + 1 if self._owned(m) else m.end) \
                    and (self._owned(m) or ms[k + 1].start == m.end):
                # "Houthi rebels", "NATO troops", "the United Nations' top court": the body's own code.
                j_end = self._agent_run(k + 1)
                cand = self._standalone(m)
                if cand is not None:
                    cand.end = ms[j_end - 1].end
                    cand.plural = ms[j_end - 1].entry.plural
                    out.append(cand)
                k = j_end
            else:
                cand = self._standalone(m)
                if cand is not None:
                    out.append(cand)
                k += 1
        return out

    def _agent_run(self, k: int) -> int:
        """Index after the run of adjacent role nouns starting at match ``k``."""
        ms = self.ms
        j = k + 1
        while j < len(ms) and ms[j].entry.kind == "agent" and ms[j].start == ms[j - 1].end:
            j += 1
        return j

    def _sector(self, agents: list[Match]) -> tuple[str, Entry]:
        """The head's sector, or the one before it when the head is generic ("army officer")."""
        head = agents[-1].entry
        if head.generic and len(agents) > 1:
            return agents[-2].entry.sectors[0], head
        return head.sectors[0], head

    def _from_place(self, k: int, out: list[Candidate]) -> int:
        ms, doc = self.ms, self.doc
        heads = [ms[k]]
        j = k
        # "Hungarian and Romanian officials": coordinated country words share the role noun.
        while j + 1 < len(ms) and ms[j + 1].entry.kind in _PLACE_KINDS:
            between = [t.lower_ for t in doc[ms[j].end:ms[j + 1].start]]
            if not between or len(between) > 2 or not all(w in _COORD for w in between):
                break
            j += 1
            heads.append(ms[j])
        # Only an adjective shares its role noun backwards: "US and South Korean troops" but not
        # "the US and Pyongyang's troops".
        while len(heads) > 1 and heads[-1].entry.kind != "adjective":
            heads.pop()
            j -= 1
        last = heads[-1]
        pos = last.end
        if pos < len(doc) and doc[pos].text in _POSSESSIVE:
            pos += 1
        ent = self.ent_at.get(pos)
        if (ent is not None and ent.label_ == "PERSON" and last.entry.kind != "capital" and last.entry.country
                and not any(self.covered[ent.start:ent.end])):
            # "Iran's Abbas Araghchi", "Egyptian Ahmed Ali": an unknown name takes the country.
            for h in heads[:-1]:
                self._emit(h, out)
            out.append(Candidate(last.start, ent.end, last.entry.country, last.entry.country, [], name=ent.text,
                                 kind="person", via="context", name_start=ent.start))
            return j + 1
        gap_start, pos = pos, self._gap(pos)
        envoy = self._envoy_at(pos) if last.entry.country else None
        if envoy is not None:
            # "Russia's UN ambassador", "the French NATO envoy": the sending state's diplomat.
            name_end, person = self._name_after(envoy.end, envoy.entry.name) if envoy.entry.person_role else (envoy.end, None)
            for h in heads[:-1]:
                self._emit(h, out)
            out.append(self._role(last.start, name_end, last.entry, "GOV", envoy.entry, person, envoy.end))
            return self.at[person.start] + 1 if person is not None else self.at[envoy.start] + 1
        nxt = self._item(pos)
        if nxt is not None and nxt.entry.kind == "agent" and not self._arms_of(last, gap_start, pos):
            nxt = None
        if nxt is not None and (nxt.entry.kind == "agent" or (nxt.entry.kind == "metonym" and nxt.entry.sectors)):
            if nxt.entry.kind == "agent":
                j_end = self._agent_run(self.at[pos])
                agents = ms[self.at[pos]:j_end]
                sector, head = self._sector(agents)
                if head.equipment:
                    sector = "MIL"  # "Russian bombers" are its air force, not rebels
            else:
                j_end = self.at[pos] + 1
                agents = [nxt]
                sector, head = nxt.entry.sectors[0], nxt.entry
            end = agents[-1].end
            if self._former_before(heads[0].start, end) and head.person_role:
                sector = "ELI"
            name_end, person = (self._name_after(end, head.name) if head.person_role else (end, None))
            for h in heads[:-1]:
                out.append(self._role(h.start, h.end, h.entry, sector, head, None, h.end))
            if person is not None:
                j_end = self.at[person.start] + 1
            if len(heads) > 1 and person is None and name_end == end:
                # "Thai and Cambodian troops": each actor spans its own adjective, so that the parse
                # (the first adjective modifies the noun, the others are its conjuncts) reaches both.
                name_end = last.end
            out.append(self._role(last.start, name_end, last.entry, sector, head, person, end))
            return j_end
        # "Russia's Vladimir Putin", "Russian President"-less: a country word before a known person.
        if nxt is not None and nxt.entry.kind == "person":
            cand = self._standalone(nxt)
            if cand is not None:
                cand.start = last.start
                if cand.country is None:
                    cand.country = last.entry.country
                    cand.code = cand.country
                for h in heads[:-1]:
                    self._emit(h, out)
                out.append(cand)
                return self.at[pos] + 1
        for h in heads:
            self._emit(h, out)
        return j + 1

    def _arms_of(self, place: Match, gap_start: int, pos: int) -> bool:
        """Whether a country word and the role noun at ``pos`` compose. A weapon or vessel needs them
        close ("Israeli jets", "Israeli F-35 jets", not "Chinese passenger jets") and is not merely
        made there ("Iranian-made drones" fly for whoever bought them)."""
        run = self.ms[self.at[pos]:self._agent_run(self.at[pos])]
        if not run[-1].entry.equipment:
            return True
        if not all(m.entry.equipment for m in run):
            return False  # "Chinese passenger jets"
        doc = self.doc
        if place.end + 1 < len(doc) and doc[place.end].text == "-" and doc[place.end + 1].lower_ in _ORIGIN:
            return False
        return all(t.lower_ in self.d.modifiers or not (t.is_alpha and t.is_lower) for t in doc[gap_start:pos])

    def _of_country(self, pos: int) -> Match | None:
        """The country or capital in "of (the) <country>" at ``pos``, not owning something after it."""
        doc = self.doc
        if pos >= len(doc) or doc[pos].lower_ != "of":
            return None
        pos += 2 if pos + 1 < len(doc) and doc[pos + 1].lower_ == "the" else 1
        place = self._item(pos)
        if place is None or place.entry.kind not in ("country", "capital") or not place.entry.country or self._owned(place):
            return None
        return place

    def _envoy_at(self, pos: int) -> Match | None:
        """The envoy role right after an intergovernmental body at ``pos`` ("UN ambassador")."""
        org = self._item(pos)
        if org is None or org.entry.kind != "organisation" or not (org.entry.code_at(self.date) or "").startswith("IGO"):
            return None
        role = self._item(org.end)
        if role is None or role.entry.kind != "agent" or role.entry.name not in self.d.envoys:
            return None
        return role

    def _modifier_only(self, start: int, end: int, head: Entry) -> bool:
        """Whether a bare role run only modifies the noun after it: an act, a document or a process
        ("prisoner exchange", "police report", "inmate checks"), or any noun after an adjectival role word
        ("criminal charges"). Only the next token is looked at; with a parse it must be a noun the run
        modifies ("police report that..." has the verb "report")."""
        doc = self.doc
        if end >= len(doc) or self.covered[end] or start > 0 and doc[start - 1].text in _POSSESSIVE:
            return False
        nxt = doc[end]
        if not (nxt.is_alpha and nxt.is_lower):
            return False
        if self.has_pos:
            if nxt.pos_ != "NOUN" or doc[end - 1].head.i != end or doc[end - 1].dep_ not in ("compound", "amod", "nmod"):
                return False
            words = {nxt.lower_, nxt.lemma_.lower()}
        else:
            words = {nxt.lower_}
        if words & self.d.modifier_heads:
            return True
        # the adjective's own form only: "criminals fled" are actors
        return end - start == 1 and doc[start].lower_ in self.d.adjectival and (self.has_pos or not nxt.is_stop)

    def _emit(self, m: Match, out: list[Candidate]) -> None:
        cand = self._standalone(m)
        if cand is not None:
            out.append(cand)

    def _role(self, start: int, end: int, place: Entry, sector: str, head: Entry, person: Match | None,
              role_end: int) -> Candidate:
        """A composed mention: country word + role noun (+ name)."""
        country = place.country
        code = (country or "---") + sector
        cand = Candidate(start, end, code, country, [sector], kind=_agent_kind(head), plural=head.plural,
                         person_role=head.person_role, role_term=head.name, definite=self._definite(start))
        if person is not None:
            p = person.entry
            pcode = p.code_at(self.date)
            # The person's own dated code, unless no role covers the date and the words around the
            # name say what they are ("the French commander in the Sahel, General Marc Durand").
            if pcode and len(pcode) > 3 and (p.in_role(self.date) or not p.roles):
                code = pcode
            elif p.country and country in (None, p.country):
                code = p.country + sector
            cand.code = code
            cand.country = _country(code, country)
            cand.sectors = _sectors(code)
            cand.name, cand.kind, cand.gender, cand.entry = p.name, "person", p.gender, p
            cand.name_start = person.start
        elif end > role_end:
            cand.name = self.doc[role_end:end].text
            cand.kind = "person"
            cand.name_start = role_end
            known = self.d.titled(cand.name, head.name, self.date) if end - role_end == 1 else None
            if known is not None and country in (None, known.country):
                cand.code = known.code_at(self.date)
                cand.country, cand.sectors = known.country, _sectors(cand.code)
                cand.name, cand.gender, cand.entry = known.name, known.gender, known
        return cand

    def _from_agent(self, k: int, out: list[Candidate]) -> int:
        ms, doc = self.ms, self.doc
        j_end = self._agent_run(k)
        agents = ms[k:j_end]
        sector, head = self._sector(agents)
        end = agents[-1].end
        start = agents[0].start
        if self._former_before(start, end) and head.person_role:
            sector = "ELI"
        if not head.bare:
            return j_end  # "fired a missile": a weapon with no country word is not an actor
        if self._modifier_only(start, end, head):
            return j_end  # "a criminal investigation", "a prisoner exchange": no actor
        if head.plural and count_group(doc, start):
            # "the two governments", "both sides": several parties, no single code.
            out.append(Candidate(start, end, None, None, [], kind="group", plural=True))
            return j_end
        # "the foreign minister of Iran", "officials from Japan"
        pos = end
        word = doc[pos].lower_ if pos < len(doc) else ""
        member_of = word == "for" or (word == "of" and sector not in _OF_SECTORS)
        if word == "from" or (word == "of" and sector in _OF_SECTORS) or (member_of and sector in _MEMBER_SECTORS):
            p2 = pos + 1
            if p2 < len(doc) and doc[p2].lower_ == "the":
                p2 += 1
            place = self._item(p2)
            org_at = p2
            if place is not None and place.entry.kind in ("country", "capital") and self._owned(place):
                org_at = self._gap(place.end + 1)  # "elders of Lebanon's Hezbollah": the body's
            if (not member_of and place is not None and place.entry.kind in ("country", "capital") and place.entry.country
                    and not self._owned(place)):
                cand = self._role(start, place.end, place.entry, sector, head, None, place.end)
                out.append(cand)
                k_end = self.at[p2] + 1
                # "the foreign ministers of Congo and Rwanda": every coordinated country has the role.
                while k_end < len(self.ms):
                    nxt = self.ms[k_end]
                    between = [t.lower_ for t in doc[self.ms[k_end - 1].end:nxt.start] if t.lower_ != "the"]
                    if (not between or len(between) > 2 or not all(w in _COORD for w in between)
                            or nxt.entry.kind not in ("country", "capital") or not nxt.entry.country
                            or self._owned(nxt)):
                        break
                    out.append(self._role(nxt.start, nxt.end, nxt.entry, sector, head, None, nxt.end))
                    k_end += 1
                return k_end
            org = self._item(self._gap(org_at))
            if org is not None and org.entry.kind in ("organisation", "group") and not self._owned(org):
                # "officials of the ruling Workers' Party of Korea": members take the body's code; the
                # role's sector only when that code has none ("officials of X" where X is a bare country).
                cand = self._standalone(org)
                if cand is not None and cand.code is not None:
                    if len(cand.code) == 3 and cand.code not in TRANSNATIONAL and cand.code != "---":
                        cand.code += sector
                        cand.sectors = [sector]
                    cand.start, cand.kind, cand.plural = start, _agent_kind(head), head.plural
                    out.append(cand)
                    return self.at[org.start] + 1
        # "President Vladimir Putin", "spokesperson Mao Ning"
        if head.person_role:
            name_end, person = self._name_after(end, head.name)
            if name_end > end:
                place = self._of_country(name_end) if person is None else None
                if place is not None:  # "Prime Minister Jane Doe of Thailand": the country after the name
                    cand = self._role(start, name_end, place.entry, sector, head, None, end)
                    cand.end = place.end
                    out.append(cand)
                    return self.at[place.start] + 1
                unknown = Entry(kind="country", name="", country=None)
                cand = self._role(start, name_end, unknown, sector, head, person, end)
                out.append(cand)
                return self.at[person.start] + 1 if person is not None else j_end
        cand = Candidate(start, end, "---" + sector, None, [sector], kind=_agent_kind(head), plural=head.plural,
                         person_role=head.person_role, role_term=head.name, definite=self._definite(start))
        out.append(cand)
        return j_end


def _agent_kind(e: Entry) -> str:
    if e.person_role and not e.plural:
        return "person"
    return "group" if e.plural else "organisation"


def _country(code: str | None, fallback: str | None) -> str | None:
    if not code:
        return fallback
    head = code[:3]
    return None if head == "---" else head


def _sectors(code: str | None) -> list[str]:
    return code_sectors(code)
