"""A new browser session's first run of the Map page sends the map first; the rest of the page follows.

A browser draws every element a run sends before it gets to the map's frame: each delta batch re-renders
the page's whole element tree on the browser's one main thread, which the map's frame (same origin) also
needs to load and run its script. Measured with ``python bench/dashboard.py --only session`` (new browser
sessions, against an empty folium page in the same run): with the sidebar's filters and the parts under the
map drawn first, the map showed about 1.5x later than the empty page's; with only the page header, the
map's controls and the map, about 1.05x.

So a new browser session's first run of the Map page (:func:`first_pass`) sends the header, the map's
controls and the map, and nothing else. The sidebar filters, the download area and the parts under the
map come in a second, full run, started when the map reports its view (streamlit-folium sends it once
the map is drawn, which reruns the map's fragment: :func:`map_sent`), or by a timer if it never does
(:func:`complete_later`). Nothing is lost: the filters are read from the session state the link set
(:func:`pages.common.state.read_url_once`), and a widget not drawn in a run keeps a value set by the page.

Only a browser gets the two passes (its ``User-Agent`` names ``Mozilla/``, as every browser's does): a
client that draws nothing (AppTest, the load bench's protocol clients) gets the whole page in one run.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

_KEY: Final = "_dm_first_paint"
#: States of a session's first run on the Map page: sending the map alone; the map sent; the run over (the
#: rest is due); and the page whole (every other session, and every later run).
PENDING, SENT, WAITING, DONE = "pending", "sent", "waiting", "done"
#: Seconds after the first run until the rest of the page is sent if the map has not reported by then.
FALLBACK_S: Final = 3.0


def _in_browser() -> bool:
    """Whether this session's client is a browser (which draws the page, so the order of the parts matters)."""
    return "Mozilla/" in (st.context.headers.get("User-Agent") or "")


def in_browser() -> bool:
    """Whether this session's client is a browser (see the module note)."""
    return _in_browser()


def first_pass(*, map_page: bool) -> bool:
    """Return whether this run of ``app.py`` sends the Map page's map alone: a browser session's first run there.

    Any later full run draws the whole page (the one that completes the first, and every other).
    """
    state = st.session_state
    first = _KEY not in state and map_page and _in_browser()
    state[_KEY] = PENDING if first else DONE
    return first


def map_alone() -> bool:
    """Whether this run sends the map alone (:func:`first_pass`)."""
    return bool(st.session_state.get(_KEY) in (PENDING, SENT))


def map_sent() -> bool:
    """Call in the map's fragment right after the map; return whether to stop there (the first run).

    On the first run the map has just been sent: the rest waits. The next run of the fragment (the map
    reporting its view once drawn, or a control of the map) completes the page with a full run.
    """
    state = st.session_state
    if state.get(_KEY) == PENDING:
        state[_KEY] = SENT
        return True
    _complete()
    return False


def _complete() -> None:
    """If the rest of the page is due, rerun the whole app (the sidebar is not the fragment's to draw)."""
    if st.session_state.get(_KEY) == WAITING:
        st.session_state[_KEY] = DONE
        st.rerun(scope="app")


@st.fragment(run_every=FALLBACK_S)
def complete_later() -> None:
    """Draw nothing; :data:`FALLBACK_S` seconds after the first run, complete the page if the map has not.

    Called at the end of the first run (which runs it once at once: that arms it); the full run that
    completes the page does not call it, so its timer stops.
    """
    state = st.session_state
    if state.get(_KEY) == SENT:
        state[_KEY] = WAITING
    else:
        _complete()
