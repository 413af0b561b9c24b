"""The mechanisms added for the eighth blind batch of real reports (mixed): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (a length in a name's
apposition, a naming apposition before a date, a region after a country in a list, apostrophe stand-ins, the
other side's deployment); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.dates import date_role, find_dates
from geo.extract.names import find_names
from geo.extract.places import find_places
from geo.extract.text import normalize_apostrophes
from geo.geocode.geocoder import geocode


def test_a_length_may_lead_the_apposition_that_names_an_exercise(lexicon):
    names = [n.normalized for n in find_names("Amber Falcon 2022, a 9-day drill, began Tuesday near Lida.", lexicon)]
    assert names == ["Amber Falcon-2022"]
    # a length before something that is no exercise names nothing
    assert [n.normalized for n in find_names("Amber Falcon 2022, a 9-day trip, was fun.", lexicon)] == []


def test_a_naming_apposition_before_a_date_is_skipped_back_to_its_verb():
    sentence = "Both armies began a joint manoeuvre, dubbed Grey Heron (North) 2020, on Friday amid protests."
    assert [(m.text, date_role(sentence, m)) for m in find_dates(sentence)] == [("on Friday", "start")]
    # without the verb before the apposition the day dates nothing
    other = "Protests grew against the plan, dubbed Grey Heron (North) 2020, on Friday amid rain."
    assert [date_role(other, m) for m in find_dates(other)] == ["none"]


def test_a_region_after_a_country_in_a_list_and_an_exclave_are_regions():
    places = find_places("The drills will be held in Latvia and Russia's Pskov region.")
    assert [(p.text, p.form, p.context) for p in places] == [
        ("Latvia", "country", "BLR"),  # a country carries its own name in the query
        ("Russia's Pskov region", "region", "RUS"),
    ]
    assert [p.text for p in find_places("Units trained in the Kaliningrad exclave.")] == ["the Kaliningrad exclave"]
    result = geocode("the Kaliningrad exclave", country="RUS")
    assert (result.country, result.admin1) == ("RUS", "Kaliningrad")
    # "and" after no place phrase keeps the region pattern's preposition rule
    assert find_places("The army and the Pskov region's governor spoke.") == []


def test_apostrophe_stand_ins_are_apostrophes():
    text = "Drills in Russia`s west and Belarus´ north, at `Range` 7."
    normalized = normalize_apostrophes(text)
    assert normalized == "Drills in Russia’s west and Belarus’ north, at `Range` 7."
    assert len(normalized) == len(text)  # offsets into the text stay valid


def test_the_other_sides_deployment_does_not_join_the_exercise(extractor):
    text = (
        "Belarus and Russia will hold the joint exercise Steel Birch-2021 at the Brest training ground in May.\n"
        "Minsk is worried about the deployment of American troops in Poland."
    )
    (event,) = extractor.extract(text, published=dt.date(2021, 3, 1)).events
    assert set(event.participants) == {"BLR", "RUS"}
    # the event's own side deploying still continues it
    own = text.replace(
        "Minsk is worried about the deployment of American troops in Poland.",
        "The deployment of Russian troops to Belarus began on Monday.",
    )
    (event,) = extractor.extract(own, published=dt.date(2021, 3, 1)).events
    assert set(event.participants) == {"BLR", "RUS"}


def test_a_day_on_which_a_place_was_the_scene_of_an_exercise_is_its_start():
    sentence = "This Sunday, the Kestrel range, in Poland, was the location chosen for new military maneuvers."
    assert [(m.text, date_role(sentence, m)) for m in find_dates(sentence)] == [("This Sunday", "start")]
    # the scene of something else dates nothing
    concert = "This Sunday, the Kestrel square was the scene of a concert."
    assert [date_role(concert, m) for m in find_dates(concert)] == ["none"]


def test_the_regions_of_a_list_of_names_are_one_region_each():
    places = find_places("Troops trained in the regions of border units of Kestrel and Varėna last week.")
    assert [(p.text, p.query, p.form) for p in places] == [
        ("Kestrel", "the Kestrel region", "region"),
        ("Varėna", "the Varėna region", "region"),
    ]
    districts = find_places("Drills covered the districts of Lida and Mosty.")
    assert [p.query for p in districts] == ["Lida district", "Mosty district"]
    # a single name after "the regions of" is left to the other patterns
    assert [p.query for p in find_places("Drills covered the regions of Kestrel.")] == []
