"""KML 2.2 of a selection (opens in Google Earth).

One Placemark per located site, with the popup facts (name, dates, alliance, participants, figures,
the place as written, how it was located, distance to NATO, and every source with its quoted
sentence) in an escaped HTML description and as ``ExtendedData``; a point site also carries its
uncertainty circle. Sites that could not be located are listed as Placemarks without geometry in a
separate Folder, so nothing is dropped silently. The Document states the as-of date of alliance
membership (:attr:`geo.query.selection.Selection.period_end`) in its description and as
``ExtendedData`` (``alliances_as_of``, and the filter as JSON).

Coordinates are EPSG:4326 written lon,lat; polygons are counter-clockwise.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import shapely
from shapely.geometry.base import BaseGeometry

from geo.core.credits import credits_sentence
from geo.core.crs import to_metric, to_storage
from geo.core.dates import row_period_text
from geo.core.errors import ExportError
from geo.core.symbology import ALLIANCE_COLORS, OTHER_COLOR
from geo.core.text import xml_text
from geo.core.values import is_missing
from geo.export.tabular import AS_OF_KEY, EXPORT_COLUMNS, as_of_statement, export_records

if TYPE_CHECKING:
    from geo.query.selection import Selection

__all__ = ["KML_NS", "kml_bytes", "to_kml"]

KML_NS: Final = "http://www.opengis.net/kml/2.2"
# Vertices of a KML uncertainty circle; its radius is buffered in EPSG:3035 metres, then unprojected.
_CIRCLE_QUAD_SEGS: Final = 16


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
    return to_storage(to_metric(point).buffer(radius_km * 1000.0, quad_segs=_CIRCLE_QUAD_SEGS))


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
    precision = text(rec["precision"]) + (f", ±{rec['precision_km']:g} km" if rec["precision_km"] else "")
    return [
        ("Exercise", text(rec["exercise_name"])),
        ("Dates", f"{dates} (precision: {text(rec['date_precision'])})"),
        ("Alliance", text(rec["alliance"])),
        ("Participants", text(rec["participants"])),
        ("Participation disputed", text(rec["disputed"])),
        ("Withdrew", text(rec["withdrawn"])),
        ("Observers", text(rec["observers"])),
        ("Troops and equipment", text(rec["figures_text"])),
        ("Best source grade", text(rec["grade"])),
        ("Place as written", text(rec["place_text"])),
        ("Located as", f"{text(rec['site_kind'])} ({precision}); {text(rec['geocode_explanation'])}"),
        ("Distance to NATO", text(rec["nato_distance_text"])),
        ("Distance to the other side", text(rec["other_side_text"])),
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


#: ExtendedData names that differ from the export columns: GDAL's KML drivers read a TimeSpan as fields
#: ``begin`` and ``end``, so the dates as reported get names of their own.
KML_FIELD_NAMES: Final = {"start": "start_as_reported", "end": "end_as_reported"}


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
        item = ET.SubElement(data, "Data", name=KML_FIELD_NAMES.get(key, key))
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


def _document(root: ET.Element, selection: Selection, name: str) -> ET.Element:
    """Add the Document: its name, a description stating sources and the as-of date, and that date as data."""
    statement = as_of_statement(selection)
    doc = ET.SubElement(root, "Document")
    ET.SubElement(doc, "name").text = name
    ET.SubElement(doc, "description").text = (
        "Exercise sites from the Drillmap catalog. Each placemark lists the sources with the quoted sentence. "
        f"Alliance membership as of {statement[AS_OF_KEY]}. {credits_sentence()}"
    )
    data = ET.SubElement(doc, "ExtendedData")
    for key, value in ((AS_OF_KEY, statement[AS_OF_KEY]), ("filter", json.dumps(statement["filter"]))):
        ET.SubElement(ET.SubElement(data, "Data", name=key), "value").text = value
    return doc


def to_kml(selection: Selection, *, name: str = "Drillmap exercise sites") -> str:
    """Return a KML 2.2 document of the selected sites (coordinates lon,lat; polygons counter-clockwise).

    Parameters
    ----------
    selection
        The selection; its sites are rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326).
    name
        Name of the KML document.

    Returns
    -------
    str
        UTF-8 KML text: a Folder "Located sites" with one Placemark per located site, and, if any, a
        Folder "Sites that could not be located" with geometry-less Placemarks listing them.
    """
    sites = selection.sites
    if len(sites) and (sites.crs is None or sites.crs.to_epsg() != 4326):
        msg = f"sites must be in EPSG:4326 (lon, lat), got {sites.crs}"
        raise ExportError(msg)
    ET.register_namespace("", KML_NS)
    root = ET.Element("kml", xmlns=KML_NS)
    doc = _document(root, selection, name)
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
    for element in root.iter():  # report text may hold controls that no XML document can contain
        element.text = None if element.text is None else xml_text(element.text)
        for key, value in element.attrib.items():
            element.attrib[key] = xml_text(value)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def kml_bytes(selection: Selection) -> bytes:
    """Return :func:`to_kml` as UTF-8 (the registered ``kml`` writer)."""
    return to_kml(selection).encode("utf-8")
