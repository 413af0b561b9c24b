"""Class probes (issue 14, class 5): several exercises in one report, and starts relative to the publication date.

Made-up sentences: weekdays before and after past, present and future start verbs ("on Monday", "starts
Saturday", "troops begin … on Monday" in a Sunday report), "today", "yesterday", "next week" across a month's
end, "this month", "next month", "later this month", a weekday with its date; an umbrella with named parts
("includes the A, B and C drills", "As part of X, the A and B drills", "Within the framework of X, NATO will hold
A … and B …", "part of the larger X manoeuvres"), two exercises in two sentences, and names with a two-digit year
("Amber Falcon-24", "Brilliant Jump 24") beside an exercise word, opening a sentence or after an event verb.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geo.extract import Extractor

W = dt.date(2024, 6, 5)  # a Wednesday

#: sentence, publication date, checks: ``start`` of the first event, ``names`` among the events' names
PROBES: list[tuple[str, dt.date, dict[str, Any]]] = [
    ("Belarus began military drills near Grodno on Monday, the defence ministry said.", W, {"start": "2024-06-03"}),
    (
        "Belarusian troops launched an exercise on Tuesday at the Brest training ground, the ministry said.",
        W,
        {"start": "2024-06-04"},
    ),
    (
        "MINSK, June 5 (Reuters) - Belarus on Tuesday started snap drills near the Polish border, the defence ministry said.",  # noqa: E501
        W,
        {"start": "2024-06-04"},
    ),
    (
        "Russian and Belarusian troops will begin joint drills on Friday, the Russian defence ministry said.",
        W,
        {"start": "2024-06-07"},
    ),
    (
        "The Union Shield-2024 exercise starts Saturday at the Mulino training ground, the ministry said.",
        W,
        {"start": "2024-06-08"},
    ),
    ("Belarusian troops began an exercise near Brest today, the defence ministry said.", W, {"start": "2024-06-05"}),
    (
        "Belarusian troops began an exercise near Brest yesterday, the defence ministry said.",
        W,
        {"start": "2024-06-04"},
    ),
    (
        "The Iron Wolf 2024-I exercise kicked off in Lithuania on Monday, the Lithuanian army said.",
        W,
        {"start": "2024-06-03"},
    ),
    (
        "Lithuanian and German troops will start the Iron Wolf 2024-II exercise later this month, the army said.",
        W,
        {"start": "2024-06"},
    ),
    (
        "The Zapad-2025 exercise will be held in September, the Belarusian defence ministry said.",
        W,
        {"start": "2025-09"},
    ),
    (
        "Russian troops will hold drills in the Pskov region from June 10 to 15, the Russian defence ministry said.",
        W,
        {"start": "2024-06-10"},
    ),
    (
        "Belarusian troops held drills on Sunday, June 2, near Brest, the defence ministry said.",
        W,
        {"start": "2024-06-02"},
    ),
    # several exercises in one report
    (
        "The CSTO exercise Combat Brotherhood-2024 includes the Interaction-2024, Search-2024 and Echelon-2024 drills at the Losvido training ground.",  # noqa: E501
        W,
        {"names": {"Combat Brotherhood-2024", "Interaction-2024", "Search-2024", "Echelon-2024"}},
    ),
    (
        "As part of Defender Europe 24, the Saber Strike 24 and Swift Response 24 drills will be held in Poland and Lithuania.",  # noqa: E501
        W,
        {"names": {"Defender Europe-2024", "Saber Strike-2024", "Swift Response-2024"}},
    ),
    (
        "Iron Wolf 2024-I began in Lithuania on Monday. Separately, Polish troops started the Dragon-24 exercise near Orzysz on Tuesday.",  # noqa: E501
        W,
        {"names": {"Iron Wolf-2024-I", "Dragon-2024"}},
    ),
    (
        "The Zapad-2025 strategic exercise, of which the Union Shield drills are a part, will be held at the Borisovsky and Mulino training grounds.",  # noqa: E501
        W,
        {"names": {"Zapad-2025"}},
    ),
    (
        "Within the framework of Steadfast Defender 24, NATO will hold Brilliant Jump 24 in Norway and Saber Strike 24 in Poland.",  # noqa: E501
        W,
        {"names": {"Steadfast Defender-2024", "Brilliant Jump-2024", "Saber Strike-2024"}},
    ),
    (
        "Belarusian troops will begin an exercise near Brest next week, the defence ministry said.",
        dt.date(2024, 6, 28),
        {"start": "2024-07"},
    ),
    ("Belarusian troops will hold drills near Brest this month, the defence ministry said.", W, {"start": "2024-06"}),
    (
        "Russian troops will hold drills in the Pskov region next month, the defence ministry said.",
        W,
        {"start": "2024-07"},
    ),
    (
        "Lithuanian troops begin the Iron Wolf 2024-II exercise on Monday, the army said on Sunday.",
        dt.date(2024, 6, 2),
        {"start": "2024-06-03"},
    ),
    (
        "Lithuanian troops began the Iron Wolf 2024-II exercise on Monday, the army said.",
        dt.date(2024, 6, 3),
        {"start": "2024-06-03"},
    ),
    (
        "The Amber Falcon-24 exercise began in Lithuania on Tuesday, the Lithuanian army said.",
        W,
        {"names": {"Amber Falcon-2024"}, "start": "2024-06-04"},
    ),
    (
        "Poland will host the multinational drills Amber Falcon 24 from June 10, the Polish army said.",
        W,
        {"names": {"Amber Falcon-2024"}, "start": "2024-06-10"},
    ),
    (
        "NATO allies will hold Brilliant Jump 24 in Norway, the alliance said on Wednesday.",
        W,
        {"names": {"Brilliant Jump-2024"}},
    ),
    (
        "The Union Shield-2023 exercise, part of the larger Zapad-2023 manoeuvres, will start on Thursday.",
        W,
        {"names": {"Union Shield-2023", "Zapad-2023"}},
    ),
    (
        "Latvian soldiers trained not only at the Adazi base but also in the vicinity of Riga during Namejs 2024.",
        W,
        {"names": {"Namejs-2024"}},
    ),
]


@pytest.mark.parametrize(("text", "published", "checks"), PROBES)
def test_several_exercises_and_relative_starts(
    extractor: Extractor, text: str, published: dt.date, checks: dict[str, Any]
) -> None:
    events = extractor.extract(text, published=published).events
    assert events
    if "start" in checks:
        assert events[0].start == checks["start"], [(e.label, e.start) for e in events]
    if "names" in checks:
        assert set(checks["names"]) <= {e.name_normalized for e in events}, [e.name_normalized for e in events]


def test_the_start_as_a_noun_is_no_present_start_verb(extractor: Extractor) -> None:
    text = "Belarusian troops marked the start of the exercise on Monday, the defence ministry said."
    (event,) = extractor.extract(text, published=W).events
    assert event.start in (None, "2024-06-03")  # never the Monday after the report


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Belarusian units drilled in the regions of Gomel and Mogilev, the defence ministry said.", "BLR"),
        ("Polish troops exercised near Orzysz on Tuesday, the army said.", "POL"),
        ("Russian paratroopers also drilled at a range in the Pskov region, the Russian defence ministry said.", "RUS"),
    ],
)
def test_forces_that_drilled_held_drills(extractor: Extractor, text: str, country: str) -> None:
    (event,) = extractor.extract(text, published=W).events
    assert country in event.participants and country in {p.country for p in event.locations}


def test_exercising_a_right_is_no_drill(extractor: Extractor) -> None:
    assert extractor.extract("The government exercised its right to veto, the minister said.", published=W).events == ()
