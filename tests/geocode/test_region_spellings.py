"""Region phrases spelt unlike the admin-1 layer, and republics (issue 14), on made-up phrases."""

from __future__ import annotations

import pytest

from geo.geocode.geocoder import geocode


@pytest.mark.parametrize(
    ("phrase", "country", "admin1"),
    [
        ("the Lobusz Voivodeship", "POL", "Lubusz"),  # a vowel shifted; voivodeship says Poland
        ("the Podlasie voivodeship", "POL", "Podlachian"),  # the Polish name, folded ("podlask")
        ("the Qwerty voivodeship", None, None),  # no region of Poland: unresolved, never guessed
        ("Kaliningrad krai", "RUS", "Kaliningrad"),
    ],
)
def test_national_region_words_and_vowel_shifts(phrase: str, country: str | None, admin1: str | None) -> None:
    result = geocode(phrase, country="BLR")
    assert (result.country, result.admin1) == (country, admin1), result.explanation


def test_the_vowel_blind_match_needs_a_single_region() -> None:
    # "Mensk" and "Minsk" share consonants, and so do nothing else in Belarus: the Minsk region, not the city.
    result = geocode("the Mensk region", country="BLR")
    assert result.status == "resolved" and result.country == "BLR"
    assert geocode("the Xyz region", country="BLR").status == "unresolved"


def test_a_republic_that_is_not_a_country_is_a_region() -> None:
    assert geocode("the Republic of Karelia", country="BLR").admin1 == "Karelia"
    tatarstan = geocode("the Republic of Tatarstan", country="BLR")  # outside the admin-1 layer
    assert (tatarstan.country, tatarstan.confidence) == ("RUS", "low")
    assert geocode("the Republic of Belarus", country=None).kind == "country"


def test_a_central_asian_region_outside_the_layer_is_its_country() -> None:
    # ISO 3166-2 writes Kazakhstan's regions "X oblysy"; the region word goes, as "oblast" does.
    for phrase in ("the Zhambyl region", "Zhambyl oblast", "the Almaty region"):
        result = geocode(phrase, country="BLR")
        assert (result.country, result.kind, result.confidence) == ("KAZ", "country", "low"), result.explanation


@pytest.mark.parametrize(
    ("phrase", "admin1"),
    [
        ("Kaunas district", "Kauno rajono savivaldybė"),  # the district municipality, not the city's
        ("the Alytus district municipality", "Alytaus rajono savivaldybė"),
    ],
)
def test_a_lithuanian_district_is_its_district_municipality(phrase: str, admin1: str) -> None:
    result = geocode(phrase, country="LTU")
    assert (result.country, result.admin1, result.kind) == ("LTU", admin1, "region"), result.explanation


def test_a_district_anchored_to_a_lacinka_town_name_finds_the_town() -> None:
    # "Liepiel" (Łacinka) is GeoNames' Lyepyel' / Lepel: the district is placed on it, with a wide radius.
    result = geocode("Liepiel district", country="BLR")
    assert (result.country, result.admin1, result.confidence) == ("BLR", "Vitebsk", "low"), result.explanation
    assert geocode("Qqqzzz district", country="BLR").status == "unresolved"
