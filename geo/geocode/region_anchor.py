"""A place the gazetteer lacks, anchored by the report to its region: "Kiltsi, Lääne County" (twentieth pass).

Reports write a village or range with its admin-1 region after a comma, and sometimes the country after that
("Kiltsi, Lääne County", "the exercise area Pesochnoye, Ivanovo Oblast, Russia"). The region rule read the whole
phrase as one region name and failed ("no admin-1 region is called 'kiltsi lääne'"), or the country rule took the
last part alone and a namesake won (Russia as a Bulgarian province). Here the first part is geocoded on its own
(a town or range the gazetteer holds, kept when it lies in that region), else the phrase is placed on the region
the report names, at region precision: never on a guessed point of the village.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from geo.geocode.gazetteer import REGION_WORDS, clean_phrase
from geo.geocode.result import GeocodeResult

#: One part of a comma list with a region word of its own ("Lääne County", "Ivanovo Oblast").
_REGION_PART = re.compile(rf"\b(?:{'|'.join(REGION_WORDS)})\b", re.I)
_LIST = re.compile(r"\band\b|&", re.I)


def region_anchor_rule(
    phrase: str, context: str | None, geocode: Callable[..., GeocodeResult], region: Callable[..., GeocodeResult | None]
) -> GeocodeResult | None:
    """Return the place or region of "<place>, <region>[, <country>]", or None when the phrase is not of that shape.

    ``geocode`` geocodes a part as a whole phrase; ``region`` is the region rule (phrase, key, context).
    """
    parts = [p.strip() for p in phrase.split(",")]
    if len(parts) not in (2, 3) or not all(parts) or _REGION_PART.search(parts[0]) or _LIST.search(phrase):
        return None
    if not _REGION_PART.search(parts[1]):
        return None
    area = region(parts[1], clean_phrase(parts[1]), context)
    if area is None or area.status != "resolved" or area.kind != "region" or not area.admin1:
        return None
    if len(parts) == 3:
        country = geocode(parts[2], country=None)
        if country.status != "resolved" or country.kind != "country" or country.country != area.country:
            return None
    place = geocode(parts[0], country=area.country)
    if (
        place.status == "resolved"
        and place.kind != "region"
        and (place.country, place.admin1) == (area.country, area.admin1)
    ):
        return dataclasses.replace(place, query=phrase)
    return dataclasses.replace(
        area,
        query=phrase,
        confidence="low",
        explanation=f"{parts[0]!r} is not in the gazetteer inside that region; placed on the region the report ties "
        f"it to: {area.explanation}",
    )
