"""How news names actors: UN staff, followers, settlers, shared city names, titled names in apposition."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer
from eventwire.actors.dictionary import DATA_DIR, ActorDictionary
from eventwire.errors import DataFileError


def codes(rec: tuple[Language, ActorRecognizer], text: str) -> dict[str, str | None]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = "2024-03-01"
    return {m.text: m.code for m in recognizer(doc)._.actors}


def test_un_staff_and_peacekeepers_are_the_un(rec):
    found = codes(rec, "UN officials said U.N. peacekeepers were shelled.")
    assert found["UN officials"] == "IGOUNO"
    assert found["U.N. peacekeepers"] == "IGOUNO"


def test_jewish_settlers_are_israeli_civilians(rec):
    assert codes(rec, "Jewish settlers torched cars near Nablus.")["Jewish settlers"] == "ISRCVL"
    # The religion alone names no country.
    assert codes(rec, "Jewish leaders in France condemned the attack.").get("Jewish leaders") != "ISRCVL"


@pytest.mark.parametrize("text,span,code", [
    ("Supporters of Russia marched in Riga.", "Supporters of Russia", "RUS"),
    ("Thousands of loyalists of the Egyptian army rallied.", "loyalists of the Egyptian army", "EGY"),
])
def test_followers_take_the_country_without_the_office(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_followers_need_an_of_phrase(rec):
    found = codes(rec, "Russian supporters cheered.")
    assert all("upporters of" not in text for text in found)


def test_capital_name_shared_with_a_city_in_the_story_country(rec):
    found = codes(rec, "Clashes in Tripoli killed five, the Lebanese army said.")
    assert found["Tripoli"] == "LBN"
    assert found["Lebanese army"] == "LBNMIL"


def test_shared_capital_stays_the_capital_when_its_country_is_named(rec):
    found = codes(rec, "Tripoli warned Lebanon and Libya's rivals.")
    assert found["Tripoli"] == "LBYGOV"
    found = codes(rec, "Tripoli said it would retaliate against Egypt.")
    assert found["Tripoli"] == "LBYGOV"


def test_common_misspelling_of_qatar(rec):
    assert codes(rec, "Quatar mediated the talks.")["Quatar"] == "QAT"


def test_bad_shared_capital_entry_is_rejected(tmp_path):
    text = (DATA_DIR / "countries.yml").read_text(encoding="utf-8").replace("Tripoli: [LBN]", "Tripoli: [Lebanon]")
    assert "Tripoli: [Lebanon]" in text
    (tmp_path / "countries.yml").write_text(text, encoding="utf-8")
    for name in ("agents.yml", "people.jsonl", "orgs.jsonl"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    with pytest.raises(DataFileError):
        ActorDictionary(tmp_path)


# ---- with the model ---------------------------------------------------------------------------


@pytest.mark.model
def test_titled_name_in_apposition_takes_the_role_country(nlp_model):
    doc = nlp_model("Kuwait's emir, Sheikh Nawaf al-Ahmad, received the Saudi foreign minister on Monday.")
    found = {m.text: m.code for m in doc._.actors}
    named = [code for text, code in found.items() if text.startswith("Sheikh")]
    assert named == ["KWTGOV"]


@pytest.mark.model
def test_ner_list_of_countries_stays_countries(nlp_model):
    doc = nlp_model("Mali, Burkina Faso and Niger announced their withdrawal from the regional bloc.")
    found = {m.text: m.code for m in doc._.actors}
    assert found.get("Mali") == "MLI"
    assert found.get("Burkina Faso") == "BFA"
    assert found.get("Niger") == "NER"


@pytest.mark.model
def test_organisation_named_after_a_country_stays_one_organisation(nlp_model):
    doc = nlp_model("The Syrian Observatory for Human Rights published its annual report.")
    assert "Syrian" not in {m.text for m in doc._.actors}


def test_ethnic_group_takes_the_country_it_lives_in(rec):
    found = codes(rec, "Ethnic Albanians in southern Serbia demanded autonomy.")
    assert found["Albanians"] == "SRBETH"
    found = codes(rec, "The Albanians of Kosovo voted.")
    assert found["Albanians"] == "XKXETH"


def test_ethnic_fighters_are_not_their_kin_state(rec):
    found = codes(rec, "Ethnic Albanian guerrillas attacked a police station.")
    assert found["Albanian guerrillas"] == "---REB"


def test_nationals_abroad_keep_their_country(rec):
    found = codes(rec, "Americans in Iraq were evacuated.")
    assert found["Americans"] == "USA"
