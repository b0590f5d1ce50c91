"""The event pattern dictionary: load, validate and compile ``data/patterns/*.yml`` once per process.

Each pattern file holds the entries of one CAMEO root (``root: "19"``) or, for files whose name starts
with ``_``, grammar lists the coder needs (light verbs, speech verbs, control verbs...). Entries are
compiled into dict lookups keyed by trigger lemma, so coding a token costs one dict probe, never a
loop over the whole dictionary.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataFileError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "Pattern",
    "PatternSet",
    "load_patterns",
    "PATTERN_DIR",
    "CODER_VERSION_BASE",
    "EXTRA_REQUIRE_KEYS",
    "check_extra_requires",
    "foreign_target_ok",
    "nested_prep_tokens",
]

PATTERN_DIR = Path(__file__).parent / "data" / "patterns"
CODER_VERSION_BASE = "ewcoder-0.1"

_CODE = re.compile(r"^\d{2,4}$")
# Role specs say where an actor comes from, relative to the trigger token. "prep:against>to" is a
# nested phrase: the object of "to" inside the object of "against" ("cautioned against trips to Nepal").
_ROLE = re.compile(
    r"^(subj|dobj|iobj|poss|mod|agent|gov_subj|gov_obj|comp_subj|comp_obj|head_obj|place|cause"
    r"|prep:[a-z_]+(?:>[a-z_]+)?)$"
)
# Keys checked here by ``check_extra_requires``, which fill.check_requires calls after the classic ones.
EXTRA_REQUIRE_KEYS = frozenset({"dobj_mod", "head_not", "pobj_prep", "purpose"})
# Of those, the keys that narrow an entry down: an entry setting one must not run where nothing checks it.
_REQUIRE_KEYS = {"dobj", "dobj_not", "dobj_ent", "dobj_ent_not", "prep", "prt", "mod", "mod_not", "pobj",
                 "pobj_not", "subj_not", "subj", "not_dep", "xcomp", "gov", "comp_aux", "comp"} | EXTRA_REQUIRE_KEYS
# Entity labels an object may be required to carry; PLACE is any place the places module resolved.
_ENT_LABELS = {"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "PLACE"}
_ENTRY_KEYS = {
    "id", "code", "verb", "noun", "requires", "source", "target", "reciprocal", "needs_target",
    "plover", "plover_mode", "confidence", "example", "suppress", "refusal", "complement", "fold",
    "default_target", "default_source", "official_source", "mutual", "reverse_code", "foreign_target",
}
_DEFAULT_SOURCE = {"verb": ("subj",), "noun": ("poss", "agent", "mod", "gov_subj")}
_DEFAULT_TARGET = {"verb": ("dobj",), "noun": ("prep:on", "prep:against", "prep:with", "prep:to")}


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry: a trigger lemma (verb or noun), constraints, and where the actors are."""

    id: str
    code: str | None  # None for suppressing entries
    pos: str  # "verb" or "noun"
    lemmas: tuple[str, ...]
    example: str
    path: str
    line: int
    requires: dict[str, Any] = field(default_factory=dict)
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    reciprocal: bool = False
    needs_target: bool = False
    plover: str | None = None
    plover_mode: str | None = None
    confidence: float = 1.0
    suppress: bool = False
    refusal: str | None = None  # code when the act is refused ("refused to meet" -> 125)
    complement: dict[str, str] = field(default_factory=dict)  # root of a complement event -> refined code
    fold: bool = False  # complement events under this trigger are folded into it, not coded apart
    default_target: str | None = None  # sector of the source's own country when no target is named
    default_source: str | None = None  # sector of the place's country for a passive with no agent
    official_source: bool = False  # the source must carry a sector code (a visit by "the Indian team" is not)
    mutual: bool = False  # the act binds both sides: "signed a treaty with X" is also X's act toward the source
    # the target's own act toward the source, under another code: "X hosted Y" (043) is also Y's visit (042)
    reverse_code: str | None = None
    # a target that is only a country (a place), the source's own, is none: "attended a summit in New Delhi"
    # is no visit for an Indian minister
    foreign_target: bool = False
    # ``foreign_target: any``: no party of the source's own country is a target, sector or not ("ordered
    # Russian troops to leave Kherson" is Moscow moving its own army, not an expulsion)
    foreign_party: bool = False

    @property
    def specificity(self) -> float:
        """How many constraints the entry sets: the most specific matching entry wins."""
        return sum(0.5 if key.endswith("_not") else 1.0 for key in self.requires)


@dataclass
class PatternSet:
    """All entries compiled to lookups, plus the grammar word lists and the dictionary's hash."""

    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    grammar: dict[str, frozenset[str] | dict[str, str]]
    digest: str
    count: int

    @property
    def version(self) -> str:
        return f"{CODER_VERSION_BASE}+{self.digest}"

    def words(self, name: str) -> frozenset[str]:
        value = self.grammar.get(name, frozenset())
        return value if isinstance(value, frozenset) else frozenset(value)

    def mapping(self, name: str) -> dict[str, str]:
        value = self.grammar.get(name, {})
        return value if isinstance(value, dict) else {}


def _lines(text: str) -> dict[str, int]:
    """Line number of each ``- id: X`` entry, so errors point into the file."""
    found: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^\s*-\s*id:\s*['\"]?([^'\"\s#]+)", line)
        if m:
            found.setdefault(m.group(1), n)
    return found


def _str_list(value: Any, path: str, line: int | None, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, line, f"{what} must be a non-empty string or list of strings")
    return [v.strip().lower() for v in value]


def _roles(value: Any, default: tuple[str, ...], path: str, line: int | None, what: str) -> tuple[str, ...]:
    if value is None:
        return default
    roles = _str_list(value, path, line, what)
    for role in roles:
        if not _ROLE.match(role):
            raise DataFileError(path, line, f"unknown {what} role {role!r}")
    return tuple(roles)


def _requires(value: Any, path: str, line: int | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DataFileError(path, line, "requires must be a mapping")
    out: dict[str, Any] = {}
    for key, v in value.items():
        if key not in _REQUIRE_KEYS:
            raise DataFileError(path, line, f"unknown requirement {key!r}")
        if key == "xcomp":
            if not isinstance(v, bool):
                raise DataFileError(path, line, "requires.xcomp must be true or false")
            out[key] = v
        elif key in ("pobj", "pobj_not", "pobj_prep"):
            if not isinstance(v, dict) or not v:
                raise DataFileError(path, line, f"requires.{key} must map a preposition to lemmas")
            out[key] = {str(p).lower(): frozenset(_str_list(ls, path, line, "pobj lemmas")) for p, ls in v.items()}
        elif key in ("dobj_ent", "dobj_ent_not"):
            labels = {w.upper() for w in _str_list(v, path, line, f"requires.{key}")}
            if labels - _ENT_LABELS:
                raise DataFileError(path, line, f"requires.{key}: unknown labels {sorted(labels - _ENT_LABELS)}")
            out[key] = frozenset(labels)
        else:
            out[key] = frozenset(_str_list(v, path, line, f"requires.{key}"))
    return out


def _known_codes() -> frozenset[str] | None:
    """Every CAMEO code the ontology knows, or None while it cannot be read."""
    try:
        from .ontology import cameo_codes

        return frozenset(cameo_codes())
    except (ImportError, DataFileError):
        return None


def _entry(raw: Any, root: str, path: str, lines: dict[str, int]) -> Pattern:
    if not isinstance(raw, dict):
        raise DataFileError(path, None, "each entry must be a mapping")
    pid = raw.get("id")
    line = lines.get(str(pid)) if pid is not None else None
    if not isinstance(pid, str) or not pid:
        raise DataFileError(path, line, "entry without an id")
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DataFileError(path, line, f"{pid}: unknown keys {sorted(unknown)}")
    suppress = bool(raw.get("suppress", False))
    known = _known_codes()
    code = raw.get("code")
    if code is not None:
        code = str(code)
        if not _CODE.match(code):
            raise DataFileError(path, line, f"{pid}: code {code!r} is not a CAMEO code")
        if known is not None and code not in known:
            raise DataFileError(path, line, f"{pid}: code {code} is not a CAMEO code in the ontology")
        if not code.startswith(root):
            raise DataFileError(path, line, f"{pid}: code {code} is not under this file's root {root}")
    elif not suppress:
        raise DataFileError(path, line, f"{pid}: entry needs a code (or suppress: true)")
    if ("verb" in raw) == ("noun" in raw):
        raise DataFileError(path, line, f"{pid}: give exactly one of verb or noun")
    pos = "verb" if "verb" in raw else "noun"
    lemmas = tuple(_str_list(raw[pos], path, line, pos))
    example = raw.get("example")
    if not isinstance(example, str) or len(example.split()) < 3:
        raise DataFileError(path, line, f"{pid}: needs an example sentence")
    conf = raw.get("confidence", 1.0)
    if not isinstance(conf, int | float) or not 0 < conf <= 1:
        raise DataFileError(path, line, f"{pid}: confidence must be in (0, 1]")
    refusal = raw.get("refusal")
    if refusal is not None and not _CODE.match(str(refusal)):
        raise DataFileError(path, line, f"{pid}: refusal {refusal!r} is not a CAMEO code")
    reverse = raw.get("reverse_code")
    if reverse is not None and (not _CODE.match(str(reverse)) or (known and str(reverse) not in known)):
        raise DataFileError(path, line, f"{pid}: reverse_code {reverse!r} is not a CAMEO code")
    comp = raw.get("complement") or {}
    # "keep": the folded act keeps its own code, coded as planned ("agreed to impose sanctions" -> 163)
    if not isinstance(comp, dict) or not all(_CODE.match(str(v)) or v == "keep" for v in comp.values()):
        raise DataFileError(path, line, f"{pid}: complement must map roots to CAMEO codes or keep")
    foreign = raw.get("foreign_target", False)
    if foreign not in (True, False, "any"):
        raise DataFileError(path, line, f"{pid}: foreign_target must be true, false or any")
    return Pattern(
        id=pid, code=code, pos=pos, lemmas=lemmas, example=example, path=path, line=line or 0,
        requires=_requires(raw.get("requires"), path, line),
        source=_roles(raw.get("source"), _DEFAULT_SOURCE[pos], path, line, "source"),
        target=_roles(raw.get("target"), _DEFAULT_TARGET[pos], path, line, "target"),
        reciprocal=bool(raw.get("reciprocal", False)), needs_target=bool(raw.get("needs_target", False)),
        plover=(str(raw["plover"]).upper() if raw.get("plover") else None),
        plover_mode=(str(raw["plover_mode"]) if raw.get("plover_mode") else None),
        confidence=float(conf), suppress=suppress,
        refusal=str(refusal) if refusal is not None else None,
        complement={str(k).zfill(2): str(v) for k, v in comp.items()},
        fold=bool(raw.get("fold", bool(comp))),
        default_target=_sector(raw.get("default_target"), path, line, pid),
        default_source=_sector(raw.get("default_source"), path, line, pid),
        official_source=bool(raw.get("official_source", False)),
        mutual=bool(raw.get("mutual", False)),
        reverse_code=str(reverse) if reverse is not None else None,
        foreign_target=bool(foreign), foreign_party=foreign == "any",
    )


def _sector(value: Any, path: str, line: int | None, pid: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"^[A-Z]{3}$", value):
        raise DataFileError(path, line, f"{pid}: default_target/default_source must be a sector code like GOV")
    return value


# Grammar lists whose entries are CAMEO codes or code prefixes, and maps whose values are codes.
_CODE_LISTS = {"internal_codes", "unattributed_codes", "place_target_codes", "claimed_act_roots", "place_recipient_codes"}
_CODE_MAPS = {"hostile_response_nouns", "intent_codes", "threat_codes", "refusal_codes"}


def _grammar(data: Any, path: str) -> dict[str, frozenset[str] | dict[str, str]]:
    if not isinstance(data, dict):
        raise DataFileError(path, None, "a grammar file must be a mapping of list names to word lists")
    out: dict[str, frozenset[str] | dict[str, str]] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            out[str(name)] = {str(k).lower(): str(v) for k, v in value.items()}
            bad = [v for v in out[str(name)].values() if name in _CODE_MAPS and not _CODE.match(v)]
        else:
            out[str(name)] = frozenset(_str_list(value, path, None, f"list {name}"))
            bad = [v for v in out[str(name)] if name in _CODE_LISTS and not _CODE.match(v)]
        if bad:
            raise DataFileError(path, None, f"{name}: {bad[0]!r} is not a CAMEO code")
    return out


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans only: the preposition "on" and the word "no" must stay strings."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  [_first])


def _read(path: Path) -> tuple[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    try:
        return text, yaml.load(text, Loader=_Loader)  # noqa: S506 (safe loader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"bad YAML: {exc}") from None


def compile_patterns(paths: list[Path]) -> PatternSet:
    """Validate and compile the given pattern files (the coder calls ``load_patterns``)."""
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    grammar: dict[str, frozenset[str] | dict[str, str]] = {}
    seen: dict[str, str] = {}
    digest = hashlib.sha256()
    count = 0
    for path in sorted(paths):
        text, data = _read(path)
        digest.update(path.name.encode() + b"\0" + text.encode("utf-8"))
        spath = str(path)
        if path.name.startswith("_"):
            grammar.update(_grammar(data, spath))
            continue
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise DataFileError(spath, None, "a pattern file needs 'root' and a list of 'entries'")
        root = str(data.get("root", ""))
        if not re.match(r"^\d{2}$", root):
            raise DataFileError(spath, None, f"root {root!r} must be a two-digit CAMEO root")
        lines = _lines(text)
        for raw in data["entries"]:
            entry = _entry(raw, root, spath, lines)
            if entry.id in seen:
                raise DataFileError(spath, entry.line, f"duplicate id {entry.id} (also in {seen[entry.id]})")
            seen[entry.id] = spath
            table = verbs if entry.pos == "verb" else nouns
            for lemma in entry.lemmas:
                table.setdefault(lemma, []).append(entry)
            count += 1
    for table in (verbs, nouns):
        for lemma in table:
            # Most specific first; stable, so file order breaks ties.
            table[lemma].sort(key=lambda p: -p.specificity)
    return PatternSet(verbs, nouns, grammar, digest.hexdigest()[:8], count)


@lru_cache(maxsize=4)
def load_patterns(directory: str | None = None) -> PatternSet:
    """The compiled dictionary in ``directory`` (default: the packaged one), cached per process."""
    folder = Path(directory) if directory else PATTERN_DIR
    paths = [p for p in folder.glob("*.yml")]
    if not paths:
        raise DataFileError(str(folder), None, "no pattern files found")
    return compile_patterns(paths)


# ---------------------------------------------------------------- the keys checked here
# Dependency labels of a predicate said of the object: "held Iran RESPONSIBLE", "declared the vote VOID".
_PRED_DEPS = ("oprd", "acomp", "xcomp", "ccomp")
# Edges by which a noun act is the subject of its verb: "the truce BROKE DOWN", "the truce was violated".
_SUBJ_DEPS = ("nsubj", "nsubjpass")


def _lem(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.text.lower()


def _with_particle(verb: Token) -> set[str]:
    """A verb's lemma alone and with its particle ("break" and "break down")."""
    base = _lem(verb)
    return {base, *(f"{base} {_lem(k)}" for k in verb.children if k.dep_ == "prt")}


def _heads_of(tok: Token) -> set[str]:
    """What happens to a noun act: the verb it is the subject or object of ("the truce collapsed",
    "rebels broke the truce"), or the noun whose of/on/about/over phrase it fills ("the collapse of the
    truce", "negotiations on a pullback")."""
    head = tok.head
    if head.i == tok.i:
        return set()
    if tok.dep_ in (*_SUBJ_DEPS, "dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return _with_particle(head)
    if (tok.dep_ == "pobj" and _lem(head) in ("of", "on", "about", "over") and head.head.i != head.i
            and head.head.pos_ == "NOUN"):  # "the collapse of the truce", "talks on a pullback"
        return {_lem(head.head)}
    return set()


def nested_prep_tokens(heads: list[Token], prep: str) -> list[Token]:
    """Objects of preposition ``prep`` hanging from ``heads``: for a role "prep:against>to" the heads are
    the objects of "against" ("warned against any attack ON Iran" -> Iran)."""
    return [q for h in heads for k in h.children if k.dep_ == "prep" and _lem(k) == prep
            for q in k.children if q.dep_ in ("pobj", "pcomp")]


def check_extra_requires(tok: Token, p: Pattern) -> str | None:
    """None when the keys of ``EXTRA_REQUIRE_KEYS`` that ``p`` sets hold at ``tok``, else the first that fails.

    - ``dobj_mod``: a predicate said of the object ("held Iran RESPONSIBLE for", "declared the talks
      OVER"): a predicative child of the trigger (oprd, acomp, xcomp, ccomp) or a modifier of its object;
    - ``head_not``: what the noun act is the subject or object of, or the noun whose of/on/about/over
      phrase it fills, must not be one of these ("the truce BROKE DOWN", "the COLLAPSE of the truce",
      "TALKS on a pullback"); "lemma particle" forms name a verb with its particle only;
    - ``pobj_prep``: {against: [to, on]}: the object of the first preposition has a phrase with one of
      these ("cautioned against trips TO Nepal");
    - ``purpose``: the act's purpose clause, on the verb or on its object, is one of these verbs ("sent
      experts to HELP identify the victims", "a team to SEARCH for survivors").
    """
    req = p.requires
    if "dobj_mod" in req:
        want = req["dobj_mod"]
        objs = [k for k in tok.children if k.dep_ in ("dobj", "obj", "nsubjpass")]
        preds = [k for k in tok.children if k.dep_ in _PRED_DEPS]
        preds += [m for o in objs for m in o.children if m.dep_ in ("amod", "oprd", "acomp", "compound")]
        if not any(_lem(k) in want for k in preds):
            return f"requires.dobj_mod {sorted(want)}"
    if "head_not" in req:
        hit = _heads_of(tok) & req["head_not"]
        if hit:
            return f"requires.head_not {sorted(hit)}"
    if "purpose" in req:
        want = req["purpose"]
        objs = [k for k in tok.children if k.dep_ in ("dobj", "obj")]
        # "help" is often tagged AUX before a bare verb ("to help identify")
        purposes = [k for k in tok.children if k.dep_ in ("advcl", "xcomp") and k.pos_ in ("VERB", "AUX")]
        purposes += [k for o in objs for k in o.children if k.dep_ in ("acl", "relcl") and k.pos_ in ("VERB", "AUX")]
        if not any(_lem(k) in want for k in purposes):
            return f"requires.purpose {sorted(want)}"
    if "pobj_prep" in req:
        ok = False
        for first, seconds in req["pobj_prep"].items():
            pobjs = nested_prep_tokens([tok], first)
            if any(_lem(k) in seconds for o in pobjs for k in o.children if k.dep_ == "prep"):
                ok = True
        if not ok:
            return "requires.pobj_prep"
    return None


def foreign_target_ok(p: Pattern, source: str | None, target: str | None) -> bool:
    """False when ``p`` asks for a foreign target and ``target`` is only a country code (a place), the
    source's own ("INDGOV" attending a summit "in New Delhi" -> IND): that target is no destination.
    An actor of the same country with a sector ("visited the rebels" -> SDNREB) stays a target, unless the
    entry sets ``foreign_target: any``."""
    if not p.foreign_target or not source or not target:
        return True
    if p.foreign_party:
        return source[:3] != target[:3]
    return not (len(target) == 3 and source[:3] == target)
