"""process() parses inside spaCy memory zones: word forms met in one run of articles do not stay in
the vocabulary, and what is yielded holds no spaCy object."""

from __future__ import annotations

import pytest

from eventwire import process as process_module
from eventwire.process import process
from eventwire.records import Article

pytestmark = pytest.mark.model


def _articles(n: int) -> list[Article]:
    return [Article(id=f"zone-{i}", text=f"Chinese envoys met Vladimir Putin in Moscow on Monday. "
                    f"The Blorvex{i} talks ended without a deal.", published="2024-03-05")
            for i in range(n)]


def test_new_word_forms_are_freed_after_each_zone(nlp_model, monkeypatch) -> None:
    monkeypatch.setattr(process_module, "ZONE_ARTICLES", 2)
    before = len(nlp_model.vocab.strings)
    coded = list(process(_articles(5), nlp=nlp_model, batch_size=2))
    assert [c.article.id for c in coded] == [f"zone-{i}" for i in range(5)]
    assert all(c.events for c in coded)  # Putin's meeting is coded in every article
    assert "Blorvex3" not in nlp_model.vocab.strings
    assert len(nlp_model.vocab.strings) < before + 10
    # The records are plain values, readable after the zone has closed.
    first = coded[0].events[0]
    assert first.source_name and first.sentence.startswith("Chinese envoys")


def test_records_are_the_same_with_and_without_zones(nlp_model, monkeypatch) -> None:
    arts = _articles(3)
    zoned = [c.events for c in process(arts, nlp=nlp_model)]
    monkeypatch.setattr(process_module, "ZONE_ARTICLES", 1)
    one_by_one = [c.events for c in process(arts, nlp=nlp_model, batch_size=1)]
    strip = [[(e.source, e.target, e.code, e.sentence) for e in evs] for evs in zoned]
    assert strip == [[(e.source, e.target, e.code, e.sentence) for e in evs] for evs in one_by_one]
