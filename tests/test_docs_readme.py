"""The README's examples run as written (tested docs)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytestmark = [pytest.mark.model, pytest.mark.slow]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_the_two_commands() -> None:
    first = _blocks("sh")[0]
    assert "make run" in first and "make test" in first


def test_python_examples_run(tmp_path, monkeypatch, nlp_model) -> None:
    monkeypatch.chdir(tmp_path)
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - our own documentation


def test_tour_commands_run(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    tour = _blocks("sh")[1]
    ran = 0
    for line in tour.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line.startswith("eventwire ") or line.startswith("eventwire eval"):
            continue
        res = CliRunner().invoke(app, shlex.split(line)[1:])
        assert res.exit_code == 0, f"{line}\n{res.output}"
        ran += 1
    assert ran >= 8


def test_settings_table_lists_every_setting_with_its_default() -> None:
    from eventwire import settings

    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|", README, flags=re.M))
    for name, s in settings.SETTINGS.items():
        assert name in rows, f"README settings table lacks {name}"
        shown = rows[name].strip().strip("`").split(" ")[0].lower()
        assert shown == str(s.default).lower(), (name, shown, s.default)
