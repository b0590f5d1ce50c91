"""Benchmark actor recognition on gold event sentences (PLOVER or PETR2 gold standard records).

    .venv/bin/python benchmarks/actors.py /path/to/plover_gsr.jsonl [--fast] [--verbose]

For each gold sentence, runs spaCy + the actor recognizer and reports the share of gold source and
target actor countries (first three letters; "---" gold excluded) found among the mentions'
countries, the share of those where the full gold code (e.g. PRKGOV) is among the mention codes,
and the time the recognizer adds beside spaCy's own pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.nlp.pipeline import load_pipeline, make_doc


def _gold_actors(record: dict) -> list[list[str]]:
    """Each gold actor slot as its list of acceptable codes (slots with '---' or nothing dropped)."""
    slots = []
    for ev in record.get("events", []):
        for key in ("source", "target"):
            codes = [c for c in ev.get(key) or [] if c and not c.startswith("---")]
            if codes and len(codes) == len(ev.get(key) or []):
                slots.append(codes)
    return slots


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--fast", action="store_true", help="drop the statistical NER (dictionaries only)")
    ap.add_argument("--verbose", action="store_true", help="print each missed gold actor")
    args = ap.parse_args()
    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]

    nlp = load_pipeline(eventwire=False, fast=args.fast)
    nlp.add_pipe("eventwire_actors")
    texts = [(r["text"], r.get("published")) for r in records]

    # Timing: spaCy's own pipeline, then the recognizer alone on the parsed Docs (best of 3 each).
    actors = nlp.get_pipe("eventwire_actors")
    t_spacy = t_actors = float("inf")
    for _ in range(3):
        with nlp.select_pipes(disable=["eventwire_actors"]):
            t0 = time.perf_counter()
            docs = list(nlp.pipe([make_doc(nlp, t, published=p) for t, p in texts]))
            t_spacy = min(t_spacy, time.perf_counter() - t0)
        t0 = time.perf_counter()
        docs = [actors(d) for d in docs]
        t_actors = min(t_actors, time.perf_counter() - t0)
    t_full = t_spacy + t_actors

    slots = hit_country = hit_code = full_slots = mentions = 0
    for rec, doc in zip(records, docs, strict=True):
        found = doc._.actors or []
        mentions += len(found)
        countries = {m.code[:3] for m in found if m.code and not m.code.startswith("---")}
        codes = [m.code for m in found if m.code]
        for gold in _gold_actors(rec):
            slots += 1
            ok = any(g[:3] in countries for g in gold)
            hit_country += ok
            if any(len(g) > 3 for g in gold):
                full_slots += 1
                hit_code += any(c.startswith(g) for g in gold if len(g) > 3 for c in codes)
            if not ok and args.verbose:
                print(f"MISS {rec['id']}: gold {gold} found {[(m.text, m.code) for m in found]}\n   {rec['text']}")
    print(f"records {len(records)}  gold actor slots {slots}  mentions {mentions}")
    print(f"country recall {hit_country / max(slots, 1):.3f} ({hit_country}/{slots})")
    if full_slots:
        print(f"full-code recall {hit_code / full_slots:.3f} ({hit_code}/{full_slots} slots with a sector)")
    else:
        print("full-code recall n/a (no gold slot has a sector)")
    speed = t_spacy / t_full if t_full else 0.0
    print(f"time spaCy {t_spacy:.2f}s  actors {t_actors:.3f}s  speed with actors {speed:.2f} of spaCy's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
