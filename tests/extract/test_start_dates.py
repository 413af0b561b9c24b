"""Start dates of real-report shapes (issue 14): a table of (publication date, made-up report, expected start).

Each report is written here in the style of a failure class seen on real reports — a day relative to the
publication date ("on Monday", "tomorrow", "next week", "from Tuesday"), a wire or TASS dateline, ranges
with the day first or the month abbreviated, a month without a year across the New Year, a start reported
only as announced ("said on Tuesday it had started"), a meeting's day beside the exercise's month, and an
exercise name that holds a war word. None is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.dates import find_dates, resolve

_d = dt.date.fromisoformat

# (id, publication date, report, expected start of its first event)
CASES = [
    # A day relative to the publication date (2025-03-12 is a Wednesday).
    (
        "on-monday-past",
        "2025-03-12",
        "Belarus began snap drills of its air force on Monday, the ministry said.",
        "2025-03-10",
    ),
    (
        "from-weekday-future",
        "2025-03-12",
        "Belarusian artillery units will hold military exercises from Saturday near Lida.",
        "2025-03-15",
    ),
    (
        "tomorrow",
        "2025-03-12",
        "Joint Russian-Belarusian drills start tomorrow at a range near Baranovichi.",
        "2025-03-13",
    ),
    (
        "next-week-in-one-month",
        "2025-03-12",
        "Belarus will hold military drills with its reserve units next week, the ministry said.",
        "2025-03",
    ),
    (
        "this-week-across-months",
        "2025-04-30",
        "Belarus is holding military drills with its reserve units this week.",
        None,
    ),
    (
        "weekday-of-a-named-exercise",
        "2025-03-12",
        "The Union Shield-2025 exercise opened on Tuesday in the Brest region.",
        "2025-03-11",
    ),
    (
        "next-same-weekday-is-a-week-on",
        "2021-09-08",
        "Belarus will hold military drills near Grodno from next Wednesday.",
        "2021-09-15",
    ),
    (
        "would-begin-in-reported-speech",
        "2021-09-06",
        "The defence ministry said on Monday that joint military drills would begin on Wednesday near Brest.",
        "2021-09-08",
    ),
    (
        "would-continue-from-the-reports-own-weekday",
        "2022-01-18",
        "Belarus said on Tuesday that the joint military drills would continue from Tuesday until Feb. 9.",
        "2022-01-18",
    ),
    (
        "end-of-the-month",
        "2021-09-06",
        "Belarus will hold military drills at the end of the month near Brest.",
        "2021-09",
    ),
    (
        "under-way-since-a-weekday",
        "2024-03-06",
        "Belarusian troops have been holding military drills since Monday near Grodno.",
        "2024-03-04",
    ),
    (
        "began-arriving-is-no-start",
        "2022-01-18",
        "Russian troops began arriving in Belarus on Monday for the Union Resolve-2022 drills, which run Feb. 10-20.",
        "2022-02-10",
    ),
    # Datelines date the report, not the exercise.
    (
        "reuters-dateline",
        "2024-09-14",
        "MINSK, Sept 14 (Reuters) - Belarus said it will hold drills near the Polish border from Sept. 20-24.",
        "2024-09-20",
    ),
    (
        "tass-dateline",
        "2024-09-14",
        "MINSK, September 14. /TASS/. Belarusian signal troops will hold exercises from 18 to 21 "
        "September, the ministry said.",
        "2024-09-18",
    ),
    # Ranges without a year, and the New Year.
    (
        "day-month-range",
        "2021-08-30",
        "Russian and Belarusian troops will hold joint drills from 10 to 16 September at the Obuz-Lesnovsky range.",
        "2021-09-10",
    ),
    (
        "ordinal-days-of-the-month",
        "2021-08-30",
        "The Zapad-2021 drills will take place from the 10th to the 16th of September.",
        "2021-09-10",
    ),
    (
        "abbreviated-month-range",
        "2021-08-30",
        "The drills of the airborne brigades are scheduled for Sept. 10-16 near Brest.",
        "2021-09-10",
    ),
    (
        "december-report-january-drills",
        "2022-12-28",
        "Belarusian and Russian air units will hold joint drills from January 16 to February 1.",
        "2023-01-16",
    ),
    (
        "january-report-december-drills",
        "2023-01-04",
        "Belarus held snap drills of its engineering troops in late December, the ministry said.",
        "2022-12",
    ),
    # A start reported only by its announcement.
    (
        "said-it-has-started",
        "2023-10-03",
        "The Belarusian defence ministry said on Tuesday it has started exercises to check combat readiness.",
        "2023-10-03",
    ),
    # Reported speech shifts "we have started" back to "it had started": the statement's day, like "has started".
    (
        "had-started-relays-has-started",
        "2023-10-03",
        "The Belarusian defence ministry said on Tuesday it had started exercises to check combat readiness.",
        "2023-10-03",
    ),
    (
        "had-started-relayed-next-day",
        "2023-10-04",
        "The Belarusian defence ministry said on Tuesday it had started exercises to check combat readiness.",
        None,
    ),
    (
        "has-begun-relayed-next-day",
        "2023-10-04",
        "Belarusian military drills have begun in the Vitebsk region, the ministry said on Tuesday.",
        None,
    ),
    (
        "announced-the-start",
        "2026-05-18",
        "The defence ministry on Monday announced the start of air defence drills in the Gomel region.",
        "2026-05-18",
    ),
    (
        "has-begun-said-on",
        "2022-12-13",
        "A snap check of the readiness of Belarusian troops has begun in the Vitebsk region, the ministry"
        " said on Tuesday.",
        "2022-12-13",
    ),
    (
        "a-later-stage-has-begun",
        "2024-06-11",
        "Belarusian troops have begun the active phase of the military drills, the ministry said on Tuesday.",
        None,
    ),
    (
        "announced-drills-held-later",
        "2022-01-17",
        "Lukashenko announced the joint military drills with Russia on Monday; they will take place in February.",
        "2022-02",
    ),
    (
        "announced-but-to-come",
        "2023-10-03",
        "The ministry said on Tuesday that drills of its signal troops will begin in November.",
        "2023-11",
    ),
    # The day of a meeting about the exercise is not its start.
    (
        "meeting-day-is-not-a-start",
        "2016-08-26",
        "Slavic Brotherhood-2016 will take place at the beginning of November. Officers discussed "
        "preparations for the exercise at a meeting in Belgrade on Thursday.",
        "2016-11",
    ),
    # A background clause of war does not hide the sentence that dates the exercise.
    (
        "while-war-clause",
        "2023-08-24",
        "The CSTO will hold an exercise in Belarus in September. From September 1 to 6, Belarus will host"
        " the CSTO exercise Combat Brotherhood-2023 – while in neighbouring Ukraine the war goes on.",
        "2023-09-01",
    ),
]


@pytest.mark.parametrize(("published", "text", "start"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_start_date_of_a_report(extractor: Extractor, published: str, text: str, start: str | None) -> None:
    events = extractor.extract(text, published=_d(published)).events
    assert events, "no event found"
    assert events[0].start == start, events[0].notes


@pytest.mark.parametrize(
    ("published", "sentence", "first"),
    [
        ("2025-03-12", "drills next week", "2025-03"),  # 17-23 March
        ("2025-03-27", "drills next week", None),  # 31 March - 6 April: two months
        ("2025-03-12", "drills last week", "2025-03"),
    ],
)
def test_a_week_resolves_to_its_month_only_when_it_lies_in_one(
    published: str, sentence: str, first: str | None
) -> None:
    (mention,) = find_dates(sentence)
    resolved = resolve(mention, sentence=sentence, published=_d(published), role="start")
    assert (resolved.first if resolved else None) == first


def test_troops_arriving_date_the_exercise_only_when_nothing_else_does(extractor: Extractor) -> None:
    arrival = "Another Russian battalion arrived in Belarus on Tuesday to take part in the joint drills."
    (event,) = extractor.extract(
        arrival + " The drills are scheduled from September 1 to 6.", published=_d("2023-08-29")
    ).events
    assert event.start == "2023-09-01"
    (event,) = extractor.extract(arrival, published=_d("2023-08-29")).events
    assert event.start == "2023-08-29"


def test_named_parts_take_the_date_of_the_exercise_reported_with_them(extractor: Extractor) -> None:
    text = (
        "The CSTO will hold its Combat Brotherhood-2024 exercise in Belarus from September 2 to 7. The Search-2024 "
        "reconnaissance drills and the Echelon-2024 logistics drills are planned as part of it."
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=_d("2024-08-20")).events}
    for part in ("Search-2024", "Echelon-2024"):
        assert (events[part].start, events[part].end) == ("2024-09-02", "2024-09-07")
        assert any("the date of Combat Brotherhood-2024" in note for note in events[part].notes)


def test_a_later_edition_of_a_series_does_not_take_the_earlier_ones_date(extractor: Extractor) -> None:
    text = (
        "The Iron Wolf 2025-I exercise ran in Lithuania from March 3 to 14, the army said. The Iron Wolf 2025-II "
        "exercise will follow in Lithuania."
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=_d("2025-03-20")).events}
    assert events["Iron Wolf-2025-II"].start == "2025"


def test_an_exercise_named_brotherhood_of_war_is_named_and_dated(extractor: Extractor) -> None:
    text = (
        "Such drills as Interaction and Search will be held on September 1-6 as part of the Brotherhood of War "
        "2023 joint operational/strategic exercise in Belarus."
    )
    events = extractor.extract(text, published=_d("2023-05-18")).events
    # The umbrella is the Combat Brotherhood series under its translated name; its listed parts share its dates.
    assert {(e.name_normalized, e.start) for e in events} == {
        ("Combat Brotherhood-2023", "2023-09-01"),
        ("Interaction", "2023-09-01"),
        ("Search", "2023-09-01"),
    }
