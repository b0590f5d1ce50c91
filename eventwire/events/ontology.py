"""The event ontologies as data: every CAMEO code (name, Goldstein weight, quad class) and its PLOVER
type and mode, plus the 16 PLOVER types.

Three packaged files under ``data/`` hold the facts (``cameo.tsv``, ``plover.yml``,
``cameo_plover.tsv``); this module reads them once per process, checks them, and answers look-ups.
Any malformed entry raises ``DataFileError(path, line, reason)`` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import key_lines, read_yaml
from ..errors import DataFileError

__all__ = [
    "CameoCode",
    "PloverType",
    "cameo",
    "cameo_codes",
    "plover_types",
    "plover_type",
    "plover_contexts",
    "quad_class",
    "plover_to_cameo",
    "load_cameo",
    "load_plover",
    "load_cameo_plover",
    "DATA_DIR",
]

DATA_DIR = Path(__file__).parent / "data"
CAMEO_FILE = DATA_DIR / "cameo.tsv"
PLOVER_FILE = DATA_DIR / "plover.yml"
CAMEO_PLOVER_FILE = DATA_DIR / "cameo_plover.tsv"

NO_PLOVER = "-"  # in cameo_plover.tsv: the code has no PLOVER counterpart
_CODE = re.compile(r"^\d{2,4}$")
_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with everything an Event carries about it."""

    code: str  # "0311"
    name: str  # our short description
    goldstein: float
    root: str  # "03"
    quad_class: int  # 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)
    plover: str | None  # "AGREE"
    plover_mode: str | None

    @property
    def parent(self) -> str | None:
        """The code one level up ("0311" -> "031", "031" -> "03"), None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type and its modes."""

    name: str
    description: str
    modes: tuple[str, ...]
    requires_recipient: bool


@dataclass(frozen=True)
class _Plover:
    """Everything plover.yml holds (types plus the CAMEO stand-ins and the context list)."""

    types: dict[str, PloverType]
    cameo: dict[str, str]  # type -> stand-in CAMEO code
    mode_cameo: dict[tuple[str, str], str]  # (type, mode) -> stand-in CAMEO code
    contexts: tuple[str, ...]
    lines: dict[str, int]  # type -> line in plover.yml, for cross-file errors


def root_quad_class(root: str) -> int:
    """Quad class of a CAMEO root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    n = int(root)
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


def _tsv_rows(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each data line; '#' lines and blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    seen_header = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(c.strip() for c in cells) != header:
                raise DataFileError(str(path), lineno, f"expected header {'/'.join(header)}, got {line!r}")
            seen_header = True
            continue
        if len(cells) != len(header):
            raise DataFileError(str(path), lineno, f"expected {len(header)} tab-separated columns, got {len(cells)}")
        yield lineno, [c.strip() for c in cells]
    if not seen_header:
        raise DataFileError(str(path), None, "no header line")


def load_cameo(path: str | Path = CAMEO_FILE) -> dict[str, tuple[str, float, int]]:
    """Read a cameo.tsv: code -> (name, goldstein, line). Checks codes, roots, weights, parents."""
    path = Path(path)
    out: dict[str, tuple[str, float, int]] = {}
    for lineno, (code, name, gold) in _tsv_rows(path, ("code", "name", "goldstein")):
        if not _CODE.match(code):
            raise DataFileError(str(path), lineno, f"code {code!r} is not 2 to 4 digits")
        if code[:2] not in _ROOTS:
            raise DataFileError(str(path), lineno, f"code {code!r} has no CAMEO root (01-20)")
        if code in out:
            raise DataFileError(str(path), lineno, f"code {code} repeated (first on line {out[code][2]})")
        if not name:
            raise DataFileError(str(path), lineno, f"code {code} has an empty name")
        try:
            value = float(gold)
        except ValueError:
            raise DataFileError(str(path), lineno, f"Goldstein value {gold!r} is not a number") from None
        if not -10.0 <= value <= 10.0:
            raise DataFileError(str(path), lineno, f"Goldstein value {value} outside [-10, 10]")
        out[code] = (name, value, lineno)
    for code, (_, _, lineno) in out.items():
        if len(code) > 2 and code[:-1] not in out:
            raise DataFileError(str(path), lineno, f"code {code} has no parent {code[:-1]} in the file")
    return out


def load_plover(path: str | Path = PLOVER_FILE) -> _Plover:
    """Read a plover.yml: its types (description, modes, recipient rule, CAMEO stand-ins) and contexts."""
    path = Path(path)
    p = str(path)
    data, text = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict) or not data["types"]:
        raise DataFileError(p, None, "expected a mapping with a non-empty 'types' mapping")
    # type name -> its line under "types:" in plover.yml
    lines = {k.removeprefix("types."): v for k, v in key_lines(text).items() if k.startswith("types.")}
    types: dict[str, PloverType] = {}
    stand_in: dict[str, str] = {}
    mode_stand_in: dict[tuple[str, str], str] = {}
    for name, entry in data["types"].items():
        line = lines.get(str(name))
        if not isinstance(name, str) or not name.isupper():
            raise DataFileError(p, line, f"type name {name!r} must be an upper-case string")
        if not isinstance(entry, dict):
            raise DataFileError(p, line, f"type {name} must be a mapping")
        unknown = set(entry) - {"description", "modes", "requires_recipient", "cameo", "mode_cameo"}
        if unknown:
            raise DataFileError(p, line, f"type {name} has unknown keys {sorted(unknown)}")
        desc = entry.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise DataFileError(p, line, f"type {name} needs a one-line description")
        modes = entry.get("modes")
        if not isinstance(modes, list) or not all(isinstance(m, str) and m for m in modes):
            raise DataFileError(p, line, f"type {name}: modes must be a list of names ([] for none)")
        if len(set(modes)) != len(modes):
            raise DataFileError(p, line, f"type {name}: repeated mode")
        recip = entry.get("requires_recipient")
        if not isinstance(recip, bool):
            raise DataFileError(p, line, f"type {name}: requires_recipient must be true or false")
        code = entry.get("cameo")
        if not isinstance(code, str) or not _CODE.match(code):
            raise DataFileError(p, line, f"type {name}: cameo must be a quoted CAMEO code")
        per_mode = entry.get("mode_cameo") or {}
        if not isinstance(per_mode, dict):
            raise DataFileError(p, line, f"type {name}: mode_cameo must be a mapping")
        for mode, mcode in per_mode.items():
            if mode not in modes:
                raise DataFileError(p, line, f"type {name}: mode_cameo names unknown mode {mode!r}")
            if not isinstance(mcode, str) or not _CODE.match(mcode):
                raise DataFileError(p, line, f"type {name}: mode_cameo {mode} must be a quoted CAMEO code")
            mode_stand_in[(name, mode)] = mcode
        types[name] = PloverType(name, desc.strip(), tuple(modes), recip)
        stand_in[name] = code
    contexts = data.get("contexts", [])
    if not isinstance(contexts, list) or not all(isinstance(c, str) and c for c in contexts):
        raise DataFileError(p, None, "contexts must be a list of names")
    return _Plover(types, stand_in, mode_stand_in, tuple(contexts), {k: v for k, v in lines.items()})


def load_cameo_plover(path: str | Path, codes: dict[str, Any], types: dict[str, PloverType]
                      ) -> dict[str, tuple[str | None, str | None]]:
    """Read a cameo_plover.tsv: code -> (PLOVER type, mode). Every code of ``codes`` must appear once."""
    path = Path(path)
    out: dict[str, tuple[str | None, str | None]] = {}
    last = 0
    for lineno, (code, plover, mode) in _tsv_rows(path, ("code", "plover", "mode")):
        last = lineno
        if code not in codes:
            raise DataFileError(str(path), lineno, f"code {code!r} is not a CAMEO code")
        if code in out:
            raise DataFileError(str(path), lineno, f"code {code} mapped twice")
        if plover == NO_PLOVER:
            if mode:
                raise DataFileError(str(path), lineno, f"code {code} has a mode but no PLOVER type")
            out[code] = (None, None)
            continue
        if plover not in types:
            raise DataFileError(str(path), lineno, f"unknown PLOVER type {plover!r} (use '{NO_PLOVER}' for none)")
        if mode and mode not in types[plover].modes:
            raise DataFileError(str(path), lineno, f"{plover} has no mode {mode!r} (modes: {', '.join(types[plover].modes) or 'none'})")
        out[code] = (plover, mode or None)
    missing = [c for c in codes if c not in out]
    if missing:
        raise DataFileError(str(path), last or None, f"CAMEO codes without a PLOVER mapping: {', '.join(missing[:10])}")
    return out


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, CameoCode], _Plover]:
    raw = load_cameo(CAMEO_FILE)
    plover = load_plover(PLOVER_FILE)
    mapping = load_cameo_plover(CAMEO_PLOVER_FILE, raw, plover.types)
    codes = {
        code: CameoCode(code, name, gold, code[:2], root_quad_class(code[:2]), *mapping[code])
        for code, (name, gold, _) in raw.items()
    }
    # Stand-in codes must exist and map to their own type, or patterns would drift. The mode may differ
    # where CAMEO lumps modes together (143 covers both strikes and boycotts).
    for ptype, code in plover.cameo.items():
        if code not in codes or codes[code].plover != ptype:
            raise DataFileError(str(PLOVER_FILE), plover.lines.get(ptype), f"{ptype}: cameo {code} does not map to {ptype}")
    for (ptype, mode), code in plover.mode_cameo.items():
        if code not in codes or codes[code].plover != ptype:
            raise DataFileError(str(PLOVER_FILE), plover.lines.get(ptype), f"{ptype}/{mode}: cameo {code} does not map to {ptype}")
    return codes, plover


def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code, keyed by code ("01".."2042"), in file order. Do not mutate."""
    return _load()[0]


def cameo(code: str) -> CameoCode:
    """The CAMEO code ``code`` ("0311"); KeyError naming it if it is not a CAMEO code."""
    found = _load()[0].get(str(code).strip())
    if found is None:
        raise KeyError(f"unknown CAMEO code {code!r} (codes are 2-4 digit strings with a leading zero, e.g. '042')")
    return found


def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER event types, keyed by name ("AGREE"...). Do not mutate."""
    return _load()[1].types


def plover_type(name: str) -> PloverType:
    """One PLOVER type by name (case-insensitive); KeyError if unknown."""
    found = _load()[1].types.get(str(name).strip().upper())
    if found is None:
        raise KeyError(f"unknown PLOVER type {name!r} (known: {', '.join(_load()[1].types)})")
    return found


def plover_contexts() -> tuple[str, ...]:
    """The topic contexts an event can carry (military, economic, ...)."""
    return _load()[1].contexts


def quad_class(code: str) -> int:
    """Quad class of a CAMEO code: 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict
    (09-13), 4 material conflict (14-20). Works from the root, so any code with a valid root answers."""
    code = str(code).strip()
    if not _CODE.match(code) or code[:2] not in _ROOTS:
        raise KeyError(f"unknown CAMEO code {code!r}: no root between 01 and 20")
    return root_quad_class(code[:2])


def plover_to_cameo(plover: str, mode: str | None = None) -> str:
    """The CAMEO code that best stands for a PLOVER type (and mode), for patterns that name only PLOVER.

    A mode CAMEO has no own code for falls back to the type's code. KeyError for an unknown type or
    a mode the type does not have.
    """
    ptype = plover_type(plover)
    data = _load()[1]
    if mode is None or mode == "":
        return data.cameo[ptype.name]
    if mode not in ptype.modes:
        raise KeyError(f"PLOVER {ptype.name} has no mode {mode!r} (modes: {', '.join(ptype.modes) or 'none'})")
    return data.mode_cameo.get((ptype.name, mode), data.cameo[ptype.name])
