"""The briefing canvas rasterises text lines in one call: the ink must land where matplotlib's own loop puts it."""

from __future__ import annotations

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from geo.briefing.canvas import BriefingCanvas, LineRenderer


def _ink(canvas_class: type[FigureCanvasAgg], **text: object) -> np.ndarray:
    fig = Figure(figsize=(4, 1.5), dpi=144, facecolor="white")
    canvas_class(fig)
    fig.text(0.1, 0.5, "Võru, Põlva · Siil 2018\nZapad-2021 (3)", fontsize=9, color="black", **text)  # type: ignore[arg-type]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=144)
    return 255 - np.asarray(Image.open(buf).convert("L"), dtype=float)


def _bbox(ink: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.nonzero(ink > 60)
    return int(rows.min()), int(cols.min()), int(rows.max()), int(cols.max())


def test_the_canvas_draws_with_the_line_renderer() -> None:
    fig = Figure(figsize=(2, 1), dpi=100)
    assert isinstance(BriefingCanvas(fig).get_renderer(), LineRenderer)


def test_a_text_line_lands_where_matplotlib_draws_it() -> None:
    ours, stock = _ink(BriefingCanvas), _ink(FigureCanvasAgg)
    assert ours.sum() > 0
    assert np.abs(np.subtract(_bbox(ours), _bbox(stock))).max() <= 1  # same ink box, to a pixel
    assert abs(ours.sum() / stock.sum() - 1) < 0.03  # same amount of ink (no glyph lost or doubled)


def test_rotated_and_bold_texts_match_too() -> None:
    for style in ({"rotation": 30}, {"fontweight": "bold", "ha": "center"}):
        ours, stock = _ink(BriefingCanvas, **style), _ink(FigureCanvasAgg, **style)
        assert np.abs(np.subtract(_bbox(ours), _bbox(stock))).max() <= 1


def test_a_haloed_text_matches_matplotlib_and_a_second_draw_reads_the_caches() -> None:
    from matplotlib import patheffects

    from geo.briefing import canvas

    halo = {"path_effects": [patheffects.withStroke(linewidth=3, foreground="white")]}
    first = _ink(BriefingCanvas, **halo)
    assert _bbox(first) == _bbox(_ink(FigureCanvasAgg, **halo))  # the halo's outline is matplotlib's own
    assert np.array_equal(_ink(BriefingCanvas, **halo), first)  # drawn again from the caches: the same pixels
    key = ("Zapad-2021 (3)", False)
    assert any((k[0], k[2]) == key for k in canvas._OUTLINES._items)  # the outline was kept


def test_the_text_caches_stay_within_their_byte_bound() -> None:
    from geo.briefing.canvas import _TextCache

    cache = _TextCache(max_bytes=10_000)
    for i in range(50):
        cache.put((str(i),), (np.zeros(1_000, dtype=np.uint8),))
    assert cache._bytes <= 10_000 and len(cache._items) == 10
    assert cache.get(("0",)) is None and cache.get(("49",)) is not None  # the oldest went first
