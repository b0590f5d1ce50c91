"""The scraped plain-text layout: section, headline, caption, dateline, byline, body and furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError, EmptyInput, NoArticle
from eventwire.ingest import parse_text
from eventwire.ingest.rules import load_boilerplate, load_language
from eventwire.ingest.text import guess_language, line_date, normalize_date, split_units

STORY = """\
Home / News / Koreas

Seoul and Tokyo agree to resume defence talks

Share on Facebook
SHARE THIS ARTICLE
Tweet

South Korean Defence Minister Park Sung-ho shakes hands with his Japanese counterpart in Tokyo on Tuesday. (Yonhap)

Published: 2024-03-12 15:02
By Choi Ha-eun

TOKYO, March 12 (Yonhap) -- South Korea and Japan agreed on Tuesday to resume regular talks between \
their defence ministries, suspended since 2018, the South Korean defence ministry said.

The ministers also discussed North Korea's launch of a ballistic missile last week, which both \
governments condemned as a violation of U.N. Security Council resolutions.

Read more: Japan protests Chinese survey ship near Okinawa
Advertisement

The two sides will hold the first round in Seoul in May, the ministry said.

Arirang News Roku
Follow us on Instagram
The website can also be accessed at the following alternate addresses:
www.example-news.kr
example-news.co.kr
We use cookies to give you the best experience on our website.
Copyright 2024 Example News Agency. All rights reserved.
"""


@pytest.fixture(scope="module")
def story():  # type: ignore[no-untyped-def]
    return parse_text(STORY, source_path="story.txt")


def test_header_fields(story) -> None:  # type: ignore[no-untyped-def]
    assert story.section == "Koreas"
    assert story.headline == "Seoul and Tokyo agree to resume defence talks"
    assert story.byline == "Choi Ha-eun"
    assert story.dateline == "TOKYO, March 12 (Yonhap)"
    assert story.published == "2024-03-12"
    assert story.captions == [
        "South Korean Defence Minister Park Sung-ho shakes hands with his Japanese counterpart in Tokyo on Tuesday. (Yonhap)"]
    assert story.language == "en"
    assert story.source_format == "text" and story.source_path == "story.txt"


def test_body_is_the_three_paragraphs_and_starts_after_the_dateline(story) -> None:  # type: ignore[no-untyped-def]
    paragraphs = story.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("South Korea and Japan agreed on Tuesday")
    assert paragraphs[2] == "The two sides will hold the first round in Seoul in May, the ministry said."
    for furniture in ("Share", "Read more", "Advertisement", "Roku", "Follow us", "cookies", "Copyright",
                      "example-news", "alternate addresses", "Yonhap) --"):
        assert furniture not in story.text


def test_dropped_lists_every_furniture_line(story) -> None:  # type: ignore[no-untyped-def]
    for line in ("Share on Facebook", "SHARE THIS ARTICLE", "Tweet", "Read more: Japan protests Chinese survey ship near Okinawa",
                 "Advertisement", "Arirang News Roku", "Follow us on Instagram", "www.example-news.kr",
                 "example-news.co.kr", "The website can also be accessed at the following alternate addresses:",
                 "We use cookies to give you the best experience on our website.",
                 "Copyright 2024 Example News Agency. All rights reserved."):
        assert line in story.dropped


def test_id_is_the_content_id_of_the_body(story) -> None:  # type: ignore[no-untyped-def]
    from eventwire.records import content_id

    assert story.id == content_id(story.text)
    assert parse_text(STORY, id="given-7").id == "given-7"


def test_given_fields_win() -> None:
    article = parse_text(STORY, published="2024-03-13", outlet="Example", url="https://example.org/a")
    assert (article.published, article.outlet, article.url) == ("2024-03-13", "Example", "https://example.org/a")


@pytest.mark.parametrize("dateline_text, expected", [
    ("PYONGYANG (AP) — North Korea said on Monday it had tested a new engine.", "PYONGYANG (AP)"),
    ("KYIV, Ukraine, June 3 (Reuters) - Ukraine said it had shot down 40 drones overnight.",
     "KYIV, Ukraine, June 3 (Reuters)"),
    ("WASHINGTON — The Senate passed the aid bill on Tuesday after a long debate.", "WASHINGTON"),
    ("NEW DELHI, Jan. 5 (IANS) -- India summoned the envoy of Bangladesh on Sunday.", "NEW DELHI, Jan. 5 (IANS)"),
])
def test_dateline_forms(dateline_text: str, expected: str) -> None:
    article = parse_text(f"Headline about the news\n\n{dateline_text}\n\nA second paragraph follows here.")
    assert article.dateline == expected
    assert not article.text.startswith(expected)


def test_sentence_with_a_dash_is_not_a_dateline() -> None:
    article = parse_text("The ministry said - in a short statement - that talks would go on as planned.")
    assert article.dateline is None
    assert article.text.startswith("The ministry said")


def test_breadcrumb_needs_short_crumbs() -> None:
    article = parse_text("Kim met Putin in Vladivostok / the two leaders discussed arms deals at length.\n\n"
                         "Body text of the article goes here, long enough to be a paragraph.")
    assert article.section is None


def test_story_ending_with_an_agency_tag_keeps_its_last_paragraph() -> None:
    text = ("Headline here\n\nSEOUL, May 2 (Yonhap) -- The two Koreas exchanged fire across the border.\n\n"
            "The JCS said no casualties were reported on the South Korean side. (Yonhap)")
    article = parse_text(text)
    assert article.captions == []
    assert article.text.endswith("(Yonhap)")


def test_caption_credits() -> None:
    text = ("Headline here\n\n"
            "Protesters march in Tbilisi on Sunday. AFP/Getty Images\n\n"
            "Riot police stand guard outside parliament. (Photo by Reuters)\n\n"
            "TBILISI (AP) — Thousands marched again on Sunday to demand new elections in Georgia.")
    article = parse_text(text)
    assert article.captions == ["Protesters march in Tbilisi on Sunday. AFP/Getty Images",
                                "Riot police stand guard outside parliament. (Photo by Reuters)"]
    assert article.text.startswith("Thousands marched again")


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    text = ("BERLIN (dpa) - Germany will send two more air defence systems to Ukraine, the\n"
            "defence ministry said on Thursday, after a request from Kyiv for help against\n"
            "Russian missile and drone attacks on its power grid this winter season.\n\n"
            "The systems will be delivered before the end of the year, a spokesman told a\n"
            "news conference in Berlin, adding that training of crews had already started\n"
            "at a base in the south of the country earlier this month as planned.\n")
    units = split_units(text)
    assert len(units) == 2
    article = parse_text(text, layout=False)
    assert article.text.count("\n\n") == 1
    assert "the defence ministry said" in article.text


def test_unwrapped_lines_stay_paragraphs() -> None:
    assert split_units("One line.\nTwo line.\n\nThree line.") == ["One line.", "Two line.", "Three line."]


def test_blank_and_furniture_only_texts() -> None:
    with pytest.raises(EmptyInput):
        parse_text("  \n\n ")
    with pytest.raises(NoArticle):
        parse_text("Share on Facebook\nAdvertisement\nFollow us on X\n")


@pytest.mark.parametrize("value, expected", [
    ("2024-12-29", "2024-12-29"),
    ("2024-12-29T10:31:00+09:00", "2024-12-29"),
    ("Sun, 29 Dec 2024 10:31:00 GMT", "2024-12-29"),
    ("December 29, 2024", "2024-12-29"),
    ("Dec. 9 2024", "2024-12-09"),
    ("29 Dec 2024", "2024-12-29"),
    ("2024/02/30", None),
    ("next Tuesday", None),
    (None, None),
])
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("line, expected", [
    ("Published: 2024-12-29 10:31", ("2024-12-29", "label")),
    ("Posted on December 29, 2024", ("2024-12-29", "label")),
    ("Updated: Dec 30, 2024 08:00 KST", ("2024-12-30", "updated")),
    ("December 29, 2024", ("2024-12-29", "bare")),
    ("Sunday, 29 December 2024 | 10:31 am", ("2024-12-29", "bare")),
    ("The summit ended on December 29, 2024 without a deal.", None),
])
def test_line_date(line: str, expected: tuple[str, str] | None) -> None:
    assert line_date(line) == expected


def test_text_date_fills_published_only_when_not_given() -> None:
    text = "Headline\n\nDecember 29, 2024\n\nThe parliament voted to approve the budget on Saturday."
    assert parse_text(text).published == "2024-12-29"
    assert parse_text(text, published="2025-01-02").published == "2025-01-02"


def test_guess_language() -> None:
    assert guess_language("The minister said that the talks with the delegation would resume in May.") == "en"
    assert guess_language("Der Minister sagte, dass die Gespräche mit der Delegation im Mai beginnen.") is None
    assert guess_language("Too short") is None


def test_packaged_rule_files_load() -> None:
    from eventwire.ingest import rules

    assert len(rules.boilerplate().drop) > 10
    assert "the" in rules.language().english


def test_malformed_rule_is_a_data_file_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yml"
    path.write_text("drop:\n  - name: ok\n    pattern: 'advert'\n  - name: broken\n    pattern: '(unclosed'\n"
                    "drop_after: []\ncaption_credit: []\nbreadcrumb_separators: [' / ']\nnavigation_separators: [' | ']\nlayout: {}\n")
    with pytest.raises(DataFileError) as info:
        load_boilerplate(path)
    assert info.value.line == 4 and "regular expression" in info.value.reason


def test_missing_layout_group_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yml"
    path.write_text("drop: []\ndrop_after: []\ncaption_credit: []\nbreadcrumb_separators: [' / ']\nnavigation_separators: []\n"
                    "layout:\n  dateline: 'X'\n  byline: 'by (?P<name>.+)'\n  date_label: '(?P<label>a)(?P<rest>b)'\n")
    with pytest.raises(DataFileError, match="dateline"):
        load_boilerplate(path)


def test_language_file_rejects_non_words(tmp_path: Path) -> None:
    path = tmp_path / "language.yml"
    path.write_text("min_share: 0.2\nmin_words: 5\nenglish:\n  - the\n  - on\n")  # YAML reads bare on as true
    with pytest.raises(DataFileError) as info:
        load_language(path)
    assert info.value.line == 5


AP_STYLE = """\
World
Asia

Japan protests as Chinese coast guard ships enter disputed waters

By KEN MORI and SARAH LEE, Associated Press
Updated 4:12 AM EST, December 3, 2024

Chinese coast guard vessels sail near the disputed islands, Aug. 24, 2023. (Japan Coast Guard via AP, File)

TOKYO (AP) — Japan lodged a protest with China on Tuesday after four Chinese coast guard ships entered \
Japanese territorial waters near the disputed islands, the foreign ministry said.

China's foreign ministry said the patrols were legitimate and urged Tokyo to stop its provocations.

___

Associated Press writer Huizhong Wu in Taipei contributed to this report.
Recommended
"""

NAV_STYLE = """\
Skip to main content
Menu
Politics | World | Business

Iran summons UK envoy over sanctions

15 March 2025 · 10:42 GMT

Iran's foreign ministry summoned the British charge d'affaires in Tehran on Saturday to protest \
against new UK sanctions on Iranian officials, state media reported.

Britain on Friday froze the assets of six Iranian officials it accused of plotting against dissidents.

Related Topics
Iran
United Kingdom
More on this story
Iran accuses UK of meddling in its affairs
Share this page
"""


def test_navigation_words_above_the_headline() -> None:
    article = parse_text(AP_STYLE)
    assert article.headline == "Japan protests as Chinese coast guard ships enter disputed waters"
    assert article.section == "Asia" and {"World", "Asia"} <= set(article.dropped)
    assert article.byline == "KEN MORI and SARAH LEE"
    assert article.published == "2024-12-03"  # only an "Updated" date: better than none
    assert article.captions == ["Chinese coast guard vessels sail near the disputed islands, Aug. 24, 2023. "
                                "(Japan Coast Guard via AP, File)"]
    assert article.dateline == "TOKYO (AP)"
    assert article.text.split("\n\n")[-1] == ("China's foreign ministry said the patrols were legitimate and urged "
                                              "Tokyo to stop its provocations.")
    assert "contributed to this report" not in article.text


def test_navigation_bar_and_teaser_lists() -> None:
    article = parse_text(NAV_STYLE)
    assert article.headline == "Iran summons UK envoy over sanctions"
    assert article.published == "2025-03-15"
    assert len(article.text.split("\n\n")) == 2
    for line in ("Skip to main content", "Politics | World | Business", "Related Topics", "Iran", "United Kingdom",
                 "Iran accuses UK of meddling in its affairs", "Share this page"):
        assert line in article.dropped
    assert "meddling" not in article.text


def test_short_text_keeps_its_only_sentence_in_the_body() -> None:
    article = parse_text("Talks end\n\nThe talks ended without a deal.")
    assert article.headline == "Talks end" and article.text == "The talks ended without a deal."


def test_sentence_opening_with_by_is_prose_not_a_byline() -> None:
    text = "Troops pull back\n\nBy Monday, Russia had withdrawn its troops from the area, officials said.\n"
    article = parse_text(text)
    assert article.byline is None and article.text.startswith("By Monday, Russia")


def test_byline_with_a_date() -> None:
    article = parse_text("Talks end\n\nBy Jane Roe | Dec 3, 2024\n\nThe talks between the two sides ended on "
                         "Tuesday without a deal, the mediators said.")
    assert article.byline == "Jane Roe" and article.published == "2024-12-03"
