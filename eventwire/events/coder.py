"""The event coder: who did what to whom, from each sentence's dependency parse.

For every token whose lemma is a trigger in the pattern dictionary (one dict probe per token), the
most specific entry whose constraints hold is taken; source and target come from the entry's role
specs (subject, object, prepositional objects, possessor...), resolved to the actor mentions in
``doc._.actors`` and expanded over conjuncts. Complements of statement/intent verbs ("threatened to
impose sanctions", "refused to meet", "urged X to talk") are folded into the governing act, which
CAMEO codes as one event. With ``doc._.explain`` set, every decision is written to ``doc._.trace``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import replace

from spacy import symbols
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..nlp import extensions
from ..records import ActorMention, Event
from .claims import claim_events
from .dedupe import dedupe_events
from .fill import check_requires, ontology_fields, plover_fields, reversed_event
from .folding import Folder, _Match
from .intent import IntentReader
from .locate import Locator
from .merge import merge_violence
from .modality_cues import cues
from .modality_rules import generic_cue, standing_cue
from .patterns import Pattern, PatternSet, foreign_target_ok, load_patterns
from .reframe import Reframer, reframe_data
from .roles import is_pronoun, lemma_of
from .scope import denied_by_other
from .wishes import WISH_ID, WishReader, would_like

__all__ = ["EventCoder", "code_doc"]

extensions.register()

# Roles naming where forces are sent rather than whom they face.
_DESTINATIONS = {"prep:to", "prep:into", "prep:in", "prep:toward", "prep:towards", "place"}
_DESTINATION_PREPS = {"to", "into", "toward", "towards"}
_CAND_ATTRS = [LEMMA, LOWER, POS, DEP, TAG, ENT_TYPE]
_AMOD = {symbols.amod, hash_string("amod")}  # the label's id in an attribute array: spaCy's symbol, else its hash
_VERB_TAGS = {hash_string(t) for t in ("VBD", "VBN", "VBZ")}
_LEMMA_CACHE_MAX = 32_768


class EventCoder(IntentReader, Folder, Locator, WishReader, Reframer):
    """spaCy component: sets ``doc._.events`` (list of Event) from ``doc._.actors`` and the parse."""

    def __init__(self, nlp: Language | None = None, patterns: PatternSet | None = None) -> None:
        self.patterns = patterns or load_patterns()
        self.version = self.patterns.version
        g = self.patterns
        aliases = g.mapping("lemma_aliases")
        self.verbs = dict(g.verbs)
        for wrong, right in aliases.items():
            if right in self.verbs and wrong not in self.verbs:
                self.verbs[wrong] = self.verbs[right]
        self.aliases = aliases
        light = g.words("light_verbs")
        self.light = light | {w for w, r in aliases.items() if r in light}
        self.carriers = g.words("carrier_nouns")
        self.violence = frozenset(lemma for lemma, entries in g.nouns.items()
                                  if any((e.code or "")[:2] in ("18", "19", "20") for e in entries))
        self.agented_acts = self.violence | frozenset(lemma for lemma, entries in g.nouns.items()
                                                      if any((e.code or "")[:2] == "14" for e in entries))
        self.reacted_acts = frozenset(g.nouns) | g.words("summary_nouns") | g.words("document_nouns")
        self.plan_nouns = cues().frames["planned"]["nouns"]  # "has no PLANS to": the subject's own plan
        self.speech = g.words("speech_verbs")
        self.planned = g.words("planned_verbs")
        self.demanded = g.words("demand_verbs")
        self.threatened = g.words("threat_verbs")
        self.future = g.words("future_aux")
        self.hypo = g.words("hypothetical_aux")
        self.hypo_marks, self.adverbial_marks = g.words("hypothetical_marks"), g.words("adverbial_marks")
        self.must = g.words("demand_aux")
        self.intent = g.mapping("intent_codes")
        self.threat = g.mapping("threat_codes")
        self.refusal = g.mapping("refusal_codes")
        self.neg_dets = g.words("negative_determiners")
        # verbs of saying, asking, blaming or threatening: after a report they are the speaker's own acts
        verbal = {lemma for lemma, entries in g.verbs.items()
                  if any((e.code or "")[:2] in ("01", "02", "10", "11", "12", "13") for e in entries)}
        self.reporting = frozenset(verbal) | self.speech | self.demanded | self.threatened
        self.subject_control = g.words("subject_control_verbs")
        self.onset = g.words("onset_verbs")
        self.on_light = g.words("on_light_verbs")
        self.instruments = g.words("instrument_verbs")
        self.summary_nouns = g.words("summary_nouns")
        self.aiming = g.words("aiming_participles")
        self.hostile = g.mapping("hostile_response_nouns")
        self.internal = tuple(g.words("internal_codes"))
        self.unattributed = tuple(g.words("unattributed_codes"))
        self.place_targets = tuple(g.words("place_target_codes"))
        self.place_recipients = tuple(g.words("place_recipient_codes"))
        self.object_places = tuple(g.words("object_place_codes"))
        self.home_recipients = tuple(g.words("home_recipient_codes"))
        self.intl_seats = g.words("international_seats")
        self.destinations = tuple(g.words("destination_codes"))
        self.document_nouns = g.words("document_nouns")
        self.projectiles = g.words("projectile_nouns")
        self.reaction_roots, self.provoking = g.words("reaction_roots"), g.words("provoking_verbs")
        self.stance_nouns, self.stance_verbs = g.words("stance_nouns"), g.words("stance_verbs")
        self.charge_nouns = g.words("charge_nouns")
        self.unattributed_subjects = g.words("unattributed_subjects")
        self.accidents = g.words("accident_nouns")
        self.visit_nouns, self.foreign_offices = g.words("visit_nouns"), g.words("foreign_offices")
        self.casualty, self.agentless_casualty = g.words("casualty_verbs"), g.words("agentless_casualty_verbs")
        self.foreign_mods, self.domestic = g.words("foreign_modifiers"), g.words("domestic_sectors")
        self.nonstate, self.seat_verbs = g.words("nonstate_sectors"), g.words("seat_verbs")
        self._sent_index: list[ActorMention | None] = []
        self._facts: dict[int, tuple] = {}  # per trigger of the Doc below, what constraints read (fill._facts)
        self._facts_doc: Doc | None = None
        self._cand_doc: Doc | None = None  # the Doc whose attribute rows _candidates holds
        self._cand_rows: list[list[int]] = []
        self._lemmas: dict[int, str] = {}  # lemma hash -> lower-case lemma (the vocab's strings are stable)
        self._triggers: dict[int, _Match] = {}  # trigger token index -> its match, per sentence
        self._owner: dict[int, Token] = {}  # id of an event -> its trigger token, per sentence
        self._caused: dict[int, tuple[Token, ActorMention, Token]] = {}  # attack -> (toll verb, attacker)

    # ---------------------------------------------------------------- entry point
    def __call__(self, doc: Doc) -> Doc:
        explain = bool(doc._.explain)
        trace: list[str] | None = None
        if explain:
            trace = doc._.trace if doc._.trace is not None else []
            doc._.trace = trace
        index = self._index(doc)
        events: list[Event] = []
        try:
            sents = list(doc.sents)
        except ValueError:  # no sentence boundaries (unparsed Doc): one sentence
            sents = [doc[:]]
        for si, sent in enumerate(sents):
            try:
                events.extend(self._sentence(doc, sent, si, index, trace))
            except Exception as exc:  # one odd parse must not stop a run; the trace says what happened
                warnings.warn(f"event coder skipped sentence {si} of {doc._.doc_id}: {exc!r}", stacklevel=2)
                if trace is not None:
                    trace.append(f"sentence {si}: skipped after an error: {exc!r}")
        doc._.events = dedupe_events(events, trace)  # a repeated paragraph is one report, coded once
        return doc

    @staticmethod
    def _index(doc: Doc) -> list[ActorMention | None]:
        index: list[ActorMention | None] = [None] * len(doc)
        for m in doc._.actors or []:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                index[i] = m
        return index

    # ---------------------------------------------------------------- matching
    def _candidates(self, sent: Span, index: list[ActorMention | None]) -> Iterable[tuple[Token, list[Pattern]]]:
        """Trigger tokens of ``sent`` with their entries. Reads the Doc's attribute array (one per Doc)
        and builds a Token only for a trigger: most tokens are none, and spaCy makes a Token per read."""
        verbs, nouns = self.verbs, self.patterns.nouns
        doc = sent.doc
        if self._cand_doc is not doc:
            self._cand_doc, self._cand_rows = doc, doc.to_array(_CAND_ATTRS).tolist()
        rows, strings, lemmas = self._cand_rows, doc.vocab.strings, self._lemmas
        for i in range(sent.start, sent.end):
            if index[i] is not None:
                continue  # part of a name ("Observer Mission", "March 3"), not an act
            lemma_h, lower_h, pos, dep, tag, ent = rows[i]
            if (pos == PROPN and ent) or dep in _AMOD:
                continue  # a name; or a participle used as an adjective: "defending champion", "ruling party"
            if pos in (VERB, AUX):
                table = verbs
            elif pos in (NOUN, PROPN):
                table = nouns
            else:
                continue
            key = lemma_h or lower_h
            lemma = lemmas.get(key)
            if lemma is None:
                if len(lemmas) >= _LEMMA_CACHE_MAX:
                    lemmas.clear()  # bounded: a long run meets new word forms without end
                lemma = lemmas[key] = strings[key].lower()
            found = table.get(lemma)
            if found is None and table is nouns and tag in _VERB_TAGS:
                found = verbs.get(lemma)  # mis-tagged verbs in headlines
            if found:
                yield doc[i], found

    def _requires(self, tok: Token, p: Pattern) -> str | None:
        """None when every constraint of ``p`` holds at ``tok``, else the first one that fails."""
        return check_requires(self, tok, p)

    def _subject_excluded(self, tok: Token, unwanted: frozenset[str]) -> bool:
        """Whether the subject is one of ``unwanted`` by lemma or by a sector of its actor code
        ("troops arrived in Mali" is no visit: subj_not [mil])."""
        subj, _ = self._role_tokens(tok, "subj")
        index = self._sent_index
        for t in subj:
            if lemma_of(t) in unwanted:
                return True
            m = self._actor(t, index) if len(index) == len(t.doc) else None
            code = (m.code or "") if m is not None else ""
            if any(code[i:i + 3].lower() in unwanted for i in range(3, len(code), 3)):
                return True
        return False

    def _match(self, tok: Token, found: list[Pattern], trace: list[str] | None) -> list[Pattern]:
        """Every entry whose constraints hold at ``tok``, most specific first."""
        ok = []
        for p in found:
            why = self._requires(tok, p)
            if trace is not None:
                trace.append(f"    try {p.id} ({p.code or 'suppress'}): {'ok' if why is None else 'fails ' + why}")
            if why is None:
                ok.append(p)
        return ok

    # ---------------------------------------------------------------- speech, folding
    def _reported_by(self, tok: Token, sent: Span, index: list[ActorMention | None]) -> list[str]:
        """Who reports the act: the subject of a speech verb governing it, or "according to X"."""
        cur = self._clause_head(tok)
        for _ in range(5):
            if cur.head.i == cur.i:
                break
            dep, cur = cur.dep_, cur.head
            if dep in ("ccomp", "parataxis") and lemma_of(cur) in self.speech:
                subj, _ = self._subjects(cur)
                if subj:
                    m = self._actor(subj[0], index)
                    return [m.name or m.text] if m is not None else [_phrase(subj[0])]
        for t in sent:
            if lemma_of(t) == "accord" and t.dep_ == "prep" or (t.lower_ == "according" and t.dep_ == "prep"):
                objs = [p for k in t.children for p in ([k] if k.dep_ == "pobj" else k.children)
                        if p.dep_ == "pobj"]
                if objs:
                    m = self._actor(objs[0], index)
                    return [m.name or m.text] if m is not None else [_phrase(objs[0])]
        return []

    # ---------------------------------------------------------------- one sentence
    def _sentence(self, doc: Doc, sent: Span, si: int, index: list[ActorMention | None],
                  trace: list[str] | None) -> list[Event]:
        if trace is not None:
            trace.append(f"sentence {si}: {sent.text!r}")
        self._sent_index = index
        self._triggers, self._owner = {}, {}
        matches: list[_Match] = []
        for tok, found in self._candidates(sent, index):
            if trace is not None:
                trace.append(f"  candidate '{tok.text}' [{tok.idx - sent.start_char}:"
                             f"{tok.idx - sent.start_char + len(tok)}] {tok.pos_} lemma={lemma_of(tok)}: "
                             f"{len(found)} pattern(s)")
            ok = self._match(tok, found, trace)
            if ok:
                matches.append(_Match(tok, ok[0], ok[0].code, alternatives=ok[1:]))
        matches.extend(self._wishes(matches, index, trace))  # "X wants Y to act": X's appeal to Y
        self._fold(matches, trace)
        self._triggers = {m.token.i: m for m in matches}
        self._fold_hostile(matches, trace)
        self._fold_consequences(matches, trace)
        self._caused = self._fold_causes(matches, index, trace)
        events: list[Event] = []
        seen: dict[tuple[str, str | None, str], int] = {}
        for m in matches:
            if m.folded_into is not None:
                continue
            if m.pattern.suppress:
                if trace is not None:
                    trace.append(f"  '{m.token.text}': {m.pattern.id} says this is not an event")
                continue
            found = self._events(doc, sent, si, m, index, trace)
            for alt in m.alternatives if not found and not m.folded else []:
                if alt.suppress:
                    break
                found = self._events(doc, sent, si, replace(m, pattern=alt, code=alt.code), index, trace)
                if found:
                    break
            for ev in found:
                self._owner[id(ev)] = m.token
                # One act of violence is often named twice ("killed 46 civilians in an attack"): 18-20 are one kind.
                kind = "18" if ev.root in ("18", "19", "20") else ev.root
                key = (ev.source or "", ev.target, kind)
                if key in seen:
                    prior = events[seen[key]]
                    # keep the more specific code ("195 air strike" over "180 killed"), then the surer one
                    def rank(e: Event) -> tuple[bool, float]:
                        return (not e.code.endswith("0") or len(e.code) > 3, e.confidence)

                    if rank(ev) > rank(prior):
                        events[seen[key]] = ev
                    if trace is not None:
                        trace.append(f"  duplicate of an event already coded ({key}); kept the more specific")
                    continue
                seen[key] = len(events)
                events.append(ev)
        # "hosted X for a meeting": a targetless event repeats a targeted one of the same kind and source.
        aimed = {(e.source, e.root) for e in events if e.target}
        kept = [e for e in events if (e.target or (e.source, e.root) not in aimed) and not self._planned_purpose(e, events)]
        if trace is not None and len(kept) < len(events):
            trace.append(f"  dropped {len(events) - len(kept)} targetless repeat(s) of targeted events")
        merged = merge_violence(kept, self._owner)
        if trace is not None and len(merged) < len(kept):
            trace.append(f"  merged {len(kept) - len(merged)} repeat(s) of one act of violence")
        note = (lambda s: trace.append("  " + s)) if trace is not None else (lambda s: None)
        return claim_events(self, doc, sent, si, matches, merged, index, note)

    def _events(self, doc: Doc, sent: Span, si: int, m: _Match, index: list[ActorMention | None],
                trace: list[str] | None) -> list[Event]:
        tok, p = m.token, m.pattern
        note = (lambda s: trace.append("    " + s)) if trace is not None else (lambda s: None)
        head = self._clause_head(tok)
        # A pronoun subject in a reported clause ("Iran warned that it would...") is the speaker.
        fallback = None
        cur = head
        for _ in range(4):  # nearest governing clause with a named subject
            if cur.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "acomp") or cur.head.i == cur.i:
                break
            cur = cur.head
            outer, _ = self._subjects(cur)
            if outer and not is_pronoun(outer[0]):
                fallback = outer[0]
                break
        sources, s_role, s_factor = self._actors(tok, p.source, index, fallback)
        code0 = m.code or p.code or ""
        if not sources and "subj" in p.source:
            # "a communique published in Beijing accused Japan": an unsigned document, the place's country
            docs = [a for t in self._role_tokens(tok, "subj")[0] if (a := self._document_actor(doc, t, index))]
            if docs:
                sources, s_role, s_factor = docs[:1], "document", 0.75
        if not sources and code0[:2] in ("18", "19", "20"):
            # "mortar rounds were fired at Turkey from Syria": where the attack came from
            origin = self._launch_source(doc, tok, head)
            if origin is not None:
                sources, s_role, s_factor = [origin], "origin of an attack", 0.7
        caused = self._caused.get(tok.i)
        if caused is not None:  # "shepherds were killed in Israeli artillery shelling": its modifier attacked
            sources, s_role, s_factor = [(caused[1], caused[2])], "attacker of a toll", 1.0
        if not sources and p.default_source and self._passive(head):
            # "was arrested in Lebanon": with no agent named, the authorities of the place acted
            # from the act's place, the sentence or the dateline, never from where people were sent
            country = self._context_country(doc, sent, tok, index, tok, exclude=self._heading_to(sent))
            if country:
                sources = [(ActorMention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text,
                                         code=country + p.default_source, country=country,
                                         via="context"), tok)]
                s_role, s_factor = "default_source", 0.6
        if not sources and code0.startswith(self.unattributed):
            # "a journalist was killed in a car bombing in Beirut": PLOVER codes the place's country
            sources, s_role, s_factor = self._unattributed_source(doc, tok, head), "place of an unattributed act", 0.6
        # a trigger inside an actor's own name ("the Peace Talks Committee") is no act of that actor
        sources = [s for s in sources if s[0].via == "context" or not s[0].start <= tok.idx < s[0].end]
        if sources and p.official_source:
            sources = [s for s in sources if len(s[0].code or "") > 3]  # a country alone is no official
        if not sources:
            note(f"not coded: no coded source for '{tok.text}' via {list(p.source)}")
            return []
        targets, t_role, t_factor = self._actors(tok, p.target, index, None)
        if code0[:2] in self.reaction_roots and (t_role in (None, "place") or t_role in _DESTINATIONS and code0[:2] == "14"):
            # "marched in Kathmandu in defiance of Nepalese police": the stance names the target
            stance = self._stance_targets(tok, head, index, code0[:2] == "14")
            if stance:
                targets, t_role, t_factor = stance, "stance", 0.85
        if caused is not None:  # ... and the toll's subject are its victims ("villagers" -> PSECVL)
            victims = self._actors(caused[0], ("dobj",) if self._passive(caused[0]) else ("subj",), index, None)
            if victims[0]:
                targets, t_role, t_factor = victims[0], "victims of a toll", 1.0
        src_ids = {id(s[0]) for s in sources}
        src_codes = {s[0].code for s in sources}
        targets = [t for t in targets if id(t[0]) not in src_ids and t[0].code not in src_codes]
        if not targets and p.fold:
            targets = self._complement_targets(m, index, src_ids, src_codes)
            t_role = "complement"
            t_factor = 0.85
            if p.reciprocal and len(sources) > 1:
                # "Israel and Hamas agreed to a truce to allow the release of hostages": co-parties are
                # each other's partners unless the complement names a known party ("Russian banks")
                targets = [t for t in targets if not (t[0].code or "---").startswith("---")]
        if not targets:  # a purpose's object, a participle's object, the actor of a summed-up act
            targets, role = self._indirect_targets(tok, head, index, p.fold,
                                                   lambda a: id(a) not in src_ids and a.code not in src_codes)
            t_role, t_factor = (role, 0.8) if targets else (t_role, t_factor)
        if not targets and lemma_of(head.head) in self.subject_control and (
                head.dep_ == "xcomp" or head.dep_ == "advcl" and self._infinitive(head)):
            # "telephoned X (on Tuesday) to offer condolences": the purpose is aimed at whom the subject contacted
            targets, t_role, t_factor = self._actors(head.head, ("dobj",), index, None)
            targets = [t for t in targets if id(t[0]) not in src_ids and t[0].code not in src_codes]
        if not targets and code0[:2] in self.reaction_roots:
            # "police stormed the embassy, prompting Mexico to break off relations": aimed at the provoker
            targets = [t for t in self._provokers(head, index) if id(t[0]) not in src_ids and t[0].code not in src_codes]
            t_role, t_factor = ("provoker", 0.8) if targets else (t_role, t_factor)
        if code0[:2] in ("01", "11", "12"):  # "rejected the leader's assessment that X ...": the leader
            opinion = [t for t in self._opinion_targets(tok, code0, index) if id(t[0]) not in src_ids
                       and t[0].code not in src_codes]
            if opinion:
                targets, t_role, t_factor = opinion, "author of the rejected opinion", 0.9
        punitive = self._punitive(tok, code0)  # "threatened new tariffs ON CHINESE steel": whom the measure hits
        if punitive is not None and not targets:
            targets = [t for t in self._punitive_targets(punitive, index)
                       if id(t[0]) not in src_ids and t[0].code not in src_codes]
            t_role, t_factor = ("punitive measure", 0.85) if targets else (t_role, t_factor)
        # "Jordan and Britain agreed to ...": parties with no other target are each other's partners;
        # co-subjects of an act aimed elsewhere ("the US, the EU and Canada agreed to cut off Russian
        # banks") are never each other's targets.
        two_sided = p.reciprocal and len(sources) > 1 and not targets
        if not targets and p.needs_target and not two_sided:
            note(f"not coded: {p.id} needs a target via {list(p.target)}; none found")
            return []
        pairs: list[tuple[tuple[ActorMention, Token], tuple[ActorMention, Token] | None]] = []
        if targets:
            for s in sources:
                pairs.extend((s, t) for t in targets)
                # "talks between X and Y" go both ways, and so does a mutual act ("signed a treaty with
                # X"); "X met with Y" is coded as X's act, as CAMEO does
                if p.reciprocal and t_role == "prep:between" or p.mutual and t_role != "complement":
                    pairs.extend((t, s) for t in targets)
        elif two_sided:
            pairs = [(a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = [(s, None) for s in sources]
        modality, negated = self._modality(tok)
        if (negated or self._refused(tok)) and (denier := denied_by_other(tok)) is not None:
            note(f"not coded: another party's act (or a purpose) under '{denier.text}''s negation or refusal")
            return []
        if (generic := (generic_cue(tok) if modality == "hypothetical" else None) or standing_cue(tok)) is not None:
            note(f"not coded: a generic or habitual clause, or a standing state ('{generic}'): no act")
            return []
        if p.id == WISH_ID and modality == "planned" and would_like(tok):
            modality = "asserted"  # "would like Y to": a present wish
        reported = self._reported_by(tok, sent, index)
        code = m.code or p.code or ""
        own = self._own_intent(tok)
        if m.kept:  # "the US and Canada agreed to cut off Russian banks": the agreed act, as a plan
            note(f"complement act {code} kept as planned")
            own, modality = False, "planned" if modality == "asserted" else modality
        if modality == "planned" and own and not negated and code[:2] in self.intent:
            # CAMEO codes an announced cooperative act as the intent to do it ("will provide aid" -> 033).
            note(f"planned {code} coded as the intent {self.intent[code[:2]]}")
            code, modality = self.intent[code[:2]], "asserted"
        refusal = p.refusal or self.refusal.get(code) or self.refusal.get(code[:3]) or self.refusal.get(code[:2])
        if negated and refusal and (modality == "planned" or self._refused(tok)):
            # "will not accept refugees", "would not meet their demands": a refusal, coded as one.
            note(f"negated {modality} {code} coded as the refusal {refusal}")
            code, modality, negated = refusal, "asserted", False
        threat = self.threat.get(code) or self.threat.get(code[:3]) or self.threat.get(code[:2])
        if modality == "hypothetical" and own and not negated and threat and self._conditioned(tok):
            modality = "planned"  # "will boycott the elections unless the president resigns": a threat
        if threat and code[:2] == "15" and t_role in _DESTINATIONS:
            # "will deploy a submarine to South Korea": where forces go is no one threatened
            note(f"planned {code} kept: {t_role} names a destination, not a threatened party")
            threat = None
        if modality in ("planned", "threatened") and own and not negated and threat:
            # ... and an announced coercive act as a threat ("said they would boycott" -> 131, "vowed
            # to retaliate", "would use nuclear weapons if attacked").
            note(f"planned {code} coded as the threat {threat}")
            code, modality = threat, "asserted"
        if punitive is not None or self._punitive(tok, code) is not None:
            note(f"{code} about a punitive measure coded as the threat of sanctions")
            code = reframe_data().threat_code
        elif (political := self._political_fight(tok, code, [*src_codes, *(t[0].code for t in targets)])) is not None:
            if not political:
                note(f"not coded: {code} is a dispute over a policy between unarmed parties, no fighting")
                return []
            note(f"{code} over a policy between unarmed parties coded as the threat {political}")
            code = political
        elif self._charges_dropped(tok, code, src_codes):
            note(f"not coded: {code} is a court or prosecutor dismissing charges, no one's rejection")
            return []
        elif self._denial(tok, code, src_codes, index):  # the accused denies: a denial aimed at the accuser
            note(f"{code} of accusations against the source coded as the denial {reframe_data().denial_code}")
            code = reframe_data().denial_code
        onto = ontology_fields(code)
        plover, plover_mode = plover_fields(p, code, onto, m.kept)
        conf = p.confidence * s_factor * (t_factor if targets else 1.0)
        if p.pos == "noun":
            conf *= 0.85
        out: list[Event] = []
        base = sent.start_char
        # "expressed sorrow over the shootings in Texas": the place is the tragedy's, not the speaker's
        topic = self._topic_spans(tok) if code.startswith(self.object_places) else None
        # "were killed by Saudi strikes in Yemen": a noun attack is placed by its toll's clause (a
        # participle mis-parsed as a clause reaches the toll through its own chain)
        where = caused[0] if caused is not None and tok.pos_ in ("NOUN", "PROPN") else tok
        for (src, stok), tgt in pairs:
            t_m = tgt[0] if tgt else None
            distance = abs(stok.i - tok.i)
            c = conf * (0.9 if distance > 12 else 1.0)
            s_code, t_code = src.code or "", t_m.code if t_m else None
            # "the government", "students": the country in context (never for a UN-like "---IGO")
            if s_code.startswith("---") and not s_code.startswith("---IGO"):
                country = self._context_country(doc, sent, tok, index, stok, exclude=topic)
                if country:
                    s_code, c = country + s_code[3:], c * 0.8
                else:  # whose military? guessing from a country named nearby misleads: leave it uncoded
                    note(f"not coded: no country for the source '{src.text}' ({s_code})")
                    continue
            if t_code and t_code.startswith("---") and not t_code.startswith("---IGO"):
                # a government is no one's subject: "freed ---GOV members" stays uncoded
                internal = s_code[:3] if code.startswith(self.internal) and t_code[3:6] != "GOV" else None
                country = self._context_country(doc, sent, where, index, tgt[1] if tgt else None, source=False,
                                                internal=internal)
                if country:
                    t_code, c = country + t_code[3:], c * 0.8
            if t_code is None and p.default_target and not s_code.startswith(("---", "IGO")):
                # CAMEO practice: a protest with no named target is aimed at the government where it
                # happens: abroad ("Ukrainian activists protested in Moscow"), that country's
                where = self._act_country(doc, tok)
                t_code = where if where and where != s_code[:3] else s_code[:3] + p.default_target
                c *= 0.8
            elif t_code is None and code.startswith(self.place_recipients + self.destinations) and not s_code.startswith(
                    ("---",) if topic is not None else ("---", "IGO")):
                # "claimed responsibility for a bombing in Kabul": a foreign actor's act lands where it
                # happens; a statement's, where the act it is about happened (a place in its own phrase)
                country = self._object_place(doc, tok) if topic is not None else (
                    self._act_country(doc, tok) if code.startswith(self.place_recipients) else None)
                if not country and code.startswith(self.destinations):  # "deployed bombers to Alaska's coast"
                    country = self._origin_country(doc, self._clause_head(tok), _DESTINATION_PREPS)
                # a show of force or a claim at home is aimed at no one; a government's sorrow over a
                # tragedy at home goes to its country ("the president expressed sorrow over the shootings in Texas")
                if country and country != (s_code if code.startswith(self.home_recipients) else s_code[:3]):
                    t_code, c = country, c * 0.8
                    note(f"no target named: the country of the place, {country}")
            elif t_code is None and code.startswith(self.place_targets):
                # "police broke up a rally in Sivas", "jets struck in Syria": with no one named, the
                # act is aimed at the country where it takes place (kept targetless if that is the source)
                country = self._act_country(doc, where)
                if country and country != s_code:
                    t_code, c = country, c * 0.8
                    note(f"no target named: the country of the place, {country}")
            if t_code is not None and t_code == s_code and t_m is not None and t_code != t_m.code and (
                    code.startswith(self.internal)):
                # a state acting on its own people ("police arrested two policemen"): the target's sector,
                # taken from context, collides with the source's; the target keeps only its country.
                # Elsewhere a collision says the guess was wrong ("hosted the leaders"): dropped below.
                t_code = t_code[:3]
                note(f"filled-in target equals the source; kept as {s_code} -> {t_code}")
            if t_code is not None and t_code == s_code:
                note(f"not coded: source and target are both {s_code}")
                continue
            if not foreign_target_ok(p, s_code, t_code):  # "attended a summit in New Delhi" as India's PM
                note(f"not coded: {p.id} needs a foreign destination; {t_code} is the source's own country")
                continue
            ev = Event(
                doc_id=doc._.doc_id or "", sentence_index=si, sentence=sent.text, source=s_code, code=code,
                source_name=None if src.via == "context" and src.start == tok.idx else src.name or src.text,
                target=t_code,
                target_name=(t_m.name or t_m.text) if t_m else None,
                cameo_name=onto.get("cameo_name"), plover=plover, plover_mode=plover_mode,
                quad_class=onto.get("quad_class"),
                goldstein=onto.get("goldstein"), modality=modality, negated=negated,
                reported_by=list(reported), date=doc._.published,
                date_source="published" if doc._.published else None,
                evidence={  # a source made up from context spans no word of its own, never the trigger
                    "source": None if src.via == "context" and src.start == tok.idx else [src.start - base, src.end - base],
                    "target": [t_m.start - base, t_m.end - base] if t_m else None,
                    "trigger": [tok.idx - base, tok.idx - base + len(tok.text)],
                },
                sentence_start=base, pattern=p.id, confidence=round(min(1.0, c), 3), coder_version=self.version,
            )
            note(f"CODED {code} {src.code} -> {ev.target} via {p.id} (source by {s_role}: '{src.text}' "
                 f"{ev.evidence['source']}, target by {t_role}: {ev.evidence['target']}, trigger "
                 f"{ev.evidence['trigger']}) modality={modality} negated={negated}"
                 + (f" reported_by={reported}" if reported else ""))
            out.append(ev)
            if p.reverse_code and ev.target and code == p.code:  # "X hosted Y" is also Y's visit to X
                out.append(reversed_event(ev, p.reverse_code))
                note(f"CODED {p.reverse_code} {ev.target} -> {ev.source} (the other side of {p.id})")
        return out


def _phrase(tok: Token) -> str:
    """A short name for an uncoded speaker: the token with its compounds."""
    parts = [k for k in tok.lefts if k.dep_ in ("compound", "amod")] + [tok]
    return " ".join(t.text for t in parts)


def code_doc(doc: Doc) -> list[Event]:
    """Code one parsed Doc (with ``doc._.actors`` set) and return its events."""
    return EventCoder(None)(doc)._.events
