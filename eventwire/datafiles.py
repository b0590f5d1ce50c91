"""Reading the package's data files (YAML, JSONL) with errors that name the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

__all__ = ["read_yaml", "read_jsonl", "key_lines"]


def read_yaml(path: str | Path) -> tuple[Any, str]:
    """The parsed document and its text (for line look-ups); DataFileError if unreadable or invalid."""
    p = str(path)
    try:
        text = Path(p).read_text(encoding="utf-8")
        return yaml.safe_load(text), text
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(p, None, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(p, mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None


def read_jsonl(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, object) for each JSON line; blank lines and ``//`` comment lines are skipped."""
    p = str(path)
    try:
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line or line.startswith("//"):
                    continue
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DataFileError(p, n, f"invalid JSON: {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(p, None, f"cannot read: {exc}") from None


def key_lines(text: str) -> dict[str, int]:
    """1-based line of every top-level key ("types") and second-level key ("types.AGREE") of a
    YAML mapping, so a validation error can point at its entry; empty if the text does not parse."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            lines[str(key.value)] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                for sub, _ in value.value:
                    lines[f"{key.value}.{sub.value}"] = sub.start_mark.line + 1
    return lines
