"""Score coded events against a gold events file (JSON Lines: ``id``, ``published``, ``text``, ``events``).

The matching rules are those of the shared evaluation's scorer, reimplemented here: predictions marked
negated or hypothetical are left out; actors match on their first three letters (the whole gold code
as a prefix with ``strict``), ``---`` matches anything; a gold event with ``target: []`` wants no
target unless ``target_any``; gold ``roots`` match a predicted CAMEO code by prefix, gold ``plover`` the
predicted PLOVER type; matching is greedy and one-to-one inside each document, and optional gold events
neither add to recall nor count as false positives when predicted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import InputError, MalformedRecord, UnreadableInput
from ..records import Event

__all__ = ["Tally", "Report", "load_gold", "match", "score", "build_nlp", "code_gold", "evaluate"]

_NO_ACTOR = ("", "---", "NONE", "NULL")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (f"precision {self.precision:.3f} recall {self.recall:.3f} f1 {self.f1:.3f} "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn})")


@dataclass
class Report:
    """Overall and per-key (CAMEO root or PLOVER type) tallies, and per-document misses and extras."""

    overall: Tally = field(default_factory=Tally)
    by_key: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    details: list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]] = field(default_factory=list)
    key_kind: str = "root"


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records of a JSONL file; a broken line raises ``MalformedRecord`` naming it."""
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(str(path), str(exc)) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedRecord(str(path), f"bad JSON: {exc}", record=f"line {n}") from None
        if not isinstance(rec, dict) or "id" not in rec or "text" not in rec or not isinstance(
            rec.get("events", []), list
        ):
            raise MalformedRecord(str(path), "a gold record needs id, text and a list of events", record=f"line {n}")
        rec.setdefault("events", [])
        records.append(rec)
    return records


def _norm(code: Any) -> str:
    return str(code or "").strip().upper()


def _actor_ok(gold_codes: Iterable[Any], predicted: str, strict: bool) -> bool:
    for g in gold_codes:
        g = _norm(g)
        if g in _NO_ACTOR or g.startswith("---"):
            return True
        if predicted.startswith(g if strict else g[:3]):
            return True
    return False


def match(gold: dict[str, Any], pred: dict[str, Any], strict: bool = False) -> bool:
    """Whether predicted event ``pred`` (Event.to_dict() shape) matches gold event ``gold``."""
    src, tgt = _norm(pred.get("source")), _norm(pred.get("target"))
    if not _actor_ok(gold.get("source", []), src, strict):
        return False
    if gold.get("target"):
        if tgt in _NO_ACTOR or not _actor_ok(gold["target"], tgt, strict):
            return False
    elif not gold.get("target_any") and tgt not in _NO_ACTOR:
        return False
    if "plover" in gold:
        return _norm(pred.get("plover")) == _norm(gold["plover"])
    code = str(pred.get("code") or "").strip()
    return any(code.startswith(str(r)) for r in gold.get("roots", []))


def _counts(pred: dict[str, Any]) -> bool:
    return not (pred.get("negated") is True or str(pred.get("modality") or "").lower() == "hypothetical")


def score(gold: list[dict[str, Any]], preds: dict[str, list[dict[str, Any]]], strict: bool = False) -> Report:
    """Greedy one-to-one matching per document; ``preds`` maps a gold id to its predicted events."""
    kind = "plover" if any("plover" in e for g in gold for e in g["events"]) else "root"
    report = Report(key_kind=kind)

    def gold_key(g: dict[str, Any]) -> str:
        return _norm(g["plover"]) if "plover" in g else str((g.get("roots") or ["?"])[0])

    def pred_key(p: dict[str, Any]) -> str:
        return (_norm(p.get("plover")) or "-") if kind == "plover" else str(p.get("code") or "")[:2]

    for doc in gold:
        ps = [p for p in preds.get(str(doc["id"]), []) if _counts(p)]
        used = [False] * len(ps)
        missed: list[dict[str, Any]] = []
        for g in sorted(doc["events"], key=lambda g: g.get("optional", False)):
            hit = next((i for i, p in enumerate(ps) if not used[i] and match(g, p, strict)), None)
            if hit is None:
                if not g.get("optional"):
                    report.overall.fn += 1
                    report.by_key[gold_key(g)].fn += 1
                    missed.append(g)
            else:
                used[hit] = True
                if not g.get("optional"):
                    report.overall.tp += 1
                    report.by_key[gold_key(g)].tp += 1
        extra = [p for i, p in enumerate(ps) if not used[i]]
        for p in extra:
            report.overall.fp += 1
            report.by_key[pred_key(p)].fp += 1
        if missed or extra:
            report.details.append((str(doc["id"]), missed, extra))
    return report


def build_nlp(fast: bool | None = None) -> Language:
    """The full pipeline (``fast``: without the statistical NER), shared in this process."""
    from ..nlp.pipeline import get_nlp

    return get_nlp(None, fast)


def code_gold(gold: list[dict[str, Any]], nlp: Language | None = None,
              batch_size: int = 32) -> Iterator[tuple[str, list[Event]]]:
    """Code every gold text (dated by its ``published``) and yield (id, events), in order."""
    from ..ingest.text import normalize_date
    from ..nlp.pipeline import make_doc

    nlp = nlp or build_nlp()

    def docs() -> Iterator:
        for rec in gold:
            # an unreadable date ("121108") is no date: compared as text it would date every role wrong
            yield make_doc(nlp, str(rec["text"]), doc_id=str(rec["id"]), published=normalize_date(rec.get("published")))

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc._.doc_id, list(doc._.events or [])


def evaluate(path: str | Path, nlp: Language | None = None, strict: bool = False) -> Report:
    """Code the gold file's texts and score them."""
    gold = load_gold(path)
    if not gold:
        raise InputError(str(path), "no gold records")
    preds = {doc_id: [e.to_dict() for e in events] for doc_id, events in code_gold(gold, nlp)}
    return score(gold, preds, strict)


def format_report(report: Report, verbose: bool = False) -> list[str]:
    """Plain lines: per-document details (verbose), the per-key table, and the overall last line."""
    lines: list[str] = []
    if verbose:
        def show(e: dict[str, Any]) -> str:
            what = e.get("plover") if report.key_kind == "plover" else (e.get("code") or e.get("roots"))
            return f"{e.get('source')}->{e.get('target')} {what}"

        for doc_id, missed, extra in report.details:
            lines.append(f"{doc_id}: missed [{'; '.join(show(g) for g in missed)}] "
                         f"extra [{'; '.join(show(p) for p in extra)}]")
    head = "PLOVER" if report.key_kind == "plover" else "root"
    lines.append(f"{head:<12} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5} {'R':>5} {'F1':>5}")
    for key in sorted(report.by_key):
        t = report.by_key[key]
        lines.append(f"{key:<12} {t.tp:>4} {t.fp:>4} {t.fn:>4}  {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}")
    lines.append(report.overall.line())
    return lines
