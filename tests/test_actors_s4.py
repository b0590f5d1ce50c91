"""Round 4 actor data: lower-case adjectives that are also common words stay out of the lower-case path."""

from __future__ import annotations

import pytest

from eventwire.actors.dictionary import load_dictionary


@pytest.mark.parametrize("word", ["polish", "french", "swiss", "danish", "dutch", "turkish", "afghan", "georgian"])
def test_ambiguous_lower_case_adjectives_are_listed(word: str) -> None:
    # "polish the shoes", "french fries", "swiss cheese", "an afghan rug": a lower-case reading as a
    # nationality must be refused once lower-case adjectives are matched at all
    assert word in load_dictionary().lowercase_not


@pytest.mark.parametrize("word", ["syrian", "tunisian", "ukrainian", "malian"])
def test_unambiguous_lower_case_adjectives_are_not_listed(word: str) -> None:
    d = load_dictionary()
    assert word not in d.lowercase_not
    entry = d.lookup(word.capitalize())
    assert entry is not None and entry.kind == "adjective"


@pytest.mark.model
@pytest.mark.parametrize(("text", "form", "code"), [
    ("tunisian rioters attacked a police station on Monday.", "tunisian rioters", "TUNCVL"),
    ("Officials said syrian troops crossed the border.", "syrian troops", "SYRMIL"),
    ("Hundreds of syrians fled to Turkey.", "syrians", "SYR"),
])
def test_lower_case_national_words_give_the_country(nlp_model, text: str, form: str, code: str) -> None:
    doc = nlp_model(text)
    assert (form, code) in [(m.text, m.code) for m in doc._.actors]


@pytest.mark.model
@pytest.mark.parametrize("text", ["She ate french fries and a danish pastry.", "They polish the turkish delight."])
def test_lower_case_common_words_are_no_country(nlp_model, text: str) -> None:
    doc = nlp_model(text)
    assert not [m for m in doc._.actors if m.code]


@pytest.mark.model
def test_dated_roles_of_added_people(nlp_model) -> None:
    from eventwire.nlp.pipeline import make_doc

    doc = nlp_model(make_doc(nlp_model, "John Kelly met reporters.", published="2018-03-01"))
    assert [m.code for m in doc._.actors if m.text == "John Kelly"] == ["USAGOV"]
    doc = nlp_model(make_doc(nlp_model, "Mahathir Mohamad spoke in Kuala Lumpur.", published="2019-01-10"))
    assert [m.code for m in doc._.actors if m.text == "Mahathir Mohamad"] == ["MYSGOV"]


@pytest.mark.model
@pytest.mark.parametrize(("published", "code"), [("2018-03-20", "SVNOPP"), ("2021-05-04", "SVNGOV")])
def test_jansa_in_and_out_of_office(nlp_model, published: str, code: str) -> None:
    from eventwire.nlp.pipeline import make_doc

    doc = nlp_model(make_doc(nlp_model, "Janez Jansa spoke to reporters.", published=published))
    assert [m.code for m in doc._.actors if m.text == "Janez Jansa"] == [code]
