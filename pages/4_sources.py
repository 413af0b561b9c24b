"""Sources & data page: the reports behind the catalog, what each supports, and data provenance and licences."""

from __future__ import annotations

import dataclasses

import streamlit as st

from geo.briefing.text import source_grades
from geo.catalog.sources import seed_reports, sources_frame
from geo.core import settings
from geo.core.credits import DATA_CREDITS, MAP_ATTRIBUTION
from geo.core.grading import outlet_grades
from geo.core.text import md_escape
from pages.common import compat
from pages.common import state as ui_common
from pages.common.auth import current_access
from pages.common.conflicts_panel import render_conflicts

compat.ensure_entrypoint()
view = ui_common.current_view()
ui_common.page_header(
    "Sources & data",
    "Every fact on the map quotes its source. Listed here: the sources of the exercises in view and the "
    "exercises each supports, then where the geography comes from and under which licence.",
)

st.markdown("### Seed reports")
seeds = seed_reports(settings.SEEDS_DIR, view.sites)
if seeds.empty:
    where = md_escape(settings.SEEDS_DIR)
    st.info(f"No seed reports found in {where} (they are kept beside the repository, not in it).")
else:
    st.dataframe(
        seeds,
        hide_index=True,
        width="stretch",
        column_config={
            "file": "Report",
            "date": "Dated",
            "opening": st.column_config.TextColumn("Opening", width="large"),
            "exercises": st.column_config.TextColumn("Supports (exercises in view)", width="medium"),
            "n_exercises": st.column_config.NumberColumn("Exercises"),
        },
    )

sources = sources_frame(view.sites)
grades = source_grades(view.sites)
st.markdown(f"### All sources of the exercises in view ({len(sources)})")
st.dataframe(
    sources.assign(link=sources["source"].where(sources["kind"] == "web"), grade=sources["source"].map(grades)),
    hide_index=True,
    width="stretch",
    column_order=["link", "source", "grade", "kind", "exercises", "n_exercises", "quotes"],
    column_config={
        "link": st.column_config.LinkColumn("Open", display_text=r"https?://([^/]+)", width="small"),
        "source": st.column_config.TextColumn("Source", width="medium"),
        "kind": "Kind",
        "exercises": st.column_config.TextColumn("Supports", width="large"),
        "n_exercises": st.column_config.NumberColumn("Exercises"),
        "quotes": st.column_config.NumberColumn("Quotes"),
        "grade": st.column_config.TextColumn("Grade", help="Effective Admiralty grades of its citations in view"),
    },
)

st.markdown("### Outlet grades (Admiralty code, STANAG 2511)")
st.caption(
    "Drillmap's own default grade of each outlet, with the reasoning (data/source_grades.yaml): reliability A "
    "(completely reliable) … E (unreliable), F cannot be judged; credibility 1 (confirmed) … 5 (improbable), 6 "
    "cannot be judged. An analyst's grade of a citation (Review page) overrides it; outlets not listed are not graded."
)
st.dataframe(
    [dataclasses.asdict(g) for g in outlet_grades()],
    hide_index=True,
    width="stretch",
    column_config={"reason": st.column_config.TextColumn("Reasoning", width="large")},
)

render_conflicts(current_access())

st.markdown("### Reference data and licences")
st.dataframe(
    [{"Data": what, "Source": source, "Licence": licence} for what, source, licence in DATA_CREDITS],
    hide_index=True,
    width="stretch",
)
st.caption(f"Credit line on the map: {MAP_ATTRIBUTION}")

readme = settings.DATA_DIR / "README.md"
if readme.is_file():
    with st.expander("Data provenance"):
        st.markdown(readme.read_text(encoding="utf-8"))
