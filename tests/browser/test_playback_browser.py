"""The Playback page in Chromium: a link opens a moment, the step buttons move it, and the URL follows."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import MAP_FRAME

pytestmark = pytest.mark.browser


@pytest.fixture
def app_server(streamlit_server) -> str:
    """The session's server (tests/conftest.py): Playback only reads, and its state is per browser session."""
    return streamlit_server


def _active_lines(page) -> list[str]:
    return [t for t in page.locator("[data-testid='stMarkdownContainer'] li").all_inner_texts() if "Active" in t]


def _settled_active_lines(page, last_day: str) -> list[str]:
    """The "Active:" lines once the run has drawn its last line (Streamlit shows old elements until replaced)."""
    page.get_by_text(f"alliances as of {last_day}.").wait_for(timeout=60_000)
    return _active_lines(page)


def test_a_link_opens_its_moment_and_stepping_forward_changes_the_url(app_server, chromium_browser) -> None:
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    try:
        page.goto(f"{app_server}/playback?at=2021-09-14&step=week", wait_until="domcontentloaded")
        page.get_by_text("week of 13–19 Sep 2021").wait_for(timeout=120_000)  # a cold server's first visit
        page.locator(f"{MAP_FRAME}").first.wait_for(timeout=30_000)
        active = _settled_active_lines(page, "19 Sep 2021")
        assert any("Zapad-2021" in line and "dates known to the day" in line for line in active), active
        assert "at=2021-09-14" in page.url and "step=week" in page.url
        page.screenshot(path="/tmp/playback_zapad.png", full_page=True)

        page.get_by_role("button", name="Forward ▶").click()
        page.get_by_text("week of 20–26 Sep 2021").wait_for(timeout=30_000)
        page.wait_for_url(re.compile(r"at=2021-09-20"), timeout=30_000)
        active = _settled_active_lines(page, "26 Sep 2021")
        page.screenshot(path="/tmp/playback_next.png", full_page=True)
        assert not any("Zapad-2021" in line for line in active), active
        # The ongoing battle groups stay active, marked as approximate (no end reported).
        assert any("battle groups" in line and "no end reported" in line for line in active), active

        # Play moves on by itself, one step every few seconds, the URL following; Pause stops it.
        page.get_by_role("button", name="▶ Play").click()
        page.wait_for_url(re.compile(r"at=2021-09-27"), timeout=40_000)
        page.get_by_role("button", name="⏸ Pause").click()
        page.get_by_role("button", name="▶ Play").wait_for(timeout=60_000)
        stopped = page.url
        page.wait_for_timeout(8_000)
        assert page.url == stopped
    finally:
        context.close()


def test_a_bad_moment_in_the_link_is_named_and_the_first_step_shown(app_server, chromium_browser) -> None:
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    try:
        page.goto(f"{app_server}/playback?at=2021-13-40&step=fortnight", wait_until="domcontentloaded")
        page.get_by_text("Some link parameters were ignored").wait_for(timeout=60_000)
        notice = page.locator("[data-testid='stAlert']").first.inner_text()
        assert "expected a date such as 2021-09-14" in notice and "week is used" in notice
        page.get_by_text("week of 28 Dec 2015–3 Jan 2016").wait_for(timeout=30_000)
        page.wait_for_url(re.compile(r"at=2016-01-01"), timeout=30_000)
    finally:
        context.close()
