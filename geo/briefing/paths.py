"""Shapely geometries as matplotlib paths: one compound path per layer, drawn without autoscaling.

Drawing a layer as one path (instead of one patch per polygon) keeps a render to a fraction of a second.
Geometries are in :data:`geo.briefing.projection.MAP_CRS` metres.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry


def polygon_path(geoms: Iterable[BaseGeometry | None]) -> MplPath | None:
    """Return one compound path of all polygons (holes kept: exteriors CCW, holes CW, non-zero fill)."""
    arr = np.asarray([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if not len(arr):
        return None
    parts = shapely.get_parts(arr)
    parts = parts[shapely.get_type_id(parts) == 3]  # polygons only (make_valid may leave lines)
    if not len(parts):
        return None
    rings = shapely.get_rings(shapely.orient_polygons(parts))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    starts = np.r_[0, np.flatnonzero(np.diff(index)) + 1]
    codes[starts] = MplPath.MOVETO
    codes[np.r_[starts[1:] - 1, len(coords) - 1]] = MplPath.CLOSEPOLY
    return MplPath(coords, codes)


def line_path(geoms: Iterable[BaseGeometry | None]) -> MplPath | None:
    """Return one path of all lines (polygon boundaries included), each part starting with a MOVETO."""
    arr = np.asarray([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if not len(arr):
        return None
    parts = shapely.get_parts(arr)
    parts = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    if not len(parts):
        return None
    coords, index = shapely.get_coordinates(parts, return_index=True)
    codes = np.full(len(coords), MplPath.LINETO, dtype=MplPath.code_type)
    codes[np.r_[0, np.flatnonzero(np.diff(index)) + 1]] = MplPath.MOVETO
    return MplPath(coords, codes)


def clip(geoms: np.ndarray, bounds: tuple[float, float, float, float]) -> np.ndarray:
    """Return ``geoms`` cut to ``bounds`` (x0, y0, x1, y1), empty results dropped."""
    if not len(geoms):
        return geoms
    clipped: np.ndarray = shapely.clip_by_rect(geoms, *bounds)
    kept: np.ndarray = clipped[~shapely.is_empty(clipped)]
    return kept


def add_path(ax: Axes, path: MplPath | None, **style: Any) -> PathPatch | None:
    """Add a path without updating data limits (``add_patch`` walks every Bézier segment: seconds here)."""
    if path is None:
        return None
    patch = PathPatch(path, **style)
    ax.add_artist(patch)
    return patch
