"""Toponym recognition, disambiguation and metonymy on hand-built Docs with a small gazetteer."""

from __future__ import annotations

import pytest
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.geo import Builder, Gazetteer, PlaceTagger, cues, is_metonym, tag_places
from eventwire.records import ActorMention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Washington", 38.895, -77.036, "USA", "capital", 690000, aliases=["D.C."], admin1="DC")
    b.add_place("Washington", 54.9, -1.52, "GBR", "city", 67000, admin1="ENG")
    b.add_place("Sunderland", 54.9, -1.38, "GBR", "city", 170000, admin1="ENG")
    b.add_place("Paris", 48.853, 2.349, "FRA", "capital", 2100000, admin1="11")
    b.add_place("Paris", 33.66, -95.56, "USA", "city", 25000, admin1="TX")
    b.add_place("Texas", 31.5, -99.3, "USA", "admin", 30000000, admin1="TX")
    b.add_place("England", 52.5, -1.5, "GBR", "admin", 56000000)
    b.add_place("Moscow", 55.75, 37.62, "RUS", "capital", 10400000)
    b.add_place("Moscow", 46.73, -117.0, "USA", "city", 25000, admin1="ID")
    b.add_place("Beijing", 39.9, 116.4, "CHN", "capital", 18900000)
    b.add_place("Pyongyang", 39.03, 125.75, "PRK", "capital", 3200000)
    b.add_place("Birmingham", 52.48, -1.9, "GBR", "city", 985000, admin1="ENG")
    b.add_place("Birmingham", 33.52, -86.8, "USA", "city", 212000, admin1="AL")
    b.add_place("Georgia", 42.0, 43.5, "GEO", "country", 3700000)
    b.add_place("Georgia", 32.7, -83.4, "USA", "admin", 10000000, admin1="GA")
    b.add_place("Atlanta", 33.75, -84.39, "USA", "city", 460000, admin1="GA")
    b.add_place("May", 30.0, 30.0, "EGY", "city", 20000)
    b.add_place("Iranian", 30.0, 50.0, "IRN", "city", 20000)
    b.add_place("Korean Demilitarized Zone", 38.0, 127.0, None, "region", 1000000,
                aliases=["DMZ", "demilitarized zone"])
    b.add_place("Sea of Japan", 40.0, 135.0, None, "water", 1000000, aliases=["East Sea"])
    b.add_place("North Korea", 40.0, 127.0, "PRK", "country", 25000000)
    b.add_place("United States", 39.8, -98.6, "USA", "country", 327000000, aliases=["U.S."])
    return b.finish()


def flat(nlp: Language, text: str) -> Doc:
    """An unparsed Doc (the fast profile without NER or parser)."""
    return nlp.make_doc(text)


def places(doc: Doc, gaz: Gazetteer) -> list[tuple[str, str | None, str | None]]:
    return [(p.text, p.country, p.feature) for p in tag_places(doc, gaz, cues())]


def test_population_prior(blank_nlp: Language, gaz: Gazetteer) -> None:
    assert places(flat(blank_nlp, "Protesters gathered in Moscow on Sunday."), gaz) == [("Moscow", "RUS", "capital")]


def test_paris_is_france_by_default(blank_nlp: Language, gaz: Gazetteer) -> None:
    assert places(flat(blank_nlp, "Ministers met in Paris."), gaz) == [("Paris", "FRA", "capital")]


def test_paris_texas_by_qualifier_and_by_context(blank_nlp: Language, gaz: Gazetteer) -> None:
    assert places(flat(blank_nlp, "A fair opened in Paris, Texas."), gaz)[0] == ("Paris", "USA", "city")
    doc = flat(blank_nlp, "Storms swept Texas overnight. In Paris the mayor opened a shelter.")
    assert ("Paris", "USA", "city") in places(doc, gaz)


def test_washington_usa_vs_england(blank_nlp: Language, gaz: Gazetteer) -> None:
    us = flat(blank_nlp, "Officials in Washington weighed new tariffs on the U.S. steel trade.")
    assert places(us, gaz)[0] == ("Washington", "USA", "capital")
    uk = flat(blank_nlp, "Flooding hit Sunderland and Washington in England.")
    assert ("Washington", "GBR", "city") in places(uk, gaz)


def test_actor_countries_steer_resolution(blank_nlp: Language, gaz: Gazetteer) -> None:
    text = "The senator spoke in Birmingham."
    assert places(flat(blank_nlp, text), gaz)[0][1] == "GBR"
    doc = flat(blank_nlp, text)
    doc._.actors = [ActorMention(start=4, end=11, text="senator", code="USALEG", country="USA")]
    assert places(doc, gaz)[0][1] == "USA"


def test_admin_qualifier_beats_a_country_namesake(blank_nlp: Language, gaz: Gazetteer) -> None:
    got = places(flat(blank_nlp, "He grew up in Atlanta, Georgia."), gaz)
    assert got == [("Atlanta", "USA", "city"), ("Georgia", "USA", "admin")]
    assert places(flat(blank_nlp, "Troops crossed into Georgia."), gaz) == [("Georgia", "GEO", "country")]


def test_months_demonyms_and_lowercase_words_are_not_places(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = flat(blank_nlp, "In May, Iranian diplomats said moscow was not invited.")
    # "Iranian" is a demonym (not the town of that name); this gazetteer has no point for Iran.
    assert [(p.text, p.kind, p.country, p.lat) for p in tag_places(doc, gaz, cues())] == [
        ("Iranian", "demonym", "IRN", None)]


def test_regions_from_the_data_file_including_common_noun_names(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = flat(blank_nlp, "Soldiers patrolled the demilitarized zone and ships sailed the East Sea.")
    assert [(p.text, p.name) for p in tag_places(doc, gaz, cues())] == [
        ("demilitarized zone", "Korean Demilitarized Zone"), ("East Sea", "Sea of Japan")]


def test_offsets_and_sentence_index(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Talks", "ended", ".", "Delegates", "left", "Beijing", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 1, 1, 4, 4, 4, 4],
                    deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
                    spaces=[True, False, True, True, True, False, False])
    [place] = tag_places(doc, gaz, cues())
    assert doc.text[place.start:place.end] == "Beijing"
    assert place.sentence_index == 1
    assert (place.lat, place.lon) == (39.9, 116.4)


# ---- metonymy (parsed by hand) ----------------------------------------------------------------


def _pyongyang_perceives(nlp: Language) -> Doc:
    words = ["Pyongyang", "perceives", "the", "drills", "as", "a", "threat", "."]
    return build_doc(nlp, words, heads=[1, 1, 3, 1, 1, 6, 4, 1],
                     deps=["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
                     pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
                     lemmas=["Pyongyang", "perceive", "the", "drill", "as", "a", "threat", "."])


def _rally_in_pyongyang(nlp: Language) -> Doc:
    words = ["Thousands", "joined", "a", "rally", "in", "Pyongyang", "."]
    return build_doc(nlp, words, heads=[1, 1, 3, 1, 3, 4, 1],
                     deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                     pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                     lemmas=["thousand", "join", "a", "rally", "in", "Pyongyang", "."])


def test_metonym_subject_of_cognition_verb(blank_nlp: Language, gaz: Gazetteer) -> None:
    [place] = tag_places(_pyongyang_perceives(blank_nlp), gaz, cues())
    assert place.kind == "metonym" and place.country == "PRK"


def test_literal_place_of_a_rally(blank_nlp: Language, gaz: Gazetteer) -> None:
    [place] = tag_places(_rally_in_pyongyang(blank_nlp), gaz, cues())
    assert place.kind == "literal"


def test_conjoined_capitals_share_the_verb(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Moscow", "and", "Beijing", "have", "resisted", "the", "plan", "."]
    doc = build_doc(blank_nlp, words, heads=[4, 0, 0, 4, 4, 6, 4, 4],
                    deps=["nsubj", "cc", "conj", "aux", "ROOT", "det", "dobj", "punct"],
                    lemmas=["Moscow", "and", "Beijing", "have", "resist", "the", "plan", "."])
    assert [p.kind for p in tag_places(doc, gaz, cues())] == ["metonym", "metonym"]


def test_possessor_of_a_policy_noun(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Moscow", "'s", "decision", "surprised", "Paris", "."]
    doc = build_doc(blank_nlp, words, heads=[2, 0, 3, 3, 3, 3],
                    deps=["poss", "case", "nsubj", "ROOT", "dobj", "punct"],
                    lemmas=["Moscow", "'s", "decision", "surprise", "Paris", "."],
                    spaces=[False, True, True, True, False, False])
    got = [(p.text, p.kind) for p in tag_places(doc, gaz, cues())]
    assert got == [("Moscow", "metonym"), ("Paris", "literal")]


def test_subject_of_a_non_policy_verb_stays_literal(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Moscow", "lies", "on", "a", "river", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 1, 1, 4, 2, 1],
                    deps=["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
                    lemmas=["Moscow", "lie", "on", "a", "river", "."])
    assert not is_metonym(doc[0:1], cues())


def test_component_sets_doc_places(blank_nlp: Language, gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    import eventwire.geo.places as places

    monkeypatch.setattr(places, "gazetteer", lambda: gaz)
    tagger = PlaceTagger(blank_nlp)
    assert tagger(blank_nlp.make_doc("Nothing happened here."))._.places == []
    doc = blank_nlp.make_doc("Envoys flew to Beijing.")
    doc._.explain = True
    tagger(doc)
    assert [p.name for p in doc._.places] == ["Beijing"]
    assert any("Beijing" in note for note in doc._.trace)


@pytest.mark.parametrize("text", ["", "   \n\n ", "!!! ??? ...", "PARIS PARIS PARIS", "\u00e9\u00e8 \U0001f600 Paris,",
                                  "The the The", "A" * 5000, "New New New New New New New York"])
def test_odd_text_never_crashes(blank_nlp: Language, gaz: Gazetteer, text: str) -> None:
    for place in tag_places(blank_nlp.make_doc(text), gaz, cues()):
        assert text[place.start:place.end] == place.text


# ---- with NER labels (set by hand) ------------------------------------------------------------


@pytest.fixture(scope="module")
def ner_gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Janin", 32.46, 35.3, "PSE", "city", 35000, alternates=["Jenin"])
    b.add_place("Jenin", 50.0, 20.0, "POL", "city", 1100)
    b.add_place("West Bank", 31.95, 35.25, "PSE", "region", 3000000)
    b.add_place("Pan", 16.9, 97.6, "MMR", "city", 50000)
    return b.finish()


def _ner_doc(nlp: Language, words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    return build_doc(nlp, words, heads=heads, deps=deps, ents=ents)


def test_town_mislabelled_as_person_is_kept_when_the_article_is_about_its_country(
        blank_nlp: Language, ner_gaz: Gazetteer) -> None:
    words = ["Troops", "raided", "Jenin", "in", "the", "West", "Bank", "."]
    doc = _ner_doc(blank_nlp, words, [1, 1, 1, 1, 6, 6, 3, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"],
                   ["O", "O", "B-PERSON", "O", "B-GPE", "I-GPE", "I-GPE", "O"])
    got = [(p.text, p.country) for p in tag_places(doc, ner_gaz, cues())]
    assert got == [("Jenin", "PSE"), ("West Bank", "PSE")]
    alone = _ner_doc(blank_nlp, ["Troops", "raided", "Jenin", "."], [1, 1, 1, 1],
                     ["nsubj", "ROOT", "dobj", "punct"], ["O", "O", "B-PERSON", "O"])
    assert tag_places(alone, ner_gaz, cues()) == []  # no supporting country: trust NER


def test_unknown_ner_place_kept_only_when_it_looks_like_one(blank_nlp: Language, ner_gaz: Gazetteer) -> None:
    doc = _ner_doc(blank_nlp, ["Fighting", "spread", "to", "Qaryatayn", "."], [1, 1, 1, 2, 1],
                   ["nsubj", "ROOT", "prep", "pobj", "punct"], ["O", "O", "O", "B-GPE", "O"])
    [place] = tag_places(doc, ner_gaz, cues())
    assert place.text == "Qaryatayn" and place.lat is None
    noise = _ner_doc(blank_nlp, ["Guhdar", "smiled", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
                     ["B-GPE", "O", "O"])
    assert tag_places(noise, ner_gaz, cues()) == []


def test_short_acronyms_are_not_towns(blank_nlp: Language, ner_gaz: Gazetteer) -> None:
    assert tag_places(blank_nlp.make_doc("The PAN party won in Pan."), ner_gaz, cues())[0].start == 21


@pytest.mark.parametrize("words, heads, deps, lemmas, pos, expected", [
    # an acting state: subject of an action verb
    (["Moscow", "shelled", "the", "port", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
     ["Moscow", "shell", "the", "port", "."], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"], True),
    # a stative verb keeps the place literal
    (["Moscow", "saw", "heavy", "snow", "."], [1, 1, 3, 1, 1], ["nsubj", "ROOT", "amod", "dobj", "punct"],
     ["Moscow", "see", "heavy", "snow", "."], ["PROPN", "VERB", "ADJ", "NOUN", "PUNCT"], False),
    # an object told to act
    (["Paris", "urged", "Beijing", "to", "act", "."], [1, 1, 1, 4, 1, 1],
     ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"], ["Paris", "urge", "Beijing", "to", "act", "."],
     ["PROPN", "VERB", "PROPN", "PART", "VERB", "PUNCT"], True),
    # an object that is only visited
    (["Envoys", "visited", "Beijing", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
     ["envoy", "visit", "Beijing", "."], ["NOUN", "VERB", "PROPN", "PUNCT"], False),
    # the agent of a nominal: "a campaign by Moscow"
    (["a", "campaign", "by", "Moscow"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"],
     ["a", "campaign", "by", "Moscow"], ["DET", "NOUN", "ADP", "PROPN"], True),
])
def test_metonymy_rules(blank_nlp: Language, words: list[str], heads: list[int], deps: list[str],
                        lemmas: list[str], pos: list[str], expected: bool) -> None:
    doc = build_doc(blank_nlp, words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)
    i = words.index("Beijing") if "Beijing" in words else words.index("Moscow")
    assert is_metonym(doc[i:i + 1], cues()) is expected


def test_entity_falls_back_to_its_town_only_through_area_words(blank_nlp: Language) -> None:
    b = Builder()
    b.add_place("Delta", 49.1, -123.0, "CAN", "city", 100000)
    b.add_place("Idlib", 35.93, 36.63, "SYR", "city", 165000)
    gaz = b.finish()
    words = ["Shelling", "hit", "Idlib", "province", "and", "villages", "in", "the", "Nile", "Delta", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 1, 3, 1, 3, 3, 5, 9, 9, 6, 1],
                    deps=["nsubj", "ROOT", "compound", "dobj", "cc", "conj", "prep", "det", "compound", "pobj",
                          "punct"],
                    ents=["O", "O", "B-GPE", "I-GPE", "O", "O", "O", "O", "B-LOC", "I-LOC", "O"])
    got = [(p.text, p.name) for p in tag_places(doc, gaz, cues())]
    assert got == [("Idlib", "Idlib"), ("Nile Delta", None)]  # known toponym, not placed at Delta, BC


def test_random_text_never_crashes_and_offsets_hold(blank_nlp: Language, gaz: Gazetteer) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["Paris", "Texas", ",", "the", "demilitarized", "zone", "U.S.", "May", "Washington",
                             "in", "New", "York", "'s", "-", "PARIS", "\n", "Moscow", "and", "Beijing", "x"])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(words, max_size=25))
    def check(tokens: list[str]) -> None:
        text = " ".join(tokens)
        for place in tag_places(blank_nlp.make_doc(text), gaz, cues()):
            assert text[place.start:place.end] == place.text
            assert place.kind in ("literal", "metonym", "demonym", "embedded")

    check()


def test_surnames_and_alternate_only_words_are_not_towns(blank_nlp: Language) -> None:
    b = Builder()
    b.add_place("Allen", 33.1, -96.67, "USA", "city", 105000)
    b.add_place("Plovdiv", 42.15, 24.75, "BGR", "city", 340000, alternates=["Julia"])
    b.add_place("Dallas", 32.78, -96.8, "USA", "city", 1300000)
    gaz = b.finish()
    doc = blank_nlp.make_doc("Investor Paul Allen visited Dallas. Later Allen met Julia at the office.")
    assert [p.text for p in tag_places(doc, gaz, cues())] == ["Dallas"]
    doc = blank_nlp.make_doc("Flooding closed schools in Allen.")
    assert [p.text for p in tag_places(doc, gaz, cues())] == ["Allen"]
