"""The briefing map's graticule and its off-frame markers.

EPSG:3035 is a Lambert azimuthal projection centred at 10°E 52°N: away from that point, meridians lean
and parallels curve, so one north arrow is true at one point only. The graticule (every
:data:`STEP_DEG` degrees, labelled where it meets the frame) shows north and east everywhere on the map.

Sites far from the main cluster are left outside the frame (:func:`geo.briefing.sites.main_cluster`);
:func:`draw_offframe` marks each at the frame edge with its name, direction and distance.
"""

from __future__ import annotations

import math
from typing import Any, Final

import numpy as np
import shapely
from matplotlib.axes import Axes
from pyproj import Geod

from geo.briefing.paths import add_path, line_path
from geo.briefing.projection import View, from_map, project
from geo.briefing.sites import Label
from geo.briefing.style import LABEL_GREY, TEXT, halo

#: Graticule spacing (degrees) and its extent (lon/lat): the region the map can show.
STEP_DEG: Final = 5
_LONS: Final = range(0, 70, STEP_DEG)
_LATS: Final = range(35, 80, STEP_DEG)
_LINE: Final = "#7d8a96"
_GEOD = Geod(ellps="WGS84")
# Arrows by octant of the direction (counter-clockwise from east).
_ARROWS: Final = "→↗↑↖←↙↓↘"


def _lines() -> tuple[list[shapely.LineString], list[shapely.LineString]]:
    """Return the projected meridians and parallels (densified every 0.25°)."""
    meridians = [shapely.LineString([(lon, lat) for lat in np.arange(30, 80.01, 0.25)]) for lon in _LONS]
    parallels = [shapely.LineString([(lon, lat) for lon in np.arange(-10, 80.01, 0.25)]) for lat in _LATS]
    return list(project(meridians)), list(project(parallels))


def _crossings(line: shapely.LineString, edge: shapely.LineString) -> list[tuple[float, float]]:
    hit = line.intersection(edge)
    return [(p.x, p.y) for p in shapely.get_parts(hit) if p.geom_type == "Point"]


def draw_graticule(ax: Axes, view: View, s: float) -> int:
    """Draw meridians and parallels every :data:`STEP_DEG`° and label them inside the frame; return the label count.

    Meridians are labelled along the bottom edge ("25°E"), parallels along the left edge ("55°N").
    Labels carry the gid ``graticule-label`` (the label placer keeps off them).
    """
    x0, y0, x1, y1 = view
    meridians, parallels = _lines()
    box = shapely.box(*view)
    add_path(
        ax,
        line_path([g.intersection(box) for g in meridians + parallels]),
        fill=False,
        edgecolor=_LINE,
        linewidth=0.45 * s,
        alpha=0.55,
        zorder=3.5,
    )
    inset_x, inset_y = 0.004 * (x1 - x0), 0.006 * (y1 - y0)
    style: dict[str, Any] = {
        "fontsize": 6.6 * s,
        "color": LABEL_GREY,
        "zorder": 10.5,
        "gid": "graticule-label",
        "path_effects": halo(s, 2.0),
    }
    count = 0
    bottom = shapely.LineString([(x0, y0 + inset_y), (x1, y0 + inset_y)])
    for lon, line in zip(_LONS, meridians, strict=True):
        for x, y in _crossings(line, bottom):
            if x0 + 0.04 * (x1 - x0) < x < x1 - 0.04 * (x1 - x0):
                ax.text(x, y, f"{lon}°E", ha="center", va="bottom", **style)
                count += 1
    left = shapely.LineString([(x0 + inset_x, y0), (x0 + inset_x, y1)])
    for lat, line in zip(_LATS, parallels, strict=True):
        for x, y in _crossings(line, left):
            if y0 + 0.05 * (y1 - y0) < y < y1 - 0.04 * (y1 - y0):
                ax.text(x, y, f"{lat}°N", ha="left", va="center", **style)
                count += 1
    return count


def _edge_point(view: View, tx: float, ty: float, margin: float) -> tuple[float, float, float]:
    """Return where the ray from the view's centre to (tx, ty) leaves the view shrunk by ``margin``, and its angle."""
    x0, y0, x1, y1 = view
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = tx - cx, ty - cy
    hw, hh = (x1 - x0) / 2 - margin, (y1 - y0) / 2 - margin
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t, math.atan2(dy, dx)


def draw_offframe(ax: Axes, view: View, outside: list[Label], s: float) -> None:
    """Mark each site outside the frame at the frame edge: name, arrow toward it and geodesic distance (km)."""
    x0, y0, x1, y1 = view
    for label in outside:
        ex, ey, angle = _edge_point(view, label.x, label.y, 0.015 * (x1 - x0))
        (lon0, lon1), (lat0, lat1) = from_map().transform([ex, label.x], [ey, label.y])
        km = _GEOD.line_length([lon0, lon1], [lat0, lat1]) / 1000
        arrow = _ARROWS[round(angle / (math.pi / 4)) % 8]
        text = f"{label.name.replace(chr(10), ' ')}\n{arrow} {km:,.0f} km beyond the frame"
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        ha = "right" if ex > cx + 0.3 * (x1 - x0) else "left" if ex < cx - 0.3 * (x1 - x0) else "center"
        va = "top" if ey > cy + 0.3 * (y1 - y0) else "bottom" if ey < cy - 0.3 * (y1 - y0) else "center"
        ax.text(
            ex,
            ey,
            text,
            ha=ha,
            va=va,
            fontsize=7.6 * s,
            color=TEXT,
            zorder=10.5,
            linespacing=1.05,
            gid="offframe-label",
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#888888", "linewidth": 0.6 * s},
        )
