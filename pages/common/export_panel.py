"""The download area of the map page: briefing map (PNG, PDF, SVG, PPTX, pack), the map as seen, and the data.

The map page calls :func:`render_export_panel` with its :class:`~geo.query.selection.Selection` and the
map options the user chose. Nothing is rendered until the user clicks "Prepare"; a status box shows the
progress; the file is then offered with ``st.download_button``. The prepared file is kept in session state
under a token of everything it depends on (sites, filter, format, size, title, banner, map options), so a
stale file is never offered after a change.

All the work happens in ``geo/`` (:mod:`geo.export.snapshot`, :mod:`geo.export.data`), the same code as
``python -m geo snapshot|export``; format names, labels and media types come from the one registry
(:mod:`geo.export.formats`); only :class:`~geo.core.errors.DrillmapError` is caught and shown.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from geo.briefing.options import BriefingOptions
from geo.briefing.text import default_title
from geo.core.errors import DrillmapError
from geo.core.extent import MapExtent
from geo.core.text import md_escape
from geo.export.browser import browser_problem
from geo.export.data import export_bytes
from geo.export.formats import FORMATS, labels
from geo.export.isolated import export_in_child
from geo.maps.build import MapOptions
from geo.query.selection import Selection

KINDS = ("Briefing map", "Map as seen", "Data")
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


# Briefing maps, slides, packs, the map as seen and GeoPackages are made in a child process
# (geo.export.isolated): what they load (matplotlib, python-pptx, Playwright, GDAL; ~100 MB) never stays in
# the server. CSV, GeoJSON and KML need nothing the server lacks and are written here.
_IN_CHILD_DATA = frozenset({"gpkg"})


def render_snapshot(selection: Selection, **kwargs: Any) -> bytes:
    """:func:`geo.export.snapshot.render_snapshot`, in a child process."""
    return export_in_child("snapshot", selection, **kwargs)


def as_seen_png(selection: Selection, **kwargs: Any) -> bytes:
    """:func:`geo.export.snapshot.as_seen_png`, in a child process."""
    return export_in_child("as_seen", selection, **kwargs)


def data_bytes(selection: Selection, fmt: str) -> bytes:
    """:func:`geo.export.data.export_bytes`; a GeoPackage (GDAL) in a child process."""
    return export_in_child("data", selection, fmt) if fmt in _IN_CHILD_DATA else export_bytes(selection, fmt)


@dataclass(frozen=True)
class _Request:
    """What the user asked for: how to make the file, its name stem and format, and what it depends on."""

    make: Callable[[], bytes]
    progress: str
    stem: str
    fmt: str
    token: str


def _token(selection: Selection, *parts: Any) -> str:
    """A short digest of everything a prepared file depends on (plain text: session state stays serialisable)."""
    sites = selection.sites
    ids = ",".join(f"{e}:{i}" for e, i in zip(sites["exercise_id"], sites["site_index"], strict=True))
    return hashlib.sha256(repr((ids, selection.filter, parts)).encode("utf-8")).hexdigest()[:20]


def _file_name(stem: str, fmt: str) -> str:
    return FORMATS[fmt].file_name(f"drillmap-{stem}-{dt.date.today():%Y%m%d}")


def _title_and_banner(selection: Selection, key: str) -> tuple[str, str]:
    """The title and handling-banner inputs, shared by both map exports (stripped)."""
    title = st.text_input("Title", placeholder=default_title(selection), key=f"{key}_title", max_chars=160)
    banner = st.text_input(
        "Handling banner (top and bottom)",
        placeholder="e.g. UNCLASSIFIED // FOR TRAINING",
        key=f"{key}_banner",
        max_chars=120,
    )
    return title.strip(), banner.strip()


def _briefing_request(
    selection: Selection, map_options: MapOptions | None, view: MapExtent | None, key: str
) -> _Request:
    """Widgets of the briefing map: format, size, title, banner, and whether to use the map's current view."""
    cols = st.columns(2)
    map_labels = labels("map")
    fmt = cols[0].selectbox("Format", list(map_labels), format_func=map_labels.__getitem__, key=f"{key}_map_format")
    size_label = cols[1].selectbox("Size", list(SIZES), key=f"{key}_size")
    title, banner = _title_and_banner(selection, key)
    use_view = st.checkbox(
        "Use the current view",
        key=f"{key}_use_view",
        disabled=view is None,
        help="Draw the area the map above shows (grown to the page's shape) instead of fitting every site."
        if view is not None
        else "Pan or zoom the map above first: its view is known once it has moved.",
    )
    extent = view if use_view and view is not None else None
    width, height, dpi = SIZES[size_label]
    options = BriefingOptions(
        title=title, banner=banner, size_px=(width, height), dpi=dpi, extent=None if extent is None else extent.bbox
    )
    return _Request(
        make=lambda: render_snapshot(selection, fmt=fmt, options=options, map_options=map_options),
        progress=f"Drawing the {FORMATS[fmt].label} ({width}×{height})…",
        stem="pack" if fmt == "pack" else "map",
        fmt=fmt,
        token=_token(selection, "map", fmt, size_label, title, banner, map_options, extent),
    )


def _as_seen_request(
    selection: Selection, map_options: MapOptions | None, view: MapExtent | None, key: str
) -> _Request | None:
    """Widgets of the map as seen (size, title, banner); None, with the reason shown, when no browser is installed."""
    problem = browser_problem()
    if problem:
        st.info(md_escape(problem[0].upper() + problem[1:] + "."))
        return None
    size_label = st.selectbox("Size", list(AS_SEEN_SIZES), key=f"{key}_seen_size")
    size = AS_SEEN_SIZES[size_label]
    title, banner = _title_and_banner(selection, key)
    st.caption(
        f"The area the map above shows ({view.describe()}), with its layers and rings, without its buttons."
        if view is not None
        else "The map's opening view, with its layers and rings, without its buttons."
    )
    return _Request(
        make=lambda: as_seen_png(
            selection, size_px=size, map_options=map_options, view=view, title=title, banner=banner
        ),
        progress="Opening the map in Chromium and taking the screenshot…",
        stem="map-as-seen",
        fmt="png",
        token=_token(selection, "as-seen", size_label, map_options, view, title, banner),
    )


def _data_request(selection: Selection, key: str) -> _Request:
    """Widgets of the data export: its format."""
    data_labels = labels("data")
    fmt = st.selectbox("Format", list(data_labels), format_func=data_labels.__getitem__, key=f"{key}_data_format")
    return _Request(
        make=lambda: data_bytes(selection, fmt),
        progress=f"Writing {selection.n_sites} sites as {fmt.upper()}…",
        stem="sites",
        fmt=fmt,
        token=_token(selection, "data", fmt),
    )


def _prepare(request: _Request, state_key: str) -> None:
    """Make the file under a status box; keep it in session state, or show the one-line error."""
    with st.status("Preparing the download…", expanded=False) as status:
        status.update(label=request.progress)
        try:
            data = request.make()
        except DrillmapError as exc:
            status.update(label="The download could not be prepared", state="error")
            st.error(md_escape(exc))
            st.session_state.pop(state_key, None)
            return
        st.session_state[state_key] = {
            "token": request.token,
            "data": data,
            "file_name": _file_name(request.stem, request.fmt),
            "mime": FORMATS[request.fmt].media_type,
        }
        status.update(label=f"Ready: {len(data) / 1024:,.0f} KB", state="complete")


def _offer(prepared: dict[str, Any] | None, token: str, key: str) -> None:
    """Offer the prepared file if it is still current; otherwise drop its bytes and say it must be prepared again.

    The button is given a function that returns the file when it is clicked (Streamlit's deferred download),
    not the bytes: the bytes then live once per session (in session state), not also in Streamlit's media
    store on every rerun. A file made for other options is never offered again, so its bytes are freed.
    """
    if prepared and prepared["token"] == token and prepared.get("data") is not None:
        st.download_button(
            f"Download {prepared['file_name']}",
            data=functools.partial(_prepared_data, prepared),
            file_name=prepared["file_name"],
            mime=prepared["mime"],
            key=f"{key}_download",
            on_click="ignore",  # downloading must not rerun the app (and re-render nothing)
            icon=":material/download:",
        )
    elif prepared:
        prepared["data"] = None  # stale: never offered again, so not kept in the session either
        st.caption("The filters or options changed since the last file was prepared: prepare it again.")


def _prepared_data(prepared: dict[str, Any]) -> bytes:
    """The prepared file's bytes, read when the download button is clicked (on Streamlit's thread, not a run)."""
    data = prepared.get("data")
    if data is None:  # replaced by a newer run's choice between the render and the click
        raise DrillmapError("the prepared file was withdrawn: prepare it again")
    return data  # type: ignore[no-any-return]


def render_export_panel(
    selection: Selection,
    *,
    map_options: MapOptions | None = None,
    view: MapExtent | None = None,
    key: str = "export",
) -> None:
    """Draw the download area for a selection (a map page section).

    Parameters
    ----------
    selection
        What the page shows (:attr:`pages.common.state.View.selection`): its sites, its filter, its as-of
        date (alliances) and its "data as of" date (the whole catalog's newest date).
    map_options
        The interactive map's options as the user set them (rings, tiles): both map exports carry them.
    view
        The interactive map's current view (None before it has reported one): the map as seen shows
        it, and the briefing map uses it as its extent when "Use the current view" is ticked.
    key
        Prefix of the widget and session-state keys (two panels on one page need different keys).
    """
    st.subheader("Download")
    kind = st.radio("What to download", KINDS, horizontal=True, key=f"{key}_kind")
    if selection.sites.empty:
        st.caption("No exercises match the filters: a map will say so, and data exports will be empty.")
    if kind == "Briefing map":
        request: _Request | None = _briefing_request(selection, map_options, view, key)
    elif kind == "Map as seen":
        request = _as_seen_request(selection, map_options, view, key)
    else:
        request = _data_request(selection, key)
    if request is None:
        return
    state_key = f"{key}_prepared"
    if st.button("Prepare download", key=f"{key}_prepare", type="primary"):
        _prepare(request, state_key)
    _offer(st.session_state.get(state_key), request.token, key)
