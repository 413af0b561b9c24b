"""A saved offline map renders in Chromium with no request leaving the machine."""

from __future__ import annotations

import datetime as dt
import re

import folium
import pytest

from geo.catalog.sites import located, sites_frame
from geo.maps.build import MapOptions, build_map
from geo.maps.offline import make_map, save_offline_html, vendor_file_base
from geo.maps.tile_notice import TILE_ERROR_TEXT
from tests.browser.conftest import MAP

pytestmark = pytest.mark.browser

POLYGON = {
    "type": "Feature",
    "properties": {"name": "training area"},
    "geometry": {
        "type": "Polygon",
        "coordinates": [[[27.0, 53.5], [28.5, 53.5], [28.5, 54.3], [27.0, 54.3], [27.0, 53.5]]],
    },
}


def test_saved_map_renders_offline(browser_page, artifacts_dir, tmp_path):
    m = make_map(vendor=vendor_file_base(), location=[53.9, 27.6], zoom_start=7, width=800, height=600)
    folium.GeoJson(POLYGON, tooltip="training area").add_to(m)
    folium.Marker([53.9, 27.6], tooltip="Minsk").add_to(m)
    html = save_offline_html(m, tmp_path / "offline_map.html")

    page = browser_page
    requests: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url}: {r.failure}"))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))

    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_selector(".leaflet-container")
    marker = page.wait_for_selector("img.leaflet-marker-icon", state="visible")
    page.wait_for_function("() => Array.from(document.images).every(img => img.complete)")

    assert marker is not None
    assert marker.evaluate("img => img.naturalWidth") > 0, marker.get_attribute("src")
    assert marker.get_attribute("src").startswith(vendor_file_base() + "/leaflet/images/")
    assert page.locator("path.leaflet-interactive").count() == 1  # the polygon

    page.locator(".folium-map").screenshot(path=str(artifacts_dir / "offline_map.png"))

    assert any(u.startswith("file:") and u.endswith("/leaflet/leaflet.js") for u in requests), requests
    external = [u for u in requests if not u.startswith(("file:", "data:"))]
    assert not external, f"requests left the machine: {external}"
    assert not failed, f"failed requests: {failed}"
    assert not errors, f"console errors: {errors}"


def test_tiles_that_cannot_load_are_announced_in_the_map(browser_page, tmp_path):
    """With the network closed, the opt-in OSM tiles fail and the map says so (Leaflet alone says nothing)."""
    sites = located(sites_frame()).head(5)
    m = build_map(sites, period_end=dt.date(2025, 12, 31), options=MapOptions(tiles=True), vendor=vendor_file_base())
    html = save_offline_html(m, tmp_path / "tiles.html", allow_tiles=True)

    page = browser_page
    blocked: list[str] = []

    def close_network(route):
        blocked.append(route.request.url)
        route.abort("internetdisconnected")

    page.route(re.compile(r"^https?://"), close_network)
    page.goto(html.as_uri(), wait_until="load")
    page.wait_for_selector(".leaflet-container")
    notice = page.wait_for_selector(".dm-tile-notice", state="visible", timeout=15000)
    assert notice.get_attribute("role") == "status"
    assert notice.inner_text() == TILE_ERROR_TEXT
    assert any("tile.openstreetmap.org" in url for url in blocked)
    assert page.locator(".dm-tile-notice").count() == 1  # one notice, however many tiles fail
    land = page.locator(".leaflet-dm-basemap-pane path[fill-opacity='0']").first  # see-through under tiles
    assert land.evaluate("p => getComputedStyle(p).fillOpacity") == "1"  # ... opaque again: no tile loaded

    # Turning the tiles off in the layer control takes the notice away.
    page.evaluate(
        f"() => {{ const map = {MAP}; map.eachLayer(l => {{ if (l instanceof L.TileLayer) map.removeLayer(l); }}); }}"
    )
    assert page.locator(".dm-tile-notice").count() == 0
    assert land.evaluate("p => getComputedStyle(p).fillOpacity") == "0"
