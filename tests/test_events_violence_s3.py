"""Violence and coercion, round 3: what a told act of violence is, who did it, and one event per act.

Every sentence here was written for this test: crowds wrecking property (a riot, 145), soldiers killed
by no one named (combat, 190), tolls told with the attack that caused them ("died in Russian drone
shelling"), weapons whose launcher is named in their own phrase, plainly or hedged ("a missile believed
to have been fired by ..."), one act told twice ("killed 12 people when they opened fire"), and look-alikes
that must yield no violence (accidents, sport, metaphors).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.errors import DataFileError
from eventwire.events.merge import VIOLENCE_FILE, _fuller_target, load_violence, recode_violence
from eventwire.records import Event

VIOLENT = ("18", "19", "20")


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source, target, pattern) of every event coded in ``text``."""
    return [(e.code, e.source, e.target, e.pattern) for e in nlp(text)._.events]


# ---------------------------------------------------------------- data file and pure helpers

def test_violence_file_loads_and_is_consistent() -> None:
    lex = load_violence()
    assert lex.riot_code == "145" and lex.combat_code == "190"
    assert "protester" in lex.crowd_actors and "rioter" in lex.crowd_actors
    assert "believe" in lex.hedge_verbs and "fire" in lex.launch_verbs
    assert lex.weapon_codes["missile"] == "195" and lex.weapon_codes["mortar"] == "194"
    assert "MIL" in lex.armed_sectors


@pytest.mark.parametrize("body, reason", [
    ("riot_code: 145x\n", "riot_code"),  # also missing lists: the first problem found is reported
    ("crowd_actors: [Protester]\n", "crowd_actors"),
    ("bogus_list: [a]\n", "unknown list"),
])
def test_malformed_violence_file_raises(tmp_path: Path, body: str, reason: str) -> None:
    good = VIOLENCE_FILE.read_text(encoding="utf-8")
    key = body.split(":")[0]
    lines = [ln for ln in good.splitlines() if not ln.startswith(key + ":")]
    bad = tmp_path / "violence.yml"
    bad.write_text("\n".join(lines) + "\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_violence(str(bad))
    assert reason in str(err.value)


def _event(code: str, source: str, target: str | None, evidence_source: list[int] | None) -> Event:
    return Event(doc_id="d", sentence_index=0, sentence="s", source=source, code=code, target=target,
                 evidence={"source": evidence_source, "target": None, "trigger": [0, 1]})


def test_unattributed_killing_of_soldiers_is_combat() -> None:
    # the source is the place's country, made up from context (no span of its own)
    e = recode_violence(_event("180", "MLI", "MLIMIL", None), None)
    assert e.code == "190" and e.root == "19" and e.plover == "ASSAULT"


@pytest.mark.parametrize("event", [
    _event("180", "MLI", "MLICVL", None),  # civilians killed by unknown attackers stay 18x
    _event("180", "MLIREB", "MLIMIL", [0, 7]),  # the attacker is named: its own act
    _event("1833", "AFG", "AFGMIL", None),  # a roadside bomb keeps its own code
])
def test_other_killings_keep_their_code(event: Event) -> None:
    assert recode_violence(event, None).code == event.code


def test_fuller_target_completes_country_with_sector() -> None:
    keep, other = _event("193", "PSEREB", "ISR", [0, 5]), _event("180", "PSEREB", "---CVL", [0, 5])
    assert _fuller_target(keep, other)[0] == "ISRCVL"
    assert _fuller_target(_event("193", "X", None, None), keep)[0] == "ISR"
    assert _fuller_target(keep, _event("180", "PSEREB", "PSECVL", [0, 5]))[0] == "ISR"  # other country: keep own


# ---------------------------------------------------------------- model: what is coded

# sentence, CAMEO code, source prefix, target prefix
POSITIVE = [
    # a crowd's wrecking is a riot (145), not coercion
    ("Rioters torched cars in the suburbs of Paris overnight.", "145", "FRA", "FRA"),
    ("Protesters set fire to a police station in Dhaka.", "145", "BGD", "BGD"),
    ("The town hall was torn down by protesters in Lima.", "145", "PER", "PER"),
    ("Angry demonstrators burned the ruling party's headquarters in Bishkek.", "145", "KGZ", "KGZ"),
    ("The French embassy was set on fire by a Malian protestor.", "145", "MLI", "FRA"),
    ("Protestors set fire to a government building in Nairobi.", "145", "KEN", "KEN"),
    # soldiers killed with no one named: combat (190), placed where it happened
    ("Ten soldiers were killed in an attack in northern Burkina Faso.", "190", "BFA", "BFAMIL"),
    ("Two Iraqi soldiers were killed in clashes in Anbar province.", "190", "IRQ", "IRQMIL"),
    # a toll in fighting with a named side: that side fought them
    ("Four Nigerian troops died in fighting with Boko Haram in Borno.", "190", "NGAREB", "NGAMIL"),
    ("Three Kenyan soldiers were killed in clashes with al-Shabaab militants near the border.", "190", "SOMREB",
     "KENMIL"),
    # victims of a nominal attack with a national attacker (a dateline must not become the victim)
    ("Three children and a woman died in Israeli artillery shelling in the south of Lebanon on Sunday night, "
     "doctors said.", "194", "ISR", "LBNCVL"),
    ("KHAN YOUNIS, Palestinian Territories: Two teenagers were killed in Israeli artillery shelling east of the "
     "town on Monday.", "194", "ISR", "PSECVL"),
    ("Six villagers were killed in a Turkish air strike in northern Iraq.", "195", "TUR", "IRQCVL"),
    # ... also with a count of wounded the parser makes the subject of a verb "shelling"
    ("Five children and two women were killed and ten wounded in Israeli mortar shelling near Rafah.", "194",
     "ISR", "PSECVL"),
    # ... and with the attacker in the attack's own by-phrase (no place-made source then)
    ("Three civilians were wounded in shelling by Russian forces in Kharkiv.", "194", "RUS", "UKRCVL"),
    ("Dozens of civilians were killed in attacks by Islamist militants in Burkina Faso.", "180", "BFAREB",
     "BFACVL"),
    # the launcher of a weapon named in the weapon's phrase, plainly or hedged; the weapon sets the code
    ("Two Israeli soldiers were killed by a rocket fired by Hezbollah.", "195", "LBN", "ISRMIL"),
    ("Five Yemeni fishermen were killed by a missile thought to have been launched by Saudi warplanes.", "195",
     "SAU", "YEM"),
    ("A cargo plane was shot down over Ukraine's Donetsk region by a missile believed to have been fired by "
     "Russian troops.", "190", "RUS", "UKR"),
    # a passive attack that names no one it hit: its toll is the act
    ("The village was attacked by Sudanese militiamen on Sunday, killing twelve residents.", "180", "SDN", "SDN"),
    # property destroyed by troops stays 1712
    ("Israeli troops tore down a Palestinian school near Hebron.", "1712", "ISR", "PSE"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, code, source, target", POSITIVE)
def test_violence_coded(nlp_model: Language, text: str, code: str, source: str, target: str) -> None:
    got = coded(nlp_model, text)
    assert any(c == code and (s or "").startswith(source) and (t or "").startswith(target) for c, s, t, _ in got), got


# one act told twice is one event
ONE_ACT = [
    ("Three Hamas gunmen killed 12 people when they opened fire at a bus stop in Jerusalem.", "193", "ISR"),
    ("Police killed two protesters when they opened fire on a crowd in Nairobi.", "175", "KEN"),
    ("A Ukrainian village was hit by Russian shelling, killing four civilians.", "194", None),
    ("Rioters looted shops and burned a bank in Lagos.", "145", "NGA"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, code, target", ONE_ACT)
def test_one_act_is_one_event(nlp_model: Language, text: str, code: str, target: str | None) -> None:
    got = [g for g in coded(nlp_model, text) if g[0][:2] in (*VIOLENT, "14", "17")]
    assert len(got) == 1, got
    assert got[0][0] == code
    if target:
        assert (got[0][2] or "").startswith(target), got


@pytest.mark.model
def test_trailing_reporter_is_no_victim(nlp_model: Language) -> None:
    got = coded(nlp_model, "Police in Kenya tortured detainees, a human rights group charged on Friday.")
    assert [(c, s, t) for c, s, t, _ in got] == [("1822", "KENCOP", "KENCVL")]


@pytest.mark.model
def test_rocket_launch_is_no_missile_test(nlp_model: Language) -> None:
    got = coded(nlp_model, "Two Israeli soldiers were killed by a rocket fired by Hezbollah.")
    assert all(c[:2] in VIOLENT for c, _s, _t, _p in got), got


NO_VIOLENCE = [
    # accidents and disasters are never events
    "A bus crash in Kenya killed twelve people.",
    "Twenty people died in a fire at a market in Lagos.",
    "Floods killed 40 villagers in Bangladesh.",
    "Ten soldiers were killed in a helicopter crash in the north of Mali.",
    # sport
    "Liverpool attacked the Chelsea defence in the second half.",
    "The striker shot the ball past the Arsenal goalkeeper.",
    # metaphors
    "The senator attacked the plan in a speech.",
    "The committee shot down the proposal on Monday.",
    "The lawmakers tore down the government's argument in parliament.",
    "The German striker was shot down by critics after the World Cup.",
    "Critics launched a fierce attack on the French government's pension plan.",
    "The Brazilian striker launched a stunning attack on the Argentine goal.",
    "The Indian batsmen bombarded the Australian bowlers with boundaries.",
    # disposal of arms is no attack
    "The Pakistani army blew up a cache of weapons found in a cave in Waziristan.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_VIOLENCE)
def test_no_violence(nlp_model: Language, text: str) -> None:
    got = coded(nlp_model, text)
    assert not [g for g in got if g[0][:2] in VIOLENT or g[0].startswith("1712")], got
