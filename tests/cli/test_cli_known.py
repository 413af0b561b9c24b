"""The CLI reads what the dashboard reads (catalog + analysts' store), and its start-up imports only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

import geo.export.snapshot
import geo.query.known
from geo.cli.main import main
from geo.core.settings import ROOT
from geo.query.known import KnownSites
from tests.support.export_panel_app import tiny_sites
from tests.support.payloads import assert_formulas_guarded, formula_sites

REPORT = "Belarus held snap military exercises in the Brest region on May 2, 2024."
SAVED_ID = "national-exercise-2024-05-02"
SAVED_NAME = "Unnamed national exercise (2024-05-02)"


@pytest.fixture
def saved(tmp_path, monkeypatch, capsys) -> str:
    """An exercise saved with ``ingest --save`` into this test's own store; returns its id."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    argv = ["ingest", str(report), "--save", "--reviewer", "X", "--source-url", "https://example.org/snap"]
    assert main(argv) == 0
    assert f"created {SAVED_ID}" in capsys.readouterr().err
    return SAVED_ID


def test_catalog_lists_an_exercise_saved_in_the_store(saved, capsys):
    assert main(["catalog", "--search", SAVED_NAME]) == 0
    out, err = capsys.readouterr()
    assert saved in out and "no exercise sites match" not in out
    assert err == ""
    assert main(["catalog", "--search", SAVED_NAME, "--format", "geojson"]) == 0
    (feature,) = json.loads(capsys.readouterr().out)["features"]
    assert feature["properties"]["exercise_name"] == SAVED_NAME


def test_export_contains_an_exercise_saved_in_the_store(saved, tmp_path, capsys):
    out = tmp_path / "sites.geojson"
    assert main(["export", "--format", "geojson", "--years", "2024", "--out", str(out)]) == 0
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert saved in {f["properties"]["exercise_id"] for f in features}


def test_snapshot_selection_includes_an_exercise_saved_in_the_store(saved, tmp_path, capsys, monkeypatch):
    handed: list[object] = []
    real = geo.export.snapshot.write_snapshot

    def spy(selection, *args, **kwargs):
        handed.append(selection)
        return real(selection, *args, **kwargs)

    monkeypatch.setattr(geo.export.snapshot, "write_snapshot", spy)
    out = tmp_path / "map.png"
    argv = ["snapshot", "--format", "png", "--search", SAVED_NAME, "--size", "640x360", "--out", str(out)]
    assert main(argv) == 0
    assert "1 site of 1 exercise" in capsys.readouterr().out
    assert Image.open(out).size == (640, 360)
    (given,) = handed
    assert list(given.sites["exercise_id"]) == [saved]


def test_store_problem_is_one_warning_line(monkeypatch, capsys):
    problem = "the analysts' store cannot be read, so only the reviewed catalog is shown: locked"
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(tiny_sites(), None, problem))
    assert main(["catalog", "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    assert err == f"warning: {problem}\n"
    assert out.count("\n") == 10  # header and 9 sites: the command still works


def test_catalog_csv_text_cells_cannot_start_a_formula(monkeypatch, capsys):
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(formula_sites(), None, None))
    assert main(["catalog", "--format", "csv"]) == 0
    assert_formulas_guarded(capsys.readouterr().out)


def test_catalog_table_prints_control_characters_as_escapes(monkeypatch, capsys):
    sites = tiny_sites()
    sites.loc[sites.index[0], "place_text"] = "Losvido\x1b[2J\rforged"
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(sites, None, "locked\x1b[8m"))
    assert main(["catalog"]) == 0
    out, err = capsys.readouterr()
    assert "Losvido\\x1b[2J\\rforged" in out and "\x1b" not in out and "\r" not in out
    assert err == "warning: locked\\x1b[8m\n"


HEAVY = ("folium", "matplotlib", "streamlit", "altair", "pptx")
_RUN_GEO = """
import runpy, sys
sys.argv = ["geo", *sys.argv[1:]]
try:
    runpy.run_module("geo", run_name="__main__")
except SystemExit:
    pass
"""
_IMPORT_COMMANDS = """
import importlib, geo.cli.main
for command in geo.cli.main.COMMANDS.values():
    importlib.import_module(command.module)
"""
_REPORT = "\nimport json, sys\nprint('LOADED', json.dumps(sorted({name.split('.')[0] for name in sys.modules})))\n"


def _top_level_modules(script: str, *argv: str) -> set[str]:
    """Top-level packages imported by ``python -c script argv...`` when it ends."""
    done = subprocess.run(
        [sys.executable, "-c", script + _REPORT, *argv], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("LOADED ")]
    return set(json.loads(line.removeprefix("LOADED ")))


def test_help_imports_no_heavy_library():
    loaded = _top_level_modules(_RUN_GEO, "--help")
    assert loaded.isdisjoint({*HEAVY, "geopandas", "pandas", "shapely"}), sorted(loaded)


def test_geocode_imports_no_map_chart_or_slide_library():
    loaded = _top_level_modules(_RUN_GEO, "geocode", "the southern border", "--json")
    assert "shapely" in loaded  # the probe did geocode
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_command_modules_import_their_dependencies_when_run():
    """``import geo.cli.<command>`` stays cheap: each imports what it uses inside ``run``."""
    assert _top_level_modules(_IMPORT_COMMANDS).isdisjoint({*HEAVY, "geopandas", "pandas"})
    for path in Path(ROOT, "geo", "cli").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 200, path.name
