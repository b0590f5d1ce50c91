"""Entry constraints and ontology fields of a coded event (split out of coder.py to keep it small).

``check_requires`` tests an entry's ``requires`` at a trigger token; ``ontology_fields`` reads the
CAMEO ontology for a code; ``plover_fields`` decides the PLOVER type and mode of an event, letting an
entry's own ``plover``/``plover_mode`` override apply only to the entry's own code.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from ..records import Event
from .ontology import cameo, plover_type
from .patterns import Pattern, check_extra_requires
from .roles import lemma_of

if TYPE_CHECKING:  # the coder mixes in roles and locate; only its methods are used here
    from .coder import EventCoder

__all__ = ["check_requires", "entity_labels", "ontology_fields", "plover_fields"]


def ontology_fields(code: str) -> dict[str, Any]:
    """Name, Goldstein score, quad class and PLOVER type of a CAMEO code (empty for an unknown code:
    the event is still coded, without ontology fields)."""
    try:
        c = cameo(code)
    except KeyError:
        return {}
    return {"cameo_name": c.name, "goldstein": c.goldstein, "quad_class": c.quad_class, "plover": c.plover,
            "plover_mode": c.plover_mode}


def _modes(plover: str) -> tuple[str, ...]:
    try:
        return tuple(plover_type(plover).modes)
    except KeyError:  # an unknown type has no modes
        return ()


def plover_fields(p: Pattern, code: str, onto: dict[str, Any], kept: bool) -> tuple[str | None, str | None]:
    """(PLOVER type, mode) of an event coded ``code`` by entry ``p``.

    The entry's override speaks for the entry's own code only: once a fold, an intent or a refusal
    has changed the code ("will provide aid" -> 033), the ontology's mapping of the final code holds.
    An overridden type without its own mode keeps the code's mode only if the new type has that mode.
    """
    own_type, own_mode = onto.get("plover"), onto.get("plover_mode")
    if kept or code != p.code or not (p.plover or p.plover_mode):
        return own_type, own_mode
    plover = p.plover or own_type
    if p.plover_mode:
        return plover, p.plover_mode
    if plover != own_type:
        return plover, own_mode if own_mode and own_mode in _modes(plover) else None
    return plover, own_mode


def entity_labels(objs: list[Token]) -> set[str]:
    """Entity labels of the objects, with PLACE when the places module resolved one of them
    ("the town of Goma": the place hangs from the measure noun by "of")."""
    toks = [*objs, *(q for o in objs for p in o.children if p.dep_ == "prep" and lemma_of(p) == "of"
                      for q in p.children if q.dep_ == "pobj")]
    labels = {t.ent_type_ for t in toks if t.ent_type_}
    places = [pl for pl in (toks[0].doc._.places or [] if toks else []) if pl.kind == "literal"]
    if any(pl.start <= t.idx < pl.end for t in toks for pl in places):
        labels.add("PLACE")
    return labels


_Facts = tuple[list[Token], list[Token], set[str], list[Token]]


def _facts(coder: EventCoder, tok: Token) -> _Facts:
    """What the constraints read at ``tok`` (children, objects, object lemmas, prepositions), computed
    once per trigger: a trigger is checked against every entry of its lemma."""
    if coder._facts_doc is not tok.doc:
        coder._facts_doc, coder._facts = tok.doc, {}
    cache: dict[int, _Facts] = coder._facts
    got = cache.get(tok.i)
    if got is not None:
        return got
    kids = list(tok.children)
    objs = coder._objects(tok)
    objs = objs + [c for o in objs for c in o.conjuncts]
    obj_lemmas = {lemma_of(o) for o in objs}
    for o in objs:  # "25,000 tons of food aid", "a package of sanctions": the measured thing counts
        for prep in o.children:
            if prep.dep_ == "prep" and lemma_of(prep) == "of":
                for q in prep.children:
                    if q.dep_ == "pobj":
                        obj_lemmas.add(lemma_of(q))
                        obj_lemmas.update(lemma_of(c) for c in q.children if c.dep_ == "compound")
    preps = [k for k in kids if k.dep_ in ("prep", "agent", "dative")]
    onset = coder._onset_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if onset is not None:  # "fighting erupted between X and Y"
        preps.extend(k for k in onset.children if k.dep_ == "prep")
    for o in objs:
        preps.extend(k for k in o.children if k.dep_ == "prep")
    cache[tok.i] = got = (kids, objs, obj_lemmas, preps)
    return got


_POBJ_DEPS = ("pobj", "pcomp", "amod", "acomp")


def _phrase_preps(coder: EventCoder, tok: Token, preps: list[Token]) -> list[Token]:
    """The prepositions that may say what a ``pobj`` requirement asks: the trigger's own and its object's,
    for a verb also those one phrase deeper in its object, and for a noun act those of the verb it is the
    object of ("filed a CHALLENGE to the ruling IN court")."""
    if tok.pos_ in ("VERB", "AUX"):
        # a trailing phrase the parser hung on the object's own phrase ("contest the ban on rallies IN
        # COURT"): the object's prepositional objects' phrases, one level down
        return [*preps, *(k for p in preps if p.head.i != tok.i for q in p.children if q.dep_ == "pobj"
                          for k in q.children if k.dep_ == "prep")]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "obj", "nsubjpass"):
        return preps
    return [*preps, *(k for k in tok.head.children if k.dep_ in ("prep", "agent") and k.i != tok.i)]


def check_requires(coder: EventCoder, tok: Token, p: Pattern) -> str | None:
    """None when every constraint of ``p`` holds at ``tok``, else the first one that fails."""
    req = p.requires
    if not req:
        return None
    if "not_dep" in req and tok.dep_ in req["not_dep"]:
        return f"requires.not_dep {tok.dep_}"  # "rebels backed by Rwanda": a description, no act
    kids, objs, obj_lemmas, preps = _facts(coder, tok)
    if "dobj" in req and not (obj_lemmas & req["dobj"]):
        return f"requires.dobj {sorted(req['dobj'])}"
    if "dobj_not" in req and obj_lemmas & req["dobj_not"]:
        return f"requires.dobj_not {sorted(obj_lemmas & req['dobj_not'])}"
    if "dobj_ent" in req or "dobj_ent_not" in req:  # "captured Damascus" takes a place, not a person
        labels = entity_labels(objs)
        if "dobj_ent" in req and not labels & req["dobj_ent"]:
            return f"requires.dobj_ent {sorted(req['dobj_ent'])}"
        if "dobj_ent_not" in req and labels & req["dobj_ent_not"]:
            return f"requires.dobj_ent_not {sorted(labels & req['dobj_ent_not'])}"
    if "prep" in req and not ({lemma_of(k) for k in preps} & req["prep"]):
        return f"requires.prep {sorted(req['prep'])}"
    if "prt" in req and not ({lemma_of(k) for k in kids if k.dep_ in ("prt", "advmod")} & req["prt"]):
        return f"requires.prt {sorted(req['prt'])}"
    if "mod" in req and not (
        {lemma_of(k) for k in kids if k.dep_ in ("compound", "amod", "nmod", "nummod")} & req["mod"]
    ):
        return f"requires.mod {sorted(req['mod'])}"
    if "mod_not" in req:  # the labour strike is no "air strike"
        hit = {lemma_of(k) for k in kids if k.dep_ in ("compound", "amod", "nmod")} & req["mod_not"]
        if hit:
            return f"requires.mod_not {sorted(hit)}"
    if "pobj_not" in req or "pobj" in req:
        ppreps = _phrase_preps(coder, tok, preps)
    if "pobj_not" in req:  # "withdrew from the treaty" is no troop withdrawal
        for prep in ppreps if tok.pos_ in ("NOUN", "PROPN") else preps:
            unwanted = req["pobj_not"].get(lemma_of(prep), frozenset())
            hit = [lemma_of(o) for o in prep.children if o.dep_ in ("pobj", "pcomp") and lemma_of(o) in unwanted]
            if hit:
                return f"requires.pobj_not {hit}"
    if "subj_not" in req and coder._subject_excluded(tok, req["subj_not"]):
        return f"requires.subj_not {sorted(req['subj_not'])}"
    if "subj" in req and not coder._subject_excluded(tok, req["subj"]):
        return f"requires.subj {sorted(req['subj'])}"  # "the court sentenced": only these subjects act
    if "pobj" in req:
        ok = False
        for prep in ppreps:
            want = req["pobj"].get(lemma_of(prep))
            # "described the strikes as ILLEGAL": the parser hangs a bare adjective under the preposition
            if want and any(lemma_of(o) in want for o in prep.children if o.dep_ in _POBJ_DEPS):
                ok = True
        if not ok:
            return "requires.pobj"
    if req.get("xcomp") and not any(k.dep_ in ("xcomp", "ccomp") for k in kids):
        return "requires.xcomp"
    if "comp_aux" in req and not any(
        k.dep_ in ("ccomp", "xcomp") and any(a.dep_ == "aux" and lemma_of(a) in req["comp_aux"] for a in k.children)
        for k in kids
    ):
        return f"requires.comp_aux {sorted(req['comp_aux'])}"
    if "comp" in req and not any(
        k.dep_ in ("xcomp", "ccomp", "oprd", "acomp") and lemma_of(k) in req["comp"] for k in kids
    ):
        return f"requires.comp {sorted(req['comp'])}"
    if "gov" in req:
        gov = coder._governor(tok)
        if gov is None or coder._lemma(gov) not in req["gov"]:
            return f"requires.gov {sorted(req['gov'])}"
    return check_extra_requires(tok, p)


def reversed_event(ev: Event, code: str) -> Event:
    """The other side of a two-sided act ("X hosted Y" -> Y visited X, 042): target and source swap, the
    evidence spans with them; the event id is recomputed from the new content."""
    onto = ontology_fields(code)
    spans = dict(ev.evidence)
    spans["source"], spans["target"] = ev.evidence.get("target"), ev.evidence.get("source")
    return replace(
        ev, source=ev.target, source_name=ev.target_name, target=ev.source, target_name=ev.source_name,
        code=code, root=code[:2], event_id="", cameo_name=onto.get("cameo_name"), plover=onto.get("plover"),
        plover_mode=onto.get("plover_mode"), quad_class=onto.get("quad_class"), goldstein=onto.get("goldstein"),
        evidence=spans,
    )
