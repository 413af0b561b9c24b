"""The sites frame's distance-to-NATO columns on the real catalog, and the one text that words them."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import NATO_DISTANCE_COLUMNS, SITE_COLUMNS, nato_distance_text, sites_frame
from geo.geocode.distance import RELATIONS


@pytest.fixture(scope="module")
def sites() -> pd.DataFrame:
    return sites_frame()


def _site(sites: pd.DataFrame, exercise_id: str, place_text: str) -> dict[str, Any]:
    rows = sites[(sites["exercise_id"] == exercise_id) & (sites["place_text"] == place_text)]
    assert len(rows) == 1, (exercise_id, place_text)
    return rows.iloc[0].to_dict()


def test_distance_columns_sit_in_the_frame_in_their_documented_order(sites) -> None:
    assert [c for c in SITE_COLUMNS if c in NATO_DISTANCE_COLUMNS] == list(NATO_DISTANCE_COLUMNS)
    located = sites[sites["site_status"] == "resolved"]
    assert located["distance_to_nato_from_centre_km"].notna().all()
    assert set(located["nato_relation"]) <= set(RELATIONS)
    assert located["distance_to_nato_from_centre_km"].ge(located["distance_to_nato_km"]).all()
    unresolved = sites[sites["site_status"] == "unresolved"]
    assert unresolved["nato_relation"].isna().all() and unresolved["distance_to_nato_from_centre_km"].isna().all()


@pytest.mark.parametrize(
    ("exercise_id", "place_text"),
    [
        ("belarus-russia-southern-border-drills-2021", "its border with Ukraine"),
        ("russia-belarus-regional-grouping-2022", "the southern border of Belarus, which borders Ukraine"),
    ],
)
def test_southern_border_strips_touch_nato_only_at_the_tripoint(sites, exercise_id: str, place_text: str) -> None:
    row = _site(sites, exercise_id, place_text)
    assert row["nato_relation"] == "touches_at_point" and row["distance_to_nato_km"] == 0.0
    assert row["distance_to_nato_from_centre_km"] > 100
    text = nato_distance_text(row)
    assert text.startswith("touches NATO territory only at the Poland–Belarus–Ukraine tripoint; centre ")
    assert text.endswith(" km from NATO (Poland)")


@pytest.mark.parametrize(
    ("exercise_id", "place_text", "relation", "country"),
    [
        ("union-resolve-2022-stage-1", "the western borders", "shares_border", "LTU"),
        (
            "combat-brotherhood-2023",
            "parts of Belarus that border NATO members Poland and Lithuania",
            "shares_border",
            "LTU",
        ),
        ("zapad-2025", "near Belarus’s western border", "shares_border", "LTU"),
        ("combat-brotherhood-2023", "Brest region", "shares_border", "POL"),
        ("dragon-2024", "the eastern border", "inside", "POL"),  # Poland's own strip along Belarus and Ukraine
        ("defender-europe-2022", "MK", "inside", "MKD"),  # North Macedonia, NATO since 2020-03-27
        ("defender-europe-2022", "PL", "inside", "POL"),  # Poland, not its neighbour Czechia
        ("baltops-2022", "coastal ranges in SE", "shares_border", "NOR"),  # Sweden, not yet a member in June 2022
    ],
)
def test_areas_that_read_zero_km_say_how_they_meet_nato(
    sites, exercise_id: str, place_text: str, relation: str, country: str
) -> None:
    row = _site(sites, exercise_id, place_text)
    assert (row["nato_relation"], row["nearest_nato_country"], row["distance_to_nato_km"]) == (relation, country, 0.0)
    assert (row["distance_to_nato_from_centre_km"] == 0.0) == (relation == "inside")


def test_minsk_region_centre_lies_deeper_than_its_nearest_point(sites) -> None:
    row = _site(sites, "zapad-2025", "Minsk region")
    assert row["nato_relation"] == "outside"
    assert row["distance_to_nato_from_centre_km"] > row["distance_to_nato_km"] + 50


def test_point_sites_measure_the_same_from_their_centre(sites) -> None:
    points = sites[sites["distance_measured_from"] == "point"]
    assert len(points) > 10
    assert (points["distance_to_nato_from_centre_km"] == points["distance_to_nato_km"]).all()
    assert (points["nearest_nato_country_from_centre"] == points["nearest_nato_country"]).all()
    assert set(points["nato_relation"]) <= {"inside", "outside"}


def test_max_distance_filter_uses_the_nearest_point_distance(sites) -> None:
    near = filter_sites(sites, SiteFilter(max_distance_km=50))
    assert near["distance_to_nato_km"].le(50).all()
    # the southern strip touches NATO at the tripoint: kept, although its centre lies far beyond 50 km
    strip = near[near["place_text"] == "its border with Ukraine"]
    assert len(strip) == 1 and strip["distance_to_nato_from_centre_km"].iloc[0] > 50


def _row(
    km: float, nearest: str, measured_from: str, centre_km: float, relation: str, centre: str = "", **more: Any
) -> dict[str, Any]:
    return {
        **dict.fromkeys(NATO_DISTANCE_COLUMNS),
        "nato_touch_countries": [],
        "distance_to_nato_km": km,
        "nearest_nato_country": nearest,
        "distance_measured_from": measured_from,
        "distance_to_nato_from_centre_km": centre_km,
        "nearest_nato_country_from_centre": centre or nearest,
        "nato_relation": relation,
        **more,
    }


AREA = "nearest point of the area"


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (_row(0.0, "MKD", "point", 0.0, "inside"), "inside NATO territory (North Macedonia)"),
        (_row(0.0, "POL", AREA, 0.0, "inside"), "inside NATO territory (Poland)"),
        (_row(12.2, "LTU", AREA, 85.4, "outside"), "12 km from NATO (Lithuania); centre 85 km"),
        (
            _row(50.1, "POL", AREA, 187.6, "outside", centre="LTU"),
            "50 km from NATO (Poland); centre 188 km from NATO (Lithuania)",
        ),
        (_row(121.5, "LTU", "point", 121.5, "outside"), "122 km from NATO (Lithuania)"),
        (
            _row(0.0, "POL", AREA, 94.6, "shares_border", nato_shared_border_km=201.4),
            "shares a border with NATO territory (Poland); centre 95 km",
        ),
        (
            _row(0.0, "POL", AREA, 285.0, "touches_at_point", nato_touch_countries=["POL", "BLR", "UKR"]),
            "touches NATO territory only at the Poland–Belarus–Ukraine tripoint; centre 285 km from NATO (Poland)",
        ),
        (
            _row(0.0, "LVA", AREA, 20.0, "touches_at_point", nato_touch_countries=["LVA"]),
            "touches NATO territory only at a point (Latvia); centre 20 km from NATO (Latvia)",
        ),
        (dict.fromkeys(NATO_DISTANCE_COLUMNS), "not measured (no geometry)"),
        ({"distance_to_nato_km": float("nan"), "nearest_nato_country": float("nan")}, "not measured (no geometry)"),
    ],
)
def test_nato_distance_text(row: dict[str, Any], text: str) -> None:
    assert nato_distance_text(row) == text
