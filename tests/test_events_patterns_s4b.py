"""Round 4b entries, on sentences we wrote: trade measures (duties, tariffs proposed), criticism by naming
("called the tariffs protectionism", "described the strikes as a violation"), approved arms sales, a
leader's tour, military interventions launched, praise heaped, WTO complaints; and the senses that must
stay silent (economic explainers, a factory tour, an "official" visit to one's own capital, ownership
claims, a deal signed into law)."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def coded(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(code, source, target, pattern) of every event coded in ``text`` as happening or announced (not
    negated, not hypothetical)."""
    return [(e.code, e.source, e.target, e.pattern) for e in nlp(text)._.events
            if not e.negated and e.modality != "hypothetical"]


POSITIVE = [
    # 1. trade measures: imposed duties and tariffs hit the country whose goods they name; proposed ones threaten
    ("Beijing levied tariffs on American pork and wine.", "reduce.sanctions_noun", "163", "CHN", "USA"),
    ("Washington slapped anti-dumping duties on Canadian lumber.", "reduce.duties_noun", "163", "USA", "CAN"),
    ("The European Union imposed duties of 30 percent on Chinese bicycles.", "reduce.duties_noun", "163",
     "IGOEUR", "CHN"),
    ("Ottawa imposed tariffs of ten percent on American steel.", "reduce.sanctions_noun", "163", "CAN", "USA"),
    ("The White House proposed tariffs on Mexican cars.", "threaten.propose_sanctions", "1312", "USA", "MEX"),
    ("Ottawa imposed tariffs on steel imports from the United States.", "reduce.sanctions_noun", "163", "CAN",
     "USA"),
    ("Seoul levied duties on $2 billion in Chinese imports.", "reduce.duties_noun", "163", "KOR", "CHN"),
    ("The European Commission proposed new sanctions against Belarus.", "threaten.propose_sanctions", "1312",
     "IGOEUR", "BLR"),
    # 2. criticism by naming what the other side did
    ("Beijing called the American tariffs protectionism.", "disapprove.call_unacceptable", "111", "CHN", "USA"),
    ("Robert Lighthizer called the Chinese retaliation unjustified.", "disapprove.call_unacceptable", "111",
     "USAGOV", "CHN"),
    ("Moscow described the British raids as a crime against civilians.", "disapprove.describe_as", "111",
     "RUS", "GBR"),
    ("Ankara denounced the Greek vote as a provocation.", "disapprove.describe_as", "111", "TUR", "GRC"),
    # 3. an approved arms sale is military cooperation with the buyer
    ("The State Department cleared the sale of attack helicopters to Poland.", "material.approve_arms_sale",
     "062", "USA", "POL"),
    ("Washington approved the sale of fighter jets to Taiwan.", "material.approve_arms_sale", "062", "USA", "TWN"),
    ("Washington approved an arms sale to Taiwan.", "material.approve_arms_deal", "062", "USA", "TWN"),
    # 4. noun triggers
    ("The Chinese premier began a tour of Germany and France.", "consult.tour_noun", "042", "CHNGOV", "DEU"),
    ("France launched a military intervention in Mali against the jihadists.", "fight.military_intervention",
     "190", "FRA", "MLI"),
    ("The Kenyan president heaped praise on Ethiopia for the peace deal.", "diplo.praise_noun", "051", "KEN",
     "ETH"),
    ("The Ghanaian president expressed praise for Nigeria's handling of the crisis.", "diplo.praise_noun", "051",
     "GHA", "NGA"),
    ("The Chilean president had praise for Argentina after the border talks.", "diplo.praise_noun", "051", "CHL",
     "ARG"),
    ("The Mexican government threatened a lawsuit against the United States.", "threaten.verb", "130", "MEX",
     "USA"),
    ("Brazil filed a complaint with the WTO against Canada.", "disapprove.wto_case", "115", "BRA", "CAN"),
    ("Japan lodged a WTO case against South Korea.", "disapprove.wto_case_mod", "115", "JPN", "KOR"),
    ("China launched a WTO case over American tariffs on solar panels.", "disapprove.wto_case_mod", "115", "CHN",
     "USA"),
    ("Ethiopia led an intervention in Somalia's civil war against the Islamists.", "fight.intervention_in_war",
     "190", "ETH", "SOM"),
]


@pytest.mark.parametrize(("text", "pid", "code", "src", "tgt"), POSITIVE)
def test_entry_codes_the_act(nlp_model, text, pid, code, src, tgt) -> None:
    events = coded(nlp_model, text)
    hits = [e for e in events if e[3] == pid]
    assert hits, events
    c, s, t, _ = hits[0]
    assert c == code, events
    assert s is not None and s.startswith(src), events
    assert t is not None and t.startswith(tgt), events


def test_wto_complaint_is_one_lawsuit_not_a_protest_to_the_wto(nlp_model) -> None:
    events = coded(nlp_model, "Brazil filed a complaint with the WTO against Canada.")
    assert not any(e[2] is not None and e[2].startswith("IGOWTO") for e in events), events
    assert not any(e[0] == "114" for e in events), events


def test_a_complaint_with_a_country_stays_an_official_complaint(nlp_model) -> None:
    events = coded(nlp_model, "Bolivia filed a formal complaint with Chile over the water dispute.")
    assert ("114", "BOL", "CHL", "disapprove.protest_noun") in events, events


NEAR_MISSES = [
    # economic explainers and forecasts: no actor imposes anything
    ("Tariffs on imported steel raise costs for carmakers, economists say.", ["16", "13"]),
    ("Import duties on cars are set to rise next year, analysts said.", ["16", "13"]),
    ("A tariff is a tax on goods brought in from abroad.", ["16", "13"]),
    ("The soldiers returned to duty on Monday.", ["16"]),
    ("The court imposed a duty on the Indian government to protect the forest.", ["16"]),
    ("Canada described the agreement with Mexico as an act of friendship.", ["11"]),
    # touring a site, a band's tour, a history of intervention, a call for one
    ("The French president toured a car factory in Lyon.", ["04"]),
    ("The band's world tour of Europe begins in Madrid.", ["04"]),
    ("Russia's military intervention in Syria turned the war.", ["19"]),
    ("The opposition called for a military intervention in Libya.", ["19"]),
    # arms bought at home, a sale of shares: no military cooperation with another country
    ("The government approved the sale of its stake in the airline.", ["06"]),
    # ownership claims accuse no one; a deal signed into law at home binds no partner
    ("Villagers have made strong claims over the farms near the mine.", ["11"]),
    ("The trade agreement, signed into law by the president in 1994, links three countries.", ["05"]),
    # "official" before a noun is no government actor
    ("Official figures showed Greece's economy shrank.", ["0", "1"]),
    # praise for a thing, not a party
    ("The senator had praise for the new budget.", ["05"]),
]


@pytest.mark.parametrize(("text", "roots"), NEAR_MISSES)
def test_near_miss_codes_nothing_of_that_kind(nlp_model, text, roots) -> None:
    events = coded(nlp_model, text)
    assert not any(e[0].startswith(tuple(roots)) for e in events), events


def test_official_visit_to_ones_own_capital_is_no_visit(nlp_model) -> None:
    events = coded(nlp_model, "Putin began an official visit to Moscow.")
    assert not any(e[0] == "042" for e in events), events


def test_official_visit_source_is_the_traveller_not_the_host(nlp_model) -> None:
    events = coded(nlp_model, "The Iranian president arrived in Moscow on an official visit to Russia.")
    visits = [e for e in events if e[0] == "042"]
    assert visits and all(e[1] is not None and e[1].startswith("IRN") for e in visits), events


def test_a_wto_case_against_ones_own_country_is_none(nlp_model) -> None:
    events = coded(nlp_model, "The Indian ministry said it had started a WTO case over Indian sugar subsidies.")
    assert not any(e[0] == "115" for e in events), events


def test_proposed_tariffs_on_own_goods_code_nothing(nlp_model) -> None:
    events = coded(nlp_model, "The Brazilian government proposed duties on Brazilian sugar exports.")
    assert not any(e[0] in ("1312", "163") for e in events), events


STILL_CODED = [
    ("The European Union imposed sanctions on Belarusian officials.", "163", "reduce.sanctions_noun"),
    ("Washington threatened to impose tariffs on Mexican imports.", "1312", "threaten.verb"),
    ("India lifted its tariffs on American almonds.", "085", "yield.ease_sanctions"),
    ("Turkey called the Greek decision unacceptable.", "111", "disapprove.call_unacceptable"),
    ("The Indian president's visit to Bangladesh ended on Thursday.", "042", "consult.visit_noun"),
    ("Pakistan made claims against India at the United Nations.", "112", "disapprove.accusation_noun"),
    ("Chile and Peru signed a fisheries accord in Lima.", "057", "diplo.sign_agreement"),
    ("Britain put the blame on Russia for the poisoning.", "112", "disapprove.lay_blame"),
    ("Mexico filed a lawsuit against the United States.", "115", "disapprove.lawsuit"),
]


@pytest.mark.parametrize(("text", "code", "pid"), STILL_CODED)
def test_neighbouring_entries_still_code_their_act(nlp_model, text, code, pid) -> None:
    events = coded(nlp_model, text)
    assert any(e[0] == code and e[3] == pid for e in events), events


def test_an_official_who_speaks_is_still_an_actor(nlp_model) -> None:
    doc = nlp_model("A Russian official said Moscow would expel two British diplomats.")
    assert any(a.code and a.code.startswith("RUSGOV") for a in doc._.actors), [a.code for a in doc._.actors]
    doc = nlp_model("An official said the talks would resume in Geneva.")
    assert any("official" in a.text for a in doc._.actors), [(a.text, a.code) for a in doc._.actors]
