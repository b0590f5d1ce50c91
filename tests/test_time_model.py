"""The dates stage on real parses (loads the spaCy model)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.nlp.pipeline import make_doc
from eventwire.records import Event
from eventwire.time import DateTagger, date_events, tag_dates

pytestmark = pytest.mark.model
FRIDAY = "2024-12-27"


def values(nlp: Language, text: str, published: str | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag_dates(text, published, nlp=nlp)]


def test_tense_direction_on_real_parses(parser_only: Language) -> None:
    assert values(parser_only, "Rebels attacked the base on Sunday, officials said.") == [
        ("Sunday", "2024-12-22")]
    assert values(parser_only, "The ministers will meet on Sunday in Doha.") == [("Sunday", "2024-12-29")]
    assert values(parser_only, "The qualifier has been postponed until 15:00 GMT Saturday.") == [
        ("15:00 GMT Saturday", "2024-12-28T15:00")]
    assert values(parser_only, "The talks are expected to resume in June.") == [("June", "2025-06")]
    assert values(parser_only, "The army withdrew in June.") == [("June", "2024-06")]


def test_counted_numbers_are_not_years(parser_only: Language) -> None:
    assert values(parser_only, "More than 2000 troops arrived in 2015.") == [("2015", "2015")]


def test_monday_morning_and_sentence_indexes(parser_only: Language) -> None:
    times = tag_dates("The talks failed. He was arrested Monday morning.", "2013-03-22", nlp=parser_only)
    assert [(t.text, t.type, t.value, t.sentence_index) for t in times] == [
        ("Monday morning", "TIME", "2013-03-18TMO", 1)]


def test_date_events_on_a_parsed_doc(parser_only: Language) -> None:
    text = "The UN condemned the raid. Rebels attacked the base on Monday, officials said on Friday."
    doc = DateTagger(parser_only)(parser_only(make_doc(parser_only, text, published=FRIDAY)))
    sent = list(doc.sents)[1]
    rel = sent.text.index("attacked")
    attack = Event(doc_id="d", sentence_index=1, sentence=sent.text, source="SYRREB", code="190",
                   evidence={"trigger": [rel, rel + 8]}, sentence_start=sent.start_char)
    condemn = Event(doc_id="d", sentence_index=0, sentence="The UN condemned the raid.", source="IGOUNO",
                    code="122", evidence={"trigger": [7, 16]}, sentence_start=0)
    date_events(doc, [attack, condemn])
    assert (attack.date, attack.date_source) == ("2024-12-23", "trigger")
    assert (condemn.date, condemn.date_source) == (FRIDAY, "published")


def test_rules_alone_without_entities(parser_only: Language) -> None:
    """The fast profile drops NER: the rules must find the expressions on their own."""
    doc = parser_only(make_doc(parser_only, "The rebels withdrew last Monday through Friday, officials said "
                                            "on Dec. 29.", published="2024-12-30"))
    doc.ents = []
    times = DateTagger(parser_only).find(doc)
    assert [(t.text, t.value, t.value_end) for t in times] == [
        ("last Monday through Friday", "2024-12-23", "2024-12-27"), ("Dec. 29", "2024-12-29", None)]
