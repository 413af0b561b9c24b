"""What changed page: the store's audit log, who added or changed what and when, each field before and after.

The reading is :func:`geo.store.audit.audit_changes`, the one ``python -m geo changes`` prints. Every stored
value shown here is untrusted text: names and labels go through :func:`geo.core.text.md_escape`, values are
shown in code blocks (never rendered as Markdown or HTML).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.core.counts import counted
from geo.core.errors import DrillmapError
from geo.core.text import md_escape
from geo.store.audit import Change, audit_changes, changes_csv, reviewers
from geo.store.repository import open_store
from pages.common import compat
from pages.common import state as ui_common

#: Changes drawn with their details (the table lists every match).
MAX_DETAILED = 100
ANYONE = "Anyone"
ANY_EXERCISE = "Any exercise"

compat.ensure_entrypoint()
ui_common.page_header(
    "What changed",
    "The analysts' store keeps an audit record of every change: who made it, when (UTC), from which source, "
    "and each field's value before and after. Records made before values were kept name the fields only.",
)

try:
    store = open_store()
    names = reviewers(store.engine)
    exercise_ids = sorted(store.ids())
except DrillmapError as exc:
    st.error(md_escape(str(exc)))
    st.stop()

since_col, until_col, who_col, exercise_col = st.columns(4)
since = since_col.date_input("Since (UTC)", value=None, key="c_since", format="YYYY-MM-DD")
until = until_col.date_input("Until (UTC, inclusive)", value=None, key="c_until", format="YYYY-MM-DD")
who = who_col.selectbox("Reviewer", [ANYONE, *names], key="c_who")
exercise = exercise_col.selectbox("Exercise", [ANY_EXERCISE, *exercise_ids], key="c_exercise")
with_seed = st.toggle(
    "Include loading the seed catalog", value=False, key="c_seed", help="The first load of data/catalog, by 'catalog'"
)

if since and until and until < since:
    st.warning("The last day is before the first: nothing can match.")
changes = audit_changes(
    store.engine,
    since=since,
    until=until,
    who=None if who == ANYONE else who,
    exercise_id=None if exercise == ANY_EXERCISE else exercise,
    include_seed=with_seed,
)
if not changes:
    st.info("No change matches these filters.")
    st.stop()

st.caption(f"{counted(len(changes), 'change')}, newest first.")
st.dataframe(
    pd.DataFrame(
        {
            "When (UTC)": [c.at for c in changes],
            "Who": [c.who for c in changes],
            "What": [c.action for c in changes],
            "Exercise": [c.exercise_id for c in changes],
            "Version": [c.version for c in changes],
            "Fields": [c.fields_text for c in changes],
            "Source": [c.source for c in changes],
        }
    ),
    hide_index=True,
    width="stretch",
)
st.download_button(
    "Download as CSV",
    changes_csv(changes).encode("utf-8"),
    file_name="drillmap-changes.csv",
    mime="text/csv",
)


def _details(change: Change) -> None:
    title = f"{change.at} · {change.who} · {change.action} {change.exercise_id} (version {change.version})"
    with st.expander(md_escape(title)):
        st.caption(md_escape(f"Source: {change.source}"))
        if change.reason:
            st.caption(md_escape(f"Reason: {change.reason}"))
        if not change.values_recorded:
            st.markdown(md_escape(change.fields_text))
            return
        if not change.values:
            st.markdown(md_escape(change.fields_text[:1].upper() + change.fields_text[1:] + "."))
        for value in change.values:
            st.markdown(f"**{md_escape(value.field)}**")
            before, after = st.columns(2)
            before.caption("Before")
            before.code(value.before_text, language=None, wrap_lines=True)
            after.caption("After")
            after.code(value.after_text, language=None, wrap_lines=True)


st.markdown("#### Before → after")
if len(changes) > MAX_DETAILED:
    st.caption(f"The {MAX_DETAILED} newest changes; narrow the filters to see older ones.")
for item in changes[:MAX_DETAILED]:
    _details(item)
