"""Choose an event's dates from the dated mentions of its sentences (:mod:`geo.extract.assembly` uses this).

Each mention is found, given a role and resolved by :mod:`geo.extract.dates`; here the most precise start
and end are picked, a start reported on the day of a same-day report is taken, and a date given by
another event ("on the day of the talks") is looked up in an earlier sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.extract import dates as dates_mod
from geo.extract.cues import EXERCISE_NOUN
from geo.extract.draft import DraftEvent, FieldRef
from geo.extract.text import Sentence

PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


@dataclass
class Dated:
    """A date mention of an event's sentence with its role and, when it resolves, its dates."""

    role: str
    resolved: dates_mod.ResolvedDate | None
    mention_text: str
    sentence: Sentence
    week: bool = False  # "last week", "this week": finer than a month, coarser than a day


def anchor_dates(
    sentence: Sentence, earlier: list[Sentence], year_hint: int | None, published: dt.date | None
) -> list[Dated]:
    """Resolve "On the day of the Lukashenka-Putin talks" from an earlier sentence dating those talks."""
    out: list[Dated] = []
    for match in dates_mod.ANCHOR.finditer(sentence.text):
        noun = match.group("noun").lower()
        actors = set(re.findall(r"[A-Z][a-z]+", match.group("what")))
        for prior in reversed(earlier):
            if noun not in prior.text.lower() or (actors and not any(a in prior.text for a in actors)):
                continue
            spot = prior.text.lower().index(noun)
            near = [m for m in dates_mod.find_dates(prior.text) if m.month and abs(m.start - spot) < 80]
            if not near:
                continue
            resolved = dates_mod.resolve(near[0], sentence=prior.text, published=published, year_hint=year_hint)
            rest = sentence.text[match.end() :]
            role = "start" if dates_mod.PAST_START.search(rest) or re.search(r"\bbegin|\bstart", rest) else "none"
            if resolved is not None:
                how = f"{match.group(0)!r} = {near[0].text!r}, the date of the {noun} in: {prior.text}"
                resolved = dates_mod.ResolvedDate(resolved.first, None, resolved.precision, how)
            out.append(Dated(role, resolved, match.group(0), sentence))
            break
    return out


#: A mention that writes a calendar date (a day number), not a day relative to the report ("on Friday", "today").
_CALENDAR = re.compile(r"\d")


def best(candidates: Sequence[tuple[str, str, Sentence]]) -> tuple[str, str, Sentence] | None:
    """Pick the most precise (then first) of (iso, precision, sentence) candidates."""
    if not candidates:
        return None
    return max(enumerate(candidates), key=lambda ic: (PRECISION_RANK[ic[1][1]], -ic[0]))[1]


#: The longest a range may run to be an exercise's own span rather than a training period (days).
_EXERCISE_SPAN_DAYS = 45


def without_phases(dated: list[Dated]) -> list[Dated]:
    """Drop day ranges that lie within another day range said of the exercise: a phase, not the exercise.

    "On 14-16 June two ship groups took part in X …" then "The exercise … on June 9-21 involves …": the first is
    a part of the second (thirteenth pass). The container must be at most :data:`_EXERCISE_SPAN_DAYS` long and
    its sentence name an exercise word, so a training period ("the summer period from June to November") never
    swallows the exercise's own dates.
    """
    spans = [
        (d, d.resolved.first, d.resolved.last)
        for d in dated
        if d.role == "range" and d.resolved and d.resolved.precision == "day" and d.resolved.last
    ]
    outer = [
        (first, last)
        for d, first, last in spans
        if EXERCISE_NOUN.search(d.sentence.text)
        and (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days <= _EXERCISE_SPAN_DAYS
    ]
    inner = {
        id(d)
        for d, first, last in spans
        if any(o_first <= first and last <= o_last and (o_first, o_last) != (first, last) for o_first, o_last in outer)
    }
    return [d for d in dated if id(d) not in inner]


#: A count of exercises ("nearly 70 drills were held", "held more than 100 exercises", "dozens of drills").
_TALLY = re.compile(
    r"\b(?:\d[\d,]*|dozens|hundreds|scores)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:exercises|drills|manoeuvres|maneuvers|inspections|training\s+sessions)\b",
    re.I,
)


def without_tallies(dated: list[Dated]) -> list[Dated]:
    """Drop day ranges of a training period whose exercises are counted: a tally's period, not an exercise's span.

    "In the previous training period, from December 1 to June 1, nearly 70 drills were held": a range longer than
    :data:`_EXERCISE_SPAN_DAYS` in a sentence that counts exercises dates none of them (fourteenth pass, dev 270).
    """

    def tally(d: Dated) -> bool:
        resolved = d.resolved
        if d.role != "range" or resolved is None or resolved.last is None or resolved.precision != "day":
            return False
        span = dt.date.fromisoformat(resolved.last) - dt.date.fromisoformat(resolved.first)
        return span.days > _EXERCISE_SPAN_DAYS and bool(_TALLY.search(d.sentence.text))

    return [d for d in dated if not tally(d)]


#: A first stage or phase named just before a date: "during the exercise's first stage from September 14-21".
_FIRST_STAGE = re.compile(r"\b(?:first|initial|opening)\s+(?:stage|phase)\b|\b(?:stage|phase)\s+(?:one|1|I)\b", re.I)


def _first_stage(d: Dated) -> bool:
    """Whether a date is said of the exercise's first stage: that stage's start is the exercise's.

    "… the “second stage” for September 21-25. … during the first stage from September 14-21": the first
    stage's range dates the start, whichever sentence comes first (twenty-fourth pass, dev 425).
    """
    at = d.sentence.text.find(d.mention_text)
    return at >= 0 and bool(_FIRST_STAGE.search(d.sentence.text[max(0, at - 60) : at]))


def choose_start(dated: list[Dated], published: dt.date | None) -> tuple[tuple[str, str, Sentence] | None, str | None]:
    """Return the event's start (iso, precision, sentence) and a note on how, if it needs one.

    The most precise (then first, a calendar date before a weekday) start or range; else, or when that is
    coarser, the day a same-day report says the exercise has begun (:func:`start_reported`); else the day troops
    arrived for it.
    """
    starts = [d for d in dated if d.resolved and d.role in ("start", "range")]
    starts = [d for d in starts if _first_stage(d)] or starts
    # A calendar date ("From September 1 through 6") before a weekday of equal precision ("on Friday"), which
    # is only resolved against the publication day.
    starts.sort(key=lambda d: not _CALENDAR.search(d.mention_text))
    start = best([(d.resolved.first, d.resolved.precision, d.sentence) for d in starts if d.resolved])
    reported = start_reported(dated, start, published)
    if reported is not None:
        return reported, f"start {reported[0]}: the report of that day says the exercise had started"
    if start is None:  # troops arriving date the exercise only when nothing else does
        start = best(
            [(d.resolved.first, d.resolved.precision, d.sentence) for d in dated if d.resolved and d.role == "arrival"]
        )
    return start, None


def start_reported(
    dated: list[Dated], start: tuple[str, str, Sentence] | None, published: dt.date | None
) -> tuple[str, str, Sentence] | None:
    """The day a same-day report says the exercise had started ("said on Tuesday it had started", in a Tuesday report).

    News of a start on its publication day dates it ("has begun", or "began" when no start is dated at all); a
    report relaying an earlier statement ("has begun …,
    the ministry said on August 14", published the 15th) only bounds it. Only a day within the start found
    so far (if any), from a sentence that dates no start of its own, and only when no start day is given.
    """
    if published is None or (start is not None and start[1] == "day"):
        return None
    dating = {d.sentence.index for d in dated if d.role in ("start", "range")}
    days = sorted(
        (
            (d.resolved.first, d.sentence.index, d.sentence)
            for d in dated
            if d.resolved and d.role == "announced" and d.resolved.precision == "day" and d.sentence.index not in dating
        ),
        key=lambda day_index_sentence: day_index_sentence[:2],  # sentences themselves do not sort
    )
    for day, _, sentence in days:
        said = dates_mod.reports_start(sentence.text) and (start is None or day.startswith(start[0]))
        # the simple past ("drills that began at X, … reported on Tuesday") only when nothing else dates the start
        if day == published.isoformat() and (said or (start is None and dates_mod.reports_past_start(sentence.text))):
            return day, "day", sentence
    return None


def _coarser_within(own: str, other: str) -> bool:
    """Whether ``own`` is a year or month that holds the more precise ``other``."""
    return len(own) < len(other) and other.startswith(own)


def share_dates(events: Sequence[DraftEvent], *, answered: frozenset[int] = frozenset()) -> list[DraftEvent]:
    """Give parts reported beside their umbrella its dates when they state none finer of their own.

    "Such drills as A, B and C will be held on September 1-6 as part of the X-2023 exercise": when the
    article's other events of the same year, of the part's alliance if it states one, of another family
    and held in a country the part shares (if both say) agree on one start day, a named event whose start
    is only its name's year or a month holding that day (or that gives no date at all, in a year the article
    states: "Intelligence units are involved in the Search exercise") takes that start and end; a note says so. Events
    with days of their own are left as they are, and so are those at the positions ``answered`` (named only as the
    exercise others answer: "… in response to the X exercise").
    """
    out = list(events)
    for i, event in enumerate(events):
        if (
            event.date_precision == "day"
            or event.name is None
            or (event.start is None and event.year is None)
            or i in answered
        ):
            continue  # only a named part whose start is its name's year or a month, or none in a known year
        donors = {
            (other.start, other.end, j)
            for j, other in enumerate(events)
            if j != i
            and other.date_precision == "day"
            and other.start is not None
            and other.year == event.year
            and event.alliance in (None, other.alliance)
            and _family(other) != _family(event)  # "Iron Wolf 2025-I" beside "-II": two of a series, not parts
            and (event.start is None or _coarser_within(event.start, other.start))
            and _same_place(event, other)
        }
        if len({(start, end) for start, end, _ in donors}) != 1:
            continue
        start, end, j = min(donors, key=lambda d: d[2])
        note = f"start {start}: the date of {events[j].label}, reported with it; it states no day of its own"
        evidence = dict(event.evidence)
        if FieldRef("start") in events[j].evidence:
            evidence[FieldRef("start")] = events[j].evidence[FieldRef("start")]
        out[i] = replace(
            event,
            start=start,
            end=event.end or end,
            date_precision="day",
            evidence=evidence,
            notes=(*[n for n in event.notes if not n.startswith("start: year")], note),  # no longer the name's year
        )
    return out


def _family(event: DraftEvent) -> str:
    """The name without its year and edition ("Iron Wolf-2025-II" → "iron wolf")."""
    return re.sub(r"[\s-]*(?:(?:19|20)\d\d)(?:[-–][IVX]+)?$", "", event.name_normalized or event.name or "").lower()


def _same_place(event: DraftEvent, other: DraftEvent) -> bool:
    """Whether two events are held in a country they share, or one of them names none."""
    here = {p.country for p in event.locations if p.country}
    there = {p.country for p in other.locations if p.country}
    return not here or not there or bool(here & there)
