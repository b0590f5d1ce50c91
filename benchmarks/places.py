"""Geoparsing benchmark on GeoWebNews-style XML: span recall and accuracy within 161 km.

Usage: .venv/bin/python benchmarks/places.py /path/to/GWN.xml [--limit N] [--fast] [--verbose]
       .venv/bin/python benchmarks/places.py --own   (only our own sentences, benchmarks/data/places_own.jsonl)

Gold toponyms that have coordinates are matched to our places by character overlap. Reported:
recall of spans, accuracy@161km over all gold toponyms with coordinates (unfound = miss) and over
the found ones, median and mean error (km) over found ones, and index build/load times. Figures are
also given without the gold spans that are demonym adjectives ("Russian", "American"; eventwire
tags them as kind "demonym" at their country's point), per gold ``<type>``, and per our ``kind``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventwire.geo import cues, distance_km, geoparse  # noqa: E402
from eventwire.geo import index as gz  # noqa: E402
from eventwire.nlp.pipeline import load_pipeline  # noqa: E402

KM = 161.0


def read_gold(path: Path) -> list[tuple[str, list[dict], list[tuple[int, int]]]]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        spans = []
        for top in art.iter("toponym"):
            if (top.findtext("type") or "") != "Non_Toponym":
                spans.append((int(top.findtext("start")), int(top.findtext("end"))))
            lat, lon = (top.findtext("latitude") or "").strip(), (top.findtext("longitude") or "").strip()
            if not lat or not lon:
                continue
            gold.append({"start": int(top.findtext("start")), "end": int(top.findtext("end")),
                         "lat": float(lat), "lon": float(lon), "type": top.findtext("type") or ""})
        articles.append((text, gold, spans))
    return articles


def own_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    """Our own hand-written sentences: right country (and literal/metonym when given) per toponym."""
    path = Path(__file__).parent / "data" / "places_own.jsonl"
    total = right = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        places = geoparse(case["text"], nlp)
        for name, country, kind in case["expect"]:
            total += 1
            got = next((p for p in places if p.text == name), None)
            ok = got is not None and got.country == country and (kind is None or got.kind == kind)
            right += ok
            if not ok:
                found = f"{got.name} {got.country} {got.kind}" if got else "not found"
                print(f"  wrong {name!r}: expected {country} {kind}, got {found} | {case['text']}")
    print(f"own sentences: {right}/{total} toponyms right ({right / total:.3f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path, nargs="?")
    ap.add_argument("--own", action="store_true", help="only score our own sentences")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--fast", action="store_true", help="no statistical NER (the fast profile)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    if args.own or args.gold is None:
        own_sentences(load_pipeline(fast=args.fast, eventwire=False))
        return
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        built = gz.build()
        build_s = time.perf_counter() - t0
        gz.save(built, gz.cache_path(Path(tmp)), gz.REGIONS_PATH)
        t0 = time.perf_counter()
        gz.load(Path(tmp))
        load_s = time.perf_counter() - t0
    print(f"index: {len(built)} places, {len(built.index)} names; build {build_s:.1f} s, load {load_s:.2f} s")

    nlp = load_pipeline(fast=args.fast, eventwire=False)
    articles = read_gold(args.gold)
    if args.limit:
        articles = articles[: args.limit]
    demonyms = set(cues().demonyms)
    rows = []  # (gold, error km or None when not found, is_demonym)
    t0 = time.perf_counter()
    n_pred = n_right = 0
    kinds: dict[tuple[str, str], int] = {}  # (gold type, our kind) -> count
    our_kinds: dict[str, int] = {}
    for text, gold, spans in articles:
        places = geoparse(text, nlp)
        n_pred += len(places)
        for p in places:
            our_kinds[p.kind] = our_kinds.get(p.kind, 0) + 1
        # Precision of recognition: our spans that overlap any annotated toponym (GWN is exhaustive).
        n_right += sum(1 for p in places if any(p.start < e and s < p.end for s, e in spans))
        for g in gold:
            hit = next((p for p in places if p.start < g["end"] and g["start"] < p.end and p.lat is not None), None)
            err = distance_km(g["lat"], g["lon"], hit.lat, hit.lon) if hit else None
            word = text[g["start"]:g["end"]]
            # Nationality adjectives: our list, plus the usual endings of ones it lacks ("Slovak").
            demonym = word.lower() in demonyms or (
                g["type"] in ("Non_Literal_Modifier", "Literal_Modifier", "Demonym")
                and re.fullmatch(r"[A-Z][a-z]+(?:an|ish|ese|ic|i|ak)", word) is not None
                and word.lower() not in built.index)
            rows.append((g, err, demonym))
            if hit is not None and g["type"] in ("Literal", "Metonymic"):
                kinds[(g["type"], hit.kind)] = kinds.get((g["type"], hit.kind), 0) + 1
            if args.verbose and (err is None or err > KM):
                got = f"{hit.name} ({hit.lat},{hit.lon}) {err:.0f} km" if hit else "-"
                ctx = text[max(0, g["start"] - 40):g["end"] + 25].replace("\n", " ")
                print(f"  miss {text[g['start']:g['end']]!r} [{g['type']}] -> {got}   | {ctx}")
    run_s = time.perf_counter() - t0
    print(f"{len(articles)} articles, {n_pred} places predicted, geoparse {run_s:.1f} s; "
          f"span precision {n_right / max(n_pred, 1):.3f} (predicted spans overlapping a gold toponym)")
    literal = {"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal"}
    lit = kinds.get(("Literal", "literal"), 0), kinds.get(("Literal", "metonym"), 0)
    met = kinds.get(("Metonymic", "metonym"), 0), kinds.get(("Metonymic", "literal"), 0)
    print(f"literal/metonym on found gold Literal: {lit[0]} literal, {lit[1]} metonym; "
          f"gold Metonymic: {met[0]} metonym, {met[1]} literal "
          f"(metonym precision {met[0] / max(met[0] + lit[1], 1):.3f}, recall {met[0] / max(sum(met), 1):.3f})")
    print("per gold type (n, span recall, acc@161km with unfound = miss):")
    for gtype in sorted({r[0]["type"] for r in rows}):
        sub = [r for r in rows if r[0]["type"] == gtype]
        found_n = sum(1 for r in sub if r[1] is not None)
        good_n = sum(1 for r in sub if r[1] is not None and r[1] <= KM)
        print(f"  {gtype:22s} n={len(sub):4d}  recall {found_n / len(sub):.3f}  acc@161km {good_n / len(sub):.3f}")
    print("our kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(our_kinds.items())))
    for label, subset in (("all gold toponyms with coordinates", rows),
                          ("without demonym adjectives", [r for r in rows if not r[2]]),
                          ("without demonyms and names inside organisation names",
                           [r for r in rows if not r[2] and r[0]["type"] != "Embedded_Non_Lit"]),
                          ("literal uses only (GWN Literal, Literal_Modifier, Mixed, Embedded_Literal)",
                           [r for r in rows if r[0]["type"] in literal])):
        found = [r[1] for r in subset if r[1] is not None]
        good = sum(1 for e in found if e <= KM)
        print(f"{label}: n={len(subset)}")
        print(f"  span recall {len(found) / len(subset):.3f}")
        print(f"  acc@161km {good / len(subset):.3f} (unfound = miss); over found {good / max(len(found), 1):.3f}")
        if found:
            print(f"  error km: median {statistics.median(found):.0f}, mean {statistics.fmean(found):.0f}")


if __name__ == "__main__":
    main()
