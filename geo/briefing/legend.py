"""The briefing map's legend: alliances in view, how precisely each kind of place is known, territory.

The territory block names its date, the selection's as-of date, in the one format every face uses
(:func:`geo.core.dates.as_of_text`).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Ellipse, Rectangle

from geo.briefing.style import (
    AREA_STYLE,
    CITY_TEXT,
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
from geo.catalog.filter import PRECISION_LABELS
from geo.core.dates import as_of_text
from geo.core.symbology import NATO_FILL, NATO_LINE, alliance_color, alliance_marker


@dataclass(frozen=True)
class Entry:
    """One legend row: a header or note, or a swatch (a site kind p/a/t/u/r/b/c, fill, frontier, line) and its text."""

    text: str
    kind: str = "header"
    colour: str = "#555555"
    style: tuple[tuple[str, Any], ...] = ()


def legend_entries(
    present: Sequence[str],
    on: dt.date,
    kinds: set[str],
    abbreviations: bool,
    *,
    cities: bool = False,
    rings: str = "",
) -> list[Entry]:
    """Return the legend rows: alliances present, the drawing kinds present, territory as of ``on``, notes.

    ``cities`` adds the capital and city symbols; ``rings`` (their description) the distance rings' line.
    """
    entries = [Entry("Exercise sites, by alliance (colour and shape)" if present else "No exercise site in view")]
    entries += [Entry(a, "p", alliance_color(a), (("marker", alliance_marker(a)),)) for a in present]
    entries.append(Entry("How precisely the place is known"))
    shown = kinds or {"p", "a", "t", "r", "b", "c"}
    for kind, text in (
        ("p", "Range or airfield (to a few km)"),
        ("a", "Approximate site"),
        ("t", "Town"),
        ("u", "Uncertainty radius, town extent"),
        ("r", PRECISION_LABELS["region"].capitalize()),
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
    if rings:
        entries.append(Entry(rings, "line", "#333333", (("linestyle", (0, (6, 4))),)))
    if cities:
        entries.append(Entry("Capital · other city", "cities", CITY_TEXT))
    if abbreviations:
        entries.append(Entry("TG training ground · TA training area", "note"))
        entries.append(Entry("AB air base", "note"))
    return entries


def _draw_swatch(ax: Axes, entry: Entry, y: float, s: float) -> None:
    """Draw one row's symbol, 20 x 9 points (scaled by ``s``), centred on row ``y``."""
    sw, sh = 20 * s, 9 * s
    cx = sw / 2
    if entry.kind in ("p", "a", "t"):
        ax.scatter([cx], [y], **dot_style(entry.colour, entry.kind, s, str(dict(entry.style).get("marker", "o"))))
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
    elif entry.kind == "cities":
        ax.scatter([sw * 0.25], [y], s=(6.8 * s) ** 2, c="white", edgecolors=entry.colour, linewidths=1.0 * s)
        ax.scatter([sw * 0.25], [y], s=(3.0 * s) ** 2, c=entry.colour, linewidths=0)
        ax.scatter([sw * 0.8], [y], s=(4.8 * s) ** 2, c=entry.colour, edgecolors="white", linewidths=0.6 * s)
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


#: The numbered key's type size (points, at the reference page), and the smallest the legend rows take.
KEY_PT = 7.0
_MIN_ROW_SCALE = 0.75
# Height of a key line, in font sizes (matplotlib's line height at linespacing 1.15).
_KEY_LINE = 1.4


def _column_lines(wrapped: Sequence[str]) -> float:
    """Return the lines of the longer key column, split as :func:`_draw_key` splits them."""
    heights = [w.count("\n") + 1.3 for w in wrapped]
    total, used = sum(heights), 0.0
    for h in heights:
        if used >= total / 2:
            break
        used += h
    return max(used, total - used)


def _key_layout(
    keyed: Sequence[tuple[int, str]], width_pt: float, height_pt: float, s: float
) -> tuple[float, list[str]]:
    """Return the key's font size and its entries wrapped to half the panel width, fitting ``height_pt``.

    The size steps down from 7 to 5 points (times the page scale ``s``) until two balanced columns fit:
    :func:`draw_legend` gives the key its room at 7 points first, so on a slide it stays at 7.
    """
    wrapped: list[str] = []
    size = KEY_PT * s
    while size >= 5.0 * s:
        chars = max(int((width_pt / 2 - 6 * s) / (0.56 * size)), 16)
        wrapped = [textwrap.fill(f"{n}  {text}", chars, subsequent_indent="     ") for n, text in keyed]
        if (_column_lines(wrapped) + 1) * size * _KEY_LINE <= height_pt:
            break
        size -= 0.25 * s
    return size, wrapped


def _key_height(keyed: Sequence[tuple[int, str]], width_pt: float, s: float) -> float:
    """Return the height (points) the numbered key wants at :data:`KEY_PT`: none without a key."""
    if not keyed:
        return 0.0
    chars = max(int((width_pt / 2 - 6 * s) / (0.56 * KEY_PT * s)), 16)
    wrapped = [textwrap.fill(f"{n}  {text}", chars, subsequent_indent="     ") for n, text in keyed]
    return (_column_lines(wrapped) + 2.5) * KEY_PT * s * _KEY_LINE


def _draw_key(
    ax: Axes, keyed: Sequence[tuple[int, str]], top: float, width_pt: float, height_pt: float, s: float
) -> None:
    """Draw the numbered key of the site labels that found no room, in two columns under the legend rows."""
    header = 8.6 * s * 1.03
    size, wrapped = _key_layout(keyed, width_pt, height_pt - 1.5 * header, s)
    ax.text(
        0,
        top,
        "Numbered sites · (n) exercises there",
        fontsize=header,
        fontweight="bold",
        va="top",
        color=TEXT,
        gid="legend-text",
    )
    total = sum(w.count("\n") + 1.3 for w in wrapped)
    y, x, used = top - 1.5 * header, 0.0, 0.0
    for text in wrapped:
        lines = text.count("\n") + 1
        if x == 0 and used >= total / 2:
            x, y = width_pt / 2 + 3 * s, top - 1.5 * header
        ax.text(x, y, text, fontsize=size, va="top", color=TEXT, linespacing=1.15, gid="legend-key")
        y -= (lines + 0.3) * size * _KEY_LINE
        used += lines + 0.3


def _rows_height(entries: Sequence[Entry], spacing: float) -> float:
    """Return the height (points, at page scale 1) of the legend rows: a row each, headers set apart."""
    headers = sum(1 for e in entries if e.kind == "header")
    return 8.6 * spacing * (len(entries) + 0.35 * (headers - 1) + 0.6)


def key_fits(
    fig: Figure,
    rect: tuple[float, float, float, float],
    entries: Sequence[Entry],
    s: float,
    keyed: Sequence[tuple[int, str]],
) -> bool:
    """Return True if the legend rows and the numbered key fit ``rect`` with the key at :data:`KEY_PT`.

    Decided before drawing, so the legend is drawn once (a second draw in the inset's room cost a render
    about 7 % of its time).
    """
    if not keyed:
        return True
    width_pt, height_pt = rect[2] * fig.get_figwidth() * 72, rect[3] * fig.get_figheight() * 72
    return _key_height(keyed, width_pt, s) <= height_pt - _rows_height(entries, 1.45) * _MIN_ROW_SCALE * s


def draw_legend(
    fig: Figure,
    rect: tuple[float, float, float, float],
    entries: Sequence[Entry],
    s: float,
    keyed: Sequence[tuple[int, str]] = (),
) -> Axes:
    """Draw the legend as its own axes (rows in points from the top), so headers and swatches align exactly.

    The whole legend shrinks, rather than run into the inset below it or past its right edge. With
    ``keyed`` (number, text) site labels, the numbered key takes what it needs at :data:`KEY_PT`
    (:func:`_key_height`), leaving the rows at least :data:`_MIN_ROW_SCALE` of their size; it is drawn
    under the rows (:func:`_draw_key`), smaller only if it still does not fit.
    """
    ax = fig.add_axes(rect, gid="legend")
    ax.set_axis_off()
    width_pt = rect[2] * fig.get_figwidth() * 72
    height_pt = rect[3] * fig.get_figheight() * 72
    ax.set_xlim(0, width_pt)
    ax.set_ylim(-height_pt, 0)
    spacing = 1.45 if keyed else 1.62
    needed = _rows_height(entries, spacing)
    key_h = min(_key_height(keyed, width_pt, s), height_pt - needed * _MIN_ROW_SCALE * s)
    s_rows = min(s, (height_pt - key_h) / needed)
    size = 8.6 * s_rows
    row = size * spacing
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
            _draw_swatch(ax, entry, y, s_rows)
            ax.text(27 * s_rows, y, entry.text, fontsize=size, va="center", color=TEXT, gid="legend-text")
        y -= row
    _fit_legend_width(fig, ax)
    if keyed:
        top = y + row * 0.2
        _draw_key(ax, keyed, top, width_pt, height_pt + top, s)
    return ax
