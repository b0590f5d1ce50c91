"""The `eventwire` command: thin shells over library calls (see each command's help)."""

from __future__ import annotations

import sys

import typer

from . import __version__

app = typer.Typer(
    name="eventwire",
    help="Turn news into political event data: articles, actors, CAMEO/PLOVER events, dates, places, quotes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """eventwire: news in, political event data out."""


def err(message: str) -> None:
    """One clear line on stderr (bad input, skipped records)."""
    print(message, file=sys.stderr)


@app.command()
def version() -> None:
    """Print the eventwire version."""
    print(__version__)


# Commands are defined below, one block per stage; each calls the library and formats the result.
# ---- commands ----

# ---- store and analysis: events, dyad, network, plot, export ----
DbOption = typer.Option(None, "--db", help="DuckDB store (default: the 'db' setting, ./eventwire.duckdb).")
plot_app = typer.Typer(help="Charts of stored events (PNG via matplotlib).", no_args_is_help=True)
app.add_typer(plot_app, name="plot")


def _open_store(db: str | None):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from . import settings
    from .store import Store

    path = db or settings.get("db")
    if not Path(path).exists():
        err(f"{path}: no eventwire store here (run `eventwire code INPUT... --db {path}` first)")
        raise typer.Exit(1)
    return Store(path, read_only=True)


def _print_frame(df, fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:  # type: ignore[no-untyped-def]
    import json

    for col in df.columns:  # dates print as dates, not midnight timestamps
        if str(df[col].dtype).startswith("datetime64"):
            df[col] = df[col].dt.strftime("%Y-%m-%d")

    if fmt == "csv":
        sys.stdout.write(df.to_csv(index=False))
    elif fmt in ("jsonl", "json"):
        for rec in json.loads(df.to_json(orient="records", date_format="iso")):
            print(json.dumps(rec, ensure_ascii=False))
    elif fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        cols = [c for c in (columns or list(df.columns)) if c in df.columns]
        for c in cols:
            table.add_column(c)
        for row in df[cols].itertuples(index=False):
            table.add_row(*["" if v is None or v != v else str(v)[:80] for v in row])
        Console(width=None if sys.stdout.isatty() else 200).print(table)
    else:
        err(f"--format {fmt!r}: expected table, jsonl or csv")
        raise typer.Exit(2)


@app.command("events")
def events_cmd(
    db: str = DbOption,
    source: str = typer.Option(None, help="Source actor code prefix, e.g. PRK or PRKGOV."),
    target: str = typer.Option(None, help="Target actor code prefix."),
    dyad: str = typer.Option(None, help="SOURCE-TARGET, e.g. PRK-USA (one direction)."),
    code: str = typer.Option(None, help="CAMEO code prefix, e.g. 11 or 112."),
    plover: str = typer.Option(None, help="PLOVER event type, e.g. ACCUSE."),
    since: str = typer.Option(None, help="First event date (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Last event date (YYYY-MM-DD)."),
    modality: str = typer.Option(None, help="asserted, planned, threatened, hypothetical or demanded."),
    negated: bool = typer.Option(False, "--negated", help="Include negated events."),
    fmt: str = typer.Option("table", "--format", help="table, jsonl or csv."),
    limit: int = typer.Option(None, help="At most this many events."),
) -> None:
    """List stored events matching the filters."""
    from .errors import ConfigError

    with _open_store(db) as store:
        try:
            df = store.events(source=source, target=target, dyad=dyad, code=code, plover=plover, since=since,
                              until=until, modality=modality, include_negated=negated, limit=limit)
        except ConfigError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
    _print_frame(df, fmt, ["date", "source", "code", "cameo_name", "target", "modality", "negated", "outlet",
                           "sentence"], title=f"{len(df)} events")


@app.command("dyad")
def dyad_cmd(
    a: str = typer.Argument(..., help="First actor (country code or code prefix), e.g. PRK."),
    b: str = typer.Argument(..., help="Second actor, e.g. USA."),
    db: str = DbOption,
    freq: str = typer.Option("month", help="day, week, month, quarter or year."),
    since: str = typer.Option(None),
    until: str = typer.Option(None),
    modality: str = typer.Option("asserted", help="Which modality counts ('' for all)."),
    fmt: str = typer.Option("table", "--format", help="table, csv or jsonl."),
) -> None:
    """Counts by quad class and mean/sum Goldstein per period, both directions, each event once."""
    from .errors import ConfigError

    with _open_store(db) as store:
        try:
            df = store.dyad(a, b, freq=freq, since=since, until=until, modality=modality or None)
        except ConfigError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
    df["period"] = df["period"].astype(str)
    _print_frame(df, fmt, title=f"{a.upper()} - {b.upper()} by {freq}")


@app.command("network")
def network_cmd(
    db: str = DbOption,
    since: str = typer.Option(None),
    until: str = typer.Option(None),
    level: str = typer.Option("country", help="country (fold to 3 letters) or actor (full codes)."),
    fmt: str = typer.Option("json", "--format", help="graphml or json."),
    out: str = typer.Option("-", "-o", "--output", help="Output file ('-' = stdout)."),
) -> None:
    """Actors as nodes, directed edges weighted by event count and Goldstein score."""
    from .analysis.network import to_graphml, to_json
    from .errors import ConfigError

    if fmt not in ("graphml", "json"):
        err(f"--format {fmt!r}: expected graphml or json")
        raise typer.Exit(2)
    with _open_store(db) as store:
        try:
            net = store.network(since=since, until=until, level=level)
        except ConfigError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
    text = to_graphml(net) if fmt == "graphml" else to_json(net)
    if out == "-":
        sys.stdout.write(text)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        err(f"wrote {len(net['nodes'])} nodes and {len(net['edges'])} edges to {out}")


@plot_app.command("dyad")
def plot_dyad_cmd(
    a: str = typer.Argument(...),
    b: str = typer.Argument(...),
    out: str = typer.Option("dyad.png", "-o", "--output"),
    db: str = DbOption,
    freq: str = typer.Option("month"),
    since: str = typer.Option(None),
    until: str = typer.Option(None),
) -> None:
    """Plot a dyad's events by quad class and Goldstein score over time."""
    from .analysis.plots import plot_dyad
    from .errors import ConfigError

    with _open_store(db) as store:
        try:
            df = store.dyad(a, b, freq=freq, since=since, until=until)
        except ConfigError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
    plot_dyad(df, a.upper(), b.upper(), out, freq=freq)
    err(f"wrote {out}")


@plot_app.command("network")
def plot_network_cmd(
    out: str = typer.Option("network.png", "-o", "--output"),
    db: str = DbOption,
    since: str = typer.Option(None),
    until: str = typer.Option(None),
    top: int = typer.Option(25, help="Show the busiest N actors."),
) -> None:
    """Plot the actor network (arrows coloured by mean Goldstein, width by events)."""
    from .analysis.plots import plot_network

    with _open_store(db) as store:
        net = store.network(since=since, until=until)
    plot_network(net, out, top=top)
    err(f"wrote {out}")


@app.command("export")
def export_cmd(
    out: str = typer.Argument(..., help="Output: a directory for parquet, a file for csv/gdelt."),
    fmt: str = typer.Option("parquet", "--format", help="parquet (month partitions), csv or gdelt."),
    db: str = DbOption,
    since: str = typer.Option(None),
    until: str = typer.Option(None),
) -> None:
    """Export events: Parquet partitioned by month, CSV, or the GDELT 2.0 event table layout."""
    from .errors import ConfigError

    with _open_store(db) as store:
        try:
            n = store.export(fmt, out, since=since, until=until)
        except ConfigError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
    err(f"wrote {n} events to {out} ({fmt})")


@app.command("load")
def load_cmd(
    directory: str = typer.Argument(..., help="Output directory of `eventwire code --engine dask --parquet DIR`."),
    db: str = DbOption,
) -> None:
    """Load Parquet partitions written by the Dask engine into a store (one transaction, then dedup)."""
    from . import settings
    from .errors import StoreError
    from .store import Store

    path = db or settings.get("db")
    try:
        with Store(path) as store:
            res = store.load_parquet(directory)
    except StoreError as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    print(f"loaded {res.articles} articles and {res.events} events from {directory} -> {path}")


# ---- ingest: extract, ingest ----
_INPUTS_HELP = "Files, directories (recursive), globs or - for stdin: text, HTML, RSS/Atom, WARC, JSONL, plain or .gz."
_PUBLISHED_HELP = "Publication date (YYYY-MM-DD) for every article read."


def _read_items(inputs: list[str], published: str | None, outlet: str | None, url: str | None):  # type: ignore[no-untyped-def]
    from .ingest import read_inputs

    try:
        return read_inputs(inputs, published=published, outlet=outlet, url=url)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--published") from None


@app.command("extract")
def extract_cmd(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help=_INPUTS_HELP),
    jsonl: str = typer.Option("-", "--jsonl", help="Output JSON Lines file, one Article a line (- = stdout)."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
    outlet: str = typer.Option(None, "--outlet", help="Outlet name for every article read."),
    url: str = typer.Option(None, "--url", help="URL for every article read."),
) -> None:
    """Read articles and write them as JSON Lines; each rejected input is one line on stderr.

    Exit status: 0 when any article was read, 1 when none was, 2 on usage errors.
    """
    import json

    from .ingest import describe_reject
    from .records import Reject

    items = _read_items(inputs, published, outlet, url)
    try:
        out = sys.stdout if jsonl == "-" else open(jsonl, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        err(f"cannot write {jsonl}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    read = rejected = 0
    try:
        for item in items:
            if isinstance(item, Reject):
                rejected += 1
                err(describe_reject(item))
            else:
                read += 1
                out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if rejected or jsonl != "-":
        err(f"read {read} articles, rejected {rejected} inputs or records")
    if read == 0:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help=_INPUTS_HELP),
    db: str = typer.Option(None, "--db", help="DuckDB store (default: the 'db' setting, ./eventwire.duckdb)."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
    outlet: str = typer.Option(None, "--outlet", help="Outlet name for every article read."),
    url: str = typer.Option(None, "--url", help="URL for every article read."),
    batch: int = typer.Option(100, "--batch", min=1, help="Articles written per store transaction."),
) -> None:
    """Read articles into the store (duplicates skipped) and record every reject there.

    Exit status: 0 when any article was read, 1 when none was or the store failed, 2 on usage errors.
    """
    from contextlib import nullcontext

    from . import settings
    from .errors import StoreError
    from .ingest import describe_reject
    from .records import Article, Reject
    from .store import Store

    items = _read_items(inputs, published, outlet, url)
    path = db or settings.get("db")
    counts = {"read": 0, "stored": 0, "duplicates": 0, "near": 0, "rejected": 0}
    articles: list[Article] = []
    rejects: list[Reject] = []

    def flush(store: Store) -> None:
        if articles:
            result = store.add_articles(articles)
            stored = result if isinstance(result, int) else result.stored
            counts["stored"] += stored
            counts["duplicates"] += len(articles) - stored
            counts["near"] += 0 if isinstance(result, int) else getattr(result, "near_duplicates", 0)
            articles.clear()
        if rejects:
            store.add_rejects(rejects)
            rejects.clear()

    progress = nullcontext()
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=True)
    try:
        with Store(path) as store, progress as bar:
            task = bar.add_task("reading", total=None) if bar is not None else None
            for item in items:
                if isinstance(item, Reject):
                    counts["rejected"] += 1
                    rejects.append(item)
                    if bar is None:
                        err(describe_reject(item))
                else:
                    counts["read"] += 1
                    articles.append(item)
                if len(articles) >= batch or len(rejects) >= batch:
                    flush(store)
                if bar is not None:
                    bar.update(task, description=f"{counts['read']} articles read, {counts['rejected']} rejected")
            flush(store)
    except StoreError as exc:
        err(f"store {path}: {exc}")
        raise typer.Exit(1) from None
    near = f" ({counts['near']} of them near-duplicates)" if counts["near"] else ""
    print(f"read {counts['read']} articles: {counts['stored']} stored{near}, {counts['duplicates']} duplicates, "
          f"{counts['rejected']} rejected -> {path}")
    if counts["read"] == 0:
        raise typer.Exit(1)


# ---- events: code, explain, eval ----
def _iso_date(value: str | None, hint: str = "--published") -> str | None:
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=hint) from None


def _event_nlp():  # type: ignore[no-untyped-def]
    from .events.evaluate import build_nlp

    return build_nlp()


@app.command("code")
def code_cmd(
    inputs: list[str] = typer.Argument(..., metavar="INPUT...", help=_INPUTS_HELP),
    db: str = typer.Option(None, "--db", help="DuckDB store to add the coded articles and events to."),
    jsonl: str = typer.Option(None, "--jsonl", help="Write one JSON event a line here (- = stdout)."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
    outlet: str = typer.Option(None, "--outlet", help="Outlet name for every article read."),
    batch: int = typer.Option(32, "--batch", min=1, help="Articles per store transaction."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (Parquet output)."),
    workers: int = typer.Option(1, "--workers", min=0, help="Worker processes (0 = one per core)."),
    parquet: str = typer.Option(None, "--parquet", help="Output directory of the dask engine."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)."),
) -> None:
    """Code articles into events: to the store (--db), to JSON Lines (--jsonl) and as a table.

    With --engine dask the coded articles go to Parquet partitions under --parquet (load them into a
    store with `eventwire load`). Exit status: 0 when any article was read, 1 when none was or the store
    failed, 2 on usage errors.
    """
    import json

    from .errors import StoreError
    from .ingest import describe_reject
    from .process import process
    from .records import Article, CodedArticle, Reject

    published = _iso_date(published)
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r}: use local or dask", param_hint="--engine")
    if engine == "dask" and (not parquet or db or jsonl):
        raise typer.BadParameter("the dask engine writes Parquet only: give --parquet DIR, not --db/--jsonl",
                                 param_hint="--engine")
    items = _read_items(inputs, published, outlet, None)
    rejects: list[Reject] = []
    if engine == "dask":
        from .scale.dask import code_with_dask

        result = code_with_dask(items, parquet, scheduler=scheduler, workers=workers or 2)
        for r in result.rejects:
            err(describe_reject(r))
        print(f"coded {result.articles} articles: {result.events} events, {len(result.rejects)} rejected "
              f"-> {parquet} ({result.partitions} partitions)")
        if result.articles == 0:
            raise typer.Exit(1)
        return

    def articles():  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, Reject):
                rejects.append(item)
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
        from .store import Store

        try:
            store = Store(db).__enter__()
        except StoreError as exc:
            err(f"store {db}: {exc}")
            raise typer.Exit(1) from None
    read = n_events = 0
    rows: list = []
    pending: list[CodedArticle] = []
    try:
        if workers == 1:
            coded_items = process(articles(), nlp=_event_nlp())
        else:
            from .scale import process_parallel

            coded_items = process_parallel(articles(), workers=workers or None)
        for coded in coded_items:
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
        console.print(f"coded {read} articles: {n_events} events, {len(rejects)} rejected"
                      + (f" -> {db}" if db else ""))
    if read == 0:
        raise typer.Exit(1)


@app.command("explain")
def explain_cmd(
    sentence: str = typer.Argument(..., help="The sentence (or short text) to code."),
    published: str = typer.Option(None, "--published", help=_PUBLISHED_HELP),
) -> None:
    """Show how a sentence is coded: parse, actors, each pattern tried and why each event was (not) coded."""
    from .nlp.pipeline import make_doc

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
) -> None:
    """Code the gold texts and print per-code and overall precision/recall/F1 (last line: overall)."""
    from .errors import InputError
    from .events.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, nlp=_event_nlp(), strict=strict)
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

    from .errors import EventwireError
    from .geo import geoparse
    from .nlp.pipeline import load_pipeline

    body = sys.stdin.read() if text == "-" else text
    try:
        places = geoparse(body, load_pipeline(fast=fast, eventwire=False))
    except EventwireError as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    for place in places:
        print(json.dumps(place.to_dict(), ensure_ascii=False))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
