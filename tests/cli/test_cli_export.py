"""``python -m geo snapshot`` and ``python -m geo export``: outputs, and exit code 2 with one line for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from PIL import Image

import geo.query.known
from geo.core.settings import ROOT
from geo.export.formats import FORMATS
from geo.query.known import KnownSites
from tests.support.cli import run_cli
from tests.support.export_panel_app import tiny_sites


@pytest.fixture(autouse=True)
def tiny_catalog(monkeypatch):
    """The commands read the known sites through geo.query.known.known_sites: serve the tiny frame (fast, stable)."""
    frame = tiny_sites()
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(frame.copy(), None, None))


def test_snapshot_png(tmp_path, capsys):
    out = tmp_path / "map.png"
    code, stdout, err = run_cli(
        ["snapshot", "--years", "2021-2023", "--size", "960x540", "--dpi", "72", "--out", str(out)], capsys
    )
    assert (code, err) == (0, "")
    assert "9 sites of 3 exercises" in stdout
    assert Image.open(out).size == (960, 540)


def test_snapshot_extent(tmp_path, capsys):
    out = tmp_path / "brest.png"
    argv = ["snapshot", "--extent", "23.3,51.8,24.2,52.3", "--size", "960x540", "--dpi", "72", "--out", str(out)]
    code, _, err = run_cli(argv, capsys)
    assert (code, err) == (0, "")
    assert Image.open(out).text["drillmap:extent"] == "23.30000,51.80000,24.20000,52.30000"


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("svg", b"<?xml"), ("pptx", b"PK"), ("pack", b"PK")])
def test_snapshot_other_formats(tmp_path, capsys, fmt, magic):
    out = tmp_path / FORMATS[fmt].file_name("map")
    code, _, err = run_cli(
        [
            "snapshot",
            "--alliance",
            "NATO",
            "--format",
            fmt,
            "--size",
            "800x450",
            "--title",
            "T",
            "--banner",
            "Unclassified",
            "--out",
            str(out),
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(magic)


def test_snapshot_allow_empty_renders_a_map_saying_so(tmp_path, capsys):
    out = tmp_path / "empty.png"
    code, stdout, _ = run_cli(
        ["snapshot", "--search", "no such drill", "--allow-empty", "--size", "640x360", "--out", str(out)], capsys
    )
    assert code == 0 and "0 sites" in stdout
    assert Image.open(out).size == (640, 360)


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("csv", lambda b: b.decode().count("\n") == 10),
        ("geojson", lambda b: len(json.loads(b)["features"]) == 9),
        ("kml", lambda b: b.count(b"<Placemark>") == 9),
        ("gpkg", lambda b: b.startswith(b"SQLite format 3")),
    ],
)
def test_export_formats(tmp_path, capsys, fmt, check):
    out = tmp_path / f"sites.{fmt}"
    code, stdout, err = run_cli(["export", "--format", fmt, "--out", str(out)], capsys)
    assert (code, err) == (0, "")
    assert "9 sites, 8 located" in stdout
    assert check(out.read_bytes())


BAD = [
    (["snapshot", "--format", "bmp"], "unknown map format 'bmp'; expected one of png, pdf, svg, pptx, pack"),
    (["snapshot", "--alliance", "Warsaw Pact"], "unknown alliance 'Warsaw Pact'"),
    (["snapshot", "--years", "2025-2020"], "first year 2025 is after last year 2020"),
    (["snapshot", "--years", "twenty"], "years must look like 2020-2025"),
    (["snapshot", "--size", "big"], "size must look like 1920x1080"),
    (["snapshot", "--size", "100x100"], "size must be two whole numbers of pixels between 320 and 8000"),
    (["snapshot", "--dpi", "lots"], "dpi must be a number"),
    (["snapshot", "--dpi", "5"], "dpi must be between 50 and 1200"),
    (["snapshot", "--search", "no such drill"], "no exercise sites match --search no such drill; pass --allow-empty"),
    (["snapshot", "--bogus"], "unrecognized arguments: --bogus"),
    (["snapshot", "--extent", "23,52,bad"], "extent must look like 23.3,51.8,24.2,52.3"),
    (["snapshot", "--extent", "24,52,23,53"], "with west < east and south < north"),
    (["snapshot", "--extent", "23,52,24,95"], "extent must be west,south,east,north in degrees"),
    (["export", "--format", "shp"], "unknown data format 'shp'; expected one of csv, geojson, kml, gpkg"),
    (["export"], "--format is required"),
    (["export", "--format", "csv", "--alliance", "NATO,Warsaw"], "unknown alliance 'Warsaw'"),
    (["export", "--format", "csv", "--years", "2030"], "no exercise sites match --years 2030; nothing to export"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_arguments_exit_2_with_one_line(tmp_path, capsys, argv, message):
    out = tmp_path / "out.bin"
    code, stdout, err = run_cli([*argv, "--out", str(out)], capsys)
    assert code == 2
    assert stdout == ""
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert message in err
    assert not out.exists()


@pytest.mark.parametrize("command", [["snapshot"], ["export", "--format", "csv"]])
def test_unwritable_or_missing_out(tmp_path, capsys, command):
    code, _, err = run_cli([*command, "--out", str(tmp_path / "no" / "such" / "dir" / "x")], capsys)
    assert code == 2 and err.count("\n") == 1
    assert "folder" in err and "does not exist" in err
    code, _, err = run_cli([*command, "--out", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err
    code, _, err = run_cli(command, capsys)
    assert code == 2 and err == "error: --out PATH is required (the file to write)\n"


def test_python_dash_m_geo_end_to_end(tmp_path):
    """The real entry point on the real catalog: one PNG, and one bad argument rejected before any work."""
    out = tmp_path / "map.png"
    ok = subprocess.run(
        [sys.executable, "-m", "geo", "snapshot", "--years", "2021", "--size", "800x450", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    assert Image.open(io.BytesIO(out.read_bytes())).size == (800, 450)
    bad = subprocess.run(
        [sys.executable, "-m", "geo", "export", "--format", "xls", "--out", str(tmp_path / "x")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr == "error: unknown data format 'xls'; expected one of csv, geojson, kml, gpkg\n"
