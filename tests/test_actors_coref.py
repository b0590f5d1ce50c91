"""Within-document coreference: surnames, role descriptions, pronouns and "the country"."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from test_actors_recognize import make_data_dir  # tests/ is on sys.path (rootdir conftest)

from eventwire.actors import ActorRecognizer
from eventwire.records import ActorMention


@pytest.fixture(scope="module")
def rec(tmp_path_factory: pytest.TempPathFactory) -> tuple[Language, ActorRecognizer]:
    nlp = spacy.blank("en")
    return nlp, ActorRecognizer(nlp, data_dir=make_data_dir(tmp_path_factory.mktemp("coref")))


def run(rec, text: str, date: str | None = None) -> list[ActorMention]:
    nlp, recognizer = rec
    doc = nlp.make_doc(text)
    doc._.published = date
    return recognizer(doc)._.actors


def find(ms: list[ActorMention], text: str, nth: int = 0) -> ActorMention:
    return [m for m in ms if m.text == text][nth]


def test_surname_after_full_name(rec):
    ms = run(rec, "Donald Trump arrived in Ottawa. Trump said the talks went well.", "2018-06-01")
    trump = find(ms, "Trump")
    assert (trump.code, trump.via, trump.resolved_from, trump.name) == ("USAGOV", "coref", 0, "Donald Trump")


def test_surname_first_names(rec):
    ms = run(rec, "Kim Jong Un inspected a farm. Later Kim visited a school.", "2024-01-01")
    kim = find(ms, "Kim")
    assert kim.code == "PRKGOV" and kim.resolved_from == 0


def test_surname_before_full_name_is_not_coded(rec):
    ms = run(rec, "Kim waved. Kim Jong Un inspected a farm.")
    assert [m.text for m in ms] == ["Kim Jong Un"]


def test_role_description_refers_back(rec):
    text = "Kim Jong Un inspected a farm. The North Korean leader praised the workers."
    leader = find(run(rec, text, "2024-01-01"), "North Korean leader")
    assert (leader.code, leader.name, leader.via, leader.resolved_from) == ("PRKGOV", "Kim Jong Un", "coref", 0)


def test_country_role_description_refers_back(rec):
    text = "Donald Trump met Kim Jong Un. The US president said the meeting was good."
    pres = find(run(rec, text, "2019-02-28"), "US president")
    assert pres.name == "Donald Trump" and pres.code == "USAGOV"


def test_bare_role_matches_a_title(rec):
    text = "Vladimir Putin flew to Beijing. The president met students."
    pres = find(run(rec, text, "2024-05-16"), "president")
    assert pres.name == "Vladimir Putin" and pres.code == "RUSGOV" and pres.via == "coref"


def test_role_description_needs_a_matching_country(rec):
    text = "Kim Jong Un inspected a farm. The Russian leader stayed home."
    leader = find(run(rec, text, "2024-01-01"), "Russian leader")
    assert leader.code == "RUSGOV" and leader.name is None and leader.via == "dictionary"


def test_indefinite_role_is_someone_else(rec):
    text = "Kim Jong Un inspected a farm. A North Korean official said so."
    official = find(run(rec, text, "2024-01-01"), "North Korean official")
    assert official.name is None and official.resolved_from is None


def test_role_description_without_antecedent_keeps_its_own_code(rec):
    leader = find(run(rec, "The North Korean leader spoke."), "North Korean leader")
    assert leader.code == "PRKGOV" and leader.via == "dictionary"


def test_he_and_she_respect_gender(rec):
    ms = run(rec, "Mao Ning spoke after Kim Jong Un. She said he was wrong.", "2024-01-01")
    she, he = find(ms, "She"), find(ms, "he")
    assert she.name == "Mao Ning" and she.resolved_from == 0
    assert he.name == "Kim Jong Un" and he.code == "PRKGOV"


def test_it_is_a_country_or_organisation(rec):
    ms = run(rec, "Kim Jong Un watched as North Korea fired a missile. It said its aim was defence.")
    it, its = find(ms, "It"), find(ms, "its")
    assert it.code == "PRK" and its.code == "PRK"
    assert it.resolved_from == ms[1].start


def test_they_is_a_group(rec):
    ms = run(rec, "Houthi rebels fired drones. They said their target was a ship.")
    assert find(ms, "They").code == "YEMREB" and find(ms, "their").code == "YEMREB"


def test_the_country(rec):
    ms = run(rec, "Iran expelled inspectors from the country on Monday.")
    country = find(ms, "the country")
    assert country.code == "IRN" and country.via == "coref"


def test_pronoun_without_antecedent_yields_nothing(rec):
    assert run(rec, "He said it was raining and they left.") == []


def test_coref_mentions_are_not_uncoded(rec):
    ms = run(rec, "A man spoke to police. He said they came late.")
    assert all(m.code is not None for m in ms)


@pytest.mark.model
def test_model_pronoun_prefers_the_subject(parser_only, tmp_path_factory):
    recognizer = ActorRecognizer(parser_only, data_dir=make_data_dir(tmp_path_factory.mktemp("coref_model")))
    doc = parser_only("Kim Jong Un met Vladimir Putin in Moscow. He praised the new treaty.")
    doc._.published = "2024-06-19"
    ms = recognizer(doc)._.actors
    he = find(ms, "He")
    assert he.name == "Kim Jong Un" and he.sentence_index == 1


def test_an_uncoded_person_blocks_an_older_antecedent(rec):
    nlp, recognizer = rec
    from eventwire.actors.coref import Candidate, resolve

    doc = nlp.make_doc("Vladimir Putin spoke. Then Ivan Petrov arrived and he sat down.")
    cands = [Candidate(0, 2, "RUSGOV", "RUS", ["GOV"], name="Vladimir Putin", kind="person"),
             Candidate(6, 8, None, None, [], name="Ivan Petrov", kind="person", via="ner")]
    assert resolve(doc, cands, None) == []


def test_military_abbreviated_titles(rec):
    ms = run(rec, "The late Sen. John McCain met Gen. Tom Smith.")
    by = {m.text: m.code for m in ms}
    assert by["Sen. John McCain"] == "---ELI"
    assert by["Gen. Tom Smith"] == "---MIL"


def test_she_prefers_a_named_person_to_a_role(rec):
    ms = run(rec, "Rep. Jane Roe met a U.S. official. She said it went well.")
    assert find(ms, "She").name == "Jane Roe"


def test_hyphenated_name_after_title(rec):
    ms = run(rec, "Rep. Maria Lopez-Cortez spoke.")
    assert ms[0].text == "Rep. Maria Lopez-Cortez" and ms[0].code == "---LEG"


def test_explain_notes_the_antecedent(rec):
    nlp, recognizer = rec
    doc = nlp.make_doc("Donald Trump spoke. Trump left.")
    doc._.explain = True
    doc = recognizer(doc)
    assert "actor 'Trump' -> USAGOV (person, via coref, refers to 'Donald Trump' at 0)" in doc._.trace


def test_expletive_it_refers_to_nothing(rec):
    ms = run(rec, "North Korea fired a missile. It was unclear why, and it is not clear when.")
    assert [m.text for m in ms] == ["North Korea"]


def test_possessive_pronoun_gives_its_country_to_a_role(rec):
    ms = run(rec, "North Korea said its military and its own navy were ready.")
    by = {m.text: m for m in ms}
    assert by["its military"].code == "PRKMIL" and by["its military"].resolved_from == 0
    assert by["its own navy"].code == "PRKMIL"
    assert by["its military"].via == "coref"


def test_his_government_but_not_his_lawyers(rec):
    ms = run(rec, "Kim Jong Un said his government and his lawyers agreed.", "2024-01-01")
    by = {m.text: m.code for m in ms}
    assert by["his government"] == "PRKGOV"
    assert by["lawyers"] == "---JUD" and by["his"] == "PRKGOV"


def test_the_countrys_role(rec):
    ms = run(rec, "Iran rejected the offer. The country's president said no.")
    by = {m.text: m for m in ms}
    assert by["The country's president"].code == "IRNGOV"
    assert by["The country's president"].resolved_from == 0
