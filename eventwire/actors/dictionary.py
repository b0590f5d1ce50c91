"""The actor dictionary: countries, sector terms, people and organisations, validated and indexed.

Four data files under ``actors/data`` (format in docs/actors.md) become one table of ``Entry``
objects keyed by their lower-cased surface forms, and one spaCy ``PhraseMatcher`` per vocabulary.
Both are built once per process: recognising actors is then a single matcher pass per Doc.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import DataFileError
from .forms import TRANSNATIONAL, code_sectors, demonym_plural, derive_surname, noun_forms, plural_of

__all__ = ["Role", "Entry", "ActorDictionary", "load_dictionary", "DATA_DIR", "SECTORS", "TRANSNATIONAL",
           "derive_surname", "code_sectors"]

DATA_DIR = Path(__file__).parent / "data"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ~10x faster

SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY MED OPP REB CVL BUS NGO IGO REL REF LAB EDU HLH SPY CRM ELI UAF AGR ETH".split()
)
# TRANSNATIONAL (forms.py): CAMEO's prefixes for actors that belong to no single state.
# Codes outside ISO 3166 that news needs.
_EXTRA_COUNTRIES = {"XKX": "Kosovo", "IGO": "International organisation", "NGO": "Transnational NGO",
                    "IMG": "International militant group", "MNC": "Multinational company", "---": "Unknown"}
_CODE = re.compile(r"^(?:(?:IGO|NGO|IMG|MNC)[A-Z]*|(?:[A-Z]{3}|---)(?:[A-Z]{3})*)$")
_PERSON_KEYS = {"name", "aliases", "country", "roles", "other", "gender"}
_ORG_KEYS = {"name", "aliases", "code", "kind", "country", "roles"}
_PLAIN = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Which entry wins when two files claim the same surface form (lower value wins).
_PRIORITY = {"person": 0, "organisation": 1, "group": 1, "metonym": 2, "country": 3, "capital": 4,
             "demonym": 5, "adjective": 6, "block": 7, "agent": 8}
# Family names come first in these countries' names ("Kim Jong Un" -> "Kim").
_PLURAL_HEADS = {"police", "people", "men", "women", "children", "clergy", "staff", "militia", "schoolchildren"}


@dataclass(frozen=True)
class Role:
    """A dated position: the code a person or group has between ``start`` and ``end`` (inclusive)."""

    code: str
    title: str | None = None
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class Entry:
    """One thing the dictionary knows: a country form, a sector term, a person or an organisation."""

    kind: str  # country, capital, metonym, adjective, demonym, agent, person, organisation, group, block
    name: str  # canonical name ("North Korea", "Kim Jong Un", "troops")
    country: str | None = None  # alpha-3, "IGO", or None when unknown
    code: str | None = None  # static code; people and groups with roles use code_at()
    sectors: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    other: str | None = None
    gender: str | None = None
    surname: str | None = None
    plural: bool = False
    person_role: bool = False  # agent naming one person ("president"), usable as a title
    generic: bool = False  # agent head that takes the sector of the role noun before it
    former: bool = False  # modifier turning a role into ELI
    equipment: bool = False  # weapon or vessel noun: COUNTRY+MIL after a country word ("Israeli jets")
    bare: bool = True  # an actor on its own; equipment nouns are not ("fired a missile")
    forms: set[str] = field(default_factory=set)  # original spellings (for case checks)

    def code_at(self, date: str | None) -> str | None:
        """The code in force on ``date`` (ISO); with no date, the most recent role's."""
        if not self.roles:
            return self.code
        if date is None:
            return max(self.roles, key=lambda r: r.start or "").code
        date = date[:10]
        current = [r for r in self.roles if r.covers(date)]
        if current:
            return max(current, key=lambda r: r.start or "").code
        return self.other or self.code or self.country

    def in_role(self, date: str | None) -> bool:
        """Whether a dated role covers ``date`` (with no date: whether there is any role)."""
        if date is None:
            return bool(self.roles)
        return any(r.covers(date[:10]) for r in self.roles)

    def title_at(self, date: str | None) -> str | None:
        if not self.roles:
            return None
        if date is None:
            return max(self.roles, key=lambda r: r.start or "").title
        current = [r for r in self.roles if r.covers(date[:10])]
        return max(current, key=lambda r: r.start or "").title if current else None


class _Source:
    """Error helper bound to one file."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def fail(self, line: int | None, reason: str) -> DataFileError:
        return DataFileError(self.path, line, reason)


def _str_list(src: _Source, value: Any, what: str, line: int | None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise src.fail(line, f"{what} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _key_lines(text: str) -> dict[str, int]:
    """Line number of each top-level YAML key (for error messages)."""
    lines: dict[str, int] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if raw and not raw[0].isspace() and not raw.startswith("#") and ":" in raw:
            key = raw.split(":", 1)[0].strip().strip("'\"")
            lines.setdefault(key, n)
    return lines


class ActorDictionary:
    """All entries, indexed by lower-cased surface form, with a PhraseMatcher per vocabulary."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.entries: list[Entry] = []
        self.by_form: dict[str, int] = {}  # lower form -> entry index
        self.by_surname: dict[str, list[Entry]] = {}  # people with roles, for "President Obama"
        self.lower_ok: set[str] = set()  # forms written lower-case ("al-Qaeda"): no capital needed
        self.exact: dict[str, str] = {}  # lower form -> the only spelling accepted (abbreviations: US, UN)
        self.lowercase_not: frozenset[str] = frozenset()  # lower-cased names that are also common words
        self.countries: dict[str, str] = {}  # alpha-3 -> display name
        self.country_entries: dict[str, Entry] = {}
        self.modifiers: frozenset[str] = frozenset()
        self.followers: frozenset[str] = frozenset()  # "supporters" (of X): X's country, no sector
        self.members: frozenset[str] = frozenset()  # "members" (of a body): the body's own code
        self.modifier_heads: frozenset[str] = frozenset()  # "investigation": a bare role before it is no actor
        self.adjectival: frozenset[str] = frozenset()  # "criminal": an adjective before a non-role noun
        self.envoys: frozenset[str] = frozenset()  # "ambassador": after "<country> UN" the country's GOV
        self.placed_sectors: frozenset[str] = frozenset()  # sectors a bare role takes "in <place>" for
        self.entourage: frozenset[str] = frozenset()  # "his staff": the person's own code
        # Institutions every country has ("parliament"): their country comes from the story (context.py).
        self.national: frozenset[str] = frozenset()
        # term -> ordered {country: cue countries}: the first country whose cues the document names.
        self.national_cues: dict[str, list[tuple[str, frozenset[str]]]] = {}
        self.national_only: dict[str, frozenset[str]] = {}  # term -> the countries that have such a body
        # role term -> transnational code it takes with no country word ("aid agencies" -> NGO)
        self.no_country: dict[str, str] = {}
        # capital (lower) -> other countries with a city of that name ("tripoli" -> LBN)
        self.shared_capitals: dict[str, frozenset[str]] = {}
        self._standard_names: list[tuple[int, list[str]]] = []
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher]] = {}
        for c in pycountry.countries:
            self.countries[c.alpha_3] = getattr(c, "common_name", None) or c.name
        self.countries.update(_EXTRA_COUNTRIES)
        self._load_countries(data_dir / "countries.yml")
        self._load_agents(data_dir / "agents.yml")
        self._load_jsonl(data_dir / "people.jsonl", self._person)
        self._load_jsonl(data_dir / "orgs.jsonl", self._org)

    # ---- building -------------------------------------------------------------------------

    def _add(self, entry: Entry, forms: list[str]) -> None:
        self.entries.append(entry)
        self._claim(len(self.entries) - 1, forms)

    def _claim(self, idx: int, forms: list[str]) -> None:
        """Point ``forms`` at entry ``idx`` unless an earlier or stronger entry holds them."""
        entry = self.entries[idx]
        # News writes both straight and curly apostrophes ("People's", "People’s").
        forms = forms + [f.replace("'", "\u2019") for f in forms if "'" in f]
        for form in forms:
            form = form.strip()
            if not form:
                continue
            low = form.lower()
            prev = self.by_form.get(low)
            if prev is not None and prev != idx:
                if _PRIORITY[self.entries[prev].kind] <= _PRIORITY[entry.kind]:
                    continue  # the earlier (or stronger) claim keeps the form
                self.entries[prev].forms.discard(form)
            self.by_form[low] = idx
            entry.forms.add(form)
            letters = [c for c in form if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                self.exact[low] = form
            else:
                self.exact.pop(low, None)
            if form[0].islower():
                self.lower_ok.add(low)
            else:
                self.lower_ok.discard(low)

    def _read_yaml(self, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
        src = _Source(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = yaml.load(text, Loader=_YAML_LOADER)
        except OSError as exc:
            raise src.fail(None, f"cannot read: {exc}") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise src.fail(mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None
        if not isinstance(data, dict):
            raise src.fail(None, "top level must be a mapping")
        return data, _key_lines(text)

    def _load_countries(self, path: Path) -> None:
        src = _Source(path)
        data, lines = self._read_yaml(path)
        seen: set[str] = set()
        for code, spec in data.items():
            line = lines.get(str(code))
            if code == "_block":
                entry = Entry(kind="block", name="blocked phrase")
                self._add(entry, _str_list(src, spec, "_block", line))
                continue
            if code == "_lowercase_not":
                self.lowercase_not = frozenset(w.lower() for w in _str_list(src, spec, "_lowercase_not", line))
                continue
            if code == "_shared_capitals":
                if not isinstance(spec, dict):
                    raise src.fail(line, "_shared_capitals must map a capital to a list of country codes")
                for city, codes in spec.items():
                    others = _str_list(src, codes, f"_shared_capitals.{city}", line)
                    bad = [c for c in others if not re.fullmatch(r"[A-Z]{3}", c)]
                    if not isinstance(city, str) or not others or bad:
                        raise src.fail(line, f"_shared_capitals: bad entry {city!r}: {codes!r}")
                    self.shared_capitals[city.lower()] = frozenset(others)
                continue
            if not isinstance(code, str) or not (code == "---" or re.fullmatch(r"[A-Z]{3}", code)):
                raise src.fail(line, f"{code!r} is not an ISO 3166 alpha-3 code")
            if not isinstance(spec, dict):
                raise src.fail(line, f"{code}: value must be a mapping")
            unknown = set(spec) - {"name", "names", "adjectives", "demonyms", "capitals", "metonyms"}
            if unknown:
                raise src.fail(line, f"{code}: unknown field(s) {sorted(unknown)}")
            if code not in self.countries and not isinstance(spec.get("name"), str):
                raise src.fail(line, f"{code} is not in ISO 3166: give it a `name`")
            display = spec.get("name") or self.countries.get(code, code)
            self.countries[code] = display
            seen.add(code)
            self._add_country(src, code, display, spec, line)
        # Countries the file does not mention still get pycountry's names.
        for code in self.countries:
            if code not in seen and code not in _EXTRA_COUNTRIES:
                self._add_country(src, code, self.countries[code], {}, None)
        # pycountry's names come last, so a name the file gives another country wins: "Congo" is
        # the DRC in news, not pycountry's Republic of the Congo.
        for idx, forms in self._standard_names:
            self._claim(idx, forms)
        self._standard_names = []

    def _add_country(self, src: _Source, code: str, display: str, spec: dict[str, Any], line: int | None) -> None:
        country = None if code == "---" else code
        names = _str_list(src, spec.get("names"), f"{code}.names", line)
        if country:
            standard = [display]
            pc = pycountry.countries.get(alpha_3=code)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    val = getattr(pc, attr, None)
                    if val and ", " not in val and "(" not in val:
                        standard.append(val)
            entry = Entry(kind="country", name=display, country=country, code=country)
            self._add(entry, names)
            self._standard_names.append((len(self.entries) - 1, standard))
            self.country_entries[code] = entry
        adjectives = _str_list(src, spec.get("adjectives"), f"{code}.adjectives", line)
        if adjectives:
            self._add(Entry(kind="adjective", name=display, country=country, code=country), adjectives)
        demonyms = _str_list(src, spec.get("demonyms"), f"{code}.demonyms", line)
        demonyms += [p for a in adjectives if (p := demonym_plural(a))]
        if demonyms:
            self._add(Entry(kind="demonym", name=display, country=country, code=country, plural=True), demonyms)
        capitals = _str_list(src, spec.get("capitals"), f"{code}.capitals", line)
        if capitals:
            if not country:
                raise src.fail(line, "--- cannot have capitals")
            self._add(Entry(kind="capital", name=display, country=country, code=country + "GOV",
                            sectors=("GOV",)), capitals)
        metonyms = spec.get("metonyms") or {}
        if not isinstance(metonyms, dict):
            raise src.fail(line, f"{code}.metonyms must be a mapping of phrase: code")
        for phrase, mcode in metonyms.items():
            if not isinstance(phrase, str) or not isinstance(mcode, str) or not self._valid_code(mcode):
                raise src.fail(line, f"{code}.metonyms: bad entry {phrase!r}: {mcode!r}")
            self._add(Entry(kind="metonym", name=phrase, country=self._country_of(mcode), code=mcode,
                            sectors=self._sectors_of(mcode)), [phrase])

    def _load_agents(self, path: Path) -> None:
        src = _Source(path)
        data, lines = self._read_yaml(path)
        special = {k: set(_str_list(src, data.get(k), k, lines.get(k)))
                   for k in ("_modifiers", "_person_roles", "_former", "_generic", "_equipment", "_national",
                             "_followers", "_members", "_modifier_heads", "_adjectival", "_envoys", "_placed_sectors",
                             "_entourage")}
        special["_national_cues"] = special["_national_only"] = special["_no_country"] = set()
        self.no_country = self._no_country(src, data.get("_no_country"), lines.get("_no_country"))
        self.national = frozenset(t.lower() for t in special["_national"])
        self.national_cues = self._cues(src, data.get("_national_cues"), lines.get("_national_cues"))
        self.national_only = self._only(src, data.get("_national_only"), lines.get("_national_only"))
        self.modifiers = frozenset(m.lower() for m in special["_modifiers"] | special["_former"])
        self.former = frozenset(m.lower() for m in special["_former"])
        self.followers = frozenset(m.lower() for m in special["_followers"])
        self.members = frozenset(m.lower() for m in special["_members"])
        self.modifier_heads = frozenset(noun_forms(special["_modifier_heads"]))
        self.adjectival = frozenset(m.lower() for m in special["_adjectival"])
        self.envoys = frozenset(noun_forms(special["_envoys"]))
        self.entourage = frozenset(m.lower() for m in special["_entourage"])
        bad = special["_placed_sectors"] - SECTORS
        if bad:
            raise src.fail(lines.get("_placed_sectors"), f"_placed_sectors: unknown sector(s) {sorted(bad)}")
        self.placed_sectors = frozenset(special["_placed_sectors"])
        person_roles = {p.lower() for p in special["_person_roles"]}
        generic = {g.lower() for g in special["_generic"]}
        for sector, terms in data.items():
            if sector in special:
                continue
            line = lines.get(str(sector))
            if sector not in SECTORS:
                raise src.fail(line, f"unknown sector {sector!r} (expected one of {sorted(SECTORS)})")
            for term in _str_list(src, terms, sector, line):
                low = term.lower()
                head = low.split(" of ")[0].split(" ")[-1]
                listed_plural = head in _PLURAL_HEADS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
                for form, plural in ((term, listed_plural), (plural_of(term), True)):
                    if form is None:
                        continue
                    entry = Entry(kind="agent", name=low, sectors=(sector,), plural=plural,
                                  person_role=low in person_roles and not plural,
                                  generic=low in generic)
                    self._add(entry, [form])
        self._load_equipment(sorted(special["_equipment"]))

    def _load_equipment(self, terms: list[str]) -> None:
        """Weapon and vessel nouns: MIL after a country word; alone an actor only when a sector lists
        them too ("bombers" stay REB on their own, "Russian bombers" are RUSMIL)."""
        for term in terms:
            low = term.lower()
            for form, plural in ((term, False), (plural_of(term), True)):
                if form is None:
                    continue
                idx = self.by_form.get(form.lower())
                if idx is not None and self.entries[idx].kind == "agent":
                    self.entries[idx].equipment = True
                    continue
                self._add(Entry(kind="agent", name=low, sectors=("MIL",), plural=plural, equipment=True,
                                bare=False), [form])

    def _no_country(self, src: _Source, value: Any, line: int | None) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise src.fail(line, "_no_country must map a role term to a transnational code")
        out = {}
        for term, code in value.items():
            if not (isinstance(term, str) and isinstance(code, str) and code[:3] in TRANSNATIONAL
                    and self._valid_code(code)):
                raise src.fail(line, f"_no_country: bad entry {term!r}: {code!r} (needs IGO, NGO, IMG or MNC)")
            out[term.lower()] = code
        return out

    def _only(self, src: _Source, value: Any, line: int | None) -> dict[str, frozenset[str]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise src.fail(line, "_national_only must map a term to a list of countries")
        out = {}
        for term, countries in value.items():
            codes = _str_list(src, countries, f"_national_only.{term}", line)
            bad = [c for c in codes if c not in self.countries or c in _EXTRA_COUNTRIES]
            if not isinstance(term, str) or bad or not codes:
                raise src.fail(line, f"_national_only.{term}: unknown or missing countries {bad}")
            out[term.lower()] = frozenset(codes)
        return out

    def _cues(self, src: _Source, value: Any, line: int | None) -> dict[str, list[tuple[str, frozenset[str]]]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise src.fail(line, "_national_cues must map a term to {COUNTRY: [cue countries]}")
        out: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for term, spec in value.items():
            if not isinstance(term, str) or not isinstance(spec, dict) or not spec:
                raise src.fail(line, f"_national_cues: bad entry {term!r}")
            pairs = []
            for country, cues in spec.items():
                cue_list = _str_list(src, cues, f"_national_cues.{term}.{country}", line)
                bad = [c for c in [country, *cue_list] if c not in self.countries or c in _EXTRA_COUNTRIES]
                if bad or not cue_list:
                    raise src.fail(line, f"_national_cues.{term}: unknown or missing countries {bad or country!r}")
                pairs.append((country, frozenset(cue_list)))
            out[term.lower()] = pairs
        return out

    def _load_jsonl(self, path: Path, make: Any) -> None:
        if not path.exists():
            return  # written by the data engineer; the rest works without it
        src = _Source(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise src.fail(None, f"cannot read: {exc}") from None
        for n, raw in enumerate(text.splitlines(), 1):
            raw = raw.strip()
            if not raw or raw.startswith("//"):
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise src.fail(n, f"invalid JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise src.fail(n, "each line must be a JSON object")
            make(src, n, obj)

    # ---- validation helpers ---------------------------------------------------------------

    def _valid_code(self, code: str) -> bool:
        if not _CODE.match(code):
            return False
        if code[:3] not in self.countries:
            return False
        return code[:3] in TRANSNATIONAL or all(code[i:i + 3] in SECTORS for i in range(3, len(code), 3))

    @staticmethod
    def _country_of(code: str) -> str | None:
        head = code[:3]
        return None if head == "---" else head

    @staticmethod
    def _sectors_of(code: str) -> tuple[str, ...]:
        return tuple(code_sectors(code))

    def _roles(self, src: _Source, n: int, obj: dict[str, Any]) -> tuple[Role, ...]:
        roles = obj.get("roles") or []
        if not isinstance(roles, list):
            raise src.fail(n, "roles must be a list")
        out = []
        for r in roles:
            if not isinstance(r, dict) or not isinstance(r.get("code"), str):
                raise src.fail(n, "each role needs a code")
            if not self._valid_code(r["code"]):
                raise src.fail(n, f"bad role code {r['code']!r}")
            for key in ("start", "end"):
                val = r.get(key)
                if val is not None and not (isinstance(val, str) and _DATE.match(val)):
                    raise src.fail(n, f"role {key} {val!r} is not an ISO date YYYY-MM-DD")
            if r.get("start") and r.get("end") and r["end"] < r["start"]:
                raise src.fail(n, f"role ends ({r['end']}) before it starts ({r['start']})")
            out.append(Role(code=r["code"], title=r.get("title"), start=r.get("start"), end=r.get("end")))
        return tuple(out)

    def _names(self, src: _Source, n: int, obj: dict[str, Any]) -> tuple[str, list[str]]:
        name = obj.get("name")
        if not isinstance(name, str) or not name.strip():
            raise src.fail(n, "missing name")
        return name.strip(), _str_list(src, obj.get("aliases"), "aliases", n)

    def _person(self, src: _Source, n: int, obj: dict[str, Any]) -> None:
        name, aliases = self._names(src, n, obj)
        if set(obj) - _PERSON_KEYS:
            raise src.fail(n, f"{name}: unknown field(s) {sorted(set(obj) - _PERSON_KEYS)}")
        country = obj.get("country")
        if not isinstance(country, str) or country not in self.countries:
            raise src.fail(n, f"{name}: unknown country {country!r}")
        other = obj.get("other")
        if other is not None and (not isinstance(other, str) or not self._valid_code(other)):
            raise src.fail(n, f"{name}: bad other code {other!r}")
        gender = obj.get("gender")
        if gender not in (None, "m", "f"):
            raise src.fail(n, f"{name}: gender must be 'm' or 'f'")
        roles = self._roles(src, n, obj)
        country_v = None if country == "---" else country
        entry = Entry(kind="person", name=name, country=country_v, code=country_v, roles=roles, other=other,
                      gender=gender, surname=derive_surname(name, country))
        self._add(entry, [name, *aliases])
        if entry.surname and roles:
            self.by_surname.setdefault(entry.surname.lower(), []).append(entry)

    def _org(self, src: _Source, n: int, obj: dict[str, Any]) -> None:
        name, aliases = self._names(src, n, obj)
        if set(obj) - _ORG_KEYS:
            raise src.fail(n, f"{name}: unknown field(s) {sorted(set(obj) - _ORG_KEYS)}")
        code = obj.get("code")
        roles = self._roles(src, n, obj)
        if code is None and not roles:
            raise src.fail(n, f"{name}: needs a code or roles")
        if code is not None and (not isinstance(code, str) or not self._valid_code(code)):
            raise src.fail(n, f"{name}: bad code {code!r}")
        kind = obj.get("kind", "organisation")
        if kind not in ("organisation", "group"):
            raise src.fail(n, f"{name}: kind must be 'organisation' or 'group'")
        country = obj.get("country") or (code[:3] if code else roles[0].code[:3])
        if country not in self.countries:
            raise src.fail(n, f"{name}: unknown country {country!r}")
        ref = code or roles[0].code
        entry = Entry(kind=kind, name=name, country=None if country == "---" else country, code=code,
                      sectors=self._sectors_of(ref), roles=roles)
        self._add(entry, [name, *aliases])

    # ---- lookups --------------------------------------------------------------------------

    def lookup(self, text: str) -> Entry | None:
        """The entry a surface form names, case-insensitively (None if unknown)."""
        idx = self.by_form.get(text.strip().lower())
        return None if idx is None else self.entries[idx]

    def titled(self, surname: str, title: str, date: str | None) -> Entry | None:
        """The one person with this surname whose role on ``date`` has ``title`` ("President Bush" in 2008)."""
        title = title.lower()
        if date is None:
            return self._titled_undated(surname, title)
        found = [e for e in self.by_surname.get(surname.lower(), ()) if title in (e.title_at(date) or "").lower()]
        return found[0] if len(found) == 1 else None

    def _titled_undated(self, surname: str, title: str) -> Entry | None:
        """With no date, whoever ever held the title: one person when the holders' role there and their
        latest one agree, else (two President Bushes) an unnamed person with the one code they share."""
        found = [e for e in self.by_surname.get(surname.lower(), ())
                 if any(title in (r.title or "").lower() for r in e.roles)]
        codes = {r.code for e in found for r in e.roles if title in (r.title or "").lower()}
        if len(codes) != 1:
            return None  # nobody, or holders coded differently: no guess
        code = codes.pop()
        if len(found) == 1 and found[0].code_at(None) == code:
            return found[0]
        genders = {e.gender for e in found}
        return Entry(kind="person", name=surname, country=found[0].country, code=code,
                     gender=genders.pop() if len(genders) == 1 else None)

    def matcher(self, vocab: Vocab, tokenizer: Any) -> PhraseMatcher:
        """The PhraseMatcher for ``vocab`` (built on first use; one key per entry)."""
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1]
        matcher = PhraseMatcher(vocab, attr="LOWER")
        by_entry: dict[int, list[str]] = {}
        for low, idx in self.by_form.items():
            forms = [f for f in self.entries[idx].forms if f.lower() == low]
            by_entry.setdefault(idx, []).append(forms[0] if forms else low)
        for idx, forms in by_entry.items():
            matcher.add(str(idx), [_pattern(vocab, tokenizer, f) for f in forms])
        self._matchers[id(vocab)] = (vocab, matcher)
        return matcher


def _pattern(vocab: Vocab, tokenizer: Any, form: str) -> Doc:
    """A form as tokens: plain words are split on spaces (much faster than the tokenizer, same result)."""
    if _PLAIN.match(form):
        return Doc(vocab, words=form.split(" "))
    return tokenizer(form)


@lru_cache(maxsize=8)
def _load(path: str) -> ActorDictionary:
    return ActorDictionary(Path(path))


def load_dictionary(data_dir: str | Path | None = None) -> ActorDictionary:
    """The actor dictionary from ``data_dir`` (default: the packaged data), loaded once per process."""
    return _load(str(Path(data_dir) if data_dir else DATA_DIR))
