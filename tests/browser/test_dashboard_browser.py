"""The dashboard in a real browser: Debian Chromium (Playwright) against `streamlit run app.py`.

One server for the session (``streamlit_server`` in conftest.py). The tests check what only a browser
can: the map renders offline in streamlit-folium's iframe, its features follow the sidebar filters, a
popup shows its sources, a link reproduces a view, and not a single request leaves the machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pandas as pd
import pytest

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import located, place_name, sites_frame
from geo.maps.build import EXERCISE_LINK_BASE, build_map
from geo.maps.offline import save_offline_html, vendor_file_base
from geo.maps.popup import citation_fields, exercise_fields, place_fields, spot_popup_html
from geo.maps.sites import site_tables
from geo.maps.url_state import choices_from_sites
from tests.browser.conftest import MAP, MAP_FRAME

pytestmark = pytest.mark.browser

# Deep links make Streamlit's frontend probe <page>/_stcore/health and host-config before falling back
# (offline-maps.md pitfall 13): harmless 404s, the only failures tolerated.
_PROBE_404 = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


@dataclass
class Watch:
    """Everything a page asked for or complained about."""

    requests: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def assert_clean(self, base: str) -> None:
        host = urlsplit(base).netloc
        external = [
            u for u in self.requests if not (u.startswith(("data:", "blob:", "about:")) or urlsplit(u).netloc == host)
        ]
        assert external == [], f"requests left the machine: {external}"
        unexpected_404 = [u for u in self.not_found if not _PROBE_404.search(urlsplit(u).path)]
        assert unexpected_404 == [], f"missing files: {unexpected_404}"
        assert self.failed == [], f"failed requests: {self.failed}"
        errors = [e for e in self.console_errors if not (e.startswith("Failed to load resource") and self.not_found)]
        assert errors == [], f"console errors: {errors}"


@pytest.fixture
def dashboard(chromium_browser) -> Iterator[tuple]:
    """A large page in a fresh context, with a :class:`Watch` on its requests and console."""
    context = chromium_browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    watch = Watch()
    page.on("request", lambda r: watch.requests.append(r.url))
    page.on("response", lambda r: watch.not_found.append(r.url) if r.status == 404 else None)
    page.on("requestfailed", lambda r: watch.failed.append(f"{r.url}: {r.failure}"))
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: watch.console_errors.append(f"pageerror: {exc}"))
    try:
        yield page, watch
    finally:
        context.close()


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


def _expected(sites, **kwargs) -> int:
    """Symbols the filtered sites make: one per place and alliance (the builder's tables, tested in tests/maps)."""
    return site_tables(filter_sites(sites, SiteFilter(**kwargs))).symbols()


#: In the map's window: the site index and the Leaflet map.
_SITE_INDEX = "window[Object.keys(window).find(k => k.startsWith('site_index_'))]"


def _wait_for(what: Callable[[], object], expected: object, *, timeout_s: float = 30.0) -> None:
    """Poll ``what()`` until it equals ``expected`` (reruns replace the map iframe)."""
    deadline = time.monotonic() + timeout_s
    value = None
    while time.monotonic() < deadline:
        try:
            value = what()
        except Exception:
            value = None
        if value == expected:
            return
        time.sleep(0.25)
    raise AssertionError(f"expected {expected!r}, still {value!r} after {timeout_s:.0f} s")


def _drawn(page) -> int:
    """Symbols on the map whose alliance layer is shown (clustered ones included), counted by Leaflet."""
    container = page.frame_locator(MAP_FRAME).locator(".leaflet-container")
    container.wait_for(timeout=30_000)
    return int(container.evaluate(f"() => {_SITE_INDEX}.drawnSymbols({MAP})"))


def _settle(page) -> None:
    """Wait for the map's fit-to-sites zoom animation to end (Leaflet marks it on the container)."""
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".leaflet-container:not(.leaflet-zoom-anim)").wait_for()
    page.wait_for_timeout(600)


def _year_thumbs(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').first.locator('input[type="range"]')


def _thumbs(page) -> list[int]:
    thumbs = _year_thumbs(page)
    return [int(thumbs.nth(i).input_value()) for i in range(thumbs.count())]


def _move_upper_thumb(page, year: int, *, timeout_s: float = 60.0) -> None:
    """Step the year slider's upper thumb to ``year`` with the arrow keys, one press per shown change.

    A press during a rerun can be lost (the slider is drawn again and loses focus), so each press waits for
    the value it moves and a lost one is pressed again, instead of pressing a fixed number of times.
    """
    deadline = time.monotonic() + timeout_s
    while (now := _thumbs(page)[-1]) != year:
        assert time.monotonic() < deadline, f"the upper thumb stayed at {now}, not {year}"
        upper = _year_thumbs(page).last
        upper.focus()
        upper.press("ArrowLeft" if now > year else "ArrowRight")
        with contextlib.suppress(AssertionError):
            _wait_for(lambda now=now: _thumbs(page)[-1] != now, True, timeout_s=5)


def _alliance_tags(page) -> list[str]:
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    return [tag.get_attribute("aria-label") or "" for tag in box.locator("span[data-tag]").all()]


def test_link_with_params_reproduces_the_view(streamlit_server, dashboard, sites, artifacts_dir):
    """First visit of the session, straight to a deep link: filters come from the URL, the map follows."""
    page, watch = dashboard
    first, last = choices_from_sites(sites).years
    years = (first + 2, last - 1)
    page.goto(f"{streamlit_server}/timeline?years={years[0]}-{years[1]}&alliance=NATO")
    page.get_by_text("Group by exercise family").wait_for(timeout=45_000)
    # The sidebar reproduces the link ...
    _wait_for(lambda: _thumbs(page), list(years))
    _wait_for(lambda: _alliance_tags(page), ["NATO"])  # the multiselect can draw its tags a moment after the slider
    # ... the timeline is drawn by Streamlit's bundled Vega ...
    page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first.wait_for()
    # ... and the map page keeps the same filters.
    page.locator('[data-testid="stSidebarNav"] a', has_text="Map").click()
    _wait_for(lambda: _drawn(page), _expected(sites, years=years, alliances=("NATO",)))
    assert f"years={years[0]}-{years[1]}" in page.url and "alliance=NATO" in page.url
    watch.assert_clean(streamlit_server)


def _open_some_popup(page, *, timeout_s: float = 45.0) -> tuple[str, str, str]:
    """Click point sites until one opens its popup; return (exercise, place, popup text).

    Passes over the sites again until ``timeout_s``: on a loaded runner a click can time out, or a rerun can swap
    the map's layers or move the view while the clicks go on.
    """
    _settle(page)
    frame = page.frame_locator(MAP_FRAME)
    deadline = time.monotonic() + timeout_s
    while True:
        points = frame.locator(".dm-place")
        for i in range(min(points.count(), 25)):
            try:
                points.nth(i).click(timeout=1_500)
                # The newest popup: one opened by an earlier click can still be fading out (two in the page).
                popup = frame.locator(".leaflet-popup-content").last
                if not frame.locator(".leaflet-popup-content").count():
                    continue
                name = popup.locator(".dm-name").first.inner_text(timeout=5_000)  # the newest exercise there
                place = popup.locator(".dm-key", has_text="As written").first.locator("xpath=..").inner_text()
                return name, place, popup.inner_text()
            except Exception:
                continue
        if time.monotonic() > deadline:
            raise AssertionError(f"no site popup could be opened in {timeout_s:.0f} s")
        page.wait_for_timeout(500)


def test_map_filters_popup_and_offline(streamlit_server, dashboard, sites, artifacts_dir):
    page, watch = dashboard
    page.goto(streamlit_server)
    # 90 s: the first test of the session server may build the map cold, beside the other worker's tests (45 s
    # ran out once in a CI simulation with the machine also loaded by other work).
    _wait_for(lambda: _drawn(page), _expected(sites), timeout_s=90)
    frame = page.frame_locator(MAP_FRAME)
    assert frame.locator(".dm-legend").count() == 1
    assert frame.locator(".leaflet-control-scale").count() == 1
    assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    _settle(page)
    page.screenshot(path=str(artifacts_dir / "dashboard_map.png"))

    # A popup lists the site's sources with their quoted sentences.
    name, place, text = _open_some_popup(page)
    written = re.search(r"“(.*)”", place)
    assert written is not None
    rows = sites[(sites["exercise_name"] == name) & (sites["place_text"] == written.group(1))]
    assert len(rows), (name, place)
    flat = " ".join(text.split())
    for citation in rows.iloc[0]["citations"]:
        assert " ".join(citation["quote"].split()) in flat
    page.wait_for_timeout(400)  # let the popup's fade-in finish before the picture
    page.screenshot(path=str(artifacts_dir / "dashboard_popup.png"))

    # The year slider (keyboard on its upper thumb) and the alliance filter change what is drawn.
    first, last = choices_from_sites(sites).years
    _move_upper_thumb(page, last - 3)
    _wait_for(lambda: _thumbs(page), [first, last - 3])
    expected = _expected(sites, years=(first, last - 3))
    _wait_for(lambda: _drawn(page), expected)

    page.locator('[data-testid="stSidebar"] input[role="combobox"][aria-label="Alliance"]').click()
    page.keyboard.type("Russia-Belarus")
    # On a loaded runner the options list can lag the typing: choose the option itself, not whatever Enter meets.
    page.get_by_role("option", name="Russia-Belarus").click(timeout=30_000)
    page.keyboard.press("Escape")
    expected_rb = _expected(sites, years=(first, last - 3), alliances=("Russia-Belarus",))
    assert expected_rb != expected
    _wait_for(lambda: _drawn(page), expected_rb)
    _wait_for(lambda: "alliance=Russia-Belarus" in page.url, True)
    assert f"years={first}-{last - 3}" in page.url
    watch.assert_clean(streamlit_server)


def _hostile_site(sites):
    row = located(sites)[located(sites).geometry.geom_type == "Point"].iloc[[0]].copy()
    evil = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
    row["exercise_id"] = "hostile-report"
    row["exercise_name"] = "Hostile " + evil
    row["place_text"] = "Place " + evil
    # A link's anchor is built in the browser from its URL and host: quotes in the URL must not end the href.
    link = """https://example.org/a?b=1&c=<2>"onmouseover="window.__xss=3'x"""
    row["citations"] = [
        [
            {"id": "c1", "source": "seed:evil.txt", "quote": "Quote " + evil + " {{ 7*7 }}"},
            {"id": "c2", "source": link, "quote": "Linked " + evil},
        ]
    ]
    return row


def _spot_key(geom) -> object:
    """The place a site is drawn at: rounded point coordinates, or the area geometry itself."""
    return (round(geom.x, 4), round(geom.y, 4)) if geom.geom_type == "Point" else geom.wkb


def _expected_popups(shown) -> list[str]:
    """Every place's popup built in Python from the rows (geo.maps.popup), independently of the site tables."""
    rows = shown.to_dict("records")
    order: dict[str, list[str]] = {}  # each exercise's citations, in order of first appearance
    for row in rows:
        known = order.setdefault(row["exercise_id"], [])
        known.extend(c["id"] for c in row["citations"] if c["id"] not in known)
    spots: dict[object, list[dict]] = {}
    for row in rows:
        spots.setdefault(_spot_key(row["geometry"]), []).append(row)
    out = []
    for group in spots.values():
        names = Counter(place_name(r) for r in group)
        by_exercise: dict[str, list[dict]] = {}
        for row in sorted(group, key=lambda r: r["exercise_name"]):
            by_exercise.setdefault(row["exercise_id"], []).append(row)
        ordered = sorted(by_exercise.values(), key=lambda rs: str(rs[0]["start_date"])[:10], reverse=True)
        entries = []
        for ex_rows in ordered:
            places = list({str(p): p for p in (place_fields(r) for r in ex_rows)}.values())
            cited = {c["id"]: c for r in ex_rows for c in r["citations"]}
            citations = [citation_fields(cited[c]) for c in order[ex_rows[0]["exercise_id"]] if c in cited]
            entries.append((exercise_fields(ex_rows[0]), places, citations))
        out.append(spot_popup_html(names.most_common(1)[0][0], entries, link=EXERCISE_LINK_BASE))
    return out


def test_popups_render_as_python_says_and_escape_everything(browser_page, sites, tmp_path):
    """The browser renders each place's popup exactly like geo.maps.popup, and never runs report text."""
    shown = pd.concat([located(sites), _hostile_site(sites)])
    m = build_map(shown, period_end=dt.date(2025, 12, 31), vendor=vendor_file_base())
    html = save_offline_html(m, tmp_path / "map.html")
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_selector(".dm-place")
    rendered = page.evaluate(f"() => {_SITE_INDEX}.rows.sp.map((_, i) => {_SITE_INDEX}.popup(i))")
    expected = _expected_popups(shown)
    assert len(rendered) == len(expected) < len(shown)  # places shared by several sites are drawn once
    same = page.evaluate(
        """(pairs) => pairs.map(([js, py]) => {
            const a = document.createElement("div"), b = document.createElement("div");
            a.innerHTML = js; b.innerHTML = py;
            return a.innerHTML === b.innerHTML;
        })""",
        [list(p) for p in zip(rendered, expected, strict=True)],
    )
    assert all(same), [pair for pair, ok in zip(zip(rendered, expected, strict=True), same, strict=True) if not ok][:1]

    # Open the hostile site's popup for real (zooming to its marker): its text shows, nothing in it runs or loads.
    page.evaluate(
        f"""() => {{
            const S = {_SITE_INDEX};
            for (const g of S.groups) {{
                for (const marker of g.sub.getLayers()) {{
                    if (S.popup(marker.options.dmSpot).includes("Hostile")) {{
                        g.sub.getParentGroup().zoomToShowLayer(marker, () => marker.openPopup());
                        return;
                    }}
                }}
            }}
        }}"""
    )
    content = page.locator(".leaflet-popup-content")
    content.wait_for()
    assert "<script>window.__xss = 1</script>" in content.inner_text()
    assert "{{ 7*7 }}" in content.inner_text()
    assert content.locator("script, img, [onmouseover]").count() == 0
    assert content.locator("a[href^='https://example.org/']").get_attribute("href").endswith("window.__xss=3'x")
    assert page.evaluate("() => window.__xss") is None
    assert not [u for u in requests if u.endswith("/x")]


def test_a_popup_link_opens_the_exercise_in_the_exercises_page(streamlit_server, dashboard, sites):
    """The map is in streamlit-folium's sandboxed iframe: its links open the Exercises detail in a new tab.

    The sandbox allows popups that escape it but not top-level navigation (a ``target="_top"`` link is
    refused by Chromium), so ``target="_blank"`` is the link that works.
    """
    page, _ = dashboard
    page.goto(streamlit_server)
    _wait_for(lambda: _drawn(page), _expected(sites), timeout_s=45)
    sandbox = (page.locator(MAP_FRAME).get_attribute("sandbox") or "").split()
    assert "allow-popups-to-escape-sandbox" in sandbox and "allow-top-navigation" not in sandbox
    name, _, _ = _open_some_popup(page)
    link = page.frame_locator(MAP_FRAME).locator(".leaflet-popup-content a.dm-name").first
    assert link.get_attribute("target") == "_blank"
    with page.context.expect_page(timeout=20_000) as opened:
        link.click()
    tab = opened.value
    ident = sites.loc[sites["exercise_name"] == name, "exercise_id"].iloc[0]
    tab.wait_for_url(re.compile(rf"/exercises\?exercise={re.escape(ident)}$"))
    tab.get_by_role("heading", name=name, exact=True).wait_for(timeout=45_000)  # the detail view, at the top
    tab.close()
