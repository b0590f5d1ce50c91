"""Resolution against the story: remote namesakes, neighbours of actor countries, ambiguous state
and country names ("Congo", "Georgia"), and towns of territories news names often."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.geo import Builder, Candidate, Context, Gazetteer, cues, read_regions, tag_places
from eventwire.geo import index as gz
from eventwire.geo.resolve import near_story, remote, unresolvable
from eventwire.records import ActorMention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Israel", 31.5, 34.75, "ISR", "country", 9000000)
    b.add_place("Lebanon", 33.83, 35.83, "LBN", "country", 5000000)
    b.add_place("Libya", 25.0, 17.0, "LBY", "country", 6800000)
    b.add_place("Poland", 52.0, 19.0, "POL", "country", 38000000)
    b.add_place("United States", 39.8, -98.6, "USA", "country", 327000000, aliases=["U.S."])
    b.add_place("Georgia", 42.0, 43.5, "GEO", "country", 3700000)
    b.add_place("Georgia", 32.7, -83.4, "USA", "admin", 10000000, admin1="GA")
    b.add_place("Texas", 31.5, -99.3, "USA", "admin", 30000000, admin1="TX")
    # The West Bank town known to the city table only by an alternate spelling, and a Polish
    # hamlet whose own name is the spelling news uses.
    b.add_place("Janin", 32.46, 35.3, "PSE", "city", 35000, alternates=["Jenin"])
    b.add_place("Jenin", 52.7, 15.1, "POL", "city", 1100)
    b.add_place("Tripoli", 32.89, 13.19, "LBY", "capital", 1300000)
    b.add_place("Tripoli", 34.43, 35.84, "LBN", "city", 229000)
    b.add_place("Paris", 48.853, 2.349, "FRA", "capital", 2100000)
    b.add_place("Paris", 33.66, -95.56, "USA", "city", 25000, admin1="TX")
    b.add_place("Brzezno", 52.1, 16.0, "POL", "city", 20000)
    b.add_place("Brzezno", 50.0, 20.0, "POL", "city", 16000)
    return b.finish()


def flat(nlp: Language, text: str, actors: list[tuple[str, str]] = ()) -> Doc:  # type: ignore[assignment]
    """An unparsed Doc; ``actors``: (words, country) pairs set as the actors module would."""
    doc = nlp.make_doc(text)
    doc._.actors = [ActorMention(start=text.index(words), end=text.index(words) + len(words), text=words,
                                 code=country, country=country) for words, country in actors]
    return doc


def where(doc: Doc, gaz: Gazetteer, name: str) -> str | None:
    return next(p.country for p in tag_places(doc, gaz, cues()) if p.text == name)


def _town(country: str, lat: float, lon: float, pop: int, primary: bool = True) -> Candidate:
    return Candidate("X", lat, lon, country, "city", pop, None, None, primary)


# ---- pure functions ---------------------------------------------------------------------------


def test_near_story_measures_from_story_countries_and_anchors(gaz: Gazetteer) -> None:
    israel = gaz.country("ISR")
    assert israel is not None
    ctx = Context({"ISR"}, set(), [], [israel])
    assert near_story(_town("PSE", 32.46, 35.3, 35000), ctx) is True
    assert near_story(_town("POL", 52.7, 15.1, 1100), ctx) is False
    assert near_story(_town("POL", 52.7, 15.1, 1100), Context(set(), set(), [])) is None


def test_remote_towns_lose_only_to_real_rivals(gaz: Gazetteer) -> None:
    usa = gaz.country("USA")
    assert usa is not None
    ctx = Context({"USA"}, set(), [], [usa])
    paris = [_town("FRA", 48.85, 2.35, 2100000), _town("USA", 33.66, -95.56, 25000)]
    assert remote(paris, ctx) == set()  # the Texan namesake is 80 times smaller: no rival
    athens = [_town("GRC", 37.98, 23.73, 660000), _town("USA", 33.96, -83.38, 127000)]
    assert remote(athens, ctx) == {0}
    hamlet = [_town("POL", 52.7, 15.1, 1100), _town("DEU", 50.0, 8.0, 3000)]
    assert remote(hamlet, ctx) == set()  # no namesake in the story: far towns keep their order
    assert remote([*hamlet, _town("USA", 40.0, -90.0, 2000)], ctx) == {0, 1}


def test_unresolvable_only_for_small_far_ambiguous_or_alternate_names(gaz: Gazetteer) -> None:
    israel = gaz.country("ISR")
    assert israel is not None
    ctx = Context({"ISR"}, set(), [], [israel])
    small, other = _town("POL", 52.7, 15.1, 1100), _town("DEU", 50.0, 8.0, 3000)
    assert unresolvable(small, [small, other], ctx)
    assert not unresolvable(small, [small], ctx)  # a unique own name is kept
    twin = _town("POL", 52.0, 16.0, 900)
    assert not unresolvable(small, [small, twin], ctx)  # namesakes close together: one guess
    alt = _town("POL", 52.7, 15.1, 1100, primary=False)
    assert unresolvable(alt, [alt], ctx)
    assert not unresolvable(small, [small, other], Context({"ISR", "POL"}, set(), [], [israel]))
    assert not unresolvable(small, [small, other], Context(set(), set(), []))  # no story to be far from
    big = _town("POL", 52.7, 15.1, 400000)
    assert not unresolvable(big, [big, other], ctx)


# ---- whole stories ----------------------------------------------------------------------------


def test_a_town_next_to_the_actors_country_beats_a_far_namesake(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = flat(blank_nlp, "Israeli troops opened fire in Jenin on Tuesday.", [("Israeli troops", "ISR")])
    assert where(doc, gaz, "Jenin") == "PSE"
    doc = flat(blank_nlp, "Polish police searched a farm in Jenin.", [("Polish police", "POL")])
    assert where(doc, gaz, "Jenin") == "POL"


def test_tripoli_follows_the_story(blank_nlp: Language, gaz: Gazetteer) -> None:
    assert where(flat(blank_nlp, "Fighting resumed in Tripoli."), gaz, "Tripoli") == "LBY"
    doc = flat(blank_nlp, "Lebanese soldiers clashed with gunmen in Tripoli.", [("Lebanese soldiers", "LBN")])
    assert where(doc, gaz, "Tripoli") == "LBN"
    doc = flat(blank_nlp, "Libyan militias shelled the port of Tripoli.", [("Libyan militias", "LBY")])
    assert where(doc, gaz, "Tripoli") == "LBY"


def test_a_world_capital_stays_against_a_tiny_namesake(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = flat(blank_nlp, "The senator flew to Paris for talks.", [("senator", "USA")])
    assert where(doc, gaz, "Paris") == "FRA"


def test_a_small_far_town_with_an_ambiguous_name_is_left_unplaced(blank_nlp: Language, gaz: Gazetteer) -> None:
    doc = flat(blank_nlp, "Israeli troops raided Brzezno before dawn.", [("Israeli troops", "ISR")])
    [place] = [p for p in tag_places(doc, gaz, cues()) if p.text == "Brzezno"]
    assert place.lat is None and place.country is None
    doc = flat(blank_nlp, "Polish police raided Brzezno before dawn.", [("Polish police", "POL")])
    assert where(doc, gaz, "Brzezno") == "POL"


def test_georgia_by_the_story(blank_nlp: Language, gaz: Gazetteer) -> None:
    assert where(flat(blank_nlp, "Voters in Georgia and Texas went to the polls."), gaz, "Georgia") == "USA"
    assert where(flat(blank_nlp, "Georgian police dispersed a rally in Georgia."), gaz, "Georgia") == "GEO"
    # American actors and the country's own name do not make a story about the state.
    text = "U.S. envoys met officials in Georgia."
    assert where(flat(blank_nlp, text, [("U.S. envoys", "USA")]), gaz, "Georgia") == "GEO"
    assert where(flat(blank_nlp, "Floods hit the U.S. state of Georgia."), gaz, "Georgia") == "USA"


def test_an_actor_read_from_the_toponym_itself_is_no_evidence(blank_nlp: Language, gaz: Gazetteer) -> None:
    text = "The governor of Georgia spoke in Texas."
    doc = flat(blank_nlp, text, [("governor of Georgia", "GEO")])
    assert where(doc, gaz, "Georgia") == "USA"


# ---- data -------------------------------------------------------------------------------------


def test_bare_congo_is_the_democratic_republic_as_in_the_actors_module(tmp_path: Path) -> None:
    cities = tmp_path / "cities.json"
    cities.write_text(json.dumps({}), encoding="utf-8")
    g = gz.build(gz.REGIONS_PATH, cities)
    assert [c.country for c in g.candidates("Congo") if c.feature == "country"] == ["COD"]
    for name in ("Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"):
        assert {c.country for c in g.candidates(name)} == {"COG"}, name
    assert {c.country for c in g.candidates("Democratic Republic of the Congo")} == {"COD"}
    assert [c.country for c in g.candidates("Jenin")] == ["PSE"]


def test_territory_towns_are_in_the_regions_file() -> None:
    regions = {r["name"]: r for r in read_regions()["regions"]}
    for name in ("Jenin", "Gaza City", "Khan Younis", "Qalqilya", "Tulkarm", "Jabalia", "Deir al-Balah"):
        assert regions[name]["country"] == "PSE" and 31.2 < regions[name]["lat"] < 32.6, name
    assert regions["North Mitrovica"]["country"] == "XKX"
    assert regions["Kinmen"]["country"] == "TWN"
    assert regions["Northern Cyprus"]["country"] == "CYP"


# ---- the full pipeline ------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "country"), [
    ("Israeli troops opened fire in Jenin on Tuesday, killing two men.", "Jenin", "PSE"),
    ("Israeli forces raided Bethlehem and Tulkarm before dawn.", "Tulkarm", "PSE"),
    ("Lebanese army units deployed in Tripoli after the clashes.", "Tripoli", "LBN"),
    ("Fighting flared again in eastern Congo, where rebels seized a town.", "Congo", "COD"),
    ("Voters in Georgia and Arizona will decide the Senate.", "Georgia", "USA"),
    ("Russian tanks rolled into Georgia, and the war lasted five days.", "Georgia", "GEO"),
])
def test_model_sentences(nlp_model: Language, text: str, name: str, country: str) -> None:
    doc = nlp_model(text)
    assert next(p.country for p in doc._.places if p.text == name) == country


def test_a_foreign_capital_yields_only_to_a_namesake_near_the_story(blank_nlp: Language) -> None:
    b = Builder()
    b.add_place("United States", 39.8, -98.6, "USA", "country", 327000000)
    b.add_place("Athens", 37.98, 23.73, "GRC", "capital", 660000)
    b.add_place("Athens", 33.96, -83.38, "USA", "city", 127000, admin1="GA")
    b.add_place("Atlanta", 33.75, -84.39, "USA", "city", 460000, admin1="GA")
    g = b.finish()
    doc = flat(blank_nlp, "American diplomats arrived in Athens.", [("American diplomats", "USA")])
    assert where(doc, g, "Athens") == "GRC"  # Georgia's Athens is far from the US centre
    doc = flat(blank_nlp, "The senator flew from Atlanta to Athens.", [("senator", "USA")])
    assert where(doc, g, "Athens") == "USA"  # near a town the story placed


@pytest.mark.model
def test_model_event_located_in_the_west_bank(nlp_model: Language) -> None:
    doc = nlp_model("Israeli troops opened fire in Jenin on Tuesday, wounding three men.")
    located = [ev.location for ev in doc._.events if ev.location]
    assert located and all(loc["country"] == "PSE" for loc in located)
