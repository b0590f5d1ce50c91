"""Quotes and attribution chains: who said what, and through whom it reached the reader.

``QuoteFinder`` finds direct quotes (any quotation marks, split and multi-sentence), indirect speech
("X said (that) ...", "X vowed to ..."), "according to X" clauses, and the reporting links around
them ("Y, citing X, said", "Y quoted X as saying", "..., the agency reported"). Each quote gets a
``chain``: outlet, then every reporter, then the original speaker. ``attribute_events`` copies the
chain of the innermost quote holding an event's trigger into ``Event.reported_by``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..doctable import table
from ..records import ActorMention, Quote
from .cues import Cues, load_cues

__all__ = ["QuoteFinder", "find_quotes_in_doc"]

_VERBAL = {"VERB", "AUX", ""}  # "" = hand-built Docs without POS
_BARE = {"nsubj", "aux", "advmod", "punct", "npadvmod", "prep", "ccomp", "conj", "cc"}  # no content of its own
_PARA = re.compile(r"\n[ \t\r\f\v]*\n")
_STRIP = " \t\n,;:"
_SINGLE = {"'", "‘"}
DOUBLE_MARKS = '"“”„«»'
_RELATIVE = ("who", "which", "that")


# ------------------------------------------------------------------------------------------ helpers

@dataclass
class _Speaker:
    text: str
    name: str  # what goes into the chain
    code: str | None
    start: int
    end: int
    mention: ActorMention | None
    pronoun: bool = False  # an unresolved pronoun
    proper: bool = False  # a proper name (may stand in for a later unresolved he/she)


@dataclass
class _Found:
    start: int
    end: int
    content: str
    content_start: int
    content_end: int
    kind: str
    sentence_index: int
    speaker: _Speaker | None = None
    cue: str | None = None
    links: list[str] = field(default_factory=list)  # own reporters, outermost first
    lo: int | None = None  # leftmost offset of the attribution ("KCNA quoted Kim as saying")
    parent: _Found | None = None
    chain: list[str] | None = None


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _span_text(text: str, a: int, b: int, strip: str = _STRIP) -> tuple[str, int, int]:
    """Text of characters [a, b) with separators trimmed at both ends, and the trimmed offsets."""
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return text[a:b], a, b


def same_actor(a: str, b: str) -> bool:
    """Two chain names for one actor ("Kim" and "Kim Jong Un", case aside)."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


_VERB_HASHES: dict[int, tuple[Cues, frozenset[int]]] = {}  # id(cues) -> (cues, its verbs' string hashes)


def _cue_candidates(doc: Doc, cues: Cues) -> list[int]:
    """Indices of tokens whose lemma (or, unlemmatized, lower form) is a cue verb: one array pass."""
    held = _VERB_HASHES.get(id(cues))
    if held is None or held[0] is not cues:  # spaCy's string hashes are the same in every vocab
        held = _VERB_HASHES[id(cues)] = (cues, frozenset(doc.vocab.strings.add(w) for w in cues.verbs))
    verbs = held[1]
    return [i for i, (lemma, low) in enumerate(doc.to_array([LEMMA, LOWER]).tolist())
            if lemma in verbs or (lemma == 0 and low in verbs)]


class _Context:
    """Per-Doc lookups shared by the finders."""

    def __init__(self, doc: Doc, cues: Cues, text: str, candidates: list[int]) -> None:
        self.doc, self.cues, self.text = doc, cues, text  # Doc.text joins every token per call: read once
        self.candidates, self.starts, self.parsed = candidates, doc.to_array(IDX).tolist(), doc.has_annotation("DEP")
        self.sents: list[Span] = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sent_starts = [s.start for s in self.sents]
        self.paras = [0] + [m.end() for m in _PARA.finditer(text)]
        self.actors: list[ActorMention] = sorted(doc._.actors or [], key=lambda m: m.start)
        self.actor_starts = [m.start for m in self.actors]

    def sent_of(self, i: int) -> int:  # sentence index of token i
        return bisect.bisect_right(self.sent_starts, i) - 1

    def token_at(self, char: int) -> int:  # token holding character offset char
        return bisect.bisect_right(self.starts, char) - 1

    def para_of(self, char: int) -> int:  # paragraph (blank-line separated) of character offset char
        return bisect.bisect_right(self.paras, char) - 1

    def para_end(self, para: int) -> int:
        """Offset just after the last non-space character of paragraph ``para``."""
        end = self.paras[para + 1] if para + 1 < len(self.paras) else len(self.text)
        while end > self.paras[para] and self.text[end - 1].isspace():
            end -= 1
        return end

    def mention_at(self, char: int) -> ActorMention | None:
        k = bisect.bisect_right(self.actor_starts, char) - 1
        return self.actors[k] if k >= 0 and self.actors[k].start <= char < self.actors[k].end else None

    def is_cue(self, t: Token) -> bool:
        return _lemma(t) in self.cues.verbs and t.pos_ in _VERBAL and t.tag_ not in ("NN", "NNS")

    def is_agency(self, m: ActorMention | None, text: str = "") -> bool:
        """Does this mention (or text) name a reporting organisation: agency word, known name, MED code?"""
        words = re.findall(r"[a-z]+", (f"{text} {m.text} {m.name or ''}" if m else text).lower())
        joined = f" {' '.join(words)} "
        return bool(set(words) & self.cues.agency_words or (m and m.kind == "organisation" and m.code and "MED" in m.code[3:])
                    or any(f" {n} " in joined for n in self.cues.agency_names))


# ------------------------------------------------------------------------------------------ speakers

def _speaker(ctx: _Context, s: Token) -> _Speaker | None:
    """The speaker named by token ``s`` (a subject): its actor mention, a pronoun's antecedent via the
    actor coreference, a role noun's last compatible organisation, or else its own words."""
    if s.lower_ in _RELATIVE and s.head.dep_ == "relcl" and s.head.head.i != s.head.i:
        s = s.head.head  # "the agency, which reported ..." -> the agency
    if s.lower_ in ctx.cues.unnamed:
        return None
    m = ctx.mention_at(s.idx)
    if s.lower_ in ctx.cues.third_person or s.pos_ == "PRON":
        name = (m.name or m.text) if m and m.via == "coref" else s.text
        return _Speaker(s.text, name, m.code if m else None, s.idx, s.idx + len(s), m, pronoun=m is None)
    doc, right = s.doc, s.i
    for c in s.rights:  # "a spokesman for the ministry", "Institute on Drug Abuse", "Agency (KCNA)"
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and pobj is not None and (pobj.pos_ == "PROPN" if s.pos_ == "PROPN"
                                                      else c.lower_ in ("of", "for", "at", "from")):
            right = c.right_edge.i
        elif c.dep_ == "appos" and doc[c.i - 1].text == "(" and c.i + 1 < len(doc) and doc[c.i + 1].text == ")":
            right = c.i + 1
        else:
            break
    if any(c.dep_ == "poss" and c.lower_ in ctx.cues.unnamed for c in s.children):
        return None  # "my statements said"
    text, a, b = _span_text(ctx.text, s.left_edge.idx, doc[right].idx + len(doc[right]), _STRIP + DOUBLE_MARKS + "‘’'")
    if m is None:  # a mention inside the phrase ("a spokesman for the foreign ministry") gives the code
        inner = [x for x in ctx.actors if a <= x.start and x.end <= b and (  # "spokesman for X", "X's envoy",
            x.start > s.idx or doc[ctx.token_at(x.end - 1)].dep_ in ("compound", "poss", "nmod"))]  # "X officials"
        role = _role_antecedent(ctx, s) if not inner else None
        if role is not None:
            return _Speaker(text, role.name or role.text, role.code, a, b, role)
        name = text[4:] if s.pos_ == "PROPN" and text.lower().startswith("the ") and text[4:5].isupper() else text
        return _Speaker(text, name, inner[-1].code if inner else None, a, b, inner[-1] if inner else None,
                        proper=s.pos_ == "PROPN")
    if m.start <= a and b <= m.end or m.via == "coref":
        a, b = min(a, m.start), max(b, m.end)
        text = ctx.text[a:b]
    return _Speaker(text, m.name or m.text, m.code, a, b, m)


def _role_antecedent(ctx: _Context, s: Token) -> ActorMention | None:
    """The mention a role noun ("the agency", "the ministry") refers back to, if one fits."""
    kinds = ctx.cues.role_nouns.get(_lemma(s))
    if not kinds or not any(c.lower_ in ("the", "this", "that") for c in s.lefts):
        return None
    before = [m for m in ctx.actors if m.end <= s.idx][::-1][:40]
    for m in before:  # a mention that itself uses the role word ("Japan's defence ministry")
        if _lemma(s) in f"{m.text} {m.name or ''}".lower() and m.kind in kinds:
            return m
    agency, para = ctx.is_agency(None, s.lower_), ctx.para_of(s.idx)
    for m in before:  # else the nearest mention of the right kind in this or the previous paragraph
        if ctx.para_of(m.start) < para - 1:
            break
        if m.kind in kinds and (ctx.is_agency(m) if agency else m.kind == kinds[0]):
            return m
    return None


def _subject(t: Token) -> Token | None:
    """The speaker of cue ``t``: its subject or passive agent ("was announced by X"), else for a bare
    participle or infinitive ("..., saying ...") its head's. A passive subject is what was said."""
    for _ in range(3):
        if (s := next((c for c in t.children if c.dep_ == "nsubj"), None)) is not None:
            return s
        if (agent := next((c for c in t.children if c.dep_ == "agent"), None)) is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if t.dep_ not in ("advcl", "xcomp", "conj") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _attach_speaker(ctx: _Context, q: _Found, cue: Token) -> bool:
    """Fill speaker, cue and links of ``q`` from cue verb ``cue``; False if there is no usable speaker."""
    q.cue, q.sentence_index, head = cue.text, ctx.sent_of(cue.i), cue.head
    if _lemma(cue) == "say" and head.lower_ == "as" and _lemma(head.head) in ctx.cues.citing:
        quoter = head.head  # "KCNA quoted Kim as saying ..." / "Kim was quoted by KCNA as saying ..."
        said = next((c for c in quoter.children if c.dep_ in ("dobj", "nsubjpass")), None)
        by = _subject(quoter)
        sp, rep = (_speaker(ctx, said) if said is not None else None), (_speaker(ctx, by) if by else None)
        q.cue, q.speaker = f"{quoter.text} as saying", sp
        q.lo = min([quoter.idx] + [x.start for x in (rep, sp) if x is not None])
        q.links = [x.name for x in (rep, sp) if x is not None]
        return sp is not None
    subj = _subject(cue)
    sp = _speaker(ctx, subj) if subj is not None and subj.dep_ != "expl" else None
    if sp is None:
        return False
    q.speaker, q.links = sp, [sp.name]
    to = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None) if _lemma(cue) == "tell" else None
    if to is not None and (via := _speaker(ctx, to)) is not None and ctx.is_agency(via.mention, via.text):
        q.links.insert(0, via.name)  # "X told Reuters ..." reached us through Reuters
    for c in cue.children:  # "Yonhap, citing KCNA, said ..." -> Yonhap <- KCNA
        src = next((g for g in c.children if g.dep_ == "dobj"), None)
        cited = _speaker(ctx, src) if _lemma(c) in ctx.cues.citing and src is not None else None
        if cited is not None and c.tag_ in ("VBG", ""):
            q.links.append(cited.name)
    return True


# -------------------------------------------------------------------------------------- direct quotes

def _pair_marks(ctx: _Context) -> list[tuple[int, int, bool]]:
    """(opening mark offset, closing mark offset or paragraph end, closed?) of each quotation. A double
    quotation left open runs to the end of its paragraph; marks inside an open quotation are its own."""
    text, marks = ctx.text, ctx.cues.marks
    pairs: list[tuple[int, int, bool]] = []
    open_at, expect, para = -1, "", 0
    for m in re.finditer("[" + re.escape("".join(set(marks) | set(marks.values()))) + "]", text):
        i, ch = m.start(), m.group()
        if open_at >= 0 and ctx.para_of(i) != para:
            if text[open_at] not in _SINGLE:
                pairs.append((open_at, ctx.para_end(para), False))
            open_at = -1
        if open_at >= 0:
            if (ch == expect or ch in '"”' and expect in '"”') and (ch not in _SINGLE and ch != "’" or _closes(text, i)):
                pairs.append((open_at, i, True))
                open_at = -1
        elif ch in marks and (ch not in _SINGLE or _opens(text, i)):
            open_at, expect, para = i, marks[ch], ctx.para_of(i)
    if open_at >= 0 and text[open_at] not in _SINGLE:
        pairs.append((open_at, ctx.para_end(para), False))
    return pairs


def _opens(text: str, i: int) -> bool:  # a single mark opens at a word start (an apostrophe does not)
    return (i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:") and text[i + 1:i + 2].isalnum()


def _closes(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum()


def _attribution(ctx: _Context, toks: range, o: int, c: int | None) -> Token | None:
    """The cue verb attributing the quote whose content tokens are ``toks`` (marks at tokens o, c):
    first a cue governing the quote in the parse, else one right after or right before the marks."""
    doc, inside = ctx.doc, set(toks)
    for i in toks if ctx.parsed else ():
        t = doc[i]
        if t.head.i in inside and t.head.i != t.i:
            continue
        for a in t.ancestors:
            if a.i not in inside and ctx.is_cue(a):
                return a
            if a.dep_ in ("relcl", "acl") or (a.i not in inside and a.pos_ == "VERB"
                                              and a.dep_ not in ("ccomp", "xcomp", "conj", "ROOT")):
                break  # the quote belongs to some other verb's clause
    if c is not None:  # '"...," the ministry said' / '"...!" said Kim' (the parser may split there)
        for i in range(c + 1, min(c + 1 + ctx.cues.max_gap, len(doc))):
            if doc[i].text in ctx.cues.marks or doc[i].text in ".!?" or "\n" in doc[i].text:
                break
            if ctx.is_cue(doc[i]):
                return doc[i]
    start = ctx.sents[ctx.sent_of(o)].start  # 'Kim said: "..."'
    if o > start and (doc[o - 1].text in (":", ",") or ctx.is_cue(doc[o - 1])):
        return next((doc[i] for i in range(o - 1, max(start, o - ctx.cues.max_gap) - 1, -1)
                     if ctx.is_cue(doc[i])), None)
    return None


def _direct(ctx: _Context, used: set[int]) -> list[_Found]:
    found, by_cue, min_words = [], {}, ctx.cues.min_words_unattributed
    prev: _Found | None = None
    prev_open_end = False
    for o_char, c_char, closed in _pair_marks(ctx):
        content, cs, ce = _span_text(ctx.text, o_char + 1, c_char)
        toks = range(bisect.bisect_left(ctx.starts, cs), bisect.bisect_left(ctx.starts, ce))
        if not content or not len(toks):
            continue
        o, c = ctx.token_at(o_char), ctx.token_at(c_char) if closed else None
        cue = _attribution(ctx, toks, o, c)
        q = _Found(min(o_char, cs), c_char + 1 if closed else ce, content, cs, ce, "direct", ctx.sent_of(o))
        if cue is not None and cue.i in by_cue:  # the second half of a split quote: '"We," he said, "win."'
            first = by_cue[cue.i]
            joint = ", " if ctx.text[first.content_end:first.content_end + 1] == "," else " "
            first.content = f"{first.content}{joint}{content}"
            first.end, first.content_end, prev = max(first.end, q.end), ce, first
            continue
        if cue is not None:
            _attach_speaker(ctx, q, cue)
            lo, hi = cue.idx, cue.idx + len(cue)
            if q.speaker is not None and abs(q.speaker.start - cue.idx) < 200:  # not a far-off antecedent
                lo, hi = min(lo, q.speaker.start, q.lo if q.lo is not None else lo), max(hi, q.speaker.end)
            q.start, q.end = min(q.start, lo), max(q.end, hi)
            comp = _complement(ctx, cue)
            if comp is None or sum(cs <= ctx.starts[i] < ce for i in comp) * 2 >= len(comp):
                used.add(cue.i)  # the cue's own content is this quote: no separate indirect quote
            by_cue[cue.i] = q
        elif prev is not None and prev.speaker is not None and len(prev.content.split()) >= min_words and (
                ctx.para_of(o_char) == ctx.para_of(prev.start)
                or prev_open_end and ctx.para_of(o_char) == ctx.para_of(prev.start) + 1):
            q.speaker, q.links = prev.speaker, [prev.speaker.name]  # a continuation by the same speaker
        elif len(content.split()) < min_words:
            continue  # a scare quote or a title: the so-called "peace plan"
        found.append(q)
        prev, prev_open_end = q, not closed
    return found


# ------------------------------------------------------------------------------------ indirect speech

def _complement(ctx: _Context, t: Token) -> list[int] | None:
    """Token indices of the reported content of cue ``t`` (its clause, infinitive or object)."""
    for dep in ctx.cues.verbs.get(_lemma(t), ()):
        for c in t.children:
            if c.dep_ == dep and not (dep == "dobj" and (c.pos_ == "PRON" or c.left_edge.i == c.right_edge.i)):
                ids = list(range(c.left_edge.i, c.right_edge.i + 1))
                while ids and (ctx.doc[ids[0]].dep_ == "mark" or ctx.doc[ids[0]].is_punct):
                    ids.pop(0)
                return ids or None
    return None


def _aside(ctx: _Context, sent: Span, ids: list[int]) -> tuple[Token, int, int] | None:
    """An attribution set off by commas, final ("..., KCNA said.") or parenthetical ("The talks, he said,
    will resume"): (cue, comma before it, where the words resume or ``sent.end``). Whatever the parse
    made of the nesting, its content is the rest of the sentence."""
    doc = ctx.doc
    for t in (doc[i] for i in ids):
        if t.i < sent.start + 3 or not ctx.is_cue(t) or t.dep_ in ("relcl", "acl") or any(
                c.dep_ in ("ccomp", "xcomp") and c.i > t.i or c.dep_ == "dobj" and _lemma(t) != "tell"
                for c in t.children):
            continue  # "the agency, which reported the strike, said" is no aside
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in _RELATIVE:
            continue
        k = subj.left_edge.i - 1 if subj.i < t.i else t.i - 1
        if k <= sent.start or doc[k].text != "," or (subj.i > t.i and doc[t.i - 1].text != ","):
            continue
        after = [i for i in range(t.right_edge.i + 1, sent.end) if not doc[i].is_punct and not doc[i].is_space]
        if not after:
            return t, k, sent.end
        j = t.right_edge.i + (doc[t.right_edge.i].text != ",")  # the comma closing the aside
        if doc[j].text == "," and after[0] == j + 1:
            return t, k, after[0]
    return None


def _loose(ctx: _Context, t: Token, stop: int) -> list[int] | None:
    """The clause right after a cue the parser left without one ("He said the X would Y, KCNA said")."""
    doc = ctx.doc
    if "ccomp" not in ctx.cues.verbs.get(_lemma(t), ()) or any(c.dep_ not in _BARE for c in t.children):
        return None
    ids, j = [], t.i + 1 + (t.i + 1 < stop and doc[t.i + 1].lower_ == "that")
    while j < stop and doc[j].text != "," and not doc[j].is_sent_end:
        ids.append(j)
        j += 1
    inside = set(ids)  # a clause: some verb in it has its own subject in it
    return ids if any(doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i in inside for i in ids) else None


def _indirect(ctx: _Context, used: set[int], direct: list[_Found]) -> list[_Found]:
    doc, found, by_sent = ctx.doc, [], {}
    for i in ctx.candidates:  # sentences without a cue lemma are never looked at
        by_sent.setdefault(ctx.sent_of(i), []).append(i)
    for k, ids in by_sent.items():
        sent = ctx.sents[k]
        aside = _aside(ctx, sent, ids)
        for t in (doc[i] for i in ids):
            if t.i in used or not ctx.is_cue(t) or _lemma(t.head) in ctx.cues.blocking or any(
                    c.dep_ == "neg" for c in t.children):
                continue
            if aside and t.i == aside[0].i:
                comp = list(range(sent.start, aside[1])) + list(range(aside[2], sent.end))
            else:
                stop = aside[1] if aside and t.i < aside[1] else sent.end
                comp = [i for i in _complement(ctx, t) or [] if i < stop] or _loose(ctx, t, stop) or []
            para = ctx.para_of(t.idx)  # speech never runs across a paragraph break, whatever the parse
            lo, hi = ctx.paras[para], ctx.para_end(para)
            comp = [i for i in comp if lo <= ctx.starts[i] < hi]
            q = _Found(0, 0, "", 0, 0, "indirect", ctx.sent_of(t.i))
            if not comp or not _attach_speaker(ctx, q, t):
                continue
            _set_content(ctx, q, comp)
            if not any(ch.isalnum() for ch in q.content) or any(_straddles(q, d) for d in direct):
                continue
            sp = q.speaker
            q.start = min(q.content_start, t.idx, sp.start if sp else t.idx, q.lo if q.lo is not None else t.idx)
            q.end = max(q.content_end, t.idx + len(t), sp.end if sp else 0)
            used.add(t.i)
            found.append(q)
    return found


def _set_content(ctx: _Context, q: _Found, ids: list[int]) -> None:
    """Content of ``q`` from token indices: contiguous runs joined ("The talks, he said, will resume")."""
    doc = ctx.doc
    while len(ids) > 1 and (doc[ids[-1]].is_punct or doc[ids[-1]].is_space):
        ids = ids[:-1]
    while len(ids) > 1 and (doc[ids[0]].is_space or doc[ids[0]].is_punct and doc[ids[0]].text not in ctx.cues.marks):
        ids = ids[1:]
    runs = [[ids[0], ids[0]]]
    for i in ids[1:]:
        if i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    pieces = [p for a, b in runs if (p := _span_text(ctx.text, doc[a].idx, doc[b].idx + len(doc[b])))[0]]
    pieces = pieces or [("", doc[ids[0]].idx, doc[ids[0]].idx)]
    q.content = " ".join(p[0] for p in pieces)
    q.content_start, q.content_end = pieces[0][1], pieces[-1][2]


def _straddles(q: _Found, d: _Found) -> bool:
    """Does ``q``'s content cut through direct quote ``d`` (neither holds the other)?"""
    a, b, c, e = q.content_start, q.content_end, d.content_start, d.content_end
    return a < e and c < b and not (a <= c and e <= b) and not (c <= a and b <= e)


def _according(ctx: _Context) -> list[_Found]:
    doc, found, lows, hits = ctx.doc, [], ctx.text.lower(), set()
    for phrase in (" ".join(p) for p in ctx.cues.according_to):  # only sentences holding one are read
        pos = lows.find(phrase)
        while pos >= 0:
            hits.add(ctx.sent_of(ctx.token_at(pos)))
            pos = lows.find(phrase, pos + 1)
    for sent in (ctx.sents[k] for k in sorted(hits)):
        words = [t.lower_ for t in sent]
        for phrase, k in ((p, k) for p in ctx.cues.according_to for k in range(len(words) - len(p) + 1)):
            if tuple(words[k:k + len(phrase)]) != phrase:
                continue
            obj = next((c for c in sent[k + len(phrase) - 1].children if c.dep_ == "pobj"), None)
            if obj is None and k + len(phrase) < len(sent):
                obj = sent[k + len(phrase)]  # unparsed Doc: the next word
            if obj is None:
                continue
            sp = _speaker(ctx, obj)
            p0, p1 = sent[k].i, max(obj.right_edge.i, obj.i) if ctx.parsed else obj.i
            para = ctx.para_of(sent[k].idx)  # the sentence's words in this paragraph, edges trimmed
            kept = [t.i for t in sent if ctx.para_of(t.idx) == para and not (t.is_punct or t.is_space)]
            first, last = kept[0], kept[-1]
            ids = [i for i in range(first, last + 1) if not p0 <= i <= p1]
            if not ids:
                continue
            q = _Found(doc[first].idx, doc[last].idx + len(doc[last]), "", 0, 0, "according_to",
                       ctx.sent_of(p0), speaker=sp, cue=sent[k:k + len(phrase)].text, links=[sp.name] if sp else [])
            _set_content(ctx, q, ids)
            if any(ch.isalnum() for ch in q.content):
                found.append(q)
    return found


# -------------------------------------------------------------------------------------------- chains

def _link_chains(ctx: _Context, quotes: list[_Found], outlet: str | None) -> None:
    """Nest each quote in the smallest quote whose content holds it, then build chains outside in."""
    _assign_parents(quotes)
    if _paragraph_reporters(ctx, quotes):
        _assign_parents(quotes)

    def chain(q: _Found, depth: int = 0) -> list[str]:
        if q.chain is None:
            base = chain(q.parent, depth + 1) if q.parent and depth < 10 else ([outlet] if outlet else [])
            q.chain = []
            for name in base + q.links:
                if not q.chain or not same_actor(q.chain[-1], name):
                    q.chain.append(name)
        return q.chain

    for q in quotes:
        chain(q)


def _assign_parents(quotes: list[_Found]) -> None:
    for q in quotes:
        q.parent = min((p for p in quotes if p is not q and p.content_start <= q.start and q.end <= p.content_end
                        and not ((p.start, p.end) == (q.start, q.end) and id(p) > id(q))),
                       key=lambda p: p.content_end - p.content_start, default=None)


def _paragraph_reporters(ctx: _Context, quotes: list[_Found]) -> bool:
    """'Kim toured a base. He said ..., KCNA said.': when a paragraph's last sentence puts a pronoun
    speaker on an agency's word and the pronoun points back into the same paragraph, the agency's
    quote reaches back to the antecedent's sentence. True if any quote grew."""
    grew = False
    for agency in quotes:
        sp = agency.speaker
        if sp is None or agency.kind == "direct" or not ctx.is_agency(sp.mention, sp.text):
            continue
        para = ctx.para_of(agency.start)
        end = ctx.paras[para + 1] if para + 1 < len(ctx.paras) else len(ctx.text)
        if ctx.text[ctx.sents[ctx.sent_of(ctx.token_at(agency.end - 1))].end_char:end].strip():
            continue  # not the paragraph's last sentence
        for q in quotes:
            m = q.speaker.mention if q.speaker else None
            if q.parent is not agency or m is None or m.via != "coref" or m.resolved_from is None:
                continue
            if ctx.para_of(m.resolved_from) == para and m.resolved_from < agency.content_start:
                first = ctx.sents[ctx.sent_of(ctx.token_at(m.resolved_from))].start_char
                agency.content, agency.content_start, _ = _span_text(ctx.text, first, agency.content_end)
                agency.start, grew = min(agency.start, agency.content_start), True
    return grew


def _resolve_pronouns(quotes: list[_Found], ctx: _Context) -> None:
    """A he/she speaker the coreference left unresolved takes the last named person speaker nearby (the
    speaker object is shared with its continuation quotes, so it is updated in place)."""
    last: _Speaker | None = None
    was: dict[int, str] = {}  # id of a resolved speaker -> the pronoun it was
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        if id(sp) not in was and sp.pronoun:
            if sp.text.lower() not in ("he", "she") or last is None or ctx.para_of(q.start) - ctx.para_of(last.start) > 1:
                continue
            was[id(sp)] = sp.name
            sp.name, sp.code, sp.mention, sp.pronoun = last.name, last.code, last.mention, False
        elif id(sp) not in was and (sp.mention.kind == "person" if sp.mention else sp.proper):
            last = sp
        if id(sp) in was:
            q.links = [sp.name if x == was[id(sp)] else x for x in q.links]


# --------------------------------------------------------------------------------------------- stage

def find_quotes_in_doc(doc: Doc, cues: Cues | None = None) -> list[Quote]:
    """Every quote in a parsed ``doc`` (reads doc._.actors and doc._.outlet), in text order."""
    cues = cues or load_cues()
    text = table(doc).text  # doc.text is rebuilt from the tokens on each access
    if not text.strip():
        return []
    candidates = _cue_candidates(doc, cues)
    if not candidates and not any(m in text for m in cues.marks if m not in _SINGLE):
        lows = text.lower()  # the cheap way out: no cue lemma, no quotation mark, no "according to"
        if not any(" ".join(p) in lows for p in cues.according_to):
            return []
    ctx = _Context(doc, cues, text, candidates)
    used: set[int] = set()
    direct = _direct(ctx, used)
    found = direct + (_indirect(ctx, used, direct) if ctx.parsed else []) + _according(ctx)
    found.sort(key=lambda q: (q.start, -q.end))
    _resolve_pronouns(found, ctx)
    _link_chains(ctx, found, doc._.outlet)
    return [Quote(start=q.start, end=q.end, content=q.content, content_start=q.content_start,
                  content_end=q.content_end, kind=q.kind, speaker=q.speaker.name if q.speaker else None,
                  speaker_code=q.speaker.code if q.speaker else None,
                  speaker_start=q.speaker.start if q.speaker else None,
                  speaker_end=q.speaker.end if q.speaker else None, cue=q.cue, chain=list(q.chain or []),
                  sentence_index=q.sentence_index) for q in found]


class QuoteFinder:
    """spaCy component: sets ``doc._.quotes`` (runs after the actor recognizer)."""

    def __init__(self, nlp: Language | None = None, path: str | Path | None = None) -> None:
        self.cues = load_cues(path)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes_in_doc(doc, self.cues)
        if doc._.explain:
            doc._.trace = (doc._.trace or []) + [
                f"quote {q.kind} {q.content[:40]!r} by {q.speaker!r} chain={q.chain}" for q in doc._.quotes]
        return doc
