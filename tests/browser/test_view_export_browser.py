"""What you see is what you export: the dashboard map's view, panned and zoomed in Chromium, in both exports.

Against a real ``streamlit run app.py``: the map is zoomed onto Brest, then

* the map as seen is prepared and downloaded: the bounds it shows (``drillmap:bounds``, read back from
  Leaflet in the export's page) equal the dashboard map's bounds;
* the briefing map with "Use the current view" is drawn for that box (``drillmap:extent``).

NATO-border rings are on, as a user would draw them. The map's iframe must not reload on the pan (a marker
set in its window survives the rerun); the time from the pan to the panel naming the new view is printed.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image

from geo.core.extent import MapExtent, parse_extent
from tests.browser.conftest import MAP, MAP_FRAME, download_button

pytestmark = pytest.mark.browser

_BOUNDS_JS = (
    f"() => {{ const b = ({MAP}).getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }}"
)


def _map_frame(page):
    handle = page.locator(MAP_FRAME).element_handle(timeout=120_000)  # the first visit may find a cold server
    frame = handle.content_frame()
    frame.wait_for_function(f"() => {{ const m = {MAP}; return m && m.getBounds(); }}", timeout=60_000)
    return frame


def _download(page, name: str) -> bytes:
    page.get_by_role("button", name="Prepare download").click()
    button = download_button(page, name)
    button.wait_for(timeout=90_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    return Path(info.value.path()).read_bytes()


def _close(a: tuple[float, ...], b: tuple[float, ...], span: float) -> bool:
    """Equal within 1 % of the box's width (a pixel or two of a ~1000 px map)."""
    return all(abs(x - y) <= 0.01 * span for x, y in zip(a, b, strict=True))


def test_exports_use_the_dashboard_view(chromium_browser, streamlit_server, artifacts_dir):
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{streamlit_server}/?rings=50,100,200&ring_at=nato", wait_until="domcontentloaded")
        _map_frame(page)
        page.get_by_text("Map as seen", exact=True).click()
        page.get_by_text("The area the map above shows").wait_for(timeout=60_000)  # the view arrived on load
        frame = _map_frame(page)
        frame.wait_for_selector(".dm-label-ring", timeout=60_000)
        frame.evaluate("() => { window.__drillmapMarker = 1; }")
        city_names = "() => Array.from(document.querySelectorAll('.dm-city'), el => el.textContent)"
        assert "Brest" not in frame.evaluate(city_names)  # the opening view names the oblast, not its centre
        started = time.perf_counter()
        # In braces: setView's return value (the map object) is not serialised back, which takes tens of seconds.
        frame.evaluate(f"() => {{ ({MAP}).setView([52.08, 23.70], 9, {{animate: false}}); }}")  # Brest
        seen = tuple(frame.evaluate(_BOUNDS_JS))
        # The fragment has rerun with the new view when the panel names its box.
        page.get_by_text(MapExtent(*seen).describe()).wait_for(timeout=60_000)
        print(f"pan to the panel naming the new view: {time.perf_counter() - started:.2f} s")
        assert frame.evaluate("() => window.__drillmapMarker") == 1, "the map reloaded on the pan"
        span = seen[2] - seen[0]
        assert 21.5 < seen[0] < 23.7 < seen[2] < 26.0 and span < 5, seen  # zoomed onto Brest
        assert "Brest" in frame.evaluate(city_names)  # closer in, the oblast centre is named at its point

        png = _download(page, "map-as-seen")
        image = Image.open(io.BytesIO(png))
        image.save(artifacts_dir / "as_seen_view.png")
        assert image.size == (1920, 1080)
        shown = parse_extent(image.text["drillmap:bounds"]).bbox
        assert _close(shown, seen, span), (shown, seen)

        page.get_by_text("Briefing map", exact=True).click()
        page.get_by_text("Use the current view").click()
        png = _download(page, "map")
        image = Image.open(io.BytesIO(png))
        image.save(artifacts_dir / "briefing_view.png")
        drawn = parse_extent(image.text["drillmap:extent"]).bbox
        assert _close(drawn, seen, span), (drawn, seen)
    finally:
        context.close()
