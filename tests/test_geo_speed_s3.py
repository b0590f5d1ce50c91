"""The geo stage's caches (name lookups, story distances) and its table-based passes give the same
answers as reading spaCy's tokens one by one."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventwire.geo import Builder, Candidate, Context, Gazetteer, cues, tag_places
from eventwire.geo.index import normalize
from eventwire.geo.resolve import near_story, score
from eventwire.geo.toponyms import _common_noun_mentions, _demonym_mentions, _surnames


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Allen", 33.1, -96.67, "USA", "city", 105000, admin1="TX")
    b.add_place("Lyon", 45.76, 4.83, "FRA", "city", 516000, admin1="84")
    b.add_place("Lyon", 34.5, -90.0, "USA", "city", 20000, admin1="MS")
    b.add_place("Marseille", 43.3, 5.37, "FRA", "city", 870000, admin1="93")
    b.add_place("France", 46.6, 2.2, "FRA", "country", 67000000)
    b.add_place("Saint Louis", 38.63, -90.2, "USA", "city", 300000, admin1="MO")
    b.add_place("Korean Demilitarized Zone", 38.0, 127.0, None, "region", 1000000, aliases=["demilitarized zone"])
    return b.finish()


def _surnames_by_tokens(doc: Doc, gaz: Gazetteer) -> set[str]:
    """The same rule written over Token objects: the reference for the table-based pass."""
    out: set[str] = set()
    run: list = []
    for tok in [*doc, None]:
        if tok is not None and tok.is_alpha and tok.text[:1].isupper() and not (tok.is_sent_start and not run):
            run.append(tok)
            continue
        if len(run) >= 2 and normalize(doc[run[0].i:run[-1].i + 1].text) not in gaz.index:
            out.add(run[-1].lower_)
        run = []
    return out


def test_candidates_are_a_fresh_list_each_time(gaz: Gazetteer) -> None:
    first = gaz.candidates("Lyon")
    assert [c.country for c in first] == ["FRA", "USA"]  # biggest first
    first.clear()
    assert [c.country for c in gaz.candidates("Lyon")] == ["FRA", "USA"]
    assert gaz.candidates("St. Louis")[0].name == "Saint Louis"
    assert gaz.candidates("Atlantis") == [] and gaz.lookup("atlantis") == ()


def test_normalize_keys_stay_the_same() -> None:
    assert normalize("St. Louis") == "saint louis"
    assert normalize("The Hague") == "hague"
    assert normalize("São Paulo") == "sao paulo"
    assert normalize("  Ft.  Worth ") == "fort worth"


def test_near_story_follows_the_anchors_and_the_story(gaz: Gazetteer) -> None:
    lyon_us = gaz.candidates("Lyon")[1]
    france = gaz.candidates("France")[0]
    allen = gaz.candidates("Allen")[0]
    ctx = Context({"FRA"}, set(), [], [france])
    assert near_story(lyon_us, ctx) is False
    ctx.anchors = [allen]  # a confidently placed Texan town: Lyon, Mississippi is now near the story
    assert near_story(lyon_us, ctx) is True
    assert near_story(lyon_us, Context(set(), set(), [])) is None  # no point to measure from
    # The anchor bonus of ``score`` (a town within 250 km of an anchor) follows the anchors too.
    town = Candidate("Plano", 33.02, -96.7, "USA", "city", 280000, None, "TX", True)
    with_anchor = score(town, Context(set(), set(), [allen]), None)
    far_anchor = score(town, Context(set(), set(), [gaz.candidates("Marseille")[0]]), None)
    assert with_anchor - far_anchor == pytest.approx(1.5 + 1.0)  # anchor bonus + near-story bonus


def test_surnames_equal_the_token_by_token_rule(blank_nlp: Language, gaz: Gazetteer) -> None:
    for text in ("Paul Allen met reporters. Allen said the fund would grow.",
                 "Talks in Saint Louis ended. Officials from Lyon and Jean Marc Dupont attended.",
                 "Marseille Olympique lost. The Demilitarized Zone stays closed", ""):
        doc = blank_nlp.make_doc(text)
        assert _surnames(doc, gaz) == _surnames_by_tokens(doc, gaz)
    assert "allen" in _surnames(blank_nlp.make_doc("Reporters met Paul Allen."), gaz)


def test_common_nouns_and_demonyms_from_the_table(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("Troops crossed the demilitarized zone while French and South Korean envoys met.")
    common = _common_noun_mentions(doc, gaz, set())
    assert [m.span.text for m in common] == ["demilitarized zone"]
    demonyms = _demonym_mentions(doc, gaz, cues(), {t.i for m in common for t in m.span})
    assert [(m.span.text, m.country) for m in demonyms] == [("French", "FRA"), ("South Korean", "KOR")]


def test_same_name_and_entities_read_from_the_table(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = blank_nlp.make_doc("Police in Lyon made arrests. Lyon officials said Lyon Smith was not held.")
    doc.ents = [Span(doc, 2, 3, label="GPE"), Span(doc, 9, 11, label="PERSON")]
    found = [(p.text, p.start, p.country) for p in tag_places(doc, gaz, cues())]
    # The placed name lends its place to its later bare use, not to a person's name.
    assert ("Lyon", 10, "FRA") in found and ("Lyon", 29, "FRA") in found
    assert all(start != 46 for _, start, _ in found)
