"""A court or prosecutor dismissing charges rejects no one and denies nothing; the accused's own
denial stays CAMEO's 016."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The Supreme Court of Azerbaijan dismissed the charges against the journalist on Tuesday.",
    "A judge dismissed the charges against the activist.",
    "The court rejected the charges brought by the government.",
])
def test_courts_dismissing_charges_code_no_rejection(nlp_model, text: str) -> None:
    codes = [e.code for e in eventwire.code_text(text)]
    assert not [c for c in codes if c[:2] == "12" or c == "016"], codes


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Moscow denied the accusations by Britain.", "RUSGOV", "GBR"),
    ("Iran's foreign ministry dismissed the allegations.", "IRNGOV", None),
])
def test_the_accused_still_denies(nlp_model, text: str, source: str, target: str | None) -> None:
    assert [(e.source, e.target, e.code) for e in eventwire.code_text(text)] == [(source, target, "016")]
