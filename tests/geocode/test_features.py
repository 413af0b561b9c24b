"""Seas and corridors: documented geometries from the reference layers, never points."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from geo.core import settings
from geo.geocode.areas import shared_border
from geo.geocode.geocoder import geocode
from geo.reference.layers import country_polygon


def _metric(geom: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geom], crs=settings.STORAGE_CRS).to_crs(settings.METRIC_CRS).iloc[0]


@pytest.mark.parametrize("phrase", ["Baltic Sea", "the Baltic Sea", "in the Baltic"])
def test_baltic_sea_is_the_water_between_the_coasts(phrase: str) -> None:
    result = geocode(phrase, country="SWE")
    assert (result.status, result.kind, result.confidence) == ("resolved", "region", "low")
    sea = result.geometry
    assert sea is not None
    assert 300_000 < _metric(sea).area / 1e6 < 450_000  # km²; HELCOM gives ~377,000 with the Kattegat
    for lon, lat in [(20.0, 56.0), (24.0, 59.7), (20.5, 63.0), (23.8, 57.6)]:  # open sea, Gulfs, Riga
        assert sea.contains(shapely.Point(lon, lat)), (lon, lat)
    assert not sea.contains(shapely.Point(11.5, 57.0))  # the Kattegat is not the Baltic
    for iso3 in ("SWE", "FIN", "EST", "LVA", "LTU", "POL", "DEU", "RUS"):
        land = country_polygon(iso3).iloc[0]
        assert not sea.buffer(-0.01).intersects(land.buffer(-0.01)), iso3  # water only
        assert _metric(sea).distance(_metric(land)) < 1.0, iso3  # bounded by its coast


def test_baltic_states_are_not_the_sea() -> None:
    assert "sea:" not in geocode("the Baltic states").explanation


@pytest.mark.parametrize("phrase", ["Suwałki-gap", "the Suwalki Gap", "the Suwałki corridor"])
def test_suwalki_gap_is_the_poland_lithuania_border_with_stated_width(phrase: str) -> None:
    result = geocode(phrase, country="POL")
    assert (result.kind, result.confidence) == ("border_zone", "low")
    gap = result.geometry
    line = shared_border("POL", ("LTU",))
    assert gap is not None and result.border_line is not None
    assert _metric(gap).intersects(_metric(line))
    depth_m = settings.SETTINGS["border_strip_depth_km"].default * 1000.0
    assert _metric(gap).hausdorff_distance(_metric(line)) <= depth_m + 500.0
    for iso3 in ("POL", "LTU"):
        assert gap.intersection(country_polygon(iso3).iloc[0]).area > 0.05, iso3
    assert not gap.buffer(-0.001).intersects(country_polygon("BLR").iloc[0])
