"""Serialise a sites frame (:func:`geo.catalog.sites.sites_frame`) to GeoJSON, CSV and a text table.

GeoJSON follows RFC 7946: WGS84 lon/lat order, polygons with counter-clockwise exterior rings, one
Feature per exercise x site; unresolved sites are Features with ``"geometry": null``. List-valued
properties stay JSON arrays. CSV joins lists with ``;`` and carries the geometry as WKT plus the
latitude/longitude of a representative point.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo.core.values import is_missing

#: Properties of each exported Feature / CSV row, in order.
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
    "distance_to_nato_km",
    "nearest_nato_country",
    "distance_measured_from",
    "summary",
    "sources",
    "quotes",
)


def figures_text(figures: list[dict[str, Any]]) -> str:
    """Render figures as stated, each with who claimed it; contradicting numbers are all listed."""
    parts = []
    for fig in figures:
        claimant = fig.get("claimed_by") or ""
        official = ", official" if fig.get("official") and "official" not in claimant.lower() else ""
        who = f" ({claimant}{official})" if claimant else (" (official)" if fig.get("official") else "")
        scope = f" [{fig['scope']}]" if fig.get("scope") else ""
        parts.append(f"{fig['as_stated']}{scope}{who}")
    return "; ".join(parts)


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
        rec["quotes"] = [f"{c['quote']} — {c['source']}" for c in row.get("citations") or []]
        records.append({col: rec.get(col) for col in EXPORT_COLUMNS})
    return records


def to_geojson(sites: gpd.GeoDataFrame, *, indent: int | None = None) -> str:
    """Return an RFC 7946 FeatureCollection of the sites (lon, lat; CCW exterior rings)."""
    features = []
    # Round first, then orient: set_precision normalises rings (clockwise exteriors) as a side effect.
    rounded = shapely.set_precision(sites.geometry.values, 1e-6) if len(sites) else []
    geoms = shapely.orient_polygons(rounded, exterior_cw=False) if len(sites) else []
    for rec, geom in zip(export_records(sites), geoms, strict=True):
        geometry = None if geom is None or geom.is_empty else mapping(geom)
        features.append({"type": "Feature", "properties": rec, "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=indent)


def to_csv(sites: gpd.GeoDataFrame) -> str:
    """Return CSV text: one row per site, lists joined with ``;``, geometry as WKT plus lat/lon."""
    rows = []
    for rec, geom in zip(export_records(sites), sites.geometry.values, strict=True):
        flat = {k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in rec.items()}
        empty = geom is None or geom.is_empty
        point = None if empty else geom.representative_point()
        flat["lat"] = None if point is None else round(point.y, 6)
        flat["lon"] = None if point is None else round(point.x, 6)
        flat["wkt"] = None if empty else shapely.to_wkt(geom, rounding_precision=6)
        rows.append(flat)
    buf = io.StringIO()
    pd.DataFrame(rows, columns=[*EXPORT_COLUMNS, "lat", "lon", "wkt"]).to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def to_table(sites: gpd.GeoDataFrame) -> str:
    """Return a compact fixed-width table for the terminal."""
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
            "nato_km": sites["distance_to_nato_km"].map(lambda v: "—" if pd.isna(v) else f"{v:.0f}"),
            "nearest": sites["nearest_nato_country"].fillna("—"),
        }
    )
    view.loc[sites["ongoing"].to_numpy(), "end"] = "ongoing"
    return view.to_string(index=False)
