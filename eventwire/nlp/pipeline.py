"""Load a spaCy English pipeline with eventwire's components, once per process."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from .. import settings
from ..errors import ConfigError
from . import factories  # noqa: F401  (registers the components)

# A blank line: the article's paragraph break (every reader joins paragraphs with one).
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Components the coder never needs from the stock English pipelines.
_NEVER = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


def load_pipeline(model: str | None = None, fast: bool | None = None, eventwire: bool = True) -> Language:
    """A fresh pipeline: ``model`` (default: the ``model`` setting) plus the ``eventwire`` component.

    ``fast`` drops the statistical NER (the actor dictionaries then carry recognition alone).
    """
    model = model or settings.get("model")
    fast = settings.get("fast") if fast is None else fast
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy pipeline {model!r}: {exc}") from None
    if nlp.lang != "en":
        raise ConfigError(f"spaCy pipeline {model!r} is for language {nlp.lang!r}, not English")
    if "parser" not in nlp.pipe_names:
        raise ConfigError(f"spaCy pipeline {model!r} has no dependency parser")
    disable = [p for p in nlp.pipe_names if p in _NEVER or (fast and p == "ner")]
    for name in disable:
        nlp.remove_pipe(name)
    if eventwire:
        nlp.add_pipe("eventwire", last=True)
    return nlp


@lru_cache(maxsize=4)
def get_nlp(model: str | None = None, fast: bool | None = None) -> Language:
    """The shared pipeline for this process (loaded on first use)."""
    return load_pipeline(model, fast)


def make_doc(nlp: Language, text: str, *, doc_id: str | None = None, published: str | None = None,
             outlet: str | None = None) -> Doc:
    """A tokenized Doc carrying the article context our components read; run it with ``nlp(doc)``."""
    doc = nlp.make_doc(text)
    paragraph_starts(doc)
    doc._.doc_id = doc_id
    doc._.published = published
    doc._.outlet = outlet
    return doc


def paragraph_starts(doc: Doc) -> None:
    """Mark the first token of each paragraph as a sentence start, which the parser keeps: a headline,
    a caption or a link line with no final stop must not run into the next paragraph's sentence."""
    text = doc.text
    if "\n" not in text or not len(doc):
        return
    ends = [m.end() for m in _PARAGRAPH.finditer(text)]
    if not ends:
        return
    idx, starts = doc.to_array(IDX), set(ends)
    for i in np.searchsorted(idx, ends).tolist():
        if 0 < i < len(doc) and int(idx[i]) in starts:
            doc[i].is_sent_start = True
