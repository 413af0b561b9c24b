"""The dashboard's download area (pages/export_panel.py) under Streamlit's AppTest."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

import geo.export.browser
import pages.common.export_panel
from geo.core.errors import DrillmapError, ExportError
from geo.export.formats import FORMATS
from geo.maps.build import NATO_BORDER

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "export_panel_app.py"


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(str(SCRIPT), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _downloads(at: AppTest) -> list:
    return list(at.get("download_button"))


def test_nothing_is_rendered_before_the_click(app):
    assert app.radio(key="export_kind").value == "Briefing map"
    assert app.selectbox(key="export_map_format").value == "png"
    assert _downloads(app) == []
    assert "export_prepared" not in app.session_state


def test_briefing_map_png_is_prepared_then_offered(app):
    app.selectbox(key="export_size").set_value("1280×720 (16:9, small)")
    app.text_input(key="export_title").input("Test briefing")
    _button(app, "Prepare download").click().run()
    assert not app.exception and not app.error
    (status,) = app.status  # the progress indicator, completed
    assert status.label.startswith("Ready:")
    prepared = app.session_state["export_prepared"]
    assert prepared["data"].startswith(b"\x89PNG") and prepared["mime"] == "image/png"
    (download,) = _downloads(app)
    assert download.proto.label.startswith("Download drillmap-map-") and download.proto.label.endswith(".png")


def test_a_changed_option_withdraws_the_prepared_file(app):
    _button(app, "Prepare download").click().run()
    assert len(_downloads(app)) == 1
    app.text_input(key="export_banner").input("UNCLASSIFIED").run()
    assert _downloads(app) == []
    assert any("changed since the last file was prepared" in c.value for c in app.caption)
    assert app.session_state["export_prepared"]["data"] is None  # a withdrawn file is not kept in the session
    app.text_input(key="export_banner").input("").run()  # back to the options it was made for: still withdrawn
    assert _downloads(app) == []


def test_the_button_reads_the_prepared_bytes_when_clicked(app):
    _button(app, "Prepare download").click().run()
    prepared = app.session_state["export_prepared"]
    assert pages.common.export_panel._prepared_data(prepared) is prepared["data"]  # the one copy, not another
    prepared["data"] = None  # withdrawn between the render and the click
    with pytest.raises(DrillmapError, match="prepare it again"):
        pages.common.export_panel._prepared_data(prepared)


def test_pptx_slide(app):
    app.selectbox(key="export_map_format").set_value("pptx")
    _button(app, "Prepare download").click().run()
    prepared = app.session_state["export_prepared"]
    assert prepared["data"].startswith(b"PK") and prepared["file_name"].endswith(".pptx")


def test_briefing_pack_is_offered_from_the_registry(app):
    select = app.selectbox(key="export_map_format")
    assert select.options[-1] == "Briefing pack (PPTX, several slides)"  # the registry's label
    select.set_value("pack")
    _button(app, "Prepare download").click().run()
    assert not app.exception and not app.error
    prepared = app.session_state["export_prepared"]
    assert prepared["file_name"].startswith("drillmap-pack-") and prepared["file_name"].endswith(".pptx")
    assert prepared["mime"] == FORMATS["pack"].media_type
    deck = Presentation(io.BytesIO(prepared["data"]))
    assert [s.shapes.title.text for s in deck.slides][1:] == [
        "Timeline",
        "Proximity to the other side",
        "Exercises",
        "Sources",
    ]


def test_data_export_geojson(app):
    app.radio(key="export_kind").set_value("Data").run()
    app.selectbox(key="export_data_format").set_value("geojson")
    _button(app, "Prepare download").click().run()
    doc = json.loads(app.session_state["export_prepared"]["data"])
    assert len(doc["features"]) == 9
    assert _downloads(app)[0].proto.label.endswith(".geojson")


def test_empty_selection_still_renders_a_map(app):
    app.toggle(key="empty").set_value(True).run()
    assert any("No exercises match the filters" in c.value for c in app.caption)
    _button(app, "Prepare download").click().run()
    assert app.session_state["export_prepared"]["data"].startswith(b"\x89PNG")


def test_as_seen_without_a_browser_explains(app, monkeypatch):
    monkeypatch.setattr(geo.export.browser, "CHROMIUM", Path("/nonexistent/chromium"))
    app.radio(key="export_kind").set_value("Map as seen").run()
    assert not app.exception
    (info,) = app.info
    assert "needs Chromium" in info.value and "static PNG, PDF, SVG and PPTX exports work" in info.value
    assert [b.label for b in app.button] == []


def test_export_error_is_shown_not_raised(app, monkeypatch):
    def fail(*args, **kwargs):
        raise ExportError("disk full")

    monkeypatch.setattr(pages.common.export_panel, "render_snapshot", fail)
    _button(app, "Prepare download").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == ["disk full"]
    assert _downloads(app) == []


def test_map_as_seen_is_taken_with_the_map_options(app, monkeypatch):
    taken = []

    def shoot(selection, **kwargs):
        taken.append((selection, kwargs))
        return b"\x89PNG fake"

    monkeypatch.setattr(pages.common.export_panel, "browser_problem", lambda: None)
    monkeypatch.setattr(pages.common.export_panel, "as_seen_png", shoot)
    app.radio(key="export_kind").set_value("Map as seen").run()
    _button(app, "Prepare download").click().run()
    assert not app.exception and not app.error
    ((selection, kwargs),) = taken
    assert kwargs["map_options"].rings_km == (50,) and kwargs["map_options"].ring_center == NATO_BORDER
    assert selection.period_end.isoformat() == "2023-12-31" and selection.n_sites > 0


def test_map_as_seen_shows_the_map_s_current_view(app, monkeypatch):
    taken = []
    monkeypatch.setattr(pages.common.export_panel, "browser_problem", lambda: None)
    monkeypatch.setattr(pages.common.export_panel, "as_seen_png", lambda sel, **kw: taken.append(kw) or b"png")
    app.toggle(key="zoomed").set_value(True).run()
    app.radio(key="export_kind").set_value("Map as seen").run()
    assert any("23.40° E – 24.00° E, 51.90° N – 52.30° N" in c.value for c in app.caption)
    app.text_input(key="export_banner").set_value("UNCLASSIFIED").run()
    _button(app, "Prepare download").click().run()
    assert not app.exception and not app.error
    ((kwargs,),) = [taken]
    assert kwargs["view"].bbox == (23.4, 51.9, 24.0, 52.3) and kwargs["view"].zoom == 10
    assert kwargs["banner"] == "UNCLASSIFIED" and kwargs["map_options"].ring_center == NATO_BORDER


def test_briefing_map_can_use_the_current_view(app, monkeypatch):
    drawn = []
    monkeypatch.setattr(pages.common.export_panel, "render_snapshot", lambda sel, **kw: drawn.append(kw) or b"png")
    (box,) = [c for c in app.checkbox if c.label == "Use the current view"]
    assert box.disabled  # no view reported yet
    app.toggle(key="zoomed").set_value(True).run()
    _button(app, "Prepare download").click().run()
    app.checkbox(key="export_use_view").check().run()
    assert any("prepare it again" in c.value for c in app.caption)  # the extent is part of the file's token
    _button(app, "Prepare download").click().run()
    assert not app.exception and not app.error
    fitted, viewed = drawn
    assert fitted["options"].extent is None
    assert viewed["options"].extent == (23.4, 51.9, 24.0, 52.3)
    assert viewed["map_options"].rings_km == (50,)  # the rings drawn on the map are drawn on the briefing map
