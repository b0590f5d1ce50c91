"""The gazetteer: name normalization, regions.yml validation, the pickled index cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.geo import index as gz
from eventwire.geo.data import read_cues, read_regions
from eventwire.geo.resolve import distance_km

_REGIONS = """\
countries:
  FRA: [46.0, 2.0]
country_aliases:
  USA: [U.S., America]
regions:
  - {name: Red Sea, lat: 20.0, lon: 38.5, feature: water, country: null}
  - {name: Gaza Strip, aliases: [Gaza], lat: 31.4, lon: 34.4, feature: region, country: PSE, population: 2000000}
  - {name: Texas, code: TX, lat: 31.5, lon: -99.3, feature: admin, country: USA, population: 30000000}
"""

_CITIES = {
    "1": {"geonameid": 1, "name": "Paris", "latitude": 48.85, "longitude": 2.35, "countrycode": "FR",
          "population": 2100000, "admin1code": "11", "alternatenames": ["Lutetia", "PAR", "Paname"]},
    "2": {"geonameid": 2, "name": "Paris", "latitude": 33.66, "longitude": -95.56, "countrycode": "US",
          "population": 25000, "admin1code": "TX", "alternatenames": []},
    "3": {"geonameid": 3, "name": "Al Qamishli", "latitude": 37.05, "longitude": 41.23, "countrycode": "SY",
          "population": 180000, "admin1code": "04", "alternatenames": []},
}


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    regions = tmp_path / "regions.yml"
    regions.write_text(_REGIONS, encoding="utf-8")
    cities = tmp_path / "cities.json"
    cities.write_text(json.dumps(_CITIES), encoding="utf-8")
    return regions, cities


def test_normalize_folds_case_accents_dots_and_article() -> None:
    assert gz.normalize("U.S.") == "us"
    assert gz.normalize("the  Red Sea") == "red sea"
    assert gz.normalize("Côte d\u2019Ivoire") == "cote d'ivoire"
    assert gz.normalize("São Paulo") == "sao paulo"


def test_build_indexes_cities_countries_regions_and_alternates(files: tuple[Path, Path]) -> None:
    regions, cities = files
    g = gz.build(regions, cities)
    paris = g.candidates("Paris")
    assert [c.country for c in paris] == ["FRA", "USA"]  # biggest first
    assert paris[0].feature == "capital" and paris[1].feature == "city"
    assert paris[1].admin1 == "TX"
    assert g.candidates("Lutetia")[0].primary is False
    assert g.candidates("PAR") == []  # airport-style codes are not names
    assert g.candidates("Qamishli")[0].name == "Al Qamishli"  # article dropped
    assert g.candidates("the Gaza Strip")[0].feature == "region"
    assert g.candidates("Gaza")[0].country == "PSE"
    assert g.candidates("America")[0].feature == "country"
    france = [c for c in g.candidates("France") if c.feature == "country"][0]
    assert (france.lat, france.lon) == (46.0, 2.0)  # our centroid, not the capital


def test_cache_round_trip(files: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regions, cities = files
    cache = tmp_path / "cache"
    first = gz.load(cache, regions, cities)
    path = gz.cache_path(cache, regions)
    assert path.exists() and path.name.startswith("gazetteer-")

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("should load from the cache")

    monkeypatch.setattr(gz, "build", no_build)
    again = gz.load(cache, regions, cities)
    assert again.candidates("Paris") == first.candidates("Paris")
    assert len(again) == len(first)


def test_corrupt_cache_is_rebuilt(files: tuple[Path, Path], tmp_path: Path) -> None:
    regions, cities = files
    cache = tmp_path / "cache"
    path = gz.cache_path(cache, regions)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    g = gz.load(cache, regions, cities)
    assert g.candidates("Red Sea")
    assert path.read_bytes() != b"not a pickle"


def test_cache_key_follows_the_regions_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    regions, _ = files
    before = gz.cache_path(tmp_path, regions)
    regions.write_text(_REGIONS + "  - {name: Sahel, lat: 15.0, lon: 5.0, feature: region, country: null}\n")
    assert gz.cache_path(tmp_path, regions) != before


def test_packaged_regions_file_is_valid_and_has_news_regions() -> None:
    data = read_regions()
    names = {r["name"] for r in data["regions"]} | {a for r in data["regions"] for a in r["aliases"]}
    for name in ("Korean Peninsula", "Red Sea", "Gaza", "West Bank", "Donbas", "Crimea", "Strait of Hormuz",
                 "South China Sea", "Taiwan Strait", "Black Sea", "Sahel", "Middle East", "Gulf", "Kashmir",
                 "Darfur", "Baltic Sea", "Nagorno-Karabakh", "DMZ", "demilitarized zone", "Panmunjom"):
        assert name in names, name
    assert data["countries"]["RUS"] == (60.0, 100.0)


@pytest.mark.parametrize("entry, line", [
    ("  - {name: Nowhere, lat: 95.0, lon: 0.0, feature: region, country: null}\n", 3),
    ("  - {name: Nowhere, lat: 1.0, lon: 0.0, feature: swamp, country: null}\n", 3),
    ("  - {name: Nowhere, lat: 1.0, lon: 0.0, feature: region, country: France}\n", 3),
    ("  - {name: Nowhere, lat: one, lon: 0.0, feature: region, country: null}\n", 3),
    ("  - {lat: 1.0, lon: 0.0, feature: region, country: null}\n", 3),
    ("  - {name: Nowhere, lat: 1.0, lon: 0.0, feature: region, colour: red}\n", 3),
    ("  - {name: Nowhere, lat: 1.0, lon: 0.0, feature: region, country: null\n", None),
])
def test_malformed_regions_raise_data_file_error(tmp_path: Path, entry: str, line: int | None) -> None:
    path = tmp_path / "regions.yml"
    path.write_text("regions:\n  - {name: Red Sea, lat: 20.0, lon: 38.5, feature: water, country: null}\n"
                    + entry, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_regions(path)
    assert err.value.path == str(path)
    if line is not None:
        assert err.value.line == line


def test_malformed_country_centroid(tmp_path: Path) -> None:
    path = tmp_path / "regions.yml"
    path.write_text("countries:\n  FRA: [46.0, 2.0]\n  Fr: [1.0, 2.0]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_regions(path)
    assert err.value.line == 3


def test_malformed_cues_raise_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "cues.yml"
    path.write_text("metonym_verbs: [say]\nliteral_verbs: [be]\nmetonym_nouns: [decision]\nlocative_preps: [in]\n"
                    "not_places: [may]\nplace_heads: [city]\narea_heads: [city]\norg_heads: [bank]\ndivision_heads: [county]\n"
                    "demonyms:\n  iranian: Iran\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_cues(path)
    assert err.value.line == 11
    path.write_text("metonym_verbs: [Say]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_cues(path)
    path.write_text("metonym_verbs: [say, see]\nliteral_verbs: [see]\nmetonym_nouns: [decision]\n"
                    "locative_preps: [in]\nnot_places: [may]\nplace_heads: [city]\narea_heads: [city]\norg_heads: [bank]\ndivision_heads: [county]\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="both"):
        read_cues(path)


def test_packaged_cues_are_valid() -> None:
    cue = read_cues()
    assert {"say", "perceive", "resist", "warn"} <= cue.metonym_verbs
    assert "on" in cue.locative_preps and "off" in cue.locative_preps  # not YAML booleans
    assert cue.demonyms["iranian"] == "IRN"


def test_distance_km() -> None:
    assert distance_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.5)
    assert distance_km(48.85, 2.35, 51.51, -0.13) == pytest.approx(343, abs=5)


def test_saving_a_new_version_removes_stale_caches(files: tuple[Path, Path], tmp_path: Path) -> None:
    regions, cities = files
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "gazetteer-0.0.1-1-abc.pickle"
    stale.write_bytes(b"old")
    gz.load(cache, regions, cities)
    assert not stale.exists()
    assert gz.cache_path(cache, regions).exists()


def test_common_noun_aliases_are_recorded(files: tuple[Path, Path]) -> None:
    b = gz.Builder()
    b.add_place("Korean Demilitarized Zone", 38.0, 127.0, None, "region", 1, aliases=["DMZ", "demilitarized zone"])
    assert b.finish().common_names == frozenset({"demilitarized zone"})
