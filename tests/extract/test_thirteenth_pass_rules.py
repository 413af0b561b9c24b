"""The mechanisms added for the thirteenth blind batch of real reports (a representative draw, ids 250-259): one test
per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.places import find_places
from geo.geocode.geocoder import geocode
from tests.extract.extract_checks import participants_of

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


@pytest.mark.parametrize(
    "phrase",
    ["Sturugi Krasniye range", "the Sturugi Krasniye training ground", "the Strugi Krasniye firing range"],
)
def test_a_misspelt_range_name_with_its_range_word_is_the_range(phrase):
    result = geocode(phrase, country="BLR")
    # the spelling variant of the name, not a Belarusian town sharing its last word ("Krasnaye")
    assert (result.status, result.kind, result.country, result.admin1) == (
        "resolved",
        "training_ground",
        "RUS",
        "Pskov",
    )


@pytest.mark.parametrize(
    ("sentence", "phrase", "where"),
    [
        (
            "Russian and Belarusian troops began a joint exercise at the Russian range Sturugi Krasniye, Pskov region.",
            "the Russian range Sturugi Krasniye",
            ("RUS", "Pskov"),
        ),
        (
            "Belarusian paratroopers began military drills at the training ground Gozhsky on Tuesday.",
            "the training ground Gozhsky",
            ("BLR", "Grodno"),
        ),
        (
            "Belarusian troops held a military exercise at the range 'Losvido' all week.",
            "the range 'Losvido'",
            ("BLR", "Vitebsk"),
        ),
    ],
)
def test_a_range_word_before_its_name_is_that_range(extractor, sentence, phrase, where):
    assert phrase in [m.text for m in find_places(sentence)]
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert where in [(loc.country, loc.admin1) for loc in event.locations if loc.resolved and loc.kind != "country"]


def test_a_range_word_before_a_word_that_is_no_range_is_no_range():
    assert [m.text for m in find_places("The drills were held at the range Monday, officials said.")] == []
    # "the Russian range" with no name stays the country
    assert [(m.text, m.form) for m in find_places("They trained at the Russian range.")] == [
        ("Russian range", "country")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They planned the joint Russian-Belarusian- Kazakh drills for the autumn.", ["RUS", "BLR", "KAZ"]),
        ("The Polish- Lithuanian exercise opened on Monday.", ["POL", "LTU"]),
    ],
)
def test_a_compound_of_demonyms_broken_after_its_hyphen_names_each(sentence, expected):
    assert participants_of(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Estonia is represented by the minehunter EML Admiral Cowan.", ["EST"]),
        ("Kazakhstan will be represented by a company of paratroopers.", ["KAZ"]),
        ("Special forces soldiers representing the Republic of Serbia are at the drills.", ["SRB"]),
    ],
)
def test_a_country_represented_by_its_forces_or_craft_takes_part(sentence, expected):
    assert participants_of(sentence) == expected


def test_a_country_represented_by_an_envoy_does_not_take_part():
    assert participants_of("Armenia was represented by its defence attache at the closing ceremony.") == []
    assert participants_of("Poland is represented by the deputy minister at the talks.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Latvian patrol boat Skrunda and minesweeper Talivaldis are taking part in the drills.", ["LVA"]),
        ("A tanker, the Danish frigate Esbern Snare and the German corvette Erfurt took part.", ["DNK", "DEU"]),
        ("The Estonian trawler Ugandi and the Finnish Hornet jets will act as a simulated enemy.", ["EST", "FIN"]),
        ("Lithuanian, Latvian and Estonian ships are participating in the exercise.", ["LTU", "LVA", "EST"]),
    ],
)
def test_each_item_of_a_subject_that_takes_part_names_its_country(sentence, expected):
    assert participants_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Polish ambassador and the German minister took part in the ceremony.",
        "Russian media reported that the drills would take part of the budget.",
        "The Swedish corvette did not take part in the exercise.",
        "The Danish frigate will act as a flagship of the group.",
    ],
)
def test_a_subject_of_envoys_speakers_or_a_negation_names_no_participant(sentence):
    assert participants_of(sentence) == []


def test_a_country_represented_by_its_ship_continues_the_exercise_in_focus(extractor):
    text = (
        "The Baltic navies began the Amber Shield naval drills near Klaipeda on Monday. "
        "The Lithuanian minesweeper Kursis is taking part. "
        "Latvia is represented by the headquarters ship Varonis. "
        "The Polish Su-22 attack aircraft will act as a simulated enemy."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {"LTU", "LVA", "POL"} <= set(event.participants)


@pytest.mark.parametrize(
    "task",
    [
        "Reconnaissance units of Kazakhstan and Kyrgyzstan need to find the notional enemy's base.",
        "Tajik and Kyrgyz paratroopers must destroy the saboteurs' camp by nightfall.",
        "The tank crews of Kazakhstan and Kyrgyzstan are tasked with repelling the landing.",
    ],
)
def test_forces_given_the_drill_s_task_continue_the_exercise_in_focus(extractor, task):
    text = f"The CSTO rapid reaction force began an exercise at the Donguzsky range on Monday. {task}"
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {"KAZ", "KGZ"} <= set(event.participants) or {"TJK", "KGZ"} <= set(event.participants)


def test_forces_with_no_task_of_the_drill_do_not_continue_it(extractor):
    text = (
        "The CSTO rapid reaction force began an exercise at the Donguzsky range on Monday.\n\n"
        "Analysts say Kazakh and Kyrgyz units need to be modernised."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert not {"KAZ", "KGZ"} & set(event.participants)


@pytest.mark.parametrize(
    "later",
    [
        "Next year, the exercises will be held in Latvia.",
        "The following year, the naval drills are to be hosted by Latvia.",
    ],
)
def test_next_year_put_first_is_a_later_edition_not_this_one(extractor, later):
    text = f"Lithuanian and Estonian warships began the Amber Shield naval drills near Klaipeda on Monday. {later}"
    (event, *_) = extractor.extract(text, published=PUBLISHED).events
    assert "LVA" not in [loc.country for loc in event.locations]
    # a later phase of this edition ("next week", not "next year" put first) stays its site
    same = (
        "Lithuanian and Estonian warships began naval drills near Klaipeda on Monday. "
        "Next week, the drills will be held in Latvia."
    )
    (event, *_) = extractor.extract(same, published=PUBLISHED).events
    assert "LVA" in [loc.country for loc in event.locations]


@pytest.mark.parametrize(
    "background",
    [
        "The drills, which run until 3 June, were planned before Russia's military operation in Ukraine.",
        "The drills, which run until 3 June, were planned long before the war in Ukraine.",
        "The drills, which run until 3 June, resumed after Moscow's full-scale invasion of Ukraine.",
    ],
)
def test_a_war_dating_the_drills_is_background_and_its_place_no_site(extractor, background):
    text = f"Estonian and Finnish troops began an exercise near Voru on Monday. {background}"
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "UKR" not in [loc.country for loc in event.locations]
    assert event.end == "2026-06-03"  # the clause before the war keeps its facts


def test_an_exercise_s_own_military_operation_is_no_war(extractor):
    text = "Belarusian troops began drills near Brest on Monday, rehearsing a joint military operation near Pinsk."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.text for loc in event.locations] == ["Brest", "Pinsk"]
