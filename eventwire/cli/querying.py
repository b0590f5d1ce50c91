"""Commands over the store: events, dyad, network, plot, export, load."""

from __future__ import annotations

import sys

import typer

from .app import app, err

DbOption = typer.Option(None, "--db", help="DuckDB store (default: the 'db' setting, ./eventwire.duckdb).")
plot_app = typer.Typer(help="Charts of stored events (PNG via matplotlib).", no_args_is_help=True)
app.add_typer(plot_app, name="plot")


def _open_store(db: str | None):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from .. import settings
    from ..store import Store

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
    from ..errors import ConfigError

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
    from ..errors import ConfigError

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
    from ..analysis.network import to_graphml, to_json
    from ..errors import ConfigError

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
    from ..analysis.plots import plot_dyad
    from ..errors import ConfigError

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
    from ..analysis.plots import plot_network

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
    from ..errors import ConfigError

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
    from .. import settings
    from ..errors import StoreError
    from ..store import Store

    path = db or settings.get("db")
    try:
        with Store(path) as store:
            res = store.load_parquet(directory)
    except StoreError as exc:
        err(str(exc))
        raise typer.Exit(1) from None
    print(f"loaded {res.articles} articles and {res.events} events from {directory} -> {path}")


