"""The static briefing map: size, content, furniture, honest styling, vector output, speed."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from itertools import combinations

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.text import Text
from PIL import Image
from pypdf import PdfReader
from shapely.geometry import Point

from geo.briefing import map as bm
from geo.briefing.furniture import nice_length_km, north_angle
from geo.briefing.projection import box_in_map, project
from geo.briefing.style import LAND
from geo.catalog.filter import SiteFilter
from geo.core.errors import ExportError
from geo.core.symbology import ALLIANCE_COLORS
from geo.query.selection import select
from tests.support.export_panel_app import tiny_sites

FILTER = SiteFilter(years=(2021, 2023))
OPTIONS = bm.BriefingOptions(
    title="Exercises $near$ the border", banner="Unclassified // test", data_as_of=dt.date(2023, 9, 6)
)


@pytest.fixture(scope="module")
def selection():
    return select(tiny_sites(), FILTER)


@pytest.fixture(scope="module")
def rendered(selection):
    """The figure and its PNG, saved from that very figure (so pixel positions can be computed from it)."""
    fig = bm.render_figure(selection, options=OPTIONS)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    return fig, Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _axes(fig, gid: str) -> Axes:
    found = [ax for ax in fig.axes if ax.get_gid() == gid]
    assert len(found) == 1, [ax.get_gid() for ax in fig.axes]
    return found[0]


def _texts(fig, gid: str) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_gid() == gid and t.get_visible()]


def _hex_rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])


def _pixel_near(image: Image.Image, fig, lon: float, lat: float) -> np.ndarray:
    """The RGB pixels within 2 px of where (lon, lat) is drawn."""
    ax = _axes(fig, "map")
    (x, y) = project([Point(lon, lat)])[0].coords[0]
    px, py = ax.transData.transform((x, y))
    row = image.height - py
    arr = np.asarray(image)
    return arr[int(row) - 2 : int(row) + 3, int(px) - 2 : int(px) + 3].reshape(-1, 3)


def test_png_has_the_default_slide_size(rendered):
    _, image = rendered
    assert image.size == (1920, 1080)


def test_png_is_not_blank(rendered):
    _, image = rendered
    arr = np.asarray(image).astype(np.uint32)
    packed = (arr[..., 0] << 16) | (arr[..., 1] << 8) | arr[..., 2]
    assert len(np.unique(packed)) > 200
    assert arr.std() > 20


@pytest.mark.parametrize(
    ("lon", "lat", "alliance"),
    [(25.7833, 54.9833, "NATO"), (26.98, 53.13, "Russia-Belarus")],  # Pabradė, Baranovichi: solid dots
)
def test_site_colours_are_drawn_where_the_sites_are(rendered, lon, lat, alliance):
    fig, image = rendered
    pixels = _pixel_near(image, fig, lon, lat)
    distance = np.abs(pixels - _hex_rgb(ALLIANCE_COLORS[alliance])).sum(axis=1)
    assert distance.min() < 40, (alliance, pixels)


def test_png_any_size_and_dpi(selection):
    data = bm.render_bytes(selection, fmt="png", options=bm.BriefingOptions(size_px=(800, 600), dpi=100))
    image = Image.open(io.BytesIO(data))
    assert image.size == (800, 600)
    assert tuple(round(v) for v in image.info["dpi"]) == (100, 100)


def test_title_subtitle_legend_inset_and_credits_exist(rendered):
    fig, _ = rendered
    assert [t.get_text() for t in _texts(fig, "title")] == [OPTIONS.title]
    (sub,) = _texts(fig, "subtitle")
    assert "2021–2023" in sub.get_text() and "3 exercises" in sub.get_text() and "1 not locatable" in sub.get_text()
    legend = _axes(fig, "legend")
    entries = {t.get_text() for t in legend.texts}
    assert {"CSTO", "Russia-Belarus", "NATO"} <= entries
    assert "Alliances on 31 Dec 2023" in entries
    assert "Uncertainty radius, town extent" in entries
    inset = _axes(fig, "overview-inset")
    assert inset.patches or inset.artists
    (credits,) = _texts(fig, "attribution")
    for name in ("Natural Earth", "GeoNames", "CC BY 4.0", "OpenStreetMap", "ODbL"):
        assert name in credits.get_text()
    (sources,) = _texts(fig, "sources")
    assert "1 seed report" in sources.get_text() and "example.org" in sources.get_text()
    (stamp,) = _texts(fig, "data-as-of")
    assert "Data as of 6 Sep 2023" in stamp.get_text()
    assert [t.get_text() for t in _texts(fig, "banner-text")] == ["UNCLASSIFIED // TEST"] * 2


def test_title_with_dollar_signs_is_text_not_mathtext(rendered):
    fig, _ = rendered
    assert all(not t.get_parse_math() for t in fig.findobj(Text))


def test_labels_do_not_overlap(rendered):
    fig, _ = rendered
    renderer = fig.canvas.get_renderer()
    labels = [t for gid in ("site-label", "country-label", "oblast-label") for t in _texts(fig, gid)]
    assert len(_texts(fig, "site-label")) >= 5
    boxes = [t.get_window_extent(renderer) for t in labels]
    overlapping = [
        (a.get_text(), b.get_text())
        for (a, ba), (b, bb) in combinations(zip(labels, boxes, strict=True), 2)
        if ba.overlaps(bb)
    ]
    assert overlapping == []


def test_whole_country_site_gets_no_label_and_does_not_frame_the_view(rendered):
    fig, _ = rendered
    assert not any("Lithuania" in t.get_text() for t in _texts(fig, "site-label"))


def test_map_is_projected_in_metres(rendered):
    fig, _ = rendered
    x0, x1 = _axes(fig, "map").get_xlim()
    assert 4_321_000 <= x0 < x1 < 7_600_000  # EPSG:3035 metres, not degrees


def test_explicit_extent_is_shown(selection):
    fig = bm.render_figure(selection, options=bm.BriefingOptions(extent=(23.0, 51.0, 33.0, 56.5)))
    ax = _axes(fig, "map")
    box = box_in_map(23.0, 51.0, 33.0, 56.5)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 <= box[0] + 1 and x1 >= box[2] - 1 and y0 <= box[1] + 1 and y1 >= box[3] - 1
    assert (x1 - x0) < 1.3 * (box[2] - box[0]) or (y1 - y0) < 1.3 * (box[3] - box[1])


@pytest.mark.parametrize(("year", "finland_in_nato"), [(2022, False), (2024, True)])
def test_nato_members_as_of_the_period_end(year, finland_in_nato):
    chosen = select(tiny_sites(), SiteFilter(years=(year, year)))
    fig = bm.render_figure(chosen, options=bm.BriefingOptions(extent=(21.0, 59.0, 31.0, 66.0)))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=fig.dpi)
    image = Image.open(buf).convert("RGB")
    colour = _pixel_near(image, fig, 26.5, 62.5).mean(axis=0)  # central Finland
    land = _hex_rgb(LAND)
    assert bool(np.abs(colour - land).sum() > 15) is finland_in_nato, colour
    assert f"Alliances on 31 Dec {year}" in {t.get_text() for t in _axes(fig, "legend").texts}


def test_empty_selection_says_no_exercises_match():
    fig = bm.render_figure(select(tiny_sites(), SiteFilter(text="nothing")))
    assert any(t.get_text() == "No exercises match the selected filters" for t in fig.findobj(Text))


def test_true_north_follows_meridian_convergence():
    at_centre = north_angle(box_in_map(9.0, 52.0, 11.0, 54.0))
    east = north_angle(box_in_map(29.0, 53.0, 31.0, 55.0))
    assert abs(at_centre) < 0.1
    assert 10 < east < 20  # 20° east of the projection centre, north leans toward it


def test_scale_bar_lengths_are_round():
    assert [nice_length_km(v) for v in (0.4, 7, 130, 260, 900)] == [1.0, 5, 100, 250, 500]


def test_pdf_is_vector(selection):
    data = bm.render_bytes(selection, fmt="pdf", options=OPTIONS)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((960, 540), abs=1)

    def images(resources) -> list[str]:
        found = []
        xobjects = resources.get("/XObject") if resources else None
        for name, ref in (xobjects.get_object() if xobjects else {}).items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.append(name)
            elif obj.get("/Subtype") == "/Form":
                found += images(obj.get("/Resources"))
        return found

    assert images(page["/Resources"]) == []
    text = page.extract_text()
    assert "Exercises" in text and "Natural Earth" in text


def test_svg_is_vector(selection):
    data = bm.render_bytes(selection, fmt="svg", options=OPTIONS)
    root = ET.fromstring(data)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    assert sum(1 for _ in root.iter(f"{ns}path")) > 100
    assert list(root.iter(f"{ns}image")) == []


def test_unknown_format_is_refused(selection):
    with pytest.raises(ExportError, match="unknown map format 'bmp'"):
        bm.render_bytes(selection, fmt="bmp")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"size_px": (100, 100)}, "size must be"),
        ({"dpi": 0}, "dpi must be"),
        ({"extent": (30.0, 50.0, 20.0, 56.0)}, "extent must be"),
        ({"banner": "x" * 200}, "too long"),
    ],
)
def test_bad_options_are_refused(kwargs, message):
    with pytest.raises(ExportError, match=message):
        bm.BriefingOptions(**kwargs)


def test_sites_must_be_lon_lat():
    with pytest.raises(ExportError, match="EPSG:4326"):
        bm.render_figure(select(tiny_sites().to_crs(3035)))


def test_distance_rings_are_drawn_as_on_the_dashboard(selection):
    from geo.export.snapshot import with_rings
    from geo.maps.build import NATO_BORDER, MapOptions

    options = with_rings(selection, OPTIONS, MapOptions(rings_km=(50, 100), ring_center=NATO_BORDER))
    assert [km for km, _ in options.rings.rings] == [50.0, 100.0]
    fig = bm.render_figure(selection, options=options)
    assert sorted(t.get_text() for t in _texts(fig, "ring-label")) == ["100 km", "50 km"]
    legend = [t.get_text() for t in _axes(fig, "legend").texts]
    assert "Rings 50/100 km from NATO's border" in legend
    assert _texts(bm.render_figure(selection, options=OPTIONS), "ring-label") == []  # none asked for


def test_an_explicit_extent_is_named_in_the_png(selection):
    png = bm.render_bytes(
        selection, options=bm.BriefingOptions(size_px=(960, 540), dpi=72, extent=(23.3, 51.8, 24.2, 52.3))
    )
    assert Image.open(io.BytesIO(png)).text["drillmap:extent"] == "23.30000,51.80000,24.20000,52.30000"
