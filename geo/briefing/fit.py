"""How much room a text takes on a slide: widths, wrapped lines and heights in DejaVu Sans, and pages.

A slide's table or list must be split across slides before it is written, since a PPTX table row grows
with its text when PowerPoint or LibreOffice lays it out and would run off the slide. The text is
measured with the font the slide names (:data:`geo.briefing.pptx.FONT`, the DejaVu Sans files matplotlib
ships), wrapped at spaces as a text frame wraps it (no-break spaces hold), and given a small allowance for
the renderer's own rounding.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import matplotlib as mpl
from PIL import ImageFont

__all__ = ["LINE_SPACING", "line_height_in", "paginate", "text_height_in", "text_width_in", "wrapped_lines"]

#: Height of a line of DejaVu Sans, in ems (ascent 0.928 + descent 0.236, as LibreOffice spaces it).
LINE_SPACING: Final = 1.17
# Measured text is widened this much: renderers differ in kerning and hinting by a few per cent.
_WIDTH_ALLOWANCE: Final = 1.03
_MEASURE_PX: Final = 100  # font size used for measuring (the result is scaled to the asked size)


@functools.cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(mpl.get_data_path()) / "fonts" / "ttf" / name), _MEASURE_PX)


def text_width_in(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Return the width of one line of ``text`` at ``size_pt`` in inches (with the renderers' allowance)."""
    return _font(bold).getlength(text) / _MEASURE_PX * size_pt / 72.0 * _WIDTH_ALLOWANCE


def line_height_in(size_pt: float) -> float:
    """Return the height of one line of text at ``size_pt``, in inches."""
    return size_pt * LINE_SPACING / 72.0


def wrapped_lines(text: str, width_in: float, size_pt: float, *, bold: bool = False) -> int:
    """Return how many lines ``text`` takes in a frame ``width_in`` wide (its paragraphs split at newlines).

    Words wrap at ordinary spaces only (a no-break space holds a date together). A word wider than the
    frame (a long URL) is broken between characters where the line ends, as LibreOffice and PowerPoint do.
    """
    space = text_width_in(" ", size_pt, bold=bold)
    count = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            width = text_width_in(word, size_pt, bold=bold)
            need = used + space + width if used else width
            if need <= width_in:
                used = need
            elif width <= width_in:
                lines, used = lines + 1, width
            else:  # broken between characters, starting on the current line
                lines += int(need // width_in)
                used = need % width_in
        count += lines
    return count


def text_height_in(text: str, width_in: float, size_pt: float, *, bold: bool = False) -> float:
    """Return the height of ``text`` wrapped in a frame ``width_in`` wide, in inches."""
    return wrapped_lines(text, width_in, size_pt, bold=bold) * line_height_in(size_pt)


def paginate(heights: Sequence[float], room_in: float) -> list[range]:
    """Split items of the given heights into consecutive pages that each fit ``room_in``.

    An item taller than a whole page gets a page of its own (the caller must make such an item fit, e.g.
    by a smaller size: nothing is cut here). Every item is on exactly one page, in order.
    """
    pages: list[range] = []
    start, used = 0, 0.0
    for i, height in enumerate(heights):
        if i > start and used + height > room_in:
            pages.append(range(start, i))
            start, used = i, 0.0
        used += height
    if len(heights) > start:
        pages.append(range(start, len(heights)))
    return pages
