"""Alliances: their names, order and colours, shared by the dashboard, the briefing maps, charts and exports.

Site colours differ by lightness as well as hue, so they survive colour blindness and grey-scale print:
every alliance colour has a WCAG 2.x contrast ratio of at least 3:1 against every ground a site is drawn on
(land, NATO's and CSTO's tints, any alliance's translucent areas), and the alliances that share places
(CSTO and Russia–Belarus) have at least 3:1 against each other (``tests/maps/test_contrast.py`` measures
it). Each alliance also has its own marker shape. Nothing here draws: the folium map, matplotlib briefing
map, Altair timeline and KML styles all read these constants.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

#: Alliance labels of the catalog, in legend order.
ALLIANCES: Final[tuple[str, ...]] = ("CSTO", "Russia-Belarus", "NATO", "national", "bilateral")

#: Site colour by alliance. CSTO is a dark burnt orange (relative luminance 0.18) and Russia–Belarus a
#: near-black maroon (0.02): 3.1:1 between them, where Okabe–Ito's orange and vermillion were 1.7:1, and
#: both keep 3:1 on every ground. NATO keeps Okabe–Ito blue; national and bilateral are darkened
#: Okabe–Ito green and reddish purple.
ALLIANCE_COLORS: Final[dict[str, str]] = {
    "CSTO": "#AD5700",
    "Russia-Belarus": "#4D0000",
    "NATO": "#0072B2",
    "national": "#007A5A",
    "bilateral": "#A8457F",
}
#: Shape cue per alliance, so alliances differ by more than colour: matplotlib marker of a point site
#: (drawn as the same shape on the dashboard, :data:`geo.maps.controls.MARKER_PATHS`), and hatch of an area.
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
#: Land on the dashboard's vector basemap (and the briefing map's, :mod:`geo.briefing.style`).
LAND_FILL: Final = "#f4f1ea"
#: NATO territory: fill (sky blue), its opacity on the dashboard, and border line (blue).
NATO_FILL: Final = "#56B4E9"
NATO_FILL_OPACITY: Final = 0.16
NATO_LINE: Final = "#0072B2"
#: CSTO territory fill (orange) and its opacity on the dashboard; the Union State outline (dashed) is
#: Russia–Belarus's colour.
CSTO_FILL: Final = "#E69F00"
CSTO_FILL_OPACITY: Final = 0.07
UNION_LINE: Final = ALLIANCE_COLORS["Russia-Belarus"]
#: Site areas on the dashboard (regions, border strips, whole countries, uncertainty circles) are filled
#: opaque in one Leaflet pane drawn at this CSS opacity: where areas overlap, the top one shows and the
#: colour never builds up (Belarus is at once a country, oblasts and border strips of several alliances).
AREA_FILL_OPACITY: Final = 0.12
#: How strong each kind's fill is in that pane: the alliance colour mixed with white, 1 being the colour
#: itself (seen at about 12 % for a border strip, 8 % a region, 6 % an uncertainty circle, 4 % a country).
AREA_FILL_STRENGTH: Final[dict[str, float]] = {"b": 1.0, "r": 2 / 3, "u": 1 / 2, "c": 1 / 3}


def alliance_color(alliance: object) -> str:
    """Return the colour of an alliance label (:data:`OTHER_COLOR` for an unknown one)."""
    return ALLIANCE_COLORS.get(str(alliance), OTHER_COLOR)


def alliance_marker(alliance: object) -> str:
    """Return the marker shape of an alliance's point sites (a circle for an unknown one)."""
    return ALLIANCE_MARKERS.get(str(alliance), "o")


def alliance_hatch(alliance: object) -> str:
    """Return the hatch of an alliance's areas (none for an unknown one)."""
    return ALLIANCE_HATCHES.get(str(alliance), "")


def area_fill(colour: str, kind: str) -> str:
    """Return the opaque fill of a site area of ``kind`` (:data:`AREA_FILL_STRENGTH`) in ``colour`` (``#rrggbb``)."""
    strength = AREA_FILL_STRENGTH[kind]
    value = colour.lstrip("#")
    channels = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return "#" + "".join(f"{round(255 - strength * (255 - c)):02x}" for c in channels)


def ordered_alliances(present: Iterable[str]) -> list[str]:
    """Return the alliances in ``present`` in legend order, unknown labels last and sorted."""
    seen = set(present)
    return [a for a in ALLIANCES if a in seen] + sorted(seen - set(ALLIANCES))
