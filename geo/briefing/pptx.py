"""A 16:9 PowerPoint slide of the briefing map (python-pptx).

The slide carries the title (a real title placeholder, so it shows in the outline and to screen readers),
the subtitle line, the map picture (the briefing map rendered without its own title block, with alt text
describing the selection), a short list of the exercises in view, the map credits at 9 pt, the optional
handling banner top and bottom, and, in the speaker notes, every source of the sites shown plus the data
credits.

Every run names its font, :data:`FONT` (DejaVu Sans: free, Bitstream Vera licence, shipped with matplotlib
and Debian's ``fonts-dejavu-core``), so LibreOffice lays the slide out with the metrics it was designed
for instead of substituting Calibri. DejaVu is wider than Calibri or Arial, so the text boxes, sized for
it, also hold where PowerPoint substitutes a narrower font. Dates are written in words with no-break
spaces (:func:`geo.core.dates.date_words`), so "25 Sep 2020" never wraps.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any, Final

import geopandas as gpd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from geo.briefing import fit
from geo.briefing.map import BriefingOptions, render_bytes
from geo.briefing.text import default_title, source_grades, source_list, subtitle
from geo.core.credits import MAP_CREDITS, credits_sentence
from geo.core.dates import as_of_text, row_period_text
from geo.core.grading import NOT_GRADED, grade_label
from geo.query.selection import Selection

__all__ = [
    "CONTENT_TOP",
    "CREDITS_PT",
    "DARK",
    "FONT",
    "GREY",
    "MARGIN",
    "MAX_LISTED",
    "SLIDE_H_IN",
    "SLIDE_W_IN",
    "WHITE",
    "add_credits",
    "add_map_slide",
    "add_slide",
    "colour",
    "content_bottom",
    "deck_bytes",
    "exercise_lines",
    "new_deck",
    "set_alt_text",
    "text_box",
    "to_pptx",
]

#: The slide's one typeface, named on every run (see the module docstring).
FONT: Final = "DejaVu Sans"
#: Size of the map credits under the picture: at least 9 pt, legible when projected.
CREDITS_PT: Final = 9

SLIDE_W_IN: Final = 13.333
SLIDE_H_IN: Final = 7.5
#: Exercises listed beside the map; the rest are counted (and all are in the notes).
MAX_LISTED: Final = 12
MARGIN: Final = 0.35
CONTENT_TOP: Final = 1.28
_CREDITS_H: Final = 0.3
_PICTURE_W: Final = 9.35
_BANNER_H: Final = 0.3
# The picture is about 70 % of a full slide: enlarge its text and symbols to stay legible when projected.
_PICTURE_TEXT_SCALE: Final = 1.3


def colour(hex_rgb: str) -> RGBColor:
    """python-pptx's RGBColor from ``"1F1F1F"`` (its constructor is untyped)."""
    colour: RGBColor = RGBColor.from_string(hex_rgb)  # type: ignore[no-untyped-call]
    return colour


DARK: Final = colour("1F1F1F")
GREY: Final = colour("444444")
WHITE: Final = colour("FFFFFF")


def exercise_lines(sites: gpd.GeoDataFrame) -> list[str]:
    """Return one line per exercise in ``sites``, in date order.

    For example ``"Zapad-2021 — 10 Sep 2021 – 16 Sep 2021 (Russia-Belarus)"``, dates joined by no-break
    spaces so that no date wraps.
    """
    if not len(sites):
        return []
    first = sites.drop_duplicates("exercise_id").sort_values(["start_date", "exercise_id"], kind="stable")
    return [f"{row.exercise_name} — {row_period_text(row, words=True)} ({row.alliance})" for row in first.itertuples()]


def text_box(slide: Any, left: float, top: float, width: float, height: float) -> Any:
    """Add a word-wrapping text box (size in inches) with thin side margins; return its text frame."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = Inches(0.02)
    return frame


def _banner(slide: Any, text: str, top: float) -> None:
    shape = slide.shapes.add_shape(1, Inches(0), Inches(top), Inches(SLIDE_W_IN), Inches(_BANNER_H))  # 1: rectangle
    shape.fill.solid()
    shape.fill.fore_color.rgb = DARK
    shape.line.fill.background()
    frame = shape.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.CENTER
    run = para.add_run()
    run.text = text.upper()
    run.font.size = Pt(12)
    run.font.bold = True
    run.font.color.rgb = WHITE
    shape.name = "Handling banner"


def _picture_png(selection: Selection, options: BriefingOptions, picture_h: float) -> bytes:
    """Render the map for the picture frame: no title block or banner (the slide has them), larger type."""
    width_px = options.size_px[0]
    picture_opts = dataclasses.replace(
        options,
        show_title=False,
        show_credits=False,
        banner="",
        size_px=(width_px, round(width_px * picture_h / _PICTURE_W)),
        dpi=width_px / _PICTURE_W,
        text_scale=_PICTURE_TEXT_SCALE,
    )
    return render_bytes(selection, fmt="png", options=picture_opts)


def _add_heading(slide: Any, top: float, title: str, subtitle_text: str) -> None:
    """Fill the layout's title placeholder (outline, screen readers) and add the subtitle line under it."""
    heading = slide.shapes.title
    heading.left, heading.top = Inches(MARGIN), Inches(top + 0.12)
    heading.width, heading.height = Inches(SLIDE_W_IN - 2 * MARGIN), Inches(0.62)
    heading.text_frame.text = title
    heading.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    para = heading.text_frame.paragraphs[0]
    para.alignment = PP_ALIGN.LEFT
    para.runs[0].font.size = Pt(26)
    para.runs[0].font.bold = True
    para.runs[0].font.color.rgb = DARK
    sub = text_box(slide, MARGIN, top + 0.74, SLIDE_W_IN - 2 * MARGIN, 0.4)
    sub.text = subtitle_text
    sub.paragraphs[0].runs[0].font.size = Pt(12)
    sub.paragraphs[0].runs[0].font.color.rgb = GREY


def _fitting(lines: list[str], width: float, height: float) -> int:
    """Return how many of ``lines`` the listing shows: :data:`MAX_LISTED` at most, and no more than fit."""
    used = fit.line_height_in(10.5) + fit.line_height_in(13) + 4 / 72 + fit.line_height_in(10) + 3 / 72
    shown = 0
    for line in lines[:MAX_LISTED]:
        used += fit.text_height_in(f"• {line}", width, 10.5) + 3 / 72
        if used > height:
            break
        shown += 1
    return len(lines) if shown == len(lines) and len(lines) <= MAX_LISTED else shown


def _add_listing(slide: Any, top: float, height: float, lines: list[str], as_of: dt.date) -> None:
    """List the exercises beside the picture (as many as fit, :data:`MAX_LISTED` at most; the notes have them all).

    The as-of date of the alliances heads the list: the slide states it in text, not only in the picture.
    """
    left = MARGIN + _PICTURE_W + 0.25
    width = SLIDE_W_IN - left - MARGIN
    listing = text_box(slide, left, top, width, height)
    shown = _fitting(lines, width - 0.04, height - 0.1)
    listing.text = f"Alliances as of {as_of_text(as_of)}"
    listing.paragraphs[0].runs[0].font.size = Pt(10.5)
    listing.paragraphs[0].runs[0].font.color.rgb = GREY
    para = listing.add_paragraph()
    para.text = f"Exercises in view ({len(lines)})" if lines else "No exercises match the filters"
    para.runs[0].font.size = Pt(13)
    para.runs[0].font.bold = True
    para.space_before = Pt(4)
    for line in lines[:shown]:
        para = listing.add_paragraph()
        para.text = f"• {line}"
        para.runs[0].font.size = Pt(10.5)
        para.space_before = Pt(3)
    if len(lines) > shown:
        para = listing.add_paragraph()
        para.text = f"+ {len(lines) - shown} more (listed in the speaker notes)"
        para.runs[0].font.size = Pt(10)
        para.runs[0].font.italic = True


def _notes(selection: Selection, options: BriefingOptions, title: str, lines: list[str]) -> str:
    """Speaker notes: what the slide shows, every exercise and source, credits, and the dates it states."""
    as_of = options.data_as_of or selection.data_as_of
    produced = options.produced_on or dt.date.today()
    grades = source_grades(selection.sites)
    return "\n".join(
        [
            title,
            subtitle(selection),
            f"Alliances shown as of {as_of_text(selection.period_end)}.",
            "",
            "Exercises in view:",
            *[f"- {line}" for line in lines],
            "",
            "Sources, each with its Admiralty grade (reliability A–F, credibility 1–6; see data/source_grades.yaml):",
            *[f"- {src} — {grade_label(grades.get(src, NOT_GRADED))}" for src in source_list(selection.sites)],
            "",
            credits_sentence(),
            f"Data as of {as_of.isoformat() if as_of else 'n/a'}; produced {produced.isoformat()} "
            "with Drillmap (EPSG:3035, LAEA Europe).",
        ]
    )


def alt_text(selection: Selection, title: str) -> str:
    """Return the picture's alt text: what the map shows, for when, how many sites, and as of when."""
    counts = subtitle(selection)
    return (
        f"Map: {title}. {counts}. Sites drawn by alliance over NATO and CSTO members as of "
        f"{as_of_text(selection.period_end)}, with Belarus's oblasts, capitals and NATO's border with "
        "Belarus and Russia."
    )


def add_credits(slide: Any, top: float, text: str = "") -> None:
    """Print the map credits (or ``text``) full width at :data:`CREDITS_PT` (at least 9 pt, legible)."""
    frame = text_box(slide, MARGIN, top, SLIDE_W_IN - 2 * MARGIN, _CREDITS_H)
    frame.margin_top = frame.margin_bottom = Inches(0)
    frame.text = text or " · ".join(MAP_CREDITS)
    frame.paragraphs[0].runs[0].font.size = Pt(CREDITS_PT)
    frame.paragraphs[0].runs[0].font.color.rgb = GREY
    slide.shapes[-1].name = "Map credits"


def _set_font(prs: Any) -> None:
    """Name :data:`FONT` on every run of every slide, table cell and note (no theme font left to substitute)."""
    frames = []
    for slide in prs.slides:
        frames += [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
        tables = [shape.table for shape in slide.shapes if shape.has_table]
        frames += [cell.text_frame for table in tables for row in table.rows for cell in row.cells]
        frames.append(slide.notes_slide.notes_text_frame)
    for frame in frames:
        for para in frame.paragraphs:
            for run in para.runs:
                run.font.name = FONT


def new_deck(title: str) -> Any:
    """Return an empty 16:9 presentation titled ``title`` (document properties)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    prs.core_properties.title = title
    prs.core_properties.author = "Drillmap"
    return prs


def add_slide(prs: Any, banner: str, title: str, subtitle_text: str) -> tuple[Any, float]:
    """Add a "Title Only" slide with its banners, title and subtitle; return it and the top of its content (in)."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only": a real title placeholder
    top = _BANNER_H if banner else 0.0
    if banner:
        _banner(slide, banner, 0.0)
        _banner(slide, banner, SLIDE_H_IN - _BANNER_H)
    _add_heading(slide, top, title, subtitle_text)
    return slide, top + CONTENT_TOP


def content_bottom(banner: str) -> float:
    """Return the lowest point (in) content may reach: above the bottom banner and the margin."""
    return SLIDE_H_IN - MARGIN - (_BANNER_H * 0.3 if banner else 0.0)


def set_alt_text(picture: Any, text: str) -> None:
    """Give a picture its alt text (``descr``: what screen readers and PowerPoint's alt text show)."""
    picture._element.nvPicPr.cNvPr.set("descr", text)


def add_map_slide(prs: Any, selection: Selection, options: BriefingOptions, title: str) -> Any:
    """Add the briefing map slide (picture, listing, credits with the as-of date, notes); return it."""
    slide, top = add_slide(prs, options.banner, title, subtitle(selection))
    picture_h = content_bottom(options.banner) - top - _CREDITS_H
    png = _picture_png(selection, options, picture_h)
    picture = slide.shapes.add_picture(
        io.BytesIO(png), Inches(MARGIN), Inches(top), Inches(_PICTURE_W), Inches(picture_h)
    )
    picture.name = "Briefing map"
    set_alt_text(picture, alt_text(selection, title))
    lines = exercise_lines(selection.sites)
    _add_listing(slide, top, picture_h, lines, selection.period_end)
    add_credits(slide, top + picture_h + 0.04)
    slide.notes_slide.notes_text_frame.text = _notes(selection, options, title, lines)
    return slide


def deck_bytes(prs: Any) -> bytes:
    """Name :data:`FONT` on every run and return the ``.pptx`` file."""
    _set_font(prs)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def to_pptx(selection: Selection, *, options: BriefingOptions | None = None) -> bytes:
    """Return a one-slide 16:9 presentation of the briefing map of a selection.

    Parameters
    ----------
    selection
        The sites and their filter (title, subtitle, membership date: as for
        :func:`geo.briefing.map.render_figure`).
    options
        As for :func:`geo.briefing.map.render_figure`. ``size_px[0]`` sets the picture's pixel width (its
        height follows the picture frame); ``title`` and ``banner`` go on the slide.

    Returns
    -------
    bytes
        The ``.pptx`` file.
    """
    options = options or BriefingOptions()
    title = options.title or default_title(selection)
    prs = new_deck(title)
    add_map_slide(prs, selection, options, title)
    return deck_bytes(prs)
