"""Court steps are no appeals, and an announced rejection is a rejection (planned), not a threat:
senses the real-news audit (round 3) found coded wrong."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import make_doc


def coded(nlp, text: str) -> list[tuple[str | None, str | None, str, str]]:
    doc = nlp(make_doc(nlp, text, published="2024-03-05"))
    return [(e.source, e.target, e.code, e.modality) for e in doc._.events]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Chinese businessman pleaded guilty to spying for Beijing.",
    "Two US guards pleaded not guilty on Tuesday.",
    "Mexico appealed the ruling of the trade panel.",
])
def test_court_steps_are_no_appeals(nlp_model, text: str) -> None:
    assert not [e for e in coded(nlp_model, text) if e[2].startswith("02")], coded(nlp_model, text)


@pytest.mark.model
def test_an_appeal_to_an_actor_still_codes(nlp_model) -> None:
    assert any(e[2].startswith("02") and (e[1] or "").startswith("IGO")
               for e in coded(nlp_model, "Sudan appealed to the United Nations for food aid."))


@pytest.mark.model
def test_an_announced_rejection_is_no_threat(nlp_model) -> None:
    got = coded(nlp_model, "The Pentagon will dismiss any criticism of the strikes.")
    assert got and all(e[2].startswith("12") and e[3] == "planned" for e in got), got


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A US official, who asked not to be named, said the talks had stalled.",
    "Israeli settlements threaten a two-state solution, the UN envoy said.",
])
def test_no_appeal_or_threat_in_these(nlp_model, text: str) -> None:
    got = coded(nlp_model, text)
    assert not [e for e in got if e[2][:2] in ("02", "13")], got


@pytest.mark.model
def test_actors_still_threaten_and_ask(nlp_model) -> None:
    assert any(e[2].startswith("13") for e in coded(nlp_model, "Iran threatened Israel with retaliation."))
    assert any(e[2].startswith("02") for e in coded(nlp_model, "Kenya asked Somalia to hand over the suspects."))


@pytest.mark.model
def test_a_person_set_on_fire_is_assaulted(nlp_model) -> None:
    got = coded(nlp_model, "A man was set on fire by a protester in Hong Kong.")
    assert any(e[2] == "180" for e in got) and not any(e[2] == "145" for e in got), got


@pytest.mark.model
def test_pulling_it_off_is_no_withdrawal(nlp_model) -> None:
    assert not coded(nlp_model, "The Taliban managed to pull it off without the Afghan army noticing.")
    assert any(e[2] == "0874" for e in coded(nlp_model, "Russia pulled its troops out of Kherson."))
