"""Label placement on the briefing map: greedy, in display pixels, so that no label overlaps another.

Site labels are placed first, most precise places first; oblast and country names then take what room
is left. How many site labels found no room is returned, and the map's note says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from geo.briefing.basemap import Basemap
from geo.briefing.projection import View
from geo.briefing.sites import SiteLayer
from geo.briefing.style import LABEL_GREY, TEXT, halo

HAlign = Literal["left", "center", "right"]
VAlign = Literal["bottom", "center", "top"]

#: A label position: offset from the anchor (points), horizontal and vertical alignment.
_Candidate = tuple[float, float, HAlign, VAlign]


class Placer:
    """Greedy label placement: each label takes the first candidate position that overlaps nothing taken.

    A label's size does not depend on where it goes, so it is measured once and every candidate box is
    computed arithmetically in display pixels.
    """

    def __init__(self, fig: Figure, ax: Axes) -> None:
        self.renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        box = ax.get_window_extent(self.renderer)
        self.limits = (box.x0, box.y0, box.x1, box.y1)
        self.taken = np.empty((0, 4))
        self.px_per_pt = fig.dpi / 72.0

    def block(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Mark a display-pixel box as taken."""
        self.taken = np.vstack([self.taken, [[x0, y0, x1, y1]]])

    def _free(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        lx0, ly0, lx1, ly1 = self.limits
        if x0 < lx0 + 2 or y0 < ly0 + 2 or x1 > lx1 - 2 or y1 > ly1 - 2:
            return False
        t = self.taken
        return not bool(np.any((x0 < t[:, 2]) & (x1 > t[:, 0]) & (y0 < t[:, 3]) & (y1 > t[:, 1])))

    def place(
        self,
        text: Annotation,
        anchor_px: tuple[float, float],
        candidates: Sequence[_Candidate],
        pad_px: float,
    ) -> bool:
        """Move ``text`` to the first free candidate (offset in points, ha, va) or remove it; True if placed."""
        text.set_horizontalalignment("left")
        text.set_verticalalignment("bottom")
        box = text.get_window_extent(self.renderer)
        w, h = box.width, box.height
        ax_, ay_ = anchor_px
        for dx, dy, ha, va in candidates:
            x = ax_ + dx * self.px_per_pt - {"left": 0.0, "center": w / 2, "right": w}[ha]
            y = ay_ + dy * self.px_per_pt - {"bottom": 0.0, "center": h / 2, "top": h}[va]
            if self._free(x - pad_px, y - pad_px, x + w + pad_px, y + h + pad_px):
                text.xyann = (dx, dy)
                text.set_horizontalalignment(ha)
                text.set_verticalalignment(va)
                self.block(x - pad_px, y - pad_px, x + w + pad_px, y + h + pad_px)
                return True
        text.remove()
        return False


def _around(r: float) -> list[_Candidate]:
    d = r * 0.7
    return [
        (r, 0, "left", "center"),
        (-r, 0, "right", "center"),
        (d, d, "left", "bottom"),
        (d, -d, "left", "top"),
        (-d, d, "right", "bottom"),
        (-d, -d, "right", "top"),
        (0, r, "center", "bottom"),
        (0, -r, "center", "top"),
        (2.4 * r, 2.4 * r, "left", "bottom"),
        (2.4 * r, -2.4 * r, "left", "top"),
        (-2.4 * r, 2.4 * r, "right", "bottom"),
        (-2.4 * r, -2.4 * r, "right", "top"),
    ]


def _centred(step: float) -> list[_Candidate]:
    return [
        (0, 0, "center", "center"),
        (0, step, "center", "center"),
        (0, -step, "center", "center"),
        (2.5 * step, 0, "center", "center"),
        (-2.5 * step, 0, "center", "center"),
    ]


def _block_dots_and_furniture(placer: Placer, ax: Axes, sites: SiteLayer, s: float) -> None:
    """Keep labels off the site dots and off furniture already drawn (scale bar, north arrow, notices)."""
    marker_r = 6.5 * s / 2 * placer.px_per_pt + 1.0
    for x, y, _, _ in sites.dots:
        px, py = ax.transData.transform((x, y))
        placer.block(px - marker_r, py - marker_r, px + marker_r, py + marker_r)
    for artist in [*ax.texts, *ax.patches]:
        if artist.get_gid() == "furniture":
            b = artist.get_window_extent(placer.renderer)
            placer.block(b.x0 - 2, b.y0 - 2, b.x1 + 2, b.y1 + 2)


def _anchor(ax: Axes, x: float, y: float) -> tuple[float, float]:
    """Return the display pixel of map point (x, y) (metres)."""
    out = ax.transData.transform((x, y))
    return float(out[0]), float(out[1])


def _place_site_labels(placer: Placer, ax: Axes, sites: SiteLayer, s: float, pad: float) -> int:
    """Place one label per place (name, then exercises) around its anchor; return how many found no room."""
    offset = 6.0 * s
    omitted = 0
    for label in sites.labels:
        text = ax.annotate(
            f"{label.name}\n{label.exercises}",
            xy=(label.x, label.y),
            xytext=(offset, 0),
            textcoords="offset points",
            fontsize=8.0 * s,
            color=TEXT,
            linespacing=1.0,
            path_effects=halo(s),
            zorder=9,
            annotation_clip=False,
            gid="site-label",
            parse_math=False,
        )
        if not placer.place(text, _anchor(ax, label.x, label.y), _around(offset), pad):
            omitted += 1
    return omitted


def _place_name(placer: Placer, ax: Axes, name: str, xy: tuple[float, float], gid: str, s: float, pad: float) -> None:
    """Place a reference name (oblast or country) centred on ``xy``, or drop it when it would overlap."""
    country = gid == "country-label"
    text = ax.annotate(
        name.upper() if country else name,
        xy=xy,
        xytext=(0, 0),
        textcoords="offset points",
        fontsize=(10.0 if country else 7.6) * s,
        color=LABEL_GREY,
        fontweight="bold" if country else "normal",
        fontstyle="normal" if country else "italic",
        alpha=0.8 if country else 1.0,
        zorder=8,
        path_effects=halo(s, 2.0),
        gid=gid,
        parse_math=False,
    )
    placer.place(text, _anchor(ax, *xy), _centred((14 if country else 10) * s), pad)


def _place_reference_names(placer: Placer, ax: Axes, base: Basemap, view: View, s: float, pad: float) -> None:
    """Name the Belarus oblasts, then the countries, whose label point lies inside ``view``."""
    x0, y0, x1, y1 = view
    for name, point in zip(base.oblast_names, shapely.point_on_surface(base.oblasts), strict=True):
        if point is not None and not point.is_empty and x0 < point.x < x1 and y0 < point.y < y1:
            _place_name(placer, ax, name, (point.x, point.y), "oblast-label", s, pad)
    labels = base.country_labels
    inside = labels[(labels["x"] > x0) & (labels["x"] < x1) & (labels["y"] > y0) & (labels["y"] < y1)]
    for name, x, y in zip(
        inside["name"].astype(str), inside["x"].astype(float), inside["y"].astype(float), strict=True
    ):
        _place_name(placer, ax, name, (x, y), "country-label", s, pad)


def draw_labels(fig: Figure, ax: Axes, sites: SiteLayer, base: Basemap, view: View, s: float) -> int:
    """Place site labels, then oblast and country names, so that none overlaps; return how many were left out.

    Site labels go first (they carry the data); a reference name that finds no room is simply not drawn.
    """
    placer = Placer(fig, ax)
    _block_dots_and_furniture(placer, ax, sites, s)
    pad = 1.2 * s * placer.px_per_pt
    omitted = _place_site_labels(placer, ax, sites, s, pad)
    _place_reference_names(placer, ax, base, view, s, pad)
    return omitted
