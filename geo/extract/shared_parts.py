"""Named parts reported beside their umbrella are held at its places when they name none of their own.

"From August 31 to September 6, on the training grounds Losvido and Lepelsky, the collective forces will
conduct joint drills … The Interaction-2025 exercise aims … During specialized exercises named Search …
The Echelon drills will focus on …": Search and Echelon are held with Interaction, by its forces, at its
ranges. :func:`geo.extract.event_dates.share_dates` already gives such a part its umbrella's days; this
module gives it the umbrella's places too, under the same conditions and only when the part names no
place of its own (a part held elsewhere says where: "Rubezh in Kazakhstan", "Interaction in Russia").
Participants are not shared: a specialised part ("Search": reconnaissance units) need not involve every
contingent of the umbrella, and the report does not say which.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.extract.draft import DraftEvent


def _donor(event: DraftEvent, events: Sequence[DraftEvent], i: int) -> int | None:
    """The other event whose days, year and alliance the part shares and that names places (or several that agree)."""
    donors = [
        j
        for j, other in enumerate(events)
        if j != i
        and other.locations
        and other.date_precision == "day"
        and (other.start, other.end, other.year) == (event.start, event.end, event.year)
        and event.alliance in (None, other.alliance)
        and (other.name_normalized or other.name) != (event.name_normalized or event.name)
    ]
    return donors[0] if len({events[j].locations for j in donors}) == 1 else None


def share_places(events: Sequence[DraftEvent]) -> list[DraftEvent]:
    """Give a named part with its umbrella's days and no place of its own the umbrella's places.

    A part qualifies only when its start day came from another event of the article
    (:func:`geo.extract.event_dates.share_dates` notes "start …: the date of …"), so the two were reported
    together; the donor must be the one event (or several that agree) with those days, year and alliance
    that names places. The places keep the donor's evidence; a note says so.
    """
    out = list(events)
    for i, event in enumerate(events):
        if event.name is None or event.locations:
            continue
        if not any(n.startswith(f"start {event.start}: the date of ") for n in event.notes):
            continue
        j = _donor(event, events, i)
        if j is None:
            continue
        donor = events[j]
        evidence = dict(event.evidence)
        for ref, quote in donor.evidence.items():
            if ref.field == "locations":
                evidence[ref] = quote
        note = f"places: those of {donor.label}, held with it on the same days"
        out[i] = replace(event, locations=donor.locations, evidence=evidence, notes=(*event.notes, note))
    return out
