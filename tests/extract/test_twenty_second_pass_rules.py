"""The mechanisms added for the twenty-second blind batch of real reports (NATO's eastern flank, ids 400-409).

One test per rule. Each sentence is made up for the test in the style of the failure class it covers; none is
copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.dates.mentions import find_dates
from geo.extract.dates.roles import date_role
from geo.extract.places import find_places
from tests.extract.extract_checks import participants_of

PUBLISHED = dt.date(2026, 5, 13)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a battery is a unit, as a battalion is
        ("A Latvian battery of howitzers joined the artillery exercise near the range.", ["LVA"]),
        ("Two Dutch artillery batteries fired during the drills.", ["NLD"]),
        # a capitalised Army after a demonym is that country's army
        ("Dutch Army tanks rolled across the range during the drills.", ["NLD"]),
        # an eFP rotation is a national contingent
        ("The Belgian and Czech rotations trained together during the exercise.", ["BEL", "CZE"]),
    ],
)
def test_units_of_a_country_take_part(sentence, expected):
    assert participants_of(sentence) == expected


def test_the_army_games_are_no_army():
    assert participants_of("The team trained for the Russian Army Games in the summer.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway's navy chief said the naval drills would test the fleet's readiness.",
        "The Danish army commander told reporters the exercise had gone well.",
        "Sweden's air force spokesman said the drills would end on Friday.",
    ],
)
def test_an_officer_of_a_force_is_no_party(sentence):
    assert participants_of(sentence) == []


def test_a_force_without_its_officer_still_takes_part():
    assert participants_of("Norway's navy took part in the naval drills in the Baltic Sea.") == ["NOR"]


def test_craft_listed_after_a_participation_word_take_part():
    sentence = "Participating in the drills are Dutch air defence units and Danish and Norwegian frigates."
    assert participants_of(sentence) == ["NLD", "DNK", "NOR"]


def test_craft_without_a_participation_word_are_no_party():
    assert participants_of("Russian warships shadowed the naval drills in the Baltic Sea.") == []


def _role(sentence: str) -> str:
    mention = find_dates(sentence)[0]
    return date_role(sentence, mention)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thursday's drill at a range near the town involved 400 soldiers.",
        "Saturday’s live-fire exercise drew crowds of onlookers.",
        "Commanders gathered Tuesday at the academy to mark the official start of the allied exercise.",
    ],
)
def test_a_day_that_owns_a_drill_or_marks_its_start_is_its_start(sentence):
    assert _role(sentence) == "start"


def test_a_days_announcement_of_drills_is_no_start():
    assert _role("Officials criticised Monday's announcement of new drills near the border.") != "start"


def test_a_drill_of_a_day_in_a_report_dates_the_event(extractor):
    text = (
        "Around 400 Dutch soldiers of a NATO battlegroup have held a combat exercise in Lithuania. "
        "Tuesday's drill at a military training range involved some 50 vehicles."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.start == "2026-05-12"


def test_off_a_coast_list_is_each_country():
    found = find_places("The naval drills will be held on June 3-14 off Norway and Denmark, in the North Sea.")
    assert [(m.text, m.form) for m in found][:2] == [("Norway", "country"), ("Denmark", "country")]


def test_off_the_coast_of_one_country_is_that_country():
    found = find_places("Allied warships held anti-submarine drills off the coast of Norway last week.")
    assert [(m.text, m.form) for m in found] == [("Norway", "country")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The drills kicked off Russia's summer training season.",
        "The navy said it would ward off Russia with more patrols.",
    ],
)
def test_a_phrasal_verbs_off_is_no_coast(sentence):
    assert [m.text for m in find_places(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Estonia's annual artillery exercise, Amber Comet 26, began Monday near Tapa.", "Amber Comet 26"),
        ("Estonia's annual artillery exercise, Amber Comet 226, began Monday near Tapa.", "Amber Comet 226"),
    ],
)
def test_a_name_between_commas_after_its_exercise_word_names_it(extractor, sentence, name):
    text = sentence + " The exercise involves 2,000 Estonian soldiers."
    names = [e.name for e in extractor.extract(text, published=PUBLISHED).events]
    assert names == [name]


def test_a_person_between_commas_after_an_exercise_word_is_no_name(extractor):
    text = "At the exercise, General Smith, began his speech. The exercise involves 2,000 Estonian soldiers."
    assert [e.name for e in extractor.extract(text, published=PUBLISHED).events] == [None]


@pytest.mark.parametrize("written", ["Rovajarvi", "Rovajärvi"])
def test_the_rovajarvi_range_is_a_curated_range_in_lapland(extractor, written):
    text = f"The Finnish army began an artillery exercise on Tuesday in {written}, eastern Lapland, with 900 men."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert (written, "FIN", "Lapland") in [(loc.text, loc.country, loc.admin1) for loc in event.locations]
