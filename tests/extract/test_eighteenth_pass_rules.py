"""The mechanisms added for the eighteenth blind batch of real reports (a representative draw, ids 348-357): one
test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.numbers import find_figures
from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 1, 20)  # a Tuesday


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Russia's biggest drill of the year, Zapad (West) 2029, opened on Monday in Belarus.", "Zapad-2029"),
        ("The Shchit Soyuza (Union Shield) 2027 drills began on Monday near Nizhny Novgorod.", "Union Shield-2027"),
    ],
)
def test_a_bracketed_gloss_between_a_known_name_and_its_year(extractor, sentence, name):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized == name


def test_a_glossed_name_keeps_its_gloss_as_the_articles_alias(extractor):
    text = (
        "Lithuania's largest exercise Iron Wolf (Vilkas) 2026 began on Monday near Pabrade.\n\n"
        "The largest annual exercise of the army, Operation Vilkas, will train 3,000 soldiers."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [e.name_normalized for e in events] == ["Iron Wolf-2026"]


def test_a_bracket_with_a_number_is_no_gloss(extractor):
    sentence = "The Zapad (12,000 troops) 2029 figure was denied by Minsk on Monday."
    names = [e.name_normalized for e in extractor.extract(sentence, published=PUBLISHED).events]
    assert "Zapad-2029" not in names


def test_a_known_name_quoted_in_lower_case_with_its_year(extractor):
    sentence = "Paratroopers began a joint exercise of “slavic brotherhood-2026” near Brest on Monday."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized == "Slavic Brotherhood-2026"


def test_an_unknown_name_quoted_in_lower_case_names_nothing(extractor):
    sentence = "Paratroopers began a joint exercise of “peace mission-2026” near Brest on Monday."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized is None


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("The flights will involve all the airfields and training areas of the Belarusian air force.", "BLR"),
        ("Crews will use the ranges of the Polish army near the border.", "POL"),
    ],
)
def test_ranges_of_a_countrys_forces_written_with_its_adjective(sentence, iso3):
    (place,) = [p for p in find_places(sentence) if p.form == "country"]
    assert place.context == iso3


@pytest.mark.parametrize(
    ("sentence", "town", "iso3"),
    [
        ("Special forces trained in the Latvian town of Rezekne last week.", "Rezekne", "LVA"),
        ("The drill was held in the western Belarusian city of Grodno on Monday.", "Grodno", "BLR"),
    ],
)
def test_a_town_after_a_demonym_and_a_town_word(sentence, town, iso3):
    (place,) = find_places(sentence)
    assert (place.text, place.form, place.context) == (town, "town", iso3)


def test_a_town_word_without_a_demonym_keeps_its_phrase():
    (place,) = find_places("The drill was held in the town of Lida on Monday.")
    assert (place.text, place.query) == ("the town of Lida", "Lida")


def test_the_last_exercise_two_countries_held_is_an_event_of_its_own(extractor):
    text = (
        "Latvia and Estonia will hold joint drills near Valka in May.\n\n"
        "The plans were announced in Riga.\n\n"
        "Latvia and Estonia last held a joint exercise in March 2024 in the Estonian town of Voru."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [(e.start, tuple(sorted(e.participants))) for e in events] == [
        ("2026-05", ("EST", "LVA")),
        ("2024-03", ("EST", "LVA")),
    ]
    assert [loc.text for loc in events[1].locations] == ["Voru"]


def test_the_exercise_last_held_points_back_at_the_one_reported(extractor):
    text = (
        "Allied troops began exercise Amber Gate 2026 in Latvia on Monday.\n\n"
        "The exercise was last held in autumn 2025 with troops from six nations."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert [e.name_normalized for e in events] == ["Amber Gate-2026"]


def test_an_exercise_that_will_last_is_no_earlier_occasion(extractor):
    text = (
        "Latvia and Estonia will hold joint drills near Valka in May.\n\n"
        "The plans were announced in Riga.\n\n"
        "The drills will last until June 2 and involve 800 troops near Valka."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.start == "2026-05"


def test_a_month_in_reported_speech_with_would_is_the_nearest_one(extractor):
    # "it was likely they would take place in April", said in January: the coming April, not the last one.
    sentence = "Minsk said Belarus and Russia were still planning joint drills and that they would take place in April."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2026-04"


def test_a_month_of_drills_that_took_place_stays_in_the_past(extractor):
    sentence = "Minsk said Belarus and Russia held joint drills near Brest in April."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2025-04"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("The drill involves no more than 12.000 soldiers, the ministry said.", 12000, "up to"),
        ("Not more than 1.500 troops will take part.", 1500, "up to"),
        ("About 2.5 thousand troops will take part.", 2500, "about"),
    ],
)
def test_a_full_stop_grouping_thousands_and_no_more_than(text, value, qualifier):
    (figure,) = find_figures(text)
    assert (figure.value, figure.qualifier) == (value, qualifier)
