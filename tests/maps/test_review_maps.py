"""The review page's small maps (geo/maps/review.py) and evidence HTML (geo/maps/evidence.py)."""

from __future__ import annotations

import datetime as dt

from geo.extract import Extractor
from geo.extract.draft import DraftPlace
from geo.maps.evidence import evidence_html
from geo.maps.review import REVIEW_CENTER_LONLAT, locations_map

TEXT = (
    "Belarus and Russia began the joint exercise Northern Shield-2099 at the Gozhsky training ground on "
    "March 3, the ministry said. About 1,200 troops <b>and 40 tanks</b> are taking part."
)


def test_the_small_map_is_centred_in_lat_lon_order_and_fits_its_places():
    m = locations_map([DraftPlace(text="Brest", kind="town", status="resolved", country="BLR", query="Brest")])
    lon, lat = REVIEW_CENTER_LONLAT
    assert m.location == [lat, lon]
    (fit,) = [c for c in m._children.values() if type(c).__name__ == "FitBounds"]
    (south, west), (north, east) = fit.bounds
    assert 50 < south <= north < 54 and 22 < west <= east < 25  # Brest, not swapped


def test_evidence_html_highlights_and_labels_escaped_sentences():
    extraction = Extractor().extract(TEXT, published=dt.date(2099, 3, 4))
    (event,) = extraction.events
    page = evidence_html(extraction, event)
    assert "&lt;b&gt;and 40 tanks&lt;/b&gt;" in page and "<b>" not in page
    assert "participant: BLR" in page and "troops" in page and "equipment: tanks" in page
    assert page.count("<mark") == 2
