"""The pattern dictionary: packaged files load and validate; malformed entries name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.ontology import cameo
from eventwire.events.patterns import compile_patterns, load_patterns

GRAMMAR = "light_verbs: [hold]\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_dictionary_covers_every_root():
    ps = load_patterns()
    roots = {p.code[:2] for table in (ps.verbs, ps.nouns) for entries in table.values() for p in entries if p.code}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert ps.count > 150
    assert ps.version.startswith("ewcoder-") and len(ps.digest) == 8


def test_packaged_codes_exist_in_the_ontology():
    ps = load_patterns()
    for table in (ps.verbs, ps.nouns):
        for entries in table.values():
            for p in entries:
                for code in [p.code, p.refusal, *p.complement.values()]:
                    if code and code != "keep":
                        assert cameo(code).code == code, p.id


def test_every_entry_has_an_example_sentence():
    ps = load_patterns()
    for table in (ps.verbs, ps.nouns):
        for entries in table.values():
            for p in entries:
                assert p.example.endswith((".", "!", "?")) and len(p.example.split()) >= 4, p.id


def test_lookup_is_by_lemma_and_most_specific_first():
    ps = load_patterns()
    call = ps.verbs["call"]
    assert call[0].specificity >= call[-1].specificity
    assert "sanction" in ps.nouns and "impose" not in ps.nouns


def test_prepositions_on_and_no_stay_strings():
    ps = load_patterns()
    assert "on" in ps.verbs["call"][0].requires.get("prep", frozenset()) or any(
        "on" in p.requires.get("prep", ()) for p in ps.verbs["call"])
    assert "no" in ps.words("negative_determiners")


def test_valid_custom_file(tmp_path):
    write(tmp_path, "_grammar.yml", GRAMMAR)
    write(tmp_path, "04_x.yml", """root: "04"
entries:
  - id: x.meet
    code: "040"
    verb: [meet]
    requires: {prep: [on]}
    target: [prep:with]
    example: "Egypt met with Jordan on Monday."
""")
    ps = compile_patterns(list(tmp_path.glob("*.yml")))
    assert ps.count == 1 and ps.verbs["meet"][0].requires["prep"] == frozenset({"on"})
    assert ps.words("light_verbs") == frozenset({"hold"})


@pytest.mark.parametrize(("body", "reason"), [
    ('  - id: a\n    code: "999"\n    verb: [meet]\n    example: "Egypt met Jordan today."\n', "CAMEO"),
    ('  - id: a\n    code: "190"\n    verb: [meet]\n    example: "Egypt met Jordan today."\n', "root"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n    colour: red\n    example: "Egypt met Jordan today."\n',
     "unknown keys"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n    noun: [talk]\n    example: "Egypt met Jordan today."\n',
     "exactly one"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n', "example"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n    target: [elsewhere]\n    example: "Egypt met Jordan."\n',
     "role"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n    requires: {colour: [red]}\n    example: "Egypt met Jordan."\n',
     "requirement"),
    ('  - id: a\n    verb: [meet]\n    example: "Egypt met Jordan today."\n', "needs a code"),
    ('  - id: a\n    code: "040"\n    verb: [meet]\n    example: "Egypt met Jordan today."\n'
     '  - id: a\n    code: "040"\n    verb: [see]\n    example: "Egypt saw Jordan today."\n', "duplicate"),
])
def test_malformed_entries_raise_with_line(tmp_path, body, reason):
    path = write(tmp_path, "04_bad.yml", 'root: "04"\nentries:\n' + body)
    with pytest.raises(DataFileError) as info:
        compile_patterns([path])
    assert reason in info.value.reason
    assert info.value.path == str(path)
    assert info.value.line is not None and info.value.line >= 3


def test_bad_yaml_and_bad_layout(tmp_path):
    with pytest.raises(DataFileError) as info:
        compile_patterns([write(tmp_path, "04_a.yml", "root: '04'\nentries: [\n")])
    assert "YAML" in info.value.reason
    with pytest.raises(DataFileError):
        compile_patterns([write(tmp_path, "04_b.yml", "entries: []\n")])
    with pytest.raises(DataFileError):
        compile_patterns([write(tmp_path, "05_c.yml", "root: '05'\nentries: 3\n")])


def test_empty_directory(tmp_path):
    with pytest.raises(DataFileError):
        load_patterns(str(tmp_path))


def test_new_requirement_keys_roles_and_mutual(tmp_path):
    write(tmp_path, "_grammar.yml", GRAMMAR)
    write(tmp_path, "05_x.yml", """root: "05"
entries:
  - id: x.sign
    code: "057"
    verb: [sign]
    requires: {subj_not: [MIL, troop], pobj_not: {from: [treaty]}}
    target: [comp_obj, prep:with]
    mutual: true
    example: "Japan signed a treaty with India."
""")
    p = compile_patterns(list(tmp_path.glob("*.yml"))).verbs["sign"][0]
    assert p.requires["subj_not"] == frozenset({"mil", "troop"})
    assert p.requires["pobj_not"] == {"from": frozenset({"treaty"})}
    assert p.target == ("comp_obj", "prep:with") and p.mutual
    assert p.specificity == 1.0  # exclusions count half


def test_packaged_exclusions_are_loaded():
    ps = load_patterns()
    travel = next(p for p in ps.verbs["arrive"] if p.id == "consult.travel")
    assert "troop" in travel.requires["subj_not"]
    withdraw = next(p for p in ps.verbs["withdraw"] if p.id == "yield.withdraw")
    assert "treaty" in withdraw.requires["pobj_not"]["from"]
    assert "telephone" in ps.words("subject_control_verbs")


@pytest.mark.parametrize("req", ["{pobj_not: [treaty]}", "{pobj_not: {}}", "{subj_not: []}"])
def test_malformed_exclusions_raise(tmp_path, req):
    path = write(tmp_path, "04_bad.yml", f'root: "04"\nentries:\n  - id: a\n    code: "040"\n    verb: [meet]\n'
                                          f'    requires: {req}\n    example: "Egypt met Jordan today."\n')
    with pytest.raises(DataFileError) as info:
        compile_patterns([path])
    assert "requires" in info.value.reason and info.value.line == 3


@pytest.mark.parametrize(("value", "ok"), [('"keep"', True), ('"030"', True), ('"maybe"', False)])
def test_complement_keep_is_the_only_word_allowed(tmp_path, value, ok):
    path = write(tmp_path, "03_x.yml", f'root: "03"\nentries:\n  - id: a\n    code: "030"\n    verb: [agree]\n'
                                         f'    complement: {{"16": {value}}}\n    example: "Egypt agreed to cut ties."\n')
    if ok:
        assert compile_patterns([path]).verbs["agree"][0].fold
    else:
        with pytest.raises(DataFileError, match="complement"):
            compile_patterns([path])


def test_modifier_exclusion_and_object_entity_keys(tmp_path):
    write(tmp_path, "_grammar.yml", GRAMMAR)
    write(tmp_path, "19_x.yml", """root: "19"
entries:
  - id: x.capture_place
    code: "192"
    verb: [capture]
    requires: {dobj_ent: [gpe, Place], mod_not: [air]}
    example: "Rebels captured Goma on Monday."
  - id: x.capture_person
    code: "190"
    verb: [capture]
    requires: {dobj_ent_not: [GPE, LOC]}
    example: "Rebels captured two soldiers."
""")
    table = compile_patterns(list(tmp_path.glob("*.yml"))).verbs["capture"]
    assert table[0].requires["dobj_ent"] == frozenset({"GPE", "PLACE"})
    assert table[0].requires["mod_not"] == frozenset({"air"})
    assert table[1].requires["dobj_ent_not"] == frozenset({"GPE", "LOC"})


def test_unknown_entity_label_is_rejected(tmp_path):
    write(tmp_path, "_grammar.yml", GRAMMAR)
    write(tmp_path, "19_x.yml", """root: "19"
entries:
  - id: x.capture
    code: "192"
    verb: [capture]
    requires: {dobj_ent: [TOWN]}
    example: "Rebels captured Goma on Monday."
""")
    with pytest.raises(DataFileError, match="unknown labels"):
        compile_patterns(list(tmp_path.glob("*.yml")))
