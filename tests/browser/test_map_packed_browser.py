"""20,000 sites: the packed map (gzipped site tables, see geo.maps.site_index) opens offline and works.

The catalog is synthetic (:mod:`tests.support.synthetic`): every copy's quotes are unique, so the popup
shows the quote of that copy only if the browser inflated the right tables. The page is a standalone file
with ``file://`` assets, opened with the network closed: every request must stay on the machine.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.offline import save_offline_html, vendor_file_base
from geo.maps.site_index import PACK_ABOVE_SITES, SiteIndex
from geo.maps.sites import site_tables
from tests.browser.conftest import MAP
from tests.support.synthetic import synthetic_sites

pytestmark = pytest.mark.browser

N_SITES = 20_000
BOUND_MS = 120_000  # generous: the machine may be shared; a hung map never gets there
_INDEX = "Object.keys(window).filter(k => k.startsWith('site_index_')).map(k => window[k])[0]"
_CLUSTER = "Object.keys(window).filter(k => k.startsWith('site_cluster_')).map(k => window[k])[0]"


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    """The 20,000-site map saved offline, and one place of it: (spot, lat, lon, exercise name, quote)."""
    sites = synthetic_sites(sites_frame(), N_SITES)
    tables = site_tables(sites)
    assert SiteIndex(tables).packed and sum(tables.counts().values()) > PACK_ABOVE_SITES
    v = tables.vocabulary.items
    # A point place of one exercise, from a late synthetic copy (its text is that copy's alone).
    for s, (_, entries) in reversed(list(enumerate(tables.spots))):
        row = next((r for parts in tables.layers.values() for r in parts["pt"] if r[4] == s), None)
        if row is None or len(entries) != 1:
            continue
        exercise = tables.exercises[entries[0][0]]
        cited = entries[0][2] if len(entries[0]) > 2 else range(len(exercise[7]))
        quotes = [html.unescape(tables.quotes[exercise[7][c][1]]) for c in cited]  # [frame, quote, source]
        if quotes and "[syn " in quotes[0]:
            place = (s, row[1], row[0], v[exercise[0]], quotes[0])
            break
    m = build_map(sites, period_end=dt.date(2025, 12, 31), vendor=vendor_file_base())
    return save_offline_html(m, tmp_path_factory.mktemp("packed") / "sites-20k.html"), place


def test_a_packed_map_of_20000_sites_clusters_zooms_and_opens_a_popup(browser_page, packed):
    page_file, (spot, lat, lon, name, quote) = packed
    assert '{"gz85":"' in page_file.read_text(encoding="utf-8")  # the tables are packed, not plain JSON
    page = browser_page
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda r: requests.append(r.url))
    page.route(re.compile(r"^https?://"), lambda route: route.abort("internetdisconnected"))
    page.set_default_timeout(BOUND_MS)
    page.goto(page_file.as_uri(), timeout=BOUND_MS)
    page.wait_for_selector(".dm-cluster")  # inflated, drawn and clustered at the opening zoom
    assert page.locator(".dm-cluster").count() > 10

    # Zoom in on the place until its marker stands alone, then click it as a reader would.
    page.evaluate(
        f"""([spot]) => new Promise(done => {{
            const index = {_INDEX}, cluster = {_CLUSTER};
            const marker = index.groups.flatMap(g => g.sub.getLayers()).find(m => m.options.dmSpot === spot);
            cluster.zoomToShowLayer(marker, () => {{ marker.getElement().id = "dm-target"; done(); }});
        }})""",
        [spot],
    )
    assert page.evaluate(f"() => {MAP}.getZoom()") > 6
    page.wait_for_function("() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')")
    page.click("#dm-target")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".dm-name").inner_text() == name
    text = " ".join(popup.inner_text().split())
    assert " ".join(quote.split()) in text
    assert re.search(r"\[syn \d+\]", quote)
    center = page.evaluate(f"() => [{MAP}.getCenter().lat, {MAP}.getCenter().lng]")
    assert abs(center[0] - lat) < 1 and abs(center[1] - lon) < 1  # the view is on the place
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
