"""Old country names, titled people with no date or no known country, abbreviations opening a sentence,
and the first-three-letter convention (country or transnational prefix) the scorer reads.

Fast: a blank pipeline with the packaged data; sentences written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer
from eventwire.actors.dictionary import TRANSNATIONAL, load_dictionary


def codes(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = None) -> dict[str, str | None]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = date
    return {m.text: m.code for m in recognizer(doc)._.actors}


@pytest.mark.parametrize("text, span, code", [
    ("Zaire expelled two diplomats.", "Zaire", "COD"),
    ("Yugoslavia recalled its envoy.", "Yugoslavia", "SRB"),
    ("The Yugoslav army shelled the town.", "Yugoslav army", "SRBMIL"),
    ("Czechoslovakia signed the accord.", "Czechoslovakia", "CZE"),
    ("Upper Volta closed its border.", "Upper Volta", "BFA"),
    ("The Soviet Union protested.", "Soviet Union", "RUS"),
    ("Burmese troops crossed the river.", "Burmese troops", "MMRMIL"),
    ("Congo-Brazzaville and Congo-Kinshasa met.", "Congo-Brazzaville", "COG"),
])
def test_former_and_alternative_state_names(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_former_yugoslavia_is_a_region_not_a_state(rec):
    assert "Yugoslavia" not in codes(rec, "Peace efforts in former Yugoslavia stalled.")


@pytest.mark.parametrize("text, span, code", [
    ("An Argentine judge summoned the minister.", "Argentine judge", "ARGJUD"),
    ("Belgrade radio reported the clashes.", "Belgrade radio", "SRBMED"),
    ("Ankara's district administration banned the march.", "Ankara's district administration", "TURGOV"),
])
def test_courts_media_and_capitals_in_compounds(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_an_abbreviation_opening_a_sentence_is_no_dateline(rec):
    found = codes(rec, "U.S. Ambassador Jane Doe called her counterpart.")
    assert found["U.S. Ambassador Jane Doe"] == "USAGOV"
    assert "LONDON" not in codes(rec, "LONDON The talks resumed.")  # a real dateline still is one


def test_title_and_surname_without_a_date(rec):
    # Two President Bushes: with no date the person is unknown but the office is not.
    found = codes(rec, "President Bush warned Baghdad.")
    assert found["President Bush"] == "USAGOV"
    assert load_dictionary().titled("Bush", "President", None).country == "USA"
    assert load_dictionary().titled("Nobodyknown", "President", None) is None


def test_unknown_titled_people_take_the_story_country(rec):
    found = codes(rec, "An Argentine judge summoned former president Juan Perezoso for questioning.")
    assert found["president Juan Perezoso"] == "ARGELI"
    found = codes(rec, "LIMA, Peru (Reuters) - Former President Tomas Quispeo denied the charges.")
    assert found["President Tomas Quispeo"] == "PERELI"
    # An actor of another kind before him is no clue: a visitor's country is not his.
    assert codes(rec, "Chinese envoys met former president Juan Perezoso.")["president Juan Perezoso"] == "---ELI"


def test_first_three_letters_are_a_country_or_a_transnational_prefix(rec):
    text = ("Amnesty International and Human Rights Watch urged Kenyan police and UN peacekeepers, Shell and "
            "Islamic State to spare civilians in Darfur, aid agencies said.")
    d = load_dictionary()
    for span, code in codes(rec, text, "2020-01-01").items():
        if code is None or code.startswith("---"):
            continue
        head = code[:3]
        assert head in TRANSNATIONAL or head in d.countries, (span, code)
        rest = code[3:]
        if head not in TRANSNATIONAL:
            assert all(rest[i:i + 3] in {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "MED", "OPP", "REB", "CVL",
                                         "BUS", "NGO", "IGO", "REL", "REF", "LAB", "EDU", "HLH", "SPY", "CRM",
                                         "ELI", "UAF"} for i in range(0, len(rest), 3)), (span, code)
