"""The sites on the briefing map: projected, styled by precision and alliance, one label per place.

A vague place never looks precise: a dot with its dashed uncertainty circle (the stated radius, buffered
in metres in EPSG:3035) for a range, an airfield or a town; a translucent polygon for a region or a border
strip; a faint dotted one for a whole country. The drawing kinds are the dashboard's
(:func:`geo.catalog.sites.site_kind`).
"""

from __future__ import annotations

import hashlib
import re
import textwrap
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
from geo.briefing.style import AREA_FILL_CAP, AREA_STYLE, dot_style, rgba
from geo.catalog.sites import located, place_name, site_kind
from geo.core import derived
from geo.core.symbology import alliance_color, alliance_hatch, alliance_marker, ordered_alliances

_CIRCLE_SEGMENTS: Final = 32
# Label priority: the most precise places first pick label positions.
_PRECISION_ORDER: Final = {"point": 0, "area": 1, "border_zone": 2, "region": 3, "country": 4}
# Label lines wrap at about this many characters.
_WRAP_CHARS: Final = 26
# Far sites (see main_cluster): the gap, as a fraction of the rest's span and in metres, and the share cut.
_FAR_GAP_FRACTION: Final = 0.3
_FAR_GAP_MIN_M: Final = 350_000.0
_FAR_MAX_FRACTION: Final = 0.1
# An area wider or taller than this (metres) frames the view by its label anchor only: the Baltic Sea or a
# whole flank would stretch the frame far beyond Belarus; it is drawn clipped at the frame instead.
LARGE_AREA_M: Final = 800_000.0
#: The eastern flank the briefing map is about (lon_min, lat_min, lon_max, lat_max, degrees): Germany's
#: eastern border to Smolensk and Kyiv, Romania's north to Helsinki. Places beyond it (Mulino, 43°E; the
#: Pogonovo range near Voronezh) are noted at the frame's edge, unless no place lies inside it.
FLANK_BBOX: Final = (13.0, 48.0, 35.0, 61.0)
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
    """One label for a distinct place: anchor (map metres), name, exercises there, rank, and its key text.

    ``name`` and ``exercises`` are already wrapped to label width (never cut short); ``key`` is the same
    text on one line, for the numbered key of labels that find no room on the map.
    """

    x: float
    y: float
    name: str
    exercises: str
    rank: int
    key: str
    extent: tuple[float, float, float, float] | None = None  # all the place's drawn geometry (metres)
    count: int = 1  # distinct exercises at the place
    area: BaseGeometry | None = None  # the place's area (metres) when it has no point: labels may sit inside

    @property
    def text(self) -> str:
        """The label as drawn: the name, then the exercises (if shown)."""
        return f"{self.name}\n{self.exercises}" if self.exercises else self.name


@dataclass
class SiteLayer:
    """Projected site geometry, split by how it is drawn (kinds of :func:`geo.maps.sites.site_kind`).

    ``bounds`` frames the main cluster of sites (metres); ``outside`` names the far sites left out of that
    frame, with their lon/lat anchors (:func:`main_cluster`), and ``anchors`` holds every labelled place.
    """

    areas: list[tuple[BaseGeometry, str, str]] = field(default_factory=list)  # (geom, alliance, kind r/b/c)
    circles: list[tuple[BaseGeometry, str]] = field(default_factory=list)  # (circle, alliance)
    dots: list[tuple[float, float, str, str]] = field(default_factory=list)  # (x, y, alliance, kind p/a/t)
    labels: list[Label] = field(default_factory=list)
    bounds: View | None = None
    outside: list[Label] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        """The drawing kinds present."""
        return {k for _, _, k in self.areas} | {k for *_, k in self.dots}


def _short_name(row: Any) -> str:
    """Return the label of a site: its place name (:func:`geo.catalog.sites.place_name`), abbreviated, never cut."""
    name = place_name(row._asdict())
    for pattern, short in _ABBREVIATIONS:
        name = pattern.sub(short, name)
    return name[:1].upper() + name[1:]


def _exercise_names(names: list[str]) -> list[str]:
    """Return the distinct exercise names, parentheses dropped, in first-seen order."""
    return list(dict.fromkeys(re.sub(r"\s*\([^)]*\)", "", n).strip() for n in names))


def _exercise_line(unique: list[str]) -> str:
    """Return a label's exercise line: one or two exercises by name, more as a count (the key names them).

    The dashboard shows one symbol per place with a count; so does the map, so that a busy place does not
    take four lines of the crowded map around Belarus.
    """
    both = " · ".join(unique)
    if len(unique) <= 2 and len(both) <= _WRAP_CHARS + 6:
        return both
    if len(unique) == 1:
        return textwrap.fill(both, _WRAP_CHARS + 6, break_on_hyphens=False)
    return f"{len(unique)} exercises"


def _key_text(name: str, count: int, show_exercises: bool) -> str:
    """Return a place's line in the numbered key: its name, and its number of exercises if more than one.

    The key of the busiest map holds some 25 places at 7 points in half a panel: names only fit.
    """
    return f"{name} ({count})" if show_exercises and count > 1 else name


#: Projected, simplified and dissolved site shapes kept between processes (:class:`geo.core.derived.Memo`):
#: each CLI render of the same sites would otherwise project and dissolve the same 1:10m outlines again.
#: :func:`geo.briefing.map.render_bytes` saves it after a render.
GEOMETRY_MEMO = derived.Memo("briefing_geometry")


def _digest(parts: Any) -> str:
    """SHA-256 of a sequence of WKB bytes or hex strings, each part delimited."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else bytes(part)
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _to_stored(geom: BaseGeometry) -> str:
    return str(shapely.to_wkb(geom, hex=True))


def _from_stored(hex_wkb: str) -> BaseGeometry:
    geom: BaseGeometry = shapely.from_wkb(hex_wkb)
    return geom


@lru_cache(maxsize=1024)
def _site_geometry(wkb: bytes) -> BaseGeometry:
    """Return a site geometry projected and simplified to the figure's scale (cached: places recur).

    Country and region outlines come in full 1:10m detail; projecting and simplifying them was the
    largest cost of a render before this cache. Points pass through unchanged.
    """
    digest = _digest([wkb])
    stored = GEOMETRY_MEMO.get(digest)
    if stored is not None:
        return _from_stored(stored)
    projected = project([shapely.from_wkb(wkb)])[0]
    simplified = shapely.simplify(projected, SIMPLIFY_M, preserve_topology=True)
    GEOMETRY_MEMO.put(digest, _to_stored(simplified))
    return simplified


@lru_cache(maxsize=128)
def _dissolved(geoms: tuple[BaseGeometry, ...]) -> BaseGeometry:
    """Return the union of site shapes (cached: the same selection and view recur on every export)."""
    digest = "union:" + _digest(shapely.to_wkb(np.asarray(geoms, dtype=object)))
    stored = GEOMETRY_MEMO.get(digest)
    if stored is not None:
        return _from_stored(stored)
    union = shapely.union_all(geoms)
    GEOMETRY_MEMO.put(digest, _to_stored(union))
    return union


def _outliers(values: np.ndarray, max_cut: int) -> np.ndarray:
    """Return a mask of the values cut off at either end by a gap wider than a share of the rest's span."""
    v = np.sort(values)
    low, high = -np.inf, np.inf
    for k in range(1, max_cut + 1):
        if v[-k] - v[-k - 1] > max(_FAR_GAP_FRACTION * (v[-k - 1] - v[0]), _FAR_GAP_MIN_M):
            high = v[-k - 1]
        if v[k] - v[k - 1] > max(_FAR_GAP_FRACTION * (v[-1] - v[k]), _FAR_GAP_MIN_M):
            low = v[k]
    mask: np.ndarray = (values < low) | (values > high)
    return mask


def main_cluster(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return a mask of the places that frame the map: all but a few far ones beyond a wide empty gap.

    A site far from all others (Mulino, 43°E, against a cluster at 15–33°E) would leave most of the frame
    empty. Along x and then y (EPSG:3035 metres), the outermost places are cut when a gap wider than
    :data:`_FAR_GAP_FRACTION` of the remaining span (and at least :data:`_FAR_GAP_MIN_M`) separates them
    from the rest; at most :data:`_FAR_MAX_FRACTION` of the places (at least one, from five places on)
    are cut in all.
    """
    n = len(x)
    max_cut = max(int(n * _FAR_MAX_FRACTION), 1)
    keep = np.ones(n, dtype=bool)
    if n < 5:
        return keep
    for values in (x, y):
        idx = np.flatnonzero(keep)
        far = _outliers(values[idx], max_cut - int((~keep).sum()))
        keep[idx[far]] = False
    return keep


def _framing_places(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return a mask of the places (EPSG:3035 metres) that frame the map: the main cluster of those on the flank.

    Places outside :data:`FLANK_BBOX` frame the map only when no place lies inside it; within the chosen
    places, :func:`main_cluster` still cuts a few beyond a wide empty gap.
    """
    flank = project([shapely.box(*FLANK_BBOX).segmentize(0.5)])[0]
    inside = shapely.contains_xy(flank, x, y)
    idx = np.flatnonzero(inside) if inside.any() else np.arange(len(x))
    keep = np.zeros(len(x), dtype=bool)
    keep[idx] = main_cluster(x[idx], y[idx])
    return keep


def _add_geometry(out: SiteLayer, row: Any, geom: BaseGeometry, kind: str, first: bool) -> BaseGeometry:
    """Add a site's drawn geometry (dot and circle, or area) once per place and alliance; return it."""
    if geom.geom_type == "Point":
        radius_m = float(row.precision_km) * 1000.0 if pd.notna(row.precision_km) else 0.0
        drawn = geom.buffer(radius_m, quad_segs=_CIRCLE_SEGMENTS // 4) if radius_m > 0 else geom
        if first:
            if radius_m > 0:
                out.circles.append((drawn, str(row.alliance)))
            out.dots.append((geom.x, geom.y, str(row.alliance), kind))
        return drawn
    if first:
        out.areas.append((geom, str(row.alliance), kind))
    return geom


def _framing_box(drawn: BaseGeometry) -> tuple[float, float, float, float]:
    """Return the box a drawn site adds to the frame: its bounds, or a point inside it if it is very large."""
    x0, y0, x1, y1 = drawn.bounds
    if max(x1 - x0, y1 - y0) <= LARGE_AREA_M:
        return x0, y0, x1, y1
    point = drawn.representative_point()
    return point.x, point.y, point.x, point.y


def _group_label(group: dict[str, Any], show_exercises: bool) -> Label:
    """Return the one label of a place: anchored on its point, else inside the union of its areas."""
    area = None
    if group["points"]:
        x, y = group["points"][0]
    else:
        area = _dissolved(tuple(group["areas"]))
        point = area.representative_point()
        x, y = point.x, point.y
    exercises = _exercise_names(group["ex"])
    line = _exercise_line(exercises) if show_exercises else ""
    name = textwrap.fill(group["name"], _WRAP_CHARS, break_on_hyphens=False)
    key = _key_text(group["name"], len(exercises), show_exercises)
    b = np.asarray(group["drawn"])
    extent = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
    return Label(x, y, name, line, group["rank"], key, extent, len(exercises), area)


def site_layer(sites: gpd.GeoDataFrame, *, show_exercises: bool = True) -> SiteLayer:
    """Project the located sites, drop duplicates, and prepare one label per distinct place.

    Parameters
    ----------
    sites
        Sites in EPSG:4326; unlocated rows are skipped.
    show_exercises
        Put the exercises on each label (False when the map shows one exercise, named in the subtitle).

    Returns
    -------
    SiteLayer
        Geometry in EPSG:3035 metres. Places are told apart by their label name: the three county
        polygons of one "Võru, Põlva, Valga counties" make one place with one label.
    """
    out = SiteLayer()
    placed = located(sites)
    if not len(placed):
        return out
    projected = [_site_geometry(wkb) for wkb in shapely.to_wkb(placed.geometry.values)]
    seen: set[tuple[bytes, str]] = set()
    groups: dict[str, dict[str, Any]] = {}
    all_boxes = []
    for row, geom in zip(placed.itertuples(), projected, strict=True):
        kind = site_kind(geom.geom_type, row.site_kind, str(row.precision))
        key = shapely.to_wkb(geom)
        drawn = _add_geometry(out, row, geom, kind, (key, str(row.alliance)) not in seen)
        seen.add((key, str(row.alliance)))
        all_boxes.append(drawn.bounds)
        if kind == "c":
            continue  # a country named in passing neither frames the view nor gets a site label
        name = _short_name(row)
        group = groups.setdefault(name.casefold(), {"name": name, "points": [], "areas": [], "ex": [], "rank": 9})
        if geom.geom_type == "Point":
            group["points"].append((geom.x, geom.y))
        else:
            group["areas"].append(geom)
        group.setdefault("boxes", []).append(_framing_box(drawn))
        group.setdefault("drawn", []).append(drawn.bounds)
        group["ex"].append(str(row.exercise_name))
        group["rank"] = min(group["rank"], _PRECISION_ORDER.get(str(row.precision), 5))
    labels = [_group_label(g, show_exercises) for g in groups.values()]
    boxes = [np.asarray(g["boxes"]) for g in groups.values()]
    if labels:
        keep = _framing_places(np.asarray([lab.x for lab in labels]), np.asarray([lab.y for lab in labels]))
        b = np.vstack([bx for bx, k in zip(boxes, keep, strict=True) if k])
        out.outside = [lab for lab, k in zip(labels, keep, strict=True) if not k]
    else:
        b = np.asarray(all_boxes)
    out.bounds = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
    # Most precise first, then places used by most exercises: they get first pick of label positions.
    out.labels = sorted(labels, key=lambda lab: (lab.rank, -lab.count, lab.name))
    return out


def _fills(sites: SiteLayer, alliances: list[str], box: View) -> list[tuple[BaseGeometry, str, float, float]]:
    """Return (shape, colour, opacity, zorder) fills such that no spot of the map gets two.

    Fills are taken in order of precision: uncertainty circles, then regions and border strips, then whole
    countries, each alliance in legend order; each takes only what no earlier fill covers. However many
    reports and alliances overlap (Belarus under Russia–Belarus, CSTO and national areas), the tint stays
    one capped fill, so symbols on it keep their contrast; hatches and outlines still tell them apart.
    """
    layers: list[tuple[str, tuple[str, ...], float, float]] = [
        *((a, ("circle",), 0.07, 6.0) for a in alliances),
        *((a, ("r", "b"), AREA_FILL_CAP, 4.8) for a in alliances),
        *((a, ("c",), AREA_STYLE["c"][0], 4.8) for a in alliances),
    ]
    chosen: list[tuple[BaseGeometry, ...]] = []
    for alliance, kinds, _, _ in layers:
        if kinds == ("circle",):
            chosen.append(tuple(g for g, a in sites.circles if a == alliance))
        else:
            areas = np.asarray([g for g, a, k in sites.areas if a == alliance and k in kinds], dtype=object)
            chosen.append(tuple(clip(areas, box)))
    shapes = _disjoint(tuple(chosen))
    return [
        (shape, alliance_color(alliance), alpha, zorder)
        for shape, (alliance, _, alpha, zorder) in zip(shapes, layers, strict=True)
        if shape is not None
    ]


@lru_cache(maxsize=16)
def _disjoint(groups: tuple[tuple[BaseGeometry, ...], ...]) -> tuple[BaseGeometry | None, ...]:
    """Return each group's union less every earlier group's (None when nothing is left); cached per selection."""
    digest = "disjoint:" + _digest(["|".join(shapely.to_wkb(g, hex=True) for g in geoms) for geoms in groups])
    stored = GEOMETRY_MEMO.get(digest)
    if stored is not None:
        return tuple(None if w is None else _from_stored(w) for w in stored)
    out: list[BaseGeometry | None] = []
    covered: BaseGeometry | None = None
    for geoms in groups:
        if not geoms:
            out.append(None)
            continue
        union = _dissolved(geoms)
        shape = union if covered is None else union.difference(covered)
        covered = union if covered is None else covered.union(union)
        out.append(None if shape.is_empty else shape)
    GEOMETRY_MEMO.put(digest, [None if g is None else _to_stored(g) for g in out])
    return tuple(out)


def _draw_areas(ax: Axes, sites: SiteLayer, alliances: list[str], box: View, s: float) -> None:
    """Areas and circles: one fill per spot (:func:`_fills`), each alliance's hatch; each kind's outline on top.

    Regions and border strips of one alliance are merged into one shape with the alliance's hatch (its
    shape cue), so overlapping reports cannot darken into a solid blob; whole countries keep their faint
    dotted outline.
    """
    for shape, colour, alpha, zorder in _fills(sites, alliances, box):
        add_path(ax, polygon_path([shape]), facecolor=rgba(colour, alpha), edgecolor="none", zorder=zorder)
    for alliance in alliances:
        colour = alliance_color(alliance)
        hatched = list(clip(np.asarray([g for g, a, k in sites.areas if a == alliance and k in ("r", "b")]), box))
        if hatched:
            add_path(
                ax,
                polygon_path([_dissolved(tuple(hatched))]),
                facecolor="none",
                edgecolor=rgba(colour, 0.35),
                linewidth=0,
                hatch=alliance_hatch(alliance),
                zorder=4.85,
                gid=f"area-hatch-{alliance}",
            )
        for kind in ("c", "r", "b"):
            geoms = list(
                clip(np.asarray([g for g, a, k in sites.areas if a == alliance and k == kind], dtype=object), box)
            )
            if geoms:
                add_path(
                    ax,
                    line_path(shapely.boundary(np.asarray(geoms, dtype=object))),
                    fill=False,
                    edgecolor=rgba(colour, 0.85),
                    linewidth=(0.9 if kind == "c" else 1.1) * s,
                    linestyle=AREA_STYLE[kind][1],
                    zorder=5.0,
                )


def _draw_circles(ax: Axes, sites: SiteLayer, alliances: list[str], s: float) -> None:
    """Uncertainty circles of the point sites (their stated radius): dashed outlines (fills: :func:`_fills`)."""
    for alliance in alliances:
        circles = [g for g, a in sites.circles if a == alliance]
        if circles:
            add_path(
                ax,
                line_path(shapely.boundary(np.asarray(circles, dtype=object))),
                fill=False,
                edgecolor=rgba(alliance_color(alliance), 0.75),
                linewidth=0.9 * s,
                linestyle=(0, (3, 3)),
                zorder=6.1,
            )


def _draw_dots(ax: Axes, sites: SiteLayer, alliances: list[str], s: float) -> None:
    """The point sites: solid (range, airfield), translucent (approximate) or hollow (town) dots."""
    for alliance in alliances:
        marker = alliance_marker(alliance)
        style = {kind: dot_style(alliance_color(alliance), kind, s, marker) for kind in ("a", "t", "p")}
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
