"""The briefing map's Agg canvas: matplotlib's, with each plain text line rasterised in one call.

matplotlib 3.11 draws a text on Agg glyph by glyph from Python (set the size, set the transform, render
the glyph, blend it), about 0.1 ms per character. A busy briefing map has some 5,000 characters (labels,
legend, numbered key, footer), so that loop was a third of the PNG's time. For an unrotated, plain
(non-mathtext) line, FreeType can lay out and rasterise the whole string into one bitmap
(``FT2Font.set_text`` + ``draw_glyphs_to_bitmap``), which the renderer blends once: the way matplotlib up
to 3.10 drew every text. The glyphs and their positions are the same FreeType output, so the picture does
not change (tests/briefing/test_canvas.py compares the ink of both ways); rotated texts and mathtext
still take matplotlib's own path. PDF and SVG saves use their own backends and are not affected.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag

__all__ = ["BriefingCanvas", "LineRenderer"]


#: A rasterised line: its bitmap, FreeType's bitmap offset and descent (26.6 fixed point).
_Line = tuple[np.ndarray, tuple[int, int], int]


class LineRenderer(RendererAgg):
    """An Agg renderer that rasterises each unrotated plain text line as one FreeType bitmap.

    Laying out a line (``FT2Font.set_text``: shaping, loading and hinting every glyph) is the costly step,
    and matplotlib does it twice per text: to measure it (label placement, alignment) and to draw it. The
    renderer rasterises the line when it is measured and keeps the bitmap for the draw, keyed by the text
    and its font properties; it lives as long as the renderer (one figure's canvas at one size).
    """

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]
        self._lines: dict[tuple[str, int], _Line] = {}

    def _rasterise(self, s: str, prop: Any) -> tuple[Any, _Line]:
        font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
        font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
        font.draw_glyphs_to_bitmap(antialiased=True)
        line = (np.array(font.get_image()), font.get_bitmap_offset(), font.get_descent())
        self._lines[(s, hash(prop))] = line
        return font, line

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: bool | str) -> tuple[float, float, float]:
        """Measure a text as matplotlib does; a plain line is rasterised now, for its draw."""
        if ismath:
            size: tuple[float, float, float] = super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
            return size
        font, _ = self._rasterise(s, prop)
        w, h = font.get_width_height()
        return w / 64.0, h / 64.0, font.get_descent() / 64.0

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        """Draw ``s`` with its baseline's left end at display (x, y), y measured downwards."""
        if ismath or angle:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        line = self._lines.get((s, hash(prop))) if gc.get_antialiased() else None
        if line is None:
            font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
            font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
            font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
            line = (font.get_image(), font.get_bitmap_offset(), font.get_descent())
        image, (x_off, y_off), descent = line
        # The bitmap's bottom edge, in the renderer's downward pixel rows (as matplotlib <= 3.10 placed it).
        left = round(x + x_off / 64.0)
        bottom = round(y + y_off / 64.0 + descent / 64.0) + 1
        self._renderer.draw_text_image(image, left, bottom, 0, gc)


class BriefingCanvas(FigureCanvasAgg):
    """A :class:`~matplotlib.backends.backend_agg.FigureCanvasAgg` that draws with :class:`LineRenderer`."""

    def get_renderer(self) -> RendererAgg:
        """Return the renderer for the figure's current size and dpi (reused while they stay the same)."""
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        if self._lastKey != key:
            self.renderer = LineRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer
