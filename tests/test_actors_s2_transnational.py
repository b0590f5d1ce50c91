"""Transnational actors (CAMEO NGO / IGO / IMG / MNC prefixes): data, loader validation, recognition.

Fast: a blank pipeline with the packaged data (dictionary only); sentences written for these tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer
from eventwire.actors.dictionary import (
    DATA_DIR,
    TRANSNATIONAL,
    ActorDictionary,
    code_sectors,
    load_dictionary,
)
from eventwire.errors import DataFileError


def codes(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = None) -> dict[str, str | None]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = date
    return {m.text: m.code for m in recognizer(doc)._.actors}


# ---- the code scheme ---------------------------------------------------------------------------


def test_transnational_prefixes_and_their_sectors():
    assert set(TRANSNATIONAL) == {"IGO", "NGO", "IMG", "MNC"}
    assert code_sectors("NGOHRI") == ["NGO"]
    assert code_sectors("IMGMUSISI") == ["REB"]
    assert code_sectors("MNCGBR") == ["BUS"]
    assert code_sectors("NGO") == ["NGO"]  # a bare prefix still says what kind of actor it is
    assert code_sectors("PRKGOVMIL") == ["GOV", "MIL"]
    assert code_sectors("PRK") == [] and code_sectors(None) == []


@pytest.mark.parametrize("name, code", [
    ("Amnesty International", "NGOHRI"),
    ("Human Rights Watch", "NGOHRI"),
    ("Doctors Without Borders", "NGOHLH"),
    ("Oxfam", "NGOAID"),
    ("Save the Children", "NGOAID"),
    ("Greenpeace", "NGOENV"),
    ("Transparency International", "NGOHRI"),
    ("Reporters Without Borders", "NGOMED"),
    ("Committee to Protect Journalists", "NGOMED"),
    ("International Committee of the Red Cross", "IGOICR"),
    ("al-Qaeda", "IMGMUSAQD"),
    ("Shell", "MNCGBR"),
])
def test_transnational_organisations_are_not_coded_by_host_country(name, code):
    e = load_dictionary().lookup(name)
    assert e is not None and e.code_at(None) == code and e.country == code[:3]


def test_national_ngos_and_branches_keep_their_country():
    d = load_dictionary()
    assert d.lookup("B'Tselem").code == "ISRNGO"
    assert d.lookup("Brookings Institution").code == "USANGO"
    assert d.lookup("AQAP").code == "YEMREB"  # a branch fights in one country
    assert d.lookup("ISWAP").code == "NGAREB"
    assert d.lookup("Gazprom").code == "RUSBUS"  # a state champion is no multinational


def test_islamic_state_is_iraqi_until_it_crossed_into_syria():
    e = load_dictionary().lookup("ISIS")
    assert e.code_at("2008-06-01") == "IRQREB"
    assert e.code_at("2015-06-01") == "IMGMUSISI"
    assert e.code_at(None) == "IMGMUSISI"


# ---- recognition -------------------------------------------------------------------------------


def test_named_ngo_and_militant_group_in_a_sentence(rec):
    found = codes(rec, "Amnesty International said al-Qaeda had threatened aid convoys in Yemen.")
    assert found["Amnesty International"] == "NGOHRI"
    assert found["al-Qaeda"] == "IMGMUSAQD"


@pytest.mark.parametrize("text, span, code", [
    ("Human rights groups condemned the hangings.", "Human rights groups", "NGO"),
    ("Aid agencies warned of a looming famine.", "Aid agencies", "NGO"),
    ("Two aid workers were kidnapped on Sunday.", "aid workers", "NGO"),
    ("International monitors criticised the count.", "International monitors", "IGO"),
    ("Peacekeepers withdrew from the buffer zone.", "Peacekeepers", "IGO"),
    ("The Red Cross visited the detainees.", "Red Cross", "IGOICR"),
])
def test_bare_roles_of_no_single_state(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_local_and_national_groups_keep_an_open_country(rec):
    assert codes(rec, "Local rights groups documented the arrests.")["rights groups"] == "---NGO"
    assert codes(rec, "Police detained an NGO worker.").get("NGO") != "NGO"


def test_a_country_word_still_makes_the_role_national(rec):
    found = codes(rec, "Kenyan rights groups and the American Red Cross and Russian peacekeepers met.")
    assert found["Kenyan rights groups"] == "KENNGO"
    assert found["American Red Cross"] == "USANGO"
    assert found["Russian peacekeepers"] == "RUSMIL"


def test_un_peacekeepers_stay_the_un(rec):
    assert codes(rec, "UN peacekeepers patrolled the border.")["UN peacekeepers"] == "IGOUNO"


def test_a_descriptor_before_a_known_organisation_is_one_actor(rec):
    found = codes(rec, "The rights watchdog Amnesty International condemned the police raids.")
    assert found["rights watchdog Amnesty International"] == "NGOHRI"
    assert "rights watchdog" not in found
    found = codes(rec, "The militant group Hamas fired rockets.")
    assert found == {"militant group Hamas": "PSEREB"}


def test_a_sponsor_is_not_the_actor(rec):
    found = codes(rec, "Iran-backed Houthi rebels seized a cargo ship.")
    assert found == {"Houthi rebels": "YEMREB"}
    found = codes(rec, "The al-Qaeda-linked militant group al-Shabaab stormed a hotel.")
    assert found == {"militant group al-Shabaab": "SOMREB"}


# ---- loader validation -------------------------------------------------------------------------


def _data_dir(root: Path) -> Path:
    for name in ("countries.yml", "agents.yml", "orgs.jsonl", "people.jsonl", "qualifiers.yml"):
        shutil.copy(DATA_DIR / name, root / name)
    return root


def test_no_country_must_be_a_transnational_code(tmp_path):
    root = _data_dir(tmp_path)
    agents = root / "agents.yml"
    agents.write_text(agents.read_text(encoding="utf-8").replace("  aid agency: NGO", "  aid agency: KENNGO"),
                      encoding="utf-8")
    with pytest.raises(DataFileError, match="_no_country"):
        ActorDictionary(root)


def test_org_with_an_unknown_transnational_element_shape_is_rejected(tmp_path):
    root = _data_dir(tmp_path)
    with (root / "orgs.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"name": "Bad Group", "aliases": [], "code": "NGX", "kind": "group", "country": "NGX"}\n')
    with pytest.raises(DataFileError) as err:
        ActorDictionary(root)
    assert err.value.line is not None


def test_a_sponsor_of_a_thing_stays(rec):
    # Only an actor right after "-backed"/"-linked" makes the first one a mere sponsor.
    assert codes(rec, "Rebels seized an Israel-linked cargo ship.")["Israel"] == "ISR"


def test_generic_head_keeps_the_transnational_body(rec):
    found = codes(rec, "Red Cross officials halted deliveries after their trucks were shot at.")
    assert found["Red Cross officials"] == "IGOICR" and found["their"] == "IGOICR"


def test_membership_is_a_qualifier(rec):
    assert codes(rec, "NATO-member Norway offered to help.") == {"Norway": "NOR"}


def _with_org(rec: tuple[Language, ActorRecognizer], text: str, name: str) -> dict[str, str | None]:
    """``text`` with ``name`` marked as an NER organisation (as the statistical model would)."""
    from spacy.tokens import Span

    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    start = next(t.i for t in doc if doc[t.i:].text.startswith(name))
    end = start + len(nlp.make_doc(name))
    doc.ents = [Span(doc, start, end, label="ORG")]
    return {m.text: m.code for m in recognizer(doc)._.actors}


def test_unlisted_body_named_like_a_transnational_ngo(rec):
    found = _with_org(rec, "The Federation of Asian Farmers urged debt relief.", "Federation of Asian Farmers")
    assert found["Federation of Asian Farmers"] == "NGO"
    found = _with_org(rec, "The Global Water Forum met in Lima.", "Global Water Forum")
    assert found["Global Water Forum"] == "NGO"


def test_national_or_intergovernmental_sounding_bodies_are_not_guessed(rec):
    found = _with_org(rec, "The Kenya Human Rights Forum met.", "Kenya Human Rights Forum")
    assert found.get("Kenya Human Rights Forum") != "NGO"
    found = _with_org(rec, "The European Rail Council met.", "European Rail Council")
    assert "NGO" not in found.values()


def test_a_role_word_inside_a_stance_is_no_actor(rec):
    found = codes(rec, "Troops began anti-terrorist operations near the border.")
    assert "terrorist" not in found and found["Troops"] == "---MIL"
    assert codes(rec, "Pro-government militias attacked the camp.")["government militias"] == "---MIL"


def test_is_transnational_reads_the_prefix():
    from eventwire.actors import is_transnational

    assert is_transnational("NGOHRI") and is_transnational("IMG") and is_transnational("IGOUNO")
    assert not is_transnational("PRKGOV") and not is_transnational("---NGO") and not is_transnational(None)


def test_the_rights_group_refers_back_to_the_named_one():
    from eventwire.actors import mentions_in

    ms = mentions_in("B'Tselem published a report on Monday. The rights group said soldiers beat detainees.")
    group = next(m for m in ms if m.text == "rights group")
    assert group.code == "ISRNGO" and group.via == "coref"
    ms = mentions_in("Oxfam and Amnesty International spoke. Rights groups also wrote to the minister.")
    assert next(m for m in ms if m.text == "Rights groups").code == "NGO"  # not definite: not a back-reference


@pytest.mark.parametrize("text, expected", [
    ("A Paris-based watchdog criticised the verdict.", {"Paris-based watchdog": "FRANGO"}),
    ("The U.S.-based Committee to Protect Journalists protested.", {"Committee to Protect Journalists": "NGOMED"}),
    ("Moscow-installed officials announced a referendum.", {"Moscow-installed officials": "RUSGOV"}),
    ("The Hamas-run health ministry gave a toll.", {"Hamas-run health ministry": "PSEGOV"}),
])
def test_based_and_installed_links(rec, text, expected):
    assert codes(rec, text) == expected


def test_based_alone_is_a_place_not_a_government(rec):
    assert codes(rec, "The London-based daily printed it.").get("London") == "GBR"


def test_what_a_country_leads_is_the_noun_after_the_link(rec):
    found = codes(rec, "Ankara stayed out of the US-led campaign in Libya.")
    assert found["US"] == "USA" and found["Libya"] == "LBY"
    assert codes(rec, "Iran-backed armed groups fired drones.") == {"armed groups": "---REB"}
