"""The briefing map's furniture: scale bar, north arrow, overview inset, handling banner, text fitting.

Scale and north are measured, not assumed: the bar's length is geodesic (WGS84, metres) across the view's
centre, and the arrow points to true north there (EPSG:3035 is not conformal).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text
from pyproj import Geod

from geo.briefing.basemap import Basemap
from geo.briefing.paths import add_path, polygon_path
from geo.briefing.projection import OVERVIEW_FRAME, View, fit_extent, from_map, to_map
from geo.briefing.sites import SiteLayer
from geo.briefing.style import BANNER_BG, COUNTRY_EDGE, LABEL_GREY, LAND, SEA, TEXT, halo, rgba
from geo.core.symbology import alliance_color, ordered_alliances

_GEOD = Geod(ellps="WGS84")
# Overview inset (EPSG:3035 metres): Europe from the Low Countries to the Volga, grown to hold the view.
_INSET_VIEW: Final = (3_700_000.0, 2_250_000.0, 6_900_000.0, 4_900_000.0)


def fit_width(texts: Sequence[Text], left_px: float, right_px: float, renderer: Any) -> None:
    """Shrink each text's font just enough to keep it between ``left_px`` and ``right_px`` (display pixels)."""
    for text in texts:
        box = text.get_window_extent(renderer)
        overflow = max(box.x1 - right_px, left_px - box.x0, 0.0)
        if overflow > 0 and box.width > 0:
            text.set_fontsize(float(text.get_fontsize()) * max(0.5, (box.width - overflow - 2) / box.width))


def nice_length_km(target_km: float) -> float:
    """Return the longest round length (1, 2, 2.5 or 5 x 10^n km) not over ``target_km`` (at least 1 km)."""
    if target_km < 1:
        return 1.0
    exp = 10.0 ** math.floor(math.log10(target_km))
    return float(max(step * exp for step in (1.0, 2.0, 2.5, 5.0) if step * exp <= target_km))


def draw_scale_bar(ax: Axes, view: View, s: float) -> float:
    """Draw a scale bar measured geodesically (metres) across the map centre; return its length in km.

    EPSG:3035 is equal-area, not conformal: its east-west scale drifts away from the centre (under 1 %
    within ±500 km of it), so the bar is true at the centre of the view, where it is measured.
    """
    x0, y0, x1, y1 = view
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half = (x1 - x0) / 10
    (lon0, lon1), (lat0, lat1) = from_map().transform([cx - half, cx + half], [cy, cy])
    ground_m = _GEOD.line_length([lon0, lon1], [lat0, lat1])
    factor = ground_m / (2 * half)  # ground metres per map metre at the centre, east-west
    length_km = nice_length_km((x1 - x0) * factor / 5 / 1000)
    length = length_km * 1000 / factor
    w, h = x1 - x0, y1 - y0
    left, base = x0 + 0.03 * w, y0 + 0.035 * h
    bar_h = 0.009 * h
    backdrop = Rectangle(
        (left - 0.012 * w, base - 0.014 * h),
        length + 0.045 * w,
        0.062 * h,
        facecolor="white",
        edgecolor="none",
        alpha=0.78,
        zorder=10,
        gid="furniture",
    )
    ax.add_artist(backdrop)
    for i in range(4):
        ax.add_artist(
            Rectangle(
                (left + i * length / 4, base),
                length / 4,
                bar_h,
                facecolor=TEXT if i % 2 == 0 else "white",
                edgecolor=TEXT,
                linewidth=0.6 * s,
                zorder=11,
                gid="scale-bar",
            )
        )
    for frac, text in ((0.0, "0"), (0.5, f"{length_km / 2:g}"), (1.0, f"{length_km:g} km")):
        ax.text(
            left + frac * length,
            base + bar_h * 1.9,
            text,
            ha="center",
            va="bottom",
            fontsize=7.5 * s,
            color=TEXT,
            zorder=11,
        )
    return length_km


def north_angle(view: View) -> float:
    """Return the angle (degrees, counter-clockwise from the map's up) of true north at the view's centre."""
    x0, y0, x1, y1 = view
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    lon, lat = from_map().transform(cx, cy)
    nx, ny = to_map().transform(lon, min(lat + 0.5, 89.9))
    return float(math.degrees(math.atan2(-(nx - cx), ny - cy)))


def draw_north_arrow(fig: Figure, ax: Axes, view: View, s: float) -> None:
    """Draw an arrow to true north at the view's centre (:func:`north_angle`), in the lower right corner."""
    angle = math.radians(north_angle(view))
    cx, cy, size = 0.962, 0.085, 0.038  # axes fraction, lower right
    box = ax.get_position()
    aspect = box.width * fig.get_figwidth() / (box.height * fig.get_figheight())
    cos, sin = math.cos(angle), math.sin(angle)

    def rot(px: float, py: float) -> tuple[float, float]:
        return (cx + (px * cos - py * sin) * size / aspect, cy + (px * sin + py * cos) * size)

    for side, fill in ((-0.38, TEXT), (0.38, "white")):
        ax.add_artist(
            Polygon(
                [rot(0, 1), rot(side, -0.6), rot(0, -0.3)],
                closed=True,
                transform=ax.transAxes,
                facecolor=fill,
                edgecolor=TEXT,
                linewidth=0.6 * s,
                zorder=11,
                gid="furniture",
            )
        )
    nx, ny = rot(0, 1.6)
    ax.text(
        nx,
        ny,
        "N",
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=10 * s,
        fontweight="bold",
        color=TEXT,
        zorder=11,
        path_effects=halo(s),
        gid="furniture",
    )


def _draw_mat(fig: Figure, rect: tuple[float, float, float, float], s: float) -> None:
    """Draw the white mat, 3 points wide, that sets an inset off the map body it stands on."""
    mat = 3.0 * s / 72  # inches
    mx, my = mat / fig.get_figwidth(), mat / fig.get_figheight()
    fig.add_artist(
        Rectangle(
            (rect[0] - mx, rect[1] - my),
            rect[2] + 2 * mx,
            rect[3] + 2 * my,
            transform=fig.transFigure,
            facecolor="white",
            edgecolor="#555555",
            linewidth=0.6 * s,
            zorder=1.5,
            gid="inset-corner",
        )
    )


def _inset_title(ax: Axes, s: float, *, in_map: bool) -> None:
    """Title the overview: above its frame in the panel, inside its frame (top left) on the map body."""
    title = "Overview (Belarus shaded)"
    if not in_map:
        ax.set_title(title, fontsize=8.2 * s, color=LABEL_GREY, loc="left", pad=2.5 * s)
        return
    style: dict[str, Any] = {"ha": "left", "va": "top", "color": TEXT, "zorder": 6, "path_effects": halo(s)}
    ax.text(0.03, 0.97, title, transform=ax.transAxes, fontsize=7.6 * s, gid="inset-title", **style)


def draw_inset(
    fig: Figure,
    rect: tuple[float, float, float, float],
    base: Basemap,
    view: View,
    sites: SiteLayer,
    s: float,
    *,
    in_map: bool = False,
) -> Axes:
    """Draw the overview: Europe from the Atlantic to the Volga, Belarus shaded, every site, the view outlined.

    Far sites left outside the map's frame (:func:`geo.briefing.sites.main_cluster`) are shown here too,
    and the overview grows to hold them and the view. ``in_map``: the inset stands in a corner of the map
    body (a busy map), on a white mat, with its title inside its frame.
    """
    ax = fig.add_axes(rect, gid="overview-inset", zorder=2 if in_map else 0)
    if in_map:
        _draw_mat(fig, rect, s)
    bounds = np.asarray([_INSET_VIEW, view] + [(lab.x, lab.y, lab.x, lab.y) for lab in sites.outside])
    aspect = rect[2] * fig.get_figwidth() / (rect[3] * fig.get_figheight())
    extent = (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max())
    box = fit_extent(extent, aspect, pad=0.03, frame=OVERVIEW_FRAME)
    ax.set_facecolor(SEA)
    shown = shapely.clip_by_rect(base.inset_countries, *box)
    add_path(ax, polygon_path(shown), facecolor=LAND, edgecolor=COUNTRY_EDGE, linewidth=0.3 * s, zorder=1)
    belarus = shown[base.inset_iso3 == "BLR"]
    add_path(
        ax,
        polygon_path(belarus),
        facecolor=rgba(TEXT, 0.42),
        edgecolor=TEXT,
        linewidth=0.5 * s,
        zorder=2,
        gid="inset-belarus",
    )
    vx0, vy0, vx1, vy1 = view
    ax.add_artist(
        Rectangle((vx0, vy0), vx1 - vx0, vy1 - vy0, facecolor="none", edgecolor="#b2182b", linewidth=1.3 * s, zorder=3)
    )
    points = [(x, y, a) for x, y, a, _ in sites.dots]
    for alliance in ordered_alliances({a for *_, a in points}):
        xy = np.asarray([(x, y) for x, y, a in points if a == alliance])
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=(2.6 * s) ** 2,
            c=alliance_color(alliance),
            edgecolors="white",
            linewidths=0.3 * s,
            zorder=4,
        )
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#666666")
        spine.set_linewidth(0.6 * s)
    _inset_title(ax, s, in_map=in_map)
    return ax


def draw_banner(fig: Figure, banner_h: float, banner: str, s: float) -> None:
    """Draw the handling banner as a dark band ``banner_h`` (figure fraction) high at the top and the bottom."""
    for y in (0.0, 1.0 - banner_h):
        fig.add_artist(
            Rectangle(
                (0, y),
                1,
                banner_h,
                transform=fig.transFigure,
                facecolor=BANNER_BG,
                edgecolor="none",
                zorder=20,
                gid="banner",
            )
        )
        fig.text(
            0.5,
            y + banner_h / 2,
            banner.upper(),
            ha="center",
            va="center",
            fontsize=10.5 * s,
            fontweight="bold",
            color="white",
            zorder=21,
            gid="banner-text",
        )
