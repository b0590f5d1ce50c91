"""Last word on a sentence's acts of violence, a step of the event coder kept apart for size:

* what a told act really is: property burnt or pulled down by a crowd is a riot (145), a killing of
  soldiers with no attacker named is combat (190), an act done with a missile or shell is military
  force (195, 194), not the unconventional violence of root 18;
* one act named more than once is one event: "killed 12 people when they opened fire" (the manner
  clause), "Israeli air strikes killed 20 people in Gaza" (victims of different fullness), a targetless
  act beside the targeted one of the same source, two riots of one crowd;
* what is no event or no victim: the launch of the weapon of a coded act ("a rocket fired by X killed
  ..."), a trailing reporter parsed as a second object ("tortured detainees, a rights group charged").

Word lists and codes live in ``data/violence.yml`` (``load_violence``), read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError
from ..records import Event
from .fill import ontology_fields
from .roles import lemma_of

__all__ = ["ViolenceLexicon", "load_violence", "merge_violence", "recode_violence", "weapon_launches", "VIOLENCE_FILE"]

VIOLENCE_FILE = Path(__file__).parent / "data" / "violence.yml"
_VIOLENT_ROOTS = ("18", "19", "20")
_CODE = re.compile(r"^\d{2,4}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_WORD = re.compile(r"^[a-z][a-z'-]*$")
_WORD_LISTS = ("crowd_actors", "launch_verbs", "hedge_verbs", "combat_nouns", "manner_marks", "reporter_verbs")
_CODE_LISTS = ("riot_codes", "generic_violence_codes", "weapon_recoded_codes")
_CODES = ("riot_code", "combat_code")


@dataclass(frozen=True)
class ViolenceLexicon:
    """The contents of ``violence.yml`` (see the file for what each list means)."""

    crowd_actors: frozenset[str]
    riot_codes: tuple[str, ...]
    riot_code: str
    generic_violence_codes: frozenset[str]
    armed_sectors: frozenset[str]
    combat_code: str
    launch_verbs: frozenset[str]
    hedge_verbs: frozenset[str]
    combat_nouns: frozenset[str]
    manner_marks: frozenset[str]
    weapon_codes: dict[str, str]
    weapon_recoded_codes: frozenset[str]
    reporter_verbs: frozenset[str]


@lru_cache(maxsize=4)
def load_violence(path: str | None = None) -> ViolenceLexicon:
    """Read and check the violence word lists once per process; DataFileError names a bad entry."""
    p = str(path or VIOLENCE_FILE)
    data, text = read_yaml(p)
    lines = key_lines(text)
    if not isinstance(data, dict):
        raise DataFileError(p, None, "the violence file must be a mapping of list names to lists")
    known = {*_WORD_LISTS, *_CODE_LISTS, *_CODES, "armed_sectors", "weapon_codes"}
    for key in data:
        if key not in known:
            raise DataFileError(p, lines.get(str(key)), f"unknown list {key!r}")
    for key in known:
        if key not in data:
            raise DataFileError(p, None, f"missing list {key!r}")

    def items(key: str, rx: re.Pattern[str], what: str) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not value:
            raise DataFileError(p, lines.get(key), f"{key} must be a non-empty list")
        out = []
        for v in value:
            if not isinstance(v, str) or not rx.match(v):
                raise DataFileError(p, lines.get(key), f"{key}: {v!r} is not {what}")
            out.append(v)
        return tuple(out)

    words = {k: frozenset(items(k, _WORD, "a lower-case lemma")) for k in _WORD_LISTS}
    codes = {k: items(k, _CODE, "a CAMEO code") for k in _CODE_LISTS}
    single = {}
    for k in _CODES:
        if not isinstance(data[k], str) or not _CODE.match(data[k]):
            raise DataFileError(p, lines.get(k), f"{k}: {data[k]!r} is not a CAMEO code")
        single[k] = data[k]
    weapons = data["weapon_codes"]
    if not isinstance(weapons, dict) or not weapons:
        raise DataFileError(p, lines.get("weapon_codes"), "weapon_codes must be a mapping of weapon -> code")
    for w, c in weapons.items():
        if not isinstance(w, str) or not _WORD.match(w) or not isinstance(c, str) or not _CODE.match(c):
            raise DataFileError(p, lines.get("weapon_codes"), f"weapon_codes: bad entry {w!r}: {c!r}")
    return ViolenceLexicon(
        weapon_codes=dict(weapons), weapon_recoded_codes=frozenset(codes["weapon_recoded_codes"]),
        crowd_actors=words["crowd_actors"], riot_codes=codes["riot_codes"], riot_code=single["riot_code"],
        generic_violence_codes=frozenset(codes["generic_violence_codes"]),
        armed_sectors=frozenset(items("armed_sectors", _SECTOR, "a sector code like MIL")),
        combat_code=single["combat_code"], launch_verbs=words["launch_verbs"], hedge_verbs=words["hedge_verbs"],
        combat_nouns=words["combat_nouns"], manner_marks=words["manner_marks"],
        reporter_verbs=words["reporter_verbs"],
    )


def _instruments(tok: Token) -> list[Token]:
    """The nouns an act of violence at ``tok`` is told as done by: its passive agent ("killed by a
    rocket") or its subject ("a rocket killed ...")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    if any(k.dep_ in ("nsubjpass", "auxpass") for k in tok.children):
        return [p for k in tok.children if k.dep_ == "agent" for p in k.children if p.dep_ == "pobj"]
    return [k for k in tok.children if k.dep_ == "nsubj"]


def weapon_launches(tok: Token, lex: ViolenceLexicon | None = None,
                    index: list[Any] | None = None) -> list[Token]:
    """The verbs that launch or set the weapon an act of violence at ``tok`` was done with, told in the
    weapon's own phrase, plainly or hedged: "shot down by a missile believed to have been FIRED by
    rebels", "killed by a rocket FIRED by Hezbollah", "a bomb PLANTED by militants killed ...".
    ``index`` (actor mention per token): a weapon that is itself a named actor is skipped."""
    lex = lex or load_violence()
    out: list[Token] = []
    for w in _instruments(tok):
        own = index[w.i] if index is not None and len(index) == len(w.doc) else None
        if own is not None and getattr(own, "code", None):
            continue  # the agent is a named actor: the act's own source
        for k in w.children:
            if k.dep_ != "acl" or k.pos_ not in ("VERB", "AUX"):
                continue
            if lemma_of(k) in lex.launch_verbs:
                out.append(k)
            elif lemma_of(k) in lex.hedge_verbs:  # "believed/suspected to have been fired by"
                out.extend(x for x in k.children if x.dep_ in ("xcomp", "ccomp", "oprd", "acl")
                           and lemma_of(x) in lex.launch_verbs)
    return out


def _drop_launches(events: list[Event], owner: dict[int, Token], lex: ViolenceLexicon) -> list[Event]:
    """Firing or planting the weapon of a coded act of violence is part of that act, no event of its own
    ("a rocket fired by Hezbollah killed two soldiers" is no missile test)."""
    launches = {(v.i, e.source) for e in events if _violent(e) and not e.negated and id(e) in owner
                for v in weapon_launches(owner[id(e)], lex)}
    if not launches:
        return events
    return [e for e in events if _violent(e) or id(e) not in owner or (owner[id(e)].i, e.source) not in launches]


def _reporter_target(e: Event, tok: Token, lex: ViolenceLexicon) -> bool:
    """Whether the event's target is a trailing reporter mis-parsed as an object: "police tortured
    detainees, a rights group charged" (the parser makes "group" an object with "charged" on it)."""
    span = (e.evidence or {}).get("target")
    if not span:
        return False
    words = tok.doc.char_span(e.sentence_start + span[0], e.sentence_start + span[1], alignment_mode="expand")
    if words is None or not len(words):
        return False
    head = words.root
    if head.dep_ not in ("dobj", "conj", "appos") or head.left_edge.i == 0:
        return False
    comma = tok.doc[head.left_edge.i - 1].text == ","
    return comma and any(k.dep_ in ("acl", "relcl") and k.tag_ in ("VBD", "VBN") and lemma_of(k) in lex.reporter_verbs
                         for k in head.children)


def _violent(e: Event) -> bool:
    return e.root in _VIOLENT_ROOTS or e.plover == "ASSAULT"


def _recoded(e: Event, code: str, target: str | None) -> Event:
    onto: dict[str, Any] = ontology_fields(code)
    return replace(e, code=code, root=code[:2], target=target, cameo_name=onto.get("cameo_name"),
                   plover=onto.get("plover"), plover_mode=onto.get("plover_mode"),
                   quad_class=onto.get("quad_class"), goldstein=onto.get("goldstein"), event_id="")


def _source_lemmas(e: Event, tok: Token) -> set[str]:
    """Lemmas of the words naming the event's source (its evidence span), empty when none."""
    span = (e.evidence or {}).get("source")
    if not span:
        return set()
    doc = tok.doc
    words = doc.char_span(e.sentence_start + span[0], e.sentence_start + span[1], alignment_mode="expand")
    return {lemma_of(t) for t in words} if words is not None else set()


def recode_violence(e: Event, tok: Token | None, lex: ViolenceLexicon | None = None) -> Event:
    """The event as CAMEO codes what was told: a crowd's arson or wrecking is a riot ("rioters torched
    cars" -> 145); an act of root 18 done with a military weapon takes the weapon's code ("was blown up
    by a missile" -> 195); a killing of soldiers by no one named is combat ("ten soldiers were killed
    in an attack in the north" -> 190). Any other event is returned unchanged."""
    lex = lex or load_violence()
    if e.negated:
        return e
    if tok is not None and e.code.startswith(lex.riot_codes) and _source_lemmas(e, tok) & lex.crowd_actors:
        src = e.source or ""
        target = e.target
        if target is None and len(src) >= 3 and not src.startswith("---"):
            target = src[:3] + "GOV"  # a riot with no one named is aimed at the own government, as a protest is
        return _recoded(e, lex.riot_code, target)
    if tok is not None and e.root == "18" and e.code in lex.weapon_recoded_codes:
        weapon = next((lex.weapon_codes[lemma_of(w)] for w in _instruments(tok) if lemma_of(w) in lex.weapon_codes),
                      None)
        if weapon is not None:  # "was blown up by a missile": conventional force, no bombing
            return _recoded(e, weapon, e.target)
    unattributed = not (e.evidence or {}).get("source") and len(e.source or "") == 3
    if (e.root == "18" and e.code in lex.generic_violence_codes and unattributed
            and (e.target or "")[3:6] in lex.armed_sectors):
        return _recoded(e, lex.combat_code, e.target)
    return e


def _manner_of(a: Token, b: Token, marks: frozenset[str]) -> bool:
    """Whether ``b`` tells how the act at ``a`` was done: "killed 12 people WHEN they opened fire",
    "... BY blowing himself up"."""
    if b.dep_ == "advcl" and b.head.i == a.i:
        return any(k.dep_ in ("mark", "advmod") and lemma_of(k) in marks for k in b.children)
    return b.dep_ == "pcomp" and lemma_of(b.head) == "by" and b.head.head.i == a.i


def _fuller_target(keep: Event, other: Event) -> tuple[str | None, Event]:
    """The target of one act named twice: the kept one's, completed by the other's where it only
    adds to it ("ISR" and "---CVL" -> "ISRCVL"; None and "PSE" -> "PSE")."""
    t, o = keep.target or "", other.target or ""
    if not o:
        return keep.target, keep
    if not t or (t.startswith("---") and not o.startswith("---")):
        return other.target, other
    if len(t) == 3 and o.startswith("---") and len(o) > 3 and not o.startswith("---IGO"):
        return t + o[3:], keep
    if len(t) == 3 and o[:3] == t and len(o) > 3:
        return other.target, other
    return keep.target, keep


def _rank(e: Event) -> tuple[bool, float]:
    return (not e.code.endswith("0") or len(e.code) > 3, e.confidence)


def _merge_manner(events: list[Event], owner: dict[int, Token], marks: frozenset[str]) -> list[Event]:
    """One act of violence told with the clause of how it was done is one event, with the more
    specific code and the fuller target."""
    out = list(events)
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(out):
            ta = owner.get(id(a))
            if ta is None or not _violent(a) or a.negated:
                continue
            for j, b in enumerate(out):
                tb = owner.get(id(b))
                if j == i or tb is None or not _violent(b) or b.negated or b.source != a.source:
                    continue
                if not _manner_of(ta, tb, marks):
                    continue
                keep, other = (a, b) if _rank(a) >= _rank(b) else (b, a)
                target, by = _fuller_target(keep, other)
                merged = keep
                if target != keep.target:
                    evidence = dict(keep.evidence or {})
                    evidence["target"] = (by.evidence or {}).get("target")
                    merged = replace(keep, target=target, target_name=by.target_name, evidence=evidence,
                                     event_id="")
                owner[id(merged)] = owner[id(keep)]
                out = [merged if k == min(i, j) else e for k, e in enumerate(out) if k != max(i, j)]
                changed = True
                break
            if changed:
                break
    return out


def merge_violence(events: list[Event], owner: dict[int, Token]) -> list[Event]:
    """Recode each act of violence as told (``recode_violence``), then keep one event per act: one
    told with the clause of its manner ("killed 12 people when they opened fire"), or named twice
    with victims of different fullness ("Israeli air strikes killed 20 people in Gaza": ---CVL by
    the strikes, PSE by their place, PSECVL by the killing): the most specific code with the fullest
    target. ``owner`` maps id(event) to its trigger token and is kept up to date."""
    lex = load_violence()
    recoded = []
    for e in events:
        tok = owner.get(id(e))
        if tok is not None and _violent(e) and _reporter_target(e, tok, lex):
            continue  # the "victim" is who reported the act
        r = recode_violence(e, tok, lex) if _violent(e) else e
        if r is not e and r.code == lex.riot_code and any(
                x.code.startswith(lex.riot_code) and x.source == r.source for x in recoded):
            continue  # "rioters looted shops and burned a bank": one riot
        if r is not e and tok is not None:
            owner[id(r)] = tok
        recoded.append(r)
    events = _merge_manner(_drop_launches(recoded, owner, lex), owner, lex.manner_marks)

    def country(code: str) -> str | None:
        return None if code.startswith("---") else code[:3]

    def fits(a: str, b: str) -> bool:  # the same victims, one of them named more fully
        ca, cb = country(a), country(b)
        if ca and cb:
            return ca == cb
        return len(a) > 3 and len(b) > 3 and a[3:] == b[3:]

    def fullness(code: str) -> tuple[bool, int]:
        return (country(code) is not None, len(code))

    def kind(e: Event) -> str:  # violence of roots 18-20 is one kind; 1712 or 175 merge only with their own
        return "violence" if e.root in _VIOLENT_ROOTS else e.code

    violent = [e for e in events if _violent(e) and e.target and not e.negated]
    parent = list(range(len(violent)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(violent):
        for j in range(i):
            b = violent[j]
            if a.source == b.source and kind(a) == kind(b) and fits(a.target or "", b.target or ""):
                parent[root(i)] = root(j)
    by_root: dict[int, list[Event]] = {}
    for i, e in enumerate(violent):
        by_root.setdefault(root(i), []).append(e)
    out, done = [], set()
    for g in by_root.values():
        if len(g) == 1:
            continue
        best = max(g, key=_rank)
        fullest = max(g, key=lambda e: fullness(e.target or ""))
        keep = best
        if fullest is not best:
            evidence = dict(best.evidence or {})
            evidence["target"] = (fullest.evidence or {}).get("target")
            keep = replace(best, target=fullest.target, target_name=fullest.target_name, evidence=evidence,
                           event_id="")
            if id(best) in owner:
                owner[id(keep)] = owner[id(best)]
        done.update(id(e) for e in g)
        out.append((id(g[0]), keep))
    if out:
        first = dict(out)
        events = [first.get(id(e), e) for e in events if id(e) not in done or id(e) in first]
    return _absorb_targetless(events, owner)


def _absorb_targetless(events: list[Event], owner: dict[int, Token]) -> list[Event]:
    """An act of violence coded with no target beside one act of violence by the same source that has
    one ("a village was hit by Russian shelling, killing four civilians": the shelling hit no one named,
    the killing did) is that act: one event, with the more specific code and the named target."""
    out = list(events)
    for e in events:
        if e.target or e.negated or not _violent(e) or e.root not in _VIOLENT_ROOTS:
            continue
        aimed = [x for x in out if x is not e and x.target and not x.negated and x.source == e.source
                 and x.root in _VIOLENT_ROOTS and x.modality == e.modality]
        if len(aimed) != 1:
            continue  # none, or several acts it could belong to
        x = aimed[0]
        keep = x
        if _rank(e) > _rank(x):
            evidence = dict(e.evidence or {})
            evidence["target"] = (x.evidence or {}).get("target")
            keep = replace(e, target=x.target, target_name=x.target_name, evidence=evidence, event_id="")
            if id(e) in owner:
                owner[id(keep)] = owner[id(e)]
        out = [keep if y is x else y for y in out if y is not e]
    return out
