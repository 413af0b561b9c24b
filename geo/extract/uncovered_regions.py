"""A region of a country the admin-1 layer does not cover, located as that country.

"CSTO begins its military drill in Zhambyl region … exercises … began in Kazakhstan": the reference admin-1
layer (``data/reference/admin1.geojson``) holds the regions of Belarus, its NATO neighbours, Russia and
Ukraine only, so "Zhambyl region" cannot be drawn as a region. The report says it lies in Kazakhstan, and
that much is honest: when an event's resolved places lie in one country, that country is named as a place of
it, and the layer has no region of it, an unresolved "X region / oblast / province" phrase of the event is
located as that country, at country precision, with a note. A region of a country the layer covers that
matches none of its names stays unresolved (a spelling to fix, not to hide).

So is a range the gazetteer lacks in such a country ("will be held … at Shygys, Saryozek and Spassk ranges" after
"… kicked off in Kazakhstan today", "at the X range in the Sughd region"): the report places it there, the
gazetteer cannot do better, so it is located as the country (kind ``training_ground``, country precision), never
on a guessed point. A range in a covered country stays unresolved: a gap of the gazetteer, to fill with a source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from geo.extract.draft import DraftEvent, DraftPlace
from geo.extract.place_mention import RANGE_WORDS
from geo.extract.places import geocode_cached
from geo.geocode.gazetteer import REGION_WORDS
from geo.reference.layers import layer

#: The words of a region phrase ("Zhambyl region", "the Khatlon province", "Almaty oblysy"): the gazetteer's.
_REGION_WORD = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, REGION_WORDS))})(?!\w)", re.I)
#: A range's word, in the phrase or in the query it was read as ("Shygys" of "at Shygys, Saryozek and Spassk ranges").
_RANGE_WORD = re.compile(rf"(?<!\w){RANGE_WORDS}(?!\w)")


@cache
def _covered() -> frozenset[str]:
    """ISO3 of the countries whose regions the admin-1 layer holds."""
    return frozenset(str(iso3) for iso3 in layer("admin1")["iso3"])


def _as_country(place: DraftPlace, holder: DraftPlace) -> DraftPlace:
    """The region (or range) phrase located as the country ``holder`` names."""
    result = geocode_cached(holder.phrase, holder.country)
    located = DraftPlace.from_result(place.text, result, query=holder.phrase, context=place.context, role=place.role)
    if _REGION_WORD.search(place.text):
        kind, what = "region", f"a region of {holder.country}, whose regions the reference admin-1 layer does not hold"
    else:
        kind, what = "training_ground", f"a range of {holder.country} the gazetteer lacks"
    why = f"{what}: located as {holder.text!r}, the country the report places the exercise in (country precision)"
    return replace(located, kind=kind, explanation=why, also_written=place.also_written)


def _uncovered(place: DraftPlace) -> bool:
    """Whether an unresolved phrase is a region's or a range's (its words, or those it was read with)."""
    return not place.resolved and bool(_REGION_WORD.search(place.text) or _RANGE_WORD.search(place.query or place.text))


def locate_uncovered_regions(events: Sequence[DraftEvent]) -> list[DraftEvent]:
    """Locate each event's unresolved region and range phrases of an uncovered country as it (module docstring)."""
    out = list(events)
    for i, event in enumerate(events):
        countries = {p.country for p in event.locations if p.resolved and p.country}
        if len(countries) != 1 or next(iter(countries)) in _covered():
            continue
        holder = next((p for p in event.locations if p.resolved and p.kind == "country"), None)
        if holder is None:
            continue
        locations = tuple(_as_country(p, holder) if _uncovered(p) else p for p in event.locations)
        if locations != event.locations:
            note = (
                f"region and range phrases located as {holder.text!r}: the admin-1 layer holds no region of "
                f"{holder.country}, and the gazetteer lacks the ranges named"
            )
            out[i] = replace(event, locations=locations, notes=(*event.notes, note))
    return out
