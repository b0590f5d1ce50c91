"""Sub-national officials and bodies, Georgia the state or the country, and the group nouns a nationality
adjective composes with (qualifiers.yml regions/homonyms, agents.yml).

Fast: a blank pipeline with the packaged data; sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer


def codes(rec: tuple[Language, ActorRecognizer], text: str) -> dict[str, str | None]:
    nlp, recognizer = rec
    return {m.text: m.code for m in recognizer(nlp.make_doc(text))._.actors}


@pytest.mark.parametrize("text, span, code", [
    ("The New York attorney general sued the landlord.", "New York attorney general", "USAGOV"),
    ("The New York State Attorney General filed charges.", "New York State Attorney General", "USAGOV"),
    ("The California legislature approved the budget.", "California legislature", "USALEG"),
    ("The Bavarian state government tightened the rules.", "Bavarian state government", "DEUGOV"),
    ("Ontario police arrested two men.", "Ontario police", "CANCOP"),
    ("Istanbul's mayor was detained at dawn.", "Istanbul's mayor", "TURGOV"),
    ("The governor of Texas sent troops to the border.", "governor", "USAGOV"),
    ("The mayor of Kyiv ordered shelters opened.", "mayor of Kyiv", "UKRGOV"),
    ("The Tamil Nadu police denied the report.", "Tamil Nadu police", "INDCOP"),
    ("Kharkiv officials reported new strikes.", "Kharkiv officials", "UKRGOV"),
])
def test_subnational_officials_and_bodies(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_texas_governor_with_an_unknown_name(rec):
    found = codes(rec, "Texas governor Jane Placeholder vetoed the bill.")
    assert found["Texas governor Jane Placeholder"] == "USAGOV"


@pytest.mark.parametrize("text, span, code", [
    ("Georgia's president refused to sign the law.", "Georgia's president", "GEOGOV"),
    ("Georgia's parliament passed the bill in Tbilisi.", "Georgia's parliament", "GEOLEG"),
    ("The Georgia governor signed the bill.", "Georgia governor", "USAGOV"),
    ("Georgia's secretary of state certified the count.", "Georgia's secretary of state", "USAGOV"),
    ("Voters queued in Atlanta, and Georgia's election board met.", "Georgia", "USA"),
    ("Officials in Alabama and Georgia's lawmakers agreed.", "Georgia's lawmakers", "USALEG"),
])
def test_georgia_state_or_country(rec, text, span, code):
    assert codes(rec, text)[span] == code


@pytest.mark.parametrize("text, span, code", [
    ("French farmers blocked the motorway.", "French farmers", "FRAAGR"),
    ("Palestinian prisoners began a hunger strike.", "Palestinian prisoners", "PSECVL"),
    ("Israeli detainees were freed at dawn.", "Israeli detainees", "ISRCVL"),
    ("Afghan refugees crossed the border.", "Afghan refugees", "AFGREF"),
    ("Kenyan herders clashed over water.", "Kenyan herders", "KENAGR"),
    ("Iranian shopkeepers closed the bazaar.", "Iranian shopkeepers", "IRNBUS"),
    ("Russian prisoners of war were exchanged.", "Russian prisoners of war", "RUSMIL"),
    ("Chilean truck drivers blocked the highway.", "Chilean truck drivers", "CHLLAB"),
    ("Mexican inmates rioted.", "Mexican inmates", "MEXCRM"),
])
def test_nationality_with_group_nouns(rec, text, span, code):
    assert codes(rec, text)[span] == code


@pytest.mark.parametrize("text, span", [
    ("Trump's calls with other foreign leaders were released.", "leaders"),
    ("Foreign diplomats were summoned.", "diplomats"),
    ("World leaders gathered for the summit.", "leaders"),
])
def test_other_states_roles_are_left_uncoded(rec, text, span):
    assert codes(rec, text)[span] is None


def test_a_national_role_with_foreign_in_its_term_keeps_its_country(rec):
    assert codes(rec, "The Chinese foreign minister arrived.")["Chinese foreign minister"] == "CHNGOV"
