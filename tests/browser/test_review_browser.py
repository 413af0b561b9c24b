"""The review page in Chromium against a real ``streamlit run``: paste a seed report, accept, see it on the map.

The whole app runs (``app.py`` routes to ``/review``); its store lives in a temporary ``DRILLMAP_HOME``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.core import settings
from geo.store import Store
from tests.browser.conftest import MAP_FRAME

pytestmark = pytest.mark.browser

SEED = settings.SEEDS_DIR / "002_67814a5019076fc5.txt"
SOURCE = "https://www.rferl.org/a/kazakhstan-military-drills-in-belarus/30843014.html"


@pytest.fixture
def review_server(single_user_server) -> tuple[str, Path]:
    """The app with its own store folder (shared with the Review-to-map test); (base URL, store folder)."""
    return single_user_server


def test_paste_a_seed_report_accept_and_see_it_on_the_map(review_server, chromium_browser, artifacts_dir):
    base, home = review_server
    context = chromium_browser.new_context(viewport={"width": 1500, "height": 2400})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(base + "/review", wait_until="domcontentloaded")
        page.get_by_label("Your name (recorded with every change)").fill("Alice")
        page.get_by_label("Article text (plain text, HTML or Markdown)").fill(SEED.read_text(encoding="utf-8"))
        page.get_by_label("Source URL (cited by every saved fact)").fill(SOURCE)
        for part, value in (("year", "2020"), ("month", "09"), ("day", "17")):
            page.get_by_role("spinbutton", name=re.compile(f"^{part}, Publication date")).click()
            page.keyboard.type(value)
        page.keyboard.press("Escape")  # close the calendar the date field opened
        page.get_by_role("button", name="Extract events").click()

        accept = page.get_by_role("button", name="Accept")
        accept.nth(1).wait_for(timeout=60_000)  # two exercises: Unbreakable and Slavic Brotherhood
        first_map = page.frame_locator(MAP_FRAME).first
        first_map.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        assert page.get_by_role("heading", name=re.compile(r"^1\. Unbreakable Brotherhood")).count() == 1
        assert page.locator("mark").count() >= 3  # evidence sentences highlighted
        page.screenshot(path=str(artifacts_dir / "review_page.png"))

        accept.first.click()
        page.get_by_text("Accepted in this session").wait_for(timeout=60_000)
        page.get_by_text(re.compile("Accepted by Alice")).wait_for(timeout=30_000)
        saved_map = page.frame_locator(MAP_FRAME).last
        saved_map.locator(".leaflet-container").wait_for(timeout=30_000)
        # The saved event's place is drawn (wait_for fails the test otherwise). No count() after it: the
        # component may re-render between the two calls on a loaded machine.
        saved_map.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        page.screenshot(path=str(artifacts_dir / "review_accepted.png"))
        page.locator(MAP_FRAME).last.screenshot(path=str(artifacts_dir / "review_saved_map.png"))
    finally:
        context.close()

    store = Store.open(f"sqlite:///{home / settings.SQLITE_FILE_NAME}", load_seed=False)
    entry = store.history("unbreakable-brotherhood-2020")[0]
    assert (entry.who, entry.source) == ("Alice", SOURCE)
    external = [u for u in requests if not u.startswith((base, "data:", "blob:", "about:"))]
    assert not external, f"requests left the machine: {external}"
    assert not errors, errors


def test_a_file_over_the_article_limit_is_called_too_large(review_server, chromium_browser):
    """A 2.5 MB file (under Streamlit's 5 MB upload limit, over the 2 MB article limit) is refused by size."""
    base, _home = review_server
    size = 2_500_000
    assert size > settings.MAX_ARTICLE_BYTES
    context = chromium_browser.new_context(viewport={"width": 1200, "height": 1600})
    page = context.new_page()
    try:
        page.goto(base + "/review", wait_until="domcontentloaded")
        page.get_by_role("tab", name="Upload a file").click()
        line = b"Belarus held exercises near Brest on 2 May 2024.\n"
        page.locator("input[type=file]").set_input_files(
            {"name": "big.txt", "mimeType": "text/plain", "buffer": line * (size // len(line))}
        )
        page.get_by_text("big.txt").first.wait_for(timeout=30_000)  # the upload is in
        page.get_by_role("button", name="Extract events").click()
        alert = page.get_by_role("alert").filter(has_text="limit")
        alert.wait_for(timeout=60_000)
        text = alert.inner_text()
        assert f"over the {settings.MAX_ARTICLE_BYTES:,}" in text and "big.txt" in text, text
        assert "upload a file" not in text
    finally:
        context.close()
