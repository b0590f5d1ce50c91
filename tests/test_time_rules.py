"""The rules file is validated on load: a malformed entry raises DataFileError with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.time import DATA_PATH, load_rules

KINDS = ["month", "weekday", "num", "unit", "pod", "season", "ordinal", "mod", "approx", "vague", "frequency"]
GOOD_HEAD = "lexicon:\n" + "".join(f"  {k}: {{x{k}: 1}}\n" for k in KINDS) + """tense:
  future_aux: [will]
patterns:
  - {name: ok, type: DATE, resolve: year, regex: '(?P<y>\\d{4})'}
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "time.yml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_packaged_rules_load() -> None:
    rules = load_rules()
    assert rules.patterns and rules.words_of("met on Friday") & rules.triggers
    assert rules.words_of("in 2013") & rules.triggers
    assert not rules.words_of("The rebels attacked the base.") & rules.triggers
    assert load_rules() is rules  # cached once per process
    assert DATA_PATH.exists()


def test_small_valid_file(tmp_path: Path) -> None:
    rules = load_rules(write(tmp_path, GOOD_HEAD))
    assert [p.name for p in rules.patterns] == ["ok"]


@pytest.mark.parametrize(("extra", "line", "reason"), [
    ("  - {name: bad, type: DATE, resolve: nowhere, regex: 'x'}\n", 17, "unknown resolve"),
    ("  - {name: bad, type: WHEN, resolve: year, regex: 'x'}\n", 17, "unknown type"),
    ("  - {name: bad, type: DATE, resolve: year, regex: '(x'}\n", 17, "bad regex"),
    ("  - {name: bad, type: DATE, resolve: year, regex: '{nosuch}'}\n", 17, "unknown placeholder"),
    ("  - {name: bad, type: DATE}\n", 17, "needs name"),
    ("  - {name: bad, type: DATE, resolve: year, needs: digit, regex: 'x'}\n", 17, "needs must"),
])
def test_malformed_pattern(tmp_path: Path, extra: str, line: int, reason: str) -> None:
    with pytest.raises(DataFileError) as err:
        load_rules(write(tmp_path, GOOD_HEAD + extra))
    assert err.value.line == line
    assert reason in err.value.reason


def test_yaml_syntax_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as err:
        load_rules(write(tmp_path, GOOD_HEAD + "  - {name: [unclosed\n"))
    assert err.value.line is not None


def test_missing_sections_and_bad_words(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_rules(write(tmp_path, "patterns: []\n"))
    with pytest.raises(DataFileError, match="lacks"):
        load_rules(write(tmp_path, GOOD_HEAD.replace("  season: {xseason: 1}\n", "")))
    with pytest.raises(DataFileError, match="tense"):
        load_rules(write(tmp_path, GOOD_HEAD.replace("[will]", "[will, on]")))
