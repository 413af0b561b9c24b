"""Reference names on the briefing map: cities, countries and Belarus's oblasts, after the site labels.

They use the same collision-aware :class:`~geo.briefing.labels.Placer` as the site labels and come after
them in priority: capitals, then Belarus's oblast centres and key cities (``data/places/reference_places.csv``,
chosen by a documented Natural Earth rule, see :func:`geo.reference.build.build_reference_places`), then
every country in view, then the oblasts. A city whose name finds no room is not drawn at all (a dot
without a name would be a riddle); a city already named by a site label at the same place is skipped.

Country names go on the part of the country that is in view: Natural Earth's label point when it is
visible, else the pole of inaccessibility of the largest visible piece, so RUSSIA and BELARUS are named
even when their label points lie outside the frame.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import shapely
from matplotlib.axes import Axes
from shapely.geometry.base import BaseGeometry

from geo.briefing.basemap import Basemap
from geo.briefing.labels import Candidate, Placer, add_halo, anchor_px, around
from geo.briefing.projection import View
from geo.briefing.sites import SiteLayer
from geo.briefing.style import CITY_TEXT, LABEL_GREY

# A country whose visible part is under this share of the view gets no name (Åland, slivers at the edge).
_MIN_COUNTRY_SHARE: Final = 0.006
# A city within this distance (metres) of a labelled site of the same name is that site.
_SAME_PLACE_M: Final = 25_000.0
# An admin-1 unit smaller than this (m²) is a city, named by its city label (City of Minsk: ~600 km²).
_CITY_UNIT_M2: Final = 2_000e6
# City marker radius (points, before the page scale): capitals are a little larger.
CITY_MARKER_PT: Final = {0: 3.4, 1: 2.6, 2: 2.4}


def _centred(step: float) -> list[Candidate]:
    return [
        (0, 0, "center", "center"),
        (0, step, "center", "center"),
        (0, -step, "center", "center"),
        (2.5 * step, 0, "center", "center"),
        (-2.5 * step, 0, "center", "center"),
        (0, 2 * step, "center", "center"),
        (0, -2 * step, "center", "center"),
    ]


def cities_in_view(base: Basemap, view: View, sites: SiteLayer) -> np.ndarray:
    """Return the row indices of :attr:`Basemap.places` well inside ``view`` and not already a labelled site."""
    margin = 0.015 * (view[2] - view[0])  # a city on the frame's edge would show half a dot
    x0, y0, x1, y1 = view[0] + margin, view[1] + margin, view[2] - margin, view[3] - margin
    names, xs, ys = (
        base.places["name"].to_numpy(str),
        base.places["x"].to_numpy(float),
        base.places["y"].to_numpy(float),
    )
    inside = (xs > x0) & (xs < x1) & (ys > y0) & (ys < y1)
    keep = []
    for i in np.flatnonzero(inside):
        name, x, y = names[i].casefold(), float(xs[i]), float(ys[i])
        same = any(
            lab.name.replace("\n", " ").casefold() == name and np.hypot(lab.x - x, lab.y - y) < _SAME_PLACE_M
            for lab in sites.labels
        )
        if not same:
            keep.append(i)
    return np.asarray(keep, dtype=int)


def place_cities(placer: Placer, ax: Axes, base: Basemap, chosen: np.ndarray, s: float, pad: float) -> list[str]:
    """Name the chosen cities, most important first; draw the marker only for a city whose name fits.

    Returns
    -------
    list[str]
        The city names drawn.
    """
    drawn: list[str] = []
    names, ranks = base.places["name"].to_numpy(str), base.places["rank"].to_numpy(int)
    xs, ys = base.places["x"].to_numpy(float), base.places["y"].to_numpy(float)
    for i in chosen:
        rank = int(ranks[i])
        xy = (float(xs[i]), float(ys[i]))
        text = ax.annotate(
            str(names[i]),
            xy=xy,
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=(8.4 if rank == 0 else 7.6) * s,
            fontweight="bold" if rank == 0 else "normal",
            color=CITY_TEXT,
            zorder=8.6,
            gid="city-label",
            annotation_clip=False,
            parse_math=False,
        )
        r = CITY_MARKER_PT[min(rank, 2)] * s
        rings = (1.0, 2.2, 3.4) if rank == 0 else (1.0,)  # a capital may sit a little off its dot
        if placer.place(text, anchor_px(ax, *xy), around(r + 2.5 * s, rings), pad) is None:
            continue
        add_halo(ax, text, s, 2.2)
        drawn.append(text.get_text())
        if rank == 0:  # capital: a ringed dot
            ax.scatter(
                [xy[0]],
                [xy[1]],
                s=(2 * r) ** 2,
                c="white",
                edgecolors=CITY_TEXT,
                linewidths=1.0 * s,
                zorder=8.5,
                gid="city",
            )
            ax.scatter([xy[0]], [xy[1]], s=(0.9 * r) ** 2, c=CITY_TEXT, linewidths=0, zorder=8.55, gid="city")
        else:
            ax.scatter(
                [xy[0]],
                [xy[1]],
                s=(2 * r) ** 2,
                c=CITY_TEXT,
                edgecolors="white",
                linewidths=0.6 * s,
                zorder=8.5,
                gid="city",
            )
    return drawn


def _label_point(geom: BaseGeometry, preferred: tuple[float, float]) -> tuple[float, float]:
    """Return where to name a country's visible part: ``preferred`` if inside it, else its largest piece's centre."""
    if geom.contains(shapely.Point(preferred)):
        return preferred
    parts = shapely.get_parts(geom)
    largest = parts[int(np.argmax(shapely.area(parts)))]
    tolerance = max(np.sqrt(largest.area) / 50, 1000.0)
    point = shapely.ops.polylabel(largest, tolerance=tolerance) if largest.geom_type == "Polygon" else largest.centroid
    return float(point.x), float(point.y)


def place_country_names(placer: Placer, ax: Axes, base: Basemap, view: View, s: float, pad: float) -> list[str]:
    """Name every country with a visible part of at least :data:`_MIN_COUNTRY_SHARE` of the view, largest first."""
    x0, y0, x1, y1 = view
    inset = 0.03 * (x1 - x0)
    visible = shapely.clip_by_rect(base.countries, x0 + inset, y0 + inset, x1 - inset, y1 - inset)
    areas = shapely.area(visible)
    min_area = _MIN_COUNTRY_SHARE * (x1 - x0) * (y1 - y0)
    names = base.country_labels["name"].to_numpy(str)
    lx, ly = base.country_labels["x"].to_numpy(float), base.country_labels["y"].to_numpy(float)
    drawn = []
    for i in np.argsort(-areas):
        if areas[i] < min_area:
            break
        xy = _label_point(visible[i], (float(lx[i]), float(ly[i])))
        name = str(names[i]).upper()
        candidates = _inside_candidates(ax, placer, visible[i], xy)
        if _place_name(placer, ax, name, xy, "country-label", s, pad, candidates):
            drawn.append(name)
    return drawn


def _inside_candidates(ax: Axes, placer: Placer, geom: BaseGeometry, xy: tuple[float, float]) -> list[Candidate]:
    """Return centred positions at the label point, then at grid points inside ``geom``, nearest first."""
    x0, y0, x1, y1 = geom.bounds
    gx, gy = np.meshgrid(np.linspace(x0, x1, 15)[1:-1], np.linspace(y0, y1, 15)[1:-1])
    grid = shapely.points(gx.ravel(), gy.ravel())
    inside = grid[shapely.contains(geom, grid)]
    pts = sorted(((p.x, p.y) for p in inside), key=lambda p: np.hypot(p[0] - xy[0], p[1] - xy[1]))
    ox, oy = anchor_px(ax, *xy)
    out: list[Candidate] = [(0, 0, "center", "center")]
    for px, py in (anchor_px(ax, *p) for p in pts):
        out.append(((px - ox) / placer.px_per_pt, (py - oy) / placer.px_per_pt, "center", "center"))
    return out


def _place_name(
    placer: Placer,
    ax: Axes,
    name: str,
    xy: tuple[float, float],
    gid: str,
    s: float,
    pad: float,
    candidates: list[Candidate] | None = None,
) -> bool:
    """Place a reference name (oblast or country) centred on ``xy`` (or a candidate), else drop it."""
    country = gid == "country-label"
    text = ax.annotate(
        name,
        xy=xy,
        xytext=(0, 0),
        textcoords="offset points",
        fontsize=(10.0 if country else 7.6) * s,
        color=LABEL_GREY,
        fontweight="bold" if country else "normal",
        fontstyle="normal" if country else "italic",
        zorder=8,
        gid=gid,
        annotation_clip=False,
        parse_math=False,
    )
    candidates = candidates or _centred((14 if country else 10) * s)
    if placer.place(text, anchor_px(ax, *xy), candidates, pad) is None:
        return False
    add_halo(ax, text, s, 2.0)
    return True


def place_oblast_names(placer: Placer, ax: Axes, base: Basemap, view: View, s: float, pad: float) -> None:
    """Name the Belarus oblasts whose inner point lies inside ``view``.

    A city-sized unit (the City of Minsk, under :data:`_CITY_UNIT_M2`) is left unnamed: the capital's own
    label names it.
    """
    x0, y0, x1, y1 = view
    points = shapely.point_on_surface(base.oblasts)
    for name, geom, point in zip(base.oblast_names, base.oblasts, points, strict=True):
        if geom.area < _CITY_UNIT_M2:
            continue
        if point is not None and not point.is_empty and x0 < point.x < x1 and y0 < point.y < y1:
            _place_name(placer, ax, name, (point.x, point.y), "oblast-label", s, pad)
