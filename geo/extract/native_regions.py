"""Polish voivodeships written in Polish, region word first and in lower case (ninth session's site probes).

English copy keeps Polish terms ("drills in the województwo podlaskie", "in woj. lubelskie"), which the
capitalised region patterns of :mod:`geo.extract.places` do not see. The phrase is the region; the geocoder reads
"województwo X" as the voivodeship X (:mod:`geo.geocode.region_spellings`), and one it does not know stays
unresolved.
"""

from __future__ import annotations

import re

#: (text as written, query for the geocoder, start, end, form, context ISO3 or None): as place_forms.Found.
Found = tuple[str, str, int, int, str, str | None]

_VOIVODESHIP = re.compile(
    r"(?i:\b(?:in|at|near|across|throughout|of)\s+)(?:the\s+)?"
    r"(?P<phrase>(?P<word>[Ww]ojew[oó]dztw[oa]|[Ww]oj\.)\s+(?P<name>[a-ząćęłńóśźż]+(?:-[a-ząćęłńóśźż]+)?))\b"
)


def polish_voivodeships(sentence: str) -> list[Found]:
    """Return the "województwo X" phrases of a sentence, each queried as "województwo X" (module doc)."""
    return [
        (m["phrase"], f"województwo {m['name']}", m.start("phrase"), m.end("phrase"), "region", "POL")
        for m in _VOIVODESHIP.finditer(sentence)
    ]
