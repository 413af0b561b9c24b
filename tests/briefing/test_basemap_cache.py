"""The briefing basemap kept in the derived cache decodes to exactly the one built from the reference layers."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest
import shapely

from geo.briefing import basemap as module
from geo.core import derived


def test_the_stored_basemap_equals_the_built_one():
    built = module._build()
    read = module._decode(json.loads(json.dumps(module._encode(built))))
    for field in dataclasses.fields(built):
        a, b = getattr(built, field.name), getattr(read, field.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        elif isinstance(a, np.ndarray) and a.dtype == object:
            assert b.dtype == object and len(a) == len(b), field.name
            assert list(shapely.to_wkb(a)) == list(shapely.to_wkb(b)), field.name  # same coordinates, bit for bit
        elif isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b), field.name
        else:
            assert a == b, field.name


def test_the_next_process_reads_it_from_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path))
    module.basemap.cache_clear()
    try:
        first = module.basemap()
        assert len(list(derived.cache_dir().glob("briefing_basemap-*.json"))) == 1
        module.basemap.cache_clear()  # a new process: nothing in memory
        monkeypatch.setattr(module, "_build", lambda: pytest.fail("rebuilt although the reference data did not change"))
        again = module.basemap()
        assert list(shapely.to_wkb(again.countries)) == list(shapely.to_wkb(first.countries))
    finally:
        module.basemap.cache_clear()
