"""The sites on the briefing map: projected, styled by precision and alliance, one label per place.

A vague place never looks precise: a dot with its dashed uncertainty circle (the stated radius, buffered
in metres in EPSG:3035) for a range, an airfield or a town; a translucent polygon for a region or a border
strip; a faint dotted one for a whole country. The drawing kinds are the dashboard's
(:func:`geo.catalog.sites.site_kind`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.axes import Axes
from shapely.geometry.base import BaseGeometry

from geo.briefing.paths import add_path, clip, line_path, polygon_path
from geo.briefing.projection import SIMPLIFY_M, View, padded, project
from geo.briefing.style import AREA_STYLE, dot_style, rgba
from geo.catalog.sites import located, place_name, site_kind
from geo.core.symbology import alliance_color, ordered_alliances

_CIRCLE_SEGMENTS: Final = 32
# Label priority: the most precise places first pick label positions.
_PRECISION_ORDER: Final = {"point": 0, "area": 1, "border_zone": 2, "region": 3, "country": 4}
# Long feature words shortened on labels (the legend explains the abbreviations).
_ABBREVIATIONS: Final = (
    (re.compile(r"\bair weapons range\b", re.I), "range"),
    (re.compile(r"\btraining ground\b", re.I), "TG"),
    (re.compile(r"\bmilitary base and training area\b", re.I), "TA"),
    (re.compile(r"\btraining area\b", re.I), "TA"),
    (re.compile(r"\bair base\b", re.I), "AB"),
)


@dataclass(frozen=True)
class Label:
    """One label for a distinct place: where (map metres), its short name, the exercises there, its rank."""

    x: float
    y: float
    name: str
    exercises: str
    rank: int


@dataclass
class SiteLayer:
    """Projected site geometry, split by how it is drawn (kinds of :func:`geo.maps.sites.site_kind`)."""

    areas: list[tuple[BaseGeometry, str, str]] = field(default_factory=list)  # (geom, alliance, kind r/b/c)
    circles: list[tuple[BaseGeometry, str]] = field(default_factory=list)  # (circle, alliance)
    dots: list[tuple[float, float, str, str]] = field(default_factory=list)  # (x, y, alliance, kind p/a/t)
    labels: list[Label] = field(default_factory=list)
    bounds: View | None = None

    @property
    def kinds(self) -> set[str]:
        """The drawing kinds present."""
        return {k for _, _, k in self.areas} | {k for *_, k in self.dots}


def _short_name(row: Any) -> str:
    """Return a short label for a site: its place name (:func:`geo.catalog.sites.place_name`), abbreviated."""
    name = place_name(row._asdict())
    for pattern, short in _ABBREVIATIONS:
        name = pattern.sub(short, name)
    return _truncate(name, 30)


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;-–") + "…"


def _exercise_line(names: list[str], limit: int = 2) -> str:
    unique = list(dict.fromkeys(_truncate(re.sub(r"\s*\([^)]*\)", "", n), 26) for n in names))
    shown = " · ".join(unique[:limit])
    return shown + (f" +{len(unique) - limit}" if len(unique) > limit else "")


@lru_cache(maxsize=1024)
def _site_geometry(wkb: bytes) -> BaseGeometry:
    """Return a site geometry projected and simplified to the figure's scale (cached: places recur).

    Country and region outlines come in full 1:10m detail; projecting and simplifying them was the
    largest cost of a render before this cache. Points pass through unchanged.
    """
    projected = project([shapely.from_wkb(wkb)])[0]
    return shapely.simplify(projected, SIMPLIFY_M, preserve_topology=True)


def site_layer(sites: gpd.GeoDataFrame) -> SiteLayer:
    """Project the located sites, drop duplicates, and prepare one label per distinct place."""
    out = SiteLayer()
    placed = located(sites)
    if not len(placed):
        return out
    projected = [_site_geometry(wkb) for wkb in shapely.to_wkb(placed.geometry.values)]
    seen: set[tuple[bytes, str]] = set()
    groups: dict[bytes, dict[str, Any]] = {}
    fit_boxes, all_boxes = [], []
    for row, geom in zip(placed.itertuples(), projected, strict=True):
        alliance, precision = str(row.alliance), str(row.precision)
        kind = site_kind(geom.geom_type, row.site_kind, precision)
        key = shapely.to_wkb(geom)
        first = (key, alliance) not in seen
        seen.add((key, alliance))
        if geom.geom_type == "Point":
            radius_m = float(row.precision_km) * 1000.0 if pd.notna(row.precision_km) else 0.0
            drawn = geom.buffer(radius_m, quad_segs=_CIRCLE_SEGMENTS // 4) if radius_m > 0 else geom
            if first:
                if radius_m > 0:
                    out.circles.append((drawn, alliance))
                out.dots.append((geom.x, geom.y, alliance, kind))
            anchor = (geom.x, geom.y)
        else:
            drawn = geom
            if first:
                out.areas.append((geom, alliance, kind))
            point = geom.representative_point()
            anchor = (point.x, point.y)
        all_boxes.append(drawn.bounds)
        if kind == "c":
            continue  # a country named in passing neither frames the view nor gets a site label
        fit_boxes.append(drawn.bounds)
        group = groups.setdefault(key, {"anchor": anchor, "name": _short_name(row), "ex": [], "rank": 9})
        group["ex"].append(str(row.exercise_name))
        group["rank"] = min(group["rank"], _PRECISION_ORDER.get(precision, 5))
    b = np.asarray(fit_boxes or all_boxes)
    out.bounds = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
    for group in groups.values():
        x, y = group["anchor"]
        out.labels.append(Label(x, y, group["name"], _exercise_line(group["ex"]), group["rank"]))
    # Most precise first, then places used by most exercises: they get first pick of label positions.
    out.labels.sort(key=lambda lab: (lab.rank, -lab.exercises.count("·") - lab.exercises.count("+"), lab.name))
    return out


def _draw_areas(ax: Axes, sites: SiteLayer, alliances: list[str], box: View, s: float) -> None:
    """Regions, border strips and countries: one translucent union per alliance and kind, widest first."""
    for kind in ("c", "r", "b"):
        fill_alpha, dash = AREA_STYLE[kind]
        for alliance in alliances:
            colour = alliance_color(alliance)
            chosen = np.asarray([g for g, a, k in sites.areas if a == alliance and k == kind], dtype=object)
            geoms = list(clip(chosen, box))
            if not geoms:
                continue
            # One union per alliance and kind: overlapping reports must not darken into false certainty.
            union = polygon_path([shapely.union_all(geoms)])
            add_path(ax, union, facecolor=rgba(colour, fill_alpha), edgecolor="none", zorder=4.8)
            add_path(
                ax,
                line_path(shapely.boundary(np.asarray(geoms, dtype=object))),
                fill=False,
                edgecolor=rgba(colour, 0.85),
                linewidth=(0.9 if kind == "c" else 1.1) * s,
                linestyle=dash,
                zorder=5.0,
            )


def _draw_circles(ax: Axes, sites: SiteLayer, alliances: list[str], s: float) -> None:
    """Uncertainty circles of the point sites (their stated radius), dashed, one union per alliance."""
    for alliance in alliances:
        colour = alliance_color(alliance)
        circles = [g for g, a in sites.circles if a == alliance]
        if not circles:
            continue
        union = polygon_path([shapely.union_all(circles)])
        add_path(ax, union, facecolor=rgba(colour, 0.07), edgecolor="none", zorder=6.0)
        add_path(
            ax,
            line_path(shapely.boundary(np.asarray(circles, dtype=object))),
            fill=False,
            edgecolor=rgba(colour, 0.75),
            linewidth=0.9 * s,
            linestyle=(0, (3, 3)),
            zorder=6.1,
        )


def _draw_dots(ax: Axes, sites: SiteLayer, alliances: list[str], s: float) -> None:
    """The point sites: solid (range, airfield), translucent (approximate) or hollow (town) dots."""
    for alliance in alliances:
        style = {kind: dot_style(alliance_color(alliance), kind, s) for kind in ("a", "t", "p")}
        for kind, kind_style in style.items():
            pts = np.asarray([(x, y) for x, y, a, k in sites.dots if a == alliance and k == kind])
            if len(pts):
                ax.scatter(pts[:, 0], pts[:, 1], zorder=7, gid=f"sites-{alliance}", **kind_style)


def draw_sites(ax: Axes, sites: SiteLayer, view: View, s: float) -> None:
    """Draw the sites of ``view``: areas, then uncertainty circles, then dots, alliances in legend order."""
    alliances = ordered_alliances([a for _, a, _ in sites.areas] + [a for _, _, a, _ in sites.dots])
    _draw_areas(ax, sites, alliances, padded(view), s)
    _draw_circles(ax, sites, alliances, s)
    _draw_dots(ax, sites, alliances, s)
