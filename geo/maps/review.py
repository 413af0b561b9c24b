"""The review page's small offline maps: a draft event's locations, and the exercises accepted in a session.

Built on :func:`geo.maps.offline.make_map` (vendored assets only) over a light basemap of the
countries around Belarus and Belarus's oblasts. Every label passes through
:func:`geo.maps.offline.folium_text` (escaped, never evaluated as a template). Axis order: shapely and
GeoJSON are (lon, lat); folium gets (lat, lon) from :mod:`geo.core.crs` only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any

import folium
from shapely.geometry import box, mapping
from shapely.geometry.base import BaseGeometry

from geo.catalog.schema import Exercise
from geo.core.crs import bounds_latlon, latlon, to_latlon
from geo.extract.draft import DraftPlace
from geo.extract.places import geocode_cached
from geo.maps.offline import folium_text, make_map
from geo.reference.layers import layer

#: Centre of the small maps before they fit their places: central Belarus (lon, lat; degrees WGS84).
REVIEW_CENTER_LONLAT = (27.9, 53.7)
#: Zoom of the small maps before they fit their places, and the closest they fit to.
REVIEW_ZOOM = 5
REVIEW_MAX_ZOOM = 8
#: Map colours by role: a site, or a place the exercise was only planned for.
ROLE_COLOURS = {"site": "#c0392b", "planned": "#7f8c8d"}
#: Polygons are simplified for the small maps (degrees, about 500 m): the page stays light.
MAP_SIMPLIFY_DEG = 0.005
#: Area of the small maps' basemap (west, south, east, north; degrees) and its simplification tolerance.
BASEMAP_BOUNDS = (12.0, 44.0, 44.0, 61.0)
BASEMAP_SIMPLIFY_DEG = 0.03

Bounds = tuple[float, float, float, float]


def _add_place(m: folium.Map, geometry: BaseGeometry, label: str, role: str, radius_km: float | None) -> None:
    colour = ROLE_COLOURS.get(role, ROLE_COLOURS["site"])
    tooltip = folium.Tooltip(folium_text(label))
    if geometry.geom_type == "Point":
        folium.CircleMarker(
            latlon(geometry),
            radius=7,
            color=colour,
            fill=True,
            fill_opacity=0.8,
            tooltip=tooltip,
        ).add_to(m)
        if radius_km:
            folium.Circle(latlon(geometry), radius=radius_km * 1000, color=colour, weight=1, fill=False).add_to(m)
    else:
        shape = geometry.simplify(MAP_SIMPLIFY_DEG, preserve_topology=True)
        style = {"color": colour, "weight": 1, "fillColor": colour, "fillOpacity": 0.25}
        folium.GeoJson(mapping(shape), style_function=lambda _f, s=style: s, tooltip=tooltip).add_to(m)


@cache
def _basemap() -> tuple[dict[str, Any], dict[str, Any]]:
    """Country outlines around Belarus and Belarus's oblasts, light enough for a small map (GeoJSON, lon/lat)."""
    area = box(*BASEMAP_BOUNDS)
    countries = layer("countries_display")
    countries = countries[countries.intersects(area)].copy()
    countries["geometry"] = countries.geometry.intersection(area).simplify(BASEMAP_SIMPLIFY_DEG)
    oblasts = layer("admin1_display")
    oblasts = oblasts[oblasts["iso3"] == "BLR"].copy()
    oblasts["geometry"] = oblasts.geometry.simplify(BASEMAP_SIMPLIFY_DEG / 3)
    return (
        json.loads(countries[["name", "geometry"]].to_json()),
        json.loads(oblasts[["name", "geometry"]].to_json()),
    )


def _small_map(height: int) -> folium.Map:
    m = make_map(location=to_latlon(*REVIEW_CENTER_LONLAT), zoom_start=REVIEW_ZOOM, height=height, control_scale=True)
    countries, oblasts = _basemap()
    folium.GeoJson(
        countries,
        name="countries",
        style_function=lambda _f: {"color": "#888", "weight": 1, "fillColor": "#f2efe9", "fillOpacity": 1},
        interactive=False,
    ).add_to(m)
    folium.GeoJson(
        oblasts,
        name="oblasts",
        style_function=lambda _f: {"color": "#bbb", "weight": 0.6, "dashArray": "3", "fill": False},
        interactive=False,
    ).add_to(m)
    return m


def _fit(m: folium.Map, bounds: list[Bounds]) -> None:
    """Fit the map to the union of shapely-order bounds (west, south, east, north)."""
    if bounds:
        union = (
            min(b[0] for b in bounds),
            min(b[1] for b in bounds),
            max(b[2] for b in bounds),
            max(b[3] for b in bounds),
        )
        m.fit_bounds([list(corner) for corner in bounds_latlon(*union)], padding=(20, 20), max_zoom=REVIEW_MAX_ZOOM)


def locations_map(locations: Iterable[DraftPlace], *, height: int = 320) -> folium.Map:
    """Return a small offline map of a draft event's resolved locations (unresolved ones are listed, not drawn)."""
    m = _small_map(height)
    bounds: list[Bounds] = []
    for loc in locations:
        if not loc.resolved:
            continue
        geometry = geocode_cached(loc.phrase, loc.country_context).geometry
        if geometry is None:
            continue
        label = f"{loc.text} — {loc.kind or ''}{', ' + loc.admin1 if loc.admin1 else ''}"
        _add_place(m, geometry, label, loc.role or "site", loc.precision_km)
        bounds.append(geometry.bounds)
    _fit(m, bounds)
    return m


def exercises_map(exercises: Iterable[Exercise], *, height: int = 360) -> folium.Map:
    """Return a small offline map of the sites of stored exercises (the ones accepted this session)."""
    m = _small_map(height)
    bounds: list[Bounds] = []
    for exercise in exercises:
        for site in exercise.sites:
            result = geocode_cached(site.resolve_as or site.place, site.country)
            if result.geometry is None:
                continue
            _add_place(m, result.geometry, f"{exercise.name}: {site.place}", site.role, result.precision_km)
            bounds.append(result.geometry.bounds)
    _fit(m, bounds)
    return m
