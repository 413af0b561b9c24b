"""The per-article time budget (``DRILLMAP_EXTRACT_BUDGET_S``): one clear message, checked between steps.

The budget is checked cooperatively (:mod:`geo.extract.budget`): a clock that advances one second per
reading shows that extraction stops within a few steps of the deadline; a budget of a nanosecond shows the
message on the Review page and in ``python -m geo ingest``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.catalog.load import load_exercises
from geo.cli.main import main
from geo.core import settings
from geo.core.errors import IngestError
from geo.extract import Extractor, budget

SEED_002 = settings.SEEDS_DIR / "002_67814a5019076fc5.txt"
MESSAGE = r"extraction stopped after 1e-09 s, the time allowed for one article \(DRILLMAP_EXTRACT_BUDGET_S\)"


@cache
def _extractor() -> Extractor:
    return Extractor(load_exercises())


@pytest.fixture
def ticking_clock(monkeypatch) -> list[float]:
    """Every reading of the budget clock advances it by one second; returns the readings."""
    readings: list[float] = []

    def clock() -> float:
        readings.append(float(len(readings)))
        return readings[-1]

    monkeypatch.setattr(budget, "CLOCK", clock)
    return readings


def test_the_default_budget_is_documented_and_twenty_seconds(monkeypatch):
    monkeypatch.delenv("DRILLMAP_EXTRACT_BUDGET_S", raising=False)
    assert settings.setting("extract_budget_s") == 20.0
    assert "DRILLMAP_EXTRACT_BUDGET_S" in (settings.ROOT / "README.md").read_text(encoding="utf-8")


def test_extraction_stops_between_steps_once_the_budget_is_spent(ticking_clock):
    text = SEED_002.read_text(encoding="utf-8")
    with pytest.raises(IngestError, match=r"stopped after 5 s"):
        _extractor().extract(text, budget_s=5)
    assert len(ticking_clock) == 7  # the start, then one check per step until the sixth second


def test_without_a_budget_the_clock_is_not_read(ticking_clock):
    extraction = _extractor().extract(SEED_002.read_text(encoding="utf-8"), budget_s=0)
    assert extraction.events and ticking_clock == []


def test_the_cli_reports_a_spent_budget_for_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DRILLMAP_EXTRACT_BUDGET_S", "1e-9")
    assert main(["ingest", str(SEED_002), "--json"]) == 2
    captured = capsys.readouterr()
    (record,) = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    assert Path(record["file"]).name == SEED_002.name
    assert re.search(MESSAGE, record["error"]), record["error"]
    assert "Traceback" not in captured.err


def test_the_review_page_reports_a_spent_budget(tmp_path, monkeypatch):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DRILLMAP_SINGLE_USER", "1")
    monkeypatch.setenv("DRILLMAP_EXTRACT_BUDGET_S", "1e-9")
    at = AppTest.from_file(str(settings.ROOT / "pages" / "5_review.py"), default_timeout=60).run()
    at.text_area(key="paste").input(SEED_002.read_text(encoding="utf-8"))
    next(b for b in at.button if b.label == "Extract events").click().run()
    assert not at.exception
    (error,) = at.error
    assert "extraction stopped after 1e\\-09 s" in error.value and "DRILLMAP\\_EXTRACT\\_BUDGET\\_S" in error.value
