"""Validates the packaged actor data files people.jsonl and orgs.jsonl (fast: plain parsing, no model).

Checks the shared contract (keys, codes, ISO dates, non-overlapping roles), cross-entry name clashes,
consistency with countries.yml metonyms, and a set of known facts about who held which office when.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "eventwire" / "actors" / "data"
SECTORS = set("GOV MIL COP JUD LEG PTY MED OPP REB CVL BUS NGO IGO REL REF LAB EDU HLH SPY CRM ELI UAF".split())
EXTRA_COUNTRIES = {"IGO", "NGO", "IMG", "MNC", "---", "XKX"}  # CAMEO transnational prefixes too
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERSON_KEYS = {"name", "aliases", "country", "roles", "other", "gender"}
ORG_KEYS = {"name", "aliases", "code", "kind", "country", "roles"}
ROLE_KEYS = {"code", "title", "start", "end"}

# Surface forms deliberately shared by two entries (none at present; add with a reason if ever needed).
DELIBERATE_SHARED: set[str] = set()


def _read(name: str) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for n, raw in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        raw = raw.strip()
        if not raw or raw.startswith("//"):
            continue
        obj = json.loads(raw)
        assert isinstance(obj, dict), f"{name}:{n}: not a JSON object"
        rows.append((n, obj))
    return rows


@pytest.fixture(scope="module")
def people() -> list[tuple[int, dict[str, Any]]]:
    return _read("people.jsonl")


@pytest.fixture(scope="module")
def orgs() -> list[tuple[int, dict[str, Any]]]:
    return _read("orgs.jsonl")


def valid_country(c: Any) -> bool:
    return isinstance(c, str) and (c in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=c) is not None)


def valid_code(code: Any) -> bool:
    """Country (alpha-3, IGO or ---) + 3-letter elements; outside IGOs the elements are sectors."""
    if not isinstance(code, str) or len(code) < 6 or len(code) % 3 or not valid_country(code[:3]):
        return False
    elems = [code[i:i + 3] for i in range(3, len(code), 3)]
    if code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return all(re.fullmatch(r"[A-Z]{3}", e) for e in elems)
    return all(e in SECTORS for e in elems)


def parse_date(value: Any) -> bool:
    return value is None or (isinstance(value, str) and bool(DATE.match(value)))


def code_on(entry: dict[str, Any], date: str) -> str | None:
    """The contract's rule: the role in force (ends inclusive; the latest start wins), else other, else country."""
    current = [r for r in entry.get("roles") or []
               if (r["start"] is None or r["start"] <= date) and (r["end"] is None or date <= r["end"])]
    if current:
        return max(current, key=lambda r: r["start"] or "")["code"]
    return entry.get("other") or entry.get("code") or entry.get("country")


def by_name(rows: list[tuple[int, dict[str, Any]]], name: str) -> dict[str, Any]:
    for _, obj in rows:
        if obj["name"] == name:
            return obj
    raise AssertionError(f"{name} not in the data")


def check_roles(where: str, roles: Any) -> list[str]:
    errs = []
    if not isinstance(roles, list):
        return [f"{where}: roles must be a list"]
    for r in roles:
        if not isinstance(r, dict) or set(r) - ROLE_KEYS or "code" not in r or "start" not in r or "end" not in r:
            errs.append(f"{where}: role needs exactly code/title/start/end: {r}")
            continue
        if not valid_code(r["code"]):
            errs.append(f"{where}: bad role code {r['code']!r}")
        if not parse_date(r["start"]) or not parse_date(r["end"]) or r["start"] is None:
            errs.append(f"{where}: role dates must be ISO YYYY-MM-DD (start required): {r}")
        elif r["end"] is not None and r["end"] < r["start"]:
            errs.append(f"{where}: role ends before it starts: {r}")
        if not isinstance(r.get("title"), str) or not r["title"].strip():
            errs.append(f"{where}: role without a title: {r}")
    return errs


# ---- file shape ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["people.jsonl", "orgs.jsonl"])
def test_header_comment_with_review_date(name):
    first = (DATA / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("//") and re.search(r"Last reviewed: \d{4}-\d{2}-\d{2}", first)


@pytest.mark.parametrize("name", ["people.jsonl", "orgs.jsonl"])
def test_every_line_is_json_or_comment(name):
    for n, raw in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip() and not raw.strip().startswith("//"):
            assert isinstance(json.loads(raw), dict), f"{name}:{n}"


def test_people_shape_codes_and_dates(people):
    errs = []
    for n, p in people:
        where = f"people.jsonl:{n} {p.get('name')}"
        if set(p) - PERSON_KEYS or not {"name", "aliases", "country", "roles"} <= set(p):
            errs.append(f"{where}: keys {sorted(p)}")
            continue
        if not isinstance(p["name"], str) or p["name"] != p["name"].strip() or "  " in p["name"]:
            errs.append(f"{where}: bad name")
        if not isinstance(p["aliases"], list) or not all(isinstance(a, str) and a.strip() for a in p["aliases"]):
            errs.append(f"{where}: aliases must be non-empty strings")
        if not valid_country(p["country"]):
            errs.append(f"{where}: bad country {p['country']!r}")
        if "other" in p and not valid_code(p["other"]):
            errs.append(f"{where}: bad other {p['other']!r}")
        if p.get("gender") not in ("m", "f"):
            errs.append(f"{where}: gender must be m or f")
        errs += check_roles(where, p["roles"])
    assert not errs, "\n".join(errs)


def test_orgs_shape_codes_and_dates(orgs):
    errs = []
    for n, o in orgs:
        where = f"orgs.jsonl:{n} {o.get('name')}"
        if set(o) - ORG_KEYS or not {"name", "aliases", "code", "kind", "country"} <= set(o):
            errs.append(f"{where}: keys {sorted(o)}")
            continue
        if o["kind"] not in ("organisation", "group"):
            errs.append(f"{where}: bad kind {o['kind']!r}")
        if not valid_country(o["country"]) or not valid_code(o["code"]):
            errs.append(f"{where}: bad country/code {o['country']!r}/{o['code']!r}")
        elif o["code"][:3] != o["country"]:
            errs.append(f"{where}: code {o['code']} does not start with its country {o['country']}")
        if not isinstance(o["aliases"], list) or not all(isinstance(a, str) and a.strip() for a in o["aliases"]):
            errs.append(f"{where}: aliases must be non-empty strings")
        errs += check_roles(where, o.get("roles", []))
    assert not errs, "\n".join(errs)


def test_no_overlapping_roles_with_different_codes(people, orgs):
    errs = []
    for _, e in people + orgs:
        roles = e.get("roles") or []
        for i, a in enumerate(roles):
            for b in roles[i + 1:]:
                if a["code"] == b["code"]:
                    continue
                a_end, b_end = a["end"] or "9999-12-31", b["end"] or "9999-12-31"
                # A handover on the same day (one ends the day the next starts) is allowed.
                if a["start"] < b_end and b["start"] < a_end:
                    errs.append(f"{e['name']}: {a['code']} {a['start']}..{a['end']} overlaps "
                                f"{b['code']} {b['start']}..{b['end']}")
    assert not errs, "\n".join(errs)


def test_no_surface_form_shared_by_two_entries(people, orgs):
    seen: dict[str, str] = {}
    clashes = []
    for fname, rows in (("people", people), ("orgs", orgs)):
        for n, e in rows:
            forms = {f.strip().lower() for f in [e["name"], *e["aliases"]]}
            for f in forms:
                if f in seen and f not in DELIBERATE_SHARED:
                    clashes.append(f"{f!r}: {seen[f]} and {fname}:{n} {e['name']}")
                seen.setdefault(f, f"{fname}:{n} {e['name']}")
    assert not clashes, "\n".join(clashes)


def test_aliases_do_not_repeat_the_name(people, orgs):
    for _, e in people + orgs:
        low = [a.lower() for a in e["aliases"]]
        assert e["name"].lower() not in low and len(low) == len(set(low)), e["name"]


def test_coverage_is_substantial(people, orgs):
    assert len(people) >= 300 and len(orgs) >= 300
    covered = {p["country"] for _, p in people}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF",
           "KOR", "TUR", "GBR", "USA", "PRK", "IRN", "ISR", "UKR"}
    assert g20 <= covered, g20 - covered


def test_metonyms_in_countries_yml_agree(orgs):
    """A form that countries.yml also lists as a metonym must carry the same code in both files."""
    path = DATA / "countries.yml"
    if not path.exists():
        pytest.skip("countries.yml not written yet")
    metonyms = {}
    for spec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).values():
        if isinstance(spec, dict):
            metonyms.update({k.lower(): v for k, v in (spec.get("metonyms") or {}).items()})
    errs = [f"{f}: orgs {o['code']} vs countries.yml {metonyms[f.lower()]}"
            for _, o in orgs for f in [o["name"], *o["aliases"]]
            if f.lower() in metonyms and metonyms[f.lower()] != o["code"] and not o.get("roles")]
    assert not errs, "\n".join(errs)


# ---- known facts ---------------------------------------------------------------------------------

PEOPLE_FACTS = [
    ("Donald Trump", "2018-06-01", "USAGOV"),
    ("Donald Trump", "2025-06-01", "USAGOV"),
    ("Donald Trump", "2022-06-01", "USAELI"),
    ("Joe Biden", "2015-06-01", "USAGOV"),
    ("Joe Biden", "2018-06-01", "USAELI"),
    ("Vladimir Putin", "2010-06-01", "RUSGOV"),
    ("Vladimir Putin", "2024-06-01", "RUSGOV"),
    ("Kim Jong Un", "2020-06-01", "PRKGOV"),
    ("Kim Jong Il", "2005-06-01", "PRKGOV"),
    ("Benjamin Netanyahu", "2022-01-01", "ISROPP"),
    ("Benjamin Netanyahu", "2015-01-01", "ISRGOV"),
    ("Recep Tayyip Erdogan", "2010-01-01", "TURGOV"),
    ("Ban Ki-moon", "2010-01-01", "IGOUNO"),
    ("Ban Ki-moon", "2005-01-01", "KORGOV"),
    ("António Guterres", "2020-01-01", "IGOUNO"),
    ("Kofi Annan", "2003-01-01", "IGOUNO"),
    ("Jens Stoltenberg", "2020-01-01", "IGOWSTNAT"),
    ("Rafael Grossi", "2023-01-01", "IGOUNOIAE"),
    ("Tedros Adhanom Ghebreyesus", "2021-01-01", "IGOUNOWHO"),
    ("Lloyd Austin", "2023-01-01", "USAMIL"),
    ("Mike Pompeo", "2017-06-01", "USASPY"),
    ("Mike Pompeo", "2019-06-01", "USAGOV"),
    ("Ismail Haniyeh", "2020-01-01", "PSEREB"),
    ("Hassan Nasrallah", "2020-01-01", "LBNREB"),
    ("Ahmed al-Sharaa", "2020-01-01", "SYRREB"),
    ("Ahmed al-Sharaa", "2025-06-01", "SYRGOV"),
    ("Yoon Suk Yeol", "2023-01-01", "KORGOV"),
    ("Yoon Suk Yeol", "2025-06-01", "KORELI"),
    ("Luiz Inácio Lula da Silva", "2005-01-01", "BRAGOV"),
    ("Luiz Inácio Lula da Silva", "2015-01-01", "BRAPTY"),
    ("Shinzo Abe", "2007-01-01", "JPNGOV"),
    ("Shinzo Abe", "2010-01-01", "JPNELI"),
    ("Shinzo Abe", "2015-01-01", "JPNGOV"),
    ("Mao Ning", "2023-06-01", "CHNGOV"),
    ("Maria Zakharova", "2023-06-01", "RUSGOV"),
]


@pytest.mark.parametrize(("name", "date", "code"), PEOPLE_FACTS)
def test_known_people_facts(people, name, date, code):
    assert code_on(by_name(people, name), date) == code


ORG_FACTS = [
    ("Reuters", None, "GBRMED"), ("Associated Press", None, "USAMED"), ("Agence France-Presse", None, "FRAMED"),
    ("Al Jazeera", None, "QATMED"), ("Korean Central News Agency", None, "PRKMED"), ("Xinhua", None, "CHNMED"),
    ("Workers' Party of Korea", None, "PRKPTY"), ("Chinese Communist Party", None, "CHNPTY"),
    ("United Russia", None, "RUSPTY"), ("Likud", None, "ISRPTY"), ("Korean People's Army", None, "PRKMIL"),
    ("Islamic Revolutionary Guard Corps", None, "IRNMIL"), ("Hamas", None, "PSEREB"), ("Hezbollah", None, "LBNREB"),
    ("Houthis", None, "YEMREB"), ("Wagner Group", None, "RUSUAF"), ("al-Shabaab", None, "SOMREB"),
    ("Taliban", "2020-06-01", "AFGREB"), ("Taliban", "2021-08-15", "AFGGOV"), ("Taliban", "2023-06-01", "AFGGOV"),
    ("Hayat Tahrir al-Sham", "2020-01-01", "SYRREB"), ("NATO", None, "IGOWSTNAT"),
    ("International Atomic Energy Agency", None, "IGOUNOIAE"), ("Ministry of Unification", None, "KORGOV"),
]


@pytest.mark.parametrize(("name", "date", "code"), ORG_FACTS)
def test_known_org_facts(orgs, name, date, code):
    entry = by_name(orgs, name)
    assert (code_on(entry, date) if date else entry["code"]) == code


@pytest.mark.parametrize(("alias", "name"), [
    ("KCNA", "Korean Central News Agency"), ("Ansar Allah", "Houthis"), ("ISIL", "Islamic State"),
    ("Daesh", "Islamic State"), ("IS", "Islamic State"), ("Wagner", "Wagner Group"), ("Kim Jong-un", "Kim Jong Un"),
])
def test_common_aliases(people, orgs, alias, name):
    entry = next((e for _, e in people + orgs if e["name"] == name), None)
    assert entry is not None and alias in entry["aliases"]


def test_packaged_loader_accepts_the_files():
    """The real loader (eventwire.actors.dictionary) builds from the packaged data and codes by date."""
    from eventwire.actors.dictionary import ActorDictionary

    d = ActorDictionary(DATA)
    assert d.lookup("Donald Trump").code_at("2022-06-01") == "USAELI"
    assert d.lookup("KCNA").code_at(None) == "PRKMED"
    assert d.lookup("Taliban").code_at("2024-01-01") == "AFGGOV"
