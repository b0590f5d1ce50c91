"""Claims about hostile acts: who accuses whom, and who claims an act as their own.

"India claimed that Pakistani troops had shelled the post" reports the shelling (with ``reported_by``
India, coded by the act's own entry) and is also India's accusation of Pakistan (112). "The group
claimed that it had bombed the base" is the group claiming responsibility (015) for an act aimed at
the base's owner. Claim verbs and the hostile roots they apply to are listed in ``_grammar.yml``
(``claim_verbs``, ``claimed_act_roots``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..records import ActorMention, Event
from .fill import ontology_fields
from .folding import _Match
from .roles import is_pronoun, lemma_of

if TYPE_CHECKING:
    from .coder import EventCoder

__all__ = ["claim_events"]

_SELF = {"it", "they", "we", "its", "their", "our"}


# Edges from an act up to the verb of its "that" clause: "helped carry out the killings" (xcomp), "took
# part in the massacres", "was complicit in the attacks" (prep, acomp), never through another clause.
_UP_TO_CLAUSE = ("xcomp", "acomp", "prep", "pobj", "dobj", "attr", "pcomp")


def _claim_clause(coder: EventCoder, tok: Token) -> tuple[Token, Token] | None:
    """The claim verb whose "that" clause holds ``tok``'s act, and that clause's verb, else None."""
    cur = coder._clause_head(tok)
    for _ in range(6):
        if cur.dep_ == "ccomp":
            break
        if cur.dep_ not in _UP_TO_CLAUSE or cur.head.i == cur.i:
            return None
        cur = cur.head
    else:
        return None
    verb = cur.head
    if lemma_of(verb) not in coder.patterns.words("claim_verbs") or any(k.dep_ == "neg" for k in verb.children):
        return None
    return verb, cur


def claim_events(coder: EventCoder, doc: Doc, sent: Span, si: int, matches: list[_Match], events: list[Event],
                 index: list[ActorMention | None], note: Callable[[str], None]) -> list[Event]:
    """``events`` with the accusations (112) and claims of responsibility (015) made by claiming
    hostile acts; an act its own actor claims is folded into the claim (CAMEO codes the claim)."""
    roots = coder.patterns.words("claimed_act_roots")
    base = sent.start_char
    out: list[Event] = []
    folded: set[int] = set()
    have = {(e.source, e.target, e.root) for e in events}
    for m in matches:
        code = m.code or m.pattern.code or ""
        if m.folded_into is not None or m.pattern.suppress or code[:2] not in roots:
            continue
        found = _claim_clause(coder, m.token)
        if found is None or coder._modality(m.token) != ("asserted", False):
            continue  # "claimed it had not attacked" denies, "claimed it would attack" threatens
        verb, clause = found
        claimants, _ = coder._subjects(verb)
        a = coder._actor(claimants[0], index) if claimants else None
        if a is None and claimants:  # "a report released in Kigali alleged ...": the place's country
            a = next(iter(coder._document_actor(doc, claimants[0], index) or ()), None)
        if a is None or not a.code or a.code.startswith("---"):
            continue
        doers, _ = coder._subjects(coder._clause_head(m.token))
        if not doers and not coder._passive(clause):
            # "alleged that X was complicit in the killings": the act is said of the clause's subject
            doers, _ = coder._subjects(clause)
        if not doers:
            continue
        doer = doers[0]
        b = coder._actor(doer, index)
        span = [m.token.idx - base, m.token.idx - base + len(m.token)]
        if (is_pronoun(doer) and lemma_of(doer) in _SELF) or (b is not None and b.code == a.code):
            # "claimed that it had bombed the base": responsibility claimed, aimed at the act's target
            hit = next((e for e in events if e.evidence.get("trigger") == span and e.target), None)
            new, tgt_code, tgt_span = "015", hit.target if hit else None, hit.evidence.get("target") if hit else None
            folded.update(id(e) for e in events if e.evidence.get("trigger") == span and e.source == a.code)
            if hit is None:  # the act itself went uncoded ("they" unresolved): its named target still counts
                found, _, _ = coder._actors(m.token, m.pattern.target, index, None)
                t = next((t for t, _ in found if t.code and t.code != a.code), None)
                if t is not None:
                    tgt_code, tgt_span = t.code, [t.start - base, t.end - base]
        elif b is not None and b.code and b.code != a.code and not is_pronoun(doer):
            new, tgt_code, tgt_span = "112", b.code, [b.start - base, b.end - base]
        else:
            continue
        key = (a.code, tgt_code, new[:2])
        if key in have or (new == "112" and (a.code, tgt_code, "11") in have):
            continue
        have.add(key)
        onto = ontology_fields(new)
        out.append(Event(
            doc_id=doc._.doc_id or "", sentence_index=si, sentence=sent.text, source=a.code, code=new,
            source_name=a.name or a.text, target=tgt_code, target_name=(b.name or b.text) if new == "112" and b else None,
            cameo_name=onto.get("cameo_name"), plover=onto.get("plover"), plover_mode=onto.get("plover_mode"),
            quad_class=onto.get("quad_class"), goldstein=onto.get("goldstein"), date=doc._.published,
            date_source="published" if doc._.published else None,
            evidence={"source": [a.start - base, a.end - base], "target": tgt_span,
                      "trigger": [verb.idx - base, verb.idx - base + len(verb)]},
            sentence_start=base, pattern=f"claim.{'responsibility' if new == '015' else 'accuse'}",
            confidence=round(0.75 * m.pattern.confidence, 3), coder_version=coder.version,
        ))
        note(f"CODED {new} {a.code} -> {tgt_code}: '{verb.text}' claims the act '{m.token.text}'")
    return [e for e in events if id(e) not in folded] + out
