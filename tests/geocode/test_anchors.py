"""Places the gazetteer lacks, placed by the town the report itself anchors them to (geo.geocode.anchors)."""

from __future__ import annotations

import pytest
from pyproj import Geod

from geo.geocode.anchors import ANCHOR_RADIUS_KM, anchors
from geo.geocode.geocoder import geocode

GEOD = Geod(ellps="WGS84")


@pytest.mark.parametrize(
    ("phrase", "anchor", "kind"),
    [
        ("Korzeniewo (near Kwidzyn, ~100 km S of Gdańsk)", "Kwidzyn", "near"),
        ("Stašėnai (Jonava distr.)", "Jonava", "district"),
        ("a village in the Lida district", "Lida", "district"),
        ("17th Mech Bde range Międzyrzecz", "Międzyrzecz", "range"),
        ("the training ground at Adazi", "Adazi", "range"),
        ("the Dorogobuzh training ground", "Dorogobuzh", "range"),
    ],
)
def test_anchors_are_read_from_the_phrase(phrase: str, anchor: str, kind: str) -> None:
    found = anchors(phrase)
    assert found and found[0].name == anchor and found[0].kind == kind


@pytest.mark.parametrize(
    ("phrase", "country", "town_lon_lat", "kind"),
    [
        ("Korzeniewo (near Kwidzyn, ~100 km S of Gdańsk)", "POL", (18.93114, 53.72495), "near"),
        ("Stašėnai (Jonava distr.)", "LTU", (24.27544, 55.08014), "district"),
        ("17th Mech Bde range Międzyrzecz", "POL", (15.57801, 52.44461), "range"),
        # a range the training-grounds data lacks, called by its town's own name
        ("the Dorogobuzh training ground", "RUS", (33.29877, 54.91511), "range"),
    ],
)
def test_an_anchored_place_sits_on_its_town_with_the_anchor_radius(phrase, country, town_lon_lat, kind) -> None:
    result = geocode(phrase, country=country)
    assert result.status == "resolved" and result.country == country
    assert result.precision == "area" and result.confidence == "low"
    assert result.precision_km == ANCHOR_RADIUS_KM[kind]
    _, _, metres = GEOD.inv(result.lon, result.lat, *town_lon_lat)
    assert metres < 100  # the town's own GeoNames point: never a guessed point of the village
    assert "report's own anchor" in result.explanation


@pytest.mark.parametrize("phrase", ["Atlantis (near Nowhere)", "the Foo district", "near the sea"])
def test_an_anchor_that_names_no_known_town_leaves_the_phrase_unresolved(phrase: str) -> None:
    assert geocode(phrase).status == "unresolved"


def test_an_adjectival_range_name_is_the_range_never_the_town_it_sounds_like() -> None:
    # "the Kirillovsky training ground" is the curated range in Leningrad Oblast, not the town of Kirillov
    result = geocode("the Kirillovsky training ground", country="RUS")
    assert (result.kind, result.gazetteer_id) == ("training_ground", "ru_tg_kirillovsky"), result.explanation


def test_a_capital_outside_the_regional_gazetteer_comes_from_natural_earth() -> None:
    result = geocode("Stockholm", country=None)
    assert result.status == "resolved" and result.country == "SWE" and result.kind == "town"
    assert "Natural Earth" in result.explanation and result.precision_km == 10.0
