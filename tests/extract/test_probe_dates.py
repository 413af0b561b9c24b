"""Class probes (issue 14, start dates): the day an exercise starts, by the way real reports say it.

Made-up reports in the styles of real ones (wire copy with a dateline, ministry release, exile media, NATO
release), one class per failure seen on fresh blind batches: a weekday before the statement's day ("began on
Monday, the ministry reported on Tuesday"), a start given only by the statement's day ("drills that began …, the
press office reported on Tuesday"), a future weekday equal to the publication day ("will begin on Friday" in a
Friday report), "since April 29, 2022", "started last week" and other relative spans, an announcement beside a
start, date ranges and phases. For each probe the start (and, where the text states it, the end) was written
from the text alone, before the extractor was run; the first event's dates are compared. Guards: reports that
give no start (a past period's tally of drills, "in the coming months", "without giving dates").
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor

W = dt.date(2024, 6, 5)  # a Wednesday
T = dt.date(2024, 6, 4)  # a Tuesday
F = dt.date(2024, 6, 7)  # a Friday
W2 = dt.date(2024, 6, 12)  # the next Wednesday
#: An end the probe does not check (the text gives none, or the class is about the start).
ANY = "any"

#: class, publication date, report, expected start, expected end (or ANY)
PROBES: list[tuple[str, dt.date, str, str | None, str | None]] = [
    # 1. a weekday before the statement's day: the start is that weekday, not the statement's
    ("weekday-before-statement", W,
     "Belarus began military drills near Grodno on Monday, the defence ministry reported on Tuesday.",
     "2024-06-03", ANY),
    ("weekday-before-statement", W,
     "Belarusian military drills began on Monday in the Vitebsk region, the ministry said on Tuesday.",
     "2024-06-03", ANY),
    ("weekday-before-statement", W,
     "MINSK, June 5 (Reuters) - Russian and Belarusian troops started joint exercises at the Obuz-Lesnovsky "
     "training ground on Monday, the Belarusian defence ministry said on Tuesday.",
     "2024-06-03", ANY),
    ("weekday-before-statement", W,
     "Lithuanian troops began an exercise near Pabrade on Tuesday, the army said on Wednesday.",
     "2024-06-04", ANY),
    ("weekday-before-statement", W,
     "On Monday, the Belarusian army launched snap combat readiness drills in the Brest region, the ministry "
     "reported on Tuesday.",
     "2024-06-03", ANY),
    ("weekday-before-statement", W,
     "Russia's Baltic Fleet launched drills in the Kaliningrad region on Tuesday, Interfax reported on Wednesday.",
     "2024-06-04", ANY),
    # 2. a start dated only by the statement's day
    ("statement-day-only", T,
     "About 3,000 troops of the Western Military District are taking part in drills that began at the Mulino "
     "training ground, the district's press office reported on Tuesday.",
     "2024-06-04", ANY),
    ("statement-day-only", T,
     "Belarusian military drills began in the Gomel region, the defence ministry said on Tuesday.",
     "2024-06-04", ANY),
    ("statement-day-only", T,
     "Belarus has begun drills of its air defence forces, the ministry said on Tuesday.",
     "2024-06-04", ANY),
    ("statement-day-only", T,
     "Polish troops started an exercise near the Belarusian border, the Polish army said on Tuesday.",
     "2024-06-04", ANY),
    ("statement-day-only", T,
     "Belarusian military drills began on June 1, the ministry said on Tuesday.",
     "2024-06-01", ANY),
    # 3. a weekday equal to the publication day, in a future or present clause, is that day
    ("weekday-is-publication-day", F,
     "Polish and US troops will begin an exercise near Orzysz on Friday, the Polish army said.",
     "2024-06-07", ANY),
    ("weekday-is-publication-day", F,
     "Belarusian troops are to start drills near Brest on Friday, the defence ministry said.",
     "2024-06-07", ANY),
    ("weekday-is-publication-day", W,
     "NATO's battlegroup in Lithuania begins a live-fire exercise at the Pabrade training area Wednesday, the "
     "army said.",
     "2024-06-05", ANY),
    ("weekday-is-publication-day", F,
     "Around 500 NATO troops based in Estonia are to take part in an exercise in Latvia Friday, BNS reports.",
     "2024-06-07", ANY),
    ("weekday-is-publication-day", W,
     "Belarusian troops will hold drills near Brest next Wednesday, the ministry said.",
     "2024-06-12", ANY),
    ("weekday-is-publication-day", W,
     "Belarusian troops will hold drills near Brest on Friday, the ministry said.",
     "2024-06-07", ANY),
    # 4. "since" a day: the start of something still going on
    ("since", dt.date(2023, 3, 1),
     "Russian troops have been training in Belarus since October 10, 2022, the Belarusian defence ministry said.",
     "2022-10-10", ANY),
    ("since", W,
     "Polish troops have been conducting exercises along the Belarusian border since May 20, the army said.",
     "2024-05-20", ANY),
    ("since", W,
     "Since Monday, Belarusian troops have been holding drills near Grodno, the ministry said.",
     "2024-06-03", ANY),
    ("since", W,
     "Lithuanian troops have been exercising near Rukla since 1 June; the drills will last until 14 June, the "
     "army said.",
     "2024-06-01", "2024-06-14"),
    ("since", dt.date(2023, 10, 8),
     "Joint Belarusian-Russian exercises, held since April 29, 2022, were extended until October 15, the "
     "Belarusian defence ministry said on Sunday.",
     "2022-04-29", "2023-10-15"),
    # 5. relative spans: last week, this week, next week, next month, yesterday, tomorrow
    ("relative", W2,
     "Belarusian troops completed a snap combat readiness check that started last week, the ministry said.",
     "2024-06", ANY),
    ("relative", W,
     "Belarus is holding military drills with its reserve units this week, the ministry said.",
     "2024-06", ANY),
    ("relative", W,
     "Belarus will hold large-scale military drills near the Polish border next month, the defence ministry said.",
     "2024-07", ANY),
    ("relative", W,
     "Russian and Belarusian forces will hold joint exercises next week near Brest.",
     "2024-06", ANY),
    ("relative", W,
     "Belarusian troops started drills at the Gozhsky training ground yesterday, the ministry said.",
     "2024-06-04", ANY),
    ("relative", W,
     "Polish troops will begin drills near the Belarusian border tomorrow, the army said.",
     "2024-06-06", ANY),
    ("relative", W,
     "Lithuania will host NATO drills later this month, the defence ministry said.",
     "2024-06", ANY),
    # 6. an announcement beside the start
    ("announcement", W2,
     "On June 10, a snap inspection of the combat readiness of the Belarusian armed forces was announced.",
     "2024-06-10", ANY),
    ("announcement", W2,
     "On June 10, the Belarusian defence ministry announced that drills with reservists will be held in September.",
     "2024-09", ANY),
    ("announcement", W2,
     "The Belarusian ministry announced on Monday that joint drills with Russia will start on June 20.",
     "2024-06-20", ANY),
    ("announcement", W,
     "Lithuania said on Tuesday it will hold military drills near the Belarusian border from June 10 to 14.",
     "2024-06-10", "2024-06-14"),
    ("announcement", W,
     "Belarus announced on Tuesday a snap check of its troops' combat readiness near the Polish border.",
     "2024-06-04", ANY),
    # 7. ranges and phases
    ("range", W,
     "Belarus and Russia will hold joint drills from 10 to 14 June at the Brest training ground.",
     "2024-06-10", "2024-06-14"),
    ("range", dt.date(2025, 9, 1),
     "The active phase of the Zapad-2025 exercise will take place on September 12-16, the ministry said.",
     "2025-09-12", "2025-09-16"),
    ("range", W,
     "NATO's BALTOPS 2024 exercise runs from June 7 to June 20 in the Baltic Sea.",
     "2024-06-07", "2024-06-20"),
    ("range", W,
     "Between June 10 and June 14, Belarusian and Russian paratroopers will train together near Brest.",
     "2024-06-10", "2024-06-14"),
    ("range", W,
     "Joint drills of Belarusian and Russian troops, which began on June 1, will end on Friday, the ministry said.",
     "2024-06-01", "2024-06-07"),
    ("range", W,
     "From 3 to 7 June, a tactical exercise with the 11th mechanised brigade is being held at the Gozhsky "
     "training ground, the Belarusian ministry said.",
     "2024-06-03", "2024-06-07"),
    ("range", W,
     "Exercise Saber Strike 24 kicked off on 3 June in Lithuania, with troops from 13 Allied nations.",
     "2024-06-03", ANY),
    ("range", W,
     "Belarusian military drills, which will run until June 14, began on Monday, the ministry said.",
     "2024-06-03", "2024-06-14"),
    ("range", W,
     "According to Hajun, Russian troops arrived in Belarus on Monday for joint drills that started on Tuesday "
     "near Asipovichy.",
     "2024-06-04", ANY),
    # 8. a past period's tally of drills is no start
    ("tally", W,
     "In the winter training period, from December 1 to May 31, the Belarusian army held more than 100 "
     "exercises, the ministry said. Brigade tactical exercises are planned for July.",
     "2024-07", ANY),
    ("tally", W,
     "Over the past six months, from December 1 to June 1, more than 50 drills were held in the Western Military "
     "District, the press service said. Russian troops began a tactical exercise near Pskov on Monday.",
     "2024-06-03", ANY),
    ("tally", W,
     "Belarusian troops held drills near Brest on Tuesday. Since the start of the year, the army has held 40 such "
     "exercises.",
     "2024-06-04", ANY),
]  # fmt: skip

#: class, publication date, report: no start may be read (an event without a start, or none at all)
GUARDS: list[tuple[str, dt.date, str]] = [
    ("coming-months", W,
     "Belarus will hold military drills near the Polish border in the coming months, the ministry said on Tuesday."),
    ("without-dates", W,
     "The Belarusian defence ministry said on Tuesday it would hold snap drills, without giving dates."),
    ("tally-alone", W,
     "Belarusian troops held 70 exercises from December 1 to June 1, the ministry said on Tuesday."),
    ("week-across-months", dt.date(2024, 5, 29),
     "Belarus is holding military drills with its reserve units this week."),
    # a statement relayed a day later only bounds the start (event_dates.start_reported, sixth pass)
    ("relayed-statement", W,
     "Belarus has begun drills of its air defence forces, the ministry said on Tuesday."),
    ("last-week-across-months", W,
     "Belarusian troops held drills near Lida last week, the ministry said on Wednesday."),
]  # fmt: skip


#: Probes still failing, and why (README "Date probes, tenth session"): no event at all (an event-recall matter, not
#: the date class) and an arrival day beside the drills' own start.
STILL_FAILING = {
    "since-17": "no event: 'have been training in Belarus' is no exercise cue",
    "relative-25": "no event: 'will hold joint exercises next week near Brest' with no country named as host",
    "range-37": "no event: 'will train together' is no exercise cue",
    "range-39": "no event: 'a tactical exercise with the 11th mechanised brigade is being held' names no country",
    "range-42": "the arrival's Monday is read as the drills' start before their own Tuesday",
}


def probe_dates(extractor: Extractor, text: str, published: dt.date) -> tuple[str | None, str | None]:
    """Return the first event's start and end (``("none", "none")`` when no event is found)."""
    events = extractor.extract(text, published=published).events
    return (events[0].start, events[0].end) if events else ("none", "none")


@pytest.mark.parametrize(
    ("kind", "published", "text", "start", "end"),
    [
        pytest.param(*p, id=f"{p[0]}-{i}", marks=[pytest.mark.xfail(reason=why, strict=True)] if why else [])
        for i, p in enumerate(PROBES)
        for why in [STILL_FAILING.get(f"{p[0]}-{i}")]
    ],
)
def test_date_probe(
    extractor: Extractor, kind: str, published: dt.date, text: str, start: str | None, end: str | None
) -> None:
    got_start, got_end = probe_dates(extractor, text, published)
    assert got_start == start, kind
    assert end in (ANY, got_end), kind


@pytest.mark.parametrize(("kind", "published", "text"), GUARDS, ids=[g[0] for g in GUARDS])
def test_date_guard(extractor: Extractor, kind: str, published: dt.date, text: str) -> None:
    events = extractor.extract(text, published=published).events
    assert all(event.start is None for event in events), kind
