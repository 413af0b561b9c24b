"""The Proximity page's chart (Altair): the trend of :func:`geo.query.proximity.proximity_trend`, one mark per group.

One point per period x alliance x precision class at the group's median distance to the other side (from
the sites' nearest points), a rule from its minimum to its maximum; colour: the alliance
(:mod:`geo.core.symbology`); shape: the precision class (circle precise, triangle proxy, square area) so
areas and proxies are never read as precise sites. The point's size grows with the number of sites. The
distance axis is linear to 10 km and logarithmic above (``symlog``), as on the exported chart.

Clicking a point selects its group (the selection :data:`SELECTION` holds ``period``, ``alliance`` and
``precision``; :func:`selected_group` reads it back from Streamlit's event), and the page lists its sites.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import altair as alt
import pandas as pd

from geo.core.symbology import alliance_color, ordered_alliances
from geo.query.proximity import PRECISION_CLASSES

__all__ = ["SELECTION", "SHAPES", "proximity_chart", "selected_group"]

#: Name of the point selection (Streamlit's ``event.selection[SELECTION]``).
SELECTION: Final = "group"
#: Vega shape per precision class (the exported chart's markers).
SHAPES: Final[dict[str, str]] = {"precise": "circle", "proxy": "triangle-up", "area": "square"}
_FIELDS: Final = ["period", "alliance", "precision"]
_SIDE_LABEL: Final = {"NATO": "to NATO", "Union State": "to the Union State"}
#: Distance ticks (km): a symlog axis otherwise labels only its extremes.
_TICKS_KM: Final = [0, 5, 10, 25, 50, 100, 250, 500, 1000, 2500]


def proximity_chart(trend: pd.DataFrame, *, height: int = 420) -> alt.LayerChart | alt.FacetChart:
    """Return the chart of ``trend`` (:func:`geo.query.proximity.proximity_trend` rows) with a point selection.

    Parameters
    ----------
    trend
        One row per period x alliance x side x precision class.
    height
        Plot height in pixels.
    """
    data = trend.drop(columns=["sites"]).assign(
        side=trend["other_side"].map(_SIDE_LABEL),
        group=trend["alliance"] + " · " + trend["precision"],
        plot_median=trend["median_km"].clip(lower=0.05),  # a symlog axis shows 0 km at its foot
    )
    alliances = ordered_alliances(data["alliance"])
    pick = alt.selection_point(name=SELECTION, fields=_FIELDS, on="click", clear="dblclick")
    y_scale = alt.Scale(type="symlog", constant=10, domainMin=0)
    base = alt.Chart(data).encode(
        x=alt.X("period:O", title="Period (exercise start)", sort="ascending"),
        xOffset=alt.XOffset("group:N"),
        color=alt.Color(
            "alliance:N",
            scale=alt.Scale(domain=alliances, range=[alliance_color(a) for a in alliances]),
            legend=alt.Legend(title="Alliance", orient="top"),
        ),
    )
    rules = base.mark_rule(strokeWidth=2, opacity=0.6).encode(
        y=alt.Y(
            "min_km:Q",
            scale=y_scale,
            axis=alt.Axis(values=_TICKS_KM, format=",.0f"),
            title="km to the other side (nearest point; median, min–max)",
        ),
        y2="max_km:Q",
    )
    points = base.mark_point(filled=True, opacity=0.95, stroke="white", strokeWidth=1).encode(
        y=alt.Y("plot_median:Q", scale=y_scale),
        shape=alt.Shape(
            "precision:N",
            scale=alt.Scale(domain=list(PRECISION_CLASSES), range=[SHAPES[c] for c in PRECISION_CLASSES]),
            legend=alt.Legend(title="Precision", orient="top", symbolSize=140, symbolFillColor="#555555"),
        ),
        size=alt.Size(
            "n:Q",
            scale=alt.Scale(range=[120, 600], domainMin=1),
            legend=alt.Legend(title="Sites in the group", orient="top", values=[1, 5, 10]),
        ),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.35)),
        tooltip=[
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("alliance:N", title="Alliance"),
            alt.Tooltip("side:N", title="Measured"),
            alt.Tooltip("precision:N", title="Precision"),
            alt.Tooltip("n:Q", title="Sites"),
            alt.Tooltip("min_km:Q", title="Min km", format=",.1f"),
            alt.Tooltip("median_km:Q", title="Median km", format=",.1f"),
            alt.Tooltip("max_km:Q", title="Max km", format=",.1f"),
            alt.Tooltip("centre_median_km:Q", title="Median km from centres", format=",.1f"),
        ],
    )
    return alt.layer(rules, points.add_params(pick)).properties(height=height)


def selected_group(event: Any) -> dict[str, str] | None:
    """Return the clicked group (``period``, ``alliance``, ``precision``) from Streamlit's chart event, or None."""
    selection = getattr(event, "selection", None) or (event.get("selection") if isinstance(event, Mapping) else None)
    if not selection:
        return None
    picked = selection.get(SELECTION) if isinstance(selection, Mapping) else getattr(selection, SELECTION, None)
    if not picked:
        return None
    first = picked[0]
    if not all(k in first for k in _FIELDS):
        return None
    return {k: str(first[k]) for k in _FIELDS}
