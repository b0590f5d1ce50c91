"""Tense of the governing verb decides which way weekday and month names point (hand-parsed Docs)."""

from __future__ import annotations

from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.time import DateTagger


def _tagged(doc: Doc, published: str) -> list[tuple[str, str | None]]:
    doc._.published = published
    return [(t.text, t.value) for t in DateTagger(None)(doc)._.times]


def past_on(nlp: Language, day: str) -> Doc:
    return build_doc(nlp, ["They", "attacked", "the", "base", "on", day, "."], [1, 1, 3, 1, 1, 4, 1],
                     ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                     pos=["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                     tags=["PRP", "VBD", "DT", "NN", "IN", "NNP", "."],
                     lemmas=["they", "attack", "the", "base", "on", day, "."])


def future_on(nlp: Language, day: str) -> Doc:
    return build_doc(nlp, ["They", "will", "attack", "the", "base", "on", day, "."], [2, 2, 2, 4, 2, 2, 5, 2],
                     ["nsubj", "aux", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                     pos=["PRON", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                     tags=["PRP", "MD", "VB", "DT", "NN", "IN", "NNP", "."],
                     lemmas=["they", "will", "attack", "the", "base", "on", day, "."])


def test_past_weekday_points_back(blank_nlp: Language) -> None:
    assert _tagged(past_on(blank_nlp, "Sunday"), "2024-12-27") == [("Sunday", "2024-12-22")]


def test_future_weekday_points_forward(blank_nlp: Language) -> None:
    assert _tagged(future_on(blank_nlp, "Sunday"), "2024-12-27") == [("Sunday", "2024-12-29")]


def test_same_weekday_as_publication(blank_nlp: Language) -> None:
    assert _tagged(past_on(blank_nlp, "Sunday"), "2024-12-29") == [("Sunday", "2024-12-29")]
    assert _tagged(future_on(blank_nlp, "Sunday"), "2024-12-29") == [("Sunday", "2025-01-05")]


def test_past_month_points_back_future_forward(blank_nlp: Language) -> None:
    assert _tagged(past_on(blank_nlp, "June"), "2024-03-10") == [("June", "2023-06")]
    assert _tagged(future_on(blank_nlp, "June"), "2024-03-10") == [("June", "2024-06")]
    assert _tagged(past_on(blank_nlp, "March"), "2024-03-10") == [("March", "2024-03")]


def test_past_month_day_without_year(blank_nlp: Language) -> None:
    doc = build_doc(blank_nlp, ["They", "met", "on", "Dec.", "30", "."], [1, 1, 1, 2, 3, 1],
                    ["nsubj", "ROOT", "prep", "pobj", "nummod", "punct"],
                    pos=["PRON", "VERB", "ADP", "PROPN", "NUM", "PUNCT"], tags=["PRP", "VBD", "IN", "NNP", "CD", "."],
                    lemmas=["they", "meet", "on", "Dec.", "30", "."])
    assert _tagged(doc, "2025-01-02") == [("Dec. 30", "2024-12-30")]


def test_is_to_marks_future(blank_nlp: Language) -> None:
    doc = build_doc(blank_nlp, ["Talks", "are", "to", "resume", "on", "Monday", "."], [1, 1, 3, 1, 3, 4, 1],
                    ["nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"],
                    pos=["NOUN", "AUX", "PART", "VERB", "ADP", "PROPN", "PUNCT"],
                    tags=["NNS", "VBP", "TO", "VB", "IN", "NNP", "."],
                    lemmas=["talk", "be", "to", "resume", "on", "Monday", "."])
    assert _tagged(doc, "2024-12-27") == [("Monday", "2024-12-30")]


def test_present_reporting_verb_points_back(blank_nlp: Language) -> None:
    doc = build_doc(blank_nlp, ["Police", "say", "Tuesday", "the", "toll", "rose", "."], [1, 1, 1, 4, 5, 1, 1],
                    ["nsubj", "ROOT", "npadvmod", "det", "nsubj", "ccomp", "punct"],
                    pos=["NOUN", "VERB", "PROPN", "DET", "NOUN", "VERB", "PUNCT"],
                    tags=["NNS", "VBP", "NNP", "DT", "NN", "VBD", "."],
                    lemmas=["police", "say", "Tuesday", "the", "toll", "rise", "."])
    assert _tagged(doc, "2024-12-27") == [("Tuesday", "2024-12-24")]


def test_in_two_weeks_is_a_date_only_in_the_future(blank_nlp: Language) -> None:
    words = ["Leaders", "will", "meet", "in", "two", "weeks", "."]
    doc = build_doc(blank_nlp, words, [2, 2, 2, 2, 5, 3, 2], ["nsubj", "aux", "ROOT", "prep", "nummod", "pobj", "punct"],
                    pos=["NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
                    tags=["NNS", "MD", "VB", "IN", "CD", "NNS", "."], lemmas=[w.lower() for w in words])
    assert _tagged(doc, "2024-12-27") == [("two weeks", "2025-W02")]
    words[1:3] = ["were", "killed"]
    doc = build_doc(blank_nlp, words, [2, 2, 2, 2, 5, 3, 2],
                    ["nsubjpass", "auxpass", "ROOT", "prep", "nummod", "pobj", "punct"],
                    pos=["NOUN", "AUX", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
                    tags=["NNS", "VBD", "VBN", "IN", "CD", "NNS", "."], lemmas=[w.lower() for w in words])
    assert _tagged(doc, "2024-12-27") == [("two weeks", "P2W")]
