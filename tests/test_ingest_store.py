"""The ``ingest`` command: articles and rejects go through the Store, in batches, duplicates skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

Store = pytest.importorskip("eventwire.store").Store


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    stories = [
        "Kenya hosts summit\n\nNAIROBI (EA) -- Kenya's president hosted East African leaders on Friday for talks "
        "on regional trade, a common currency and the free movement of workers.",
        "Uganda closes border post\n\nKAMPALA (EA) -- Uganda closed a busy border crossing with South Sudan on "
        "Saturday after clashes between traders and customs officers left two people injured.",
        "Rwanda signs mining deal\n\nKIGALI (EA) -- Rwanda signed an agreement with the European Union on "
        "Monday to supply minerals used in batteries, drawing criticism from Congo's foreign minister.",
    ]
    for i, story in enumerate(stories):
        (folder / f"{i}.txt").write_text(story + "\n", encoding="utf-8")
    (folder / "junk.bin").write_bytes(b"\x00\xff" * 50)
    return folder


def test_ingest_stores_articles_and_rejects(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    folder = corpus(tmp_path)
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--batch", "2"])
    assert first.exit_code == 0, first.output
    assert "read 3 articles: 3 stored, 0 duplicates, 1 rejected" in first.stdout
    assert "junk.bin" in first.stderr
    again = runner.invoke(app, ["ingest", str(folder / "0.txt"), "--db", str(db)])
    assert again.exit_code == 0 and "1 duplicates" in again.stdout
    with Store(db) as store:
        assert store.count("articles") == 3
        assert store.count("rejects") == 1
        (row,) = store.query("SELECT input, reason FROM rejects")
        assert row[0].endswith("junk.bin") and row[1].startswith("unreadable: binary data")


def test_ingest_with_nothing_readable_exits_1(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01" * 40)
    result = CliRunner().invoke(app, ["ingest", str(junk), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 1 and "read 0 articles" in result.stdout
