"""Playback: the ONE rule for "what was active at this moment", and the steps a period is played in.

A moment is a step of a period: a day, an ISO week (Monday to Sunday) or a calendar month. An exercise is
**active** in a step when the days its dates can mean overlap the step: from the earliest day of its start
(``"2021-09"`` → 1 Sep 2021, :func:`geo.core.dates.earliest_date`) to the latest day of its end, or of its
start when no end is reported (``"2021-09"`` → 30 Sep 2021, :func:`geo.core.dates.latest_date`). An
``ongoing`` exercise stays active from its start on. An event known only from its announcement is never
active: it is listed as **announced** in the step holding its announcement day. Every active exercise
says how well its dates are known, so a month-precision exercise shown for the whole month says so.

The dashboard's Playback page and ``python -m geo catalog --active-on`` / ``python -m geo playback`` all
call :func:`at_moment`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal, get_args

import geopandas as gpd

from geo.core.dates import as_of_text, date_precision_of, date_words, earliest_date, latest_date, period_text
from geo.core.errors import FilterError
from geo.core.values import is_missing

__all__ = [
    "STEPS",
    "Activity",
    "Moment",
    "Playback",
    "Step",
    "activity",
    "at_moment",
    "moments",
    "parse_step",
    "step_of",
]

Step = Literal["day", "week", "month"]
#: Step sizes, shortest first.
STEPS: Final[tuple[Step, ...]] = get_args(Step)
Status = Literal["active", "announced"]


def parse_step(text: str) -> Step:
    """Return ``text`` as a :data:`Step` (``day``, ``week`` or ``month``), or raise FilterError."""
    value = text.strip().lower()
    for step in STEPS:
        if value == step:
            return step
    msg = f"step must be one of {', '.join(STEPS)}, got {text!r}"
    raise FilterError(msg)


@dataclass(frozen=True)
class Moment:
    """One step of a playback: the days from ``first`` to ``last`` (inclusive)."""

    first: dt.date
    last: dt.date
    step: Step

    @property
    def label(self) -> str:
        """The step in words: ``"14 Sep 2021"``, ``"week of 13–19 Sep 2021"``, ``"Sep 2021"``."""
        if self.step == "day":
            return as_of_text(self.first)
        if self.step == "month":
            return f"{self.first:%b %Y}"
        start = f"{self.first.day}" if self.first.month == self.last.month else f"{self.first.day} {self.first:%b}"
        if self.first.year != self.last.year:
            start = as_of_text(self.first)
        return f"week of {start}–{as_of_text(self.last)}"

    def shifted(self, steps: int) -> Moment:
        """Return the step ``steps`` steps later (earlier when negative)."""
        if self.step == "month":
            index = self.first.year * 12 + self.first.month - 1 + steps
            return step_of(dt.date(index // 12, index % 12 + 1, 1), "month")
        days = 7 if self.step == "week" else 1
        return step_of(self.first + dt.timedelta(days=days * steps), self.step)


def step_of(day: dt.date, step: Step) -> Moment:
    """Return the step of size ``step`` that holds ``day`` (weeks run Monday to Sunday, as ISO 8601 has them)."""
    if step == "day":
        return Moment(day, day, step)
    if step == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return Moment(monday, monday + dt.timedelta(days=6), step)
    month = f"{day:%Y-%m}"
    return Moment(earliest_date(month), latest_date(month), step)


def moments(first: dt.date, last: dt.date, step: Step) -> list[Moment]:
    """Return the steps from the one holding ``first`` to the one holding ``last``, in order."""
    out = [step_of(first, step)]
    while out[-1].last < last:
        out.append(out[-1].shifted(1))
    return out


@dataclass(frozen=True)
class Activity:
    """What one exercise was at a moment: active, or only announced; and how well its dates are known.

    Attributes
    ----------
    status
        ``active`` (its dates overlap the step) or ``announced`` (known only from an announcement made
        in the step; never drawn as active).
    exact
        True when both ends of the dates are known to the day (and the exercise is not ongoing).
    how_known
        One sentence on the dates' precision: what a reader must know to trust the step it is shown in.
    """

    exercise_id: str
    exercise_name: str
    alliance: str
    status: Status
    dates: str
    exact: bool
    how_known: str


def _text(value: object) -> str | None:
    return None if value is None or is_missing(value) or not str(value) else str(value)


def _precision_words(value: str) -> str:
    return f"the {date_precision_of(value)} ({date_words(value).replace(chr(0xA0), ' ')})"


def _how_known(start: str, end: str | None, *, ongoing: bool) -> tuple[bool, str]:
    """Return (exact, sentence) for the dates of an exercise that has a start."""
    if ongoing:
        vague = "" if date_precision_of(start) == "day" else f"; its start is known only to {_precision_words(start)}"
        return False, f"no end reported: shown as active from its start on{vague}"
    if end is None or end == start:
        if date_precision_of(start) == "day":
            return end is not None, "dates known to the day" if end else "only its start day is reported (no end)"
        return False, f"dates known only to {_precision_words(start)}: shown for all of it"
    notes = [
        f"{which} known only to {_precision_words(value)}"
        for which, value in (("start", start), ("end", end))
        if date_precision_of(value) != "day"
    ]
    if not notes:
        return True, "dates known to the day"
    return False, "; ".join(
        notes
    ) + f": shown from {as_of_text(earliest_date(start))} to {as_of_text(latest_date(end))}"


def _getter(row: object) -> Callable[[str], object]:
    if isinstance(row, Mapping):
        return row.get
    return lambda name: getattr(row, name, None)


def activity(row: object, moment: Moment) -> Activity | None:
    """Return what the exercise of a sites-frame row was during ``moment``, or None when it was nothing.

    Parameters
    ----------
    row
        A mapping (or pandas row) with ``exercise_id``, ``exercise_name``, ``alliance``, ``start``, ``end``
        (ISO reduced-precision dates or missing), ``ongoing`` and ``announced`` (ISO day or missing).
    moment
        The step.

    Returns
    -------
    Activity or None
        ``active`` when [earliest day of the start, latest day of the end (or of the start)] overlaps the
        step (an ongoing exercise has no last day); ``announced`` for an exercise with no start whose
        announcement day falls in the step; None otherwise.
    """
    get = _getter(row)
    start, end, announced = _text(get("start")), _text(get("end")), _text(get("announced"))
    ongoing = bool(get("ongoing")) and not is_missing(get("ongoing"))
    names = (str(get("exercise_id")), str(get("exercise_name")), str(get("alliance")))
    dates = period_text(start, end, ongoing=ongoing, announced=announced)
    if start is None:
        if announced is None or not moment.first <= earliest_date(announced[:10]) <= moment.last:
            return None
        return Activity(*names, "announced", dates, False, "announced only: no dates given, not shown as active")
    first = earliest_date(start)
    last = None if ongoing else latest_date(end or start)
    if first > moment.last or (last is not None and last < moment.first):
        return None
    exact, how = _how_known(start, end, ongoing=ongoing)
    return Activity(*names, "active", dates, exact, how)


@dataclass(frozen=True)
class Playback:
    """The answer for one moment: the active exercises' sites (to draw) and every exercise to list."""

    moment: Moment
    #: Sites of the active exercises (never of announced-only ones), rows of the given frame.
    sites: gpd.GeoDataFrame
    #: One entry per active or announced exercise, active first, then by name.
    exercises: tuple[Activity, ...]

    @property
    def active(self) -> tuple[Activity, ...]:
        """The active exercises."""
        return tuple(a for a in self.exercises if a.status == "active")

    @property
    def announced(self) -> tuple[Activity, ...]:
        """The exercises only announced in this step."""
        return tuple(a for a in self.exercises if a.status == "announced")


def at_moment(sites: gpd.GeoDataFrame, moment: Moment) -> Playback:
    """Return what was active (and what was announced) during ``moment`` among ``sites``.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (any subset, e.g. a filtered selection).
    moment
        The step (:func:`step_of`).

    Returns
    -------
    Playback
        The active exercises' sites and the list of active and announced exercises (:func:`activity`).
    """
    found: list[Activity] = []
    for row in sites.drop_duplicates("exercise_id").itertuples(index=False):
        entry = activity(row, moment)
        if entry is not None:
            found.append(entry)
    found.sort(key=lambda a: (a.status != "active", a.exercise_name.casefold(), a.exercise_id))
    active_ids = {a.exercise_id for a in found if a.status == "active"}
    return Playback(moment, sites[sites["exercise_id"].isin(active_ids)], tuple(found))
