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

import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.textpath import TextToPath

__all__ = ["BriefingCanvas", "LineRenderer"]


#: A rasterised line: its bitmap, FreeType's bitmap offset, descent and width/height (26.6 fixed point).
_Line = tuple[np.ndarray, tuple[int, int], int, tuple[int, int]]
#: Text path outlines: (vertices, codes).
_Outline = tuple[np.ndarray, np.ndarray]
#: Bytes of line bitmaps and of text outlines kept between renders (a busy map needs about 1 MB of each).
TEXT_CACHE_BYTES = 8 * 1024 * 1024


class _TextCache:
    """Rasterised lines or text outlines shared by every render of the process, least recently used dropped first.

    Both depend only on the text and its font properties (plus dpi and hinting for a bitmap: the key), so a
    map drawn again reuses its labels' bitmaps and its halos' outlines. Streamlit renders from several
    threads: a lock guards the dictionary.
    """

    def __init__(self, max_bytes: int) -> None:
        self._items: OrderedDict[tuple[Any, ...], tuple[Any, ...]] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> Any:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: tuple[Any, ...], item: tuple[Any, ...]) -> None:
        with self._lock:
            if key in self._items:
                return
            self._items[key] = item
            self._bytes += _nbytes(item)
            while self._bytes > self._max_bytes and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= _nbytes(dropped)


def _nbytes(item: tuple[Any, ...]) -> int:
    return sum(part.nbytes for part in item if isinstance(part, np.ndarray))


_LINES = _TextCache(TEXT_CACHE_BYTES)
_OUTLINES = _TextCache(TEXT_CACHE_BYTES)


class _CachedTextToPath(TextToPath):
    """matplotlib's text-to-outline converter, remembering each outline (haloed labels are drawn as paths)."""

    def get_text_path(  # type: ignore[override]
        self, prop: Any, s: str, ismath: bool | str = False, *, features: Any = None, language: Any = None
    ) -> _Outline:
        key = (s, hash(prop), ismath, None if features is None else tuple(features), language)
        outline: _Outline | None = _OUTLINES.get(key)
        if outline is None:
            verts, codes = super().get_text_path(prop, s, ismath, features=features, language=language)  # type: ignore[arg-type]
            outline = (np.asarray(verts), np.asarray(codes))
            _OUTLINES.put(key, outline)
        return outline


_TEXT_TO_PATH = _CachedTextToPath()


class LineRenderer(RendererAgg):
    """An Agg renderer that rasterises each unrotated plain text line as one FreeType bitmap.

    Laying out a line (``FT2Font.set_text``: shaping, loading and hinting every glyph) is the costly step,
    and matplotlib does it twice per text: to measure it (label placement, alignment) and to draw it. The
    renderer rasterises the line when it is measured and keeps the bitmap for the draw (and for later
    renders) in a bounded process-wide cache keyed by the text, its font properties, dpi and hinting.
    """

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)  # type: ignore[no-untyped-call]
        self._text2path = _TEXT_TO_PATH  # path-effect (halo) texts are outlines: shared, cached

    def _key(self, s: str, prop: Any) -> tuple[Any, ...]:
        return (s, hash(prop), self.dpi, get_hinting_flag())  # type: ignore[no-untyped-call]

    def _rasterise(self, s: str, prop: Any) -> _Line:
        key = self._key(s, prop)
        line: _Line | None = _LINES.get(key)
        if line is None:
            font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
            font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
            font.draw_glyphs_to_bitmap(antialiased=True)
            image = np.array(font.get_image())
            line = (image, font.get_bitmap_offset(), font.get_descent(), font.get_width_height())
            _LINES.put(key, line)
        return line

    def get_text_width_height_descent(self, s: str, prop: Any, ismath: bool | str) -> tuple[float, float, float]:
        """Measure a text as matplotlib does; a plain line is rasterised now (or found), for its draw."""
        if ismath:
            size: tuple[float, float, float] = super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-untyped-call]
            return size
        _, _, descent, (w, h) = self._rasterise(s, prop)
        return w / 64.0, h / 64.0, descent / 64.0

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
        if gc.get_antialiased():
            image, (x_off, y_off), descent, _ = self._rasterise(s, prop)
        else:
            font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
            font.set_text(s, 0.0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
            font.draw_glyphs_to_bitmap(antialiased=False)
            image, (x_off, y_off), descent = font.get_image(), font.get_bitmap_offset(), font.get_descent()
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
