"""The mechanisms added for the tenth blind batch of real reports (the CSTO, the SCO and Central Asia): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (Russian regions written after
their centre where ISO 3166-2 writes an adjective, drills of an organisation outside the catalog's alliances,
contingents listed "from A, B and C", months that are no places, a recalled exercise of another month, ranges
listed with a shared range word); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.geocode.geocoder import geocode


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the Orenburg Region", "RUS"),
        ("the Sverdlovsk oblast", "RUS"),
        ("the Perm Krai", "RUS"),
        ("the Novosibirsk region", "RUS"),
    ],
)
def test_a_russian_region_outside_the_layer_is_read_by_its_centres_name(phrase, country):
    result = geocode(phrase)
    assert (result.status, result.country, result.precision) == ("resolved", country, "country")


def test_a_name_that_is_no_region_stem_stays_unresolved():
    assert geocode("the Orenbu region").status == "unresolved"


@pytest.mark.parametrize(
    "sentence",
    [
        "Border Shield-2027, an anti-terror exercise of the Shanghai Cooperation Organisation, began in Russia and "
        "Belarus on Monday with troops from Russia, Belarus, China and India.",
        "Troops of the SCO member states from Russia, Belarus, China and India began the Border Shield-2027 "
        "exercise in Russia on Monday.",
        "Troops from Russia, Belarus, China and India began the CIS joint anti-terror drills in Russia on Monday.",
    ],
)
def test_drills_of_an_organisation_outside_the_listed_alliances_are_bilateral(extractor, sentence):
    (event,) = extractor.extract(sentence, published=dt.date(2027, 5, 3)).events
    assert event.alliance == "bilateral"


def test_russia_belarus_with_guests_and_no_organisation_named_stays_russia_belarus(extractor):
    text = "Troops from Russia, Belarus, China and India began the Border Shield-2027 exercise in Russia on Monday."
    (event,) = extractor.extract(text, published=dt.date(2027, 5, 3)).events
    assert event.alliance == "Russia-Belarus"
