"""Exercises page: sortable tables of the filtered exercises and sites, a detail view, and downloads.

``?exercise=<id>`` (the links in the map's popups) opens that exercise's detail view at the top of the page;
choosing another exercise updates the parameter, so a copied link shows the same exercise.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.catalog.participation import STATUS_FIELDS
from geo.catalog.sites import figures_text, nato_distance_text, other_side_text
from geo.charts.timeline import DATE_QUALITY, exercises_frame
from geo.core.citations import source_host
from geo.core.countries import country_name
from geo.core.counts import counted
from geo.core.dates import row_period_text
from geo.core.grading import best_grade
from geo.core.text import md_escape
from geo.core.values import present
from geo.export.data import export_bytes
from geo.export.formats import FORMATS
from geo.geocode.gazetteer import reading_text
from geo.maps.popup import citation_fields, exercise_fields, place_fields
from pages.common import compat
from pages.common import state as ui_common
from pages.common.tables import shown, table_height

K_EXERCISE = "x_exercise"
GRADE_HELP = (
    "Admiralty code (STANAG 2511): source reliability A (completely reliable) … E (unreliable), F cannot be "
    "judged; information credibility 1 (confirmed) … 5 (improbable), 6 cannot be judged. The analyst's grade "
    "of the citation, else the outlet's default (data/source_grades.yaml)."
)
#: One line per participant status on an exercise's details (geo.catalog.participation).
PEOPLE_LABELS = {
    "took-part": "Participants",
    "disputed": "Participation disputed",
    "withdrew": "Withdrew",
    "observer": "Observers",
    "absent": "Declined or absent",
}

compat.ensure_entrypoint()
view = ui_common.current_view()
exercises = exercises_frame(view.sites)
linked = ui_common.url_exercise(view.choices)  # a malformed or unknown id was reported by the sidebar's notices
ui_common.page_header(
    "Exercises",
    f"{counted(len(exercises), 'exercise')} and {counted(view.n_sites, 'site')} in view. "
    "Click a column header to sort; downloads hold exactly the filtered sites.",
)

# The page's quick downloads: the registry's text data formats, exactly the filtered sites, as-of date stated.
for column, fmt in zip(st.columns([1, 1, 3])[:2], (FORMATS["csv"], FORMATS["geojson"]), strict=True):
    column.download_button(
        f"Download {fmt.label.split(' (')[0]}",
        data=export_bytes(view.selection, fmt.name),
        file_name=fmt.file_name("drillmap-sites"),
        mime=fmt.media_type,
        width="stretch",
        disabled=view.sites.empty,
        help=fmt.label,
    )
names = dict(zip(exercises["exercise_id"], exercises["exercise_name"], strict=True))
if linked is not None and linked not in names:
    st.warning(
        f"The exercise {md_escape(repr(linked))} named in the link is in the catalog but not in view with the "
        "current filters: reset the filters in the sidebar to see it."
    )
if exercises.empty:
    st.info("No exercise matches the filters.")
    st.stop()
# Opened from a link (a map popup): the details come first. Otherwise below the tables.
details = st.container()
if linked in names:
    st.session_state[K_EXERCISE] = linked

tab_ex, tab_sites = st.tabs([f"Exercises ({len(exercises)})", f"Sites ({view.n_sites})"])
with tab_ex:
    by_exercise: dict[str, list[dict[str, str]]] = {}
    for ex_id, cits in zip(view.sites["exercise_id"], view.sites["citations"], strict=True):
        by_exercise.setdefault(str(ex_id), []).extend(cits)
    table = exercises.assign(
        date_quality=exercises["date_quality"].map(DATE_QUALITY),
        best_grade=exercises["exercise_id"].map(lambda i: best_grade(by_exercise.get(i, []))),
    )
    st.dataframe(
        shown(table.drop(columns=["exercise_id", "end_date"])),
        hide_index=True,
        width="stretch",
        height=table_height(len(table), max_rows=60),  # every exercise: the page scrolls, not a 10-row box
        column_config={
            "exercise_name": st.column_config.TextColumn("Exercise", width="medium"),
            "family": "Family",
            "alliance": "Alliance",
            "dates": "Dates (as reported)",
            "date_precision": "Date precision",
            "date_quality": "Dates known",
            "start_date": st.column_config.DateColumn("Starts", format="YYYY-MM-DD"),
            "participants": st.column_config.TextColumn(
                "Participants", width="large", help="Countries that took part; then any disputed or withdrawn"
            ),
            "troops_claimed": st.column_config.TextColumn(
                "Troops, as claimed", width="large", help="Every figure with who claimed it; never averaged"
            ),
            "sites": st.column_config.NumberColumn("Sites"),
            "sites_drawn": st.column_config.NumberColumn("On map"),
            "nearest_nato_km": st.column_config.NumberColumn("Nearest NATO (km)", format="%.0f"),
            "nearest_nato": "Nearest member",
            "other_side_km": st.column_config.NumberColumn(
                "Other side (km)",
                format="%.0f",
                help="Closest site to the other side: NATO for Russia–Belarus and CSTO, the Union State for NATO",
            ),
            "other_side_nearest": "Other side's nearest country",
            "sources": st.column_config.NumberColumn("Sources"),
            "best_grade": st.column_config.TextColumn("Best grade", help=GRADE_HELP),
        },
    )
with tab_sites:
    sites_table = pd.DataFrame(
        {
            "Exercise": view.sites["exercise_name"],
            "Alliance": view.sites["alliance"],
            "Dates": [row_period_text(r) for r in view.sites.to_dict("records")],
            "Place as written": view.sites["place_text"],
            "Read as": [reading_text(str(v)) if present(v) else "—" for v in view.sites["resolve_as"]],
            "Kind": view.sites["site_kind"],
            "Precision": view.sites["precision"],
            "± km": view.sites["precision_km"],
            "Confidence": view.sites["confidence"],
            "NATO km": view.sites["distance_to_nato_km"].round(1),
            "Centre km": view.sites["distance_to_nato_from_centre_km"].round(1),
            "Distance to NATO": [nato_distance_text(r) for r in view.sites.to_dict("records")],
            "Other side": view.sites["other_side"],
            "Other side km": view.sites["other_side_distance_km"].round(1),
            "Distance to the other side": [other_side_text(r) for r in view.sites.to_dict("records")],
            "Best grade": [best_grade(cs) for cs in view.sites["citations"]],
        }
    )
    st.dataframe(
        shown(sites_table),
        hide_index=True,
        width="stretch",
        height=table_height(len(sites_table)),
        column_config={
            "NATO km": st.column_config.NumberColumn(
                help="From the site's nearest point (what the 'within N km of NATO' filter uses)"
            ),
            "Centre km": st.column_config.NumberColumn(help="From the area's representative point; same for points"),
            "Distance to NATO": st.column_config.TextColumn(width="large"),
            "Other side": st.column_config.TextColumn(
                help="NATO for Russia–Belarus and CSTO sites; the Union State (Russia, Belarus) for NATO's"
            ),
            "Other side km": st.column_config.NumberColumn(
                help="From the site's nearest point to the other side's territory, as of the exercise's start"
            ),
            "Distance to the other side": st.column_config.TextColumn(width="large"),
            "Best grade": st.column_config.TextColumn(help=GRADE_HELP),
        },
    )

# --- Detail view -----------------------------------------------------------------------------------
if linked not in names:
    details = st.container()
details.markdown("### Details")
chosen = details.selectbox(
    "Exercise",
    options=list(names),
    format_func=names.__getitem__,
    key=K_EXERCISE,
    on_change=lambda: ui_common.write_exercise_param(st.session_state[K_EXERCISE]),
)
with details:
    rows = view.sites[view.sites["exercise_id"] == chosen]
    first = rows.iloc[0].to_dict()
    fields = exercise_fields(first)
    md = md_escape

    st.markdown(f"#### {md(fields['name'])}")
    meta = [
        f"**Alliance** {md(fields['alliance'])}",
        f"**Family** {md(first['family'] or '—')}",
        f"**Dates** {md(fields['when'])} ({md(fields['when_note'])})",
    ]
    st.markdown(" · ".join(meta))
    if first.get("alt_names"):
        st.markdown(f"**Also called** {md(', '.join(first['alt_names']))}")
    st.markdown(md(first["summary"]))
    people = [
        (label, ", ".join(country_name(c) for c in first.get(STATUS_FIELDS[status]) or []))
        for status, label in PEOPLE_LABELS.items()
    ]
    for label, value in people:
        if value:
            st.markdown(f"**{label}** {md(value)}")

    st.markdown("**Troops and equipment, as claimed** (every claim with who made it; contradictions are not merged)")
    if fields["figures"]:
        claims = [
            {
                "What": fig["what"] + (" ⚠ sources differ" if fig["differ"] else ""),
                "As stated": claim["as_stated"],
                "Grade": claim["grade"],
                "Scope": claim["scope"] or "",
                "Claimed by": claim["by"],
                "Official": claim["official"],
            }
            for fig in fields["figures"]
            for claim in fig["claims"]
        ]
        st.dataframe(
            pd.DataFrame(claims),
            hide_index=True,
            width="stretch",
            column_config={"Grade": st.column_config.TextColumn(help="Admiralty grades of the supporting citations")},
        )
        st.caption("As one line: " + md(figures_text(first["figures"], first["citations"])))
    else:
        st.caption(md(fields["figures_note"]))

    st.markdown("**Sites**")
    st.dataframe(
        shown(pd.DataFrame([place_fields(r) for r in rows.to_dict("records")])).rename(
            columns={
                "place": "Place as written",
                "read_as": "Read as",
                "role": "Role",
                "note": "Note",
                "geocoded": "Geocoded",
                "explanation": "How",
                "nearest": "Distance to the other side",
            }
        ),
        hide_index=True,
        width="stretch",
    )

    citations: dict[str, dict[str, str]] = {}
    for cits in rows["citations"]:
        for c in cits:
            citations.setdefault(str(c["id"]), c)
    st.markdown(f"**Sources ({len(citations)})**, each with the sentence quoted from it")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Quote": c["quote"],
                    "Grade": fields["grade"],
                    "Source": c["source"] if source_host(c["source"]) else None,
                    "Seed report": c["source"] if not source_host(c["source"]) else "",
                    "Claimed by": fields["claimed_by"] or "",
                    "Via": fields["via"] or "",
                    "Grade means": fields["grade_text"],
                }
                for c in citations.values()
                for fields in [citation_fields(c)]
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "Quote": st.column_config.TextColumn(width="large"),
            "Source": st.column_config.LinkColumn(display_text=r"https?://([^/]+)"),
            "Grade": st.column_config.TextColumn(help=GRADE_HELP),
        },
    )
