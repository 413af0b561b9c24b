"""Shared by the browser tests: the map's selectors and the whole catalog's map saved as offline HTML."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.offline import save_offline_html, vendor_file_base
from tests.conftest import run_streamlit

#: The page's Leaflet map object, found without knowing folium's generated variable name; ``undefined``
#: until Leaflet has loaded (a bare ``L`` would throw, and a throw ends a ``wait_for_function`` at once).
MAP = "Object.values(window).find(v => v && window.L && v instanceof window.L.Map)"
#: The streamlit-folium component's frame on a dashboard page.
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"


def map_page_whole(page, timeout_ms: float = 60_000) -> None:
    """Wait until the Map page is whole: a new session's first run sends the map alone, and a second run
    the sidebar, the map's controls and the download area (``pages/common/first_paint.py``).

    The download area's "Prepare download" button comes after the controls in that run.
    """
    page.get_by_role("button", name="Prepare download").wait_for(timeout=timeout_ms)


def download_button(page, stem: str):
    """The download button of a prepared ``drillmap-<stem>-<yyyymmdd>.<ext>`` file, and no other.

    The name is matched whole: a substring match of ``drillmap-map-`` would also find a stale
    ``drillmap-map-as-seen-`` button that Streamlit still shows while a rerun is drawing the new panel, and a
    click on it downloads nothing (its file was withdrawn).
    """
    return page.get_by_role("button", name=re.compile(rf"^Download drillmap-{re.escape(stem)}-\d{{8}}\.\w+$"))


@pytest.fixture(scope="session")
def map_html(tmp_path_factory) -> Path:
    """The map of the whole catalog as of 31 Dec 2025, saved as standalone offline HTML."""
    m = build_map(sites_frame(), period_end=dt.date(2025, 12, 31), vendor=vendor_file_base())
    return save_offline_html(m, tmp_path_factory.mktemp("map") / "sites.html")


@pytest.fixture(scope="session")
def single_user_server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(base URL, store folder) of ``app.py`` with ``DRILLMAP_SINGLE_USER=1`` and a store of its own.

    Shared by the Review tests, which save to the store: each accepts a different exercise
    (``tests/browser/test_review_browser.py`` the curated Unbreakable Brotherhood 2020,
    ``test_review_to_map_browser.py`` a new Northern Shield-2025) and looks only at its own.
    """
    home = tmp_path_factory.mktemp("single_user_home")
    with run_streamlit("single_user_server", home=home, env={"DRILLMAP_SINGLE_USER": "1"}) as base:
        yield base, home
