"""The mechanisms added for the twelfth blind batch of real reports (sites: districts, ranges, towns and counties,
ids 240-249): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.cues import PRONOUN_HELD
from geo.extract.dates.mentions import find_dates
from geo.extract.dates.roles import date_role

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


def test_a_possessive_subject_saying_where_the_drills_take_place_continues_them(extractor):
    text = (
        "Belarusian reservists began command-staff exercises on Tuesday. "
        "Their practical part will take place in the Mogilev region, which borders with Russia."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert ("BLR", "Mogilev") in [(loc.country, loc.admin1) for loc in event.locations if loc.resolved]
    assert PRONOUN_HELD.match("Its active phase will be held near Brest")
    assert not PRONOUN_HELD.match("Their commander said the troops were ready")


def test_the_region_of_a_two_word_name_reads_both_words(extractor):
    text = "Polish paratroopers held drills in the region of Nowa Dęba on Tuesday."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    # the whole name, as "the Nowa Dęba region" is read; not a region "Nowa" geocoded elsewhere
    assert [loc.text for loc in event.locations] == ["the region of Nowa Dęba"]


def test_the_phase_of_the_exercise_dubbed_x_names_the_exercise_in_focus(extractor):
    text = (
        "Latvian volunteers began a military exercise in western Latvia on Monday.\n\n"
        "The last phase of the exercise, dubbed Amber Owl, is held near the coast."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name == "Amber Owl"
    assert [loc.country for loc in event.locations if loc.resolved] == ["LVA"]
    # an umbrella with a word of its own stays another exercise
    umbrella = "Danish troops drilled in Latvia on Monday. The drills are part of a wider exercise, dubbed Amber Owl."
    assert len(extractor.extract(umbrella, published=PUBLISHED).events) == 2


def test_the_streets_of_a_town_are_that_town(extractor):
    text = "Estonian troops held an exercise on the streets of Narva on Monday."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [(loc.country, loc.admin1) for loc in event.locations if loc.resolved] == [("EST", "Ida-Viru")]


def test_a_day_opening_a_statement_about_a_later_start_is_the_statement_s():
    said = "On Thursday, the defence minister announced that allied exercises will begin in Latvia in the summer."
    (day, *_) = find_dates(said)
    assert date_role(said, day) == "announced"
    quoted = '"On Monday, the allied maneuvers begin in Latvia," the minister told reporters.'
    (day, *_) = find_dates(quoted)
    assert date_role(quoted, day) == "start"
