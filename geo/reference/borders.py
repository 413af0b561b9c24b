"""Land borders that matter on every map: the Union State's frontier and NATO's borders facing it.

One home for the "facing NATO border" rule: a land boundary line between a NATO member (as of a date)
and Belarus or Russia. The dashboard draws and rings it, the briefing map draws it; both call this.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Final

import geopandas as gpd
import numpy as np

from geo.reference.layers import layer
from geo.reference.membership import members_on

#: The Union State: the side NATO's "facing" borders face.
UNION_STATE: Final[tuple[str, ...]] = ("BLR", "RUS")


@cache
def land_borders() -> gpd.GeoDataFrame:
    """Return the land boundary lines (EPSG:4326) with ``left_iso3`` and ``right_iso3``; sea boundaries dropped."""
    borders = layer("borders")
    return borders[borders["type"].fillna("Land").str.startswith("Land")].reset_index(drop=True)


def facing_mask(left_iso3: gpd.GeoSeries, right_iso3: gpd.GeoSeries, members: frozenset[str]) -> np.ndarray:
    """Return which border lines run between one of ``members`` and Belarus or Russia (either side)."""
    left, right = left_iso3.isin(members), right_iso3.isin(members)
    left_us, right_us = left_iso3.isin(UNION_STATE), right_iso3.isin(UNION_STATE)
    mask: np.ndarray = ((left & right_us) | (right & left_us)).to_numpy(dtype=bool)
    return mask


@cache
def union_state_frontier() -> gpd.GeoDataFrame:
    """Return every land border line with the Union State on exactly one side (EPSG:4326)."""
    borders = land_borders()
    outer = borders["left_iso3"].isin(UNION_STATE) ^ borders["right_iso3"].isin(UNION_STATE)
    return borders[outer.to_numpy()].reset_index(drop=True)


@lru_cache(maxsize=16)
def facing_lines(members: frozenset[str]) -> gpd.GeoDataFrame:
    """Return the land border lines between ``members`` and Belarus/Russia, with ``nato`` and ``other`` ISO3 columns."""
    borders = land_borders()
    lines = borders[facing_mask(borders["left_iso3"], borders["right_iso3"], members)].copy()
    left_is_member = lines["left_iso3"].isin(members).to_numpy()
    lines["nato"] = np.where(left_is_member, lines["left_iso3"], lines["right_iso3"])
    lines["other"] = np.where(left_is_member, lines["right_iso3"], lines["left_iso3"])
    return lines.reset_index(drop=True)


def nato_facing_lines(on: dt.date) -> gpd.GeoDataFrame:
    """Return NATO's land borders with Belarus and Russia on date ``on`` (Finland's from 2023-04-04).

    Parameters
    ----------
    on
        Membership date.

    Returns
    -------
    geopandas.GeoDataFrame
        Lines in EPSG:4326, full precision, with ``nato`` (the member) and ``other`` (BLR or RUS).
    """
    return facing_lines(frozenset(members_on("NATO", on)))
