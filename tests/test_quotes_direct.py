"""Direct quotes: quotation marks of every kind, split and multi-sentence quotes, speaker placement."""

from __future__ import annotations

import pytest
from conftest import build_doc
from spacy.language import Language

from eventwire.quotes import QuoteFinder
from eventwire.records import ActorMention, Quote


def run(nlp: Language, text: str, actors: list[ActorMention] | None = None, outlet: str | None = None) -> list[Quote]:
    doc = nlp.make_doc(text)
    doc._.outlet = outlet
    doc = nlp(doc)
    doc._.actors = actors or []
    return QuoteFinder(nlp)(doc)._.quotes


def directs(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


# ---- hand-built Docs (no model) ----

def test_hand_built_speaker_after(blank_nlp: Language) -> None:
    words = ['"', "We", "will", "respond", ",", '"', "the", "minister", "said", "."]
    spaces = [False, True, True, False, False, True, True, True, False, False]
    heads = [8, 3, 3, 8, 8, 8, 7, 8, 8, 8]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    lemmas = ['"', "we", "will", "respond", ",", '"', "the", "minister", "say", "."]
    doc = build_doc(blank_nlp, words, heads, deps, pos=pos, lemmas=lemmas, spaces=spaces)
    doc._.outlet = "BBC"
    q = QuoteFinder(blank_nlp)(doc)._.quotes
    assert len(q) == 1
    assert q[0].kind == "direct" and q[0].content == "We will respond"
    assert q[0].speaker == "the minister" and q[0].cue == "said"
    assert q[0].chain == ["BBC", "the minister"]
    assert (q[0].start, q[0].end) == (0, len(doc.text) - 1)


def test_hand_built_scare_quote_is_skipped(blank_nlp: Language) -> None:
    words = ["The", '"', "peace", "plan", '"', "failed", "."]
    spaces = [True, False, False, False, True, False, False]
    heads = [3, 3, 3, 5, 3, 5, 5]
    deps = ["det", "punct", "compound", "nsubj", "punct", "ROOT", "punct"]
    lemmas = ["the", '"', "peace", "plan", '"', "fail", "."]
    doc = build_doc(blank_nlp, words, heads, deps, lemmas=lemmas, spaces=spaces)
    assert QuoteFinder(blank_nlp)(doc)._.quotes == []


def test_no_cue_no_mark_is_cheap_and_empty(blank_nlp: Language) -> None:
    doc = blank_nlp("Troops crossed the river at dawn.")
    assert QuoteFinder(blank_nlp)(doc)._.quotes == []


def test_unparsed_doc_keeps_long_unattributed_quotes(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Crowds chanted “the war must end now” outside parliament.")
    q = QuoteFinder(blank_nlp)(doc)._.quotes
    assert [x.content for x in q] == ["the war must end now"]
    assert q[0].speaker is None and q[0].chain == []


# ---- real parses (model) ----

@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"Our forces are ready to defend the capital," the minister said.',
    "“Our forces are ready to defend the capital,” the minister said.",
    "«Our forces are ready to defend the capital», the minister said.",
    "‘Our forces are ready to defend the capital,’ the minister said.",
])
def test_marks_of_every_kind(parser_only: Language, text: str) -> None:
    q = directs(run(parser_only, text))
    assert len(q) == 1
    assert q[0].content == "Our forces are ready to defend the capital"
    assert q[0].speaker == "the minister"


@pytest.mark.model
def test_speaker_before_with_colon(parser_only: Language) -> None:
    text = 'Putin said: "Russia will not back down."'
    actors = [ActorMention(0, 5, "Putin", "RUSGOV", name="Vladimir Putin", kind="person")]
    q = directs(run(parser_only, text, actors))[0]
    assert q.content == "Russia will not back down."
    assert (q.speaker, q.speaker_code, q.cue) == ("Vladimir Putin", "RUSGOV", "said")
    assert q.start == 0 and q.end == len(text)


@pytest.mark.model
def test_inverted_speaker_after(parser_only: Language) -> None:
    text = "“There will be no retreat,” said General Syrskyi."
    q = directs(run(parser_only, text))[0]
    assert q.content == "There will be no retreat"
    assert q.speaker == "General Syrskyi"


@pytest.mark.model
def test_split_quote_is_one_quote(parser_only: Language) -> None:
    text = '"We will respond," he said, "with force."'
    quotes = run(parser_only, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.content == "We will respond, with force."
    assert q.speaker == "he" and q.cue == "said"
    assert q.content_start == 1 and q.content_end == len(text) - 1


@pytest.mark.model
def test_multi_sentence_quote(parser_only: Language) -> None:
    text = "“We will not back down. Our army is ready. The enemy will pay,” the general said."
    q = directs(run(parser_only, text))
    assert len(q) == 1
    assert q[0].content == "We will not back down. Our army is ready. The enemy will pay"
    assert q[0].speaker == "the general"


@pytest.mark.model
def test_unclosed_quote_runs_to_paragraph_end(parser_only: Language) -> None:
    text = ('The prime minister told parliament: "This bill protects our borders. It will pass.\n\n'
            "The opposition walked out.")
    q = directs(run(parser_only, text))
    assert len(q) == 1
    assert q[0].content == "This bill protects our borders. It will pass."
    assert q[0].speaker == "The prime minister"


@pytest.mark.model
def test_continuation_quote_keeps_the_speaker(parser_only: Language) -> None:
    text = '"The strikes will continue," the spokesman said. "No target is off limits."'
    q = directs(run(parser_only, text))
    assert [x.content for x in q] == ["The strikes will continue", "No target is off limits."]
    assert q[1].speaker == "the spokesman" and q[1].cue is None


@pytest.mark.model
def test_partial_quote_inside_indirect_speech(parser_only: Language) -> None:
    text = 'Kim said the United States was "playing with fire" near the peninsula.'
    actors = [ActorMention(0, 3, "Kim", "PRKGOV", name="Kim Jong Un", kind="person")]
    quotes = run(parser_only, text, actors)
    kinds = sorted(q.kind for q in quotes)
    assert kinds == ["direct", "indirect"]
    assert all(q.speaker == "Kim Jong Un" for q in quotes)


@pytest.mark.model
def test_pronoun_speaker_of_direct_quote_via_coref(parser_only: Language) -> None:
    text = 'Zelensky visited the front on Monday. "We are holding the line," he told soldiers.'
    z = ActorMention(0, 8, "Zelensky", "UKRGOV", name="Volodymyr Zelensky", kind="person")
    i = text.index("he told")
    he = ActorMention(i, i + 2, "he", "UKRGOV", name="Volodymyr Zelensky", kind="person", via="coref",
                      resolved_from=0)
    q = directs(run(parser_only, text, [z, he], outlet="Kyiv Independent"))[0]
    assert (q.speaker, q.speaker_code) == ("Volodymyr Zelensky", "UKRGOV")
    assert q.speaker_start == i
    assert q.chain == ["Kyiv Independent", "Volodymyr Zelensky"]


@pytest.mark.model
def test_unresolved_pronoun_falls_back_to_last_named_speaker(parser_only: Language) -> None:
    text = 'Prime Minister Mark Carney said tariffs would stay. "We will not blink," he added.'
    q = directs(run(parser_only, text))[0]
    assert q.speaker == "Prime Minister Mark Carney"


@pytest.mark.model
def test_apostrophes_are_not_quotes(parser_only: Language) -> None:
    text = "The soldiers' families said the army's plan wasn't safe."
    assert directs(run(parser_only, text)) == []


@pytest.mark.model
def test_mixed_straight_and_curly_marks_pair(parser_only: Language) -> None:
    text = '"Open the door! We are coming in!” an officer shouted.'
    q = directs(run(parser_only, text))
    assert [x.content for x in q] == ["Open the door! We are coming in!"]
    assert q[0].speaker == "an officer"


@pytest.mark.model
def test_place_adjective_does_not_code_the_speaker(parser_only: Language) -> None:
    text = "A Washington-based trade expert said the tariffs would stay."
    w = text.index("Washington")
    actors = [ActorMention(w, w + 10, "Washington", "USAGOV", name="United States", kind="country")]
    q = run(parser_only, text, actors)[0]
    assert q.speaker_code is None


@pytest.mark.model
def test_mention_after_the_role_noun_codes_the_speaker(parser_only: Language) -> None:
    text = "A spokesman for the Foreign Ministry said the sanctions were illegal."
    f = text.index("Foreign Ministry")
    actors = [ActorMention(f, f + 16, "Foreign Ministry", "RUSGOV", name="Russian Foreign Ministry", kind="organisation")]
    q = run(parser_only, text, actors)[0]
    assert q.speaker == "A spokesman for the Foreign Ministry" and q.speaker_code == "RUSGOV"


@pytest.mark.model
def test_quote_running_over_paragraphs_keeps_its_speaker(parser_only: Language) -> None:
    text = ('"We will rebuild every bridge," the governor said. "Every road will reopen by spring.\n\n'
            '"Nobody will be left behind."')
    q = directs(run(parser_only, text))
    assert [x.content for x in q] == ["We will rebuild every bridge", "Every road will reopen by spring.",
                                      "Nobody will be left behind."]
    assert {x.speaker for x in q} == {"the governor"}


@pytest.mark.model
def test_a_new_paragraph_quote_after_a_closed_one_is_not_continued(parser_only: Language) -> None:
    text = '"We will rebuild every bridge," the governor said.\n\n"Roads stay closed until the spring thaw."'
    q = directs(run(parser_only, text))
    assert q[1].speaker is None
