"""The mechanisms added for the fifteenth blind batch of real reports (regional outlets rewriting wire copy, ids
280-289): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.participants import find_parties
from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2027, exercises 'Interaction,' 'Search,' and 'Echelon' will be held in Kyrgyzstan, the ministry said.",
        "Next year the drills “Interaction,” “Search,” and “Echelon” will take place in Kyrgyzstan.",
        "The bloc will hold the exercises 'Search,' 'Interaction,' and 'Echelon' in Kyrgyzstan in 2027.",
    ],
)
def test_a_quoted_name_list_with_commas_inside_the_quotes(extractor, sentence):
    events = extractor.extract(sentence, published=PUBLISHED).events
    assert {(e.name_normalized, e.year) for e in events} >= {("Interaction", 2027), ("Search", 2027), ("Echelon", 2027)}


def test_a_quotation_opening_with_a_known_word_is_no_name(extractor):
    # The comma inside a quotation is not the closing quote of a name: "Interaction, …" opens a quotation.
    sentence = '"Interaction, not confrontation, is our aim," the minister said of the exercise in Kyrgyzstan.'
    events = extractor.extract(sentence, published=PUBLISHED).events
    assert all(e.name_normalized != "Interaction" for e in events)


_ALL_CSTO = {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}  # in May 2026, Armenia's frozen membership included


@pytest.mark.parametrize(
    ("sentence", "all_take_part"),
    [
        ("The five-day CSTO exercise in Kyrgyzstan will involve representatives of all the CSTO member states.", True),
        (
            "The CSTO drills in Kyrgyzstan began on Monday with the participation of all member states of the CSTO.",
            True,
        ),
        ("All CSTO member states will take part in the drills that began in Kyrgyzstan on Monday.", True),
        # no participation cue, or a negated one
        ("All CSTO member states were notified of the exercise that began in Kyrgyzstan on Monday.", False),
        ("Not all CSTO member states will take part in the exercise that began in Kyrgyzstan on Monday.", False),
        ("The CSTO exercise began in Kyrgyzstan on Monday after all CSTO member states approved its plan.", False),
    ],
)
def test_all_the_members_of_an_alliance_take_part(extractor, sentence, all_take_part):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert (set(event.participants) >= _ALL_CSTO) is all_take_part
    if not all_take_part:
        assert not {"ARM", "TJK"} & set(event.participants)


def test_all_the_members_of_an_alliance_on_the_exercise_date(extractor):
    # Uzbekistan left the CSTO in 2012: a 2010 exercise of all its members counts it.
    sentence = "The CSTO exercise held in Kazakhstan in October 2010 involved troops from all the CSTO member states."
    (event,) = extractor.extract(sentence, published=dt.date(2010, 10, 20)).events
    assert "UZB" in event.participants


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("The army will hold drills in its Grodno and Vitsebsk regions until Friday.", {"Grodno", "Vitsebsk"}),
        ("Drills are held in their Gomel and Mogilev regions this week.", {"Gomel", "Mogilev"}),
        (
            "The army will hold drills in the regions bordering Lithuania and its Grodno and Brest regions.",
            {"Grodno", "Brest"},
        ),
    ],
)
def test_a_region_list_after_its_or_their(sentence, places):
    found = {p.text for p in find_places(sentence) if p.form == "region"}
    assert found >= places


def test_and_its_joins_no_region_list_without_a_region_word():
    # "and its allies" is no place; only the country stays.
    assert [p.text for p in find_places("The army will hold drills near Poland and its Baltic allies.")] == ["Poland"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland's army, a member of the U.S.-led NATO military alliance, said it watched the drills.",
        "Forces of the Russian-led Collective Security Treaty Organization began drills in Tajikistan.",
    ],
)
def test_who_leads_a_bloc_is_no_participant(sentence):
    assert "USA" not in {p.iso3 for p in find_parties(sentence)}
    assert "RUS" not in {p.iso3 for p in find_parties(sentence)}


@pytest.mark.parametrize(
    "sentence",
    ["The United States-led drills began in Lithuania.", "The exercise, led by the United States, began on Monday."],
)
def test_who_leads_an_exercise_still_takes_part(sentence):
    assert "USA" in {p.iso3 for p in find_parties(sentence) if p.role == "participant"}


@pytest.mark.parametrize(
    "war",
    [
        'A close ally of Russia, Belarus said its forces were not taking part in what Moscow calls its "special '
        'operation" in Ukraine, but Russia sent troops across the border.',
        "Belarus said in March that its army was not taking part in the invasion, but it let Russia send troops "
        "across the border.",
    ],
)
def test_a_sentence_about_the_war_does_not_continue_the_drills(extractor, war):
    text = "Belarus will hold a mobilisation exercise in the Gomel region on June 22-July 1.\n\n" + war
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.participants == ("BLR",)
    assert event.alliance == "national"


def test_forces_taking_part_without_the_war_still_continue_the_drills(extractor):
    text = "Belarus will hold a mobilisation exercise in the Gomel region on June 22-July 1.\n\n"
    text += "Russian troops will also take part."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "RUS" in event.participants
