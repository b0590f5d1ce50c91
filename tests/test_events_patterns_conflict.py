"""Conflict-side patterns (CAMEO roots 10-20): new phrasings code as meant, look-alikes do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.patterns import load_patterns

pytestmark = pytest.mark.model

CONFLICT_ROOTS = {f"{i}" for i in range(10, 21)}


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source, target, pattern) of every event coded in ``text``."""
    return [(e.code, e.source, e.target, e.pattern) for e in nlp(text)._.events]


# sentence, pattern that must fire, CAMEO code, source prefix, target prefix (None: any)
POSITIVE = [
    ("Syrian soldiers opened fire on Turkish troops near the border.", "fight.open_fire", "193", "SYR", "TUR"),
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", "fight.strike_targets", "190", "ISR", "LBN"),
    ("Clashes between Armenian and Azerbaijani troops left five soldiers dead.", "fight.fighting_between",
     "190", "ARM", "AZE"),
    ("Kurdish fighters clashed with Turkish soldiers in northern Iraq.", "fight.clash_with_forces", "190",
     None, "TUR"),
    ("Saudi Arabia imposed a blockade on Qatar.", "fight.siege", "191", "SAU", "QAT"),
    ("Israeli troops advanced into the Lebanese town of Khiam.", "fight.push_into", "190", "ISR", "LBN"),
    ("Israel and Hamas traded accusations over the collapse of the truce.", "disapprove.trade_blame", "112",
     "ISR", "PSE"),
    ("Armenia traded accusations with Azerbaijan on Monday.", "disapprove.trade_blame_with", "112", "ARM", "AZE"),
    ("Beijing halted imports of Australian coal.", "reduce.halt_trade", "163", "CHN", "AUS"),
    ("Russia imposed a ban on Polish fruit imports.", "reduce.import_ban_noun", "163", "RUS", "POL"),
    ("The Houthis vowed retaliation against the United States.", "threaten.vow_revenge", "138", "YEM", "USA"),
    ("Taiwanese soldiers fired warning shots at a Chinese drone.", "posture.warning_shots", "150", "TWN", "CHN"),
    ("Russia staged massive nuclear drills near the Finnish border.", "posture.drills", "150", "RUS", None),
    ("Pakistan conducted a test launch of a ballistic missile.", "posture.test_launch_noun", "150", "PAK", None),
    ("Putin ordered troops into the separatist regions of eastern Ukraine.", "posture.order_troops", "154",
     "RUS", None),
    ("Supporters of the former president stormed the Congress in Brasilia.", "protest.storm_building", "145",
     "BRA", "BRA"),
    ("Turkish police raided the offices of an opposition newspaper in Istanbul.", "coerce.raid_premises", "170",
     "TURCOP", "TUR"),
    ("Pakistan closed the border crossing with Afghanistan.", "reduce.close_border", "160", "PAK", "AFG"),
    ("Britain closed its embassy in Damascus on Thursday.", "reduce.close_embassy", "161", "GBR", "SYR"),
    ("Russia suspended a nuclear arms treaty with the United States.", "reduce.suspend_treaty", "160", "RUS",
     "USA"),
    ("Mali announced its withdrawal from the Economic Community of West African States.",
     "reduce.withdrawal_noun", "166", "MLI", "IGO"),
    ("North Korea blew up sections of roads connecting it with South Korea.", "coerce.blow_up_property", "1712",
     "PRK", None),
    ("Russian forces used glide bombs against Ukrainian positions near Kharkiv.", "fight.use_weapons", "190",
     "RUS", "UKR"),
    ("Syrian helicopters dropped barrel bombs on rebel-held Aleppo.", "fight.drop_bombs", "195", "SYR", None),
    ("Russia warned that it would strike Ukraine if attacked again.", "threaten.warn_that", "138", "RUS", "UKR"),
    ("Ecuador's president imposed a state of siege on Guayaquil for two months.", "coerce.state_of_emergency", "1724",
     "ECU", "ECU"),
    ("Ukraine demanded the withdrawal of Russian forces from its territory.", "demand.verb", "106", "UKR", "RUS"),
    ("Beijing demanded that Manila withdraw its coast guard ship from the shoal.", "demand.verb", "106", "CHN",
     "PHL"),
    ("Georgian students took to the streets of Tbilisi against the government.",
     "protest.take_to_streets", "141", "GEO", "GEOGOV"),
    ("Opposition supporters poured into the streets of Caracas on Saturday.", "protest.pour_into_streets", "141",
     "VEN", "VEN"),
    ("Military officers in Gabon said they had placed President Ali Bongo under house arrest.",
     "coerce.house_arrest", "173", "GAB", "GABGOV"),
    ("Ukraine shot down 40 Russian drones overnight.", "fight.shoot_down", "190", "UKR", "RUS"),
    ("Protesters clashed with police in central Tehran.", "protest.clash_with", "145", "IRN", "IRNCOP"),
    ("Indian and Chinese soldiers clashed in the Galwan valley.", "fight.clash_armed", "190", "IND", "CHN"),
    ("Kenyan police clashed with opposition protesters in Nairobi.", "coerce.clash_with_crowds", "175", "KENCOP",
     "KENOPP"),
    ("Ecuadorean police stormed the Mexican embassy in Quito.", "coerce.raid_premises", "170", "ECU", "MEX"),
    ("Thai and Cambodian troops clashed along their border, with Thailand launching air strikes on Cambodian "
     "military targets.", "fight.air_strike_launched", "195", "THA", "KHM"),
]


@pytest.mark.parametrize(("text", "pattern", "code", "source", "target"), POSITIVE)
def test_new_conflict_pattern_codes(nlp_model, text, pattern, code, source, target):
    events = [e for e in coded(nlp_model, text) if e[3] == pattern]
    assert events, coded(nlp_model, text)
    assert all(e[0] == code for e in events)
    if source:
        assert any((e[1] or "").startswith(source) for e in events), events
    if target:
        assert any((e[2] or "").startswith(target) for e in events), events


NEGATIVE = [
    # sentence, CAMEO roots that must not be coded
    ("The national legislature will open on Tuesday in Beijing.", {"13", "19"}),
    ("Analysts said the company hit its sales target in China.", {"19"}),
    ("The school held a fire drill on Monday.", {"15"}),
    ("The United States and Japan held joint naval drills in the Pacific.", {"15"}),
    ("Two Chinese firms traded shares on Monday.", {"11"}),
    ("The minister promised a quick response to the farmers' letter.", {"13"}),
    ("Niger's junta ordered French troops to leave the country.", {"15"}),
    ("Protesters clashed with police in Nairobi.", {"19"}),
    ("Refugees poured into Poland from Ukraine.", {"19"}),
    ("Prices pushed into record territory in London.", {"19"}),
    ("Police fired tear gas at protesters in Paris.", {"19"}),
    ("Taiwanese soldiers fired warning shots at a Chinese drone.", {"19"}),
    ("The city closed the border of the park for repairs.", {"16"}),
    ("The company suspended its partnership with the football club.", {"16"}),
    ("North Korea blew up sections of roads connecting it with South Korea.", {"18"}),
    ("The World Food Programme warned that famine was imminent in northern Gaza.", {"13"}),
    ("Seoul said it would partially suspend a military agreement signed in 2018.", {"13", "16", "17"}),
    ("The army used drones to monitor the border with Mexico.", {"19"}),
    ("The president said the state of the economy was strong.", {"17"}),
    ("Clashes between protesters and police in Lagos left two dead.", {"19"}),
    ("Water poured into the streets of Venice after the storm.", {"14"}),
    ("The company took the case to the supreme court.", {"14"}),
    ("The senator shot down the proposal from the White House.", {"18", "19"}),
    ("The central bank brought down inflation in Turkey.", {"19"}),
    ("Thai and Cambodian troops clashed along their disputed border on Thursday.", {"14"}),
    ("Kurdish fighters clashed with Turkish soldiers in northern Iraq.", {"14"}),
    ("Ecuadorean police stormed the Mexican embassy in Quito.", {"14", "19"}),
    ("Wagner fighters seized military facilities in Rostov and marched toward Moscow.", {"14"}),
    ("Thai and Cambodian troops clashed along their border, with Thailand launching air strikes on Cambodian "
     "military targets.", {"14"}),
    ("Protesters clashed with police in central Tehran.", {"17", "19"}),
    ("Kenyan police clashed with opposition protesters in Nairobi.", {"14", "19"}),
    ("Russian soldiers looted homes in the Ukrainian town of Bucha.", {"14"}),
]


@pytest.mark.parametrize(("text", "roots"), NEGATIVE)
def test_lookalikes_do_not_code(nlp_model, text, roots):
    events = coded(nlp_model, text)
    assert not [e for e in events if e[0][:2] in roots], events


def test_tear_gas_stays_crowd_control(nlp_model):
    events = coded(nlp_model, "Police fired tear gas at protesters in Paris.")
    assert any(e[0] == "175" for e in events), events


@pytest.mark.parametrize("pattern_id", sorted({p for _, p, *_ in POSITIVE} - {"demand.verb"}))
def test_new_entry_example_codes_as_its_entry(nlp_model, pattern_id):
    ps = load_patterns()
    entry = next(p for table in (ps.verbs, ps.nouns) for ps_ in table.values() for p in ps_ if p.id == pattern_id)
    assert entry.code and entry.code[:2] in CONFLICT_ROOTS
    events = [e for e in coded(nlp_model, entry.example) if e[3] == pattern_id]
    # a folding entry refines its code by the folded act ("warned it would strike" -> 138), within its root
    width = 2 if entry.fold else len(entry.code)
    assert events and all(e[0][:width] == entry.code[:width] for e in events), coded(nlp_model, entry.example)
