"""The map's projection and frame: lon/lat (EPSG:4326) to ETRS89 LAEA Europe (EPSG:3035, metres).

Every briefing layer is projected here, and every view is fitted inside :data:`FRAME`, the part of the
projected plane the prepared reference layers cover.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from geo.core import settings

#: Projected CRS of the map body: ETRS89 LAEA Europe (metres), equal-area, EU's standard for statistics.
MAP_CRS: Final = settings.METRIC_CRS

# The reference layers are read inside this lon/lat box, projected, then cut to the projected frame below.
SOURCE_BOX: Final = (10.0, 30.0, 80.0, 76.0)

# The frame (EPSG:3035 metres) every view stays inside: its west edge is the 10°E meridian (a straight
# vertical line in this projection, and where the reference layers start); all of it lies within
# SOURCE_BOX, so no layer ends inside the frame.
FRAME: Final = (4_321_000.0, 1_800_000.0, 7_600_000.0, 5_600_000.0)

#: The overview inset's frame (EPSG:3035 metres): the extent of ``countries_overview.geojson``, Ireland to the Urals.
OVERVIEW_FRAME: Final = (2_700_000.0, 1_300_000.0, 7_600_000.0, 5_600_000.0)

# Default view when no site can be drawn: Belarus and its neighbours.
DEFAULT_VIEW: Final = (20.5, 50.2, 33.5, 57.2)

#: Belarus's lon/lat box: every view fitted to sites includes it (the map is about Belarus's surroundings).
BELARUS_BOX: Final = (23.2, 51.2, 32.8, 56.2)

# Extent padding around the sites (fraction of the larger side) and the smallest view (metres).
PAD_FRACTION: Final = 0.08
MIN_VIEW_M: Final = 350_000.0

# Simplification tolerance (metres): about half a pixel of a 1920 px map of 1,500 km.
SIMPLIFY_M: Final = 400.0

#: A view or a box on the map: (x0, y0, x1, y1) in :data:`MAP_CRS` metres.
View = tuple[float, float, float, float]


def padded(view: View) -> View:
    """Return the view grown by 3 % of its width a side: fills and lines run past the frame, not up to it."""
    x0, y0, x1, y1 = view
    pad = 0.03 * (x1 - x0)
    return (x0 - pad, y0 - pad, x1 + pad, y1 + pad)


@cache
def to_map() -> Transformer:
    """Return the lon/lat (EPSG:4326) to :data:`MAP_CRS` transformer (x = lon, y = lat in; metres out)."""
    return Transformer.from_crs(settings.STORAGE_CRS, MAP_CRS, always_xy=True)


@cache
def from_map() -> Transformer:
    """Return the :data:`MAP_CRS` to lon/lat (EPSG:4326) transformer."""
    return Transformer.from_crs(MAP_CRS, settings.STORAGE_CRS, always_xy=True)


def project(geoms: Iterable[BaseGeometry | None]) -> np.ndarray:
    """Project lon/lat geometries to :data:`MAP_CRS` (None stays None)."""
    arr = np.asarray(list(geoms), dtype=object)
    if not len(arr):
        return arr
    projected: np.ndarray = shapely.transform(arr, lambda xy: np.column_stack(to_map().transform(xy[:, 0], xy[:, 1])))
    return projected


def box_in_map(west: float, south: float, east: float, north: float) -> tuple[float, float, float, float]:
    """Return the projected bounds of a lon/lat box (edges densified: meridians and parallels curve)."""
    ring = shapely.segmentize(shapely.box(west, south, east, north), 0.25)
    x0, y0, x1, y1 = project([ring])[0].bounds
    return float(x0), float(y0), float(x1), float(y1)


def fit_extent(bounds: View, aspect: float, *, pad: float, min_size: float = MIN_VIEW_M, frame: View = FRAME) -> View:
    """Pad ``bounds``, grow them to the width/height ``aspect`` and move them inside ``frame`` (metres)."""
    x0, y0, x1, y1 = bounds
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    margin = pad * max(w, h)
    w, h = max(w + 2 * margin, min_size), max(h + 2 * margin, min_size / aspect)
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    fx0, fy0, fx1, fy1 = frame
    if w > fx1 - fx0 or h > fy1 - fy0:  # larger than the prepared basemap: show all of it
        shrink = min((fx1 - fx0) / w, (fy1 - fy0) / h)
        w, h = w * shrink, h * shrink
    cx = min(max((x0 + x1) / 2, fx0 + w / 2), fx1 - w / 2)  # shift, never show the frame's outside
    cy = min(max((y0 + y1) / 2, fy0 + h / 2), fy1 - h / 2)
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
