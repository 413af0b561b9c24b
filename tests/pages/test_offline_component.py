"""The link filter at streamlit-folium's component boundary (it wraps a private name: keep it covered)."""

from __future__ import annotations

from typing import Any

import pytest
import streamlit_folium

from pages.common.compat import install_link_filter


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_component(*args: Any, **kwargs: Any) -> None:
        calls.append(kwargs)

    # streamlit-folium 0.27.4 calls this private function with js_links/css_links keywords.
    assert callable(streamlit_folium._component_func), "streamlit-folium renamed _component_func"
    monkeypatch.setattr(streamlit_folium, "_component_func", fake_component)
    return calls


def test_cdn_links_become_vendored_files_and_the_rest_is_dropped(recorded: list[dict[str, Any]]) -> None:
    install_link_filter()
    streamlit_folium._component_func(
        script="",
        js_links=[
            "https://d3js.org/d3.v4.min.js",
            "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js",
            "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
            "https://example.org/unknown-plugin.js",
        ],
        css_links=["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css", "//example.org/x.css"],
    )
    (call,) = recorded
    assert call["js_links"] == ["../../app/static/vendor/d3/d3.v3.min.js", "../../app/static/vendor/leaflet/leaflet.js"]
    assert call["css_links"] == ["../../app/static/vendor/leaflet/leaflet.css"]
    assert call["script"] == ""


def test_wraps_only_once_across_reruns(recorded: list[dict[str, Any]]) -> None:
    install_link_filter()
    wrapped = streamlit_folium._component_func
    install_link_filter()
    assert streamlit_folium._component_func is wrapped
    wrapped(js_links=["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"], css_links=[])
    assert len(recorded) == 1
