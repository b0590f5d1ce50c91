"""Indirect speech, according-to clauses and attribution chains, on real parses with hand-set actors."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.quotes import QuoteFinder
from eventwire.records import ActorMention, Quote

pytestmark = pytest.mark.model


def mention(text: str, surface: str, code: str | None, name: str | None = None, kind: str = "person",
            nth: int = 0, via: str = "dictionary", resolved_from: int | None = None) -> ActorMention:
    """The actor mention of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return ActorMention(start=start, end=start + len(surface), text=surface, code=code, name=name, kind=kind,
                        via=via, resolved_from=resolved_from)


def run(nlp: Language, text: str, actors: list[ActorMention] | None = None, outlet: str | None = None) -> list[Quote]:
    doc: Doc = nlp.make_doc(text)
    doc._.outlet = outlet
    doc = nlp(doc)
    doc._.actors = actors or []
    return QuoteFinder(nlp)(doc)._.quotes


def only(quotes: list[Quote], kind: str) -> Quote:
    found = [q for q in quotes if q.kind == kind]
    assert len(found) == 1, quotes
    return found[0]


def test_said_that_clause(parser_only: Language) -> None:
    text = "The spokesman said that troops had crossed the border overnight."
    q = only(run(parser_only, text), "indirect")
    assert q.content == "troops had crossed the border overnight"
    assert q.speaker == "The spokesman" and q.speaker_code is None and q.cue == "said"
    assert text[q.content_start:q.content_end] == q.content
    assert text[q.speaker_start:q.speaker_end] == "The spokesman"


def test_said_without_that_and_speaker_mention(parser_only: Language) -> None:
    text = "Lavrov said Moscow would answer any new sanctions."
    actors = [mention(text, "Lavrov", "RUSGOV", "Sergei Lavrov"), mention(text, "Moscow", "RUS", kind="country")]
    q = only(run(parser_only, text, actors), "indirect")
    assert q.content == "Moscow would answer any new sanctions"
    assert (q.speaker, q.speaker_code) == ("Sergei Lavrov", "RUSGOV")
    assert q.chain == ["Sergei Lavrov"]


def test_attribution_after_the_clause(parser_only: Language) -> None:
    q = only(run(parser_only, "The ceasefire will hold until Friday, officials said."), "indirect")
    assert q.content == "The ceasefire will hold until Friday"
    assert q.speaker == "officials"


def test_vowed_to(parser_only: Language) -> None:
    q = only(run(parser_only, "The defence minister vowed to punish the attackers."), "indirect")
    assert q.cue == "vowed" and q.content == "to punish the attackers"
    assert q.speaker == "The defence minister"


def test_told_reporters(parser_only: Language) -> None:
    text = "Erdogan told reporters Turkey would not allow a new offensive."
    actors = [mention(text, "Erdogan", "TURGOV", "Recep Tayyip Erdogan")]
    q = only(run(parser_only, text, actors), "indirect")
    assert q.cue == "told" and q.content.startswith("Turkey would not allow")
    assert q.speaker_code == "TURGOV"


def test_warned_that(parser_only: Language) -> None:
    q = only(run(parser_only, "The general warned that the rebels were regrouping near the city."), "indirect")
    assert q.cue == "warned" and q.content == "the rebels were regrouping near the city"


def test_negated_and_declined_cues_are_not_quotes(parser_only: Language) -> None:
    assert run(parser_only, "The minister declined to say whether the troops would leave.") == []
    assert [q for q in run(parser_only, "The embassy did not say that the talks had failed.")
            if q.kind == "indirect"] == []


def test_first_person_is_not_a_speaker(parser_only: Language) -> None:
    assert run(parser_only, "We said the roads were closed.") == []


@pytest.mark.parametrize("text, content", [
    ("According to the health ministry, 40 people were killed in the strike.",
     "40 people were killed in the strike"),
    ("Forty people were killed in the strike, according to the health ministry.",
     "Forty people were killed in the strike"),
])
def test_according_to(parser_only: Language, text: str, content: str) -> None:
    q = only(run(parser_only, text), "according_to")
    assert q.content == content
    assert q.speaker == "the health ministry" and q.cue.lower() == "according to"


def test_according_to_with_coded_speaker_and_outlet(parser_only: Language) -> None:
    text = "Two soldiers died in the clash, according to Indian army officials."
    actors = [mention(text, "Indian army", "INDMIL", "Indian Army", kind="country")]
    q = only(run(parser_only, text, actors, outlet="The Hindu"), "according_to")
    assert q.speaker_code == "INDMIL"
    assert q.chain[0] == "The Hindu" and len(q.chain) == 2


def test_agency_reported_nested_chain_with_outlet(parser_only: Language) -> None:
    text = ("North Korean leader Kim Jong Un announced new missile tests, the Korean Central News Agency "
            "(KCNA) reported on Sunday.")
    actors = [
        mention(text, "Kim Jong Un", "PRKGOV", "Kim Jong Un"),
        mention(text, "Korean Central News Agency", "PRKMED", "Korean Central News Agency", kind="organisation"),
    ]
    quotes = run(parser_only, text, actors, outlet="Reuters")
    outer = next(q for q in quotes if q.cue == "reported")
    inner = next(q for q in quotes if q.cue == "announced")
    assert outer.content == "North Korean leader Kim Jong Un announced new missile tests"
    assert outer.speaker == "Korean Central News Agency" and outer.speaker_code == "PRKMED"
    assert outer.chain == ["Reuters", "Korean Central News Agency"]
    assert inner.speaker == "Kim Jong Un" and inner.speaker_code == "PRKGOV"
    assert inner.chain == ["Reuters", "Korean Central News Agency", "Kim Jong Un"]


def test_citing_adds_a_link(parser_only: Language) -> None:
    text = "Yonhap, citing KCNA, said Kim oversaw the launch."
    actors = [mention(text, "Yonhap", "KORMED", "Yonhap", kind="organisation"),
              mention(text, "KCNA", "PRKMED", "KCNA", kind="organisation"),
              mention(text, "Kim", "PRKGOV", "Kim Jong Un")]
    q = only(run(parser_only, text, actors, outlet="AFP"), "indirect")
    assert q.speaker == "Yonhap" and q.content == "Kim oversaw the launch"
    assert q.chain == ["AFP", "Yonhap", "KCNA"]


def test_quoted_as_saying(parser_only: Language) -> None:
    text = "The agency quoted Kim as saying the country would never give up its weapons."
    actors = [mention(text, "Kim", "PRKGOV", "Kim Jong Un")]
    q = only(run(parser_only, text, actors), "indirect")
    assert q.speaker == "Kim Jong Un" and q.cue == "quoted as saying"
    assert q.chain == ["The agency", "Kim Jong Un"]
    assert q.content == "the country would never give up its weapons"


def test_pronoun_speaker_through_coref(parser_only: Language) -> None:
    text = "Kim Jong Un visited a munitions factory. He said production must double."
    kim = mention(text, "Kim Jong Un", "PRKGOV", "Kim Jong Un")
    he = mention(text, "He", "PRKGOV", "Kim Jong Un", via="coref", resolved_from=kim.start)
    q = only(run(parser_only, text, [kim, he], outlet="NK News"), "indirect")
    assert (q.speaker, q.speaker_code) == ("Kim Jong Un", "PRKGOV")
    assert text[q.speaker_start:q.speaker_end] == "He"
    assert q.chain == ["NK News", "Kim Jong Un"]


def test_pronoun_without_coref_keeps_its_text(parser_only: Language) -> None:
    q = only(run(parser_only, "She said the vote was rigged."), "indirect")
    assert q.speaker == "She" and q.speaker_code is None


def test_role_noun_takes_last_agency_mention(parser_only: Language) -> None:
    text = ("The Korean Central News Agency published photos of the launch. "
            "The agency said the missile flew 1,000 km.")
    kcna = mention(text, "Korean Central News Agency", "PRKMED", "KCNA", kind="organisation")
    q = only(run(parser_only, text, [kcna]), "indirect")
    assert (q.speaker, q.speaker_code) == ("KCNA", "PRKMED")
    assert text[q.speaker_start:q.speaker_end] == "The agency"


def test_agency_at_paragraph_end_covers_the_paragraph(parser_only: Language) -> None:
    text = ("Kim Jong Un inspected a missile base on Saturday. "
            "He said the weapons would deter any invasion, KCNA said.\n\n"
            "South Korea's military raised its alert level.")
    kim = mention(text, "Kim Jong Un", "PRKGOV", "Kim Jong Un")
    he = mention(text, "He", "PRKGOV", "Kim Jong Un", via="coref", resolved_from=kim.start)
    kcna = mention(text, "KCNA", "PRKMED", "KCNA", kind="organisation")
    quotes = run(parser_only, text, [kim, he, kcna], outlet="Yonhap")
    agency = next(q for q in quotes if q.speaker == "KCNA")
    assert agency.content_start == 0  # reaches back to the antecedent's sentence
    assert agency.content_end < text.index("\n\n")
    inner = next(q for q in quotes if q.speaker == "Kim Jong Un")
    assert inner.chain == ["Yonhap", "KCNA", "Kim Jong Un"]


def test_agency_does_not_cover_an_unrelated_paragraph(parser_only: Language) -> None:
    text = "Seoul held drills on Friday. Pyongyang will respond, KCNA said."
    kcna = mention(text, "KCNA", "PRKMED", "KCNA", kind="organisation")
    agency = only(run(parser_only, text, [kcna]), "indirect")
    assert agency.content == "Pyongyang will respond"


def test_parenthetical_attribution(parser_only: Language) -> None:
    text = "The talks, the minister said, will resume next week."
    q = only(run(parser_only, text), "indirect")
    assert q.content == "The talks will resume next week"
    assert q.speaker == "the minister"
    assert q.content_start == 0 and text[q.content_end - 4:q.content_end] == "week"


def test_relative_pronoun_speaker_is_its_noun(parser_only: Language) -> None:
    text = "The agency, which first reported the strike, said 14 people had died."
    quotes = run(parser_only, text)
    assert ("The agency", "said", "14 people had died") in [(q.speaker, q.cue, q.content) for q in quotes]
    assert all(q.speaker == "The agency" for q in quotes)  # "which reported the strike" too


def test_write_with_an_object_is_not_speech(parser_only: Language) -> None:
    assert run(parser_only, "She wrote a sequence of five novels about the war.") == []


def test_nested_attribution_with_wrong_parse_nesting(parser_only: Language) -> None:
    text = "He said the weapons would deter any invasion, the agency reported."
    quotes = run(parser_only, text)
    outer = next(q for q in quotes if q.cue == "reported")
    inner = next(q for q in quotes if q.cue == "said")
    assert outer.content == "He said the weapons would deter any invasion"
    assert inner.content == "the weapons would deter any invasion"
    assert outer.chain == ["the agency"] and inner.chain == ["the agency", "He"]


def test_according_to_after_a_quoted_paragraph(parser_only: Language) -> None:
    text = ('"Our forces are ready."\n\nAccording to the defence ministry, the missile fell into the sea.')
    q = only(run(parser_only, text), "according_to")
    assert q.content == "the missile fell into the sea"
    assert q.start == text.index("According")


def test_according_to_in_mid_sentence(parser_only: Language) -> None:
    text = "The convoy, according to local officials, was hit twice."
    q = only(run(parser_only, text), "according_to")
    assert q.content == "The convoy was hit twice"
    assert q.speaker == "local officials"


def test_told_a_news_agency_puts_it_in_the_chain(parser_only: Language) -> None:
    text = "The minister told Reuters the talks had failed."
    actors = [mention(text, "Reuters", "GBRMED", "Reuters", kind="organisation")]
    q = only(run(parser_only, text, actors, outlet="The Hindu"), "indirect")
    assert q.speaker == "The minister"
    assert q.chain == ["The Hindu", "Reuters", "The minister"]


def test_told_reporters_is_not_a_link(parser_only: Language) -> None:
    text = "The minister told reporters the talks had failed."
    actors = [mention(text, "reporters", "---MED", None, kind="group")]
    q = only(run(parser_only, text, actors, outlet="The Hindu"), "indirect")
    assert q.chain == ["The Hindu", "The minister"]
