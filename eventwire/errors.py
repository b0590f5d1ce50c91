"""The exception tree. Every dropped input becomes a ``Reject`` carrying one of these reasons."""

from __future__ import annotations

__all__ = [
    "EventwireError",
    "InputError",
    "UnreadableInput",
    "EmptyInput",
    "MalformedRecord",
    "NoArticle",
    "DataFileError",
    "StoreError",
    "ConfigError",
]


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input (or one record of it) could not be turned into an article."""

    def __init__(self, input: str, reason: str, record: str | None = None) -> None:
        self.input = input
        self.reason = reason
        self.record = record
        where = f"{input}" + (f" [{record}]" if record else "")
        super().__init__(f"{where}: {reason}")


class UnreadableInput(InputError):
    """Binary junk, undecodable text, truncated compression, a missing file."""


class EmptyInput(InputError):
    """The input holds no text at all."""


class MalformedRecord(InputError):
    """One record of a multi-record input (JSON line, WARC record, feed entry) is broken."""


class NoArticle(InputError):
    """The input was read but holds no article body (e.g. an HTML page with no article)."""


class DataFileError(EventwireError):
    """A packaged or user data file (dictionary, patterns, gazetteer) is malformed."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(EventwireError):
    """The DuckDB store could not be opened, migrated or written."""


class ConfigError(EventwireError):
    """A setting has an invalid value (unknown spaCy pipeline, bad number...)."""
