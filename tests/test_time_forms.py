"""The news forms of time expressions, normalized against a fixed publication date (no parse needed)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.records import TimeExpression
from eventwire.time import DateTagger

SUNDAY = "2024-12-29"  # a Sunday, ISO week 2024-W52


def tag(nlp: Language, text: str, published: str | None = SUNDAY) -> list[TimeExpression]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return DateTagger(nlp)(doc)._.times


def one(nlp: Language, text: str, published: str | None = SUNDAY) -> TimeExpression:
    times = tag(nlp, text, published)
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(("text", "span", "type_", "value"), [
    ("They met yesterday.", "yesterday", "DATE", "2024-12-28"),
    ("The court rules today.", "today", "DATE", "2024-12-29"),
    ("He will speak tonight.", "tonight", "TIME", "2024-12-29TNI"),
    ("The vote is tomorrow.", "tomorrow", "DATE", "2024-12-30"),
    ("The deal was signed Dec. 29 in Cairo.", "Dec. 29", "DATE", "2024-12-29"),
    ("The deal was signed on December 29, 2024 in Cairo.", "December 29, 2024", "DATE", "2024-12-29"),
    ("The deal was signed on 29 December in Cairo.", "29 December", "DATE", "2024-12-29"),
    ("The file is dated 2024-12-29 here.", "2024-12-29", "DATE", "2024-12-29"),
    ("The file is dated 12/29/2024 here.", "12/29/2024", "DATE", "2024-12-29"),
    ("The war began in March 2003.", "March 2003", "DATE", "2003-03"),
    ("In the 1990s the country was at war.", "the 1990s", "DATE", "199"),
    ("The bank collapsed in 2008.", "2008", "DATE", "2008"),
    ("Profits fell in the first quarter.", "the first quarter", "DATE", "2024-Q1"),
    ("Sales rose in the third quarter of 2019.", "the third quarter of 2019", "DATE", "2019-Q3"),
    ("Output fell in the 20th century.", "the 20th century", "DATE", "19"),
    ("The ministers are meeting this week.", "this week", "DATE", "2024-W52"),
    ("Talks resume next week.", "next week", "DATE", "2025-W01"),
    ("The army grew last month.", "last month", "DATE", "2024-11"),
    ("The elections are next year.", "next year", "DATE", "2025"),
    ("Six deaths were reported in the last week.", "the last week", "DATE", "2024-W51"),
    ("The army seized power three years ago.", "three years ago", "DATE", "2021"),
    ("The king was arrested two weeks ago.", "two weeks ago", "DATE", "2024-W50"),
    ("Rebels withdrew earlier this month.", "earlier this month", "DATE", "2024-12"),
    ("They will return later this year.", "later this year", "DATE", "2024"),
    ("They met last summer.", "last summer", "DATE", "2024-SU"),
    ("In recent years the army has grown.", "In recent years", "DATE", "PAST_REF"),
    ("The army now holds power.", "now", "DATE", "PRESENT_REF"),
    ("The army currently holds power.", "currently", "DATE", "PRESENT_REF"),
    ("The talks start at 10 a.m. in Geneva.", "at 10 a.m.", "TIME", "2024-12-29T10:00"),
    ("The match starts at 15:00 GMT in Belfast.", "at 15:00 GMT", "TIME", "2024-12-29T15:00"),
])
def test_forms(blank_nlp: Language, text: str, span: str, type_: str, value: str) -> None:
    t = one(blank_nlp, text)
    assert (t.text, t.type, t.value) == (span, type_, value)
    assert text[t.start:t.end] == span


@pytest.mark.parametrize(("text", "value", "mod", "precision"), [
    ("Fighting intensified in late December 2024.", "2024-12", "END", "month"),
    ("Talks may resume in early 2025.", "2025", "START", "year"),
    ("The plant opens in mid-2026.", "2026", "MID", "year"),
    ("Prices peaked in mid-March.", "2025-03", "MID", "month"),
])
def test_mods(blank_nlp: Language, text: str, value: str, mod: str, precision: str) -> None:
    t = one(blank_nlp, text)
    assert (t.value, t.mod, t.precision) == (value, mod, precision)


@pytest.mark.parametrize(("text", "type_", "value"), [
    ("The past three years have been hard.", "DURATION", "P3Y"),
    ("He was jailed for two weeks.", "DURATION", "P2W"),
    ("The talks lasted 90 days.", "DURATION", "P90D"),
    ("Troops stayed about a month.", "DURATION", "P1M"),
    ("Fighting went on for several days.", "DURATION", "PXD"),
    ("The curfew lasted 24 hours.", "DURATION", "PT24H"),
    ("It was the worst flu in a decade.", "DURATION", "P10Y"),
    ("The council meets every week.", "SET", "P1W"),
    ("The council publishes weekly reports.", "SET", "P1W"),
    ("Patrols run every morning.", "SET", "XXXX-XX-XXTMO"),
    ("The summit is held annually.", "SET", "P1Y"),
])
def test_durations_and_sets_are_not_dates(blank_nlp: Language, text: str, type_: str, value: str) -> None:
    t = one(blank_nlp, text)
    assert (t.type, t.value, t.value_end) == (type_, value, None)


def test_weekday_range(blank_nlp: Language) -> None:
    t = one(blank_nlp, "Talks ran last Monday through Friday in Geneva.")
    assert (t.text, t.value, t.value_end) == ("last Monday through Friday", "2024-12-23", "2024-12-27")


def test_day_range_in_a_month(blank_nlp: Language) -> None:
    t = one(blank_nlp, "The summit ran Dec. 3-5, 2024 in Doha.")
    assert (t.value, t.value_end) == ("2024-12-03", "2024-12-05")


def test_from_to_range_of_dates(blank_nlp: Language) -> None:
    t = one(blank_nlp, "The truce held from March 3, 2024 to March 7, 2024.")
    assert (t.value, t.value_end) == ("2024-03-03", "2024-03-07")


def test_between_years_is_a_range(blank_nlp: Language) -> None:
    t = one(blank_nlp, "Between 2009 and 2012 the economy shrank.")
    assert (t.value, t.value_end, t.precision) == ("2009", "2012", "year")


def test_no_anchor_leaves_relative_values_unresolved(blank_nlp: Language) -> None:
    times = tag(blank_nlp, "The deal signed on March 3, 2024 was broken yesterday and on Friday.", None)
    assert [(t.text, t.value) for t in times] == [
        ("March 3, 2024", "2024-03-03"), ("yesterday", None), ("Friday", None)]


def test_bad_anchor_is_treated_as_none(blank_nlp: Language) -> None:
    t = one(blank_nlp, "They met yesterday.", "not a date")
    assert t.value is None


def test_ambiguous_words_are_not_dates(blank_nlp: Language) -> None:
    assert tag(blank_nlp, "Theresa May said she may march to the sea.") == []
    assert tag(blank_nlp, "Jan Egeland said it cost $2015 and rose 2010% or 2012 percent.") == []


def test_sentence_without_time_words_yields_nothing(blank_nlp: Language) -> None:
    assert tag(blank_nlp, "The rebels attacked the base and seized weapons.") == []


def test_sentence_final_period_is_left_out(blank_nlp: Language) -> None:
    t = one(blank_nlp, "They met on Sunday.")
    assert t.text == "Sunday"


def test_weekday_same_day_is_publication_day(blank_nlp: Language) -> None:
    assert one(blank_nlp, "They met on Sunday in Doha.").value == SUNDAY


def test_names_are_not_dates(blank_nlp: Language) -> None:
    assert tag(blank_nlp, "The Sunday Times reported the deal.") == []
    assert tag(blank_nlp, "Many fled in the fall of Kabul.") == []
    assert one(blank_nlp, "Crops failed in the fall of 2023.").value == "2023-FA"


def test_out_of_calendar_values_do_not_crash(blank_nlp: Language) -> None:
    times = tag(blank_nlp, "Humans settled here 10,000 years ago.")
    assert times and all(t.type != "DATE" for t in times)  # no bogus calendar year
    assert one(blank_nlp, "Humans settled here 1,500 years ago.").value == "0524"
    assert [t.value for t in tag(blank_nlp, "The deal was signed on Feb. 30, 2024 in Rome.")] == ["2024"]
