"""A tiny sites frame for the export tests, and a Streamlit script that shows the export panel with it.

``tiny_sites()`` builds, without the catalog or the geocoder (fast and independent of catalog edits), one
site of each drawing kind: a range with an uncertainty circle, an exact point, a town, a region, a border
strip given clockwise with a hole (to exercise RFC 7946 orientation), a multipolygon, a whole country,
and one site that could not be located. Text fields carry markup to check escaping.

Run as a script (``AppTest.from_file`` or ``streamlit run``), it renders
:func:`pages.common.export_panel.render_export_panel` for those sites.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import geopandas as gpd
from shapely.geometry import MultiPolygon, Point, Polygon, box

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # streamlit runs this file as a script from any directory
    sys.path.insert(0, str(ROOT))

from geo.catalog.other_side import other_side_fields, other_side_of  # noqa: E402
from geo.catalog.sites import SITE_COLUMNS  # noqa: E402

SCRIPT_TAG = "<script>alert('x')</script>"
SOURCES = {
    "zapad-2021": ["seed:001_zapad.txt", "https://example.org/zapad-2021?a=1&b=2"],
    "iron-wolf-2022": ["https://kariuomene.example/iron-wolf"],
    "csto-drill-2023": ["https://csto.example/drill"],
}


def _row(exercise_id: str, name: str, alliance: str, index: int, geometry: Any, **site: Any) -> dict[str, Any]:
    start = {"zapad-2021": "2021-09-10", "iron-wolf-2022": "2022-10-17", "csto-drill-2023": "2023-09-01"}[exercise_id]
    end = {"zapad-2021": "2021-09-16", "iron-wolf-2022": "2022-10-30", "csto-drill-2023": "2023-09-06"}[exercise_id]
    sources = SOURCES[exercise_id]
    row: dict[str, Any] = {
        "exercise_id": exercise_id,
        "exercise_name": name,
        "alt_names": [],
        "family": None,
        "alliance": alliance,
        "start": start,
        "end": end,
        "ongoing": False,
        "date_precision": "day",
        "announced": None,
        "year": int(start[:4]),
        "start_date": dt.date.fromisoformat(start),
        "end_date": dt.date.fromisoformat(end),
        "participants": {"NATO": ["LTU", "USA"], "CSTO": ["BLR", "RUS", "KAZ"]}.get(alliance, ["BLR", "RUS"]),
        "observers": [],
        "non_participants": [],
        "summary": f"Test exercise {name} with markup {SCRIPT_TAG} & an ampersand.",
        "figures": [
            {"what": "troops", "value": 12800, "as_stated": "12,800 troops", "claimed_by": "BLR", "official": True}
        ],
        "site_index": index,
        "place_text": site.pop("place_text"),
        "resolve_as": None,
        "site_role": "site",
        "site_note": None,
        "site_status": "unresolved" if geometry is None else "resolved",
        "site_kind": site.pop("site_kind", None),
        "precision": site.pop("precision", "unresolved"),
        "precision_km": site.pop("precision_km", None),
        "site_country": site.pop("site_country", None),
        "admin1": None,
        "confidence": "medium",
        "geocode_explanation": "test fixture",
        "gazetteer_id": site.pop("gazetteer_id", None),
        "distance_to_nato_km": site.pop("distance_to_nato_km", None),
        "nearest_nato_country": site.pop("nearest_nato_country", None),
        "distance_measured_from": site.pop("distance_measured_from", None),
        "distance_to_nato_from_centre_km": site.pop("distance_to_nato_from_centre_km", None),
        "nearest_nato_country_from_centre": site.pop("nearest_nato_country_from_centre", None),
        "nato_relation": site.pop("nato_relation", None),
        "nato_shared_border_km": site.pop("nato_shared_border_km", None),
        "nato_touch_countries": site.pop("nato_touch_countries", []),
        "sources": sources,
        "citations": [
            {"id": f"c{i}", "source": s, "quote": f"Quoted sentence {i} <b>bold</b>"} for i, s in enumerate(sources)
        ],
        "geometry": geometry,
    }
    assert not site, site
    # The distance to the other side is measured, as the sites frame does (NATO's sites to the Union State).
    located = SimpleNamespace(geometry=geometry, border_line=None)
    side = other_side_of(alliance, row["participants"], row["site_country"], row["start_date"])
    row.update(other_side_fields(located, side, row["start_date"], row))  # type: ignore[arg-type]
    return row


def tiny_sites() -> gpd.GeoDataFrame:
    """Return 9 sites of 3 exercises (8 located, 1 not) in :func:`geo.catalog.sites.sites_frame`'s shape."""
    clockwise_with_hole = Polygon(
        [(23.6, 51.6), (25.5, 51.6), (25.5, 51.2), (23.6, 51.2), (23.6, 51.6)],  # clockwise as written
        holes=[[(24.0, 51.3), (24.3, 51.3), (24.3, 51.45), (24.0, 51.45), (24.0, 51.3)]],  # counter-clockwise
    )
    rows = [
        _row(
            "zapad-2021",
            "Zapad-2021",
            "Russia-Belarus",
            0,
            Point(30.0221, 55.2658),
            place_text="Losvido",
            site_kind="training_ground",
            precision="area",
            precision_km=10.0,
            site_country="BLR",
            gazetteer_id="by_tg_losvido",
            distance_to_nato_km=160.0,
            nearest_nato_country="LVA",
            distance_measured_from="point",
            distance_to_nato_from_centre_km=160.0,
            nearest_nato_country_from_centre="LVA",
            nato_relation="outside",
            nato_shared_border_km=0.0,
        ),
        _row(
            "zapad-2021",
            "Zapad-2021",
            "Russia-Belarus",
            1,
            box(27.5, 54.6, 31.0, 56.1),
            place_text="Vitebsk region",
            site_kind="region",
            precision="region",
            site_country="BLR",
            gazetteer_id="BY-VI",
        ),
        _row(
            "zapad-2021",
            "Zapad-2021",
            "Russia-Belarus",
            2,
            Point(26.98, 53.13),
            place_text=f"Baranovichi {SCRIPT_TAG}",
            site_kind="airfield",
            precision="point",
            precision_km=2.0,
            site_country="BLR",
            gazetteer_id="by_af_baranovichi",
            distance_to_nato_km=170.0,
            nearest_nato_country="POL",
        ),
        _row("zapad-2021", "Zapad-2021", "Russia-Belarus", 3, None, place_text="Kirillovsky"),
        _row(
            "iron-wolf-2022",
            "Iron Wolf 2022-II",
            "NATO",
            0,
            Point(25.7833, 54.9833),
            place_text="Pabradė TA",
            site_kind="training_ground",
            precision="point",
            precision_km=1.5,
            site_country="LTU",
            gazetteer_id="lt_tg_pabrade",
            distance_to_nato_km=0.0,
            nearest_nato_country="LTU",
            distance_measured_from="point",
            distance_to_nato_from_centre_km=0.0,
            nearest_nato_country_from_centre="LTU",
            nato_relation="inside",
            nato_shared_border_km=0.0,
        ),
        _row(
            "iron-wolf-2022",
            "Iron Wolf 2022-II",
            "NATO",
            1,
            Point(25.28, 54.69),
            place_text="Vilnius",
            site_kind="town",
            precision="point",
            precision_km=10.0,
            site_country="LTU",
            gazetteer_id="geonames:593116",
        ),
        _row(
            "iron-wolf-2022",
            "Iron Wolf 2022-II",
            "NATO",
            2,
            box(21.0, 53.9, 26.8, 56.4),
            place_text="Lithuania",
            site_kind="country",
            precision="country",
            site_country="LTU",
        ),
        _row(
            "csto-drill-2023",
            "Combat Brotherhood 2023",
            "CSTO",
            0,
            clockwise_with_hole,
            place_text="the southern border",
            site_kind="border_zone",
            precision="border_zone",
            site_country="BLR",
            distance_to_nato_km=0.0,
            nearest_nato_country="POL",
            distance_measured_from="nearest point of the area",
            distance_to_nato_from_centre_km=140.0,
            nearest_nato_country_from_centre="POL",
            nato_relation="touches_at_point",
            nato_shared_border_km=0.1,
            nato_touch_countries=["POL", "BLR", "UKR"],
        ),
        _row(
            "csto-drill-2023",
            "Combat Brotherhood 2023",
            "CSTO",
            1,
            MultiPolygon([box(28.0, 52.0, 28.4, 52.3), box(29.0, 52.1, 29.3, 52.4)]),
            place_text="two training camps",
            site_kind="region",
            precision="region",
            site_country="BLR",
        ),
    ]
    return gpd.GeoDataFrame(rows, columns=[*SITE_COLUMNS, "geometry"], geometry="geometry", crs="EPSG:4326")


if __name__ == "__main__":
    import streamlit as st

    from geo.catalog.filter import SiteFilter
    from geo.core.extent import MapExtent
    from geo.maps.build import NATO_BORDER, MapOptions
    from geo.query.selection import select
    from pages.common.export_panel import render_export_panel

    st.title("Export panel test")
    flt = SiteFilter(years=(2021, 2023))
    if st.toggle("Empty selection", key="empty"):
        flt = SiteFilter(years=(2021, 2023), text="no such exercise")
    # What st_folium returns once the map has been zoomed onto Brest (the map page reads it with from_leaflet).
    view = None
    if st.toggle("Zoomed map", key="zoomed"):
        returned = {"bounds": {"_southWest": {"lat": 51.9, "lng": 23.4}, "_northEast": {"lat": 52.3, "lng": 24.0}}}
        view = MapExtent.from_leaflet({**returned, "zoom": 10})
    # The map page passes the options the user drew the map with: both map exports must carry them.
    options = MapOptions(rings_km=(50,), ring_center=NATO_BORDER)
    render_export_panel(select(tiny_sites(), flt), map_options=options, view=view)
