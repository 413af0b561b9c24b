"""Every face states the same as-of date for the same filter: dashboard, CLI, briefing formats, data exports.

The as-of date is the day alliance membership is drawn and named for (:func:`geo.core.dates.period_end`):
31 December of the filter's last year, or of the catalog's last year when no years are chosen. It never
depends on today's date nor on which sites a filter happens to keep.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from geo.briefing.map import BriefingOptions, render_bytes, render_figure
from geo.briefing.pptx import to_pptx
from geo.catalog.filter import SiteFilter
from geo.cli.main import main
from geo.core.dates import as_of_text
from geo.export.data import export_bytes
from geo.maps.build import build_map
from geo.query.known import known_sites
from geo.query.selection import Selection, select
from tests.support.map_args import drawn_script

ROOT = Path(__file__).resolve().parents[1]
SMALL = BriefingOptions(size_px=(960, 540), dpi=96)

# (URL parameters of the dashboard, CLI options, the same filter as a SiteFilter)
CASES = {
    "no filter": ({}, [], SiteFilter()),
    "NATO, no years": ({"alliance": "NATO"}, ["--alliance", "NATO"], SiteFilter(alliances=("NATO",))),
    "2021-2022": ({"years": "2021-2022"}, ["--years", "2021-2022"], SiteFilter(years=(2021, 2022))),
}


@pytest.fixture(scope="module")
def catalog():
    return known_sites().sites


@pytest.fixture(scope="module", params=list(CASES))
def case(request, catalog) -> tuple[dict[str, str], list[str], Selection]:
    url, cli, flt = CASES[request.param]
    return url, cli, select(catalog, flt)


def test_the_rule_is_the_catalog_span_or_the_chosen_years(case):
    """The bundled catalog runs to 2025: with no years, every face says 31 Dec 2025 (not today, not 2022)."""
    _, _, selection = case
    expected = "2022-12-31" if selection.filter.years else "2025-12-31"
    assert selection.period_end.isoformat() == expected


def test_dashboard_states_the_selection_date(case):
    url, _, selection = case
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for name, value in url.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    stated = {m for c in at.caption for m in re.findall(r"alliances as of (\d+ \w+ \d{4})", c.value)}
    assert stated == {as_of_text(selection.period_end)}
    components = [el for el in at.get("component_instance") if el.proto.component_name == "streamlit_folium.st_folium"]
    script = drawn_script(json.loads(components[0].proto.json_args))
    assert set(re.findall(r"Territory on (\d{4}-\d\d-\d\d)", script)) == {selection.period_end.isoformat()}


def test_the_interactive_map_legend_states_it(case):
    _, _, selection = case
    html = build_map(selection.sites, period_end=selection.period_end).get_root().render()
    assert set(re.findall(r"Territory on (\d{4}-\d\d-\d\d)", html)) == {selection.period_end.isoformat()}


def test_briefing_map_png_pdf_svg_state_it(case):
    """PNG, PDF and SVG are saves of one figure: its legend, and the PDF's text, carry the date."""
    _, _, selection = case
    legend = next(ax for ax in render_figure(selection, options=SMALL).axes if ax.get_gid() == "legend")
    stated = {t.get_text() for t in legend.texts if t.get_text().startswith("Alliances on ")}
    assert stated == {f"Alliances on {as_of_text(selection.period_end)}"}
    pdf_text = PdfReader(io.BytesIO(render_bytes(selection, fmt="pdf", options=SMALL))).pages[0].extract_text()
    assert set(re.findall(r"Alliances on (\d+ \w+ \d{4})", pdf_text)) == {as_of_text(selection.period_end)}


def test_slide_states_it(case):
    _, _, selection = case
    deck = Presentation(io.BytesIO(to_pptx(selection, options=SMALL)))
    notes = deck.slides[0].notes_slide.notes_text_frame.text
    assert set(re.findall(r"Alliances shown as of (\d+ \w+ \d{4})", notes)) == {as_of_text(selection.period_end)}


def test_data_exports_state_it(case):
    _, _, selection = case
    csv.field_size_limit(10_000_000)  # country outlines as WKT run past csv's default 128 KiB cell limit
    rows = csv.DictReader(io.StringIO(export_bytes(selection, "csv").decode("utf-8")))
    assert {row["alliances_as_of"] for row in rows} == {selection.period_end.isoformat()}
    doc = json.loads(export_bytes(selection, "geojson"))
    assert doc["drillmap"]["alliances_as_of"] == selection.period_end.isoformat()


def test_cli_export_states_it(case, tmp_path, capsys):
    _, cli, selection = case
    out = tmp_path / "sites.geojson"
    assert main(["export", "--format", "geojson", *cli, "--out", str(out)]) == 0
    capsys.readouterr()
    stated = json.loads(out.read_text(encoding="utf-8"))["drillmap"]["alliances_as_of"]
    assert stated == selection.period_end.isoformat()
