"""The Review page shows no filters (they select nothing there) and keeps them for the other pages."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def test_review_page_hides_the_filters_and_keeps_their_values(monkeypatch):
    monkeypatch.setenv("DRILLMAP_SINGLE_USER", "1")  # a laptop: the typed name is the reviewer's identity
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params["alliance"] = "NATO"
    at.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_alliances").value == ["NATO"]

    at.switch_page("pages/5_review.py").run()
    assert not at.exception
    assert [w.key for w in at.sidebar.multiselect] == []
    assert "Your name (recorded with every change)" in [t.label for t in at.sidebar.text_input]

    at.switch_page("pages/1_map.py").run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_alliances").value == ["NATO"]
