"""Compass regions follow the geometry: thirds of the country's extent, the same rule for every country."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pytest
import shapely

from geo.core import settings
from geo.geocode.areas import compass_region, local_metric_crs, shared_border
from geo.geocode.distance import distance_to_nato
from geo.geocode.geocoder import geocode
from geo.reference.layers import country_polygon

SEED_003_DATE = dt.date(2022, 10, 15)


def _metric(geom: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geom], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]


def _km(a: shapely.Geometry, b: shapely.Geometry) -> float:
    return float(_metric(a).distance(_metric(b))) / 1000.0


def _km_to(geom: shapely.Geometry, iso3: str) -> float:
    return float(_metric(geom).distance(_metric(country_polygon(iso3).iloc[0]))) / 1000.0


def test_seed_003_camps_lie_well_away_from_every_nato_border() -> None:
    result = geocode("the eastern and central part of the country")
    assert result.geometry is not None
    for member in ("POL", "LTU", "LVA"):
        assert _km_to(result.geometry, member) > 50.0, member
    measured = distance_to_nato(result.geometry, SEED_003_DATE)
    assert measured is not None and measured.relation == "outside"
    assert measured.distance_km > 50.0


def test_eastern_belarus_no_longer_reaches_the_lithuanian_border() -> None:
    result = geocode("eastern Belarus")
    assert result.geometry is not None and result.confidence == "low"
    assert _km_to(result.geometry, "LTU") > 150.0 and _km_to(result.geometry, "LVA") > 100.0
    assert _km_to(result.geometry, "RUS") < 1.0  # it does reach the Russian border


def test_western_belarus_still_touches_poland_and_lithuania() -> None:
    result = geocode("western Belarus")
    assert result.geometry is not None
    assert _km_to(result.geometry, "POL") < 0.1 and _km_to(result.geometry, "LTU") < 0.1
    assert _km(result.geometry, shared_border("BLR", ("RUS",))) > 150.0  # the Russian border, not Kaliningrad


@pytest.mark.parametrize(
    ("phrase", "country", "inside", "outside"),
    [
        ("southern Lithuania", "LTU", ["Alytus", "Druskininkai"], ["Šiauliai", "Panevėžys"]),
        ("SE Estonia", "EST", ["Võru", "Põlva"], ["Tallinn", "Pärnu", "Narva"]),
        ("NE Estonia", "EST", ["Sillamäe", "Jõhvi"], ["Tallinn", "Võru"]),
        ("N/NE Estonia", "EST", ["Rakvere", "Sillamäe"], ["Võru", "Valga"]),
        ("northern Latvia", "LVA", ["Valmiera", "Limbaži"], ["Daugavpils", "Jelgava"]),
    ],
)
def test_compass_regions_work_for_every_country(
    phrase: str, country: str, inside: list[str], outside: list[str]
) -> None:
    result = geocode(phrase, country=country)
    assert (result.status, result.kind, result.country) == ("resolved", "region", country)
    assert result.geometry is not None and "grid of thirds" in result.explanation
    for town in inside:
        assert result.geometry.contains(geocode(town, country=country).geometry), town
    for town in outside:
        assert not result.geometry.contains(geocode(town, country=country).geometry), town


def test_compass_region_names_its_country_over_the_context() -> None:
    # "southern Lithuania" in a Belarus report is still Lithuania.
    assert geocode("southern Lithuania", country="BLR").country == "LTU"


def test_bands_are_thirds_of_the_extent_in_metres() -> None:
    crs = local_metric_crs("BLR")
    x0, _, x1, _ = country_polygon("BLR").to_crs(crs).iloc[0].bounds
    east = gpd.GeoSeries([compass_region("BLR", ("east",))], crs=settings.STORAGE_CRS).to_crs(crs).iloc[0]
    assert east.bounds[0] == pytest.approx(x0 + 2 * (x1 - x0) / 3, abs=1.0)
    west, centre = compass_region("BLR", ("west",)), compass_region("BLR", ("centre",))
    assert not _metric(west).intersects(_metric(centre).buffer(-1.0))
    assert compass_region("BLR", ("nowhere",)).is_empty


def test_a_border_phrase_stays_a_border_strip() -> None:
    result = geocode("the eastern border", country="POL")
    assert result.kind == "border_zone" and "BLR, UKR" in result.explanation


@pytest.mark.parametrize("phrase", ["Western Military District", "the south", "eastern Europe"])
def test_compass_words_without_a_country_are_no_compass_region(phrase: str) -> None:
    assert "grid of thirds" not in geocode(phrase).explanation


def test_belarusian_balcony_in_the_south_is_southern_belarus() -> None:
    result = geocode('in the south — the "Belarusian balcony"')
    assert result.country == "BLR" and result.geometry is not None
    assert result.geometry.contains(geocode("Gomel").geometry)
    assert not result.geometry.intersects(geocode("Vitebsk").geometry)
