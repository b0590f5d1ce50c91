"""Climbing a parse stops at the sentence root (spaCy builds a new Token on each access, so a root is
never ``is`` its own head: comparisons go by index). A page of real news once made the coder loop."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.events.coder import EventCoder


def _doc(blank_nlp) -> Doc:
    words = ["Players", "loved", "the", "game", ",", "shooting", "enemies", "."]
    heads = [1, 1, 3, 1, 1, 1, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", ",", "VBG", "NNS", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"]
    lemmas = ["player", "love", "the", "game", ",", "shoot", "enemy", "."]
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)


def test_toll_search_stops_at_the_root(blank_nlp) -> None:
    doc = _doc(blank_nlp)
    verb, span = EventCoder(None)._toll_of(doc[5])  # an advcl participle right after the root's clause
    assert verb is None and span == []


def test_a_root_is_its_own_head_by_index_only(blank_nlp) -> None:
    doc = _doc(blank_nlp)
    root = doc[1]
    assert root.head.i == root.i
    assert root.head is not root  # why the coder never compares Tokens with ``is``


def test_the_whole_sentence_codes(blank_nlp) -> None:
    doc = _doc(blank_nlp)
    doc._.actors = []
    assert EventCoder(None)(doc)._.events == []
