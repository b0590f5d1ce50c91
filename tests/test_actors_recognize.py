"""ActorRecognizer on Docs from a blank pipeline (dictionaries only) and, marked, on the real model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from eventwire.actors import ActorRecognizer, code_for, mention_for_token
from eventwire.actors.dictionary import DATA_DIR
from eventwire.records import ActorMention

PEOPLE = """\
// test fixture: a few people with dated roles
{"name": "Kim Jong Un", "aliases": ["Kim Jong-un"], "country": "PRK", "gender": "m", "roles": [{"code": "PRKGOV", "title": "Supreme Leader", "start": "2011-12-17", "end": null}], "other": "PRKELI"}
{"name": "Donald Trump", "aliases": ["Donald J. Trump"], "country": "USA", "gender": "m", "other": "USAELI", "roles": [{"code": "USAGOV", "title": "President", "start": "2017-01-20", "end": "2021-01-20"}, {"code": "USAGOV", "title": "President", "start": "2025-01-20", "end": null}]}
{"name": "Vladimir Putin", "aliases": ["Putin"], "country": "RUS", "gender": "m", "roles": [{"code": "RUSGOV", "title": "President", "start": "2000-05-07", "end": null}]}
{"name": "Mao Ning", "country": "CHN", "gender": "f"}
{"name": "Jane Roe", "country": "GBR", "gender": "f"}
"""

ORGS = """\
{"name": "Korean Central News Agency", "aliases": ["KCNA"], "code": "PRKMED", "kind": "organisation", "country": "PRK"}
{"name": "Houthis", "aliases": ["Houthi", "Ansar Allah"], "code": "YEMREB", "kind": "group", "country": "YEM"}
{"name": "United Nations Security Council", "aliases": ["UN Security Council", "Security Council"], "code": "IGOUNO", "kind": "organisation", "country": "IGO"}
{"name": "Taliban", "kind": "group", "country": "AFG", "roles": [{"code": "AFGREB", "start": null, "end": "2021-08-14"}, {"code": "AFGGOV", "start": "2021-08-15", "end": null}]}
"""


def make_data_dir(root: Path) -> Path:
    for name in ("countries.yml", "agents.yml"):
        shutil.copy(DATA_DIR / name, root / name)
    (root / "people.jsonl").write_text(PEOPLE, encoding="utf-8")
    (root / "orgs.jsonl").write_text(ORGS, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def rec(tmp_path_factory: pytest.TempPathFactory) -> tuple[Language, ActorRecognizer]:
    nlp = spacy.blank("en")
    return nlp, ActorRecognizer(nlp, data_dir=make_data_dir(tmp_path_factory.mktemp("actors")))


def actors(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = None) -> list[ActorMention]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = date
    return recognizer(doc)._.actors


def codes(rec: tuple[Language, ActorRecognizer], text: str, date: str | None = None) -> dict[str, str | None]:
    return {m.text: m.code for m in actors(rec, text, date)}


# ---- countries, capitals, adjectives, metonyms ----------------------------------------------


def test_country_names_and_abbreviations(rec):
    found = codes(rec, "North Korea, the DPRK, the U.S. and the UAE met Burma and Turkey.")
    assert found == {"North Korea": "PRK", "DPRK": "PRK", "U.S.": "USA", "UAE": "ARE", "Burma": "MMR",
                     "Turkey": "TUR"}


def test_capitals_are_governments(rec):
    found = codes(rec, "Pyongyang warned Washington, and Kyiv and Kiev thanked Tokyo.")
    assert found == {"Pyongyang": "PRKGOV", "Washington": "USAGOV", "Kyiv": "UKRGOV", "Kiev": "UKRGOV",
                     "Tokyo": "JPNGOV"}


def test_metonyms(rec):
    found = codes(rec, "The Kremlin, the White House, Downing Street and the Pentagon reacted; Zhongnanhai was silent.")
    assert found == {"Kremlin": "RUSGOV", "White House": "USAGOV", "Downing Street": "GBRGOV",
                     "Pentagon": "USAMIL", "Zhongnanhai": "CHNGOV"}


def test_adjectives_and_demonyms(rec):
    found = codes(rec, "North Koreans and a Palestinian crowd cheered Kenyan runners.")
    assert found["North Koreans"] == "PRK"
    assert found["Palestinian crowd"] == "PSECVL"


def test_lower_case_common_words_are_not_countries(rec):
    assert codes(rec, "We ate turkey off fine china and let us go.") == {}


def test_kurdish_and_western_stay_uncoded(rec):
    found = {m.text: (m.code, m.country) for m in actors(rec, "Kurdish leaders met Western diplomats.")}
    assert found["Kurdish leaders"] == ("---GOV", None)
    assert found["Western diplomats"] == ("---GOV", None)
    assert code_for("Kurdish") is None


def test_blocked_phrases_do_not_code_the_country_inside(rec):
    assert codes(rec, "Ships sailed the South China Sea near New Mexico.") == {}


# ---- composition -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, code",
    [
        ("South Korea's military fired.", "South Korea's military", "KORMIL"),
        ("Iranian state media reported it.", "Iranian state media", "IRNMED"),
        ("Chinese foreign ministry spokesperson Mao Ning spoke.", "Chinese foreign ministry spokesperson Mao Ning", "CHNGOV"),
        ("US troops left.", "US troops", "USAMIL"),
        ("Russian President Vladimir Putin spoke.", "Russian President Vladimir Putin", "RUSGOV"),
        ("Israeli forces raided it.", "Israeli forces", "ISRMIL"),
        ("Houthi rebels fired.", "Houthi rebels", "YEMREB"),
        ("Afghan refugees fled.", "Afghan refugees", "AFGREF"),
        ("Hong Kong protesters marched.", "Hong Kong protesters", "HKGOPP"),
        ("A Hong Kong mob gathered.", "Hong Kong mob", "HKGCVL"),
        ("The Jamaican police officer testified.", "Jamaican police officer", "JAMCOP"),
        ("North Korea's foreign ministry said so.", "North Korea's foreign ministry", "PRKGOV"),
        ("The foreign minister of Iran arrived.", "foreign minister of Iran", "IRNGOV"),
        ("Japanese army officers met.", "Japanese army officers", "JPNMIL"),
        ("A former Brazilian president spoke.", "Brazilian president", "BRAELI"),
        ("Two Israeli soldiers died.", "Israeli soldiers", "ISRMIL"),
    ],
)
def test_composition(rec, text, span, code):
    assert codes(rec, text).get(span) == code


def test_coordinated_adjectives_share_the_role(rec):
    # Each actor spans its own adjective: the shared noun is reached through the parse from both.
    found = codes(rec, "Senior Chilean and Peruvian officials met.")
    assert found == {"Chilean": "CHLGOV", "Peruvian": "PERGOV"}


def test_country_name_does_not_borrow_a_later_possessive_role(rec):
    found = codes(rec, "The U.S. and Pyongyang's troops moved.")
    assert found == {"U.S.": "USA", "Pyongyang's troops": "PRKMIL"}


def test_bare_role_has_unknown_country(rec):
    m = actors(rec, "Police arrested two men.")[0]
    assert (m.text, m.code, m.country, m.sectors) == ("Police", "---COP", None, ["COP"])


def test_title_before_unknown_name(rec):
    m = actors(rec, "Then President Pedro Alvarez left.")[0]
    assert m.text == "President Pedro Alvarez" and m.kind == "person" and m.code == "---GOV"
    m = actors(rec, "The then-President Pedro Alvarez left.")[0]
    assert m.text == "President Pedro Alvarez" and m.code == "---ELI"


# ---- people and dated roles --------------------------------------------------------------------


def test_dated_roles_across_term_boundaries(rec):
    text = "Donald Trump spoke."
    assert codes(rec, text, "2018-05-01")["Donald Trump"] == "USAGOV"
    assert codes(rec, text, "2022-05-01")["Donald Trump"] == "USAELI"
    assert codes(rec, text, "2025-03-01")["Donald Trump"] == "USAGOV"
    assert codes(rec, text, "2021-01-20")["Donald Trump"] == "USAGOV"  # last day in office
    assert codes(rec, text, "2021-01-21")["Donald Trump"] == "USAELI"
    assert codes(rec, text, None)["Donald Trump"] == "USAGOV"  # no date: the most recent role


def test_dated_group_roles(rec):
    assert codes(rec, "The Taliban attacked.", "2019-01-01")["Taliban"] == "AFGREB"
    assert codes(rec, "The Taliban decreed.", "2022-01-01")["Taliban"] == "AFGGOV"


def test_person_without_roles_gets_context_sector(rec):
    m = actors(rec, "Chinese foreign ministry spokesperson Mao Ning said so.")[0]
    assert m.name == "Mao Ning" and m.code == "CHNGOV" and m.kind == "person"


def test_title_and_surname_find_the_office_holder(rec):
    assert codes(rec, "President Trump spoke.", "2019-03-01")["President Trump"] == "USAGOV"
    m = actors(rec, "President Trump spoke.", "2019-03-01")[0]
    assert m.name == "Donald Trump"
    assert codes(rec, "President Trump spoke.", "2023-03-01")["President Trump"] == "---GOV"  # not in office
    # No date: whoever held the title, as a full name with no date takes its latest role (docs/actors.md).
    assert codes(rec, "President Trump spoke.")["President Trump"] == "USAGOV"


def test_of_a_countrys_organisation_is_not_the_country(rec):
    found = codes(rec, "Police arrested leaders of Jordan's Islamic Action Front.")
    assert "leaders of Jordan" not in found and found["Jordan"] == "JOR"


def test_kim_alone_is_not_guessed(rec):
    assert codes(rec, "Kim visited a farm.") == {}


def test_orgs_and_acronyms(rec):
    found = codes(rec, "The UN Security Council met. KCNA and the Houthis objected.")
    assert found == {"UN Security Council": "IGOUNO", "KCNA": "PRKMED", "Houthis": "YEMREB"}


def test_acronym_defined_in_text(rec):
    ms = actors(rec, "the Nigerian National Petroleum Corporation (NNPC) said. Later NNPC said more.")
    assert ms[0].text == "Nigerian National Petroleum Corporation" and ms[0].code == "NGABUS"
    sohr = [m for m in ms if m.text == "NNPC"]
    assert len(sohr) == 2
    assert all(m.via == "acronym" and m.code == ms[0].code and m.code is not None for m in sohr)
    assert sohr[-1].resolved_from == ms[0].start


# ---- output contract ---------------------------------------------------------------------------


def test_offsets_sorted_non_overlapping_and_sentence_index(rec):
    text = "Israeli forces and Hamas fighters clashed in Gaza while Egyptian mediators watched."
    ms = actors(rec, text)
    assert ms
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.sentence_index == 0
        assert m.via in {"dictionary", "ner", "coref", "context", "acronym"}


def test_mention_for_token(rec):
    nlp, recognizer = rec
    doc = recognizer(nlp.make_doc("Yesterday South Korea's military fired."))
    assert mention_for_token(doc, 2).code == "KORMIL"
    assert mention_for_token(doc, 0) is None
    assert mention_for_token(doc, 99) is None


def test_code_for():
    assert code_for("Pyongyang") == "PRKGOV"
    assert code_for("North Korean") == "PRK"
    assert code_for("Iranian state media") == "IRNMED"
    assert code_for("a Jamaican police officer") == "JAMCOP"
    assert code_for("") is None
    assert code_for("the weather") is None


def test_empty_and_odd_input(rec):
    assert actors(rec, "") == []
    assert actors(rec, "((( ))) --- ???") == []


# ---- with the real model (NER, parser) ---------------------------------------------------------


@pytest.fixture(scope="module")
def model_rec(tmp_path_factory: pytest.TempPathFactory, parser_only: Language):
    data = make_data_dir(tmp_path_factory.mktemp("actors_model"))
    return parser_only, ActorRecognizer(parser_only, data_dir=data)


def model_actors(model_rec, text: str, date: str | None = None) -> list[ActorMention]:
    nlp, recognizer = model_rec
    doc = nlp(text)
    doc._.published = date
    return recognizer(doc)._.actors


@pytest.mark.model
def test_model_unknown_person_gets_context(model_rec):
    ms = model_actors(model_rec, "Abdul Rahman, a senior Afghan police officer, said the attack failed.")
    person = next(m for m in ms if m.text == "Abdul Rahman")
    assert person.code == "AFGCOP" and person.via == "context"


@pytest.mark.model
def test_model_country_inside_a_name_is_not_a_country(model_rec):
    ms = model_actors(model_rec, "A statue of George Washington stands in Paris.")
    assert all(m.code != "USAGOV" for m in ms)
    assert {m.text: m.code for m in ms}.get("Paris") == "FRA"  # a place after "in"


@pytest.mark.model
def test_model_unknown_org_stays_uncoded(model_rec):
    ms = model_actors(model_rec, "The Zorblax Foundation for Rivers criticised the plan.")
    assert [m.code for m in ms if "Zorblax" in m.text] == [None]


@pytest.mark.model
def test_model_org_with_only_a_country_word_and_its_acronym(model_rec):
    ms = model_actors(model_rec, "The Syrian Observatory for Human Rights (SOHR) issued a report. SOHR criticised Damascus.")
    by_text = {m.text: m for m in ms}
    assert by_text["Syrian Observatory for Human Rights"].code is None
    assert by_text["SOHR"].via == "acronym"
    assert by_text["Damascus"].code == "SYRGOV"


@pytest.mark.model
def test_model_full_story(model_rec):
    text = ("North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok. "
            "Kim said he would deepen ties. The Korean Central News Agency (KCNA) said the two countries agreed.")
    found = model_actors(model_rec, text, "2023-09-13")
    by_text = {m.text: m for m in found}
    assert by_text["North Korean leader Kim Jong Un"].code == "PRKGOV"
    assert by_text["Kim"].via == "coref" and by_text["Kim"].code == "PRKGOV"
    assert by_text["he"].code == "PRKGOV"
    assert by_text["Korean Central News Agency"].code == "PRKMED"


def test_dateline_place_is_not_an_actor(rec):
    found = codes(rec, "VIENNA — Austria's interior minister said on Tuesday that Vienna would act.")
    assert found == {"Austria's interior minister": "AUTGOV", "Vienna": "AUTGOV"}


def test_adjective_is_not_an_it_antecedent(rec):
    ms = actors(rec, "Kenya signed with American firms and Iraqi oil. It said so.")
    assert {m.text: m.code for m in ms}["It"] == "KEN"


@pytest.mark.model
def test_model_country_run_into_a_name(model_rec):
    ms = model_actors(model_rec, "The U.S. ambassador to Ukraine Marie Yovanovitch testified.")
    assert "UKR" in {m.code for m in ms}


def test_of_composes_only_for_institutions(rec):
    found = codes(rec, "The government of Iraq met critics of China and refugees from Syria.")
    assert found["government of Iraq"] == "IRQGOV"
    assert found["refugees from Syria"] == "SYRREF"
    assert found.get("critics of China") is None and found["China"] == "CHN"


def test_curly_apostrophes(rec):
    assert codes(rec, "The People’s Liberation Army and Vietnam’s coast guard sailed.") == {
        "People’s Liberation Army": "CHNMIL", "Vietnam’s coast guard": "VNMMIL"}


def test_bare_country_is_not_an_apposition_role(rec):
    nlp, recognizer = rec
    from eventwire.actors.coref import Candidate, apposition

    doc = nlp.make_doc("ties with Vietnam, Esper said")
    cands = [Candidate(2, 3, "VNM", "VNM", [], kind="country"),
             Candidate(4, 5, None, None, [], name="Esper", kind="person", via="ner")]
    apposition(doc, cands, frozenset())
    assert cands[1].code is None


def test_capitalised_titles_need_their_capital(rec):
    assert codes(rec, "General Ana Diaz spoke before the general election.") == {"General Ana Diaz": "---MIL"}
    assert codes(rec, "The press conference ended.") == {}


_WORDS = ["Kim", "Jong", "Un", "he", "it", "they", "the", "(", ")", "KCNA", "North", "Korean", "Korea", "'s", "US",
          "troops", "President", ",", "and", "of", "from", "Iran", "former", "-", "\n\n", "VIENNA", "—", "Trump",
          "country", "leader", "Houthi", "rebels", "General", "Sen.", "van", "Putin", "’s", "police", "officer"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([None, "2019-01-01", "2024-06-30"]))
@settings(max_examples=150, deadline=None)
def test_any_word_soup_keeps_the_contract(rec, words, date):
    text = " ".join(words)
    ms = actors(rec, text, date)
    for a, b in zip(ms, ms[1:], strict=False):
        assert a.end <= b.start
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.code is None or len(m.code) >= 3
        if m.resolved_from is not None:
            assert m.resolved_from < m.start


@pytest.mark.parametrize("text", ["LONDON The Latest on the talks.", "Hanoi (VNA) - The talks began.",
                                  "WASHINGTON (Reuters) - The talks began."])
def test_more_datelines(rec, text):
    assert codes(rec, text) == {}


def test_all_capital_role_terms_need_capitals(rec):
    assert codes(rec, "Defence Minister Ngo Xuan Lich met an NGO.") == {
        "Defence Minister Ngo Xuan Lich": "---MIL", "NGO": "---NGO"}


def test_capital_after_a_locative_is_the_place(rec):
    found = codes(rec, "Moscow sent envoys to talks in Beijing and a train to Amsterdam.")
    assert found["Moscow"] == "RUSGOV"
    assert found["Beijing"] == "CHN" and found["Amsterdam"] == "NLD"


def test_dateline_before_a_person(rec):
    found = codes(rec, "LONDON Vladimir Putin spoke.", "2024-01-01")
    assert found == {"Vladimir Putin": "RUSGOV"}


def test_context_sector_when_no_role_covers_the_date(rec):
    # Trump held no office in 2022: the words around the name decide.
    assert codes(rec, "Former President Donald Trump spoke.", "2022-05-01")["President Donald Trump"] == "USAELI"
    assert codes(rec, "Businessman Donald Trump spoke.", "2022-05-01")["Businessman Donald Trump"] == "USABUS"
    assert codes(rec, "President Donald Trump spoke.", "2019-05-01")["President Donald Trump"] == "USAGOV"


def test_pro_and_anti_adjectives_do_not_give_a_country(rec):
    found = codes(rec, "Pro-Russian separatists and anti-American protesters marched.")
    assert found == {"separatists": "---REB", "protesters": "---OPP"}


@pytest.mark.model
def test_model_country_before_an_unknown_name(model_rec):
    ms = model_actors(model_rec, "Egyptian envoy Ahmed Ali met Iran's Ali Larijani.")
    by = {m.text: m for m in ms}
    assert by["Iran's Ali Larijani"].code == "IRN" and by["Iran's Ali Larijani"].name == "Ali Larijani"
    assert by["Egyptian envoy Ahmed Ali"].code == "EGYGOV"


def test_members_of_an_organisation(rec):
    found = codes(rec, "Officials of the ruling Houthis and fighters from the Taliban met critics of KCNA.", "2023-01-01")
    assert found["Officials of the ruling Houthis"] == "YEMREB"
    assert found["fighters from the Taliban"] == "AFGGOV"
    assert found["KCNA"] == "PRKMED" and "critics" in found
