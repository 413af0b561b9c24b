"""The comparison core on the real catalog: Zapad-2017 against Zapad-2021, and periods."""

from __future__ import annotations

import csv
import json

import pytest

from geo.catalog.filter import SiteFilter
from geo.catalog.sites import place_keys, sites_frame
from geo.core.errors import FilterError
from geo.maps.sites import site_tables
from geo.query.compare import compare, comparison_csv, comparison_dict, comparison_text, parse_side


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


@pytest.fixture(scope="module")
def zapad(sites):
    return compare(parse_side("zapad-2017", sites), parse_side("zapad-2021", sites))


def _names(items) -> set[str]:
    return {it.name for it in items}


def test_place_keys_are_the_places_the_map_draws(sites):
    # One key per distinct place, as site_tables aggregates them: the same number of spots on the map.
    keys = place_keys(sites)
    assert keys.dropna().nunique() == len(site_tables(sites).spots)
    assert keys[sites.geometry.isna() | sites.geometry.is_empty].isna().all()


def test_zapad_2017_and_2021_share_four_places(zapad):
    places = zapad.diffs["places"]
    assert _names(places.both) == {
        "Domanovsky training ground",
        "Pravdinsky training ground",  # written "Pravdinsky (Kaliningrad)" in 2017: one place on the map
        "Ruzhansky air weapons range",
        "Strugi Krasnye training ground",
    }
    assert {"Borisovsky training ground", "Losvido training ground", "Dretun training ground"} <= _names(places.only_a)
    assert {"Mulino training ground", "Brestsky training ground", "Kirillovsky"} <= _names(places.only_b)
    assert (len(places.only_a), len(places.only_b)) == (7, 8)
    assert all((it.count_a, it.count_b) == (1, 1) for it in places.both)
    # Unresolved sites have no place: Zapad-2021's two (Dobrovolsky, Volsky) are in the distance summary only.
    assert zapad.distance_b.unresolved == 2
    assert zapad.distance_a.unresolved == 0


def test_zapad_participants_and_exercises(zapad):
    participants = zapad.diffs["participants"]
    assert {it.key for it in participants.both} == {"BLR", "RUS"}
    assert participants.only_a == ()
    assert {"IND", "MNG", "KAZ"} <= {it.key for it in participants.only_b}
    assert [it.key for it in zapad.diffs["exercises"].only_a] == ["zapad-2017"]
    assert [it.key for it in zapad.diffs["exercises"].only_b] == ["zapad-2021"]
    assert [it.key for it in zapad.diffs["alliances"].both] == ["Russia-Belarus"]


def test_distance_summary(zapad):
    a = zapad.distance_a
    assert a.measured == 11
    assert a.min_km is not None and a.median_km is not None and a.max_km is not None
    assert 0 <= a.min_km <= a.median_km <= a.max_km
    assert "Pravdinsky" in a.nearest
    assert "11 sites measured" in a.text()


def test_periods(sites):
    comparison = compare(parse_side("2017", sites), parse_side("2021-2022", sites))
    assert comparison.a.label == "2017"
    assert comparison.b.label == "2021–2022"
    exercises = comparison.diffs["exercises"]
    assert "zapad-2017" in {it.key for it in exercises.only_a}
    assert "zapad-2021" in {it.key for it in exercises.only_b}
    # NATO exercises lie inside NATO: not averaged into the distance summary, but counted as such.
    assert comparison.distance_a.nato_side > 0
    everything = {it.key for d in comparison.diffs.values() for it in d.items()}
    assert "NATO" in everything


def test_exports(zapad):
    text = comparison_text(zapad)
    assert "Places: 7 only in A, 8 only in B, 4 in both" in text
    assert "Strugi Krasnye training ground — 1 / 1 exercises" in text
    lines = comparison_csv(zapad).splitlines()
    assert lines[0] == "dimension,where,key,name,count_a,count_b,nearest_nato_km"
    assert any(line.startswith("places,both,") and "Domanovsky" in line for line in lines)
    assert {len(row) for row in csv.reader(lines)} == {7}
    data = json.loads(json.dumps(comparison_dict(zapad)))
    assert data["a"]["exercise"] == "zapad-2017"
    assert len(data["places"]["both"]) == 4


def test_csv_quotes_names_with_commas(sites):
    comparison = compare(parse_side("2017", sites), parse_side("2021-2022", sites))
    rows = list(csv.reader(comparison_csv(comparison).splitlines()))
    assert {len(row) for row in rows} == {7}
    assert "southern border of Belarus, which borders Ukraine" in {row[3] for row in rows}


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("zapad-2099", "no exercise"),
        ("1990", "outside the catalog"),
        ("2021-2017", "after last year"),
        ("Zapad 2021!", "a side must be"),
    ],
)
def test_bad_sides(sites, spec, message):
    with pytest.raises(FilterError, match=message):
        parse_side(spec, sites)


def test_a_base_filter_narrows_both_kinds_of_side(sites):
    near = SiteFilter(years=(2000, 2000), max_distance_km=50)  # its years are the side's, not these
    side = parse_side("zapad-2021", sites, near)
    assert side.selection.filter.years == (2021, 2021)
    kept = side.selection.sites
    assert 0 < len(kept) < len(sites[sites["exercise_id"] == "zapad-2021"])
    assert (kept["distance_to_nato_km"] <= 50).all()
    period = parse_side("2017", sites, SiteFilter(alliances=("NATO",)))
    assert set(period.selection.sites["alliance"]) == {"NATO"}
    assert period.selection.filter.years == (2017, 2017)
