"""Engine round 5: wishes on another actor coded as appeals ("X wants Y to act" like "X urged Y to act"),
verbal reactions aimed at the doer a participle names ("condemned the sanctions imposed by X"), passive
accusations, "resort to" subjects, and acts done after crossing into a country. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.errors import DataFileError
from eventwire.events.wishes import WISH_FILE, WISH_ID, load_wishes, wishes


def _events(nlp: Language, sentence: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(e.source, e.target, e.code, e.modality) for e in nlp(sentence)._.events}


# ------------------------------------------------------------------ pure: the wish data
def test_wish_codes_by_wanted_act():
    w = wishes()
    assert w.code("0841", stopped=False) == "0253"  # a wanted release
    assert w.code("073", stopped=False) == "0233"  # wanted humanitarian aid
    assert w.code("190", stopped=False) == "0212"  # a wanted attack: asking for military cooperation
    assert w.code("190", stopped=True) == "0256"  # a wanted halt to attacks: de-escalation
    assert w.code("0874", stopped=False) == "0256"  # a wanted withdrawal
    assert w.code("111", stopped=False) == "020"  # anything else: a plain appeal
    assert "want" in w.wish_verbs and "like" in w.conditional_wish_verbs


def test_wish_file_is_checked(tmp_path: Path):
    text = WISH_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "wishes.yml"
    bad.write_text(text.replace('"073": "0233"', '"073": "190"'), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_wishes(bad)
    missing = tmp_path / "missing.yml"
    missing.write_text("wish_verbs: [want]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_wishes(missing)


# ------------------------------------------------------------------ model: wishes
@pytest.mark.model
def test_wants_other_actor_to_act_is_an_appeal(nlp_model):
    got = _events(nlp_model, "Germany wants Russia to withdraw all soldiers from Ukraine.")
    assert ("DEU", "RUS", "0256", "asserted") in got
    assert not any(s == "RUS" for s, *_ in got)  # the wanted act is folded into the appeal, as after "urged"
    got = _events(nlp_model, "Japan wants China to send aid to the flood victims.")
    assert {(s, t, c[:3]) for s, t, c, _ in got} == {("JPN", "CHN", "023")}


@pytest.mark.model
def test_would_like_is_a_present_appeal(nlp_model):
    got = _events(nlp_model, "The Egyptian president would like Israel to halt its attacks on Gaza.")
    assert ("EGYGOV", "ISR", "0256", "asserted") in got


@pytest.mark.model
def test_same_shape_as_urged(nlp_model):
    wished = nlp_model("Norway wants Iran to release the detained journalists.")._.events
    urged = nlp_model("Norway urged Iran to release the detained journalists.")._.events
    assert [(e.source, e.target, e.code[:2]) for e in wished] == [(e.source, e.target, e.code[:2]) for e in urged]
    assert wished[0].pattern == WISH_ID and wished[0].code == "0253"


@pytest.mark.model
def test_expects_is_an_appeal_only_for_acts_one_asks_for(nlp_model):
    got = _events(nlp_model, "Washington expects Beijing to release the detained activists.")
    assert any(c == "0253" and s.startswith("USA") and t.startswith("CHN") for s, t, c, _ in got)
    # must-not: a forecast of an attack is no appeal
    got = _events(nlp_model, "Kyiv expects Russia to attack the port again.")
    assert not any(c.startswith("02") for _s, _t, c, _m in got)


@pytest.mark.model
def test_own_wish_and_negated_wish_are_no_appeals(nlp_model):
    got = _events(nlp_model, "Germany wants to withdraw all soldiers from Mali.")
    assert not any(c.startswith("02") for _s, _t, c, _m in got)
    got = _events(nlp_model, "Germany does not want Russia to withdraw its troops.")
    assert not any(c.startswith("02") for _s, _t, c, _m in got)
    # no actor named to appeal to: nothing new
    got = _events(nlp_model, "The French minister wants prices to fall.")
    assert not any(c.startswith("02") for _s, _t, c, _m in got)


# ------------------------------------------------------------------ model: roles
@pytest.mark.model
def test_reaction_to_an_act_named_by_a_participle(nlp_model):
    got = _events(nlp_model, "China criticized the sanctions imposed by Washington last week.")
    assert any(s == "CHN" and (t or "").startswith("USA") and c.startswith("11") for s, t, c, _ in got)
    got = _events(nlp_model, "Iran condemned the decision announced by the Saudi government.")
    assert any(s == "IRN" and (t or "").startswith("SAU") and c.startswith("11") for s, t, c, _ in got)
    # must-not: a non-verbal act keeps its object ("arrested the man wanted by police" is no act on police)
    got = _events(nlp_model, "Kenyan police arrested a man wanted by the Ugandan army.")
    assert not any((t or "").startswith("UGA") for _s, t, _c, _m in got)


@pytest.mark.model
def test_passive_accusation_and_resort_to(nlp_model):
    got = _events(nlp_model, "The opposition leader was accused by the Kenyan government of inciting violence.")
    assert any(s == "KENGOV" and c.startswith("112") for s, _t, c, _m in got)
    got = _events(nlp_model, "Pakistani troops resorted to firing on the crowd.")
    assert any(s == "PAKMIL" and c.startswith("19") for s, _t, c, _m in got)


@pytest.mark.model
def test_act_after_crossing_into_a_country_targets_it(nlp_model):
    got = _events(nlp_model, "Rebels from Sudan crossed into Chad and raided a village.")
    assert ("SDNREB", "TCD", "190", "asserted") in got
    got = _events(nlp_model, "Sudanese rebels raided a village after crossing into Chad.")
    assert any(t == "TCD" and c.startswith("19") for _s, t, c, _m in got)
    # must-not: with no crossing, an unnamed village is no one's
    got = _events(nlp_model, "Sudanese rebels raided a village on Monday.")
    assert not any(t == "TCD" for _s, t, _c, _m in got)


@pytest.mark.model
def test_named_apposition_is_the_target(nlp_model):
    got = _events(nlp_model, "Egypt imposed sanctions on its western neighbour, Libya.")
    assert any(s == "EGY" and t == "LBY" and c.startswith("16") for s, t, c, _ in got)
    got = _events(nlp_model, "Saudi Arabia has imposed a trade embargo on a fellow US ally in the Gulf, Qatar.")
    targets = {t for _s, t, c, _m in got if c.startswith("16")}
    assert targets == {"QAT"}  # the modifier "US" only describes the ally
    # must-not: a plain national modifier still names the party ("imposed sanctions on Russian banks")
    got = _events(nlp_model, "Canada imposed sanctions on Russian banks.")
    assert any((t or "").startswith("RUS") for _s, t, _c, _m in got)


@pytest.mark.model
def test_deportation_destination_is_not_the_deporter(nlp_model):
    # no deporting state named: the receiving country is not it
    got = _events(nlp_model, "Dozens of migrants were deported to Afghanistan on Tuesday.")
    assert not any((s or "").startswith("AFG") for s, _t, _c, _m in got)
    got = _events(nlp_model, "Migrants due to be expelled to Turkey are also detained at the police station.")
    assert not any((s or "").startswith("TUR") for s, _t, _c, _m in got)
    # must-not: a named deporter and an origin "from" keep working
    got = _events(nlp_model, "Afghan refugees were deported from Iran.")
    assert any((s or "").startswith("IRN") and c.startswith("174") for s, _t, c, _m in got)
    got = _events(nlp_model, "Germany deported 50 migrants to Afghanistan on Tuesday.")
    assert any(s == "DEU" and c.startswith("174") for s, _t, c, _m in got)
