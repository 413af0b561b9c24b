"""The map's selection layers, split from its basemap (geo.maps.selection_layers)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.selection_layers import SELECTION_MARK, split_script, swap_script, swapped_code
from tests.support.map_args import COUNTRIES_IN_SCRIPT


def test_build_map_marks_where_the_basemap_ends():
    html = build_map(sites_frame(), period_end=dt.date(2024, 6, 1)).get_root().render()
    assert html.count(SELECTION_MARK) == 1
    base, selection = html.split(SELECTION_MARK)
    assert COUNTRIES_IN_SCRIPT in base and "addAttribution" in base and "drawnSymbols" not in base
    assert "drawnSymbols" in selection and "dm-legend" in selection and "L.control.layers" in selection


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"a();\n{SELECTION_MARK}\nb();", ("a();\n", "\nb();")),
        ("a();", None),
        (f"{SELECTION_MARK}{SELECTION_MARK}", None),
    ],
)
def test_split_script(script, expected):
    assert split_script(script) == expected


@pytest.mark.parametrize("code", ["var site_index_div_3 = 1;", "</script><b>'\u2028{{ x }}\"\\", ""])
def test_swapped_code_reads_back_what_swap_script_wraps(code):
    swap = swap_script(code)
    assert "</script>" not in swap and "{{" not in swap
    assert swapped_code(swap) == code


def test_swapped_code__not_a_swap_script():
    with pytest.raises(ValueError, match="not a swap script"):
        swapped_code("var x = 1;")
