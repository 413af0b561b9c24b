"""Rivers named as sites: the river's course in the context country, as a band, never a point."""

from __future__ import annotations

import geopandas as gpd
import shapely

from geo.core import settings
from geo.geocode.features import RIVER_BAND_KM, is_river
from geo.geocode.geocoder import geocode
from geo.reference.layers import country_polygon


def test_a_river_is_a_band_along_its_course_within_the_country() -> None:
    result = geocode("the Mukhavyets river", country="BLR")
    assert (result.status, result.country, result.admin1, result.confidence) == ("resolved", "BLR", "Brest", "low")
    assert result.geometry is not None and result.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert result.geometry.buffer(-1e-6).within(country_polygon("BLR").iloc[0].buffer(1e-6))
    # A band RIVER_BAND_KM either side: its area is about twice that times the course's length in Belarus.
    metric = gpd.GeoSeries([result.geometry], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]
    assert 2 * RIVER_BAND_KM * 40 < metric.area / 1e6 < 2 * RIVER_BAND_KM * 200  # km²; the course is ~100 km


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
