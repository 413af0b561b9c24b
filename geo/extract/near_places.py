"""Places a report gives as a distance from a town (ninth session's site probes).

"held drills 20 km from the town of Pinsk", "some 30 kilometres north-west of Brest", "15 miles outside Lida":
the site is near that town, not the town itself. The phrase goes to the geocoder whole, which places it on the
town with a radius of the distance plus the town's own (:mod:`geo.geocode.anchors`, a distance anchor), never on a
guessed point at that distance. A distance beyond :data:`geo.geocode.anchors.DISTANCE_ANCHOR_MAX_KM` names no site
("150 km from Minsk" says where the drills were not), and only a town the gazetteer knows is read as one ("20 km
from the Belarusian border" is :mod:`geo.extract.place_forms`' border strip).
"""

from __future__ import annotations

import re

from geo.extract.lexicon import country_names
from geo.extract.text import UPPER
from geo.geocode import gazetteer
from geo.geocode.anchors import DISTANCE_ANCHOR_MAX_KM
from geo.geocode.gazetteer import normalize_name
from geo.geocode.geocoder import is_town_spelling

#: (text as written, query for the geocoder, start, end, form, context ISO3 or None): as place_forms.Found.
Found = tuple[str, str, int, int, str, str | None]

_DISTANCE_TOWN = re.compile(
    r"(?P<phrase>(?:(?i:about|some|around|nearly|roughly|approximately|only|just|less\s+than|under)\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?)[\s-]*(?P<unit>km|kilomet(?:re|er)s?|miles?)\s+(?:away\s+)?"
    r"(?:(?i:(?:north|south|east|west)(?:-?(?:north|south|east|west))?)\s+of|from|outside(?:\s+of)?)\s+"
    r"(?:the\s+(?:town|city|village|settlement)\s+of\s+)?"
    rf"(?P<name>{UPPER}[\w’'-]+))(?![\w-])"
)


def distance_towns(sentence: str) -> list[Found]:
    """Return "N km from (the town of) X" phrases of a sentence whose X is a known town within reach."""
    out: list[Found] = []
    for match in _DISTANCE_TOWN.finditer(sentence):
        name, key = match["name"], normalize_name(match["name"])
        if name in country_names() or not (key in gazetteer.town_index() or is_town_spelling(key)):
            continue
        km = float(match["n"].replace(",", ".")) * (1.609344 if match["unit"].startswith("mile") else 1.0)
        if km > DISTANCE_ANCHOR_MAX_KM:
            continue
        text = match["phrase"]
        out.append((text, text, match.start("phrase"), match.end("phrase"), "town", None))
    return out
