"""The participant filter in a real browser: ``?country=ARM`` counts "took part" only and says so; the
statuses box widens it (and the URL follows); popups and the Exercises page name the withdrawn and disputed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import sites_frame
from tests.browser.test_dashboard_browser import _drawn, _expected, _open_some_popup, _wait_for

pytestmark = pytest.mark.browser

UB = "Unbreakable Brotherhood-2020"
SHOTS = Path("/tmp/drillmap-participants")


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


@pytest.fixture
def page(chromium_browser) -> Iterator:
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()


def _exercises(sites, **kwargs) -> int:
    return int(filter_sites(sites, SiteFilter(**kwargs))["exercise_id"].nunique())


def _metric(page) -> str:
    bar = page.locator('[data-testid="stSidebar"]')
    return bar.locator('[data-testid="stMetricValue"]').first.inner_text().strip()


def test_country_link_counts_took_part_and_the_statuses_box_widens_it(streamlit_server, page, sites):
    took_part = _exercises(sites, countries=("ARM",))
    with_withdrawn = _exercises(sites, countries=("ARM",), statuses=("took-part", "withdrew"))
    assert with_withdrawn == took_part + 1  # Unbreakable Brotherhood-2020
    page.goto(f"{streamlit_server}/exercises?country=ARM")
    bar = page.locator('[data-testid="stSidebar"]')
    bar.get_by_text("The participant filter counts: took part.").wait_for(timeout=45_000)
    _wait_for(lambda: _metric(page), str(took_part))
    assert "status=" not in page.url  # the default is not written

    box = bar.locator('[data-testid="stMultiSelect"]').filter(has_text="Participant statuses counted")
    box.locator("input").click()
    page.get_by_role("option", name="withdrew", exact=True).click()
    page.keyboard.press("Escape")
    bar.get_by_text("The participant filter counts: took part or withdrew.").wait_for(timeout=30_000)
    _wait_for(lambda: _metric(page), str(with_withdrawn))
    _wait_for(lambda: "status=took-part%2Cwithdrew" in page.url or "status=took-part,withdrew" in page.url, True)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "filter.png"))


def test_exercise_details_name_the_withdrawn_and_the_disputed(streamlit_server, page):
    page.goto(f"{streamlit_server}/exercises?exercise=unbreakable-brotherhood-2020")
    page.get_by_role("heading", name=UB, exact=True).wait_for(timeout=45_000)
    main = page.locator('[data-testid="stMain"]')

    def line(label: str) -> str:
        return main.locator("p").filter(has_text=re.compile(rf"^{label} ")).first.inner_text().strip()

    assert line("Withdrew") == "Withdrew Armenia"
    assert line("Participation disputed") == "Participation disputed Kazakhstan, Kyrgyzstan"
    assert line("Participants") == "Participants Russia, Belarus, Tajikistan"
    withdrew = main.locator("p").filter(has_text=re.compile(r"^Withdrew ")).first
    withdrew.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "details.png"))


def test_popup_names_the_withdrawn(streamlit_server, page, sites):
    page.goto(f"{streamlit_server}/?country=ARM&status=withdrew")
    _wait_for(lambda: _drawn(page), _expected(sites, countries=("ARM",), statuses=("withdrew",)), timeout_s=45)
    name, _, text = _open_some_popup(page)
    assert name == UB
    assert "withdrew: Armenia" in text and "disputed: Kazakhstan, Kyrgyzstan" in text
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "popup.png"))
