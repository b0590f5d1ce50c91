"""The embedded DuckDB event store."""

from .store import SCHEMA_VERSION, CodeResult, IngestResult, Store, event_from_row, event_row

__all__ = ["Store", "SCHEMA_VERSION", "IngestResult", "CodeResult", "event_row", "event_from_row"]
