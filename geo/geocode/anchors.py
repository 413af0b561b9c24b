"""Anchors: the town a report itself ties an unknown place to, and the capitals the gazetteer lacks.

Reports often name a village or a range the gazetteer does not hold, and then anchor it to a town
they expect the reader to know: "Korzeniewo (near Kwidzyn, ~100 km S of Gdańsk)", "Stašėnai (Jonava
distr.)", "17th Mech Bde range Międzyrzecz", "the Dorogobuzh training ground". :func:`anchors` reads those
anchors; the geocoder then places the phrase on the anchor town with a radius wide enough to hold the place
the report means (:data:`ANCHOR_RADIUS_KM`), never on a guessed point of the village itself. A distance
from a town ("20 km from the town of Pinsk", "some 30 kilometres north-west of Brest") is a distance anchor:
the town with a radius of that distance plus the town's own (:data:`DISTANCE_ANCHOR_MAX_KM` at most; a place
farther off is too loosely tied to the town to stand for it, and the phrase stays unresolved).

:func:`reference_city` finds a capital or major city outside the regional GeoNames extract (Stockholm,
Berlin, Dushanbe) in ``reference_cities.csv`` (Natural Earth populated places, the briefing map's rule without its
extent), also by its Russian name romanised ("Alma-Ata" is Almaty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo.geocode.gazetteer import normalize_name
from geo.reference.layers import table

#: How far (km) from its anchor town the place a phrase means may lie, by the kind of anchor. "near X":
#: reports use it for places within a short drive; a district ("raion", "distr.") of the Baltic states,
#: Belarus and Poland spans up to ~50 km across; a range named after a town lies on its outskirts.
ANCHOR_RADIUS_KM: dict[str, float] = {"near": 20.0, "district": 30.0, "range": 20.0}
#: The farthest (km) a distance anchor may lie from its town ("20 km from X"): about a Belarusian district's width;
#: "150 km from Minsk" says where the place is not, rather than where it is.
DISTANCE_ANCHOR_MAX_KM = 50.0
#: The built-up area a distance is counted from (km): the geocoder's radius for a town.
_TOWN_RADIUS_KM = 10.0

_ARTICLES = frozenset({"the", "a", "an"})
_NAME = r"(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’-]*)?)"
_NEAR = re.compile(rf"\b(?:near|outside|close\s+to)\s+{_NAME}")
_DISTRICT = re.compile(
    rf"\b{_NAME}\s+(?:distr\.?|district|raion|rayon|rajonas|r\.\s?sav\.|county|gmina|municipality)(?=[\s),;]|$)",
    re.IGNORECASE,
)
#: "20 km from the town of Pinsk", "about 30 kilometres north-west of Brest", "15 miles outside Lida".
_DISTANCE = re.compile(
    r"\b(?P<n>\d+(?:[.,]\d+)?)[\s-]*(?P<unit>km|kilomet(?:re|er)s?|miles?)\s+(?:away\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of|from|outside(?:\s+of)?)\s+"
    rf"(?:the\s+(?:town|city|village|settlement|regional\s+centre|regional\s+center)\s+of\s+)?{_NAME}",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"\b(?:range|training\s+(?:ground|area)|poligon|polygon)\s+(?:at\s+|in\s+|of\s+)?{_NAME}")
#: "the Dorogobuzh training ground": a range the training-grounds data lacks, called by the town it lies at (the
#: town's own name, not an adjectival form: "Kirillovsky" may name a range at any of several Kirillov-s).
_RANGE_AFTER = re.compile(rf"^(?:the\s+)?{_NAME}\s+(?:range|training\s+(?:ground|area)|poligon|polygon)s?$", re.I)


@dataclass(frozen=True)
class Anchor:
    """A town named in the phrase as the place's anchor, and what kind of anchor it is."""

    name: str
    kind: str  # a key of ANCHOR_RADIUS_KM, or "distance"
    distance_km: float = 0.0  # for a distance anchor: the distance the report gives

    @property
    def radius_km(self) -> float:
        """How far (km) from the anchor town the place may lie."""
        return self.distance_km + _TOWN_RADIUS_KM if self.kind == "distance" else ANCHOR_RADIUS_KM[self.kind]


def anchors(phrase: str) -> list[Anchor]:
    """Return the anchors of a place phrase, the most specific first ("near X" before "X district").

    >>> [a.name for a in anchors("Korzeniewo (near Kwidzyn, ~100 km S of Gdańsk)")]
    ['Kwidzyn']
    """
    found = [anchor for match in _DISTANCE.finditer(phrase[:300]) for anchor in _distance_anchors(match)]
    for kind, pattern in (("near", _NEAR), ("district", _DISTRICT), ("range", _RANGE), ("range", _RANGE_AFTER)):
        for match in pattern.finditer(phrase[:300]):
            words = [w for w in match["name"].split() if w.casefold() not in _ARTICLES]
            # "near Kwidzyn town", "the Lida district": the two words, then the last, then the first.
            for name in dict.fromkeys([" ".join(words), *words[-1:], *words[:1]]):
                found.append(Anchor(name.rstrip(".,"), kind))
    return found


def _distance_anchors(match: re.Match[str]) -> list[Anchor]:
    """The town of "N km from X" with its distance (km), none beyond :data:`DISTANCE_ANCHOR_MAX_KM`."""
    km = float(match["n"].replace(",", ".")) * (1.609344 if match["unit"].lower().startswith("mile") else 1.0)
    if km > DISTANCE_ANCHOR_MAX_KM:
        return []
    words = [w.rstrip(".,") for w in match["name"].split()]
    return [Anchor(name, "distance", km) for name in dict.fromkeys([" ".join(words), *words[:1]])]


@cache
def _reference_cities() -> dict[str, tuple[str, float, float, str, int]]:
    rows = table("reference_cities").to_dict("records")
    out: dict[str, tuple[str, float, float, str, int]] = {}
    for row in rows:
        lon, lat = float(row["longitude"]), float(row["latitude"])
        for name in (str(row["name"]), _romanised(str(row.get("name_ru", "")))):
            if name:
                out.setdefault(
                    normalize_name(name), (str(row["name"]), lon, lat, str(row["iso3"]), int(row["population"]))
                )
    return out


#: Russian letters in the English (BGN/PCGN-like) romanisation Russian-language wire copy uses ("Alma-Ata").
_RUSSIAN_LATIN = str.maketrans(
    {**dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)), "ё": "yo", "ж": "zh", "х": "kh",
     "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya"}
)  # fmt: skip


def _romanised(russian: str) -> str:
    """Romanise a Russian name: "Алма-Ата" → "Alma-Ata", "Усть-Каменогорск" → "Ust-Kamenogorsk"."""
    return "-".join(part[:1].upper() + part[1:] for part in russian.lower().translate(_RUSSIAN_LATIN).split("-"))


def reference_city(key: str) -> tuple[str, float, float, str, int] | None:
    """Return (name, lon, lat, iso3, population) of a reference city named exactly ``key``, or None."""
    return _reference_cities().get(key)
