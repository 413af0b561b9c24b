"""A new browser session on the Map page: the map first, then the rest of the page (pages/common/first_paint.py).

The first run sends the header and the map alone; the map's report of its view, once drawn, starts the
full run that adds the sidebar filters, the map's controls and everything under the map. If the map never
reports (here: Leaflet cannot load), a timer sends the rest anyway.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import MAP, MAP_FRAME, map_page_whole
from tests.conftest import fresh_page

pytestmark = pytest.mark.browser

#: Records when the map's frame and the first sidebar element enter the page (the top document only).
_OBSERVE = f"""
if (window.top === window) {{
  window.__dmFirst = {{}};
  new MutationObserver(() => {{
    const t = performance.now(), seen = window.__dmFirst;
    if (seen.frame === undefined && document.querySelector("{MAP_FRAME}")) seen.frame = t;
    if (seen.filters === undefined && document.querySelector(
        '[data-testid="stSidebar"] [data-testid="stElementContainer"]')) seen.filters = t;
  }}).observe(document, {{childList: true, subtree: true}});
}}
"""


def _whole_page(page, timeout_ms: float) -> None:
    """Wait for the sidebar's filters, the map's controls and the download area."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Only sites near NATO", exact=True).wait_for(timeout=timeout_ms)
    page.locator('[data-testid="stButtonGroup"]').get_by_text("NATO border", exact=True).wait_for(timeout=timeout_ms)
    map_page_whole(page, timeout_ms)


def test_the_map_comes_first_then_the_whole_page(streamlit_server, chromium_browser):
    with fresh_page(chromium_browser, 1280, 900) as page:
        page.add_init_script(_OBSERVE)
        page.goto(f"{streamlit_server}/?alliance=NATO")
        frame = page.frame_locator(MAP_FRAME).first
        frame.locator(".leaflet-container").wait_for(timeout=90_000)
        _whole_page(page, 60_000)  # no click: the map's report brings the rest
        seen = page.evaluate("window.__dmFirst")
        assert seen["frame"] < seen["filters"], seen
        assert page.locator(MAP_FRAME).count() == 1
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.locator('[data-testid="stMultiSelect"]', has_text="Alliance").get_by_text("NATO").count()
        # The map is still the one drawn first (a full rerun with the same map keeps its frame).
        assert page.evaluate(f"() => !!document.querySelector(\"{MAP_FRAME}\").contentWindow.eval('{MAP}')")


def test_the_rest_comes_even_if_the_map_never_reports(streamlit_server, chromium_browser):
    with fresh_page(chromium_browser, 1280, 900) as page:
        page.route("**/leaflet/leaflet.js", lambda route: route.abort())  # no Leaflet: no map, no report
        page.goto(streamlit_server)
        page.locator(MAP_FRAME).wait_for(state="attached", timeout=90_000)  # of no height: nothing drawn
        _whole_page(page, 60_000)  # the timer (first_paint.FALLBACK_S) brings the rest
        assert page.evaluate(f'() => document.querySelector("{MAP_FRAME}").contentWindow.L === undefined')
