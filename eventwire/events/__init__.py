"""Event coding: the CAMEO and PLOVER ontologies (``ontology``), and the coder built on them."""

from .ontology import (
    CameoCode,
    PloverType,
    cameo,
    cameo_codes,
    plover_to_cameo,
    plover_type,
    plover_types,
    quad_class,
)

__all__ = [
    "CameoCode",
    "PloverType",
    "cameo",
    "cameo_codes",
    "plover_to_cameo",
    "plover_type",
    "plover_types",
    "quad_class",
]
from .coder import EventCoder  # noqa: E402,F401  (the event coder component)
