"""A new browser session's first Map page run sends the map alone (pages/common/first_paint.py), under AppTest.

AppTest is no browser (no ``User-Agent``): it gets the whole page in one run, as every other test here
checks. These tests make the session a browser's to check the first run, and the full run that the
map's report (or the timer) starts; tests/browser/test_first_paint_browser.py checks both triggers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pages.common import first_paint
from tests.support.map_args import drawn_script

ROOT = Path(__file__).resolve().parents[2]


def _app(monkeypatch, *, browser: bool, **params: str) -> AppTest:
    monkeypatch.setattr(first_paint, "_in_browser", lambda: browser)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _map_args(at: AppTest) -> dict:
    components = at.get("component_instance")
    (component,) = [el for el in components if el.proto.component_name == "streamlit_folium.st_folium"]
    return json.loads(component.proto.json_args)


def _whole_page(at: AppTest) -> bool:
    """The sidebar's filters, the map's controls and the download area are all there."""
    sidebar_keys = {w.key for w in at.sidebar.get("multiselect")}
    return (
        "f_alliances" in sidebar_keys
        and {m.label for m in at.sidebar.get("metric")} == {"Exercises", "Sites"}
        and any(m.key == "m_rings" for m in at.multiselect)
        and any(r.key == "export_kind" for r in at.radio)
    )


def test_a_browser_s_first_run_sends_the_header_and_the_map_alone(monkeypatch):
    at = _app(monkeypatch, browser=True, alliance="NATO", rings="50,100", ring_at="nato")
    assert not at.exception
    assert at.markdown[0].value.startswith("## Exercise sites")
    assert not at.sidebar.get("multiselect") and not at.sidebar.get("metric")
    assert not any(m.key == "m_rings" for m in at.multiselect)  # the controls' row is kept empty
    assert not any(r.key == "export_kind" for r in at.radio)
    # The map is the link's: its filter and its rings, read from the session state the link set.
    script = drawn_script(_map_args(at))
    assert "Distance rings" in script
    assert at.session_state["f_alliances"] == ["NATO"]
    assert at.session_state[first_paint._KEY] == first_paint.WAITING  # the timer is armed

    at.run()  # the run the map's report (or the timer) starts: the whole page, the same map
    assert not at.exception
    assert _whole_page(at)
    assert at.multiselect(key="f_alliances").value == ["NATO"]
    assert at.multiselect(key="m_rings").value == [50, 100]
    assert drawn_script(_map_args(at)) == script
    assert at.session_state[first_paint._KEY] == first_paint.DONE


def test_a_client_that_draws_nothing_gets_the_whole_page_at_once(monkeypatch):
    at = _app(monkeypatch, browser=False)
    assert not at.exception
    assert _whole_page(at)
    assert at.session_state[first_paint._KEY] == first_paint.DONE


@pytest.mark.parametrize("page", ["pages/2_timeline.py", "pages/3_exercises.py"])
def test_after_the_first_run_every_page_draws_its_sidebar(monkeypatch, page):
    at = _app(monkeypatch, browser=True)
    at.switch_page(page).run()
    assert not at.exception
    assert at.sidebar.get("multiselect")
    at.switch_page("pages/1_map.py").run()  # and back on the Map page, the whole page at once
    assert _whole_page(at)
