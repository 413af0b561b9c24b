"""Area rules: turn vague report wording into documented polygons computed from the reference geometry.

Every rule is a function of the reference layers and a few settings, never a hand-drawn shape:

* **Border strip** — "the border with Ukraine", "the southern border", "parts of Belarus that border
  Poland and Lithuania": the part of the country within ``border_strip_depth_km`` of its shared land
  border with the named (or compass-selected) neighbours. Buffers are computed in EPSG:3035 (metres).
* **Interior** — "the interior of the country": the country's territory at least
  ``interior_min_depth_km`` from every land border.
* **Compass regions** — "western Belarus", "southern Lithuania", "SE Estonia", "the eastern and central
  part of the country": bands of the country's own extent, the same rule for every country
  (:func:`compass_region`), never whole admin-1 regions (a border oblast would carry its NATO border
  into "the east").

All results are EPSG:4326 (lon, lat) shapely geometries.
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.crs import to_metric, to_storage
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

#: Compass regions divide the country's bounding box, in metres in a Lambert azimuthal equal-area
#: projection centred on the country (:func:`local_metric_crs`), into thirds along each axis:
#: "east" is the eastern third of the country's east-west extent, "north" the northern third,
#: "north-east" the north-eastern corner cell of the 3 x 3 grid. A third is the coarsest split that
#: keeps "eastern" apart from "central" and "western"; reports give no more. "Centre" is the disk
#: around the country's centroid that fits inside a middle third both ways (radius: a sixth of the
#: smaller extent): "central" means near the centre in every direction, and a square cell's corners
#: would reach 41 % further diagonally than its sides.
COMPASS_BAND_FRACTION = 1.0 / 3.0
#: Cells (column, row) of the 3 x 3 grid that each compass word selects; column 0 is west, row 0 south.
COMPASS_CELLS: dict[str, tuple[tuple[int, int], ...]] = {
    "west": ((0, 0), (0, 1), (0, 2)),
    "east": ((2, 0), (2, 1), (2, 2)),
    "south": ((0, 0), (1, 0), (2, 0)),
    "north": ((0, 2), (1, 2), (2, 2)),
    "south-west": ((0, 0),),
    "south-east": ((2, 0),),
    "north-west": ((0, 2),),
    "north-east": ((2, 2),),
}
#: Radius of "the centre" as a fraction of the smaller of the country's two extents.
CENTRE_RADIUS_FRACTION = COMPASS_BAND_FRACTION / 2.0


@cache
def border_azimuths(country: str) -> dict[str, float]:
    """Return, for each land neighbour of ``country``, the geodesic azimuth (degrees) to their border.

    The azimuth runs from the country's centroid (computed in EPSG:3035) to the point of the shared
    border line nearest its own centroid.
    """
    borders = layer("borders")
    rows = borders[(borders["left_iso3"] == country) | (borders["right_iso3"] == country)]
    centre = to_storage(to_metric(country_polygon(country).iloc[0]).centroid)
    out: dict[str, float] = {}
    for neighbour in sorted(set(rows["left_iso3"]) | set(rows["right_iso3"]) - {country}):
        line = to_metric(shared_border(country, (neighbour,)))
        if line.is_empty:
            continue
        mid = to_storage(line.interpolate(line.project(line.centroid)))
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
    territory = to_metric(country_polygon(country).iloc[0])
    strip = territory.intersection(to_metric(line).buffer(depth_km * 1000.0))
    return to_storage(shapely.make_valid(strip))


@cache
def interior(country: str, min_depth_km: float) -> BaseGeometry:
    """Return the part of ``country`` at least ``min_depth_km`` from its outline (EPSG:4326)."""
    territory = to_metric(country_polygon(country).iloc[0])
    return to_storage(shapely.make_valid(territory.buffer(-min_depth_km * 1000.0)))


@cache
def oblast_union(codes: tuple[str, ...]) -> BaseGeometry:
    """Return the union of the admin-1 regions ``codes`` (ISO 3166-2) in full detail (EPSG:4326)."""
    admin1 = layer("admin1")
    rows = admin1[admin1["iso_3166_2"].isin(codes)]
    return shapely.make_valid(shapely.union_all(rows.geometry.values))


@cache
def compass_region(country: str, directions: tuple[str, ...]) -> BaseGeometry:
    """Return the part of ``country`` that compass words name ("western", "south-east", "central").

    The country's bounding box, in metres in a Lambert azimuthal equal-area projection centred on the
    country (:func:`local_metric_crs`, so the grid's axes point true east and north there: EPSG:3035's
    axes are turned by ~16° at 30°E), is cut into a 3 x 3 grid of equal thirds of its east-west and
    north-south extent (:data:`COMPASS_BAND_FRACTION`); each direction selects the cells of
    :data:`COMPASS_CELLS`, "centre" the disk of :data:`CENTRE_RADIUS_FRACTION` of the smaller extent
    around the country's centroid, and the result is their union clipped to the country. Islands and
    exclaves count towards the extent, as they do on a map. The same rule holds for every country.

    Parameters
    ----------
    country
        ISO3 of the country.
    directions
        Compass words from :data:`COMPASS_CELLS` (unknown words are ignored), sorted for caching.

    Returns
    -------
    shapely geometry
        (Multi)Polygon in EPSG:4326; empty when no direction is known.
    """
    crs = local_metric_crs(country)
    territory = country_polygon(country).to_crs(crs).iloc[0]
    x0, y0, x1, y1 = territory.bounds
    width = (x1 - x0) * COMPASS_BAND_FRACTION
    height = (y1 - y0) * COMPASS_BAND_FRACTION
    cells = {cell for d in directions for cell in COMPASS_CELLS.get(d, ())}
    parts = [
        shapely.box(x0 + col * width, y0 + row * height, x0 + (col + 1) * width, y0 + (row + 1) * height)
        for col, row in sorted(cells)
    ]
    if "centre" in directions:
        radius_m = min(x1 - x0, y1 - y0) * CENTRE_RADIUS_FRACTION
        parts.append(territory.centroid.buffer(radius_m, quad_segs=32))
    if not parts:
        return shapely.Polygon()
    area = shapely.make_valid(territory.intersection(shapely.union_all(parts)))
    return gpd.GeoSeries([area], crs=crs).to_crs(settings.STORAGE_CRS).iloc[0]


def local_metric_crs(country: str) -> str:
    """Return a PROJ string: Lambert azimuthal equal-area (metres) centred on ``country``'s lon/lat box."""
    lon0, lat0, lon1, lat1 = country_polygon(country).total_bounds
    return f"+proj=laea +lat_0={(lat0 + lat1) / 2:.4f} +lon_0={(lon0 + lon1) / 2:.4f} +ellps=WGS84 +units=m +no_defs"


def regions_within(area: BaseGeometry, country: str, min_share: float = 0.1) -> tuple[str, ...]:
    """Return the admin-1 codes of ``country`` holding at least ``min_share`` of ``area``, sorted by code.

    Shares are areas measured in EPSG:3035. The result names the regions a compass region mostly lies
    in, for the ``admin1`` of a result; it does not define the region.
    """
    admin1 = layer("admin1")
    rows = admin1[admin1["iso3"] == country]
    metric_area = to_metric(area)
    total = metric_area.area
    if total <= 0 or rows.empty:
        return ()
    metric_rows = rows.to_crs(settings.METRIC_CRS)
    shares = metric_rows.geometry.intersection(metric_area).area / total
    keep = shares[shares >= min_share]
    return tuple(sorted(str(rows.loc[i, "iso_3166_2"]) for i in keep.index))
