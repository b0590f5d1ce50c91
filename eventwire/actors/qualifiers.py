"""Words that give a role noun a country (or none) although they name no state.

News qualifies actors by the part of a country they live or fight in ("Darfur rebels", "the
cabinet of Balochistan province"), by a people living inside one country ("Karen guerrillas", "Chechen
separatists"), by the half of a divided country a story is about ("the North's leader" in a story on
Korea), and names actors that belong to no single state with a bare role ("aid agencies", "human
rights groups", "peacekeepers"). These passes run on the composed candidates before coreference, so
that pronouns referring back copy the right code. The word lists live in ``data/qualifiers.yml`` and
``agents.yml`` (``_no_country``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import yaml
from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..doctable import table
from ..errors import DataFileError
from .coref import Candidate
from .dictionary import TRANSNATIONAL, ActorDictionary, code_sectors

__all__ = ["Qualifiers", "load_qualifiers", "qualify", "no_country", "ngo_names", "story_people"]

_Forms = dict[tuple[str, ...], str]
_POSSESSIVE = {"'s", "'", "’s", "’"}
# "the cabinet of Balochistan": "of" composes only institutions (as in recognize.py); "in" any role.
_OF_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "ELI"}
# A titled person with no known country takes the story's from these institutions acting on them in the
# same sentence ("a Peruvian court summoned former president Juan Perezoso"): courts, police and
# legislatures act on their own nationals.
_DOMESTIC = {"JUD", "COP", "LEG"}
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Qualifiers:
    regions: _Forms = field(default_factory=dict)  # lower tokens -> country
    peoples: _Forms = field(default_factory=dict)
    sides: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)  # "North" -> [(PRK, cues)]
    longest: int = 1
    ngo_heads: frozenset[str] = frozenset()  # lower head words of transnational NGO names
    ngo_scopes: frozenset[tuple[str, ...]] = frozenset()  # lower token runs ("third", "world")
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # the `words` lists of qualifiers.yml
    groups: dict[str, str] = field(default_factory=dict)  # lower people/faith word -> ETH or REL
    # "Georgia" -> [(USA, roles after it that only USA has, lower cue names)]
    homonyms: dict[str, list[tuple[str, frozenset[str], frozenset[str]]]] = field(default_factory=dict)

    def w(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())


def _tokens(form: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(form))


def _line(text: str, section: str, key: str) -> int | None:
    """Line number of ``key:`` inside the top-level ``section:`` (for error messages)."""
    inside = False
    for n, raw in enumerate(text.splitlines(), 1):
        if raw and not raw[0].isspace():
            inside = raw.startswith(f"{section}:")
        elif inside and raw.strip().startswith(f"{key}:"):
            return n
    return None


def _forms(path: Path, text: str, value: Any, what: str, countries: dict[str, str]) -> _Forms:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DataFileError(str(path), _line(text, what, ""), f"{what} must map a country code to a list of names")
    out: _Forms = {}
    for code, names in value.items():
        line = _line(text, what, str(code))
        if code not in countries or code in TRANSNATIONAL or code == "---":
            raise DataFileError(str(path), line, f"{what}: unknown country {code!r}")
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip()[:1].isupper() for n in names):
            raise DataFileError(str(path), line, f"{what}.{code}: names must be capitalised strings")
        for n in names:
            out[_tokens(n)] = code
    return out


@lru_cache(maxsize=8)
def load_qualifiers(data_dir: str, dictionary: ActorDictionary) -> Qualifiers:
    """``qualifiers.yml`` from ``data_dir`` (empty tables when the directory has none), validated."""
    path = Path(data_dir) / "qualifiers.yml"
    if not path.exists():
        return Qualifiers()
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(str(path), mark.line + 1 if mark else None, f"invalid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"regions", "peoples", "sides", "ngo_names", "words", "groups",
                                                  "homonyms"}:
        raise DataFileError(str(path), None,
                            "top level must map regions, peoples, sides, ngo_names, words, groups and homonyms")
    countries = dictionary.countries
    regions = _forms(path, text, data.get("regions"), "regions", countries)
    peoples = _forms(path, text, data.get("peoples"), "peoples", countries)
    sides: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for word, spec in (data.get("sides") or {}).items():
        if not isinstance(word, str) or not isinstance(spec, dict):
            raise DataFileError(str(path), _line(text, "sides", str(word)), f"sides: bad entry {word!r}")
        pairs = []
        for code, cues in spec.items():
            if code not in countries or not isinstance(cues, list) or not all(c in countries for c in cues):
                raise DataFileError(str(path), _line(text, "sides", str(word)),
                                    f"sides.{word}: bad country or cues {code!r}: {cues!r}")
            pairs.append((code, frozenset(cues)))
        sides[word] = pairs
    longest = max((len(k) for k in (*regions, *peoples)), default=1)
    names = data.get("ngo_names") or {}
    lists = {key: names.get(key) if isinstance(names, dict) else None for key in ("heads", "scopes")}
    if names and not all(isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v)
                         for v in lists.values()):
        raise DataFileError(str(path), _line(text, "ngo_names", "heads"), "ngo_names needs lists heads and scopes")
    heads = frozenset(w.lower() for w in lists["heads"] or [])
    scopes = frozenset(_tokens(w) for w in lists["scopes"] or [])
    words = data.get("words") or {}
    if not isinstance(words, dict) or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                                              for v in words.values()):
        raise DataFileError(str(path), _line(text, "words", ""), "words must map a name to a list of words")
    lists = {k: frozenset(x.lower() for x in v) for k, v in words.items()}
    return Qualifiers(regions, peoples, sides, longest, heads, scopes, lists, _groups(path, text, data.get("groups")),
                      _homonyms(path, text, data.get("homonyms"), countries))


def _groups(path: Path, text: str, value: Any) -> dict[str, str]:
    """``groups``: ETH/REL -> people or faith words ("Kurds", "Druze"), as lower word -> sector."""
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - {"ETH", "REL"}:
        raise DataFileError(str(path), _line(text, "groups", ""), "groups must map ETH and REL to lists of words")
    out: dict[str, str] = {}
    for sector, names in value.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip()[:1].isupper() for n in names):
            raise DataFileError(str(path), _line(text, "groups", sector), f"groups.{sector}: capitalised words needed")
        out.update((n.lower(), sector) for n in names)
    return out


def _homonyms(path: Path, text: str, value: Any,
              countries: dict[str, str]) -> dict[str, list[tuple[str, frozenset[str], frozenset[str]]]]:
    """``homonyms``: NAME -> {COUNTRY: {roles: [...], cues: [...]}}."""
    out: dict[str, list[tuple[str, frozenset[str], frozenset[str]]]] = {}
    for name, spec in (value or {}).items():
        line = _line(text, "homonyms", str(name))
        if not isinstance(spec, dict):
            raise DataFileError(str(path), line, f"homonyms.{name}: must map a country to roles and cues")
        for code, lists in spec.items():
            if (code not in countries or not isinstance(lists, dict) or set(lists) - {"roles", "cues"}
                    or not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in lists.values())):
                raise DataFileError(str(path), line, f"homonyms.{name}.{code}: bad country or lists")
            out.setdefault(str(name), []).append((code, frozenset(r.lower() for r in lists.get("roles", [])),
                                                  frozenset(c.lower() for c in lists.get("cues", []))))
    return out


def _at(doc: Doc, start: int, forms: _Forms, longest: int, limit: int | None = None) -> tuple[int, str] | None:
    """The longest form starting at token ``start`` (capitalised), as (end, country)."""
    if start >= len(doc) or not doc[start].text[:1].isupper():
        return None
    hi = min(len(doc) if limit is None else limit, start + longest)
    for end in range(hi, start, -1):
        code = forms.get(tuple(table(doc).lower[start:end]))
        if code is not None:
            return end, code
    return None


def _ending(doc: Doc, end: int, forms: _Forms, longest: int) -> tuple[int, str] | None:
    """The longest form ending just before token ``end``, as (start, country)."""
    for start in range(max(0, end - longest), end):
        code = forms.get(tuple(table(doc).lower[start:end]))
        if code is not None and doc[start].text[:1].isupper():
            return start, code
    return None


def _open(c: Candidate) -> bool:
    """A role with no country yet, found in the dictionary (not copied from an antecedent)."""
    return c.country is None and bool(c.code) and c.code.startswith("---") and bool(c.sectors) \
        and c.via == "dictionary"


def _set(c: Candidate, country: str) -> None:
    c.country = country
    c.code = country + "".join(c.sectors)


def qualify(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary, q: Qualifiers,
            home: str | None = None) -> list[Candidate]:
    """Give open roles the country of a region or people qualifying them; add "the North"-style sides.
    Returns the candidates (sorted by start) without the uncoded ones a qualifier absorbed, the
    sponsors of another actor ("Iran-backed") and role nouns describing the name after them."""
    cands = _descriptors(doc, _sponsors(doc, cands, q, dictionary.modifiers))
    _homonym_regions(doc, cands, q)
    absorbed: set[int] = set()
    for c in cands:
        # "the Tamil Nadu police": a region the composer read as a '---' people word opens the phrase.
        hit = _at(doc, c.start, q.regions, q.longest, limit=c.end) if _open(c) else None
        if hit is not None and hit[0] < c.end:
            _set(c, hit[1])
    for k, c in enumerate(cands):
        if not _open(c):
            continue
        # "Uighur militants": a people word the composer read as a '---' adjective opens the phrase.
        hit = _at(doc, c.start, q.peoples, q.longest, limit=c.end)
        if hit is not None and hit[0] < c.end:
            _set(c, hit[1])
            continue
        j = c.start
        owned = j > 0 and doc[j - 1].text in _POSSESSIVE
        j -= owned
        if j > 0 and doc[j - 1].lower_ in q.w("descriptors"):
            j -= 1  # "Sindh province police"
        before = _ending(doc, j, q.regions, q.longest) or (None if owned else _ending(doc, j, q.peoples, q.longest))
        if before is not None:
            lo = before[0]
            inside = [i for i, o in enumerate(cands) if i != k and o.start < c.start and o.end > lo]
            if all(cands[i].code is None for i in inside):  # an uncoded NER name ("Karen") gives way
                absorbed.update(inside)
                c.start = lo
                _set(c, before[1])
                continue
        country = _after(doc, cands, k, q, dictionary)
        if country is not None:
            _set(c, country)
    out = [c for i, c in enumerate(cands) if i not in absorbed]
    return sorted(out + _sides(doc, out, q, home), key=lambda c: c.start)


def _homonym_regions(doc: Doc, cands: list[Candidate], q: Qualifiers) -> None:
    """ "Georgia governor Brian Kemp", "protests in Georgia" in a story naming Atlanta: the US state, not
    the country; "Georgia's president" stays the country's."""
    if not q.homonyms:
        return
    sent = None
    for c in cands:
        options = q.homonyms.get(doc[c.start].text)
        if not options or c.country is None or c.via != "dictionary":
            continue
        own = c.country
        for code, roles, cues in options:
            if code == own:
                continue
            if sent is None:
                sent = {t.i: n for n, s in enumerate(doc.sents) for t in s} if doc.has_annotation("SENT_START") \
                    or doc.has_annotation("DEP") else {}
            here = sent.get(c.start, 0)
            cued = (c.role_term or "").lower() in roles or any(
                " ".join(t.lower_ for t in doc[i:i + len(cue.split())]) == cue
                for cue in cues for i in range(len(doc)) if doc[i].text[:1].isupper())
            if not cued:
                cued = any(hit[1] == code for i in range(len(doc)) if sent.get(i, 0) == here and i != c.start
                           for hit in [_at(doc, i, q.regions, q.longest)] if hit is not None)
            if cued:
                c.country = code
                c.code = code + "".join(c.sectors)
                c.entry = None
                break


def _sponsors(doc: Doc, cands: list[Candidate], q: Qualifiers, modifiers: frozenset[str]) -> list[Candidate]:
    """ "Iran-backed Houthi rebels", "al-Qaeda-linked militants": the sponsor qualifies the actor after
    it and takes no part in its deeds (as "pro-Russian" gives separatists no country). "Moscow-installed
    officials", "a Paris-based watchdog": a role with no country of its own takes the first one's."""
    out: list[Candidate] = []
    for k, c in enumerate(cands):
        e = c.end
        link = doc[e + 1].lower_ if e + 1 < len(doc) and doc[e].text == "-" else ""
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        # The linked actor comes right after the link, maybe past modifiers ("Iran-backed armed groups");
        # in "the US-led campaign in Libya" the campaign, not Libya, is what the US leads.
        follows = nxt is not None and nxt.start >= e + 2 and all(
            t.lower_ in modifiers for t in doc[e + 2:nxt.start]) and nxt.start <= e + 4
        if link in q.w("sponsored") and follows:
            continue  # ... but an "Israel-linked cargo ship" is no actor: Israel stays (a target, say)
        if (link in q.w("serving") or link in q.w("based")) and c.country and c.country not in TRANSNATIONAL:
            if follows and nxt is not None:
                if _open(nxt):
                    nxt.start = c.start
                    _set(nxt, c.country)
                continue
            if link in q.w("based"):
                c.code, c.sectors, c.kind = c.country, [], "country"  # "London-based": a place
        if (c.role_term and c.end - c.start == 1 and c.start >= 2 and doc[c.start - 1].text == "-"
                and doc[c.start - 2].lower_ in q.w("stance")):
            continue  # "anti-terrorist operations", "anti-government rallies": a stance, no actor
        out.append(c)
    return out


def _descriptors(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "human rights group Amnesty International", "the militant group Hamas": a bare role noun right
    before a known organisation describes it; the two are one actor with the organisation's code."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == c.start and prev.role_term and prev.country is None
                and not prev.person_role and prev.via == "dictionary" and c.entry is not None
                and c.entry.kind in ("organisation", "group")):
            c.start = prev.start
            out[-1] = c
            continue
        out.append(c)
    return out


def _after(doc: Doc, cands: list[Candidate], k: int, q: Qualifiers, dictionary: ActorDictionary) -> str | None:
    """ "rebels in Darfur", "the cabinet of Balochistan province"; and for a people of several countries
    ("Kurdish fighters in Syria") the country named after it."""
    c = cands[k]
    i = c.end
    if i >= len(doc) or not (doc[i].lower_ == "in" or (doc[i].lower_ == "of" and c.sectors[0] in _OF_SECTORS)):
        return None
    i += 1
    while i < len(doc) and doc[i].lower_ in q.w("directions") and not doc[i].text[:1].isupper():
        i += 1
    hit = _at(doc, i, q.regions, q.longest)
    if hit is not None:
        return hit[1]
    ethnic = doc[c.start]
    if not (ethnic.text[:1].isupper() and c.end - c.start > 1):
        return None
    nxt = cands[k + 1] if k + 1 < len(cands) else None
    if nxt is not None and nxt.start == i and nxt.kind == "country" and nxt.country and not nxt.sectors \
            and nxt.country not in TRANSNATIONAL and _stateless_people(doc, c, dictionary) \
            and ethnic.lower_ not in q.w("regional"):
        return nxt.country
    return None


def _stateless_people(doc: Doc, c: Candidate, dictionary: ActorDictionary) -> bool:
    """Whether the phrase opens with a people named without a country ("Kurdish", "Tamil")."""
    e = dictionary.lookup(doc[c.start].text)
    return e is not None and e.kind in ("adjective", "demonym") and e.country is None


def _sides(doc: Doc, cands: list[Candidate], q: Qualifiers, home: str | None = None) -> list[Candidate]:
    """ "the North" / "the South" in a story naming either Korea, also in its dateline ("SEOUL, South
    Korea (AP) --"): that Korea (and its roles)."""
    if not q.sides:
        return []
    # Find the side words by their hashes in one array operation, not by walking every token in Python.
    if not len(doc):
        return []
    orth = doc.to_array(ORTH)
    mask = numpy.zeros(len(doc), dtype=bool)
    for word in q.sides:
        mask |= orth == doc.vocab.strings.add(word)
    hits = numpy.flatnonzero(mask)
    if not len(hits):
        return []
    named = {c.country for c in cands if c.country} | ({home} if home else set())
    covered = [False] * len(doc)
    for c in cands:
        for i in range(c.start, c.end):
            covered[i] = True
    by_start = {c.start: c for c in cands}
    added: list[Candidate] = []
    for tok in (doc[int(i)] for i in hits):
        pairs = q.sides.get(tok.text)
        if not pairs or covered[tok.i] or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper():
            continue  # "the North Atlantic", "the South China Sea"
        country = next((code for code, cues in pairs if cues & named), None)
        if country is None:
            continue
        if nxt is not None and nxt.text in _POSSESSIVE:
            role = next((by_start[j] for j in range(tok.i + 2, min(len(doc), tok.i + 5)) if j in by_start), None)
            if role is not None and _open(role) and not any(covered[tok.i + 2:role.start]):
                role.start = tok.i
                _set(role, country)  # "the South's defense ministry" -> KORMIL
                continue
        added.append(Candidate(tok.i, tok.i + 1, country, country, [], name=tok.text, kind="country"))
    return added


def ngo_names(doc: Doc, cands: list[Candidate], q: Qualifiers) -> list[Candidate]:
    """An organisation the NER found and no data file lists, named like a body working across borders
    ("the Federation of African Farmers", "the World Social Forum"), is coded NGO."""
    if not q.ngo_heads or not doc.has_annotation("ENT_IOB"):
        return cands
    out = list(cands)
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (doc[ent.start].lower_ == "the")
        words = table(doc).lower[start:ent.end]
        inside = [c for c in out if c.start < ent.end and c.end > start]
        if (not words or any(c.country is not None or not (c.code or "---").startswith("---") for c in inside)
                or any(c.start < start or c.end > ent.end for c in inside)):
            continue  # a known body, or a country's own ("the Kenya Human Rights Forum")
        cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words))
        head = words[cut - 1]
        scoped = any(tuple(words[i:i + len(sc)]) == sc for sc in q.ngo_scopes for i in range(len(words)))
        if head in q.ngo_heads and scoped:
            out = [c for c in out if c not in inside]
            out.append(Candidate(start, ent.end, "NGO", "NGO", ["NGO"], name=doc[start:ent.end].text,
                                 kind="organisation", via="ner"))
    return sorted(out, key=lambda c: c.start)


def _abroad(doc: Doc, c: Candidate, dictionary: ActorDictionary, q: Qualifiers) -> bool:
    """ "other foreign leaders", "world powers", "foreign diplomats": roles of other states, none of them
    the story's country (so that no context lends them one)."""
    i = c.start - 1
    while i >= 0 and c.start - i <= 3 and (doc[i].lower_ in dictionary.modifiers or doc[i].lower_ in q.w("abroad")):
        if doc[i].lower_ in q.w("abroad"):
            return True
        i -= 1
    return False


def no_country(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary, q: Qualifiers) -> None:
    """Bare roles naming an actor of no single state ("aid agencies" -> NGO, "peacekeepers" -> IGO)."""
    for k, c in enumerate(cands):
        if not _open(c) or c.role_term is None:
            continue
        if _abroad(doc, c, dictionary, q):
            c.code, c.sectors, c.kind = None, [], "group"  # several states' or an unknown foreign one's
            continue
        code = dictionary.no_country.get(c.role_term) or _inner_term(doc, c, dictionary)
        if code is None:
            continue
        local = q.w("local")
        if c.start > 0 and doc[c.start - 1].lower_ in local or doc[c.start].lower_ in local:
            continue  # "local rights groups" may well be the country's own
        named = [o for o in cands[:k] if o.entry is not None and o.entry.kind in ("organisation", "group")
                 and o.code and list(o.sectors) == list(c.sectors)]
        if c.definite and not c.plural and named:
            # "B'Tselem said ... the rights group added": the body named before, whatever its country.
            ante = named[-1]
            c.code, c.country, c.sectors = ante.code, ante.country, list(ante.sectors)
            c.name, c.via, c.resolved_from = ante.name, "coref", doc[ante.start].idx
            continue
        c.code, c.country, c.sectors = code, code[:3], code_sectors(code)


def _inner_term(doc: Doc, c: Candidate, dictionary: ActorDictionary) -> str | None:
    """The transnational code of a role term inside the phrase that gave it its sector ("Red Cross
    officials": the generic head "officials" takes the Red Cross's)."""
    for i in range(c.start, c.end):
        for j in range(c.end, i, -1):
            e = dictionary.lookup(doc[i:j].text)
            if e is not None and e.kind == "agent" and e.name in dictionary.no_country and e.sectors == tuple(c.sectors):
                return dictionary.no_country[e.name]
    return None


def story_people(doc: Doc, cands: list[Candidate], home: str | None, sent: list[int]) -> None:
    """A titled name nobody knows ("former president Juan Perezoso", "President Jean Dupont")
    still belongs to a country: the dateline's, else that of a court, police force or legislature
    acting in the same sentence before it, else the one country every coded actor before it in the
    story belongs to ("Iran rejected the offer. Foreign Minister Ali Akbar said ..." -> IRNGOV)."""
    # The countries of the coded actors of each sentence: a person in a sentence naming another country
    # ("Chinese envoys met President X") is not given the story's country.
    by_sent: dict[int, set[str]] = {}
    for c in cands:
        if c.country and c.code and c.country not in TRANSNATIONAL:
            by_sent.setdefault(sent[c.start], set()).add(c.country)
    for k, c in enumerate(cands):
        if not (_open(c) and c.kind == "person" and c.name_start is not None):
            continue
        country = home
        if country is None:
            near = [h for h in cands[:k] if sent[h.start] == sent[c.start] and h.country and h.code
                    and h.country not in TRANSNATIONAL and set(h.sectors) & _DOMESTIC]
            country = near[-1].country if near else None
        if country is None and not by_sent.get(sent[c.start]):
            before = set().union(*(v for n, v in by_sent.items() if n < sent[c.start]))
            country = next(iter(before)) if len(before) == 1 else None
        if country is not None:
            _set(c, country)
