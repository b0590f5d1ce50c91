"""Scoring a toponym's candidate places: size and feature priors, the article's countries and
admin regions, explicit qualifiers ("Paris, Texas") and closeness to places already resolved.

A town in a country the story never names, far from every country and confidently placed town of
the story, is ``remote``: it loses to a namesake in (or next to) a story country, and when it is small
and its name is ambiguous it is better left unresolved (``unresolvable``): the event coder takes a
literal place's country as the target of an act, so a wrong point makes a wrong event.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .data import Cues
from .index import Candidate, Gazetteer

__all__ = ["Context", "score", "dwarfed", "demonym_point", "distance_km", "FEATURE_BONUS", "near_story", "remote",
           "unresolvable", "NEAR_KM"]


# Prior weight of a feature class on top of log10(population).
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "union": 3.0, "region": 2.0, "water": 2.0, "admin": 1.0,
                 "capital": 2.0, "place": 1.0, "city": 0.0}


# A town within this distance of a story country's point or of a confidently placed town of the
# story is "near" it: a neighbour ("Israeli troops in Jenin": Jenin is in the Palestinian territories,
# next to Israel). Country points are centres, so a town of a big neighbour may count as far.
NEAR_KM = 1000.0
NEAR_BONUS = 1.0  # a town near the story but in no story country
REMOTE_PENALTY = 2.0  # a town far from all of the story, when a story namesake is a real rival
_TOWNS = ("city", "capital", "place")
_SMALL = 100_000  # a remote town smaller than this never keeps its size advantage
_LEAVE = 50_000  # a remote, ambiguous winner smaller than this is left unresolved


@dataclass
class Context:
    """What an article is about: its countries, admin regions and confidently placed towns.
    ``points``: the story countries' points; ``place_countries``: countries one of whose states or
    confidently placed towns the story names (not only an actor, a nationality word or the country's
    own name), which alone decide a state against a country of the same name ("Georgia")."""

    countries: set[str]
    admins: set[tuple[str, str]]
    anchors: list[Candidate]
    points: list[Candidate] = field(default_factory=list)
    place_countries: set[str] = field(default_factory=set)
    # (lists in use, their story number): see ``_story``.
    _story: tuple[tuple[int, int, int, int], int] = field(default=((0, 0, 0, 0), -1), repr=False, compare=False)


# Distances are measured once per (candidate point, story points): both resolution rounds ask
# ``remote``, ``score`` and ``unresolvable`` about the same candidates, and a corpus keeps bringing the
# same names against the same story countries. A story's points get a number that is never reused.
_STORIES: dict[tuple[tuple[tuple[float, float], ...], ...], int] = {}
_MEASURED: dict[tuple[str, float, float, int], bool | None] = {}
_MEMO_MAX = 16_384  # full within a few hundred articles: memory must not grow with the corpus
_next_story = [0]


def _story(ctx: Context) -> int:
    """The number of the story points ``ctx`` measures from (its country points and anchors)."""
    lists = (id(ctx.points), len(ctx.points), id(ctx.anchors), len(ctx.anchors))
    if ctx._story[0] != lists:
        coords = (tuple((p.lat, p.lon) for p in ctx.points), tuple((a.lat, a.lon) for a in ctx.anchors))
        number = _STORIES.get(coords)
        if number is None:
            if len(_STORIES) >= _MEMO_MAX or len(_MEASURED) >= _MEMO_MAX:
                _STORIES.clear()
                _MEASURED.clear()
            number = _STORIES[coords] = _next_story[0]
            _next_story[0] += 1
        ctx._story = (lists, number)
    return ctx._story[1]


def near_story(c: Candidate, ctx: Context) -> bool | None:
    """Whether ``c`` lies within ``NEAR_KM`` of a story country's point or an anchor town; None when
    the story gives no point to measure from."""
    key = ("near", c.lat, c.lon, _story(ctx))
    found = _MEASURED.get(key, _UNSEEN)
    if found is _UNSEEN:
        points = [*ctx.points, *ctx.anchors]
        span = NEAR_KM / 111.19  # degrees of latitude: a point farther north or south is farther anyway
        found = any(abs(c.lat - p.lat) < span and distance_km(c.lat, c.lon, p.lat, p.lon) < NEAR_KM
                    for p in points) if points else None
        _MEASURED[key] = found
    return found  # type: ignore[return-value]


def _near_anchor(c: Candidate, ctx: Context) -> bool:
    """Within 250 km of a confidently placed town of the story."""
    key = ("anchor", c.lat, c.lon, _story(ctx))
    found = _MEASURED.get(key)
    if found is None:
        found = min(distance_km(c.lat, c.lon, a.lat, a.lon) for a in ctx.anchors) < 250
        _MEASURED[key] = found
    return found


_UNSEEN = object()


def remote(candidates: list[Candidate], ctx: Context) -> set[int]:
    """Indexes of towns far from the whole story that lose their size advantage to a namesake in (or
    near) the story: in no story country, over ``NEAR_KM`` from every story point, and either small or
    at most ten times bigger than that namesake. "Tripoli" in a Lebanese story is Lebanon's; "Paris"
    in an American story stays the French capital (Paris, Texas is 80 times smaller). Without a
    namesake in the story nothing changes: far towns keep their order among themselves."""
    near = [near_story(c, ctx) if c.feature in _TOWNS else None for c in candidates]
    # A rival in a story country must bear the name as its own, unless it is near the story too: one
    # alternate spelling of some far town of a story country ("Villanueva" for Tallahassee) is no rival.
    local = [c for c, n in zip(candidates, near, strict=True) if (c.country in ctx.countries and c.primary) or n]
    if not local:
        return set()
    # A foreign capital yields only to a namesake bearing its name as its own near the story's places
    # or country centres (not Oshkosh, once called Athens), not to one anywhere in a big story
    # country: American actors do not make "Athens" the Georgian town unless the story places a town
    # near it; Lebanon's Tripoli is near Lebanon.
    close = [c for c, n in zip(candidates, near, strict=True) if n and c.primary]
    return {i for i, (c, n) in enumerate(zip(candidates, near, strict=True))
            if n is False and c.country not in ctx.countries
            and (c.population < _SMALL or any(d.population * 10 >= c.population
                                               for d in (close if c.feature == "capital" else local)))}


def unresolvable(best: Candidate, candidates: list[Candidate], ctx: Context) -> bool:
    """A small town far from the whole story (see ``remote``) that won for want of a namesake in it:
    better no point than a wrong one, when its name is ambiguous (namesakes over 300 km apart: two
    Dundrums near Dublin and Belfast are one guess) or only an alternate name of it."""
    if best.population >= _LEAVE or best.feature not in _TOWNS or best.country in ctx.countries \
            or near_story(best, ctx) is not False:
        return False
    return not best.primary or any(distance_km(best.lat, best.lon, c.lat, c.lon) > 300 for c in candidates)


def score(c: Candidate, ctx: Context, qualifier: Candidate | None, small: bool = False, far: bool = False,
          state_or_country: bool = False) -> float:
    """Prior (size, feature, own name) plus context. ``small``: a namesake in the same country is
    over 30 times bigger ("Louisville", Ohio vs Kentucky); then a mention of the small one's state
    or a nearby town is weak evidence (the article may only be about that state's region), so
    those two bonuses do not add up and count half. An explicit qualifier always counts in full.
    ``far``: a remote town (``remote``). ``state_or_country``: the name is both a state and a
    country ("Georgia"); the state's country then counts only when a toponym names it, since
    American actors are in most stories."""
    total = math.log10(c.population + 10) + FEATURE_BONUS.get(c.feature, 0.0) + (1.5 if c.primary else 0.0)
    countries = ctx.place_countries if state_or_country and c.feature == "admin" else ctx.countries
    if c.country and c.country in countries:
        total += 2.0
    elif c.feature in _TOWNS and near_story(c, ctx):
        total += NEAR_BONUS
    if far:
        total -= REMOTE_PENALTY
    in_state = 2.5 if c.country and c.admin1 and (c.country, c.admin1) in ctx.admins and c.feature != "admin" else 0.0
    near = 1.5 if ctx.anchors and c.feature in ("city", "capital", "place", "admin") and _near_anchor(c, ctx) else 0.0
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
