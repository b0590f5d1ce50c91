"""The composite component: a failing stage is logged and the document still comes out."""

from __future__ import annotations

import logging

from eventwire.nlp import extensions
from eventwire.nlp.factories import EventwirePipe


class _Boom:
    def __call__(self, doc):
        raise RuntimeError("boom")


class _Mark:
    def __call__(self, doc):
        doc._.times = ["ok"]
        return doc


def test_failing_stage_is_logged_and_skipped(blank_nlp, caplog) -> None:
    extensions.register()
    pipe = EventwirePipe.__new__(EventwirePipe)
    pipe.stages = [("actors", _Boom()), ("dates", _Mark())]
    pipe.enrichers = []
    pipe.timings = {"actors": 0.0, "dates": 0.0}
    doc = blank_nlp("North Korea fired a missile.")
    doc._.doc_id = "d1"
    with caplog.at_level(logging.ERROR, logger="eventwire"):
        out = pipe(doc)
    assert out._.actors == [] and out._.times == ["ok"]
    assert "actors failed on document d1" in caplog.text
