"""Coordinate validation, and the one place where lat/lon order is swapped.

Shapely and GeoJSON use (lon, lat); folium and people use (lat, lon). Public functions in Drillmap take
``lat`` and ``lon`` by name; :func:`latlon` is the only function that turns a shapely point into the
(lat, lon) order folium wants.
"""

from __future__ import annotations

import math
from typing import Any

from shapely.geometry import Point

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


def latlon(point: Point) -> tuple[float, float]:
    """Return a shapely point (x=lon, y=lat) as folium's ``(lat, lon)`` — the single axis swap."""
    return float(point.y), float(point.x)
