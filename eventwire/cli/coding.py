"""Commands that code events and places: code, explain, eval, places."""

from __future__ import annotations

import sys

import typer

from .app import app, err
from .reading import _INPUTS_HELP, _PUBLISHED_HELP, _read_items


def _iso_date(value: str | None, hint: str = "--published") -> str | None:
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=hint) from None


def _event_nlp(fast: bool | None = None):  # type: ignore[no-untyped-def]
    from ..events.evaluate import build_nlp

    return build_nlp(fast)


@app.command("code")
def code_cmd(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help=_INPUTS_HELP),
    db: str = typer.Option(None, "--db", help="DuckDB store to add the coded articles and events to."),
    jsonl: str = typer.Option(None, "--jsonl", help="Write one JSON event a line here (- = stdout)."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
    outlet: str = typer.Option(None, "--outlet", help="Outlet name for every article read."),
    batch: int = typer.Option(32, "--batch", min=1, help="Articles per store transaction."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (Parquet output)."),
    workers: int = typer.Option(None, "--workers", min=0,
                                help="Worker processes (default: the 'workers' setting, 0 = one per core)."),
    fast: bool = typer.Option(None, "--fast/--no-fast", help="Fast profile: no statistical NER (setting 'fast')."),
    parquet: str = typer.Option(None, "--parquet", help="Output directory of the dask engine."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
    partition_size: int = typer.Option(200, "--partition-size", min=1, help="Articles per Dask partition."),
) -> None:
    """Code articles into events: to the store (--db), to JSON Lines (--jsonl) and as a table.

    With --engine dask the coded articles go to Parquet partitions under --parquet (load them into a
    store with `eventwire load`). Exit status: 0 when any article was read, 1 when none was or the store
    failed, 2 on usage errors.
    """
    import json

    from ..errors import StoreError
    from ..ingest import describe_reject
    from ..records import Article, CodedArticle, Reject
    from ..scale import default_workers, process_parallel

    published = _iso_date(published)
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r}: use local or dask", param_hint="--engine")
    if engine == "dask" and (not parquet or db or jsonl):
        raise typer.BadParameter("the dask engine writes Parquet only: give --parquet DIR, not --db/--jsonl",
                                 param_hint="--engine")
    items = _read_items(inputs, published, outlet, None)
    rejects: list[Reject] = []
    if engine == "dask":
        from ..scale.dask import code_with_dask

        result = code_with_dask(items, parquet, scheduler=scheduler, workers=workers or default_workers(),
                                partition_size=partition_size, fast=fast)
        for r in result.rejects:
            err(describe_reject(r))
        print(f"coded {result.articles} articles: {result.events} events, {len(result.rejects)} rejected "
              f"-> {parquet} ({result.partitions} partitions)")
        if result.articles == 0:
            raise typer.Exit(1)
        return

    n_rejected = 0

    def articles():  # type: ignore[no-untyped-def]
        nonlocal n_rejected
        for item in items:
            if isinstance(item, Reject):
                rejects.append(item)
                n_rejected += 1
                err(describe_reject(item))
            elif isinstance(item, Article):
                yield item

    try:
        out = None if jsonl is None else (sys.stdout if jsonl == "-" else open(jsonl, "w", encoding="utf-8"))  # noqa: SIM115
    except OSError as exc:
        err(f"cannot write {jsonl}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    store = None
    if db:
        from ..store import Store

        try:
            store = Store(db).__enter__()
        except StoreError as exc:
            err(f"store {db}: {exc}")
            raise typer.Exit(1) from None
    read = n_events = 0
    rows: list = []
    pending: list[CodedArticle] = []
    try:
        for coded in process_parallel(articles(), workers=workers or None, fast=fast):
            read += 1
            n_events += len(coded.events)
            pending.append(coded)
            for ev in coded.events:
                if out is not None:
                    out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                if jsonl != "-" and len(rows) < 500:
                    rows.append(ev)
            if store is not None and len(pending) >= batch:
                store.add_coded(pending)
                store.add_rejects(rejects)
                rejects.clear()
            if len(pending) >= batch:
                pending.clear()
        if store is not None:
            store.add_coded(pending)
            store.add_rejects(rejects)
    except StoreError as exc:
        err(f"store {db}: {exc}")
        raise typer.Exit(1) from None
    finally:
        if store is not None:
            store.__exit__(None, None, None)
        if out is not None and out is not sys.stdout:
            out.close()
    if jsonl != "-":
        from rich.console import Console
        from rich.table import Table

        table = Table(title="events", show_lines=False)
        for col in ("date", "source", "code", "target", "modality", "trigger"):
            table.add_column(col)
        for ev in rows:
            trig = ev.evidence.get("trigger") or [0, 0]
            mod = ev.modality + (" (negated)" if ev.negated else "")
            table.add_row(ev.date or "", f"{ev.source} {ev.source_name or ''}".strip(),
                          f"{ev.code} {ev.cameo_name or ''}".strip(),
                          f"{ev.target or '-'} {ev.target_name or ''}".strip(), mod, ev.sentence[trig[0]:trig[1]])
        console = Console()
        if rows:
            console.print(table)
        console.print(f"coded {read} articles: {n_events} events, {n_rejected} rejected"
                      + (f" -> {db}" if db else ""))
    if read == 0:
        raise typer.Exit(1)


@app.command("explain")
def explain_cmd(
    sentence: str = typer.Argument(..., help="The sentence (or short text) to code."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
) -> None:
    """Show how a sentence is coded: parse, actors, each pattern tried and why each event was (not) coded."""
    from ..nlp.pipeline import make_doc

    published = _iso_date(published)
    if not sentence.strip():
        raise typer.BadParameter("empty sentence", param_hint="SENTENCE")
    nlp = _event_nlp()
    doc = make_doc(nlp, sentence, doc_id="explain", published=published)
    doc._.explain = True
    doc._.trace = []
    doc = nlp(doc)
    print("parse:")
    for t in doc:
        print(f"  {t.i:>3} {t.text:<16} lemma={t.lemma_:<14} {t.pos_:<6} {t.dep_:<10} head={t.head.i} ({t.head.text})")
    print("actors:")
    for m in doc._.actors or []:
        print(f"  [{m.start}:{m.end}] {m.text!r} -> {m.code} ({m.kind}, via {m.via})")
    print("coding:")
    for line in doc._.trace or []:
        print("  " + line)
    print("events:")
    for ev in doc._.events or []:
        print(f"  {ev.source} -{ev.code} {ev.cameo_name or ''}-> {ev.target} [{ev.plover}] modality={ev.modality}"
              f" negated={ev.negated} confidence={ev.confidence} pattern={ev.pattern} evidence={ev.evidence}")
    if not doc._.events:
        print("  (none)")


@app.command("eval")
def eval_cmd(
    gold: str = typer.Argument(..., metavar="GOLD.jsonl", help="Gold events: id, published, text, events."),
    verbose: bool = typer.Option(False, "--verbose", help="List misses and extras per document."),
    strict: bool = typer.Option(False, "--strict", help="Compare whole actor codes, not the country part."),
    fast: bool = typer.Option(None, "--fast/--no-fast", help="Fast profile: no statistical NER (setting 'fast')."),
) -> None:
    """Code the gold texts and print per-code and overall precision/recall/F1 (last line: overall)."""
    from ..errors import InputError
    from ..events.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, nlp=_event_nlp(fast), strict=strict)
    except InputError as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    for line in format_report(report, verbose=verbose):
        print(line)



# ---- places: geoparse a text ----
@app.command("places")
def places_cmd(
    text: str = typer.Argument(..., help="Text to geoparse, or '-' to read it from stdin."),
    fast: bool = typer.Option(False, "--fast", help="No statistical NER: gazetteer matching only."),
) -> None:
    """Print the toponyms of TEXT, one JSON object a line (name, lat, lon, country, literal/metonym)."""
    import json

    from ..errors import EventwireError
    from ..geo import geoparse
    from ..nlp.pipeline import load_pipeline

    body = sys.stdin.read() if text == "-" else text
    try:
        places = geoparse(body, load_pipeline(fast=fast, eventwire=False))
    except EventwireError as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    for place in places:
        print(json.dumps(place.to_dict(), ensure_ascii=False))


