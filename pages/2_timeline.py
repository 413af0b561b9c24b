"""Timeline page: a Gantt-style chart of the filtered exercises."""

from __future__ import annotations

import streamlit as st

from geo.charts.timeline import DATE_QUALITY, exercises_frame, timeline_chart
from geo.core.counts import counted
from pages.common import compat
from pages.common import state as ui_common

compat.ensure_entrypoint()
view = ui_common.current_view()
exercises = exercises_frame(view.sites)
ui_common.page_header(
    "Timeline",
    f"{counted(len(exercises), 'exercise')} in view, from start to end, coloured by alliance. "
    "Solid bars: dates known to the day; pale dashed bars: only the month or year is known (the bar covers "
    "all of it), or the exercise is ongoing; hollow diamonds: announced, no dates given.",
)
if exercises.empty:
    st.info("No exercise matches the filters.")
    st.stop()

group = st.toggle("Group by exercise family", value=True, key="t_group")
st.altair_chart(timeline_chart(exercises, group_by_family=group), width="stretch")

counts = exercises["date_quality"].value_counts()
st.caption(" · ".join(f"{DATE_QUALITY[q]}: {counts.get(q, 0)}" for q in DATE_QUALITY))
