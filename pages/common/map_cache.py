"""The Map page's map, built and rendered once per selection and map options, and shared by every session.

Building the folium map of a selection and rendering it to the HTML and script ``st_folium`` sends is
most of a map page's run (about a second of Python, holding the GIL: twenty sessions opening the page at
once queue behind one another). The result depends only on what :func:`map_key` hashes:

* the derived-catalog key of the known sites (:attr:`geo.query.known.KnownSites.key`: catalog content,
  reference data, store revision, code, settings), so a saved exercise or an edited file is a new map;
* the selection: the filter, the as-of date, and the ids of the selected sites themselves;
* the map options (tiles, rings, ring centre) and the ``st_folium`` arguments (key, height, what it returns).

So the rendered arguments are kept with ``st.cache_resource`` under that key (one computation even when
sessions ask at once: Streamlit locks per key) and every session draws them with
:func:`pages.common.compat.show_folium_component`, which sends what ``st_folium`` would have sent. At most
:data:`MAP_ENTRIES` maps are kept (Streamlit drops the least recently used); one map of the reviewed
catalog (142 sites) is a 1.35-million-character script, 2.7 MB in memory (its Cyrillic names make Python
store it at two bytes a character), so the cache holds at most about 44 MB, whatever the number of sessions.

The selection's layers are sent apart from the basemap (:func:`pages.common.compat.swap_selection`): a
filter or rings change that keeps the period keeps the browser's map frame and swaps those layers alone.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

import streamlit as st

from geo.maps.build import MapOptions, build_map
from geo.query.selection import Selection
from pages.common import compat
from pages.common import state as ui_common

#: Rendered maps kept for the whole server (each a few MB at most, see the module docstring). More than the
#: distinct maps that sessions switching filters and rings on and off ask for in turn (the load bench's
#: links and toggles make about ten): a smaller least-recently-used cache rebuilt most of them (~0.5 s each).
MAP_ENTRIES: Final = 16


def map_key(catalog_key: str, selection: Selection, options: MapOptions, component: dict[str, Any]) -> str:
    """Return the key of the rendered map: a digest of everything :func:`build_map` and ``st_folium`` read.

    The selected sites are named one by one (exercise id and site index) besides the filter that chose
    them, so two selections that differ in any site never share a map.
    """
    sites = selection.sites
    ids = ",".join(f"{e}:{i}" for e, i in zip(sites["exercise_id"], sites["site_index"], strict=True))
    parts = (catalog_key, ids, selection.filter, selection.period_end, options, sorted(component.items()))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


@st.cache_resource(max_entries=MAP_ENTRIES, show_spinner=False)
def _rendered(key: str, _selection: Selection, _options: MapOptions, _component: dict[str, Any]) -> dict[str, Any]:
    """Build and render the map for ``key`` (:func:`map_key`); the arguments ``st_folium`` sends. Shared: read only."""
    del key  # only the cache's key
    return _render(_selection, _options, _component)


def _render(selection: Selection, options: MapOptions, component: dict[str, Any]) -> dict[str, Any]:
    m = build_map(selection.sites, period_end=selection.period_end, options=options, reference=ui_common.reference())
    arguments = compat.folium_component(m, **component)
    # A filter or rings change that keeps the basemap swaps the selection's layers in the same frame.
    return compat.swap_selection(
        arguments, key=component.get("key"), return_on_hover=component.get("return_on_hover", False)
    )


def prepare_map(catalog_key: str, selection: Selection, options: MapOptions, **component: Any) -> None:
    """Render the map :func:`show_map` would draw with the same arguments into the shared cache; draw nothing.

    Any thread may call it (:mod:`pages.common.warm`). Without a ``catalog_key`` nothing could be shared: a no-op.
    """
    if catalog_key:
        _rendered(map_key(catalog_key, selection, options, component), selection, options, component)


def show_map(catalog_key: str, selection: Selection, options: MapOptions, **component: Any) -> Any:
    """Draw the map of ``selection`` with ``st_folium(map, **component)``; return what ``st_folium`` returns.

    Parameters
    ----------
    catalog_key
        :attr:`pages.common.state.View.catalog_key`. Empty (unknown): the map is built for this run alone.
    selection, options
        What the map shows (:func:`geo.maps.build.build_map`).
    component
        ``st_folium``'s keyword arguments (``key``, ``height``, ``returned_objects``…), plain values.
    """
    if not catalog_key:
        return compat.show_folium_component(_render(selection, options, component))
    key = map_key(catalog_key, selection, options, component)
    return compat.show_folium_component(_rendered(key, selection, options, component))
