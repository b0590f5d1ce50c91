"""The places stage's data files: ``data/regions.yml`` (country centroids and aliases, regions,
seas, unions) and ``data/geo_cues.yml`` (the word lists toponym recognition and metonymy use),
each validated so a malformed entry raises ``DataFileError`` with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

__all__ = ["load_yaml", "read_regions", "Cues", "read_cues", "cues", "REGIONS_PATH", "CUES_PATH", "FEATURES"]

_DATA = Path(__file__).parent.parent / "data"
REGIONS_PATH = _DATA / "regions.yml"
CUES_PATH = _DATA / "geo_cues.yml"
FEATURES = ("city", "capital", "country", "admin", "region", "water", "continent", "union", "place")


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


def word_list(data: dict, key: str, path: Path) -> list[str]:
    """The non-empty list of lower-case words under ``key``; anything else raises ``DataFileError``."""
    words = data.get(key)
    line = data.key_lines.get(key) if hasattr(data, "key_lines") else None
    if not isinstance(words, list) or not words:
        raise DataFileError(str(path), line, f"{key} must be a non-empty list")
    for word in words:
        if not isinstance(word, str) or not word.strip() or word != word.lower():
            raise DataFileError(str(path), line, f"{key}: {word!r} must be a lower-case word")
    return words


def read_cues(path: Path = CUES_PATH) -> Cues:
    """Load and validate the cue lists; a malformed entry raises ``DataFileError``."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(str(path), None, "top level must be a mapping")
    lists = {key: frozenset(word_list(data, key, path))
             for key in ("metonym_verbs", "literal_verbs", "metonym_nouns", "locative_preps", "not_places",
                         "place_heads", "area_heads", "org_heads", "division_heads")}
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
