"""The one rule for "active at a moment": partial dates, ongoing, announced-only, and the steps of a period."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest

from geo.catalog.sites import sites_frame
from geo.core.errors import FilterError
from geo.query.playback import activity, at_moment, moments, parse_step, step_of

D = dt.date


def _row(start=None, end=None, *, ongoing=False, announced=None, ident="x-2021") -> dict:
    return {
        "exercise_id": ident,
        "exercise_name": ident.title(),
        "alliance": "NATO",
        "start": start,
        "end": end,
        "ongoing": ongoing,
        "announced": announced,
    }


@pytest.mark.parametrize(
    ("day", "step", "first", "last", "label"),
    [
        (D(2021, 9, 14), "day", D(2021, 9, 14), D(2021, 9, 14), "14 Sep 2021"),
        (D(2021, 9, 14), "week", D(2021, 9, 13), D(2021, 9, 19), "week of 13–19 Sep 2021"),
        (D(2021, 9, 30), "week", D(2021, 9, 27), D(2021, 10, 3), "week of 27 Sep–3 Oct 2021"),
        (D(2016, 1, 1), "week", D(2015, 12, 28), D(2016, 1, 3), "week of 28 Dec 2015–3 Jan 2016"),
        (D(2024, 2, 10), "month", D(2024, 2, 1), D(2024, 2, 29), "Feb 2024"),
    ],
)
def test_step_of_holds_the_day(day, step, first, last, label):
    moment = step_of(day, step)
    assert (moment.first, moment.last, moment.label) == (first, last, label)


def test_shifting_by_months_and_weeks_crosses_years():
    assert step_of(D(2021, 12, 5), "month").shifted(1).first == D(2022, 1, 1)
    assert step_of(D(2022, 1, 5), "month").shifted(-1).last == D(2021, 12, 31)
    assert step_of(D(2021, 12, 30), "week").shifted(1).first == D(2022, 1, 3)
    weeks = moments(D(2021, 1, 1), D(2021, 12, 31), "week")
    assert weeks[0].first == D(2020, 12, 28) and weeks[-1].last >= D(2021, 12, 31) and len(weeks) == 53
    assert len(moments(D(2016, 1, 1), D(2025, 12, 31), "month")) == 120


def test_parse_step_rejects_other_words():
    assert parse_step(" Week ") == "week"
    with pytest.raises(FilterError, match="day, week, month"):
        parse_step("fortnight")


def test_day_dates_are_active_only_on_overlapping_steps():
    zapad = _row("2021-09-10", "2021-09-16")
    assert activity(zapad, step_of(D(2021, 9, 9), "day")) is None
    assert activity(zapad, step_of(D(2021, 9, 10), "day")).status == "active"
    assert activity(zapad, step_of(D(2021, 9, 16), "day")).status == "active"
    assert activity(zapad, step_of(D(2021, 9, 17), "day")) is None
    assert activity(zapad, step_of(D(2021, 9, 6), "week")).exact  # 6–12 Sep overlaps 10 Sep
    assert activity(zapad, step_of(D(2021, 9, 20), "week")) is None


def test_a_month_precision_exercise_is_shown_for_the_whole_month_and_says_so():
    iron_wolf = _row("2025-05")
    first, last = (
        activity(iron_wolf, step_of(D(2025, 5, 1), "day")),
        activity(iron_wolf, step_of(D(2025, 5, 31), "day")),
    )
    assert first is not None and last is not None
    assert not first.exact
    assert first.how_known == "dates known only to the month (May 2025): shown for all of it"
    assert activity(iron_wolf, step_of(D(2025, 6, 1), "day")) is None
    assert activity(iron_wolf, step_of(D(2025, 4, 30), "day")) is None


def test_a_year_start_with_a_day_end_runs_from_new_year():
    storm = _row("2016", "2016-05-20")
    entry = activity(storm, step_of(D(2016, 1, 1), "day"))
    assert entry is not None and not entry.exact
    assert "start known only to the year (2016)" in entry.how_known and "1 Jan 2016 to 20 May 2016" in entry.how_known
    assert activity(storm, step_of(D(2016, 5, 21), "day")) is None


def test_a_start_day_without_end_is_active_that_day_only():
    grouping = _row("2022-10-15")
    assert activity(grouping, step_of(D(2022, 10, 15), "day")).how_known == "only its start day is reported (no end)"
    assert activity(grouping, step_of(D(2022, 10, 16), "day")) is None


def test_ongoing_stays_active_from_its_start_on():
    efp = _row("2017", ongoing=True)
    assert activity(efp, step_of(D(2016, 12, 31), "day")) is None
    later = activity(efp, step_of(D(2025, 12, 31), "day"))
    assert later is not None and later.status == "active" and not later.exact
    assert "no end reported" in later.how_known and "known only to the year (2017)" in later.how_known


def test_announced_only_is_announced_in_its_step_never_active():
    drills = _row(announced="2021-11-29")
    entry = activity(drills, step_of(D(2021, 11, 1), "month"))
    assert entry is not None and entry.status == "announced"
    assert activity(drills, step_of(D(2021, 11, 29), "week")).status == "announced"
    assert activity(drills, step_of(D(2021, 12, 1), "month")) is None


def test_at_moment_draws_only_active_sites():
    rows = [
        _row("2021-09-10", "2021-09-16", ident="zapad-2021"),
        _row("2021-09-10", "2021-09-16", ident="zapad-2021"),
        _row(announced="2021-09-15", ident="drills-2021"),
        _row("2020-10-12", "2020-10-16", ident="brotherhood-2020"),
    ]
    sites = gpd.GeoDataFrame(rows, geometry=[None] * len(rows), crs="EPSG:4326")
    playback = at_moment(sites, step_of(D(2021, 9, 14), "week"))
    assert list(playback.sites["exercise_id"]) == ["zapad-2021", "zapad-2021"]
    assert [a.exercise_id for a in playback.active] == ["zapad-2021"]
    assert [a.exercise_id for a in playback.announced] == ["drills-2021"]


def test_the_catalog_has_zapad_2021_active_in_its_week():
    playback = at_moment(sites_frame(), step_of(D(2021, 9, 14), "week"))
    assert "zapad-2021" in {a.exercise_id for a in playback.active}
    assert "zapad-2017" not in {a.exercise_id for a in playback.exercises}
