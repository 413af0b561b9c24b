"""The distance to the other side: NATO's sites to the Union State, the east's to NATO, membership by date."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from shapely.geometry import Point

from geo.catalog.other_side import OTHER_SIDE_COLUMNS, other_side_fields, other_side_of
from geo.catalog.sites import SITE_COLUMNS, nato_distance_fields, other_side_text
from geo.geocode.geocoder import geocode

DAY = dt.date(2022, 10, 17)


def _fields(phrase: str, alliance: str, participants: list[str], on: dt.date = DAY) -> dict[str, Any]:
    result = geocode(phrase)
    assert result.geometry is not None, phrase
    nato = nato_distance_fields(result, on)
    side = other_side_of(alliance, participants, result.country, on)
    return {**nato, **other_side_fields(result, side, on, nato)}


def test_the_sites_frame_has_the_other_side_columns() -> None:
    assert set(OTHER_SIDE_COLUMNS) <= set(SITE_COLUMNS)


def test_pabrade_is_a_few_km_from_belarus_not_zero_km_from_lithuania() -> None:
    row = _fields("id:lt_tg_pabrade", "NATO", ["LTU", "USA"])
    assert (row["nato_relation"], row["distance_to_nato_km"]) == ("inside", 0.0)  # what the map said before
    assert row["other_side"] == "Union State" and row["other_side_nearest"] == "BLR"
    # Reports put the training area ~15 km from the border; the gazetteer point (Pabradė, en-wiki
    # 54.9833 N 25.7833 E) lies 7.4 km from Natural Earth's 1:10m Belarus polygon.
    assert 5.0 <= row["other_side_distance_km"] <= 16.0
    assert other_side_text(row) == f"{row['other_side_distance_km']:,.0f} km from the Union State (Belarus)"


def test_a_nato_site_near_kaliningrad_measures_to_russia() -> None:
    row = _fields("id:pl_tg_orzysz", "NATO", ["POL"])
    assert row["other_side_nearest"] == "RUS" and 20 < row["other_side_distance_km"] < 80


def test_a_belarusian_site_keeps_its_distance_to_nato() -> None:
    row = _fields("the Brest range", "Russia-Belarus", ["BLR", "RUS"])
    assert row["other_side"] == "NATO"
    assert row["other_side_distance_km"] == row["distance_to_nato_km"] < 40
    assert row["other_side_nearest"] == row["nearest_nato_country"] == "POL"
    assert row["other_side_centre_km"] == row["distance_to_nato_from_centre_km"]
    assert other_side_text(row).endswith("from NATO (Poland)")


@pytest.mark.parametrize(
    ("on", "nearest", "near"), [(dt.date(2023, 4, 3), "EST", False), (dt.date(2023, 4, 4), "FIN", True)]
)
def test_finland_counts_as_the_other_side_only_from_its_accession(on: dt.date, nearest: str, near: bool) -> None:
    vyborg = SimpleNamespace(geometry=Point(28.75, 60.71), border_line=None, country="RUS")
    side = other_side_of("Russia-Belarus", ["RUS"], "RUS", on)
    nato = nato_distance_fields(vyborg, on)  # type: ignore[arg-type]
    row = other_side_fields(vyborg, side, on, nato)  # type: ignore[arg-type]
    assert row["other_side_nearest"] == nearest
    assert (row["other_side_distance_km"] < 50) is near


def test_a_finnish_national_exercise_has_another_side_only_once_finland_is_in_nato() -> None:
    assert other_side_of("national", ["FIN"], "FIN", dt.date(2023, 4, 3)) is None
    assert other_side_of("national", ["FIN"], "FIN", dt.date(2023, 4, 4)) == "Union State"


@pytest.mark.parametrize(
    ("alliance", "participants", "country", "side"),
    [
        ("CSTO", ["ARM", "BLR"], "BLR", "NATO"),
        ("national", ["BLR"], "BLR", "NATO"),
        ("national", [], "POL", "Union State"),
        ("bilateral", ["POL", "BLR"], "POL", None),  # mixed: no side is guessed
        ("national", [], None, None),
    ],
)
def test_national_and_bilateral_exercises_take_the_side_of_their_participants(
    alliance: str, participants: list[str], country: str | None, side: str | None
) -> None:
    assert other_side_of(alliance, participants, country, DAY) == side


def test_a_site_without_geometry_has_its_side_but_no_distance() -> None:
    unresolved = SimpleNamespace(geometry=None, border_line=None)
    row = other_side_fields(unresolved, "Union State", DAY, {})  # type: ignore[arg-type]
    assert row["other_side"] == "Union State" and row["other_side_distance_km"] is None
    assert other_side_text(row) == "not measured (no geometry)"
