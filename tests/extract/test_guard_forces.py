"""A US state's National Guard makes the United States a participant (geo.extract.guard_forces); made-up sentences."""

from __future__ import annotations

import pytest

from geo.extract.guard_forces import guard_forces
from geo.extract.participants import find_parties
from tests.extract.extract_checks import participants_of


@pytest.mark.parametrize(
    "sentence",
    [
        "Mentors from the Ohio, Kansas, and Texas National Guard joined the brigade staff for the exercise.",
        "Soldiers of the Michigan Army National Guard trained alongside Latvian troops.",
        "The New York Air National Guard flew refuelling sorties during the drills.",
        "Airmen from the District of Columbia National Guard took part in the exercise.",
    ],
)
def test_a_state_guard_makes_the_united_states_a_participant(sentence):
    assert "USA" in participants_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The National Guard of Ukraine held a command-post exercise.",  # no state: another country's Guard
        "Russia's National Guard units trained near Moscow.",
        "No Ohio National Guard soldiers took part this year.",  # negated
        "The Ohio National Guard did not take part in the drills.",
        "The governor of Ohio praised the exercise.",  # a state, but no Guard
    ],
)
def test_no_state_guard_no_united_states(sentence):
    assert "USA" not in participants_of(sentence)


def test_a_list_of_states_is_one_guard_mention():
    assert guard_forces("mentors from the Illinois, Pennsylvania and California National Guard") == [
        "Illinois, Pennsylvania and California National Guard"
    ]


def test_the_guard_adds_nothing_when_the_united_states_is_already_named():
    parties = find_parties("US troops and the Vermont National Guard took part in the drills.")
    assert [p.iso3 for p in parties].count("USA") == 1
