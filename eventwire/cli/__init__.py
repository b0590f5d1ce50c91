"""The `eventwire` command: thin shells over library calls (see each command's help)."""

from . import coding, querying, reading  # noqa: F401  (each module registers its commands)
from .app import app, err, main

__all__ = ["app", "err", "main"]
