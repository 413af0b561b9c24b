"""The place a report says holds a range the gazetteer lacks ("the Harb-Maidon training ground in … Khatlon province").

The range lies somewhere in that place, so the place's area is its honest extent (:mod:`geo.extract.assembly`
locates it so, with a note); a list of unknown ranges before one "in" ("in Harbmaidon and Momirak training fields
in Khatlon province") shares that holder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.extract.places import PlaceMention
from geo.extract.text import LIST_GAP

__all__ = ["holder_after"]

#: What may stand between an unknown range (or the last of a list of them) and the place said to hold it: the range
#: word ("in Harbmaidon and Momirak| training fields in |Khatlon province"), then "in". Between the list's items:
#: :data:`geo.extract.text.LIST_GAP`.
_LIST_THEN_IN = re.compile(
    r"[\"'’”]?(?:\s+(?:[a-z-]+\s+){0,2}?(?:grounds?|ranges?|fields?|areas?|cent(?:er|re)s?|polygons?))?,?\s+(?:in|near|outside|of)\s+"
)


def holder_after(place: PlaceMention, following: Sequence[PlaceMention], sentence: str) -> PlaceMention | None:
    """Return the place written to hold ``place`` (a range, or the first of a list of ranges), or None.

    ``following`` are the place mentions after ``place`` in ``sentence``, in order.
    """
    if place.form != "site" or not following:
        return None
    after, end = following[0], place.end
    for item in following:  # past the rest of a range list ("Harbmaidon and Momirak training fields in …")
        if item.form != "site" or not LIST_GAP.fullmatch(sentence[end : item.start]):
            after = item
            break
        end = item.end
    return after if _LIST_THEN_IN.fullmatch(sentence[end : after.start]) else None
