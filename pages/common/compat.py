"""Every use of a Streamlit or streamlit-folium private API, in one module, each pinned by a test.

* :func:`install_link_filter` wraps ``streamlit_folium._component_func`` (streamlit-folium 0.27.4).
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

from collections.abc import Iterable
from typing import Any

import streamlit as st
import streamlit_folium

from geo.maps.offline import VENDOR_IFRAME_BASE, localise_links


def install_link_filter(vendor: str = VENDOR_IFRAME_BASE) -> None:
    """Route streamlit-folium's ``js_links``/``css_links`` through :func:`localise_links`.

    Safe to call on every script rerun: the component function is wrapped only once.
    """
    original = streamlit_folium._component_func
    if getattr(original, "_offline_filter", False):  # scripts rerun: wrap only once
        return

    def filtered(*args: Any, js_links: Iterable[str] = (), css_links: Iterable[str] = (), **kwargs: Any) -> Any:
        return original(
            *args,
            js_links=localise_links(js_links, vendor),
            css_links=localise_links(css_links, vendor),
            **kwargs,
        )

    filtered._offline_filter = True  # type: ignore[attr-defined]
    streamlit_folium._component_func = filtered


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
