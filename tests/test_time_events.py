"""date_events: trigger-attached dates first, then other dates in the sentence, then publication."""

from __future__ import annotations

from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Event, TimeExpression
from eventwire.time import DateTagger, date_events, value_interval

FRIDAY = "2024-12-27"


def parsed(nlp: Language, rows: list[tuple[str, int, str, str, str]], published: str | None = FRIDAY) -> Doc:
    """rows: (word, head, dep, pos, tag); then the dates stage runs over it."""
    words, heads, deps, pos, tags = (list(x) for x in zip(*rows, strict=True))
    doc = build_doc(nlp, words, heads, deps, pos=pos, tags=tags, lemmas=[w.lower() for w in words])
    doc._.published = published
    return DateTagger(nlp)(doc)


def event(doc: Doc, trigger: str) -> Event:
    start = doc.text.index(trigger)
    return Event(doc_id="d", sentence_index=0, sentence=doc.text, source="SYRREB", code="190",
                 evidence={"trigger": [start, start + len(trigger)]}, sentence_start=0)


ATTACK_MONDAY_SAID_FRIDAY = [
    ("Rebels", 1, "nsubj", "NOUN", "NNS"), ("attacked", 8, "ccomp", "VERB", "VBD"),
    ("the", 3, "det", "DET", "DT"), ("base", 1, "dobj", "NOUN", "NN"), ("on", 1, "prep", "ADP", "IN"),
    ("Monday", 4, "pobj", "PROPN", "NNP"), (",", 8, "punct", "PUNCT", ","),
    ("officials", 8, "nsubj", "NOUN", "NNS"), ("said", 8, "ROOT", "VERB", "VBD"),
    ("on", 8, "prep", "ADP", "IN"), ("Friday", 9, "pobj", "PROPN", "NNP"), (".", 8, "punct", "PUNCT", "."),
]


def test_trigger_attached_date_wins(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, ATTACK_MONDAY_SAID_FRIDAY)
    attack, said = event(doc, "attacked"), event(doc, "said")
    date_events(doc, [attack, said])
    assert (attack.date, attack.date_end, attack.date_precision, attack.date_source) == (
        "2024-12-23", None, "day", "trigger")
    assert (said.date, said.date_source) == ("2024-12-27", "trigger")


def test_other_date_in_sentence(blank_nlp: Language) -> None:
    rows = [("Rebels", 1, "nsubj", "NOUN", "NNS"), ("attacked", 6, "ccomp", "VERB", "VBD"),
            ("the", 3, "det", "DET", "DT"), ("base", 1, "dobj", "NOUN", "NN"), (",", 6, "punct", "PUNCT", ","),
            ("officials", 6, "nsubj", "NOUN", "NNS"), ("said", 6, "ROOT", "VERB", "VBD"),
            ("on", 6, "prep", "ADP", "IN"), ("Friday", 7, "pobj", "PROPN", "NNP"), (".", 6, "punct", "PUNCT", ".")]
    doc = parsed(blank_nlp, rows)
    attack = event(doc, "attacked")
    date_events(doc, [attack])
    assert (attack.date, attack.date_source) == ("2024-12-27", "sentence")


def test_publication_fallback_and_vague_dates(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, [("Rebels", 2, "nsubj", "NOUN", "NNS"), ("recently", 2, "advmod", "ADV", "RB"),
                             ("attacked", 2, "ROOT", "VERB", "VBD"), ("it", 2, "dobj", "PRON", "PRP"),
                             (".", 2, "punct", "PUNCT", ".")])
    assert [t.value for t in doc._.times] == ["PAST_REF"]
    ev = event(doc, "attacked")
    date_events(doc, [ev])
    assert (ev.date, ev.date_precision, ev.date_source) == (FRIDAY, "day", "published")


def test_no_publication_date_no_date(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, [("Rebels", 1, "nsubj", "NOUN", "NNS"), ("attacked", 1, "ROOT", "VERB", "VBD"),
                             ("it", 1, "dobj", "PRON", "PRP"), (".", 1, "punct", "PUNCT", ".")], None)
    ev = event(doc, "attacked")
    date_events(doc, [ev])
    assert (ev.date, ev.date_source) == (None, None)


LAST_MONTH = [("Rebels", 1, "nsubj", "NOUN", "NNS"), ("attacked", 1, "ROOT", "VERB", "VBD"),
              ("it", 1, "dobj", "PRON", "PRP"), ("last", 4, "amod", "ADJ", "JJ"),
              ("month", 1, "npadvmod", "NOUN", "NN"), (".", 1, "punct", "PUNCT", ".")]


def test_coarse_precision_gives_first_and_last_day(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, LAST_MONTH)
    ev = event(doc, "attacked")
    date_events(doc, [ev])
    assert (ev.date, ev.date_end, ev.date_precision, ev.date_source) == (
        "2024-11-01", "2024-11-30", "month", "trigger")


def test_past_tense_event_never_after_publication(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, LAST_MONTH)
    doc._.times = [TimeExpression(23, 33, "last month", "DATE", "2025-02", precision="month", sentence_index=0)]
    ev = event(doc, "attacked")
    date_events(doc, [ev])
    assert (ev.date, ev.date_source) == (FRIDAY, "published")


def test_range_sets_date_end(blank_nlp: Language) -> None:
    doc = parsed(blank_nlp, LAST_MONTH)
    doc._.times = [TimeExpression(23, 33, "x", "DATE", "2024-12-23", value_end="2024-12-27", precision="day",
                                  sentence_index=0)]
    ev = event(doc, "attacked")
    date_events(doc, [ev])
    assert (ev.date, ev.date_end, ev.date_precision) == ("2024-12-23", "2024-12-27", "day")


def test_value_interval() -> None:
    assert value_interval("2013-W11") is not None
    first, last, precision = value_interval("2013-W11")  # type: ignore[misc]
    assert (first.isoformat(), last.isoformat(), precision) == ("2013-03-11", "2013-03-17", "week")
    assert value_interval("2013-03-18TMO")[:2] == value_interval("2013-03-18")[:2]  # type: ignore[index]
    first, last, precision = value_interval("199")  # type: ignore[misc]
    assert (first.isoformat(), last.isoformat(), precision) == ("1990-01-01", "1999-12-31", "year")
    first, last, _ = value_interval("2013-Q1")  # type: ignore[misc]
    assert (first.isoformat(), last.isoformat()) == ("2013-01-01", "2013-03-31")
    for vague in ("PAST_REF", "PRESENT_REF", "XXXX-XX-XXT10:00", None, "P3Y"):
        assert value_interval(vague) is None
