"""Round-2 pattern entries for weak PLOVER types: each codes its own sentence, near misses do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.events.patterns import load_patterns

pytestmark = pytest.mark.model

# (sentence, entry id, CAMEO code, source, target); sentences written for these tests
CODED = [
    ("Russia called up 300,000 reservists for the war in Ukraine.", "posture.call_up", "154", "RUS", None),
    ("Beijing sent warplanes into Taiwan's air defence zone.", "posture.deploy", "154", "CHNGOV", "TWN"),
    ("The European Union froze the assets of Russian oligarchs.", "reduce.freeze_assets", "163",
     "IGOEUREEC", "RUS"),
    ("Britain imposed an asset freeze on Iranian officials.", "reduce.asset_freeze_noun", "163", "GBR", "IRNGOV"),
    ("Japan sent doctors and rescuers to Turkey after the earthquake.", "aid.send_medics", "073", "JPN", "TUR"),
    ("The rebels laid down their arms in Colombia.", "yield.lay_down_arms", "0873", "COLREB", None),
    ("Hamas handed over four Israeli hostages to the Red Cross.", "yield.hand_over_captives", "0841",
     "PSEREB", "ISRCVL"),
    ("Kenyan nurses walked off the job over unpaid wages.", "protest.walk_off_job", "143", "KENHLH", "KENGOV"),
    ("South African miners downed tools at the platinum mine.", "protest.down_tools", "143", "ZAFLAB", "ZAFGOV"),
    ("Palestinian youths threw stones at Israeli soldiers in Hebron.", "protest.throw_stones", "145",
     "PSECVL", "ISRMIL"),
    ("Angry Kenyan protesters pelted police with stones in Nairobi.", "protest.pelt", "145", "KENOPP", "KENCOP"),
    ("Police broke up a rally of Turkish opposition supporters in Istanbul.", "coerce.break_up_protest", "175",
     "TURCOP", "TUROPP"),
    # changed entry: a place gives the target when the property has no named owner
    ("Sudanese militias torched villages in Darfur.", "coerce.destroy", "1712", "SDNMIL", "SDN"),
    ("The United Nations dispatched human rights investigators to Myanmar.", "investigate.send_inspectors", "090",
     "IGOUNO", "MMR"),
    # the suppress entry leaves rallies that nobody broke up alone
    ("Kenyan students held a protest against fee increases in Nairobi.", "protest.demonstration_noun", "141",
     "KENEDU", "KENGOV"),
]

NOT_CODED = [
    # throwing things that are no missiles, or support
    ("The Indian captain threw the ball to the Pakistani batsman.", "145"),
    ("The minister threw his support behind the Kenyan opposition.", "145"),
    # soldiers throwing grenades are not crowds protesting
    ("Israeli soldiers threw stun grenades at Palestinian protesters.", "145"),
    # a call for something is an appeal, not a call-up
    ("The United Nations called for restraint in Ukraine.", "154"),
    # freezing prices or bank accounts is no sanction on a named state here
    ("The Chinese government froze prices of basic foods.", "163"),
    # sending negotiators is not humanitarian aid
    ("The Kenyan government sent a team of negotiators to Somalia.", "073"),
    # handing over a base is not releasing captives
    ("The United States handed over the base to the Afghan army.", "0841"),
    # evacuating civilians is no military retreat (changed yield.withdraw)
    ("Nigerian troops evacuated villagers from the flood zone.", "0874"),
    # letting inspectors in is access (086), not investigating
    ("Iran allowed UN inspectors into the enrichment plant.", "090"),
    # police breaking up a rally do not protest (protest.broken_up_suppress)
    ("Police broke up a rally of Turkish opposition supporters in Istanbul.", "141"),
    ("Riot police dispersed a protest by Kenyan students in Nairobi.", "141"),
]

NEW_IDS = {"posture.call_up", "reduce.freeze_assets", "reduce.asset_freeze_noun", "aid.send_medics",
           "yield.lay_down_arms", "yield.hand_over_captives", "protest.walk_off_job", "protest.down_tools",
           "protest.throw_stones", "protest.pelt", "coerce.break_up_protest", "protest.broken_up_suppress",
           "investigate.send_inspectors"}


def test_new_entries_are_loaded() -> None:
    ps = load_patterns()
    ids = {p.id for table in (ps.verbs, ps.nouns) for entries in table.values() for p in entries}
    assert ids >= NEW_IDS


@pytest.mark.parametrize(("text", "entry", "code", "source", "target"), CODED)
def test_entry_codes_its_sentence(nlp_model: Language, text: str, entry: str, code: str, source: str,
                                  target: str | None) -> None:
    doc = nlp_model(text)
    hits = [e for e in doc._.events if e.pattern == entry]
    assert hits, [(e.pattern, e.code) for e in doc._.events]
    event = hits[0]
    assert (event.code, event.source, event.target) == (code, source, target)
    assert event.modality == "asserted" and not event.negated


@pytest.mark.parametrize(("text", "code"), NOT_CODED)
def test_near_miss_is_not_coded(nlp_model: Language, text: str, code: str) -> None:
    doc = nlp_model(text)
    assert code not in [e.code for e in doc._.events], [(e.pattern, e.code) for e in doc._.events]
