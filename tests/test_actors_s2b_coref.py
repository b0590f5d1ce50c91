"""Coreference precision: the nearest compatible antecedent in the pronoun's own sentence, no "it" for
a body named by its members, pronouns of a national body taking its country (actors/coref.py, context.py).

Model tests (parsed sentences); sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.records import ActorMention


def actors(nlp: Language, text: str) -> list[ActorMention]:
    return list(nlp(text)._.actors)


def code_of(ms: list[ActorMention], text: str, nth: int = 0) -> str | None:
    return [m for m in ms if m.text == text][nth].code


@pytest.mark.model
def test_it_prefers_the_army_in_its_own_sentence(nlp_model):
    ms = actors(nlp_model, "Qatar hosted the talks in Doha. The army said it would answer any attack.")
    assert code_of(ms, "it") == "---MIL"


@pytest.mark.model
def test_it_still_reaches_back_when_its_sentence_has_no_antecedent(nlp_model):
    ms = actors(nlp_model, "Norway expelled two diplomats on Monday. Later it closed the consulate.")
    assert code_of(ms, "it") == "NOR"


@pytest.mark.model
def test_he_takes_the_subject_whose_name_is_an_apposition(nlp_model):
    ms = actors(nlp_model, "Chile's president Gabriel Boric met Joe Biden in Santiago. He praised the deal.")
    assert code_of(ms, "He").startswith("CHL")


@pytest.mark.model
def test_its_is_not_a_party_named_by_its_members(nlp_model):
    ms = actors(nlp_model, "Republicans criticised the plan. The committee then held its first vote.")
    assert all(m.code != "USAPTY" for m in ms if m.text == "its")


@pytest.mark.model
def test_its_of_a_house_committee_is_the_us_legislature(nlp_model):
    ms = actors(nlp_model, "Senators met Biden on Monday. The House Judiciary Committee held its hearing.")
    assert code_of(ms, "House Judiciary Committee") == "USALEG"
    assert code_of(ms, "its") == "USALEG"


@pytest.mark.model
def test_other_foreign_leaders_get_no_country(nlp_model):
    ms = actors(nlp_model, "Biden spoke with Zelensky in May and with other foreign leaders in June.")
    assert code_of(ms, "leaders") is None


@pytest.mark.model
def test_its_can_be_a_named_armed_group(nlp_model):
    ms = actors(nlp_model, "The Israeli army said it had hit a depot, and Hamas said its fighters fired back.")
    assert code_of(ms, "its fighters") == "PSEREB"


@pytest.mark.model
def test_he_does_not_skip_a_subject_name_to_an_official_of_another_country(nlp_model):
    text = ("A complaint went to the office of Norway's attorney general.\nHolmqvist is fighting extradition to "
            "Canada, which accuses him of leaking files. He had faced the charge since 2015.")
    ms = actors(nlp_model, text)
    assert all(m.code != "NORGOV" for m in ms if m.text in ("him", "He"))
