"""Two Drillmap maps side by side in one document, kept on one view by Leaflet.Sync.

:func:`synced_maps` takes two maps made by :func:`geo.maps.build.build_map` (one per compared side) and puts
them in one :class:`branca.element.Figure`, left and right, each half the width. Both share one Leaflet, so
the vendored Leaflet.Sync plugin (``static/vendor/leaflet.sync``, see ``static/README.md``) makes each follow
the other: pan or zoom either and the other shows the same view. Both open on one extent that fits the
sites of both sides (:func:`geo.maps.view.map_view`), so a place lies at the same spot in each.
"""

from __future__ import annotations

from typing import Final

import branca.element
import folium
import geopandas as gpd
import jinja2
import pandas as pd

from geo.maps.view import map_view

__all__ = ["SYNC_SCRIPT", "SyncMaps", "synced_maps"]

#: The Leaflet.Sync script under the vendor base.
SYNC_SCRIPT: Final = "leaflet.sync/L.Map.Sync.js"


class SyncMaps(branca.element.MacroElement):
    """Sync two maps both ways (added to the second map, after everything else, so both exist)."""

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
{{ this.a.get_name() }}.sync({{ this.b.get_name() }});
{{ this.b.get_name() }}.sync({{ this.a.get_name() }});
window.drillmapMaps = [{{ this.a.get_name() }}, {{ this.b.get_name() }}];
{% endmacro %}"""
    )

    def __init__(self, a: folium.Map, b: folium.Map) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SyncMaps"
        self.a = a
        self.b = b


def _half(m: folium.Map, left_percent: float, width_percent: float) -> None:
    """Place a map in its half of the figure (the attributes folium's map template reads)."""
    m.position = "absolute"
    m.left = (left_percent, "%")
    m.top = (0.0, "%")
    m.width = (width_percent, "%")
    m.height = (100.0, "%")


def synced_maps(
    a: folium.Map, b: folium.Map, sites_a: gpd.GeoDataFrame, sites_b: gpd.GeoDataFrame, *, vendor: str
) -> branca.element.Figure:
    """Return one figure holding ``a`` (left) and ``b`` (right), synced, both fitted to both sides' sites.

    Parameters
    ----------
    a, b
        Maps from :func:`geo.maps.build.build_map`, not yet added to a figure.
    sites_a, sites_b
        The sites each map draws: the opening view fits them all.
    vendor
        The vendored assets' base, as given to ``build_map``.

    Returns
    -------
    branca.element.Figure
        Render it (``figure.render()``) for a complete HTML document.
    """
    figure = branca.element.Figure()
    _half(a, 0.0, 49.8)
    _half(b, 50.2, 49.8)
    figure.add_child(a)
    figure.add_child(b)
    base = vendor.rstrip("/")
    b.default_js = [*b.default_js, ("leaflet_sync", f"{base}/{SYNC_SCRIPT}")]
    both = gpd.GeoDataFrame(pd.concat([sites_a, sites_b]), geometry="geometry", crs=sites_a.crs)
    (south, west), (north, east) = map_view(both).bounds
    for m in (a, b):
        m.fit_bounds([[south, west], [north, east]], padding=(24, 24), max_zoom=9)
    SyncMaps(a, b).add_to(b)
    return figure
