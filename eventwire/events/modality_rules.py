"""Readings the modality walk (modality.py) leaves to a second look at the trigger's own clause:

- generic and habitual clauses ("the agency typically requires payment", "when a country puts tariffs
  on goods, importers pay", a standing rule "the agency requires payment within ten days"): no act
  happened; the coder codes no event (``generic_cue``), the reading is hypothetical;
- a standing state only watched over, kept or broken ("to oversee a ceasefire", "violating the truce"):
  no new act (``standing_cue``; the coder codes none);
- a writer's forecast ("Xi will probably choose a crackdown"): hypothetical, not an announced plan;
- past ability ("were able to arrest the suspect"): the arrest happened (asserted); "was unable to
  reach" says it did not (asserted, negated); "will be able to" stays hypothetical;
- a request verb that only reports a finite past clause ("told police that a man threatened them"): the
  clause's own reading, not demanded;
- a counterfactual past ("would've pushed us to the edge", with the contraction misparsed): hypothetical;
- necessity laid on another actor ("pressure must continue for Syria to allow ...", "it is vital for
  Syria to allow ..."): demanded of that actor.

Each rule reads a few tokens on the path from the trigger up to its clause; no scan of the sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .modality_cues import ModalityCues, cues
from .modality_cues import token_lemma as _lemma

if TYPE_CHECKING:
    from .modality import _Reading

__all__ = ["counterfactual", "generic_cue", "refine", "standing_cue"]

_PRESENT = ("VBZ", "VBP")
# links that stay inside one clause on the way from a noun act to its verb ("puts TARIFFS on", "made
# ARRESTS"), or from an infinitive to the frame that governs it ("able TO ARREST")
_UP = ("dobj", "obj", "pobj", "prep", "nsubjpass", "attr", "xcomp", "acomp")


def _chain(token: Token, limit: int = 5) -> list[Token]:
    """The token and its heads through in-clause links, up to the verb of its clause and the frames
    above it (never across a reported clause, "said that ...")."""
    out, cur = [token], token
    for _ in range(limit):
        if cur.dep_ not in _UP or cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _verb(token: Token) -> Token | None:
    """The verb of the trigger's clause: the trigger itself, or the verb a noun act hangs from."""
    return next((t for t in _chain(token) if t.pos_ in ("VERB", "AUX")), None)


def _simple_present(verb: Token) -> bool:
    """A finite present-simple verb with no auxiliary ("requires", "pay"; not "is requiring", "will pay").
    The tagger sometimes gives a finite present the base form's tag: a "VB" with a subject counts."""
    kids = list(verb.children)
    if any(k.dep_ in ("aux", "auxpass") for k in kids):
        return False
    return verb.tag_ in _PRESENT or verb.tag_ == "VB" and any(k.dep_ == "nsubj" for k in kids)


def _when_clause(verb: Token, c: ModalityCues) -> Token | None:
    """The "when"/"whenever" word opening ``verb``'s clause, else None."""
    return next((k for k in verb.children if k.dep_ in ("advmod", "mark") and k.lower_ in c.generic_marks
                 and k.i < verb.i), None)


def generic_cue(token: Token) -> str | None:
    """The word that makes the trigger's clause generic or habitual (no event), else None."""
    c = cues()
    verb = _verb(token)
    if verb is None or not _simple_present(verb):
        return None
    adverbs = [k for k in verb.children if k.dep_ == "advmod"]
    hab = next((k for k in adverbs if k.lower_ in c.habitual_adverbs), None)
    if hab is not None:
        return hab.text  # "typically requires"
    when = _when_clause(verb, c)
    if when is not None and verb.dep_ == "advcl" and _simple_present(verb.head):
        return when.text  # "WHEN the US puts tariffs on goods, importers pay"
    for k in verb.children:  # the main clause of such a pair: "importers pay WHEN ..."
        if k.dep_ == "advcl" and _simple_present(k) and (w := _when_clause(k, c)) is not None:
            return w.text
    if _lemma(verb) in c.standing_rule_verbs and verb.tag_ in _PRESENT and verb.dep_ in ("ROOT", "ccomp", "relcl") and not any(
            k.lower_ in c.new_rule_adverbs for k in adverbs):
        return verb.text  # "the agency requires payment within ten days": a standing rule
    return None


def standing_cue(token: Token) -> str | None:
    """The verb that only watches over, keeps or breaks a standing state named by the noun trigger
    ("to oversee a ceasefire", "violating the truce"): no new act. The verb, else None."""
    c = cues()
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "obj") or _lemma(token) not in c.standing_nouns:
        return None
    gov = token.head
    return gov.text if gov.pos_ == "VERB" and _lemma(gov) in c.upholding_verbs else None


def _forecast(token: Token, c: ModalityCues) -> str | None:
    """A hedge on a future in the trigger's clause ("will PROBABLY choose", "would likely attack")."""
    for t in _chain(token):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        kids = list(t.children)
        future = any(k.dep_ == "aux" and (k.lower_ in c.future_aux or k.lower_ in c.conditional_aux) for k in kids)
        hedge = next((k for k in kids if k.dep_ == "advmod" and k.lower_ in c.forecast_adverbs), None)
        if future and hedge is not None:
            return hedge.text
    return None


def _ability(token: Token, c: ModalityCues) -> Token | None:
    """The "able"/"unable" of a past ability frame over the trigger ("were able to arrest"), else None."""
    for t in _chain(token)[1:]:
        if t.dep_ != "acomp" or t.lower_ not in c.ability_adjectives:
            continue
        cop = t.head
        kids = list(cop.children)
        if any(k.dep_ == "aux" and (k.lower_ in c.hypothetical_aux or k.lower_ in c.future_aux
                                    or k.lower_ in c.conditional_aux or k.lower_ in c.demanded_aux) for k in kids):
            return None  # "will be able to", "may be unable to"
        past = cop.tag_ == "VBD" or (cop.tag_ == "VBN" and any(k.dep_ == "aux" and _lemma(k) == "have" for k in kids))
        return t if past else None
    return None


def _necessity(token: Token, c: ModalityCues) -> str | None:
    """ "for X to V" under a necessity ("must continue for Syria to allow", "vital for Syria to allow")."""
    verb = _verb(token)
    if verb is None or verb.dep_ not in ("advcl", "acl", "ccomp", "xcomp") or verb.head.i == verb.i:
        return None
    kids = list(verb.children)
    if not (any(k.dep_ == "mark" and k.lower_ == "for" for k in kids) and any(k.dep_ == "nsubj" for k in kids)
            and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids)):
        return None
    gov = verb.head
    if gov.lower_ in c.necessity_adjectives:
        return gov.text  # "it is vital for Syria to allow"
    must = next((k for k in gov.children if k.dep_ == "aux" and k.lower_ in c.demanded_aux), None)
    if must is not None:
        return must.text  # "pressure must continue for Syria to allow"
    adj = next((k for k in gov.children if k.dep_ == "acomp" and k.lower_ in c.necessity_adjectives), None)
    return adj.text if adj is not None else None


_HAVE = ("'ve", "’ve", "have")


def counterfactual(verb: Token) -> str | None:
    """ "would've pushed", "would’ve pushed" (the contraction is often parsed as a subject, and the
    curly apostrophe hides its lemma), "could have won": a past that did not happen. The cue, else None."""
    for k in verb.children:
        if k.lower_ in _HAVE and k.i > 0 and k.i < verb.i:
            modal = k.doc[k.i - 1]
            if modal.lower_ in ("would", "could", "might", "should") and modal.head.i in (verb.i, k.i):
                return f"{modal.text}{k.text}" if k.lower_ != "have" else f"{modal.text} {k.text}"
    return None


_TOLD = ("have", "be", "will", "would", "shall")  # auxiliaries of an indicative report ("that X had done")


def _told(token: Token, r: _Reading, c: ModalityCues) -> Token | None:
    """The finite past clause a request verb only reports ("told police THAT a man THREATENED to stab
    them", "insisted that Iran HAD violated"), unlike a demand ("demanded that Israel withdraw"), else None."""
    node = token
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ == "ccomp" and head.text == r.cue and _lemma(head) in c.frames["demanded"]["verbs"]:
            kids = list(node.children)
            if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) or not any(k.dep_ in ("nsubj", "nsubjpass")
                                                                                 for k in kids):
                return None
            aux = [k for k in kids if k.dep_ in ("aux", "auxpass")]
            past = node.tag_ == "VBD" or (aux and all(_lemma(k) in _TOLD for k in aux))
            return node if past else None
        node = head
    return None


def refine(token: Token, r: _Reading) -> None:
    """Adjust the walk's reading of ``token`` by the rules above (in place)."""
    c = cues()
    verb = _verb(token)
    if r.modality in (None, "planned") and not r.from_frame and verb is not None:
        cue = counterfactual(verb)
        if cue is not None:
            r.modality, r.cue, r.schedule = "hypothetical", cue, False
            return
    if r.modality in (None, "asserted", "planned"):
        cue = generic_cue(token)
        if cue is not None:
            r.modality, r.cue, r.schedule = "hypothetical", cue, False
            return
    if r.modality == "planned" and not r.schedule:
        hedge = _forecast(token, c)
        if hedge is not None:
            r.modality, r.cue = "hypothetical", hedge
            return
    if r.modality == "hypothetical" and r.cue is not None and r.cue.lower() in c.ability_adjectives:
        able = _ability(token, c)
        if able is not None:
            r.modality, r.cue = None, None
            if able.lower_ == "unable":
                r.negate(able)
            return
    if r.modality == "demanded" and r.from_frame and (told := _told(token, r, c)) is not None:
        aux = {k.lower_ for k in told.children if k.dep_ == "aux"}
        future = aux & (c.future_aux | c.conditional_aux)
        r.modality, r.cue = ("planned", sorted(future)[0]) if future else (None, None)
        r.from_frame = False
        return
    if r.modality in (None, "planned"):
        need = _necessity(token, c)
        if need is not None:
            r.modality, r.cue, r.schedule = "demanded", need, False
