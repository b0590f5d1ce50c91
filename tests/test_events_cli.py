"""The code, explain and eval commands: usage errors (no model) and a small eval run (model)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args", [
    ["code", "x.txt", "--engine", "spark"],
    ["code", "x.txt", "--engine", "dask"],  # needs --parquet
    ["code", "x.txt", "--engine", "dask", "--parquet", "out", "--db", "x.duckdb"],
    ["code", "x.txt", "--published", "31/12/2024"],
    ["explain", "   "],
])
def test_usage_errors_exit_2(args):
    assert runner.invoke(app, args).exit_code == 2


def test_eval_missing_or_broken_gold_exit_1(tmp_path):
    assert runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")]).exit_code == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 1


@pytest.mark.model
def test_eval_prints_table_and_last_line(tmp_path):
    gold = tmp_path / "g.jsonl"
    records = [
        {"id": "a", "published": "2024-05-06", "text": "The European Union imposed new sanctions on Iran.",
         "events": [{"source": ["IGO"], "target": ["IRN"], "roots": ["16"], "code": "163"}]},
        {"id": "b", "published": None, "text": "The economy grew 3 percent in the first quarter.", "events": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--verbose"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "precision 1.000 recall 1.000 f1 1.000 (tp 1, fp 0, fn 0)"
    assert any(line.startswith("16 ") for line in lines)
