"""The mechanisms added for the twenty-first blind batch of real reports (events and precision, ids 390-399).

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.extract_checks import participants_of

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("Latvian armed forces have raised their combat readiness due to the coming exercises in Russia.", "LVA"),
        ("The Estonian military was put on heightened alert ahead of the Russian drills near its border.", "EST"),
        ("Moldova's armed forces are 'ready' for any scenario during Russia's military exercises.", "MDA"),
        ("Finnish troops were spotted near the eastern border ahead of large Russian maneuvers.", "FIN"),
        ("Georgian forces are closely monitoring the situation during the Russian war games in Abkhazia.", "GEO"),
    ],
)
def test_forces_reacting_to_another_countrys_exercise_take_no_part(sentence, iso3):
    assert iso3 not in participants_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        # their own check: the forces on alert are the exercise's
        ("Armenian units were put on high alert during the snap inspection of the army.", "ARM"),
        # ready for an exercise they join
        ("Kazakh troops are ready for the joint drills with Kyrgyz units.", "KAZ"),
        # arriving ahead of another country's exercise is taking part in it
        ("Czech soldiers arrived in Slovakia ahead of the Slovak military exercise.", "CZE"),
    ],
)
def test_forces_on_alert_in_their_own_exercise_take_part(sentence, iso3):
    assert iso3 in participants_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("Officials expect planned massive Hungarian exercises near the border next month.", "HUN"),
        ("Romanian military drills began on the coast.", "ROU"),
    ],
)
def test_a_demonym_before_the_exercise_word_holds_it(sentence, iso3):
    assert participants_of(sentence) == [iso3]


@pytest.mark.parametrize(
    "sentence",
    [
        "Serbia held drills in response to Croatian exercises near the border.",
        "The Serbian check was synchronized with the Croatian exercises.",
        "Unlike Croatian drills, the Serbian ones were announced in advance.",
    ],
)
def test_an_exercise_another_answers_or_is_compared_with_is_not_held_by_the_subject(sentence):
    assert "HRV" not in participants_of(sentence)


def test_a_reaction_to_drills_is_no_party_of_them(extractor):
    text = (
        "The Georgian army has raised its readiness due to the upcoming military drills in Armenia, scheduled for "
        "June 1-5. Armenian and Russian troops will take part."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [sorted(e.participants) for e in events] == [["ARM", "RUS"]]


def test_this_years_drills_beside_next_years_plan_are_another_event(extractor):
    text = (
        "Rapid reaction forces of the CSTO will hold an exercise in Tajikistan in 2027.\n\n"
        "The defence ministers adopted the plan on Friday.\n\n"
        "As for the current year, such exercises will be held in October in Armenia and Kazakhstan."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [(e.year, sorted(loc.country for loc in e.locations)) for e in events] == [(2027, ["TJK"])]


def test_this_year_beside_a_main_event_of_the_same_year_stays_the_main_event(extractor):
    text = (
        "Rapid reaction forces of the CSTO will hold an exercise in Tajikistan in 2026.\n\n"
        "As for the current year, the exercise will be held in October."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert len(events) == 1
    assert events[0].start == "2026-10"


@pytest.mark.parametrize(
    ("text", "alliance"),
    [
        ("A total of 900 servicemen from the special forces of 11 countries took part in the exercise, the Estonian "
         "military said. Estonian special forces led the drills.", "NATO"),
        # one country alone stays national
        ("A total of 900 servicemen of the Estonian special forces took part in the exercise. Estonian special "
         "forces led the drills.", "national"),
    ],
)  # fmt: skip
def test_forces_of_many_countries_make_a_multinational_exercise(extractor, text, alliance):
    events = extractor.extract(text, published=PUBLISHED).events
    assert [e.alliance for e in events] == [alliance]
