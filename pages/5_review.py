"""Review a news report: extract the exercises it describes, check them against their sentences, accept or reject.

The page only reads widgets, calls ``geo/`` and draws. Extraction is :class:`geo.extract.Extractor`,
saving is :func:`geo.extract.plan_save` + :meth:`geo.store.Store.save` (one transaction, audited with
the reviewer's name, the time and the source URL). Only :class:`~geo.core.errors.DrillmapError` is caught
and shown. Article text reaches the browser only through :func:`geo.extract.review.evidence_html`
(HTML-escaped) and :func:`geo.core.text.md_escape` (Markdown-escaped).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from streamlit_folium import st_folium

from geo.core import settings
from geo.core.countries import all_iso3, country_label
from geo.core.errors import DrillmapError, IngestError
from geo.core.symbology import ALLIANCES
from geo.core.text import md_escape
from geo.extract import Extractor, check_source, clean_text, plan_save, read_article
from geo.extract.review import apply_edits, event_summary, evidence_html, exercises_map, locations_map
from geo.store import Store, open_store
from pages.common import state as ui_common
from pages.common.compat import install_link_filter

MAX_MB = settings.MAX_ARTICLE_BYTES / 1_000_000
FILE_TYPES = ["txt", "md", "markdown", "html", "htm"]


def _store() -> Store:
    return open_store(settings.database_url())


@st.cache_resource(show_spinner="Loading the gazetteers and the catalog …", max_entries=4)
def _extractor(url: str, revision: int) -> Extractor:
    """One extractor per store revision: names and matches follow what analysts have saved."""
    return Extractor(open_store(url).exercises())


def _read_input(pasted: str, uploaded: Any) -> str:
    if uploaded is not None:
        return read_article(uploaded.getvalue(), name=uploaded.name)
    if pasted.strip():
        return clean_text(pasted, name="the pasted text")
    msg = "paste the article's text or upload a file first"
    raise IngestError(msg)


def _extract(pasted: str, uploaded: Any, published: dt.date | None) -> None:
    text = _read_input(pasted, uploaded)
    store = _store()
    extraction = _extractor(store.url, store.revision()).extract(text, published=published)
    st.session_state["review"] = {
        "text": extraction.text,
        "sentences": [[s.start, s.end] for s in extraction.sentences],
        "events": extraction.events,
        "warnings": extraction.warnings,
        "published": extraction.published.isoformat() if extraction.published else None,
        "decisions": {},
    }


def _additions_line(match: dict[str, Any]) -> str:
    adds = match.get("additions") or {}
    parts = []
    for field, value in adds.items():
        if isinstance(value, list):
            shown = [
                v["text"]
                if isinstance(v, dict) and "text" in v
                else v.get("as_stated", v)
                if isinstance(v, dict)
                else v
                for v in value
            ]
            parts.append(f"{field}: {', '.join(str(s) for s in shown)}")
        else:
            parts.append(f"{field}: {value}")
    return "; ".join(parts) or "nothing new (accepting records that this report confirms it)"


def _accept(index: int, event: dict[str, Any], edits: dict[str, Any]) -> None:
    who = str(st.session_state.get("reviewer", "")).strip()
    if not who:
        msg = "type your name in the sidebar first: every saved change records who made it"
        raise IngestError(msg)
    source = check_source(str(st.session_state.get("source", "")))
    edited = apply_edits(event, edits)
    store = _store()
    known = {e.id: e for e in store.exercises()}
    plan = plan_save([(edited, source)], known=known)
    result = store.save(plan.new, plan.updates, who=who, source=plan.sources)
    ids = [*result.created, *result.updated]
    review = st.session_state["review"]
    review["decisions"][str(index)] = {
        "status": "accepted",
        "who": who,
        "ids": ids,
        "created": list(result.created),
        "at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    accepted = st.session_state.setdefault("accepted_ids", [])
    accepted += [i for i in ids if i not in accepted]


def _reject(index: int) -> None:
    who = str(st.session_state.get("reviewer", "")).strip() or "anonymous"
    st.session_state["review"]["decisions"][str(index)] = {
        "status": "rejected",
        "who": who,
        "ids": [],
        "at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _event_form(index: int, event: dict[str, Any]) -> None:
    match = event.get("match")
    with st.form(f"event-{index}"):
        name = st.text_input(
            "Name", value=event.get("name") or "", key=f"name-{index}", help="as written; empty = unnamed"
        )
        alliances = ["", *ALLIANCES]
        alliance = st.selectbox(
            "Alliance", alliances, index=alliances.index(event.get("alliance") or ""), key=f"alliance-{index}"
        )
        c1, c2, c3 = st.columns(3)
        start = c1.text_input(
            "Start", value=event.get("start") or "", key=f"start-{index}", placeholder="YYYY[-MM[-DD]]"
        )
        end = c2.text_input("End", value=event.get("end") or "", key=f"end-{index}", placeholder="YYYY[-MM[-DD]]")
        announced = c3.text_input(
            "Announced on", value=event.get("announced") or "", key=f"announced-{index}", placeholder="YYYY-MM-DD"
        )
        written = ", ".join(f"{k}: “{v}”" for k, v in (event.get("dates_as_written") or {}).items())
        st.caption(md_escape(f"Date precision: {event.get('date_precision')}. As written — {written or 'no date'}"))
        choices = all_iso3()
        participants = st.multiselect(
            "Participants",
            choices,
            default=event.get("participants") or [],
            format_func=country_label,
            key=f"participants-{index}",
        )
        observers = st.multiselect(
            "Observers",
            choices,
            default=event.get("observers") or [],
            format_func=country_label,
            key=f"observers-{index}",
        )
        absent = st.multiselect(
            "Not taking part",
            choices,
            default=event.get("non_participants") or [],
            format_func=country_label,
            key=f"non-participants-{index}",
        )
        keep = []
        for n, figure in enumerate(event.get("figures") or []):
            label = f"{figure['what']}: {figure['as_stated']} ({figure['qualifier']})"
            if st.checkbox(md_escape(label), value=True, key=f"figure-{index}-{n}"):
                keep.append(n)
        troops = None
        if event.get("troops"):
            troops = st.number_input(
                "Troops (correct the value if the report's figure was misread)",
                min_value=0,
                value=int(event["troops"]["value"]),
                step=100,
                key=f"troops-{index}",
            )
        summary = st.text_area("Summary (optional)", key=f"summary-{index}", height=80)
        use_match = True
        if match:
            use_match = st.checkbox(
                md_escape(f"Add to the known exercise “{match['name']}” (untick to save as a new exercise)"),
                value=True,
                key=f"use-match-{index}",
            )
        left, right = st.columns(2)
        accepted = left.form_submit_button("Accept", type="primary", use_container_width=True)
        rejected = right.form_submit_button("Reject", use_container_width=True)
    edits = {
        "name": name,
        "alliance": alliance,
        "start": start,
        "end": end,
        "announced": announced,
        "participants": participants,
        "observers": observers,
        "non_participants": absent,
        "figures_keep": keep,
        "troops": troops,
        "summary": summary,
        "use_match": use_match,
    }
    if accepted:
        try:
            _accept(index, event, edits)
        except DrillmapError as exc:
            st.error(md_escape(str(exc)))
        else:
            st.rerun()
    if rejected:
        _reject(index)
        st.rerun()


def _event_panel(index: int, event: dict[str, Any], review: dict[str, Any]) -> None:
    with st.container(border=True):
        st.subheader(md_escape(f"{index + 1}. {event['label']}"))
        decision = review["decisions"].get(str(index))
        match = event.get("match")
        if match:
            st.info(
                md_escape(f"Matches the known exercise “{match['name']}” ({match['exercise_id']}): {match['how']}. ")
                + "  \n"
                + md_escape(f"The report adds — {_additions_line(match)}.")
                + (
                    "  \n" + md_escape(f"It differs on — {', '.join(match['differences'])} (not applied).")
                    if match.get("differences")
                    else ""
                )
            )
        if decision:
            what = ", ".join(decision["ids"]) if decision["ids"] else "nothing saved"
            text = f"{decision['status'].capitalize()} by {decision['who']} at {decision['at']} — {what}"
            (st.success if decision["status"] == "accepted" else st.warning)(md_escape(text))
        left, right = st.columns([1, 1], gap="medium")
        with right:
            st.markdown("**Evidence** — highlighted: the sentence each field came from")
            st.html(evidence_html(review["text"], review["sentences"], event))
            unresolved = [loc["text"] for loc in event.get("locations", []) if loc.get("status") != "resolved"]
            st_folium(
                locations_map(event.get("locations", []), height=280),
                key=f"map-{index}",
                height=280,
                width=None,
                use_container_width=True,
                returned_objects=[],
            )
            if unresolved:
                st.caption(md_escape(f"Not on the map (unresolved): {'; '.join(unresolved)}"))
            if event.get("notes"):
                with st.expander("How the fields were read"):
                    st.markdown("\n".join(f"- {md_escape(note)}" for note in event["notes"]))
        with left:
            if decision:
                st.markdown("\n".join(f"- {md_escape(line)}" for line in event_summary(event)))
            else:
                _event_form(index, event)


ui_common.ensure_entrypoint()
st.title("Review a report")
st.caption(
    "Paste or upload a news report, check each exercise found against the sentences it came from, "
    "correct any field, then accept (saved to the store with your name, the time and the source) or reject."
)
install_link_filter()

with st.sidebar:
    st.text_input("Your name (recorded with every change)", key="reviewer")

with st.form("article"):
    paste_tab, upload_tab = st.tabs(["Paste text", "Upload a file"])
    pasted = paste_tab.text_area("Article text (plain text, HTML or Markdown)", key="paste", height=180)
    uploaded = upload_tab.file_uploader(
        f"Article file (.txt, .md, .html), at most {MAX_MB:g} MB",
        type=FILE_TYPES,
        key="upload",
        max_upload_size=max(1, round(MAX_MB)),
    )
    c1, c2 = st.columns(2)
    published = c1.date_input(
        "Publication date (relative dates like “next month” resolve against it)",
        value=None,
        min_value=dt.date(1990, 1, 1),
        max_value=dt.date.today() + dt.timedelta(days=1),
        format="YYYY-MM-DD",
        key="published",
    )
    c2.text_input("Source URL (cited by every saved fact)", key="source", placeholder="https://…")
    submitted = st.form_submit_button("Extract events", type="primary")

if submitted:
    try:
        _extract(pasted, uploaded, published)
    except DrillmapError as exc:
        st.session_state.pop("review", None)
        st.error(md_escape(str(exc)))

review = st.session_state.get("review")
if review:
    for warning in review["warnings"]:
        st.caption(md_escape(warning))
    if not review["events"]:
        st.warning("No exercise found in this text: nothing to review.")
    for i, draft in enumerate(review["events"]):
        _event_panel(i, draft, review)

accepted_ids = st.session_state.get("accepted_ids", [])
if accepted_ids:
    st.subheader("Accepted in this session")
    store = _store()
    saved = [e for e in (store.get(i) for i in accepted_ids) if e is not None]
    st.caption(
        md_escape("Saved in the store: " + ", ".join(f"{e.name} ({e.id})" for e in saved))
        + "  \n"
        + "They appear on the main map with the catalog."
    )
    st_folium(
        exercises_map(saved, height=340),
        key="accepted-map",
        height=340,
        width=None,
        use_container_width=True,
        returned_objects=[],
    )
