"""What a briefing map looks like beyond its selection: size, density, title, banner, extent, dates.

:class:`BriefingOptions` validates every value with one clear message (:class:`~geo.core.errors.ExportError`),
so the CLI and the dashboard reject a bad size or extent before anything is drawn.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Final

from shapely.geometry.base import BaseGeometry

from geo.core.errors import ExportError

#: Vector and raster formats :func:`geo.briefing.map.render_bytes` writes.
FORMATS: Final = ("png", "pdf", "svg")

# Pixel and DPI bounds: beyond these a render is either unreadable or needlessly huge (memory grows with w*h).
_MIN_PX, _MAX_PX = 320, 8000
_MIN_DPI, _MAX_DPI = 50.0, 1200.0


@dataclass(frozen=True)
class RingSet:
    """Distance rings to draw: ``(km, line)`` pairs in EPSG:4326, what they measure, where to label them.

    Made by :func:`geo.maps.build.distance_rings` (the dashboard's rule) in :mod:`geo.export.snapshot`.

    Attributes
    ----------
    rings
        ``(km, geometry)`` pairs, smallest first; empty for none.
    text
        The legend's words, e.g. "Rings 50/100 km from NATO's border".
    label_near
        ``(lon, lat)``: each ring is labelled at its vertex nearest this point; None for its northernmost.
    """

    rings: tuple[tuple[float, BaseGeometry], ...] = ()
    text: str = ""
    label_near: tuple[float, float] | None = None


@dataclass(frozen=True)
class BriefingOptions:
    """What the briefing map looks like, beyond the sites and the filter.

    Attributes
    ----------
    title
        Map title; empty for :func:`default_title`.
    banner
        Handling banner (free text such as ``"UNCLASSIFIED // FOR TRAINING"``), shown top and bottom;
        empty for none.
    size_px
        Output (width, height) in pixels; 1920×1080 (a 16:9 slide) by default.
    dpi
        Pixel density. The physical size is ``size_px / dpi`` inches (1920×1080 at 144 dpi is a
        13.33×7.5 in slide); the layout scales with the page, so it changes no proportion.
    extent
        Explicit view ``(west, south, east, north)`` in degrees (lon/lat, WGS84); ``None`` fits the
        sites with padding.
    data_as_of
        Date the data is current to; ``None`` for :func:`catalog_as_of` of the sites drawn.
    produced_on
        Date printed as the production date; ``None`` for today.
    show_title
        Draw the title block (off for the PPTX picture, whose slide carries the title).
    show_credits
        Print the data credits under the map (off for the PPTX picture: the slide prints them at a
        legible 9 pt under the picture).
    text_scale
        Multiplier of every text and symbol size (1 for a full page; the PPTX picture, shown smaller
        than a full slide, uses more so that it stays readable when projected).
    rings
        Distance rings drawn as on the dashboard (:class:`RingSet`; none by default).
    """

    title: str = ""
    banner: str = ""
    size_px: tuple[int, int] = (1920, 1080)
    dpi: float = 144.0
    extent: tuple[float, float, float, float] | None = None
    data_as_of: dt.date | None = None
    produced_on: dt.date | None = None
    show_title: bool = True
    show_credits: bool = True
    text_scale: float = 1.0
    rings: RingSet = field(default_factory=RingSet)

    def __post_init__(self) -> None:
        """Validate sizes and the extent with one clear message each."""
        width, height = self.size_px
        if not all(isinstance(v, int) and _MIN_PX <= v <= _MAX_PX for v in (width, height)):
            msg = f"size must be two whole numbers of pixels between {_MIN_PX} and {_MAX_PX}, got {width}x{height}"
            raise ExportError(msg)
        if not (math.isfinite(self.dpi) and _MIN_DPI <= self.dpi <= _MAX_DPI):
            msg = f"dpi must be between {_MIN_DPI:.0f} and {_MAX_DPI:.0f}, got {self.dpi!r}"
            raise ExportError(msg)
        if self.extent is not None:
            west, south, east, north = self.extent
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                msg = (
                    "extent must be (west, south, east, north) in degrees with west < east and south < north, "
                    f"got {self.extent!r}"
                )
                raise ExportError(msg)
        if not 0.5 <= self.text_scale <= 3.0:
            msg = f"text_scale must be between 0.5 and 3, got {self.text_scale!r}"
            raise ExportError(msg)
        if len(self.banner) > 120 or len(self.title) > 160:
            msg = "title (160 characters) or banner (120 characters) is too long for the page"
            raise ExportError(msg)
