"""The comparison briefing: two map panels on one extent with one legend, as PNG and as a PPTX slide."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from pptx import Presentation

from geo.briefing.compare import comparison_figure, comparison_png, comparison_pptx
from geo.briefing.options import BriefingOptions
from geo.catalog.sites import sites_frame
from geo.query.compare import compare, parse_side


@pytest.fixture(scope="module")
def zapad():
    sites = sites_frame()
    return compare(parse_side("zapad-2017", sites), parse_side("zapad-2021", sites))


def test_two_panels_one_extent_one_legend(zapad):
    fig = comparison_figure(zapad, options=BriefingOptions(size_px=(1280, 720), dpi=96))
    maps = [ax for ax in fig.axes if ax.get_gid() == "map"]
    assert len(maps) == 2
    assert maps[0].get_xlim() == maps[1].get_xlim()
    assert maps[0].get_ylim() == maps[1].get_ylim()
    left, right = (ax.get_position() for ax in maps)
    assert left.x1 < right.x0  # side by side, not overlapping
    assert [ax.get_gid() for ax in fig.axes].count("legend") == 1
    headings = [t.get_text() for t in fig.texts if t.get_gid() == "panel-heading"]
    assert len(headings) == 2
    assert headings[0].startswith("A · Zapad-2017") and headings[1].startswith("B · Zapad-2021")
    # Each panel names its own sites: Mulino is only in 2021, Borisovsky only in 2017.
    labels = [{t.get_text() for t in ax.texts if t.get_gid() == "site-label"} for ax in maps]
    assert any("Borisovsky" in name for name in labels[0]) and not any("Borisovsky" in n for n in labels[1])
    assert any("Brestsky" in name for name in labels[1]) and not any("Brestsky" in n for n in labels[0])


def test_png_size_and_two_framed_panels(zapad):
    png = comparison_png(zapad, options=BriefingOptions(size_px=(1280, 720), dpi=96))
    image = Image.open(io.BytesIO(png))
    assert image.size == (1280, 720)
    pixels = np.asarray(image.convert("RGB")).astype(int)
    # A panel is framed by a grey line (#555555) from top to bottom: find the columns that are that grey
    # over most of the picture's height, and group neighbours. Two panels: four frame edges.
    grey = (np.abs(pixels - 0x55).max(axis=2) < 40).mean(axis=0) > 0.6
    columns = np.flatnonzero(grey)
    edges = 1 + int((np.diff(columns) > 3).sum()) if len(columns) else 0
    assert edges == 4, f"expected the frames of two panels, found {edges} edges at {columns.tolist()}"
    left_panel, right_panel = columns[columns < 640], columns[columns >= 640]
    assert len(left_panel) and len(right_panel)


def test_pptx_names_both_sides(zapad):
    prs = Presentation(io.BytesIO(comparison_pptx(zapad)))
    assert len(prs.slides) == 1
    slide = prs.slides[0]
    text = "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    assert "Zapad-2017 compared with Zapad-2021" in text
    assert "Only in Zapad-2017 (7)" in text and "Only in Zapad-2021 (8)" in text and "In both (4)" in text
    assert "Domanovsky training ground" in text
    pictures = [shape for shape in slide.shapes if shape.shape_type == 13]  # picture
    assert len(pictures) == 1
    notes = slide.notes_slide.notes_text_frame.text
    assert "Participants" in notes and "India (IND)" in notes
