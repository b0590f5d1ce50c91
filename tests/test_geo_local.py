"""Local toponyms (streets, buildings, divisions, unknown localities) placed at their container, and
the article-level rules that go with them (conjuncts of places, one place per name in a story)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_doc
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import DataFileError
from eventwire.geo import Builder, Gazetteer, cues, tag_places
from eventwire.geo.local import local_cues, read_local
from eventwire.records import Place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    b = Builder()
    b.add_place("Saint Petersburg", 59.94, 30.31, "RUS", "city", 5_000_000, aliases=["St Petersburg"])
    b.add_place("New Orleans", 29.95, -90.07, "USA", "city", 390_000, admin1="LA")
    b.add_place("Washington Square", 40.13, -75.28, "USA", "city", 13_000, admin1="PA")
    b.add_place("Washington", 38.895, -77.036, "USA", "capital", 690_000, admin1="DC")
    b.add_place("Orange", 33.79, -117.85, "USA", "city", 140_000, admin1="CA")
    b.add_place("Orange", 40.77, -74.23, "USA", "city", 34_000, admin1="NJ")
    b.add_place("California", 37.2, -119.5, "USA", "admin", 39_000_000, admin1="CA")
    b.add_place("Georgia", 32.7, -83.4, "USA", "admin", 10_000_000, admin1="GA")
    b.add_place("Cork", 51.9, -8.47, "IRL", "city", 210_000)
    b.add_place("Ireland", 53.2, -8.2, "IRL", "country", 4_900_000)
    b.add_place("Leeds", 53.8, -1.55, "GBR", "city", 790_000)
    b.add_place("Hampshire", 51.06, -1.3, "GBR", "admin", 1_800_000)
    b.add_place("London", 51.51, -0.13, "GBR", "capital", 8_900_000)
    b.add_place("Wakefield", 53.68, -1.5, "GBR", "city", 100_000)
    b.add_place("Brno", 49.19, 16.61, "CZE", "city", 85_000)
    b.add_place("Olomouc", 49.59, 17.25, "CZE", "city", 86_000)
    b.add_place("Ostrava", 49.82, 18.26, "CZE", "city", 240_000)
    b.add_place("Ostrava", 40.0, -100.0, "USA", "city", 20_000)
    b.add_place("Ballyporeen", 52.27, -8.1, "IRL", "city", 20_000)
    b.add_place("Park", 30.0, 30.0, "EGY", "city", 20_000)
    return b.finish()


def run(nlp: Language, text: str, gaz: Gazetteer) -> list[Place]:
    return tag_places(nlp.make_doc(text), gaz, cues())


def one(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert len(found) == 1, [p.text for p in places]
    return found[0]


# ---- sites ------------------------------------------------------------------------------------


def test_a_street_takes_the_city_the_text_puts_it_in(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "A bomb went off on Nevsky Prospekt in St Petersburg on Monday.", gaz)
    street = one(places, "Nevsky Prospekt")
    assert (street.name, street.country, street.feature, street.kind) == ("Saint Petersburg", "RUS", "site", "literal")
    assert (street.lat, street.lon) == (59.94, 30.31)


def test_a_square_is_not_the_hamlet_of_the_same_name(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Crowds filled Washington Square in New Orleans after the parade.", gaz)
    square = one(places, "Washington Square")
    assert (square.name, square.feature) == ("New Orleans", "site")


def test_a_building_named_after_its_town(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "The meeting will be held at Leeds Town Hall next week.", gaz)
    assert (one(places, "Leeds Town Hall").name, one(places, "Leeds Town Hall").country) == ("Leeds", "GBR")


def test_a_possessor_town_contains_the_site(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Staff at London's Kingsway Animal Centre checked the dogs.", gaz)
    assert one(places, "London").feature == "capital"
    assert one(places, "Kingsway Animal Centre").name == "London"


def test_an_unplaced_site_falls_back_to_the_story_town(blank_nlp: Language, gaz: Gazetteer) -> None:
    text = "WAKEFIELD, May 3 - Two men were arrested. Fire crews were called to Elm Grove Estate overnight."
    assert one(run(blank_nlp, text, gaz), "Elm Grove Estate").name == "Wakefield"


def test_a_street_ner_calls_a_person_is_still_a_street(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["He", "lived", "on", "Maple", "Drive", "in", "Wakefield", "."]
    doc = build_doc(blank_nlp, words, heads=[1, 1, 1, 4, 2, 1, 5, 1],
                    deps=["nsubj", "ROOT", "prep", "compound", "pobj", "prep", "pobj", "punct"],
                    ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"])
    assert one(tag_places(doc, gaz, cues()), "Maple Drive").name == "Wakefield"


def test_an_orbiting_station_is_not_a_site(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Crews on the International Space Station watched the storm near Wakefield.", gaz)
    assert [p.text for p in places] == ["Wakefield"]


def test_titles_and_longer_names_are_not_sites(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "President Park spoke to the Wall Street Journal about the Hospital Road plan.", gaz)
    assert not any(p.feature == "site" and p.text in ("President Park", "Wall Street") for p in places)


def test_road_numbers_after_the(blank_nlp: Language, gaz: Gazetteer) -> None:
    text = "WAKEFIELD, May 3 - A lorry overturned on the A61 and traffic was sent via the M1, A64 and A650."
    places = run(blank_nlp, text, gaz)
    assert [p.text for p in places if p.feature == "site"] == ["A61", "M1", "A64", "A650"]
    assert {p.name for p in places if p.feature == "site"} == {"Wakefield"}
    assert not any(p.feature == "site" for p in run(blank_nlp, "Print it on A4 paper in Wakefield.", gaz))


def test_a_river_is_not_placed_at_a_town_merely_named_beside_it(blank_nlp: Language, gaz: Gazetteer) -> None:
    # One mention of a town is no evidence that an unknown river lies there.
    places = run(blank_nlp, "Farmers near Cork fished in the Blackwater River.", gaz)
    river = one(places, "Blackwater River")
    assert river.lat is None
    # A container does place it.
    places = run(blank_nlp, "Farmers fished in the Blackwater River in Cork.", gaz)
    assert one(places, "Blackwater River").name == "Cork"


# ---- divisions --------------------------------------------------------------------------------


def test_a_county_resolves_to_its_namesake_town_in_the_named_state(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "The winning ticket was sold in Orange County, California, on Friday.", gaz)
    county = one(places, "Orange County")
    assert (county.name, county.lat, county.feature) == ("Orange", 33.79, "local")


def test_a_county_without_a_namesake_takes_its_state(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Deputies in Cobb County, Georgia, arrested two men.", gaz)
    assert one(places, "Cobb County").name == "Georgia"


def test_county_written_first(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Floods hit County Cork in Ireland this week.", gaz)
    assert (one(places, "County Cork").name, one(places, "County Cork").country) == ("Cork", "IRL")


def test_a_newspaper_named_after_a_county_is_not_a_division(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "He told the Orange County Times that he would appeal.", gaz)
    assert not any(p.text.startswith("County Times") for p in places)


def test_an_unknown_place_qualified_by_its_region(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "The series moves to Brockenhurst, Hampshire, in May.", gaz)
    assert (one(places, "Brockenhurst").name, one(places, "Brockenhurst").feature) == ("Hampshire", "local")
    assert one(places, "Hampshire").feature == "admin"


# ---- article-level rules ----------------------------------------------------------------------


def _ner_doc(nlp: Language, words: list[str], ents: list[str], heads: list[int], deps: list[str]) -> Doc:
    return build_doc(nlp, words, heads=heads, deps=deps, ents=ents)


def test_a_town_ner_calls_a_person_is_placed_as_a_conjunct_of_places(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Stores", "in", "Brno", ",", "Olomouc", "and", "Ostrava", "closed", "."]
    doc = _ner_doc(blank_nlp, words, ["O", "O", "B-GPE", "O", "B-ORG", "O", "B-PERSON", "O", "O"],
                   heads=[7, 0, 1, 2, 2, 4, 4, 7, 7],
                   deps=["nsubj", "prep", "pobj", "punct", "conj", "cc", "conj", "ROOT", "punct"])
    places = tag_places(doc, gaz, cues())
    assert one(places, "Ostrava").country == "CZE"  # the conjuncts' country, not the US namesake


def test_a_name_keeps_its_place_within_a_story(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Shells", "fell", "in", "Ballyporeen", ".", "Ballyporeen", "residents", "fled", "."]
    doc = _ner_doc(blank_nlp, words, ["O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"],
                   heads=[1, 1, 1, 2, 1, 6, 7, 7, 7],
                   deps=["nsubj", "ROOT", "prep", "pobj", "punct", "compound", "nsubj", "ROOT", "punct"])
    places = tag_places(doc, gaz, cues())
    assert [p.text for p in places] == ["Ballyporeen", "Ballyporeen"]
    assert {p.country for p in places} == {"IRL"}


def test_a_placed_name_inside_another_name_is_embedded(blank_nlp: Language, gaz: Gazetteer) -> None:
    places = run(blank_nlp, "Fans gathered in Wakefield on Sunday. Wakefield Trinity lost the derby.", gaz)
    assert [(p.text, p.kind, p.name) for p in places] == [("Wakefield", "literal", "Wakefield"),
                                                          ("Wakefield", "embedded", "Wakefield")]


def test_an_acronym_ner_took_for_a_place_stays_unplaced(blank_nlp: Language, gaz: Gazetteer) -> None:
    words = ["Shares", "rose", "in", "FXB", "in", "Wakefield", "."]
    doc = _ner_doc(blank_nlp, words, ["O", "O", "O", "B-GPE", "O", "B-GPE", "O"],
                   heads=[1, 1, 1, 2, 1, 4, 1], deps=["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"])
    places = tag_places(doc, gaz, cues())
    assert one(places, "FXB").lat is None
    assert one(places, "Wakefield").lat is not None


# ---- the data file ----------------------------------------------------------------------------


def test_packaged_local_lists_are_valid() -> None:
    lc = local_cues()
    assert "street" in lc.site_heads and "street" in lc.thoroughfare_heads
    assert ("local", "government", "area") in lc.division_heads and "co" in lc.division_openers


def test_malformed_local_lists_raise_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "local.yml"
    good = ("site_heads: [street]\nnatural_heads: [river]\nthoroughfare_heads: [street]\n"
            "person_proof_heads: [street]\nnot_sites: [space station]\nsite_openers: [rue]\n"
            "site_tails: [west]\ndivision_heads: [county]\ndivision_openers: [county]\nconnectors: [of]\n"
            "titles: [mr]\n")
    path.write_text(good, encoding="utf-8")
    assert read_local(path).site_heads == frozenset({"street"})
    path.write_text(good.replace("titles: [mr]", "titles: [Mr]"), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_local(path)
    assert err.value.line == 11
    path.write_text(good + "extra: [x]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown section"):
        read_local(path)


@pytest.mark.model
def test_street_and_county_in_a_parsed_story(nlp_model: Language) -> None:
    doc = nlp_model("A man was stabbed on Decatur Street in New Orleans on Friday, police in Louisiana said. "
                    "Deputies from Jefferson Parish joined the search.")
    places = {p.text: p for p in doc._.places}
    assert places["Decatur Street"].name == "New Orleans" and places["Decatur Street"].feature == "site"
    assert places["Jefferson Parish"].country == "USA" and places["Jefferson Parish"].lat is not None
