"""attribute_events: events inside a quote's content take its attribution chain."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.quotes import QuoteFinder, attribute_events
from eventwire.records import ActorMention, Event, Quote

TEXT = ("North Korean leader Kim Jong Un said his army would strike Seoul, "
        "the Korean Central News Agency reported. Seoul held drills.")


def event(text: str, trigger: str, sentence_start: int = 0, reported_by: list[str] | None = None) -> Event:
    s = text.index(trigger) - sentence_start
    return Event(doc_id="d1", sentence_index=0, sentence=text, source="PRKGOV", code="138",
                 evidence={"trigger": [s, s + len(trigger)]}, sentence_start=sentence_start,
                 reported_by=list(reported_by or []))


def quote(text: str, content: str, speaker: str, chain: list[str], kind: str = "indirect") -> Quote:
    a = text.index(content)
    return Quote(start=a, end=a + len(content), content=content, content_start=a, content_end=a + len(content),
                 kind=kind, speaker=speaker, chain=chain, cue="said")


@pytest.fixture()
def doc(blank_nlp: Language):  # type: ignore[no-untyped-def]
    d = blank_nlp.make_doc(TEXT)
    outer = quote(TEXT, "North Korean leader Kim Jong Un said his army would strike Seoul", "KCNA",
                  ["Reuters", "KCNA"])
    inner = quote(TEXT, "his army would strike Seoul", "Kim Jong Un", ["Reuters", "KCNA", "Kim Jong Un"])
    d._.quotes = [outer, inner]
    return d


def test_innermost_quote_wins(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "strike")
    attribute_events(doc, [ev])
    assert ev.reported_by == ["Reuters", "KCNA", "Kim Jong Un"]


def test_cue_of_inner_quote_gets_the_outer_chain(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "said")
    attribute_events(doc, [ev])
    assert ev.reported_by == ["Reuters", "KCNA"]


def test_event_outside_every_quote_is_untouched(doc) -> None:  # type: ignore[no-untyped-def]
    start = TEXT.index("Seoul held")
    ev = event(TEXT, "drills", sentence_start=start)
    attribute_events(doc, [ev])
    assert ev.reported_by == []


def test_sentence_relative_trigger_offsets(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "strike", sentence_start=10)
    attribute_events(doc, [ev])
    assert ev.reported_by[-1] == "Kim Jong Un"


def test_longer_chain_with_same_speaker_replaces(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "strike", reported_by=["Kim Jong Un"])
    attribute_events(doc, [ev])
    assert ev.reported_by == ["Reuters", "KCNA", "Kim Jong Un"]


def test_short_name_counts_as_same_speaker(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "strike", reported_by=["Kim"])
    attribute_events(doc, [ev])
    assert ev.reported_by == ["Reuters", "KCNA", "Kim Jong Un"]


def test_different_speaker_is_kept(doc) -> None:  # type: ignore[no-untyped-def]
    ev = event(TEXT, "strike", reported_by=["Yoon Suk Yeol"])
    attribute_events(doc, [ev])
    assert ev.reported_by == ["Yoon Suk Yeol"]


def test_event_without_trigger_or_quotes(blank_nlp: Language) -> None:
    d = blank_nlp.make_doc(TEXT)
    ev = event(TEXT, "strike")
    attribute_events(d, [ev])  # doc._.quotes unset
    assert ev.reported_by == []
    ev2 = Event(doc_id="d1", sentence_index=0, sentence=TEXT, source=None, code="010", evidence={})
    d._.quotes = [quote(TEXT, "his army would strike Seoul", "Kim", ["Kim"])]
    attribute_events(d, [ev2])
    assert ev2.reported_by == []


@pytest.mark.model
def test_end_to_end_nested_chain(parser_only: Language) -> None:
    doc = parser_only.make_doc(TEXT)
    doc._.outlet = "Reuters"
    doc = parser_only(doc)
    kim = TEXT.index("Kim Jong Un")
    agency = TEXT.index("Korean Central News Agency")
    doc._.actors = [
        ActorMention(kim, kim + 11, "Kim Jong Un", "PRKGOV", name="Kim Jong Un", kind="person"),
        ActorMention(agency, agency + 26, "Korean Central News Agency", "PRKMED", name="KCNA", kind="organisation"),
    ]
    doc = QuoteFinder(parser_only)(doc)
    strike = event(TEXT, "strike", reported_by=["Kim Jong Un"])
    said = event(TEXT, "said")
    attribute_events(doc, [strike, said])
    assert strike.reported_by == ["Reuters", "KCNA", "Kim Jong Un"]
    assert said.reported_by == ["Reuters", "KCNA"]


def test_split_quote_attribution_is_not_inside_the_quote(blank_nlp: Language) -> None:
    text = '"We will strike back," he said, "and we will win."'
    d = blank_nlp.make_doc(text)
    d._.quotes = [Quote(start=0, end=len(text), content="We will strike back, and we will win.", content_start=1,
                        content_end=len(text) - 1, kind="direct", speaker="Kim", chain=["KCNA", "Kim"],
                        speaker_start=text.index("he"), speaker_end=text.index("he") + 2, cue="said")]
    inside, outside = event(text, "strike"), event(text, "said")
    attribute_events(d, [inside, outside])
    assert inside.reported_by == ["KCNA", "Kim"]
    assert outside.reported_by == []


def test_curly_split_quote_second_half_is_inside(blank_nlp: Language) -> None:
    text = "“We will strike back,” he said, “and we will win.”"
    d = blank_nlp.make_doc(text)
    d._.quotes = [Quote(start=0, end=len(text), content="We will strike back, and we will win.", content_start=1,
                        content_end=len(text) - 1, kind="direct", speaker="Kim", chain=["Kim"], cue="said")]
    win, said = event(text, "win"), event(text, "said")
    attribute_events(d, [win, said])
    assert win.reported_by == ["Kim"] and said.reported_by == []


def test_coder_chain_contained_in_ours_is_extended(blank_nlp: Language) -> None:
    text = "Yonhap, citing KCNA, said Kim vowed to expand the arsenal."
    d = blank_nlp.make_doc(text)
    d._.quotes = [quote(text, "Kim vowed to expand the arsenal", "Yonhap", ["Reuters", "Yonhap", "KCNA"])]
    ev = event(text, "vowed", reported_by=["Yonhap"])
    attribute_events(d, [ev])
    assert ev.reported_by == ["Reuters", "Yonhap", "KCNA"]


@pytest.mark.model
def test_full_pipeline_chain(nlp_model: Language) -> None:
    from eventwire.nlp.pipeline import make_doc

    text = ("North Korean leader Kim Jong Un said his army would strike back, "
            "the Korean Central News Agency reported on Sunday.")
    doc = nlp_model(make_doc(nlp_model, text, outlet="Reuters", published="2024-05-12"))
    inner = next(q for q in doc._.quotes if q.content == "his army would strike back")
    assert inner.chain[0] == "Reuters" and "Kim" in inner.chain[-1]
    assert len(inner.chain) == 3 and "Korean Central News Agency" in inner.chain[1]
