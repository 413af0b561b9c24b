"""A range placed on a namesake town abroad, in a sentence that holds the exercise in one other country.

The geocoder places a range it lacks on the town the report names it after, with a wide radius ("the Armavir training
ground" on the town of Armavir). Town names repeat across the former Soviet Union, and the regional gazetteer holds
Russia's towns but not Armenia's or Kazakhstan's: "the drills will be held in Armenia at the Armavir training ground"
found Armavir in Krasnodar Krai, and "in the Karaganda region at the Spassk training ground" a Spassk in Ryazan
oblast. When every other place of the sentence that is a country or an admin region lies in one country and the
namesake town lies in another, the range is located as that country (country precision), with a note; the town is
kept when the sentence names its country too or names places in several countries. A sentence that names no
country or region of its own ("The drills will be held … at A, B and C ranges" after "… kicked off in Kazakhstan
today") is read with the places of the event's other sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.extract.place_forms import country_query
from geo.extract.places import PlaceMention, geocode_cached
from geo.geocode.result import GeocodeResult

__all__ = ["held_country"]


def _areas(place: PlaceMention, mentions: Sequence[PlaceMention]) -> set[str]:
    """The countries of the countries and admin regions among ``mentions`` (``place`` left out)."""
    return {
        found.country
        for other in mentions
        if other is not place
        and (found := geocode_cached(other.query, other.context)).status == "resolved"
        and found.kind in ("country", "region")
        and found.country
    }


def held_country(
    place: PlaceMention,
    result: GeocodeResult,
    mentions: Sequence[PlaceMention],
    event_mentions: Sequence[PlaceMention] = (),
) -> tuple[GeocodeResult, str, str] | None:
    """Return (the country's result, its query, a note) for a range on a namesake town abroad, else None.

    Parameters
    ----------
    place, result
        A place phrase of the sentence and how the geocoder located it.
    mentions
        Every place phrase of the sentence (``place`` among them).
    event_mentions
        Every place phrase of the event's sentences, read when the sentence names no country or region.
    """
    if result.kind != "training_ground" or not (result.gazetteer_id or "").startswith("geonames:"):
        return None
    areas = _areas(place, mentions)
    where = "the sentence"
    if not areas:
        areas, where = _areas(place, [m for m in event_mentions if m.text != place.text]), "the report"
    if len(areas) != 1 or result.country in areas:
        return None
    iso3 = areas.pop()
    query = country_query(iso3, iso3)
    note = (
        f"location {place.text!r}: the town it is named after lies in {result.country}, but {where} holds the "
        f"exercise in {iso3} only: located as {iso3}"
    )
    return geocode_cached(query, iso3), query, note
