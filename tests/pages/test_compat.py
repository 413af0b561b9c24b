"""The link filter at streamlit-folium's component boundary (it wraps a private name: keep it covered)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import streamlit_folium

from pages.common.compat import folium_component, install_link_filter, show_folium_component, swap_selection
from tests.support.map_args import COUNTRIES_IN_SCRIPT


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


def test_a_prepared_map_is_sent_as_st_folium_sends_it(recorded: list[dict[str, Any]]) -> None:
    """folium_component + show_folium_component (the shared map cache) send what st_folium sends, links filtered."""
    from streamlit_folium import st_folium

    from geo.maps.offline import make_map

    options: dict[str, Any] = {"key": "m", "height": 400, "returned_objects": ["bounds", "zoom"]}
    st_folium(make_map(location=[53.9, 27.6], zoom_start=6), **options)
    prepared = folium_component(make_map(location=[53.9, 27.6], zoom_start=6), **options)
    assert len(recorded) == 1, "preparing a map drew it"
    show_folium_component(prepared)
    show_folium_component(prepared)  # shown again (another session): the prepared arguments are left as they were
    direct, shown, again = recorded
    assert direct.pop("on_change") is not None and shown.pop("on_change") is not None and again.pop("on_change")
    assert shown == direct == again
    assert "L.map" in shown["script"] and shown["js_links"] and not any("//" in u for u in shown["js_links"])


def test_pages_manager_still_has_the_legacy_mode_switch() -> None:
    """ensure_entrypoint flips this Streamlit internal: an upgrade that renames it must fail here."""
    from streamlit.runtime.pages_manager import PagesManager

    assert isinstance(PagesManager.uses_pages_directory, bool | None), "Streamlit renamed uses_pages_directory"


def test_private_apis_are_used_only_in_the_compat_module() -> None:
    """Every private Streamlit/streamlit-folium name stays in pages/common/compat.py (one place to re-check)."""
    import re

    from geo.core import settings

    private = re.compile(r"streamlit_folium\._|pages_manager|PagesManager|streamlit\.runtime|st\._")
    files = [settings.ROOT / "app.py", *(settings.ROOT / "pages").rglob("*.py")]
    offenders = [
        str(p.relative_to(settings.ROOT)) for p in files if p.name != "compat.py" and private.search(p.read_text())
    ]
    assert offenders == []


def test_a_prepared_drillmap_map_is_sent_as_st_folium_sends_it(recorded: list[dict[str, Any]]) -> None:
    """folium_component skips st_folium's page render: the arguments of a full map are the same all the same."""
    from streamlit_folium import st_folium

    from geo.maps.build import NATO_BORDER, MapOptions, build_map
    from geo.query.known import known_sites

    sites = known_sites().sites.head(40)
    options = MapOptions(rings_km=(50,), ring_center=NATO_BORDER)
    component: dict[str, Any] = {"key": "m", "height": 400, "returned_objects": ["bounds", "zoom"]}
    st_folium(build_map(sites, period_end=dt.date(2024, 6, 1), options=options), **component)
    prepared = folium_component(build_map(sites, period_end=dt.date(2024, 6, 1), options=options), **component)
    show_folium_component(prepared)
    direct, shown = recorded
    assert direct.pop("on_change") is not None and shown.pop("on_change") is not None
    assert shown == direct
    assert COUNTRIES_IN_SCRIPT in shown["script"] and "drawnSymbols" in shown["script"]


def test_a_filter_change_keeps_the_basemap_and_its_frame_and_swaps_the_selection_layers() -> None:
    """swap_selection: the key is the basemap's, so the iframe stays; the selection layers come as feature_group."""
    from geo.maps.build import NATO_BORDER, MapOptions, build_map
    from geo.maps.selection_layers import swapped_code
    from geo.query.known import known_sites

    sites = known_sites().sites
    component: dict[str, Any] = {"key": "m", "height": 400, "returned_objects": ["bounds", "zoom"]}
    sent = []
    for some, options in ((sites, MapOptions()), (sites.head(40), MapOptions(rings_km=(50,), ring_center=NATO_BORDER))):
        whole = folium_component(build_map(some, period_end=dt.date(2024, 6, 1), options=options), **component)
        sent.append((whole, swap_selection(dict(whole), key="m")))
    (whole_a, a), (whole_b, b) = sent
    assert a["script"] == b["script"] and a["key"] == b["key"] and a["feature_group"] != b["feature_group"]
    assert whole_a["key"] != whole_b["key"]  # whole, the two maps would each get a frame of their own
    assert COUNTRIES_IN_SCRIPT in a["script"] and "drawnSymbols" not in a["script"]
    assert "drawnSymbols" in swapped_code(a["feature_group"]) and "Distance rings" in swapped_code(b["feature_group"])
    assert swap_selection({"script": "var x = 1;"}, key="m") == {"script": "var x = 1;"}  # no mark: as it is
