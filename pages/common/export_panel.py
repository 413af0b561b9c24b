"""The download area of the map page: briefing map (PNG, PDF, SVG, PPTX), the map as seen, and the data.

The map page calls :func:`render_export_panel` with the filtered sites and their filter. Nothing is rendered
until the user clicks "Prepare"; a status box shows the progress; the file is then offered with
``st.download_button``. The prepared file is kept in session state under a token of everything it depends
on (sites, filter, format, size, title, banner), so a stale file is never offered after a change.

All the work happens in ``geo/`` (:mod:`geo.export.snapshot`, :mod:`geo.export.data`), the same code as
``python -m geo snapshot|export``; only :class:`~geo.core.errors.DrillmapError` is caught and shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import geopandas as gpd
import streamlit as st

from geo.briefing.map import BriefingOptions, catalog_as_of, default_title
from geo.catalog.filter import SiteFilter
from geo.core.errors import DrillmapError
from geo.export.data import DATA_FORMATS, MEDIA_TYPES, export_bytes
from geo.export.snapshot import SNAPSHOT_FORMATS, as_seen_png, browser_problem, render_snapshot
from geo.query.selection import Selection

KINDS = ("Briefing map", "Map as seen", "Data")
MAP_FORMAT_LABELS = {
    "png": "PNG image",
    "pdf": "PDF (vector)",
    "svg": "SVG (vector)",
    "pptx": "PowerPoint slide (16:9)",
}
DATA_FORMAT_LABELS = {
    "csv": "CSV (spreadsheet)",
    "geojson": "GeoJSON (RFC 7946)",
    "kml": "KML (Google Earth)",
    "gpkg": "GeoPackage (GIS)",
}
#: Label -> (width, height, dpi). 144 dpi makes 1920x1080 a 13.33x7.5 in slide; the layout scales with the page.
SIZES: dict[str, tuple[int, int, float]] = {
    "1920×1080 (16:9 slide)": (1920, 1080, 144.0),
    "3840×2160 (16:9, 4K)": (3840, 2160, 288.0),
    "1280×720 (16:9, small)": (1280, 720, 96.0),
    "3508×2480 (A4 landscape, 300 dpi)": (3508, 2480, 300.0),
}
AS_SEEN_SIZES: dict[str, tuple[int, int]] = {
    "1920×1080": (1920, 1080),
    "1280×720": (1280, 720),
}


def _token(sites: gpd.GeoDataFrame, flt: SiteFilter, *parts: Any) -> str:
    """A short digest of everything a prepared file depends on (plain text: session state stays serialisable)."""
    ids = ",".join(f"{e}:{i}" for e, i in zip(sites["exercise_id"], sites["site_index"], strict=True))
    return hashlib.sha256(repr((ids, flt, parts)).encode("utf-8")).hexdigest()[:20]


def _file_name(stem: str, fmt: str) -> str:
    return f"drillmap-{stem}-{dt.date.today():%Y%m%d}.{fmt}"


def render_export_panel(
    sites: gpd.GeoDataFrame,
    flt: SiteFilter,
    *,
    data_as_of: dt.date | None = None,
    key: str = "export",
) -> None:
    """Draw the download area for the filtered ``sites`` (a map page section).

    Parameters
    ----------
    sites
        The filtered sites (:func:`geo.catalog.filter.filter_sites`, EPSG:4326).
    flt
        The filter that selected them (title, subtitle, membership date).
    data_as_of
        "Data as of" date printed on maps; default: the newest date among ``sites``. Pass the whole
        catalog's :func:`geo.briefing.map.catalog_as_of` so that it does not change with the filter.
    key
        Prefix of the widget and session-state keys (two panels on one page need different keys).
    """
    st.subheader("Download")
    kind = st.radio("What to download", KINDS, horizontal=True, key=f"{key}_kind")
    if sites.empty:
        st.caption("No exercises match the filters: a map will say so, and data exports will be empty.")

    if kind == "Briefing map":
        cols = st.columns(2)
        fmt = cols[0].selectbox(
            "Format", SNAPSHOT_FORMATS, format_func=MAP_FORMAT_LABELS.__getitem__, key=f"{key}_map_format"
        )
        size_label = cols[1].selectbox("Size", list(SIZES), key=f"{key}_size")
        title = st.text_input("Title", placeholder=default_title(sites, flt), key=f"{key}_title", max_chars=160)
        banner = st.text_input(
            "Handling banner (top and bottom)",
            placeholder="e.g. UNCLASSIFIED // FOR TRAINING",
            key=f"{key}_banner",
            max_chars=120,
        )
        width, height, dpi = SIZES[size_label]
        token = _token(sites, flt, kind, fmt, size_label, title, banner)
        stem, mime = "map", MEDIA_TYPES[fmt]
    elif kind == "Map as seen":
        problem = browser_problem()
        if problem:
            st.info(problem[0].upper() + problem[1:] + ".")
            return
        size_label = st.selectbox("Size", list(AS_SEEN_SIZES), key=f"{key}_seen_size")
        fmt, title, banner = "png", "", ""
        width, height = AS_SEEN_SIZES[size_label]
        dpi = 96.0
        token = _token(sites, flt, kind, size_label)
        stem, mime = "map-as-seen", MEDIA_TYPES["png"]
    else:
        fmt = st.selectbox("Format", DATA_FORMATS, format_func=DATA_FORMAT_LABELS.__getitem__, key=f"{key}_data_format")
        title = banner = ""
        width, height, dpi = 0, 0, 0.0
        token = _token(sites, flt, kind, fmt)
        stem, mime = "sites", MEDIA_TYPES[fmt]

    state_key = f"{key}_prepared"
    if st.button("Prepare download", key=f"{key}_prepare", type="primary"):
        with st.status("Preparing the download…", expanded=False) as status:
            try:
                if kind == "Briefing map":
                    status.update(label=f"Drawing the briefing map ({fmt.upper()}, {width}×{height})…")
                    options = BriefingOptions(
                        title=title.strip(),
                        banner=banner.strip(),
                        size_px=(width, height),
                        dpi=dpi,
                        data_as_of=data_as_of or catalog_as_of(sites),
                    )
                    data = render_snapshot(sites, fmt=fmt, flt=flt, options=options)
                elif kind == "Map as seen":
                    status.update(label="Opening the map in Chromium and taking the screenshot…")
                    data = as_seen_png(sites, flt=flt, size_px=(width, height))
                else:
                    status.update(label=f"Writing {len(sites)} sites as {fmt.upper()}…")
                    # Interim (wt-c): data exports take a Selection; the panel's own Selection replaces this at merge.
                    data = export_bytes(Selection(all_sites=sites, sites=sites, filter=flt), fmt)
            except DrillmapError as exc:
                status.update(label="The download could not be prepared", state="error")
                st.error(str(exc))
                st.session_state.pop(state_key, None)
            else:
                st.session_state[state_key] = {
                    "token": token,
                    "data": data,
                    "file_name": _file_name(stem, fmt),
                    "mime": mime,
                }
                status.update(label=f"Ready: {len(data) / 1024:,.0f} KB", state="complete")

    prepared = st.session_state.get(state_key)
    if prepared and prepared["token"] == token:
        st.download_button(
            f"Download {prepared['file_name']}",
            data=prepared["data"],
            file_name=prepared["file_name"],
            mime=prepared["mime"],
            key=f"{key}_download",
            on_click="ignore",  # downloading must not rerun the app (and re-render nothing)
            icon=":material/download:",
        )
    elif prepared:
        st.caption("The filters or options changed since the last file was prepared: prepare it again.")
