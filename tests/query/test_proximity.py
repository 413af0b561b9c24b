"""The proximity trend: per period, alliance and precision class, never pooling precise sites with areas."""

from __future__ import annotations

import datetime as dt
import json

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from geo.query.proximity import TREND_COLUMNS, proximity_sites, proximity_trend, trend_csv, trend_json
from tests.support.export_panel_app import tiny_sites


def _site(eid: str, i: int, alliance: str, start: str, km: float | None, geometry, **extra) -> dict:
    return {
        "exercise_id": eid,
        "exercise_name": eid.title(),
        "site_index": i,
        "alliance": alliance,
        "start_date": dt.date.fromisoformat(start),
        "date_precision": extra.pop("date_precision", "day"),
        "site_kind": extra.pop("site_kind", "training_ground"),
        "precision": extra.pop("precision", "point"),
        "place_text": f"place {i}",
        "gazetteer_id": None,
        "site_country": None,
        "other_side": extra.pop("other_side", "NATO" if alliance != "NATO" else "Union State"),
        "other_side_distance_km": km,
        "other_side_centre_km": extra.pop("centre", km),
        "other_side_nearest": "POL",
        "other_side_relation": "outside",
        "geometry": geometry,
    }


@pytest.fixture
def sites() -> gpd.GeoDataFrame:
    rows = [
        _site("a-2021", 0, "Russia-Belarus", "2021-09-10", 10.0, Point(24, 52)),
        _site("a-2021", 1, "Russia-Belarus", "2021-09-10", 30.0, Point(25, 52)),
        _site("a-2021", 2, "Russia-Belarus", "2021-09-10", 200.0, Point(26, 52)),
        _site("a-2021", 3, "Russia-Belarus", "2021-09-10", 0.0, box(23, 51, 25, 53), precision="region", centre=90.0),
        _site("b-2021", 0, "NATO", "2021-05-01", 7.0, Point(25.8, 55), precision="area"),  # a proxy point
        _site("c-2021", 0, "NATO", "2021-01-01", 50.0, Point(22, 54), date_precision="year"),
        _site("d-2022", 0, "Russia-Belarus", "2022-02-10", 4.0, Point(24, 52)),
        _site("d-2022", 1, "Russia-Belarus", "2022-02-10", None, None, precision="unresolved", site_kind=None),
        _site("e-2022", 0, "bilateral", "2022-03-01", None, Point(24, 52), other_side=None),
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def test_sites_get_a_period_and_a_precision_class_and_unmeasured_ones_are_left_out(sites) -> None:
    points = proximity_sites(sites)
    assert len(points) == 7  # the unresolved site and the site without a side are not measured
    classes = dict(zip(points["site_key"], points["precision"], strict=True))
    assert classes["a-2021#0"] == "precise" and classes["a-2021#3"] == "area" and classes["b-2021#0"] == "proxy"
    assert set(points["period"]) == {"2021", "2022"}


def test_quarters_never_invent_one_for_a_date_known_only_by_its_year(sites) -> None:
    periods = dict(zip(*proximity_sites(sites, "quarter")[["site_key", "period"]].T.values, strict=True))
    assert periods["a-2021#0"] == "2021-Q3" and periods["b-2021#0"] == "2021-Q2" and periods["d-2022#0"] == "2022-Q1"
    assert periods["c-2021#0"] == "2021-Q?"
    with pytest.raises(ValueError, match="by must be"):
        proximity_sites(sites, "month")  # type: ignore[arg-type]


def test_the_trend_keeps_precise_sites_and_areas_apart_with_their_distributions(sites) -> None:
    trend = proximity_trend(proximity_sites(sites))
    assert tuple(trend.columns) == TREND_COLUMNS
    rows = {(r["period"], r["alliance"], r["precision"]): r for r in trend.to_dict("records")}
    precise = rows[("2021", "Russia-Belarus", "precise")]
    assert (precise["n"], precise["min_km"], precise["median_km"], precise["max_km"]) == (3, 10.0, 30.0, 200.0)
    assert precise["sites"] == ["a-2021#0", "a-2021#1", "a-2021#2"]  # nearest first
    area = rows[("2021", "Russia-Belarus", "area")]
    assert (area["n"], area["median_km"], area["centre_median_km"]) == (1, 0.0, 90.0)
    assert rows[("2021", "NATO", "proxy")]["other_side"] == "Union State"
    assert rows[("2022", "Russia-Belarus", "precise")]["n"] == 1
    assert list(trend["period"]) == sorted(trend["period"])
    assert trend["n"].sum() == 7


def test_csv_and_json_carry_every_row_and_the_as_of_statement(sites) -> None:
    trend = proximity_trend(proximity_sites(sites))
    lines = trend_csv(trend).splitlines()
    assert lines[0] == ",".join(TREND_COLUMNS) and len(lines) == len(trend) + 1
    assert "a-2021#0;a-2021#1;a-2021#2" in trend_csv(trend)
    data = json.loads(trend_json(trend, {"alliances_as_of": "2022-12-31"}))
    assert data["alliances_as_of"] == "2022-12-31" and len(data["rows"]) == len(trend)
    assert data["rows"][0]["n"] >= 1 and isinstance(data["rows"][0]["sites"], list)


def test_an_empty_selection_gives_an_empty_trend_with_its_columns() -> None:
    trend = proximity_trend(proximity_sites(tiny_sites().iloc[0:0]))
    assert trend.empty and tuple(trend.columns) == TREND_COLUMNS
