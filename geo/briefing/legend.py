"""The briefing map's legend: alliances in view, how precisely each kind of place is known, territory.

The territory block names its date, the selection's as-of date, in the one format every face uses
(:func:`geo.core.dates.as_of_text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Rectangle

from geo.briefing.style import (
    AREA_STYLE,
    COUNTRY_EDGE,
    CSTO_ALPHA,
    CSTO_TINT,
    LAND,
    NATO_ALPHA,
    OBLAST_EDGE,
    TEXT,
    WATER_LINE,
    dot_style,
    rgba,
)
from geo.core.dates import as_of_text
from geo.core.symbology import NATO_FILL, NATO_LINE, alliance_color


@dataclass(frozen=True)
class Entry:
    """One legend row: a header or note, or a swatch (a site kind p/a/t/u/r/b/c, fill, frontier, line) and its text."""

    text: str
    kind: str = "header"
    colour: str = "#555555"
    style: tuple[tuple[str, Any], ...] = ()


def legend_entries(present: Sequence[str], on: dt.date, kinds: set[str], abbreviations: bool) -> list[Entry]:
    """Return the legend rows: alliances present, the drawing kinds present, territory as of ``on``, notes."""
    entries = [Entry("Exercise sites, by alliance" if present else "No exercise site in view")]
    entries += [Entry(a, "p", alliance_color(a)) for a in present]
    entries.append(Entry("How precisely the place is known"))
    shown = kinds or {"p", "a", "t", "r", "b", "c"}
    for kind, text in (
        ("p", "Range or airfield (to a few km)"),
        ("a", "Approximate site"),
        ("t", "Town"),
        ("u", "Uncertainty radius, town extent"),
        ("r", "Region (oblast)"),
        ("b", "Border strip"),
        ("c", "Country named, no place"),
    ):
        if kind in shown or (kind == "u" and shown & {"p", "a", "t"}):
            entries.append(Entry(text, kind))
    entries.append(Entry(f"Alliances on {as_of_text(on)}"))
    entries.append(Entry("NATO member", "fill", NATO_FILL, (("alpha", NATO_ALPHA),)))
    entries.append(Entry("CSTO member", "fill", CSTO_TINT, (("alpha", CSTO_ALPHA),)))
    entries.append(Entry("NATO border with Belarus/Russia", "frontier", NATO_LINE))
    entries.append(Entry("Belarus oblast boundary", "line", OBLAST_EDGE, (("linestyle", (0, (4, 2.5))),)))
    entries.append(Entry("Rivers and lakes", "line", WATER_LINE))
    if abbreviations:
        entries.append(Entry("TG training ground · TA training area", "note"))
        entries.append(Entry("AB air base", "note"))
    return entries


def _draw_swatch(ax: Axes, entry: Entry, y: float, s: float) -> None:
    """Draw one row's symbol, 20 x 9 points (scaled by ``s``), centred on row ``y``."""
    sw, sh = 20 * s, 9 * s
    cx = sw / 2
    if entry.kind in ("p", "a", "t"):
        ax.scatter([cx], [y], **dot_style(entry.colour, entry.kind, s))
    elif entry.kind == "u":
        r = sh * 0.85
        circle = Ellipse(
            (cx, y),
            2 * r,
            2 * r,
            facecolor=rgba(entry.colour, 0.07),
            edgecolor=rgba(entry.colour, 0.75),
            linewidth=0.9 * s,
            linestyle=(0, (3, 3)),
        )
        ax.add_patch(circle)
    elif entry.kind in AREA_STYLE:
        fill_alpha, dash = AREA_STYLE[entry.kind]
        fill, edge = rgba(entry.colour, fill_alpha), rgba(entry.colour, 0.85)
        ax.add_patch(
            Rectangle((0, y - sh / 2), sw, sh, facecolor=fill, edgecolor=edge, linewidth=1.1 * s, linestyle=dash)
        )
    elif entry.kind == "fill":
        tint = rgba(entry.colour, float(dict(entry.style)["alpha"]))
        ax.add_patch(Rectangle((0, y - sh / 2), sw, sh, facecolor=LAND, edgecolor="none"))
        ax.add_patch(Rectangle((0, y - sh / 2), sw, sh, facecolor=tint, edgecolor=COUNTRY_EDGE, linewidth=0.6 * s))
    elif entry.kind == "frontier":
        ax.plot([0, sw], [y, y], color="white", linewidth=4.4 * s, solid_capstyle="butt")
        ax.plot([0, sw], [y, y], color=entry.colour, linewidth=2.3 * s, solid_capstyle="butt")
    else:
        ax.plot([0, sw], [y, y], color=entry.colour, linewidth=1.0 * s, **dict(entry.style))


def _fit_legend_width(fig: Figure, ax: Axes) -> None:
    """Shrink every legend text by one factor if any runs past the legend's right edge (one type size)."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    right = ax.get_window_extent(renderer).x1
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    factor = min([(right - b.x0) / b.width for b in boxes if b.width > 0 and b.x1 > right] or [1.0])
    if factor < 1.0:
        for text in ax.texts:
            text.set_fontsize(float(text.get_fontsize()) * max(factor * 0.98, 0.5))


def draw_legend(fig: Figure, rect: tuple[float, float, float, float], entries: Sequence[Entry], s: float) -> Axes:
    """Draw the legend as its own axes (rows in points from the top), so headers and swatches align exactly.

    The whole legend shrinks, rather than run into the inset below it or past its right edge.
    """
    ax = fig.add_axes(rect, gid="legend")
    ax.set_axis_off()
    width_pt = rect[2] * fig.get_figwidth() * 72
    height_pt = rect[3] * fig.get_figheight() * 72
    ax.set_xlim(0, width_pt)
    ax.set_ylim(-height_pt, 0)
    headers = sum(1 for e in entries if e.kind == "header")
    needed = 8.6 * 1.62 * (len(entries) + 0.35 * (headers - 1) + 0.6)
    s = min(s, height_pt / needed)
    size = 8.6 * s
    row = size * 1.62
    y = -row * 0.6
    for entry in entries:
        if entry.kind in ("header", "note"):
            header = entry.kind == "header"
            if header and y < -row:
                y -= row * 0.35
            weight = "bold" if header else "normal"
            fontsize = size * (1.03 if header else 0.92)
            ax.text(0, y, entry.text, fontsize=fontsize, va="center", fontweight=weight, color=TEXT, gid="legend-text")
        else:
            _draw_swatch(ax, entry, y, s)
            ax.text(27 * s, y, entry.text, fontsize=size, va="center", color=TEXT, gid="legend-text")
        y -= row
    _fit_legend_width(fig, ax)
    return ax
