"""Read the committed reference layers in ``data/`` (built by :mod:`geo.reference.build`).

Each loader reads its file once per process (``functools.cache``) and returns the shared object:
callers must not modify it in place (``.copy()`` first). All layers are EPSG:4326 (lon, lat).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.core import settings
from geo.core.errors import ReferenceDataError

#: Layer name -> (file under data/reference, required columns).
LAYERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "countries": ("countries.geojson", ("iso3", "iso2", "name", "name_ru", "label_lon", "label_lat")),
    "countries_display": ("countries_display.geojson", ("iso3", "iso2", "name")),
    "borders": ("borders.geojson", ("left_iso3", "right_iso3", "name", "type")),
    "admin1": ("admin1.geojson", ("name", "iso_3166_2", "iso3")),
    "admin1_display": ("admin1_display.geojson", ("name", "iso_3166_2", "iso3")),
    "rivers": ("rivers.geojson", ("name", "scalerank")),
    "river_courses": ("river_courses.geojson", ("name", "name_en", "scalerank")),
    "lakes": ("lakes.geojson", ("name", "scalerank")),
    "countries_overview": ("countries_overview.geojson", ("iso3", "name")),
}


def _require(path: Path) -> Path:
    if not path.exists():
        msg = f"reference file {str(path)!r} is missing; rebuild it with `make reference`"
        raise ReferenceDataError(msg)
    return path


#: CRS names a GeoJSON ``crs`` member may give for lon/lat on WGS 84 (RFC 7946 files have no member).
_WGS84_NAMES = frozenset({"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"})


def read_geojson(path: Path) -> gpd.GeoDataFrame:
    """Read a GeoJSON FeatureCollection with ``json`` and shapely, not GDAL.

    The same frame as ``gpd.read_file`` (columns, values, geometries; integer columns are int64) without
    loading GDAL: pyogrio and its drivers add about 50 MB to a dashboard server that only reads these
    files. A ``crs`` member other than WGS 84 lon/lat is kept, so :func:`layer` rejects the file.
    """
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    crs_name = (data.get("crs") or {}).get("properties", {}).get("name", "EPSG:4326")
    crs = "EPSG:4326" if crs_name in _WGS84_NAMES else crs_name
    features = data.get("features") or []
    columns = list(dict.fromkeys(k for f in features for k in (f.get("properties") or {})))
    gdf = gpd.GeoDataFrame.from_features(features, crs=crs, columns=[*columns, "geometry"])
    return gdf[[*columns, "geometry"]]


@cache
def layer(name: str) -> gpd.GeoDataFrame:
    """Return reference layer ``name`` (see :data:`LAYERS`) as a GeoDataFrame in EPSG:4326.

    Raises
    ------
    ReferenceDataError
        If the name is unknown, the file is missing, or required columns or the CRS are wrong.
    """
    if name not in LAYERS:
        msg = f"unknown reference layer {name!r}; known: {sorted(LAYERS)}"
        raise ReferenceDataError(msg)
    file_name, columns = LAYERS[name]
    gdf = read_geojson(_require(settings.DATA_DIR / "reference" / file_name))
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        msg = f"reference layer {file_name!r} lacks columns {missing}"
        raise ReferenceDataError(msg)
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        msg = f"reference layer {file_name!r} must be EPSG:4326, got {gdf.crs}"
        raise ReferenceDataError(msg)
    return gdf


@cache
def table(name: str) -> pd.DataFrame:
    """Return a reference table: ``gazetteer``, ``reference_places``, ``reference_cities``, ranges or members."""
    candidates = {
        "gazetteer": settings.DATA_DIR / "places" / "gazetteer.csv",
        "reference_places": settings.DATA_DIR / "places" / "reference_places.csv",
        "reference_cities": settings.DATA_DIR / "places" / "reference_cities.csv",
        "training_grounds": settings.DATA_DIR / "places" / "training_grounds.csv",
        "training_grounds_curated": settings.DATA_DIR / "places" / "training_grounds_curated.csv",
        "nato_members": settings.DATA_DIR / "membership" / "nato_members.csv",
        "csto_members": settings.DATA_DIR / "membership" / "csto_members.csv",
        "union_state_members": settings.DATA_DIR / "membership" / "union_state_members.csv",
    }
    if name not in candidates:
        msg = f"unknown reference table {name!r}; known: {sorted(candidates)}"
        raise ReferenceDataError(msg)
    return pd.read_csv(_require(candidates[name]), dtype=str, keep_default_na=False)


def country_polygon(iso3: str) -> gpd.GeoSeries:
    """Return the full-detail polygon of country ``iso3`` as a one-row GeoSeries (EPSG:4326)."""
    countries = layer("countries")
    rows = countries[countries["iso3"] == iso3]
    if rows.empty:
        msg = f"country {iso3!r} is not in the reference countries layer"
        raise ReferenceDataError(msg)
    return rows.geometry
