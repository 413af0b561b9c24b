"""The Proximity page in a real browser: the chart draws a point per group, and a click lists its sites.

Vega renders the chart as SVG, each point a ``path`` whose ``aria-label`` names its group; clicking one
must list exactly that group's sites, each linking to its exercise's detail view on the Exercises page.
"""

from __future__ import annotations

import re

import pytest

from geo.catalog.filter import SiteFilter
from geo.catalog.sites import sites_frame
from geo.query.proximity import proximity_sites, proximity_trend
from geo.query.selection import select

pytestmark = pytest.mark.browser

POINTS = "[data-testid='stVegaLiteChart'] g.mark-symbol.role-mark path"  # not the legend's symbols


@pytest.fixture(scope="module")
def trend():
    return proximity_trend(proximity_sites(select(sites_frame(), SiteFilter()).sites))


def _group(label: str) -> tuple[str, str, str]:
    fields = dict(part.split(": ", 1) for part in label.split("; "))
    return fields["Period"], fields["Alliance"], fields["Precision"]


def test_a_click_on_a_point_lists_its_sites_with_links_to_the_exercises(
    chromium_browser, streamlit_server, trend, artifacts_dir
):
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    try:
        page.goto(f"{streamlit_server}/proximity", timeout=120_000)
        page.wait_for_selector(POINTS, timeout=120_000)
        labels = page.eval_on_selector_all(POINTS, "els => els.map(e => e.getAttribute('aria-label'))")
        assert len(labels) == len(trend)  # one point per period x alliance x side x precision class
        expected = {(r["period"], r["alliance"], r["precision"]): r for r in trend.to_dict("records")}
        assert {_group(label) for label in labels} == set(expected)
        # The group with the most sites, so that the list is long enough to mean something.
        index = max(range(len(labels)), key=lambda i: expected[_group(labels[i])]["n"])
        row = expected[_group(labels[index])]
        page.locator(POINTS).nth(index).click(force=True)
        page.wait_for_selector("[data-testid='stMarkdown'] a[href*='exercise=']", timeout=60_000)
        links = page.eval_on_selector_all(
            "[data-testid='stMarkdown'] li a[href*='exercise=']", "els => els.map(e => e.href)"
        )
        assert len(links) == row["n"]
        ids = {re.search(r"/exercises\?exercise=([\w-]+)$", href).group(1) for href in links}
        assert ids == {key.split("#")[0] for key in row["sites"]}
        shown = "\n".join(page.locator("[data-testid='stMarkdown']").all_inner_texts())
        assert f"{row['period']} · {row['alliance']} · {row['precision']} ({row['n']} sites)" in shown
        page.screenshot(path=str(artifacts_dir / "proximity_page.png"), full_page=True)
        page.locator("[data-testid='stMarkdown'] li a[href*='exercise=']").first.click()  # opens a new tab
    finally:
        context.close()
