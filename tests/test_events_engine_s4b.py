"""Engine round 4b: negation scope over coordinated clauses, repeated sentences and dyads coded once per
article, implied agents never from a destination, denials of accusations against oneself (016), threats
of tariffs or sanctions (1312), and fights over a policy between unarmed parties. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.errors import DataFileError
from eventwire.events.dedupe import dedupe_events, normalise_sentence
from eventwire.events.reframe import REFRAME_FILE, load_reframe, reframe_data
from eventwire.records import Event


def _events(nlp: Language, text: str) -> set[tuple[str | None, str | None, str, bool]]:
    return {(e.source, e.target, e.code, e.negated) for e in nlp(text)._.events}


def _ev(si: int, sentence: str, source: str, target: str | None, code: str, trigger: int = 0,
        modality: str = "asserted", negated: bool = False) -> Event:
    return Event(doc_id="d1", sentence_index=si, sentence=sentence, source=source, target=target, code=code,
                 modality=modality, negated=negated, evidence={"trigger": [trigger, trigger + 4]})


# ------------------------------------------------------------------ pure: dedupe
def test_normalised_sentence_ignores_quotes_dashes_and_spacing():
    a = "Kenya \u201cstrongly\u201d condemned the raid \u2013 officials said."
    b = 'Kenya "strongly" condemned  the raid - officials said.'
    assert normalise_sentence(a) == normalise_sentence(b) == "kenya strongly condemned the raid officials said"


def test_repeated_paragraph_is_coded_once_and_ids_are_kept():
    s = "Kenya condemned the raid by Somali gunmen."
    first, second = _ev(2, s, "KEN", "SOM", "111"), _ev(9, "Kenya condemned the raid by Somali gunmen .", "KEN", "SOM", "111")
    other = _ev(4, "Kenya later condemned the raid by Somali gunmen.", "KEN", "SOM", "111")  # other words: kept
    ids = (first.event_id, other.event_id)
    kept = dedupe_events([first, other, second])
    assert [e.sentence_index for e in kept] == [2, 4]
    assert (kept[0].event_id, kept[1].event_id) == ids


def test_repeat_with_other_modality_negation_or_root_is_kept():
    s = "Iran said it would meet Iraq."
    base = _ev(1, s, "IRN", "IRQ", "040")
    assert len(dedupe_events([base, _ev(5, s, "IRN", "IRQ", "040", modality="planned")])) == 2
    assert len(dedupe_events([base, _ev(5, s, "IRN", "IRQ", "040", negated=True)])) == 2
    assert len(dedupe_events([base, _ev(5, s, "IRN", "IRQ", "111")])) == 2
    assert len(dedupe_events([base, _ev(5, s, "IRN", "IRQ", "042")])) == 1  # same root 04: one act


def test_same_dyad_and_code_twice_in_one_sentence_keeps_the_first_spans():
    s = "Police detained or questioned dozens of lawyers."
    a, b = _ev(0, s, "CHNCOP", "CHNJUD", "173", trigger=7), _ev(0, s, "CHNCOP", "CHNJUD", "173", trigger=20)
    c = _ev(0, s, "CHNCOP", "CHNOPP", "173", trigger=20)  # another target: another event
    kept = dedupe_events([a, b, c])
    assert kept == [a, c] and kept[0].evidence["trigger"] == [7, 11]


# ------------------------------------------------------------------ pure: data file
def test_reframe_data_and_its_checks(tmp_path: Path):
    r = reframe_data()
    assert r.threat_code == "1312" and r.denial_code == "016" and "tariff" in r.punitive_nouns
    assert "on" in r.dispute_preps  # quoted in YAML: a bare on would read as a boolean
    text = REFRAME_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "reframe.yml"
    bad.write_text(text.replace('denial_code: "016"', 'denial_code: "120"'), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_reframe(bad)
    bad.write_text(text.replace('dispute_preps: [over, against, "on"]', "dispute_preps: [over, against, on]"),
                   encoding="utf-8")
    with pytest.raises(DataFileError):
        load_reframe(bad)


# ------------------------------------------------------------------ model: negation scope
@pytest.mark.model
def test_negation_of_a_finite_conjunct_does_not_leak(nlp_model):
    got = _events(nlp_model, "Iran did not sign the accord and agreed to talks with France.")
    assert ("IRN", "FRA", "036", False) in got
    assert not any(c.startswith("12") for _, _, c, _ in got)  # no refusal made of the agreement
    got = _events(nlp_model, "The ministers said the plan was not workable and agreed to hold talks with Iran.")
    assert not any(neg for *_, neg in got) and not any(c.startswith("12") for _, _, c, _ in got)


@pytest.mark.model
def test_shared_negation_of_a_bare_conjunct_still_applies(nlp_model):
    # must-not-regress: "will not sign ... or attend" refuses both
    got = _events(nlp_model, "Iran will not sign the accord or attend the talks with France.")
    assert got and all(neg or c.startswith("12") for _, _, c, neg in got)


# ------------------------------------------------------------------ model: implied agents
@pytest.mark.model
def test_implied_agent_not_from_a_destination(nlp_model):
    evs = nlp_model("Several men were arrested on their way to Turkey.")._.events
    assert not any((e.source or "").startswith("TUR") for e in evs)
    evs = nlp_model("ATHENS, Greece (AP) \u2014 Two migrants were detained on Monday and sent back to Turkey.")._.events
    arrest = [e for e in evs if e.code.startswith("173")]
    assert arrest and arrest[0].source.startswith("GRC")
    assert arrest[0].evidence["source"] is None and arrest[0].source_name is None  # never the trigger word


@pytest.mark.model
def test_implied_agent_from_the_place_is_kept(nlp_model):
    evs = nlp_model("Two journalists were arrested in Cairo on Monday.")._.events
    assert any(e.code.startswith("173") and (e.source or "").startswith("EGY") for e in evs)


# ------------------------------------------------------------------ model: denials
@pytest.mark.model
def test_accused_denying_accusations_is_a_denial_of_the_accuser(nlp_model):
    got = _events(nlp_model, "Russia rejected the British accusations that it poisoned the spy.")
    assert ("RUS", "GBR", "016", False) in got and not any(c == "120" for _, _, c, _ in got)
    got = _events(nlp_model, "China denied the accusations by the United States.")
    assert ("CHN", "USA", "016", False) in got


@pytest.mark.model
def test_rejecting_accusations_against_another_stays_a_rejection(nlp_model):
    got = _events(nlp_model, "Russia rejected Britain's accusations against Iran.")
    assert ("RUS", "GBR", "120", False) in got
    got = _events(nlp_model, "Egypt dismissed the criticism by Human Rights Watch.")
    assert any(c == "120" for _, _, c, _ in got)  # criticism is no accusation: not re-read


# ------------------------------------------------------------------ model: punitive measures
@pytest.mark.model
def test_threatened_or_proposed_tariffs_are_a_threat_of_sanctions(nlp_model):
    assert ("USA", "CHN", "1312", False) in _events(nlp_model, "The United States threatened tariffs on Chinese steel.")
    assert ("USAGOV", "MEX", "1312", False) in _events(nlp_model, "Washington threatened to impose tariffs on Mexico.")
    got = _events(nlp_model, "Trump proposed slapping new tariffs on Chinese goods.")
    assert ("USAGOV", "CHN", "1312", False) in got and not any(c.startswith("03") for _, _, c, _ in got)


@pytest.mark.model
def test_lifting_sanctions_is_no_threat(nlp_model):
    got = _events(nlp_model, "Washington offered to lift sanctions on Venezuela.")
    assert not any(c == "1312" for _, _, c, _ in got)


# ------------------------------------------------------------------ model: fights over a policy
@pytest.mark.model
def test_fight_over_a_policy_between_unarmed_parties_is_no_fighting(nlp_model):
    got = _events(nlp_model, "China vowed to fight the United States over its tariffs.")
    assert not any(c.startswith(("19", "138")) for _, _, c, _ in got)
    assert ("CHN", "USA", "130", False) in got
    assert not any(c.startswith("19") for _, _, c, _ in _events(nlp_model, "Canada vowed to fight the new tariffs."))


@pytest.mark.model
def test_armed_fight_is_kept(nlp_model):
    got = _events(nlp_model, "The rebels fought government troops near Aleppo.")
    assert any(c.startswith("19") for _, _, c, _ in got)
    got = _events(nlp_model, "The rebels vowed to fight the Syrian army.")
    assert any(c.startswith(("19", "138")) for _, _, c, _ in got)


@pytest.mark.model
def test_repeated_paragraph_in_an_article_is_coded_once(nlp_model):
    para = "Kenya condemned the raid by Somali gunmen on a border town."
    evs = nlp_model(f"{para}\n\nThe town lies near the coast.\n\n{para}")._.events
    assert len([e for e in evs if e.root == "11"]) == 1
    assert evs[0].sentence_index == 0


@pytest.mark.model
def test_punitive_measure_inside_an_amount_or_a_round(nlp_model):
    got = _events(nlp_model, "Trump proposed slapping an additional $100 billion in tariffs on Chinese goods.")
    assert ("USAGOV", "CHN", "1312", False) in got
    assert ("IGOEUREEC", "RUS", "1312", False) in _events(nlp_model, "The EU threatened a new round of sanctions against Russia.")
    # must-not: a round of talks is no sanction
    assert not any(c == "1312" for _, _, c, _ in _events(nlp_model, "The EU threatened a new round of talks with Russia."))


@pytest.mark.model
def test_rejected_claim_is_no_denial(nlp_model):
    # a claim about something else (no accusation) is never re-read as a denial of responsibility
    got = _events(nlp_model, "The court's ruling rejected the claim that the program was unconstitutional.")
    assert not any(c == "016" for _, _, c, _ in got)


@pytest.mark.model
def test_accusation_naming_another_accused_stays_a_rejection(nlp_model):
    got = _events(nlp_model, "Russia rejected the British accusations that Iran armed the rebels.")
    assert ("RUS", "GBR", "120", False) in got and not any(c == "016" for _, _, c, _ in got)


@pytest.mark.model
def test_rejected_opinion_targets_its_author(nlp_model):
    got = _events(nlp_model, "Pakistan rejected the Indian prime minister's assessment that Islamabad sheltered militants.")
    assert ("PAK", "INDGOV", "120", False) in got
    got = _events(nlp_model, "The Egyptian ministry denied the accusations by Amnesty International that it tortured prisoners.")
    assert {(s, c) for s, t, c, _ in got if t and t.startswith("NGO")} == {("EGYGOV", "016")}
    assert not any(t and t.startswith("EGY") for _, t, _, _ in got)  # the prisoners are no target of the denial


def test_normalised_sentence_drops_an_opening_dateline_only():
    lead = "A court in Lagos jailed two activists."
    assert normalise_sentence(f"LAGOS \u2014 {lead}") == normalise_sentence(lead)
    assert normalise_sentence(f"LAGOS, Nigeria (AP) -- {lead}") == normalise_sentence(lead)
    assert normalise_sentence("Nigeria - a court jailed two activists.") != normalise_sentence(lead)
