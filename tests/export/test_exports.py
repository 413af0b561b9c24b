"""Data exports (CSV, GeoJSON RFC 7946, KML, GeoPackage), the PPTX slide, snapshot dispatch and file writing."""

from __future__ import annotations

import ast
import csv
import html
import io
import json
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches
from shapely.geometry import LinearRing, shape

from geo.briefing.map import BriefingOptions
from geo.catalog.filter import SiteFilter
from geo.catalog.sites import NATO_DISTANCE_COLUMNS
from geo.core.errors import ExportError
from geo.core.settings import ROOT
from geo.export import data as data_export
from geo.export import files, formats, gpkg, snapshot, tabular
from geo.maps.build import NATO_BORDER, MapOptions
from geo.query.selection import select
from tests.support.export_panel_app import SCRIPT_TAG, SOURCES, tiny_sites
from tests.support.payloads import assert_formulas_guarded, formula_sites

KML = "{http://www.opengis.net/kml/2.2}"
LOCATED = 8


@pytest.fixture(scope="module")
def sites():
    return tiny_sites()


@pytest.fixture(scope="module")
def selection(sites):
    return select(sites)


# --- CSV and GeoJSON --------------------------------------------------------------------------------------


def test_csv_has_one_row_per_site_with_coordinates(sites, selection):
    rows = list(csv.DictReader(io.StringIO(data_export.export_bytes(selection, "csv").decode("utf-8"))))
    assert len(rows) == len(sites)
    losvido = rows[0]
    assert (float(losvido["lon"]), float(losvido["lat"])) == (30.0221, 55.2658)
    assert rows[3]["wkt"] == "" and rows[3]["site_status"] == "unresolved"


def test_csv_gives_areas_no_point_and_fits_every_cell_in_a_spreadsheet():
    """On the real catalog (country outlines run to 240,000 characters of WKT): every cell fits Excel/Calc."""
    from geo.query.known import known_sites

    text = data_export.export_bytes(select(known_sites().sites), "csv").decode("utf-8")
    csv.field_size_limit(10_000_000)  # so that a too-long cell would be read, and caught below
    rows = list(csv.DictReader(io.StringIO(text)))
    assert max(len(cell) for row in rows for cell in row.values()) <= tabular.SPREADSHEET_CELL_CHARS
    areas = [r for r in rows if r["wkt"].startswith(("POLYGON", "MULTIPOLYGON"))]
    assert areas and all(r["lat"] == r["lon"] == "" for r in areas)
    assert {r["wkt_simplified_m"] for r in rows if r["wkt"].startswith("POINT")} == {"0.0"}
    assert any(float(r["wkt_simplified_m"]) > 0 for r in areas)  # the long outlines were simplified, and say so


def test_csv_text_cells_cannot_start_a_formula():
    assert_formulas_guarded(data_export.export_bytes(select(formula_sites()), "csv").decode("utf-8"))


def _rings(geometry):
    for polygon in shapely.get_parts(geometry):
        yield True, polygon.exterior
        for interior in polygon.interiors:
            yield False, interior


def test_geojson_follows_rfc_7946(sites, selection):
    doc = json.loads(data_export.export_bytes(selection, "geojson"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc  # RFC 7946 dropped "crs": WGS84 only
    features = doc["features"]
    assert len(features) == len(sites)
    assert sum(f["geometry"] is None for f in features) == 1
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [30.0221, 55.2658]}  # lon, lat
    polygons = 0
    for feature in features:
        if feature["geometry"] is None:
            continue
        geom = shape(feature["geometry"])
        coords = shapely.get_coordinates(geom)
        assert ((coords[:, 0] >= -180) & (coords[:, 0] <= 180)).all()
        assert ((coords[:, 1] >= -90) & (coords[:, 1] <= 90)).all()
        for exterior, ring in _rings(geom) if geom.geom_type != "Point" else ():
            polygons += 1
            assert LinearRing(ring).is_ccw is exterior, feature["properties"]["place_text"]
    assert polygons >= 6  # the clockwise border strip and its hole were re-oriented
    assert features[0]["properties"]["summary"].endswith(f"{SCRIPT_TAG} & an ampersand.")


# --- KML --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kml(selection):
    return ET.fromstring(data_export.export_bytes(selection, "kml"))


def _has_geometry(placemark) -> bool:
    return any(placemark.find(f"{KML}{tag}") is not None for tag in ("Point", "Polygon", "MultiGeometry", "LineString"))


def test_kml_has_one_placemark_per_located_site(kml):
    placemarks = kml.findall(f".//{KML}Placemark")
    assert len(placemarks) == 9
    assert sum(_has_geometry(p) for p in placemarks) == LOCATED
    folders = {f.findtext(f"{KML}name"): f for f in kml.iter(f"{KML}Folder")}
    (unlocated,) = folders["Sites that could not be located"].findall(f"{KML}Placemark")
    assert not _has_geometry(unlocated) and "Kirillovsky" in unlocated.findtext(f"{KML}name")


def test_kml_coordinates_are_lon_lat_and_polygons_counter_clockwise(kml):
    placemarks = kml.findall(f".//{KML}Placemark")
    losvido = placemarks[0]
    point = losvido.find(f".//{KML}Point/{KML}coordinates").text
    assert point == "30.022100,55.265800"
    circle = losvido.find(f".//{KML}Polygon")  # the uncertainty circle travels with the point
    assert circle is not None
    for ring in kml.iter(f"{KML}outerBoundaryIs"):
        coords = [tuple(map(float, c.split(","))) for c in ring.findtext(f".//{KML}coordinates").split()]
        assert LinearRing(coords).is_ccw
    assert losvido.find(f"{KML}TimeSpan/{KML}begin").text == "2021-09-10"


def test_kml_popup_facts_are_escaped(kml):
    baranovichi = kml.findall(f".//{KML}Placemark")[2]
    description = baranovichi.findtext(f"{KML}description")
    assert "&lt;script&gt;" in description and "<script>" not in description  # shown as text, never run
    assert "12,800 troops" in description and "Quoted sentence 0 &lt;b&gt;bold&lt;/b&gt;" in description
    for source in SOURCES["zapad-2021"]:
        assert source.replace("&", "&amp;") in description
    data = {d.get("name"): d.findtext(f"{KML}value") for d in baranovichi.iter(f"{KML}Data")}
    assert data["place_text"] == f"Baranovichi {SCRIPT_TAG}"
    assert json.loads(data["participants"]) == ["BLR", "RUS"]


# --- GeoPackage -------------------------------------------------------------------------------------------


def _rows(frame: gpd.GeoDataFrame) -> list[dict]:
    """Rows as plain dicts: missing values None, geometry as WKB (exact)."""
    plain = frame.drop(columns="geometry").astype(object)
    plain = plain.where(plain.notna(), None)
    geoms = [None if g is None else g.wkb for g in frame.geometry.values]
    return [{**row, "geometry": g} for row, g in zip(plain.to_dict("records"), geoms, strict=True)]


def _read_gpkg(path) -> pd.DataFrame:
    """Every layer of a Drillmap GeoPackage, one after another, with the layer's name in ``layer``."""
    frames = [pyogrio.read_dataframe(path, layer=name).assign(layer=name) for name in gpkg.GPKG_LAYERS]
    return pd.concat(frames, ignore_index=True)


def test_geopackage_has_one_layer_per_geometry_type(selection, tmp_path):
    path = data_export.write_export(selection, tmp_path / "sites.gpkg", fmt="gpkg")
    assert dict(pyogrio.list_layers(path).tolist()) == gpkg.GPKG_LAYERS
    counts = {name: pyogrio.read_info(path, layer=name)["features"] for name in gpkg.GPKG_LAYERS}
    assert sum(counts.values()) == selection.n_sites and counts["sites_unlocated"] == 1
    for name, geometry_type in gpkg.GPKG_LAYERS.items():
        info = pyogrio.read_info(path, layer=name)
        assert info["geometry_type"] == geometry_type
        assert (info["crs"] == "EPSG:4326") is (geometry_type is not None)
        fields = dict(zip(info["fields"], info["dtypes"], strict=True))
        assert fields["announced"] == fields["alliances_as_of"] == "datetime64[D]"  # DATE columns
        assert fields["ongoing"] == "bool" and fields["distance_to_nato_km"] == "float64"


def test_geopackage_reads_back_identical_rows(selection, tmp_path):
    path = data_export.write_export(selection, tmp_path / "sites.gpkg", fmt="gpkg")
    for name, table in gpkg.gpkg_tables(selection).items():
        meta, back = pyogrio.read_arrow(path, layer=name)
        assert back.num_rows == table.num_rows
        for column in gpkg.EXPORT_COLUMNS:
            assert back.column(column).to_pylist() == table.column(column).to_pylist(), (name, column)
        if gpkg.GPKG_LAYERS[name]:
            geometry = shapely.from_wkb(back.column(meta["geometry_name"]).to_pylist())
            assert list(shapely.get_type_id(geometry)) == [0 if name == "sites_points" else 6] * table.num_rows
    assert all(isinstance(json.loads(v), list) for v in _read_gpkg(path)["participants"])  # lists as JSON arrays


@pytest.mark.filterwarnings("ignore:Normalized/laundered field name:RuntimeWarning")  # Shapefile: 10-char names
@pytest.mark.filterwarnings("ignore:Field .* created as String field:RuntimeWarning")  # Shapefile: no DATE type
@pytest.mark.parametrize("driver", ["ESRI Shapefile", "FlatGeobuf"])
def test_geopackage_layers_convert_without_loss(selection, tmp_path, driver):
    """What ``ogr2ogr`` does per layer (same GDAL): every located site survives; unlocated ones stay a table."""
    path = data_export.write_export(selection, tmp_path / "sites.gpkg", fmt="gpkg")
    for name, geometry_type in gpkg.GPKG_LAYERS.items():
        if geometry_type is None:
            continue
        frame = pyogrio.read_dataframe(path, layer=name)
        out = tmp_path / f"{name}.{'shp' if driver == 'ESRI Shapefile' else 'fgb'}"
        pyogrio.write_dataframe(frame, out, driver=driver)
        assert pyogrio.read_info(out)["features"] == len(frame)


# --- the distance to NATO in every data export ---------------------------------------------------------

NATO_EXPORT_COLUMNS = (*NATO_DISTANCE_COLUMNS, "nato_distance_text")
STRIP_TEXT = "touches NATO territory only at the Poland–Belarus–Ukraine tripoint; centre 140 km from NATO (Poland)"


def _exported_sites(fmt: str, selection, tmp_path) -> dict[str, dict]:
    """Each exported site's record as the file gives it back, by place text."""
    data = data_export.export_bytes(selection, fmt)
    if fmt == "csv":
        records = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    elif fmt == "geojson":
        records = [f["properties"] for f in json.loads(data)["features"]]
    elif fmt == "kml":
        placemarks = ET.fromstring(data).iter(f"{KML}Placemark")
        records = [{d.get("name"): d.findtext(f"{KML}value") for d in pm.iter(f"{KML}Data")} for pm in placemarks]
    else:
        (tmp_path / "sites.gpkg").write_bytes(data)
        records = _read_gpkg(tmp_path / "sites.gpkg").drop(columns="geometry").to_dict("records")
    return {r["place_text"]: r for r in records}


@pytest.mark.parametrize("fmt", ["csv", "geojson", "kml", "gpkg"])
def test_every_data_export_carries_the_distance_to_nato(selection, tmp_path, fmt):
    records = _exported_sites(fmt, selection, tmp_path)
    strip, losvido, pabrade = records["the southern border"], records["Losvido"], records["Pabradė TA"]
    assert set(NATO_EXPORT_COLUMNS) <= strip.keys()
    assert (strip["nato_relation"], strip["nato_distance_text"]) == ("touches_at_point", STRIP_TEXT)
    assert float(strip["distance_to_nato_km"]) == 0.0 and float(strip["distance_to_nato_from_centre_km"]) == 140.0
    assert losvido["nato_distance_text"] == "160 km from NATO (Latvia)"
    assert pabrade["nato_distance_text"] == "inside NATO territory (Lithuania)"
    touching = strip["nato_touch_countries"]
    expected = {"csv": "POL;BLR;UKR", "geojson": ["POL", "BLR", "UKR"]}.get(fmt, '["POL", "BLR", "UKR"]')
    assert touching == expected  # CSV joins lists with ";", GeoJSON keeps arrays, KML and GeoPackage hold JSON text


def test_geojson_and_geopackage_type_the_distance_columns(selection, tmp_path):
    properties = _exported_sites("geojson", selection, tmp_path)["the southern border"]
    back = _read_gpkg(data_export.write_export(selection, tmp_path / "sites.gpkg", fmt="gpkg"))
    for column in ("distance_to_nato_km", "distance_to_nato_from_centre_km", "nato_shared_border_km"):
        assert column in gpkg.FLOAT_COLUMNS and back[column].dtype == float
        assert isinstance(properties[column], float)
    for column in ("nato_relation", "nearest_nato_country_from_centre", "nato_distance_text"):
        assert isinstance(properties[column], str)
        assert back[column].dropna().map(type).eq(str).all() and back[column].notna().any()


def test_kml_description_states_the_distance_text(kml):
    strip = next(pm for pm in kml.iter(f"{KML}Placemark") if "the southern border" in pm.findtext(f"{KML}name"))
    assert html.escape(STRIP_TEXT) in strip.findtext(f"{KML}description")


# --- the as-of date every data export states -----------------------------------------------------------


def _stated_as_of(fmt: str, data: bytes, tmp_path) -> set[str]:
    """Every as-of date the file states (a set, so one date means all its statements agree)."""
    if fmt == "csv":
        return {row["alliances_as_of"] for row in csv.DictReader(io.StringIO(data.decode("utf-8")))}
    if fmt == "geojson":
        return {json.loads(data)["drillmap"]["alliances_as_of"]}
    if fmt == "kml":
        doc = ET.fromstring(data).find(f"{KML}Document")
        stated = {
            d.findtext(f"{KML}value") for d in doc.findall(f"{KML}ExtendedData/{KML}Data[@name='alliances_as_of']")
        }
        return stated | set(re.findall(r"Alliance membership as of (\S+)\.", doc.findtext(f"{KML}description")))
    path = tmp_path / "sites.gpkg"
    path.write_bytes(data)
    with sqlite3.connect(path) as db:  # each layer's description (gpkg_contents) names the date as well
        descriptions = [d for (d,) in db.execute("SELECT description FROM gpkg_contents")]
    stated = set(pd.to_datetime(_read_gpkg(path)["alliances_as_of"]).dt.strftime("%Y-%m-%d"))
    return stated | {d.removeprefix("Alliance membership as of ")[:10] for d in descriptions}


AS_OF_CASES = [
    (SiteFilter(), "2023-12-31"),  # no years: the end of the catalog's last year
    (SiteFilter(alliances=("NATO",)), "2023-12-31"),  # the catalog's span, not the selected sites' (2022)
    (SiteFilter(years=(2021, 2022)), "2022-12-31"),
    (SiteFilter(years=(2021, 2021), text="Losvido"), "2021-12-31"),
]


@pytest.mark.parametrize("fmt", ["csv", "geojson", "kml", "gpkg"])
@pytest.mark.parametrize(("flt", "expected"), AS_OF_CASES, ids=["all", "nato", "2021-2022", "2021-losvido"])
def test_every_data_export_states_the_selection_as_of_date(sites, tmp_path, fmt, flt, expected):
    chosen = select(sites, flt)
    assert chosen.period_end.isoformat() == expected and chosen.n_sites > 0
    assert _stated_as_of(fmt, data_export.export_bytes(chosen, fmt), tmp_path) == {expected}


def test_geojson_states_the_filter(sites):
    doc = json.loads(data_export.export_bytes(select(sites, SiteFilter(years=(2021, 2022), text="Losvido")), "geojson"))
    assert doc["drillmap"] == {"alliances_as_of": "2022-12-31", "filter": {"years": [2021, 2022], "text": "Losvido"}}


# --- PPTX -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slide_deck(sites):
    options = BriefingOptions(title="Briefing: exercises 2021–2023", banner="Unclassified", size_px=(1400, 788))
    data = snapshot.render_snapshot(select(sites, SiteFilter(years=(2021, 2023))), fmt="pptx", options=options)
    return Presentation(io.BytesIO(data))


def test_pptx_is_one_16_9_slide_with_title_picture_and_list(slide_deck):
    assert (slide_deck.slide_width, slide_deck.slide_height) == (Inches(13.333), Inches(7.5))
    (slide,) = slide_deck.slides
    assert slide.shapes.title.text == "Briefing: exercises 2021–2023"
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert pictures[0].width > slide_deck.slide_width * 0.6
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    listing = next(t for t in texts if "Exercises in view" in t)
    assert listing.startswith("Alliances as of 31 Dec 2023\nExercises in view (3)")  # the as-of date, in text
    assert "Zapad-2021" in listing and "Iron Wolf 2022-II" in listing and "Combat Brotherhood 2023" in listing
    assert texts.count("UNCLASSIFIED") == 2


def test_pptx_notes_name_every_source(slide_deck):
    notes = slide_deck.slides[0].notes_slide.notes_text_frame.text
    for source in (s for sources in SOURCES.values() for s in sources):
        assert source in notes
    assert "Natural Earth" in notes and "GeoNames" in notes


# --- dispatch and destinations ----------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")])
def test_write_snapshot_formats(selection, tmp_path, fmt, magic):
    options = BriefingOptions(size_px=(640, 360))
    out = snapshot.write_snapshot(selection, tmp_path / f"map.{fmt}", fmt=fmt, options=options)
    assert out.read_bytes().startswith(magic)


@pytest.mark.parametrize("fmt", ["bmp", "jpeg", ""])
def test_unknown_formats_are_refused(selection, tmp_path, fmt):
    with pytest.raises(ExportError, match="unknown map format"):
        snapshot.write_snapshot(selection, tmp_path / "x", fmt=fmt)
    with pytest.raises(ExportError, match="unknown data format"):
        data_export.write_export(selection, tmp_path / "x", fmt=fmt)
    assert list(tmp_path.iterdir()) == []


def test_output_path_must_be_writable(selection, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        data_export.write_export(selection, tmp_path / "missing" / "x.csv", fmt="csv")
    with pytest.raises(ExportError, match="is a folder"):
        data_export.write_export(selection, tmp_path, fmt="csv")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="does not exist"):
        files.check_output_path(a_file / "x.csv")


def test_output_path_permission_denied(tmp_path, monkeypatch):
    monkeypatch.setattr(files.os, "access", lambda path, mode: False)  # tests may run as root
    with pytest.raises(ExportError, match="permission denied"):
        files.check_output_path(tmp_path / "x.csv")


def test_existing_file_is_replaced_atomically(selection, tmp_path):
    out = tmp_path / "sites.csv"
    out.write_text("old")
    data_export.write_export(selection, out, fmt="csv")
    assert out.read_text(encoding="utf-8").startswith("exercise_id,")
    assert [p.name for p in tmp_path.iterdir()] == ["sites.csv"]  # no temporary file left behind


def test_as_seen_without_a_browser_says_so(selection):
    with pytest.raises(ExportError, match=r"needs Chromium.*static PNG, PDF, SVG and PPTX exports work"):
        snapshot.as_seen_png(selection, executable="/nonexistent/chromium")
    assert "not installed" in snapshot.browser_problem("/nonexistent/chromium")


def test_as_seen_carries_the_map_options(selection, monkeypatch):
    """The map as seen is built with the page's options: NATO-border rings drawn there are in the picture."""
    pages: list[str] = []

    def shoot(browser, shot, timeout_ms):
        pages.append(shot.html.read_text(encoding="utf-8"))
        return b"\x89PNG"

    monkeypatch.setattr(snapshot, "_shoot", shoot)
    rings = MapOptions(rings_km=(50, 100), ring_center=NATO_BORDER)
    snapshot.as_seen_png(selection, map_options=rings, browser=object())
    snapshot.as_seen_png(selection, browser=object())
    with_rings, without = pages
    assert "Distance rings 50/100 km from NATO" in with_rings and "dm-label-ring" in with_rings
    assert "Distance rings" not in without


def test_kml_stays_well_formed_with_control_characters(sites):
    hostile = sites.copy()
    hostile.loc[hostile.index[0], "exercise_name"] = "Zapad\x00-\x1b[2J2021\x0b"
    root = ET.fromstring(data_export.export_bytes(select(hostile), "kml"))  # raises if ill-formed
    names = [pm.findtext(f"{KML}name") for pm in root.iter(f"{KML}Placemark")]
    assert "Zapad\ufffd-\ufffd[2J2021\ufffd — Losvido" in names


def test_kml_opens_in_gdal_with_its_time_span_and_no_field_clash(selection, tmp_path):
    path = tmp_path / "sites.kml"
    path.write_bytes(data_export.export_bytes(selection, "kml"))
    for driver in ("KML", "LIBKML"):
        layers = {name: pyogrio.read_info(path, layer=name, driver=driver) for name, _ in pyogrio.list_layers(path)}
        assert sum(info["features"] for info in layers.values()) == selection.n_sites, driver
    frame = pyogrio.read_dataframe(path, layer="Located sites", driver="LIBKML")
    assert {"begin", "end", "start_as_reported", "end_as_reported"} <= set(frame.columns)
    assert frame["begin"].notna().all()


@pytest.mark.parametrize("fmt", ["csv", "geojson", "kml", "gpkg"])
def test_every_data_format_opens_in_gdal_with_every_site(selection, tmp_path, fmt):
    """Read back with GDAL (pyogrio), as a GIS would: every site is there, in EPSG:4326 where located."""
    path = data_export.write_export(selection, tmp_path / f"sites.{fmt}", fmt=fmt)
    layers = [name for name, _ in pyogrio.list_layers(path)]
    infos = [pyogrio.read_info(path, layer=name) for name in layers]
    assert sum(info["features"] for info in infos) == selection.n_sites
    for info in infos:
        if info["geometry_type"] not in (None, "Unknown"):
            assert info["crs"] == "EPSG:4326"


# --- the format registry ----------------------------------------------------------------------------------


def test_registry_lists_every_format_once_with_its_writer(selection):
    assert formats.names("map") == ("png", "pdf", "svg", "pptx", "pack")
    assert formats.names("data") == ("csv", "geojson", "kml", "gpkg")
    assert formats.MEDIA_TYPES["geojson"] == "application/geo+json"
    assert formats.labels("data")["kml"] == "KML (Google Earth)"
    assert formats.FORMATS["gpkg"].file_name("drillmap-sites") == "drillmap-sites.gpkg"
    assert formats.FORMATS["pack"].file_name("drillmap-map") == "drillmap-map.pptx"  # a pack is a presentation
    assert formats.labels("map")["pack"] == "Briefing pack (PPTX, several slides)"
    for name in ("csv", "geojson", "kml"):  # a GeoPackage carries its write time: compared row by row above
        assert formats.FORMATS[name].write(selection) == data_export.export_bytes(selection, name)
    assert formats.FORMATS["gpkg"].write(selection).startswith(b"SQLite format 3")
    with pytest.raises(ExportError, match="png is a map format"):
        formats.FORMATS["png"].write(selection)
    with pytest.raises(ExportError, match=r"^unknown map format 'csv'; expected one of png, pdf, svg, pptx, pack$"):
        formats.export_format("csv", "map")
    assert formats.export_format(".GeoJSON", "data").name == "geojson"


def test_registry_imports_nothing_heavy():
    probe = "import sys, geo.export.formats, geo.export.data; print(sorted({m.split('.')[0] for m in sys.modules}))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    loaded = set(ast.literal_eval(done.stdout))
    assert loaded.isdisjoint({"geopandas", "pandas", "shapely", "matplotlib", "folium", "pptx", "streamlit"})
