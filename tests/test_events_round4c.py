"""Round-4c engine and pattern rules: each codes its own sentence, near misses do not. Sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.patterns import foreign_target_ok, load_patterns

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = nlp(text)
    return [(e.code, e.source, e.target, e.pattern) for e in doc._.events if not e.negated]


# (sentence, entry id, CAMEO code, source, target)
CODED = [
    # 4: a truce named as an agreement or deal, violated (the compound modifier of the object counts)
    ("Russian forces violated the ceasefire agreement with Ukraine on Sunday.", "fight.violate_ceasefire_accord",
     "196", "RUSMIL", "UKR"),
    ("Rebel fighters breached the truce deal with the Sudanese army overnight.", "fight.violate_ceasefire_accord",
     "196", "SDNREB", "SDNMIL"),
    # 5: another state's troops told to leave: an expulsion
    ("Mali ordered French troops to leave the country.", "reduce.order_troops_out", "166", "MLI", "FRAMIL"),
    ("The Chadian government told French soldiers to vacate their bases.", "reduce.order_troops_out", "166",
     "TCDGOV", "FRAMIL"),
    # 7: a damning adjective under "as"
    ("The Turkish minister described the Israeli strikes as illegal.", "disapprove.describe_as", "111",
     "TURGOV", "ISR"),
    # 7: a noun act's required phrase hung by the parser on the verb it is the object of
    ("A Kenyan court issued a warrant on Friday for the arrest of the Somali militia leader.",
     "coerce.warrant_for_arrest", "173", "KENJUD", "SOMMIL"),
    # 8: a threat to freeze assets is a threat of sanctions; "new sanctions against X" proposed
    ("Washington threatened to freeze the assets of Venezuelan officials.", "threaten.verb", "1312", "USAGOV",
     "VENGOV"),
    ("The European Union proposed new sanctions against Iran.", "threaten.propose_sanctions", "1312",
     "IGOEUREEC", "IRN"),
]

# (sentence, code or entry that must not appear)
NOT_CODED = [
    # 4: a nuclear deal breached is no ceasefire violation
    ("Iran breached its nuclear pact with Western powers.", "196"),
    # 5: one's own troops told to leave a place are withdrawn, not expelled
    ("Putin ordered Russian troops to leave Kherson.", "166"),
    ("The Nigerian president ordered Nigerian soldiers to leave the town.", "166"),
    # 5: the order's content folds into the expulsion: no separate withdrawal by the troops
    ("Niger told American soldiers to withdraw from its territory.", "0874"),
    # 7: a neutral "as" word is no criticism
    ("The Turkish minister described the Israeli visit as brief.", "111"),
    # 6: another party's act under a refusal is neither done nor refused by that party
    ("Egypt refused to allow Iran to send weapons to Hamas.", "072"),
    ("Egypt refused to allow Iran to send weapons to Hamas.", "1222"),
    ("Hungary declined to let Ukraine use its airspace to attack Russia.", "190"),
    # 6: the purpose of a refused act was never acted on
    ("Turkey refused to send troops to help the Syrian rebels.", "070"),
    ("Turkey refused to send troops to help the Syrian rebels.", "033"),
]


@pytest.mark.parametrize(("text", "entry", "code", "source", "target"), CODED)
def test_entry_codes_its_sentence(nlp_model: Language, text: str, entry: str, code: str, source: str,
                                  target: str | None) -> None:
    got = _events(nlp_model, text)
    assert (code, source, target, entry) in got, got


@pytest.mark.parametrize(("text", "code"), NOT_CODED)
def test_near_miss_is_not_coded(nlp_model: Language, text: str, code: str) -> None:
    got = _events(nlp_model, text)
    assert code not in [c for c, *_ in got], got


def test_fight_in_court_entry() -> None:
    ps = load_patterns()
    entries = [p for ps_ in ps.verbs.values() for p in ps_ if p.id == "disapprove.fight_in_court"]
    assert entries and entries[0].code == "115"
    assert "court" in entries[0].requires["pobj"]["in"]


def test_fight_in_court_trailing_phrase(nlp_model: Language) -> None:
    # "in court" hung by the parser on the object's phrase still counts; a ban contested elsewhere does not
    got = _events(nlp_model, "The Kenyan opposition contested the Kenyan government's ban on rallies in court.")
    assert ("115", "KENOPP", "KENGOV", "disapprove.fight_in_court") in got, got
    got = _events(nlp_model, "The Kenyan opposition contested the Kenyan government's ban on rallies in parliament.")
    assert "115" not in [c for c, *_ in got], got
    # vowed, it is a threat (130) aimed at the ban's author, not an intent to cooperate
    got = _events(nlp_model, "The Kenyan opposition vowed to contest the Kenyan government's ban on rallies in court.")
    assert ("130", "KENOPP", "KENGOV", "intent.vow") in got, got


def test_same_country_target_any_sector() -> None:
    ps = load_patterns()
    p = next(p for ps_ in ps.verbs.values() for p in ps_ if p.id == "reduce.order_troops_out")
    assert p.foreign_party
    assert not foreign_target_ok(p, "RUSGOV", "RUSMIL")
    assert foreign_target_ok(p, "MLI", "FRAMIL")


# 1: a complement whose doer is "you" names no target
def test_second_person_complement_has_no_target(nlp_model: Language) -> None:
    got = _events(nlp_model, "The Chinese president urged you to respect Taiwan's sovereignty.")
    assert not any(t == "TWN" for _c, _s, t, _p in got), got
    got = _events(nlp_model, "Beijing demanded that Tokyo stop provoking China.")
    assert ("100", "CHNGOV", "JPNGOV", "demand.verb") in got, got


def test_adverbial_clause_inside_complement_names_no_target(nlp_model: Language) -> None:
    # a time clause inside the demanded clause ("before Nigeria closes ...") is not what is demanded
    got = _events(nlp_model, "The rebels insisted that the meeting must happen before Nigeria closes the border.")
    assert not any(t == "NGA" for _c, _s, t, _p in got), got
    got = _events(nlp_model, "The Ghanaian minister said the country must hold the vote, after Nigeria criticized the delay.")
    assert not any(t == "NGA" for _c, _s, t, _p in got), got
    # the condition of a threat still names its target
    got = _events(nlp_model, "Iran threatened to close the strait if Washington imposed new sanctions.")
    assert any(c.startswith("13") and t == "USAGOV" for c, _s, t, _p in got), got


# 2: a firm's people meeting abroad are not of the host country; a newspaper based there is
def test_nonstate_sector_not_placed_by_embedded_clause(nlp_model: Language) -> None:
    got = _events(nlp_model, "Airline executives meeting in Brussels criticized the new tax.")
    assert not any(s == "BELBUS" for _c, s, _t, _p in got), got


def test_seated_party_takes_its_seat_country(nlp_model: Language) -> None:
    got = _events(nlp_model, "A newspaper based in Nairobi criticized the Ugandan government over the arrests.")
    assert any(s == "KENMED" and c.startswith("11") for c, s, _t, _p in got), got


# 3: the doer of a relative clause is the noun it modifies, never a modifier deep in that noun's phrase
def test_relative_clause_source_is_modified_noun(nlp_model: Language) -> None:
    got = _events(nlp_model, "She led a campaign against British rule who shot the Irish governor in 1920.")
    assert not any(s == "GBR" for _c, s, _t, _p in got), got
    got = _events(nlp_model, "A Kurdish activist opposed to Iraqi rule who attacked the Turkish consulate was arrested.")
    assert not any(s == "IRQ" for _c, s, _t, _p in got), got
    # a relative clause on a noun that names an actor keeps it as the doer
    got = _events(nlp_model, "The Serbian official who assassinated the Austrian envoy was executed.")
    assert any(c == "186" and s == "SRBGOV" for c, s, _t, _p in got), got


# 9: what the helped verb acts on is not the recipient of the help
def test_help_purpose_object_is_no_recipient(nlp_model: Language) -> None:
    got = _events(nlp_model, "Israel will send a team to help identify Israeli victims of the plane crash in Ukraine.")
    assert not any(t == "ISRCVL" for _c, _s, t, _p in got), got
    got = _events(nlp_model, "Japan sent rescuers to help Turkey after the earthquake.")
    assert any(c == "073" and t == "TUR" for c, _s, t, _p in got), got
