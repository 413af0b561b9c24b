"""The mechanisms added for the seventh blind batch of real reports (NATO side and Russia's west): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (a name with a year as the
subject of an event verb, all-capitals names with a number, …); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.names import find_names
from geo.extract.participants import find_parties
from geo.extract.places import find_places


def _names(sentence: str, lexicon) -> list[str]:
    return [n.normalized for n in find_names(sentence, lexicon)]


def test_a_name_with_a_year_as_the_subject_of_an_event_verb(lexicon):
    assert _names("Ember Gale 2023 will take place across the north of the country.", lexicon) == ["Ember Gale-2023"]
    assert _names("On Monday, Ember Gale 2023 began with a parachute drop.", lexicon) == ["Ember Gale-2023"]
    # a month and year, or a bloc with a year, is no name
    assert _names("In March 2023 began the thaw.", lexicon) == []
    assert _names("The OSCE 2023 report began with a summary.", lexicon) == []


def test_all_capitals_names_with_a_number_beside_an_exercise_word(lexicon):
    assert _names("The KESTREL- 21 exercises involve 900 soldiers.", lexicon) == ["KESTREL-2021"]
    assert _names("From Monday, tactical exercise ORLA-3 will be conducted.", lexicon) == ["ORLA-3"]
    # not beside an exercise word, or a vehicle, is no name
    assert _names("The KESTREL-21 report was published.", lexicon) == []
    assert _names("Crews of the BMP-2 vehicles later joined the exercise.", lexicon) == []


def test_across_the_country_is_the_country_the_sentence_names_first():
    places = find_places("Estonia's army began snap drills throughout the entire country on Monday.")
    assert [(p.text, p.query, p.context) for p in places] == [("the entire country", "Estonia", "EST")]
    # with only a demonym, whose country it is stays unsaid
    assert find_places("Russian troops will hold drills across the country.") == []
    # with none named and no other country's demonym, the context country (Belarus) as "the north of the country"
    found = [(p.text, p.context) for p in find_places("Belarusian units held drills throughout the country.")]
    assert found == [("the country", "BLR")]


def test_a_rehearsed_scenario_is_no_war_and_the_region_of_x_is_that_side_of_it(extractor):
    text = (
        "The army began drills near the border with Poland, in the city of Lida and in the western region of Grodno, "
        'and the troops will practice "retaking ground occupied by the enemy".'
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 3, 1)).events
    assert [(p.text, p.country, p.admin1) for p in event.locations] == [
        ("the border with Poland", "BLR", None),
        ("the city of Lida", "BLR", "Grodno"),
        ("the western region of Grodno", "BLR", "Grodno"),
    ]


def test_an_exercise_that_includes_n_allies_including_a_list():
    sentence = "The drill includes 14 NATO allies, including Norway, Spain and Portugal."
    assert [(p.iso3, p.role) for p in find_parties(sentence)] == [
        ("NOR", "participant"),
        ("ESP", "participant"),
        ("PRT", "participant"),
    ]
    # people from countries such as these are no forces
    assert find_parties("Migrants from countries such as Iraq and Syria tried to cross the border.") == []


def test_a_present_simple_start_before_a_weekday_is_the_next_one(extractor):
    # 2024-06-05 is a Wednesday: "starts Friday" is 7 June, not 31 May
    text = "The annual naval exercise Cobalt Tide 2024 starts Friday and ends June 20."
    (event,) = extractor.extract(text, published=dt.date(2024, 6, 5)).events
    assert (event.start, event.end) == ("2024-06-07", "2024-06-20")
    (event,) = extractor.extract(text.replace("starts", "started"), published=dt.date(2024, 6, 5)).events
    assert event.start == "2024-05-31"


def test_earlier_with_a_bare_plural_exercise_is_another_exercise(extractor):
    text = (
        "Estonian troops held drills at a range near Narva on Monday. "
        "Earlier, joint naval exercises involving Russia, Iran and China began."
    )
    events = extractor.extract(text, published=dt.date(2024, 3, 13)).events
    assert [sorted(e.participants) for e in events] == [["EST"], ["CHN", "IRN", "RUS"]]
    # "Earlier, the ministry said …" goes on with the same exercise
    text = text.replace(
        "Earlier, joint naval exercises involving Russia, Iran and China began.",
        "Earlier, the ministry said the drills began.",
    )
    assert len(extractor.extract(text, published=dt.date(2024, 3, 13)).events) == 1


def test_a_country_and_nato_deploying_troops_is_a_nato_exercise(extractor):
    text = "Norway and NATO are deploying around 9,000 troops as part of the country's largest military drills."
    (event,) = extractor.extract(text, published=dt.date(2025, 3, 1)).events
    assert event.alliance == "NATO"
    (event,) = extractor.extract(text.replace("Norway and NATO are", "Norway is"), published=dt.date(2025, 3, 1)).events
    assert event.alliance == "national"


def test_a_border_of_two_demonyms_is_on_the_side_of_the_participant(extractor):
    polish = "Poland's territorial troops will hold drills near the Polish-Belarusian border on May 4-6."
    (event,) = extractor.extract(polish, published=dt.date(2022, 5, 2)).events
    assert [(p.text, p.country) for p in event.locations] == [("the Polish-Belarusian border", "POL")]
    belarusian = "Belarus's army will hold drills near the Polish-Belarusian border on May 4-6."
    (event,) = extractor.extract(belarusian, published=dt.date(2022, 5, 2)).events
    assert [(p.text, p.country) for p in event.locations] == [("the Polish-Belarusian border", "BLR")]
    assert find_places("Units moved near the Narnian-Florinese border.") == []


def test_a_snap_check_announced_in_a_same_day_report_starts_that_day(extractor):
    text = "Estonia's Defence Forces on Feb. 3 announced snap military exercises across the country."
    (event,) = extractor.extract(text, published=dt.date(2025, 2, 3)).events
    assert event.start == "2025-02-03"
    (event,) = extractor.extract(text.replace("snap ", ""), published=dt.date(2025, 2, 3)).events
    assert event.start is None


def test_named_forces_drilling_before_the_lead_take_part(extractor):
    text = (
        "Dutch Marines make a night landing on the beach. Norwegian troops mount an airborne assault. "
        "Spanish soldiers sit in a cafe. Allied troops take part in the Cobalt Tide 2023 exercise in Latvia."
    )
    (event,) = extractor.extract(text, published=dt.date(2023, 5, 23)).events
    assert {"NLD", "NOR"} <= set(event.participants)
    assert "ESP" not in event.participants  # forces named, but doing no drill


def test_last_week_someone_said_it_started_exercises_is_another_exercise(extractor):
    text = (
        "Norway will hold the tactical exercise ORLA-3 near the Norwegian-Russian border on May 4-6. "
        "Last week, the Russian Defense Ministry said it started large-scale joint military exercises "
        "near the town of Pskov."
    )
    events = extractor.extract(text, published=dt.date(2022, 5, 2)).events
    assert [(e.name, [p.text for p in e.locations]) for e in events] == [
        ("ORLA-3", ["the Norwegian-Russian border"]),
        (None, ["the town of Pskov"]),
    ]
