"""The timeline of :mod:`geo.charts.timeline` drawn with matplotlib, as a PNG for slides (no browser needed).

It encodes what the dashboard's Altair chart encodes, with the same colours (:mod:`geo.core.symbology`):
one row per exercise in start order; a solid bar when the dates are known to the day; a pale bar with a
dashed outline over the whole month or year when only those are known; a pale bar to ``today`` for an
ongoing deployment; a hollow diamond on the announcement date for an event known only as announced.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Hashable, Mapping
from typing import Any, Final

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from geo.charts.timeline import DATE_QUALITY
from geo.core.symbology import alliance_color, ordered_alliances

__all__ = ["span", "timeline_png"]

_FILL_ALPHA: Final[dict[str, float]] = {"day": 0.95, "approximate": 0.35, "ongoing": 0.5}
_DASH: Final[dict[str, Any]] = {"day": "solid", "approximate": (0, (4, 3)), "ongoing": (0, (2, 2))}


def _bar_end(row: Mapping[Hashable, Any], today: dt.date) -> dt.date:
    end = row["end_date"] if isinstance(row["end_date"], dt.date) else today
    return end + dt.timedelta(days=1)  # bars end at the end of their last day: a one-day exercise has a width


def span(exercises: pd.DataFrame, today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the x-axis range of the chart: whole years around every bar and diamond."""
    starts = [d for d in exercises["start_date"] if isinstance(d, dt.date)] or [today]
    ends = [_bar_end(r, today) for r in exercises.to_dict("records")] or [today]
    return dt.date(min(starts).year, 1, 1), dt.date(max(ends).year + 1, 1, 1)


def _legend(fig: Figure, alliances: list[str], size_pt: float) -> None:
    handles: list[Any] = [Patch(facecolor=alliance_color(a), edgecolor=alliance_color(a), label=a) for a in alliances]
    handles += [
        Patch(facecolor="#777777", alpha=_FILL_ALPHA["day"], label=DATE_QUALITY["day"]),
        Patch(facecolor="#bbbbbb", edgecolor="#555555", linestyle=(0, (4, 3)), label=DATE_QUALITY["approximate"]),
        Patch(facecolor="#aaaaaa", edgecolor="#555555", linestyle=(0, (2, 2)), label=DATE_QUALITY["ongoing"]),
        Line2D(
            [], [], marker="D", color="#555555", markerfacecolor="none", linestyle="", label=DATE_QUALITY["announced"]
        ),
    ]
    # A figure legend above the axes: constrained layout keeps the plot its full width under it.
    fig.legend(handles=handles, loc="outside upper center", ncol=-(-len(handles) // 2), fontsize=size_pt, frameon=False)


def timeline_png(
    exercises: pd.DataFrame,
    *,
    today: dt.date,
    size_in: tuple[float, float],
    dpi: float = 150.0,
    x_range: tuple[dt.date, dt.date] | None = None,
    label_pt: float = 10.0,
) -> bytes:
    """Return the timeline of ``exercises`` (rows of :func:`geo.charts.timeline.exercises_frame`) as a PNG.

    Parameters
    ----------
    exercises
        One row per exercise, drawn top to bottom in start order.
    today
        End of the bars of ongoing exercises.
    size_in
        Picture size (width, height) in inches, as placed on the slide (text sizes are then true points).
    dpi
        Pixel density.
    x_range
        Dates of the x-axis (default :func:`span` of ``exercises``): slides of one pack share it.
    label_pt
        Size of the exercise names and the legend, in points.
    """
    data = exercises.sort_values(["start_date", "exercise_name"], kind="stable").reset_index(drop=True)
    fig = Figure(figsize=size_in, dpi=dpi, layout="constrained")
    ax: Any = fig.add_subplot()  # typed loosely: its date axis takes datetime.date values
    for y, row in enumerate(data.to_dict("records")):
        colour = alliance_color(row["alliance"])
        start = row["start_date"] if isinstance(row["start_date"], dt.date) else None
        if row["date_quality"] == "announced" or start is None:
            if start is not None:
                ax.plot([start], [y], marker="D", markersize=7, markerfacecolor="none", color=colour, mew=2)
            continue
        end = _bar_end(row, today)
        ax.barh(y, end - start, left=start, height=0.72, color=colour, alpha=_FILL_ALPHA[row["date_quality"]])
        ax.barh(
            y, end - start, left=start, height=0.72, fill=False, edgecolor=colour, lw=1.3, ls=_DASH[row["date_quality"]]
        )
    ax.set_yticks(range(len(data)), list(data["exercise_name"]), fontsize=label_pt)
    ax.set_ylim(len(data) - 0.5, -0.5)
    first, last = x_range or span(data, today)
    ax.set_xlim(first, last)
    ax.xaxis.set_major_locator(mdates.YearLocator())  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    ax.tick_params(axis="x", labelsize=label_pt)
    ax.grid(axis="x", color="#cccccc", lw=0.8)
    ax.set_axisbelow(True)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    _legend(fig, ordered_alliances(data["alliance"]), label_pt)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
