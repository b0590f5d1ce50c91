"""Scoring rules of ``eventwire eval`` (same rules as the shared evaluation scorer)."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import MalformedRecord
from eventwire.events.evaluate import format_report, load_gold, match, score


def gold_event(**kw):
    base = {"source": ["USA"], "target": ["IRN"], "roots": ["16"], "code": "163"}
    base.update(kw)
    return base


def test_actor_prefix_and_strict():
    g = gold_event(source=["USAGOV"])
    p = {"source": "USAMIL", "target": "IRNGOV", "code": "163"}
    assert match(g, p)
    assert not match(g, p, strict=True)
    assert match(g, {**p, "source": "USAGOVX"}, strict=True)


def test_any_actor_and_targets():
    assert match(gold_event(source=["---"]), {"source": "FRA", "target": "IRN", "code": "1631"})
    no_target = gold_event(target=[])
    assert not match(no_target, {"source": "USA", "target": "IRN", "code": "163"})
    assert match(no_target, {"source": "USA", "target": None, "code": "163"})
    assert match({**no_target, "target_any": True}, {"source": "USA", "target": "IRN", "code": "163"})
    assert not match(gold_event(), {"source": "USA", "target": None, "code": "163"})


def test_roots_and_plover():
    assert not match(gold_event(), {"source": "USA", "target": "IRN", "code": "173"})
    g = {"source": ["USA"], "target": ["IRN"], "plover": "SANCTION"}
    assert match(g, {"source": "USA", "target": "IRN", "plover": "sanction", "code": "999"})
    assert not match(g, {"source": "USA", "target": "IRN", "plover": "COERCE", "code": "163"})


def test_score_counts_greedy_optional_and_excluded():
    gold = [
        {"id": "a", "events": [gold_event(), gold_event(optional=True, roots=["17"])]},
        {"id": "b", "events": [gold_event()]},
        {"id": "c", "events": []},
    ]
    hit = {"source": "USA", "target": "IRN", "code": "163"}
    preds = {
        "a": [hit, dict(hit), {"source": "USA", "target": "IRN", "code": "173"}],  # 1 tp, 1 fp, optional hit
        "b": [{**hit, "negated": True}, {**hit, "modality": "hypothetical"}],  # both left out -> 1 fn
        "c": [{"source": "FRA", "target": None, "code": "010"}],  # 1 fp
    }
    report = score(gold, preds)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 1)
    assert report.by_key["16"].tp == 1 and report.by_key["16"].fn == 1
    last = format_report(report)[-1]
    assert last == "precision 0.333 recall 0.500 f1 0.400 (tp 1, fp 2, fn 1)"


def test_verbose_lists_misses_and_extras():
    gold = [{"id": "a", "events": [gold_event()]}]
    lines = format_report(score(gold, {"a": [{"source": "FRA", "target": None, "code": "010"}]}), verbose=True)
    assert lines[0].startswith("a: missed [['USA']->['IRN']") and "FRA->None 010" in lines[0]


def test_load_gold_checks_records(tmp_path):
    good = tmp_path / "g.jsonl"
    good.write_text(json.dumps({"id": "x", "text": "Iran met Iraq.", "events": []}) + "\n\n")
    assert load_gold(good)[0]["id"] == "x"
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": "x", "text": "t", "events": []}\n{not json\n')
    with pytest.raises(MalformedRecord) as info:
        load_gold(bad)
    assert info.value.record == "line 2"
    missing = tmp_path / "m.jsonl"
    missing.write_text('{"text": "no id"}\n')
    with pytest.raises(MalformedRecord):
        load_gold(missing)


def test_an_unreadable_published_date_is_no_date(blank_nlp, monkeypatch) -> None:
    import eventwire.nlp.pipeline as pipeline
    from eventwire.events.evaluate import code_gold

    seen: list[str | None] = []
    real = pipeline.make_doc

    def spy(nlp, text, **kw):
        seen.append(kw["published"])
        return real(nlp, text, **kw)

    monkeypatch.setattr(pipeline, "make_doc", spy)
    gold = [{"id": "a", "text": "One.", "published": "121108"}, {"id": "b", "text": "Two.", "published": "2008-08-06"}]
    assert [doc_id for doc_id, _ in code_gold(gold, nlp=blank_nlp)] == ["a", "b"]
    assert seen == [None, "2008-08-06"]
