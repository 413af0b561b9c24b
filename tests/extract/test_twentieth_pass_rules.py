"""The mechanisms added for the twentieth blind batch of real reports (site phrases, ids 379-388): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.cues import CONFLICT
from geo.extract.places import find_places
from geo.geocode.geocoder import geocode

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


def _sites(extractor: Extractor, text: str) -> list[list[tuple[str, str | None, str | None]]]:
    events = extractor.extract(text, published=PUBLISHED).events
    return [[(loc.text, loc.country, loc.admin1) for loc in event.locations] for event in events]


def test_the_countrys_region_is_a_region_of_the_country_the_sentence_names():
    found = find_places("Russia started air defence drills on Monday in the country's Pskov region.")
    assert [(m.text, m.form, m.context) for m in found] == [("the country's Pskov region", "region", "RUS")]
    result = geocode(found[0].query, country=found[0].context)
    assert (result.status, result.country, result.admin1) == ("resolved", "RUS", "Pskov")


@pytest.mark.parametrize("epithet", ["war-torn Ukraine", "war-ravaged Syria", "war-stricken Ukraine"])
def test_a_war_epithet_of_a_place_is_no_war(epithet):
    assert CONFLICT.search(epithet) is None
    assert CONFLICT.search("the war in Ukraine") is not None


def test_drills_beside_a_war_torn_neighbour_are_drills(extractor):
    text = (
        "Belarus on Monday began a two-day military drill in the Mogilev region bordering Russia and war-torn Ukraine."
    )
    assert _sites(extractor, text) == [[("the Mogilev region", "BLR", "Mogilev")]]


def test_a_listed_regions_lie_is_skipped_to_the_next_region():
    found = find_places(
        "Troops held drills in the Brest region bordering Poland and Ukraine, as well as the Vitebsk region "
        "bordering Latvia."
    )
    assert [m.text for m in found if m.form == "region"] == ["the Brest region", "the Vitebsk region"]


def test_a_region_named_in_the_lie_stops_the_skip():
    found = find_places(
        "Belarus held drills in the Gomel region bordering Russia's Bryansk region and the Kyiv region."
    )
    assert [m.text for m in found if m.form == "region"] == ["the Gomel region"]


def test_completed_drills_are_drills(extractor):
    text = "Belarus and Russia have completed joint drills at the Brestsky range, the ministry said on Friday."
    sites = _sites(extractor, text)
    assert len(sites) == 1
    assert ("Brestsky range", "BLR", "Brest") in sites[0] or any(s[1:] == ("BLR", "Brest") for s in sites[0])


@pytest.mark.parametrize(
    ("phrase", "where"),
    [
        ("Pikkmetsa, Võru County", ("region", "EST", "Võru")),
        ("the exercise area Lesnoye, Tver Oblast, Russia", ("region", "RUS", "Tver'")),
        # a town the gazetteer holds in that region stays the town
        ("Lida, Grodno region", ("town", "BLR", "Grodno")),
    ],
)
def test_a_place_anchored_to_its_region_is_placed_there(phrase, where):
    result = geocode(phrase, country="BLR")
    assert (result.status, result.kind, result.country, result.admin1) == ("resolved", *where)


def test_a_region_anchor_with_another_country_is_not_taken():
    assert geocode("the exercise area Lesnoye, Tver Oblast, Poland", country="BLR").status == "unresolved"


def test_a_village_in_a_county_that_is_a_region_is_placed_on_the_region():
    found = find_places("Volunteers trained with allied soldiers in Pikkmetsa, Võru County, over the weekend.")
    assert [(m.text, m.query) for m in found] == [("Pikkmetsa, Võru County", "Pikkmetsa, Võru County")]
    # a county that is no admin-1 region keeps its seat with a district's radius
    found = find_places("Troops trained near Kowalewo, Kwidzyn County.")
    assert [m.query for m in found] == ["Kwidzyn district"]


@pytest.mark.parametrize(
    "text",
    [
        "Estonian volunteers trained on Saturday with a French unit called Lynx in Tartu County.",
        'The exercise involves special forces of the "West" regional command and troops from Kyrgyzstan.',
    ],
)
def test_a_units_name_is_no_exercise_name(extractor, text):
    names = [e.name for e in extractor.extract(text, published=PUBLISHED).events]
    assert all(n is None for n in names), names
