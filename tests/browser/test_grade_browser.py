"""Source grades in a real browser: ``?grade=B2`` and the sidebar filter the map, popups show each grade."""

from __future__ import annotations

import re

import pytest

from geo.catalog.sites import sites_frame
from tests.browser.conftest import MAP_FRAME
from tests.browser.test_dashboard_browser import Watch, _drawn, _expected, _open_some_popup, _settle, _wait_for

pytestmark = pytest.mark.browser

_GRADE_CODE = re.compile(r"^(?:[A-F-][1-6-](?:, )?)+$|not graded")
_GRADE_BOX = '[data-testid="stSidebar"] [data-testid="stSelectbox"]'


@pytest.fixture
def graded_page(chromium_browser):
    """A large page in a fresh context with a :class:`Watch` (as the dashboard tests' ``dashboard``)."""
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    page, watch = context.new_page(), Watch()
    page.on("request", lambda r: watch.requests.append(r.url))
    page.on("response", lambda r: watch.not_found.append(r.url) if r.status == 404 else None)
    page.on("requestfailed", lambda r: watch.failed.append(f"{r.url}: {r.failure}"))
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    try:
        yield page, watch
    finally:
        context.close()


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


def _grade_box(page):
    return page.locator(_GRADE_BOX, has_text="Source grade")


def _grade_value(page) -> str:
    """The grade widget's shown choice (Streamlit's selectbox holds it in its combobox input)."""
    return _grade_box(page).locator('input[role="combobox"]').input_value()


def test_grade_link_filters_the_map_and_popups_show_grades(streamlit_server, graded_page, sites, artifacts_dir):
    page, watch = graded_page
    expected = _expected(sites, min_grade="B2")
    assert 0 < expected < _expected(sites)  # the filter removes some sites, not all
    page.goto(f"{streamlit_server}/?grade=B2")
    _wait_for(lambda: _drawn(page), expected, timeout_s=45)
    assert _grade_value(page) == "B2 or better"
    _settle(page)

    name, _, _ = _open_some_popup(page)
    popup = page.frame_locator(MAP_FRAME).locator(".leaflet-popup-content").last  # the one just opened
    chips = [c.strip() for c in popup.locator(".dm-sources .dm-grade").all_inner_texts()]
    assert chips and all(_GRADE_CODE.match(c) for c in chips), chips
    graded = {c["grade"] for cits in sites[sites["exercise_name"] == name]["citations"] for c in cits}
    assert set(chips) <= graded
    titles = popup.locator(".dm-sources .dm-grade").first.get_attribute("title") or ""
    assert titles.startswith(chips[0])  # the meaning and origin on hover: "B2 (usually reliable; …)"
    page.wait_for_timeout(400)
    page.screenshot(path=str(artifacts_dir / "dashboard_grade_popup.png"))

    # The sidebar widget changes the threshold, the map follows and the URL keeps it.
    box = _grade_box(page).locator('input[role="combobox"]')
    box.click()
    box.fill("C3 or better")
    page.get_by_role("option", name="C3 or better").click()
    _wait_for(lambda: _drawn(page), _expected(sites, min_grade="C3"))
    _wait_for(lambda: "grade=C3" in page.url, True)
    watch.assert_clean(streamlit_server)


def test_a_bad_grade_in_the_link_is_a_notice(streamlit_server, graded_page, sites):
    page, _ = graded_page
    page.goto(f"{streamlit_server}/?grade=Z9")
    page.get_by_text("grade must be a letter A–E and a digit 1–5").first.wait_for(timeout=45_000)
    _wait_for(lambda: _drawn(page), _expected(sites))
    assert _grade_value(page) == "any grade"


def test_the_exercises_page_says_which_figures_the_filter_hid(streamlit_server, graded_page, sites, artifacts_dir):
    page, _ = graded_page
    zapad = sites[sites["exercise_id"] == "zapad-2021"]
    assert len(zapad.iloc[0]["figures"]) > 0  # figures are reported, but none by a B2-or-better source
    page.goto(f"{streamlit_server}/exercises?grade=B2&exercise=zapad-2021")
    note = page.get_by_text("figure(s) hidden: no source behind them meets the grade filter")
    note.first.wait_for(timeout=45_000)
    assert _grade_value(page) == "B2 or better"
    page.get_by_text("Sources (").first.scroll_into_view_if_needed()
    page.wait_for_timeout(1_500)  # the data grids draw their canvas
    page.screenshot(path=str(artifacts_dir / "exercises_grade.png"))
