"""Ethnic peoples and religious communities named as actors ("Kurds in Turkey", "Druze residents",
"ethnic Albanians demonstrated in southern Serbia", "Coptic Christians").

CAMEO codes such a group by the state it lives in, with a sector that says what it is: ETH for an
ethnic group, REL for a religious community, or the role noun after it when there is one ("Druze
residents" are CVL, "Tamil refugees" REF). The country is, in order: a place in the group's own phrase
("Kurds in Turkey", "the Druze of the Golan Heights") or a state adjective before it ("Iraqi Kurds"),
a place the sentence says it acts in
("ethnic Albanians demonstrated in southern Serbia"), for a people living in one country only
(``peoples`` in qualifiers.yml) that country, the story's dateline country, and last the one state the
whole story names. With none of these the group stays uncoded: a wrong country is worse than none.
An ethnic group is never coded as its kin state ("ethnic Albanians" are not Albania).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .coref import Candidate
from .dictionary import TRANSNATIONAL, ActorDictionary
from .qualifiers import Qualifiers, _at

__all__ = ["peoples"]

# Roles a people word may qualify and still be the people itself acting ("Kurdish students", "Druze
# residents"). Offices (GOV, MIL, LEG...) of a stateless people are no state's: they stay open.
_CIVIC = {"CVL", "REF", "OPP", "LAB", "EDU", "AGR", "BUS", "REL", "HLH", "MED", "REB", "CRM", "UAF", "ETH"}
_HOME = {"in", "of", "inside", "across", "throughout", "within"}  # "Kurds in Turkey", "the Druze of ..."
# Where a sentence says its actors act: "demonstrated in southern Serbia", "clashed near Diyarbakir".
_ACTS_IN = {"in", "inside", "across", "throughout", "within", "near", "at", "outside"}


def _word(doc: Doc, c: Candidate, q: Qualifiers) -> str | None:
    """ETH or REL when the candidate's last word names a people or faith (its own sector otherwise)."""
    return q.groups.get(doc[c.end - 1].lower_) or q.groups.get(doc[c.start:c.end].text.lower())


def _is_group(doc: Doc, c: Candidate, q: Qualifiers) -> bool:
    """An uncoded people or faith word standing for people ("Kurds", "the Rohingya", "ethnic Albanians")."""
    if c.code is not None or c.country is not None or c.via != "dictionary" or c.sectors:
        return False
    ethnic = c.start > 0 and doc[c.start - 1].lower_ == "ethnic"
    if not ethnic and _word(doc, c, q) is None:
        return False
    last = doc[c.end - 1]
    if c.entry is not None and c.entry.kind == "demonym":
        return True
    if ethnic and last.text.endswith("s"):
        return True  # "ethnic Albanians", "ethnic Serbs"
    # An adjective standing as a noun ("the Rohingya fled", "the Druze"), not "Kurdish-led forces".
    if not doc.has_annotation("POS"):
        return False
    nxt = doc[c.end] if c.end < len(doc) else None
    return last.pos_ in ("NOUN", "PROPN") and not (nxt is not None and (nxt.text == "-" or nxt.pos_ in ("NOUN", "PROPN")))


def _place_at(doc: Doc, i: int, cands: dict[int, Candidate], q: Qualifiers) -> str | None:
    """The country of a place (country, capital used as a place, or known region) at token ``i``,
    skipping "the" and direction words ("in southern Serbia")."""
    while i < len(doc) and doc[i].lower_ in q.w("directions") and not doc[i].text[:1].isupper():
        i += 1
    c = cands.get(i)
    if c is not None and c.end + 1 < len(doc) and doc[c.end].text == "-":
        # "in Russian-occupied areas", "across the Israeli-occupied territories": the occupier is no home.
        return _place_at(doc, c.end + 2, cands, q)
    if c is not None and c.kind == "country" and c.country and c.country not in TRANSNATIONAL and not c.sectors:
        return c.country
    hit = _at(doc, i, q.regions, q.longest)
    return hit[1] if hit is not None else None


def _kin(doc: Doc, c: Candidate, dictionary: ActorDictionary) -> str | None:
    """The kin state an ethnic phrase names ("ethnic Albanians" -> ALB), never their home."""
    e = dictionary.lookup(doc[c.start].text)
    return e.country if e is not None else None


def peoples(doc: Doc, cands: list[Candidate], dictionary: ActorDictionary, q: Qualifiers, home: str | None,
            sent: list[int]) -> list[Candidate]:
    """Code ethnic and religious groups by the country they live in; returns the candidates (sorted),
    with a people word merged into the group or role noun right after it ("Coptic Christians", "Druze
    residents")."""
    if not q.groups:
        return cands
    cands = _merge(doc, sorted(cands, key=lambda c: c.start), q)
    by_start = {c.start: c for c in cands}
    story = _story_country(cands)
    for c in cands:
        group = _is_group(doc, c, q)
        role = (not group and c.country is None and c.code is not None and c.code.startswith("---")
                and c.via == "dictionary" and len(c.sectors) == 1 and c.sectors[0] in _CIVIC
                and (q.groups.get(doc[c.start].lower_) is not None
                     or (c.start > 0 and doc[c.start - 1].lower_ == "ethnic")))
        if not (group or role):
            continue
        country = _where(doc, c, by_start, q, sent, home, story, _kin(doc, c, dictionary))
        if country is None:
            continue
        if group:
            c.sectors = [_word(doc, c, q) or "ETH"]
            c.kind, c.plural = "group", True
        c.country = country
        c.code = country + "".join(c.sectors)
        c.entry = None
    return cands


def _merge(doc: Doc, cands: list[Candidate], q: Qualifiers) -> list[Candidate]:
    """ "Coptic Christians", "Druze residents": an uncoded people word right before a people word or an
    open civic role noun is one actor with the later word's meaning."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == c.start and prev.kind == "country" and prev.country
                and not prev.sectors and prev.entry is not None and prev.entry.kind == "adjective"
                and prev.country not in TRANSNATIONAL and c.country is None and c.via == "dictionary"
                and q.groups.get(doc[c.start].lower_) is not None
                and (_is_group(doc, c, q) or (len(c.sectors) == 1 and c.sectors[0] in _CIVIC))):
            # "Iraqi Kurds", "Syrian Kurdish fighters", "Egyptian Copts": the state named before the people.
            c.sectors = list(c.sectors) or [_word(doc, c, q) or "ETH"]
            c.start, c.country, c.code, c.entry = prev.start, prev.country, prev.country + "".join(c.sectors), None
            out[-1] = c
            continue
        if (prev is not None and prev.end == c.start and prev.code is None and prev.country is None
                and prev.via == "dictionary" and q.groups.get(doc[prev.start:prev.end].text.lower()) is not None
                and ((c.code is None and c.country is None and c.via == "dictionary" and _word(doc, c, q))
                     or (c.country is None and c.code is not None and c.code.startswith("---")
                         and len(c.sectors) == 1 and c.sectors[0] in _CIVIC and c.via == "dictionary"))):
            c.start = prev.start
            out[-1] = c
            continue
        out.append(c)
    return out


def _where(doc: Doc, c: Candidate, by_start: dict[int, Candidate], q: Qualifiers, sent: list[int],
           home: str | None, story: str | None, kin: str | None) -> str | None:
    i = c.end
    if i < len(doc) and doc[i].lower_ in _HOME:
        country = _place_at(doc, i + 1, by_start, q)
        if country is not None:
            return country  # "Kurds in Turkey", "Druze residents of the Golan Heights"
    here = sent[c.start] if c.start < len(sent) else 0
    for tok in doc:
        if sent[tok.i] != here or tok.lower_ not in _ACTS_IN or c.start <= tok.i < c.end:
            continue
        country = _place_at(doc, tok.i + 1, by_start, q)
        if country is not None and country != kin:
            return country  # "ethnic Albanians demonstrated in southern Serbia"
    # A people of one country is that country's unless the story places it ("Uighurs fled to Kazakhstan").
    for country in (_single_people(doc, c, q), home, story):
        if country is not None and country != kin:
            return country
    return None


def _single_people(doc: Doc, c: Candidate, q: Qualifiers) -> str | None:
    """The country of a people living in one country only ("Uighurs" -> CHN), from ``peoples``."""
    for i in range(c.start, c.end):
        word = doc[i].text
        for form in (word, word[:-1] if word.endswith("s") else word):
            code = q.peoples.get((form.lower(),))
            if code is not None:
                return code
    return None


def _story_country(cands: list[Candidate]) -> str | None:
    """The one state the story names, when it names exactly one (else None)."""
    named = {c.country for c in cands if c.country and c.country not in TRANSNATIONAL and c.code}
    return next(iter(named)) if len(named) == 1 else None
