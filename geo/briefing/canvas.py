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

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag

__all__ = ["BriefingCanvas", "LineRenderer"]


class LineRenderer(RendererAgg):
    """An Agg renderer that rasterises each unrotated plain text line as one FreeType bitmap."""

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
        font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
        font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
        font.draw_glyphs_to_bitmap(antialiased=gc.get_antialiased())
        descent = font.get_descent() / 64.0
        x_off, y_off = font.get_bitmap_offset()
        # The bitmap's bottom edge, in the renderer's downward pixel rows (as matplotlib <= 3.10 placed it).
        left = round(x + x_off / 64.0)
        bottom = round(y + y_off / 64.0 + descent) + 1
        self._renderer.draw_text_image(font.get_image(), left, bottom, 0, gc)


class BriefingCanvas(FigureCanvasAgg):
    """A :class:`~matplotlib.backends.backend_agg.FigureCanvasAgg` that draws with :class:`LineRenderer`."""

    def get_renderer(self) -> RendererAgg:
        """Return the renderer for the figure's current size and dpi (reused while they stay the same)."""
        w, h = self.get_width_height(physical=True)
        key = (w, h, self.figure.dpi)
        if self._lastKey != key:
            self.renderer = LineRenderer(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer
