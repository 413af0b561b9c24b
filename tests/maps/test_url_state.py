"""URL query parameters <-> dashboard state (geo/url_state.py): plain, validated, never crashing."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.catalog.filter import PRECISIONS, SiteFilter
from geo.catalog.sites import sites_frame
from geo.cli.main import build_parser, filter_from_args
from geo.core.dates import period_end
from geo.core.symbology import ALLIANCES
from geo.maps.build import NATO_BORDER, MapOptions
from geo.maps.url_state import (
    KNOWN_PARAMS,
    MAX_TEXT_CHARS,
    RING_CHOICES_KM,
    Choices,
    ViewState,
    choices_from_sites,
    decode,
    encode,
)

CHOICES = Choices(
    years=(2016, 2025),
    countries=("BLR", "LTU", "POL", "RUS"),
    families=("iron-wolf", "zapad"),
)


def test_empty_url_is_the_unfiltered_view():
    state, notices = decode({}, CHOICES)
    assert state == ViewState()
    assert notices == []
    assert encode(state) == {}


ROUND_TRIPS = [
    ViewState(filter=SiteFilter(years=(2021, 2023))),
    ViewState(filter=SiteFilter(years=(2022, 2022))),
    ViewState(filter=SiteFilter(alliances=("CSTO", "NATO"), countries=("BLR", "RUS"))),
    ViewState(filter=SiteFilter(text="Zapad 2021 & <friends>", precisions=("point", "region"), families=("zapad",))),
    ViewState(filter=SiteFilter(max_distance_km=150.0)),
    ViewState(map=MapOptions(tiles=True)),
    ViewState(map=MapOptions(rings_km=(50, 100, 200), ring_center=NATO_BORDER)),
    ViewState(filter=SiteFilter(years=(2020, 2025)), map=MapOptions(rings_km=(25,), ring_center="zapad-2021:3")),
    ViewState(filter=SiteFilter(alliances=("CSTO",)), exercise="zapad-2021"),
]


@pytest.mark.parametrize("state", ROUND_TRIPS)
def test_round_trip(state):
    params = encode(state)
    assert all(isinstance(v, str) for v in params.values())
    assert list(params) == [p for p in KNOWN_PARAMS if p in params]
    decoded, notices = decode(params, CHOICES)
    assert notices == []
    assert decoded == state


@settings(max_examples=60, deadline=None)
@given(
    years=st.one_of(
        st.none(), st.tuples(st.integers(2016, 2025), st.integers(0, 9)).map(lambda t: (t[0], min(2025, t[0] + t[1])))
    ),
    alliances=st.lists(st.sampled_from(ALLIANCES), unique=True),
    countries=st.lists(st.sampled_from(CHOICES.countries), unique=True),
    text=st.text(min_size=0, max_size=40).map(lambda s: " ".join(s.split())),
    precisions=st.lists(st.sampled_from(PRECISIONS), unique=True),
    families=st.lists(st.sampled_from(CHOICES.families), unique=True),
    km=st.one_of(st.none(), st.integers(10, 500).map(float)),
    rings=st.lists(st.sampled_from(RING_CHOICES_KM), unique=True),
    tiles=st.booleans(),
)
def test_round_trip__property(years, alliances, countries, text, precisions, families, km, rings, tiles):
    canon = lambda chosen, order: tuple(x for x in order if x in chosen)  # noqa: E731
    flt = SiteFilter(
        years=None if years == CHOICES.years else years,
        alliances=canon(alliances, ALLIANCES),
        countries=canon(countries, CHOICES.countries),
        text=text,
        precisions=canon(precisions, PRECISIONS),
        families=canon(families, CHOICES.families),
        max_distance_km=km,
    )
    opts = MapOptions(tiles=tiles, rings_km=tuple(sorted(rings)), ring_center=NATO_BORDER if rings else None)
    state = ViewState(filter=flt, map=opts)
    decoded, notices = decode(encode(state), CHOICES)
    assert notices == []
    assert decoded == state


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*KNOWN_PARAMS, "x", "utm_source"]), st.one_of(st.text(), st.lists(st.text()))))
def test_decode_never_raises(params):
    state, notices = decode(params, CHOICES)
    assert isinstance(state, ViewState)
    assert all(n.param in params for n in notices)


@pytest.mark.parametrize(
    ("params", "param", "reason"),
    [
        ({"years": "last year"}, "years", "ignored"),
        ({"years": "2025-2020"}, "years", "after"),
        ({"years": "1990-1995"}, "years", "outside"),
        ({"alliance": "NATO,Warsaw Pact"}, "alliance", "Warsaw Pact"),
        ({"country": "BLR,XYZ"}, "country", "XYZ"),
        ({"country": "'; DROP TABLE"}, "country", "ignored"),
        ({"precision": "exact"}, "precision", "exact"),
        ({"family": "../etc"}, "family", "../etc"),
        ({"nato_km": "abc"}, "nato_km", "not a number"),
        ({"nato_km": "nan"}, "nato_km", "between"),
        ({"nato_km": "5000"}, "nato_km", "between"),
        ({"tiles": "maybe"}, "tiles", "expected 1 or 0"),
        ({"rings": "50,75"}, "rings", "75"),
        ({"ring_at": "__import__('os')"}, "ring_at", "expected"),
        ({"q": "x" * (MAX_TEXT_CHARS + 1)}, "q", "cut"),
        ({"utm_source": "mail"}, "utm_source", "unknown parameter"),
        ({"years": ["2020", "2021"]}, "years", "more than once"),
    ],
)
def test_malformed_params_are_reported(params, param, reason):
    state, notices = decode(params, CHOICES)
    assert isinstance(state, ViewState)
    matching = [n for n in notices if n.param == param]
    assert matching, notices
    assert any(reason in n.reason or reason in str(n) for n in matching)
    assert param in str(matching[0])


def test_valid_parts_survive_next_to_invalid_ones():
    state, notices = decode({"years": "2021-2022", "alliance": "NATO,Foo", "nato_km": "x", "q": " zapad "}, CHOICES)
    assert state.filter == SiteFilter(years=(2021, 2022), alliances=("NATO",), text="zapad")
    assert {n.param for n in notices} == {"alliance", "nato_km"}


def test_values_are_matched_case_insensitively_and_canonicalised():
    state, _ = decode({"alliance": "russia-belarus,nato", "country": "rus,blr", "precision": "REGION"}, CHOICES)
    assert state.filter.alliances == ("Russia-Belarus", "NATO")  # schema order
    assert state.filter.countries == ("BLR", "RUS")
    assert state.filter.precisions == ("region",)


def test_years_are_limited_to_the_catalog():
    state, notices = decode({"years": "2010-2021"}, CHOICES)
    assert state.filter.years == (2016, 2021)
    assert "limited" in notices[0].reason
    state, _ = decode({"years": "2016-2025"}, CHOICES)
    assert state.filter.years is None  # the whole range is no filter


def test_rings_and_their_centre_complete_each_other():
    state, _ = decode({"ring_at": "zapad-2021:0"}, CHOICES)
    assert state.map == MapOptions(rings_km=(50, 100, 200), ring_center="zapad-2021:0")
    state, _ = decode({"rings": "100"}, CHOICES)
    assert state.map == MapOptions(rings_km=(100,), ring_center=NATO_BORDER)


def test_url_filter_equals_the_cli_filter():
    """A link and the equivalent CLI options select through the same SiteFilter."""
    args = build_parser().parse_args(
        [
            *("catalog", "--years", "2020-2023", "--alliance", "NATO,CSTO", "--country", "pol", "--search", "Iron"),
            *("--precision", "point,area", "--family", "iron-wolf", "--max-nato-km", "100"),
            *("--status", "observer,took-part"),
        ]
    )
    url = {
        "years": "2020-2023",
        "alliance": "CSTO,NATO",
        "country": "POL",
        "q": "Iron",
        "precision": "point,area",
        "family": "iron-wolf",
        "nato_km": "100",
        "status": "took-part,observer",
    }
    from_url = decode(url, CHOICES)[0].filter
    from_cli = filter_from_args(args)
    assert from_url.years == from_cli.years
    assert set(from_url.alliances) == set(from_cli.alliances)
    assert (from_url.countries, from_url.text, from_url.families) == (
        from_cli.countries,
        from_cli.text,
        from_cli.families,
    )
    assert set(from_url.precisions) == set(from_cli.precisions)
    assert from_url.max_distance_km == from_cli.max_distance_km
    assert from_url.statuses == from_cli.statuses == ("took-part", "observer")


def test_choices_and_period_end_from_the_catalog():
    sites = sites_frame()
    choices = choices_from_sites(sites)
    first, last = choices.years
    assert first == int(sites["year"].min())
    assert last >= int(sites["year"].max())
    # Every country the exercises name, whatever its status (the filter can count withdrawn or observers too).
    named = ("participants", "disputed", "withdrawn", "observers", "non_participants")
    assert set(choices.countries) == {c for f in named for cs in sites[f] for c in cs}
    assert {"CHN", "SAU"} <= set(choices.countries) - {c for ps in sites["participants"] for c in ps}
    assert period_end(SiteFilter().years, choices.years) == dt.date(last, 12, 31)
    assert period_end((2021, 2023), choices.years) == dt.date(2023, 12, 31)


@pytest.mark.parametrize(
    ("raw", "expected", "reason"),
    [
        ("zapad-2021", "zapad-2021", None),
        ("Zapad-2021", "zapad-2021", None),
        ("zapad-1999", None, "no exercise with this id in the catalog"),
        ("zapad-2021'; drop", None, "expected an exercise id"),
        ("", None, "expected an exercise id"),
    ],
)
def test_exercise_param_is_checked_against_the_catalog(raw, expected, reason):
    choices = Choices(years=(2016, 2025), exercises=("iron-wolf-2016", "zapad-2021"))
    state, notices = decode({"exercise": raw}, choices)
    assert state.exercise == expected
    assert [reason in str(n) for n in notices] == ([] if reason is None else [True])


@pytest.mark.parametrize(
    ("params", "at", "step", "reason"),
    [
        ({"at": "2021-09-14", "step": "week"}, dt.date(2021, 9, 14), "week", None),
        ({"at": "2021-09", "step": "MONTH"}, dt.date(2021, 9, 1), "month", None),
        ({"at": "2021-13-40"}, None, None, "expected a date such as 2021-09-14"),
        ({"at": "2021-02-30"}, None, None, "expected a date such as 2021-09-14"),
        ({"at": "<script>"}, None, None, "expected a date such as 2021-09-14"),
        ({"at": "1999-01-01"}, None, None, "outside the catalog's years 2016–2025"),
        ({"step": "fortnight"}, None, None, "week is used"),
        ({"step": "day"}, None, None, "week is used"),
    ],
)
def test_playback_moment_in_the_url(params, at, step, reason):
    state, notices = decode(params, CHOICES)
    assert (state.at, state.step) == (at, step)
    if reason is None:
        assert notices == []
        assert encode(state) == {"at": at.isoformat(), "step": step}
    else:
        (notice,) = notices
        assert reason in str(notice)
