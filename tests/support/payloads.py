"""Hostile values for the output-encoding tests: one list of injection payloads, formula sites, negative numbers.

:data:`INJECTIONS` is what ``tests/security/test_sinks.py`` sends through every sink (CSV, GeoJSON, KML,
YAML, Markdown notices, the terminal, popup HTML); :func:`formula_sites` is the export tests' formula row.
"""

from __future__ import annotations

import csv
import io
import re

import geopandas as gpd
from shapely.geometry import Point

from tests.support.export_panel_app import tiny_sites

#: One of each kind of hostile text a report, a catalog file or a link could carry.
INJECTIONS: dict[str, str] = {
    "formula =": '=HYPERLINK("http://evil.example","click")',
    "formula +": "+cmd|' /C calc'!A0",
    "formula -": "-2+3+cmd|' /C calc'!A0",
    "formula @": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula tab": "\t=1+1",
    "formula CR": "\r=1+1",
    "html script": '<script>alert("x")</script>',
    "html img": "<img src=x onerror=alert(1)>",
    "html attribute": '" onmouseover="alert(1)" x="',
    "jinja": "{{ 7*7 }} {% raw %} {# c #}",
    "markdown link": "[log in](http://evil.example)",
    "markdown image": "![b](http://127.0.0.1:9/x.png)",
    "autolink": "see www.evil.example or a@evil.example",
    "terminal": "x\x1b[2J\x1b]0;pwned\x07\rforged\nline\x9b\u202eevil",
    "nul and controls": "Zapad\x00-\x0b\x0c\x1f2021",
    "yaml keys": "x\nobservers: [USA]\nalt_names: [evil]\n---\n- !!python/object:os.system ls",
    "xml": "]]> <![CDATA[ & &amp; <!ENTITY x SYSTEM 'file:///etc/passwd'> &x;",
    "line separators": "a\u2028b\u2029c\x85d",
}
#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Markdown that would be a link or an image if it reached the page as written (an unescaped bracket).
LIVE_MARKDOWN = re.compile(r"(?<!\\)\[|(?<!\\)\]\(")
#: The bare addresses that GitHub-flavoured Markdown turns into links by itself.
LITERAL_AUTOLINK = re.compile(r"(?i)https?://|www\.|[\w.+-]@[\w-]")

FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_PLACE = "@SUM(1)"
NEGATIVE_KM = -12.5
NEGATIVE_LON = -3.5


def formula_sites() -> gpd.GeoDataFrame:
    """Return :func:`tiny_sites` whose first site has a formula name and place and negative numbers."""
    sites = tiny_sites().copy()
    first = sites.index[0]
    sites.loc[first, "exercise_name"] = FORMULA_NAME
    sites.loc[first, "place_text"] = FORMULA_PLACE
    sites.loc[first, "distance_to_nato_km"] = NEGATIVE_KM
    sites.loc[first, "geometry"] = Point(NEGATIVE_LON, 55.2658)
    return sites


def assert_formulas_guarded(csv_text: str) -> None:
    """Check the first CSV row: formula text quoted with ``'``, numbers unchanged."""
    row = next(csv.DictReader(io.StringIO(csv_text)))
    assert row["exercise_name"] == "'" + FORMULA_NAME
    assert row["place_text"] == "'" + FORMULA_PLACE
    assert float(row["distance_to_nato_km"]) == NEGATIVE_KM
    assert float(row["lon"]) == NEGATIVE_LON
    assert row["lon"].startswith("-") and row["distance_to_nato_km"].startswith("-")
