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
]


@pytest.mark.parametrize(("text", "roots"), NEGATIVE)
def test_lookalikes_do_not_code(nlp_model, text, roots):
    events = coded(nlp_model, text)
    assert not [e for e in events if e[0][:2] in roots], events


def test_tear_gas_stays_crowd_control(nlp_model):
    events = coded(nlp_model, "Police fired tear gas at protesters in Paris.")
    assert any(e[0] == "175" for e in events), events


@pytest.mark.parametrize("pattern_id", sorted({p for _, p, *_ in POSITIVE}))
def test_new_entry_example_codes_as_its_entry(nlp_model, pattern_id):
    ps = load_patterns()
    entry = next(p for table in (ps.verbs, ps.nouns) for ps_ in table.values() for p in ps_ if p.id == pattern_id)
    assert entry.code and entry.code[:2] in CONFLICT_ROOTS
    events = [e for e in coded(nlp_model, entry.example) if e[3] == pattern_id]
    assert events and all(e[0] == entry.code for e in events), coded(nlp_model, entry.example)
