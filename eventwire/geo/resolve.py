"""Scoring a toponym's candidate places: size and feature priors, the article's countries and
admin regions, explicit qualifiers ("Paris, Texas") and closeness to places already resolved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .data import Cues
from .index import Candidate, Gazetteer

__all__ = ["Context", "score", "dwarfed", "demonym_point", "distance_km", "FEATURE_BONUS"]


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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
