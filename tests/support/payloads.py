"""Hostile values for the output-encoding tests: spreadsheet formulas in text cells, negative numbers."""

from __future__ import annotations

import csv
import io

import geopandas as gpd
from shapely.geometry import Point

from tests.support.export_panel_app import tiny_sites

FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_PLACE = "@SUM(1)"
NEGATIVE_KM = -12.5
NEGATIVE_LON = -3.5


def formula_sites() -> gpd.GeoDataFrame:
    """Return :func:`tiny_sites` whose first site has a formula name and place and negative numbers."""
    sites = tiny_sites().copy()
    first = sites.index[0]
    sites.loc[first, "exercise_name"] = FORMULA_NAME
    sites.loc[first, "place_text"] = FORMULA_PLACE
    sites.loc[first, "distance_to_nato_km"] = NEGATIVE_KM
    sites.loc[first, "geometry"] = Point(NEGATIVE_LON, 55.2658)
    return sites


def assert_formulas_guarded(csv_text: str) -> None:
    """Check the first CSV row: formula text quoted with ``'``, numbers unchanged."""
    row = next(csv.DictReader(io.StringIO(csv_text)))
    assert row["exercise_name"] == "'" + FORMULA_NAME
    assert row["place_text"] == "'" + FORMULA_PLACE
    assert float(row["distance_to_nato_km"]) == NEGATIVE_KM
    assert float(row["lon"]) == NEGATIVE_LON
    assert row["lon"].startswith("-") and row["distance_to_nato_km"].startswith("-")
