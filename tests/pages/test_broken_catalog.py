"""One unreadable catalog file is named on every page, and the rest of the catalog is still shown."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geo.query.known as known
from geo.core import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def broken_catalog(tmp_path, monkeypatch):
    folder = tmp_path / "catalog"
    shutil.copytree(settings.CATALOG_DIR, folder)
    (folder / "zapad-2021.yaml").write_text("id: zapad-2021\nname: [unclosed", encoding="utf-8")
    monkeypatch.setattr(settings, "CATALOG_DIR", folder)
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    known._CACHE.clear()
    yield folder
    known._CACHE.clear()


@pytest.mark.parametrize("page", ["pages/1_map.py", "pages/3_exercises.py", "pages/5_review.py"])
def test_pages_name_the_broken_file_and_show_the_rest(broken_catalog, page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    if page != "pages/1_map.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    if page == "pages/5_review.py":
        assert not at.error  # the review page works; it draws no catalog view
        return
    warnings = [w.value for w in at.warning]
    assert any("zapad\\-2021" in w and "the rest of the catalog is shown" in w for w in warnings), warnings
    assert at.sidebar.metric[0].value not in ("0", 0)  # exercises are still shown
