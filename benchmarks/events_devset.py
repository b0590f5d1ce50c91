"""Score the event coder on the wire-news development set (or any gold events file).

    .venv/bin/python benchmarks/events_devset.py [GOLD.jsonl] [--strict] [--quiet] [--by-cause] [--failures]

GOLD defaults to benchmarks/data/wire_devset.jsonl: original wire-style sentences written for this
project (never used to tune the coder), in the shared evaluation's events format. The default output
is what ``eventwire eval GOLD --verbose`` prints (per-document misses and extras, the per-root table,
the overall line last), computed through ``eventwire.events.evaluate``; ``--quiet`` drops the
per-document lines.

``--by-cause`` adds a summary classifying every miss and extra:

* actor: an extra with an acceptable CAMEO code stands beside the miss, but its source or target is
  wrong or missing (split by which side failed);
* code: an extra with acceptable actors stands beside the miss, but its CAMEO root is wrong;
* modality: the coder found the gold event but marked it negated or hypothetical (so it was dropped);
* missed: nothing like the gold event was coded;
* spurious (no-event sentence): any event coded on a sentence whose gold has no event;
* spurious (event sentence): an extra on a sentence with gold events that explains no miss.

``--failures`` prints each failing sentence with its gold events and every coded event (with
modality, negation, pattern and trigger), for reading.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.events.evaluate import build_nlp, code_gold, format_report, load_gold, match, score

DEFAULT = Path(__file__).resolve().parent / "data" / "wire_devset.jsonl"
_NO_ACTOR = ("", "---", "NONE", "NULL")


def _counts(pred: dict[str, Any]) -> bool:
    return not (pred.get("negated") is True or str(pred.get("modality") or "").lower() == "hypothetical")


def _code_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Whether the predicted code (or PLOVER type) is acceptable, whatever the actors."""
    if "plover" in gold:
        return str(pred.get("plover") or "").upper() == str(gold["plover"]).upper()
    code = str(pred.get("code") or "")
    return any(code.startswith(str(r)) for r in gold.get("roots", []))


def _actors_ok(gold: dict[str, Any], pred: dict[str, Any], strict: bool) -> bool:
    """Whether the predicted actors are acceptable, whatever the code."""
    fake = dict(pred)
    if "plover" in gold:
        fake["plover"] = gold["plover"]
    else:
        fake["code"] = str((gold.get("roots") or [""])[0])
    return match(gold, fake, strict)


def _actor_side(gold: dict[str, Any], pred: dict[str, Any], strict: bool) -> str:
    """Which side of an actor problem failed: source and/or target, missing or wrong."""
    src = str(pred.get("source") or "").upper()
    tgt = str(pred.get("target") or "").upper()
    parts = []
    fake_src = {**pred, "target": None}
    src_gold = {**gold, "target": [], "target_any": True}
    if not _actors_ok(src_gold, fake_src, strict):
        parts.append("source missing" if src in _NO_ACTOR else "source wrong")
    tgt_gold = {**gold, "source": ["---"]}
    if not _actors_ok(tgt_gold, pred, strict):
        if gold.get("target"):
            parts.append("target missing" if tgt in _NO_ACTOR else "target wrong")
        else:
            parts.append("target unexpected")
    return " + ".join(parts) or "actors"


def by_cause(gold: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]],
             details: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]],
             strict: bool = False) -> tuple[Counter, Counter, dict[str, list[str]]]:
    """Cause counts, actor-side counts, and for each document id its per-failure cause labels."""
    has_events = {str(r["id"]): bool(r["events"]) for r in gold}
    causes: Counter = Counter()
    sides: Counter = Counter()
    labels: dict[str, list[str]] = {}
    for doc_id, missed, extra in details:
        extra = list(extra)
        dropped = [p for p in preds.get(doc_id, []) if not _counts(p)]
        doc_labels = []
        if not has_events.get(doc_id, True):
            for _ in extra:
                causes["spurious (no-event sentence)"] += 1
                doc_labels.append("spurious (no-event sentence)")
            labels[doc_id] = doc_labels
            continue
        for g in missed:
            show = f"{'/'.join(g.get('source', []))}->{'/'.join(g.get('target', [])) or '*'} {g.get('code')}"
            # Pairing preference: right code and source (only the target failed), then right actors
            # with a wrong code, then right code with a wrong source.
            src_only = {**g, "target": [], "target_any": True}
            hit = next((p for p in extra if _code_ok(g, p) and _actors_ok(src_only, p, strict)), None)
            if hit is None:
                hit = next((p for p in extra if _actors_ok(g, p, strict) and not _code_ok(g, p)), None)
                if hit is not None:
                    extra.remove(hit)
                    causes["code"] += 1
                    doc_labels.append(f"code (got {hit.get('code')}): {show}")
                    continue
                hit = next((p for p in extra if _code_ok(g, p)), None)
            if hit is not None:
                extra.remove(hit)
                side = _actor_side(g, hit, strict)
                causes["actor"] += 1
                sides[side] += 1
                doc_labels.append(f"actor ({side}): {show}")
                continue
            hit = next((p for p in dropped if match(g, p, strict)), None)
            if hit is not None:
                dropped.remove(hit)
                mod = "negated" if hit.get("negated") else str(hit.get("modality"))
                causes["modality"] += 1
                doc_labels.append(f"modality (marked {mod}): {show}")
                continue
            causes["missed"] += 1
            doc_labels.append(f"missed: {show}")
        for p in extra:
            causes["spurious (event sentence)"] += 1
            doc_labels.append(f"spurious: {p.get('source')}->{p.get('target')} {p.get('code')}")
        labels[doc_id] = doc_labels
    return causes, sides, labels


def _show_gold(g: dict[str, Any]) -> str:
    tgt = "/".join(g.get("target", [])) or ("(any)" if g.get("target_any") else "(none)")
    what = g.get("plover") or f"{g.get('code')} roots {','.join(g.get('roots', []))}"
    return f"{'/'.join(g.get('source', []))} -> {tgt} {what}{' [optional]' if g.get('optional') else ''}"


def _show_pred(p: dict[str, Any]) -> str:
    flags = []
    if p.get("negated"):
        flags.append("negated")
    if p.get("modality") and p.get("modality") != "asserted":
        flags.append(str(p["modality"]))
    trig = (p.get("evidence") or {}).get("trigger")
    span = ""
    if trig and p.get("sentence"):
        span = f" trigger={p['sentence'][trig[0]:trig[1]]!r}"
    names = f" [{p.get('source_name')!r} -> {p.get('target_name')!r}]"
    return (f"{p.get('source')} -> {p.get('target')} {p.get('code')} ({p.get('cameo_name')}){names}"
            f"{' [' + ', '.join(flags) + ']' if flags else ''} pattern={p.get('pattern')}{span}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--strict", action="store_true", help="compare whole actor codes, not the country part")
    ap.add_argument("--quiet", action="store_true", help="no per-document misses and extras")
    ap.add_argument("--by-cause", action="store_true", help="classify every miss and extra by cause")
    ap.add_argument("--failures", action="store_true", help="print each failing sentence in full")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    if not gold:
        print(f"{args.gold}: no gold records", file=sys.stderr)
        return 1
    preds = {doc_id: [e.to_dict() for e in events] for doc_id, events in code_gold(gold, build_nlp())}
    report = score(gold, preds, args.strict)

    for line in format_report(report, verbose=not args.quiet):
        print(line)

    if args.by_cause or args.failures:
        causes, sides, labels = by_cause(gold, preds, report.details, args.strict)
    if args.failures:
        by_id = {str(r["id"]): r for r in gold}
        print("\nfailures:")
        for doc_id, _missed, _extra in report.details:
            rec = by_id[doc_id]
            print(f"\n[{doc_id}] ({rec.get('published')}) {rec['text']}")
            for g in rec["events"]:
                print(f"  gold: {_show_gold(g)}")
            for p in preds.get(doc_id, []) or []:
                print(f"  got:  {_show_pred(p)}")
            if not preds.get(doc_id):
                print("  got:  (nothing)")
            for label in labels.get(doc_id, []):
                print(f"  => {label}")
    if args.by_cause:
        n_docs = len(gold)
        n_empty = sum(1 for r in gold if not r["events"])
        print(f"\nby cause ({n_docs} sentences, {n_empty} with no gold event):")
        order = ["actor", "code", "modality", "missed", "spurious (no-event sentence)", "spurious (event sentence)"]
        for key in order:
            print(f"  {key:<30} {causes.get(key, 0):>4}")
        if sides:
            print("  actor problems by side:")
            for side, n in sides.most_common():
                print(f"    {side:<28} {n:>4}")
        flagged = sum(1 for r in gold if not r["events"] and preds.get(str(r["id"])) and not any(
            _counts(p) for p in preds[str(r["id"])]))
        print(f"  no-event sentences where every coded event was dropped as negated/hypothetical: {flagged}")
        print(report.overall.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
