"""The map's layout at 1280 × 720 in Chromium: opening view, legend, "Show all sites" and the controls row.

What only a browser can measure: the legend's box against the map's (collapsed, it must cover at most
10 % of the map), the controls that switch views, and whether the ring controls above the map fit their
columns on a laptop screen.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.view import REGION_BBOX, sites_bounds
from tests.browser.conftest import MAP, MAP_FRAME, map_page_whole
from tests.conftest import fresh_page

pytestmark = pytest.mark.browser

#: Largest share of the map's area the collapsed legend may cover.
MAX_LEGEND_FRACTION = 0.10


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


@pytest.fixture
def laptop(chromium_browser) -> Iterator:
    """A 1280 × 720 page in a fresh context."""
    with fresh_page(chromium_browser, 1280, 720) as page:
        yield page


def _fraction(legend_box: dict, map_box: dict) -> float:
    return (legend_box["width"] * legend_box["height"]) / (map_box["width"] * map_box["height"])


def _inside(inner: dict, outer: dict) -> bool:
    return (
        inner["x"] >= outer["x"] - 0.5
        and inner["y"] >= outer["y"] - 0.5
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 0.5
    )


def _bounds(frame) -> list[float]:
    """The map's (west, south, east, north) once no zoom animation runs."""
    frame.locator(".leaflet-container:not(.leaflet-zoom-anim)").wait_for()
    return frame.locator(".leaflet-container").evaluate(
        f"() => {{ const b = {MAP}.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }}"
    )


def test_legend_collapsed_and_show_all_sites_on_a_1280x720_map(laptop, sites, map_html, artifacts_dir):
    page = laptop
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(map_html.as_uri())
    page.wait_for_selector(".dm-place")
    map_box = page.locator(".leaflet-container").bounding_box()
    assert (map_box["width"], map_box["height"]) == (1280, 720)

    legend = page.locator(".dm-legend")
    collapsed = legend.bounding_box()
    assert _fraction(collapsed, map_box) <= MAX_LEGEND_FRACTION
    assert legend.locator(".dm-legend-toggle").get_attribute("aria-expanded") == "false"
    page.screenshot(path=str(artifacts_dir / "layout_1280x720_collapsed.png"))
    legend.locator(".dm-legend-toggle").click()
    expanded = legend.bounding_box()
    assert legend.locator(".dm-legend-toggle").get_attribute("aria-expanded") == "true"
    assert _fraction(expanded, map_box) > MAX_LEGEND_FRACTION  # that is why it starts collapsed
    assert _inside(expanded, map_box)
    legend.locator(".dm-legend-toggle").click()
    assert _fraction(legend.bounding_box(), map_box) <= MAX_LEGEND_FRACTION

    # Opening view: Belarus and its neighbours, not stretched to the far sites.
    west, south, east, north = _bounds(page.main_frame)
    lon_min, lat_min, lon_max, lat_max = REGION_BBOX
    assert west <= lon_min and east >= lon_max and south <= lat_min and north >= lat_max
    (_, _), (_, far_east) = sites_bounds(sites)
    assert east < far_east
    page.get_by_role("button", name="Show all sites").click()
    page.wait_for_function(f"() => !{MAP}._animatingZoom && {MAP}.getBounds().getEast() >= {far_east}")
    page.get_by_role("button", name="Belarus and neighbours").click()
    page.wait_for_function(f"() => {MAP}.getBounds().getEast() < {far_east}")
    assert errors == []


def test_dashboard_legend_and_controls_fit_at_1280x720(streamlit_server, laptop, artifacts_dir):
    page = laptop
    page.goto(f"{streamlit_server}/?rings=50,100&ring_at=zapad-2021:0")
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".dm-place").first.wait_for(timeout=60_000)
    map_page_whole(page)  # the controls come just after a new session's map

    map_box = frame.locator(".leaflet-container").bounding_box()
    legend_box = frame.locator(".dm-legend").bounding_box()
    assert _fraction(legend_box, map_box) <= MAX_LEGEND_FRACTION
    assert _inside(legend_box, map_box)

    # The ring controls: every segment of "Distance rings" inside its column, the OSM label not cut.
    segments = page.locator("[data-testid='stButtonGroup']").first
    column = segments.locator("xpath=ancestor::*[@data-testid='stColumn'][1]").bounding_box()
    labels = [button.inner_text() for button in segments.locator("button").all()]
    assert labels == ["None", "NATO border", "A site"]
    for button in segments.locator("button").all():
        assert _inside(button.bounding_box(), column), button.inner_text()
    assert segments.evaluate("e => e.scrollWidth <= e.clientWidth")
    toggle = page.locator("[data-testid='stCheckbox']", has_text="OSM tiles").first
    assert toggle.locator("p").evaluate("e => e.scrollWidth <= e.clientWidth")
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "dashboard_1280x720.png"))


def test_ring_distances_stay_on_one_line_at_1280x720(streamlit_server, laptop, artifacts_dir):
    """50, 100 and 200 km chosen: every chip in view on one line, the box as tall as an empty multiselect's."""
    page = laptop
    page.goto(f"{streamlit_server}/?rings=50,100,200&ring_at=nato")
    page.frame_locator(MAP_FRAME).locator(".dm-place").first.wait_for(timeout=60_000)
    select = page.locator("[data-testid='stMultiSelect']", has_text="Ring distances (km)").first
    chips = select.locator(".react-aria-ComboBox [data-tag]")
    map_page_whole(page)  # the controls come just after a new session's map
    assert [chip.inner_text() for chip in chips.all()] == ["50", "100", "200"]
    tops = {round(chip.bounding_box()["y"]) for chip in chips.all()}
    assert len(tops) == 1, f"the chips wrap onto {len(tops)} lines"
    box = select.locator(".react-aria-ComboBox [role='group']").first.bounding_box()
    empty = page.locator("[data-testid='stMultiSelect']", has_text="Alliance").first  # sidebar, nothing chosen
    one_line = empty.locator(".react-aria-ComboBox [role='group']").first.bounding_box()["height"]
    assert box["height"] <= one_line + 1, f"{box['height']} px high, one line is {one_line} px"
    column = select.locator("xpath=ancestor::*[@data-testid='stColumn'][1]").bounding_box()
    assert _inside(box, column)
    # Nor squeezed into a scrolling strip (this Streamlit's way of not wrapping): every chip in full view.
    tags = select.locator(".react-aria-ComboBox [data-testid='stMultiSelectTagsContainer']").first
    assert tags.evaluate("e => e.scrollWidth <= e.clientWidth")
    visible = tags.bounding_box()
    for chip in chips.all():
        assert _inside(chip.bounding_box(), visible), chip.inner_text()
    page.screenshot(path=str(artifacts_dir / "ring_distances_1280x720.png"))
    # The rings control reruns only the map's fragment: the map loses its rings and the URL its ring
    # parameters all the same.
    frame = page.frame_locator(MAP_FRAME)
    assert frame.locator(".dm-label-ring").count() == 3
    page.locator("[data-testid='stButtonGroup']").get_by_role("radio", name="None", exact=True).click()
    page.wait_for_function(
        f"""() => {{
            const doc = document.querySelector("{MAP_FRAME}")?.contentDocument;
            return !!doc && doc.querySelectorAll(".dm-place").length > 0
                && doc.querySelectorAll(".dm-label-ring").length === 0;
        }}""",
        timeout=60_000,
    )
    page.wait_for_function("() => !location.search.includes('ring_at')", timeout=30_000)
    assert "rings=" not in page.url
