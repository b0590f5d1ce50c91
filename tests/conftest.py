"""Shared fixtures: a blank English pipeline for Docs built by hand, and the real model (marked)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorRecognizer
from eventwire.nlp import extensions

extensions.register()


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    return spacy.blank("en")


def build_doc(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None,
              lemmas: list[str] | None = None, spaces: list[bool] | None = None,
              tags: list[str] | None = None, ents: list[str] | None = None) -> Doc:
    """A parsed Doc made by hand: ``heads`` are absolute token indices (a root points at itself)."""
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              tags=tags, ents=ents, sent_starts=None)
    return doc


@pytest.fixture(scope="session")
def rec() -> tuple[Language, ActorRecognizer]:
    """A blank pipeline and the actor recognizer on the packaged data: actor tests without the model."""
    nlp = spacy.blank("en")
    return nlp, ActorRecognizer(nlp)


@pytest.fixture(scope="session")
def nlp_model() -> Language:
    """The default spaCy English pipeline with eventwire's components (tests using it are marked model)."""
    from eventwire.nlp.pipeline import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def parser_only() -> Language:
    """The default spaCy English pipeline without eventwire's components."""
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline(eventwire=False)
