"""The briefing map's basemap colours and the styles of its sites, legend swatches and halos.

Alliance colours come from :mod:`geo.core.symbology` (the dashboard's palette); this module adds only what
a static page needs on top of it.
"""

from __future__ import annotations

from typing import Any, Final

from matplotlib.patheffects import Stroke, withStroke

from geo.core.symbology import LAND_FILL

# Land is the dashboard's; the sea is a shade darker than the dashboard's background so that it cannot be
# mistaken for the light-blue NATO tint on paper. NATO's tint is the dashboard's (sky blue at 18 %). The CSTO
# tint is a neutral stone instead of the dashboard's orange: on a static page the orange CSTO and maroon
# Russia–Belarus sites sit on that territory and must keep their contrast (tests/maps/test_contrast.py).
SEA: Final = "#bcd4e6"
LAND: Final = LAND_FILL
NATO_ALPHA: Final = 0.18
CSTO_TINT: Final = "#8c7b6b"
CSTO_ALPHA: Final = 0.16
COUNTRY_EDGE: Final = "#8f8f8f"
OBLAST_EDGE: Final = "#9a9a9a"
WATER_LINE: Final = "#7fa9c8"
LABEL_GREY: Final = "#6f6f6f"
TEXT: Final = "#1f1f1f"
#: Reference cities: names and markers in a dark neutral, so they never read as an alliance colour.
CITY_TEXT: Final = "#3a3a3a"
BANNER_BG: Final = "#1f1f1f"

#: Area styles per kind, after the dashboard's (geo.maps.sites.SiteIndex.STYLES): fill opacity, dash pattern.
AREA_STYLE: Final[dict[str, tuple[float, Any]]] = {
    "r": (0.16, "solid"),
    "b": (0.22, (0, (6, 4))),
    "c": (0.06, (0, (2, 5))),
}


def rgb(colour: str) -> tuple[float, float, float]:
    """Return ``#rrggbb`` as matplotlib's (r, g, b) in 0..1."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    """Return ``#rrggbb`` with an opacity as matplotlib's (r, g, b, a)."""
    return (*rgb(colour), alpha)


def halo(s: float, width: float = 2.6) -> list[withStroke]:
    """Return the white outline that keeps a text readable over the map (``s``: the page's type scale)."""
    return [withStroke(linewidth=width * s, foreground="white", alpha=0.9)]


def halo_only(s: float, width: float = 2.6) -> list[Stroke]:
    """Return the white outline alone, for a halo drawn as its own artist under the text (no glyphs drawn)."""
    return [Stroke(linewidth=width * s, foreground="white", alpha=0.9)]


#: Fill opacity of all of one alliance's regions and border strips, dissolved into one shape: overlapping
#: reports never stack into a darker blob that hides the oblast lines and dots beneath. 10 %: a CSTO dot on
#: Russia–Belarus areas over the CSTO tint keeps a 3:1 contrast (tests/maps/test_contrast.py).
AREA_FILL_CAP: Final = 0.10


def dot_style(colour: str, kind: str, s: float, marker: str = "o") -> dict[str, Any]:
    """Marker style of a point site: solid (p), translucent (a) or hollow (t); ``marker``: the alliance's shape."""
    if kind == "p":
        return {"s": (7.0 * s) ** 2, "c": [colour], "edgecolors": "white", "linewidths": 1.2 * s, "marker": marker}
    if kind == "t":
        return {"s": (5.6 * s) ** 2, "c": ["white"], "edgecolors": [colour], "linewidths": 2.0 * s, "marker": marker}
    style = {"s": (7.0 * s) ** 2, "c": [rgba(colour, 0.55)], "edgecolors": [colour], "linewidths": 1.2 * s}
    return {**style, "marker": marker}
