"""What the Map page's st_folium element draws, read from the arguments it was sent."""

from __future__ import annotations

import json
from typing import Any

from geo.maps.selection_layers import swapped_code

#: The basemap's country collection as it reads in a map script (inside a ``JSON.parse`` string literal).
COUNTRIES_IN_SCRIPT = '\\"countries\\":{\\"type\\":\\"FeatureCollection\\"'


def parsed(expression: str) -> Any:
    """The value of a ``JSON.parse("…")`` expression of a map script (:func:`geo.maps.datastore.parsed_json`)."""
    assert expression.startswith('JSON.parse("') and expression.endswith('")'), expression[:40]
    return json.loads(json.loads(expression[len("JSON.parse(") : -1]))


def drawn_script(sent: dict[str, Any]) -> str:
    """The basemap's script and the selection layers' code (``feature_group``, see geo.maps.selection_layers)."""
    swap = sent.get("feature_group")
    return sent["script"] + ("\n" + swapped_code(swap) if swap else "")
