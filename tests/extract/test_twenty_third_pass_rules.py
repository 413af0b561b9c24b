"""The mechanisms added for the twenty-third blind batch of real reports (sites east of Belarus, ids 410-419).

One test per rule. Each sentence is made up for the test in the style of the failure class it covers; none is
copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.bases_abroad import based_abroad
from geo.extract.participants import find_parties
from geo.extract.places import find_places
from geo.geocode.bare_regions import bare_region
from geo.geocode.gazetteer import normalize_name
from geo.geocode.geocoder import geocode

PUBLISHED = dt.date(2026, 5, 13)


def _sites(extractor: Extractor, text: str) -> list[tuple[str, str | None, str | None]]:
    events = extractor.extract(text, published=PUBLISHED).events
    return [(loc.text, loc.country, loc.admin1) for event in events for loc in event.locations]


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        # a region outside the admin-1 layer: its country, at country precision
        ("Dagestan", "RUS", None),
        ("Buryatia", "RUS", None),
        ("Khatlon", "TJK", None),
        ("Abkhazia", "GEO", None),
        # a region the layer holds, by a spelling of its own: that region
        ("Adygea", "RUS", "Adygey"),
    ],
)
def test_a_region_by_its_bare_name_is_that_region(name, country, admin1):
    result = geocode(name, country="RUS")
    assert (result.status, result.country, result.admin1) == ("resolved", country, admin1)


@pytest.mark.parametrize("name", ["Orenburg", "Minsk", "Pskov"])
def test_a_town_of_a_regions_name_stays_the_town(name):
    assert geocode(name, country="RUS").kind in ("town", "city")


@pytest.mark.parametrize("name", ["Pacific", "Lori", "Georgia"])
def test_no_bare_region_for_short_or_country_names_or_other_words(name):
    result = geocode(name, country="RUS")
    assert result.status == "unresolved" or (result.kind == "country" and result.country != "RUS")


def test_a_list_of_bare_regions_is_each_region(extractor):
    text = "Russian motor rifle units began tactical drills in Kalmykia, Dagestan and Adygea on Monday."
    sites = _sites(extractor, text)
    assert ("Adygea", "RUS", "Adygey") in sites
    assert any(country == "RUS" and admin1 is None for _, country, admin1 in sites)
    places = {m.query for m in find_places(text)}
    assert {"Dagestan", "Adygea"} <= places


def test_a_list_of_unknown_names_stays_empty():
    assert [m.query for m in find_places("The drills involved units in Smithton, Fooville and Barford.")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Peace Mission drills will be held at the Chebarkul practice range in August.",
        "Russian troops held drills at the Donguz practice range.",
    ],
)
def test_a_practice_range_is_a_range(extractor, sentence):
    assert any(country == "RUS" for _, country, _ in _sites(extractor, sentence))


def test_a_misspelt_practice_range_is_found_by_its_fuzzy_name():
    result = geocode("the Chebrakul practice range", country="RUS")
    assert (result.status, result.kind, result.country) == ("resolved", "training_ground", "RUS")


@pytest.mark.parametrize(
    "sentence",
    [
        "The drills are also held at Russian military bases in Transnistria and Abkhazia.",
        "Company exercises took place at the Russian military base in Gyumri.",
    ],
)
def test_drills_at_a_countrys_bases_abroad_count_no_host(sentence):
    assert based_abroad([sentence])


@pytest.mark.parametrize(
    "sentence",
    ["Russian troops drilled near the Russian base in Kant.", "The drills at the bases in Abkhazia went on."],
)
def test_a_base_as_a_place_or_no_ones_base_is_no_base_abroad(sentence):
    assert not based_abroad([sentence])


def test_a_national_drill_at_its_bases_abroad_keeps_its_alliance(extractor):
    text = (
        "Russian troops began company tactical exercises in Dagestan and Adygea, "
        "as well as at Russian military bases in Abkhazia, on Tuesday."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [(e.alliance, e.participants) for e in events] == [("national", ("RUS",))]
    assert any(loc.country == "GEO" for loc in events[0].locations)


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Units of Russia's Eastern Military District began drills at ranges in the country's east.", "RUS"),
        ("Belarusian troops held drills in the country's north on Monday.", "BLR"),
        ("Kazakhstan's army began command and staff drills in the country’s south.", "KAZ"),
    ],
)
def test_the_countrys_compass_side_is_that_side_of_the_country_named(extractor, sentence, country):
    sites = _sites(extractor, sentence)
    assert any(text.startswith("the country") and c == country for text, c, _ in sites), sites


def test_the_countrys_side_with_no_country_to_refer_to_is_no_place(extractor):
    sentence = "Russian troops held drills in the country's west."
    assert not any(text.startswith("the country") for text, _, _ in _sites(extractor, sentence))


@pytest.mark.parametrize("name", ["River", "North", "Coast"])
def test_an_english_word_that_iso_names_a_region_far_away_is_no_bare_region(name):
    assert bare_region(normalize_name(name)) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The drills involve ground troops and aviation of Mongolia, Belarus and Russia.", ["MNG", "BLR", "RUS"]),
        ("Forces and aviation from Armenia and Kazakhstan joined the exercise.", ["ARM", "KAZ"]),
    ],
)
def test_troops_and_aviation_of_a_list_take_part(sentence, expected):
    assert [p.iso3 for p in find_parties(sentence) if p.role == "participant"] == expected
