"""The Map page's shared map cache: one render per catalog state, selection and options, never a stale map.

Sessions are real AppTest runs of ``app.py`` against a private analysts' store; renders are counted at
:func:`pages.common.map_cache.build_map`, and what each session was sent is the st_folium element's arguments.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import geo.query.known as known
from geo.catalog.filter import SiteFilter
from geo.core import settings
from geo.maps.build import NATO_BORDER, MapOptions
from geo.query.selection import select
from geo.store import Store
from pages.common import first_paint, map_cache, warm
from tests.support.map_args import drawn_script as _drawn
from tests.support.store_records import new_exercise
from tests.support.warming import warming_done

ROOT = Path(__file__).resolve().parents[2]
COMPONENT = {"key": "drillmap_map", "height": 660, "returned_objects": ["bounds", "zoom"]}


@pytest.fixture
def builds(tmp_path, monkeypatch) -> list[int]:
    """A private DRILLMAP_HOME, an empty map cache, and the number of maps built since (one item per build)."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    known._CACHE.clear()
    map_cache._rendered.clear()
    built: list[int] = []
    original = map_cache.build_map

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(map_cache, "build_map", counting)
    yield built
    map_cache._rendered.clear()
    known._CACHE.clear()


def _session() -> AppTest:
    """A new browser session opening the Map page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _sent(at: AppTest) -> dict[str, Any]:
    """The arguments the session's st_folium element carries (the map script and what it returns)."""
    (element,) = [el for el in at.get("component_instance") if el.proto.component_name == "streamlit_folium.st_folium"]
    return json.loads(element.proto.json_args)


def test_sessions_share_a_map_and_a_filter_change_gets_its_own(builds):
    first = _sent(_session())
    assert len(builds) == 1
    other = _session()
    assert len(builds) == 1, "a second session with the same selection rebuilt the map"
    assert _sent(other) == first

    other.toggle(key="f_nato_on").set_value(True).run()  # within 100 km of NATO: fewer sites
    near = _sent(other)
    assert len(builds) == 2
    assert near["feature_group"] != first["feature_group"]
    # The same basemap: the browser keeps the map's frame and swaps the selection's layers.
    assert near["script"] == first["script"] and near["key"] == first["key"]

    other.segmented_control(key="m_ring_mode").set_value(NATO_BORDER).run()  # a map option
    assert len(builds) == 3
    assert "Distance rings" in _drawn(_sent(other)) and "Distance rings" not in _drawn(near)

    other.segmented_control(key="m_ring_mode").set_value("none").run()
    other.toggle(key="f_nato_on").set_value(False).run()  # back to the first selection: served again
    assert len(builds) == 3
    assert _sent(other) == first


def test_a_saved_edit_or_exercise_gives_a_new_map(builds):
    before = _sent(_session())
    store = Store.open(settings.database_url())
    # An edit that keeps every site (the same ids, the same filter): only the store's revision tells.
    rename = {"zapad-2025": lambda e: e.model_copy(update={"name": "Zapad-2025 (revised)"})}
    store.save(updates=rename, who="Test", source="https://example.org/edit")
    renamed = _sent(_session())
    assert len(builds) == 2, "the store's new revision was served the old map"
    assert "Zapad-2025 (revised)" in _drawn(renamed) and "Zapad-2025 (revised)" not in _drawn(before)

    store.save([new_exercise("snap-check-2024")], who="Test", source="https://example.org/snap")
    added = _sent(_session())
    assert len(builds) == 3
    assert "snap-check-2024" in _drawn(added) and "snap-check-2024" not in _drawn(renamed)


@pytest.fixture
def catalog(tmp_path, monkeypatch) -> Path:
    """A private store and a private copy of the catalog."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "catalog"
    shutil.copytree(settings.CATALOG_DIR, folder)
    known._CACHE.clear()
    yield folder
    known._CACHE.clear()


def test_the_key_names_the_catalog_state_the_selection_and_the_options(catalog):
    state = known.known_sites(catalog_dir=catalog)
    assert state.key and known.known_sites(catalog_dir=catalog).key == state.key  # read again: the same key
    known._CACHE.clear()
    assert known.known_sites(catalog_dir=catalog).key == state.key  # from the disk cache: the same key
    everything = select(state.sites)
    key = map_cache.map_key(state.key, everything, MapOptions(), COMPONENT)
    assert map_cache.map_key(state.key, select(state.sites), MapOptions(), dict(COMPONENT)) == key

    path = catalog / "zapad-2021.yaml"  # an edited catalog file: a new catalog state, a new map
    path.write_text(path.read_text(encoding="utf-8").replace("name: Zapad-2021", "name: Zapad 2021 (ed.)", 1))
    edited = known.known_sites(catalog_dir=catalog)
    assert edited.key != state.key
    assert map_cache.map_key(edited.key, select(edited.sites), MapOptions(), COMPONENT) != key

    nato = select(state.sites, SiteFilter(alliances=("NATO",)))
    others = {
        "filter": map_cache.map_key(state.key, nato, MapOptions(), COMPONENT),
        "options": map_cache.map_key(state.key, everything, MapOptions(tiles=True), COMPONENT),
        "component": map_cache.map_key(state.key, everything, MapOptions(), {**COMPONENT, "height": 500}),
        # The same filter over other sites (a store that answered differently): the ids tell them apart.
        "sites": map_cache.map_key(state.key, select(state.sites.iloc[1:]), MapOptions(), COMPONENT),
    }
    assert key not in others.values() and len(set(others.values())) == len(others)


def test_a_browser_s_full_run_warms_the_maps_one_click_away(builds, monkeypatch):
    monkeypatch.setitem(warm.ENABLED, "on", True)  # off for every other page test (tests/pages/conftest.py)
    monkeypatch.setattr(first_paint, "_in_browser", lambda: True)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()  # the map alone: nothing warmed
    warming_done()
    assert len(builds) == 1
    first = _sent(at.run())  # the whole page: the NATO toggle and the border rings are rendered meanwhile
    warming_done()
    assert len(builds) == 4
    at.toggle(key="f_nato_on").set_value(True).run()
    near = _sent(at)
    at.segmented_control(key="m_ring_mode").set_value(NATO_BORDER).run()
    assert "Distance rings" in _drawn(_sent(at))
    at.toggle(key="f_nato_on").set_value(False).run()
    assert "Distance rings" in _drawn(_sent(at))
    assert near["feature_group"] != first["feature_group"]
    warming_done()
    assert len(builds) == 4, "a click one step away built its map"


def test_the_steps_one_click_away():
    flt, options = SiteFilter(alliances=("NATO",)), MapOptions()
    near = SiteFilter(alliances=("NATO",), max_distance_km=150.0)
    rings = MapOptions(ring_center=NATO_BORDER, rings_km=(50, 100))
    assert warm.flipped_filter(flt, 150) == near and warm.flipped_filter(near, 150) == flt
    assert warm.flipped_rings(options, (100, 50)) == rings and warm.flipped_rings(rings, (50,)) == options
    assert warm.neighbours(flt, options, nato_km=150, rings_km=(50, 100)) == [
        (near, options),
        (flt, rings),
        (near, rings),
    ]
    assert warm.neighbours(flt, options, nato_km=150, rings_km=()) == [(near, options)]
    site = MapOptions(ring_center="zapad-2021:0", rings_km=(50,))
    assert warm.neighbours(flt, site, nato_km=100, rings_km=(50,))[1] == (flt, MapOptions())
