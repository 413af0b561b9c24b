"""Drillmap: military exercises in and around Belarus beside NATO's borders (``make run``).

The entrypoint builds the page list, draws the shared sidebar filters (so they survive page switches
and stay in the URL), then runs the selected page. Pages live in ``pages/`` as a normal package.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from geo.maps import template_cache
from pages.common import first_paint
from pages.common import state as ui_common
from pages.common.compat import install_link_filter
from pages.common.memory import freeze_long_lived, release, tune_allocator

tune_allocator()  # once per process: a thread per session must not mean memory per session
freeze_long_lived()  # from the second run on, Streamlit's collection after each run skips what the first loaded

# The map emoji drawn by the browser, as a data: URL (nothing fetched; a Material icon would come from
# fonts.gstatic.com). Given the emoji itself, Streamlit loads its whole emoji catalog to check it: a third
# of a second of the first visit.
FAVICON = "data:image/svg+xml," + quote(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">🗺️</text></svg>'
)
st.set_page_config(page_title="Drillmap", page_icon=FAVICON, layout="wide", initial_sidebar_state="expanded")
install_link_filter()  # every st_folium map loads only the vendored Leaflet & co.
# A denser layout than Streamlit's default: less empty space above the page title.
st.html('<style>[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }</style>')

#: The pages, in menu order. Append a page here (one st.Page) to add it to the app.
PAGES: tuple[st.Page, ...] = (
    st.Page("pages/1_map.py", title="Map", icon=":material/map:", default=True),
    st.Page("pages/2_timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/3_exercises.py", title="Exercises", icon=":material/table_rows:", url_path="exercises"),
    st.Page("pages/6_proximity.py", title="Proximity", icon=":material/social_distance:", url_path="proximity"),
    st.Page("pages/4_sources.py", title="Sources & data", icon=":material/menu_book:", url_path="sources"),
    st.Page("pages/5_review.py", title="Review a report", icon=":material/rate_review:", url_path="review"),
    st.Page("pages/7_compare.py", title="Compare", icon=":material/compare:", url_path="compare"),
    st.Page("pages/8_playback.py", title="Playback", icon=":material/play_circle:", url_path="playback"),
    st.Page("pages/9_changes.py", title="What changed", icon=":material/history:", url_path="changes"),
)

page = st.navigation(list(PAGES))
ui_common.begin_run()  # the known sites are read once per run, by the sidebar or the page
try:
    map_alone = first_paint.first_pass(map_page=page.url_path == "")  # a new browser session's first run
    if page.url_path in ("review", "changes"):  # the filters select the map's exercises; not a report or the audit
        ui_common.keep_filters()
    elif map_alone:  # the filters are drawn once the map is (their values come from the link)
        ui_common.read_url_once(ui_common.choices())
    else:  # the Compare page's sides choose their own years: a Years slider there would do nothing
        ui_common.sidebar(years=page.url_path != "compare")
    ui_common.show_notices()
    page.run()
finally:  # also after st.stop() / st.rerun(): the run's map HTML and frames are garbage now
    ui_common.end_run()
    release()
    template_cache.save()  # the first run's compiled templates, for the next server (nothing new: no write)
