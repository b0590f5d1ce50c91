"""Regions, peoples and the sides of a divided country as actor qualifiers (actors/qualifiers.py).

Fast: a blank pipeline with the packaged data; sentences written for these tests.
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
    ("Darfur rebels ambushed a fuel convoy.", "Darfur rebels", "SDNREB"),
    ("Karen guerrillas overran an army outpost.", "Karen guerrillas", "MMRREB"),
    ("Chechen separatists claimed the blast.", "Chechen separatists", "RUSREB"),
    ("Mindanao militants freed two hostages.", "Mindanao militants", "PHLREB"),
    ("Tibetan monks marched in silence.", "Tibetan monks", "CHNREL"),
    ("Uighur activists appealed for help.", "Uighur activists", "CHNOPP"),
    ("Aceh separatists laid down their arms.", "Aceh separatists", "IDNREB"),
    ("Darfur's rebel groups signed a truce.", "Darfur's rebel groups", "SDNREB"),
    ("Sindh province police raided a seminary.", "Sindh province police", "PAKCOP"),
])
def test_region_or_people_before_a_role(rec, text, span, code):
    assert codes(rec, text)[span] == code


@pytest.mark.parametrize("text, span, code", [
    ("Police in Chechnya detained four men.", "Police", "RUSCOP"),
    ("Rebels in southern Darfur shelled a camp.", "Rebels", "SDNREB"),
    ("The cabinet of Balochistan province ordered curfews.", "cabinet", "PAKGOV"),
])
def test_region_after_a_role(rec, text, span, code):
    assert codes(rec, text)[span] == code


def test_of_a_region_only_for_institutions(rec):
    # "critics of Tibet" are not from Tibet: "of" composes institutions only, as with countries.
    assert codes(rec, "Critics of Tibet policy spoke out.").get("Critics") == "---OPP"


def test_a_people_of_several_countries_takes_the_country_it_is_in(rec):
    found = codes(rec, "Kurdish fighters in Syria clashed with Turkish troops.")
    assert found["Kurdish fighters"] == "SYRREB" and found["Turkish troops"] == "TURMIL"
    assert codes(rec, "Kurdish fighters clashed with police.")["Kurdish fighters"] == "---REB"


def test_a_people_word_alone_is_no_actor(rec):
    assert not any(c and c.startswith("MMR") for c in codes(rec, "Karen Bass spoke to reporters.").values())


def test_disputed_kashmir_gives_no_country(rec):
    assert codes(rec, "Kashmir militants attacked a checkpoint.")["militants"] == "---REB"


def test_korean_sides_need_a_korean_story(rec):
    found = codes(rec, "North Korea fired a missile. The North's leader watched, and the South's military "
                       "raised its alert.")
    assert found["North's leader"] == "PRKGOV" and found["South's military"] == "KORMIL"
    assert codes(rec, "Seoul accused the North of breaking the pact.")["North"] == "PRK"
    assert "North" not in codes(rec, "Voters in the North backed the union.")
    assert "South" not in codes(rec, "Seoul warned ships in the South China Sea.")


def test_regions_file_is_validated(tmp_path):
    for name in ("countries.yml", "agents.yml", "orgs.jsonl", "people.jsonl"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "qualifiers.yml").write_text("regions:\n  SDN: [Darfur]\n  XYZ: [Nowhere]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_qualifiers(str(tmp_path), load_dictionary())
    assert err.value.line == 3
    (tmp_path / "qualifiers.yml").write_text("regions:\n  SDN: [darfur]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="capitalised"):
        load_qualifiers(str(tmp_path), load_dictionary())


def test_packaged_regions_load():
    q = load_qualifiers(str(DATA_DIR), load_dictionary())
    assert q.regions[("darfur",)] == "SDN"
    assert q.regions[("nagorno", "-", "karabakh")] == "AZE"
    assert q.peoples[("chechen",)] == "RUS"
    assert ("kashmir",) not in q.regions


@pytest.mark.model
def test_model_pipeline_codes_the_qualified_actors(parser_only):
    recognizer = ActorRecognizer(parser_only)

    def found(text: str) -> dict[str, str | None]:
        return {m.text: m.code for m in recognizer(parser_only(text))._.actors}

    assert found("Darfur rebels shelled a camp near the border.")["Darfur rebels"] == "SDNREB"
    assert found("Kurdish fighters in Syria repelled the assault.")["Kurdish fighters"] == "SYRREB"
    got = found("North Korea test-fired a missile, and the South's navy tracked it.")
    assert got["South's navy"] == "KORMIL"
    got = found("The Forum of African Lawyers urged the release of detained judges.")
    assert got.get("Forum of African Lawyers") == "NGO"


def test_ethnic_forces_are_an_armed_group_where_they_fight(rec):
    found = codes(rec, "Ethnic Armenian forces in Nagorno-Karabakh agreed to disarm.")
    assert found["Armenian forces"] == "AZEREB"
    assert codes(rec, "Ethnic Albanian guerrillas in Macedonia laid down arms.")["Albanian guerrillas"] == "MKDREB"


def test_words_section_is_validated(tmp_path):
    (tmp_path / "qualifiers.yml").write_text("words:\n  stance: anti\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="words"):
        load_qualifiers(str(tmp_path), load_dictionary())
    (tmp_path / "qualifiers.yml").write_text("regions: {}\nborders: []\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="top level"):
        load_qualifiers(str(tmp_path), load_dictionary())


def test_a_data_dir_without_regions_file_still_works(tmp_path):
    q = load_qualifiers(str(tmp_path), load_dictionary())
    assert not q.regions and not q.w("stance")
