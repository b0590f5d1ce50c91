"""Benchmark the dates stage on TimeML files (e.g. TempEval-3 platinum).

    .venv/bin/python benchmarks/dates.py /path/to/te3-platinum [--verbose] [--fast]

Each file's DCT is the publication date; each TIMEX3 inside TEXT is a gold expression (type, value,
span). Reports span recall and precision, and strict value accuracy on the gold expressions found
(DATE/TIME only, and all types), plus the time the tagger adds beside spaCy's parse.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_timeml(path: Path) -> tuple[str, str | None, list[Gold]]:
    """Plain TEXT, the DCT value and the gold TIMEX3 spans (offsets into the plain text)."""
    root = ET.parse(path).getroot()
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value") if dct_node is not None else None
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    gold: list[Gold] = []

    def walk(node: ET.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, parts))
                text = "".join(parts)[start:end]
                gold.append(Gold(start, end, text, child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)

    walk(text_node)
    return "".join(parts), dct, gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--verbose", action="store_true", help="print every miss and wrong value")
    ap.add_argument("--fast", action="store_true", help="the fast profile: no statistical NER, rules alone")
    args = ap.parse_args(argv)

    from eventwire.nlp.pipeline import load_pipeline, make_doc
    from eventwire.time import DateTagger

    nlp = load_pipeline(fast=args.fast, eventwire=False)
    tagger = DateTagger(nlp)
    files = sorted(args.folder.glob("*.tml"))
    if not files:
        print(f"no .tml files in {args.folder}", file=sys.stderr)
        return 2
    n_gold = {"dt": 0, "all": 0}
    n_found = {"dt": 0, "all": 0}
    n_right = {"dt": 0, "all": 0}
    n_pred = n_pred_ok = 0
    parse_s = tag_s = 0.0
    chars = 0
    for path in files:
        text, dct, gold = read_timeml(path)
        chars += len(text)
        t0 = time.perf_counter()
        doc = nlp(make_doc(nlp, text, published=dct))
        t1 = time.perf_counter()
        pred = tagger.find(doc)
        tag_s += time.perf_counter() - t1
        parse_s += t1 - t0
        n_pred += len(pred)
        n_pred_ok += sum(any(p.start < g.end and g.start < p.end for g in gold) for p in pred)
        for g in gold:
            over = [p for p in pred if p.start < g.end and g.start < p.end]
            keys = ("dt", "all") if g.type in ("DATE", "TIME") else ("all",)
            hit = bool(over)
            best = max(over, key=lambda p: min(p.end, g.end) - max(p.start, g.start)) if over else None
            right = best is not None and best.value == g.value
            for k in keys:
                n_gold[k] += 1
                n_found[k] += hit
                n_right[k] += hit and right
            if args.verbose and (not hit or not right):
                got = f"{best.text!r} {best.type} {best.value}" if best else "-"
                print(f"{path.name[:22]:22} DCT {dct}  gold {g.text!r} {g.type} {g.value}  got {got}")
    if args.verbose:
        for path in files:
            text, dct, gold = read_timeml(path)
            doc = nlp(make_doc(nlp, text, published=dct))
            for p in tagger.find(doc):
                if not any(p.start < g.end and g.start < p.end for g in gold):
                    print(f"{path.name[:22]:22} extra {p.text!r} {p.type} {p.value}")

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "n/a"

    print(f"files {len(files)}  gold expressions {n_gold['all']} (DATE/TIME {n_gold['dt']})  found {n_pred}")
    print(f"DATE/TIME  span recall {ratio(n_found['dt'], n_gold['dt'])}  "
          f"value accuracy on found {ratio(n_right['dt'], n_found['dt'])}  "
          f"value recall {ratio(n_right['dt'], n_gold['dt'])}")
    print(f"all types  span recall {ratio(n_found['all'], n_gold['all'])}  "
          f"value accuracy on found {ratio(n_right['all'], n_found['all'])}  "
          f"value recall {ratio(n_right['all'], n_gold['all'])}")
    print(f"span precision {ratio(n_pred_ok, n_pred)}")
    print(f"time: spaCy parse {parse_s * 1000 / len(files):.1f} ms/doc, date tagger "
          f"{tag_s * 1000 / len(files):.2f} ms/doc ({tag_s / max(parse_s, 1e-9):.1%} of the parse), "
          f"{chars / len(files):.0f} chars/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
