"""Distances from exercise sites to the nearest NATO member's territory, as of a given date.

The nearest pair of points is found in EPSG:3035 (metres); the distance reported is the geodesic
distance between those two points on the WGS84 ellipsoid (``pyproj.Geod``), so no distance is ever
measured in degrees. For an area site (region, border strip) the distance is from its nearest point.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.reference.layers import layer
from geo.reference.membership import members_on

_GEOD = Geod(ellps="WGS84")
_TO_METRIC = Transformer.from_crs(settings.STORAGE_CRS, settings.METRIC_CRS, always_xy=True)
_TO_STORAGE = Transformer.from_crs(settings.METRIC_CRS, settings.STORAGE_CRS, always_xy=True)


@dataclass(frozen=True)
class NatoDistance:
    """Distance from a site to NATO territory.

    Attributes
    ----------
    distance_km
        Geodesic distance in kilometres (0 when the site touches or lies in a NATO member).
    nearest_country
        ISO3 of the nearest NATO member on the date.
    measured_from
        ``point`` for point sites, ``nearest point of the area`` for polygons.
    """

    distance_km: float
    nearest_country: str
    measured_from: str


@cache
def _metric_countries() -> gpd.GeoDataFrame:
    return layer("countries")[["iso3", "geometry"]].to_crs(settings.METRIC_CRS)


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Return the WGS84 geodesic distance in kilometres between two lon/lat points."""
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


def distance_to_nato(geometry: BaseGeometry, on: dt.date) -> NatoDistance | None:
    """Return the distance from ``geometry`` (EPSG:4326) to the nearest NATO member on date ``on``.

    Parameters
    ----------
    geometry
        A site geometry in EPSG:4326 (lon, lat).
    on
        Membership date: Finland counts from 2023-04-04, Sweden from 2024-03-07.

    Returns
    -------
    NatoDistance or None
        None for an empty geometry or when no NATO member lies in the reference layer.
    """
    if geometry is None or geometry.is_empty:
        return None
    members = members_on("NATO", on)
    countries = _metric_countries()
    nato = countries[countries["iso3"].isin(members)]
    if nato.empty:
        return None
    site = shapely.transform(geometry, lambda xy: np.column_stack(_TO_METRIC.transform(xy[:, 0], xy[:, 1])))
    # The distance to a country's bounding box is a lower bound of the distance to the country, so
    # countries are measured nearest-box first and the search stops once no box can beat the best.
    polygons = nato.geometry.values
    lower_bounds = shapely.distance(site, shapely.envelope(polygons))
    best, idx = np.inf, -1
    for i in np.argsort(lower_bounds, kind="stable"):
        if lower_bounds[i] > best:
            break
        d = float(shapely.distance(site, polygons[i]))
        if d < best:
            best, idx = d, int(i)
    planar = {idx: best}
    nearest_iso3 = str(nato.iloc[idx]["iso3"])
    measured_from = "point" if geometry.geom_type == "Point" else "nearest point of the area"
    if planar[idx] == 0.0:
        return NatoDistance(0.0, nearest_iso3, measured_from)
    on_site, on_nato = shapely.ops.nearest_points(site, nato.geometry.values[idx])
    (lon1, lon2), (lat1, lat2) = _TO_STORAGE.transform([on_site.x, on_nato.x], [on_site.y, on_nato.y])
    return NatoDistance(round(geodesic_km(lon1, lat1, lon2, lat2), 1), nearest_iso3, measured_from)
