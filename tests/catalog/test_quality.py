"""The data-quality report: counts match the catalog; a seeded bad row fails it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from geo.catalog.load import load_exercises
from geo.catalog.quality import check_catalog, quality_report
from geo.catalog.sites import sites_frame
from geo.core import settings
from tests.support.cli import run_cli


@pytest.fixture(scope="module")
def report():
    return check_catalog()


def test_counts_match_the_catalog(report) -> None:
    exercises = load_exercises()
    sites = sites_frame(exercises)
    assert report.exercises == len(exercises)
    assert report.sites == len(sites)
    assert report.by_year == Counter(e.year for e in exercises)
    assert report.by_alliance == Counter(e.alliance for e in exercises)
    assert report.by_precision == Counter(sites["precision"])
    assert len(report.unresolved) == int((sites["site_status"] == "unresolved").sum())
    assert len(report.proxies) == int((sites["precision"] == "area").sum())
    assert len(report.no_end_date) == sum(1 for e in exercises if e.end is None and not e.ongoing)
    assert report.hard_errors == []


def test_proxies_name_their_radius_and_confidence(report) -> None:
    losvido = [p for p in report.proxies if "by_tg_losvido" in p]
    assert losvido and all("±10 km" in p and "confidence low" in p for p in losvido)


def _copy_catalog(tmp_path: Path) -> Path:
    folder = tmp_path / "catalog"
    shutil.copytree(settings.CATALOG_DIR, folder)
    return folder


def _mutate(folder: Path, name: str, change) -> None:
    path = folder / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["citations"]["c1"].pop("source"), "field 'citations.c1.source'"),
        (lambda d: d.update(end="2020-01-01"), "before start"),
        (lambda d: d.update(alliance="SEATO"), "field 'alliance'"),
    ],
)
def test_a_seeded_bad_row_is_a_hard_error_and_the_rest_is_still_checked(tmp_path: Path, change, message: str) -> None:
    folder = _copy_catalog(tmp_path)
    _mutate(folder, "combat-brotherhood-2023", change)
    text, hard = quality_report(folder)
    assert hard == 1
    assert "combat-brotherhood-2023.yaml" in text and message in text
    assert "result: FAIL" in text
    assert f"Catalog: {len(load_exercises()) - 1} exercises" in text  # every other file was still read


def test_a_site_resolved_outside_its_recorded_country_is_a_hard_error(tmp_path: Path) -> None:
    folder = _copy_catalog(tmp_path)

    def town_not_river(data: dict) -> None:
        (site,) = [s for s in data["sites"] if s["place"] == "the Neman"]
        site["place"] = "Neman"  # no article: the town, which lies in Kaliningrad, not in Lithuania

    _mutate(folder, "saber-strike-2018", town_not_river)
    report = check_catalog(folder)
    assert report.hard_errors == [
        next(
            e
            for e in report.hard_errors
            if e.startswith("saber-strike-2018: 'Neman': recorded in LTU but resolved in RUS")
        )
    ]


def test_cli_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["catalog", "--check"], capsys)  # in-process; the failing run is a real process
    assert code == 0, out[-2000:]
    assert "result: ok" in out
    folder = _copy_catalog(tmp_path)
    _mutate(folder, "zapad-2017", lambda d: d.update(start="2017-09-30", end="2017-09-01"))
    env = {"DRILLMAP_CATALOG_DIR": str(folder), "PATH": "/usr/bin:/bin"}
    bad = subprocess.run(
        [sys.executable, "-m", "geo", "catalog", "--check"], capture_output=True, text=True, check=False, env=env
    )
    assert bad.returncode == 1
    assert "zapad-2017.yaml" in bad.stdout and "before start" in bad.stdout
