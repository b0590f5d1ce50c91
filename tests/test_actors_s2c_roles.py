"""Role nouns "of"/"for" an organisation take its code; heads of state and government of the
Middle East, South Asia, Africa and Latin America are known with dated roles (people.jsonl).

Fast: a blank pipeline with the packaged data; sentences written for these tests.
"""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer, code_for
from eventwire.actors.dictionary import DATA_DIR


def codes(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = None) -> dict[str, str | None]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    if date is not None:
        doc._.published = date
    return {m.text: m.code for m in recognizer(doc)._.actors}


@pytest.mark.parametrize("text, span, code", [
    # the organisation's code, even behind a country's possessive
    ("Two senior commanders of Lebanon's Hezbollah were killed in the strike.",
     "commanders of Lebanon's Hezbollah", "LBNREB"),
    ("Officials of the Pakistan Tehreek-e-Insaf denied it.", "Officials of the Pakistan Tehreek-e-Insaf", "PAKPTY"),
    ("Commanders of the Free Syrian Army walked out of the meeting.", "Commanders of the Free Syrian Army", "SYRREB"),
    ("Officials of the African Union flew to Juba on Monday.", "Officials of the African Union", "IGOAFRAUN"),
    ("Fighters of the Islamic State overran two villages.", "Fighters of the Islamic State", "IMGMUSISI"),
    # "for" names whom a spokesman speaks for
    ("A spokesman for Hezbollah rejected the claim.", "spokesman for Hezbollah", "LBNREB"),
    # supporters of a party are its base
    ("Supporters of the opposition party blocked the highway.", "Supporters of the opposition party", "---OPP"),
    ("Supporters of the Muslim Brotherhood marched after Friday prayers.",
     "Supporters of the Muslim Brotherhood", "EGYOPP"),
    # members of a known body are the body
    ("Members of Hamas crossed into Egypt.", "Members of Hamas", "PSEREB"),
    ("Cadres of the Communist Party of China studied the speech.", "Cadres of the Communist Party of China", "CHNPTY"),
    # a country after "of" still gives its government
    ("Leaders of Iran gathered for the ceremony.", "Leaders of Iran", "IRNGOV"),
])
def test_role_of_organisation(rec: tuple[Language, ActorRecognizer], text: str, span: str, code: str) -> None:
    assert codes(rec, text).get(span) == code


@pytest.mark.parametrize("text, absent, span, code", [
    # critics and victims of a group are not the group
    ("Critics of Hamas were detained in Gaza.", "Critics of Hamas", "Hamas", "PSEREB"),
    ("Victims of Boko Haram waited for food in Maiduguri.", "Victims of Boko Haram", "Boko Haram", "NGAREB"),
    # a spokesman "for" a country is not composed with it
    ("A spokesman for Iran declined to comment.", "spokesman for Iran", "Iran", "IRN"),
])
def test_non_members_stay_apart(rec: tuple[Language, ActorRecognizer], text: str, absent: str, span: str,
                                code: str) -> None:
    found = codes(rec, text)
    assert absent not in found
    assert found.get(span) == code


def test_members_of_no_known_body_are_no_actor(rec: tuple[Language, ActorRecognizer]) -> None:
    assert codes(rec, "Members of the public queued outside.") == {}


def test_followers_of_a_person_keep_country_only(rec: tuple[Language, ActorRecognizer]) -> None:
    assert codes(rec, "Supporters of Imran Khan blocked the road.").get("Supporters of Imran Khan") == "PAK"


@pytest.mark.parametrize("phrase, date, code", [
    ("President Michel Suleiman", "2010-03-01", "LBNGOV"),
    ("Michel Suleiman", "2005-03-01", "LBNMIL"),          # army commander before the presidency
    ("Emile Lahoud", "2004-01-10", "LBNGOV"),
    ("Prime Minister Fouad Siniora", "2007-06-01", "LBNGOV"),
    ("Saad Hariri", "2018-02-01", "LBNGOV"),
    ("Tammam Salam", "2015-01-01", "LBNGOV"),
    ("Hassan Diab", "2020-09-01", "LBNGOV"),
    ("Najib Mikati", "2012-01-01", "LBNGOV"),
    ("Jalal Talabani", "2010-01-01", "IRQGOV"),
    ("Haider al-Abadi", "2016-01-01", "IRQGOV"),
    ("Ali Abdullah Saleh", "2009-01-01", "YEMGOV"),
    ("Zine El Abidine Ben Ali", "2015-01-01", "TUNELI"),
    ("Beji Caid Essebsi", "2016-01-01", "TUNGOV"),
    ("Abdalla Hamdok", "2020-01-01", "SDNGOV"),
    ("Mohamed Abdullahi Farmaajo", "2019-01-01", "SOMGOV"),
    ("Yousaf Raza Gillani", "2010-01-01", "PAKGOV"),
    ("Thein Sein", "2013-01-01", "MMRGOV"),
    ("Andres Pastrana", "2001-01-01", "COLGOV"),
    ("Meles Zenawi", "2005-01-01", "ETHGOV"),
    ("Goodluck Jonathan", "2012-01-01", "NGAGOV"),
    ("Joseph Kabila", "2010-01-01", "CODGOV"),
    ("Mwai Kibaki", "2008-01-01", "KENGOV"),
])
def test_heads_of_state_and_government(phrase: str, date: str, code: str) -> None:
    assert code_for(phrase, date) == code


def test_titled_surname_finds_the_office_holder_on_the_date() -> None:
    assert code_for("President Kabila", "2012-05-01") == "CODGOV"
    assert code_for("Prime Minister Hariri", "2010-05-01") == "LBNGOV"


def test_titled_unknown_name_takes_no_country_from_another_actor(rec: tuple[Language, ActorRecognizer]) -> None:
    # the place belongs to the US commander's phrase, not to the president
    found = codes(rec, "President Jean Dupont greeted the American commander in Afghanistan warmly.", "2009-06-01")
    assert found.get("President Jean Dupont") == "---GOV"
    # a known name keeps its own dated code whatever the sentence names
    found = codes(rec, "President Michel Suleiman greeted the American commander in Afghanistan warmly.", "2009-06-01")
    assert found.get("President Michel Suleiman") == "LBNGOV"


def test_people_file_lists_each_country_heads() -> None:
    rows = [json.loads(line) for line in (DATA_DIR / "people.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("//")]
    heads = {r["country"] for r in rows
             if any(t in (role.get("title") or "") for role in r.get("roles", []) for t in ("President", "Prime Minister"))}
    wanted = {"LBN", "IRQ", "SYR", "JOR", "EGY", "LBY", "TUN", "YEM", "SDN", "SOM", "AFG", "PAK", "MMR", "VEN",
              "COL", "ETH", "NGA", "COD", "KEN"}
    assert wanted <= heads
