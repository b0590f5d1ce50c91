"""The places stage: toponyms, offline geocoding, metonymy, event locations.

- ``data``: reading ``data/regions.yml`` and ``data/geo_cues.yml`` (``read_regions``, ``read_cues``, ``Cues``)
- ``index``: the gazetteer index: build, pickle cache, load (``Gazetteer``, ``Candidate``, ``gazetteer``)
- ``resolve``: scoring a toponym's candidates (``Context``, ``score``, ``dwarfed``, ``distance_km``), and
  their distance from the story (``near_story``, ``remote``, ``unresolvable``)
- ``toponyms``: finding toponyms in a Doc and their kinds (literal, demonym, embedded)
- ``local``: streets, sites, divisions and unknown localities, placed at their container
  (``local_spans``, ``place_locally``, ``read_local``; see docs/places.md)
- ``metonymy``: places standing for their government (``is_metonym``)
- ``places``: the spaCy component ``PlaceTagger``, ``tag_places``, ``geoparse``, ``locate_events``
"""

from __future__ import annotations

from .data import CUES_PATH, FEATURES, REGIONS_PATH, Cues, cues, load_yaml, read_cues, read_regions
from .index import Builder, Candidate, Gazetteer, build, cache_path, gazetteer, load, normalize, save
from .local import LOCAL_PATH, LocalCues, local_cues, local_spans, place_locally, read_local
from .metonymy import is_metonym
from .places import PlaceTagger, geoparse, locate_events, tag_places
from .resolve import (
    FEATURE_BONUS,
    NEAR_KM,
    Context,
    demonym_point,
    distance_km,
    dwarfed,
    near_story,
    remote,
    score,
    unresolvable,
)

__all__ = ["PlaceTagger", "locate_events", "geoparse", "gazetteer", "tag_places", "is_metonym", "Cues", "cues",
           "read_cues", "CUES_PATH", "Candidate", "Gazetteer", "Builder", "normalize", "build", "load", "save",
           "cache_path", "load_yaml", "read_regions", "distance_km", "REGIONS_PATH", "FEATURES", "Context",
           "score", "dwarfed", "demonym_point", "FEATURE_BONUS", "LocalCues", "read_local", "local_cues",
           "local_spans", "place_locally", "LOCAL_PATH", "near_story", "remote", "unresolvable", "NEAR_KM"]
