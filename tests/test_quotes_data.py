"""The quote cue file: packaged file loads, malformed entries name their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes import DATA_PATH, QuoteFinder, load_cues


def test_packaged_file_loads_and_is_cached() -> None:
    cues = load_cues()
    assert cues is load_cues()
    assert "say" in cues.verbs and "ccomp" in cues.verbs["say"]
    assert ("according", "to") in cues.according_to
    assert cues.marks["“"] == "”"
    assert "korean central news agency" in cues.agency_names
    assert cues.role_nouns["agency"] == ("organisation",)


def _write(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "quotes.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_unknown_complement_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "  vow: [ccomp, xcomp]", "  vow: [ccomp, object]")
    with pytest.raises(DataFileError) as err:
        load_cues(path)
    assert err.value.line == _line_of(path, "vow: [ccomp, object]")
    assert "object" in err.value.reason


def test_bad_role_kind(tmp_path: Path) -> None:
    path = _write(tmp_path, "  agency: [organisation]", "  agency: [newsroom]")
    with pytest.raises(DataFileError) as err:
        load_cues(path)
    assert err.value.line == _line_of(path, "agency: [newsroom]")


def test_quote_mark_must_be_one_character(tmp_path: Path) -> None:
    path = _write(tmp_path, "  \"«\": \"»\"", "  \"«\": \"»»\"")
    with pytest.raises(DataFileError) as err:
        load_cues(path)
    assert err.value.line == _line_of(path, '"«": "»»"')


def test_missing_key_and_bad_number(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="max_attribution_gap"):
        load_cues(_write(tmp_path, "max_attribution_gap: 8", "max_gap: 8"))
    with pytest.raises(DataFileError, match="non-negative integer"):
        load_cues(_write(tmp_path, "min_words_unattributed: 4", "min_words_unattributed: four"))


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("cue_verbs:\n  say: [ccomp\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_cues(path)
    assert err.value.line is not None
    with pytest.raises(DataFileError, match="cannot read"):
        load_cues(tmp_path / "absent.yml")


def test_a_user_file_changes_behaviour(tmp_path: Path, blank_nlp) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path, "min_words_unattributed: 4", "min_words_unattributed: 1")
    doc = blank_nlp.make_doc('Crowds chanted "peace" outside.')
    assert [q.content for q in QuoteFinder(blank_nlp, path=path)(doc)._.quotes] == ["peace"]
    doc = blank_nlp.make_doc('Crowds chanted "peace" outside.')
    assert QuoteFinder(blank_nlp)(doc)._.quotes == []
