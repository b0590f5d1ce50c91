"""One table of token attributes per Doc, read by eventwire's passes over every token.

spaCy builds a new Python ``Token`` object each time a token is read (``doc[i]``, ``for tok in
doc``), and ``doc.text`` is rebuilt from the tokens on each access. eventwire's stages look at every
token of an article a dozen times (capitalised runs, demonyms, "the" + common place names, roads,
paragraph starts...), so those passes read plain lists built here once per Doc from one
``doc.to_array`` call, and create a ``Token`` or ``Span`` only where something is found.

The table describes the Doc as the spaCy pipeline left it: it is cached per Doc object (weakly, so it
goes with the Doc) and rebuilt when the Doc's length changes. Code that changes a Doc's entities
after a table was built calls ``forget(doc)``.
"""

from __future__ import annotations

import weakref

from spacy.attrs import ENT_TYPE, IDX, IS_ALPHA, IS_SPACE, LOWER, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

__all__ = ["DocTable", "table", "forget"]

_ATTRS = [ORTH, LOWER, SPACY, IDX, IS_ALPHA, IS_SPACE, SENT_START, ENT_TYPE]


class DocTable:
    """Per-token columns of one Doc (index = token index) and its text.

    ``words``: token texts; ``lower``: lower-case forms; ``idx``: character offsets; ``ws``: whether
    a space follows; ``alpha``/``space``: ``is_alpha``/``is_space``; ``cap``: the text starts with
    an upper-case letter; ``sent_start``: the token opens a sentence; ``ent_type``: NER label or "".
    """

    __slots__ = ("n", "text", "words", "lower", "idx", "ws", "alpha", "space", "cap", "sent_start", "ent_type",
                 "_sentence_ids")

    def __init__(self, doc: Doc) -> None:
        cols = doc.to_array(_ATTRS).T.tolist() if len(doc) else [[] for _ in _ATTRS]
        strings = doc.vocab.strings
        self.n = len(doc)
        self.words: list[str] = [strings[h] for h in cols[0]]
        self.lower: list[str] = [strings[h] for h in cols[1]]
        self.ws: list[bool] = [bool(s) for s in cols[2]]
        self.idx: list[int] = cols[3]
        self.alpha: list[bool] = [bool(a) for a in cols[4]]
        self.space: list[bool] = [bool(s) for s in cols[5]]
        self.sent_start: list[bool] = [s == 1 for s in cols[6]]
        self.ent_type: list[str] = [strings[h] if h else "" for h in cols[7]]
        self.cap: list[bool] = [w[:1].isupper() for w in self.words]
        self.text: str = "".join([w + " " if s else w for w, s in zip(self.words, self.ws, strict=True)])
        self._sentence_ids: list[int] | None = None

    @property
    def sentence_ids(self) -> list[int]:
        """Sentence number of each token, as ``doc.sents`` counts them (all 0 without sentence bounds)."""
        if self._sentence_ids is None:
            ids, k = [], 0
            for i, first in enumerate(self.sent_start):
                k += first and i > 0
                ids.append(k)
            self._sentence_ids = ids
        return self._sentence_ids

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without building the span (empty when ``start >= end``)."""
        if start >= end:
            return ""
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.words[end - 1])]


_TABLES: weakref.WeakKeyDictionary[Doc, DocTable] = weakref.WeakKeyDictionary()


def table(doc: Doc) -> DocTable:
    """The token table of ``doc``, built on first use and shared by every later caller."""
    found = _TABLES.get(doc)
    if found is None or found.n != len(doc):
        found = DocTable(doc)
        _TABLES[doc] = found
    return found


def forget(doc: Doc) -> None:
    """Drop the cached table of ``doc`` (after changing its entities or sentence bounds)."""
    _TABLES.pop(doc, None)
