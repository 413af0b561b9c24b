"""The timeline chart's spec (Altair, no browser): rows grouped by exercise family."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.catalog.sites import sites_frame
from geo.charts.timeline import exercises_frame, family_name, timeline_chart

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def exercises():
    return exercises_frame(sites_frame())


def _spec(exercises, *, group_by_family: bool) -> dict:
    return timeline_chart(exercises, group_by_family=group_by_family, today=TODAY).to_dict()


def _rows(spec: dict) -> tuple[list[str], list[dict]]:
    """The y order of the chart and its data rows (one dataset for every layer)."""
    order = spec["layer"][0]["encoding"]["y"]["sort"]
    (values,) = spec["datasets"].values()
    return order, values


def test_grouped_rows_sit_under_one_header_per_family(exercises):
    spec = _spec(exercises, group_by_family=True)
    order, values = _rows(spec)
    by_row = {v["row"]: v for v in values}
    assert order == [v["row"] for v in values] and len(set(order)) == len(order)
    headers = [v for v in values if v["header"]]
    assert len(headers) == exercises["family"].replace("", "(no family)").nunique()
    # Every exercise comes after its own family's header and before the next header: a real group.
    current = None
    for row in order:
        value = by_row[row]
        if value["header"]:
            current = value["family"]
            assert not value["start"]  # a header has no bar
        else:
            assert value["family"] == current, row
            assert row.startswith("\u2003")  # indented under the header
    # Each family's exercises stay in start order; families come in order of their first exercise.
    starts = [v["start"] for v in values if not v["header"]]
    firsts = []
    for header in headers:
        members = [v["start"] for v in values if not v["header"] and v["family"] == header["family"]]
        assert members == sorted(members)
        assert header["row"].startswith(f"{header['family']} ({len(members)} exercise")
        firsts.append(members[0])
    assert firsts == sorted(firsts) and len(starts) == len(exercises)


def test_headers_are_drawn_as_bands_and_bold_labels_not_bars(exercises):
    spec = _spec(exercises, group_by_family=True)
    band, bars, diamonds = spec["layer"]
    assert band["mark"]["type"] == "rect" and "x" not in band["encoding"]  # spans the width
    assert band["transform"] == [{"filter": "datum.header"}]
    for layer in (bars, diamonds):
        assert layer["transform"] == [{"filter": "(!datum.header)"}]
    axis = band["encoding"]["y"]["axis"]
    assert axis["labelFontWeight"]["condition"]["value"] == "bold"
    assert "Iron Wolf (7 exercises)" in axis["labelFontWeight"]["condition"]["test"]


@pytest.mark.parametrize("group_by_family", [True, False])
def test_spec_is_strict_json_with_the_alliances_only(exercises, group_by_family):
    """Streamlit parses the spec with JSON.parse: no NaN (a header row has no alliance)."""
    spec = _spec(exercises, group_by_family=group_by_family)
    json.dumps(spec, allow_nan=False)
    scale = spec["layer"][1]["encoding"]["color"]["scale"]
    assert set(scale["domain"]) == set(exercises["alliance"])


def test_ungrouped_rows_are_exercises_by_start(exercises):
    order, values = _rows(_spec(exercises, group_by_family=False))
    assert not any(v["header"] for v in values)
    assert order == [v["exercise_name"] for v in values] and len(order) == len(exercises)
    starts = [v["start"] for v in values]
    assert starts == sorted(starts)


def test_family_name_is_the_name_its_exercises_share():
    assert family_name("iron-wolf", ["Iron Wolf 2016", "Iron Wolf 2021-II"]) == "Iron Wolf"
    assert family_name("zapad", ["Zapad-2017", "Zapad-2021", "West-2025"]) == "Zapad"
    assert family_name("anakonda", ["Anakonda-16", "Anakonda-23"]) == "Anakonda"
    assert family_name("x", ["Russia–Belarus regional grouping deployment (October 2022)"]) == (
        "Russia–Belarus regional grouping deployment"
    )
    assert family_name("union-shield-resolve", ["Union Resolve-2022", "Check of forces (2022)"]) == (
        "union shield resolve"
    )
