"""geo.export.seen_frame: the as-seen picture's header words, its pixel scale and its PNG text chunks."""

from __future__ import annotations

import io

from PIL import Image

from geo.briefing.text import default_title, subtitle
from geo.catalog.filter import SiteFilter
from geo.core.extent import MapExtent
from geo.export.seen_frame import SeenHeader, page_scale, png_with_text
from geo.query.selection import select
from tests.support.export_panel_app import tiny_sites


def test_header_says_what_the_briefing_map_says():
    chosen = select(tiny_sites(), SiteFilter(years=(2021, 2023), alliances=("NATO",)))
    header = SeenHeader.of(chosen, banner="  UNCLASSIFIED ")
    assert header.title == default_title(chosen) and header.banner == "UNCLASSIFIED"
    assert header.lines[0] == subtitle(chosen)
    assert header.lines[1].startswith("Alliances as of 31 Dec 2023 · Data as of ")
    assert SeenHeader.of(chosen, title=" Brest ").title == "Brest"


def test_scale_keeps_the_dashboard_zoom_and_exact_pixels():
    seen = MapExtent(22.35, 51.52, 25.05, 52.63, zoom=9)  # a 1,000 x 660 px dashboard map
    assert page_scale((1920, 1080), seen) == 1.25  # 1536 x 864 CSS px: room for that map and the header
    assert page_scale((1920, 1080), None) == 1.0
    assert page_scale((1280, 720), seen) == 1.0
    assert page_scale((1921, 1080), MapExtent(23.0, 52.0, 23.1, 52.1, zoom=9)) == 1.0  # no scale divides 1921


def test_png_text_chunks_are_readable():
    buf = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buf, format="PNG")
    tagged = png_with_text(buf.getvalue(), {"drillmap:bounds": "1,2,3,4", "drillmap:zoom": "9.0000"})
    image = Image.open(io.BytesIO(tagged))
    image.load()
    assert image.size == (4, 3) and image.text == {"drillmap:bounds": "1,2,3,4", "drillmap:zoom": "9.0000"}
