"""spaCy integration: Doc extensions, our registered components, pipeline loading."""

from .pipeline import get_nlp, load_pipeline, make_doc

__all__ = ["get_nlp", "load_pipeline", "make_doc"]
