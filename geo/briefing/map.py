"""The briefing map: a finished, static cartographic rendering of a selection (matplotlib + shapely).

:func:`render_figure` draws the sites of a :class:`~geo.query.selection.Selection` on a projected basemap
(ETRS89 LAEA Europe, EPSG:3035, metres) and returns a :class:`matplotlib.figure.Figure` on an Agg canvas;
:func:`render_bytes` saves it as PNG, PDF or SVG. The jobs live in one module each:

* :mod:`geo.briefing.projection` — the projection, the frame, fitting a view;
* :mod:`geo.briefing.basemap` — countries, NATO and CSTO members as of the selection's as-of date (NATO's
  land borders facing Belarus/Russia emphasised), Belarus oblasts, rivers and lakes;
* :mod:`geo.briefing.sites` — the sites styled as on the dashboard, so a vague place never looks precise;
* :mod:`geo.briefing.labels` — greedy placement, so that no label overlaps another label or a dot;
* :mod:`geo.briefing.furniture` and :mod:`geo.briefing.legend` — scale bar (measured in metres at the map
  centre), north arrow (true north), overview inset, banner, legend;
* :mod:`geo.briefing.text` — title, subtitle and source line.

Nothing here uses :mod:`matplotlib.pyplot`: every call builds its own ``Figure``, so concurrent renders
(Streamlit sessions) cannot interfere; the one ``rcParams`` key a vector save needs is set under a lock
(:func:`vector_fonts`). Heavy reference preparation (projection,
clipping, simplification) runs once per process (``functools.cache``).

Layout scales with the page: all sizes are proportional to the figure, so 1920×1080 at 144 dpi and
3840×2160 at 288 dpi give the same map at twice the resolution. ``dpi`` is the pixel density: the physical
size (PDF page, PPTX picture) is the pixel size divided by it.
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from geo.briefing.basemap import basemap, draw_basemap
from geo.briefing.canvas import BriefingCanvas
from geo.briefing.corner import block_corner, empty_corner
from geo.briefing.furniture import draw_banner, draw_inset, draw_north_arrow, draw_scale_bar, fit_width
from geo.briefing.graticule import draw_graticule, draw_offframe
from geo.briefing.labels import LabelReport, Placer, block_dots_and_furniture, place_site_labels
from geo.briefing.legend import Entry, draw_legend, key_fits, legend_entries
from geo.briefing.names import cities_in_view, place_cities, place_country_names, place_oblast_names
from geo.briefing.options import FORMATS, BriefingOptions
from geo.briefing.projection import BELARUS_BOX, DEFAULT_VIEW, MAP_CRS, PAD_FRACTION, View, box_in_map, fit_extent
from geo.briefing.rings import RingLabel, draw_rings, place_ring_labels
from geo.briefing.sites import GEOMETRY_MEMO, SiteLayer, draw_sites, site_layer
from geo.briefing.style import SEA, TEXT
from geo.briefing.text import dates_text, default_title, single_exercise, source_list, source_summary, subtitle
from geo.core.credits import MAP_CREDITS
from geo.core.errors import ExportError
from geo.core.symbology import ordered_alliances
from geo.query.selection import Selection

__all__ = [
    "FORMATS",
    "MAP_CRS",
    "BriefingOptions",
    "MapLayout",
    "draw_labels",
    "fit_view",
    "inside_view",
    "map_axes",
    "render_bytes",
    "render_figure",
]

# The reference page: a 16:9 slide of 13.333 x 7.5 in, where the font sizes below are in points.
_REF_W_IN, _REF_H_IN = 13.333, 7.5


#: A figure-fraction rectangle (left, bottom, width, height).
Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class MapLayout:
    """Figure-fraction rectangles of one page, and the font scale."""

    scale: float
    banner_h: float
    map_rect: tuple[float, float, float, float]
    legend_rect: tuple[float, float, float, float]
    inset_rect: tuple[float, float, float, float]
    title_y: float
    footer_y: float


#: Map width (figure fraction) and, past :data:`_MANY_PLACES` places, the narrower one that leaves the
#: legend panel room for a long numbered key at 7 pt (the frame then trims empty land east and west).
_MAP_W, _MAP_W_MANY, _MANY_PLACES = 0.71, 0.66, 40


def _layout(options: BriefingOptions, places: int = 0) -> MapLayout:
    width_in = options.size_px[0] / options.dpi
    height_in = options.size_px[1] / options.dpi
    scale = min(height_in / _REF_H_IN, width_in / _REF_W_IN * 1.15) * options.text_scale
    banner_h = 0.034 if options.banner else 0.0
    header = 0.105 if options.show_title else 0.014
    footer = 0.056
    top = 1.0 - banner_h - header
    bottom = banner_h + footer
    map_w = _MAP_W_MANY if places > _MANY_PLACES else _MAP_W
    panel_x = 0.012 + map_w + 0.014
    panel_w = 0.988 - panel_x
    inset_h = min(0.27, panel_w * width_in / height_in / 1.15)
    inset_w = min(panel_w, inset_h * height_in / width_in * 1.15)
    return MapLayout(
        scale=scale,
        banner_h=banner_h,
        map_rect=(0.012, bottom, map_w, top - bottom),
        legend_rect=(panel_x, bottom + inset_h + 0.03, panel_w, top - bottom - inset_h - 0.03),
        inset_rect=(panel_x, bottom, inset_w, inset_h),
        title_y=1.0 - banner_h - 0.02,
        footer_y=banner_h + 0.034,
    )


def fit_view(sites: SiteLayer, options: BriefingOptions, aspect: float) -> View:
    """Return the map extent: the options' lon/lat extent, else the sites and Belarus padded, else the default.

    Very large areas frame the view by their label anchor only (:data:`geo.briefing.sites.LARGE_AREA_M`)
    and are drawn clipped at the frame; far places are left out and noted at the edge.
    """
    if options.extent is not None:
        west, south, east, north = options.extent
        return fit_extent(box_in_map(west, south, east, north), aspect, pad=0.0, min_size=10_000.0)
    if sites.bounds is None:
        return fit_extent(box_in_map(*DEFAULT_VIEW), aspect, pad=PAD_FRACTION)
    (x0, y0, x1, y1), (bx0, by0, bx1, by1) = sites.bounds, box_in_map(*BELARUS_BOX)
    return fit_extent((min(x0, bx0), min(y0, by0), max(x1, bx1), max(y1, by1)), aspect, pad=PAD_FRACTION)


def map_axes(fig: Figure, layout: MapLayout, view: View) -> Axes:
    """Add the map body: sea-coloured, no ticks, fixed to ``view`` (metres)."""
    ax = fig.add_axes(layout.map_rect, gid="map")
    ax.set_facecolor(SEA)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_autoscale_on(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.8 * layout.scale)
    return ax


def _draw_empty_notice(ax: Axes, selection: Selection, s: float) -> None:
    """Say in the map why nothing is drawn: nothing matches, or nothing that matches can be located."""
    if len(selection.located):
        return
    message = (
        "No exercises match the selected filters" if selection.sites.empty else "None of these sites can be located"
    )
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=16 * s,
        color=TEXT,
        zorder=12,
        gid="furniture",
        bbox={"boxstyle": "round,pad=0.6", "facecolor": "white", "edgecolor": "#888888", "alpha": 0.92},
    )


def _draw_title_block(fig: Figure, layout: MapLayout, selection: Selection, title: str) -> None:
    """Title and subtitle at the top left, shrunk to the page width if needed."""
    s = layout.scale
    heads = [
        fig.text(
            0.012,
            layout.title_y,
            title,
            ha="left",
            va="top",
            fontsize=19 * s,
            fontweight="bold",
            color=TEXT,
            gid="title",
        ),
        fig.text(
            0.012,
            layout.title_y - 0.056,
            subtitle(selection),
            ha="left",
            va="top",
            fontsize=10.2 * s,
            color="#444444",
            gid="subtitle",
        ),
    ]
    fit_width(heads, 0.012 * fig.bbox.width, 0.988 * fig.bbox.width, fig.canvas.get_renderer())  # type: ignore[attr-defined]


def _footer_text(fig: Figure, xy: tuple[float, float], text: str, s: float, *, main: bool, gid: str) -> Text:
    """One footer line; x < 0.5 is left-aligned, else right-aligned. The first line of a column is darker."""
    colour, size = ("#444444", 7.4) if main else ("#666666", 7.0)
    ha = "left" if xy[0] < 0.5 else "right"
    return fig.text(*xy, text, ha=ha, va="center", fontsize=size * s, color=colour, gid=gid)


def draw_labels(
    fig: Figure,
    ax: Axes,
    layer: SiteLayer,
    view: View,
    s: float,
    corner: Rect | None = None,
    rings: Sequence[RingLabel] = (),
) -> tuple[LabelReport, list[str]]:
    """Place every name with one placer, in priority order: rings, capitals, countries, sites, cities, oblasts.

    Capitals and countries come first (short names, always needed to read the map); a site label that then
    finds no room beside its site moves out on a leader line or is numbered in the key (:func:`place_site_labels`).

    Site and city dots and the furniture are blocked first, so no label covers them. Returns the site
    labels' report and the city names drawn.
    """
    base = basemap()
    placer = Placer(fig, ax)
    chosen = cities_in_view(base, view, layer)
    points = [(x, y) for x, y, _, _ in layer.dots]
    points += list(zip(base.places["x"].to_numpy()[chosen], base.places["y"].to_numpy()[chosen], strict=True))
    block_dots_and_furniture(placer, ax, points, 3.5 * s)
    if corner is not None:  # the overview inset's corner of a busy map: no label under it
        block_corner(fig, ax, placer, corner)
    pad = 1.2 * s * placer.px_per_pt
    place_ring_labels(placer, ax, rings, s, pad)  # on their rings, so first: every other name keeps off them
    capital = base.places["rank"].to_numpy()[chosen] == 0
    cities: list[str] = []

    # Capitals and country names first: short names that orient every reader; a site label can still move
    # out on a leader line or be numbered in the key, so no site goes unnamed.
    cities.extend(place_cities(placer, ax, base, chosen[capital], s, pad))
    place_country_names(placer, ax, base, view, s, pad)
    report = place_site_labels(placer, ax, layer, view, s, pad)
    cities += place_cities(placer, ax, base, chosen[~capital], s, pad)
    place_oblast_names(placer, ax, base, view, s, pad)
    return report, cities


def _draw_legend_or_widen(
    fig: Figure, layout: MapLayout, entries: list[Entry], s: float, keyed: list[tuple[int, str]], corner: Rect | None
) -> Rect | None:
    """Draw the legend, and return where the overview inset goes (None: nowhere).

    The inset sits under the legend in the side panel. On a busy map it has a corner of the map body
    (``corner``, :func:`geo.briefing.corner.empty_corner`) and the legend and its numbered key take the
    whole panel; else, if the key would be smaller than 7 points with the inset under it, the legend takes
    the inset's room and the overview is left out (the key of unlabelled sites matters more).
    """
    x, _, w, h = layout.legend_rect
    y0 = layout.inset_rect[1]
    whole_panel = (x, y0, w, h + (layout.legend_rect[1] - y0))
    if corner is not None:
        draw_legend(fig, whole_panel, entries, s, keyed)
        return corner
    if key_fits(fig, layout.legend_rect, entries, s, keyed):
        draw_legend(fig, layout.legend_rect, entries, s, keyed)
        return layout.inset_rect
    draw_legend(fig, whole_panel, entries, s, keyed)
    return None


def inside_view(view: View, x: float, y: float) -> bool:
    """Whether the point (x, y), in the map projection's metres, lies within ``view``."""
    return view[0] <= x <= view[2] and view[1] <= y <= view[3]


def _clipped(layer: SiteLayer, view: View) -> int:
    """Return how many places in view have areas that run past the frame (drawn clipped at it)."""
    return sum(
        1
        for lab in layer.labels
        if lab.area is not None
        and lab.extent is not None
        and inside_view(view, lab.x, lab.y)
        and not (
            view[0] <= lab.extent[0]
            and view[1] <= lab.extent[1]
            and lab.extent[2] <= view[2]
            and lab.extent[3] <= view[3]
        )
    )


def _map_note(report: LabelReport, outside: int, clipped: int = 0) -> str:
    """Return the map note: projection, and what the labels and the frame leave to the key and the inset."""
    note = "EPSG:3035 (LAEA Europe)"  # the graticule labels its own 5° lines
    if report.keyed:
        n = len(report.keyed)
        note += f" · {n} site label{'s' if n != 1 else ''} numbered (key)"
    if outside:
        note += f" · {outside} site{'s' if outside != 1 else ''} outside the frame (edge arrow)"
    if clipped:
        note += f" · {clipped} area{'s' if clipped != 1 else ''} cut at the frame"
    return note


def _draw_footer(fig: Figure, layout: MapLayout, selection: Selection, options: BriefingOptions, note: str) -> None:
    """Sources and credits under the map; the data and production dates, projection and notes on the right."""
    y0, y1, s = layout.footer_y, layout.footer_y - 0.019, layout.scale
    sources = source_summary(source_list(selection.sites))
    left_column = [_footer_text(fig, (0.012, y0), sources, s, main=True, gid="sources")]
    if options.show_credits:
        left_column.append(_footer_text(fig, (0.012, y1), " · ".join(MAP_CREDITS), s, main=False, gid="attribution"))
    stamp = dates_text(selection, data_as_of=options.data_as_of, produced_on=options.produced_on)
    right_column = [
        _footer_text(fig, (0.988, y0), stamp, s, main=True, gid="data-as-of"),
        _footer_text(fig, (0.988, y1), note, s, main=False, gid="map-note"),
    ]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    map_right, width = layout.map_rect[0] + layout.map_rect[2], fig.bbox.width
    fit_width(left_column, 0.012 * width, (map_right - 0.006) * width, renderer)
    # A right-hand line may start where the left-hand line of its row ends, so it keeps its type size.
    ends = [t.get_window_extent(renderer).x1 for t in left_column] + [0.0]
    for row, text in enumerate(right_column):
        left = min((map_right + 0.012) * width, ends[min(row, len(ends) - 1)] + 0.012 * width)
        fit_width([text], left, 0.988 * width, renderer)


def render_figure(selection: Selection, *, options: BriefingOptions | None = None) -> Figure:
    """Draw the briefing map of a selection and return the figure (Agg canvas attached).

    Parameters
    ----------
    selection
        The sites to draw and their filter (:func:`geo.query.selection.select`; geometry in EPSG:4326).
        May select nothing: the map then says "No exercises match the selected filters". Alliances are
        drawn, and the legend dated, as of :attr:`~geo.query.selection.Selection.period_end`.
    options
        Title, banner, size, dpi, extent, dates (:class:`BriefingOptions`).

    Returns
    -------
    matplotlib.figure.Figure
        The finished map. Artists carry ``gid`` values for tests and post-processing: axes ``map``,
        ``legend`` and ``overview-inset``; texts ``title``, ``subtitle``, ``site-label`` (one per place
        placed), ``site-key-number`` (a place whose label found no room: its number, keyed in the legend
        as ``legend-key``), ``city-label``, ``country-label``, ``oblast-label``, ``graticule-label``,
        ``offframe-label`` (a far site outside the frame), ``label-halo`` (the halos, drawn under NATO's
        frontier), ``attribution``, ``sources``, ``data-as-of``, ``map-note``, ``banner-text``.

    Raises
    ------
    ExportError
        If the sites are not in EPSG:4326.
    """
    options = options or BriefingOptions()
    sites = selection.sites
    if sites.crs is None or sites.crs.to_epsg() != 4326:
        msg = f"sites must be in EPSG:4326 (lon, lat), got {sites.crs}"
        raise ExportError(msg)
    layer = site_layer(sites, show_exercises=single_exercise(selection) is None)
    base, layout, on = basemap(), _layout(options, len(layer.labels)), selection.period_end
    s = layout.scale
    width_in, height_in = options.size_px[0] / options.dpi, options.size_px[1] / options.dpi
    fig = Figure(figsize=(width_in, height_in), dpi=options.dpi, facecolor="white")
    BriefingCanvas(fig)  # Agg, each text line rasterised in one call (geo.briefing.canvas)
    view = fit_view(layer, options, layout.map_rect[2] * width_in / (layout.map_rect[3] * height_in))
    ax = map_axes(fig, layout, view)
    draw_basemap(ax, base, view, on, s)
    draw_sites(ax, layer, view, s)
    ring_labels = draw_rings(ax, options.rings, view, s)
    draw_graticule(ax, view, s)
    draw_scale_bar(ax, view, s)
    draw_north_arrow(fig, ax, view, s)
    outside = [lab for lab in layer.outside if not inside_view(view, lab.x, lab.y)]
    draw_offframe(ax, view, outside, s)
    _draw_empty_notice(ax, selection, s)
    corner = None
    if len(layer.labels) > _MANY_PLACES:  # a busy map: the panel is the key's, the overview takes a corner
        corner = empty_corner(fig, ax, layer, (layout.inset_rect[2] * 0.92, layout.inset_rect[3] * 0.92))
    report, cities = draw_labels(fig, ax, layer, view, s, corner, ring_labels)

    if options.show_title:
        _draw_title_block(fig, layout, selection, options.title or default_title(selection))
    present = ordered_alliances(selection.located["alliance"])
    abbreviations = any(re.search(r"\b(TG|TA|AB)\b", label.name) for label in layer.labels)
    entries = legend_entries(present, on, layer.kinds, abbreviations, cities=bool(cities), rings=options.rings.text)
    inset = _draw_legend_or_widen(fig, layout, entries, s, report.keyed, corner)
    if inset is not None:
        draw_inset(fig, inset, base, view, layer, s, in_map=inset == corner)
    _draw_footer(fig, layout, selection, options, _map_note(report, len(outside), _clipped(layer, view)))
    if options.banner:
        draw_banner(fig, layout.banner_h, options.banner, s)
    for text in fig.findobj(Text):  # titles, banners and names are data: a "$" must not start mathtext
        text.set_parse_math(False)
    return fig


def _extent_text(options: BriefingOptions) -> dict[str, str]:
    """The asked-for extent as a PNG text chunk (``drillmap:extent`` = ``W,S,E,N``), so it can be checked."""
    if options.extent is None:
        return {}
    return {"drillmap:extent": ",".join(f"{v:.5f}" for v in options.extent)}


def render_bytes(
    selection: Selection,
    *,
    fmt: str = "png",
    options: BriefingOptions | None = None,
) -> bytes:
    """Render the briefing map and return the file content.

    Parameters
    ----------
    selection, options
        As for :func:`render_figure`.
    fmt
        ``png`` (raster, ``options.size_px`` pixels), ``pdf`` or ``svg`` (vector: nothing is rasterised;
        the PDF embeds its fonts as TrueType and the SVG keeps its words as ``<text>``, so both are
        searchable; :func:`vector_fonts`).

    Returns
    -------
    bytes
        The encoded file; a PNG drawn for an explicit extent names it in a text chunk (``drillmap:extent``).

    Raises
    ------
    ExportError
        On an unknown format (and as :func:`render_figure`).
    """
    if fmt not in FORMATS:
        msg = f"unknown map format {fmt!r}; expected one of {', '.join(FORMATS)}"
        raise ExportError(msg)
    options = options or BriefingOptions()
    fig = render_figure(selection, options=options)
    GEOMETRY_MEMO.save()  # the site shapes this render projected and dissolved, for the next process
    title = options.title or default_title(selection)
    metadata: dict[str, dict[str, Any]] = {
        "png": {"Title": title, "Software": "Drillmap (matplotlib)", **_extent_text(options)},
        "pdf": {"Title": title, "Creator": "Drillmap", "Subject": subtitle(selection)},
        "svg": {"Title": title, "Creator": "Drillmap", "Date": None},
    }
    buf = io.BytesIO()
    if fmt == "png":  # zlib level 3 instead of 6: about 30 ms less per 1920x1080 PNG, a few per cent more bytes
        fig.savefig(buf, format=fmt, dpi=options.dpi, metadata=metadata[fmt], pil_kwargs={"compress_level": 3})
    else:
        with vector_fonts(fmt):
            fig.savefig(buf, format=fmt, dpi=options.dpi, metadata=metadata[fmt])
    return buf.getvalue()


#: Font settings of the vector formats: TrueType fonts embedded in the PDF (type 42, selectable and
#: searchable, not Type 3 bitmaps-by-procedure) and real ``<text>`` elements in the SVG.
_FontKey = Literal["pdf.fonttype", "svg.fonttype"]
_VECTOR_FONTS: dict[str, tuple[_FontKey, Any]] = {"pdf": ("pdf.fonttype", 42), "svg": ("svg.fonttype", "none")}
_VECTOR_LOCK = threading.Lock()


@contextlib.contextmanager
def vector_fonts(fmt: str) -> Iterator[None]:
    """Set the font embedding of one PDF or SVG save, then restore it.

    matplotlib's PDF and SVG backends read ``pdf.fonttype`` and ``svg.fonttype`` from the global
    ``rcParams`` while saving, and offer no per-figure or per-call option. ``matplotlib.rc_context`` would
    snapshot and restore *every* parameter, unguarded, so two concurrent saves (Streamlit sessions are
    threads) could restore each other's values mid-save. Here only the one key is set, under one lock that
    every vector save of the briefing map takes; PNG renders (Agg) never read these keys, so they need not
    wait. Nothing else in Drillmap writes ``rcParams``.
    """
    if fmt not in _VECTOR_FONTS:
        yield
        return
    key, value = _VECTOR_FONTS[fmt]
    with _VECTOR_LOCK:
        before = mpl.rcParams[key]
        mpl.rcParams[key] = value
        try:
            yield
        finally:
            mpl.rcParams[key] = before
