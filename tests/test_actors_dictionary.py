"""The actor dictionary loader: derived forms, dated roles, and rejection of malformed data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.actors.dictionary import (
    DATA_DIR,
    ActorDictionary,
    Entry,
    Role,
    derive_surname,
    load_dictionary,
)
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def packaged() -> ActorDictionary:
    return load_dictionary()


def data_dir(tmp_path: Path, people: str = "", orgs: str = "", countries: str | None = None,
             agents: str | None = None) -> Path:
    for name, text in (("countries.yml", countries), ("agents.yml", agents)):
        if text is None:
            shutil.copy(DATA_DIR / name, tmp_path / name)
        else:
            (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "people.jsonl").write_text(people, encoding="utf-8")
    (tmp_path / "orgs.jsonl").write_text(orgs, encoding="utf-8")
    return tmp_path


def test_load_is_cached_per_process(packaged):
    assert load_dictionary() is packaged
    assert load_dictionary(DATA_DIR) is packaged


def test_pycountry_names_come_for_free(packaged):
    # Neither form is written in countries.yml: pycountry supplies them.
    assert packaged.lookup("Bolivia, Plurinational State of") is None  # inverted forms are skipped
    assert packaged.lookup("Plurinational State of Bolivia").code == "BOL"
    assert packaged.lookup("Bolivia").code == "BOL"


def test_every_country_has_an_entry(packaged):
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in packaged.country_entries]
    assert missing == []


def test_derived_forms(packaged):
    assert packaged.lookup("North Koreans").code == "PRK"  # plural demonym from the adjective
    assert packaged.lookup("spokespeople").plural
    assert packaged.lookup("policemen").sectors == ("COP",)
    assert packaged.lookup("chiefs of staff").sectors == ("MIL",)
    assert packaged.lookup("Kyiv").code == "UKRGOV"
    assert packaged.lookup("the pentagon") is None
    assert packaged.lookup("Pentagon").code == "USAMIL"


def test_exact_case_abbreviations(packaged):
    assert packaged.exact["us"] == "US"
    assert packaged.exact["u.s."] == "U.S."
    assert "troops" not in packaged.exact


def test_surname_derivation():
    assert derive_surname("Kim Jong Un", "PRK") == "Kim"
    assert derive_surname("Xi Jinping", "CHN") == "Xi"
    assert derive_surname("Emmanuel Macron", "FRA") == "Macron"
    assert derive_surname("Martin Luther King Jr.", "USA") == "King"
    assert derive_surname("Madonna", "USA") is None


def test_code_at_dates():
    e = Entry(kind="person", name="A B", country="USA", code="USA", other="USAELI",
              roles=(Role("USAGOV", "President", "2017-01-20", "2021-01-20"), Role("USAGOV", "President", "2025-01-20", None)))
    assert e.code_at("2018-06-01") == "USAGOV"
    assert e.code_at("2022-06-01") == "USAELI"
    assert e.code_at("2016-06-01") == "USAELI"
    assert e.code_at("2026-01-01T10:00:00") == "USAGOV"
    assert e.code_at(None) == "USAGOV"
    bare = Entry(kind="person", name="C D", country="FRA", code="FRA", roles=(Role("FRAGOV", None, "2000-01-01", "2001-01-01"),))
    assert bare.code_at("2010-01-01") == "FRA"


def test_user_data_dir_with_people_and_orgs(tmp_path):
    d = ActorDictionary(data_dir(
        tmp_path,
        people='// comment\n\n{"name": "Ana Pop", "country": "ROU", "gender": "f", "roles": [{"code": "ROUGOV", "start": "2020-01-01", "end": null}]}\n',
        orgs='{"name": "Blue Front", "aliases": ["BF"], "code": "ROUREB", "kind": "group", "country": "ROU"}\n'))
    assert d.lookup("Ana Pop").code_at("2021-01-01") == "ROUGOV"
    assert d.lookup("Ana Pop").surname == "Pop"
    assert d.lookup("BF").code == "ROUREB"
    assert d.exact["bf"] == "BF"


def test_missing_jsonl_files_are_fine(tmp_path):
    data_dir(tmp_path)
    (tmp_path / "people.jsonl").unlink()
    (tmp_path / "orgs.jsonl").unlink()
    d = ActorDictionary(tmp_path)
    assert d.lookup("Pyongyang").code == "PRKGOV"


@pytest.mark.parametrize(
    "people, line, reason",
    [
        ('{"name": "X Y", "country": "ZZZ"}\n', 1, "unknown country"),
        ('\n{"name": "X Y", "country": "FRA"}\n{"name": "Z", "country": "FRA", "roles": [{"code": "FRAXXX"}]}\n', 3, "bad role code"),
        ('{"name": "X Y", "country": "FRA", "roles": [{"code": "FRAGOV", "start": "2020-13"}]}\n', 1, "ISO date"),
        ('{"name": "X Y", "country": "FRA", "roles": [{"code": "FRAGOV", "start": "2021-01-01", "end": "2020-01-01"}]}\n', 1, "before it starts"),
        ('{"name": "X Y", "country": "FRA", "gender": "x"}\n', 1, "gender"),
        ('{"name": "X Y", "country": "FRA", "nickname": "x"}\n', 1, "unknown field"),
        ('{"country": "FRA"}\n', 1, "missing name"),
        ('// ok\n{"name": "X Y", "country": "FRA"\n', 2, "invalid JSON"),
        ('["X Y"]\n', 1, "JSON object"),
        ('{"name": "X Y", "aliases": "XY", "country": "FRA"}\n', 1, "aliases"),
    ],
)
def test_malformed_people_rejected_with_file_and_line(tmp_path, people, line, reason):
    with pytest.raises(DataFileError) as err:
        ActorDictionary(data_dir(tmp_path, people=people))
    assert err.value.path.endswith("people.jsonl")
    assert err.value.line == line
    assert reason in err.value.reason


@pytest.mark.parametrize(
    "orgs, reason",
    [
        ('{"name": "Org", "code": "PRKMEDX", "country": "PRK"}\n', "bad code"),
        ('{"name": "Org", "country": "PRK"}\n', "needs a code or roles"),
        ('{"name": "Org", "code": "PRKMED", "kind": "club"}\n', "kind"),
        ('{"name": "Org", "code": "PRKMED", "country": "QQQ"}\n', "unknown country"),
    ],
)
def test_malformed_orgs_rejected(tmp_path, orgs, reason):
    with pytest.raises(DataFileError) as err:
        ActorDictionary(data_dir(tmp_path, orgs=orgs))
    assert err.value.path.endswith("orgs.jsonl") and err.value.line == 1
    assert reason in err.value.reason


def test_igo_codes_accepted(tmp_path):
    d = ActorDictionary(data_dir(tmp_path, orgs='{"name": "African Union", "aliases": ["AU"], "code": "IGOAFRAU", "country": "IGO"}\n'))
    assert d.lookup("African Union").country == "IGO"


@pytest.mark.parametrize(
    "countries, line, reason",
    [
        ("FRA: {adjectives: [French]}\nXXQ: {names: [Nowhere]}\n", 2, "not in ISO 3166"),
        ("FRA: {adjectives: [French]}\n\nfrance: {names: [France]}\n", 3, "alpha-3"),
        ("FRA: {adjectives: French}\n", 1, "list of non-empty strings"),
        ("FRA: {colours: [blue]}\n", 1, "unknown field"),
        ("FRA: {metonyms: {Elysee: FRAXYZ}}\n", 1, "metonyms"),
        ("FRA: [French]\n", 1, "mapping"),
        ("FRA: {adjectives: [French\n", None, "invalid YAML"),
    ],
)
def test_malformed_countries_rejected(tmp_path, countries, line, reason):
    with pytest.raises(DataFileError) as err:
        ActorDictionary(data_dir(tmp_path, countries=countries))
    assert err.value.path.endswith("countries.yml")
    if line is not None:
        assert err.value.line == line
    assert reason in err.value.reason


def test_malformed_agents_rejected(tmp_path):
    with pytest.raises(DataFileError) as err:
        ActorDictionary(data_dir(tmp_path, agents="GOV: [president]\nSOLDIERS: [troops]\n"))
    assert err.value.path.endswith("agents.yml") and err.value.line == 2 and "unknown sector" in err.value.reason
    with pytest.raises(DataFileError):
        ActorDictionary(data_dir(tmp_path, agents="GOV: [president, 3]\n"))


def test_kosovo_needs_its_name(tmp_path):
    d = ActorDictionary(data_dir(tmp_path, countries="XKX: {name: Kosovo, capitals: [Pristina]}\n"))
    assert d.lookup("Kosovo").code == "XKX"
    assert d.lookup("Pristina").code == "XKXGOV"


def test_file_names_beat_pycountry_names(packaged):
    assert packaged.lookup("Congo").code == "COD"  # news' "Congo" is the DRC
    assert packaged.lookup("Congo-Brazzaville").code == "COG"
    assert packaged.lookup("Republic of the Congo").code == "COG"
    assert packaged.lookup("Russian Federation").code == "RUS"
