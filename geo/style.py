"""Colours shared by every Drillmap map: the interactive dashboard and the static briefing exports.

The alliance colours come from the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
stays distinguishable for the common forms of colour-vision deficiency. NATO is blue and the Russia–Belarus
side is vermillion, the convention briefings already use; the CSTO takes reddish purple so that it never
reads as a shade of the Russia–Belarus colour.
"""

from __future__ import annotations

from typing import Final

#: Alliance -> hex colour (Okabe–Ito). Keys are :data:`geo.catalog_schema.ALLIANCES`.
ALLIANCE_COLOURS: Final[dict[str, str]] = {
    "NATO": "#0072B2",  # blue
    "Russia-Belarus": "#D55E00",  # vermillion
    "CSTO": "#CC79A7",  # reddish purple
    "national": "#009E73",  # bluish green
    "bilateral": "#E69F00",  # orange
}

#: Colour of anything whose alliance is unknown (never expected from a validated catalog).
UNKNOWN_COLOUR: Final = "#555555"


def alliance_colour(alliance: str | None) -> str:
    """Return the hex colour of ``alliance`` (:data:`UNKNOWN_COLOUR` if it has none)."""
    return ALLIANCE_COLOURS.get(alliance or "", UNKNOWN_COLOUR)
