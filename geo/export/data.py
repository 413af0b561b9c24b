"""Data exports of a filtered sites frame: CSV, GeoJSON, KML and GeoPackage, as bytes or files.

* **CSV** and **GeoJSON** are :func:`geo.export.tabular.to_csv` and :func:`geo.export.tabular.to_geojson` (RFC 7946:
  lon/lat, counter-clockwise exterior rings, unresolved sites as Features with a null geometry).
* **KML** (2.2, opens in Google Earth): one Placemark per located site, with the popup facts (name, dates,
  alliance, participants, figures, the place as written, how it was located, distance to NATO, and every
  source with its quoted sentence) in an escaped HTML description and as ``ExtendedData``; a point site
  also carries its uncertainty circle. Sites that could not be located are listed as Placemarks without
  geometry in a separate Folder, so nothing is dropped silently.
* **GeoPackage**: one layer ``sites`` with :data:`geo.export.tabular.EXPORT_COLUMNS`; list values are JSON
  arrays in text columns (lossless), unresolved sites have a null geometry. :func:`gpkg_frame` is exactly
  what is written, so a read-back can be compared row for row.

:func:`check_output_path` validates a destination before any work is done, and :func:`write_bytes`
replaces the file atomically, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.dates import row_period_text
from geo.core.errors import ExportError
from geo.core.symbology import ALLIANCE_COLORS, OTHER_COLOR
from geo.core.values import is_missing
from geo.export.tabular import EXPORT_COLUMNS, export_records, to_csv, to_geojson

__all__ = [
    "DATA_FORMATS",
    "GPKG_LAYER",
    "MEDIA_TYPES",
    "check_output_path",
    "export_bytes",
    "gpkg_frame",
    "to_kml",
    "write_bytes",
    "write_export",
]

#: Data formats of :func:`export_bytes`.
DATA_FORMATS: Final = ("csv", "geojson", "kml", "gpkg")
#: Media type of every export format (data and map), for downloads.
MEDIA_TYPES: Final[dict[str, str]] = {
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "kml": "application/vnd.google-earth.kml+xml",
    "gpkg": "application/geopackage+sqlite3",
    "png": "image/png",
    "pdf": "application/pdf",
    "svg": "image/svg+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
#: Layer name inside the GeoPackage.
GPKG_LAYER: Final = "sites"
KML_NS: Final = "http://www.opengis.net/kml/2.2"
# Vertices of a KML uncertainty circle; its radius is buffered in EPSG:3035 metres, then unprojected.
_CIRCLE_QUAD_SEGS: Final = 16


# --- destinations ---------------------------------------------------------------------------------------


def check_output_path(path: str | Path) -> Path:
    """Return ``path`` if a file can be written there, before any rendering is done.

    Parameters
    ----------
    path
        Destination file. Its folder must exist and be writable; an existing file is replaced.

    Returns
    -------
    Path
        The same path.

    Raises
    ------
    ExportError
        Naming the path and the reason (no such folder, a folder given, not writable).
    """
    out = Path(path)
    if not str(path).strip():
        msg = "the output path is empty"
        raise ExportError(msg)
    parent = out.parent if str(out.parent) else Path()
    if out.is_dir():
        msg = f"cannot write {str(out)!r}: it is a folder; give a file name"
        raise ExportError(msg)
    if not parent.is_dir():
        msg = f"cannot write {str(out)!r}: folder {str(parent)!r} does not exist"
        raise ExportError(msg)
    if not os.access(parent, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        msg = f"cannot write {str(out)!r}: permission denied"
        raise ExportError(msg)
    return out


def write_bytes(data: bytes, path: str | Path) -> Path:
    """Write ``data`` to ``path`` atomically (a temporary file in the same folder, then a rename).

    Raises
    ------
    ExportError
        If the folder is missing or not writable (see :func:`check_output_path`) or the disk write fails.
    """
    out = check_output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent if str(out.parent) else ".")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            Path(tmp).chmod(0o644)
            Path(tmp).replace(out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        msg = f"cannot write {str(out)!r}: {exc.strerror or exc}"
        raise ExportError(msg) from exc
    return out


# --- KML ------------------------------------------------------------------------------------------------


def _kml_colour(hex_colour: str, alpha: float) -> str:
    """Return KML's ``aabbggrr`` for ``#rrggbb`` and an opacity."""
    value = hex_colour.lstrip("#")
    return f"{round(alpha * 255):02x}{value[4:6]}{value[2:4]}{value[0:2]}".lower()


def _coords(ring: Iterable[tuple[float, ...]]) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in ring)


def _kml_polygon(parent: ET.Element, polygon: BaseGeometry) -> None:
    oriented = shapely.orient_polygons(polygon, exterior_cw=False)
    el = ET.SubElement(parent, "Polygon")
    ET.SubElement(el, "tessellate").text = "1"
    outer = ET.SubElement(ET.SubElement(el, "outerBoundaryIs"), "LinearRing")
    ET.SubElement(outer, "coordinates").text = _coords(oriented.exterior.coords)
    for interior in oriented.interiors:
        inner = ET.SubElement(ET.SubElement(el, "innerBoundaryIs"), "LinearRing")
        ET.SubElement(inner, "coordinates").text = _coords(interior.coords)


def _uncertainty_circle(point: BaseGeometry, radius_km: float) -> BaseGeometry:
    metric = gpd.GeoSeries([point], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS)
    circle = metric.buffer(radius_km * 1000.0, quad_segs=_CIRCLE_QUAD_SEGS)
    return circle.to_crs(settings.STORAGE_CRS).iloc[0]


def _kml_geometry(parent: ET.Element, geom: BaseGeometry, radius_km: float | None) -> None:
    """Add the KML geometry of a site: a point (and its uncertainty circle) or its polygons (lon,lat order)."""
    parts = list(shapely.get_parts(geom))
    circle = _uncertainty_circle(geom, radius_km) if geom.geom_type == "Point" and radius_km else None
    container = parent if len(parts) == 1 and circle is None else ET.SubElement(parent, "MultiGeometry")
    for part in parts:
        if part.geom_type == "Point":
            ET.SubElement(ET.SubElement(container, "Point"), "coordinates").text = f"{part.x:.6f},{part.y:.6f}"
        elif part.geom_type == "Polygon":
            _kml_polygon(container, part)
        else:  # lines never come out of the geocoder; keep them rather than lose a site
            line = ET.SubElement(container, "LineString")
            ET.SubElement(line, "coordinates").text = _coords(part.coords)
    if circle is not None:
        _kml_polygon(container, circle)


def _fact_rows(rec: dict[str, Any]) -> list[tuple[str, str]]:
    def text(value: Any) -> str:
        if is_missing(value):
            return "—"
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "—"
        return str(value)

    dates = row_period_text(rec)
    distance = rec["distance_to_nato_km"]
    nato = "—" if distance is None else f"{distance:.0f} km ({text(rec['nearest_nato_country'])})"
    precision = text(rec["precision"]) + (f", ±{rec['precision_km']:g} km" if rec["precision_km"] else "")
    return [
        ("Exercise", text(rec["exercise_name"])),
        ("Dates", f"{dates} (precision: {text(rec['date_precision'])})"),
        ("Alliance", text(rec["alliance"])),
        ("Participants", text(rec["participants"])),
        ("Observers", text(rec["observers"])),
        ("Troops and equipment", text(rec["figures_text"])),
        ("Place as written", text(rec["place_text"])),
        ("Located as", f"{text(rec['site_kind'])} ({precision}); {text(rec['geocode_explanation'])}"),
        ("Distance to NATO", nato),
        ("Summary", text(rec["summary"])),
    ]


def _description(rec: dict[str, Any]) -> str:
    """Return the popup as HTML with every value escaped (a report may contain ``<script>``)."""
    rows = "".join(
        f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in _fact_rows(rec)
    )
    quotes = "".join(f"<li>{html.escape(q)}</li>" for q in rec["quotes"])
    sources = "".join(f"<li>{html.escape(s)}</li>" for s in rec["sources"])
    return f"<table>{rows}</table><p><b>Quoted sources</b></p><ul>{quotes}</ul><p><b>Sources</b></p><ul>{sources}</ul>"


def _placemark(parent: ET.Element, rec: dict[str, Any], geom: BaseGeometry | None) -> None:
    pm = ET.SubElement(parent, "Placemark")
    ET.SubElement(pm, "name").text = f"{rec['exercise_name']} — {rec['place_text']}"
    ET.SubElement(pm, "description").text = _description(rec)
    if rec["start"] or rec["end"]:
        span = ET.SubElement(pm, "TimeSpan")
        if rec["start"]:
            ET.SubElement(span, "begin").text = str(rec["start"])  # KML accepts YYYY, YYYY-MM, YYYY-MM-DD
        if rec["end"]:
            ET.SubElement(span, "end").text = str(rec["end"])
    alliance = rec["alliance"] if rec["alliance"] in ALLIANCE_COLORS else "other"
    ET.SubElement(pm, "styleUrl").text = f"#alliance-{alliance}"
    data = ET.SubElement(pm, "ExtendedData")
    for key in EXPORT_COLUMNS:
        value = rec[key]
        item = ET.SubElement(data, "Data", name=key)
        ET.SubElement(item, "value").text = (
            json.dumps(value, ensure_ascii=False) if isinstance(value, list) else "" if value is None else str(value)
        )
    if geom is not None and not geom.is_empty:
        radius = rec["precision_km"]
        _kml_geometry(pm, geom, float(radius) if radius else None)


def _styles(doc: ET.Element) -> None:
    for alliance, colour in [*ALLIANCE_COLORS.items(), ("other", OTHER_COLOR)]:
        style = ET.SubElement(doc, "Style", id=f"alliance-{alliance}")
        icon = ET.SubElement(style, "IconStyle")
        ET.SubElement(icon, "color").text = _kml_colour(colour, 1.0)
        ET.SubElement(icon, "scale").text = "0.9"
        line = ET.SubElement(style, "LineStyle")
        ET.SubElement(line, "color").text = _kml_colour(colour, 0.9)
        ET.SubElement(line, "width").text = "1.5"
        poly = ET.SubElement(style, "PolyStyle")
        ET.SubElement(poly, "color").text = _kml_colour(colour, 0.2)


def to_kml(sites: gpd.GeoDataFrame, *, name: str = "Drillmap exercise sites") -> str:
    """Return a KML 2.2 document of the sites (coordinates lon,lat; polygons counter-clockwise).

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326).
    name
        Name of the KML document.

    Returns
    -------
    str
        UTF-8 KML text: a Folder "Located sites" with one Placemark per located site, and, if any, a
        Folder "Sites that could not be located" with geometry-less Placemarks listing them.
    """
    if len(sites) and (sites.crs is None or sites.crs.to_epsg() != 4326):
        msg = f"sites must be in EPSG:4326 (lon, lat), got {sites.crs}"
        raise ExportError(msg)
    ET.register_namespace("", KML_NS)
    root = ET.Element("kml", xmlns=KML_NS)
    doc = ET.SubElement(root, "Document")
    ET.SubElement(doc, "name").text = name
    ET.SubElement(doc, "description").text = (
        "Exercise sites from the Drillmap catalog. Each placemark lists the sources with the quoted sentence. "
        "Basemap data: Natural Earth; places: GeoNames (CC BY 4.0)."
    )
    _styles(doc)
    located = ET.SubElement(doc, "Folder")
    ET.SubElement(located, "name").text = "Located sites"
    unlocated: ET.Element | None = None
    for rec, geom in zip(export_records(sites), sites.geometry.values, strict=True):
        if geom is None or geom.is_empty:
            if unlocated is None:
                unlocated = ET.SubElement(doc, "Folder")
                ET.SubElement(unlocated, "name").text = "Sites that could not be located"
                ET.SubElement(unlocated, "description").text = "Listed without a position: the place is too vague."
            _placemark(unlocated, rec, None)
        else:
            _placemark(located, rec, geom)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- GeoPackage -----------------------------------------------------------------------------------------


def gpkg_frame(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the frame :func:`export_bytes` writes to GeoPackage: export columns, lists as JSON text.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326).

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`geo.export.tabular.EXPORT_COLUMNS` (``ongoing`` boolean, distances float, the rest text) and the
        site geometry (EPSG:4326; None when the site could not be located).
    """
    records = export_records(sites)
    rows = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in r.items()} for r in records]
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for column in ("precision_km", "distance_to_nato_km"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["ongoing"] = frame["ongoing"].fillna(False).astype(bool)
    text_columns = [c for c in EXPORT_COLUMNS if c not in ("precision_km", "distance_to_nato_km", "ongoing")]
    for column in text_columns:  # pandas' string dtype, missing values NaN: what a GeoPackage reads back as
        frame[column] = frame[column].astype("str").where(frame[column].notna())
    geoms = [None if g is None or g.is_empty else g for g in sites.geometry.values]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=settings.STORAGE_CRS), crs=settings.STORAGE_CRS)


def _gpkg_bytes(sites: gpd.GeoDataFrame) -> bytes:
    frame = gpkg_frame(sites)
    with tempfile.TemporaryDirectory(prefix="drillmap-gpkg-") as tmp:
        path = Path(tmp) / "sites.gpkg"
        try:
            frame.to_file(path, driver="GPKG", layer=GPKG_LAYER, engine="pyogrio")
        except Exception as exc:  # pyogrio raises its own DataSourceError/FieldError family
            msg = f"cannot write the GeoPackage: {exc}"
            raise ExportError(msg) from exc
        return path.read_bytes()


# --- dispatch -------------------------------------------------------------------------------------------


def export_bytes(sites: gpd.GeoDataFrame, fmt: str) -> bytes:
    """Return the sites as a ``csv``, ``geojson``, ``kml`` or ``gpkg`` file's bytes (text is UTF-8).

    Raises
    ------
    ExportError
        On an unknown format.
    """
    if fmt == "csv":
        return to_csv(sites).encode("utf-8")
    if fmt == "geojson":
        return to_geojson(sites).encode("utf-8")
    if fmt == "kml":
        return to_kml(sites).encode("utf-8")
    if fmt == "gpkg":
        return _gpkg_bytes(sites)
    msg = f"unknown data format {fmt!r}; expected one of {', '.join(DATA_FORMATS)}"
    raise ExportError(msg)


def write_export(sites: gpd.GeoDataFrame, out: str | Path, *, fmt: str) -> Path:
    """Write the sites to ``out`` in ``fmt`` (see :func:`export_bytes`); the path is checked first."""
    if fmt not in DATA_FORMATS:
        msg = f"unknown data format {fmt!r}; expected one of {', '.join(DATA_FORMATS)}"
        raise ExportError(msg)
    check_output_path(out)
    return write_bytes(export_bytes(sites, fmt), out)
