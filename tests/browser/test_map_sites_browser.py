"""The site map in Chromium, on the real catalog saved as a standalone offline file (geo.maps.offline).

What only a browser can show: a place shared by several exercises opens one popup listing them all;
uncertainty circles have their stated radius in metres at every zoom; every site can be reached and
opened with the keyboard.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from geo.catalog.sites import located, sites_frame
from tests.browser.conftest import MAP

pytestmark = pytest.mark.browser

#: Leaflet's Web Mercator: metres per pixel at the equator and zoom 0 (256-pixel tiles).
EQUATOR_M = 40075016.686


@pytest.fixture(scope="module")
def sites():
    return located(sites_frame())


def _open(page, html: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(html.as_uri())
    page.wait_for_selector(".dm-place")
    assert errors == []


def _view(page, lat: float, lon: float, zoom: int) -> None:
    """Centre the map without animation, once it is still, and wait until it stays so for a few frames.

    The map's own fit-to-sites zoom may still be animating when the page has loaded; it would undo a view
    set during it, so the view is set (again) whenever the map is still and elsewhere.
    """
    page.wait_for_function(
        f"""([lat, lon, z]) => {{
            const map = {MAP};
            if (document.querySelector(".leaflet-zoom-anim, .leaflet-cluster-anim")) {{
                window.__still = 0;
                return false;
            }}
            // Within a pixel of the centre: Leaflet keeps its pixel origin on whole pixels.
            const off = map.latLngToContainerPoint([lat, lon]).distanceTo(map.getSize().divideBy(2));
            if (map.getZoom() !== z || off > 1) {{
                map.setView([lat, lon], z, {{animate: false}});
                window.__still = 0;
                return false;
            }}
            window.__still = (window.__still || 0) + 1;
            return window.__still >= 5;
        }}""",
        arg=[lat, lon, zoom],
    )


def test_a_shared_place_lists_all_its_exercises_in_one_popup(browser_page, sites, map_html, artifacts_dir):
    """Losvido: Zapad-2017 (Russia-Belarus) and two CSTO exercises, one place, one list, newest first."""
    losvido = sites[sites["gazetteer_id"] == "by_tg_losvido"]
    names = losvido.sort_values("start_date", ascending=False)["exercise_name"].drop_duplicates().tolist()
    assert len(names) >= 3
    lon, lat = losvido.geometry.iloc[0].x, losvido.geometry.iloc[0].y
    page = browser_page
    _open(page, map_html)
    _view(page, lat, lon, 13)

    # Two alliances' symbols at one point stay clustered at the last zoom; a click spreads them out.
    cluster = page.locator(".dm-cluster:has(span[title^='Losvido training ground'])")
    assert cluster.locator(".dm-cluster-n").inner_text() == str(len(names))
    cluster.click()
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon.dm-place').length >= 2")
    page.wait_for_function("() => !document.querySelector('.leaflet-cluster-anim')")
    symbol = page.locator(".dm-place:has(.dm-count)").first  # the CSTO symbol: two exercises
    assert symbol.locator(".dm-count").inner_text() == "2"
    symbol.hover()
    tooltip = page.locator(".leaflet-tooltip", has_text="Losvido")
    assert f"Losvido training ground — {len(names)} exercises" in " ".join(tooltip.inner_text().split())
    symbol.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".dm-spot").inner_text().startswith(f"Losvido training ground — {len(names)} exercises")
    assert [n.inner_text() for n in popup.locator(".dm-entry .dm-name").all()] == names
    idents = losvido.sort_values("start_date", ascending=False)["exercise_id"].drop_duplicates()
    hrefs = [link.get_attribute("href") for link in popup.locator("a.dm-name").all()]
    assert hrefs == [f"../../exercises?exercise={ident}" for ident in idents]
    text = " ".join(popup.inner_text().split())
    for quote in (c["quote"] for cits in losvido["citations"] for c in cits):
        assert " ".join(quote.split()) in text
    page.wait_for_timeout(300)  # the popup's fade-in, for the picture only
    page.screenshot(path=str(artifacts_dir / "map_losvido_popup.png"))


def _circle_radii_px(page) -> list[float]:
    """Half-widths of the uncertainty circles centred on the map's centre (within 2 px)."""
    return page.evaluate(
        f"""() => {{
            const box = {MAP}.getContainer().getBoundingClientRect();
            const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
            return Array.from(document.querySelectorAll("path.dm-uncertainty")).map(p => p.getBoundingClientRect())
                .filter(r => Math.abs(r.left + r.width / 2 - cx) < 2 && Math.abs(r.top + r.height / 2 - cy) < 2)
                .map(r => r.width / 2);
        }}"""
    )


@pytest.mark.parametrize("zoom", [7, 10])
def test_uncertainty_circles_have_their_stated_radius(browser_page, sites, map_html, zoom):
    widest = sites[sites.geometry.geom_type == "Point"].sort_values("precision_km").iloc[-1]
    km, lon, lat = float(widest["precision_km"]), widest.geometry.x, widest.geometry.y
    assert km >= 20  # a town proxy: the case that looked like a precise point when drawn at 1 km
    page = browser_page
    _open(page, map_html)
    _view(page, lat, lon, zoom)
    metres_per_px = EQUATOR_M * math.cos(math.radians(lat)) / 2 ** (zoom + 8)
    expected = km * 1000 / metres_per_px
    radii = _circle_radii_px(page)
    assert radii, "no uncertainty circle around the site"
    for radius in radii:
        assert radius == pytest.approx(expected, rel=0.10), (radius, expected)
    # Distinct from a precise site: a dashed outline, and a fill seen through the translucent fill pane.
    path = page.locator("path.dm-uncertainty").first
    assert path.get_attribute("stroke-dasharray") and path.get_attribute("fill") == "none"
    fill_pane = page.locator(".leaflet-dm-area-fill-pane").first
    assert float(fill_pane.evaluate("e => getComputedStyle(e).opacity")) < 0.15


def _tab_to(page, selector: str, limit: int = 400) -> str:
    """Press Tab until the focused element matches ``selector``; return its accessible text."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return page.evaluate(
                "() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent"
            )
    raise AssertionError(f"Tab never reached {selector}")


def test_every_site_is_reachable_and_opened_with_the_keyboard(browser_page, map_html, artifacts_dir):
    page = browser_page
    _open(page, map_html)
    _view(page, 53.5, 27.5, 6)
    # Every symbol, cluster and area is in the Tab order.
    assert page.evaluate(
        """() => Array.from(document.querySelectorAll(".dm-place, .dm-cluster, path.dm-site-area"))
            .every(el => el.getAttribute("tabindex") === "0")"""
    )
    page.locator(".leaflet-container").focus()

    # A place: Enter opens its popup (focus moves into it), Esc closes it and gives the focus back.
    label = _tab_to(page, ".dm-place")
    place = label.split(": ")[0].split(" — ")[0]
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert place in popup.inner_text()
    assert page.evaluate("() => !!document.activeElement.closest('.leaflet-popup')")
    page.wait_for_timeout(500)  # the popup's fade-in and auto-pan, for the picture only
    page.screenshot(path=str(artifacts_dir / "map_keyboard_popup.png"))
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert page.evaluate("() => document.activeElement.matches('.dm-place')")

    # An area (a region, border strip or country polygon) opens the same way.
    label = _tab_to(page, "path.dm-site-area")
    page.keyboard.press("Enter")
    popup.wait_for()
    assert label.split(": ")[0].split(" — ")[0] in popup.inner_text()
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")

    # A cluster: Enter zooms in (or spreads out places shared by two alliances).
    before = page.evaluate(f"() => [{MAP}.getZoom(), document.querySelectorAll('.dm-place').length]")
    _tab_to(page, ".dm-cluster")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"([z, n]) => {MAP}.getZoom() > z || document.querySelectorAll('.dm-place').length > n", arg=before
    )


def test_capitals_and_cities_are_named_beneath_the_sites_and_never_take_a_click(browser_page, map_html):
    """The names of the reference places are drawn, in a pane under the site symbols, click-through."""
    page = browser_page
    _open(page, map_html)
    names = page.evaluate(
        """() => Array.from(document.querySelectorAll(".dm-place-name")).map(el => [
            el.textContent, el.classList.contains("dm-capital"), getComputedStyle(el).pointerEvents,
            Number(getComputedStyle(el.closest(".leaflet-pane.leaflet-dm-labels-pane")).zIndex)])"""
    )
    drawn = {name: capital for name, capital, _, _ in names}
    for capital in ("Minsk", "Vilnius", "Riga", "Warsaw", "Kyiv", "Moscow", "Tallinn"):
        assert drawn.get(capital) is True, capital
    assert drawn.get("Kaliningrad") is False
    marker_z = page.evaluate("() => Number(getComputedStyle(document.querySelector('.leaflet-marker-pane')).zIndex)")
    assert all(pointer == "none" and z < marker_z for _, _, pointer, z in names)

    # A click on a name goes through it, to whatever lies beneath (a site symbol or area, or the map).
    box = page.locator(".dm-capital", has_text="Minsk").bounding_box()
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.dm-place-name') === null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit


def test_overlapping_site_areas_do_not_build_up_colour(browser_page, map_html):
    """Area fills are opaque in one translucent pane: a stack of areas shows only the top one."""
    page = browser_page
    _open(page, map_html)
    fills = page.evaluate(
        """() => Array.from(document.querySelectorAll("path.dm-area-fill")).map(p => [
            getComputedStyle(p).fillOpacity, getComputedStyle(p.closest(".leaflet-pane")).opacity])"""
    )
    assert len(fills) > 10
    assert {fill for fill, _ in fills} == {"1"} and {pane for _, pane in fills} == {"0.12"}
