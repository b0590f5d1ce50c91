"""The CAMEO and PLOVER ontologies: completeness, consistency, look-ups, and malformed-file errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events import ontology
from eventwire.events.ontology import (
    CameoCode,
    cameo,
    cameo_codes,
    load_cameo,
    load_cameo_plover,
    load_plover,
    plover_contexts,
    plover_to_cameo,
    plover_type,
    plover_types,
    quad_class,
)

ROOTS = [f"{i:02d}" for i in range(1, 21)]
PLOVER_16 = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


# ---- the CAMEO list -------------------------------------------------------------------------------

def test_all_twenty_roots_and_about_three_hundred_codes() -> None:
    codes = cameo_codes()
    assert [c for c in codes if len(c) == 2] == ROOTS
    assert 300 <= len(codes) <= 330


@pytest.mark.parametrize("code", ["0211", "0214", "0234", "0244", "0256", "0314", "0334", "0344", "0356", "0811",
                                  "0874", "1014", "1044", "1056", "1125", "1212", "1246", "1313", "1385", "1454",
                                  "1663", "1724", "1823", "1834", "1952", "2041", "2042", "155", "176", "196"])
def test_listed_codes_present(code: str) -> None:
    assert code in cameo_codes()


def test_no_invented_codes() -> None:
    # 031x stops at 0314 and 17x has no 177 in CAMEO.
    for code in ("0315", "0316", "177", "0875", "1247"):
        assert code not in cameo_codes()


def test_every_code_has_a_known_root_and_parent() -> None:
    codes = cameo_codes()
    for code, c in codes.items():
        assert c.code == code
        assert c.root in ROOTS and code.startswith(c.root)
        if len(code) > 2:
            assert code[:-1] in codes, f"{code} lacks parent"
            assert c.parent == code[:-1]
        else:
            assert c.parent is None


def test_goldstein_in_range_and_known_values() -> None:
    for c in cameo_codes().values():
        assert -10.0 <= c.goldstein <= 10.0
        assert c.name and "\t" not in c.name
    # Root weights from the Goldstein scale, and a few children that differ from their root.
    expected = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
                "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
                "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
                "0874": 10.0, "057": 8.0, "130": -4.4, "163": -8.0, "171": -9.2, "1823": -10.0}
    for code, value in expected.items():
        assert cameo(code).goldstein == value, code


def test_codes_are_unique_in_the_file() -> None:
    lines = [ln.split("\t")[0] for ln in ontology.CAMEO_FILE.read_text().splitlines()
             if ln and not ln.startswith("#")][1:]
    assert len(lines) == len(set(lines)) == len(cameo_codes())


def test_quad_class_convention() -> None:
    for c in cameo_codes().values():
        n = int(c.root)
        want = 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4
        assert c.quad_class == want == quad_class(c.code)
    assert quad_class("057") == 1 and quad_class("061") == 2 and quad_class("112") == 3 and quad_class("190") == 4
    with pytest.raises(KeyError):
        quad_class("21")
    with pytest.raises(KeyError):
        quad_class("abc")


def test_cameo_lookup_and_unknown_code() -> None:
    c = cameo("0311")
    assert isinstance(c, CameoCode)
    assert (c.root, c.quad_class, c.plover) == ("03", 1, "AGREE")
    assert cameo(" 042 ").code == "042"
    with pytest.raises(KeyError, match="unknown CAMEO code '42'"):
        cameo("42")
    with pytest.raises(KeyError):
        cameo("0999")


def test_cached_objects_are_shared() -> None:
    assert cameo_codes() is cameo_codes()
    assert plover_types() is plover_types()


# ---- PLOVER and the mapping -----------------------------------------------------------------------

def test_sixteen_plover_types_with_modes() -> None:
    types = plover_types()
    assert set(types) == PLOVER_16
    for t in types.values():
        assert t.description and isinstance(t.modes, tuple)
    assert set(types["CONSULT"].modes) == {"visit", "third-party", "multilateral", "phone"}
    assert "ceasefire" in types["RETREAT"].modes and "release" in types["RETREAT"].modes
    assert "arrest" in types["COERCE"].modes and "drone" in types["ASSAULT"].modes
    assert types["AGREE"].modes == ()
    assert {n for n, t in types.items() if t.requires_recipient} == {"COOPERATE", "AID", "SANCTION"}
    assert plover_type("consult") is types["CONSULT"]
    with pytest.raises(KeyError):
        plover_type("HUG")
    assert "military" in plover_contexts() and len(plover_contexts()) == len(set(plover_contexts()))


def test_every_code_maps_to_valid_plover_or_explicit_none() -> None:
    types = plover_types()
    mapped = ontology.load_cameo_plover(ontology.CAMEO_PLOVER_FILE, cameo_codes(), types)
    assert set(mapped) == set(cameo_codes())
    for c in cameo_codes().values():
        if c.plover is None:
            assert c.plover_mode is None
            assert c.root == "01", f"{c.code} has no PLOVER type"
        else:
            assert c.plover in types
            assert c.plover_mode is None or c.plover_mode in types[c.plover].modes
    # Every PLOVER type is reachable from some CAMEO code.
    assert {c.plover for c in cameo_codes().values()} - {None} == PLOVER_16


@pytest.mark.parametrize(("code", "plover", "mode"), [
    ("010", None, None), ("012", None, None), ("019", "AGREE", None), ("0212", "REQUEST", "assist"),
    ("036", "AGREE", None), ("041", "CONSULT", "phone"), ("042", "CONSULT", "visit"),
    ("043", "CONSULT", "visit"), ("044", "CONSULT", "third-party"), ("045", "CONSULT", "third-party"),
    ("046", "CONSULT", None), ("051", "SUPPORT", None), ("054", "SUPPORT", None), ("055", "CONCEDE", None),
    ("057", "SUPPORT", None), ("062", "COOPERATE", None), ("073", "AID", None), ("081", "CONCEDE", None),
    ("0841", "RETREAT", "release"), ("0871", "RETREAT", "ceasefire"), ("0874", "RETREAT", "withdraw"),
    ("091", "ACCUSE", "investigate"), ("1041", "REQUEST", "change"), ("111", "ACCUSE", "disapprove"),
    ("1122", "ACCUSE", "allege"), ("116", "SANCTION", "convict"), ("125", "REJECT", "meet"),
    ("1382", "THREATEN", "territory"), ("141", "PROTEST", "demo"), ("145", "PROTEST", "riot"),
    ("154", "MOBILIZE", "troops"), ("163", "SANCTION", None), ("172", "COERCE", "restrict"),
    ("173", "COERCE", "arrest"), ("174", "COERCE", "deport"), ("1831", "ASSAULT", "suicide-attack"),
    ("193", "ASSAULT", "firearms"), ("195", "ASSAULT", "aerial"), ("202", "ASSAULT", "unconventional"),
])
def test_mapping_by_meaning(code: str, plover: str | None, mode: str | None) -> None:
    c = cameo(code)
    assert (c.plover, c.plover_mode) == (plover, mode)


def test_plover_to_cameo() -> None:
    for name, t in plover_types().items():
        code = plover_to_cameo(name)
        assert cameo(code).plover == name
        for mode in t.modes:
            assert cameo(plover_to_cameo(name, mode)).plover == name
    assert plover_to_cameo("CONSULT", "visit") == "042"
    assert plover_to_cameo("RETREAT", "ceasefire") == "0871"
    assert plover_to_cameo("COERCE", "arrest") == "173"
    assert plover_to_cameo("THREATEN", "arrest") == plover_to_cameo("THREATEN")  # no own CAMEO code
    with pytest.raises(KeyError, match="no mode"):
        plover_to_cameo("AGREE", "visit")
    with pytest.raises(KeyError):
        plover_to_cameo("HUG")


# ---- malformed files ------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "line", "reason"), [
    ("01\tstatement\t0.0\n010\tstatement\tzero\n", 4, "not a number"),
    ("01\tstatement\t0.0\n010\tstatement\n", 4, "columns"),
    ("01\tstatement\t0.0\n010\tstatement\t11\n", 4, "outside"),
    ("01\tstatement\t0.0\n21\twhat\t0\n", 4, "root"),
    ("01\tstatement\t0.0\n01\tagain\t0\n", 4, "repeated"),
    ("01\tstatement\t0.0\n0111\torphan\t0\n", 4, "parent"),
    ("01\tstatement\t0.0\n1x\tbad\t0\n", 4, "digits"),
])
def test_malformed_cameo_tsv_names_file_and_line(tmp_path: Path, body: str, line: int, reason: str) -> None:
    path = _write(tmp_path, "cameo.tsv", "# comment\ncode\tname\tgoldstein\n" + body)
    with pytest.raises(DataFileError, match=reason) as info:
        load_cameo(path)
    assert info.value.path == str(path) and info.value.line == line
    assert f"cameo.tsv:{line}" in str(info.value)


def test_cameo_tsv_without_header(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        load_cameo(_write(tmp_path, "cameo.tsv", "01\tstatement\t0.0\n"))
    assert info.value.line == 1


def test_malformed_mapping_tsv(tmp_path: Path) -> None:
    codes = {"01": None, "010": None}
    types = plover_types()
    ok = "code\tplover\tmode\n01\t-\t\n010\t-\t\n"
    assert load_cameo_plover(_write(tmp_path, "m.tsv", ok), codes, types) == {"01": (None, None),
                                                                              "010": (None, None)}
    for body, line in [("01\tHUG\t\n", 2), ("01\tCONSULT\tdance\n", 2), ("01\t-\tvisit\n", 2),
                       ("01\t-\t\n01\t-\t\n", 3), ("01\t-\t\n", 2), ("09\tACCUSE\t\n", 2)]:
        with pytest.raises(DataFileError) as info:
            load_cameo_plover(_write(tmp_path, "m.tsv", "code\tplover\tmode\n" + body), codes, types)
        assert info.value.line == line and "m.tsv" in info.value.path


def test_malformed_plover_yml(tmp_path: Path) -> None:
    good = load_plover(ontology.PLOVER_FILE)
    assert set(good.types) == PLOVER_16
    bad = "types:\n  AGREE:\n    description: agree\n    modes: []\n    requires_recipient: maybe\n    cameo: '030'\n"
    with pytest.raises(DataFileError, match="requires_recipient") as info:
        load_plover(_write(tmp_path, "p.yml", bad))
    assert info.value.line == 2
    with pytest.raises(DataFileError, match="invalid YAML"):
        load_plover(_write(tmp_path, "p.yml", "types: [unclosed\n"))
    with pytest.raises(DataFileError, match="types"):
        load_plover(_write(tmp_path, "p.yml", "- a list\n"))
    unknown_mode = ("types:\n  CONSULT:\n    description: talk\n    modes: [visit]\n    requires_recipient: false\n"
                    "    cameo: '040'\n    mode_cameo: {phone: '041'}\n")
    with pytest.raises(DataFileError, match="unknown mode"):
        load_plover(_write(tmp_path, "p.yml", unknown_mode))
