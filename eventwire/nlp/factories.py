"""Every spaCy component eventwire provides, registered in one place.

``nlp.add_pipe("eventwire")`` adds the whole chain (actors, dates, places, quotes, events and the
event enrichers) as one component after any English pipeline with a parser. The stages are also
registered one by one (``eventwire_actors``...) for users who want only some of them.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions

extensions.register()


def _actors(nlp: Language) -> Any:
    from ..actors.recognize import ActorRecognizer

    return ActorRecognizer(nlp)


def _dates(nlp: Language) -> Any:
    from ..time import DateTagger

    return DateTagger(nlp)


def _places(nlp: Language) -> Any:
    from ..geo import PlaceTagger

    return PlaceTagger(nlp)


def _quotes(nlp: Language) -> Any:
    from ..quotes import QuoteFinder

    return QuoteFinder(nlp)


def _events(nlp: Language) -> Any:
    from ..events.coder import EventCoder

    return EventCoder(nlp)


_log = logging.getLogger("eventwire")
_OUTPUT = {"actors": "actors", "dates": "times", "places": "places", "quotes": "quotes", "events": "events"}

STAGES = {
    "eventwire_actors": _actors,
    "eventwire_dates": _dates,
    "eventwire_places": _places,
    "eventwire_quotes": _quotes,
    "eventwire_events": _events,
}


class EventwirePipe:
    """All of eventwire's stages in order, then the enrichers that give events date, place, chain."""

    def __init__(self, nlp: Language) -> None:
        from ..geo import locate_events
        from ..quotes import attribute_events
        from ..time import date_events

        self.stages = [(name.removeprefix("eventwire_"), make(nlp)) for name, make in STAGES.items()]
        self.enrichers = [("event_dates", date_events), ("event_places", locate_events),
                          ("attribution", attribute_events)]
        # Seconds spent per stage in this process (perf_counter is cheap): the benchmark reads it.
        self.timings: dict[str, float] = dict.fromkeys([n for n, _ in self.stages + self.enrichers], 0.0)

    def __call__(self, doc: Doc) -> Doc:
        clock = time.perf_counter
        for name, stage in self.stages:
            t = clock()
            try:
                doc = stage(doc)
            except Exception:  # one odd article must not stop a corpus run: log it, keep the rest
                _log.exception("eventwire stage %s failed on document %s; its output is left empty",
                               name, doc._.doc_id)
                if getattr(doc._, _OUTPUT[name]) is None:
                    doc._.set(_OUTPUT[name], [])
            self.timings[name] += clock() - t
        events = doc._.events or []
        if events:
            for name, enrich in self.enrichers:
                t = clock()
                try:
                    enrich(doc, events)
                except Exception:
                    _log.exception("eventwire %s failed on document %s", name, doc._.doc_id)
                self.timings[name] += clock() - t
        return doc


for _name, _make in STAGES.items():
    Language.factory(_name)(lambda nlp, name, _make=_make: _make(nlp))


@Language.factory("eventwire")
def make_eventwire(nlp: Language, name: str) -> EventwirePipe:
    return EventwirePipe(nlp)
