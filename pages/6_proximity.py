"""Proximity page: are exercises coming closer to the other side? Per period, by alliance, precision apart.

Click a point of the chart (or choose its group below it) to list the sites behind it, each linking to its
exercise's detail view on the Exercises page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.charts.proximity import SELECTION, proximity_chart, selected_group
from geo.core.countries import country_name
from geo.core.counts import counted
from geo.core.dates import as_of_text
from geo.core.text import md_escape
from geo.export.proximity_chart import proximity_chart_bytes
from geo.export.tabular import as_of_statement
from geo.maps.popup import exercise_link
from geo.query.proximity import PERIODS, proximity_sites, proximity_trend, trend_csv, trend_json
from pages.common import compat
from pages.common import state as ui_common
from pages.common.tables import shown, table_height

K_BY, K_CHART, K_GROUP = "p_by", "p_chart", "p_group"
#: Where an exercise's detail view is, relative to this page (both are top-level pages of the app).
EXERCISES_PAGE = "exercises"
#: How a site at 0 km meets the other side (:data:`geo.geocode.distance.RELATIONS`).
_RELATION_WORDS = {"inside": "inside ", "shares_border": "shares a border with ", "touches_at_point": "touches "}

compat.ensure_entrypoint()
view = ui_common.current_view()
heading = st.container()  # written once the points are counted, above the period choice
by = st.radio("Group by", PERIODS, horizontal=True, key=K_BY, format_func=str.capitalize)
points = proximity_sites(view.sites, by)
trend = proximity_trend(points)
with heading:
    ui_common.page_header(
        "Proximity to the other side",
        f"{counted(len(points), 'site')} measured: Russia–Belarus and CSTO sites to NATO territory, NATO's sites to "
        "the Union State (Russia with Kaliningrad, and Belarus), membership as of each exercise's start. Each point is "
        "the median of one group's distances from the sites' nearest points, the line its minimum to maximum; shape: "
        "precise site, proxy (a town or approximate point) or area (nearest point of a region, strip or country) — "
        f"never pooled. Alliances as of {as_of_text(view.period_end)}.",
    )
if trend.empty:
    st.info("No measured site matches the filters.")
    st.stop()

event = st.altair_chart(
    proximity_chart(trend), on_select="rerun", selection_mode=SELECTION, key=K_CHART, width="stretch"
)
labels = {
    f"{r['period']} · {r['alliance']} · {r['precision']} ({counted(int(r['n']), 'site')})": r
    for r in trend.to_dict("records")
}
clicked = selected_group(event)
if clicked is not None:  # a click on the chart chooses the group below too
    for label, row in labels.items():
        if all(str(row[k]) == v for k, v in clicked.items()):
            st.session_state[K_GROUP] = label
chosen = st.selectbox("Sites behind a point", list(labels), index=None, key=K_GROUP, placeholder="Click a point")

if chosen is not None:
    row = labels[chosen]
    here = points[points["site_key"].isin(row["sites"])]
    side = "NATO" if row["other_side"] == "NATO" else "the Union State"
    st.markdown(f"**{md_escape(chosen)}** — km to {side} from each site's nearest point:")
    lines = []
    for site in here.to_dict("records"):
        link = exercise_link(EXERCISES_PAGE, str(site["exercise_id"]))
        nearest = country_name(str(site["other_side_nearest"])) if site["other_side_nearest"] else "—"
        centre = f"; centre {site['centre_km']:,.0f} km" if row["precision"] == "area" else ""
        how = _RELATION_WORDS.get(str(site["relation"]), "")
        lines.append(
            f"- [{md_escape(site['exercise_name'])}]({link}) — {md_escape(site['place'])}: "
            f"{site['km']:,.1f} km ({how}{md_escape(nearest)}){centre}"
        )
    st.markdown("\n".join(lines))

st.markdown("**The trend as a table**")
st.dataframe(
    shown(pd.DataFrame(trend.drop(columns=["sites"]))),
    hide_index=True,
    width="stretch",
    height=table_height(len(trend)),
    column_config={
        "period": "Period",
        "alliance": "Alliance",
        "other_side": "Measured to",
        "precision": "Precision",
        "n": st.column_config.NumberColumn("Sites"),
        "min_km": st.column_config.NumberColumn("Min km", help="From the sites' nearest points"),
        "median_km": st.column_config.NumberColumn("Median km", help="From the sites' nearest points"),
        "max_km": st.column_config.NumberColumn("Max km", help="From the sites' nearest points"),
        "centre_min_km": st.column_config.NumberColumn("Min km from centres"),
        "centre_max_km": st.column_config.NumberColumn("Max km from centres"),
        "centre_median_km": st.column_config.NumberColumn(
            "Median km from centres", help="Areas' representative points"
        ),
    },
)
statement = {**as_of_statement(view.selection), "by": by}
downloads = (
    ("CSV", lambda: trend_csv(trend).encode("utf-8"), "csv", "text/csv"),
    ("JSON", lambda: trend_json(trend, statement).encode("utf-8"), "json", "application/json"),
    ("Chart PNG", lambda: proximity_chart_bytes(points, view.selection, fmt="png", by=by), "png", "image/png"),
    ("Chart SVG", lambda: proximity_chart_bytes(points, view.selection, fmt="svg", by=by), "svg", "image/svg+xml"),
)
for column, (label, data, suffix, mime) in zip(st.columns(4), downloads, strict=True):
    column.download_button(  # data is a callable: each file is made only when its button is clicked
        f"Download {label}",
        data=data,
        file_name=f"drillmap-proximity.{suffix}",
        mime=mime,
        on_click="ignore",
        width="stretch",
    )
