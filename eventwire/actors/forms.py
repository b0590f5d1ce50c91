"""Word forms of actor names: second-mention surnames, regular plurals of role phrases, plural
demonyms, and the sector elements of an actor code."""

from __future__ import annotations

__all__ = ["TRANSNATIONAL", "code_sectors", "demonym_plural", "derive_surname", "noun_forms", "plural_of"]

# CAMEO's transnational prefixes, for actors that belong to no single state, and the sector each
# stands for: intergovernmental bodies, NGOs working across borders, international militant groups,
# multinational companies. What follows the prefix names the body ("IGOUNO", "IMGMUSISI") and need
# not be made of 3-letter sector elements.
TRANSNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
_SURNAME_FIRST = {"CHN", "PRK", "KOR", "TWN", "HKG", "MAC", "VNM", "KHM", "HUN", "MNG"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def derive_surname(name: str, country: str | None) -> str | None:
    """The form news uses on second mention: last name, or first for surname-first countries."""
    parts = [p for p in name.replace(",", " ").split() if p.lower() not in _NAME_SUFFIXES]
    if len(parts) < 2:
        return None
    return parts[0] if country in _SURNAME_FIRST else parts[-1]


def code_sectors(code: str | None) -> list[str]:
    """The sector elements of a code: "PRKGOV" -> [GOV]; a transnational code gives its prefix's sector
    ("IGOUNO" -> [IGO], "IMGMUSISI" and "IMG" -> [REB])."""
    if code and code[:3] in TRANSNATIONAL:
        return [TRANSNATIONAL[code[:3]]]
    if not code or len(code) <= 3:
        return []
    return [code[i:i + 3] for i in range(3, len(code), 3)]


def plural_of(term: str) -> str | None:
    """Regular English plural of a role phrase (the head word, or the word before "of")."""
    words = term.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    low = w.lower()
    if low.endswith(("s", ".")) or low in {"police", "people", "media", "press", "public", "staff", "men", "women",
                                    "children", "clergy", "military", "intelligence", "customs", "mafia"}:
        return None
    if low.endswith("man"):
        p = w[:-3] + "men"
    elif low.endswith("person"):
        p = w[:-6] + "people"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = w[:-1] + "ies"
    elif low.endswith(("x", "ch", "sh", "z")):
        p = w + "es"
    else:
        p = w + "s"
    words[i] = p
    return " ".join(words)


def noun_forms(words: set[str]) -> set[str]:
    """Lower-cased nouns with their regular plurals ("check" -> check, checks)."""
    out = set()
    for w in words:
        out.add(w.lower())
        form = plural_of(w.lower())
        if form is not None:
            out.add(form)
    return out


def demonym_plural(adj: str) -> str | None:
    low = adj.lower()
    if "'" in adj or "." in adj:
        return None
    if low.endswith(("an", "i", "ite")):
        return adj + "s"
    return None
