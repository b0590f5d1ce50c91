"""Ethnic peoples and religious communities coded by the country they live in (actors/peoples.py).

Fast: a blank pipeline with the packaged data (one sentence per Doc); sentences written for these tests.
"""

from __future__ import annotations

import shutil

import pytest
from spacy.language import Language

from eventwire.actors import ActorRecognizer
from eventwire.actors.dictionary import DATA_DIR, load_dictionary
from eventwire.actors.qualifiers import load_qualifiers
from eventwire.errors import DataFileError


def codes(rec: tuple[Language, ActorRecognizer], text: str) -> dict[str, str | None]:
    nlp, recognizer = rec
    return {m.text: m.code for m in recognizer(nlp.make_doc(text))._.actors}


@pytest.mark.parametrize("text, span, code", [
    # a place in the group's own phrase
    ("Kurds in Turkey marked the new year under a heavy police presence.", "Kurds", "TURETH"),
    ("The Druze of the Golan Heights refused the identity cards.", "Druze", "SYRREL"),
    ("Tamils in Colombo lit candles for the missing.", "Tamils", "LKAETH"),
    ("Shiites in eastern Saudi Arabia reported arrests.", "Shiites", "SAUREL"),
    # else a place the sentence says they act in
    ("Hundreds of ethnic Albanians rallied in southern Serbia over the weekend.", "Albanians", "SRBETH"),
    ("Yazidis returning home held a vigil near Mosul.", "Yazidis", "IRQREL"),
    # two people/faith words are one group; the last says what it is
    ("Coptic Christians in Egypt buried the victims.", "Coptic Christians", "EGYREL"),
    ("Sunni Arabs in Iraq boycotted the vote.", "Sunni Arabs", "IRQETH"),
])
def test_group_takes_the_country_it_lives_in(rec, text, span, code):
    assert codes(rec, text)[span] == code


@pytest.mark.parametrize("text, span, code", [
    ("Druze residents of the Golan Heights burned their ballots.", "Druze residents", "SYRCVL"),
    ("Kurdish students in Turkey boycotted classes.", "Kurdish students", "TUREDU"),
    ("Tamil refugees in India asked to go home.", "Tamil refugees", "INDREF"),
    ("Muslim traders in Kenya closed their shops.", "Muslim traders", "KENBUS"),
])
def test_group_before_a_civic_role_takes_the_role_sector(rec, text, span, code):
    assert codes(rec, text)[span] == code


@pytest.mark.parametrize("text, span, code", [
    # a destination or refuge is not home: the state named before the people says whose they are
    ("Some 5,000 Iraqi Kurds asked for shelter in Austria last week.", "Iraqi Kurds", "IRQETH"),
    ("Syrian Kurdish fighters took the dam.", "Syrian Kurdish fighters", "SYRREB"),
    ("Egyptian Copts gathered outside the cathedral.", "Egyptian Copts", "EGYREL"),
])
def test_state_adjective_before_the_people(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_an_occupier_is_no_home(rec):
    found = codes(rec, "Druze of the Israeli-occupied Golan Heights held a strike.")
    assert found["Druze"] == "SYRREL"
    found = codes(rec, "Palestinians of the Israeli-occupied West Bank stayed home.")
    assert found["Palestinians"] == "PSE"


def test_people_of_one_country_falls_back_on_it(rec):
    # a destination is not where a group lives
    found = codes(rec, "Uighurs fled to Kazakhstan after the crackdown.")
    assert found["Uighurs"] == "CHNETH"
    assert found["Kazakhstan"] == "KAZ"


def test_story_country_from_a_single_named_state(rec):
    assert codes(rec, "Turkish police detained Kurds after the rally.")["Kurds"] == "TURETH"


def test_dateline_country_is_the_story_country(rec):
    assert codes(rec, "ANKARA (Reuters) - Kurds celebrated after the verdict.")["Kurds"] == "TURETH"


@pytest.mark.parametrize("text, span", [
    ("Kurds celebrated after the verdict.", "Kurds"),  # no country anywhere
    ("Turkish and Iraqi officials said Kurds had fled.", "Kurds"),  # two states: unclear
    ("Muslims everywhere marked the holiday.", "Muslims"),
])
def test_no_code_when_the_country_is_unclear(rec, text, span):
    assert codes(rec, text)[span] is None


def test_ethnic_group_is_never_its_kin_state(rec):
    # the only state named is the kin state: no code rather than ALB
    assert codes(rec, "Albanian diplomats said ethnic Albanians were worried.")["Albanians"] is None


def test_regional_adjectives_are_no_peoples(rec):
    found = codes(rec, "Europeans in Turkey were told to stay indoors.")
    assert found.get("Europeans") is None


def test_offices_of_a_stateless_people_stay_open(rec):
    # a Kurdish official is not Turkey's government, even in a story about Turkey
    assert codes(rec, "Kurdish officials met Turkish diplomats.")["Kurdish officials"] == "---GOV"


def _copy_data(tmp_path):
    for f in DATA_DIR.iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_bad_groups_sector_raises(tmp_path):
    d = _copy_data(tmp_path)
    text = (d / "qualifiers.yml").read_text(encoding="utf-8").replace("groups:\n  ETH:", "groups:\n  XYZ:")
    (d / "qualifiers.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_qualifiers(str(d), load_dictionary(DATA_DIR))


def test_bad_homonym_country_raises(tmp_path):
    d = _copy_data(tmp_path)
    text = (d / "qualifiers.yml").read_text(encoding="utf-8").replace("  Georgia:\n    USA:", "  Georgia:\n    QQQ:")
    (d / "qualifiers.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError):
        load_qualifiers(str(d), load_dictionary(DATA_DIR))


@pytest.mark.model
def test_an_adjective_standing_for_the_people(nlp_model):
    doc = nlp_model("The Rohingya crowded into camps in Bangladesh.")
    assert {m.text: m.code for m in doc._.actors}["Rohingya"] == "BGDETH"


@pytest.mark.model
def test_an_adjective_before_a_hyphen_is_no_people(nlp_model):
    doc = nlp_model("The Kurdish-led alliance took the town.")
    assert all(m.code is None for m in doc._.actors if m.text == "Kurdish")
