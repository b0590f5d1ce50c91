"""Odd input never crashes the quote finder, and what it returns always points into the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from eventwire.quotes import QuoteFinder
from eventwire.records import ActorMention

ALPHABET = st.sampled_from(list('ab said told according to KCNA he , . : ; \n"“”«»‘’\'') + ["\n\n", " "])


def _check(text: str, quotes: list) -> None:  # type: ignore[type-arg]
    for q in quotes:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
        assert q.content.strip()


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_random_text_on_a_blank_pipeline(blank_nlp: Language, text: str) -> None:
    doc = blank_nlp.make_doc(text)
    _check(text, QuoteFinder(blank_nlp)(doc)._.quotes)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "", " ", '"', '""', "“”", '"a', "said", "according to", "according to,", '"He said," said he, "said."',
    "KCNA said.\n\n\n", "«»« »", "He told", '"We will," he said, "', "‘It is,’ ‘it is’ ‘",
])
def test_degenerate_texts_with_the_model(parser_only: Language, text: str) -> None:
    doc = parser_only(text)
    doc._.actors = [ActorMention(0, 99, "junk", "XXX")]  # a mention running past the end
    _check(text, QuoteFinder(parser_only)(doc)._.quotes)


WORDS = st.sampled_from(["Kim", "he", "the agency", "said", "told reporters", "according to", "citing", "KCNA",
                         "quoted", "as saying", "vowed to", "strike", "that", ",", ".", ":", '"', "“", "”", "«",
                         "»", "‘", "’", "\n\n", "reported", "which", "we"])


@pytest.mark.model
@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join))
def test_random_reporting_words_with_the_model(parser_only: Language, text: str) -> None:
    doc = parser_only(text)
    doc._.actors = [ActorMention(i, i + 3, "Kim", "PRKGOV", name="Kim Jong Un", kind="person")
                    for i in range(len(text)) if text.startswith("Kim", i)]
    _check(text, QuoteFinder(parser_only)(doc)._.quotes)
