"""The briefing map's reference geography: countries, alliance tints, water, oblasts and NATO's frontier.

:func:`basemap` projects, cuts and simplifies the reference layers once per process (``functools.cache``);
:func:`draw_basemap` then only clips them to a view. Membership is always drawn for one date, the
selection's as-of date (:attr:`geo.query.selection.Selection.period_end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import shapely
from matplotlib.axes import Axes
from shapely.geometry.base import BaseGeometry

from geo.briefing.paths import add_path, clip, line_path, polygon_path
from geo.briefing.projection import FRAME, SIMPLIFY_M, SOURCE_BOX, View, padded, project, to_map
from geo.briefing.style import COUNTRY_EDGE, CSTO_ALPHA, CSTO_TINT, LAND, NATO_ALPHA, OBLAST_EDGE, SEA, WATER_LINE, rgba
from geo.core import derived
from geo.core.symbology import NATO_FILL, NATO_LINE
from geo.reference.borders import facing_mask, union_state_frontier
from geo.reference.layers import layer, table
from geo.reference.membership import members_on


@dataclass(frozen=True)
class Basemap:
    """Reference layers projected to :data:`MAP_CRS`, cut to :data:`FRAME` and simplified."""

    iso3: np.ndarray
    countries: np.ndarray
    country_names: dict[str, str]
    country_labels: pd.DataFrame  # name, x, y
    frontier_pairs: pd.DataFrame
    frontier: np.ndarray
    oblast_names: list[str]
    oblasts: np.ndarray
    rivers: np.ndarray
    river_widths: np.ndarray
    lakes: np.ndarray
    inset_countries: np.ndarray
    inset_iso3: np.ndarray
    places: pd.DataFrame  # name, rank, x, y (metres): the reference places, most important first


def _prepare(geoms: Iterable[BaseGeometry | None], tolerance_m: float) -> np.ndarray:
    clipped = shapely.clip_by_rect(np.asarray(list(geoms), dtype=object), *SOURCE_BOX)
    projected = shapely.clip_by_rect(project(clipped), *FRAME)
    simplified = shapely.simplify(projected, tolerance_m, preserve_topology=True)
    return np.asarray(shapely.make_valid(simplified), dtype=object)


@cache
def basemap() -> Basemap:
    """Return the prepared reference layers: built once per code and reference data, then read from disk.

    Reading six GeoJSON layers, projecting, cutting and simplifying them takes a few tenths of a second;
    every CLI process drawing a map needs the same result. It is therefore kept in the derived cache
    (:func:`geo.core.derived.prepared`, keyed by the code, the reference data and the settings) as WKB and
    columns, and decoded exactly (tests/briefing/test_basemap_cache.py).
    """
    return _decode(derived.prepared("briefing_basemap", lambda: _encode(_build())))


def _build() -> Basemap:
    """Prepare the reference layers (every render then only clips them)."""
    countries = layer("countries_display")
    lx, ly = to_map().transform(countries["label_lon"].to_numpy(float), countries["label_lat"].to_numpy(float))
    labels = pd.DataFrame({"name": countries["name"].astype(str), "x": lx, "y": ly})

    frontier = union_state_frontier()

    admin1 = layer("admin1_display")
    oblasts = admin1[admin1["iso3"] == "BLR"]

    rivers = layer("rivers")
    rivers = rivers[rivers["scalerank"].astype(float) <= 9]
    lakes = _prepare(layer("lakes").geometry.values, SIMPLIFY_M)
    overview = layer("countries_overview")
    return Basemap(
        iso3=countries["iso3"].to_numpy(str),
        countries=_prepare(countries.geometry.values, SIMPLIFY_M),
        country_names=dict(zip(countries["iso3"], countries["name"].astype(str), strict=True)),
        country_labels=labels,
        frontier_pairs=frontier[["left_iso3", "right_iso3"]].reset_index(drop=True),
        frontier=_prepare(frontier.geometry.values, SIMPLIFY_M / 2),
        oblast_names=oblasts["name"].astype(str).tolist(),
        oblasts=_prepare(oblasts.geometry.values, SIMPLIFY_M / 2),
        rivers=_prepare(rivers.geometry.values, SIMPLIFY_M),
        river_widths=np.clip(1.3 - 0.09 * rivers["scalerank"].astype(float).to_numpy(), 0.35, 1.1),
        lakes=lakes[shapely.area(lakes) > 20e6],  # lakes under 20 km² are sub-pixel here
        inset_countries=_overview_geometry(overview.geometry.values),
        inset_iso3=overview["iso3"].to_numpy(str),
        places=_places(),
    )


_GEOMETRY_FIELDS = ("countries", "frontier", "oblasts", "rivers", "lakes", "inset_countries")
_TEXT_FIELDS = ("iso3", "inset_iso3")
_FRAME_FIELDS = ("country_labels", "frontier_pairs", "places")  # _decode names every field


def _encode(base: Basemap) -> dict[str, Any]:
    """Return a JSON value holding ``base`` exactly: geometries as hex WKB, frames as columns."""
    out: dict[str, Any] = {f: shapely.to_wkb(getattr(base, f), hex=True).tolist() for f in _GEOMETRY_FIELDS}
    out.update({f: getattr(base, f).tolist() for f in (*_TEXT_FIELDS, "river_widths")})
    out.update({f: getattr(base, f).to_dict("list") for f in _FRAME_FIELDS})
    out.update(country_names=base.country_names, oblast_names=base.oblast_names)
    return out


def _decode(value: dict[str, Any]) -> Basemap:
    """Return the :class:`Basemap` :func:`_encode` wrote."""

    def geometries(field: str) -> np.ndarray:
        return np.asarray(shapely.from_wkb(value[field]), dtype=object)

    def texts(field: str) -> np.ndarray:
        return np.asarray(value[field], dtype=str)

    return Basemap(
        iso3=texts("iso3"),
        countries=geometries("countries"),
        country_names=dict(value["country_names"]),
        country_labels=pd.DataFrame(value["country_labels"]),
        frontier_pairs=pd.DataFrame(value["frontier_pairs"]),
        frontier=geometries("frontier"),
        oblast_names=list(value["oblast_names"]),
        oblasts=geometries("oblasts"),
        rivers=geometries("rivers"),
        river_widths=np.asarray(value["river_widths"], dtype=float),
        lakes=geometries("lakes"),
        inset_countries=geometries("inset_countries"),
        inset_iso3=texts("inset_iso3"),
        places=pd.DataFrame(value["places"]),
    )


def _overview_geometry(geoms: np.ndarray) -> np.ndarray:
    """Project the overview countries (already simplified at build time); nothing is cut to the frame."""
    return np.asarray(shapely.make_valid(project(geoms)), dtype=object)


def _places() -> pd.DataFrame:
    """Return the reference places (``reference_places`` table) projected to map metres."""
    src = table("reference_places")
    x, y = to_map().transform(src["longitude"].astype(float).to_numpy(), src["latitude"].astype(float).to_numpy())
    return pd.DataFrame({"name": src["name"], "rank": src["rank"].astype(int).to_numpy(), "x": x, "y": y})


def _draw_territory(ax: Axes, base: Basemap, box: View, on: dt.date, s: float) -> None:
    """Land, then NATO and CSTO members (as of ``on``) tinted, then country boundaries."""
    keep = ~shapely.is_empty(shapely.clip_by_rect(base.countries, *box))
    countries = clip(base.countries, box)
    add_path(ax, polygon_path(countries), facecolor=LAND, edgecolor="none", zorder=1)
    for alliance, tint, alpha in (("NATO", NATO_FILL, NATO_ALPHA), ("CSTO", CSTO_TINT, CSTO_ALPHA)):
        members = np.isin(base.iso3, sorted(members_on(alliance, on)))[keep]
        add_path(ax, polygon_path(countries[members]), facecolor=rgba(tint, alpha), edgecolor="none", zorder=1.1)
    add_path(
        ax,
        line_path(shapely.boundary(countries)),
        fill=False,
        edgecolor=COUNTRY_EDGE,
        linewidth=0.7 * s,
        joinstyle="round",
        zorder=3,
    )


def _draw_water(ax: Axes, base: Basemap, box: View, s: float) -> None:
    """Lakes, and rivers stroked by their Natural Earth rank."""
    lakes = polygon_path(clip(base.lakes, box))
    add_path(ax, lakes, facecolor=SEA, edgecolor=WATER_LINE, linewidth=0.3 * s, zorder=2)
    visible = shapely.intersects(base.rivers, shapely.box(*box))
    for width in np.unique(base.river_widths[visible]):
        chosen = base.rivers[visible & (base.river_widths == width)]
        add_path(
            ax,
            line_path(clip(chosen, box)),
            fill=False,
            edgecolor=WATER_LINE,
            linewidth=width * s,
            capstyle="round",
            joinstyle="round",
            zorder=2,
        )


def _draw_oblasts(ax: Axes, base: Basemap, box: View, s: float) -> None:
    """Belarus oblast boundaries, dashed."""
    add_path(
        ax,
        line_path(shapely.boundary(clip(base.oblasts, box))),
        fill=False,
        edgecolor=OBLAST_EDGE,
        linewidth=0.65 * s,
        linestyle=(0, (4, 2.5)),
        zorder=3,
    )


def _draw_nato_frontier(ax: Axes, base: Basemap, box: View, on: dt.date, s: float) -> None:
    """NATO's land borders with Belarus and Russia as of ``on`` (:func:`geo.reference.borders.facing_mask`)."""
    pairs = base.frontier_pairs
    facing = facing_mask(pairs["left_iso3"], pairs["right_iso3"], frozenset(members_on("NATO", on)))
    frontier = line_path(clip(base.frontier[facing], box))
    # Above the site areas, uncertainty circles and label halos (labels.HALO_ZORDER, 6.2): the border stays
    # unbroken under a border strip or beside a label; only the label texts and site dots are drawn over it.
    for colour, width, alpha, zorder in (("white", 4.4, 0.8, 6.3), (NATO_LINE, 2.3, 1.0, 6.4)):
        add_path(
            ax,
            frontier,
            fill=False,
            edgecolor=colour,
            linewidth=width * s,
            alpha=alpha,
            capstyle="round",
            joinstyle="round",
            zorder=zorder,
        )


def draw_basemap(ax: Axes, base: Basemap, view: View, on: dt.date, s: float) -> None:
    """Draw the reference geography of ``view`` with alliance membership as of ``on``.

    Parameters
    ----------
    ax
        The map axes, in :data:`geo.briefing.projection.MAP_CRS` metres.
    base
        The prepared layers (:func:`basemap`).
    view
        The visible extent (x0, y0, x1, y1), metres.
    on
        Membership date (the selection's as-of date).
    s
        Type and line scale of the page.
    """
    box = padded(view)
    _draw_territory(ax, base, box, on, s)
    _draw_water(ax, base, box, s)
    _draw_oblasts(ax, base, box, s)
    _draw_nato_frontier(ax, base, box, on, s)
