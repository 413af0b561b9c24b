"""``python -m geo prepare`` builds what the dashboard's first visit and the next commands read."""

from __future__ import annotations

import json

import pytest
from geopandas.testing import assert_geodataframe_equal

import geo.query.known as known
from geo.briefing import basemap as basemap_module
from geo.cli.main import main
from geo.core import derived
from geo.maps import reference as reference_module
from geo.maps import template_cache
from geo.query import cache


def test_prepare_writes_the_frame_the_next_call_reads(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    known._CACHE.clear()
    basemap_module.basemap.cache_clear()  # a new process: nothing prepared in memory
    reference_module._reference_layers.cache_clear()
    # A new process has not saved its templates yet; an earlier test in this worker may have (save() seals).
    monkeypatch.setitem(template_cache._state, "sealed", False)
    monkeypatch.setitem(template_cache._state, "dirty", True)
    try:
        assert main(["prepare"]) == 0
        assert "prepared: " in capsys.readouterr().out
        prepared = known.known_sites()
        assert len(list(cache.cache_dir().glob(f"sites-{prepared.key}.*"))) == 1  # the frame, in whatever format
        assert list(derived.cache_dir().glob(f"briefing_basemap-{derived.prepared_key()}.json"))
        assert template_cache.cache_file().is_file()  # folium's compiled templates, for the server's imports
        known._CACHE.clear()  # the server's first visit: another process, the same home
        monkeypatch.setattr(known, "_build", lambda *a: pytest.fail("rebuilt although prepare built it"))
        monkeypatch.setattr(known, "_build_in_child", lambda *a: pytest.fail("rebuilt although prepare built it"))
        assert_geodataframe_equal(known.known_sites(build_in_child=True).sites, prepared.sites)
        # The dashboard map's reference layers: read back exactly as prepare built them.
        built = reference_module.reference_layers()
        assert list(derived.cache_dir().glob(f"map_reference-{derived.prepared_key()}.json"))
        reference_module._reference_layers.cache_clear()
        monkeypatch.setattr(reference_module, "_build_reference_layers", lambda: pytest.fail("layers rebuilt"))
        read = reference_module.reference_layers()
        assert json.dumps(reference_module._encode(read)) == json.dumps(reference_module._encode(built))
        assert read.city_labels == built.city_labels and read.countries["features"]
        assert main(["prepare", "--quiet"]) == 0  # prepared already: a check, nothing built
        assert capsys.readouterr().out == ""
    finally:
        known._CACHE.clear()
        basemap_module.basemap.cache_clear()
