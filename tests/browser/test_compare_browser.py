"""The Compare page in a real browser: two synced maps from a link, and the "only in one side" lists."""

from __future__ import annotations

import pytest

from tests.browser.test_dashboard_browser import Watch, dashboard  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

#: The frame holding both maps: the one whose window has the synced pair.
_PAIR = "() => Array.isArray(window.drillmapMaps) && window.drillmapMaps.length === 2"
#: Both maps' [lat, lng, zoom] once neither moves (a drag's inertia and the follower's catch-up have ended),
#: instead of a fixed pause that a loaded machine can outlast; the test then asserts what they are.
_SETTLED_CENTRES = """() => {
    const now = drillmapMaps.map(m => [m.getCenter().lat, m.getCenter().lng, m.getZoom()]);
    const still = JSON.stringify(now) === window.__dmLastCentres;
    window.__dmLastCentres = JSON.stringify(now);
    const moving = drillmapMaps.some(m => m._panAnim && m._panAnim._inProgress || m._animatingZoom);
    return still && !moving ? now : null;
}"""


def _pair_frame(page):
    """Return the frame whose document holds the two synced maps (waits until they exist)."""
    page.wait_for_selector("iframe", timeout=120_000)
    for _ in range(240):
        for frame in page.frames:
            try:
                if frame.evaluate(_PAIR):
                    return frame
            except Exception:
                continue
        page.wait_for_timeout(500)
    raise AssertionError("no frame with the two synced maps")


def test_compare_page_from_a_link(streamlit_server, dashboard, tmp_path):  # noqa: F811
    page, watch = dashboard
    page.goto(f"{streamlit_server}/compare?a=zapad-2017&b=zapad-2021", timeout=120_000)
    frame = _pair_frame(page)
    frame.wait_for_selector(".leaflet-container >> nth=1", timeout=60_000)
    assert frame.locator(".leaflet-container").count() == 2
    frame.wait_for_function("() => document.querySelectorAll('.dm-place, .dm-site-area').length >= 6", timeout=60_000)

    # Pan the left map with the mouse: the right one follows to the same centre and zoom.
    box = frame.locator(".leaflet-container").nth(0).bounding_box()
    before = frame.evaluate("() => drillmapMaps[1].getCenter().lng")
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.6)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5, steps=12)
    page.mouse.up()
    centres = frame.wait_for_function(_SETTLED_CENTRES, timeout=30_000, polling=250).json_value()
    (lat_a, lng_a, zoom_a), (lat_b, lng_b, zoom_b) = centres
    assert lng_b > before + 0.5, "the right map did not follow the pan"
    assert abs(lat_a - lat_b) < 1e-6 and abs(lng_a - lng_b) < 1e-6 and zoom_a == zoom_b

    # Zoom the right map: the left follows.
    # In braces, so that setZoom's return value (the whole map object) is not serialised back: tens of seconds.
    frame.evaluate("() => { drillmapMaps[1].setZoom(drillmapMaps[1].getZoom() + 1, {animate: false}); }")
    zooms = [z for _, _, z in frame.wait_for_function(_SETTLED_CENTRES, timeout=30_000, polling=250).json_value()]
    assert zooms[0] == zooms[1] == zoom_b + 1

    # The lists: places only in one side, and the four places both exercises used.
    both = page.locator(".st-key-c_list_places_both")
    both.wait_for(timeout=30_000)
    text = both.inner_text()
    assert "In both (4)" in text
    for name in ("Domanovsky", "Pravdinsky", "Ruzhansky", "Strugi Krasnye"):
        assert name in text
    assert "Borisovsky" in page.locator(".st-key-c_list_places_a").inner_text()
    assert "Mulino" in page.locator(".st-key-c_list_places_b").inner_text()
    assert "a=zapad-2017" in page.url and "b=zapad-2021" in page.url

    # Preparing the downloads reruns the page: the maps stay where they were moved.
    moved = frame.evaluate("() => drillmapMaps.map(m => [m.getCenter().lat, m.getCenter().lng, m.getZoom()])")
    page.get_by_text("Prepare the two-panel map and slide").click()
    page.get_by_text("Comparison slide (PPTX)").wait_for(timeout=180_000)
    page.get_by_text("Two-panel map (PNG)").wait_for(timeout=10_000)
    after = _pair_frame(page).evaluate(
        "() => drillmapMaps.map(m => [m.getCenter().lat, m.getCenter().lng, m.getZoom()])"
    )
    assert after == moved
    page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    watch.assert_clean(streamlit_server)
