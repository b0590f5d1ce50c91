"""Quotes and attribution chains: who said what, and through whom it reached the reader."""

from .attribute import attribute_events
from .cues import DATA_PATH, Cues, load_cues
from .finder import QuoteFinder, find_quotes_in_doc

__all__ = ["Cues", "DATA_PATH", "QuoteFinder", "attribute_events", "find_quotes_in_doc", "load_cues"]
