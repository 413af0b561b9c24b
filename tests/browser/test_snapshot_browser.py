"""Browser tests: the as-seen screenshot in Chromium, and the download area in a real Streamlit server."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from PIL import Image

from geo.catalog.filter import SiteFilter
from geo.core.symbology import ALLIANCE_COLORS
from geo.export.snapshot import as_seen_png
from geo.query.selection import select
from tests.browser.conftest import download_button
from tests.conftest import fresh_page, run_streamlit
from tests.support.export_panel_app import tiny_sites

pytestmark = pytest.mark.browser


def _near(pixels: np.ndarray, colour: str, tolerance: int = 30) -> int:
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels - rgb).sum(axis=1) < tolerance).sum())


def test_as_seen_screenshot(chromium_browser, artifacts_dir):
    chosen = select(tiny_sites(), SiteFilter(years=(2021, 2023)))
    data = as_seen_png(chosen, size_px=(1000, 700), browser=chromium_browser)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    image.save(artifacts_dir / "as_seen_map.png")
    assert image.size == (1000, 700)
    pixels = np.asarray(image).reshape(-1, 3)
    packed = (pixels[:, 0].astype(np.uint32) << 16) | (pixels[:, 1].astype(np.uint32) << 8) | pixels[:, 2]
    assert len(np.unique(packed)) > 100  # a drawn map, not a blank page
    for alliance in ("NATO", "Russia-Belarus"):  # the sites' own colours are on the picture
        assert _near(pixels, ALLIANCE_COLORS[alliance]) > 10, alliance


@pytest.fixture(scope="module")
def panel_server():
    """``streamlit run tests/support/export_panel_app.py`` on a free port (started once for this module)."""
    with run_streamlit("panel_server", script="tests/support/export_panel_app.py") as url:
        yield url


def test_download_area_in_the_browser(chromium_browser, panel_server, artifacts_dir):
    context = chromium_browser.new_context(viewport={"width": 1100, "height": 900}, accept_downloads=True)
    page = context.new_page()
    hosts: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: hosts.append(urlsplit(r.url).hostname or ""))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(panel_server, wait_until="domcontentloaded")
        prepare = page.get_by_role("button", name="Prepare download")
        prepare.wait_for(timeout=30_000)
        prepare.click()
        button = download_button(page, "map")
        button.wait_for(timeout=30_000)
        page.get_by_text("Ready:").wait_for(timeout=30_000)
        with page.expect_download(timeout=30_000) as info:
            button.click()
        download = info.value
        assert download.suggested_filename.startswith("drillmap-map-") and download.suggested_filename.endswith(".png")
        data = Path(download.path()).read_bytes()
        assert Image.open(io.BytesIO(data)).size == (1920, 1080)
        with page.expect_download(timeout=30_000) as again:  # the file is made on click: a second copy works
            button.click()
        assert Path(again.value.path()).read_bytes() == data
        page.screenshot(path=str(artifacts_dir / "export_panel.png"))
    finally:
        context.close()
    assert {h for h in hosts if h not in ("127.0.0.1", "localhost", "")} == set()
    assert errors == []


def test_as_seen_shows_the_given_view_without_buttons(chromium_browser, artifacts_dir):
    from geo.core.extent import MapExtent
    from geo.maps.build import NATO_BORDER, MapOptions

    chosen = select(tiny_sites(), SiteFilter(years=(2021, 2023)))
    view = MapExtent(23.2, 51.75, 24.3, 52.35, zoom=10)  # Brest, as a 1,000 x 640 px dashboard map shows it
    rings = MapOptions(rings_km=(50, 100), ring_center=NATO_BORDER)
    data = as_seen_png(
        chosen, size_px=(1280, 720), map_options=rings, view=view, banner="TEST", browser=chromium_browser
    )
    image = Image.open(io.BytesIO(data))
    image.save(artifacts_dir / "as_seen_view_brest.png")
    assert image.size == (1280, 720)
    west, south, east, north = (float(v) for v in image.text["drillmap:bounds"].split(","))
    tolerance = 0.01 * (view.east - view.west)
    assert abs(west - view.west) < tolerance and abs(east - view.east) < tolerance
    assert abs(south - view.south) < tolerance and abs(north - view.north) < tolerance
    top = np.asarray(image.convert("L"))[:60]  # the banner and the title: dark text on white
    assert (top < 100).sum() > 200


def test_as_seen_page_hides_the_interactive_controls(chromium_browser, map_html):
    from geo.export.seen_frame import FRAME_JS

    with fresh_page(chromium_browser, 1000, 700) as page:
        page.goto(map_html.as_uri(), wait_until="load")
        page.wait_for_selector(".leaflet-control-zoom")
        page.evaluate(FRAME_JS, {"title": "T <b>x</b>", "lines": ["a"], "banner": "B", "view": None})
        for control in (".leaflet-control-zoom", ".leaflet-control-layers", ".dm-view"):
            assert not page.locator(control).first.is_visible(), control
        assert page.locator(".dm-legend").is_visible() and page.locator(".leaflet-control-scale").is_visible()
        assert page.locator(".dm-seen-title").inner_text() == "T <b>x</b>"  # words, never markup
        assert page.locator(".dm-seen-banner").count() == 2
        # The legend, shown whole, stands beside the map, covering none of it.
        legend, body = page.locator(".dm-legend").bounding_box(), page.locator(".leaflet-container").bounding_box()
        assert page.locator(".leaflet-container .dm-legend").count() == 0
        assert legend["x"] >= body["x"] + body["width"]
        assert page.locator(".dm-legend.dm-collapsed").count() == 0
        # The credits are a line under the map, not over its scale bar.
        credits = page.locator(".dm-seen-credits")
        assert "Natural Earth" in credits.inner_text() and page.locator(".leaflet-control-attribution").count() == 0
        assert credits.bounding_box()["y"] >= body["y"] + body["height"]


def test_as_seen_page_keeps_the_legend_on_a_map_too_short_for_it_beside(chromium_browser, map_html):
    from geo.export.seen_frame import FRAME_JS

    with fresh_page(chromium_browser, 1000, 380) as page:
        page.goto(map_html.as_uri(), wait_until="load")
        page.wait_for_selector(".leaflet-control-zoom")
        page.evaluate(FRAME_JS, {"title": "T", "lines": ["a"], "banner": "", "view": None})
        assert page.locator(".leaflet-container .dm-legend").is_visible()
        assert page.locator(".dm-seen-side").count() == 0
