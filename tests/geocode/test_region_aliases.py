"""Admin-1 regions and countries under the names reports use, not only Natural Earth's."""

from __future__ import annotations

import pytest

from geo.geocode.gazetteer import fold_transliteration, region_groups
from geo.geocode.geocoder import geocode


@pytest.mark.parametrize(
    ("phrase", "country", "code"),
    [
        ("the Pskov region", "RUS", "RU-PSK"),
        ("Leningrad regions", "RUS", "RU-LEN"),
        ("Pskovskaya oblast'", "RUS", "RU-PSK"),
        ("Mazovian voivodeship", "POL", "PL-14"),
        ("Masovian Voivodeship", "POL", "PL-14"),
        ("Mazowieckie", "POL", None),  # no region word: not read as a region
        ("Vilnius county", "LTU", "LT-VL"),
        ("Kaunas county", "LTU", "LT-KU"),
        ("Ida-Viru county", "EST", "EE-44"),
    ],
)
def test_region_spellings_reports_use(phrase: str, country: str, code: str | None) -> None:
    result = geocode(phrase, country=country)
    assert result.gazetteer_id == code
    if code is not None:
        assert (result.kind, result.country) == ("region", country)


def test_a_lithuanian_county_is_the_union_of_its_municipalities() -> None:
    assert len(region_groups()["LT-VL"]) == 8
    county = geocode("Vilnius county", country="LTU")
    city = geocode("Vilnius", country="LTU")
    assert county.geometry is not None and city.geometry is not None
    assert county.geometry.contains(city.geometry)
    assert "8 municipalities" in county.explanation


def test_transliteration_fold_joins_variants_and_keeps_names_apart() -> None:
    assert fold_transliteration("mazovian") == fold_transliteration("masovian")
    assert fold_transliteration("kaunas") == fold_transliteration("kauno")
    assert fold_transliteration("pskov") != fold_transliteration("tver")


@pytest.mark.parametrize(
    ("phrase", "iso3"),
    [
        ("the territory of the Russian Federation", "RUS"),
        ("Belarusian territory", "BLR"),
        ("the Republic of Belarus", "BLR"),
        ("the Republic of Kazakhstan", "KAZ"),
        ("Russian territory", "RUS"),
    ],
)
def test_countries_as_reports_frame_them(phrase: str, iso3: str) -> None:
    result = geocode(phrase)
    assert (result.kind, result.country) == ("country", iso3)


@pytest.mark.parametrize("phrase", ["the Republic of Atlantis", "Martian territory", "Belarusian"])
def test_frames_around_no_country_stay_unresolved(phrase: str) -> None:
    assert geocode(phrase).kind != "country"
