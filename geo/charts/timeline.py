"""One row per exercise, and the Gantt-style timeline chart of the filtered exercises (Altair, no Streamlit).

Dates keep their honesty on the chart: an exercise known to the day is a solid bar; one known only to
the month or year is a pale bar with a dashed outline over the whole month or year it may cover; an
ongoing deployment runs to today, pale; an event known only from its announcement is a hollow diamond
on the announcement date. Colours are the map's (:mod:`geo.core.symbology`, one per alliance).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from typing import Any, Final

import altair as alt
import geopandas as gpd
import pandas as pd

from geo.catalog.participation import participants_text
from geo.catalog.sites import figures_text
from geo.core.countries import country_name
from geo.core.dates import date_precision_of, row_period_text
from geo.core.symbology import ALLIANCES, alliance_color, ordered_alliances

__all__ = ["DATE_QUALITY", "exercises_frame", "family_name", "timeline_chart"]

#: How well the dates of an exercise are known, as shown on the chart.
DATE_QUALITY: Final[dict[str, str]] = {
    "day": "dates known to the day",
    "approximate": "month or year only",
    "ongoing": "ongoing (no end)",
    "announced": "announced only, no dates",
}

EXERCISE_COLUMNS: Final[tuple[str, ...]] = (
    "exercise_id",
    "exercise_name",
    "family",
    "alliance",
    "dates",
    "date_precision",
    "date_quality",
    "start_date",
    "end_date",
    "participants",
    "troops_claimed",
    "sites",
    "sites_drawn",
    "nearest_nato_km",
    "nearest_nato",
    "other_side_km",
    "other_side_nearest",
    "sources",
)


def _quality(row: dict[str, Any]) -> str:
    if row.get("date_precision") == "announced" or not row.get("start"):
        return "announced"
    if row.get("ongoing"):
        return "ongoing"
    # A period is known to the day only when its end is too (the 2022–23 grouping ended in "2023-08").
    end = row.get("end")
    end_is_day = not isinstance(end, str) or not end or date_precision_of(end) == "day"
    return "day" if row.get("date_precision") == "day" and end_is_day else "approximate"


#: Words of a figure's ``what`` that make it a head count (troops, servicemen, personnel …).
_PERSONNEL = ("troop", "servicem", "personnel", "soldier", "people", "participant", "contingent")


def _is_personnel(figure: dict[str, Any]) -> bool:
    return any(word in str(figure.get("what", "")).lower() for word in _PERSONNEL)


def _closest(group: pd.DataFrame, km_column: str, country_column: str) -> tuple[float | None, str | None]:
    """Return the smallest distance of an exercise's sites (km, 0.1) and the country it is to (name)."""
    if km_column not in group:
        return None, None
    measured = group[[km_column, country_column]].dropna(subset=[km_column])
    if measured.empty:
        return None, None
    km, country = measured.sort_values(km_column, kind="stable").iloc[0]
    return round(float(km), 1), country_name(str(country)) if isinstance(country, str) else None


def exercises_frame(sites: gpd.GeoDataFrame) -> pd.DataFrame:
    """Return one row per exercise of a sites frame, in start order.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (any subset).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`EXERCISE_COLUMNS`: ``dates`` as written (reduced precision kept), ``date_quality``
        (a key of :data:`DATE_QUALITY`), ``start_date``/``end_date`` (the earliest and latest day the
        dates can mean; ``end_date`` empty when ongoing), participant names, every troop figure with who
        claimed it (``troops_claimed``: contradictions side by side), the number of sites and of
        drawn (resolved) sites, the smallest distance to NATO (km) and the nearest member, the smallest
        distance to the other side (km; :mod:`geo.catalog.other_side`) and its nearest country, and the
        number of distinct sources.
    """
    if sites.empty:
        return pd.DataFrame(columns=list(EXERCISE_COLUMNS))
    rows = []
    for ex_id, group in sites.groupby("exercise_id", sort=False):
        first = group.iloc[0].to_dict()
        distances = group["distance_to_nato_km"].dropna()
        nearest = group.loc[distances.idxmin(), "nearest_nato_country"] if not distances.empty else None
        resolved = group.geometry.notna() & ~group.geometry.is_empty
        sources = {c["source"] for cits in group["citations"] for c in cits}
        other = _closest(group, "other_side_distance_km", "other_side_nearest")
        rows.append(
            {
                "exercise_id": ex_id,
                "exercise_name": first["exercise_name"],
                "family": first["family"] if isinstance(first["family"], str) else "",
                "alliance": first["alliance"],
                "dates": row_period_text(first),
                "date_precision": first["date_precision"],
                "date_quality": _quality(first),
                "start_date": first["start_date"],
                "end_date": None if first["ongoing"] else first["end_date"],
                "participants": participants_text(first),
                "troops_claimed": figures_text(
                    [f for f in first["figures"] if _is_personnel(f)], list(first["citations"])
                ),
                "sites": len(group),
                "sites_drawn": int(resolved.sum()),
                "nearest_nato_km": round(float(distances.min()), 1) if not distances.empty else None,
                "nearest_nato": country_name(str(nearest)) if nearest else None,
                "other_side_km": other[0],
                "other_side_nearest": other[1],
                "sources": len(sources),
            }
        )
    frame = pd.DataFrame(rows, columns=list(EXERCISE_COLUMNS))
    return frame.sort_values(["start_date", "exercise_id"], kind="stable").reset_index(drop=True)


_NO_FAMILY: Final = "(no family)"
#: Indent of an exercise's name under its family's header (em spaces: Vega keeps them in axis labels).
_INDENT: Final = "\u2003"


#: An exercise name's edition: a trailing year or number (with a Roman stage) or a parenthesis.
_EDITION: Final = re.compile(r"(?:\s*\([^)]*\))+$|[\s-]+\d+(?:-[IVX]+)?$")


def family_name(slug: str, names: list[str]) -> str:
    """Return a family's name as its exercises are called: the name most of them share, less the edition.

    "Iron Wolf 2016", "Iron Wolf 2021-II" → "Iron Wolf"; "Zapad-2017", "Zapad-2021", "West-2025" →
    "Zapad". When no name is shared by two exercises or more, the slug with spaces ("union shield resolve").
    """
    stems = Counter(_EDITION.sub("", name).strip() or name for name in names)
    if not stems:
        return slug.replace("-", " ")
    (stem, count), *_ = stems.most_common(1)
    return stem if count > 1 or len(names) == 1 else slug.replace("-", " ")


def _family_rows(data: pd.DataFrame) -> pd.DataFrame:
    """Group ``data`` (sorted by start) under one header row per family, families in order of first start.

    Header rows have ``header`` True, the family's name and number of exercises as label, and no dates;
    exercise rows are indented under them.
    """
    parts = []
    for slug, rows in data.groupby("family", sort=False):
        n = len(rows)
        family = str(slug)
        if family != _NO_FAMILY:
            family = family_name(family, rows["exercise_name"].astype(str).tolist())
        rows = rows.assign(family=family)
        label = f"{family} ({n} exercise{'' if n == 1 else 's'})"
        parts.append(pd.DataFrame({"row": [label], "family": [family], "header": [True]}))
        parts.append(rows.assign(row=_INDENT + rows["exercise_name"]))
    return pd.concat(parts, ignore_index=True)


def _chart_data(exercises: pd.DataFrame, today: dt.date, *, group_by_family: bool) -> pd.DataFrame:
    data = exercises.copy()
    start = pd.to_datetime(data["start_date"])
    end = pd.to_datetime(data["end_date"]).where(data["end_date"].notna(), pd.Timestamp(today))
    announced = data["date_quality"] == "announced"
    data["start"] = start
    # Bars end at the end of their last day, so a one-day exercise still has a width.
    data["end"] = end.where(~announced, start) + pd.Timedelta(days=1)
    data["family"] = data["family"].where(data["family"] != "", _NO_FAMILY)
    data["quality"] = data["date_quality"].map(DATE_QUALITY)
    data["announced"] = announced
    data["header"] = False
    data = data.sort_values(["start", "exercise_name"], kind="stable")
    if group_by_family:
        data = _family_rows(data)
    else:
        data["row"] = data["exercise_name"]
    columns = ["row", "header", "exercise_name", "family", "alliance", "dates", "quality", "announced", "start", "end"]
    return data[[*columns, "participants", "sites", "nearest_nato_km"]]


def _alliance_scale(data: pd.DataFrame) -> alt.Scale:
    """Colour scale of the alliances on the chart, in legend order, with the map's colours."""
    domain = ordered_alliances(data["alliance"]) or list(ALLIANCES)
    return alt.Scale(domain=domain, range=[alliance_color(a) for a in domain])


def _tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("exercise_name:N", title="Exercise"),
        alt.Tooltip("alliance:N", title="Alliance"),
        alt.Tooltip("dates:N", title="Dates (as reported)"),
        alt.Tooltip("quality:N", title="Dates known"),
        alt.Tooltip("family:N", title="Family"),
        alt.Tooltip("participants:N", title="Participants"),
        alt.Tooltip("sites:Q", title="Sites"),
        alt.Tooltip("nearest_nato_km:Q", title="Nearest NATO (km)", format=",.0f"),
    ]


def _base(data: pd.DataFrame) -> alt.Chart:
    """The chart every layer shares: one row per exercise (and family header), in the order of ``data``."""
    headers = data.loc[data["header"].astype(bool), "row"].tolist()
    is_header = f"indexof({json.dumps(headers)}, datum.value) >= 0"
    axis = alt.Axis(
        labelLimit=340,
        labelFontSize=11,
        labelOverlap=False,
        labelFontWeight=alt.condition(is_header, alt.value("bold"), alt.value("normal")),
        labelColor=alt.condition(is_header, alt.value("#1f1f1f"), alt.value("#444444")),
    )
    return alt.Chart(data).encode(y=alt.Y("row:N", title=None, sort=list(data["row"]), axis=axis))


def _headers(base: alt.Chart) -> alt.Chart:
    """A light band across the chart on each family's header row (no x: the band spans the width)."""
    bands: alt.Chart = base.mark_rect(color="#eceae4").transform_filter(alt.datum.header)
    return bands


def _bars(base: alt.Chart, scale: alt.Scale, legend: alt.Legend) -> alt.Chart:
    """Bars of dated exercises: solid when known to the day, pale and dashed when approximate or ongoing."""
    quality_order = list(DATE_QUALITY.values())
    x = alt.X("start:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", grid=True, orient="top"))
    bars: alt.Chart = base.mark_bar(height={"band": 0.72}, cornerRadius=2, strokeWidth=1.3).encode(
        tooltip=_tooltip(),
        x=x,
        x2="end:T",
        color=alt.Color("alliance:N", scale=scale, legend=legend),
        stroke=alt.Stroke("alliance:N", scale=scale, legend=legend),
        fillOpacity=alt.FillOpacity(
            "quality:O",
            title="Dates known",
            sort=quality_order,
            scale=alt.Scale(domain=quality_order, range=[0.95, 0.35, 0.5, 0.0]),
            legend=alt.Legend(orient="top", symbolType="square", symbolStrokeWidth=1, symbolStrokeColor="#555"),
        ),
        strokeOpacity=alt.condition(alt.datum.announced, alt.value(0.0), alt.value(1.0)),
        strokeDash=alt.StrokeDash(
            "quality:O",
            sort=quality_order,
            scale=alt.Scale(domain=quality_order, range=[[1, 0], [4, 3], [2, 2], [1, 0]]),
            legend=None,
        ),
    )
    return bars


def _diamonds(base: alt.Chart, scale: alt.Scale, legend: alt.Legend) -> alt.Chart:
    """Hollow diamonds on the announcement date of events known only from an announcement."""
    diamonds: alt.Chart = base.mark_point(shape="diamond", size=120, filled=False, strokeWidth=2).encode(
        tooltip=_tooltip(),
        x="start:T",
        stroke=alt.Stroke("alliance:N", scale=scale, legend=legend),
        opacity=alt.condition(alt.datum.announced, alt.value(1.0), alt.value(0.0)),
    )
    return diamonds


def timeline_chart(
    exercises: pd.DataFrame, *, group_by_family: bool = True, today: dt.date | None = None
) -> alt.LayerChart | alt.FacetChart:
    """Return the Gantt-style chart of exercises (output of :func:`exercises_frame`).

    Parameters
    ----------
    exercises
        One row per exercise.
    group_by_family
        Group the rows by exercise family: a header row per family (bold, on a light band, with its number
        of exercises), its exercises indented beneath it in start order; families in order of their first
        exercise. Otherwise one row per exercise, by start.
    today
        End of ongoing bars (default: today's date).

    Returns
    -------
    altair chart
        A layered chart: bars for dated exercises (solid: dates known to the day; pale and dashed:
        month or year only, or ongoing), hollow diamonds for announced-only events; colour = alliance;
        a tooltip with the dates as reported. Rendered by Streamlit's bundled Vega (no CDN).
    """
    data = _chart_data(exercises, today or dt.date.today(), group_by_family=group_by_family)
    scale = _alliance_scale(data[~data["header"].astype(bool)])  # header rows have no alliance
    legend = alt.Legend(orient="top", title="Alliance")
    base = _base(data)
    exercises_only = base.transform_filter(~alt.datum.header)
    layers = alt.layer(_headers(base), _bars(exercises_only, scale, legend), _diamonds(exercises_only, scale, legend))
    return layers.properties(width="container", height=alt.Step(20))
