"""Where the map opens: Belarus and its neighbours, and the bounds of every site for "Show all sites".

The default view is the region the product is about, not the envelope of the sites: one far site (the
Mulino range, about 43° E) would otherwise push Belarus to the left edge over an empty Russia. Sites
outside that region are counted and named (:func:`outside_note`) so the page can say what the view leaves
out, and the map carries a one-click control to fit every site (:class:`geo.maps.controls.ViewControl`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeAlias

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box

from geo.catalog.sites import located
from geo.core.counts import counted
from geo.core.crs import bounds_latlon
from geo.maps.reference import VIEW_BBOX

__all__ = ["REGION_BBOX", "Bounds", "MapView", "map_view", "outside_note", "sites_bounds", "sites_outside"]

#: ``((south, west), (north, east))``: folium-order (lat, lon) corners.
Bounds: TypeAlias = tuple[tuple[float, float], tuple[float, float]]

#: Belarus and its neighbours (lon_min, lat_min, lon_max, lat_max): Warsaw and Kaliningrad to Smolensk,
#: Kyiv to Riga. The map opens on this box unless no drawn site lies inside it.
REGION_BBOX: Final[tuple[float, float, float, float]] = (20.5, 50.0, 33.5, 57.3)


@dataclass(frozen=True)
class MapView:
    """The map's opening view and, when some sites lie outside it, the bounds of every site.

    Attributes
    ----------
    bounds
        The view the map opens on (folium order).
    all_sites
        Bounds of every drawn site, or None when the opening view already shows them all.
    """

    bounds: Bounds
    all_sites: Bounds | None


def _region_bounds() -> Bounds:
    sw, ne = bounds_latlon(*REGION_BBOX)
    return sw, ne


def _placed(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Drawn sites more precise than a whole country (a "Russia" site is in every view and in none)."""
    drawn = located(sites)
    return drawn[(drawn["precision"].astype(str) != "country").to_numpy()]


def sites_outside(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Return the drawn sites, more precise than a country, that do not touch :data:`REGION_BBOX`.

    Parameters
    ----------
    sites
        A sites frame (EPSG:4326).

    Returns
    -------
    geopandas.GeoDataFrame
        The rows of ``sites`` outside the opening view.
    """
    placed = _placed(sites)
    if placed.empty:
        return placed
    return placed[~shapely.intersects(placed.geometry.values, box(*REGION_BBOX))]


def sites_bounds(sites: gpd.GeoDataFrame) -> Bounds | None:
    """Return the ``((south, west), (north, east))`` bounds of every drawn site.

    Parameters
    ----------
    sites
        A sites frame (EPSG:4326).

    Returns
    -------
    tuple or None
        Folium-order (lat, lon) corners, or None when no site has a geometry. Whole-country sites only
        count when nothing more precise is drawn (a "Russia" site would otherwise zoom the map out to
        the Urals), and geometries are clipped to :data:`geo.maps.reference.VIEW_BBOX`.
    """
    drawn = located(sites)
    if drawn.empty:
        return None
    precise = _placed(sites)
    geoms = (precise if not precise.empty else drawn).geometry.values
    # Bounds of each geometry's envelope clipped to the view area: cheap even for 10 m country polygons.
    lon_min, lat_min, lon_max, lat_max = VIEW_BBOX
    env = shapely.bounds(geoms)
    west, south = np.maximum(env[:, 0], lon_min), np.maximum(env[:, 1], lat_min)
    east, north = np.minimum(env[:, 2], lon_max), np.minimum(env[:, 3], lat_max)
    inside = (west <= east) & (south <= north)
    if not inside.any():
        return None
    sw, ne = bounds_latlon(
        float(west[inside].min()), float(south[inside].min()), float(east[inside].max()), float(north[inside].max())
    )
    return sw, ne


def map_view(sites: gpd.GeoDataFrame) -> MapView:
    """Return the opening view: Belarus and its neighbours, or every site when none is in that region.

    Parameters
    ----------
    sites
        The (filtered) sites frame drawn on the map (EPSG:4326).

    Returns
    -------
    MapView
        The region with the bounds of every site when some lie outside it; the sites' bounds alone when
        every precise site lies outside the region; the region alone when nothing is drawn.
    """
    region = _region_bounds()
    if "precision" in sites.columns:  # the only column read: copies of two columns, not of every one
        sites = sites[["precision", sites.geometry.name]]
    everything = sites_bounds(sites)
    if everything is None:
        return MapView(region, None)
    placed = _placed(sites)
    outside = sites_outside(sites)
    if len(placed) and len(outside) == len(placed):
        return MapView(everything, None)
    return MapView(region, everything if len(outside) else None)


def outside_note(sites: gpd.GeoDataFrame, *, limit: int = 3) -> str | None:
    """Return a sentence naming the sites the opening view leaves out (None when it shows them all).

    Parameters
    ----------
    sites
        The (filtered) sites frame drawn on the map.
    limit
        How many places to name before "and N more".

    Returns
    -------
    str or None
        Plain text naming the farthest places first, e.g. "The map opens on Belarus and its neighbours;
        1 site lies outside (Mulino): use "Show all sites" at the map's top left."
    """
    if map_view(sites).all_sites is None:
        return None
    outside = sites_outside(sites)
    # Farthest first (degrees are fine for an order): the places that most change the view are named.
    far = np.argsort(-shapely.distance(outside.geometry.values, box(*REGION_BBOX)), kind="stable")
    places = list(dict.fromkeys(str(p) for p in outside["place_text"].iloc[far]))
    named = ", ".join(places[:limit])
    if len(places) > limit:
        named += f" and {counted(len(places) - limit, 'more place')}"
    verb = "lies" if len(outside) == 1 else "lie"
    return (
        f"The map opens on Belarus and its neighbours; {counted(len(outside), 'site')} {verb} outside ({named}): "
        "use “Show all sites” at the map's top left."
    )
