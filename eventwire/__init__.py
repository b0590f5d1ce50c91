"""eventwire: news in, political event data out (actors, CAMEO/PLOVER events, dates, places, quotes)."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "extract",
    "process",
    "code_text",
    "find_actors",
    "resolve_dates",
    "find_places",
    "find_quotes",
    "Store",
    "Article",
    "ActorMention",
    "Event",
    "Quote",
    "TimeExpression",
    "Place",
    "Reject",
    "CodedArticle",
]

# Lazy attributes keep `import eventwire` fast (spaCy, DuckDB load only when used).
_LAZY = {
    "extract": "eventwire.ingest",
    "process": "eventwire.process",
    "code_text": "eventwire.process",
    "find_actors": "eventwire.process",
    "resolve_dates": "eventwire.process",
    "find_places": "eventwire.process",
    "find_quotes": "eventwire.process",
    "Store": "eventwire.store",
}
_RECORDS = {"Article", "ActorMention", "Event", "Quote", "TimeExpression", "Place", "Reject", "CodedArticle"}


def __getattr__(name: str) -> Any:
    import importlib

    if name in _RECORDS:
        return getattr(importlib.import_module("eventwire.records"), name)
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
