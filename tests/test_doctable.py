"""The shared per-Doc token table: its columns equal spaCy's Token attributes, it is built once per Doc."""

from __future__ import annotations

import gc
import weakref

from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Span

from eventwire import doctable
from eventwire.actors.coref import sentence_ids
from eventwire.doctable import DocTable, forget, table

TEXTS = [
    "SEOUL, March 3 (Yonhap) -- South Korea's navy fired warning shots near the island.",
    "  Two  spaces\n\nand a new paragraph ; Café naïve\u00a0test — U.S.-led talks in São Paulo. ",
    "",
    "\n",
    "one",
]


def _check(doc) -> None:  # type: ignore[no-untyped-def]
    tab = DocTable(doc)
    assert tab.n == len(doc)
    assert tab.text == doc.text
    assert tab.words == [t.text for t in doc]
    assert tab.lower == [t.lower_ for t in doc]
    assert tab.idx == [t.idx for t in doc]
    assert tab.ws == [bool(t.whitespace_) for t in doc]
    assert tab.alpha == [t.is_alpha for t in doc]
    assert tab.space == [t.is_space for t in doc]
    assert tab.cap == [t.text[:1].isupper() for t in doc]
    assert tab.sent_start == [bool(t.is_sent_start) for t in doc]
    assert tab.ent_type == [t.ent_type_ for t in doc]
    for a in range(len(doc)):
        for b in range(a, len(doc) + 1):
            assert tab.span_text(a, b) == doc[a:b].text


def test_columns_equal_token_attributes(blank_nlp: Language) -> None:
    for text in TEXTS:
        doc = blank_nlp.make_doc(text)
        if len(doc) > 6:
            doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 5, 7, label="ORG")]
        _check(doc)


def test_sentence_starts_of_a_parsed_doc(blank_nlp: Language) -> None:
    doc = build_doc(blank_nlp, ["Talks", "ended", ".", "Troops", "left", "."], [1, 1, 1, 4, 4, 4],
                    ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"])
    _check(doc)
    assert table(doc).sent_start == [True, False, False, True, False, False]
    assert table(doc).sentence_ids == [0, 0, 0, 1, 1, 1] == sentence_ids(doc)
    flat = blank_nlp.make_doc("No parse here. Nor bounds.")
    assert table(flat).sentence_ids == sentence_ids(flat) == [0] * len(flat)


def test_one_table_per_doc(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Rebels shelled the town.")
    first = table(doc)
    assert table(doc) is first
    assert table(doc.copy()) is not first
    forget(doc)
    again = table(doc)
    assert again is not first and again.words == first.words


def test_the_cache_does_not_keep_docs_alive(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("A short-lived document.")
    table(doc)
    alive = weakref.ref(doc)
    assert doc in doctable._TABLES
    del doc
    gc.collect()  # other tests' Docs may go too: only this one's fate is checked
    assert alive() is None
