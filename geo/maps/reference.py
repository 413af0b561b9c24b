"""Reference geometry for the map, prepared once per process and kept small.

The committed display layers (``*_display.geojson``) are already simplified, but they still cover the
whole of Russia and carry full-precision coordinates. For the map they are clipped to
:data:`VIEW_BBOX`, simplified in EPSG:3035 (metres) and rounded to :data:`DISPLAY_DECIMALS` decimals,
which keeps the default map well under 1.5 MB. Distances (rings) are buffers in EPSG:3035 metres,
never degrees.

Everything here returns plain GeoJSON mappings (lon, lat order) ready for the map's data store.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry

from geo.core import derived, settings
from geo.core.crs import to_latlon
from geo.core.values import text_or_empty
from geo.reference.borders import facing_lines
from geo.reference.layers import layer, table
from geo.reference.membership import members_on

__all__ = [
    "CENTRE_LABELS_MIN_ZOOM",
    "DISPLAY_DECIMALS",
    "VIEW_BBOX",
    "Label",
    "ReferenceLayers",
    "border_rings",
    "display_geometry",
    "feature_collection",
    "nato_facing_border",
    "reference_layers",
    "round_geometry",
    "site_rings",
]

#: Area the reference layers are clipped to (lon_min, lat_min, lon_max, lat_max): the Baltic to the Volga,
#: the Barents Sea to the Black Sea; every site of the catalog lies inside.
VIEW_BBOX: tuple[float, float, float, float] = (10.0, 41.0, 60.0, 71.5)
#: Decimals kept in map coordinates: 3 decimals is about 100 m, below one pixel at the zooms the map is
#: read at (a pixel is about 1.5 km at zoom 6 and 150 m at zoom 10 at 53° N).
DISPLAY_DECIMALS = 3
#: Simplification tolerance of country outlines, water and border lines on the map (metres, EPSG:3035).
SIMPLIFY_M = 500.0
#: Leaflet zoom from which Belarus's oblast centres are named at their points: closer than the opening view
#: (6-7), where a view around one city (zoom 8 is about 250 km across) often holds no oblast label.
CENTRE_LABELS_MIN_ZOOM = 8
#: Countries named on the map: Belarus, its neighbours and the states of NATO's north-eastern flank.
LABELLED_COUNTRIES: frozenset[str] = frozenset(
    {"BLR", "POL", "LTU", "LVA", "EST", "FIN", "SWE", "NOR", "RUS", "UKR", "MDA", "ROU", "SVK", "HUN", "CZE", "DEU"}
)


@dataclass(frozen=True)
class Label:
    """A text label placed on the map (unescaped text, WGS84)."""

    text: str
    lat: float
    lon: float

    @classmethod
    def at(cls, text: str, lon: float, lat: float) -> Label:
        """Return a label at shapely-order ``(lon, lat)``, rounded to about 100 m."""
        lat_, lon_ = to_latlon(lon, lat)
        return cls(text, round(lat_, 3), round(lon_, 3))


@dataclass(frozen=True)
class ReferenceLayers:
    """The map's reference layers as GeoJSON FeatureCollections (EPSG:4326, rounded).

    Attributes
    ----------
    countries
        Country polygons, properties ``iso3`` and ``name``; clipped to :data:`VIEW_BBOX`, so draw them
        without an outline.
    country_lines
        Country outlines as lines, property ``iso3``: each country's boundary clipped to the view area,
        so the cut edges of the clipped polygons are never drawn as borders.
    oblasts
        Belarus's six oblasts and Minsk city, properties ``name`` and ``code``.
    rivers, lakes
        Water lines and polygons, property ``name``.
    country_labels, oblast_labels
        Where the names go.
    capital_labels, city_labels
        National capitals and key cities (``data/places/reference_places.csv``, the briefing map's
        places: :func:`geo.reference.build.build_reference_places`), each at its point. Belarus's oblast
        centres are left out: the oblasts are named after them already.
    centre_labels
        Belarus's oblast centres (Brest, Grodno …), each at its point, for views closer than the oblast labels:
        the map shows them from :data:`CENTRE_LABELS_MIN_ZOOM` on, where an oblast's label is often out of view.
    """

    countries: dict[str, Any]
    country_lines: dict[str, Any]
    oblasts: dict[str, Any]
    rivers: dict[str, Any]
    lakes: dict[str, Any]
    country_labels: tuple[Label, ...]
    oblast_labels: tuple[Label, ...]
    capital_labels: tuple[Label, ...] = ()
    city_labels: tuple[Label, ...] = ()
    centre_labels: tuple[Label, ...] = ()

    def iso3_codes(self) -> frozenset[str]:
        """Return the ISO3 codes of the countries on the map."""
        return frozenset(f["properties"]["iso3"] for f in self.countries["features"])


def round_geometry(geom: BaseGeometry, decimals: int = DISPLAY_DECIMALS) -> BaseGeometry:
    """Round every coordinate of ``geom`` to ``decimals`` decimals (for display only; may touch validity)."""
    return shapely.transform(geom, lambda xy: np.round(xy, decimals))


def display_geometry(
    geoms: gpd.GeoSeries, *, tolerance_m: float = SIMPLIFY_M, clip: bool = True
) -> list[BaseGeometry | None]:
    """Simplify (in EPSG:3035 metres), clip to :data:`VIEW_BBOX` and round geometries for the map.

    Parameters
    ----------
    geoms
        Geometries with a CRS (any; they are projected to EPSG:3035 and back).
    tolerance_m
        Topology-preserving simplification tolerance in metres (0 keeps every vertex).
    clip
        Whether to clip to :data:`VIEW_BBOX`.

    Returns
    -------
    list
        One geometry (EPSG:4326, rounded) or None (empty after clipping) per input, in order.
    """
    if geoms.crs is None:
        msg = "display_geometry needs geometries with a CRS"
        raise ValueError(msg)
    out = geoms
    if tolerance_m > 0:
        out = geoms.to_crs(settings.METRIC_CRS).simplify(tolerance_m, preserve_topology=True)
    out = out.to_crs(settings.STORAGE_CRS)
    values = out.values
    if clip:
        values = shapely.intersection(values, box(*VIEW_BBOX))
    result: list[BaseGeometry | None] = []
    for geom in values:
        result.append(None if geom is None or geom.is_empty else round_geometry(geom))
    return result


def feature_collection(geoms: Iterable[BaseGeometry | None], properties: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the non-empty geometries with their properties."""
    features = [
        {"type": "Feature", "properties": props, "geometry": mapping(geom)}
        for geom, props in zip(geoms, properties, strict=True)
        if geom is not None and not geom.is_empty
    ]
    return {"type": "FeatureCollection", "features": features}


def _clean_name(value: Any) -> str:
    return text_or_empty(value)


def _in_view(lat: float, lon: float) -> bool:
    lon_min, lat_min, lon_max, lat_max = VIEW_BBOX
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max


def _border_lines(polygons: gpd.GeoSeries) -> gpd.GeoSeries:
    """Return the polygons' boundaries without any part along the edges of :data:`VIEW_BBOX`.

    The committed layer is itself cut at 10° E (the view's west edge): those cut edges, like the view's
    other edges, are not borders. Clipping the remaining lines to the view (:func:`display_geometry`)
    adds no edge, unlike clipping polygons.
    """
    edges = shapely.buffer(box(*VIEW_BBOX).boundary, 1e-6)
    return gpd.GeoSeries(shapely.difference(polygons.boundary.values, edges), crs=polygons.crs)


def _place_labels(rank: int) -> tuple[Label, ...]:
    """Return the reference places of ``rank`` (0 capitals, 1 Belarus's oblast centres, 2 key cities) in view."""
    places = table("reference_places")
    chosen = places[places["rank"].astype(int) == rank]
    lons, lats = chosen["longitude"].astype(float).tolist(), chosen["latitude"].astype(float).tolist()
    return tuple(
        Label.at(str(name), lon, lat)
        for name, lon, lat in zip(chosen["name"], lons, lats, strict=True)
        if _in_view(lat, lon)
    )


def _centre_labels(oblasts: gpd.GeoDataFrame) -> tuple[Label, ...]:
    """Belarus's oblast centres (rank 1) at their points, named as their oblast (Grodno, not Natural Earth's Hrodna)."""
    places = table("reference_places")
    chosen = places[places["rank"].astype(int) == 1]
    labels = []
    for lon, lat in zip(chosen["longitude"].astype(float), chosen["latitude"].astype(float), strict=True):
        holding = oblasts[oblasts.geometry.contains(shapely.Point(lon, lat)) & (oblasts["iso_3166_2"] != "BY-HM")]
        if len(holding):
            labels.append(Label.at(_clean_name(str(holding["name"].iloc[0])), lon, lat))
    return tuple(labels)


_REFERENCE_LOCK = threading.Lock()


def reference_layers() -> ReferenceLayers:
    """Return the prepared reference layers, computed once per process; concurrent first callers wait for it.

    The dashboard prepares them in a thread while its first session waits for the catalog
    (:func:`pages.common.state.prepare_reference_early`); a session arriving meanwhile must get that copy,
    not build a second one (the maps' coded layers are kept per collection object).
    """
    with _REFERENCE_LOCK:
        return _reference_layers()


@cache
def _reference_layers() -> ReferenceLayers:
    """Return the prepared reference layers, read from the derived cache when code and data are unchanged.

    Building them (clipping, simplifying, rounding) takes one to three seconds of the first visit's map;
    ``python -m geo prepare`` writes them (:func:`geo.core.derived.prepared`, keyed by the code, the
    reference data and the settings) and a server reads them back, exactly: GeoJSON and labels are JSON.
    """
    return _decode(derived.prepared("map_reference", lambda: _encode(_build_reference_layers())))


_LABEL_FIELDS = ("country_labels", "oblast_labels", "capital_labels", "city_labels", "centre_labels")


def _encode(layers: ReferenceLayers) -> dict[str, Any]:
    """Return a JSON value holding ``layers``: collections as they are, labels as [text, lat, lon]."""
    out: dict[str, Any] = {}
    for f in fields(layers):
        value = getattr(layers, f.name)
        out[f.name] = [[lb.text, lb.lat, lb.lon] for lb in value] if f.name in _LABEL_FIELDS else value
    return out


def _decode(value: dict[str, Any]) -> ReferenceLayers:
    """Return the :class:`ReferenceLayers` :func:`_encode` wrote (coordinates come back as lists, not tuples)."""
    kept: dict[str, Any] = {f.name: value[f.name] for f in fields(ReferenceLayers)}
    for name in _LABEL_FIELDS:
        kept[name] = tuple(Label(str(text), float(lat), float(lon)) for text, lat, lon in value[name])
    return ReferenceLayers(**kept)


def _build_reference_layers() -> ReferenceLayers:
    """Build the prepared reference layers (see :func:`reference_layers`).

    Returns
    -------
    ReferenceLayers
        Countries, Belarus's oblasts, rivers and lakes, clipped to :data:`VIEW_BBOX`, simplified and
        rounded, with label positions.
    """
    countries = layer("countries_display")
    country_geoms = display_geometry(countries.geometry)
    country_props = [{"iso3": r.iso3, "name": _clean_name(r.name)} for r in countries.itertuples()]
    line_geoms = display_geometry(_border_lines(countries.geometry))
    country_labels = tuple(
        Label.at(_clean_name(r.name), float(r.label_lon), float(r.label_lat))
        for r, geom in zip(countries.itertuples(), country_geoms, strict=True)
        if geom is not None and r.iso3 in LABELLED_COUNTRIES and _in_view(float(r.label_lat), float(r.label_lon))
    )

    admin1 = layer("admin1_display")
    oblasts = admin1[admin1["iso3"] == "BLR"]
    oblast_geoms = display_geometry(oblasts.geometry, tolerance_m=SIMPLIFY_M / 2)
    oblast_props = [{"name": _clean_name(r.name), "code": r.iso_3166_2} for r in oblasts.itertuples()]
    oblast_labels = tuple(
        Label.at(_clean_name(r.name), p.x, p.y)
        for r, p in zip(oblasts.itertuples(), oblasts.geometry.representative_point(), strict=True)
        if r.iso_3166_2 != "BY-HM"  # Minsk city sits inside Minsk oblast: its label would sit on top
    )

    rivers = layer("rivers")
    lakes = layer("lakes")
    return ReferenceLayers(
        countries=feature_collection(country_geoms, country_props),
        country_lines=feature_collection(line_geoms, ({"iso3": r.iso3} for r in countries.itertuples())),
        oblasts=feature_collection(oblast_geoms, oblast_props),
        rivers=feature_collection(
            display_geometry(rivers.geometry), ({"name": _clean_name(n)} for n in rivers["name"])
        ),
        lakes=feature_collection(display_geometry(lakes.geometry), ({"name": _clean_name(n)} for n in lakes["name"])),
        country_labels=country_labels,
        oblast_labels=oblast_labels,
        capital_labels=_place_labels(0),
        city_labels=_place_labels(2),
        centre_labels=_centre_labels(oblasts),
    )


def nato_facing_border(on: dt.date) -> dict[str, Any]:
    """Return NATO members' land borders with Belarus and Russia on date ``on`` as a FeatureCollection.

    Parameters
    ----------
    on
        Membership date (Finland from 2023-04-04, Sweden from 2024-03-07; Sweden has no land border
        with either, Finland's appears from its accession).

    Returns
    -------
    dict
        Lines (EPSG:4326, simplified, rounded) with properties ``nato`` (the member's ISO3) and ``other``.
    """
    members = frozenset(members_on("NATO", on))
    return _facing_collection(members)


@lru_cache(maxsize=16)
def _facing_collection(members: frozenset[str]) -> dict[str, Any]:
    lines = facing_lines(members)
    props = [{"nato": nato, "other": other} for nato, other in zip(lines["nato"], lines["other"], strict=True)]
    return feature_collection(display_geometry(lines.geometry), props)


@lru_cache(maxsize=16)
def _nato_territory_metric(members: frozenset[str]) -> BaseGeometry:
    countries = layer("countries_display")
    nato = countries[countries["iso3"].isin(members)].to_crs(settings.METRIC_CRS)
    return shapely.union_all(nato.geometry.values)


def _ring_geometries(
    metric_source: BaseGeometry, distances_km: tuple[float, ...], minus: BaseGeometry | None
) -> list[tuple[float, BaseGeometry]]:
    rings = []
    for km in distances_km:
        # The ring is the line at that distance: the buffer's outline, less what runs inside ``minus`` (NATO's
        # territory). A zone's outline would also follow the border itself, where a label would read "200 km".
        line = shapely.boundary(shapely.buffer(metric_source, km * 1000.0, quad_segs=16))
        if minus is not None:
            line = shapely.difference(line, minus)
        rings.append((km, line))
    series = gpd.GeoSeries([g for _, g in rings], crs=settings.METRIC_CRS)
    shown = display_geometry(series, tolerance_m=1000.0)
    return [(km, g) for (km, _), g in zip(rings, shown, strict=True) if g is not None]


def border_rings(on: dt.date, distances_km: tuple[float, ...]) -> list[tuple[float, BaseGeometry]]:
    """Return the lines at each distance from NATO's land border with Belarus/Russia, outside NATO.

    Parameters
    ----------
    on
        Membership date.
    distances_km
        Ring distances in kilometres (e.g. ``(50, 100, 200)``).

    Returns
    -------
    list of (km, geometry)
        Outlines of buffers of the facing border lines computed in EPSG:3035 metres, less their parts in
        NATO territory, in EPSG:4326 (simplified to 1 km, rounded). Empty when no member borders Belarus or
        Russia.
    """
    members = frozenset(members_on("NATO", on))
    rings = (_border_ring(members, float(km)) for km in sorted(distances_km))
    return [ring for ring in rings if ring is not None]


@lru_cache(maxsize=16)
def _facing_metric(members: frozenset[str]) -> BaseGeometry | None:
    lines = facing_lines(members)
    if lines.empty:
        return None
    return shapely.union_all(lines.to_crs(settings.METRIC_CRS).geometry.values)


@lru_cache(maxsize=64)
def _border_ring(members: frozenset[str], km: float) -> tuple[float, BaseGeometry] | None:
    """One ring along the facing border, kept per membership and distance (50/100 reuse 50/100/200's rings)."""
    metric = _facing_metric(members)
    if metric is None:
        return None
    found = _ring_geometries(metric, (km,), _nato_territory_metric(members))
    return found[0] if found else None


def site_rings(geometry: BaseGeometry, distances_km: tuple[float, ...]) -> list[tuple[float, BaseGeometry]]:
    """Return the lines at each distance around one site geometry, computed in EPSG:3035 metres.

    Parameters
    ----------
    geometry
        The site (EPSG:4326, lon/lat): a point or an area.
    distances_km
        Ring distances in kilometres.

    Returns
    -------
    list of (km, geometry)
        Outlines of buffers in EPSG:4326 (simplified to 1 km, rounded), smallest first.
    """
    metric = gpd.GeoSeries([geometry], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]
    return _ring_geometries(metric, tuple(sorted(distances_km)), None)
