"""The area a map shows: a lon/lat box (EPSG:4326), and the zoom it was seen at.

One value type carries "the current view" from the dashboard's interactive map to both exports: the map
as seen (:func:`geo.export.snapshot.as_seen_png` photographs exactly this box) and the briefing map
(:attr:`geo.briefing.options.BriefingOptions.extent`). The CLI reads it from ``--extent W,S,E,N``.

Order is explicit everywhere: :attr:`MapExtent.bbox` is ``(west, south, east, north)`` = (lon, lat, lon,
lat), as in GeoJSON and shapely; :meth:`MapExtent.folium_bounds` is Leaflet's ``((south, west), (north,
east))`` = (lat, lon) corners.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geo.core.errors import ExportError

__all__ = ["MapExtent", "parse_extent"]

_NUMBER = r"\s*([-+]?\d+(?:\.\d*)?|[-+]?\.\d+)\s*"


@dataclass(frozen=True)
class MapExtent:
    """A lon/lat box in degrees (EPSG:4326) and, if known, the zoom the map showed it at.

    Attributes
    ----------
    west, south, east, north
        Edges in degrees: longitudes within ±180 with ``west < east`` (no box across the antimeridian,
        which Drillmap's region never needs), latitudes within ±90 with ``south < north``.
    zoom
        Leaflet zoom of the interactive map when the box was read, or None (e.g. from the CLI).
    """

    west: float
    south: float
    east: float
    north: float
    zoom: float | None = None

    def __post_init__(self) -> None:
        """Reject a box that is not finite, out of range or empty, with one clear message."""
        values = (self.west, self.south, self.east, self.north)
        if not all(isinstance(v, int | float) and math.isfinite(v) for v in values):
            msg = f"extent must be four finite numbers (west, south, east, north), got {values!r}"
            raise ExportError(msg)
        if not (-180 <= self.west < self.east <= 180 and -90 <= self.south < self.north <= 90):
            msg = (
                "extent must be west,south,east,north in degrees (lon/lat, EPSG:4326) with west < east and "
                f"south < north, got {values!r}"
            )
            raise ExportError(msg)
        if self.zoom is not None and not (isinstance(self.zoom, int | float) and 0 <= self.zoom <= 24):
            msg = f"zoom must be between 0 and 24, got {self.zoom!r}"
            raise ExportError(msg)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """``(west, south, east, north)``: lon/lat order, as :attr:`BriefingOptions.extent` takes it."""
        return (self.west, self.south, self.east, self.north)

    def folium_bounds(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """``((south, west), (north, east))``: Leaflet's (lat, lon) corners, for ``fitBounds``."""
        return ((self.south, self.west), (self.north, self.east))

    def text(self) -> str:
        """Return ``"W,S,E,N"`` (5 decimals, about a metre), the form :func:`parse_extent` reads."""
        return ",".join(f"{v:.5f}" for v in self.bbox)

    def describe(self) -> str:
        """Return the box in words, e.g. ``"22.35–25.05° E, 51.52–52.63° N"`` (W/S for negative degrees)."""

        def span(low: float, high: float, pos: str, neg: str) -> str:
            def one(v: float) -> str:
                return f"{abs(v):.2f}° {pos if v >= 0 else neg}"

            return f"{one(low)} – {one(high)}"

        return f"{span(self.west, self.east, 'E', 'W')}, {span(self.south, self.north, 'N', 'S')}"

    @classmethod
    def from_leaflet(cls, returned: Mapping[str, Any] | None) -> MapExtent | None:
        """Read the view streamlit-folium returns (``bounds`` with ``_southWest``/``_northEast``, ``zoom``).

        Returns None when the map has not reported a usable view yet (before its first draw, or a
        degenerate box from a hidden, zero-size map).
        """
        if not returned:
            return None
        bounds = returned.get("bounds") or {}
        try:
            sw, ne = bounds["_southWest"], bounds["_northEast"]
            box = (float(sw["lng"]), float(sw["lat"]), float(ne["lng"]), float(ne["lat"]))
            zoom = returned.get("zoom")
            return cls(*box, zoom=None if zoom is None else float(zoom))
        except (KeyError, TypeError, ValueError):
            return None


def parse_extent(text: str) -> MapExtent:
    """Parse ``"W,S,E,N"`` (degrees, lon/lat) into a :class:`MapExtent`, e.g. ``"23.3,51.8,24.2,52.3"``.

    Raises
    ------
    ExportError
        If the text is not four comma-separated numbers, or they do not make a valid box.
    """
    match = re.fullmatch(",".join([_NUMBER] * 4), text)
    if not match:
        msg = f"extent must look like 23.3,51.8,24.2,52.3 (west,south,east,north in degrees), got {text!r}"
        raise ExportError(msg)
    west, south, east, north = (float(v) for v in match.groups())
    return MapExtent(west, south, east, north)
