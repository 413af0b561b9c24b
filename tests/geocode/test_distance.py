"""Distances to NATO territory: known answers, membership dates, and geodesic properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geo.geocode.distance import NatoDistance, distance_to_nato, geodesic_km
from geo.geocode.geocoder import geocode

DAY = dt.date(2023, 9, 1)


def _dist(phrase: str, day: dt.date = DAY) -> tuple[float, str]:
    result = geocode(phrase)
    assert result.geometry is not None, phrase
    d = distance_to_nato(result.geometry, day)
    assert d is not None
    return d.distance_km, d.nearest_country


def test_brest_range_lies_within_40_km_of_poland() -> None:
    km, nearest = _dist("the Brest range")
    assert km < 40 and nearest == "POL"


def test_vitebsk_is_farther_from_nato_than_grodno() -> None:
    vitebsk, _ = _dist("Vitebsk")
    grodno, nearest = _dist("Grodno")
    assert grodno < 25 and nearest == "POL"
    assert vitebsk > 100 > grodno


def test_minsk_to_warsaw_known_geodesic() -> None:
    # Minsk (53.90019 N, 27.56653 E) to Warsaw (52.22977 N, 21.01178 E): about 477 km.
    assert geodesic_km(27.56653, 53.90019, 21.01178, 52.22977) == pytest.approx(476.9, abs=1.0)


def test_area_site_measures_from_its_nearest_point() -> None:
    result = geocode("the interior of the country")
    assert result.geometry is not None
    d = distance_to_nato(result.geometry, DAY)
    assert d is not None
    assert d.measured_from == "nearest point of the area"
    assert d.distance_km == pytest.approx(50, abs=3)  # the interior starts 50 km from every border


def test_site_inside_nato_is_zero() -> None:
    d = distance_to_nato(Point(21.01, 52.23), DAY)  # Warsaw
    assert d is not None and d.distance_km == 0.0 and d.nearest_country == "POL"


def test_finland_counts_only_from_accession() -> None:
    # Vyborg, Russia: ~30 km from Finland, far from the other NATO members of 2023.
    vyborg = Point(28.75, 60.71)
    before = distance_to_nato(vyborg, dt.date(2023, 4, 3))
    after = distance_to_nato(vyborg, dt.date(2023, 4, 4))
    assert before is not None and after is not None
    assert after.nearest_country == "FIN" and after.distance_km < 50
    assert before.nearest_country != "FIN" and before.distance_km > 100


lon = st.floats(min_value=-179.0, max_value=179.0, allow_nan=False)
lat = st.floats(min_value=-89.0, max_value=89.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(lon, lat, lon, lat)
def test_geodesic_is_symmetric_and_bounded(lon1: float, lat1: float, lon2: float, lat2: float) -> None:
    d12 = geodesic_km(lon1, lat1, lon2, lat2)
    assert d12 == pytest.approx(geodesic_km(lon2, lat2, lon1, lat1), abs=1e-6)
    assert 0 <= d12 <= 20_004  # half the meridional circumference


@settings(max_examples=40, deadline=None)
@given(lon, lat)
def test_geodesic_to_itself_is_zero(lon1: float, lat1: float) -> None:
    assert geodesic_km(lon1, lat1, lon1, lat1) == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(lon, lat, lon, lat, lon, lat)
def test_geodesic_triangle_inequality(a: float, b: float, c: float, d: float, e: float, f: float) -> None:
    assert geodesic_km(a, b, e, f) <= geodesic_km(a, b, c, d) + geodesic_km(c, d, e, f) + 1e-6


# --- areas: the centre distance and the relation to NATO ----------------------------------------------

SOUTHERN_BORDER_DRILLS = dt.date(2021, 11, 29)


def _relate(phrase: str, country: str | None, day: dt.date = SOUTHERN_BORDER_DRILLS) -> NatoDistance:
    result = geocode(phrase, country=country)
    assert result.geometry is not None, phrase
    d = distance_to_nato(result.geometry, day, border_line=result.border_line)
    assert d is not None
    return d


@pytest.mark.parametrize("phrase", ["the southern border", "the border with Ukraine"])
def test_belarus_ukraine_strip_touches_nato_only_at_the_tripoint(phrase: str) -> None:
    d = _relate(phrase, "BLR")
    assert d.relation == "touches_at_point" and d.touch_countries == ("POL", "BLR", "UKR")
    assert d.distance_km == 0.0 and d.nearest_country == "POL"
    assert d.shared_border_km < 1.0
    assert d.centre_distance_km > 100  # the strip's representative point lies far from NATO


@pytest.mark.parametrize(
    ("phrase", "member", "min_shared_km"),
    [
        ("the border with Poland", "POL", 300),  # BLR–POL: 340.5 km in NE 1:10m
        ("Brest region", "POL", 150),  # the oblast at Brest borders Poland along the Bug
        ("the border with Latvia", "LVA", 120),  # BLR–LVA: 135.7 km, ending at two tripoints
        ("parts of Belarus that border Poland and Lithuania", "LTU", 700),  # both borders together
    ],
)
def test_area_along_a_nato_border_shares_it(phrase: str, member: str, min_shared_km: float) -> None:
    d = _relate(phrase, "BLR")
    assert (d.relation, d.nearest_country, d.distance_km) == ("shares_border", member, 0.0)
    assert d.shared_border_km > min_shared_km
    assert d.centre_distance_km > 0.0 and d.touch_countries == ()


@pytest.mark.parametrize(
    ("day", "relation", "nearest"),
    [
        (dt.date(2019, 6, 1), "outside", {"ALB", "GRC", "BGR"}),
        (dt.date(2020, 3, 26), "outside", {"ALB", "GRC", "BGR"}),
        (dt.date(2020, 3, 27), "inside", {"MKD"}),
        (dt.date(2021, 6, 1), "inside", {"MKD"}),
    ],
)
def test_north_macedonia_is_nato_territory_from_its_accession(day: dt.date, relation: str, nearest: set[str]) -> None:
    skopje = distance_to_nato(Point(21.43, 41.99), day)
    assert skopje is not None
    assert skopje.relation == relation and skopje.nearest_country in nearest
    assert (skopje.distance_km == 0.0) == (relation == "inside")
    assert skopje.centre_distance_km == skopje.distance_km


@pytest.mark.parametrize(("phrase", "member"), [("North Macedonia", "MKD"), ("Poland", "POL"), ("Lithuania", "LTU")])
def test_a_member_country_reads_inside_itself_not_its_neighbour(phrase: str, member: str) -> None:
    d = _relate(phrase, None, dt.date(2022, 5, 1))
    assert (d.relation, d.nearest_country, d.centre_nearest_country) == ("inside", member, member)
    assert d.distance_km == d.centre_distance_km == 0.0


@pytest.mark.parametrize("phrase", ["Minsk", "Vitebsk", "Grodno"])
def test_point_site_centre_distance_equals_nearest_point_distance(phrase: str) -> None:
    d = _relate(phrase, "BLR")
    assert d.measured_from == "point" and d.relation == "outside"
    assert d.centre_distance_km == d.distance_km > 0
    assert d.centre_nearest_country == d.nearest_country


def test_area_centre_is_farther_than_its_nearest_point() -> None:
    d = _relate("Minsk region", "BLR")
    assert d.relation == "outside" and d.distance_km == pytest.approx(11.8, abs=1.0)
    assert d.centre_distance_km > d.distance_km + 50


def test_shared_border_threshold_is_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLMAP_NATO_SHARED_BORDER_MIN_KM", "1000")
    assert _relate("the border with Poland", "BLR").relation == "touches_at_point"
