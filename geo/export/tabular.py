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

from geo.catalog.sites import NATO_DISTANCE_COLUMNS, figures_text, nato_distance_text
from geo.core.text import csv_cell, terminal_safe
from geo.core.values import is_missing

if TYPE_CHECKING:
    from geo.query.selection import Selection

#: Name of the as-of column (CSV, GeoPackage) and key of the as-of statement.
AS_OF_KEY: Final = "alliances_as_of"

#: Properties of each exported Feature / CSV row, in order: the distance columns are those of the sites frame
#: (:data:`geo.catalog.sites.NATO_DISTANCE_COLUMNS`, kilometres) plus ``nato_distance_text``, what the map says.
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
    "summary",
    "sources",
    "quotes",
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
        rec["figures_text"] = figures_text(row.get("figures") or [])
        rec["nato_distance_text"] = nato_distance_text(row)
        rec["quotes"] = [f"{c['quote']} — {c['source']}" for c in row.get("citations") or []]
        records.append({col: rec.get(col) for col in EXPORT_COLUMNS})
    return records


def filter_record(selection: Selection) -> dict[str, Any]:
    """Return the selection's filter as plain JSON values: only the fields that restrict (``{}`` for none)."""
    record: dict[str, Any] = {}
    for name, value in dataclasses.asdict(selection.filter).items():
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


def to_csv(selection: Selection) -> str:
    """Return CSV text: one row per site, lists joined with ``;``, geometry as WKT plus lat/lon, and the as-of date.

    Text cells that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) are guarded by
    :func:`geo.core.text.csv_cell`; numbers are written as numbers.
    """
    as_of = selection.period_end.isoformat()
    rows = []
    for rec, geom in zip(export_records(selection.sites), selection.sites.geometry.values, strict=True):
        flat = {k: csv_cell(";".join(map(str, v)) if isinstance(v, list) else v) for k, v in rec.items()}
        empty = geom is None or geom.is_empty
        point = None if empty else geom.representative_point()
        flat["lat"] = None if point is None else round(point.y, 6)
        flat["lon"] = None if point is None else round(point.x, 6)
        flat["wkt"] = None if empty else shapely.to_wkt(geom, rounding_precision=6)
        flat[AS_OF_KEY] = as_of
        rows.append(flat)
    buf = io.StringIO()
    columns = [*EXPORT_COLUMNS, "lat", "lon", "wkt", AS_OF_KEY]
    pd.DataFrame(rows, columns=columns).to_csv(buf, index=False, lineterminator="\n")
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
