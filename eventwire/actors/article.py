"""Article-level readings of actor phrases that the left-to-right composer cannot see on its own.

- Bylines: "By Jane Roe, The Canadian Press", "(Reporting by Jane Roe; Editing by John Doe)", "Roe
  reported from Beijing", "writers Jane Roe and John Doe contributed to this report" name who wrote
  the story, not anyone in it: those names are no actors and no antecedents for "he"/"him".
- Leaders' governments: "the Obama administration", "Trump's government" are the state's government
  while that leader ran it: the leader's country + GOV, whatever the leader does on the story's date.
- Offices: a one-person state role right after a national body ("White House chief of staff John
  Kelly", "Pentagon spokesman") works for that body and takes its code (not the role word's default
  sector: "chief of staff" alone reads as a general's).
- Member states: "EU countries", "NATO member states" are one plural mention with the organisation's code
  (the members acting together), but uncoded when the members are listed right after it ("EU countries
  — Austria, Slovakia and Greece —"): the listed states act, each on its own, not the Union.
- Acronyms: a full name in the same article ("the Financial Services Agency (FSA)", or the name
  spelled out before the bare letters) decides what the letters stand for, over the dictionary's
  reading of the same letters (FSA = Free Syrian Army).
- Unknown state bodies: "Japan's Financial Services Agency", "the Japanese ... Agency" -> JPNGOV.
- Combining forms: "Austro-Hungarian", "Anglo-French forces" name two countries, so the second word
  alone is not the actor's country.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..doctable import table
from .coref import Candidate
from .dictionary import TRANSNATIONAL, ActorDictionary, Entry

__all__ = ["article_rules", "combined_countries", "national_bodies", "bylines", "leader_governments", "office_roles", "member_states", "initials", "article_acronyms"]

# Words before "by" that credit the story's making, not an act ("Reporting by", "Editing by").
_CREDITS = {"reporting", "editing", "writing", "compiled", "edited", "written", "photo", "photos",
            "photograph", "photographs", "pictures", "images", "video", "graphics", "produced", "translated",
            "translation", "interview", "research"}
# What may follow a byline name: the end of the line, the outlet after a comma, a co-author, a dateline.
_AFTER_BYLINE = {",", ".", "|", ";", ")", "-", "—", "–", "and", "&", "in", ":"}
_COAUTHOR = {"and", "&", ","}
_STORY = {"report", "story", "article", "dispatch"}
# Nouns naming a leader's government: "the Trump administration", "the Putin government".
_GOVERNMENTS = {"administration", "government", "cabinet", "regime"}
# State sectors a role can take from the national body it is named after.
_STATE = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG"}
# Nouns for the members of an international organisation acting each on its own.
_MEMBERS = {"countries", "states", "nations", "governments", "capitals", "members", "members'", "countries'"}
_FUNCTION = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "&", "to", "at"}


def _is_byline_start(doc: Doc, i: int) -> bool:
    """Whether the "by" at ``i`` opens a credit: first word of its line or sentence, or after "(" or "|",
    or after a credit word ("Reporting by")."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if prev.lower_ in _CREDITS:
        return True
    if prev.text in ("(", "|", ".", "\n") or prev.is_space or "\n" in prev.whitespace_:
        return doc[i].text == "By" or prev.text in ("(", "|")
    return bool(doc[i].is_sent_start) and doc[i].text == "By" if doc.has_annotation("SENT_START") else False


def _followed_by_credit(doc: Doc, end: int) -> bool:
    """ "... reported from Beijing", "... contributed to this report", "... contributed reporting"."""
    if end + 1 >= len(doc):
        return False
    verb, nxt = doc[end].lower_, doc[end + 1].lower_
    if verb in ("reported", "reports", "reporting") and nxt == "from":
        return True
    if verb not in ("contributed", "contributes"):
        return False
    if nxt in ("reporting", "research"):
        return True
    # "contributed to this report", not "contributed to the campaign"
    tail = [t.lower_ for t in doc[end + 1:end + 4]]
    return tail[:1] == ["to"] and len(tail) == 3 and tail[1] in ("this", "the") and tail[2] in _STORY


def bylines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the names that sign or credit the story."""
    words = table(doc).lower
    n = len(doc)
    by_start = {c.start: k for k, c in enumerate(cands)}
    drop: set[int] = set()
    def signer(c: Candidate) -> bool:
        # a person, or a name in capitals the NER took for an organisation ("By JILL COLVIN and ...")
        return c.kind == "person" or (c.via == "ner" and c.code is None and all(t.is_upper for t in doc[c.start:c.end]))

    for k, c in enumerate(cands):
        if not signer(c) or k in drop:
            continue
        # the run of co-authors this name opens: "Jill Colvin and Gillian Wong"
        run = [k]
        j = c.end
        while j < n and words[j] in _COAUTHOR:
            # the next name may start with a word the NER left out ("GILLIAN" of "GILLIAN WONG")
            nxt = next((by_start[x] for x in range(j + 1, min(n, j + 4)) if x in by_start), None)
            if nxt is None or not signer(cands[nxt]) or not all(
                    t.is_alpha and t.text[:1].isupper() for t in doc[j + 1:cands[nxt].start]):
                break
            run.append(nxt)
            j = cands[nxt].end
        credited = c.start > 0 and words[c.start - 1] == "by" and _is_byline_start(doc, c.start - 1) and (
            j >= n or words[j] in _AFTER_BYLINE or "\n" in doc[j - 1].whitespace_ or doc[j].is_space
            or (doc[j].is_upper and doc[j].is_alpha))
        if credited or _followed_by_credit(doc, j):
            drop.update(run)
            outlet = by_start.get(j + 1) if j < n and words[j] == "," else None
            if credited and outlet is not None and "MED" in cands[outlet].sectors:
                drop.add(outlet)  # "By Jane Roe, The Canadian Press": the outlet signs too
    return [c for k, c in enumerate(cands) if k not in drop]


def _person_country(c: Candidate) -> str | None:
    if c.kind != "person" or c.plural:
        return None
    country = c.entry.country if c.entry is not None and c.entry.kind == "person" else None
    country = country or c.country
    return country if country and country not in TRANSNATIONAL and country != "---" else None


def leader_governments(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "the Obama administration", "Trump's government": one mention, the leader's country + GOV."""
    words = table(doc).lower
    out: list[Candidate] = []
    skip: set[int] = set()
    for k, c in enumerate(cands):
        if k in skip:
            continue
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        country = _person_country(c)
        gap = words[c.end:nxt.start] if nxt is not None else None
        if (nxt is not None and country is not None and gap in ([], ["'s"], ["’s"])
                and words[nxt.end - 1] in _GOVERNMENTS and nxt.country is None and nxt.name_start is None
                and nxt.sectors == ["GOV"]):
            out.append(Candidate(c.start, nxt.end, country + "GOV", country, ["GOV"], name=doc[c.start:nxt.end].text,
                                 kind="organisation", via="context", role_term=nxt.role_term))
            skip.add(k + 1)
            continue
        out.append(c)
    return out


def office_roles(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "White House chief of staff John Kelly": the role takes the national body's code, one mention."""
    drop: set[int] = set()
    for k in range(len(cands) - 1):
        body, role = cands[k], cands[k + 1]
        if (body.end != role.start or body.kind != "organisation" or not body.code or not body.country
                or body.country in TRANSNATIONAL or not body.sectors or body.via != "dictionary" or body.plural):
            continue
        if (role.country is not None or not role.code or not role.code.startswith("---") or role.via != "dictionary"
                or not role.sectors or role.sectors[0] not in _STATE or not (role.person_role or role.name_start is not None)):
            continue
        role.code, role.country, role.sectors = body.code, body.country, list(body.sectors)
        role.start = body.start
        drop.add(k)
    return [c for k, c in enumerate(cands) if k not in drop]


def member_states(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "EU countries", "NATO member states": one plural group with the organisation's code (CAMEO coders
    code the members acting together as the IGO), or uncoded when the members are listed right after it
    ("EU countries — Austria, Slovakia and Greece — declined"): then the listed states are the actors."""
    words = table(doc).lower
    n = len(doc)
    starts = {c.start for c in cands if c.kind == "country" and not c.sectors and c.code and c.code[:3] not in TRANSNATIONAL}
    for c in cands:
        if not c.code or not c.code.startswith("IGO") or c.kind == "person":
            continue
        j = c.end
        if j < n and words[j] in ("member", "partner"):
            j += 1
        if j < n and words[j] in _MEMBERS and not (j + 1 < n and words[j + 1] in ("of", "'", "’")) and _noun(doc, j):
            c.end = j + 1
            c.kind, c.plural = "group", True
            if _listed(doc, j + 1, starts):
                c.code, c.country, c.sectors = None, None, []
                c.via, c.entry, c.name = "context", None, doc[c.start:j + 1].text
    return cands


def _listed(doc: Doc, j: int, countries: set[int]) -> bool:
    """Whether the member countries are named right after the phrase ("EU countries — Austria, Slovakia
    and Greece —", "EU states such as Italy"): then they are the actors, not the organisation."""
    k = j
    while k < len(doc) and k < j + 3 and (doc[k].is_punct or doc[k].lower_ in ("such", "as", "including", "like", "namely")):
        k += 1
    return k > j and k in countries


def _noun(doc: Doc, j: int) -> bool:
    """Whether the member word is a noun: "The EU states that ..." is the Union stating."""
    if doc.has_annotation("TAG"):
        return doc[j].pos_ in ("NOUN", "PROPN")
    return not (doc[j].lower_ == "states" and j + 1 < len(doc) and doc[j + 1].lower_ in _VERB_NEXT)


_VERB_NEXT = {"that", "the", "a", "an", "its", "his", "her", "their", "this", "in"}


# ---- acronyms ---------------------------------------------------------------------------------


def initials(name: str) -> str:
    """ "Financial Services Agency" -> "FSA"; function words are skipped, hyphenated words give each part."""
    out = []
    for word in name.replace("-", " ").split():
        if word.lower() in _FUNCTION or not word[:1].isalpha():
            continue
        out.append(word[0].upper())
    return "".join(out)


def spells(name: str, acronym: str, dictionary: ActorDictionary | None = None) -> bool:
    """Whether ``acronym`` abbreviates ``name`` (a leading place word may be left out: "Japanese
    Financial Services Agency" -> FSA)."""
    letters = "".join(ch for ch in acronym if ch.isalpha()).upper()
    if len(letters) < 2 or any(w[:1].islower() for w in name.replace("-", " ").split() if w.lower() not in _FUNCTION):
        return False  # a name, every content word capitalised: not "Syrian rebels"
    if initials(name) == letters:
        return True
    first, _, rest = name.partition(" ")
    if not rest or dictionary is None:
        return False
    e = dictionary.lookup(first)
    return e is not None and e.kind in ("country", "adjective", "demonym") and initials(rest) == letters


def article_acronyms(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary) -> list[Candidate]:
    """A coded acronym whose letters spell an organisation named earlier in the same article stands for
    that organisation: it takes its reading (uncoded when the organisation is unknown), unless that
    name is the dictionary's own name for the letters ("Korean Central News Agency ... KCNA")."""
    names: list[tuple[Candidate, str]] = []
    tab = table(doc)
    for c in cands:
        text = tab.span_text(c.start, c.end)
        known = c.code is not None and c.entry is not None and c.via == "dictionary"
        if c.end - c.start == 1 and (known or (c.code is None and c.via == "ner")) and _acronym(text):
            src = next((s for s, name in reversed(names) if spells(name, text, dictionary)), None)
            if src is not None and c.entry is not None and _same_body(doc[src.start:src.end].text, c.entry):
                if src.code is None and src.via == "ner":  # "International Labor Office (ILO)": the name is known
                    src.code, src.country, src.sectors, src.via = c.code, c.country, list(c.sectors), "acronym"
            elif src is not None:
                c.code, c.country, c.sectors, c.kind = src.code, src.country, list(src.sectors), src.kind
                c.entry, c.name, c.via, c.plural = src.entry, src.name or doc[src.start:src.end].text, "acronym", src.plural
                c.resolved_from = doc[src.start].idx
            continue
        if c.kind in ("organisation", "group") and c.end - c.start >= 2:
            names.append((c, text))
    return cands


def _same_body(text: str, entry: Entry) -> bool:
    """Whether an article's name and the dictionary's name for the letters name the same body: at least half
    of the shorter name's content words shared, by their first four letters ("Palestinian Liberation
    Organization" and "Palestine Liberation Organization"; not "Financial Services Agency" and "Free Syrian Army")."""
    def stems(name: str) -> set[str]:
        return {w.lower()[:4] for w in name.replace("-", " ").split() if w.lower() not in _FUNCTION}
    mine = stems(text)
    return any(2 * len(mine & stems(name)) >= min(len(mine), len(stems(name))) > 0
               for name in (entry.name, *entry.forms))


def _acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(text) <= 8 and len(letters) >= 2 and all(ch.isupper() for ch in letters) and text[0].isalpha()


# Lower-case-only prefixes ending in "o" that are no country combining form ("Pro-Russian", "Neo-Nazi").
_NOT_COMBINING = {"pro", "neo", "afro", "euro", "macro", "micro", "retro", "mono", "auto", "bio", "geo"}


def combined_countries(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Austro-Hungarian rule", "Anglo-French forces", "the Sino-Japanese war": a country word after a
    combining form names two countries (or a former union of them), so the second alone is not the actor:
    a bare country reading is dropped, a role keeps its sector without the half country."""
    out = []
    for c in cands:
        i = c.start
        if (i >= 2 and c.country and doc[i - 1].text in ("-", "‐") and not doc[i - 2].whitespace_
                and not doc[i - 1].whitespace_ and doc[i - 2].text[:1].isupper() and doc[i - 2].lower_.endswith("o")
                and doc[i - 2].is_alpha and len(doc[i - 2]) > 3 and doc[i - 2].lower_ not in _NOT_COMBINING
                and c.via == "dictionary" and c.kind != "person"):
            if not c.sectors:
                continue
            c.code, c.country = "---" + "".join(c.sectors), None
        out.append(c)
    return out


def article_rules(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary) -> list[Candidate]:
    """All of the above, in order (bylines first: a signed name must not lend its outlet's code)."""
    cands = combined_countries(doc, member_states(doc, bylines(doc, cands)))
    national_bodies(doc, cands, dictionary)
    return article_acronyms(doc, office_roles(doc, leader_governments(doc, cands)), dictionary)


# Nouns that end the name of a state body ("Financial Services Agency", "Ministry of Defence" is found by
# the dictionary's role words already).
_STATE_BODIES = {"agency", "ministry", "department", "authority", "commission", "bureau", "directorate",
                 "inspectorate", "regulator", "administration"}


def national_bodies(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary) -> None:
    """An unknown state body named after its country ("Japan's Financial Services Agency", "the
    Japanese Financial Services Agency" as one NER name): that country's government."""
    words = table(doc).lower
    for k, c in enumerate(cands):
        if c.via != "ner" or c.kind != "organisation" or c.code is not None or words[c.end - 1] not in _STATE_BODIES:
            continue
        country = None
        e = dictionary.lookup(doc[c.start].text)
        if e is not None and e.kind == "adjective" and c.end - c.start >= 3:
            # "Japanese Financial Services Agency"; not a country noun, which may open a region's name
            # ("Niger Delta Development Commission" is Nigerian)
            country = e.country
        elif k > 0 and c.start >= 2 and words[c.start - 1] in ("'s", "’s") and cands[k - 1].end == c.start - 1:
            owner = cands[k - 1]
            country = owner.country if owner.kind == "country" and not owner.sectors else None  # "Japan's ..."
        if country and country not in TRANSNATIONAL:
            c.code, c.country, c.sectors, c.via = country + "GOV", country, ["GOV"], "context"
