"""Rivers named as sites: the river's course in the context country, as a band, never a point."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from geo.core import settings
from geo.geocode.features import is_river
from geo.geocode.geocoder import geocode
from geo.reference.layers import country_polygon


def test_a_river_is_a_band_along_its_course_within_the_country() -> None:
    result = geocode("the Mukhavyets river", country="BLR")
    assert (result.status, result.country, result.admin1, result.confidence) == ("resolved", "BLR", "Brest", "low")
    assert result.geometry is not None and result.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert result.geometry.buffer(-1e-6).within(country_polygon("BLR").iloc[0].buffer(1e-6))
    # A band river_corridor_km either side: its area is about twice that times the course's length in Belarus.
    band_km = settings.SETTINGS["river_corridor_km"].default
    metric = gpd.GeoSeries([result.geometry], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]
    assert 2 * band_km * 40 < metric.area / 1e6 < 2 * band_km * 200  # km²; the course is ~100 km


def test_a_river_across_several_regions_names_none() -> None:
    result = geocode("the river Berezina", country="BLR")  # Natural Earth writes it Byarezina
    assert (result.status, result.country, result.admin1) == ("resolved", "BLR", None)
    assert "across" in result.explanation


def test_a_river_outside_the_country_or_the_layer_stays_unresolved() -> None:
    assert geocode("the Vistula river", country="BLR").status == "unresolved"  # never guessed into Belarus
    assert geocode("the Vistula river", country="POL").country == "POL"
    assert geocode("the Zorvaska river", country="BLR").status == "unresolved"
    assert is_river("Neman") and is_river("Byarezina") and not is_river("Club")


def test_a_river_band_contains_the_river_and_not_far_from_it() -> None:
    band = geocode("the Sozh river", country="BLR").geometry
    assert band is not None
    assert band.contains(shapely.Point(31.0, 52.42))  # the Sozh at Gomel
    assert not band.contains(shapely.Point(27.56, 53.9))  # Minsk


def _metric(geom: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geom], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]


@pytest.mark.parametrize("phrase", ["the Neman", "the Neman river", "the river Nemunas", "river Nyoman"])
def test_a_river_is_its_course_in_the_context_country_with_stated_width(phrase: str) -> None:
    result = geocode(phrase, country="LTU")
    assert (result.status, result.kind, result.country, result.confidence) == ("resolved", "region", "LTU", "low")
    corridor = result.geometry
    assert corridor is not None
    lithuania = country_polygon("LTU").iloc[0]
    assert corridor.difference(lithuania.buffer(1e-6)).area < 1e-9  # only the Lithuanian course
    half_width_m = settings.SETTINGS["river_corridor_km"].default * 1000.0
    smalininkai = shapely.Point(22.58, 55.075)  # a village on the Neman's Lithuanian bank
    assert corridor.contains(smalininkai)
    width_m = _metric(corridor).area / max(_metric(corridor).length / 2.0, 1.0)
    assert 0.8 * half_width_m < width_m < 2.2 * half_width_m  # a band of the stated width, not a blob
    assert "river_corridor_km" in result.explanation


def test_a_river_without_its_article_or_the_word_river_is_the_town() -> None:
    result = geocode("Neman", country="RUS")
    assert (result.kind, result.country, result.admin1) == ("town", "RUS", "Kaliningrad")


def test_a_river_outside_the_context_country_is_left_to_other_rules() -> None:
    # Natural Earth names no Neman course in Belarus, so no band is made up there.
    assert "river:" not in geocode("the Neman", country="BLR").explanation


def test_the_catalog_river_crossing_is_in_lithuania_not_the_russian_town() -> None:
    from geo.catalog.sites import sites_frame

    sites = sites_frame()
    row = sites[(sites.exercise_id == "saber-strike-2018") & (sites.place_text == "the Neman")].iloc[0]
    assert (row.site_country, row.site_kind) == ("LTU", "region")


def test_a_river_by_its_article_alone_needs_a_country_or_is_left_to_the_town_rule() -> None:
    assert geocode("the Narva", country=None).kind == "town"  # no country to place a river in
    assert geocode("the Narva river", country=None).status == "unresolved"
