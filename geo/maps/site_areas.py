"""Display shapes of site areas (oblasts, border strips, countries) for the map, each computed once per geometry.

Stored geometries are WGS84 (EPSG:4326); each distinct area is simplified in EPSG:3035 to
:data:`SITE_SIMPLIFY_M` metres, clipped and rounded by :func:`geo.maps.reference.display_geometry`, and kept
per (CRS, WKB) in a bounded cache shared by every map of the process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Final

import geopandas as gpd
import pyproj
import shapely
from shapely.geometry import mapping

from geo.core import settings
from geo.maps.reference import display_geometry

__all__ = ["SITE_SIMPLIFY_M", "area_geometries", "display_mappings"]

#: Simplification of site areas for display (metres): below a pixel at the zooms regions are read at.
SITE_SIMPLIFY_M = 500.0


def area_geometries(areas: gpd.GeoSeries) -> tuple[list[int], list[dict[str, Any]]]:
    """Deduplicate area geometries (by WKB) and simplify each distinct one once."""
    # Sites of one area usually share the geometry object itself: write each object's WKB once.
    geoms = areas.to_numpy()
    by_object: dict[int, int] = {}
    for i, g in enumerate(geoms):
        by_object.setdefault(id(g), i)
    wkb_of = dict(zip(by_object, shapely.to_wkb(geoms[list(by_object.values())]), strict=True))
    first: dict[bytes, int] = {}
    refs: list[int] = []
    for g in geoms:
        refs.append(first.setdefault(wkb_of[id(g)], len(first)))
    return refs, display_mappings(list(first), areas.crs or settings.STORAGE_CRS)


#: Display GeoJSON of site areas already simplified, by (CRS, WKB): the same few dozen areas (oblasts, border
#: strips, countries) recur in every selection, and projecting and simplifying them is most of a map's build.
_DISPLAY: OrderedDict[tuple[str, bytes], dict[str, Any]] = OrderedDict()
_DISPLAY_ENTRIES: Final = 4096
_DISPLAY_LOCK = threading.Lock()


def display_mappings(wkbs: list[bytes], crs: Any) -> list[dict[str, Any]]:
    """The display GeoJSON of each area (by WKB): simplified in EPSG:3035, clipped and rounded, once per area.

    Keyed by the whole WKB and the CRS, so a cached answer is always that of the same geometry; the
    mappings are shared by every map that shows the area and read only (:func:`delta_geometry` copies).
    """
    crs_key = pyproj.CRS.from_user_input(crs).to_string()
    keys = [(crs_key, wkb) for wkb in wkbs]
    with _DISPLAY_LOCK:
        found = {k: _DISPLAY[k] for k in keys if k in _DISPLAY}
    missing = [k for k in keys if k not in found]
    if missing:
        unique = gpd.GeoSeries(shapely.from_wkb([wkb for _, wkb in missing]), crs=crs)
        shown = display_geometry(unique, tolerance_m=SITE_SIMPLIFY_M)
        new = {
            k: mapping(g) if g is not None else {"type": "Polygon", "coordinates": []}
            for k, g in zip(missing, shown, strict=True)
        }
        found.update(new)
        with _DISPLAY_LOCK:
            _DISPLAY.update(new)
            while len(_DISPLAY) > _DISPLAY_ENTRIES:
                _DISPLAY.popitem(last=False)
    return [found[k] for k in keys]
