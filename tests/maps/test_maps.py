"""The map builder (geo/maps.py and its geo/map_*.py elements), without a browser or Streamlit."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, Polygon

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import located, other_side_text, site_kind, sites_frame
from geo.core.errors import FilterError
from geo.core.settings import METRIC_CRS
from geo.core.symbology import (
    ALLIANCE_COLORS,
    AREA_FILL_OPACITY,
    AREA_FILL_STRENGTH,
    CSTO_FILL,
    LAND_FILL,
    NATO_FILL,
    alliance_marker,
    area_fill,
)
from geo.geocode.distance import geodesic_km
from geo.maps.build import NATO_BORDER, MapOptions, build_map
from geo.maps.controls import Labels, ViewControl, marker_path
from geo.maps.datastore import DataStore, LayerData, parsed_json, script_json
from geo.maps.offline import VENDOR_IFRAME_BASE, remote_urls
from geo.maps.popup import citation_fields, exercise_fields, place_fields, popup_html, tooltip_html
from geo.maps.reference import CENTRE_LABELS_MIN_ZOOM, border_rings, nato_facing_border, site_rings
from geo.maps.site_index import AllianceSites, SiteCluster, SiteIndex
from geo.maps.sites import site_tables
from geo.maps.tile_notice import TileErrorNotice
from geo.maps.view import outside_note, sites_bounds, sites_outside
from geo.reference.borders import facing_lines
from geo.reference.layers import layer
from geo.reference.membership import members_on
from tests.support.map_args import parsed

PERIOD_END = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def sites() -> gpd.GeoDataFrame:
    return sites_frame()


@pytest.fixture(scope="module")
def default_map(sites) -> folium.Map:
    return build_map(sites, period_end=PERIOD_END)


@pytest.fixture(scope="module")
def default_html(default_map) -> str:
    return default_map.get_root().render()


def _walk(element: Any):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _groups(m: folium.Map) -> dict[str, folium.FeatureGroup]:
    """Feature groups by their layer-control text (HTML tags stripped)."""
    return {re.sub(r"<[^>]+>", "", el.layer_name): el for el in _walk(m) if isinstance(el, folium.FeatureGroup)}


def _feeds(group: folium.FeatureGroup) -> list[list[Any]]:
    return [el.args for el in _walk(group) if isinstance(el, LayerData)]


def _members_drawn(m: folium.Map, prefix: str) -> set[str]:
    (group,) = [g for name, g in _groups(m).items() if name.startswith(prefix)]
    feeds = _feeds(group)  # polygons without stroke, outlines from boundary lines: the same members
    assert {tuple(args[:2]) for args in feeds} <= {("countries", "iso3"), ("country_lines", "iso3")}
    (members,) = {frozenset(args[2]) for args in feeds}
    return set(members)


def _site_rows(m: folium.Map) -> dict[str, int]:
    (index,) = [el for el in _walk(m) if isinstance(el, SiteIndex)]
    return index.tables.counts()


# --- Layers ----------------------------------------------------------------------------------------


def test_layer_control_lists_every_layer(default_map, sites):
    names = set(_groups(default_map))
    expected = {
        f"NATO members on {PERIOD_END}",
        "NATO land border with Belarus/Russia",
        f"CSTO members on {PERIOD_END}",
        "Union State (Russia–Belarus)",
        "Belarus oblasts",
        "Rivers and lakes",
        "Country names",
    }
    assert expected <= names
    counts = located(sites)["alliance"].value_counts()
    for alliance, n in counts.items():
        assert f"{alliance} exercise sites ({n})" in names
    assert any(isinstance(el, folium.LayerControl) for el in _walk(default_map))


def test_oblasts_and_countries_are_labelled(default_map):

    groups = _groups(default_map)
    texts = {
        name: {label.text for el in _walk(group) if isinstance(el, Labels) for label in el.labels}
        for name, group in groups.items()
    }
    assert {"Brest", "Gomel", "Grodno", "Minsk", "Mogilev", "Vitebsk"} <= texts["Belarus oblasts"]
    assert {"Belarus", "Poland", "Lithuania", "Latvia", "Ukraine", "Russia"} <= texts["Country names"]
    key = {"Minsk", "Vilnius", "Riga", "Warsaw", "Kyiv", "Moscow", "Kaliningrad", "Tallinn"}
    assert key <= texts["Capitals and key cities"]


def test_capitals_and_cities_come_from_the_reference_places_beneath_the_sites(default_map, default_html):
    group = _groups(default_map)["Capitals and key cities"]
    by_class = {
        (el.css_class, el.min_zoom): {lab.text: lab for lab in el.labels}
        for el in _walk(group)
        if isinstance(el, Labels)
    }
    capitals, cities = by_class["dm-place-name dm-capital", None], by_class["dm-place-name dm-city", None]
    assert {"Minsk", "Vilnius", "Riga", "Warsaw", "Kyiv", "Moscow", "Tallinn"} <= set(capitals)
    assert "Kaliningrad" in cities and "Kaliningrad" not in capitals and "Brest" not in cities  # oblast centre
    # Belarus's oblast centres are named at their points only closer in, where no oblast label may be in view.
    centres = by_class["dm-place-name dm-city", CENTRE_LABELS_MIN_ZOOM]
    assert set(centres) == {"Brest", "Grodno", "Vitebsk", "Mogilev", "Gomel"}
    places = pd.read_csv("data/places/reference_places.csv").set_index("name")
    for name in ("Minsk", "Kaliningrad"):
        label = capitals.get(name) or cities[name]
        assert (label.lat, label.lon) == pytest.approx(
            (places.at[name, "latitude"], places.at[name, "longitude"]), abs=1e-3
        )
    assert all(el.pane == "dm-labels" for el in _walk(group) if isinstance(el, Labels))
    panes = {el.name: el for el in _walk(default_map) if isinstance(el, folium.map.CustomPane)}
    assert panes["dm-labels"].z_index < 600 and not panes["dm-labels"].pointer_events  # under the marker pane
    assert ".dm-capital::before" in default_html and ".dm-city::before" in default_html


def test_each_alliance_layer_draws_its_sites_into_one_shared_cluster(default_map, sites):
    (cluster,) = [el for el in _walk(default_map) if isinstance(el, SiteCluster)]
    (index,) = [el for el in _walk(default_map) if isinstance(el, SiteIndex)]
    assert cluster._parent is default_map and cluster.index is index
    for alliance in located(sites)["alliance"].unique():
        (group,) = [g for name, g in _groups(default_map).items() if name.startswith(f"{alliance} exercise sites")]
        (drawn,) = [el for el in group._children.values() if isinstance(el, AllianceSites)]
        assert (drawn.alliance, drawn.colour, drawn.cluster) == (alliance, ALLIANCE_COLORS[alliance], cluster)
        assert drawn.shape == marker_path(alliance_marker(alliance))  # the briefing map's shape, as SVG
        name, colour, shape, fills = json.loads(f"[{drawn.args}]")
        assert (name, colour, shape) == (alliance, drawn.colour, drawn.shape)
        assert fills == {kind: area_fill(colour, kind) for kind in AREA_FILL_STRENGTH}
    html = default_map.get_root().render()
    assert "leaflet.markercluster/leaflet.markercluster.js" in html
    assert "leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js" in html
    assert '"maxZoom": 13' in html  # the cluster group needs the map's maxZoom


def test_alliance_sites_must_be_in_a_feature_group(sites):
    m = folium.Map(tiles=None)
    index = SiteIndex(site_tables(sites.head(3))).add_to(m)
    cluster = SiteCluster(index).add_to(m)
    AllianceSites(index, cluster, "NATO", "#0072B2", shape="M0 0Z").add_to(m)
    with pytest.raises(TypeError, match=r"folium\.FeatureGroup"):
        m.get_root().render()


@pytest.mark.parametrize(
    ("day", "finland", "sweden"),
    [
        (dt.date(2023, 4, 3), False, False),
        (dt.date(2023, 4, 4), True, False),
        (dt.date(2024, 3, 6), True, False),
        (dt.date(2024, 3, 7), True, True),
    ],
)
def test_nato_members_as_of_period_end(sites, day, finland, sweden):
    m = build_map(sites.iloc[:0], period_end=day)
    nato = _members_drawn(m, "NATO members on")
    assert {"POL", "LTU", "LVA", "EST", "NOR"} <= nato
    assert ("FIN" in nato) is finland
    assert ("SWE" in nato) is sweden
    assert "BLR" not in nato and "RUS" not in nato
    assert {"RUS", "BLR"} <= _members_drawn(m, "CSTO members on")
    assert _members_drawn(m, "Union State") == {"RUS", "BLR"}


def test_facing_border_gains_finland_on_accession():
    before = {f["properties"]["nato"] for f in nato_facing_border(dt.date(2023, 4, 3))["features"]}
    after = {f["properties"]["nato"] for f in nato_facing_border(dt.date(2023, 4, 4))["features"]}
    assert {"POL", "LTU", "LVA", "EST", "NOR"} <= before
    assert "FIN" not in before
    assert after == before | {"FIN"}
    others = {f["properties"]["other"] for f in nato_facing_border(dt.date(2023, 4, 4))["features"]}
    assert others == {"BLR", "RUS"}


def test_no_tiles_by_default_and_osm_is_opt_in(default_map, sites):
    assert not any(isinstance(el, folium.TileLayer) for el in _walk(default_map))
    with_tiles = build_map(sites, period_end=PERIOD_END, options=MapOptions(tiles=True))
    tiles = [el for el in _walk(with_tiles) if isinstance(el, folium.TileLayer)]
    assert [t.layer_name for t in tiles] == ["OpenStreetMap tiles (online)"]
    (notice,) = [el for el in _walk(with_tiles) if isinstance(el, TileErrorNotice)]
    assert notice.layer is tiles[0] and notice._parent is with_tiles
    assert not any(isinstance(el, TileErrorNotice) for el in _walk(default_map))


def test_assets_are_vendored_and_nothing_remote(default_map, default_html):
    assert all(url.startswith(VENDOR_IFRAME_BASE) for _, url in default_map.default_js + default_map.default_css)
    assert remote_urls(default_html) == []  # source URLs appear only as <a href> links
    assert not re.search(r"d3(\.v\d)?(\.min)?\.js|d3js\.org", default_html)  # no branca colormap legend
    assert not any(el.__class__.__module__.startswith("branca.colormap") for el in _walk(default_map))


def test_legend_scale_and_attribution(default_html):
    assert "dm-legend" in default_html
    assert '"controlScale": true' in default_html or "L.control.scale" in default_html
    credits = re.search(r"span\.textContent = (\"[^\"]*\")", default_html)
    assert credits is not None
    text = json.loads(credits.group(1))
    for needle in ("Natural Earth", "GeoNames (CC BY 4.0)", "OSM (ODbL)", "sources: see popups"):
        assert needle in text


def test_clip_edges_are_not_drawn_as_borders():
    from geo.maps.reference import VIEW_BBOX, reference_layers

    lon_min, lat_min, lon_max, lat_max = VIEW_BBOX
    edges = [
        shapely.LineString([(lon_min, lat_min), (lon_min, lat_max)]),
        shapely.LineString([(lon_max, lat_min), (lon_max, lat_max)]),
        shapely.LineString([(lon_min, lat_min), (lon_max, lat_min)]),
        shapely.LineString([(lon_min, lat_max), (lon_max, lat_max)]),
    ]
    lines = reference_layers().country_lines["features"]
    assert {f["properties"]["iso3"] for f in lines} >= {"BLR", "RUS", "POL", "DEU", "NOR"}
    for feature in lines:
        geom = shapely.geometry.shape(feature["geometry"])
        for edge in edges:  # a border may cross the clip box, never run along it
            assert geom.intersection(edge.buffer(1e-6)).length < 0.05, feature["properties"]["iso3"]


def test_territory_fills_have_no_stroke(default_map):
    styles = [el.options["style"] for el in _walk(default_map) if isinstance(el, folium.GeoJson)]
    styles = [s for s in styles if isinstance(s, dict)]
    fills = [s for s in styles if s.get("fill", True) and s.get("fillColor") in (LAND_FILL, NATO_FILL, CSTO_FILL)]
    assert fills and all(s.get("stroke") is False for s in fills)


def test_default_view_stays_under_1_5_mb(default_html):
    assert len(default_html.encode("utf-8")) < 1_500_000


# --- Sites ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flt",
    [
        SiteFilter(),
        SiteFilter(years=(2021, 2021)),
        SiteFilter(alliances=("NATO",)),
        SiteFilter(alliances=("Russia-Belarus", "CSTO"), years=(2020, 2025)),
        SiteFilter(max_distance_km=50),
        SiteFilter(precisions=("unresolved",)),
    ],
    ids=["all", "2021", "nato", "csto+rb", "near-nato", "unresolved-only"],
)
def test_filters_change_the_sites_drawn(sites, flt):
    subset = filter_sites(sites, flt)
    m = build_map(subset, period_end=PERIOD_END)
    counts = _site_rows(m)
    assert sum(counts.values()) == len(located(subset))
    assert counts == located(subset)["alliance"].value_counts().to_dict()


def test_unresolved_sites_are_not_drawn(sites):
    unresolved = sites[sites["precision"] == "unresolved"]
    assert len(unresolved), "the catalog should have unresolved sites for this test"
    assert len(located(unresolved)) == 0
    assert sum(_site_rows(build_map(unresolved, period_end=PERIOD_END)).values()) == 0


def test_points_carry_their_uncertainty_radius_in_metres(sites):
    tables = site_tables(sites)
    points = located(sites)[located(sites).geometry.geom_type == "Point"]
    stated = {
        # np.round, as the tables round (Python's round differs at a tie: Kwidzyn's 53.72495)
        (row.alliance, float(np.round(row.geometry.x, 4)), float(np.round(row.geometry.y, 4))): round(
            row.precision_km * 1000
        )
        for row in points.itertuples()
    }
    radii = {(a, r[0], r[1]): r[2] for a, parts in tables.layers.items() for r in parts["pt"]}
    assert radii == stated  # one symbol per place and alliance, with the radius stated in the catalog
    assert all(r >= 1000 for r in radii.values())


def test_one_symbol_per_place_and_alliance_and_one_popup_per_place(sites):
    tables = site_tables(sites)
    drawn = located(sites)
    points = drawn[drawn.geometry.geom_type == "Point"]
    places = {(round(g.x, 4), round(g.y, 4)) for g in points.geometry}
    by_alliance = {(a, round(g.x, 4), round(g.y, 4)) for a, g in zip(points["alliance"], points.geometry, strict=True)}
    assert sum(len(parts["pt"]) for parts in tables.layers.values()) == len(by_alliance) < len(points)
    point_spots = {r[4] for parts in tables.layers.values() for r in parts["pt"]}
    assert len(point_spots) == len(places)
    assert sum(tables.counts().values()) == len(drawn)  # the legend still counts sites

    # Losvido: three exercises of two alliances, two symbols, one list of every exercise, newest first.
    losvido = points[points["gazetteer_id"] == "by_tg_losvido"]
    assert losvido["exercise_id"].nunique() >= 3 and losvido["alliance"].nunique() == 2
    v = tables.vocabulary.items
    (spot,) = [sp for sp in tables.spots if v[sp[0]] == "Losvido training ground"]
    names = [v[tables.exercises[entry[0]][0]] for entry in spot[1]]
    newest_first = losvido.sort_values("start_date", ascending=False)["exercise_name"].drop_duplicates()
    assert names == newest_first.tolist()
    spot_index = tables.spots.index(spot)
    symbols = [(a, r) for a, parts in tables.layers.items() for r in parts["pt"] if r[4] == spot_index]
    assert sorted(a for a, _ in symbols) == sorted(losvido["alliance"].unique())


def test_a_shared_place_is_drawn_as_its_vaguest_kind_and_widest_radius(sites):
    row = located(sites)[located(sites).geometry.geom_type == "Point"].iloc[[0]].copy()
    row["precision"], row["site_kind"], row["precision_km"] = "point", "training_ground", 5.0  # kind p
    twin = row.copy()
    twin["exercise_id"], twin["exercise_name"] = "twin", "Twin"
    twin["site_kind"], twin["precision_km"] = "town", 40.0  # kind t, vaguer than p
    tables = site_tables(pd_concat(row, twin))
    ((symbol,),) = [parts["pt"] for parts in tables.layers.values()]
    assert symbol[2] == 40_000 and symbol[3] == "t"
    ((_, entries),) = tables.spots
    assert len(entries) == 2


def test_sites_are_drawn_by_precision(sites):
    drawn = located(sites)
    kinds = {
        (row.geometry.geom_type, row.site_kind, row.precision): site_kind(
            row.geometry.geom_type, row.site_kind, row.precision
        )
        for row in drawn.itertuples()
    }
    for (geom_type, kind, precision), code in kinds.items():
        if geom_type == "Point":
            assert code == ("t" if kind == "town" else "p" if precision == "point" else "a")
        else:
            assert code == {"border_zone": "b", "country": "c"}.get(precision, "r")
    assert site_kind("Polygon", "border_zone", "border_zone") == "b"
    assert site_kind("MultiPolygon", "country", "country") == "c"
    assert site_kind("Point", "town", "point") == "t"
    strength = AREA_FILL_STRENGTH
    assert strength["c"] < strength["r"] < strength["b"] <= 1 and AREA_FILL_OPACITY < 0.5  # vague areas: fainter
    assert SiteIndex.STYLES["u"]["dashArray"] and strength["u"] * AREA_FILL_OPACITY < 0.1  # uncertainty: faint


def test_area_fills_are_opaque_in_one_translucent_pane(default_map, default_html):
    """Overlapping areas do not build up colour: opaque fills in one pane, the pane translucent."""
    panes = {el.name: el for el in _walk(default_map) if isinstance(el, folium.map.CustomPane)}
    assert panes["dm-area-fill"].z_index < panes["dm-areas"].z_index < panes["dm-uncertainty"].z_index
    assert not panes["dm-area-fill"].pointer_events  # the outlines above take the clicks
    assert f".leaflet-dm-area-fill-pane {{ opacity: {AREA_FILL_OPACITY}; }}" in default_html
    assert 'pane: "dm-area-fill"' in default_html and "fillColor: tints[kind], fillOpacity: 1}" in default_html
    from geo.maps.controls import MAP_CSS

    for kind in ("p", "a", "t"):  # point symbols are drawn by the stylesheet
        assert f".dm-dot-{kind} {{" in MAP_CSS


def test_each_alliance_has_its_own_symbol_shape_in_legend_and_layer_control(default_html):
    shapes = {marker_path(alliance_marker(a)) for a in ALLIANCE_COLORS}
    assert len(shapes) == len(ALLIANCE_COLORS)
    for alliance in ("CSTO", "Russia-Belarus", "NATO"):
        assert marker_path(alliance_marker(alliance)) in default_html


def _fit(m: folium.Map) -> tuple[tuple[float, float], tuple[float, float]]:
    (fit,) = [el for el in _walk(m) if isinstance(el, folium.map.FitBounds)]
    return fit.bounds


def test_default_view_is_belarus_and_its_neighbours_not_every_site(sites, default_map):
    (south, west), (north, east) = _fit(default_map)
    for lat, lon in ((53.90, 27.56), (54.69, 25.28), (56.95, 24.11), (50.45, 30.52), (54.78, 32.05)):
        assert south <= lat <= north and west <= lon <= east  # Minsk, Vilnius, Riga, Kyiv, Smolensk
    assert east < 35  # not stretched to Mulino (~43° E)
    (south_all, west_all), (north_all, east_all) = sites_bounds(sites)
    assert east_all > 40  # the catalog has a far site: the map offers every site in one click
    (control,) = [el for el in _walk(default_map) if isinstance(el, ViewControl)]
    assert control.everything == ((south_all, west_all), (north_all, east_all))
    assert "Show all sites" in default_map.get_root().render()
    outside = sites_outside(sites)
    assert "Mulino" in " ".join(outside["place_text"])
    note = outside_note(sites)
    assert note is not None and "Mulino" in note and "Show all sites" in note


def test_show_all_bounds_cover_the_precise_sites(sites):
    (south, west), (north, east) = sites_bounds(sites)
    precise = located(sites)
    precise = precise[precise["precision"] != "country"]
    for geom in precise.geometry:
        x0, y0, x1, y1 = geom.bounds
        assert west <= x0 + 1e-6 and x1 - 1e-6 <= east and south <= y0 + 1e-6 and y1 - 1e-6 <= north


def test_sites_only_outside_the_region_are_fitted_without_a_button(sites):
    far = sites_outside(sites)
    m = build_map(far, period_end=PERIOD_END)
    assert [tuple(corner) for corner in _fit(m)] == list(sites_bounds(far))
    assert not [el for el in _walk(m) if isinstance(el, ViewControl)]
    assert outside_note(far) is None


def test_sites_all_inside_the_region_have_no_button_or_note(sites):
    inside = sites[~sites.index.isin(sites_outside(sites).index)]
    m = build_map(inside, period_end=PERIOD_END)
    assert not [el for el in _walk(m) if isinstance(el, ViewControl)]
    assert outside_note(inside) is None


def test_sites_bounds__country_sites_do_not_zoom_out(sites):
    country = sites[sites["precision"] == "country"].head(1)
    precise = located(sites)[located(sites)["precision"] == "point"].head(1)
    both = sites_bounds(gpd.GeoDataFrame(pd_concat(country, precise), crs=sites.crs))
    only = sites_bounds(precise)
    assert both == only


def pd_concat(*frames: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    import pandas as pd

    return pd.concat(frames)


def test_empty_selection_builds_a_map_of_belarus(sites):
    m = build_map(sites.iloc[:0], period_end=PERIOD_END)
    (south, west), (north, east) = _fit(m)
    assert south < 53.9 < north and west < 27.6 < east  # Minsk in view
    assert "No exercise site in view" in m.get_root().render()


# --- Popups, tooltips, escaping --------------------------------------------------------------------


def _hostile_sites(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One real point site whose texts carry HTML, script and template syntax."""
    row = located(sites)[located(sites).geometry.geom_type == "Point"].iloc[[0]].copy()
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)> {{ 7*7 }} {% raw %}'
    row["exercise_name"] = "Exercise " + evil
    row["place_text"] = "Place " + evil
    row["summary"] = "Summary " + evil
    row["figures"] = [[{"what": "troops", "value": 1, "as_stated": "1 " + evil, "claimed_by": evil, "cite": ["c1"]}]]
    row["citations"] = [[{"id": "c1", "source": "https://example.org/a?b=1&c=<2>", "quote": "Quote " + evil}]]
    return row


def test_all_text_is_escaped(sites):
    hostile = _hostile_sites(sites)
    row = hostile.iloc[0].to_dict()
    for html in (popup_html(row), tooltip_html(row)):
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html
    page = build_map(hostile, period_end=PERIOD_END, vendor="vendor").get_root().render()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "49" not in re.findall(r"Quote[^\"]*", page)[0]  # the template syntax was not evaluated
    assert "{{ 7*7 }}" not in page  # ... because it is escaped as \\u007b{ 7*7 }}
    payload = re.search(r'\}\)\((JSON\.parse\(".*?"\)), \{"r":', page)
    assert payload is not None
    assert any("{{ 7*7 }}" in s for s in parsed(payload.group(1))["v"])  # the data itself is intact


@pytest.mark.parametrize("to_script", [script_json, parsed_json])
def test_script_json_is_safe_in_a_script_element(to_script):
    data = {"a": "</script><!-- {{ x }} {% y %} {# z #} 'q' & \u2028 \\ \" \n"}
    text = to_script(data)
    assert "</" not in text and "<!--" not in text and "'" not in text and "&" not in text
    assert "{{" not in text and "{%" not in text and "{#" not in text and "\u2028" not in text
    assert (json.loads(text) if to_script is script_json else parsed(text)) == data


def test_popup_shows_every_figure_with_its_claimant_never_averaged():
    row = {
        "exercise_name": "Zapad-2021",
        "alliance": "Russia-Belarus",
        "start": "2021-09-10",
        "end": "2021-09-16",
        "ongoing": False,
        "date_precision": "day",
        "announced": None,
        "participants": ["RUS", "BLR"],
        "observers": [],
        "figures": [
            {"what": "troops", "value": 12800, "as_stated": "12,800", "claimed_by": "Regnum", "official": True},
            {"what": "troops", "value": 13000, "as_stated": "almost 13,000", "claimed_by": "Belarusian MoD"},
            {"what": "tanks", "value": 290, "as_stated": ">290 tanks"},
        ],
    }
    fields = exercise_fields(row)
    troops, tanks = fields["figures"]
    assert troops["differ"] is True and tanks["differ"] is False
    assert [(c["as_stated"], c["by"]) for c in troops["claims"]] == [
        ("12,800", "Regnum"),
        ("almost 13,000", "Belarusian MoD"),
    ]
    assert tanks["claims"][0]["by"] == "claimant not named"
    assert fields["participants"] == "Russia, Belarus"
    assert fields["when"] == "2021-09-10 – 2021-09-16" and fields["when_note"] == "date precision: day"
    assert "12900" not in str(fields) and "12,900" not in str(fields)


def test_popup_has_place_geocoder_distance_and_every_source(sites):
    row = located(sites).iloc[0].to_dict()
    html = popup_html(row)
    place = place_fields(row)
    assert place["place"] == row["place_text"]
    assert place["geocoded"].startswith(("training ground", "airfield", "town", "region", "border strip", "whole"))
    assert place["nearest"] == other_side_text(row)
    assert f"Other side</span> {place['nearest']}" in html
    for citation in row["citations"]:
        assert citation_fields(citation)["quote"].replace("&", "&amp;").replace('"', "&quot;")[:20] in html.replace(
            "&#x27;", "'"
        )
    assert f"Sources ({len(row['citations'])})" in html


@pytest.mark.parametrize(
    ("exercise_id", "place_text", "expected"),
    [
        (
            "belarus-russia-southern-border-drills-2021",
            "its border with Ukraine",
            r"touches NATO territory only at the Poland–Belarus–Ukraine tripoint; centre \d+ km from NATO \(Poland\)",
        ),
        # A NATO site is measured to the other side: no more "inside NATO territory (North Macedonia)".
        ("defender-europe-2022", "MK", r"1,\d{3} km from the Union State \(Belarus\); centre 1,\d{3} km"),
        ("combat-brotherhood-2023", "Brest region", r"shares a border with NATO territory \(Poland\); centre \d+ km"),
        ("combat-brotherhood-2023", "Minsk region", r"12 km from NATO \(Lithuania\); centre \d+ km"),
    ],
)
def test_popup_and_map_data_state_the_distance_to_nato(sites, exercise_id, place_text, expected):
    row = sites[(sites["exercise_id"] == exercise_id) & (sites["place_text"] == place_text)].iloc[0].to_dict()
    assert re.fullmatch(expected, place_fields(row)["nearest"])
    tables = site_tables(sites)
    shipped = {tables.vocabulary.items[place[6]] for place in tables.places}  # what the browser renders
    assert place_fields(row)["nearest"] in shipped


def test_site_tables_store_each_exercise_once(sites):
    tables = site_tables(sites)
    drawn = located(sites)
    assert len(tables.exercises) == drawn["exercise_id"].nunique()
    assert len(tables.places) <= len(drawn)
    # Every symbol's place lists at least one exercise of the symbol's alliance.
    v = tables.vocabulary.items
    names = [v[ex[0]] for ex in tables.exercises]
    for alliance, parts in tables.layers.items():
        for r in parts["pt"] + parts["ar"]:
            assert alliance in {v[tables.exercises[entry[0]][1]] for entry in tables.spots[r[-1]][1]}
    assert set(names) == set(drawn["exercise_name"])
    assert {v[ex[8]] for ex in tables.exercises} == set(drawn["exercise_id"])


def test_layer_data_must_feed_a_geojson():
    m = folium.Map(tiles=None)
    store = DataStore({"x": {"type": "FeatureCollection", "features": []}}).add_to(m)
    group = folium.FeatureGroup().add_to(m)
    LayerData(store, "collection", ["x", None, []]).add_to(group)
    with pytest.raises(TypeError, match=r"folium\.GeoJson"):
        m.get_root().render()


# --- Distance rings --------------------------------------------------------------------------------


def test_rings_along_the_nato_border_are_lines_at_their_distance_outside_nato():
    members = frozenset(members_on("NATO", PERIOD_END))
    border = shapely.union_all(facing_lines(members).to_crs(METRIC_CRS).geometry.values)
    countries = layer("countries_display").to_crs(METRIC_CRS)
    nato_inside = shapely.union_all(countries[countries["iso3"].isin(members)].geometry.values).buffer(-2_000)
    for km, line in border_rings(PERIOD_END, (50.0, 100.0, 200.0)):
        assert line.geom_type in ("LineString", "MultiLineString")  # a line: no edge runs along the border
        metric = gpd.GeoSeries([line], crs="EPSG:4326").to_crs(METRIC_CRS).iloc[0]
        points = shapely.points(shapely.get_coordinates(metric))
        gaps_km = shapely.distance(points, border) / 1000.0
        assert np.all(np.abs(gaps_km - km) < 2.0), (km, gaps_km.min(), gaps_km.max())  # simplified to 1 km
        assert not shapely.contains(nato_inside, points).any()  # NATO territory is cut out


def test_rings_around_a_point_site_have_the_asked_radius():
    centre = Point(27.56, 53.90)
    for km, ring in site_rings(centre, (50.0, 100.0)):
        lon, lat = shapely.get_coordinates(ring)[0]
        assert geodesic_km(centre.x, centre.y, lon, lat) == pytest.approx(km, rel=0.02)


def test_ring_options_are_drawn(sites):
    m = build_map(sites, period_end=PERIOD_END, options=MapOptions(rings_km=(50, 100), ring_center=NATO_BORDER))
    assert "Distance rings" in _groups(m)
    point = located(sites)[located(sites).geometry.geom_type == "Point"].iloc[0]
    key = f"{point['exercise_id']}:{point['site_index']}"
    m = build_map(sites, period_end=PERIOD_END, options=MapOptions(rings_km=(50,), ring_center=key))
    (group,) = [g for name, g in _groups(m).items() if name == "Distance rings"]
    (ring_layer,) = [el for el in _walk(group) if isinstance(el, folium.GeoJson)]
    assert [f["properties"]["km"] for f in ring_layer.data["features"]] == [50.0]


@pytest.mark.parametrize(
    "kwargs",
    [{"rings_km": (0,)}, {"rings_km": (5000,)}, {"ring_center": "Minsk; DROP"}, {"ring_center": "zapad-2021"}],
)
def test_map_options__invalid(kwargs):
    with pytest.raises(FilterError):
        MapOptions(**kwargs)


def test_area_sites_are_deduplicated_and_simplified():
    square = Polygon([(26, 53), (28, 53), (28, 54.5), (26, 54.5)])
    frame = gpd.GeoDataFrame(
        {
            "exercise_id": ["a", "b"],
            "exercise_name": ["A", "B"],
            "alliance": ["NATO", "NATO"],
            "start": ["2021", "2022"],
            "start_date": ["2021-01-01", "2022-01-01"],
            "end": [None, None],
            "ongoing": [False, False],
            "date_precision": ["year", "year"],
            "announced": [None, None],
            "participants": [["POL"], ["POL"]],
            "observers": [[], []],
            "figures": [[], []],
            "citations": [[], []],
            "place_text": ["x", "x"],
            "resolve_as": [None, None],
            "site_role": ["site", "site"],
            "site_note": [None, None],
            "site_kind": ["region", "region"],
            "precision": ["region", "region"],
            "precision_km": [None, None],
            "confidence": ["high", "high"],
            "geocode_explanation": ["e", "e"],
            "distance_to_nato_km": [10.0, 10.0],
            "nearest_nato_country": ["POL", "POL"],
            "distance_measured_from": ["nearest point of the area", "nearest point of the area"],
        },
        geometry=[square, Polygon(square.exterior.coords)],
        crs="EPSG:4326",
    )
    tables = site_tables(frame)
    assert len(tables.geometries) == 1 and len(tables.places) == 1 and len(tables.exercises) == 2
    assert tables.layers["NATO"]["ar"] == [[0, "r", 0]]  # one polygon for both exercises
    ((_, entries),) = tables.spots
    assert [tables.vocabulary.items[tables.exercises[e[0]][0]] for e in entries] == ["B", "A"]  # newest first
