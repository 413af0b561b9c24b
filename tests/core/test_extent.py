"""geo.core.extent: the map's view as one validated lon/lat box, from Leaflet and from the command line."""

from __future__ import annotations

import pytest

from geo.core.errors import ExportError
from geo.core.extent import MapExtent, parse_extent


def test_orders_are_explicit():
    box = MapExtent(23.4, 51.9, 24.0, 52.3, zoom=10)
    assert box.bbox == (23.4, 51.9, 24.0, 52.3)  # lon/lat: west, south, east, north
    assert box.folium_bounds() == ((51.9, 23.4), (52.3, 24.0))  # Leaflet: (lat, lon) corners
    assert parse_extent(box.text()) == MapExtent(23.4, 51.9, 24.0, 52.3)
    assert box.describe() == "23.40° E – 24.00° E, 51.90° N – 52.30° N"
    assert MapExtent(-9.5, -1.0, 3.0, 2.0).describe() == "9.50° W – 3.00° E, 1.00° S – 2.00° N"


def test_from_leaflet_reads_what_st_folium_returns():
    returned = {
        "bounds": {"_southWest": {"lat": 51.9, "lng": 23.4}, "_northEast": {"lat": 52.3, "lng": 24.0}},
        "zoom": 9,
    }
    assert MapExtent.from_leaflet(returned) == MapExtent(23.4, 51.9, 24.0, 52.3, zoom=9.0)


@pytest.mark.parametrize(
    "returned",
    [
        None,
        {},
        {"bounds": {"_southWest": {"lat": None, "lng": None}, "_northEast": {"lat": None, "lng": None}}, "zoom": 6},
        {"bounds": {"_southWest": {"lat": 52.0, "lng": 23.0}, "_northEast": {"lat": 52.0, "lng": 23.0}}, "zoom": 6},
    ],
    ids=["nothing", "empty", "no view yet", "a point"],
)
def test_from_leaflet_without_a_usable_view(returned):
    assert MapExtent.from_leaflet(returned) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("23,52,24", "extent must look like"),
        ("23;52;24;53", "extent must look like"),
        ("a,b,c,d", "extent must look like"),
        ("24,52,23,53", "west < east"),
        ("23,53,24,52", "south < north"),
        ("-190,52,24,53", "in degrees"),
    ],
)
def test_bad_extent_text(text, message):
    with pytest.raises(ExportError, match=message):
        parse_extent(text)


def test_spaces_and_signs_are_fine():
    assert parse_extent(" -3.5, 50 ,+2.25,51.5").bbox == (-3.5, 50.0, 2.25, 51.5)


@pytest.mark.parametrize("zoom", [-1, 30, float("nan")])
def test_bad_zoom(zoom):
    with pytest.raises(ExportError, match="zoom must be between 0 and 24"):
        MapExtent(23.0, 52.0, 24.0, 53.0, zoom=zoom)
