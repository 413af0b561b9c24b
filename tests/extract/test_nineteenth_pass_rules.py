"""The mechanisms added for the nineteenth blind batch of real reports (a representative draw, ids 359-368): one
test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 3, 5)  # a Thursday


# A worry the drills go ahead despite is their background, not a war they report.


@pytest.mark.parametrize(
    "sentence",
    [
        "Kazakhstan and Kyrgyzstan launched joint drills on Thursday despite fears in Moscow of a wider conflict.",
        "Kazakhstan and Kyrgyzstan launched joint drills on Thursday amid growing concerns about the war next door.",
        "Kazakhstan and Kyrgyzstan launched joint drills on Thursday, despite warnings of an invasion.",
    ],
)
def test_a_concessive_clause_of_worry_keeps_the_sentence_s_facts(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert set(event.participants) == {"KAZ", "KGZ"}
    assert event.start == "2026-03-05"


def test_a_clause_reporting_the_war_itself_still_gives_no_facts(extractor):
    text = "Kazakhstan and Kyrgyzstan launched joint drills on Thursday.\n\nArmenian forces attacked a village."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.start == "2026-03-05"
    assert "ARM" not in event.participants


# Places listed after a first one without a preposition of their own.


def test_a_compass_phrase_and_a_region_continue_a_list_of_places():
    places = find_places("The drills run on ranges in Latvia, eastern Estonia, the Pskov region, and in the sea.")
    assert [p.text for p in places] == ["Latvia", "eastern Estonia", "the Pskov region"]


def test_a_region_after_a_country_and_a_comma_continues_the_list():
    places = find_places("Units trained in Belarus, the Vitebsk Oblast, last week.")
    assert [(p.text, p.form) for p in places] == [("Belarus", "country"), ("the Vitebsk Oblast", "region")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The drills began in Poland, Germany sent two companies.",
        "The drills began in Latvia, President Rinkevics said.",
    ],
)
def test_a_bare_capitalised_item_is_no_continued_place(sentence):
    assert [p.text for p in find_places(sentence)] == [sentence.split(" in ")[1].split(",")[0]]


# "The latter's territory" is the second of the pair named before it.


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("Drills between Kazakhstan and Uzbekistan will take place on the latter's territory in May.", "UZB"),
        ("Drills between Kazakhstan and Uzbekistan will be held on the territory of the former.", "KAZ"),
    ],
)
def test_the_latter_s_territory_is_the_second_of_the_pair(sentence, iso3):
    (place,) = [p for p in find_places(sentence) if "latter" in p.text or "former" in p.text]
    assert place.form == "country"
    assert place.context == iso3


def test_the_latter_with_no_pair_before_it_is_no_place():
    assert find_places("The drills will take place on the latter's territory in May.") == []


# A town with its region after it.


def test_a_namesake_town_in_another_region_gives_way_to_the_region_said(extractor):
    sentence = "Russian troops will hold drills in the exercise area Pesochnoye, Ivanovo Oblast, Russia next week."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    (place,) = event.locations
    assert (place.country, place.admin1) == ("RUS", "Ivanovo")


def test_a_town_that_lies_in_the_region_said_stays_the_town(extractor):
    sentence = "Russian troops will hold drills near Luga, Leningrad region next week."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    (place,) = event.locations
    assert (place.country, place.admin1) == ("RUS", "Leningrad")
    assert place.kind == "town"


# The ranges of a country written with its demonym before them.


@pytest.mark.parametrize(
    ("sentence", "iso3"),
    [
        ("Paratroopers began drills on the Polish military ranges on Thursday.", "POL"),
        ("Paratroopers began drills at Lithuanian training grounds on Thursday.", "LTU"),
    ],
)
def test_a_demonym_before_plural_ranges_is_that_country(sentence, iso3):
    (place,) = find_places(sentence)
    assert (place.form, place.context) == ("country", iso3)


def test_a_demonym_before_a_named_range_keeps_the_range():
    places = find_places("Paratroopers began drills at the Polish Drawsko Pomorskie training ground on Thursday.")
    assert all(p.form != "country" for p in places)


# Training held "to respond to" another exercise answers it: its forces are not that exercise's.


def test_forces_training_to_respond_to_an_exercise_take_no_part_in_it(extractor):
    text = (
        "Russia and Belarus will hold the Zapad-2029 exercise from September 10 to 16.\n\n"
        "Estonian soldiers took part in training to effectively respond to Zapad-2029, the minister said."
    )
    zapad = next(e for e in extractor.extract(text, published=PUBLISHED).events if e.name_normalized == "Zapad-2029")
    assert "EST" not in zapad.participants


def test_forces_taking_part_in_the_exercise_itself_stay_its_participants(extractor):
    text = (
        "Russia and Belarus will hold the Zapad-2029 exercise from September 10 to 16.\n\n"
        "Kazakh soldiers will take part in Zapad-2029, the minister said."
    )
    zapad = next(e for e in extractor.extract(text, published=PUBLISHED).events if e.name_normalized == "Zapad-2029")
    assert "KAZ" in zapad.participants


# NATO's regional multinational headquarters named as who drills say NATO holds them.


def test_a_nato_multinational_headquarters_makes_the_drills_nato(extractor):
    sentence = (
        "US soldiers of the Multinational Division North East began an exercise near Orzysz, Poland, on Thursday."
    )
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance == "NATO"


def test_two_allies_without_a_nato_headquarters_stay_bilateral(extractor):
    sentence = "US soldiers began an exercise near Orzysz, Poland, on Thursday."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance == "bilateral"


# Namejs is a known series: its name with a year is found without an exercise word beside it.


def test_a_known_latvian_series_name_with_its_year_is_found(extractor):
    sentence = "Namejs 2027, which is named after a medieval leader, has coincided with new sparring between capitals."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized == "Namejs-2027"


def test_an_unknown_capitalised_name_with_a_year_names_no_exercise(extractor):
    sentence = "Vision 2027, which is named after a plan, has coincided with new sparring between capitals."
    assert not extractor.extract(sentence, published=PUBLISHED).events


# A day right after "said that" dates the clause it opens, when that clause reports the exercise held.


def test_a_day_after_said_that_dates_the_exercise_reported_held(extractor):
    sentence = (
        "The ministry said that on March 2, 2026 as part of a snap check a tactical exercise of Belarusian and "
        "Russian paratroopers was conducted in the Vitebsk region."
    )
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2026-03-02"


def test_a_year_after_said_that_recalls_an_earlier_occasion(extractor):
    sentence = (
        "The ministry said that in 2024 a tactical exercise of Belarusian and Russian paratroopers was conducted "
        "in the Vitebsk region."
    )
    events = extractor.extract(sentence, published=PUBLISHED).events
    assert all(e.start != "2024" for e in events)


# A charge one side makes against another, in a relative clause, is no fact of the drills.


@pytest.mark.parametrize(
    "clause",
    [
        "which accuses Moscow of massing troops around the borders of Lithuania",
        "who have accused Minsk of gathering forces near the borders of Latvia",
        "accusing Russia of moving units to the borders of Lithuania",
    ],
)
def test_an_accusation_s_places_are_no_sites_of_the_drills(extractor, clause):
    text = f"Belarus held drills at the Obuz-Lesnovsky range on Thursday, angering the West, {clause}."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [p.text for p in event.locations] == ["Obuz-Lesnovsky range"]
    assert "LTU" not in event.participants and "LVA" not in event.participants


def test_without_the_accusation_the_border_is_a_site(extractor):
    text = "Belarus held drills on Thursday near the borders of Lithuania."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "the borders of Lithuania" in [p.text for p in event.locations]
