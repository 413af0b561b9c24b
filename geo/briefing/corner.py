"""Where the overview inset goes on a busy map: an empty corner of the map frame, as in a print layout.

A busy map (many labelled places) needs the whole side panel for its legend and numbered key. Rather than
drop the overview, it moves into a corner of the map body that holds no site, no site area and no map
furniture (scale bar, north arrow, far-site notes). The corner is chosen before any name is placed and is
then blocked for the label placer, so no label runs under the inset; graticule labels it would cover go.
"""

from __future__ import annotations

from typing import Final

import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from geo.briefing.labels import Placer
from geo.briefing.sites import SiteLayer

__all__ = ["CORNER_GID", "block_corner", "empty_corner"]

#: gid of the inset's white mat in the map (tests find the inset's room by it).
CORNER_GID: Final = "inset-corner"
# Blocking furniture: what the inset must not cover. Graticule labels may be covered (they are removed).
_FURNITURE: Final = frozenset({"furniture", "offframe-label"})
# Gap between the frame and the inset (figure fraction of the height), and the inset's white mat (points).
_MARGIN: Final = 0.008
# The second size tried, as a fraction of the first.
_SMALLER: Final = 0.78


def _corners(fig: Figure, ax: Axes, size: tuple[float, float]) -> list[tuple[float, float, float, float]]:
    """Return the candidate inset rectangles (figure fractions): top right, top left, bottom right, bottom left."""
    x0, y0, w, h = ax.get_position().bounds
    iw, ih = size
    mx = _MARGIN * fig.get_figheight() / fig.get_figwidth()
    right, top = x0 + w - mx - iw, y0 + h - _MARGIN - ih
    left, bottom = x0 + mx, y0 + _MARGIN
    return [(right, top, iw, ih), (left, top, iw, ih), (right, bottom, iw, ih), (left, bottom, iw, ih)]


def _is_empty(fig: Figure, ax: Axes, layer: SiteLayer, rect: tuple[float, float, float, float]) -> bool:
    """Return True if no site dot, site area (but country-wide ones) or blocking furniture falls in ``rect``."""
    fw, fh = fig.bbox.width, fig.bbox.height
    px = (rect[0] * fw, rect[1] * fh, (rect[0] + rect[2]) * fw, (rect[1] + rect[3]) * fh)
    to_data = ax.transData.inverted()
    (dx0, dy0), (dx1, dy1) = to_data.transform([(px[0], px[1]), (px[2], px[3])])
    box = shapely.box(dx0, dy0, dx1, dy1)
    if any(dx0 <= x <= dx1 and dy0 <= y <= dy1 for x, y, _, _ in layer.dots):
        return False
    if any(dx0 <= lab.x <= dx1 and dy0 <= lab.y <= dy1 for lab in layer.labels):
        return False
    if any(kind != "c" and geom.intersects(box) for geom, _, kind in layer.areas):
        return False
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for artist in [*ax.texts, *ax.patches, *ax.artists, *ax.lines]:
        if artist.get_gid() in _FURNITURE:
            b = artist.get_window_extent(renderer)
            if b.x0 < px[2] and b.x1 > px[0] and b.y0 < px[3] and b.y1 > px[1]:
                return False
    return True


def empty_corner(
    fig: Figure, ax: Axes, layer: SiteLayer, size: tuple[float, float]
) -> tuple[float, float, float, float] | None:
    """Return the first empty corner of the map body for an inset of ``size`` (figure fractions), or None.

    Each corner is tried at that size, then at :data:`_SMALLER` of it: a smaller overview in the map
    beats none.
    """
    for scale in (1.0, _SMALLER):
        scaled = (size[0] * scale, size[1] * scale)
        for rect in _corners(fig, ax, scaled):
            if _is_empty(fig, ax, layer, rect):
                return rect
    return None


def block_corner(fig: Figure, ax: Axes, placer: Placer, rect: tuple[float, float, float, float]) -> None:
    """Keep every label off the inset's corner (a small gap around it), and drop graticule labels under it."""
    fw, fh = fig.bbox.width, fig.bbox.height
    gap = 4.0 * placer.px_per_pt
    x0, y0, x1, y1 = rect[0] * fw, rect[1] * fh, (rect[0] + rect[2]) * fw, (rect[1] + rect[3]) * fh
    placer.block(x0 - gap, y0 - gap, x1 + gap, y1 + gap, label=True)
    for text in list(ax.texts):
        if text.get_gid() == "graticule-label":
            b = text.get_window_extent(placer.renderer)
            if b.x0 < x1 + gap and b.x1 > x0 - gap and b.y0 < y1 + gap and b.y1 > y0 - gap:
                text.remove()
