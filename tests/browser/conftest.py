"""Shared by the browser tests: the map's selectors and the whole catalog's map saved as offline HTML."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.offline import save_offline_html, vendor_file_base

#: The page's Leaflet map object, found without knowing folium's generated variable name.
MAP = "Object.values(window).find(v => v && v instanceof L.Map)"
#: The streamlit-folium component's frame on a dashboard page.
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"


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
