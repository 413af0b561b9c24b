"""Coordinate validation, and the one place where lat/lon order is swapped.

Shapely and GeoJSON use (lon, lat); folium and people use (lat, lon). Public functions in Drillmap take
``lat`` and ``lon`` by name; :func:`to_latlon` is the only place the order is swapped, and
:func:`latlon` / :func:`bounds_latlon` are its shapes for a point and a bounding box. :func:`to_metric`
and :func:`to_storage` move one geometry between the storage CRS (EPSG:4326) and the metric one (EPSG:3035).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.core import settings
from geo.core.errors import InvalidCoordinatesError


def validate_latlon(lat: Any, lon: Any, *, where: str = "") -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats, or raise if either is not a finite number in range.

    Parameters
    ----------
    lat, lon
        Latitude in [-90, 90] and longitude in [-180, 180], degrees WGS84.
    where
        Context for the message (file, row, field).

    Raises
    ------
    InvalidCoordinatesError
        Naming the input with ``!r`` and ``where``.
    """
    prefix = f"{where}: " if where else ""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError) as exc:
        msg = f"{prefix}expected numeric (lat, lon), got ({lat!r}, {lon!r})"
        raise InvalidCoordinatesError(msg) from exc
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)):
        msg = f"{prefix}expected finite (lat, lon), got ({lat!r}, {lon!r})"
        raise InvalidCoordinatesError(msg)
    if not -90.0 <= lat_f <= 90.0:
        msg = f"{prefix}latitude {lat!r} is outside -90..90"
        raise InvalidCoordinatesError(msg)
    if not -180.0 <= lon_f <= 180.0:
        msg = f"{prefix}longitude {lon!r} is outside -180..180"
        raise InvalidCoordinatesError(msg)
    return lat_f, lon_f


def to_latlon(lon: float, lat: float) -> tuple[float, float]:
    """Return shapely/GeoJSON order ``(lon, lat)`` as folium's ``(lat, lon)``: the single axis swap."""
    return float(lat), float(lon)


def latlon(point: Point) -> tuple[float, float]:
    """Return a shapely point (x=lon, y=lat) as folium's ``(lat, lon)``."""
    return to_latlon(point.x, point.y)


def bounds_latlon(west: float, south: float, east: float, north: float) -> tuple[tuple[float, float], ...]:
    """Return shapely-order bounds (west, south, east, north) as folium's ``((lat, lon) SW, (lat, lon) NE)``."""
    return to_latlon(west, south), to_latlon(east, north)


@cache
def _transformer(source: str, target: str) -> Any:
    from pyproj import Transformer  # loaded by the first reprojection, not by every import of geo.core

    return Transformer.from_crs(source, target, always_xy=True)


def _reproject(geometry: BaseGeometry, source: str, target: str) -> BaseGeometry:
    transformer = _transformer(source, target)
    out: BaseGeometry = shapely.transform(
        geometry, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )
    return out


def to_metric(geometry: BaseGeometry) -> BaseGeometry:
    """Return a lon/lat geometry (EPSG:4326) in the metric CRS (EPSG:3035, metres) for buffers and lengths."""
    return _reproject(geometry, settings.STORAGE_CRS, settings.METRIC_CRS)


def to_storage(geometry: BaseGeometry) -> BaseGeometry:
    """Return a geometry in the metric CRS (EPSG:3035) back in lon/lat (EPSG:4326)."""
    return _reproject(geometry, settings.METRIC_CRS, settings.STORAGE_CRS)
