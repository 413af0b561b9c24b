"""Review a news report: extract the exercises it describes, check them against their sentences, accept or reject.

The page only reads widgets, calls ``geo/`` and draws. The workflow is the ingest service
:mod:`geo.extract.ingest` (extract against the known exercises; accept = apply the reviewer's edits and
save in one audited transaction with the reviewer's identity, the time and the source URL; who may accept is
:func:`pages.common.auth.current_access`); the pictures are
:mod:`geo.maps.evidence` and :mod:`geo.maps.review`. Only :class:`~geo.core.errors.DrillmapError` is
caught and shown. Article text reaches the browser only through :func:`geo.maps.evidence.evidence_html`
(HTML-escaped) and :func:`geo.core.text.md_escape` (Markdown-escaped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.catalog.schema import Citation
from geo.core import settings
from geo.core.access import Access
from geo.core.citations import source_host
from geo.core.countries import all_iso3, country_label
from geo.core.errors import DrillmapError, IngestError
from geo.core.grading import CREDIBILITY, RELIABILITY, effective_grade
from geo.core.symbology import ALLIANCES
from geo.core.text import md_escape
from geo.extract import ingest
from geo.extract.additions import FIGURE_KINDS, MAX_FIELD_CHARS, AddedFigure, AddedSite
from geo.extract.draft import DraftEvent, Match, PartyField
from geo.extract.events import Extraction
from geo.extract.review import ReviewEdits, additions_text, event_summary
from geo.maps.evidence import evidence_html
from geo.maps.review import exercises_map, locations_map
from geo.store import Store, open_store
from geo.store.grades import grade_citation
from pages.common.auth import account_sidebar, current_access
from pages.common.compat import ensure_entrypoint, install_link_filter

MAX_MB = settings.MAX_ARTICLE_BYTES / 1_000_000
FILE_TYPES = ["txt", "md", "markdown", "html", "htm"]
DATE_PLACEHOLDER = "YYYY[-MM[-DD]]"
#: (label, draft field, widget key prefix) of the country pickers.
PARTY_WIDGETS: tuple[tuple[str, PartyField, str], ...] = (
    ("Participants", "participants", "participants"),
    ("Observers", "observers", "observers"),
    ("Not taking part", "non_participants", "non-participants"),
)


#: Largest troop number the form takes (10 million: more than any exercise ever claimed, and a number the
#: browser holds exactly); a larger extracted figure is a misreading the reviewer must correct or untick.
MAX_TROOPS_INPUT = 10_000_000


def _now_text(at: dt.datetime | None = None) -> str:
    return (at or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")


def _extract(pasted: str, uploaded: Any, published: dt.date | None) -> None:
    extraction = ingest.extract_report(
        pasted=pasted,
        data=None if uploaded is None else uploaded.getvalue(),
        name="the article" if uploaded is None else uploaded.name,
        published=published,
    )
    st.session_state["review"] = {"extraction": extraction, "decisions": {}}


def _who(access: Access) -> str:
    """The signed-in identity, or in single-user mode the name typed in the sidebar."""
    return access.identity or str(st.session_state.get("reviewer", "")).strip()


def _accept(index: int, event: DraftEvent, edits: ReviewEdits, access: Access) -> None:
    if not access.can_review:
        raise IngestError(access.why_read_only)
    who = _who(access)
    if not who:
        msg = "type your name in the sidebar first: every saved change records who made it"
        raise IngestError(msg)
    source = str(st.session_state.get("source", ""))
    article = st.session_state["review"]["extraction"].text
    saved = ingest.accept(
        event, edits, reviewer=who, source=source, may_change_curated=access.can_change_curated, article=article
    )
    st.session_state["review"]["decisions"][str(index)] = {
        "status": "accepted",
        "who": saved.who,
        "outcome": saved.outcome(),
        "at": _now_text(saved.at),
    }
    accepted = st.session_state.setdefault("accepted_ids", [])
    accepted += [i for i in saved.ids if i not in accepted]


def _reject(index: int, access: Access) -> None:
    who = _who(access) or "anonymous"
    decision = {"status": "rejected", "who": who, "outcome": ingest.NOTHING_SAVED, "at": _now_text()}
    st.session_state["review"]["decisions"][str(index)] = decision


def _grade_label(value: Any, meanings: Mapping[Any, str]) -> str:
    return "not graded (outlet default)" if value is None else f"{value} — {meanings[value]}"


def _citation_label(citation: Citation) -> str:
    return f"“{citation.quote[:90]}” — {source_host(citation.source) or citation.source}"


def _grade_form(store: Store, ex_id: str, cid: str, current: Citation, access: Access) -> None:
    rel_options, cred_options = [None, *RELIABILITY], [None, *CREDIBILITY]
    with st.form(f"grade-{ex_id}-{cid}"):
        c1, c2 = st.columns(2)
        rel = c1.selectbox(
            "Source reliability",
            rel_options,
            index=rel_options.index(current.reliability),
            format_func={v: _grade_label(v, RELIABILITY) for v in rel_options}.__getitem__,
        )
        cred = c2.selectbox(
            "Information credibility",
            cred_options,
            index=cred_options.index(current.credibility),
            format_func={v: _grade_label(v, CREDIBILITY) for v in cred_options}.__getitem__,
        )
        if not st.form_submit_button("Save grade", disabled=not access.can_review):
            return
    try:
        if not _who(access):
            raise IngestError("type your name in the sidebar first: every saved change records who made it")
        grade_citation(store, ex_id, cid, reliability=rel, credibility=cred, who=_who(access))
    except DrillmapError as exc:
        st.error(md_escape(str(exc)))
        return
    change = store.history(ex_id, limit=1)[0].grades.get(cid)
    what = f"{change['before']} → {change['after']}" if change else "unchanged"
    st.success(md_escape(f"Saved the grade of {cid}: {what} (in the audit log)."))


def _grade_panel(access: Access) -> None:
    """Set or override one citation's Admiralty grade; saved through the store and audited with before/after."""
    st.subheader("Grade a source (Admiralty code)")
    st.caption(
        "Source reliability A–F and information credibility 1–6 (STANAG 2511). A part left “not graded” takes "
        "the outlet's default from data/source_grades.yaml; the change is audited with the grade before and after."
    )
    store = open_store(settings.database_url())
    exercises = {e.id: e for e in store.exercises()}
    if not exercises:
        st.info("The store holds no exercise to grade.")
        return
    names = {i: e.name for i, e in exercises.items()}
    ex_id = st.selectbox("Exercise", list(exercises), format_func=names.__getitem__, key="grade-ex")
    citations = exercises[ex_id].citations
    labels = {c: f"{c}: {_citation_label(citation)}" for c, citation in citations.items()}
    cid = st.selectbox("Citation", list(citations), format_func=labels.__getitem__, key="grade-cit")
    if cid not in citations:  # the exercise changed under a kept choice
        return
    current = citations[cid]
    shown = effective_grade(current.model_dump())
    st.markdown(f"**Effective grade now:** {md_escape(shown.text)}")
    _grade_form(store, ex_id, cid, current, access)


def _name_and_alliance(index: int, event: DraftEvent) -> tuple[str, str]:
    name = st.text_input("Name", value=event.name or "", key=f"name-{index}", help="as written; empty = unnamed")
    alliances = ["", *ALLIANCES]
    alliance = st.selectbox("Alliance", alliances, index=alliances.index(event.alliance or ""), key=f"alliance-{index}")
    return name, str(alliance or "")


def _date_inputs(index: int, event: DraftEvent) -> tuple[str, str, str]:
    c1, c2, c3 = st.columns(3)
    start = c1.text_input("Start", value=event.start or "", key=f"start-{index}", placeholder=DATE_PLACEHOLDER)
    end = c2.text_input("End", value=event.end or "", key=f"end-{index}", placeholder=DATE_PLACEHOLDER)
    announced = c3.text_input(
        "Announced on", value=event.announced or "", key=f"announced-{index}", placeholder="YYYY-MM-DD"
    )
    written = ", ".join(f"{k}: “{v}”" for k, v in event.dates_as_written.items())
    st.caption(md_escape(f"Date precision: {event.date_precision}. As written — {written or 'no date'}"))
    return start, end, announced


def _party_inputs(index: int, event: DraftEvent) -> list[tuple[str, ...]]:
    """Participants, observers and countries not taking part, in that order."""
    choices = all_iso3()
    return [
        tuple(
            st.multiselect(
                label, choices, default=list(event.parties(role)), format_func=country_label, key=f"{key}-{index}"
            )
        )
        for label, role, key in PARTY_WIDGETS
    ]


def _figure_inputs(index: int, event: DraftEvent) -> tuple[tuple[int, ...], tuple[str, ...], int | None]:
    """Which figures to keep, who claimed each, and the troop figure's corrected value."""
    keep: list[int] = []
    claimants: list[str] = []
    for n, figure in enumerate(event.figures):
        label = md_escape(f"{figure.what}: {figure.as_stated} ({figure.qualifier})")
        if st.checkbox(label, value=True, key=f"figure-{index}-{n}"):
            keep.append(n)
        claimants.append(
            st.text_input(
                "Claimed by", value=figure.claimant or "", key=f"claimant-{index}-{n}", max_chars=MAX_FIELD_CHARS,
                placeholder="Claimed by (e.g. the Belarusian Defence Ministry)", label_visibility="collapsed",
            )
        )  # fmt: skip
    return tuple(keep), tuple(claimants), _troops_input(index, event)


def _troops_input(index: int, event: DraftEvent) -> int | None:
    if event.troops is None:
        return None
    stated = int(event.troops.value)
    plausible = stated <= MAX_TROOPS_INPUT
    if not plausible:
        st.warning(
            f"The report's troop figure ({stated:,}) is beyond any exercise: untick it above, or type the "
            "value the report meant. It is kept as stated unless you do."
        )
    troops = st.number_input(
        "Troops (correct the value if the report's figure was misread)",
        min_value=0,
        max_value=MAX_TROOPS_INPUT,
        value=stated if plausible else None,
        step=100,
        key=f"troops-{index}",
    )
    return None if troops is None else int(troops)


def _context_inputs(index: int, event: DraftEvent) -> tuple[int, ...]:
    """Countries named as the place beside finer sites in them: shown as context, saved only when ticked."""
    keep = []
    for n, loc in enumerate(event.locations):
        label = md_escape(f"Also save “{loc.text}” as a site (context: it holds the finer sites)")
        if loc.is_context and st.checkbox(label, value=False, key=f"context-{index}-{n}"):
            keep.append(n)
    return tuple(keep)


def _additions_inputs(index: int) -> tuple[tuple[AddedFigure, ...], tuple[AddedSite, ...]]:
    """Figures and sites the extractor missed, each with the report's sentence (pasted) that states it."""
    with st.expander("Add a figure or a site the extractor missed"):
        st.caption("Paste the report's sentence for each: a value is saved only with the sentence that states it.")
        figures = st.data_editor(
            pd.DataFrame({"What": pd.Series(dtype=str), "Number": pd.Series(dtype="Int64"),
                          "As written": pd.Series(dtype=str), "Claimed by": pd.Series(dtype=str),
                          "Sentence": pd.Series(dtype=str)}),
            num_rows="dynamic", key=f"add-figures-{index}", width="stretch",
            column_config={"What": st.column_config.SelectboxColumn(options=list(FIGURE_KINDS))},
        )  # fmt: skip
        sites = st.data_editor(
            pd.DataFrame({"Place as written": pd.Series(dtype=str), "Country": pd.Series(dtype=str),
                          "Sentence": pd.Series(dtype=str)}),
            num_rows="dynamic", key=f"add-sites-{index}", width="stretch",
            column_config={"Country": st.column_config.SelectboxColumn(options=all_iso3())},
        )  # fmt: skip
    return _added_figures(figures), _added_sites(sites)


def _cell(value: Any) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _added_figures(table: pd.DataFrame) -> tuple[AddedFigure, ...]:
    rows = [r for r in table.to_dict("records") if any(_cell(v) for v in r.values())]
    return tuple(
        AddedFigure(what=_cell(r["What"]), value=int(r["Number"]) if _cell(r["Number"]) else -1,
                    as_stated=_cell(r["As written"]), claimant=_cell(r["Claimed by"]), sentence=_cell(r["Sentence"]))
        for r in rows
    )  # fmt: skip


def _added_sites(table: pd.DataFrame) -> tuple[AddedSite, ...]:
    rows = [r for r in table.to_dict("records") if any(_cell(v) for v in r.values())]
    return tuple(
        AddedSite(place=_cell(r["Place as written"]), country=_cell(r["Country"]), sentence=_cell(r["Sentence"]))
        for r in rows
    )


def _edits_form(index: int, event: DraftEvent, access: Access) -> tuple[ReviewEdits, bool, bool]:
    """Draw the event's form; return the reviewer's edits and whether Accept or Reject was pressed."""
    with st.form(f"event-{index}"):
        name, alliance = _name_and_alliance(index, event)
        start, end, announced = _date_inputs(index, event)
        participants, observers, absent = _party_inputs(index, event)
        keep, claimants, troops = _figure_inputs(index, event)
        context_keep = _context_inputs(index, event)
        added_figures, added_sites = _additions_inputs(index)
        summary = st.text_area("Summary (optional)", key=f"summary-{index}", height=80)
        use_match = event.match is None or st.checkbox(
            md_escape(f"Add to the known exercise “{event.match.name}” (untick to save as a new exercise)"),
            value=True,
            key=f"use-match-{index}",
        )
        left, right = st.columns(2)
        read_only = not access.can_review
        accepted = left.form_submit_button("Accept", type="primary", use_container_width=True, disabled=read_only)
        rejected = right.form_submit_button("Reject", use_container_width=True, disabled=read_only)
    edits = ReviewEdits(name=name, alliance=alliance, start=start, end=end, announced=announced,
                        participants=participants, observers=observers, non_participants=absent,
                        figures_keep=keep, troops=troops, summary=summary, use_match=use_match,
                        claimants=claimants, added_figures=added_figures, added_sites=added_sites,
                        context_keep=context_keep)  # fmt: skip
    return edits, accepted, rejected


def _event_form(index: int, event: DraftEvent, access: Access) -> None:
    edits, accepted, rejected = _edits_form(index, event, access)
    # A refused Accept stays explained until the next Accept or Reject of this event: a rerun from any other
    # widget (a map, the sidebar) must not wipe the reason the change was not saved.
    refusals = st.session_state["review"].setdefault("refusals", {})
    if accepted or rejected:
        refusals.pop(str(index), None)
    if accepted:
        try:
            _accept(index, event, edits, access)
        except DrillmapError as exc:
            refusals[str(index)] = str(exc)
        else:
            st.rerun()
    if str(index) in refusals:
        st.error(md_escape(refusals[str(index)]))
    if rejected and access.can_review:
        _reject(index, access)
        st.rerun()


def _match_notice(match: Match) -> None:
    text = md_escape(f"Matches the known exercise “{match.name}” ({match.exercise_id}): {match.how}. ")
    text += "  \n" + md_escape(f"The report adds — {additions_text(match)}.")
    if match.differences:
        text += "  \n" + md_escape(f"It differs on — {', '.join(match.differences)} (not applied).")
    st.info(text)


def _evidence_column(index: int, event: DraftEvent, extraction: Extraction) -> None:
    st.markdown("**Evidence** — highlighted: the sentence each field came from")
    st.html(evidence_html(extraction, event))
    st_folium(
        locations_map(event.locations, height=280),
        key=f"map-{index}",
        height=280,
        width=None,
        use_container_width=True,
        returned_objects=[],
    )
    unresolved = [loc.text for loc in event.locations if not loc.resolved]
    if unresolved:
        st.caption(md_escape(f"Not on the map (unresolved): {'; '.join(unresolved)}"))
    if event.notes:
        with st.expander("How the fields were read"):
            st.markdown("\n".join(f"- {md_escape(note)}" for note in event.notes))


def _event_panel(index: int, event: DraftEvent, review: dict[str, Any], access: Access) -> None:
    with st.container(border=True):
        st.subheader(md_escape(f"{index + 1}. {event.label}"))
        decision = review["decisions"].get(str(index))
        if event.match:
            _match_notice(event.match)
        if decision:
            what = decision["outcome"]
            text = f"{decision['status'].capitalize()} by {decision['who']} at {decision['at']} — {what}"
            (st.success if decision["status"] == "accepted" else st.warning)(md_escape(text))
        left, right = st.columns([1, 1], gap="medium")
        with right:
            _evidence_column(index, event, review["extraction"])
        with left:
            if decision:
                st.markdown("\n".join(f"- {md_escape(line)}" for line in event_summary(event)))
            else:
                _event_form(index, event, access)


ensure_entrypoint()
st.title("Review a report")
st.caption(
    "Paste or upload a news report, check each exercise found against the sentences it came from, "
    "correct any field, then accept (saved to the store with who you are, the time and the source) or reject."
)
install_link_filter()
access = current_access()

with st.sidebar:
    account_sidebar(access)
    if access.mode == "single-user":  # signed in, the audit records the identity: no typed name
        st.text_input("Your name (recorded with every change)", key="reviewer")
if not access.can_review:
    st.info(access.why_read_only)

with st.form("article"):
    paste_tab, upload_tab = st.tabs(["Paste text", "Upload a file"])
    pasted = paste_tab.text_area("Article text (plain text, HTML or Markdown)", key="paste", height=180)
    # The widget takes files up to server.maxUploadSize (5 MB, .streamlit/config.toml), above the article
    # limit: a file between the two reaches read_article, which says it is too large and gives the limit
    # (a widget limit of 2 MB would drop it in the browser and leave "upload a file first").
    uploaded = upload_tab.file_uploader(
        f"Article file (.txt, .md, .html), at most {MAX_MB:g} MB", type=FILE_TYPES, key="upload"
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
    for warning in review["extraction"].warnings:
        st.caption(md_escape(warning))
    if not review["extraction"].events:
        st.warning("No exercise found in this text: nothing to review.")
    for i, draft in enumerate(review["extraction"].events):
        _event_panel(i, draft, review, access)

_grade_panel(access)

accepted_ids = st.session_state.get("accepted_ids", [])
if accepted_ids:
    st.subheader("Accepted in this session")
    saved = ingest.stored(accepted_ids)
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
