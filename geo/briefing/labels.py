"""Label placement on the briefing map: greedy, in display pixels, so that no label overlaps another.

Site labels are placed first, most precise places first: beside the dot, then further out with a leader
line. A site label that still finds no room gets a number at the site and a line in the numbered key of
the panel, so nothing is dropped silently (:class:`LabelReport`). Reference names (cities, countries,
oblasts; :mod:`geo.briefing.names`) then take what room is left.

Every label is two artists: the text itself (above everything) and its white halo, drawn *below* NATO's
frontier line (:data:`HALO_ZORDER`), so a halo never breaks the border.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from geo.briefing.projection import View
from geo.briefing.sites import Label, SiteLayer
from geo.briefing.style import TEXT, halo_only

HAlign = Literal["left", "center", "right"]
VAlign = Literal["bottom", "center", "top"]

#: A label position: offset from the anchor (points), horizontal and vertical alignment.
Candidate = tuple[float, float, HAlign, VAlign]

#: Halos sit above the site areas and uncertainty circles and under the NATO frontier (6.3–6.4).
HALO_ZORDER: Final = 6.2
#: Label texts sit above everything on the map body.
TEXT_ZORDER: Final = 9.0
# A map with more site labels than this is busy: its labels use slightly smaller type.
_BUSY: Final = 30
# Map furniture that labels must keep off.
_BLOCKING_GIDS: Final = frozenset({"furniture", "graticule-label", "offframe-label"})
# Site-label candidate rings (multiples of the first offset), 8 positions each; from the third ring on
# (candidate 16) a label is moved away and gets a leader line to its site.
_RINGS: Final = (1.0, 2.4, 4.2, 6.5, 9.5, 13.0, 17.0, 22.0, 28.0, 35.0)
_LEADER_FROM: Final = 16
# The second ring (candidates 8-15) stands a dot's width off: in a cluster such a label may sit nearer
# another site than its own, so it gets a short leader line too.
_NEAR_LEADER_FROM: Final = 8
# Key numbers keep this many label pads clear around them (a pad is 1.2 pt): about 2 pt between two
# numbers' boxes, so their halos do not touch in a crowd.
_NUMBER_PAD: Final = 1.6


@dataclass
class LabelReport:
    """What became of the site labels: how many were placed, and the numbered key of the rest."""

    placed: int = 0
    keyed: list[tuple[int, str]] = field(default_factory=list)  # (number, one-line label text)


class Placer:
    """Greedy label placement: each label takes the first candidate position that overlaps nothing taken.

    A label's size does not depend on where it goes, so it is measured once and every candidate box is
    computed arithmetically in display pixels.
    """

    def __init__(self, fig: Figure, ax: Axes) -> None:
        self.renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        box = ax.get_window_extent(self.renderer)
        self.limits = (box.x0, box.y0, box.x1, box.y1)
        self.taken = np.empty((0, 4))
        self.is_label = np.empty(0, dtype=bool)
        self.lines = np.empty((0, 4))  # leader lines: labels keep off them, other leaders may cross them
        self.px_per_pt = fig.dpi / 72.0
        self.last_box = (0.0, 0.0, 0.0, 0.0)  # the text box (no padding) of the last label placed

    def block(self, x0: float, y0: float, x1: float, y1: float, *, label: bool = False) -> None:
        """Mark a display-pixel box as taken (``label``: by a text, which leader lines must not cross)."""
        self.taken = np.vstack([self.taken, [[x0, y0, x1, y1]]])
        self.is_label = np.append(self.is_label, label)

    def free(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Return True if a display-pixel box is inside the map and overlaps nothing taken."""
        return bool(self.free_boxes(np.array([[x0, y0, x1, y1]]))[0])

    def free_boxes(self, boxes: np.ndarray) -> np.ndarray:
        """Return, for each display-pixel box (rows x0, y0, x1, y1), whether it is inside the map and free."""
        lx0, ly0, lx1, ly1 = self.limits
        b = boxes[:, None, :]
        ok: np.ndarray = (
            (boxes[:, 0] >= lx0 + 2) & (boxes[:, 1] >= ly0 + 2) & (boxes[:, 2] <= lx1 - 2) & (boxes[:, 3] <= ly1 - 2)
        )
        for t in (self.taken, self.lines):
            hit = (b[..., 0] < t[:, 2]) & (b[..., 2] > t[:, 0]) & (b[..., 1] < t[:, 3]) & (b[..., 3] > t[:, 1])
            ok &= ~hit.any(axis=1)
        return ok

    def place(
        self,
        text: Annotation,
        anchor_px: tuple[float, float],
        candidates: Sequence[Candidate],
        pad_px: float,
        *,
        force: bool = False,
        leader_from: int | None = None,
        leader_until: int | None = None,
    ) -> int | None:
        """Move ``text`` to the first free candidate and return its index, else remove it and return None.

        From candidate ``leader_from`` on (up to ``leader_until``, excluded), the label is far from its
        anchor and gets a leader line: the line must cross nothing taken either, and is then taken itself.
        With ``force``, a text that finds no free candidate stays at the first one (the small key numbers,
        which must be drawn).
        """
        text.set_horizontalalignment("left")
        text.set_verticalalignment("bottom")
        box = text.get_window_extent(self.renderer)
        w, h = box.width, box.height
        ax_, ay_ = anchor_px
        corners = np.array(
            [
                (
                    ax_ + dx * self.px_per_pt - {"left": 0.0, "center": w / 2, "right": w}[ha],
                    ay_ + dy * self.px_per_pt - {"bottom": 0.0, "center": h / 2, "top": h}[va],
                )
                for dx, dy, ha, va in candidates
            ]
        ).reshape(-1, 2)
        pads = np.array([-pad_px, -pad_px, w + pad_px, h + pad_px])
        free = np.ones(len(candidates), bool) if force else self.free_boxes(np.tile(corners, 2) + pads)
        for i in np.flatnonzero(free).tolist():
            dx, dy, ha, va = candidates[i]
            x, y = float(corners[i, 0]), float(corners[i, 1])
            leader = leader_from is not None and leader_from <= i < (leader_until or len(candidates))
            points = self._leader_points(anchor_px, (x, y, x + w, y + h)) if leader else np.empty((0, 2))
            if len(points) and not force and self._crosses(points):
                continue
            text.xyann = (dx, dy)
            text.set_horizontalalignment(ha)
            text.set_verticalalignment(va)
            self.block(x - pad_px, y - pad_px, x + w + pad_px, y + h + pad_px, label=True)
            if len(points):
                self.lines = np.vstack([self.lines, np.column_stack([points - 1.5, points + 1.5])])
            self.last_box = (x, y, x + w, y + h)
            return i
        text.remove()
        return None

    def clear_of(
        self, size: tuple[float, float], anchor: tuple[float, float], candidate: Candidate, *, dots: bool
    ) -> bool:
        """Return True if a text of ``size`` (pixels) at ``candidate`` overlaps no label (and, with ``dots``, no dot).

        Leader lines are not checked: a number may cross one.
        """
        w, h = size
        dx, dy, ha, va = candidate
        x = anchor[0] + dx * self.px_per_pt - {"left": 0.0, "center": w / 2, "right": w}[ha]
        y = anchor[1] + dy * self.px_per_pt - {"bottom": 0.0, "center": h / 2, "top": h}[va]
        t = self.taken if dots else self.taken[self.is_label]
        return not np.any((x < t[:, 2]) & (x + w > t[:, 0]) & (y < t[:, 3]) & (y + h > t[:, 1]))

    def _leader_points(self, anchor: tuple[float, float], box: tuple[float, float, float, float]) -> np.ndarray:
        """Return points every 3 px along the leader from outside the anchor's dot to the label box."""
        ax_, ay_ = anchor
        ex, ey = min(max(ax_, box[0]), box[2]), min(max(ay_, box[1]), box[3])
        length = float(np.hypot(ex - ax_, ey - ay_))
        start = 6.0 * self.px_per_pt  # beyond the site's own dot, which is blocked
        if length <= start:
            return np.empty((0, 2))
        t = np.arange(start, length, 3.0) / length
        return np.column_stack([ax_ + (ex - ax_) * t, ay_ + (ey - ay_) * t])

    def _crosses(self, points: np.ndarray) -> bool:
        """Return True if a leader (its sample points) would cross a label; crossing a dot is allowed."""
        t = self.taken[self.is_label]
        inside = (
            (points[:, None, 0] > t[None, :, 0])
            & (points[:, None, 0] < t[None, :, 2])
            & (points[:, None, 1] > t[None, :, 1])
            & (points[:, None, 1] < t[None, :, 3])
        )
        return bool(inside.any())


def around(r: float, rings: Sequence[float] = (1.0, 2.4)) -> list[Candidate]:
    """Return candidate positions around a point: right, left, the diagonals, above, below, ring by ring."""
    out: list[Candidate] = []
    for k in rings:
        d, e = k * r * 0.7, k * r
        out += [
            (e, 0, "left", "center"),
            (-e, 0, "right", "center"),
            (d, d, "left", "bottom"),
            (d, -d, "left", "top"),
            (-d, d, "right", "bottom"),
            (-d, -d, "right", "top"),
            (0, e, "center", "bottom"),
            (0, -e, "center", "top"),
        ]
    return out


def add_halo(ax: Axes, text: Annotation, s: float, width: float = 2.6) -> Annotation:
    """Draw the white halo of a placed label as its own artist under the NATO frontier line."""
    twin = ax.annotate(
        text.get_text(),
        xy=text.xy,
        xytext=text.xyann,
        textcoords="offset points",
        ha=text.get_horizontalalignment(),
        va=text.get_verticalalignment(),
        fontsize=text.get_fontsize(),
        fontweight=text.get_fontweight(),
        fontstyle=text.get_fontstyle(),
        linespacing=text.get_linespacing(),
        color="white",
        path_effects=halo_only(s, width),
        zorder=HALO_ZORDER,
        annotation_clip=False,
        gid="label-halo",
        parse_math=False,
    )
    return twin


def anchor_px(ax: Axes, x: float, y: float) -> tuple[float, float]:
    """Return the display pixel of map point (x, y) (metres)."""
    out = ax.transData.transform((x, y))
    return float(out[0]), float(out[1])


def block_dots_and_furniture(placer: Placer, ax: Axes, points: Sequence[tuple[float, float]], r_pt: float) -> None:
    """Keep labels off the given points (site and city dots, radius ``r_pt`` points) and the furniture."""
    r = r_pt * placer.px_per_pt + 1.0
    for x, y in points:
        px, py = ax.transData.transform((x, y))
        placer.block(px - r, py - r, px + r, py + r)
    for artist in [*ax.texts, *ax.patches, *ax.artists]:
        if artist.get_gid() in _BLOCKING_GIDS:
            b = artist.get_window_extent(placer.renderer)
            placer.block(b.x0 - 2, b.y0 - 2, b.x1 + 2, b.y1 + 2)


def _annotate(ax: Axes, label: Label, offset: float, s: float, **style: Any) -> Annotation:
    return ax.annotate(
        label.text,
        xy=(label.x, label.y),
        xytext=(offset, 0),
        textcoords="offset points",
        color=TEXT,
        linespacing=1.0,
        zorder=TEXT_ZORDER,
        annotation_clip=False,
        parse_math=False,
        **style,
    )


def _leader(ax: Axes, placer: Placer, anchor: tuple[float, float], s: float) -> None:
    """Draw a thin grey leader line from a site (display pixels) to the nearest edge of its moved label."""
    x0, y0, x1, y1 = placer.last_box
    ax_, ay_ = anchor
    ex, ey = min(max(ax_, x0), x1), min(max(ay_, y0), y1)
    length = float(np.hypot(ex - ax_, ey - ay_))
    if length < 1:
        return
    gap = 3.5 * s * placer.px_per_pt  # start outside the dot
    sx, sy = ax_ + (ex - ax_) * gap / length, ay_ + (ey - ay_) * gap / length
    start, end = ax.transData.inverted().transform([(sx, sy), (ex, ey)])
    ax.plot(
        [start[0], end[0]],
        [start[1], end[1]],
        color="#555555",
        linewidth=0.6 * s,
        zorder=TEXT_ZORDER - 0.1,
        gid="leader-line",
        solid_capstyle="round",
    )


def inside_area(ax: Axes, label: Label, view: View, px_per_pt: float, steps: int = 9) -> list[Candidate]:
    """Return centred positions inside an area label's own area (in the view), nearest its anchor first.

    An area is its own symbol: its name may sit anywhere inside it without a leader line, which leaves
    the crowded middle of Belarus to the labels of points.
    """
    if label.area is None:
        return []
    bx0, by0 = max(label.area.bounds[0], view[0]), max(label.area.bounds[1], view[1])
    bx1, by1 = min(label.area.bounds[2], view[2]), min(label.area.bounds[3], view[3])
    gx, gy = np.meshgrid(np.linspace(bx0, bx1, steps + 2)[1:-1], np.linspace(by0, by1, steps + 2)[1:-1])
    xs, ys = gx.ravel(), gy.ravel()
    keep = shapely.contains_xy(label.area, xs, ys)
    if not keep.any():
        return []
    px = ax.transData.transform(np.column_stack([xs[keep], ys[keep]]))
    ax_, ay_ = anchor_px(ax, label.x, label.y)
    offsets = (px - [ax_, ay_]) / px_per_pt
    order = np.argsort(np.hypot(offsets[:, 0], offsets[:, 1]))
    return [(float(offsets[i, 0]), float(offsets[i, 1]), "center", "center") for i in order]


def _number(placer: Placer, ax: Axes, label: Label, n: int, s: float, pad: float) -> None:
    """Put the key number of an unplaced label beside its site, off other numbers and dots if there is room.

    A number always gets drawn: beside the site, else a little further out with a leader line, else (a
    crowd with no free spot) at the first position, over whatever is there.
    """
    offset = 3.8 * s
    text = _annotate(ax, label, offset, s, fontsize=7.4 * s, fontweight="bold", gid="site-key-number")
    text.set_text(str(n))
    anchor = anchor_px(ax, label.x, label.y)
    near = around(offset, (1.0, 1.6))
    if placer.place(text, anchor, near, pad * _NUMBER_PAD) is None:
        ax.add_artist(text)
        far = around(offset, (2.6, 3.8, 5.2, 7.0, 9.0, 12.0))
        if placer.place(text, anchor, far, pad * _NUMBER_PAD, leader_from=0) is not None:
            _leader(ax, placer, anchor, s)
        else:  # across a leader line, else over a dot, if need be, but never over a label or another number
            ax.add_artist(text)
            box = text.get_window_extent(placer.renderer)
            size = (box.width, box.height)
            clear = [c for c in near + far if placer.clear_of(size, anchor, c, dots=True)]
            clear = clear or [c for c in near + far if placer.clear_of(size, anchor, c, dots=False)]
            chosen = (clear or near)[:1]
            placer.place(text, anchor, chosen, pad * _NUMBER_PAD, force=True, leader_from=0)
            if chosen[0] in far:
                _leader(ax, placer, anchor, s)
    add_halo(ax, text, s, 2.4)


def geographic_order(labels: Sequence[Label], view: View, rows: int = 6) -> list[Label]:
    """Return labels in reading order on the map: in bands from north to south, west to east in each band."""
    y1, height = view[3], max(view[3] - view[1], 1.0)
    return sorted(labels, key=lambda lab: (min(int((y1 - lab.y) / height * rows), rows - 1), lab.x))


def place_site_labels(
    placer: Placer,
    ax: Axes,
    sites: SiteLayer,
    view: View,
    s: float,
    pad: float,
    between: Callable[[], object] | None = None,
) -> LabelReport:
    """Place one label per place in ``view``: beside it, else further out with a leader line, else numbered.

    Two passes: every label first tries the positions beside its site; ``between`` then runs (the
    capitals' names, which orient the reader and outrank a label that could move away); the labels left
    then try the positions further out, with a leader line. The rest are numbered.

    Returns
    -------
    LabelReport
        The count placed and the numbered key (number, text) of the labels that found no room.
    """
    offset = 6.0 * s
    candidates = around(offset, _RINGS)
    report = LabelReport()
    x0, y0, x1, y1 = view
    shown = [lab for lab in sites.labels if x0 <= lab.x <= x1 and y0 <= lab.y <= y1]  # far sites: edge notes
    size = (8.0 if len(shown) <= _BUSY else 7.3) * s
    pending = shown
    for near in (True, False):
        unplaced: list[Label] = []
        for label in pending:
            text = _annotate(ax, label, offset, s, fontsize=size, gid="site-label")
            options = candidates[:_LEADER_FROM] if near else candidates[_LEADER_FROM:]
            if near:
                options = options + inside_area(ax, label, view, placer.px_per_pt)
            leaders = (_NEAR_LEADER_FROM, _LEADER_FROM) if near else (0, None)
            at = placer.place(
                text, anchor_px(ax, label.x, label.y), options, pad, leader_from=leaders[0], leader_until=leaders[1]
            )
            if at is None:
                unplaced.append(label)
                continue
            report.placed += 1
            if not near or _NEAR_LEADER_FROM <= at < _LEADER_FROM:  # set apart: show where the label belongs
                _leader(ax, placer, anchor_px(ax, label.x, label.y), s)
            add_halo(ax, text, s)
        pending = unplaced
        if near and between is not None:
            between()
    for n, label in enumerate(geographic_order(pending, view), start=1):
        _number(placer, ax, label, n, s, pad)
        report.keyed.append((n, label.key))
    return report
