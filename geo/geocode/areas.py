"""Area rules: turn vague report wording into documented polygons computed from the reference geometry.

Every rule is a function of the reference layers and a few settings, never a hand-drawn shape:

* **Border strip** — "the border with Ukraine", "the southern border", "parts of Belarus that border
  Poland and Lithuania": the part of the country within ``border_strip_depth_km`` of its shared land
  border with the named (or compass-selected) neighbours. Buffers are computed in EPSG:3035 (metres).
* **Interior** — "the interior of the country": the country's territory at least
  ``interior_min_depth_km`` from every land border.
* **Compass regions of Belarus** — "western Belarus", "the eastern and central part of the country": a
  union of whole oblasts, from :data:`BELARUS_COMPASS_OBLASTS`.

All results are EPSG:4326 (lon, lat) shapely geometries.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.reference.layers import country_polygon, layer

_GEOD = Geod(ellps="WGS84")

#: Azimuth (degrees clockwise from north) of each compass word. A neighbour lies on "the D border"
#: when the azimuth from the country's centroid to the middle of their shared border is within
#: :data:`COMPASS_HALF_WIDTH_DEG` of D. For Belarus this gives west = Poland + Lithuania, north = Latvia,
#: east = Russia, south = Ukraine (tested).
COMPASS_AZIMUTHS: dict[str, float] = {
    "north": 0.0,
    "north-east": 45.0,
    "east": 90.0,
    "south-east": 135.0,
    "south": 180.0,
    "south-west": 225.0,
    "west": 270.0,
    "north-west": 315.0,
}
COMPASS_HALF_WIDTH_DEG = 40.0

#: Which oblasts (ISO 3166-2) a compass word selects inside Belarus. "Western Belarus" = Brest +
#: Grodno; the east is the three oblasts on the Russian border; the centre is Minsk oblast and city.
BELARUS_COMPASS_OBLASTS: dict[str, tuple[str, ...]] = {
    "west": ("BY-BR", "BY-HR"),
    "north-west": ("BY-HR", "BY-VI"),
    "north": ("BY-VI",),
    "north-east": ("BY-VI",),
    "east": ("BY-VI", "BY-MA", "BY-HO"),
    "south-east": ("BY-HO",),
    "south": ("BY-BR", "BY-HO"),
    "south-west": ("BY-BR",),
    "centre": ("BY-MI", "BY-HM"),
}


@cache
def border_azimuths(country: str) -> dict[str, float]:
    """Return, for each land neighbour of ``country``, the geodesic azimuth (degrees) to their border.

    The azimuth runs from the country's centroid (computed in EPSG:3035) to the point of the shared
    border line nearest its own centroid.
    """
    borders = layer("borders")
    rows = borders[(borders["left_iso3"] == country) | (borders["right_iso3"] == country)]
    centre = _to_storage(_to_metric(country_polygon(country).iloc[0]).centroid)
    out: dict[str, float] = {}
    for neighbour in sorted(set(rows["left_iso3"]) | set(rows["right_iso3"]) - {country}):
        line = _to_metric(shared_border(country, (neighbour,)))
        if line.is_empty:
            continue
        mid = _to_storage(line.interpolate(line.project(line.centroid)))
        azimuth, _, _ = _GEOD.inv(centre.x, centre.y, mid.x, mid.y)
        out[neighbour] = float(azimuth) % 360.0
    return out


def compass_neighbours(country: str, directions: list[str]) -> tuple[str, ...]:
    """Return the neighbours of ``country`` whose shared border lies towards any of ``directions``."""
    hits = set()
    for neighbour, azimuth in border_azimuths(country).items():
        for direction in directions:
            if direction not in COMPASS_AZIMUTHS:
                continue
            delta = abs((azimuth - COMPASS_AZIMUTHS[direction] + 180.0) % 360.0 - 180.0)
            if delta <= COMPASS_HALF_WIDTH_DEG:
                hits.add(neighbour)
    return tuple(sorted(hits))


def _to_metric(geom: BaseGeometry) -> BaseGeometry:
    return gpd.GeoSeries([geom], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]


def _to_storage(geom: BaseGeometry) -> BaseGeometry:
    return gpd.GeoSeries([geom], crs=settings.METRIC_CRS).to_crs(settings.STORAGE_CRS).iloc[0]


def shared_border(country: str, neighbours: tuple[str, ...]) -> BaseGeometry:
    """Return the land border line(s) between ``country`` and any of ``neighbours`` (EPSG:4326).

    The result is empty when the countries share no land border in the reference layer.
    """
    borders = layer("borders")
    pairs = borders[
        ((borders["left_iso3"] == country) & borders["right_iso3"].isin(neighbours))
        | ((borders["right_iso3"] == country) & borders["left_iso3"].isin(neighbours))
    ]
    return shapely.union_all(pairs.geometry.values)


@cache
def border_strip(country: str, neighbours: tuple[str, ...], depth_km: float) -> BaseGeometry:
    """Return the part of ``country`` within ``depth_km`` of its land border with ``neighbours``.

    Parameters
    ----------
    country
        ISO3 of the country the strip lies in.
    neighbours
        ISO3 codes of the neighbours whose shared border the strip follows (sorted tuple).
    depth_km
        Depth of the strip, in kilometres, measured in EPSG:3035.

    Returns
    -------
    shapely geometry
        (Multi)Polygon in EPSG:4326; empty when there is no shared land border.
    """
    line = shared_border(country, neighbours)
    if line.is_empty:
        return shapely.Polygon()
    territory = _to_metric(country_polygon(country).iloc[0])
    strip = territory.intersection(_to_metric(line).buffer(depth_km * 1000.0))
    return _to_storage(shapely.make_valid(strip))


@cache
def interior(country: str, min_depth_km: float) -> BaseGeometry:
    """Return the part of ``country`` at least ``min_depth_km`` from its outline (EPSG:4326)."""
    territory = _to_metric(country_polygon(country).iloc[0])
    return _to_storage(shapely.make_valid(territory.buffer(-min_depth_km * 1000.0)))


@cache
def oblast_union(codes: tuple[str, ...]) -> BaseGeometry:
    """Return the union of the admin-1 regions ``codes`` (ISO 3166-2) in full detail (EPSG:4326)."""
    admin1 = layer("admin1")
    rows = admin1[admin1["iso_3166_2"].isin(codes)]
    return shapely.make_valid(shapely.union_all(rows.geometry.values))
