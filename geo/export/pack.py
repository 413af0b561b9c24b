"""A briefing pack: several 16:9 slides of one selection (python-pptx), combining geo.briefing and geo.charts.

1. The briefing map slide (:func:`geo.briefing.pptx.add_map_slide`).
2. The timeline (:mod:`geo.charts.timeline_png`), on as many slides as keep the names legible, all on one
   time axis.
   Then the proximity trend (:mod:`geo.export.proximity_chart`): how close each year's sites came to the
   other side, precise sites, proxies and areas apart.
3. A table of the exercises: name, dates (in words that never wrap), alliance, participants, sites, and
   every troop figure as claimed with its claimant (:func:`geo.charts.timeline.exercises_frame`). Rows are
   measured in the slide's font (:mod:`geo.briefing.fit`) and split across slides: nothing is cut.
4. The sources: every source the selected sites cite (URL or seed report name), links clickable, and the
   map and data credits.

Every slide carries the handling banner when one is given, and says the as-of date of the alliances
(:attr:`geo.query.selection.Selection.period_end`), the one rule every export follows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any, Final

import geopandas as gpd
import pandas as pd
from pptx.util import Inches, Pt

from geo.briefing import fit
from geo.briefing.map import BriefingOptions
from geo.briefing.pptx import (
    CONTENT_TOP,
    DARK,
    MARGIN,
    SLIDE_W_IN,
    WHITE,
    add_credits,
    add_map_slide,
    add_slide,
    colour,
    content_bottom,
    deck_bytes,
    new_deck,
    set_alt_text,
    text_box,
)
from geo.briefing.text import default_title, source_grades, source_list
from geo.charts.timeline import exercises_frame
from geo.charts.timeline_png import span, timeline_png
from geo.core.counts import counted
from geo.core.dates import as_of_text, date_words, row_period_text, years_text
from geo.core.grading import NOT_GRADED, grade_label
from geo.export.proximity_chart import proximity_chart_bytes
from geo.query.proximity import proximity_sites
from geo.query.selection import Selection

__all__ = ["BAND", "TABLE_COLUMNS", "TIMELINE_ROWS", "table_rows", "to_pack"]

#: Most exercises on one timeline slide (more and the names get too small to read when projected).
TIMELINE_ROWS: Final = 20
#: The table's columns: heading and width in inches (the dates column is sized to its longest date).
TABLE_COLUMNS: Final[tuple[tuple[str, float], ...]] = (
    ("Exercise", 2.0),
    ("Dates", 0.0),
    ("Alliance", 1.25),
    ("Participants", 2.3),
    ("Sites", 0.62),
    ("Troops as claimed (claimant)", 0.0),
)
_TABLE_PT: Final = 10.0
_SOURCES_PT: Final = 10.0
_CELL_MARGIN_X: Final = 0.06
_CELL_MARGIN_Y: Final = 0.04
BAND: Final = colour("EDEDED")
_FOOT_H: Final = 0.3  # the credits line under the content
_FULL_W: Final = SLIDE_W_IN - 2 * MARGIN


def _foot(selection: Selection) -> str:
    """The attribution line under a chart: where its dates come from, and the as-of date."""
    return (
        f"Dates as reported by the cited sources (see the Sources slides) · alliances as of "
        f"{as_of_text(selection.period_end)} · chart: Drillmap"
    )


def table_rows(exercises: pd.DataFrame, sites: gpd.GeoDataFrame) -> list[list[str]]:
    """Return the table's cells, one list per exercise of ``exercises`` (rows of ``sites``).

    Dates are in words joined by no-break spaces (precision kept); sites are counted, with how many are drawn.
    """
    firsts = sites.drop_duplicates("exercise_id").set_index("exercise_id")
    rows = []
    for row in exercises.to_dict("records"):
        n, drawn = int(row["sites"]), int(row["sites_drawn"])
        sites_text = str(n) if n == drawn else f"{n} ({drawn} drawn)"
        dates = row_period_text(firsts.loc[row["exercise_id"]], words=True)
        rows.append(
            [
                str(row["exercise_name"]),
                dates,
                str(row["alliance"]),
                str(row["participants"]) or "not stated",
                sites_text,
                str(row["troops_claimed"]) or "no figure reported",
            ]
        )
    return rows


def _widths(rows: Sequence[Sequence[str]]) -> list[float]:
    """Column widths (in): the dates column holds its longest date on one line; troops take the rest."""
    cell_pad = 2 * _CELL_MARGIN_X
    # A date range stays on one line; a phrase such as "announced 18 Jan 2022, no dates given" may wrap at its comma.
    parts = [part for r in rows for part in r[1].split(", ")]
    longest = max([fit.text_width_in(p, _TABLE_PT) for p in parts] + [fit.text_width_in("Dates", _TABLE_PT, bold=True)])
    widths = [w for _, w in TABLE_COLUMNS]
    widths[1] = min(longest + cell_pad + 0.02, 2.7)
    widths[-1] = _FULL_W - sum(widths[:-1])
    return widths


def _row_height(cells: Sequence[str], widths: Sequence[float], *, bold: bool = False) -> float:
    lines = max(
        fit.wrapped_lines(text, w - 2 * _CELL_MARGIN_X, _TABLE_PT, bold=bold)
        for text, w in zip(cells, widths, strict=True)
    )
    return lines * fit.line_height_in(_TABLE_PT) + 2 * _CELL_MARGIN_Y + 0.03


def _fill_cell(cell: Any, text: str, *, header: bool, band: bool) -> None:
    """Write a cell: dark header with white bold text; body rows banded in pale grey, dark text."""
    cell.fill.solid()
    cell.fill.fore_color.rgb = DARK if header else (BAND if band else WHITE)
    cell.margin_left = cell.margin_right = Inches(_CELL_MARGIN_X)
    cell.margin_top = cell.margin_bottom = Inches(_CELL_MARGIN_Y)
    run = cell.text_frame.paragraphs[0].add_run()  # a run even when empty: its font is named like the rest
    run.text = text
    run.font.size = Pt(_TABLE_PT)
    run.font.bold = header
    run.font.color.rgb = WHITE if header else DARK


def _add_table(
    slide: Any, top: float, rows: Sequence[Sequence[str]], widths: Sequence[float], heights: list[float]
) -> None:
    header = [name for name, _ in TABLE_COLUMNS]
    all_heights = [_row_height(header, widths, bold=True), *heights]
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), Inches(MARGIN), Inches(top), Inches(_FULL_W), Inches(sum(all_heights))
    )
    shape.name = "Exercises table"
    table = shape.table
    for j, width in enumerate(widths):
        table.columns[j].width = Inches(width)
    for i, (cells, height) in enumerate(zip([header, *rows], all_heights, strict=True)):
        table.rows[i].height = Inches(height)
        for j, text in enumerate(cells):
            _fill_cell(table.cell(i, j), text, header=i == 0, band=i % 2 == 0)


def _of(i: int, n: int) -> str:
    return f" ({i} of {n})" if n > 1 else ""


def _continued(row: list[str], widths: Sequence[float], room: float) -> list[list[str]]:
    """Split a row taller than a slide into rows that fit, at the ``;`` between troop figures.

    The rows after the first name the exercise "(continued)" and carry only the remaining figures, so a
    long list of claims is continued on the next slide, never cut.
    """
    if _row_height(row, widths) <= room:
        return [row]
    parts, current = [], [*row[:5], ""]
    for claim in row[5].split("; "):
        trial = [*current[:5], f"{current[5]}; {claim}" if current[5] else claim]
        if current[5] and _row_height(trial, widths) > room:
            parts.append(current)
            trial = [f"{row[0]} (continued)", "", "", "", "", claim]
        current = trial
    return [*parts, current]


def _add_table_slides(prs: Any, selection: Selection, options: BriefingOptions, exercises: pd.DataFrame) -> None:
    whole = table_rows(exercises, selection.sites)
    widths = _widths(whole)
    header_h = _row_height([name for name, _ in TABLE_COLUMNS], widths, bold=True)
    room = _room(options) - header_h
    numbered = [(n, part) for n, row in enumerate(whole, start=1) for part in _continued(row, widths, room)]
    heights = [_row_height(row, widths) for _, row in numbered]
    pages = fit.paginate(heights, room)
    for k, page in enumerate(pages, start=1):
        first, last = numbered[page.start][0], numbered[page.stop - 1][0]
        sub = (
            f"Exercises {years_text(first, last)} of {len(whole)} · troop figures as stated, each with who "
            f"claimed it · alliances as of {as_of_text(selection.period_end)}"
        )
        slide, top = add_slide(prs, options.banner, f"Exercises{_of(k, len(pages))}", sub)
        _add_table(slide, top, [numbered[i][1] for i in page], widths, [heights[i] for i in page])


def _room(options: BriefingOptions) -> float:
    """Height (in) of the content area of a slide: under the subtitle, above the credits line."""
    banner_top = 0.3 if options.banner else 0.0
    return content_bottom(options.banner) - _FOOT_H - (banner_top + CONTENT_TOP)


def _timeline_alt(selection: Selection, names: Sequence[str], first: dt.date, last: dt.date) -> str:
    return (
        f"Timeline chart of {counted(len(names), 'exercise')} of the selection ({selection.period_label}), "
        f"one row each from {date_words(first.isoformat())} to {date_words(last.isoformat())}, bars coloured by "
        f"alliance; solid bars: dates known to the day; pale dashed bars: month or year only; hollow diamonds: "
        f"announced only. Exercises: {', '.join(names)}."
    )


def _add_timeline_slides(
    prs: Any, selection: Selection, options: BriefingOptions, exercises: pd.DataFrame, today: dt.date
) -> None:
    ordered = exercises.sort_values(["start_date", "exercise_name"], kind="stable").reset_index(drop=True)
    n_pages = -(-len(ordered) // TIMELINE_ROWS)
    per_page = -(-len(ordered) // n_pages)
    x_range = span(ordered, today)
    room = _room(options)
    for k in range(n_pages):
        part = ordered.iloc[k * per_page : (k + 1) * per_page]
        sub = (
            f"{counted(len(ordered), 'exercise')}, {selection.period_label}, in start order · colour: alliance · "
            f"ongoing bars run to {date_words(today.isoformat())}"
        )
        slide, top = add_slide(prs, options.banner, f"Timeline{_of(k + 1, n_pages)}", sub)
        height = min(room, 0.9 + 0.24 * len(part))
        png = timeline_png(part, today=today, size_in=(_FULL_W, height), x_range=x_range, label_pt=11)
        picture = slide.shapes.add_picture(
            io.BytesIO(png), Inches(MARGIN), Inches(top), Inches(_FULL_W), Inches(height)
        )
        picture.name = "Timeline chart"
        set_alt_text(picture, _timeline_alt(selection, list(part["exercise_name"]), *x_range))
        add_credits(slide, top + room + 0.04, _foot(selection))


def _add_proximity_slide(prs: Any, selection: Selection, options: BriefingOptions) -> None:
    """Add the proximity trend: a 16:9 chart as large as the content area allows, centred."""
    points = proximity_sites(selection.sites)
    sub = (
        f"{counted(len(points), 'site')} measured to the other side, {selection.period_label}, by year · "
        "colour: alliance · shape: precision"
    )
    slide, top = add_slide(prs, options.banner, "Proximity to the other side", sub)
    room = _room(options)
    height = min(room, _FULL_W * 9 / 16)
    width = height * 16 / 9
    png = proximity_chart_bytes(points, selection, size_in=(width, height))
    left = MARGIN + (_FULL_W - width) / 2
    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), Inches(width), Inches(height))
    picture.name = "Proximity chart"
    set_alt_text(
        picture,
        f"Chart of the distance of {counted(len(points), 'site')} of the selection ({selection.period_label}) to "
        "the other side per year: the east's sites to "
        "NATO, NATO's sites to Russia and Belarus; dots coloured by alliance and shaped by precision, with medians.",
    )
    add_credits(slide, top + room + 0.04, _foot(selection))


def _source_heights(sources: Sequence[str], width: float) -> list[float]:
    return [fit.text_height_in(f"{i}. {s}", width, _SOURCES_PT) + 0.04 for i, s in enumerate(sources, start=1)]


def _grades_notes(numbered: Sequence[tuple[int, str]], grades: Mapping[str, str]) -> str:
    """The speaker notes of a sources slide: each source's Admiralty grade (kept off the slide's measured list)."""
    head = "Admiralty grade of each source on this slide (reliability A–F, credibility 1–6; data/source_grades.yaml):"
    return "\n".join([head, *(f"{i}. {s} — {grade_label(grades.get(s, NOT_GRADED))}" for i, s in numbered)])


def _add_source_column(
    slide: Any, left: float, top: float, width: float, height: float, items: list[tuple[int, str]]
) -> None:
    frame = text_box(slide, left, top, width, height)
    frame.margin_top = frame.margin_bottom = Inches(0)
    for n, (i, source) in enumerate(items):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        para.space_before = Pt(0 if n == 0 else 2.9)
        run = para.add_run()
        run.text = f"{i}. {source}"
        run.font.size = Pt(_SOURCES_PT)
        if source.startswith(("https://", "http://")):
            run.hyperlink.address = source
    slide.shapes[-1].name = "Sources"


def _add_source_slides(prs: Any, selection: Selection, options: BriefingOptions) -> None:
    """Add the sources slides: every cited source, numbered, in two columns split by measured height."""
    sources = source_list(selection.sites)
    grades = source_grades(selection.sites)
    gap = 0.3
    col_w = (_FULL_W - gap) / 2
    room = _room(options)
    columns = fit.paginate(_source_heights(sources, col_w - 0.04), room)
    pages = [columns[i : i + 2] for i in range(0, len(columns), 2)] or [[]]
    what = (
        f"{counted(len(sources), 'source')} cited by the {counted(selection.n_sites, 'site')} shown "
        "(web pages and seed reports)"
        if sources
        else "No exercise matches the filters: no source to cite"
    )
    for k, page in enumerate(pages, start=1):
        sub = f"{what} · alliances as of {as_of_text(selection.period_end)} · credits below"
        slide, top = add_slide(prs, options.banner, f"Sources{_of(k, len(pages))}", sub)
        for c, rows in enumerate(page):
            items = [(i + 1, sources[i]) for i in rows]
            _add_source_column(slide, MARGIN + c * (col_w + gap), top, col_w, room, items)
        numbered = [(i + 1, sources[i]) for rows in page for i in rows]
        if numbered:
            slide.notes_slide.notes_text_frame.text = _grades_notes(numbered, grades)
        add_credits(slide, top + room + 0.04)


def to_pack(selection: Selection, *, options: BriefingOptions | None = None) -> bytes:
    """Return the briefing pack of a selection: map, timeline, proximity, exercises table and sources slides.

    Parameters
    ----------
    selection
        The sites and their filter; its as-of date (:attr:`~geo.query.selection.Selection.period_end`) is
        the one every slide states.
    options
        As for :func:`geo.briefing.pptx.to_pptx`: title, banner (on every slide), picture size;
        ``produced_on`` (default today) ends the bars of ongoing exercises.

    Returns
    -------
    bytes
        The ``.pptx`` file.
    """
    options = options or BriefingOptions()
    title = options.title or default_title(selection)
    prs = new_deck(title)
    add_map_slide(prs, selection, options, title)
    exercises = exercises_frame(selection.sites)
    if len(exercises):
        _add_timeline_slides(prs, selection, options, exercises, options.produced_on or dt.date.today())
        _add_proximity_slide(prs, selection, options)
        _add_table_slides(prs, selection, options, exercises)
    _add_source_slides(prs, selection, options)
    return deck_bytes(prs)
