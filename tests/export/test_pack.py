"""The briefing pack's slides as python-pptx reads them (fast: the tiny sites, no LibreOffice).

How the slides look when opened is tested in tests/export/test_slides_as_opened.py.
"""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from geo.briefing import fit
from geo.briefing.map import BriefingOptions
from geo.briefing.pptx import CREDITS_PT, FONT, SLIDE_H_IN, content_bottom
from geo.catalog.filter import SiteFilter
from geo.core.credits import MAP_CREDITS
from geo.core.dates import NBSP, as_of_text
from geo.export.pack import to_pack
from geo.query.selection import select
from tests.support.export_panel_app import SOURCES, tiny_sites

OPTIONS = BriefingOptions(size_px=(800, 450), banner="Unclassified")
NAMES = ("Zapad-2021", "Iron Wolf 2022-II", "Combat Brotherhood 2023")


@pytest.fixture(scope="module")
def selection():
    return select(tiny_sites(), SiteFilter(years=(2021, 2023)))


@pytest.fixture(scope="module")
def deck(selection):
    return Presentation(io.BytesIO(to_pack(selection, options=OPTIONS)))


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def _table(slide):
    return next(s.table for s in slide.shapes if s.has_table)


def test_the_pack_has_map_timeline_table_and_sources_slides(deck, selection):
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles == [
        "Military exercises near NATO's eastern flank, 2021–2023",
        "Timeline",
        "Proximity to the other side",
        "Exercises",
        "Sources",
    ]
    for slide in deck.slides:
        assert _texts(slide).count("UNCLASSIFIED") == 2  # the banner, top and bottom of every slide
        assert any("as of 31 Dec 2023" in t for t in _texts(slide))  # the selection's as-of date, on every slide
    assert as_of_text(selection.period_end) == "31 Dec 2023"


def test_every_picture_has_alt_text_describing_the_selection(deck):
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert [p.name for p in pictures] == ["Briefing map", "Timeline chart", "Proximity chart"]
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt and "2021–2023" in alt
    timeline_alt = pictures[1]._element.nvPicPr.cNvPr.get("descr")
    assert all(name in timeline_alt for name in NAMES)


def _frames(shape) -> list:
    if shape.has_text_frame:
        return [shape.text_frame]
    if shape.has_table:
        return [cell.text_frame for row in shape.table.rows for cell in row.cells]
    return []


def test_every_run_names_the_font_and_none_is_under_9_pt(deck):
    frames = [frame for slide in deck.slides for shape in slide.shapes for frame in _frames(shape)]
    runs = [run for frame in frames for para in frame.paragraphs for run in para.runs]
    assert runs and {run.font.name for run in runs} == {FONT}
    assert min(run.font.size.pt for run in runs if run.font.size is not None) >= CREDITS_PT == 9


def test_the_table_lists_every_exercise_with_dates_that_do_not_wrap_and_claimed_troops(deck):
    table = _table(deck.slides[3])
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Exercise", "Dates", "Alliance", "Participants", "Sites", "Troops as claimed (claimant)"]
    rows = [[c.text for c in row.cells] for row in list(table.rows)[1:]]
    assert [r[0] for r in rows] == list(NAMES)
    assert rows[0][1] == f"10{NBSP}Sep{NBSP}2021{NBSP}– 16{NBSP}Sep{NBSP}2021"
    assert not any(re.search(r"\d \w{3}|\w{3} \d", r[1]) for r in rows)  # only no-break spaces inside a date
    troops = "12,800 troops (BLR, official) [not graded]"  # the test catalog's seed has no outlet default
    assert rows[0][2:] == ["Russia-Belarus", "Belarus, Russia", "4 (3 drawn)", troops]


def test_the_sources_slide_cites_every_source_with_links(deck):
    sources = deck.slides[4]
    text = "\n".join(_texts(sources))
    for source in (s for group in SOURCES.values() for s in group):
        assert source in text
    links = {
        run.hyperlink.address
        for shape in sources.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
    }
    assert "https://kariuomene.example/iron-wolf" in links
    assert " · ".join(MAP_CREDITS) in text


def test_an_empty_selection_gives_the_map_and_a_sources_slide_saying_so():
    empty = select(tiny_sites(), SiteFilter(text="no such drill"))
    deck = Presentation(io.BytesIO(to_pack(empty, options=OPTIONS)))
    assert [slide.shapes.title.text for slide in deck.slides][1:] == ["Sources"]
    assert "No exercise matches the filters: no source to cite" in "\n".join(_texts(deck.slides[1]))


def test_a_long_table_is_split_across_slides_and_nothing_is_cut(selection):
    """Each exercise claims 40 troop figures: a row alone is taller than a slide, and continues on the next."""
    sites = selection.sites.copy()
    figure = {"what": "troops", "as_stated": "about 12,800 troops on the ranges", "claimed_by": "A ministry"}
    sites["figures"] = [[dict(figure, as_stated=f"{figure['as_stated']} #{i}") for i in range(40)]] * len(sites)
    deck = Presentation(io.BytesIO(to_pack(select(sites), options=OPTIONS)))
    tables = [(slide, s) for slide in deck.slides for s in slide.shapes if s.has_table]
    n = len(tables)
    assert n >= 4
    assert [slide.shapes.title.text for slide, _ in tables] == [f"Exercises ({i} of {n})" for i in range(1, n + 1)]
    rows = [[c.text for c in row.cells] for _, s in tables for row in list(s.table.rows)[1:]]
    firsts = [r[0] for r in rows if not r[0].endswith("(continued)")]
    assert firsts == list(NAMES)
    for name in NAMES:  # every figure of every exercise is in the table, once, in order
        troops = "; ".join(r[5] for r in rows if r[0] in (name, f"{name} (continued)"))
        assert re.findall(r"#(\d+)", troops) == [str(i) for i in range(40)]
    for _, shape in tables:
        assert shape.top + shape.height <= Inches(content_bottom(OPTIONS.banner)) < Inches(SLIDE_H_IN)


def test_paginate_keeps_every_item_in_order():
    assert fit.paginate([1.0, 2.0, 2.5, 0.5, 9.0, 1.0], 4.0) == [range(0, 2), range(2, 4), range(4, 5), range(5, 6)]
    assert fit.paginate([], 4.0) == []


def test_wrapped_lines_keeps_dates_whole_and_breaks_long_urls():
    date = f"10{NBSP}Sep{NBSP}2021"
    width = fit.text_width_in(date, 10)
    assert fit.wrapped_lines(f"{date} {date}", width * 1.5, 10) == 2
    assert fit.wrapped_lines(date, width * 0.6, 10) == 2  # too narrow: broken, and counted as such
    url = "https://example.org/" + "a" * 200
    assert fit.wrapped_lines(url, 3.0, 10) == int(fit.text_width_in(url, 10) // 3.0) + 1
    assert fit.wrapped_lines("one\ntwo", 3.0, 10) == 2


def test_the_notes_give_each_source_its_admiralty_grade():
    from tests.support.graded_sites import graded_sites

    graded = Presentation(io.BytesIO(to_pack(select(graded_sites(), SiteFilter(min_grade="C3")), options=OPTIONS)))
    map_notes = graded.slides[0].notes_slide.notes_text_frame.text
    assert "- https://example.org/zapad-2021?a=1&b=2 — grade B2" in map_notes
    assert "- https://kariuomene.example/iron-wolf — grade C1" in map_notes
    assert "sources graded C3 or better" in map_notes  # the filter is named with the others
    sources = graded.slides[-1].notes_slide.notes_text_frame.text
    assert sources.startswith("Admiralty grade of each source on this slide")
    assert "https://x.example/a — grade C3" in sources
    table_slide = next(s for s in graded.slides if s.shapes.title.text == "Exercises")
    cells = [cell.text for row in _table(table_slide).rows for cell in row.cells]
    assert "12,800 troops (BLR, official) [grade B2]" in cells  # the troops column gives each figure's grade
