"""The Compare page's synced pair: two site maps in one document, Leaflet.Sync vendored, no remote URL."""

from __future__ import annotations

import datetime as dt
import re

from geo.catalog.sites import sites_frame
from geo.core.settings import STATIC_VENDOR_DIR
from geo.maps.build import build_map
from geo.maps.compare import SYNC_SCRIPT, synced_maps
from geo.maps.offline import remote_urls, vendor_file_base
from geo.maps.url_state import Choices, decode, encode


def test_synced_pair_renders_two_maps_synced_both_ways():
    sites = sites_frame()
    a_sites = sites[sites["exercise_id"] == "zapad-2017"]
    b_sites = sites[sites["exercise_id"] == "zapad-2021"]
    vendor = vendor_file_base()
    a = build_map(a_sites, period_end=dt.date(2017, 12, 31), vendor=vendor, exercise_link=None)
    b = build_map(b_sites, period_end=dt.date(2021, 12, 31), vendor=vendor, exercise_link=None)
    html = synced_maps(a, b, a_sites, b_sites, vendor=vendor).render()
    name_a, name_b = a.get_name(), b.get_name()
    assert html.count('class="folium-map"') == 2
    assert f"{name_a}.sync({name_b});" in html and f"{name_b}.sync({name_a});" in html
    # The plugin is loaded once, after Leaflet, from the vendored copy; the sync runs after both maps exist.
    assert html.count(SYNC_SCRIPT) == 1
    assert html.index("leaflet/leaflet.js") < html.index(SYNC_SCRIPT)
    assert html.index(f"var {name_b} = L.map") < html.index(f"{name_a}.sync(")
    assert remote_urls(html) == []
    # Side by side: each half the width.
    assert re.search(rf"#{name_a} \{{[^}}]*left: 0\.0%", html) and re.search(rf"#{name_b} \{{[^}}]*left: 50\.2%", html)


def test_leaflet_sync_is_vendored_with_its_licence():
    assert (STATIC_VENDOR_DIR / SYNC_SCRIPT).is_file()
    licence = (STATIC_VENDOR_DIR / "leaflet.sync" / "LICENSE").read_text()
    assert "Redistribution and use in source and binary forms" in licence


def test_url_sides_round_trip_and_notices():
    choices = Choices(years=(2016, 2025), exercises=("zapad-2017", "zapad-2021"))
    state, notices = decode({"a": "2017-2019", "b": "Zapad-2021"}, choices)
    assert (state.compare, notices) == (("2017-2019", "zapad-2021"), [])
    assert encode(state) == {"a": "2017-2019", "b": "zapad-2021"}
    state, notices = decode({"a": "1990", "b": "zapad-2099"}, choices)
    assert state.compare == (None, None)
    assert [(n.param, "ignored" in n.reason) for n in notices] == [("a", True), ("b", True)]
    state, notices = decode({"a": "2010-2030"}, choices)
    assert state.compare == ("2016-2025", None)
    assert notices[0].param == "a" and "limited" in notices[0].reason
