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
