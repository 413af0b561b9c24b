"""Every site's distance to the *other side*: NATO for the east's exercises, the Union State for NATO's.

The distance to NATO says nothing of a NATO site (it lies inside NATO: "0 km, nearest NATO: Lithuania");
the analyst's question there is how close it comes to Belarus and Russia. So each site gets the distance
to the side it does not belong to, as of the exercise's start (membership from
:func:`geo.reference.membership.members_on`):

* Russia–Belarus and CSTO exercises → **NATO** territory (the same numbers as the distance-to-NATO columns);
* NATO exercises → the **Union State** (Russia, Kaliningrad included, and Belarus);
* national and bilateral exercises → by who takes part: all participants NATO members → the Union State;
  all Union State or CSTO members → NATO; with no participant named, the site's country decides. A
  mixed or unknown exercise has no other side (the columns stay empty, never guessed).

The measure is :func:`geo.geocode.distance.distance_to_alliance`, the one the map uses for NATO: the
geodesic distance from the site's nearest point (0 when it touches or lies in the other side), and for an
area the distance from its representative point, with the relation (inside, shares a border, touches at a
point, outside).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from geo.reference.membership import members_on

if TYPE_CHECKING:
    from geo.geocode.geocoder import GeocodeResult

__all__ = ["OTHER_SIDE_COLUMNS", "SIDES", "other_side_fields", "other_side_of"]

#: The two sides a site can be measured to (alliance names of :func:`geo.reference.membership.members_on`).
SIDES: Final[tuple[str, ...]] = ("NATO", "Union State")

#: The other-side columns of the sites frame, in order (kilometres; ISO3 codes).
OTHER_SIDE_COLUMNS: Final[tuple[str, ...]] = (
    "other_side",
    "other_side_distance_km",
    "other_side_nearest",
    "other_side_centre_km",
    "other_side_centre_nearest",
    "other_side_relation",
    "other_side_touch_countries",
)

_EAST_ALLIANCES: Final = frozenset({"Russia-Belarus", "CSTO"})

#: Which NATO-distance column holds each other-side column's value for a site measured to NATO.
_FROM_NATO: Final[dict[str, str]] = {
    "other_side_distance_km": "distance_to_nato_km",
    "other_side_nearest": "nearest_nato_country",
    "other_side_centre_km": "distance_to_nato_from_centre_km",
    "other_side_centre_nearest": "nearest_nato_country_from_centre",
    "other_side_relation": "nato_relation",
    "other_side_touch_countries": "nato_touch_countries",
}


def other_side_of(alliance: str, participants: Iterable[str], site_country: str | None, on: dt.date) -> str | None:
    """Return the side a site is measured to: ``NATO``, ``Union State``, or None (mixed or unknown).

    Parameters
    ----------
    alliance
        The exercise's alliance label (``NATO``, ``Russia-Belarus``, ``CSTO``, ``national``, ``bilateral``).
    participants
        ISO3 codes of the participants (decide for national and bilateral exercises).
    site_country
        ISO3 of the country the site lies in (decides when no participant is named).
    on
        Membership date (the exercise's start).
    """
    if alliance in _EAST_ALLIANCES:
        return "NATO"
    if alliance == "NATO":
        return "Union State"
    who = set(participants) or ({site_country} if site_country else set())
    if not who:
        return None
    if who <= members_on("NATO", on):
        return "Union State"
    if who <= members_on("Union State", on) | members_on("CSTO", on):
        return "NATO"
    return None


def other_side_fields(result: GeocodeResult, side: str | None, on: dt.date, nato: Mapping[str, Any]) -> dict[str, Any]:
    """Return the :data:`OTHER_SIDE_COLUMNS` of one geocoded site.

    Parameters
    ----------
    result
        The geocoder's answer (EPSG:4326 geometry).
    side
        From :func:`other_side_of`.
    on
        Membership date (the exercise's start).
    nato
        The site's distance-to-NATO columns (:func:`geo.catalog.sites.nato_distance_fields`), reused when
        the other side is NATO so that the two never disagree.

    Returns
    -------
    dict
        ``other_side`` (the side, or None), ``other_side_distance_km`` (geodesic km from the site's nearest
        point), ``other_side_nearest`` (ISO3), ``other_side_centre_km`` and ``other_side_centre_nearest`` (from
        an area's representative point; equal for a point), ``other_side_relation`` and
        ``other_side_touch_countries``. All None (the list empty) without a side or a geometry.
    """
    empty: dict[str, Any] = {**dict.fromkeys(OTHER_SIDE_COLUMNS), "other_side_touch_countries": [], "other_side": side}
    if side is None or result.geometry is None or result.geometry.is_empty:
        return empty
    if side == "NATO":
        return {"other_side": side, **{column: nato.get(source) for column, source in _FROM_NATO.items()}}
    from geo.geocode.distance import distance_to_alliance  # measuring: only when the frame is built

    dist = distance_to_alliance(result.geometry, on, side, border_line=result.border_line)
    if dist is None:
        return empty
    return {
        "other_side": side,
        "other_side_distance_km": dist.distance_km,
        "other_side_nearest": dist.nearest_country,
        "other_side_centre_km": dist.centre_distance_km,
        "other_side_centre_nearest": dist.centre_nearest_country,
        "other_side_relation": dist.relation,
        "other_side_touch_countries": list(dist.touch_countries),
    }
