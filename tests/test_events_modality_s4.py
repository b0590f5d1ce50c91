"""Modality round 4: generic and habitual clauses (no event), writers' forecasts, fears, past ability,
necessity laid on another actor ("must continue for X to allow"). Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_doc
from spacy.language import Language

from eventwire.errors import DataFileError
from eventwire.events.modality import MODALITY_FILE, load_cues, modality_of
from eventwire.events.modality_rules import generic_cue


def _reading(nlp: Language, sentence: str, word: str) -> tuple[str, bool]:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == word)
    modality, negated, _cue = modality_of(tok)
    return modality, negated


def _codes(nlp: Language, sentence: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(e.source, e.target, e.code, e.modality) for e in nlp(sentence)._.events}


# ------------------------------------------------------------------ pure
def test_new_cue_lists_load():
    c = load_cues()
    assert {"typically", "usually"} <= c.habitual_adverbs
    assert {"when", "whenever"} == c.generic_marks
    assert "require" in c.standing_rule_verbs and "now" in c.new_rule_adverbs
    assert {"probably", "perhaps"} <= c.forecast_adverbs
    assert c.ability_adjectives == {"able", "unable"}
    assert {"vital", "necessary"} <= c.necessity_adjectives


def test_missing_new_list_is_a_data_error(tmp_path: Path):
    text = MODALITY_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "modality.yml"
    bad.write_text("\n".join(line for line in text.splitlines() if not line.startswith("forecast_adverbs")),
                   encoding="utf-8")
    with pytest.raises(DataFileError):
        load_cues(bad)


def test_habitual_adverb_on_hand_built_parse(rec):
    nlp, _ = rec
    # "The agency usually demands payment ." / the same with "demanded" (past: a report, not a habit)
    words = ["The", "agency", "usually", "demands", "payment", "."]
    heads, deps = [1, 3, 3, 3, 3, 3], ["det", "nsubj", "advmod", "ROOT", "dobj", "punct"]
    pos = ["DET", "NOUN", "ADV", "VERB", "NOUN", "PUNCT"]
    doc = build_doc(nlp, words, heads, deps, pos=pos, tags=["DT", "NN", "RB", "VBZ", "NN", "."],
                    lemmas=["the", "agency", "usually", "demand", "payment", "."])
    assert generic_cue(doc[3]) == "usually"
    past = build_doc(nlp, words[:3] + ["demanded"] + words[4:], heads, deps, pos=pos,
                     tags=["DT", "NN", "RB", "VBD", "NN", "."], lemmas=["the", "agency", "usually", "demand", "payment", "."])
    assert generic_cue(past[3]) is None


# ------------------------------------------------------------------ model
@pytest.mark.model
def test_generic_when_clause_is_not_an_act(parser_only):
    s = "When a government imposes sanctions on a neighbour, its own exporters lose money."
    assert _reading(parser_only, s, "imposes")[0] == "hypothetical"
    # must-not: a past "when" clause tells what happened
    assert _reading(parser_only, "When police arrived, they arrested two men.", "arrested")[0] == "asserted"
    assert _reading(parser_only, "When the army arrived, it shelled the town.", "shelled")[0] == "asserted"


@pytest.mark.model
def test_habitual_and_standing_rules(parser_only):
    assert _reading(parser_only, "The ministry typically requires a deposit from foreign firms.", "requires")[0] == \
        "hypothetical"
    assert _reading(parser_only, "The port authority requires payment of all fees within a week.", "requires")[0] == \
        "hypothetical"
    # must-not: a new rule is announced, and a past demand is an act
    assert _reading(parser_only, "The port authority now requires payment of all fees.", "requires")[0] == "asserted"
    assert _reading(parser_only, "The port authority required payment of all fees.", "required")[0] == "asserted"


@pytest.mark.model
def test_generic_events_are_not_coded(nlp_model):
    assert not any(e.code.startswith("10") for e in nlp_model(
        "The Nigerian customs service typically requires payment of duties within ten days.")._.events)


@pytest.mark.model
def test_forecast_hedge_is_hypothetical(parser_only):
    assert _reading(parser_only, "Analysts say Beijing will probably choose a military crackdown.", "crackdown")[0] == \
        "hypothetical"
    assert _reading(parser_only, "Moscow would likely retaliate against the new sanctions.", "retaliate")[0] == \
        "hypothetical"
    # must-not: a plain announced plan, and a hedged past act
    assert _reading(parser_only, "Beijing will hold talks with Seoul next week.", "talks")[0] == "planned"
    assert _reading(parser_only, "The militia probably fired the rockets.", "fired")[0] == "asserted"


@pytest.mark.model
def test_fear_of_a_future_act_is_hypothetical(parser_only):
    assert _reading(parser_only, "Officials fear the rebels will attack the airport.", "attack")[0] == "hypothetical"
    assert _reading(parser_only, "Tokyo fears he will only demand more.", "demand")[0] == "hypothetical"


@pytest.mark.model
def test_past_ability_is_the_act(parser_only):
    assert _reading(parser_only, "Police officers were able to arrest the gunman near the station.", "arrest") == \
        ("asserted", False)
    assert _reading(parser_only, "Rescue teams were unable to reach the village.", "reach") == ("asserted", True)
    # must-not: a future ability stays a possibility
    assert _reading(parser_only, "Police officers will be able to arrest the gunman.", "arrest")[0] == "hypothetical"


@pytest.mark.model
def test_necessity_for_another_actor_is_demanded(parser_only):
    s = "Diplomatic pressure must continue for Syria to allow the United Nations to deliver aid."
    assert _reading(parser_only, s, "allow")[0] == "demanded"
    # must-not: a purpose of the subject's own act stays planned
    assert _reading(parser_only, "Turkey sent troops to secure the border.", "secure")[0] == "planned"


@pytest.mark.model
def test_counterfactual_contraction_is_hypothetical(parser_only):
    assert _reading(parser_only, "The rebels would\u2019ve stormed the town without the rain.", "stormed")[0] == \
        "hypothetical"
    assert _reading(parser_only, "The rebels would have stormed the town.", "stormed")[0] == "hypothetical"
    # must-not: a plain future in the past stays planned
    assert _reading(parser_only, "The rebels said they would storm the town.", "storm")[0] == "planned"


@pytest.mark.model
def test_attempted_force_is_a_demand(parser_only):
    assert _reading(parser_only, "The prince tried to force the minister to resign.", "resign")[0] == "demanded"
    # must-not: a finite "forced" reports the resignation
    assert _reading(parser_only, "The army forced the president to resign.", "resign")[0] == "asserted"


@pytest.mark.model
def test_standing_state_watched_over_is_no_new_act(nlp_model):
    for s in ("UN monitors were sent to monitor the truce between Sudan and South Sudan.",
              "African Union monitors will oversee the ceasefire between Sudan and South Sudan."):
        assert not any(e.source in ("SDN", "SSD") for e in nlp_model(s)._.events), s
    # must-not: a truce agreed, and talks that observers watch, are acts
    assert any(e.root == "03" or e.code.startswith("087") for e in nlp_model(
        "Israel and Hamas agreed to a ceasefire on Sunday.")._.events)
    assert any(e.code == "040" for e in nlp_model("UN observers monitored the talks between Armenia and Azerbaijan.")._.events)


@pytest.mark.model
def test_request_verb_reporting_a_past_clause_is_no_demand(parser_only):
    s = "The women told Chicago police that a gang member had threatened them."
    assert _reading(parser_only, s, "threatened")[0] == "asserted"
    assert _reading(parser_only, "Iran insisted that Israel had violated the truce.", "violated")[0] == "asserted"
    # must-not: real demands stay demanded
    assert _reading(parser_only, "Iran demanded that Israel withdraw its troops.", "withdraw")[0] == "demanded"
    assert _reading(parser_only, "Ankara told Washington to halt its support for the militia.", "halt")[0] == \
        "demanded"
