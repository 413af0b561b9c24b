"""Drills dated by the exercise reported before them: "at the same time", or a plan's year.

An unnamed drill said to be held "at the same time" as the exercise before it takes that exercise's dates.

"The alliance will hold exercises with its rapid reaction force in A in 2022. … Exercises are planned and will
take place in B at the same time." (README "Ninth pass"): the drill in B is held in 2022, and, when its own
sentences name no alliance and the countries it names all belong to the alliance of the exercise before it on
that date, by that alliance (a country's drill under an alliance's plan, not a national one).

An exercise still to come that states no date of its own, reported after one dated in a later year than its own
(which is then only the publication's), is held in that year: "… will conduct a number of exercises in 2022 …
On the territory of C, we plan to conduct the X exercise" is X of 2022.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from geo.core.dates import earliest_date
from geo.extract.cues import ATTRIBUTION
from geo.extract.dates import tense_of
from geo.extract.draft import DraftEvent
from geo.extract.text import Sentence
from geo.reference.membership import members_on

_SAME_TIME = re.compile(r"\b(?:at\s+the\s+same\s+time|simultaneously|concurrently|in\s+parallel)\b", re.I)
#: Labels that say a drill's own sentences named no alliance: one country, or none.
_UNALLIED = (None, "national")
_PLANNED = re.compile(r"\b(?:plan|plans|planned|scheduled|to\s+be\s+held)\b", re.I)
_ALLIANCES = ("CSTO", "NATO")


def same_time(events: Sequence[DraftEvent], sentences: Sequence[Sentence]) -> list[DraftEvent]:
    """Give an undated unnamed drill "at the same time" as the event before it that event's dates (and alliance)."""
    out = list(events)
    by_index = {s.index: s for s in sentences}
    for i in range(1, len(events)):
        event, before = events[i], events[i - 1]
        if event.name or event.start or not before.start:
            continue
        if not any(_SAME_TIME.search(by_index[k].text) for k in event.sentences if k in by_index):
            continue
        note = f"dates of {before.label}: held at the same time"
        alliance = event.alliance
        as_of = earliest_date(before.start)
        if (
            event.alliance in _UNALLIED
            and before.alliance in _ALLIANCES
            and event.participants
            and set(event.participants) <= members_on(before.alliance, as_of)
        ):
            alliance = before.alliance
            note += f"; alliance {alliance}: its countries are all members, as those of {before.label}"
        start = before.start
        out[i] = replace(
            event,
            start=start,
            end=event.end or before.end,
            date_precision=before.date_precision,
            year=before.year,
            alliance=alliance,
            label=f"Unnamed {alliance or 'unattributed'} exercise ({start})",
            notes=(*event.notes, note),
        )
    return out


def plan_year(events: Sequence[DraftEvent], sentences: Sequence[Sentence]) -> list[DraftEvent]:
    """Give an undated exercise still to come the later year of the dated exercise reported before it."""
    out = list(events)
    by_index = {s.index: s for s in sentences}
    for i in range(1, len(events)):
        event, before = out[i], out[i - 1]
        if event.start or event.year is None or before.year is None or before.year <= event.year:
            continue
        texts = [ATTRIBUTION.sub("", by_index[k].text) for k in event.sentences if k in by_index]  # '…," he said.'
        if not texts or not all(tense_of(t) == "future" or (tense_of(t) is None and _PLANNED.search(t)) for t in texts):
            continue
        note = f"year {before.year}: that of {before.label}, reported before it; it states no date of its own"
        out[i] = replace(event, year=before.year, notes=(*event.notes, note))
    return out
