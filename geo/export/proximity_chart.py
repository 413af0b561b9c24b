"""The proximity trend (:mod:`geo.query.proximity`) as a 16:9 PNG or SVG, in the briefing map's type and colours.

Two panels share one distance axis: the east's sites (Russia–Belarus, CSTO) measured to NATO, and NATO's
sites measured to the Union State. Along each, one column per period; every site is a dot coloured by its
alliance (:mod:`geo.core.symbology`) and shaped by its precision class (filled circle: precise; triangle:
proxy; hollow square: area), the classes side by side in each column, never pooled; a bar marks each
group's median. The distance is from each site's nearest point; the axis is linear to 10 km and
logarithmic above, so a site on the border (0 km) and one 900 km away both show. Text is DejaVu Sans,
matplotlib's and the briefing map's font, in the map's text colours (:mod:`geo.briefing.style`).
"""

from __future__ import annotations

import io
from typing import Any, Final

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter

from geo.briefing.style import LABEL_GREY, TEXT
from geo.core.dates import as_of_text
from geo.core.symbology import alliance_color, ordered_alliances
from geo.query.proximity import PRECISION_CLASSES, Period
from geo.query.selection import Selection

__all__ = ["MARKERS", "SIZE_IN", "proximity_chart_bytes", "proximity_figure"]

#: Picture size in inches: 16:9 (1920 x 1080 px at 150 dpi).
SIZE_IN: Final = (12.8, 7.2)
#: Marker per precision class: (matplotlib marker, filled).
MARKERS: Final[dict[str, tuple[str, bool]]] = {"precise": ("o", True), "proxy": ("^", True), "area": ("s", False)}
_OFFSET: Final = {"precise": -0.24, "proxy": 0.0, "area": 0.24}
_PANELS: Final = (
    ("NATO", "East's sites (Russia–Belarus, CSTO) → NATO"),
    ("Union State", "NATO's sites → the Union State (Russia, Belarus)"),
)
_TICKS_KM: Final = (0, 5, 10, 25, 50, 100, 250, 500, 1000, 2500)


def _jitter(n: int) -> list[float]:
    """Spread ``n`` dots of one group evenly across a narrow band (deterministic: same chart every run)."""
    return [0.0] if n == 1 else [-0.07 + 0.14 * i / (n - 1) for i in range(n)]


def _panel(ax: Any, points: pd.DataFrame, periods: list[str], title: str, pt: float) -> None:
    for x, period in enumerate(periods):
        here = points[points["period"] == period]
        for (alliance, cls), group in here.groupby(["alliance", "precision"], sort=True):
            colour, (marker, filled) = alliance_color(alliance), MARKERS[str(cls)]
            xs = [x + _OFFSET[str(cls)] + j for j in _jitter(len(group))]
            face = colour if filled else "white"
            ax.scatter(xs, group["km"], s=34, marker=marker, c=[face], edgecolors=[colour], linewidths=1.3, zorder=3)
            median = float(group["km"].median())
            centre = x + _OFFSET[str(cls)]
            ax.plot([centre - 0.1, centre + 0.1], [median, median], color=colour, lw=2.6, zorder=4)
    ax.set_title(title, fontsize=pt * 1.05, color=TEXT, loc="left")
    ax.set_xticks(range(len(periods)), periods, fontsize=pt, color=TEXT, rotation=45 if len(periods) > 12 else 0)
    ax.set_xlim(-0.6, max(len(periods), 1) - 0.4)
    ax.set_yscale("symlog", linthresh=10, linscale=0.6)
    ax.yaxis.set_major_locator(FixedLocator(_TICKS_KM))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylim(-0.5, max(2500.0, float(points["km"].max()) * 1.3) if not points.empty else 2500.0)
    ax.tick_params(axis="y", labelsize=pt, colors=TEXT)
    ax.grid(axis="y", color="#dddddd", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    if points.empty:
        ax.text(0.5, 0.5, "no site in the selection", transform=ax.transAxes, ha="center", color=LABEL_GREY)


def _legend_rows(size_in: tuple[float, float]) -> int:
    """One legend row on a wide picture, two on a narrower one (a slide's content area)."""
    return 1 if size_in[0] >= 12.0 else 2


def _legend(fig: Figure, alliances: list[str], pt: float, rows: int) -> None:
    handles: list[Any] = [
        Line2D([], [], marker="o", ls="", color=alliance_color(a), markersize=8, label=a) for a in alliances
    ]
    for cls in PRECISION_CLASSES:
        marker, filled = MARKERS[cls]
        face = "#555555" if filled else "white"
        label = {"precise": "precise site", "proxy": "proxy (town, approximate)", "area": "area (nearest point)"}[cls]
        handles.append(
            Line2D([], [], marker=marker, ls="", color="#555555", markerfacecolor=face, markersize=8, label=label)
        )
    handles.append(Line2D([], [], color="#555555", lw=2.6, label="median of the group"))
    # Below the axes, in the band the layout keeps free (see proximity_figure), over the footnote.
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.5 / fig.get_figheight()),  # just above the two footnote lines
        ncol=-(-len(handles) // rows),
        fontsize=pt * 0.9,
        frameon=False,
    )


def proximity_figure(
    points: pd.DataFrame,
    selection: Selection,
    *,
    by: Period = "year",
    pt: float = 11.0,
    size_in: tuple[float, float] = SIZE_IN,
) -> Figure:
    """Return the chart of :func:`geo.query.proximity.proximity_sites` rows as a matplotlib figure.

    Parameters
    ----------
    points
        One row per measured site (``period``, ``alliance``, ``other_side``, ``precision``, ``km``).
    selection
        The selection the points come from (its period and as-of date are printed).
    by
        The period of the columns (printed in the axis title).
    pt
        Text size in points.
    size_in
        Picture size in inches as placed (16:9 by default), so that text sizes are true points.
    """
    fig = Figure(figsize=size_in, dpi=150, layout="constrained")
    rows = _legend_rows(size_in)
    bottom = (0.5 + 0.3 * rows) / size_in[1]  # inches kept under the axes for the legend and the footnote
    fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))  # type: ignore[union-attr,call-arg]
    fig.suptitle(
        f"How close do exercises come to the other side? {selection.period_label}, by {by}",
        fontsize=pt * 1.35,
        fontweight="bold",
        color=TEXT,
        x=0.01,
        ha="left",
    )
    axes = fig.subplots(1, 2, sharey=True)
    periods = sorted(set(points["period"])) if not points.empty else []
    for ax, (side, title) in zip(axes, _PANELS, strict=True):
        _panel(ax, points[points["other_side"] == side], periods, title, pt)
    axes[0].set_ylabel("km to the other side (from the nearest point)", fontsize=pt, color=TEXT)
    _legend(fig, ordered_alliances(points["alliance"]) if not points.empty else [], pt, rows)
    fig.text(
        0.01,
        0.008,
        "Geodesic km (WGS84); linear to 10 km, logarithmic above. Membership as of each exercise's start; "
        f"selection as of {as_of_text(selection.period_end)}.\nAreas are measured from their nearest point and "
        "kept apart from precise sites. Chart: Drillmap",
        fontsize=pt * 0.75,
        color=LABEL_GREY,
        va="bottom",
    )
    return fig


def proximity_chart_bytes(
    points: pd.DataFrame,
    selection: Selection,
    *,
    fmt: str = "png",
    by: Period = "year",
    dpi: float = 150.0,
    size_in: tuple[float, float] = SIZE_IN,
) -> bytes:
    """Return the chart (:func:`proximity_figure`) as ``png`` or ``svg`` bytes (text kept as text in the SVG)."""
    if fmt not in ("png", "svg"):
        msg = f"chart format must be png or svg, got {fmt!r}"
        raise ValueError(msg)
    fig = proximity_figure(points, selection, by=by, size_in=size_in)
    buffer = io.BytesIO()
    if fmt == "svg":
        import matplotlib as mpl

        with mpl.rc_context({"svg.fonttype": "none"}):
            fig.savefig(buffer, format="svg")
    else:
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
