"""Serialise a :class:`~geo.query.selection.Selection` to GeoJSON and CSV, and a sites frame to a text table.

GeoJSON follows RFC 7946: WGS84 lon/lat order, polygons with counter-clockwise exterior rings, one
Feature per exercise x site; unresolved sites are Features with ``"geometry": null``. List-valued
properties stay JSON arrays. CSV joins lists with ``;`` and carries the geometry as WKT plus the
latitude/longitude of a representative point.

Every data export states the date alliance membership is given for, :attr:`Selection.period_end
<geo.query.selection.Selection.period_end>` (ISO date; :func:`as_of_statement`): GeoJSON as the
top-level foreign member ``"drillmap"`` (allowed by RFC 7946 section 6.1), CSV as the column
``alliances_as_of``; KML and GeoPackage do the same (:mod:`geo.export.kml`, :mod:`geo.export.gpkg`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from typing import TYPE_CHECKING, Any, Final

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.catalog.other_side import OTHER_SIDE_COLUMNS
from geo.catalog.sites import NATO_DISTANCE_COLUMNS, figures_text, nato_distance_text, other_side_text
from geo.core.crs import to_metric, to_storage
from geo.core.grading import GRADE_COLUMNS, NOT_GRADED, grade_columns, grade_label
from geo.core.text import csv_cell, terminal_safe
from geo.core.values import is_missing

if TYPE_CHECKING:
    from geo.query.selection import Selection

#: Name of the as-of column (CSV, GeoPackage) and key of the as-of statement.
AS_OF_KEY: Final = "alliances_as_of"

#: Properties of each exported Feature / CSV row, in order: the distance columns are those of the sites frame
#: (:data:`geo.catalog.sites.NATO_DISTANCE_COLUMNS`, kilometres) plus ``nato_distance_text``, then the distance
#: to the other side (:data:`geo.catalog.other_side.OTHER_SIDE_COLUMNS`) plus ``other_side_text``, what the map says;
#: each quote ends with its Admiralty grade, and :data:`geo.core.grading.GRADE_COLUMNS` give the site's best one.
EXPORT_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "exercise_name",
    "alt_names",
    "family",
    "alliance",
    "start",
    "end",
    "ongoing",
    "date_precision",
    "announced",
    "participants",
    "observers",
    "non_participants",
    "withdrawn",
    "disputed",
    "figures_text",
    "place_text",
    "resolve_as",
    "site_role",
    "site_status",
    "site_kind",
    "precision",
    "precision_km",
    "site_country",
    "admin1",
    "confidence",
    "geocode_explanation",
    *NATO_DISTANCE_COLUMNS,
    "nato_distance_text",
    *OTHER_SIDE_COLUMNS,
    "other_side_text",
    "summary",
    "sources",
    "quotes",
    *GRADE_COLUMNS,
)


def _clean(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_records(sites: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """Return one plain dict per site with :data:`EXPORT_COLUMNS` (lists kept as lists)."""
    records = []
    for row in sites.to_dict("records"):
        rec = {col: _clean(row.get(col)) for col in EXPORT_COLUMNS if col in row}
        citations = list(row.get("citations") or [])
        rec["figures_text"] = figures_text(row.get("figures") or [], citations)
        rec["nato_distance_text"] = nato_distance_text(row)
        rec["other_side_text"] = other_side_text(row)
        rec["quotes"] = [f"{c['quote']} — {c['source']} [{grade_label(c.get('grade', NOT_GRADED))}]" for c in citations]
        rec.update(grade_columns(citations))
        records.append({col: rec.get(col) for col in EXPORT_COLUMNS})
    return records


def filter_record(selection: Selection) -> dict[str, Any]:
    """Return the selection's filter as plain JSON values: only the fields that restrict (``{}`` for none)."""
    record: dict[str, Any] = {}
    for name, value in dataclasses.asdict(selection.filter).items():
        if name == "statuses" and not selection.filter.countries:
            continue  # the statuses say what the country filter counts; without countries they restrict nothing
        if value not in (None, "", ()):
            record[name] = list(value) if isinstance(value, tuple) else value
    return record


def as_of_statement(selection: Selection) -> dict[str, Any]:
    """Return what every data export states about the selection: the as-of date (ISO) and the filter."""
    return {AS_OF_KEY: selection.period_end.isoformat(), "filter": filter_record(selection)}


def to_geojson(selection: Selection, *, indent: int | None = None) -> str:
    """Return an RFC 7946 FeatureCollection of the selected sites (lon, lat; CCW exterior rings).

    The top-level foreign member ``"drillmap"`` holds :func:`as_of_statement`.
    """
    sites = selection.sites
    features = []
    # Round first, then orient: set_precision normalises rings (clockwise exteriors) as a side effect.
    rounded = shapely.set_precision(sites.geometry.values, 1e-6) if len(sites) else []
    geoms = shapely.orient_polygons(rounded, exterior_cw=False) if len(sites) else []
    for rec, geom in zip(export_records(sites), geoms, strict=True):
        geometry = None if geom is None or geom.is_empty else mapping(geom)
        features.append({"type": "Feature", "properties": rec, "geometry": geometry})
    doc = {"type": "FeatureCollection", "drillmap": as_of_statement(selection), "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=indent)


#: Longest text a spreadsheet cell holds (Excel and LibreOffice Calc: 32,767 characters).
SPREADSHEET_CELL_CHARS: Final = 32_767


#: Simplification tolerances tried, in order, for a WKT too long for a spreadsheet cell (metres, EPSG:3035).
CSV_SIMPLIFY_M: Final = (100.0, 250.0, 500.0, 1_000.0, 2_500.0, 5_000.0, 10_000.0, 25_000.0)


def csv_wkt(geom: BaseGeometry | None) -> tuple[str | None, float | None]:
    """Return a geometry's WKT that fits a spreadsheet cell, and the simplification it took (metres).

    The WKT is exact (6 decimals, about 0.1 m; simplification 0) when it fits
    :data:`SPREADSHEET_CELL_CHARS`; otherwise the geometry is simplified in EPSG:3035 with the first
    tolerance of :data:`CSV_SIMPLIFY_M` that makes it fit. Should none do, the cell is left empty (and the
    simplification too): the full geometry is always in the GeoJSON and GeoPackage exports.
    """
    if geom is None or geom.is_empty:
        return None, None
    text = shapely.to_wkt(geom, rounding_precision=6)
    if len(text) <= SPREADSHEET_CELL_CHARS:
        return text, 0.0
    metric = to_metric(geom)
    for tolerance_m in CSV_SIMPLIFY_M:
        simpler = to_storage(shapely.simplify(metric, tolerance_m, preserve_topology=True))
        text = shapely.to_wkt(simpler, rounding_precision=6)
        if len(text) <= SPREADSHEET_CELL_CHARS:
            return text, tolerance_m
    return None, None


def to_csv(selection: Selection) -> str:
    """Return CSV text that any spreadsheet opens: one row per site, lists joined with ``;``, the as-of date.

    * ``lat``/``lon`` only for point sites (a range, an airfield, a town): an area has none, so an X/Y
      import cannot turn a region into a fake point; every located site has ``wkt`` (EPSG:4326, lon lat),
      within a spreadsheet cell's 32,767 characters (:func:`csv_wkt`; ``wkt_simplified_m`` says by how much);
    * text cells that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) are guarded by
      :func:`geo.core.text.csv_cell`; numbers are written as numbers;
    * rows end with CRLF (RFC 4180), and a cell holding a line break is quoted.
    """
    as_of = selection.period_end.isoformat()
    rows = []
    for rec, geom in zip(export_records(selection.sites), selection.sites.geometry.values, strict=True):
        flat = {k: csv_cell(";".join(map(str, v)) if isinstance(v, list) else v) for k, v in rec.items()}
        point = geom is not None and not geom.is_empty and geom.geom_type == "Point"
        flat["lat"] = round(geom.y, 6) if point else None
        flat["lon"] = round(geom.x, 6) if point else None
        flat["wkt"], flat["wkt_simplified_m"] = csv_wkt(geom)
        flat[AS_OF_KEY] = as_of
        rows.append(flat)
    buf = io.StringIO()
    columns = [*EXPORT_COLUMNS, "lat", "lon", "wkt", "wkt_simplified_m", AS_OF_KEY]
    # RFC 4180's CRLF: the writer quotes a cell holding either character of its line end, so a bare "\r" in a
    # text cell cannot start a new row (whose "=…" a spreadsheet would run) in a reader that splits on it.
    frame = pd.DataFrame(rows, columns=columns)
    frame["info_credibility"] = frame["info_credibility"].astype("Int64")  # 2, not 2.0, beside empty cells
    frame.to_csv(buf, index=False, lineterminator="\r\n")
    return buf.getvalue()


def csv_bytes(selection: Selection) -> bytes:
    """Return :func:`to_csv` as UTF-8 (the registered ``csv`` writer)."""
    return to_csv(selection).encode("utf-8")


def geojson_bytes(selection: Selection) -> bytes:
    """Return :func:`to_geojson` as UTF-8 (the registered ``geojson`` writer)."""
    return to_geojson(selection).encode("utf-8")


def _km_cell(value: Any) -> str:
    return "—" if is_missing(value) else f"{value:.0f}"


def to_table(sites: gpd.GeoDataFrame) -> str:
    """Return a compact fixed-width table for the terminal (control characters escaped by :func:`terminal_safe`).

    ``nato_km`` is the distance from the site's nearest point (what ``--max-nato-km`` filters on), ``centre_km``
    from its representative point; ``relation`` is ``inside``, ``shares_border``, ``touches_at_point`` or
    ``outside`` (:mod:`geo.geocode.distance`).
    """
    if sites.empty:
        return "no exercise sites match"
    view = pd.DataFrame(
        {
            "exercise": sites["exercise_id"],
            "alliance": sites["alliance"],
            "start": sites["start"].fillna("(announced " + sites["announced"].fillna("?") + ")"),
            "end": sites["end"].fillna("—"),
            "place": sites["place_text"].str.slice(0, 40),
            "kind": sites["site_kind"].fillna("unresolved"),
            "precision": sites["precision"],
            "nato_km": sites["distance_to_nato_km"].map(_km_cell),
            "centre_km": sites["distance_to_nato_from_centre_km"].map(_km_cell),
            "nearest": sites["nearest_nato_country"].fillna("—"),
            "relation": sites["nato_relation"].fillna("—"),
        }
    )
    view.loc[sites["ongoing"].to_numpy(), "end"] = "ongoing"
    return view.map(terminal_safe).to_string(index=False)  # stored text: no escape sequence reaches the terminal
