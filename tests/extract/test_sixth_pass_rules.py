"""The mechanisms added for the sixth blind batch of real reports (events): one test per rule, on made-up sentences.

Each sentence is written for the test in the style of the failure class it covers (names listed in guillemets,
a singular "manoeuvre", "nations, including" lists, a military district's units, several exercises with their own
months and hosts in one sentence, an overview of the year's host countries, a formation announced rather than an
exercise, "announced the start of"); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.dates import date_role, find_dates
from geo.extract.names import find_names
from geo.extract.text import in_guillemets, split_sentences
from tests.extract.extract_checks import participants_of


def _roles(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, date_role(sentence, m)) for m in find_dates(sentence)]


def test_full_stops_inside_guillemets_end_no_sentence():
    text = "Drills «Cobalt. Harbour. Relay» of the bloc opened in Narnia. Troops arrived on Monday."
    assert [s.text for s in split_sentences(text)] == [
        "Drills «Cobalt. Harbour. Relay» of the bloc opened in Narnia.",
        "Troops arrived on Monday.",
    ]
    assert in_guillemets(text, text.index("Harbour"), text.index("Harbour") + 7)
    assert not in_guillemets(text, text.index("Troops"), text.index("Troops") + 6)


def test_known_common_word_names_listed_in_guillemets_are_names(lexicon):
    sentence = "Military exercises «Interaction. Search. Echelon» of the bloc began in the steppe."
    assert [n.base for n in find_names(sentence, lexicon)] == ["Interaction", "Search", "Echelon"]
    # the same words as plain words stay words
    assert find_names("Search and interaction teams began work in the steppe.", lexicon) == []


def test_a_capitalised_common_word_name_after_the_before_its_exercise_word(lexicon):
    sentence = "The country will host the Barrier specialized exercise and the Interaction command and staff exercise."
    assert [n.base for n in find_names(sentence, lexicon)] == ["Barrier", "Interaction"]
    assert find_names("Engineers built the barrier before the exercise ended.", lexicon) == []


def test_a_singular_manoeuvre_is_an_exercise(extractor):
    text = "A two-week military manoeuvre with 900 soldiers from six allied countries began in Latvia on Monday."
    events = extractor.extract(text, published=dt.date(2021, 5, 10)).events
    assert [(e.start, e.locations[0].country) for e in events] == [("2021-05-10", "LVA")]


def test_nations_comma_including_a_list_ending_in_a_dangling_and():
    sentence = "Some 3,000 troops from 9 NATO nations, including the US, the UK, Norway and are taking part."
    assert participants_of(sentence) == ["USA", "GBR", "NOR"]


def test_units_of_a_countrys_military_district_take_part():
    sentence = "The drills brought together command posts of Russia's Southern Military District and Armenian troops."
    assert set(participants_of(sentence)) == {"RUS", "ARM"}


def test_each_exercise_of_a_multi_exercise_sentence_keeps_its_own_month_and_host(extractor):
    text = (
        "In May, Kyrgyzstan will host the Rubezh joint exercise with the regional forces, in June-July, the"
        " Interaction command and staff exercise will take place in Kazakhstan."
    )
    events = extractor.extract(text, published=dt.date(2030, 2, 1)).events
    got = {e.name: (e.start, [p.country for p in e.locations]) for e in events}
    assert got == {"Rubezh": ("2030-05", ["KGZ"]), "Interaction": ("2030-06", ["KAZ"])}


def test_an_overview_of_host_countries_is_left_to_the_exercises_it_lists(extractor):
    text = (
        "This year the bloc will hold exercises in Kazakhstan, Russia, Tajikistan and Belarus, its chief said.\n"
        "In September, Kazakhstan will host the Rubezh joint exercise with the regional forces, in October, the"
        " Interaction command and staff exercise will take place in Russia."
    )
    events = extractor.extract(text, published=dt.date(2030, 2, 1)).events
    got = {e.name: ([p.country for p in e.locations], e.participants) for e in events}
    assert got == {"Rubezh": (["KAZ"], ("KAZ",)), "Interaction": (["RUS"], ("RUS",))}


def test_a_month_opening_a_clause_dates_an_exercise_to_be_hosted():
    assert _roles("In October, Tajikistan will host the exercise.") == [("In October", "start")]


def test_a_contrast_clause_keeps_its_own_date(extractor):
    text = (
        "The Iron Wolf exercise drew 5,000 troops in June 2030, while the latest war games, codenamed Silver Arrow,"
        " wrapped up in mid-October."
    )
    events = {e.name: e for e in extractor.extract(text, published=dt.date(2031, 11, 4)).events}
    assert events["Silver Arrow"].year == 2031
    assert events["Iron Wolf"].year == 2030


def test_the_announced_start_of_an_exercise_is_its_start_but_not_the_start_of_forming_a_grouping():
    assert _roles("On March 3, the ministry announced the start of the staff training of the joint command.") == [
        ("March 3", "start")
    ]
    formation = "On March 3, the president announced the beginning of formation of a regional grouping of troops."
    assert _roles(formation) == [("March 3", "announced")]


def test_an_announcement_about_no_exercise_does_not_date_the_drills(extractor):
    text = (
        "Units of the joint group carried out joint drills at the ranges of the allied forces, the ministry said.\n"
        "On October 10, 2029, the president announced the beginning of formation of a regional grouping of troops."
    )
    (event,) = extractor.extract(text, published=dt.date(2030, 1, 6)).events
    assert event.year == 2030 and event.announced is None


def test_a_start_announced_the_day_before_carries_the_forces_that_will_practise_after_it(extractor):
    text = (
        'On January 31, the ministry announced the start of the "staff training of the joint command".\n'
        "During the week, the Belarusian and Russian military will practice joint planning."
    )
    (event,) = extractor.extract(text, published=dt.date(2030, 2, 1)).events
    assert (event.start, set(event.participants)) == ("2030-01-31", {"BLR", "RUS"})


def test_forces_at_a_range_in_the_paragraph_before_the_lead_place_the_drills(extractor):
    text = (
        "The president arrived on Friday at the 101st combined arms range Orlovo near Mozyr, where units of the"
        " joint group are stationed.\n\n"
        "The official said that exercises and command-staff exercises were held at the ranges of the allied forces."
    )
    (event,) = extractor.extract(text, published=dt.date(2031, 1, 10)).events
    assert "BLR" in {p.country for p in event.locations}


def test_an_official_arriving_is_a_visit_not_forces_arriving():
    assert _roles("Defence Minister Ivan Petrov arrived on Friday at the range.") == [("on Friday", "none")]
    assert _roles("Russian troops arrived on Friday at the range.") == [("on Friday", "arrival")]


def test_building_up_a_grouping_said_on_a_day_dates_no_drills(extractor):
    text = (
        "Units of the joint group carried out joint drills at the ranges of the allied forces, the ministry said.\n"
        "On January 5, the ministry said that the countries continued building up the regional grouping of troops."
    )
    (event,) = extractor.extract(text, published=dt.date(2031, 1, 6)).events
    assert event.announced is None
