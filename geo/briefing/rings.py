"""Distance rings on the briefing map: the rings the dashboard draws, as dashed lines with a "N km" label.

The labels go through the map's one label placer (:mod:`geo.briefing.labels`), first of all names.

The rings themselves (buffers in EPSG:3035 metres, EPSG:4326 polygons) come from the one rule of both maps,
:func:`geo.maps.build.distance_rings`, handed over in :attr:`geo.briefing.options.BriefingOptions.rings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.axes import Axes

from geo.briefing.labels import TEXT_ZORDER, Candidate, Placer, add_halo, anchor_px
from geo.briefing.options import RingSet
from geo.briefing.paths import add_path, clip, line_path
from geo.briefing.projection import View, padded, project

__all__ = ["RING_COLOUR", "RingLabel", "draw_rings", "place_ring_labels"]

#: The dashboard's ring colour (geo.maps.build): dark grey, dashed.
RING_COLOUR = "#333333"


@dataclass(frozen=True)
class RingLabel:
    """Where one ring's distance may be written: its text and the ring's vertices in view, best first."""

    text: str
    points: np.ndarray  # (n, 2) map metres


def draw_rings(ax: Axes, rings: RingSet, view: View, s: float) -> list[RingLabel]:
    """Draw each ring's outline (dashed) and return where its distance may be labelled.

    Rings sit above the site areas and under the site dots and labels (zorder 6.15). The labels are placed
    later by the map's one label placer (:func:`place_ring_labels`), so a ring's "50 km" never overlaps a
    site label, a city name or a far-site note; a ring whose outline lies wholly outside the view gets none.
    The vertices are ordered nearest the label point first (:attr:`RingSet.label_near`), else northernmost
    first.
    """
    if not rings.rings:
        return []
    outlines = project([geom for _, geom in rings.rings])
    near = None if rings.label_near is None else project([shapely.Point(rings.label_near)])[0]
    style = {"fill": False, "edgecolor": RING_COLOUR, "linewidth": 1.1 * s, "alpha": 0.9, "zorder": 6.15}
    x0, y0, x1, y1 = view
    out: list[RingLabel] = []
    for (km, _), outline in zip(rings.rings, outlines, strict=True):
        add_path(ax, line_path(clip(np.asarray([outline], dtype=object), padded(view))), linestyle=(0, (6, 4)), **style)
        coords = shapely.get_coordinates(shapely.segmentize(outline, (x1 - x0) / 80))
        inside = coords[(coords[:, 0] >= x0) & (coords[:, 0] <= x1) & (coords[:, 1] >= y0) & (coords[:, 1] <= y1)]
        if not len(inside):
            continue
        if near is None:
            order = np.argsort(-inside[:, 1], kind="stable")
        else:
            order = np.argsort(((inside - (near.x, near.y)) ** 2).sum(axis=1), kind="stable")
        out.append(RingLabel(f"{km:g} km", inside[order]))
    return out


def place_ring_labels(placer: Placer, ax: Axes, labels: Sequence[RingLabel], s: float, pad: float) -> int:
    """Write each ring's distance on the ring, at its first vertex where the placer finds room.

    Returns how many found none (their rings are still described in the legend).
    """
    missed = 0
    for ring in labels:
        anchor = anchor_px(ax, float(ring.points[0, 0]), float(ring.points[0, 1]))
        px = ax.transData.transform(ring.points)
        offsets = (px - anchor) / placer.px_per_pt
        candidates: list[Candidate] = [(float(dx), float(dy), "center", "center") for dx, dy in offsets]
        text = ax.annotate(
            ring.text,
            xy=(float(ring.points[0, 0]), float(ring.points[0, 1])),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=7.5 * s,
            color=RING_COLOUR,
            zorder=TEXT_ZORDER,
            annotation_clip=False,
            parse_math=False,
            gid="ring-label",
        )
        if placer.place(text, anchor, candidates, pad) is None:
            missed += 1
            continue
        add_halo(ax, text, s)
    return missed
