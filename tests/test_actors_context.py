"""Datelines, bare national institutions, counted groups, weapons and titles before known surnames."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from eventwire.actors import ActorRecognizer, mention_for_token
from eventwire.actors.context import count_group, datelines
from eventwire.actors.dictionary import DATA_DIR, ActorDictionary
from eventwire.errors import DataFileError
from eventwire.records import ActorMention


def actors(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = "2024-03-01") -> list[ActorMention]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = date
    return recognizer(doc)._.actors


def codes(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = "2024-03-01") -> dict[str, str | None]:
    return {m.text: m.code for m in actors(rec, text, date)}


# ---- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "NAIROBI (AP) -- Police fired tear gas.",
    "CARACAS, Venezuela (Reuters) - Police fired tear gas.",
    "HANOI, Nov. 3 (VNA) — Police fired tear gas.",
    "CAMP DAVID, Maryland, Aug. 18 (AP) -- Police fired tear gas.",
    "Seoul (Yonhap) -- Police fired tear gas.",
])
def test_dateline_city_country_and_agency_are_not_actors(rec, text):
    assert codes(rec, text) == {"Police": "---COP"}


def test_dateline_in_a_later_paragraph(rec):
    found = codes(rec, "Talks ended.\n\nPARIS (AFP) -- The French government said.")
    assert "AFP" not in found and "PARIS" not in found


def test_agency_outside_a_dateline_is_still_an_actor(rec):
    assert codes(rec, "The riots were reported by Reuters.")["Reuters"] is not None


def test_headline_is_not_a_dateline(rec):
    assert codes(rec, "NATO - Russia tensions rose.") == {"NATO": "IGOWSTNAT", "Russia": "RUS"}
    assert codes(rec, "Moscow said - again - that it would not talk.")["Moscow"] == "RUSGOV"
    assert codes(rec, "Hamas (Gaza) - a statement said.")["Hamas"] == "PSEREB"


def test_dateline_spans():
    nlp = spacy.blank("en")
    doc = nlp("OSLO, Norway, May 2 (NTB) -- Talks began.")
    assert [(doc[a:b].text) for a, b in datelines(doc)] == ["OSLO, Norway, May 2 (NTB) --"]
    assert datelines(nlp("Oslo said talks began.")) == []


# ---- bare national institutions ---------------------------------------------------------


def test_institutions_take_the_dateline_country(rec):
    found = codes(rec, "CARACAS (AP) -- Protesters stormed Congress, the Supreme Court and the presidential palace.")
    assert found["Congress"] == "---LEG"  # Venezuela's legislature is the National Assembly, not a Congress
    assert found["Supreme Court"] == "VENJUD" and found["presidential palace"] == "VENGOV"
    found = codes(rec, "BOGOTA, Colombia (Reuters) - Protesters stormed Congress.")
    assert found == {"Protesters": "---OPP", "Congress": "COLLEG"}


def test_institutions_take_the_country_before_them_in_the_sentence(rec):
    found = codes(rec, "Supporters of the former Peruvian president marched on Congress.")
    assert found["Congress"] == "PERLEG"
    assert codes(rec, "Ghanaian police guarded parliament.")["parliament"] == "GHALEG"


def test_institutions_take_a_place_after_them(rec):
    assert codes(rec, "Crowds gathered outside parliament in Nairobi.")["parliament"] == "KENLEG"


def test_institutions_take_the_last_country_named_before(rec):
    found = codes(rec, "Nepal's prime minister resigned. Parliament was dissolved.")
    assert found["Parliament"] == "NPLLEG"


def test_congress_only_for_countries_that_have_one(rec):
    # Ukraine's legislature is no Congress: with no US context the body stays unknown.
    assert codes(rec, "Ukrainian officials lobbied Congress.")["Congress"] == "---LEG"
    assert codes(rec, "Ukrainian officials lobbied Congress for U.S. aid.")["Congress"] == "USALEG"
    assert codes(rec, "Congress met.")["Congress"] == "---LEG"  # no default USA
    assert codes(rec, "The U.S. Congress met.")["U.S. Congress"] == "USALEG"


def test_plural_institutions_keep_no_country(rec):
    assert codes(rec, "Kenya urged parliaments to act.")["parliaments"] == "---LEG"


def test_joint_chiefs_of_staff_from_the_story(rec):
    assert codes(rec, "The Joint Chiefs of Staff said Pyongyang fired a missile.")["Joint Chiefs of Staff"] == "KORMIL"
    assert codes(rec, "The Joint Chiefs of Staff briefed the White House.")["Joint Chiefs of Staff"] == "USAMIL"
    assert codes(rec, "The Joint Chiefs of Staff met.")["Joint Chiefs of Staff"] == "---MIL"
    assert codes(rec, "South Korea's Joint Chiefs of Staff said.")["South Korea's Joint Chiefs of Staff"] == "KORMIL"


# ---- several parties in one phrase ------------------------------------------------------


@pytest.mark.parametrize("text,span", [
    ("Iran and Egypt agreed; the two governments will exchange envoys.", "governments"),
    ("Both armies pulled back.", "armies"),
    ("All three delegations signed.", "delegations"),
])
def test_counted_groups_are_uncoded(rec, text, span):
    found = codes(rec, text)
    assert span in found and found[span] is None


def test_count_group():
    nlp = spacy.blank("en")
    doc = nlp("the two governments and two soldiers")
    assert count_group(doc, 2) and not count_group(doc, 5)


# ---- weapons and vessels ---------------------------------------------------------------------


@pytest.mark.parametrize("text,span,code", [
    ("Syrian warplanes bombed the town.", "Syrian warplanes", "SYRMIL"),
    ("Pakistani jets crossed the border.", "Pakistani jets", "PAKMIL"),
    ("Turkish drones hit the convoy.", "Turkish drones", "TURMIL"),
    ("Indian warships docked.", "Indian warships", "INDMIL"),
    ("Ukrainian artillery shelled the bridge.", "Ukrainian artillery", "UKRMIL"),
    ("Egyptian tanks rolled in.", "Egyptian tanks", "EGYMIL"),
    ("Venezuela's fighter jets flew over.", "Venezuela's fighter jets", "VENMIL"),
    ("Russian bombers flew near the coast.", "Russian bombers", "RUSMIL"),
    ("The Philippine coast guard said.", "Philippine coast guard", "PHLMIL"),
])
def test_country_word_before_a_weapon_is_its_military(rec, text, span, code):
    assert codes(rec, text).get(span) == code


def test_weapons_alone_are_not_actors(rec):
    assert codes(rec, "Gunmen fired a missile and two drones at the base.") == {"Gunmen": "---REB"}
    assert codes(rec, "The bombers struck a market.")["bombers"] == "---REB"  # still a listed role alone


def test_weapon_made_elsewhere_or_of_another_kind(rec):
    assert codes(rec, "Sudan used Turkish-made drones.").get("Turkish-made drones") is None
    assert codes(rec, "Kenyan passenger jets landed.") == {"Kenyan": "KEN"}


# ---- titles, defence ministers --------------------------------------------------------------


def test_title_before_a_lower_case_known_surname(rec):
    found = codes(rec, "president obama met prime minister abe.", "2014-05-01")
    assert found == {"president obama": "USAGOV", "prime minister abe": "JPNGOV"}
    # someone who did not hold the title on the date stays a role
    assert codes(rec, "president obama spoke.", "2020-05-01") == {"president": "---GOV"}
    # a common word is no surname, even if someone's surname is spelled so ("To Lam")
    assert codes(rec, "He was the first sitting president to be arrested.", "2024-06-01") == {"president": "---GOV"}


def test_defence_ministers_and_ministries_are_military(rec):
    found = codes(rec, "The Dutch defence minister and the Spanish ministry of defence met the Greek defense secretary.")
    assert set(found.values()) == {"NLDMIL", "ESPMIL", "GRCMIL"}


def test_agents_file_lists_defence_roles_under_mil():
    d = ActorDictionary(DATA_DIR)
    for term in ("defence minister", "defense minister", "defence secretary", "defense secretary",
                 "defence ministry", "defense ministry", "minister of defence", "secretary of defense"):
        entry = d.lookup(term)
        assert entry is not None and entry.sectors == ("MIL",), term


# ---- data validation --------------------------------------------------------------------------




@pytest.mark.parametrize("extra", [
    "\n_national_only: {senate: [XXX]}\n",
    "\n_national_only: [senate]\n",
])
def test_bad_national_entries_are_rejected(tmp_path, extra):
    text = (DATA_DIR / "agents.yml").read_text(encoding="utf-8")
    head = text.split("\n_national_only:")[0]
    tail = text.split("\n_national_cues:")[1]
    (tmp_path / "agents.yml").write_text(head + extra + "\n_national_cues:" + tail, encoding="utf-8")
    for name in ("countries.yml", "people.jsonl", "orgs.jsonl"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    with pytest.raises(DataFileError):
        ActorDictionary(tmp_path)


def test_bad_cue_is_rejected(tmp_path):
    text = (DATA_DIR / "agents.yml").read_text(encoding="utf-8").replace("{KOR: [KOR, PRK]", "{KOR: [QQQ]")
    (tmp_path / "agents.yml").write_text(text, encoding="utf-8")
    for name in ("countries.yml", "people.jsonl", "orgs.jsonl"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    with pytest.raises(DataFileError):
        ActorDictionary(tmp_path)


# ---- with the parser: both coordinated actors are reachable -----------------------------------


@pytest.mark.model
def test_coordinated_adjectives_reachable_from_the_noun(nlp_model):
    doc = nlp_model("Indian and Pakistani soldiers exchanged fire on Sunday.")
    noun = next(t for t in doc if t.text == "soldiers")
    mods = [k for k in noun.children if k.dep_ in ("amod", "compound", "nmod")]
    reached = {mention_for_token(doc, t.i).code for k in mods for t in (k, *k.conjuncts)
               if mention_for_token(doc, t.i) is not None}
    assert reached == {"INDMIL", "PAKMIL"}
    assert mention_for_token(doc, noun.i) is None  # the noun is shared, owned by neither


@pytest.mark.model
def test_model_dateline_and_institution(nlp_model):
    doc = nlp_model.make_doc("LIMA (AP) -- Supporters of the ousted president stormed Congress on Sunday.")
    doc._.published = "2022-12-10"
    found = {m.text: m.code for m in nlp_model(doc)._.actors}
    assert found.get("Congress") == "PERLEG"
    assert not any(t in found for t in ("AP", "LIMA", "Associated Press"))


# ---- roles shared over coordinated countries and owned by organisations ------------------------


def test_role_of_coordinated_countries(rec):
    found = codes(rec, "The defence ministers of Chile, Peru and the Philippines met.")
    assert found == {"defence ministers of Chile": "CHLMIL", "Peru": "PERMIL", "Philippines": "PHLMIL"}
    # "critics of" composes with no country, so the countries after it stay bare
    assert codes(rec, "Critics of Chile and Peru spoke.") == {"Critics": "---OPP", "Chile": "CHL", "Peru": "PER"}


def test_organisation_possessive_role(rec):
    found = codes(rec, "NATO's top commander met the Houthis' fighters.")
    assert found == {"NATO's top commander": "IGOWSTNAT", "Houthis' fighters": "YEMREB"}
