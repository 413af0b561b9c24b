"""Every injection payload (:data:`tests.support.payloads.INJECTIONS`) through every output sink.

One payload goes into the exercise name, the place and the summary of one site, and each sink is read
back the way its consumer reads it: CSV with :mod:`csv` (OWASP: no cell a spreadsheet runs as a
formula), GeoJSON with :mod:`json` and KML with an XML parser (well-formed, text intact), the YAML export
with ``yaml.safe_load`` (no key added), Markdown with markdown-it (no link, image or tag), the terminal
(no control character) and the map popup (HTML-escaped).

Single cases with more context stay where their sink is tested (see ``tests/security/__init__.py``).
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from geo.core.text import md_escape, terminal_safe, xml_text
from geo.export import data as data_export
from geo.maps.popup import popup_html, tooltip_html
from geo.query.selection import select
from geo.store import Store
from geo.store.repository import document
from tests.support.export_panel_app import tiny_sites
from tests.support.payloads import FORMULA_STARTS, INJECTIONS, LITERAL_AUTOLINK, LIVE_MARKDOWN
from tests.support.store_records import new_exercise

KML = "{http://www.opengis.net/kml/2.2}"
PAYLOADS = pytest.mark.parametrize("payload", list(INJECTIONS.values()), ids=list(INJECTIONS))
TEXT_FIELDS = ("exercise_name", "place_text", "summary")


def _hostile_sites(payload: str):
    sites = tiny_sites()
    for column in TEXT_FIELDS:
        sites.loc[sites.index[0], column] = payload
    return sites


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@PAYLOADS
def test_csv_has_no_cell_a_spreadsheet_runs(payload):
    text = data_export.export_bytes(select(_hostile_sites(payload)), "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    live = [c for c in cells if c.startswith(FORMULA_STARTS) and not _is_number(c)]
    assert live == []
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["exercise_name"].removeprefix("'") == payload  # guarded, not mangled


@PAYLOADS
def test_geojson_parses_back_with_the_text_intact(payload):
    doc = json.loads(data_export.export_bytes(select(_hostile_sites(payload)), "geojson"))
    properties = doc["features"][0]["properties"]
    assert [properties[c] for c in TEXT_FIELDS] == [payload] * len(TEXT_FIELDS)


@PAYLOADS
def test_kml_is_well_formed_and_parses_back(payload):
    root = ET.fromstring(data_export.export_bytes(select(_hostile_sites(payload)), "kml"))  # raises if ill-formed
    names = [pm.findtext(f"{KML}name") or "" for pm in root.iter(f"{KML}Placemark")]
    # An XML parser reads a bare carriage return as a line feed; every other character comes back.
    expected = xml_text(payload).replace("\r", "\n")
    assert any(expected in name.replace("\r", "\n") for name in names), names[:2]
    assert not any(el.tag.endswith(("script", "img")) for el in root.iter())


@pytest.fixture(scope="module")
def yaml_store(tmp_path_factory) -> Store:
    home = tmp_path_factory.mktemp("yaml-store")
    return Store.open(f"sqlite:///{home / 'drillmap.sqlite3'}", load_seed=False)


@PAYLOADS
def test_yaml_export_parses_back_with_no_key_added(payload, yaml_store, tmp_path: Path):
    exercise_id = f"inj-{list(INJECTIONS.values()).index(payload)}-2024"
    record = new_exercise(exercise_id, name=payload)  # the schema trims the name's outer whitespace
    yaml_store.save([record], who="alice", source="https://example.org/a")
    stored = yaml_store.get(exercise_id)
    assert stored is not None and stored.name == record.name
    paths = [p for p in yaml_store.export_yaml(tmp_path) if p.stem == exercise_id]
    loaded = yaml.safe_load(paths[0].read_text(encoding="utf-8"))
    assert loaded == document(stored)  # no key, list or tag came from the name


@PAYLOADS
def test_markdown_notice_has_no_live_link_image_or_tag(payload):
    markdown = md_escape(f"URL parameter x={payload!r}: ignored")
    html = MarkdownIt("commonmark").render(markdown)
    assert "<a " not in html and "<img" not in html and "<script" not in html
    assert LIVE_MARKDOWN.search(markdown) is None
    assert LITERAL_AUTOLINK.search(markdown.replace("\\", "")) is None
    assert "\n" not in markdown


@PAYLOADS
def test_terminal_output_has_no_control_character(payload):
    line = terminal_safe(payload)
    assert line.isprintable() and "\x1b" not in line


@PAYLOADS
def test_popup_and_tooltip_are_escaped(payload):
    row = _hostile_sites(payload).iloc[0].to_dict()
    for html in (popup_html(row), tooltip_html(row)):
        for live in ("<script", "<img", '" onmouseover', "<!ENTITY", "<![CDATA["):
            assert live not in html
