"""locate_events: an event takes the literal place its sentence puts it at, never a metonym."""

from __future__ import annotations

import pytest
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.geo import Builder, Gazetteer, cues, locate_events, tag_places
from eventwire.records import Event


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Sea of Japan", 40.0, 135.0, None, "water", 1000000, aliases=["East Sea"])
    b.add_place("North Korea", 40.0, 127.0, "PRK", "country", 25000000)
    b.add_place("Washington", 38.895, -77.036, "USA", "capital", 690000)
    b.add_place("Beijing", 39.9, 116.4, "CHN", "capital", 18900000)
    b.add_place("Seoul", 37.57, 126.98, "KOR", "capital", 10000000)
    b.add_place("Geneva", 46.2, 6.15, "CHE", "city", 200000)
    return b.finish()


def _event(doc: Doc, trigger: str, sentence_index: int = 0) -> Event:
    sent = list(doc.sents)[sentence_index]
    start = sent.text.index(trigger)
    return Event(doc_id="d", sentence_index=sentence_index, sentence=sent.text, source="PRK", code="190",
                 evidence={"trigger": [start, start + len(trigger)]}, sentence_start=sent.start_char)


def _tagged(doc: Doc, gaz: Gazetteer) -> Doc:
    doc._.places = tag_places(doc, gaz, cues())
    return doc


def test_place_in_the_trigger_subtree(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["North", "Korea", "fired", "missiles", "into", "the", "East", "Sea", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[1, 2, 2, 2, 2, 7, 7, 4, 2],
                            deps=["compound", "nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"],
                            lemmas=["North", "Korea", "fire", "missile", "into", "the", "East", "Sea", "."]), gaz)
    assert [p.kind for p in doc._.places] == ["metonym", "literal"]
    ev = _event(doc, "fired")
    locate_events(doc, [ev])
    assert ev.location == {"name": "Sea of Japan", "lat": 40.0, "lon": 135.0, "country": None, "kind": "literal"}


def test_metonyms_never_locate(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Washington", "said", "it", "would", "retaliate", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[1, 1, 4, 4, 1, 1],
                            deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
                            lemmas=["Washington", "say", "it", "would", "retaliate", "."]), gaz)
    ev = _event(doc, "retaliate")
    locate_events(doc, [ev])
    assert doc._.places[0].kind == "metonym"
    assert ev.location is None


def test_same_sentence_prepositional_place_is_the_fallback(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Officials", "in", "Geneva", "said", "talks", "collapsed", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[3, 0, 1, 3, 5, 3, 3],
                            deps=["nsubj", "prep", "pobj", "ROOT", "nsubj", "ccomp", "punct"],
                            lemmas=["official", "in", "Geneva", "say", "talk", "collapse", "."]), gaz)
    ev = _event(doc, "collapsed")
    locate_events(doc, [ev])
    assert ev.location is not None and ev.location["name"] == "Geneva"


def test_dateline_places_the_first_sentence(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["SEOUL", ",", "North", "Korea", "fired", "missiles", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[4, 4, 3, 4, 4, 4, 4],
                            deps=["npadvmod", "punct", "compound", "nsubj", "ROOT", "dobj", "punct"],
                            lemmas=["SEOUL", ",", "North", "Korea", "fire", "missile", "."],
                            spaces=[False, True, True, True, True, False, False]), gaz)
    ev = _event(doc, "fired")
    locate_events(doc, [ev])
    assert ev.location is not None and ev.location["name"] == "Seoul"


def test_places_stay_in_their_sentence(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Leaders", "met", "in", "Beijing", ".", "Then", "talks", "collapsed", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[1, 1, 1, 2, 1, 7, 7, 7, 7],
                            deps=["nsubj", "ROOT", "prep", "pobj", "punct", "advmod", "nsubj", "ROOT", "punct"],
                            lemmas=["leader", "meet", "in", "Beijing", ".", "then", "talk", "collapse", "."]), gaz)
    met, collapsed = _event(doc, "met", 0), _event(doc, "collapsed", 1)
    collapsed.location = {"name": "stale"}
    locate_events(doc, [met, collapsed])
    assert met.location is not None and met.location["name"] == "Beijing"
    assert collapsed.location is None


def test_no_places_no_location(blank_nlp: Language) -> None:
    doc = build_doc(blank_nlp, ["Talks", "collapsed", "."], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    ev = _event(doc, "collapsed")
    locate_events(doc, [ev])  # doc._.places is None: no crash
    assert ev.location is None


@pytest.mark.parametrize("trigger", [None, [], [5], [400, 500], [-3, 2]])
def test_malformed_trigger_evidence_is_tolerated(blank_nlp: Language, gaz: Gazetteer, trigger: object) -> None:
    words = ["Leaders", "met", "in", "Beijing", "."]
    doc = _tagged(build_doc(blank_nlp, words, heads=[1, 1, 1, 2, 1],
                            deps=["nsubj", "ROOT", "prep", "pobj", "punct"]), gaz)
    ev = Event(doc_id="d", sentence_index=0, sentence=doc.text, source=None, code="040",
               evidence={"trigger": trigger})  # type: ignore[dict-item]
    locate_events(doc, [ev])
    assert ev.location is not None and ev.location["name"] == "Beijing"  # sentence fallback still works
