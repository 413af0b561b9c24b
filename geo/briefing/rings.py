"""Distance rings on the briefing map: the rings the dashboard draws, as dashed lines with a "N km" label.

The rings themselves (buffers in EPSG:3035 metres, EPSG:4326 polygons) come from the one rule of both maps,
:func:`geo.maps.build.distance_rings`, handed over in :attr:`geo.briefing.options.BriefingOptions.rings`.
"""

from __future__ import annotations

import numpy as np
import shapely
from matplotlib.axes import Axes

from geo.briefing.options import RingSet
from geo.briefing.paths import add_path, clip, line_path
from geo.briefing.projection import View, padded, project
from geo.briefing.style import halo

__all__ = ["RING_COLOUR", "draw_rings"]

#: The dashboard's ring colour (geo.maps.build): dark grey, dashed.
RING_COLOUR = "#333333"


def draw_rings(ax: Axes, rings: RingSet, view: View, s: float) -> None:
    """Draw each ring's outline (dashed) and its distance, at the vertex nearest the label point in view.

    Rings sit above the site areas and under the site dots and labels (zorder 6.15); a ring whose outline
    lies wholly outside the view is not labelled.
    """
    if not rings.rings:
        return
    outlines = shapely.boundary(project([geom for _, geom in rings.rings]))
    near = None if rings.label_near is None else project([shapely.Point(rings.label_near)])[0]
    style = {"fill": False, "edgecolor": RING_COLOUR, "linewidth": 1.1 * s, "alpha": 0.9, "zorder": 6.15}
    x0, y0, x1, y1 = view
    for (km, _), outline in zip(rings.rings, outlines, strict=True):
        add_path(ax, line_path(clip(np.asarray([outline], dtype=object), padded(view))), linestyle=(0, (6, 4)), **style)
        coords = shapely.get_coordinates(outline)
        inside = coords[(coords[:, 0] >= x0) & (coords[:, 0] <= x1) & (coords[:, 1] >= y0) & (coords[:, 1] <= y1)]
        if not len(inside):
            continue
        if near is None:
            x, y = inside[inside[:, 1].argmax()]
        else:
            x, y = inside[((inside - (near.x, near.y)) ** 2).sum(axis=1).argmin()]
        ax.text(
            float(x),
            float(y),
            f"{km:g} km",
            ha="center",
            va="center",
            fontsize=7.5 * s,
            color=RING_COLOUR,
            zorder=7.5,
            gid="ring-label",
            path_effects=halo(s),
        )
