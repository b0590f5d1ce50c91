"""A paragraph break starts a sentence: a headline, caption or link line without a final stop never
runs into the next paragraph (make_doc marks it before the parser runs)."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import make_doc, paragraph_starts


def starts(doc) -> list[str]:
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


def test_blank_lines_open_sentences(blank_nlp) -> None:
    doc = make_doc(blank_nlp, "Seoul warns Pyongyang\n\nThe ministry said on Monday\n \n  Related: drills")
    assert starts(doc) == ["The", "Related"]


def test_single_line_breaks_and_plain_text_stay_open(blank_nlp) -> None:
    doc = make_doc(blank_nlp, "A wrapped line\nof plain text. Another sentence.")
    assert starts(doc) == []
    assert doc[3].is_sent_start is None  # left for the parser


def test_empty_and_trailing_breaks(blank_nlp) -> None:
    paragraph_starts(blank_nlp.make_doc(""))
    doc = make_doc(blank_nlp, "Only one paragraph.\n\n")
    assert starts(doc) == []


@pytest.mark.model
def test_parser_keeps_the_paragraph_break(nlp_model) -> None:
    text = "Read more: Beijing warns Tokyo over the islands\n\nProtesters blocked the plant on Monday."
    doc = nlp_model(make_doc(nlp_model, text))
    assert [s.text.strip() for s in doc.sents] == ["Read more: Beijing warns Tokyo over the islands",
                                                  "Protesters blocked the plant on Monday."]
