"""The comparison briefing: two periods or exercises as two map panels with one extent and one legend.

:func:`comparison_figure` draws each side of a :class:`~geo.query.compare.Comparison` with the briefing
map's own drawing functions (:mod:`geo.briefing.map`: basemap as of that side's date, sites, graticule,
scale bar, labels) on two axes fixed to the same extent, so a place sits at the same spot in both panels;
one legend covers both. :func:`comparison_png` encodes it; :func:`comparison_pptx` puts it on a slide with
the "only in A / only in B / both" lists (:mod:`geo.briefing.pptx`).
"""

from __future__ import annotations

import io
import re
from typing import Any

import geopandas as gpd
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from pptx.util import Inches, Pt

from geo.briefing import fit
from geo.briefing import pptx as deck
from geo.briefing.basemap import basemap, draw_basemap
from geo.briefing.furniture import draw_banner, draw_scale_bar, fit_width
from geo.briefing.graticule import draw_graticule, draw_offframe
from geo.briefing.legend import draw_legend, legend_entries
from geo.briefing.map import MapLayout, draw_labels, fit_view, inside_view, map_axes
from geo.briefing.options import BriefingOptions
from geo.briefing.sites import draw_sites, site_layer
from geo.briefing.style import TEXT
from geo.briefing.text import dates_text, source_list, source_summary
from geo.core.counts import counted
from geo.core.credits import MAP_CREDITS
from geo.core.dates import as_of_text
from geo.core.symbology import ordered_alliances
from geo.query.compare import DIMENSIONS, Comparison, Side, item_line

__all__ = ["comparison_figure", "comparison_png", "comparison_pptx", "comparison_title"]

_REF_W_IN, _REF_H_IN = 13.333, 7.5
#: Figure-fraction columns: panel A, panel B, legend.
_PANEL_W, _GAP, _LEFT = 0.378, 0.008, 0.012


def comparison_title(comparison: Comparison) -> str:
    """Return ``"Zapad-2017 compared with Zapad-2021"``."""
    return f"{comparison.a.label} compared with {comparison.b.label}"


def _heading(side: Side, letter: str) -> str:
    """``"A · Zapad-2017 · 11 sites · as of 31 Dec 2017"`` (the exercises counted for a period)."""
    sel = side.selection
    exercises = "" if side.exercise else f"{counted(sel.n_exercises, 'exercise')}, "
    return f"{letter} · {side.label} · {exercises}{counted(sel.n_sites, 'site')} · as of {as_of_text(sel.period_end)}"


class _Page:
    """Figure-fraction rows and columns of the comparison page."""

    def __init__(self, options: BriefingOptions) -> None:
        width_in, height_in = options.size_px[0] / options.dpi, options.size_px[1] / options.dpi
        self.scale = min(height_in / _REF_H_IN, width_in / _REF_W_IN * 1.15) * options.text_scale
        self.banner_h = 0.034 if options.banner else 0.0
        header = 0.1 if options.show_title else 0.0
        self.top = 1.0 - self.banner_h - header - 0.04  # room for the panel headings
        self.bottom = self.banner_h + 0.062
        self.aspect = _PANEL_W * width_in / ((self.top - self.bottom) * height_in)
        self.legend_x = _LEFT + 2 * _PANEL_W + 2 * _GAP + 0.006

    def panel(self, i: int) -> tuple[float, float, float, float]:
        return (_LEFT + i * (_PANEL_W + _GAP), self.bottom, _PANEL_W, self.top - self.bottom)


def comparison_figure(comparison: Comparison, *, options: BriefingOptions | None = None) -> Figure:
    """Draw both sides of ``comparison`` side by side, on one extent, with one legend; return the figure.

    The extent fits the sites of both sides and Belarus (or ``options.extent``). Each panel draws the
    alliances as of its own side's date. Artists carry ``gid`` values: axes ``map`` (two) and ``legend``;
    texts ``title``, ``panel-heading`` (two), ``site-label``, ``sources``, ``data-as-of``.
    """
    options = options or BriefingOptions()
    page = _Page(options)
    s = page.scale
    sides = (comparison.a, comparison.b)
    both = pd.concat([side.selection.sites for side in sides])
    everything = site_layer(gpd.GeoDataFrame(both, geometry="geometry", crs=comparison.a.selection.sites.crs))
    fig = Figure(figsize=(options.size_px[0] / options.dpi, options.size_px[1] / options.dpi), dpi=options.dpi)
    FigureCanvasAgg(fig)
    view = fit_view(everything, options, page.aspect)
    base, kinds, keyed, cities = basemap(), set[str](), list[tuple[int, str]](), False
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for i, (side, letter) in enumerate(zip(sides, "AB", strict=True)):
        rect = page.panel(i)
        ax = map_axes(fig, MapLayout(s, 0.0, rect, rect, rect, 0.0, 0.0), view)
        layer = site_layer(side.selection.sites, show_exercises=side.exercise is None)
        draw_basemap(ax, base, view, side.selection.period_end, s)
        draw_sites(ax, layer, view, s)
        draw_graticule(ax, view, s)
        draw_scale_bar(ax, view, s)
        draw_offframe(ax, view, [lab for lab in layer.outside if not inside_view(view, lab.x, lab.y)], s)
        report, named = draw_labels(fig, ax, layer, view, s)
        kinds |= layer.kinds
        cities = cities or bool(named)
        keyed += [(n, f"{letter}: {text}") for n, text in report.keyed]
        heading = fig.text(rect[0], rect[1] + rect[3] + 0.008, _heading(side, letter), ha="left", va="bottom",
                           fontsize=10.5 * s, fontweight="bold", color=TEXT, gid="panel-heading")  # fmt: skip
        fit_width([heading], rect[0] * fig.bbox.width, (rect[0] + rect[2] - 0.012) * fig.bbox.width, renderer)
    on = max(side.selection.period_end for side in sides)
    present = ordered_alliances(pd.concat([side.selection.located["alliance"] for side in sides]))
    abbreviations = any(re.search(r"\b(TG|TA|AB)\b", lab.name) for lab in everything.labels)
    entries = legend_entries(present, on, kinds, abbreviations, cities=cities)
    draw_legend(fig, (page.legend_x, page.bottom, 0.988 - page.legend_x, page.top - page.bottom), entries, s, keyed)
    _draw_texts(fig, page, comparison, options, both)
    for text in fig.findobj(Text):  # names are data: a "$" must not start mathtext
        text.set_parse_math(False)
    return fig


def _draw_texts(fig: Figure, page: _Page, comparison: Comparison, options: BriefingOptions, both: pd.DataFrame) -> None:
    """Title and counts at the top; sources, credits and dates at the bottom; the banner."""
    s, renderer = page.scale, fig.canvas.get_renderer()  # type: ignore[attr-defined]
    if options.show_title:
        y = 1.0 - page.banner_h - 0.02
        heads = [
            fig.text(_LEFT, y, options.title or comparison_title(comparison), ha="left", va="top",
                     fontsize=19 * s, fontweight="bold", color=TEXT, gid="title"),
            fig.text(_LEFT, y - 0.052, _counts_line(comparison), ha="left", va="top", fontsize=10.2 * s,
                     color="#444444", gid="subtitle"),
        ]  # fmt: skip
        fit_width(heads, _LEFT * fig.bbox.width, 0.988 * fig.bbox.width, renderer)
    y0 = page.banner_h + 0.036
    left = [fig.text(_LEFT, y0, source_summary(source_list(both)), ha="left", va="center", fontsize=7.4 * s,
                     color="#444444", gid="sources")]  # fmt: skip
    if options.show_credits:
        left.append(fig.text(_LEFT, y0 - 0.019, " · ".join(MAP_CREDITS), ha="left", va="center",
                             fontsize=7.0 * s, color="#666666", gid="attribution"))  # fmt: skip
    stamp = dates_text(comparison.b.selection, data_as_of=options.data_as_of, produced_on=options.produced_on)
    right = fig.text(0.988, y0, stamp + " · EPSG:3035 (LAEA Europe)", ha="right", va="center", fontsize=7.4 * s,
                     color="#444444", gid="data-as-of")  # fmt: skip
    fit_width(left, _LEFT * fig.bbox.width, 0.6 * fig.bbox.width, renderer)
    fit_width([right], 0.62 * fig.bbox.width, 0.988 * fig.bbox.width, renderer)
    if options.banner:
        draw_banner(fig, page.banner_h, options.banner, s)


def _counts_line(comparison: Comparison) -> str:
    """``"Places: 7 only in Zapad-2017 · 7 only in Zapad-2021 · 4 in both · Participants: …"``."""
    a, b = comparison.a.label, comparison.b.label
    parts = []
    for dim in ("places", "participants"):
        d = comparison.diffs[dim]
        parts.append(
            f"{DIMENSIONS[dim]}: {len(d.only_a)} only in {a} · {len(d.only_b)} only in {b} · {len(d.both)} in both"
        )
    return " · ".join(parts)


def comparison_png(comparison: Comparison, *, options: BriefingOptions | None = None) -> bytes:
    """Return the two-panel comparison map as PNG (``options.size_px`` pixels)."""
    options = options or BriefingOptions()
    buf = io.BytesIO()
    metadata = {"Title": options.title or comparison_title(comparison), "Software": "Drillmap (matplotlib)"}
    comparison_figure(comparison, options=options).savefig(
        buf, format="png", dpi=options.dpi, metadata=metadata, pil_kwargs={"compress_level": 3}
    )
    return buf.getvalue()


def comparison_lines(comparison: Comparison, dimension: str, *, short: bool = False) -> list[str]:
    """Return the lines of one dimension: "only in A", "only in B", "in both" headings with their items.

    ``short`` lines name the item and its distance to NATO only (the slide); the others are :func:`item_line`.
    """
    diff = comparison.diffs[dimension]
    out: list[str] = []
    for heading, items in (
        (f"Only in {comparison.a.label}", diff.only_a),
        (f"Only in {comparison.b.label}", diff.only_b),
        ("In both", diff.both),
    ):
        out.append(f"{heading} ({len(items)})")
        for it in items:
            km = f" ({it.nato_km:,.0f} km)" if it.nato_km is not None else ""
            out.append(f"• {it.name}{km}" if short else f"• {item_line(it, dimension)}")
    return out


def _add_place_list(slide: Any, box: tuple[float, float, float, float], lines: list[str]) -> None:
    """List the places beside the picture: as many lines as fit ``box`` (in), then how many more the notes hold."""
    left, top, width, height = box
    frame = deck.text_box(slide, left, top, width, height)
    frame.text = "Places (km to NATO)"
    frame.paragraphs[0].runs[0].font.size = Pt(13)
    frame.paragraphs[0].runs[0].font.bold = True
    used, room, shown = fit.line_height_in(13) + 0.1, height - fit.line_height_in(9) - 0.1, 0
    for line in lines:
        used += fit.text_height_in(line, width - 0.04, 9, bold=not line.startswith("•")) + 2 / 72
        if used > room:
            break
        shown += 1
    for line in lines[:shown]:
        para = frame.add_paragraph()
        para.text = line
        para.runs[0].font.size = Pt(9)
        para.runs[0].font.bold = not line.startswith("•")
        para.space_before = Pt(2)
    if shown < len(lines):
        para = frame.add_paragraph()
        para.text = f"+ {len(lines) - shown} more lines in the speaker notes"
        para.runs[0].font.size = Pt(9)
        para.runs[0].font.italic = True


def comparison_pptx(comparison: Comparison, *, options: BriefingOptions | None = None) -> bytes:
    """Return a 16:9 deck: the two-panel map with the place lists beside it; every list in the notes."""
    options = options or BriefingOptions()
    title = options.title or comparison_title(comparison)
    prs = deck.new_deck(title)
    slide, top = deck.add_slide(prs, options.banner, title, _counts_line(comparison))
    picture_h = deck.content_bottom(options.banner) - top - 0.3
    picture_w = 9.6
    width_px = options.size_px[0]
    picture = BriefingOptions(
        size_px=(width_px, round(width_px * picture_h / picture_w)),
        dpi=width_px / picture_w,
        show_title=False,
        show_credits=False,
        text_scale=1.2,
        extent=options.extent,
    )
    shape = slide.shapes.add_picture(
        io.BytesIO(comparison_png(comparison, options=picture)),
        Inches(deck.MARGIN), Inches(top), Inches(picture_w), Inches(picture_h),
    )  # fmt: skip
    shape.name = "Comparison map"
    deck.set_alt_text(shape, f"Two maps on one extent: {title}. {_counts_line(comparison)}.")
    left = deck.MARGIN + picture_w + 0.2
    box = (left, top, deck.SLIDE_W_IN - left - deck.MARGIN, picture_h)
    _add_place_list(slide, box, comparison_lines(comparison, "places", short=True))
    deck.add_credits(slide, top + picture_h + 0.04)
    notes = [title, ""]
    for dim, heading in DIMENSIONS.items():
        notes += [heading, *comparison_lines(comparison, dim), ""]
    notes += [f"Distance to NATO, {comparison.a.label}: {comparison.distance_a.text()}"]
    notes += [f"Distance to NATO, {comparison.b.label}: {comparison.distance_b.text()}"]
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)
    return deck.deck_bytes(prs)
