"""Engine round 2b: modality of wishes, pushes and necessity, "neither ... nor", purposes; entry
constraints ``subj`` and ``not_dep``; PLOVER overrides; planned purposes; claims; "of"-phrase roles;
foreign modifiers and the story's dominant country. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.events.coder import EventCoder
from eventwire.events.fill import plover_fields
from eventwire.events.modality import load_cues, modality_of
from eventwire.events.patterns import PATTERN_DIR, Pattern, compile_patterns
from eventwire.records import Event


def _mod(nlp: Language, sentence: str, word: str) -> tuple[str, bool]:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    modality, negated, _ = modality_of(tok)
    return modality, negated


def _events(nlp: Language, sentence: str) -> list[Event]:
    return list(nlp(sentence)._.events)


def _triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source, e.target, e.code) for e in events}


# ------------------------------------------------------------------ pure: data and PLOVER overrides
def test_new_cue_lists_load():
    c = load_cues()
    assert "want" in c.wish_verbs and "get" in c.causative_verbs and "option" in c.necessity_nouns
    assert "call" in c.enacted_purposes


def _pattern(**kw) -> Pattern:
    base = dict(id="t.x", code="057", pos="verb", lemmas=("sign",), example="", path="t", line=1)
    base.update(kw)
    return Pattern(**base)


def test_plover_override_only_for_the_entrys_own_code():
    onto = {"plover": "AGREE", "plover_mode": None}
    p = _pattern(plover="SUPPORT")
    assert plover_fields(p, "057", onto, kept=False) == ("SUPPORT", None)
    # the code was changed by a fold or an intent: the final code's own mapping holds
    assert plover_fields(p, "032", {"plover": "AGREE", "plover_mode": None}, kept=False) == ("AGREE", None)
    assert plover_fields(p, "057", onto, kept=True) == ("AGREE", None)


def test_plover_override_keeps_mode_only_if_the_new_type_has_it():
    p = _pattern(code="042", plover="AID")
    assert plover_fields(p, "042", {"plover": "CONSULT", "plover_mode": "visit"}, kept=False) == ("AID", None)
    p2 = _pattern(code="042", plover="CONSULT")
    assert plover_fields(p2, "042", {"plover": "CONSULT", "plover_mode": "visit"}, kept=False) == ("CONSULT", "visit")
    p3 = _pattern(code="040", plover_mode="phone")
    assert plover_fields(p3, "040", {"plover": "CONSULT", "plover_mode": None}, kept=False) == ("CONSULT", "phone")


def _custom(tmp_path: Path, body: str) -> EventCoder:
    f = tmp_path / "05_test.yml"
    f.write_text("root: \"05\"\nentries:\n" + body)
    return EventCoder(None, patterns=compile_patterns([PATTERN_DIR / "_grammar.yml", f]))


def test_unknown_requirement_still_rejected(tmp_path):
    from eventwire.errors import DataFileError
    with pytest.raises(DataFileError):
        _custom(tmp_path, "  - id: t.bad\n    code: \"051\"\n    verb: [back]\n    requires: {subjx: [a]}\n"
                          "    example: Rwanda backed the rebels.\n")


# ------------------------------------------------------------------ model: modality
@pytest.mark.model
@pytest.mark.parametrize("sentence, word, expected", [
    ("The senators would like Russia to withdraw its troops.", "withdraw", ("demanded", False)),
    ("Washington wants Pakistan to arrest the militant leaders.", "arrest", ("demanded", False)),
    ("The president tried to get Ukraine to investigate his rival.", "investigate", ("demanded", False)),
    ("Police said the protesters had no option but to surrender.", "surrender", ("demanded", False)),
    ("Neither the minister nor his aides met the Iranian envoy.", "met", ("asserted", True)),
    ("Reporters asked whether the president withheld aid to pressure the government.", "pressure",
     ("hypothetical", False)),
    # controls: the subject's own wish is a plan; a finite push reports the act
    ("Iran wants to meet the Saudi envoy.", "meet", ("planned", False)),
    ("The US persuaded Iran to halt enrichment.", "halt", ("asserted", False)),
    ("The minister met the Iranian envoy.", "met", ("asserted", False)),
])
def test_modality_cases(nlp_model, sentence, word, expected):
    assert _mod(nlp_model, sentence, word) == expected


@pytest.mark.model
def test_purpose_speech_act_of_a_gathering_is_done(nlp_model):
    evs = [e for e in _events(nlp_model, "Kenyan teachers surrounded the parliament in Nairobi to call for higher pay.")
           if e.root == "02"]
    assert evs and all(e.modality == "asserted" for e in evs)


# ------------------------------------------------------------------ model: the coder
@pytest.mark.model
def test_planned_purpose_collapses_into_the_intent(nlp_model):
    evs = _events(nlp_model, "Egypt and Israel will meet to discuss the border.")
    assert {e.code for e in evs} == {"036"}
    assert {(e.source, e.target) for e in evs} == {("EGY", "ISR"), ("ISR", "EGY")}
    # a purpose of an act done is still its own planned act
    evs2 = _events(nlp_model, "Russia massed troops on the border to invade Ukraine.")
    assert any(e.root == "19" and e.modality == "planned" for e in evs2)


@pytest.mark.model
def test_demanded_cooperation_is_not_asserted(nlp_model):
    evs = _events(nlp_model, "Iraq must cooperate with the United Nations.")
    assert evs and all(e.modality == "demanded" for e in evs)


@pytest.mark.model
def test_noun_act_reaches_into_its_of_phrase(nlp_model):
    assert ("FRA", "IRN", "160") in _triples(_events(nlp_model, "France announced the suspension of flights to Iran."))


@pytest.mark.model
def test_claimed_hostile_act_is_an_accusation(nlp_model):
    evs = _events(nlp_model, "Indian officials claimed that Pakistani troops had attacked the border post.")
    acc = [e for e in evs if e.code == "112"]
    assert [(e.source, e.target) for e in acc] == [("INDGOV", "PAKMIL")]
    assert acc[0].evidence["trigger"] != acc[0].evidence["source"]


@pytest.mark.model
def test_claimed_own_act_is_a_claim_of_responsibility(nlp_model):
    evs = _events(nlp_model, "The Islamic State claimed that it had bombed the American embassy in Baghdad.")
    claims = [e for e in evs if e.code == "015"]
    assert len(claims) == 1 and not any(e.code == "112" for e in evs)
    assert not [e for e in evs if e.root in ("18", "19")]  # the claimed act is folded into the claim


@pytest.mark.model
def test_claimed_act_of_another_stays_reported(nlp_model):
    evs = _events(nlp_model, "Indian officials claimed that Pakistani troops had attacked the Indian border post.")
    attacks = [e for e in evs if e.root in ("18", "19")]
    assert attacks and all(e.reported_by for e in attacks)
    assert ("INDGOV", "PAKMIL", "112") in _triples(evs)


@pytest.mark.model
def test_us_is_a_name_not_a_pronoun(nlp_model):
    assert ("USA", "LBY", "015") in _triples(_events(nlp_model, "The US asserted on Monday that they had struck Libya."))


@pytest.mark.model
def test_denied_or_threatened_claim_is_no_claim(nlp_model):
    evs = _events(nlp_model, "The Taliban claimed that it had not attacked the American base.")
    assert not any(e.code == "015" for e in evs)


@pytest.mark.model
def test_topic_of_talks_is_not_done(nlp_model):
    evs = _events(nlp_model, "Syria and Turkey held negotiations on a troop pullback from northern Syria.")
    assert not any(e.root == "08" and e.modality == "asserted" for e in evs)


@pytest.mark.model
def test_place_recipient_only_abroad(nlp_model):
    evs = _events(nlp_model, "A Pakistani militant group claimed responsibility for a bombing in Kabul.")
    assert ("PAKREB", "AFG", "015") in _triples(evs)
    evs = _events(nlp_model, "The Indian prime minister expressed condolences for the shootings in Texas.")
    assert ("INDGOV", "USA", "018") in _triples(evs)
    evs = _events(nlp_model, "An Afghan militant group claimed responsibility for a bombing in Kabul.")
    assert all(e.target is None for e in evs if e.code == "015")


@pytest.mark.model
def test_context_source_has_no_span_of_its_own(nlp_model):
    for e in _events(nlp_model, "Two soldiers were killed in a car bombing in Beirut."):
        assert e.evidence["source"] != e.evidence["trigger"]


@pytest.mark.model
def test_said_is_no_claim(nlp_model):
    evs = _events(nlp_model, "Indian officials said that Pakistani troops had attacked the border post.")
    assert not any(e.code in ("112", "015") for e in evs)


@pytest.mark.model
def test_other_foreign_leaders_take_no_context_country(nlp_model):
    evs = _events(nlp_model, "The Russian president spoke by phone with other foreign leaders on Tuesday.")
    assert all(e.target is None or e.target.startswith("---") for e in evs)


@pytest.mark.model
def test_dominant_country_places_domestic_police(nlp_model):
    text = ("Teachers rallied in Indianapolis on Monday. The Indiana governor met union leaders in Indianapolis. "
            "Officials in Fort Wayne and Gary, Indiana, said schools closed. "
            "Police arrested three protesters outside the statehouse.")
    evs = [e for e in _events(nlp_model, text) if e.code.startswith("173")]
    assert evs and evs[0].source == "USACOP"


@pytest.mark.model
def test_no_dominant_country_in_a_mixed_story(nlp_model):
    text = ("The French president met the German chancellor in Berlin. Spain and Italy sent envoys to Paris. "
            "Police arrested three protesters outside the building.")
    assert not [e for e in _events(nlp_model, text) if e.code.startswith("173")]


@pytest.mark.model
def test_subj_and_not_dep_requirements(nlp_model, tmp_path):
    coder = _custom(tmp_path, (
        "  - id: t.back\n    code: \"051\"\n    verb: [back]\n    requires: {not_dep: [acl, amod]}\n"
        "    example: Rwanda backed the rebels.\n"
        "  - id: t.praise\n    code: \"051\"\n    verb: [praise]\n    requires: {subj: [leg]}\n"
        "    example: Rwanda backed the rebels.\n"))
    doc = coder(nlp_model("Rebels backed by Rwanda attacked the town of Goma."))
    assert not [e for e in doc._.events if e.code == "051"]
    doc = coder(nlp_model("Rwanda backed the rebels in Congo."))
    assert [e for e in doc._.events if e.code == "051"]
    doc = coder(nlp_model("The French parliament praised Germany."))
    assert [e for e in doc._.events if e.code == "051"]
    doc = coder(nlp_model("The French army praised Germany."))
    assert not [e for e in doc._.events if e.code == "051"]


@pytest.mark.model
@pytest.mark.parametrize("sentence, word, expected", [
    ("Swedish prosecutors dropped the investigation into the senator.", "investigation", ("asserted", True)),
    ("Police closed their probe into the shooting.", "probe", ("asserted", True)),
    ("The army dropped bombs on the village.", "bombs", ("asserted", False)),
    ("Swedish prosecutors opened an investigation into the senator.", "investigation", ("asserted", False)),
])
def test_closing_verbs_end_their_object(nlp_model, sentence, word, expected):
    assert _mod(nlp_model, sentence, word) == expected


@pytest.mark.model
def test_summoned_to_protest_is_one_protest(nlp_model):
    evs = _events(nlp_model, "Iran summoned the French ambassador to protest the arrests.")
    assert any(e.code == "114" for e in evs) and not any(e.root == "14" for e in evs)
    # a street act done to protest keeps its protest
    evs = _events(nlp_model, "Kenyan teachers surrounded the parliament in Nairobi to protest the cuts.")
    assert any(e.root == "14" for e in evs)


@pytest.mark.model
def test_planned_act_purpose_is_dropped_only_with_the_same_parties(nlp_model):
    evs = _events(nlp_model, "Dutch farmers announced they would blockade Amsterdam to demand lower fuel taxes.")
    assert not any(e.root == "10" for e in evs)


@pytest.mark.model
def test_protest_abroad_is_aimed_at_the_host_country(nlp_model):
    evs = [e for e in _events(nlp_model, "Ukrainian activists staged a protest in Moscow on Sunday.") if e.root == "14"]
    assert evs and all(e.source.startswith("UKR") and e.target == "RUS" for e in evs)
