"""A built map split into the part a shown map keeps and the part a filter or a ring change replaces.

:func:`geo.maps.build.build_map` returns one :class:`folium.Map`. Shown through streamlit-folium, a new
map script is a new component key: the browser throws the map frame away and builds it again (Leaflet,
the bundled basemap, every reference layer), most of a redraw's time. Changing the sites or the rings
changes neither the basemap nor the territory (they depend on the as-of date, the tiles and the labels),
so :func:`split_map` parts the map into:

* the *base*: the map itself with its panes, style sheet, data store, basemap, territory and reference
  layers, attribution and opening view; the component's key follows it, so the frame stays while it does;
* the *layers* streamlit-folium replaces in a shown map (``st_folium(base, feature_group_to_add=layers,
  layer_control=control)``, its documented dynamic update): first a host group (no layer-control entry)
  holding the site index, the marker cluster group, the legend and the "Show all sites" button, which
  come and go with it (:data:`geo.maps.controls.ON_MAP_JS`), then the distance rings and one group per
  alliance, as in the whole map;
* the layer control, rebuilt with the new layers.

The map drawn is the same: the same elements with the same scripts, in the same panes and layer-control
order; only their ``var`` names change, and the site index and cluster are also set on ``window`` (the
dynamic layers run inside streamlit-folium's ``eval``, whose names are local). A map to save or export is
the whole map: call :func:`build_map` and use it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

import folium
import jinja2

from geo.maps.controls import Legend, ViewControl
from geo.maps.datastore import ScriptElement
from geo.maps.site_index import AllianceSites, SiteCluster, SiteIndex

__all__ = ["MapParts", "split_map"]

#: The pane of the distance rings (:func:`geo.maps.build.build_map`): a feature group drawing there is the rings'.
_RINGS_PANE = "dm-rings"


class _Expose(ScriptElement):
    """Set the site index and cluster group on ``window``, as a top-level ``var`` of the whole map is."""

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
{% for name in this.names %}window[{{ name|tojson }}] = {{ name }};
{% endfor %}{% endmacro %}"""
    )

    def __init__(self, *elements: ScriptElement) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Expose"
        self.elements = elements

    @property
    def names(self) -> list[str]:
        """The variable names, as rendered (streamlit-folium renames elements before rendering them)."""
        return [str(e.get_name()) for e in self.elements]


@dataclass(frozen=True)
class MapParts:
    """A map parted by :func:`split_map`.

    Attributes
    ----------
    base
        The map without the parts below (the same object, changed in place).
    layers
        The host group of the site index, cluster group, legend and view button, then the rings and the
        alliance groups, in the whole map's order: ``st_folium``'s ``feature_group_to_add``.
    control
        The layer control (``st_folium``'s ``layer_control``), or None when the map has none.
    """

    base: folium.Map
    layers: list[folium.FeatureGroup]
    control: folium.LayerControl | None


def _is_site_layer(element: object) -> TypeGuard[folium.FeatureGroup]:
    """A feature group of one alliance's sites, or of the distance rings."""
    if not isinstance(element, folium.FeatureGroup):
        return False
    children = element._children.values()
    return any(
        isinstance(c, AllianceSites) or (isinstance(c, folium.GeoJson) and c.options.get("pane") == _RINGS_PANE)
        for c in children
    )


def split_map(m: folium.Map) -> MapParts:
    """Part a map of :func:`geo.maps.build.build_map` (not rendered yet) into base, layers and layer control.

    ``m`` is changed in place: the parts leave it. Render it only through ``st_folium`` with the layers
    and the control (``feature_group_to_add``, ``layer_control``).
    """
    host = folium.FeatureGroup(name="Exercise sites", control=False)
    layers: list[folium.FeatureGroup] = [host]
    control: folium.LayerControl | None = None
    furniture = []
    for name, element in list(m._children.items()):
        if isinstance(element, (SiteIndex, SiteCluster, Legend, ViewControl)):
            furniture.append(element)
        elif _is_site_layer(element):
            layers.append(element)
        elif isinstance(element, folium.LayerControl):
            control = element
        else:
            continue
        del m._children[name]
    for element in furniture:
        host.add_child(element)
    shared = [e for e in furniture if isinstance(e, (SiteIndex, SiteCluster))]
    if shared:
        host.add_child(_Expose(*shared))
    return MapParts(m, layers, control)
