"""Alliances: their names, order and colours, shared by the dashboard, the briefing maps, charts and exports.

Colours are the Okabe–Ito palette (colour-blind safe). Nothing here draws: the folium map, matplotlib
briefing map, Altair timeline and KML styles all read these constants.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

#: Alliance labels of the catalog, in legend order.
ALLIANCES: Final[tuple[str, ...]] = ("CSTO", "Russia-Belarus", "NATO", "national", "bilateral")

#: Site colour by alliance (Okabe–Ito).
ALLIANCE_COLORS: Final[dict[str, str]] = {
    "CSTO": "#E69F00",
    "Russia-Belarus": "#D55E00",
    "NATO": "#0072B2",
    "national": "#009E73",
    "bilateral": "#CC79A7",
}
#: Shape cue per alliance, so alliances differ by more than hue (deuteranopia: CSTO's orange and
#: Russia–Belarus's vermillion are close): matplotlib marker of a point site, and hatch of an area.
ALLIANCE_MARKERS: Final[dict[str, str]] = {
    "CSTO": "D",
    "Russia-Belarus": "o",
    "NATO": "s",
    "national": "^",
    "bilateral": "p",
}
ALLIANCE_HATCHES: Final[dict[str, str]] = {
    "CSTO": "xx",
    "Russia-Belarus": "////",
    "NATO": "\\\\",
    "national": "..",
    "bilateral": "++",
}
#: Colour of a site whose alliance is not in :data:`ALLIANCE_COLORS` (Okabe–Ito black).
OTHER_COLOR: Final = "#000000"
#: NATO territory: fill (sky blue) and border line (blue).
NATO_FILL: Final = "#56B4E9"
NATO_LINE: Final = "#0072B2"
#: CSTO territory fill (orange) and the Union State outline (vermillion, dashed) on the dashboard.
CSTO_FILL: Final = "#E69F00"
UNION_LINE: Final = "#D55E00"


def alliance_color(alliance: object) -> str:
    """Return the colour of an alliance label (:data:`OTHER_COLOR` for an unknown one)."""
    return ALLIANCE_COLORS.get(str(alliance), OTHER_COLOR)


def alliance_marker(alliance: object) -> str:
    """Return the marker shape of an alliance's point sites (a circle for an unknown one)."""
    return ALLIANCE_MARKERS.get(str(alliance), "o")


def alliance_hatch(alliance: object) -> str:
    """Return the hatch of an alliance's areas (none for an unknown one)."""
    return ALLIANCE_HATCHES.get(str(alliance), "")


def ordered_alliances(present: Iterable[str]) -> list[str]:
    """Return the alliances in ``present`` in legend order, unknown labels last and sorted."""
    seen = set(present)
    return [a for a in ALLIANCES if a in seen] + sorted(seen - set(ALLIANCES))
