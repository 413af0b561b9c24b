"""The slide and the briefing pack as a user opens them: converted to PDF by LibreOffice, then read back.

One module fixture renders the one-slide PPTX and the pack from the real catalog and converts both in a
single ``soffice`` run (LibreOffice takes seconds); the tests then read the words and their boxes with
poppler's ``pdftotext -bbox``. Without LibreOffice or poppler the tests are skipped locally and FAIL under
``CI=true`` (``.ci/run`` installs both), like the PostgreSQL tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest
from pptx import Presentation

from geo.briefing.map import BriefingOptions
from geo.briefing.pptx import MAX_LISTED, to_pptx
from geo.briefing.text import default_title
from geo.catalog.filter import SiteFilter
from geo.core.dates import as_of_text
from geo.export.pack import to_pack
from geo.query.known import known_sites
from geo.query.selection import select

BANNER = "Unclassified // for training"
BANNER_IN = 0.3  # geo.briefing.pptx draws the banners 0.3 in high
XHTML = "{http://www.w3.org/1999/xhtml}"


def _require(tool: str, package: str) -> str:
    """Return the tool's path; in CI (which installs it) its absence is a failure, elsewhere a skip."""
    path = shutil.which(tool)
    if path:
        return path
    reason = f"{tool} not found: install Debian's {package} (apt-get install --no-install-recommends {package})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; .ci/run installs it and these tests are required in CI", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _pages(pdf: Path) -> list[Page]:
    """Words of every page with their boxes (points, origin top left), from ``pdftotext -bbox``."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, timeout=120).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out.decode("utf-8")))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        words = [
            Word(w.text or "", *(float(w.attrib[k]) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter(f"{XHTML}word")
        ]
        pages.append(Page(float(page.attrib["width"]), float(page.attrib["height"]), words))
    return pages


@pytest.fixture(scope="module")
def opened(tmp_path_factory):
    """Both files, their selections, and the pages of their PDFs as LibreOffice lays them out."""
    soffice = _require("soffice", "libreoffice-impress")
    _require("pdftotext", "poppler-utils")
    tmp = tmp_path_factory.mktemp("as-opened")
    all_sites = known_sites().sites
    one = select(all_sites, SiteFilter(years=(2021, 2021)))
    pack = select(all_sites)
    assert 0 < one.n_exercises <= MAX_LISTED and pack.n_exercises > 20  # the pack's table must split
    small = BriefingOptions(size_px=(1000, 560))
    (tmp / "slide.pptx").write_bytes(to_pptx(one, options=small))
    (tmp / "pack.pptx").write_bytes(to_pack(pack, options=BriefingOptions(size_px=(1000, 560), banner=BANNER)))
    profile = tmp / "lo-profile"  # a private profile: parallel runs must not share LibreOffice's
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp),
            str(tmp / "slide.pptx"),
            str(tmp / "pack.pptx"),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return {
        "slide": (one, tmp / "slide.pptx", _pages(tmp / "slide.pdf")),
        "pack": (pack, tmp / "pack.pptx", _pages(tmp / "pack.pdf")),
    }


def _squeezed(text: str) -> str:
    """Text without any whitespace: a name wrapped in a table cell still reads as one."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("which", ["slide", "pack"])
def test_title_every_exercise_and_the_as_of_date_are_on_the_slides(opened, which):
    selection, pptx_path, pages = opened[which]
    assert len(pages) == len(Presentation(str(pptx_path)).slides)
    text = " ".join(p.text for p in pages)
    assert default_title(selection) in pages[0].text
    squeezed = _squeezed(text)
    names = selection.sites.drop_duplicates("exercise_id")["exercise_name"]
    missing = [name for name in names if _squeezed(name) not in squeezed]
    assert not missing
    assert f"as of {as_of_text(selection.period_end)}" in text.replace("\xa0", " ")


@pytest.mark.parametrize("which", ["slide", "pack"])
def test_no_text_beyond_the_slide_edges(opened, which):
    _, _, pages = opened[which]
    outside = [
        (i, w.text)
        for i, page in enumerate(pages, start=1)
        for w in page.words
        if w.x0 < -0.5 or w.y0 < -0.5 or w.x1 > page.width + 0.5 or w.y1 > page.height + 0.5
    ]
    assert not outside


def _overlap(a: Word, b: Word) -> float:
    """Area shared by two word boxes, as a share of the smaller one."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
    return w * h / smaller if smaller > 0 else 0.0


@pytest.mark.parametrize("which", ["slide", "pack"])
def test_no_words_overlap(opened, which):
    """Line boxes touch (a font's ascent and descent fill the line), so only a real overlap counts: > 25 %."""
    _, _, pages = opened[which]
    clashes = [
        (i, a.text, b.text)
        for i, page in enumerate(pages, start=1)
        for a, b in combinations(page.words, 2)
        if _overlap(a, b) > 0.25
    ]
    assert not clashes


def test_nothing_runs_into_the_banners(opened):
    _, _, pages = opened["pack"]
    banner_words = set(BANNER.upper().split())
    for i, page in enumerate(pages, start=1):
        band = BANNER_IN * 72
        inside = [w.text for w in page.words if w.y0 < band or w.y1 > page.height - band]
        assert inside and set(inside) <= banner_words, f"slide {i}: {inside}"


def _boxes(slide) -> list[tuple[str, int, int, int, int]]:
    return [
        (s.name, s.left, s.top, s.left + s.width, s.top + s.height)
        for s in slide.shapes
        if (s.has_text_frame and s.text_frame.text.strip()) or s.has_table
    ]


@pytest.mark.parametrize("which", ["slide", "pack"])
def test_no_text_boxes_overlap_on_a_slide(opened, which):
    _, pptx_path, _ = opened[which]
    for n, slide in enumerate(Presentation(str(pptx_path)).slides, start=1):
        for a, b in combinations(_boxes(slide), 2):
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, f"slide {n}: {a[0]!r} overlaps {b[0]!r}"
