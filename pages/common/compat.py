"""Every use of a Streamlit or streamlit-folium private API, in one module, each pinned by a test.

* :func:`install_link_filter` wraps ``streamlit_folium._component_func`` (streamlit-folium 0.27.4);
  :func:`folium_component` and :func:`show_folium_component` split ``st_folium`` at that boundary.
* :func:`swap_selection` relies on how streamlit-folium's frontend (0.27.4) treats ``feature_group``: while
  the component's key (st_folium's digest of the script) stays, the frame and its map stay, and a changed
  ``feature_group`` is run after the layers listed in ``window.feature_group`` are removed.
* :func:`ensure_entrypoint` flips ``PagesManager.uses_pages_directory`` (Streamlit 1.67).

``tests/pages/test_compat.py`` fails when an upgrade renames or removes either.

Offline links: streamlit-folium's component must load only vendored scripts and stylesheets.

streamlit-folium collects every element's ``default_js``/``default_css`` and, for branca colormaps,
prepends d3 from two CDNs itself; its iframe loads the scripts one after another and gives up on the
first failure, which blanks the whole map offline. :func:`install_link_filter` rewrites those links at
the component boundary with :func:`geo.maps.offline.localise_links`.

It wraps ``streamlit_folium._component_func``, a private name of streamlit-folium 0.27.4: re-check it
when upgrading streamlit-folium.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from typing import Any

import folium
import streamlit as st
import streamlit_folium

from geo.maps.offline import VENDOR_IFRAME_BASE, localise_links
from geo.maps.selection_layers import split_script, swap_script

_capture = threading.local()  # per script thread: sessions run their scripts in threads of their own


def install_link_filter(vendor: str = VENDOR_IFRAME_BASE) -> None:
    """Route streamlit-folium's ``js_links``/``css_links`` through :func:`localise_links`.

    Safe to call on every script rerun: the component function is wrapped only once.
    """
    original = streamlit_folium._component_func
    if getattr(original, "_offline_filter", False):  # scripts rerun: wrap only once
        return

    def filtered(*args: Any, js_links: Iterable[str] = (), css_links: Iterable[str] = (), **kwargs: Any) -> Any:
        kwargs.update(js_links=localise_links(js_links, vendor), css_links=localise_links(css_links, vendor))
        sink: list[dict[str, Any]] | None = getattr(_capture, "sink", None)
        if sink is not None and not args:  # folium_component: keep the arguments, draw nothing
            sink.append(kwargs)
            return kwargs.get("default")
        return original(*args, **kwargs)

    filtered._offline_filter = True  # type: ignore[attr-defined]
    streamlit_folium._component_func = filtered


def folium_component(fig: folium.Map, **options: Any) -> dict[str, Any]:
    """Return the arguments ``st_folium(fig, **options)`` sends to its component, without drawing anything.

    ``st_folium`` renders the map to HTML and script (most of a map page's run) and then calls
    ``streamlit_folium._component_func`` with plain strings, lists and dicts, and its ``on_change`` callback
    (which reads the *current* session's state when called): the arguments can be kept and shown by any
    session with :func:`show_folium_component`, which draws exactly what ``st_folium`` would have drawn.
    The map is rendered in place: do not render ``fig`` again.

    ``render=False`` skips the first of st_folium's two renders of the map (the whole page's, whose text
    it never uses; the map's own render, which it always does, fills in the same header and HTML): the
    arguments are the same (tests/pages/test_compat.py), at about half the CPU.
    """
    install_link_filter()
    sink: list[dict[str, Any]] = []
    _capture.sink = sink
    try:
        streamlit_folium.st_folium(fig, **{"render": False, **options})
    finally:
        _capture.sink = None
    (arguments,) = sink
    return arguments


def swap_selection(arguments: dict[str, Any], *, key: str | None, return_on_hover: bool = False) -> dict[str, Any]:
    """Return ``arguments`` with the selection layers sent as ``feature_group`` (:mod:`geo.maps.selection_layers`).

    The component's key is st_folium's digest of the script, now the basemap's alone: a map whose basemap
    is the same keeps its iframe and Leaflet map, and streamlit-folium runs the new ``feature_group`` to swap
    the selection's layers. ``key`` and ``return_on_hover`` are ``st_folium``'s. A script without the mark
    is left as it is.
    """
    parts = split_script(arguments["script"])
    if parts is None:
        return arguments
    base, selection = parts
    hash_key = streamlit_folium.generate_js_hash(base, key, return_on_hover)

    def on_change() -> None:  # st_folium's own callback, for the new widget key
        if key is not None:
            st.session_state[key] = st.session_state.get(hash_key, {})

    return {
        **arguments,
        "script": base,
        "feature_group": swap_script(selection),
        "key": hash_key,
        "on_change": on_change,
    }


def show_folium_component(arguments: dict[str, Any]) -> Any:
    """Draw a map :func:`folium_component` prepared (``arguments`` stay as they are); return what st_folium would."""
    fresh = dict(arguments)
    fresh["default"] = copy.deepcopy(arguments.get("default"))  # a few numbers; the shared copy stays as it was
    return streamlit_folium._component_func(**fresh)


def ensure_entrypoint() -> None:
    """Rerun through ``app.py`` when Streamlit ran a page file on its own. Call first in every page.

    ``pages/`` next to ``app.py`` makes Streamlit start in its legacy multipage mode: until some session
    has run ``app.py`` (whose ``st.navigation`` switches the mode off for the process), a first visit
    straight to ``/timeline`` runs ``pages/2_timeline.py`` alone, without the sidebar and the page list.
    This switches the mode off and reruns; the rerun runs ``app.py``, which routes to the same page.
    It relies on ``PagesManager.uses_pages_directory``, a Streamlit internal (1.67): re-check on upgrade.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
