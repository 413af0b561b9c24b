"""A visible notice in the map when the opt-in online tiles fail to load (offline, blocked, server down).

Leaflet reports a tile that cannot be fetched with the tile layer's ``tileerror`` event and otherwise
says nothing: the map just stays blank under the vector basemap. :class:`TileErrorNotice` listens for
that event and shows one notice (a ``role="status"`` control, so screen readers announce it) until the
tiles are turned off; when no tile has loaded at all, it also marks the map ``dm-tiles-failed``, which
makes the bundled land (see-through under the tiles) opaque again.
"""

from __future__ import annotations

from typing import Final

import folium
import jinja2

from geo.maps.datastore import ScriptElement, script_json

__all__ = ["TILE_ERROR_TEXT", "TileErrorNotice"]

#: What the notice says.
TILE_ERROR_TEXT: Final = (
    "OpenStreetMap tiles could not be loaded (no internet connection?). The bundled map is shown without them."
)


class TileErrorNotice(ScriptElement):
    """Show :data:`TILE_ERROR_TEXT` in the map once any tile of ``layer`` fails to load.

    Add it to the map after ``layer``. The notice goes when the layer is removed (layer control) and comes
    back at the next failure once it is shown again.

    Parameters
    ----------
    layer
        The tile layer to watch (already added to the same map).
    text
        The notice (plain text).
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map, layer, text) {
    var notice = null, loaded = 0;
    layer.on("tileload", function () { loaded += 1; });
    layer.on("tileerror", function () {
        // No tile at all: bring the bundled land back (it is see-through under the tiles).
        if (!loaded) { L.DomUtil.addClass(map.getContainer(), "dm-tiles-failed"); }
        if (notice) { return; }
        notice = L.control({position: "bottomleft"});
        notice.onAdd = function () {
            var div = L.DomUtil.create("div", "dm-tile-notice leaflet-control");
            div.setAttribute("role", "status");
            div.textContent = text;
            return div;
        };
        notice.addTo(map);
    });
    layer.on("remove", function () {
        L.DomUtil.removeClass(map.getContainer(), "dm-tiles-failed");
        if (notice) { notice.remove(); notice = null; }
    });
})({{ this._parent.get_name() }}, {{ this.layer.get_name() }}, {{ this.text_json }});
{% endmacro %}"""
    )

    def __init__(self, layer: folium.TileLayer, *, text: str = TILE_ERROR_TEXT) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "TileErrorNotice"
        self.layer = layer
        self.text = text

    @property
    def text_json(self) -> str:
        """The notice as a script-safe JSON string."""
        return script_json(self.text)
