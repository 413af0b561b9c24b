"""Are exercises coming closer to the other side? Distances to it per period and alliance, precision kept apart.

Every located site has a distance to the *other side* (:mod:`geo.catalog.other_side`): NATO for Russia–Belarus
and CSTO sites, the Union State for NATO's. This module answers the trend question from those columns alone
(no drawing, no I/O), for the CLI (``python -m geo proximity``), the dashboard's Proximity page and the
chart exports:

* :func:`proximity_sites` — one row per measured site: its period (year, or quarter), alliance, side,
  precision class and the two distances (from its nearest point, and from its representative point);
* :func:`proximity_trend` — per period, alliance, side and precision class: the number of sites and the
  minimum, median and maximum of each distance, with the sites behind each row.

Precision classes (:data:`PRECISION_CLASSES`) are never pooled: a **precise** site (a training ground or
airfield located as a point), a **proxy** (a town standing for a nearby range, or a point known only to
some kilometres) and an **area** (region, border strip, whole country; its nearest point may be far from
where troops were) each get their own row. For areas the nearest-point distance says "how close the area
comes"; the centre distance (``point_on_surface``, the map's area measure) says where it lies.

A quarter is only given when the start is known to the month or day: an exercise dated only by its year
falls in ``<year>-Q?`` rather than a made-up first quarter.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any, Final, Literal

import geopandas as gpd
import pandas as pd

from geo.catalog.sites import located, place_name, site_kind
from geo.core.text import csv_cell

__all__ = [
    "PERIODS",
    "PRECISION_CLASSES",
    "SITE_KEY",
    "TREND_COLUMNS",
    "Period",
    "precision_class",
    "proximity_sites",
    "proximity_trend",
    "trend_csv",
    "trend_json",
    "trend_records",
]

Period = Literal["year", "quarter"]
#: How the trend can be grouped in time.
PERIODS: Final[tuple[Period, ...]] = ("year", "quarter")
#: Precision classes, from the surest to the loosest (never mixed in one row).
PRECISION_CLASSES: Final[tuple[str, ...]] = ("precise", "proxy", "area")
_CLASS_OF_KIND: Final = {"p": "precise", "a": "proxy", "t": "proxy", "b": "area", "c": "area", "r": "area"}
#: Column naming a site: ``<exercise_id>#<site_index>``.
SITE_KEY: Final = "site_key"
#: Columns of :func:`proximity_trend`, in order.
TREND_COLUMNS: Final[tuple[str, ...]] = (
    "period",
    "alliance",
    "other_side",
    "precision",
    "n",
    "min_km",
    "median_km",
    "max_km",
    "centre_min_km",
    "centre_median_km",
    "centre_max_km",
    "sites",
)


def precision_class(geom_type: str, kind: Any, precision: Any) -> str:
    """Return ``precise``, ``proxy`` or ``area`` for a site (its drawing kind, :func:`geo.catalog.sites.site_kind`)."""
    return _CLASS_OF_KIND[site_kind(geom_type, kind, precision)]


def _period(start: Any, date_precision: Any, by: Period) -> str:
    if by == "year":
        return f"{start.year}"
    if date_precision == "year":
        return f"{start.year}-Q?"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def proximity_sites(sites: gpd.GeoDataFrame, by: Period = "year") -> pd.DataFrame:
    """Return one row per located site measured to the other side, with its period and precision class.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (with the ``other_side_*`` columns).
    by
        ``year`` or ``quarter`` (of the exercise's earliest possible start).

    Returns
    -------
    pandas.DataFrame
        Columns ``site_key``, ``exercise_id``, ``exercise_name``, ``place``, ``alliance``, ``other_side``,
        ``other_side_nearest`` (ISO3), ``period``, ``start_date``, ``precision`` (class), ``km`` (from the
        nearest point), ``centre_km`` (from the representative point) and ``relation``; sorted by period,
        then distance. Sites without a geometry or another side are left out.
    """
    if by not in PERIODS:
        msg = f"by must be one of {PERIODS}, got {by!r}"
        raise ValueError(msg)
    rows = []
    for row, geometry in zip(located(sites).to_dict("records"), located(sites).geometry, strict=True):
        km = row.get("other_side_distance_km")
        if row.get("other_side") is None or km is None or pd.isna(km):
            continue
        rows.append(
            {
                SITE_KEY: f"{row['exercise_id']}#{row['site_index']}",
                "exercise_id": row["exercise_id"],
                "exercise_name": row["exercise_name"],
                "place": place_name(row),
                "alliance": row["alliance"],
                "other_side": row["other_side"],
                "other_side_nearest": row.get("other_side_nearest"),
                "period": _period(row["start_date"], row.get("date_precision"), by),
                "start_date": row["start_date"],
                "precision": precision_class(geometry.geom_type, row.get("site_kind"), row.get("precision")),
                "km": float(km),
                "centre_km": float(row.get("other_side_centre_km", km)),
                "relation": row.get("other_side_relation"),
            }
        )
    columns = [SITE_KEY, "exercise_id", "exercise_name", "place", "alliance", "other_side", "other_side_nearest"]
    columns += ["period", "start_date", "precision", "km", "centre_km", "relation"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["period", "km", SITE_KEY], kind="stable").reset_index(drop=True)


def proximity_trend(points: pd.DataFrame) -> pd.DataFrame:
    """Return the distribution of the distances per period, alliance, side and precision class.

    Parameters
    ----------
    points
        :func:`proximity_sites` output.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TREND_COLUMNS`: ``n`` sites, ``min_km``/``median_km``/``max_km`` of the nearest-point
        distance, ``centre_*_km`` of the centre distance (equal for precise sites), and ``sites`` (their
        ``site_key`` values, nearest first). One row per period x alliance x side x precision class that has
        sites, in period order, then alliance, then precision class (precise first).
    """
    keys = ["period", "alliance", "other_side", "precision"]
    if points.empty:
        return pd.DataFrame(columns=list(TREND_COLUMNS))
    grouped = points.groupby(keys, sort=False)
    out = grouped.agg(
        n=("km", "size"),
        min_km=("km", "min"),
        median_km=("km", "median"),
        max_km=("km", "max"),
        centre_min_km=("centre_km", "min"),
        centre_median_km=("centre_km", "median"),
        centre_max_km=("centre_km", "max"),
        sites=(SITE_KEY, list),
    ).reset_index()
    for column in TREND_COLUMNS[5:11]:
        out[column] = out[column].round(1)
    out["_p"] = out["precision"].map(PRECISION_CLASSES.index)
    out = out.sort_values(["period", "alliance", "_p"], kind="stable").drop(columns="_p")
    return out[list(TREND_COLUMNS)].reset_index(drop=True)


def trend_records(trend: pd.DataFrame) -> list[dict[str, Any]]:
    """Return the trend as plain JSON values (``sites`` as a list of ``site_key`` values)."""
    records: list[dict[str, Any]] = []
    for row in trend.to_dict("records"):
        rec = {c: row[c] for c in TREND_COLUMNS}
        rec["n"] = int(rec["n"])
        rec["sites"] = list(rec["sites"])
        records.append(rec)
    return records


def trend_csv(trend: pd.DataFrame) -> str:
    """Return the trend as CSV (:data:`TREND_COLUMNS`; ``sites`` joined by ``;``; text cells guarded)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TREND_COLUMNS)
    for rec in trend_records(trend):
        rec["sites"] = ";".join(rec["sites"])
        writer.writerow([csv_cell(rec[c]) for c in TREND_COLUMNS])
    return buffer.getvalue()


def trend_json(trend: pd.DataFrame, statement: Mapping[str, Any]) -> str:
    """Return the trend as JSON: ``statement`` (the as-of date and filter of the selection) and the ``rows``."""
    return json.dumps({**statement, "rows": trend_records(trend)}, ensure_ascii=False, indent=1)
