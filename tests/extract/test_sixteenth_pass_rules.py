"""The mechanisms added for the sixteenth blind batch of real reports (Belarusian exile and independent media, ids
292-301): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.dates import date_role, find_dates
from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 5, 12)  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("The drills come a week before the CSTO summit in Minsk scheduled for May 19-20.", "none"),
        ("Defence ministers will hold talks on May 19-20 about the drills.", "none"),
        ("The foreign ministers' meeting from May 19 to 20 will discuss the exercise.", "none"),
        # the exercise's own range, an exercise word nearer than another event's noun
        ("The exercise scheduled for May 19-20 near Brest follows the summit.", "range"),
        ("After the summit, the drills will run on May 19-20 near Brest.", "range"),
        ("Belarus will hold drills from May 19 to 20 near Brest.", "range"),
    ],
)
def test_a_range_of_another_event_dates_no_exercise(sentence, role):
    (mention,) = [m for m in find_dates(sentence) if m.is_range]
    assert date_role(sentence, mention) == role


@pytest.mark.parametrize(
    "sentence",
    [
        "Belarus and Kazakhstan launched joint drills on Monday near Brest, ahead of the CSTO summit scheduled for "
        "May 19-20.",
        "Joint drills began on Monday near Brest, days before talks in Minsk set for May 19-21.",
    ],
)
def test_an_exercise_keeps_its_own_start_beside_a_summit_range(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2026-05-11"


@pytest.mark.parametrize(
    "sentence",
    [
        "The director of a department at the Russian Foreign Ministry spoke of the drills near Brest.",
        "The plan was confirmed at the Polish Defence Ministry, and the drills began near Grodno on Monday.",
    ],
)
def test_a_demonym_after_a_preposition_is_no_town(sentence):
    assert [m.text for m in find_places(sentence) if m.form == "town"] in (["Brest"], ["Grodno"])


def test_a_demonym_before_a_range_still_places_the_range_in_its_country():
    assert [(m.text, m.form) for m in find_places("Units trained at the Russian range on Monday.")] == [
        ("Russian range", "country")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow does not rule out holding joint military exercises with Belarus to test new weapons, a diplomat "
        "told reporters.",
        "Minsk did not rule out conducting more drills with Russian forces, the official said.",
        "If necessary, it is possible to hold military drills with Belarus in the future, the official said.",
        "Such drills could be held in the future, the minister said.",
    ],
)
def test_an_exercise_only_said_to_be_possible_is_no_event(extractor, sentence):
    assert extractor.extract(sentence, published=PUBLISHED).events == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # a planned exercise, and a hedge about what happens during one already under way
        "Russia and Belarus will hold joint military exercises at the Brestsky training ground from May 19 to 23, the "
        "ministry said.",
        "Kyiv did not rule out that Russian units would take part in the drills that began near Brest on Monday.",
    ],
)
def test_a_planned_or_running_exercise_stays_an_event(extractor, sentence):
    assert len(extractor.extract(sentence, published=PUBLISHED).events) == 1


def test_a_part_named_before_and_listed_again_under_its_umbrella_takes_the_list_sentence(extractor):
    text = (
        "The defence minister spoke at the Echelon-2026 drills that are being held in the Gomel Region. "
        "From May 11 through 15, three joint drills are being held in Belarus as part of the Combat Brotherhood-2026 "
        "maneuvers: Interaction-2026 will drill the rapid reaction forces; Search-2026 will involve intelligence "
        "units; Echelon-2026 will use logistics units."
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=PUBLISHED).events}
    assert {loc.text for loc in events["Echelon-2026"].locations} >= {"the Gomel Region", "Belarus"}
    # the parts named here for the first time are held where the umbrella is, as before
    assert "Belarus" in {loc.text for loc in events["Search-2026"].locations}
