"""Within-document coreference for actors, limited to what news writing actually does.

Second mentions by surname ("Kim" after "Kim Jong Un"), definite role descriptions ("the North
Korean leader", "the president"), pronouns (he/she -> a person, it/its -> a country or
organisation, they/their -> a group) and "the country". Each resolved mention copies its
antecedent's code and records ``resolved_from`` (the antecedent's start offset) and ``via="coref"``.
Nothing is resolved without a coded antecedent: an unresolved "he" or "Kim" yields no code.
Apposition ("Mao Ning, a Chinese foreign ministry spokesperson,") and acronyms defined in the text
("the Korean Central News Agency (KCNA)") are resolved here too, before pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..doctable import table
from .dictionary import Entry, derive_surname

__all__ = ["Candidate", "resolve", "sentence_ids", "apposition", "acronyms"]

_HE = {"he", "him", "his", "himself"}
_SHE = {"she", "her", "hers", "herself"}
_IT = {"it", "its", "itself"}
_THEY = {"they", "them", "their", "theirs", "themselves"}
_COUNTRY_NOUNS = {"country", "nation"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_WINDOW = 2  # pronouns look back this many sentences


@dataclass
class Candidate:
    """A mention under construction (token offsets); becomes an ActorMention at the end."""

    start: int
    end: int
    code: str | None
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    name: str | None = None
    kind: str = "country"
    via: str = "dictionary"
    plural: bool = False
    gender: str | None = None
    person_role: bool = False  # a role naming one person ("president")
    role_term: str | None = None  # the role noun it was built from
    definite: bool = False  # preceded by "the"
    entry: Entry | None = None
    name_start: int | None = None  # token where a personal name starts inside the span
    resolved_from: int | None = None  # char offset of the antecedent


def sentence_ids(doc: Doc) -> list[int]:
    """Sentence number of each token (all 0 when the Doc has no sentence boundaries); read-only, it is
    the Doc's shared token table's."""
    return table(doc).sentence_ids


def _copy_from(target: Candidate, ante: Candidate, doc: Doc) -> None:
    target.code = ante.code
    target.country = ante.country
    target.sectors = list(ante.sectors)
    target.name = ante.name
    target.gender = ante.gender
    target.kind = ante.kind
    target.via = "coref"
    target.resolved_from = doc[ante.start].idx


def _titles(c: Candidate, date: str | None) -> str:
    """Role words known for an antecedent person (its dictionary title and the role noun it came with)."""
    parts = [c.role_term or ""]
    if c.entry is not None and c.entry.kind == "person":
        parts.append((c.entry.title_at(date) or "").lower())
    return " ".join(parts)


def _surnames(c: Candidate, doc: Doc) -> list[str]:
    if c.kind != "person" or c.name is None:
        return []
    out: list[str] = []
    if c.entry is not None and c.entry.kind == "person" and c.entry.surname:
        out.append(c.entry.surname)
    derived = derive_surname(c.name, c.country)
    if derived:
        out.append(derived)
    return out


def _is_person(c: Candidate) -> bool:
    return c.kind == "person" and c.code is not None and not c.plural


def _pick(cands: list[Candidate], doc: Doc) -> Candidate | None:
    """The last subject among the candidates when the Doc is parsed, else the last one."""
    if not cands:
        return None
    if doc.has_annotation("DEP"):
        for c in reversed(cands):
            # The phrase's head, not its last word: "Ukraine's president Volodymyr Zelensky met ..." is a
            # subject although the name is the head's apposition.
            if doc[c.end - 1].dep_ in _SUBJECT_DEPS or doc[c.start:c.end].root.dep_ in _SUBJECT_DEPS:
                return c
    return cands[-1]


def resolve(doc: Doc, cands: list[Candidate], date: str | None) -> list[Candidate]:
    """Resolve role descriptions and unresolved names in ``cands`` in place; return new mentions.

    ``cands`` must be sorted by start and non-overlapping.
    """
    sent = sentence_ids(doc)
    by_start = {c.start: c for c in cands}
    history: list[Candidate] = []  # coded mentions seen so far, in order
    seen: list[Candidate] = []  # every mention so far: an uncoded person still blocks an older "he"
    surnames: dict[str, Candidate] = {}
    added: list[Candidate] = []
    i = 0
    n = len(doc)
    while i < n:
        c = by_start.get(i)
        if c is not None:
            _resolve_existing(c, doc, history, surnames, date)
            seen.append(c)
            if c.code is not None:
                history.append(c)
                for s in _surnames(c, doc):
                    surnames[s] = c
            i = c.end
            continue
        tok = doc[i]
        low = tok.lower_
        new: Candidate | None = None
        if tok.text in surnames and tok.text[:1].isupper():
            ante = surnames[tok.text]
            new = Candidate(i, i + 1, None, entry=ante.entry)
            _copy_from(new, ante, doc)
        elif low in _IT and _expletive(doc, i):
            pass
        elif low in _HE or low in _SHE or low in _IT or low in _THEY:
            ante = _pronoun_antecedent(low, i, doc, seen, sent)
            role = by_start.get(i + 2 if i + 1 < n and doc[i + 1].lower_ == "own" else i + 1)
            if ante is not None and role is not None and ante.country and low in _POSSESSIVES and _owned_role(role, ante):
                # "its military", "his government": the owner's country with the role's sector.
                role.code = ante.country + role.sectors[0]
                role.country, role.via, role.resolved_from = ante.country, "coref", doc[ante.start].idx
                role.start = i
            elif ante is not None:
                new = Candidate(i, i + 1, None, entry=ante.entry)
                _copy_from(new, ante, doc)
                new.plural = low in _THEY
        elif low in _COUNTRY_NOUNS and i > 0 and doc[i - 1].lower_ == "the" and doc[i - 1].i not in by_start:
            ante = next((h for h in reversed(history) if h.kind == "country" and h.country), None)
            role = by_start.get(i + 2) if i + 1 < n and doc[i + 1].text in ("'s", "’s") else None
            if ante is None or sent[i] - sent[ante.start] > _WINDOW + 1 or not ante.country:
                pass
            elif role is not None and _owned_role(role, ante):
                # "the country's president": the country's code with the role's sector.
                role.code = ante.country + role.sectors[0]
                role.country, role.via, role.resolved_from = ante.country, "coref", doc[ante.start].idx
                role.start = i - 1
            else:
                new = Candidate(i - 1, i + 1, ante.country, country=ante.country, kind="country", via="coref",
                                resolved_from=doc[ante.start].idx, name=ante.name)
                if added and added[-1].end > new.start:
                    new = None
        if new is not None:
            added.append(new)
            history.append(new)
            seen.append(new)
        i += 1
    return added


def _resolve_existing(c: Candidate, doc: Doc, history: list[Candidate], surnames: dict[str, Candidate],
                      date: str | None) -> None:
    # An uncoded name the NER found: the surname or full name of someone already coded.
    if c.kind == "person" and c.code is None and c.via == "ner":
        text = doc[c.start:c.end].text
        ante = surnames.get(text) or next((h for h in reversed(history) if h.name == text and _is_person(h)), None)
        if ante is not None:
            _copy_from(c, ante, doc)
        return
    # "the North Korean leader", "the president": a definite one-person role with no name.
    if c.definite and c.person_role and c.name_start is None and not c.plural:
        term = c.role_term or ""
        for h in reversed(history):
            if not _is_person(h) or h.name is None:
                continue
            if c.country is not None:
                if h.country != c.country:
                    continue
                sector_ok = not c.sectors or not h.sectors or c.sectors[0] in h.sectors
                if not sector_ok and term not in _titles(h, date):
                    continue
            elif not term or term not in _titles(h, date):
                continue
            _copy_from(c, h, doc)
            return


_POSSESSIVES = {"his", "her", "its", "their"}


_PERSON_OWNS = {"GOV", "MIL", "PTY", "SPY", "COP"}  # "his government", not "his lawyers"


def _owned_role(role: Candidate, owner: Candidate) -> bool:
    """A bare role noun ("military", "government") right after a possessive, owned by a country."""
    if role.country is not None or role.name_start is not None or len(role.sectors) != 1 or role.via != "dictionary":
        return False
    if owner.kind == "person":
        return role.sectors[0] in _PERSON_OWNS
    return role.sectors[0] not in ("CVL", "REF")


_BE = {"is", "was", "'s", "’s", "seems", "seemed", "appears", "appeared", "remains", "remained"}


def _expletive(doc: Doc, i: int) -> bool:
    """'It is unclear whether...', 'it was not known': an "it" that refers to nothing."""
    if doc[i].dep_ == "expl":
        return True
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in _BE:
        return False
    j = i + 2
    if j < len(doc) and doc[j].lower_ in ("not", "n't", "also", "still", "very", "too", "so"):
        j += 1
    return j < len(doc) and (doc[j].pos_ == "ADJ" or doc[j].lower_ in ("unclear", "clear", "likely", "possible", "time"))


def _unknown_subject_between(doc: Doc, start: int, end: int, seen: list[Candidate]) -> bool:
    """Whether a name no one has coded is the subject of a clause between an antecedent and a pronoun:
    "Norway's attorney general ... Holmqvist is fighting extradition to Canada, which accuses him" —
    "him" is more likely the unknown subject than the official of another country before it."""
    if not doc.has_annotation("DEP"):
        return False
    known = {i for h in seen if h.code is not None or h.kind == "person" for i in range(h.start, h.end)}
    return any(t.pos_ == "PROPN" and t.dep_ in _SUBJECT_DEPS and t.is_title and t.i not in known
               for t in doc[start:end])


def _pronoun_antecedent(low: str, i: int, doc: Doc, history: list[Candidate], sent: list[int]) -> Candidate | None:
    window = [h for h in history if sent[i] - sent[h.start] <= _WINDOW]
    if low in _HE or low in _SHE:
        gender = "m" if low in _HE else "f"
        pool = [h for h in window if h.kind == "person" and not h.plural and h.gender in (None, gender)]
    elif low in _IT:
        # An adjective ("American airlines") is not something "it" can refer to.
        # Nor a body named by its members ("Democrats", "Republicans"): "its hearing" is not theirs.
        # A named armed group or movement is one body ("Hamas said its fighters"), though "they" fits it too.
        pool = [h for h in window if h.kind in ("country", "organisation", "group")
                and (not h.plural or (h.entry is not None and h.entry.kind == "group" and h.end - h.start <= 3
                                      and doc[h.start].text[:1].isupper()))
                and not (h.entry is not None and h.entry.kind == "adjective")
                and not (h.end - h.start == 1 and doc[h.start].tag_ in ("NNS", "NNPS"))]
    else:
        pool = [h for h in window if h.plural or h.kind == "group"]
    # The nearest compatible antecedent in the pronoun's own sentence comes first: "the army said it
    # would respond" is the army, not a country a sentence before, even when the army's country is unknown.
    split = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    same = [h for h in pool if sent[h.start] == sent[i]] if split else []
    if same:
        named = [h for h in same if h.name is not None] if low in _HE or low in _SHE else []
        ante = _pick(named or same, doc)
        return ante if ante is not None and ante.code is not None else None
    # A bare role with no country ("drones", "police") is a weak antecedent: only when nothing better.
    if low in _HE or low in _SHE:
        # A named person beats a bare role description ("a U.S. official") as the antecedent.
        named = [h for h in pool if h.name is not None]
        ante = _pick(named or pool, doc)
        if ante is not None and _unknown_subject_between(doc, ante.end, i, history):
            return None
    else:
        known = [h for h in pool if h.country is not None]
        ante = _pick(known or pool, doc)
    return ante if ante is not None and ante.code is not None else None


# ---- apposition and acronyms -----------------------------------------------------------------


def apposition(doc: Doc, cands: list[Candidate], modifiers: frozenset[str]) -> None:
    """Apposition: "Mao Ning, a Chinese foreign ministry spokesperson," and the reverse order."""
    for k, (a, b) in enumerate(zip(cands, cands[1:], strict=False)):
        between = table(doc).lower[a.end:b.start]
        if not between or between[0] != "," or len(between) > 4:
            continue
        if not all(w in (",", "a", "an", "the") or w in modifiers for w in between):
            continue
        role, person = (b, a) if (a.kind == "person" and a.country is None) else (a, b)
        if role is a and k > 0:
            role = _posted_to(doc, cands[k - 1], a) or role
        # An unknown name, or a title with no country ("Qatar's emir, Sheikh Hamad"): the role's.
        untitled = person.code is None and person.via == "ner"
        titled = person.code is not None and person.code.startswith("---") and person.name_start is not None
        if person.kind != "person" or person.country is not None or not (untitled or titled):
            continue
        if (role.code is None or role.country is None or role.plural or role.name_start is not None
                or not role.sectors or role.kind == "country"):
            continue
        person.code, person.country, person.sectors = role.code, role.country, list(role.sectors)
        person.via = "context"


def entourage(doc: Doc, cands: list[Candidate], terms: frozenset[str]) -> None:
    """ "Congressman Doe and his staff": a bare entourage role right after "his"/"her" resolved to a coded
    person serves that person's office and takes the person's code (not the staff's own LAB)."""
    for own, role in zip(cands, cands[1:], strict=False):
        if (own.via == "coref" and own.end == role.start and doc[own.start].lower_ in ("his", "her")
                and own.kind == "person" and own.code and len(own.code) > 3 and role.via == "dictionary"
                and role.country is None and role.name_start is None and role.role_term in terms):
            role.code, role.country, role.sectors = own.code, own.country, list(own.sectors)
            role.via, role.resolved_from = "coref", own.resolved_from


def _posted_to(doc: Doc, envoy: Candidate, body: Candidate) -> Candidate | None:
    """The one-person role a body is the "to"-object of ("Russia's ambassador to the UN, Vitaly Churkin,"):
    the name is the ambassador, not the UN."""
    words = table(doc).lower[envoy.end:body.start]
    if words in (["to"], ["to", "the"]) and envoy.person_role and envoy.country is not None:
        return envoy
    return None


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(text) <= 8 and len(letters) >= 2 and all(c.isupper() for c in letters) and text[0].isalpha()


def acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"the Korean Central News Agency (KCNA)": later "KCNA" gets the same code."""
    defined: dict[str, Candidate] = {}
    n = len(doc)
    for c in cands:
        e = c.end
        if (e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")" and _is_acronym(doc[e + 1].text)
                and (c.code is not None or c.kind in ("organisation", "group"))):
            defined.setdefault(doc[e + 1].text, c)
    if not defined:
        return cands
    taken = [False] * n
    out = []
    for c in cands:
        src = defined.get(doc[c.start:c.end].text)
        if src is not None and c.code is None and c.via == "ner":
            continue  # the NER's uncoded copy of a defined acronym: recoded below
        out.append(c)
        for i in range(c.start, c.end):
            taken[i] = True
    for tok in doc:
        src = defined.get(tok.text)
        if src is None or taken[tok.i]:
            continue
        out.append(Candidate(tok.i, tok.i + 1, src.code, src.country, list(src.sectors), name=src.name or doc[src.start:src.end].text,
                             kind=src.kind, via="acronym", plural=src.plural, entry=src.entry,
                             resolved_from=doc[src.start].idx))
    out.sort(key=lambda c: c.start)
    return out
