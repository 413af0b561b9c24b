"""Two regions joined by a hyphen under one region word: "the Pskov-Novgorod region" (ninth session's site probes).

Reports shorten two neighbouring regions to one compound ("drills in the Pskov-Novgorod region", "the
Brest-Grodno area", "the Bryansk–Kursk oblasts"). When the compound is no admin-1 region itself (as Ida-Viru,
Warmian-Masurian or Lääne-Viru are) and each half is an admin-1 region of one and the same country, each half is
a place (form ``paired``, preferred over the whole compound by :func:`geo.extract.places.find_places`);
otherwise the compound is left to the other forms, and an unknown compound stays unresolved.
"""

from __future__ import annotations

import re
from functools import cache

from geo.extract.text import UPPER
from geo.geocode.geocoder import geocode

#: (text as written, query for the geocoder, start, end, form, context ISO3 or None): as place_forms.Found.
Found = tuple[str, str, int, int, str, str | None]

_PAIR = re.compile(
    rf"\bthe\s+(?P<a>{UPPER}[\w’']+)\s?[-–]\s?(?P<b>{UPPER}[\w’']+)\s+"
    r"(?P<word>(?i:regions?|oblasts?|areas?|provinces?|voblasts?))\b"
)


@cache
def _region(name: str) -> tuple[str, str] | None:
    """(country, admin-1) of "the <name> region" when it is one admin-1 region, else None."""
    result = geocode(f"the {name} region", country=None)
    if result.status != "resolved" or result.kind != "region" or not result.admin1 or "," in result.admin1:
        return None
    return (result.country or "", result.admin1)


def paired_regions(sentence: str) -> list[Found]:
    """Return one region place per half of each "the X-Y region" compound of a sentence (module doc)."""
    out: list[Found] = []
    for match in _PAIR.finditer(sentence):
        if _region(f"{match['a']}-{match['b']}") is not None:
            continue  # "the Ida-Viru region" is one county
        halves = [_region(match[g]) for g in ("a", "b")]
        if None in halves or len({h[0] for h in halves if h}) != 1 or halves[0] == halves[1]:
            continue
        country = halves[0][0] if halves[0] else None
        for group in ("a", "b"):
            query = f"the {match[group]} region"
            out.append((match[group], query, match.start(group), match.end(group), "paired", country))
    return out
