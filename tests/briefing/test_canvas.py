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
