"""Distances from exercise sites to an alliance's territory (NATO, or the Union State), as of a date.

Everything below is said of NATO, the question asked of Russia–Belarus and CSTO sites; the same measure
gives NATO sites their distance to the Union State (Russia with Kaliningrad, and Belarus):
:func:`distance_to_alliance` takes the alliance, :func:`distance_to_nato` is it for NATO.

Three numbers describe a site (all as of the exercise's start, membership from
:func:`geo.reference.membership.members_on`):

* the **nearest-point distance**: from the site's nearest point to the nearest NATO member (0 when the
  site touches or lies in a member);
* the **centre distance**: from the site's representative point (shapely ``point_on_surface``, the same
  point the CSV export gives as ``lat``/``lon``) to the nearest member; for a point site the two are equal;
* the **relation** (:data:`RELATIONS`):

  - ``inside``: the representative point lies in a member's territory (that member is the one named);
  - ``shares_border``: otherwise, the site touches NATO along a shared border of at least the setting
    ``nato_shared_border_min_km`` (1 km);
  - ``touches_at_point``: the site touches NATO, but along less than that (an end, a tripoint);
  - ``outside``: the site does not touch NATO territory.

  The shared border is measured along the site's outline, except for a border strip: there it is measured
  along the land border the strip stands for (:attr:`geo.geocode.geocoder.GeocodeResult.border_line`),
  because a strip 30 km deep along "the border with Ukraine" runs some 50 km up the Polish border at its
  end without that border being the one the report names.

Nearest pairs, outlines and lengths are computed in EPSG:3035 (metres); a line counts as shared where it
lies within :data:`CONTACT_TOLERANCE_M` (100 m) of a member, and an area that close to a member
touches it (its nearest-point distance is 0). Every distance reported is the geodesic distance on
the WGS84 ellipsoid (``pyproj.Geod``) between the nearest pair of points, so nothing is measured in degrees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.crs import to_metric, to_storage
from geo.reference.layers import layer
from geo.reference.membership import members_on

__all__ = [
    "CONTACT_TOLERANCE_M",
    "RELATIONS",
    "NatoDistance",
    "NatoRelation",
    "distance_to_alliance",
    "distance_to_nato",
    "geodesic_km",
]

_GEOD = Geod(ellps="WGS84")

NatoRelation = Literal["inside", "shares_border", "touches_at_point", "outside"]
#: The relations of a site to NATO territory, from closest to farthest.
RELATIONS: Final[tuple[str, ...]] = ("inside", "shares_border", "touches_at_point", "outside")
#: An area or line within this distance of a member (EPSG:3035 metres) touches it: the countries share
#: edges exactly, but the admin-1 regions are quantised to about 35 m and border strips have been projected
#: to EPSG:3035 and back (at 10 m, Vitebsk region's 136 km border with Latvia measures 121 km; at 100 m, 136).
CONTACT_TOLERANCE_M: Final = 100.0
#: Countries within this distance (metres) of where a site touches NATO are those meeting there.
_MEETING_TOLERANCE_M: Final = 250.0


@dataclass(frozen=True)
class NatoDistance:
    """Distance from a site to NATO territory, and how the site relates to it.

    Attributes
    ----------
    distance_km
        Geodesic distance in kilometres from the site's nearest point (0 when it touches or lies in a member).
    nearest_country
        ISO3 of the nearest NATO member on the date; for a site inside a member, that member; for a site
        touching several, the one it shares the longest border with.
    measured_from
        ``point`` for point sites, ``nearest point of the area`` for polygons.
    centre_distance_km
        Geodesic distance in kilometres from the site's representative point (``point_on_surface``);
        equal to ``distance_km`` for a point site.
    centre_nearest_country
        ISO3 of the NATO member nearest to the representative point.
    relation
        One of :data:`RELATIONS` (see the module docstring for the rule).
    shared_border_km
        Length in kilometres (EPSG:3035, Natural Earth 1:10m, so shorter than official lengths) of the border
        the site shares with NATO territory, all members together; 0 for a site that does not touch it and
        for a site inside it.
    touch_countries
        For ``touches_at_point``: ISO3 of the countries meeting where the site touches NATO, the member
        first (``("POL", "BLR", "UKR")`` at the tripoint); otherwise empty.
    """

    distance_km: float
    nearest_country: str
    measured_from: str
    centre_distance_km: float
    centre_nearest_country: str
    relation: NatoRelation
    shared_border_km: float
    touch_countries: tuple[str, ...] = ()


@cache
def _metric_countries() -> gpd.GeoDataFrame:
    return layer("countries")[["iso3", "geometry"]].to_crs(settings.METRIC_CRS)


@cache
def _contact_zone(iso3: str) -> BaseGeometry:
    """Return a member's territory grown by :data:`CONTACT_TOLERANCE_M` (EPSG:3035)."""
    countries = _metric_countries()
    polygon = countries.loc[countries["iso3"] == iso3, "geometry"].iloc[0]
    return polygon.buffer(CONTACT_TOLERANCE_M)


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Return the WGS84 geodesic distance in kilometres between two lon/lat points."""
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


#: First reach (metres) of the window a member's territory is clipped to around a site (see :func:`_local`).
_FIRST_REACH_M: Final = 100_000.0


def _local(site: BaseGeometry, polygon: BaseGeometry, reach: float = _FIRST_REACH_M) -> tuple[float, BaseGeometry]:
    """Return the planar distance (EPSG:3035 m) from ``site`` to ``polygon``, and the part of it that is nearest.

    Russia's outline has tens of thousands of vertices and a distance to it costs as much as all the rest, so
    the polygon is clipped to the site's bounds grown by ``reach`` first. The answer is exact: when the
    clipped part lies within ``reach``, any nearer point of the polygon would lie within ``reach`` of the
    site, so inside the window, so in the part; otherwise the window grows fourfold until it holds the
    polygon's bounds.
    """
    x0, y0, x1, y1 = site.bounds
    px0, py0, px1, py1 = polygon.bounds
    while True:
        part = shapely.clip_by_rect(polygon, x0 - reach, y0 - reach, x1 + reach, y1 + reach)
        if not part.is_empty:
            d = float(shapely.distance(site, part))
            if d <= reach:
                return d, part
        if x0 - reach <= px0 and y0 - reach <= py0 and x1 + reach >= px1 and y1 + reach >= py1:
            return float(shapely.distance(site, polygon)), polygon
        reach *= 4.0


def _nearest(site: BaseGeometry, polygons: np.ndarray) -> tuple[float, list[int], dict[int, BaseGeometry]]:
    """Return the planar distance (EPSG:3035 m) to the nearest polygon, the indices at that distance, and parts.

    The distance to a polygon's bounding box is a lower bound of the distance to the polygon, so polygons
    are measured nearest-box first and the search stops once no box can beat the best. ``parts`` holds, by
    index, the nearest part of each polygon measured (:func:`_local`).
    """
    lower_bounds = shapely.distance(site, shapely.envelope(polygons))
    best, hits, parts = np.inf, [], {}
    for i in np.argsort(lower_bounds, kind="stable"):
        if lower_bounds[i] > best:
            break
        d, parts[int(i)] = _local(site, polygons[i], max(_FIRST_REACH_M, float(lower_bounds[i]) * 1.5))
        if d < best:
            best, hits = d, [int(i)]
        elif d == best:
            hits.append(int(i))
    return best, hits, parts


def _geodesic_to(site: BaseGeometry, polygon: BaseGeometry) -> float:
    """Return the geodesic km between the nearest points of two EPSG:3035 geometries, to 0.1 km."""
    on_site, on_nato = shapely.ops.nearest_points(site, polygon)
    a, b = to_storage(on_site), to_storage(on_nato)
    return round(geodesic_km(a.x, a.y, b.x, b.y), 1)


def _touch_countries(contact: BaseGeometry, member: str) -> tuple[str, ...]:
    """Return the member, then every other country (ISO3, sorted) within reach of the contact's centre."""
    countries = _metric_countries()
    centre = contact.centroid
    near = countries[countries.distance(centre) <= _MEETING_TOLERANCE_M]["iso3"]
    return (member, *sorted(str(c) for c in near if c != member))


def _relation(
    site: BaseGeometry, line: BaseGeometry, touching: list[str]
) -> tuple[NatoRelation, float, str, tuple[str, ...]]:
    """Classify a site that touches NATO territory but whose representative point lies outside it.

    Returns the relation, the border shared with all members (km, EPSG:3035), the member it shares the
    longest border with, and the countries meeting at the contact (``touches_at_point`` only).
    """
    contacts = {iso3: line.intersection(_contact_zone(iso3)) for iso3 in touching}
    member = max(touching, key=lambda iso3: (contacts[iso3].length, iso3 == touching[0]))
    length_km = round(sum(c.length for c in contacts.values()) / 1000.0, 1)
    if contacts[member].length / 1000.0 >= settings.setting("nato_shared_border_min_km"):
        return "shares_border", length_km, member, ()
    if contacts[member].is_empty:  # the strip's own border does not reach NATO: measure where the area does
        contacts[member] = site.boundary.intersection(_contact_zone(member))
    return "touches_at_point", length_km, member, _touch_countries(contacts[member], member)


def distance_to_nato(
    geometry: BaseGeometry, on: dt.date, *, border_line: BaseGeometry | None = None
) -> NatoDistance | None:
    """Return the distances from ``geometry`` (EPSG:4326) to NATO territory on date ``on``, and its relation.

    :func:`distance_to_alliance` for NATO (see it for the parameters).
    """
    return distance_to_alliance(geometry, on, "NATO", border_line=border_line)


def distance_to_alliance(
    geometry: BaseGeometry, on: dt.date, alliance: str = "NATO", *, border_line: BaseGeometry | None = None
) -> NatoDistance | None:
    """Return the distances from ``geometry`` (EPSG:4326) to an alliance's territory on ``on``, and its relation.

    Parameters
    ----------
    geometry
        A site geometry in EPSG:4326 (lon, lat).
    on
        Membership date: North Macedonia counts from 2020-03-27, Finland from 2023-04-04, Sweden from 2024-03-07.
    alliance
        ``NATO`` or ``Union State`` (:func:`geo.reference.membership.members_on`); the fields named ``nato``
        of the answer then describe that alliance's territory.
    border_line
        For a border strip, the land border it stands for (EPSG:4326 lines): the shared border with NATO is
        measured along it rather than along the strip's outline.

    Returns
    -------
    NatoDistance or None
        Distances in kilometres (geodesic, WGS84); None for an empty geometry or when no member lies
        in the reference layer.
    """
    if geometry is None or geometry.is_empty:
        return None
    countries = _metric_countries()
    nato = countries[countries["iso3"].isin(members_on(alliance, on))]
    if nato.empty:
        return None
    polygons, codes = nato.geometry.values, [str(c) for c in nato["iso3"]]
    site = to_metric(geometry)
    centre = to_metric(geometry.point_on_surface())
    measured_from = "point" if geometry.geom_type == "Point" else "nearest point of the area"
    centre_planar, centre_hits, centre_parts = _nearest(centre, polygons)
    centre_iso3 = codes[centre_hits[0]]
    if centre_planar == 0.0:
        return NatoDistance(0.0, centre_iso3, measured_from, 0.0, centre_iso3, "inside", 0.0)
    centre_km = _geodesic_to(centre, centre_parts[centre_hits[0]])
    is_point = geometry.geom_type == "Point"
    planar, hits, parts = (centre_planar, centre_hits, centre_parts) if is_point else _nearest(site, polygons)
    if planar > CONTACT_TOLERANCE_M or is_point:
        km = _geodesic_to(site, parts[hits[0]])
        return NatoDistance(km, codes[hits[0]], measured_from, centre_km, centre_iso3, "outside", 0.0)
    x0, y0, x1, y1 = site.bounds
    reach = 2 * CONTACT_TOLERANCE_M  # members within the tolerance of the site lie in this window
    nearby = shapely.clip_by_rect(polygons, x0 - reach, y0 - reach, x1 + reach, y1 + reach)
    first, near = codes[hits[0]], np.flatnonzero(shapely.dwithin(site, nearby, CONTACT_TOLERANCE_M))
    touching = sorted({codes[i] for i in near} - {first})
    line = site.boundary if border_line is None or border_line.is_empty else to_metric(border_line)
    relation, shared_km, member, touch = _relation(site, line, [first, *touching])
    return NatoDistance(0.0, member, measured_from, centre_km, centre_iso3, relation, shared_km, touch)
