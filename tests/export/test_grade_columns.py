"""Every data export carries the Admiralty grade: best grade columns, graded quotes and figures."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyogrio
import pytest

from geo.catalog.filter import SiteFilter
from geo.export import data as data_export
from geo.query.selection import select
from tests.support.graded_sites import graded_sites

KML = "{http://www.opengis.net/kml/2.2}"
#: exercise id -> (grade, source_reliability, info_credibility) of its sites.
EXPECTED = {
    "zapad-2021": ("B2", "B", 2),
    "iron-wolf-2022": ("C1", "C", 1),
    "csto-drill-2023": ("not graded", None, None),
}


@pytest.fixture
def selection():
    return select(graded_sites(), SiteFilter())


def test_geopackage_grade_columns_read_back_typed(selection, tmp_path):
    path = data_export.write_export(selection, tmp_path / "sites.gpkg", fmt="gpkg")
    seen = set()
    for layer in ("sites_points", "sites_areas", "sites_unlocated"):
        info = pyogrio.read_info(path, layer=layer)
        fields = dict(zip(info["fields"], info["dtypes"], strict=True))
        assert fields["grade"] == fields["source_reliability"] == "object"
        assert fields["info_credibility"] == "int32"
        _, table = pyogrio.read_arrow(path, layer=layer, read_geometry=False)
        for row in table.to_pylist():  # None stays None (no NaN)
            assert (row["grade"], row["source_reliability"], row["info_credibility"]) == EXPECTED[row["exercise_id"]]
            seen.add(row["exercise_id"])
    assert seen == set(EXPECTED)


def test_csv_geojson_and_kml_carry_the_grade_beside_quotes_and_figures(selection):
    rows = list(csv.DictReader(io.StringIO(data_export.export_bytes(selection, "csv").decode("utf-8"))))
    zapad = next(r for r in rows if r["exercise_id"] == "zapad-2021")
    assert (zapad["grade"], zapad["source_reliability"], zapad["info_credibility"]) == ("B2", "B", "2")
    assert "[grade B2]" in zapad["quotes"] and "[grade C3]" in zapad["quotes"]
    assert zapad["figures_text"] == "12,800 troops (BLR, official) [grade B2]; 500 tanks [grade C3]"
    csto = next(r for r in rows if r["exercise_id"] == "csto-drill-2023")
    assert (csto["grade"], csto["source_reliability"], csto["info_credibility"]) == ("not graded", "", "")

    doc = json.loads(data_export.export_bytes(selection, "geojson"))
    props = {f["properties"]["exercise_id"]: f["properties"] for f in doc["features"]}
    assert props["iron-wolf-2022"]["info_credibility"] == 1 and props["iron-wolf-2022"]["grade"] == "C1"

    kml = ET.fromstring(data_export.export_bytes(selection, "kml"))
    placemark = next(kml.iter(f"{KML}Placemark"))
    data = {d.get("name"): d.findtext(f"{KML}value") for d in placemark.iter(f"{KML}Data")}
    assert data["grade"] in {"B2", "C1", "not graded"} and "source_reliability" in data
    assert f"Best source grade</th><td>{data['grade']}" in placemark.findtext(f"{KML}description")
