"""The mechanisms added for the seventh blind batch of real reports (Belarus, CSTO, Union State side): one test per
rule, on made-up sentences.

Each sentence is written for the test in the style of the failure class it covers (forces dropped in "as part of"
drills, a weekday right before a past verb, a recalled or cancelled exercise beside a planned one, an exercise
"recently conducted", a war only supposed, the exercise another one answers, a country speaking of "its military",
places forces set out from or go back to, country-wide and "all ranges of X" phrases); none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.places import find_places, is_home_base, is_venue
from tests.extract.extract_checks import participants_of


def _events(extractor, text: str, published: dt.date):
    return extractor.extract(text, published=published).events


def test_forces_dropped_in_as_part_of_drills_open_the_exercise_and_place_it(extractor):
    text = (
        "Russian marines landed in Belarus on Thursday as part of joint naval drills, the ministry said.\n\n"
        "The exercise, called Coastal Anchor, is the first of its kind."
    )
    events = _events(extractor, text, dt.date(2031, 3, 6))
    assert [(e.name, [loc.country for loc in e.locations]) for e in events] == [("Coastal Anchor", ["BLR"])]


def test_forces_sent_for_drills_open_the_exercise(extractor):
    text = "Russia has sent paratroopers to Belarus for joint drills, the ministry reported on Friday."
    events = _events(extractor, text, dt.date(2031, 3, 7))
    assert len(events) == 1
    assert set(events[0].participants) == {"RUS", "BLR"}
    assert [loc.country for loc in events[0].locations] == ["BLR"]


def test_paratroopers_landing_onto_a_range_continue_the_exercise(extractor):
    text = (
        "Russian paratroopers will take part in a joint tactical exercise in Belarus, the ministry said.\n\n"
        "The paratroopers would land onto the Gozhsky training ground, the Belarusian side said."
    )
    events = _events(extractor, text, dt.date(2031, 3, 7))
    assert "Gozhsky training ground" in [loc.text for loc in events[0].locations]


def test_a_weekday_right_before_a_past_verb_is_that_past_day(extractor):
    published = dt.date(2031, 1, 15)  # a Wednesday
    text = "Belarus and Russia on Wednesday launched a joint air force exercise that will last until Feb. 1."
    assert [(e.start, e.end) for e in _events(extractor, text, published)] == [("2031-01-15", "2031-02-01")]
    deployed = "Russia deployed on Wednesday paratroopers to Brest and will send jets to Belarus for joint exercises."
    assert [e.start for e in _events(extractor, deployed, published)] == ["2031-01-15"]


def test_an_exercise_held_or_cancelled_before_does_not_name_a_planned_one(extractor):
    text = (
        "Joint military exercises of Russia and Belarus will take place in Belarus in 2033.\n\n"
        "The Union Shield exercises were held every two years. The Union Shield exercise was to take place in 2031,"
        " but it was cancelled."
    )
    events = _events(extractor, text, dt.date(2032, 2, 2))
    assert sorted((e.name_normalized or "", e.year) for e in events) == [("", 2033), ("Union Shield", 2031)]


def test_an_exercise_recently_conducted_is_another_one(extractor):
    text = (
        "The Belarusian Defense Ministry has announced the start of mobilization readiness exercises.\n\n"
        "The announcement comes after joint exercises called \u201cSteel Oath\u201d were recently conducted in Russia."
    )
    events = _events(extractor, text, dt.date(2031, 10, 3))
    unnamed = [e for e in events if e.name is None]
    assert len(unnamed) == 1 and "Steel Oath" in [e.name for e in events]


def test_a_supposed_war_is_a_scenario_and_the_sentence_still_gives_dates(extractor):
    text = (
        "Belarus has announced the start of territorial defence exercises.\n\n"
        "Scheduled to take place from October 3rd to 6th, the exercises prepare reservists to back the army in the"
        " event of a military conflict."
    )
    events = _events(extractor, text, dt.date(2031, 10, 2))
    assert [(e.start, e.end) for e in events] == [("2031-10-03", "2031-10-06")]


def test_the_exercise_another_one_answers_gives_it_no_alliance(extractor):
    text = (
        "Belarus began snap drills of its air defence units on Monday.\n\n"
        "The drills are held in response to large-scale NATO military exercises near the border."
    )
    events = _events(extractor, text, dt.date(2031, 5, 5))
    assert [e.alliance for e in events] == ["national"]


def test_a_country_speaking_of_its_military_taking_part_takes_part():
    assert participants_of("Belarus announced today that its military is participating in the second phase.") == ["BLR"]
    assert participants_of("Belarus announced that its budget grows.") == []


def test_a_paratrooper_unit_and_air_defence_assets_are_forces():
    assert participants_of("A Russian paratrooper unit will land on an unknown site.") == ["RUS"]
    assert participants_of("The drills involved Belarusian air defence assets and helicopters.") == ["BLR"]
    assert participants_of("Investors moved Belarusian assets abroad.") == []


def test_where_forces_set_out_from_or_go_back_to_is_no_site():
    took_off = "Transport aircraft took off from airfields in Russia and flew to Belarus."
    back = "The paratroopers flew back to Russia after the exercise."
    assert is_home_base(took_off, took_off.index("Russia"))
    assert not is_home_base(took_off, took_off.index("Belarus"))
    assert is_home_base(back, back.index("Russia"))


def test_country_wide_phrases_are_the_whole_country():
    found = [(m.text, m.form, m.context) for m in find_places("Officials in all administrative districts took part.")]
    assert found == [("all administrative districts", "country", "BLR")]
    latvia = [(m.form, m.context) for m in find_places("Units trained across the whole territory of Latvia.")]
    assert latvia == [("country", "LVA")]
    assert find_places("Troops from all regions of the country arrived.") == []


def test_all_ranges_of_a_country_are_that_country():
    sentence = "All airfields and training grounds of the Air Force of Belarus are involved in the drill."
    found = [(m.form, m.context) for m in find_places(sentence)]
    assert found == [("country", "BLR")]


def test_a_ceremony_the_exercise_begins_with_is_held_where_it_is():
    sentence = "The drills will begin with a solemn ceremony at the Brest Fortress, attended by the minister."
    assert [(m.text, is_venue(sentence, m.start, m.end)) for m in find_places(sentence)] == [("Brest", False)]
    award = "The minister attended a ceremony in Minsk."
    assert [is_venue(award, m.start, m.end) for m in find_places(award)] == [True]


def test_a_mock_attack_or_a_conflict_to_localize_is_a_scenario(extractor):
    text = (
        "The CSTO drills began in Belarus on Monday.\n\n"
        "The troops will practise repelling an attack and localizing an armed conflict at a range in the Brest region."
    )
    events = _events(extractor, text, dt.date(2031, 9, 1))
    assert ("BLR", "Brest") in [(loc.country, loc.admin1) for e in events for loc in e.locations]


def test_forces_exercising_together_with_others_continue_the_exercise(extractor):
    text = (
        "Some 5,000 troops will take part in the Granite-2031 exercises, the ministry said.\n\n"
        "Estonian troops will be exercising together with soldiers from countries such as Norway and Denmark.\n\n"
        "The Granite-2031 drills are defensive, with the troops training to fend off a potential attack."
    )
    events = _events(extractor, text, dt.date(2031, 9, 20))
    assert [sorted(e.participants) for e in events] == [["DNK", "EST", "NOR"]]
    assert len(events[0].sentences) == 3


def test_a_day_opening_a_clause_in_which_forces_will_take_part_in_an_exercise_is_its_day():
    from geo.extract.dates import date_role, find_dates

    sentence = (
        "On May 4, a marine unit will land on an unnamed beach of the coast of the northern region as part of a"
        " readiness check and take part in a joint tactical exercise with local units."
    )
    assert [(m.text, date_role(sentence, m)) for m in find_dates(sentence)] == [("May 4", "start")]
    said = "On May 4, the minister said troops will take part in the exercise."
    assert [date_role(said, m) for m in find_dates(said)] == ["announced"]
