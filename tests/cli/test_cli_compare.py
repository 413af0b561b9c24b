"""``python -m geo compare A B``: the comparison as text, CSV, JSON, PNG and PPTX; one error line for bad sides."""

from __future__ import annotations

import json

import pytest
from PIL import Image

import geo.query.known
from geo.catalog.sites import sites_frame
from geo.query.known import KnownSites
from tests.support.cli import run_cli


@pytest.fixture(scope="module")
def catalog():
    return sites_frame()


@pytest.fixture(autouse=True)
def real_catalog(monkeypatch, catalog):
    """The reviewed catalog alone (no analysts' store), loaded once for the module."""
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(catalog.copy(), None, None))


def test_text(capsys):
    code, out, err = run_cli(["compare", "zapad-2017", "zapad-2021"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("A: Zapad-2017 — 1 exercise, 11 sites")
    assert "Places: 7 only in A, 8 only in B, 4 in both" in out


def test_json_and_csv(capsys):
    code, out, _ = run_cli(["compare", "2017", "zapad-2021", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["a"]["years"] == [2017, 2017] and data["b"]["exercise"] == "zapad-2021"
    assert "zapad-2017" in {item["key"] for item in data["exercises"]["only_a"]}
    code, out, _ = run_cli(["compare", "zapad-2017", "zapad-2021", "--format", "csv"], capsys)
    assert code == 0
    assert sum(1 for line in out.splitlines() if line.startswith("places,both,")) == 4


def test_png_and_pptx(tmp_path, capsys):
    png = tmp_path / "compare.png"
    code, out, err = run_cli(["compare", "zapad-2017", "zapad-2021", "--format", "png", "--out", str(png)], capsys)
    assert (code, err) == (0, "")
    assert "wrote" in out
    assert Image.open(png).size == (1920, 1080)
    pptx = tmp_path / "compare.pptx"
    code, _, _ = run_cli(["compare", "2017", "2021", "--format", "pptx", "--out", str(pptx)], capsys)
    assert code == 0
    assert pptx.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "zapad-2017", "zapad-2099"], "no exercise with the id 'zapad-2099'"),
        (["compare", "1990", "2021"], "outside the catalog's years"),
        (["compare", "2017", "2021", "--format", "png"], "--out PATH is required"),
        (["compare", "2017", "2021", "--years", "2018"], "--years does not apply"),
    ],
)
def test_errors(capsys, argv, message):
    code, out, err = run_cli(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error:") and message in err


def test_filter_options_narrow_both_sides(capsys):
    code, out, _ = run_cli(["compare", "2017", "2021", "--alliance", "NATO", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [item["key"] for item in data["alliances"]["both"]] == ["NATO"]
    assert data["alliances"]["only_a"] == [] and data["alliances"]["only_b"] == []
    assert "zapad-2017" not in {item["key"] for item in data["exercises"]["only_a"]}
