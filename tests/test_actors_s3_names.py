"""Names the real-news audit (round 3) found miscoded: a role word ending a person's name, a national
body whose last words name a UN organ, a party whose name contains another country's party."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import make_doc


def actors(nlp, text: str) -> dict[str, str | None]:
    doc = nlp(make_doc(nlp, text, published="2019-11-20"))
    return {m.text: m.code for m in doc._.actors}


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "code"), [
    ("Kevin King and another teacher were freed by the insurgents.", "Kevin King", None),
    ("Jordan's King Abdullah met the envoy.", "Jordan's King Abdullah", "JORGOV"),
    ("Saudi Crown Prince Mohammed bin Salman met the envoy.", "Saudi Crown Prince Mohammed bin Salman", "SAUGOV"),
    ("A National Security Council aide testified on Tuesday.", "National Security Council aide", "---GOV"),
    ("The Peoples Democratic Party accused the electoral commission of fraud.", "Peoples Democratic Party",
     "NGAPTY"),
    ("Jeremy Corbyn criticised the budget.", "Jeremy Corbyn", "GBROPP"),
])
def test_names_code_as_what_they_name(nlp_model, text: str, span: str, code: str | None) -> None:
    got = actors(nlp_model, text)
    assert span in got and got[span] == code, got


@pytest.mark.model
def test_a_role_word_ending_a_name_is_no_title(nlp_model) -> None:
    got = actors(nlp_model, "Kevin King and another teacher were freed by the insurgents.")
    assert "King" not in got and not any((c or "").endswith("GOV") for c in got.values()), got
