"""Actor recognition and coding: CAMEO-style codes (country + sectors) for the actors in a text.

``ActorRecognizer`` is the spaCy component (registered as ``eventwire_actors``); the data it
uses lives in ``actors/data`` (see docs/actors.md).
"""

from __future__ import annotations

from functools import lru_cache

from ..records import ActorMention
from .dictionary import TRANSNATIONAL, ActorDictionary, Entry, code_sectors, load_dictionary
from .recognize import ActorRecognizer, mention_for_token

__all__ = ["ActorRecognizer", "ActorDictionary", "Entry", "load_dictionary", "code_for", "mention_for_token",
           "mentions_in", "TRANSNATIONAL", "code_sectors", "is_transnational"]


def is_transnational(code: str | None) -> bool:
    """Whether ``code`` names an actor of no single state (CAMEO's IGO, NGO, IMG or MNC prefix): its
    first three letters are a type, not a country, so no place or story country should be read into it."""
    return bool(code) and code[:3] in TRANSNATIONAL


@lru_cache(maxsize=1)
def _blank():  # type: ignore[no-untyped-def]
    import spacy

    from ..nlp import extensions

    extensions.register()
    nlp = spacy.blank("en")
    return nlp, ActorRecognizer(nlp)


def mentions_in(text: str, date: str | None = None) -> list[ActorMention]:
    """Actor mentions in a short text with the dictionaries alone (no statistical model loaded)."""
    nlp, recognizer = _blank()
    doc = nlp.make_doc(text)
    doc._.published = date
    return list(recognizer(doc)._.actors or [])


def code_for(name: str, date: str | None = None) -> str | None:
    """The code of the actor ``name`` names ("Chinese foreign ministry spokesperson Mao Ning" ->
    "CHNGOV", "Kim Jong Un" on ``date``...), or None when it names no known actor."""
    if not name or not name.strip():
        return None
    entry = load_dictionary().lookup(name)
    if entry is not None and entry.kind not in ("agent", "block"):
        return entry.code_at(date)
    coded = [m for m in mentions_in(name, date) if m.code is not None]
    if not coded:
        return None
    return max(coded, key=lambda m: (m.end - m.start, m.code.count("---") == 0)).code
