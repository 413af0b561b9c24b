"""The "catalog changes waiting for a decision" section: seed records changed both by an analyst and in YAML.

Everyone sees each conflict (the dashboard meanwhile shows the analyst's stored version); only an admin
(:attr:`geo.core.access.Access.can_change_curated`) resolves one, with a reason the audit keeps. The work
is :mod:`geo.store.conflicts`; only :class:`~geo.core.errors.DrillmapError` is caught and shown.
"""

from __future__ import annotations

import streamlit as st

from geo.core.access import Access
from geo.core.errors import DrillmapError
from geo.core.text import md_escape
from geo.store.conflicts import MAX_REASON_CHARS, Resolution, SeedConflict, resolve_conflict, seed_conflicts
from geo.store.repository import open_store

CHOICES: dict[Resolution, str] = {
    "keep-store": "Keep the analyst's record",
    "take-catalog": "Take the catalog file's version",
}


def _resolve_form(conflict: SeedConflict, access: Access) -> None:
    key = f"conflict-{conflict.exercise_id}"
    with st.form(key):
        choice = st.radio("Decision", list(CHOICES), format_func=CHOICES.__getitem__, key=f"{key}-choice")
        reason = st.text_input("Why (kept in the audit)", key=f"{key}-reason", max_chars=MAX_REASON_CHARS)
        if not st.form_submit_button("Resolve", type="primary"):
            return
    who = access.identity or str(st.session_state.get("reviewer", "")).strip()
    try:
        resolve_conflict(open_store(), conflict.exercise_id, choice, who=who, reason=reason)
    except DrillmapError as exc:
        st.error(md_escape(str(exc)))
    else:
        st.success(md_escape(f"Resolved: {CHOICES[choice].lower()} ({conflict.exercise_id})."))


def render_conflicts(access: Access) -> None:
    """Draw each open conflict, and for an admin the form that resolves it; nothing when there is none."""
    try:
        conflicts = seed_conflicts(open_store())
    except DrillmapError as exc:
        st.error(md_escape(str(exc)))
        return
    if not conflicts:
        return
    st.markdown(f"### Catalog changes waiting for a decision ({len(conflicts)})")
    st.caption(
        "These catalog files changed after an analyst changed the same record. The map shows the analyst's "
        "record until someone decides; neither change is lost."
    )
    for conflict in conflicts:
        title = f"{conflict.name} ({conflict.exercise_id}) — differs in {', '.join(conflict.fields)}"
        with st.expander(md_escape(title)):
            st.caption(md_escape(f"Stored record last changed by {conflict.edited_by} at {conflict.edited_at}."))
            left, right = st.columns(2)
            left.markdown("**Stored (analyst)**")
            left.json({f: conflict.stored.model_dump(mode="json").get(f) for f in conflict.fields}, expanded=False)
            right.markdown("**Catalog file**")
            right.json({f: conflict.catalog.model_dump(mode="json").get(f) for f in conflict.fields}, expanded=False)
        if access.can_change_curated:
            _resolve_form(conflict, access)
        else:
            st.caption("Only an admin resolves a conflict.")
