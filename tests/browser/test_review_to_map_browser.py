"""End to end in Chromium: a report pasted on the Review page, accepted, is on the Map page at once.

Runs the whole app (``app.py`` with its navigation) on the single-user server it shares with the Review test
(``single_user_server`` in tests/browser/conftest.py), whose analysts' store is its own: the exercise accepted
here never reaches the other browser tests, and the Review test accepts another one.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import MAP_FRAME

pytestmark = pytest.mark.browser

SOURCE = "https://example.org/news/northern-shield-2025"
ARTICLE = (
    "Belarus and Russia opened joint military exercises called Northern Shield-2025 at the Gozhsky training "
    "ground on March 3, the Belarusian Defense Ministry said. About 1,200 troops from Russia and Belarus are "
    "taking part."
)


@pytest.fixture
def app_server(single_user_server) -> str:
    """The app with a store of its own (shared with the Review test, which accepts another exercise)."""
    return single_user_server[0]


def _drawn_sites(page) -> int:
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    return frame.locator(".dm-site").count()  # place symbols, clusters and areas


def _wait_count(page, expected: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    count = -1
    while time.monotonic() < deadline:
        try:
            count = _drawn_sites(page)
        except Exception:
            count = -1
        if count == expected:
            return
        time.sleep(0.3)
    raise AssertionError(f"expected {expected} drawn sites, still {count}")


def test_accepted_report_appears_on_the_map(app_server, chromium_browser, artifacts_dir) -> None:
    base = app_server
    context = chromium_browser.new_context(viewport={"width": 1500, "height": 2200})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        # Before: no exercise of that name anywhere.
        page.goto(f"{base}/?q=Northern+Shield", wait_until="domcontentloaded")
        page.get_by_text("Exercise sites beside NATO").first.wait_for(timeout=120_000)  # a cold server
        _wait_count(page, 0)

        page.goto(f"{base}/review", wait_until="domcontentloaded")
        page.get_by_label("Your name (recorded with every change)").fill("Alice")
        page.get_by_label("Article text (plain text, HTML or Markdown)").fill(ARTICLE)
        page.get_by_label("Source URL (cited by every saved fact)").fill(SOURCE)
        for part, value in (("year", "2025"), ("month", "03"), ("day", "04")):
            page.get_by_role("spinbutton", name=re.compile(f"^{part}, Publication date")).click()
            page.keyboard.type(value)
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Extract events").click()
        page.get_by_role("button", name="Accept").first.wait_for(timeout=60_000)
        assert page.get_by_text("Northern Shield-2025").count() >= 1
        page.get_by_role("button", name="Accept").first.click()
        page.get_by_text(re.compile("Accepted by Alice")).wait_for(timeout=60_000)

        # After: the map page shows the accepted exercise at the Gozhsky range, with its source.
        page.goto(f"{base}/?q=Northern+Shield", wait_until="domcontentloaded")
        _wait_count(page, 1)
        frame = page.frame_locator(MAP_FRAME).first
        frame.locator(".dm-site").first.click(force=True)
        popup = frame.locator(".leaflet-popup-content")
        popup.wait_for(timeout=10_000)
        text = popup.inner_text()
        assert "Northern Shield-2025" in text
        assert SOURCE in text or "example.org" in text
        page.screenshot(path=str(artifacts_dir / "review_to_map.png"))
    finally:
        context.close()
    host = urlsplit(base).netloc
    external = [u for u in requests if not (u.startswith(("data:", "blob:", "about:")) or urlsplit(u).netloc == host)]
    assert external == [], f"requests left the machine: {external}"
