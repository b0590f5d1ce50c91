"""The Doc extension attributes eventwire's components read and write (registered once)."""

from __future__ import annotations

from spacy.tokens import Doc

_ATTRS: dict[str, object] = {
    "doc_id": None,  # Article.id
    "published": None,  # ISO date string of publication, the anchor for relative dates
    "outlet": None,  # publishing outlet, the outer end of attribution chains
    "actors": None,  # list[ActorMention], sorted by start, non-overlapping
    "times": None,  # list[TimeExpression]
    "places": None,  # list[Place]
    "quotes": None,  # list[Quote]
    "events": None,  # list[Event]
    "trace": None,  # list[str]: explain() notes, only when doc._.explain is true
    "explain": False,
}


def register() -> None:
    """Register the Doc extensions; safe to call many times."""
    for name, default in _ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register()
