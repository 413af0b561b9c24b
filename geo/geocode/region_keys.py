"""Other spellings under which reports write a first-level region's name (keys of the region index).

Pure string functions, so that :mod:`geo.geocode.gazetteer` can use them while it builds its indexes.
"""

from __future__ import annotations

import re
import unicodedata


def strip_accents(key: str) -> str:
    """Drop diacritics ("võru" → "voru", "łódź" → "lodz"): reports in English often leave them out."""
    key = key.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def noun_forms(key: str) -> str:
    """The noun form of an adjectival region name: each word ending in -ian ends in -ia.

    Natural Earth writes Polish voivodeships as adjectives ("Masovian", "Lower Silesian", "West Pomeranian",
    "Warmian-Masurian"); reports write the land ("Masovia", "Lower Silesia", "West Pomerania",
    "Warmia-Masuria").
    """
    return re.sub(r"(?<=\wi)an\b", "a", key)


def key_variants(key: str, code: str) -> set[str]:
    """The normalised ``key`` of region ``code`` with and without diacritics, each also in its noun form.

    An Estonian county is also written with its Estonian suffix -maa ("Ida-Virumaa", "Harjumaa"), as the
    counties call themselves (ISO 3166-2 gives it only to codes the admin-1 layer does not use).
    """
    plain = {key, strip_accents(key)}
    if code.startswith("EE-"):
        plain |= {f"{k}maa" for k in plain}
    return plain | {noun_forms(k) for k in plain}
