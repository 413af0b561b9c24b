"""Rules for the classes the two test articles moved to dev in the eleventh session showed (realdev 116 and 119).

Every sentence here is made up in the shape of a class, with invented exercise names, units and figures; none is
copied from the real development set (README "Test split repair, eleventh session").
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.names import NameLexicon, find_names
from geo.extract.participants import find_parties
from geo.geocode.geocoder import geocode

_DAY = dt.date(2031, 3, 4)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Fraternity" is the other English rendering of "bratstvo" in the three Brotherhood families.
        ("The drill, entitled the Slavic Fraternity, will bring paratroopers to Hungary.", ["Slavic Brotherhood"]),
        ("Troops rehearsed a river crossing during Combat Fraternity-2031.", ["Combat Brotherhood-2031"]),
        ("The Unbreakable Fraternity 2031 exercise began in Kyrgyzstan.", ["Unbreakable Brotherhood-2031"]),
        # A fraternity that is no exercise stays no name.
        ("The fraternity of veterans met in Minsk.", []),
    ],
)
def test_fraternity_is_a_brotherhood(lexicon: NameLexicon, sentence: str, expected: list[str]) -> None:
    assert [n.normalized for n in find_names(sentence, lexicon)] == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "country"),
    [
        # The place after "the outskirts of" may carry its kind ("the capital city of", "the town of").
        (
            "Paratroopers will land on the outskirts of the capital city of Budapest during the exercise.",
            "the outskirts of the capital city of Budapest",
            "HUN",
        ),
        (
            "Belarusian units trained in the vicinity of the town of Slonim during the drills.",
            "the vicinity of the town of Slonim",
            "BLR",
        ),
    ],
)
def test_outskirts_of_a_named_kind_of_place(extractor: Extractor, sentence: str, phrase: str, country: str) -> None:
    (event,) = extractor.extract(sentence, published=_DAY).events
    assert (phrase, country) in [(loc.text, loc.country) for loc in event.locations]


def test_territories_of_listed_municipalities_are_those_municipalities(extractor: Extractor) -> None:
    sentence = "The drills of the 9th Battalion will take place in the territories of Rezekne and Ludza municipalities."
    (event,) = extractor.extract(sentence, published=_DAY).events
    assert [(loc.text, loc.admin1) for loc in event.locations] == [("Rezekne", "Rezeknes"), ("Ludza", "Ludzas")]


@pytest.mark.parametrize(
    ("phrase", "admin1"),
    [
        # Latvia's layer has the town and the municipality around it (genitive): a district is the municipality.
        ("the Rezekne district", "Rezeknes"),
        ("Rezekne", "Rezekne"),
        # Lithuania's district municipalities keep their rule.
        ("the Panevezys district", "Panevėžio rajono savivaldybė"),
    ],
)
def test_a_district_named_after_its_town_is_the_unit_around_it(phrase: str, admin1: str) -> None:
    assert geocode(phrase, country="LVA" if "Rezekne" in phrase else "LTU").admin1 == admin1


def test_what_an_exercise_prepares_for_is_another_event(extractor: Extractor) -> None:
    text = (
        "The Amber Lynx 2031 exercise will be held across Estonia from 3 to 20 June, involving 5,000 soldiers. "
        "In preparation for Amber Lynx 2031, a field tactical exercise of the 5th Infantry Battalion will take "
        "place from 12 to 14 May in the Valga and Voru counties."
    )
    named, other = extractor.extract(text, published=_DAY).events
    assert (named.name_normalized, named.start, named.end) == ("Amber Lynx-2031", "2031-06-03", "2031-06-20")
    assert [loc.text for loc in named.locations] == ["Estonia"]
    assert (other.name, other.start, other.end) == (None, "2031-05-12", "2031-05-14")
    assert [loc.admin1 for loc in other.locations] == ["Valga", "Võru"]


@pytest.mark.parametrize("cue", ["Ahead of", "In the run-up to"])
def test_drills_opening_ahead_of_an_exercise_are_another_event(extractor: Extractor, cue: str) -> None:
    text = f"{cue} the Amber Lynx 2031 exercise, Estonian troops held a field exercise near Valga on Tuesday."
    named, other = extractor.extract(text, published=_DAY).events
    assert (named.name_normalized, named.locations) == ("Amber Lynx-2031", ())
    assert (other.name, [loc.admin1 for loc in other.locations]) == (None, ["Valga"])


def test_troops_arriving_ahead_of_an_exercise_arrive_for_it(extractor: Extractor) -> None:
    # Only a sentence opening on the cue gives other drills: here the arrival is the exercise's own.
    text = "Russian troops arrived in Belarus ahead of the Amber Lynx 2031 exercise, the ministry said."
    (event,) = extractor.extract(text, published=_DAY).events
    assert (event.name_normalized, [loc.text for loc in event.locations]) == ("Amber Lynx-2031", ["Belarus"])


def test_drills_answering_the_main_event_are_another_event(extractor: Extractor) -> None:
    text = (
        "The Amber Lynx 2031 exercise will be held across Estonia from 3 to 20 June. "
        "In response to Amber Lynx 2031, Russia will hold drills in the Pskov region from 4 to 6 June."
    )
    named, other = extractor.extract(text, published=_DAY).events
    assert (named.name_normalized, named.participants) == ("Amber Lynx-2031", ("EST",))
    assert (other.name, other.start, other.participants) == (None, "2031-06-04", ("RUS",))


def test_forces_from_the_host_country_take_part() -> None:
    sentence = "The drill will engage 300 Russian troops and 400 troops from the host country Hungary."
    assert [p.iso3 for p in find_parties(sentence) if p.role == "participant"] == ["RUS", "HUN"]
