"""Exercise names with a bracketed gloss: "Spring Storm (Kevadtorm) 2024", "Zapad (West) 2017".

Reports gloss a transliterated or foreign name with its translation in brackets and write the year after the
bracket. :data:`GLOSS` lets :attr:`geo.extract.names.NameLexicon.pattern` step over such a bracket between a known
name and its year, and :func:`glossed` gives the name's parts without the gloss; :func:`drop_bracketed` joins a
name found inside the bracket to the name before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geo.extract.names import NameMention

_YEAR = r"(?:19[89]\d|20\d\d)"
#: A quotation mark around a name on either side of its bracketed alias.
_QUOTE = r"[\"“”'‘’«»]"
#: A bracketed gloss of one to four words between a known name and its year: "Zapad (West) 2017". Only letters,
#: spaces, apostrophes and dashes, so that "(2,000 troops)" or "(see above)" with a year after is rarely taken.
GLOSS = r"(?P<gloss>\s*\((?:[A-Z][\w’'-]*)(?:\s[\w’'-]+){0,3}\))"


def glossed(match: re.Match[str], variant: str) -> tuple[str, int | None, str | None] | None:
    """The parts (base, year, edition) of a known name matched across a gloss, or None when it has none.

    ``match`` is a match of the lexicon's pattern (groups ``gloss``, ``year``, ``edition``); ``variant`` the known
    variant its base stands for. Without the gloss the name as written splits itself.
    """
    if not match.group("gloss") or not match.group("year"):
        return None
    return variant, int(match.group("year")), match.group("edition")


def drop_bracketed(names: list[NameMention], sentence: str) -> list[NameMention]:
    """Read "Spring Storm (Kevadtorm) 2024" as one name: the bracketed one is its alias, the year after is its year.

    Each name may sit in quotation marks: '"Strong Will - 2024" ("Stipri Valia 2024")' is one exercise.
    """
    out: list[NameMention] = []
    for name in names:
        before = out[-1] if out else None
        if before is not None and re.fullmatch(_QUOTE + r"?\s*\(" + _QUOTE + "?", sentence[before.end : name.start]):
            after = re.match(_QUOTE + r"?\)\s*(?P<year>" + _YEAR + r")?(?![\w-])", sentence[name.end :])
            if after is not None:
                year = before.year or name.year or (int(after.group("year")) if after.group("year") else None)
                out[-1] = replace(before, year=year)
                continue
        out.append(name)
    return out
