"""The mechanisms added for the ninth blind batch of real reports (official and exile sources): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (a pronoun or a demonstrative
that points back to the exercise, "gave the start to", country-wide phrases, inspections written otherwise, arrivals
for an exercise, reservists' training camps, places that specify where the drill in focus is, home airfields);
none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.cues import CLAUSE_SPLIT, EVENT_CUE, EXERCISE_NOUN, SEPARATELY
from geo.extract.dates import date_role, find_dates
from geo.extract.places import find_places, is_home_base
from geo.geocode.geocoder import geocode


def _written(event):
    return {w for loc in event.locations for w in (loc.text, *loc.also_written)}


def test_a_pronoun_saying_when_and_where_continues_the_exercise(extractor):
    text = (
        "The Defence Ministry on Monday, March 2, gave the start to the annual reservist exercises.\n"
        "They will be held until Thursday, March 5, across the country, under the regional governors."
    )
    (event,) = extractor.extract(text, published=dt.date(2026, 3, 2)).events
    assert (event.start, event.end) == ("2026-03-02", "2026-03-05")
    assert [(loc.text, loc.country) for loc in event.locations] == [("the country", "BLR")]
    # a pronoun sentence about something else does not join
    other = text.replace("They will be held until Thursday, March 5, across the country", "They said it was cold")
    (event,) = extractor.extract(other, published=dt.date(2026, 3, 2)).events
    assert event.end is None


def test_gave_the_start_to_dates_the_start():
    sentence = "The ministry on Monday, March 2, gave the start to the annual reservist exercises."
    roles = {m.text: date_role(sentence, m) for m in find_dates(sentence)}
    assert roles["March 2"] == "start"
    speech = "The ministry on Monday, March 2, gave a speech."
    assert "start" not in [date_role(speech, m) for m in find_dates(speech)]


def test_a_leading_demonstrative_brings_in_the_sentence_it_points_back_to(extractor):
    text = (
        "The Belarusian army began annual reservist exercises on Monday.\n"
        "The ministry plans to organise practical activities in all regions of the country. In the course of these "
        "activities, officials of the exercises will be trained."
    )
    (event,) = extractor.extract(text, published=dt.date(2026, 3, 2)).events
    assert "all regions of the country" in _written(event)


def test_the_territory_of_the_country_is_the_country_the_sentence_names():
    places = find_places("The ministry of Belarus said Russian units began to arrive on the territory of the country.")
    assert [(p.text, p.form, p.context) for p in places if "territory" in p.text] == [
        ("the territory of the country", "country", "BLR")
    ]


def test_inspections_written_otherwise_are_exercise_mentions(extractor):
    for phrase in ("an extraordinary inspection of the missile units", "a snap readiness test", "an unscheduled check"):
        assert EXERCISE_NOUN.search(f"The army will conduct {phrase}."), phrase
    text = (
        "The armed forces of Belarus will conduct an extraordinary inspection of tactical missile carriers.\n"
        "It was ordered by the president.\n"
        "The source added nothing.\n"
        "The inspection will involve a squadron of aircraft flying to the airfield “Baranovichi”."
    )
    (event,) = extractor.extract(text, published=dt.date(2026, 3, 2)).events
    assert event.participants == ("BLR",)
    assert [(loc.country, loc.admin1) for loc in event.locations] == [("BLR", "Brest")]


def test_a_backdrop_is_another_event_and_a_reminder_turns_to_another_matter():
    sentence = "The inspection began against the backdrop of the exercises in Russia."
    tails = [sentence[m.end() :] for m in CLAUSE_SPLIT.finditer(sentence)]
    assert tails == ["against the backdrop of the exercises in Russia."]
    assert SEPARATELY.match("As a reminder, on May 6, the ministry announced military exercises.")


def test_arriving_somewhere_for_exercises_says_they_are_held():
    assert EVENT_CUE.search("Russian paratroopers arrive in Belarus for military exercises")
    assert not EVENT_CUE.search("Russian tourists arrive in Belarus for the holidays")
    assert not EVENT_CUE.search("The minister arrived in Minsk for talks on exercises")


def test_reservists_training_camps_are_an_exercise_mention():
    assert EXERCISE_NOUN.search("Training camps with those liable for military service will be held in May.")
    assert EXERCISE_NOUN.search("Later, training camps will be held in Lida.")
    assert not EXERCISE_NOUN.search("Wagner set up training camps near Osipovichi.")


def test_the_south_of_the_republic_is_a_compass_region_of_the_context_country():
    (place,) = find_places("Camps will be held in the south of the republic.")
    assert (place.text, place.form) == ("the south of the republic", "compass")
    result = geocode(place.query, country="BLR")
    assert result.country == "BLR" and "Gomel" in (result.admin1 or "")


def test_places_inside_the_area_of_the_drill_in_focus_specify_it(extractor):
    text = (
        "From May 4 to May 29, training camps with reservists will be held in the south of the republic.\n"
        "The ministry specified that training camps will be held in Gomel and in the Mozyr district.\n"
        "In June, drills will also be conducted in the Vitebsk region."
    )
    events = extractor.extract(text, published=dt.date(2026, 4, 1)).events
    assert len(events) == 2  # Gomel and Mozyr lie in the south: the same camps; Vitebsk is another drill
    assert {"Gomel", "the Mozyr district"} <= _written(events[0])


def test_a_home_airfield_is_where_aircraft_set_out_from():
    sentence = 'Two jets flew from the home airfield ("Lida") to the airfield "Baranovichi".'
    places = find_places(sentence)
    lida = next(p for p in places if p.text == "Lida")
    assert is_home_base(sentence, lida.start)
    other = next(p for p in places if "Baranovichi" in p.text)
    assert not is_home_base(sentence, other.start)
    assert geocode(other.query).admin1 == "Brest"


def test_forces_practising_at_a_range_near_a_town_before_the_lead_join_the_exercise(extractor):
    text = (
        "MINSK, May 4. A unit of the Belarusian Rocket Force is practicing the tasks of delivering strikes.\n"
        "At a range near Slonim, instruction of servicemen from a rocket brigade is in progress. Crews are taking "
        "part in the training. In the course of the exercises, strikes are being practiced."
    )
    (event,) = extractor.extract(text, published=dt.date(2025, 5, 4)).events
    assert event.participants == ("BLR",)
    assert [(loc.country, loc.admin1) for loc in event.locations] == [("BLR", "Grodno")]
    # "a range of tasks" is no range
    assert find_places("They trained a range of tasks near nothing.") == []


def test_a_name_held_in_another_country_than_the_unnamed_exercise_is_another_exercise(extractor):
    text = (
        "The CSTO will conduct a number of exercises in 2027, including the rapid reaction force exercise in "
        "Kazakhstan, its deputy secretary general told reporters.\n"
        '"We plan to conduct these exercises on the territory of Kazakhstan," he said.\n'
        "According to him, exercises are planned and will take place in Tajikistan at the same time.\n"
        "\"On the territory of Kyrgyzstan, we plan to conduct exercises with the peacekeeping forces 'Unbreakable "
        "Brotherhood',\" he said."
    )
    events = extractor.extract(text, published=dt.date(2026, 12, 6)).events
    assert [(e.name_normalized, e.year, e.participants) for e in events] == [
        (None, 2027, ("KAZ",)),
        (None, 2027, ("TJK",)),  # "at the same time": the year of the exercise before it
        ("Unbreakable Brotherhood", 2027, ("KGZ",)),  # a plan's exercise: the plan's year, not the report's
    ]


def test_named_parts_the_unnamed_exercises_include_do_not_name_them(extractor):
    text = (
        "A joint command-staff exercise of the CSTO forces was held in Kazakhstan, the ministry said on Monday.\n"
        "Since May 4 the CSTO exercises have been held in the Zhambyl region of the republic.\n"
        "They include manoeuvres “Amber Steppe-2026”, a special exercise “Grey Owl-2026” and “Red Kite-2026”."
    )
    events = extractor.extract(text, published=dt.date(2026, 5, 11)).events
    assert [e.name_normalized for e in events] == [None, "Amber Steppe-2026", "Grey Owl-2026", "Red Kite-2026"]
    for part in events[1:]:  # held where and when the exercises they are part of are
        assert part.start == "2026-05-04" and part.participants == ("KAZ",)
        assert {loc.country for loc in part.locations} == {"KAZ"}
    # one named exercise the exercises "include" still names them
    one = text.replace(", a special exercise “Grey Owl-2026” and “Red Kite-2026”", "")
    assert [e.name_normalized for e in extractor.extract(one, published=dt.date(2026, 5, 11)).events] == [
        "Amber Steppe-2026"
    ]


def test_has_begun_on_a_day_dates_the_start():
    sentence = "An operational exercise of the fleet has begun on June 5 at the ranges and will last through June 15."
    assert [(m.text, date_role(sentence, m)) for m in find_dates(sentence)] == [("June 5", "start"), ("June 15", "end")]


def test_the_month_of_drills_forces_took_part_in_is_their_start():
    sentence = "About 900 paratroopers took part in drills in the Smolensk region in March."
    assert [(m.text, date_role(sentence, m)) for m in find_dates(sentence)] == [("in March", "start")]
    # a statement's month dates the statement
    said = "Paratroopers took part in drills, the ministry said in March."
    assert [date_role(said, m) for m in find_dates(said)] == ["announced"]


def test_an_apostrophe_between_letters_breaks_no_clause_before_a_date():
    sentence = "The drill kicked off at a training ground of Russia’s Armed Forces in Pskov oblast on October 3."
    assert [date_role(sentence, m) for m in find_dates(sentence)] == ["start"]
    # read as the same sentence without the possessive (the clause once began at "s Armed Forces": no cue)
    plain = sentence.replace("Russia’s Armed Forces", "the Armed Forces")
    assert [date_role(plain, m) for m in find_dates(plain)] == ["start"]


def test_a_final_stage_held_in_another_country_does_not_share_the_umbrellas_facts(extractor):
    text = (
        "The Combat Brotherhood-2026 exercise of the CSTO will be held at six training grounds in Belarus.\n"
        "The final stage of the Combat Brotherhood drills will be the Unbreakable Brotherhood-2026 peacekeepers’ "
        "drills in Kyrgyzstan.\n"
        "The exercises will officially begin with a ceremony at the Brest Fortress.\n"
        "The exercises will be attended by troops from Belarus, Kazakhstan and Russia."
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=dt.date(2026, 8, 1)).events}
    # the stage's place and host are its own, not the umbrella's
    assert set(events["Combat Brotherhood-2026"].participants) == {"BLR", "KAZ", "RUS"}
    assert {loc.country for loc in events["Combat Brotherhood-2026"].locations} == {"BLR"}
    assert set(events["Unbreakable Brotherhood-2026"].participants) <= {"KGZ"}
    assert {loc.country for loc in events["Unbreakable Brotherhood-2026"].locations} == {"KGZ"}
