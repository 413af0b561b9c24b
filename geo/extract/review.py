"""A reviewer's edits to a draft event, and plain-text descriptions of a draft for the review faces.

Pure: no HTML, no maps (those are :mod:`geo.maps.evidence` and :mod:`geo.maps.review`), no Streamlit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from geo.core.countries import all_iso3
from geo.core.dates import date_precision_of, period_text
from geo.core.errors import IngestError
from geo.core.symbology import ALLIANCES
from geo.extract.additions import AddedFigure, AddedSite, add_figures, add_sites, set_claimants
from geo.extract.draft import CONTEXT_ROLE, PARTY_FIELDS, DraftEvent, DraftFigure, FieldRef, Match, PartyField, Quote

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class ReviewEdits:
    """What a reviewer changed in a draft event; ``None`` leaves a field as extracted.

    Attributes
    ----------
    name
        The name ("" = unnamed).
    alliance
        One of :data:`geo.core.symbology.ALLIANCES` ("" = not stated).
    start, end, announced
        ISO reduced-precision dates ("" = none); ``announced`` must be a day.
    participants, observers, non_participants
        ISO3 codes.
    figures_keep
        Positions of the figures to keep.
    troops
        Corrected value of the troop figure.
    summary
        A summary of the reviewer's own ("" = none).
    use_match
        False: save as a new exercise instead of adding to the matched one.
    claimants
        Who claimed each extracted figure, by position ("" = unattributed); None leaves them as extracted.
    added_figures, added_sites
        Figures and places the extractor missed, each with the report's sentence stating it.
    context_keep
        Positions of the context locations (a country holding finer sites) to save as sites; the others
        are shown but not saved.
    """

    name: str | None = None
    alliance: str | None = None
    start: str | None = None
    end: str | None = None
    announced: str | None = None
    participants: tuple[str, ...] | None = None
    observers: tuple[str, ...] | None = None
    non_participants: tuple[str, ...] | None = None
    figures_keep: tuple[int, ...] | None = None
    troops: int | None = None
    summary: str | None = None
    use_match: bool = True
    claimants: tuple[str, ...] | None = None
    added_figures: tuple[AddedFigure, ...] = ()
    added_sites: tuple[AddedSite, ...] = ()
    context_keep: tuple[int, ...] = ()

    def parties(self, role: PartyField) -> tuple[str, ...] | None:
        """Return the countries given for one role, or None when left as extracted."""
        return {"participants": self.participants, "observers": self.observers,
                "non_participants": self.non_participants}[role]  # fmt: skip


def event_summary(event: DraftEvent) -> list[str]:
    """Return plain-text lines describing a draft event (for a read-only view once it is decided)."""
    lines = [
        f"Alliance: {event.alliance or 'not stated'}",
        f"Dates: {period_text(event.start, event.end, announced=event.announced)} (precision {event.date_precision})",
        f"Participants: {', '.join(event.participants) or 'none found'}",
    ]
    if event.observers:
        lines.append(f"Observers: {', '.join(event.observers)}")
    if event.non_participants:
        lines.append(f"Not taking part: {', '.join(event.non_participants)}")
    lines += [f"Figure: {f.as_stated} ({f.qualifier})" for f in event.figures]
    for loc in event.locations:
        where = ", ".join(x for x in (loc.kind, loc.admin1, loc.country) if x) or "unresolved"
        role = {"planned": "; planned", CONTEXT_ROLE: "; context: holds the finer sites, not saved"}.get(loc.role, "")
        lines.append(f"Location: {loc.text} ({where}{role})")
    return lines


def additions_text(match: Match) -> str:
    """Return one line of what a report adds to the exercise it matches."""
    parts = [f"{name}: {text}" for name, text in match.additions.items()]
    return "; ".join(parts) or "nothing new (accepting records that this report confirms it)"


def _date(value: str, field: str, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _ISO_DATE.match(value):
        msg = f"{label}: {field} {value!r} is not a date like 2025, 2025-09 or 2025-09-06"
        raise IngestError(msg)
    return value


def apply_edits(draft: DraftEvent, edits: ReviewEdits, article: str = "") -> DraftEvent:
    """Return the draft event with a reviewer's edits applied and checked.

    Parameters
    ----------
    draft
        The extracted draft.
    edits
        What the reviewer changed.
    article
        The report's cleaned text: every added figure or site must quote a sentence of it.

    Returns
    -------
    DraftEvent
        The edited draft. A country the reviewer adds is cited with the sentence that introduces the
        event and listed in ``reviewer_added``, so that its citation says the value is the reviewer's
        (:data:`geo.extract.records.REVIEWER_CLAIM`); a removed one loses its evidence.

    Raises
    ------
    IngestError
        If a date is not ISO (YYYY, YYYY-MM, YYYY-MM-DD), the alliance is unknown, a country is
        not an ISO3 code, or an added figure or site does not quote the report.
    """
    label = draft.name or draft.label or "event"
    out = _edit_name(draft, edits)
    if edits.alliance is not None:
        alliance = edits.alliance or None
        if alliance is not None and alliance not in ALLIANCES:
            msg = f"{label}: unknown alliance {alliance!r}; choose one of {', '.join(ALLIANCES)}"
            raise IngestError(msg)
        out = replace(out, alliance=alliance)
    out = _edit_dates(out, edits, label)
    out = _edit_parties(out, edits, label)
    if edits.claimants is not None:  # by extracted position: before figures are dropped
        out = set_claimants(out, edits.claimants)
    if edits.troops is not None or edits.figures_keep is not None:
        out = _edit_figures(out, edits.figures_keep, edits.troops)
    if edits.context_keep:
        out = keep_context(out, edits.context_keep)
    out = add_figures(out, edits.added_figures, article) if edits.added_figures else out
    out = add_sites(out, edits.added_sites, article) if edits.added_sites else out
    if edits.summary and edits.summary.strip():
        out = replace(out, summary=edits.summary.strip())
    if not edits.use_match:
        out = replace(out, match=None)
    return out


def keep_context(draft: DraftEvent, positions: tuple[int, ...]) -> DraftEvent:
    """Return the draft with the context locations at ``positions`` made sites (the reviewer ticked them)."""
    locations = tuple(
        replace(loc, role="site") if i in positions and loc.is_context else loc for i, loc in enumerate(draft.locations)
    )
    return replace(draft, locations=locations)


def _edit_name(draft: DraftEvent, edits: ReviewEdits) -> DraftEvent:
    if edits.name is None:
        return draft
    name = edits.name.strip()
    if name == (draft.name or ""):
        return draft
    return replace(draft, name=name or None, name_normalized=name or None)


def _edit_dates(out: DraftEvent, edits: ReviewEdits, label: str) -> DraftEvent:
    """Apply the dates, then the precision they give (the start's, else "announced", else unknown)."""
    changes = {
        field: _date(value, field, label)
        for field, value in (("start", edits.start), ("end", edits.end), ("announced", edits.announced))
        if value is not None
    }
    edited = replace(out, **changes)  # type: ignore[arg-type]  # str | None fields only
    if edits.announced is not None and edited.announced and len(edited.announced) != 10:
        msg = f"{label}: the announcement date must be a day (YYYY-MM-DD), got {edited.announced!r}"
        raise IngestError(msg)
    if edits.start is None and edits.announced is None:
        return edited
    if edited.start:
        precision: str = date_precision_of(edited.start)
    elif edited.announced or out.date_precision == "announced":
        precision = "announced"
    else:
        precision = "unknown"
    return replace(edited, date_precision=precision)


def _edit_parties(out: DraftEvent, edits: ReviewEdits, label: str) -> DraftEvent:
    """Apply the country lists; a country the reviewer adds cites the event's first sentence as the reviewer's."""
    codes = set(all_iso3())
    evidence: dict[FieldRef, Quote] = dict(out.evidence)
    added = set(out.reviewer_added)
    defining = out.first_quote
    lists: dict[PartyField, tuple[str, ...]] = {}
    for role in PARTY_FIELDS:
        given = edits.parties(role)
        if given is None:
            continue
        bad = [c for c in given if c not in codes]
        if bad:
            msg = f"{label}: {role} {bad} are not ISO3 country codes"
            raise IngestError(msg)
        lists[role] = tuple(given)
        for code in given:
            ref = FieldRef(role, code)
            if ref not in evidence and defining is not None:  # the reviewer's value: cited as such (REVIEWER_CLAIM)
                evidence[ref] = defining
                added.add(ref)
        for ref in [r for r in evidence if r.field == role and r.item not in given]:
            del evidence[ref]
    return replace(out, **lists, evidence=evidence, reviewer_added=frozenset(added))  # type: ignore[arg-type]


def _edit_figures(out: DraftEvent, keep: tuple[int, ...] | None, troops: int | None) -> DraftEvent:
    """Keep the chosen figures (by position) and let the reviewer correct the troop figure's value.

    A figure the report does not state cannot be added here: every figure cites its sentence.
    """
    figures: list[DraftFigure] = list(out.figures)
    troops_at = next((i for i, f in enumerate(figures) if f.is_troops), None)
    if troops_at is not None and troops is not None and int(troops) != figures[troops_at].value:
        figure = figures[troops_at]
        figures[troops_at] = replace(
            figure, value=int(troops), value_max=None, as_stated=f"{figure.as_stated} (reviewer: {int(troops):,})"
        )
    kept = range(len(figures)) if keep is None else sorted(set(keep) & set(range(len(figures))))
    evidence = {ref: q for ref, q in out.evidence.items() if ref.field not in ("figures", "troops", "equipment")}
    for n, i in enumerate(kept):
        quote = out.evidence.get(FieldRef("figures", i))
        if quote is not None:
            evidence[FieldRef("figures", n)] = quote
    return replace(out, figures=tuple(figures[i] for i in kept), evidence=evidence)
