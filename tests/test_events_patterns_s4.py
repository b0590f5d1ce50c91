"""Round 4 pattern fixes, on sentences we wrote: refused permission, bare "help", rejected stances in
relative clauses, broken truce agreements, protests drawn from a party, "demonstrate" meaning show, and
senses of agree/press/blow/destroy/control/defend/resign/clash/fight/retaliate that are no political act."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.patterns import load_patterns

pytestmark = pytest.mark.model


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source, target, pattern) of every event coded in ``text`` as happening (not negated, not
    hypothetical): the events a user counts."""
    return [(e.code, e.source, e.target, e.pattern) for e in nlp(text)._.events
            if not e.negated and e.modality != "hypothetical"]


POSITIVE = [
    # 1. permission given is yielding (080); refused in the future, a rejection (120)
    ("Jordan gave permission to the UN convoy to cross the border.", "yield.grant_permission", "080", "JOR", "IGO"),
    ("Israel will not grant permission to the United Nations for a visit to the camp.", "yield.grant_permission",
     "124", "ISR", "IGO"),
    ("Ankara will not grant permission to American warplanes to use its air bases.", "yield.grant_permission",
     "124", "TUR", "USA"),
    ("Putin says Moscow will not grant Iran permission to help Syria.", "yield.grant_permission", "124", "RUS",
     "IRN"),
    ("Egypt refused Israel permission to land its aircraft.", "reject.deny_request", "120", "EGY", "ISR"),
    # 2. bare help with an actor as object: aid, of the kind the "with" phrase names
    ("Russia helped Syria during the long civil war.", "aid.help_bare", "070", "RUS", "SYR"),
    ("France assisted Mali in its fight against jihadists.", "aid.help_bare", "070", "FRA", "MLI"),
    ("Iran helped the Houthi rebels with missiles and drones.", "aid.help_military", "072", "IRN", "YEM"),
    ("Turkey helped Syria with tents and blankets after the earthquake.", "aid.help_humanitarian", "073",
     "TUR", "SYR"),
    ("The IMF helped Greece with loans during the debt crisis.", "aid.help_economic", "071", "IGO", "GRC"),
    ("China helped Pakistan build the dam.", "aid.help", "070", "CHN", "PAK"),
    # 3. a stance verb as an act still refuses
    ("Germany opposed sending more tanks to the front.", "reject.resist_stance", None, "DEU", None),
    # 5. a truce agreement broken; protests drawn from a state
    ("Israel said Hamas broke the ceasefire agreement in Gaza.", "fight.violate_ceasefire_deal", "196", "PSE",
     None),
    ("The Japanese premier visited the war shrine, drawing angry protests from South Korea.",
     "disapprove.draw_protest", "111", "KOR", "JPN"),
    ("The Indian army's drills near the border drew protests from Pakistan.", "disapprove.draw_protest", "111",
     "PAK", "IND"),
]


@pytest.mark.parametrize(("text", "pid", "code", "src", "tgt"), POSITIVE)
def test_entry_codes_the_act(nlp_model, text, pid, code, src, tgt) -> None:
    events = coded(nlp_model, text)
    hits = [e for e in events if e[3] == pid]
    assert hits, events
    c, s, t, _ = hits[0]
    if code is not None:
        assert c == code, events
    assert s is not None and s.startswith(src), events
    if tgt is not None:
        assert t is not None and t.startswith(tgt), events


def test_future_help_is_a_pledge_of_aid(nlp_model) -> None:
    events = coded(nlp_model, "The United States will help Ukraine, the president said.")
    assert ("033", "USA", "UKR", "aid.help_bare") in events


NEAR_MISSES = [
    # help with no actor as its object, or help as a noun / idiom
    ("The new tax rules helped boost sales in Germany.", ["07"]),
    ("Forensic teams from Britain will help identify the victims.", ["07"]),
    ("The drought helps explain why Kenya imported more maize.", ["07"]),
    ("Cheap oil helped India cut its import bill.", ["07"]),
    ("Low interest rates helped Spain recover.", ["07"]),
    ("Messi helped Barcelona to a 3-0 win over Madrid.", ["07"]),
    ("The government helped farmers hit by the drought.", ["07"]),
    ("Police helped residents evacuate the flooded town.", ["07"]),
    ("The weak euro helped German exporters.", ["07"]),
    ("Merkel said she could not help Greece.", ["07", "12"]),
    ("The EU unveiled a plan to help Greece.", ["07"]),
    ("Putin says Moscow will not grant Iran permission to help Syria.", ["07"]),
    # permission from courts, or denied in the past, is no political yield
    ("The court gave permission to the company to appeal.", ["08", "12"]),
    # unaware of an agreement rejects nothing; a stance in a relative clause is background
    ("The spokeswoman claimed to be unaware of that deal with Iraq.", ["12"]),
    ("Asked about the accord between Moscow and Kiev, Lavrov professed to be unaware of it.", ["12"]),
    ("Beijing, which has long resisted adopting tougher steps against Pyongyang, stayed silent.", ["12"]),
    # "demonstrate" meaning show
    ("The story of Greece demonstrates the destructive potential of public sector unions.", ["14"]),
    ("It was important for Italy to demonstrate solidarity with Britain.", ["14"]),
    ("Russia demonstrated its military power near the Ukrainian border.", ["14"]),
    # other agreements breached are no fighting; a referee's call draws no political protest
    ("Iran violated the nuclear agreement with the West.", ["19"]),
    ("The referee's call drew protests from Brazil.", ["11"]),
    # 6. senses met in real news that are no political event
    ("The MSF psychologist in Lesbos agrees.", ["03"]),
    ("The Korean court agreed with accusations that the president had abused her power.", ["03"]),
    ("The Japanese exchange agreed to be acquired by a brokerage for 3.6 billion yen.", ["03"]),
    ("The marchers pressed on through the night towards the capital.", ["02"]),
    ("Hopefully the governor is just blowing off steam again.", ["18"]),
    ("China's cheap imports have destroyed thousands of American factories, the senator said.", ["17"]),
    ("The ruling party controls only five states.", ["19"]),
    ("A lawyer who defended Chinese dissidents has vanished.", ["05"]),
    ("Attorney Wang Li, who defended Chinese dissidents and evicted farmers, has vanished.", ["05"]),
    ("The Japanese chief executive will resign from the board next month.", ["08"]),
    ("The US defence chief has clashed with the president's son-in-law over policy.", ["19"]),
    ("Beijing said it would fight the US administration's latest threats.", ["19", "13"]),
    ("China retaliated by listing $50 billion of American goods for possible tariffs.", ["19"]),
    ("Police said the Syrian refugee was holding a pipe with a knob at the end.", ["04"]),
]


STILL_CODED = [
    ("Iran agreed with Iraq on a new border crossing.", "030", "intent.agree"),
    ("The Iraqi prime minister held a meeting with the Iranian ambassador.", "040", "consult.hold_with"),
    ("The Iraqi prime minister discussed security with the Iranian ambassador.", "040", "consult.discuss"),
    ("Seoul and Tokyo agreed to resume defence talks next month.", "036", "intent.agree_to"),
    ("The United States pressed Iran to release the sailors.", "025", "appeal.urge"),
    ("Separatists bombed a gas pipeline in Baluchistan.", "183", "assault.bomb_verb"),
    ("Israeli troops demolished the homes of Palestinian suspects in Hebron.", "1712", "coerce.destroy"),
    ("Russian forces control most of the Donetsk region.", "192", "fight.occupy"),
    ("Moscow defended Damascus against Western criticism at the United Nations.", "052", "diplo.defend"),
    ("The Peruvian prime minister resigned after mass protests.", "0831", "yield.resign"),
    ("Thai and Cambodian troops clashed along their disputed border on Thursday.", "190", "fight.clash_armed"),
    ("Israel retaliated against Hezbollah positions in southern Lebanon.", "190", "fight.retaliate"),
]


def test_accusations_with_no_accuser_are_a_denial(nlp_model) -> None:
    events = coded(nlp_model, "The Pentagon dismissed the accusations.")
    assert [e[:2] for e in events] == [("016", "USAMIL")], events
    assert [e[0] for e in coded(nlp_model, "Tehran denied the allegations.")] == ["016"]


def test_accusations_with_an_accuser_reject_the_accuser(nlp_model) -> None:
    # the accused's denial is CAMEO's denial 016, aimed at the accuser (engine round 4b, reframe.py)
    events = coded(nlp_model, "Syria rejected Turkish accusations that it shelters the rebels.")
    assert ("016", "SYR", "TUR", "reject.deny") in events, events
    events = coded(nlp_model, "Rwanda denied accusations by Congo that it backs the M23 rebels.")
    assert ("016", "RWA", "COD", "reject.deny") in events, events


@pytest.mark.parametrize(("text", "code", "pid"), STILL_CODED)
def test_narrowed_entries_still_code_their_act(nlp_model, text, code, pid) -> None:
    events = coded(nlp_model, text)
    assert any(e[0] == code and e[3] == pid for e in events), events


@pytest.mark.parametrize(("text", "roots"), NEAR_MISSES)
def test_look_alike_codes_nothing_of_these_roots(nlp_model, text, roots) -> None:
    events = coded(nlp_model, text)
    assert not [e for e in events if e[0][:2] in roots], events


def test_street_protests_still_code(nlp_model) -> None:
    events = coded(nlp_model, "Thousands of students demonstrated against the government in Dhaka.")
    assert any(e[0] == "141" and e[3] == "protest.demonstrate" for e in events), events


def test_new_entries_load_with_their_codes() -> None:
    ps = load_patterns()
    by_id = {p.id: p for lst in (*ps.verbs.values(), *ps.nouns.values()) for p in lst}
    assert by_id["yield.grant_permission"].refusal == "124"
    assert by_id["aid.help_bare"].code == "070"
    assert by_id["protest.demonstrate_show_suppress"].suppress
    assert "relcl" in by_id["reject.resist_stance"].requires["not_dep"]
