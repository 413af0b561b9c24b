"""Exports made in a child process (geo/export/isolated.py): the same bytes, the same refusals."""

from __future__ import annotations

import pytest

from geo.catalog.filter import SiteFilter
from geo.core.errors import ExportError
from geo.export.data import export_bytes
from geo.export.isolated import export_in_child
from geo.query.selection import select
from tests.support.export_panel_app import tiny_sites


@pytest.fixture(scope="module")
def chosen():
    return select(tiny_sites(), SiteFilter(years=(2021, 2023)))


def test_a_child_export_is_the_same_file_as_one_made_here(chosen):
    assert export_in_child("data", chosen, "geojson") == export_bytes(chosen, "geojson")


def test_a_refused_export_keeps_its_message(chosen):
    with pytest.raises(ExportError) as refused:
        export_bytes(chosen, "shp")
    with pytest.raises(ExportError) as in_child:
        export_in_child("data", chosen, "shp")
    assert str(in_child.value) == str(refused.value)


def test_only_known_tasks_run():
    with pytest.raises(ExportError, match="unknown export task"):
        export_in_child("os.system", "true")
