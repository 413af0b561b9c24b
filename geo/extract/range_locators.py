"""A town that only says where a named range lies (ninth session's site probes).

"drills at the Obuz-Lesnovsky training ground near Baranovichi", "at the Pravdinsky range outside Pravdinsk":
the town locates the range; the exercise is at the range. When the range right before "near" / "outside" /
"close to" / "not far from" is one the geocoder resolves as a training ground or airfield, the town is no site of
its own. A range the geocoder cannot place keeps its town (then the town is the best place the report gives).
"""

from __future__ import annotations

import re
from functools import cache

from geo.extract.text import UPPER
from geo.geocode.geocoder import geocode

_RANGE_BEFORE = re.compile(
    rf"(?P<range>{UPPER}[\w’'-]+(?:[ -]{UPPER}[\w’'-]+)?\s+"
    r"(?i:training\s+(?:ground|area|centre|center)|firing\s+range|range|polygon|poligon|air\s*base|airfield))"
    r"\s+(?i:near|outside(?:\s+of)?|close\s+to|not\s+far\s+from)\s+(?:the\s+(?i:town|city|village)\s+of\s+)?$"
)


@cache
def _known_range(phrase: str) -> bool:
    result = geocode(phrase, country=None)
    return result.status == "resolved" and result.kind in ("training_ground", "airfield")


def locates_range(sentence: str, start: int) -> bool:
    """Whether the place at ``start`` follows a known range and "near" (module doc): no site of its own."""
    match = _RANGE_BEFORE.search(sentence[max(0, start - 100) : start])
    return match is not None and _known_range(match["range"])
