"""Commands that read articles: extract, ingest."""

from __future__ import annotations

import sys

import typer

from .app import app, err

_INPUTS_HELP = "Files, directories (recursive), globs or - for stdin: text, HTML, RSS/Atom, WARC, JSONL, plain or .gz."
_PUBLISHED_HELP = "Publication date (YYYY-MM-DD) for every article read."


def _read_items(inputs: list[str], published: str | None, outlet: str | None, url: str | None):  # type: ignore[no-untyped-def]
    from ..ingest import read_inputs

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

    from ..ingest import describe_reject
    from ..records import Reject

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

    from .. import settings
    from ..errors import StoreError
    from ..ingest import describe_reject
    from ..records import Article, Reject
    from ..store import Store

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


