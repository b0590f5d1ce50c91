"""Data-file readers name the file and line of what is wrong."""

from __future__ import annotations

import pytest

from eventwire.datafiles import read_jsonl, read_yaml
from eventwire.errors import DataFileError


def test_read_yaml_ok_and_errors(tmp_path) -> None:
    good = tmp_path / "good.yml"
    good.write_text("a: [1, 2]\n", encoding="utf-8")
    data, text = read_yaml(good)
    assert data == {"a": [1, 2]} and text.startswith("a:")
    bad = tmp_path / "bad.yml"
    bad.write_text("a: 1\nb: [unclosed\nc: 2\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        read_yaml(bad)
    assert exc.value.path == str(bad) and exc.value.line is not None and exc.value.line >= 2
    with pytest.raises(DataFileError, match="cannot read"):
        read_yaml(tmp_path / "missing.yml")


def test_read_jsonl_skips_comments_and_names_bad_line(tmp_path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text('// header\n{"a": 1}\n\n{"a": 2}\n{broken\n', encoding="utf-8")
    rows = []
    with pytest.raises(DataFileError) as exc:
        for n, obj in read_jsonl(f):
            rows.append((n, obj))
    assert rows == [(2, {"a": 1}), (4, {"a": 2})]
    assert exc.value.line == 5 and str(f) in str(exc.value)
