"""Rules for the classes the fifth blind batch of real reports showed (tests/extract/realdev, ids 130-139).

Every sentence here is made up in the shape of a class, with invented exercise names; none is copied from the
real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.names import NameLexicon, find_names
from geo.extract.participants import find_parties


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A list opening the sentence with "The", abbreviations without "the".
        ("The U.S., UK, Norway, and Finland will take part in this year's drills.", ["USA", "GBR", "NOR", "FIN"]),
        # Soldiers "are from" a list.
        (
            "The allied soldiers taking part in the manoeuvres beside Finnish troops are from the US, Sweden and "
            "Norway.",
            ["FIN", "USA", "SWE", "NOR"],
        ),
        # The country whose exercise it is.
        ("Norway's largest annual military exercise Polar Lance will take place in the north.", ["NOR"]),
        # Observers "are from" countries that do not take part.
        ("The observers at the exercise are from Austria and Sweden.", []),
    ],
)
def test_participant_lists(sentence: str, expected: list[str]) -> None:
    assert [p.iso3 for p in find_parties(sentence) if p.role == "participant"] == expected


@pytest.mark.parametrize(
    ("sentence", "seen", "expected"),
    [
        # A name with a year before an apposition that calls it an exercise, four or two digits.
        (
            "Copper Lynx 2019, the largest military training exercise in years, is getting under way.",
            (),
            ["Copper Lynx-2019"],
        ),
        ("Riga, May 4 Copper Lynx 21, the annual national defence exercise, started today.", (), ["Copper Lynx-2021"]),
        # Two digits without an apposition are no name ("Route 66, a road").
        ("Tallinn Route 24, a new road, opened today.", (), []),
        # A family's translation right after an exercise word, ending the clause.
        ("Rescue units are participating in the special exercise Cliff.", (), ["Rock"]),
        # A bracketed alias is the same name, and the year after the bracket is its year.
        ("The Iron Wolf (Geležinis Vilkas) 2031 exercise will take place in Lithuania.", (), ["Iron Wolf-2031"]),
        # A one-word name the article gave before, opening a sentence.
        ("The Kestrel exercise is organised with allies.", ("Kestrel",), ["Kestrel"]),
        ("The Kestrel exercise is organised with allies.", (), []),
    ],
)
def test_names(lexicon: NameLexicon, sentence: str, seen: tuple[str, ...], expected: list[str]) -> None:
    assert [n.normalized for n in find_names(sentence, lexicon, frozenset(seen))] == expected


def _event(extraction, name: str):  # type: ignore[no-untyped-def]
    """The event of that name, with or without the year the extractor gives it."""
    return next(
        e for e in extraction.events if (e.name_normalized or "").removesuffix("-2031") == name.removesuffix("-2031")
    )


def test_plural_events_sentence_gives_every_part_its_participants(extractor: Extractor) -> None:
    text = (
        "MINSK, May 10. /TASS/. The CSTO exercises Combat Brotherhood-2031 are held in Belarus from May 10 to 15.\n\n"
        "Signal units are involved in the Search exercise. During the Echelon exercise supply is practiced.\n\n"
        "Contingents from Belarus, Kazakhstan, Russia and Tajikistan are taking part in the events."
    )
    extraction = extractor.extract(text, published=dt.date(2031, 5, 10))
    for name in ("Combat Brotherhood-2031", "Search-2031", "Echelon-2031"):
        event = _event(extraction, name)
        assert set(event.participants) >= {"BLR", "KAZ", "RUS", "TJK"}, name
        assert event.start == "2031-05-10", name  # the parts named without a year or date take the umbrella's


def test_these_exercises_of_a_recalled_exercise_stay_with_it(extractor: Extractor) -> None:
    text = (
        "MINSK, May 10. The CSTO exercises Combat Brotherhood-2031 are held in Belarus from May 10 to 15.\n\n"
        "Signal units are involved in the Search exercise.\n\n"
        "The previously planned Copper Lynx-2031 drills near the border were moved inland. The Russian and "
        "Belarusian troops taking part in these exercises can return to the western border."
    )
    extraction = extractor.extract(text, published=dt.date(2031, 5, 10))
    main = _event(extraction, "Combat Brotherhood-2031")
    assert not any("western" in p.text for p in main.locations)
    assert "RUS" not in main.participants


def test_a_calendar_range_beats_a_weekday_of_the_same_precision(extractor: Extractor) -> None:
    # 2031-05-09 is a Friday; "on Friday" alone would be read as a week on (the unit tests' convention).
    text = (
        "MINSK, May 9. The Copper Lynx-2031 drills will begin on the territory of Belarus on Friday.\n\n"
        "From May 9 through 14, three drills will be held in the country."
    )
    event = extractor.extract(text, published=dt.date(2031, 5, 9)).events[0]
    assert event.start == "2031-05-09"


def test_part_takes_the_alliance_of_its_umbrella(extractor: Extractor) -> None:
    text = (
        "Troops from Germany, Poland and Lithuania take part in the exercise Northern Lance 2031 in Latvia.\n\n"
        'The annual exercise "Copper Lynx", organised by the Mechanised Brigade, will take place as part of the '
        "exercise Northern Lance 2031."
    )
    extraction = extractor.extract(text, published=dt.date(2031, 5, 9))
    umbrella, part = _event(extraction, "Northern Lance-2031"), _event(extraction, "Copper Lynx-2031")
    assert umbrella.alliance == "NATO"
    assert part.alliance == "NATO"
    assert any("which it is part of" in note for note in part.notes)
