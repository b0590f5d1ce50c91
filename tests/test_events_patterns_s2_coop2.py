"""Round 4 of the cooperative patterns (CAMEO 01-08): precision on real news, on sentences we wrote.

Sport, film and personal travel are no consultations; "called X a Y" is no phone call; a letter released
frees nobody; denying one's own act is a denial of responsibility; dropping a case gives ground. Each
fix has sentences that must not code and sentences that still must.
"""

from __future__ import annotations

import pytest

from eventwire.events.patterns import load_patterns
from eventwire.nlp.pipeline import make_doc

pytestmark = pytest.mark.model


def events(nlp, text: str) -> list:
    """Every event of ``text``, negated and hypothetical ones included (a false event is false either way)."""
    doc = nlp(make_doc(nlp, text, doc_id="coop4", published="2024-05-06"))
    return list(doc._.events)


def dyads(nlp, text: str) -> set[tuple[str, str, str]]:
    """(source country, target country, code) of the asserted or planned events, not negated."""
    return {((e.source or "")[:3], (e.target or "")[:3], e.code) for e in events(nlp, text)
            if not e.negated and e.modality != "hypothetical"}


def codes(nlp, text: str) -> set[str]:
    return {e.code for e in events(nlp, text)}


def entry(pid: str):
    pats = load_patterns()
    return next(p for table in (pats.verbs, pats.nouns) for ps in table.values() for p in ps if p.id == pid)


NEW_ENTRIES = ["statement.deny_act", "yield.release_named", "yield.drop_case", "appeal.call_for_release",
               "appeal.call_for_resignation", "yield.return_place", "diplo.welcome_release",
               "diplo.welcome_agreement"]


@pytest.mark.parametrize("pid", NEW_ENTRIES)
def test_new_entry_example_codes_as_the_entry_says(nlp_model, pid):
    want = entry(pid)
    got = events(nlp_model, want.example)
    assert any(e.pattern == pid and e.code == want.code for e in got), (pid, [(e.code, e.pattern) for e in got])


def test_broken_truce_suppressor_is_loaded_as_one():
    p = entry("yield.ceasefire_broken_suppress")
    assert p.suppress and p.code is None and "violate" in p.requires["gov"]


@pytest.mark.parametrize(("text", "unwanted"), [
    # sport: national teams and players meeting or travelling consult nobody
    ("The Brazilian and Argentine squads have not met since the 2014 World Cup.", {"040"}),
    ("The Spanish squad met Italy in the semi-final on Sunday.", {"040"}),
    ("The Brazilian players flew to Paris for the final.", {"042"}),
    ("The American team's trip to Toronto ended in defeat.", {"042"}),
    # personal or professional travel is no visit: nurses to villages, senators going home, a check-up
    ("Kenyan nurses travelled to rural communities to vaccinate children.", {"042", "036"}),
    ("The senators returned to Washington after the recess.", {"042"}),
    ("The Kenyan president visited a hospital in Nairobi.", {"042"}),
    ("The French president went to a clinic in Paris for a check-up.", {"042"}),
    # a firm's offer of a favour is no intent between political actors
    ("A Canadian airline offered to fly the stranded dog home.", {"030", "036", "033"}),
    # a call for something that is no policy is no appeal
    ("The British prime minister called for a second helping of pudding.", {"020"}),
    ("The Argentine president called for more goals from the national team.", {"020"}),
    # "called X a Y" names, it does not phone, and "an attack on Israel" is no call on Israel
    ("The Chinese foreign ministry called the ruling a political farce.", {"041"}),
    ("The Kenyan government called the decision a betrayal.", {"041"}),
    ("The German chancellor called the attack on Israel an act of terror.", {"020", "025", "041"}),
    # meeting a deadline meets no one
    ("The Canadian prime minister met the deadline for the report.", {"040"}),
    # texts released free nobody, whoever wrote them
    ("The Brazilian president released a letter from his doctor.", {"0841"}),
    ("The Iranian foreign ministry released a statement on the talks.", {"0841"}),
    ("Jordan released a report on the Syrian refugee camps.", {"0841"}),
    # gunfire traded is no commerce; a truce violated is no truce declared
    ("Indian and Pakistani troops traded fire across the border.", {"061"}),
    ("Houthi rebels violated the truce with the Saudi-led coalition.", {"0871"}),
    # denying one's own act rejects nobody
    ("Pyongyang denied supplying Moscow with artillery shells.", {"120"}),
    # dropped charges open no investigation and withdraw no troops
    ("The Thai prosecutor dropped the charges against the Australian journalist.", {"090", "0874"}),
    ("Peruvian prosecutors withdrew the charges against the former president.", {"0874", "090"}),
    # an ultimatum to surrender is the army's threat, not the army's surrender
    ("The Nigerian army gave the insurgents 24 hours to surrender.", {"0874"}),
    # a government advising its own public appeals to no actor
    ("The Kenyan foreign ministry urged Kenyan nationals to stay away from Somalia.", {"020"}),
    # a unit of troops arriving is a deployment however the unit is counted
    ("A first patch of Nepalese peacekeeping troops arrived in Lebanon on Tuesday.", {"042"}),
    # refusing to answer a demand is no silence on a question
    ("The Somali president refused to respond to the ultimatum from the rebels.", {"011"}),
    # small investors welcoming a share deal praise no party
    ("Small investors in Singapore welcomed the deal with the Malaysian bank.", {"051"}),
    # monitors flown out are no troops pulled back
    ("The United Nations evacuated 40 of its observers from the besieged town.", {"0874"}),
])
def test_non_political_and_other_senses_do_not_code(nlp_model, text, unwanted):
    got = codes(nlp_model, text)
    assert not (got & unwanted), (text, got)


@pytest.mark.parametrize(("text", "bad_sector"), [
    # what is agreed on or welcomed is a topic: the prisoners or journalists inside it are no party
    ("Kyiv and Moscow agreed on a large exchange of prisoners.", "CVL"),
    ("Kyiv and Moscow agreed on a large exchange of prisoners.", "CRM"),
    ("The European Union welcomed the release of the Azerbaijani journalists.", "MED"),
    ("The Turkish foreign minister hailed the hostage accord on Sunday.", "CVL"),
    ("The Turkish foreign minister hailed the hostage accord on Sunday.", "CRM"),
])
def test_topic_nouns_lend_no_target(nlp_model, text, bad_sector):
    got = [(e.code, e.target) for e in events(nlp_model, text)]
    assert not any((t or "").endswith(bad_sector) for _, t in got), got


@pytest.mark.parametrize(("text", "expected"), [
    # official visits, meetings, calls and offers still code
    ("The Japanese foreign minister flew to Seoul on Sunday.", {("JPN", "KOR", "042")}),
    ("The Serbian health minister travelled to Moscow for talks on vaccines.", {("SRB", "RUS", "042")}),
    ("The Iranian president's visit to Moscow ended on Friday.", {("IRN", "RUS", "042")}),
    ("Russian and Ukrainian negotiators met in Istanbul.", {("RUS", "UKR", "040"), ("UKR", "RUS", "040")}),
    ("The French president met his Egyptian counterpart in Cairo.", {("FRA", "EGY", "040")}),
    ("The Iranian and American negotiating teams met in Muscat.", {("IRN", "USA", "040"), ("USA", "IRN", "040")}),
    ("The Saudi crown prince called the Egyptian president on Monday.", {("SAU", "EGY", "041")}),
    ("Egypt offered to mediate between Israel and Hamas.", {("EGY", "ISR", "036")}),
    # calls for policy still code, the release and resignation asked for refine the code
    ("The Arab League called for an immediate ceasefire in Sudan.", {("IGO", "", "025")}),
    ("The opposition called for the resignation of the Kenyan president.", {("KEN", "KEN", "0241")}),
    ("The United Nations called for the release of the detained journalists in Myanmar.", {("IGO", "MMR", "0253")}),
    # people released, freed by name or by nationality
    ("Colombian rebels freed two kidnapped police officers.", {("COL", "COL", "0841")}),
    ("The Iranian authorities released two French nationals.", {("IRN", "FRA", "0841")}),
    ("Myanmar's junta released 300 political prisoners on Tuesday.", {("MMR", "MMR", "0841")}),
    # denial of one's own part in an act (016), the party it was done to as target
    ("Tehran denied arming Moscow with attack drones.", {("IRN", "RUS", "016")}),
    # a place handed back is property returned; refusing to hand it back is a refusal to yield
    ("Russia handed Crimea to Ukraine in 1954.", {("RUS", "UKR", "0842")}),
    ("The Israeli defence minister pledged never to cede the Golan to Syria.", {("ISR", "SYR", "124")}),
    # dropped cases give ground to the accused (080)
    ("The Thai prosecutor dropped the charges against the Australian journalist.", {("THA", "AUS", "080")}),
    # agreements endorsed or ratified with a partner, assurances received, gratitude for another's help
    ("The Malian parliament endorsed an agreement with Algeria.", {("MLI", "DZA", "051")}),
    # a welcomed decision or proposal still praises its owner
    ("The German government welcomed Washington's latest proposal on arms control.", {("DEU", "USA", "051")}),
    ("The African Union welcomed the ceasefire agreement between Sudan and South Sudan.",
     {("IGO", "SDN", "051"), ("IGO", "SSD", "051")}),
    ("The Turkish parliament ratified a treaty with Azerbaijan.", {("TUR", "AZE", "057")}),
    ("The Lebanese army received assurances from Washington that the aid would continue.", {("USA", "LBN", "030")}),
    ("The Chilean minister expressed gratitude for Argentina's help in fighting the fires.", {("CHL", "ARG", "013")}),
])
def test_political_senses_still_code(nlp_model, text, expected):
    assert expected <= dyads(nlp_model, text), dyads(nlp_model, text)
