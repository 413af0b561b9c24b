"""Data credits: what every map, slide and export says about where its data comes from.

:data:`DATA_CREDITS` is the full table (the Sources page); :data:`MAP_CREDITS` the short lines printed on
the briefing map and slide notes; :data:`MAP_ATTRIBUTION` the one line in the dashboard map's corner.
All are derived from the licences in ``../shared/data/README.md``.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class Credit(NamedTuple):
    """One dataset: what it is, where it comes from, its licence."""

    what: str
    source: str
    licence: str


#: Every dataset drawn or used by the map.
DATA_CREDITS: Final[tuple[Credit, ...]] = (
    Credit(
        "Country outlines, land borders, rivers, lakes",
        "Natural Earth 1:10m (admin-0 German point of view, boundary lines, rivers and lakes), via data/reference",
        "Public domain (Natural Earth)",
    ),
    Credit(
        "Belarus oblasts (admin-1)",
        "Natural Earth admin-1 as repackaged by Elastic Maps Service, with fixes from OpenStreetMap",
        "ODbL 1.0: © OpenStreetMap contributors, Elastic Maps Service",
    ),
    Credit("Towns and their names", "GeoNames cities500 (geonames.org)", "CC BY 4.0: GeoNames"),
    Credit(
        "Training grounds and airfields",
        "data/places/training_grounds.csv, compiled for Drillmap with a source URL per row",
        "Facts with citations (see the file)",
    ),
    Credit(
        "Alliance membership (NATO, CSTO, Union State)",
        "data/membership/*.csv, compiled for Drillmap with a source URL per row",
        "Facts with citations (see the files)",
    ),
    Credit(
        "Exercises: dates, participants, figures, places",
        "data/catalog/*.yaml: every fact quotes its source (seed reports and published articles)",
        "Quotations for reference; the sources keep their own rights",
    ),
    Credit(
        "Map rendering", "Leaflet 1.9 (vendored under static/vendor), folium, streamlit-folium", "BSD-2-Clause / MIT"
    ),
    Credit(
        "Online background tiles (off by default)",
        "OpenStreetMap tile servers",
        "ODbL 1.0: © OpenStreetMap contributors",
    ),
)

#: The credit lines printed on every static map and in slide notes.
MAP_CREDITS: Final[tuple[str, ...]] = (
    "Made with Natural Earth (public domain)",
    "GeoNames (geonames.org, CC BY 4.0)",
    "Admin-1: Natural Earth via Elastic Maps Service, © OpenStreetMap contributors (ODbL 1.0)",
)

#: The one-line credit in the corner of the interactive map.
MAP_ATTRIBUTION: Final = "Natural Earth · GeoNames (CC BY 4.0) · oblasts: Elastic/© OSM (ODbL) · sources: see popups"


def credits_sentence() -> str:
    """Return the map credits as one sentence, for slide notes and export metadata."""
    return "Map data: " + "; ".join(MAP_CREDITS) + "."
