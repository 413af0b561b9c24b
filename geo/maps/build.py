"""The Drillmap map: exercise sites beside NATO's borders, as a :class:`folium.Map`. No Streamlit here.

:func:`build_map` takes the (already filtered) sites frame and returns a map that renders offline
(vendored Leaflet, see :mod:`geo.maps.offline`), with, each in the layer control:

* NATO members as of the end of the period, and their land borders with Belarus and Russia as a
  distinct line; CSTO members; the Union State; Belarus's oblasts with labels; rivers and lakes;
* the exercise sites, one layer per alliance, each with its own colour (3:1 contrast, see
  :mod:`geo.core.symbology`) and marker shape,
  drawn by precision (see :mod:`geo.maps.sites`): a point site as a dot with its uncertainty circle, a
  region, border strip or country as a translucent polygon, so a vague place never looks precise;
* optional distance rings around a site or along NATO's border, buffered in EPSG:3035 metres;

plus a legend, a scale bar and the data credits. The basemap is vector and bundled (countries, oblasts,
water); OpenStreetMap tiles are opt-in and, if they fail to load, the map says so
(:class:`geo.maps.tile_notice.TileErrorNotice`) and nothing else is affected.

Every coordinate handed to folium goes through :func:`geo.core.crs.latlon`; GeoJSON stays (lon, lat).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from typing import Any, Final

import folium
import geopandas as gpd
import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from geo.catalog.sites import located
from geo.core.errors import FilterError
from geo.core.symbology import (
    ALLIANCE_COLORS,
    AREA_FILL_OPACITY,
    CSTO_FILL,
    CSTO_FILL_OPACITY,
    LAND_FILL,
    NATO_FILL,
    NATO_FILL_OPACITY,
    NATO_LINE,
    UNION_LINE,
    alliance_color,
    alliance_marker,
    ordered_alliances,
)
from geo.maps.controls import (
    MAP_CSS,
    Attribution,
    Labels,
    Legend,
    StyleSheet,
    ViewControl,
    legend_html,
    marker_path,
    swatch,
)
from geo.maps.datastore import DataStore, LayerData, empty_geojson
from geo.maps.offline import VENDOR_IFRAME_BASE, make_map
from geo.maps.reference import CENTRE_LABELS_MIN_ZOOM as CENTRE_ZOOM
from geo.maps.reference import (
    VIEW_BBOX,
    Label,
    ReferenceLayers,
    border_rings,
    nato_facing_border,
    reference_layers,
    site_rings,
)
from geo.maps.selection_layers import SelectionMark
from geo.maps.site_index import AllianceSites, SiteCluster, SiteIndex
from geo.maps.sites import SiteTables, site_key, site_tables
from geo.maps.tile_notice import TileErrorNotice
from geo.maps.view import map_view, sites_bounds
from geo.reference.membership import members_on

__all__ = [
    "ALLIANCE_COLORS",
    "DEFAULT_RINGS_KM",
    "EXERCISE_LINK_BASE",
    "NATO_BORDER",
    "DistanceRings",
    "MapOptions",
    "build_map",
    "distance_rings",
    "ring_site_choices",
    "sites_bounds",
]

#: Distance rings offered by the dashboard (km).
DEFAULT_RINGS_KM: Final[tuple[int, ...]] = (50, 100, 200)
#: The Exercises page as seen from streamlit-folium's iframe (``/component/streamlit_folium.st_folium/``),
#: like :data:`geo.maps.offline.VENDOR_IFRAME_BASE`: popups link each exercise to ``<this>?exercise=<id>``.
EXERCISE_LINK_BASE: Final = "../../exercises"
#: ``MapOptions.ring_center`` value for rings along NATO's land border with Belarus and Russia.
NATO_BORDER: Final = "nato"
_SITE_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*:\d{1,4}$")
#: Where the labels of the rings along NATO's border go: as close to Minsk as each ring comes.
MINSK: Final = Point(27.56, 53.90)

#: Zoom limits of the map: from the region to a few km (the last zoom spiderfies places shared by alliances).
_MIN_ZOOM: Final = 5
_MAX_ZOOM: Final = 13

# Leaflet panes, bottom to top (tiles are at 200, Leaflet's overlay pane at 400, markers at 600).
_PANES: Final[tuple[tuple[str, int, bool], ...]] = (
    ("dm-basemap", 210, False),
    ("dm-territory", 220, False),
    ("dm-water", 230, False),
    ("dm-admin", 240, False),
    ("dm-border", 260, False),
    ("dm-area-fill", 402, False),  # opaque fills, seen through the pane's opacity (AREA_FILL_OPACITY)
    ("dm-areas", 405, True),
    ("dm-uncertainty", 410, False),
    ("dm-rings", 415, False),  # above the translucent site areas, which would hide them
    ("dm-labels", 420, False),
)  # place symbols and clusters are markers: Leaflet's marker pane (600), above all of these


@dataclass(frozen=True)
class MapOptions:
    """How the map is drawn (the sites themselves come filtered).

    Attributes
    ----------
    tiles
        Add OpenStreetMap tiles (online; off by default: the bundled vector basemap needs no network).
    rings_km
        Distance rings to draw, in kilometres (empty: none).
    ring_center
        :data:`NATO_BORDER` for rings along NATO's land border with Belarus/Russia, or a site key
        (:func:`geo.maps.sites.site_key`) for rings around that site; ignored without ``rings_km``.
    labels
        Write country and oblast names.
    """

    tiles: bool = False
    rings_km: tuple[int, ...] = ()
    ring_center: str | None = None
    labels: bool = True

    def __post_init__(self) -> None:
        """Validate the rings."""
        bad = [km for km in self.rings_km if not 0 < km <= 1000]
        if bad:
            msg = f"ring distances must be between 1 and 1000 km, got {bad[0]!r}"
            raise FilterError(msg)
        if self.ring_center not in (None, NATO_BORDER) and not _SITE_KEY.match(self.ring_center):
            msg = f"ring centre must be {NATO_BORDER!r} or a site key like 'zapad-2021:0', got {self.ring_center!r}"
            raise FilterError(msg)


def _geojson(parent: Any, *, pane: str, style: dict[str, Any], smooth: float = 1.0) -> folium.GeoJson:
    """Add an empty, non-interactive GeoJson layer with a constant style to ``parent`` (filled by LayerData)."""
    layer = folium.GeoJson(
        empty_geojson(), control=False, smooth_factor=smooth, pane=pane, interactive=False, style=style
    )
    layer.add_to(parent)
    return layer


def _feed(layer: folium.GeoJson, store: DataStore, collection: str, prop: str | None = None, values: Any = ()) -> None:
    LayerData(store, "collection", [collection, prop, sorted(values)]).add_to(layer)


def _swatch_label(colour: str, text: str, marker: str | None = None) -> str:
    if marker is not None:  # a site layer: the alliance's symbol, as drawn
        return f'<span class="dm-sw dm-sw-shape">{swatch(colour, marker=marker, fill_opacity=1)}</span>{escape(text)}'
    return f'<span class="dm-sw" style="background:{escape(colour)}"></span>{escape(text)}'


def _outlined(
    group: folium.FeatureGroup,
    store: DataStore,
    iso3: frozenset[str],
    *,
    fill: dict[str, Any] | None,
    line: dict[str, Any],
) -> None:
    """Fill countries (no stroke: their polygons are clipped) and outline them from their boundary lines."""
    if fill is not None:
        _feed(_geojson(group, pane="dm-territory", style={**fill, "stroke": False}), store, "countries", "iso3", iso3)
    _feed(_geojson(group, pane="dm-territory", style={**line, "fill": False}), store, "country_lines", "iso3", iso3)


def _add_territory(
    m: folium.Map, store: DataStore, ref: ReferenceLayers, period_end: dt.date
) -> dict[str, frozenset[str]]:
    on_map = ref.iso3_codes()
    nato = frozenset(members_on("NATO", period_end)) & on_map
    csto = frozenset(members_on("CSTO", period_end)) & on_map
    union = frozenset(members_on("Union State", period_end)) & on_map
    when = period_end.isoformat()

    group = folium.FeatureGroup(name=_swatch_label(NATO_FILL, f"NATO members on {when}"), overlay=True)
    fill = {"fillColor": NATO_FILL, "fillOpacity": NATO_FILL_OPACITY}
    _outlined(group, store, nato, fill=fill, line={"color": NATO_LINE, "weight": 0.8, "opacity": 0.6})
    group.add_to(m)

    group = folium.FeatureGroup(name=_swatch_label(NATO_LINE, "NATO land border with Belarus/Russia"), overlay=True)
    casing = _geojson(group, pane="dm-border", style={"color": "#ffffff", "weight": 6, "opacity": 0.9})
    line = _geojson(group, pane="dm-border", style={"color": NATO_LINE, "weight": 3, "opacity": 1.0})
    _feed(casing, store, "facing")
    _feed(line, store, "facing")
    group.add_to(m)

    group = folium.FeatureGroup(name=_swatch_label(CSTO_FILL, f"CSTO members on {when}"), overlay=True)
    fill = {"fillColor": CSTO_FILL, "fillOpacity": CSTO_FILL_OPACITY}
    _outlined(group, store, csto, fill=fill, line={"color": CSTO_FILL, "weight": 0.8, "opacity": 0.7})
    group.add_to(m)

    group = folium.FeatureGroup(name=_swatch_label(UNION_LINE, "Union State (Russia–Belarus)"), overlay=True)
    union_line = {"color": UNION_LINE, "weight": 2, "opacity": 0.9, "dashArray": "7 5"}
    _outlined(group, store, union, fill=None, line=union_line)
    group.add_to(m)
    return {"NATO": nato, "CSTO": csto, "Union State": union}


def _add_reference(m: folium.Map, store: DataStore, ref: ReferenceLayers, options: MapOptions) -> None:
    group = folium.FeatureGroup(name="Rivers and lakes", overlay=True)
    lakes = _geojson(
        group, pane="dm-water", style={"color": "#7fa7c1", "weight": 0.6, "fillColor": "#cfe0ea", "fillOpacity": 1}
    )
    rivers = _geojson(group, pane="dm-water", style={"color": "#86b0cc", "weight": 1.1, "opacity": 0.9})
    _feed(lakes, store, "lakes")
    _feed(rivers, store, "rivers")
    group.add_to(m)

    group = folium.FeatureGroup(name="Belarus oblasts", overlay=True)
    oblasts = _geojson(
        group,
        pane="dm-admin",
        style={"color": "#6f6f6f", "weight": 1, "opacity": 0.8, "dashArray": "3 3", "fill": False},
    )
    _feed(oblasts, store, "oblasts")
    if options.labels:
        Labels(ref.oblast_labels, css_class="dm-label-oblast", pane="dm-labels").add_to(group)
    group.add_to(m)

    if options.labels:
        group = folium.FeatureGroup(name="Country names", overlay=True)
        Labels(ref.country_labels, css_class="dm-label-country", pane="dm-labels").add_to(group)
        group.add_to(m)
        # Below the site symbols (marker pane) and never clickable: a name does not hide a site.
        group = folium.FeatureGroup(name="Capitals and key cities", overlay=True)
        Labels(ref.capital_labels, css_class="dm-place-name dm-capital", pane="dm-labels").add_to(group)
        city = "dm-place-name dm-city"
        Labels(ref.city_labels, css_class=city, pane="dm-labels").add_to(group)
        Labels(ref.centre_labels, css_class=city, pane="dm-labels", min_zoom=CENTRE_ZOOM).add_to(group)
        group.add_to(m)


def _ring_collection(rings: list[tuple[float, Any]], label_near: Point | None) -> tuple[dict[str, Any], list[Label]]:
    """Rings as GeoJSON, and a label per ring: at its vertex nearest ``label_near``, else its northernmost."""
    features = []
    labels = []
    for km, geom in rings:
        features.append({"type": "Feature", "properties": {"km": km}, "geometry": mapping(geom)})
        coords = shapely.get_coordinates(geom)
        if not len(coords):
            continue
        if label_near is None:
            lon, lat = coords[coords[:, 1].argmax()]
        else:  # a label position only: degrees are fine for picking the nearest vertex
            lon, lat = coords[((coords - (label_near.x, label_near.y)) ** 2).sum(axis=1).argmin()]
        labels.append(Label.at(f"{km:g} km", float(lon), float(lat)))
    return {"type": "FeatureCollection", "features": features}, labels


@dataclass(frozen=True)
class DistanceRings:
    """The distance rings a map draws: (km, line in EPSG:4326) pairs, their description, and where to label.

    Attributes
    ----------
    rings
        ``(km, line)``, smallest first (outlines of buffers computed in EPSG:3035 metres).
    text
        What they measure, e.g. "Distance rings 50/100/200 km from NATO's land border with Belarus/Russia ...".
    short
        The same in a legend line's room: "Rings 50/100/200 km from NATO's border", "Rings 50 km around Brest".
    label_near
        Each ring's label goes to its vertex nearest this point (Minsk for NATO's border); None: northernmost.
    """

    rings: tuple[tuple[float, BaseGeometry], ...]
    text: str
    short: str
    label_near: Point | None


def distance_rings(sites: gpd.GeoDataFrame, options: MapOptions, period_end: dt.date) -> DistanceRings | None:
    """Return the rings ``options`` ask for (None when none): the one rule of both maps and the briefing map."""
    if not options.rings_km or options.ring_center is None:
        return None
    distances = tuple(float(km) for km in sorted(set(options.rings_km)))
    if options.ring_center == NATO_BORDER:
        rings = border_rings(period_end, distances)
        what = "from NATO's land border with Belarus/Russia (outside NATO)"
        short = "from NATO's border"
        label_near: Point | None = MINSK
    else:
        keys = sites["exercise_id"].astype(str) + ":" + sites["site_index"].astype(int).astype(str)
        match = located(sites[(keys == options.ring_center).to_numpy()])
        if match.empty:
            return None
        rings = site_rings(match.geometry.iloc[0], distances)
        row = match.iloc[0]
        what = f"around {row['place_text']} ({row['exercise_name']})"
        short = f"around {row['place_text']}"
        label_near = None
    kms = "/".join(f"{km:g}" for km in distances)
    return DistanceRings(tuple(rings), f"Distance rings {kms} km {what}", f"Rings {kms} km {short}", label_near)


def _add_rings(m: folium.Map, sites: gpd.GeoDataFrame, options: MapOptions, period_end: dt.date) -> str | None:
    """Add the distance rings; return their description (None when none are drawn)."""
    found = distance_rings(sites, options, period_end)
    if found is None:
        return None
    rings, text, label_near = list(found.rings), found.text, found.label_near
    collection, labels = _ring_collection(rings, label_near)
    group = folium.FeatureGroup(name=_swatch_label("#333333", "Distance rings"), overlay=True)
    folium.GeoJson(
        collection,
        pane="dm-rings",
        interactive=False,
        smooth_factor=1.0,
        style={"color": "#333333", "weight": 1.4, "opacity": 0.85, "dashArray": "8 6", "fill": False},
    ).add_to(group)
    Labels(labels, css_class="dm-label-ring", pane="dm-labels").add_to(group)
    group.add_to(m)
    return text


def _add_sites(m: folium.Map, tables: SiteTables, link: str | None) -> SiteIndex:
    """Add the site index, the shared cluster group and one layer-control entry per alliance."""
    index = SiteIndex(tables, link=link)
    index.add_to(m)
    cluster = SiteCluster(index)
    cluster.add_to(m)
    counts = tables.counts()
    for alliance in ordered_alliances(counts):
        colour, marker = alliance_color(alliance), alliance_marker(alliance)
        name = _swatch_label(colour, f"{alliance} exercise sites ({counts[alliance]})", marker)
        group = folium.FeatureGroup(name=name)
        AllianceSites(index, cluster, alliance, colour, shape=marker_path(marker)).add_to(group)
        group.add_to(m)
    return index


def _legend(tables: SiteTables, period_end: dt.date, rings_text: str | None, tiles: bool) -> str:
    counts = tables.counts()
    alliances = [
        (swatch(alliance_color(a), marker=alliance_marker(a), fill_opacity=1), f"{a} ({counts[a]})")
        for a in ordered_alliances(counts)
    ]
    grey = "#555555"
    precision = [
        (swatch(grey), "range or airfield, known to a few km"),
        (swatch(grey, shape="count"), "number: exercises at that place"),
        (swatch(grey, shape="cluster"), "ring: nearby places grouped (click to zoom)"),
        (swatch(grey, shape="circle"), "dashed circle: uncertainty radius, true size"),
        (swatch(grey, shape="ring"), "town (circle: its extent)"),
        (swatch(grey, shape="area", fill_opacity=0.25), "region (oblast)"),
        (swatch(grey, shape="area", fill_opacity=0.3, dash="3 2"), "border strip"),
        (swatch(grey, shape="area", fill_opacity=0.08, dash="1 2"), "whole country (place not specified)"),
    ]
    territory = [
        (swatch(NATO_FILL, shape="area", fill_opacity=0.35), "NATO members"),
        (swatch(NATO_LINE, shape="line"), "NATO land border with Belarus/Russia"),
        (swatch(CSTO_FILL, shape="area", fill_opacity=0.3), "CSTO members"),
        (swatch(UNION_LINE, shape="outline", dash="4 2"), "Union State (Russia–Belarus)"),
    ]
    if rings_text:
        territory.append((swatch("#333333", shape="outline", dash="4 3"), rings_text))
    if not alliances:
        alliances = [(swatch("#ffffff", shape="outline"), "No exercise site in view")]
    sections = [
        ("Exercise sites by alliance", alliances),
        ("Drawn by precision", precision),
        (f"Territory on {period_end.isoformat()}", territory),
    ]
    if tiles:
        sections.append(("Background", [(swatch("#999999", shape="outline"), "OpenStreetMap tiles (online)")]))
    return legend_html(sections)


def build_map(
    sites: gpd.GeoDataFrame,
    *,
    period_end: dt.date,
    options: MapOptions | None = None,
    vendor: str = VENDOR_IFRAME_BASE,
    reference: ReferenceLayers | None = None,
    exercise_link: str | None = EXERCISE_LINK_BASE,
) -> folium.Map:
    """Build the Drillmap map of the given (filtered) exercise sites.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326). Sites without geometry (unresolved) are
        not drawn; count them with :func:`geo.catalog.sites.located`.
    period_end
        Last day of the selected period: alliance membership is drawn as of this date (Finland in NATO
        from 2023-04-04, Sweden from 2024-03-07).
    options
        Tiles, distance rings and labels (default: :class:`MapOptions` defaults).
    vendor
        Base URL of the vendored Leaflet assets (see :func:`geo.maps.offline.make_map`).
    reference
        Prepared reference layers (default: :func:`geo.maps.reference.reference_layers`).
    exercise_link
        Base URL of the Exercises page: each exercise named in a popup links to ``<base>?exercise=<id>``
        (default: :data:`EXERCISE_LINK_BASE`, right inside the dashboard); None for no links (a saved file).

    Returns
    -------
    folium.Map
        The map, opening on Belarus and its neighbours (:func:`geo.maps.view.map_view`; on the sites
        when none lies there), with a "Show all sites" button when some lie outside that view.
    """
    options = options or MapOptions()
    ref = reference or reference_layers()
    view = map_view(sites)
    bounds = view.bounds
    m = _empty_map(bounds, vendor)
    _fit_first(m, bounds)  # fitted last, the view moved once every path was drawn: all were drawn again
    store = DataStore(
        {
            "countries": ref.countries,
            "country_lines": ref.country_lines,
            "oblasts": ref.oblasts,
            "rivers": ref.rivers,
            "lakes": ref.lakes,
            "facing": nato_facing_border(period_end),
        }
    )
    store.add_to(m)
    _add_basemap(m, store, options)
    _add_territory(m, store, ref, period_end)
    _add_reference(m, store, ref, options)
    Attribution().add_to(m)
    SelectionMark().add_to(m)  # the basemap above, the selection's layers below: swapped alone on a filter change
    rings_text = _add_rings(m, sites, options, period_end)
    tables = site_tables(sites)
    _add_sites(m, tables, exercise_link)
    Legend(_legend(tables, period_end, rings_text, options.tiles)).add_to(m)
    if view.all_sites is not None:
        ViewControl(bounds, view.all_sites).add_to(m)
    # Collapsed (a button): expanded, it would cover popups opening in the north-east of the view.
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    return m


def _empty_map(bounds: tuple[tuple[float, float], tuple[float, float]], vendor: str) -> folium.Map:
    """Return the map frame: centred on ``bounds`` (folium order), panes and style sheet, no layers yet."""
    (south, west), (north, east) = bounds
    center = [(south + north) / 2, (west + east) / 2]  # already folium order: the mean of two (lat, lon) corners
    lon_min, lat_min, lon_max, lat_max = VIEW_BBOX
    m = make_map(
        vendor=vendor,
        plugins=("markercluster",),
        icons=False,  # sites are divIcons and vector layers: no folium.Icon scripts for the iframe to load
        location=center,
        zoom_start=6,
        # The reference layers stop at VIEW_BBOX: keep the view inside it, where nothing is cut off.
        min_zoom=_MIN_ZOOM,
        max_zoom=_MAX_ZOOM,
        control_scale=True,
        tiles=None,
        max_bounds=True,
        min_lat=lat_min,
        max_lat=lat_max,
        min_lon=lon_min,
        max_lon=lon_max,
    )
    # With tiles=None folium hands min_zoom/max_zoom to no layer and leaves them out of the map's options;
    # Leaflet then has no zoom limits, and the marker cluster group refuses a map without maxZoom.
    m.options.update(min_zoom=_MIN_ZOOM, max_zoom=_MAX_ZOOM)
    for pane, z_index, pointer in _PANES:
        folium.map.CustomPane(pane, z_index=z_index, pointer_events=pointer).add_to(m)
    StyleSheet(MAP_CSS + f".leaflet-dm-area-fill-pane {{ opacity: {AREA_FILL_OPACITY}; }}\n").add_to(m)
    return m


def _fit_first(m: folium.Map, bounds: tuple[tuple[float, float], tuple[float, float]]) -> None:
    """Fit the map to ``bounds`` at once (no animation), before any layer: each path is then drawn once."""
    fit = folium.map.FitBounds([list(bounds[0]), list(bounds[1])], padding=(24, 24), max_zoom=9)
    fit.options["animate"] = False
    fit.add_to(m)


def _add_basemap(m: folium.Map, store: DataStore, options: MapOptions) -> None:
    """Draw the land (opaque, or transparent over the opt-in online tiles) and the tiles themselves."""
    land = {"stroke": False, "fillColor": LAND_FILL, "fillOpacity": 0.0 if options.tiles else 1.0}
    _feed(_geojson(m, pane="dm-basemap", style=land, smooth=1.5), store, "countries")
    # Borders from the boundary lines: the clipped polygons' cut edges are not borders.
    borders = {"color": "#a7a7a7", "weight": 0.7, "fill": False}
    _feed(_geojson(m, pane="dm-basemap", style=borders, smooth=1.5), store, "country_lines")
    if options.tiles:
        tiles = folium.TileLayer(
            "OpenStreetMap", name="OpenStreetMap tiles (online)", overlay=True, control=True, show=True
        )
        tiles.add_to(m)
        TileErrorNotice(tiles).add_to(m)  # Leaflet says nothing when tiles fail: say it in the map


def ring_site_choices(sites: gpd.GeoDataFrame) -> dict[str, str]:
    """Return ``{site key: "exercise — place"}`` for the drawable sites (the choices of a ring centre)."""
    drawn = located(sites)
    return {
        site_key(row.exercise_id, row.site_index): f"{row.exercise_name} — {row.place_text}"
        for row in drawn.itertuples()
    }
