"""Compare page: two periods or exercises on synced maps, and what appears only in one of them."""

from __future__ import annotations

from typing import cast

import streamlit as st

from geo.briefing.compare import comparison_png, comparison_pptx, comparison_title
from geo.core.counts import counted
from geo.core.errors import DrillmapError
from geo.core.text import md_escape
from geo.maps.build import build_map
from geo.maps.compare import synced_maps
from geo.query.compare import DIMENSIONS, Comparison, Side, compare, comparison_csv, item_line, parse_side
from pages.common import compat
from pages.common import state as ui_common

#: Base of the vendored assets seen from the maps' document (an ``srcdoc`` frame of the page: relative to
#: the page's own address, so also under ``--server.baseUrlPath``).
VENDOR = "app/static/vendor"
MAP_HEIGHT_PX = 560
KINDS = {"period": "Period", "exercise": "Exercise"}
DEFAULTS = ("zapad-2017", "zapad-2021")

compat.ensure_entrypoint()
sites = ui_common.load_sites()
ch = ui_common.choices()
exercises = sites.drop_duplicates("exercise_id").sort_values(["start_date", "exercise_id"]).set_index("exercise_id")
EXERCISE_NAMES = {str(e): str(name) for e, name in exercises["exercise_name"].items()}
ui_common.page_header(
    "Compare two periods or exercises",
    "Each side is a period or one exercise; the sidebar filters other than the years narrow both sides. The two "
    "maps move together; the lists say what appears only in one side.",
)


def _seed(letter: str, spec: str | None, default: str) -> None:
    """On the first visit of the session, set one side's widgets from the URL (or the default)."""
    state = st.session_state
    if f"c_{letter}_kind" in state:
        return
    spec = spec or (default if default in exercises.index else f"{ch.years[1]}")
    if spec in exercises.index:
        state[f"c_{letter}_kind"], state[f"c_{letter}_ex"] = "exercise", spec
        state[f"c_{letter}_years"] = ch.years
    else:
        first, _, last = spec.partition("-")
        state[f"c_{letter}_kind"], state[f"c_{letter}_years"] = "period", (int(first), int(last or first))


def _chooser(letter: str, column: st.delta_generator.DeltaGenerator) -> str:
    """One side's widgets; return its spec (a year, ``first-last`` or an exercise id)."""
    label = f"Side {letter.upper()}"
    kind = column.segmented_control(label, list(KINDS), format_func=KINDS.__getitem__, key=f"c_{letter}_kind")
    if kind == "exercise":
        return str(
            column.selectbox(
                f"Exercise {letter.upper()}",
                list(exercises.index),
                format_func=EXERCISE_NAMES.__getitem__,
                key=f"c_{letter}_ex",
            )
        )
    # A range: the session state holds a (first, last) pair under the key (Streamlit's stubs assume one value).
    first, last = cast(
        tuple[int, int],
        column.slider(f"Years {letter.upper()}", min_value=ch.years[0], max_value=ch.years[1], key=f"c_{letter}_years"),
    )
    return str(first) if first == last else f"{first}-{last}"


url_a, url_b = ui_common.url_compare(ch)
_seed("a", url_a, DEFAULTS[0])
_seed("b", url_b, DEFAULTS[1])
col_a, col_b = st.columns(2)
spec_a, spec_b = _chooser("a", col_a), _chooser("b", col_b)
ui_common.write_compare_params(spec_a, spec_b)
base = ui_common.current_view().filter  # its years are replaced by each side's
try:
    comparison = compare(parse_side(spec_a, sites, base), parse_side(spec_b, sites, base))
except DrillmapError as exc:
    st.error(md_escape(exc))
    st.stop()


def _maps(comparison: Comparison, key: tuple[object, ...]) -> None:
    """The two maps, side by side in one frame, moving together (Leaflet.Sync).

    The document is kept for the session while the sides, the filter and the catalog are unchanged: the same
    document keeps its frame, so another rerun of the page (a download prepared) leaves the maps where the
    user moved them. A new build would differ (folium names its variables at random) and reload the frame.
    """
    cached = st.session_state.get("c_maps")
    if cached is None or cached[0] != key:
        reference = ui_common.reference()
        a, b = comparison.a.selection, comparison.b.selection
        built = [
            build_map(s.sites, period_end=s.period_end, vendor=VENDOR, reference=reference, exercise_link="exercises")
            for s in (a, b)
        ]
        cached = (key, synced_maps(built[0], built[1], a.sites, b.sites, vendor=VENDOR).render())
        st.session_state["c_maps"] = cached
    st.iframe(cached[1], height=MAP_HEIGHT_PX)


def _side_caption(side: Side, letter: str) -> str:
    sel = side.selection
    counts = f"{counted(sel.n_exercises, 'exercise')}, {counted(sel.n_sites, 'site')}"
    return f"**{letter} · {md_escape(side.label)}** — {counts}"


left, right = st.columns(2)
left.markdown(_side_caption(comparison.a, "A"))
right.markdown(_side_caption(comparison.b, "B"))
key = (comparison.a.spec, comparison.b.spec, repr(base), id(sites), len(sites))  # sites: one frame per revision
_maps(comparison, key)
left, right = st.columns(2)
left.caption(f"Distance to NATO: {md_escape(comparison.distance_a.text())}")
right.caption(f"Distance to NATO: {md_escape(comparison.distance_b.text())}")

# --- What appears only in one side -----------------------------------------------------------------
st.markdown("#### Only in one side")
tabs = st.tabs([f"{heading} ({len(comparison.diffs[dim].items())})" for dim, heading in DIMENSIONS.items()])
for tab, dim in zip(tabs, DIMENSIONS, strict=True):
    diff = comparison.diffs[dim]
    columns = tab.columns(3)
    groups = (
        ("a", f"Only in {comparison.a.label}", diff.only_a),
        ("b", f"Only in {comparison.b.label}", diff.only_b),
        ("both", "In both", diff.both),
    )
    for column, (which, heading, items) in zip(columns, groups, strict=True):
        box = column.container(key=f"c_list_{dim}_{which}")
        box.markdown(f"**{md_escape(heading)} ({len(items)})**")
        box.markdown("\n".join(f"- {md_escape(item_line(it, dim))}" for it in items) or "_none_")

# --- Briefing export ---------------------------------------------------------------------------------
st.markdown("#### Briefing export")
slug = f"drillmap-compare-{comparison.a.spec}-vs-{comparison.b.spec}"
cols = st.columns(3)
cols[0].download_button("Lists (CSV)", comparison_csv(comparison), f"{slug}.csv", mime="text/csv")
if cols[1].button("Prepare the two-panel map and slide", key="c_prepare"):
    with st.spinner(f"Drawing {comparison_title(comparison)}…"):
        st.session_state["c_export"] = (key, comparison_png(comparison), comparison_pptx(comparison))
prepared = st.session_state.get("c_export")
if prepared and prepared[0] == key:
    cols[1].download_button("Two-panel map (PNG)", prepared[1], f"{slug}.png", mime="image/png")
    pptx_mime = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    cols[2].download_button("Comparison slide (PPTX)", prepared[2], f"{slug}.pptx", mime=pptx_mime)
