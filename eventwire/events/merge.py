"""One act of violence named more than once in a sentence, kept as one event. A step of the event
coder, kept apart for size."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..records import Event

__all__ = ["merge_violence"]


def merge_violence(events: list[Event], owner: dict[int, Token]) -> list[Event]:
    """One act of violence named twice with victims of different fullness ("Israeli air strikes
    killed 20 people in Gaza": ---CVL by the strikes, PSE by their place, PSECVL by the killing)
    is one event: the most specific code with the fullest target."""
    def country(code: str) -> str | None:
        return None if code.startswith("---") else code[:3]

    def fits(a: str, b: str) -> bool:  # the same victims, one of them named more fully
        ca, cb = country(a), country(b)
        if ca and cb:
            return ca == cb
        return len(a) > 3 and len(b) > 3 and a[3:] == b[3:]

    def fullness(code: str) -> tuple[bool, int]:
        return (country(code) is not None, len(code))

    def rank(e: Event) -> tuple[bool, float]:
        return (not e.code.endswith("0") or len(e.code) > 3, e.confidence)

    violent = [e for e in events if e.root in ("18", "19", "20") and e.target and not e.negated]
    parent = list(range(len(violent)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(violent):
        for j in range(i):
            b = violent[j]
            if a.source == b.source and fits(a.target or "", b.target or ""):
                parent[root(i)] = root(j)
    by_root: dict[int, list[Event]] = {}
    for i, e in enumerate(violent):
        by_root.setdefault(root(i), []).append(e)
    groups = list(by_root.values())
    out, done = [], set()
    for g in groups:
        if len(g) == 1:
            continue
        best = max(g, key=rank)
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
    if not out:
        return events
    first = dict(out)
    return [first.get(id(e), e) for e in events if id(e) not in done or id(e) in first]
