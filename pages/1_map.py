"""Map page (home): exercise sites beside NATO's borders, filtered by the sidebar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from geo.catalog.filter import SiteFilter
from geo.core.counts import counted
from geo.core.dates import as_of_text
from geo.core.extent import MapExtent
from geo.core.text import md_escape
from geo.core.values import present
from geo.geocode.gazetteer import reading_text
from geo.maps.build import NATO_BORDER, MapOptions, ring_site_choices
from geo.maps.popup import KIND_LABELS
from geo.maps.url_state import RING_CHOICES_KM
from geo.maps.view import outside_note
from geo.query.selection import Selection
from pages.common import compat, first_paint, warm
from pages.common import state as ui_common
from pages.common.export_panel import render_export_panel
from pages.common.map_cache import prepare_map, show_map
from pages.common.view import View

K_TILES, K_RING_MODE, K_RINGS, K_RING_SITE = "m_tiles", "m_ring_mode", "m_rings", "m_ring_site"
K_UNRESOLVED = "m_unresolved_open"
RING_MODES = {"none": "None", NATO_BORDER: "NATO border", "site": "A site"}
#: The row of map controls: rings mode, ring distances, tiles.
CONTROL_COLUMNS = (3.2, 3.3, 1.8)
#: Height of the row of map controls (labels and widgets), kept empty while a new session's map is sent alone.
CONTROLS_HEIGHT_PX = 50
#: The map's st_folium arguments (part of the shared map's key: the maps warmed for the next click use them too).
MAP_COMPONENT: dict[str, Any] = {
    "key": "drillmap_map",
    "height": 660,
    "use_container_width": True,
    "returned_objects": ["bounds", "zoom"],
}

compat.ensure_entrypoint()
view = ui_common.current_view()
ui_common.page_header(
    "Exercise sites beside NATO's borders",
    f"{counted(view.n_exercises, 'exercise')} · {counted(view.n_sites, 'site')} in view · {len(view.drawn)} drawn · "
    f"alliances as of {as_of_text(view.period_end)}. Click a site for its facts and quoted sources.",
)

# --- Map options (mirrored in the URL as tiles / rings / ring_at) --------------------------------
site_choices = view.derived(ring_site_choices)  # shared by the sessions that share the view: read only
if K_RING_MODE not in st.session_state:  # first visit of this page in the session: start from the URL
    from_url = ui_common.url_map_options(view.choices)
    st.session_state[K_TILES] = from_url.tiles
    centre = from_url.ring_center
    st.session_state[K_RING_MODE] = "none" if centre is None else (NATO_BORDER if centre == NATO_BORDER else "site")
    st.session_state[K_RINGS] = list(from_url.rings_km) or [50, 100, 200]
    if centre not in (None, NATO_BORDER):
        if centre in site_choices:
            st.session_state[K_RING_SITE] = centre
        else:
            missing = f"The site {centre!r} named in the link is not in view: no rings are drawn around it."
            st.warning(md_escape(missing))


def map_options(site_choices: dict[str, str]) -> MapOptions:
    """The map options the controls' session state holds, whether the controls are drawn yet or not."""
    state = st.session_state
    mode = state.get(K_RING_MODE) or "none"
    ring_site = state.get(K_RING_SITE) if mode == "site" else None
    centre = NATO_BORDER if mode == NATO_BORDER else ring_site if ring_site in site_choices else None
    rings = state.get(K_RINGS) or []
    return MapOptions(
        tiles=bool(state.get(K_TILES)), rings_km=tuple(sorted(rings)) if centre else (), ring_center=centre
    )


def map_controls(row: Sequence[Any], site_choices: dict[str, str]) -> None:
    """Draw the rings and tiles controls in ``row``'s three columns; :func:`map_options` reads them.

    Rings and tiles on one row, wide enough at 1280 px for the ring distances to stay on one line; the site
    to draw rings around, with its long names, gets a row of its own when asked for.
    """
    mode_col, km_col, tiles_col = row
    mode = mode_col.segmented_control(
        "Distance rings", options=list(RING_MODES), format_func=RING_MODES.__getitem__, key=K_RING_MODE
    )
    km_col.multiselect(
        "Ring distances (km)", options=list(RING_CHOICES_KM), key=K_RINGS, disabled=(mode or "none") == "none"
    )
    if mode == "site":
        if st.session_state.get(K_RING_SITE) not in site_choices:  # filtered out since it was chosen
            st.session_state.pop(K_RING_SITE, None)
        site_col, _ = st.columns([5, 3])
        # No default index once the state holds a site (Streamlit warns when a default and the state both set it).
        no_default: dict[str, Any] = {} if K_RING_SITE in st.session_state else {"index": None}
        site_col.selectbox(
            "Rings around",
            options=list(site_choices),
            format_func=site_choices.__getitem__,
            key=K_RING_SITE,
            placeholder="Choose a site",
            **no_default,
        )
    if tiles_col.toggle(
        "OSM tiles", key=K_TILES, help="OpenStreetMap background tiles. Needs internet; the bundled map works without."
    ):
        st.caption(
            "OpenStreetMap tiles load from the internet. If they cannot, a notice says so in the map and the "
            "bundled basemap is shown alone."
        )


@st.fragment
def map_section(selection: Selection, site_choices: dict[str, str], note: str | None, catalog_key: str) -> None:
    """The map's controls, the map and the downloads: a rings or tiles change reruns this fragment alone.

    What the controls change is the map and its URL parameters only: the sidebar, the page header and the
    unresolved sites stay as they are, so the rerun sends the map and little else. A filter change reruns
    the whole page (and so this fragment with the new selection).
    """
    row = st.columns(CONTROL_COLUMNS, vertical_alignment="bottom")
    if first_paint.map_alone():  # the controls' room, kept: they come with the rest of the page
        row[0].html(f'<div style="height: {CONTROLS_HEIGHT_PX}px"></div>')
    else:
        map_controls(row, site_choices)
    options = map_options(site_choices)
    ui_common.write_map_params(options)
    map_and_downloads(selection, options, note, catalog_key)


# --- The map and the downloads -------------------------------------------------------------------
@st.fragment
def map_and_downloads(selection: Selection, options: MapOptions, note: str | None, catalog_key: str) -> None:
    """The map and the download area, rerun alone when the map is panned or zoomed.

    st_folium returns the map's view (bounds, zoom) after every pan or zoom, which reruns this fragment
    only. The map is rendered once per catalog state, selection and options and shared by every session
    (:mod:`pages.common.map_cache`); its HTML is the same on every run, so the iframe keeps its state and
    does not reload. A filter or rings change that keeps the basemap (the same period) keeps the frame too
    and swaps the selection's layers in it (:mod:`geo.maps.selection_layers`). The view is handed to the
    export panel: the map as seen shows it, and the briefing map can use it as its extent.
    """
    returned = show_map(catalog_key, selection, options, **MAP_COMPONENT)
    if first_paint.map_sent():  # a new session's first run: the rest follows once the map is drawn
        return
    if note:
        st.caption(md_escape(note))
    # The page's own selection and map options: every export states the page's as-of date, and the map as
    # seen shows the rings the user drew. "Data as of" comes from the whole catalog, so it does not move
    # with filters.
    render_export_panel(selection, map_options=options, view=MapExtent.from_leaflet(returned))


map_section(view.selection, site_choices, view.derived(outside_note), view.catalog_key)
ui_common.prepare_rings_later()  # the map has been sent: the "NATO border" rings can be prepared now


def warm_next_clicks(view: View, options: MapOptions) -> None:
    """Render the maps of the NATO toggle and the border rings flipped, in the background (:mod:`pages.common.warm`)."""
    if not view.catalog_key or first_paint.map_alone() or not first_paint.in_browser():
        return
    known, state = ui_common.load_known(), st.session_state
    rings = tuple(int(km) for km in state.get(K_RINGS) or ())
    nato_km = float(state.get(ui_common.K_NATO_KM, ui_common.DEFAULT_NATO_KM))

    def render(flt: SiteFilter, map_options: MapOptions) -> None:
        other = ui_common.view_of(known, flt, view.choices)
        other.derived(outside_note)  # what the page asks of a view
        other.derived(ring_site_choices)
        prepare_map(other.catalog_key, other.selection, map_options, **MAP_COMPONENT)

    warm.warm_neighbours(warm.neighbours(view.filter, options, nato_km=nato_km, rings_km=rings), render)


warm_next_clicks(view, map_options(site_choices))


# --- Sites that could not be placed --------------------------------------------------------------
def _unresolved_table(unresolved: pd.DataFrame) -> None:
    """The sites in view that could not be placed, with how each was read and why it is not placed."""
    st.dataframe(
        pd.DataFrame(
            {
                "Exercise": unresolved["exercise_name"],
                "Place as written": unresolved["place_text"],
                "Read as": [reading_text(str(v)) if present(v) else "—" for v in unresolved["resolve_as"]],
                "Why it is not placed": unresolved["geocode_explanation"].fillna("—"),
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _under_the_map(unresolved: pd.DataFrame) -> None:
    """The unresolved sites (a box) and how the map draws the sites."""
    if len(unresolved):
        # Filled only while open (a rerun when opened): a table is the heaviest element a browser draws on
        # this page, and drawn with the page it delayed every new session's map by a second or more.
        label = f"{counted(len(unresolved), 'site')} unresolved (not drawn on the map)"
        with st.expander(label, key=K_UNRESOLVED, on_change="rerun") as unresolved_box:
            if unresolved_box.open:
                _unresolved_table(unresolved)
    else:
        st.caption("Every site in view is drawn.")
    st.caption(
        "Drawn by precision: dots are ranges, airfields and towns, each with a dashed circle for its "
        f"uncertainty; {', '.join(KIND_LABELS[k] + 's' for k in ('region', 'border_zone'))} and whole countries "
        "are translucent areas. Distances to NATO are measured to the nearest member's territory on the "
        "exercise's start date."
    )


if first_paint.map_alone():
    first_paint.complete_later()  # if the map does not report its view, the rest of the page comes anyway
else:
    _under_the_map(view.unresolved)
