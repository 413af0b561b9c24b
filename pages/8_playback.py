"""Playback page: step through the selected period by week or month and see what was active at each moment.

The moment and the step size live in the URL (``?at=2021-09-14&step=week``). What counts as active is
:func:`geo.query.playback.at_moment`, the rule the CLI uses; the map is :func:`geo.maps.build.build_map`
of the active sites, with alliances as of the step's last day.
"""

from __future__ import annotations

import datetime as dt
import time

import streamlit as st
from streamlit_folium import st_folium

from geo.catalog.sites import located
from geo.core.counts import counted
from geo.core.dates import as_of_text
from geo.core.text import md_escape
from geo.maps.build import build_map
from geo.maps.url_state import PLAYBACK_STEPS
from geo.query.playback import Moment, Playback, Step, at_moment, step_of
from geo.query.selection import Selection
from pages.common import compat
from pages.common import state as ui_common

K_AT, K_STEP, K_PLAYING, K_SPEED, K_GOTO = "p_at", "p_step", "p_playing", "p_speed", "p_goto"
_LAST_TICK = "_p_last_tick"
#: Seconds each step stays on screen while playing (a step's map takes up to about a second to build).
SPEEDS_S: tuple[int, ...] = (2, 3, 5, 8)
SPEED_LABELS = {s: f"{s} s" for s in SPEEDS_S}
STEP_LABELS = {"week": "Week", "month": "Month"}

compat.ensure_entrypoint()
view = ui_common.current_view()
span = view.filter.years or view.selection.catalog_years or (dt.date.today().year,) * 2
period_first, period_last = dt.date(span[0], 1, 1), dt.date(span[1], 12, 31)
ui_common.page_header(
    "Playback",
    f"What was active at each moment of {span[0]}–{span[1]}, step by step: an exercise is active while its dates "
    "(as precisely as they are known) overlap the step. Announced-only events are listed, never drawn as active.",
)

if K_STEP not in st.session_state:  # first visit of this page in the session: start from the URL
    url_at, url_step = ui_common.url_moment(view.choices)
    st.session_state[K_STEP] = url_step or "week"
    st.session_state[K_AT] = url_at or period_first
    st.session_state[K_PLAYING] = False
if not period_first <= st.session_state[K_AT] <= period_last:
    st.info(md_escape(f"{as_of_text(st.session_state[K_AT])} is outside the selected period: its first step is shown."))
    st.session_state[K_AT] = period_first


def _move(steps: int) -> None:
    step: Step = st.session_state[K_STEP]
    moved = step_of(st.session_state[K_AT], step).shifted(steps)
    if period_first <= moved.first <= period_last:
        st.session_state[K_AT] = moved.first


def _toggle_play() -> None:
    st.session_state[K_PLAYING] = not st.session_state[K_PLAYING]
    st.session_state[_LAST_TICK] = time.monotonic()


def _go_to() -> None:
    st.session_state[K_AT] = st.session_state[K_GOTO]
    st.session_state[K_PLAYING] = False


step_col, back_col, play_col, next_col, speed_col, goto_col = st.columns(
    [2, 1.2, 1.2, 1.2, 2.4, 2], vertical_alignment="bottom"
)
step_col.segmented_control("Step", options=list(PLAYBACK_STEPS), format_func=STEP_LABELS.__getitem__, key=K_STEP)
if not st.session_state.get(K_STEP):  # a segmented control can be cleared: keep a step
    st.session_state[K_STEP] = "week"
back_col.button("◀ Back", on_click=_move, args=(-1,), width="stretch")
playing = bool(st.session_state[K_PLAYING])
play_col.button("⏸ Pause" if playing else "▶ Play", on_click=_toggle_play, type="primary", width="stretch")
next_col.button("Forward ▶", on_click=_move, args=(1,), width="stretch")
speed = speed_col.select_slider(
    "Seconds per step", options=list(SPEEDS_S), value=3, key=K_SPEED, format_func=SPEED_LABELS.__getitem__
)
goto_col.date_input(
    "Go to",
    value=None,
    min_value=period_first,
    max_value=period_last,
    key=K_GOTO,
    on_change=_go_to,
    format="YYYY-MM-DD",
)


def _draw(playback: Playback) -> None:
    moment = playback.moment
    st.markdown(f"### {md_escape(moment.label)}")
    m = build_map(playback.sites, period_end=moment.last, reference=ui_common.reference())
    st_folium(m, key="playback_map", height=560, use_container_width=True, returned_objects=[])
    lines = [
        f"- **{'Active' if e.status == 'active' else 'Announced'}:** {md_escape(e.exercise_name)} "
        f"({md_escape(e.alliance)}), {md_escape(e.dates)} — {md_escape(e.how_known)}"
        + ("" if e.exact or e.status != "active" else " *(approximate)*")
        for e in playback.exercises
    ]
    st.markdown("\n".join(lines) if lines else f"Nothing in view was active in {md_escape(moment.label)}.")
    drawn = len(located(playback.sites))
    st.caption(
        f"{counted(len(playback.active), 'exercise')} active · {counted(drawn, 'site')} drawn · alliances as of "
        f"{as_of_text(moment.last)}."
    )


@st.fragment(run_every=speed if playing else None)
def playback_view(selection: Selection, step: Step) -> None:
    """The moment, its map and what was active; while playing, it reruns alone every ``speed`` seconds and moves on."""
    if playing and time.monotonic() - st.session_state.get(_LAST_TICK, 0.0) >= speed * 0.9:
        moment: Moment = step_of(st.session_state[K_AT], step).shifted(1)
        if moment.first > period_last:
            st.session_state[K_PLAYING] = False
            st.rerun()  # the whole page: the button reads "Play" again and the timer stops
        st.session_state[K_AT] = moment.first
        st.session_state[_LAST_TICK] = time.monotonic()
    ui_common.write_moment_params(st.session_state[K_AT], step)
    _draw(at_moment(selection.sites, step_of(st.session_state[K_AT], step)))


playback_view(view.selection, st.session_state[K_STEP])
