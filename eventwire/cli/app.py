"""The typer application every command module registers on, and the entry point."""

from __future__ import annotations

import sys

import typer

from .. import __version__

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
