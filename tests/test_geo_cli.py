"""`eventwire places`: JSON lines of toponyms."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_places_command_prints_json_lines() -> None:
    result = CliRunner().invoke(app, ["places", "-"], input="Tehran rejected the offer. Protests spread in Isfahan.")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["country"], r["kind"]) for r in rows] == [
        ("Tehran", "IRN", "metonym"), ("Isfahan", "IRN", "literal")]
