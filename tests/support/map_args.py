"""What the Map page's st_folium element draws, read from the arguments it was sent."""

from __future__ import annotations

from typing import Any

from geo.maps.selection_layers import swapped_code


def drawn_script(sent: dict[str, Any]) -> str:
    """The basemap's script and the selection layers' code (``feature_group``, see geo.maps.selection_layers)."""
    swap = sent.get("feature_group")
    return sent["script"] + ("\n" + swapped_code(swap) if swap else "")
