"""From a news report to draft exercise events, and from reviewed drafts to store records.

Pipeline: :func:`geo.extract.text.read_article` (bytes → safe plain text) → :class:`Extractor`
(text → draft events with evidence, matched against known exercises) → reviewer → :func:`plan_save`
(accepted drafts → new exercises and updates) → :meth:`geo.store.Store.save` (one transaction).

Modules: :mod:`~geo.extract.text` (reading, sentences), :mod:`~geo.extract.names`,
:mod:`~geo.extract.dates`, :mod:`~geo.extract.numbers`, :mod:`~geo.extract.participants`,
:mod:`~geo.extract.places` (phrases → :func:`geo.geocode.geocoder.geocode`), :mod:`~geo.extract.events`
(assembly), :mod:`~geo.extract.match` (catalog matching) and :mod:`~geo.extract.records`
(drafts → catalog records). No network, no model downloads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from geo.catalog.schema import Exercise
from geo.core.errors import IngestError
from geo.extract.events import Extraction, Extractor
from geo.extract.match import Matcher, compare
from geo.extract.records import check_source, merge_additions, to_exercise
from geo.extract.text import clean_text, read_article

__all__ = [
    "Extraction",
    "Extractor",
    "SavePlan",
    "check_source",
    "clean_text",
    "parse_published",
    "plan_save",
    "read_article",
]


def parse_published(value: str | None) -> dt.date | None:
    """Parse a ``YYYY-MM-DD`` publication date (empty → None).

    Raises
    ------
    IngestError
        If the value is not an ISO date.
    """
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        msg = f"publication date {value!r} is not a date like 2023-09-01"
        raise IngestError(msg) from exc


@dataclass
class SavePlan:
    """What saving a set of accepted drafts will write.

    Attributes
    ----------
    new
        New exercises (drafts that match nothing, or whose match the reviewer declined).
    updates
        ``{exercise id: function}`` adding the accepted facts to a known exercise; the store applies
        each to the record as stored when the save runs.
    sources
        The source of each new or updated id.
    """

    new: list[Exercise] = field(default_factory=list)
    updates: dict[str, Callable[[Exercise], Exercise]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def plan_save(
    accepted: Iterable[tuple[dict[str, Any], str]],
    *,
    known: dict[str, Exercise],
) -> SavePlan:
    """Turn accepted drafts into new exercises and updates, validating everything before any write.

    Parameters
    ----------
    accepted
        ``(draft, source)`` pairs. A draft whose ``match`` is set (and not cleared by the reviewer)
        adds to that exercise what it states and the exercise lacks (compared again when the save
        runs, see :func:`geo.extract.match.compare`); any other draft becomes a new exercise.
    known
        The exercises currently stored, by id (matched ids must be among them).

    Raises
    ------
    IngestError
        If any draft cannot become a valid record: nothing is planned then.
    """
    plan = SavePlan()
    for draft, source in accepted:
        match = draft.get("match")
        if match and match.get("exercise_id") in known:
            target = match["exercise_id"]
            previous = plan.updates.get(target)

            def update(
                exercise: Exercise,
                draft: dict[str, Any] = draft,
                source: str = source,
                previous: Callable[[Exercise], Exercise] | None = previous,
            ) -> Exercise:
                # Compare again with the record as stored now: another reviewer may have added facts,
                # and this reviewer may have edited the draft since it was matched.
                base = previous(exercise) if previous else exercise
                additions, _ = compare(base, draft, Matcher([base]).site_keys(base))
                return merge_additions(base, draft, additions, source=source)

            update(known[target])  # validate now, against the stored version
            plan.updates[target] = update
            plan.sources[target] = source
        else:
            if match and match.get("exercise_id") not in known:
                draft = {**draft, "match": None}
            taken = set(known) | {e.id for e in plan.new}
            exercise = to_exercise(draft, source=source, taken=taken)
            plan.new.append(exercise)
            plan.sources[exercise.id] = source
    return plan
