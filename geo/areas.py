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
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.reference import country_polygon, layer

#: Which neighbours a compass word selects for Belarus's borders (by where the shared border lies
#: relative to Belarus: Poland west, Lithuania north-west, Latvia north, Russia east, Ukraine south).
BELARUS_COMPASS_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "west": ("POL", "LTU"),
    "north-west": ("LTU", "LVA"),
    "north": ("LVA",),
    "north-east": ("RUS",),
    "east": ("RUS",),
    "south-east": ("UKR",),
    "south": ("UKR",),
    "south-west": ("POL", "UKR"),
}

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
