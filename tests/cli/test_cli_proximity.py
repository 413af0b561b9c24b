"""``python -m geo proximity``: the trend as a table, CSV or JSON, and the chart as PNG or SVG."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PIL import Image

import geo.query.known
from geo.catalog.filter import SiteFilter
from geo.cli.main import main
from geo.export.proximity_chart import SIZE_IN, proximity_chart_bytes
from geo.query.known import KnownSites
from geo.query.proximity import TREND_COLUMNS, proximity_sites
from geo.query.selection import select
from tests.support.export_panel_app import tiny_sites


@pytest.fixture(autouse=True)
def tiny(monkeypatch):
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(tiny_sites(), None, None))


def test_the_table_names_each_alliance_and_precision_class(capsys) -> None:
    assert main(["proximity"]) == 0
    out = capsys.readouterr().out
    assert "Russia-Belarus" in out and "Union State" in out and "precise" in out and "area" in out
    assert "nearest point" in out


def test_csv_by_quarter_with_a_filter(capsys) -> None:
    assert main(["proximity", "--by", "quarter", "--alliance", "NATO", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and tuple(rows[0]) == TREND_COLUMNS
    assert {r["alliance"] for r in rows} == {"NATO"} and {r["other_side"] for r in rows} == {"Union State"}
    assert all(r["period"] == "2022-Q4" for r in rows)  # Iron Wolf 2022 starts 17 Oct 2022


def test_json_states_the_as_of_date_and_the_grouping(capsys) -> None:
    assert main(["proximity", "--years", "2021", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["alliances_as_of"] == "2021-12-31" and data["by"] == "year"
    assert {r["period"] for r in data["rows"]} == {"2021"}
    assert sum(r["n"] for r in data["rows"]) == sum(len(r["sites"]) for r in data["rows"]) > 0


def test_the_chart_is_written_as_png_or_svg(tmp_path, capsys) -> None:
    png, svg = tmp_path / "trend.png", tmp_path / "trend.svg"
    assert main(["proximity", "--chart", str(png)]) == 0
    assert main(["proximity", "--chart", str(svg)]) == 0
    with Image.open(png) as image:
        assert image.size == (round(SIZE_IN[0] * 150), round(SIZE_IN[1] * 150)) == (1920, 1080)
        assert abs(image.size[0] / image.size[1] - 16 / 9) < 0.01
    text = svg.read_text(encoding="utf-8")
    assert "<text" in text and "How close do exercises come to the other side?" in text


def test_a_bad_chart_suffix_is_one_error_line(tmp_path, capsys) -> None:
    assert main(["proximity", "--chart", str(tmp_path / "trend.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --chart must end in .png or .svg") and err.count("\n") == 1


def test_the_chart_shows_every_measured_site_as_one_marker() -> None:
    selection = select(tiny_sites(), SiteFilter())
    points = proximity_sites(selection.sites)
    svg = proximity_chart_bytes(points, selection, fmt="svg").decode("utf-8")
    assert svg.count('id="PathCollection_') == points.groupby(["period", "alliance", "precision"]).ngroups
    with pytest.raises(ValueError, match="png or svg"):
        proximity_chart_bytes(points, selection, fmt="pdf")
