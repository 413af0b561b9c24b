"""The mechanisms added for the sixteenth blind batch of real reports (Russia's Western and Central districts and the
Baltic side, ids 302-311): one test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.district_forces import district_forces
from geo.extract.participants import find_parties

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "Some 2,000 Russian troops began drills on Thursday, the ministry said. They are taking place in the "
            "Pskov, Tver and Smolensk regions.",
            {"Pskov", "Tver'", "Smolensk"},
        ),
        (
            "Russian paratroopers started an exercise on Thursday. The drills practise landings at night. They are "
            "taking place in the Pskov and Novgorod regions.",
            {"Pskov", "Novgorod"},
        ),
        ("Russian troops started drills on Thursday. It is being held in the Kaliningrad region.", {"Kaliningrad"}),
    ],
)
def test_a_pronoun_saying_where_the_drills_are_taking_place(extractor, text, regions):
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {loc.admin1 for loc in event.locations if loc.admin1} >= regions


def test_a_pronoun_after_another_subject_is_not_the_drills(extractor):
    # "They" two sentences after the drills, with a sentence of another subject between: not read as the drills.
    text = (
        "Russian troops started drills on Thursday near Pskov. Officials in Tallinn met the ambassador on Wednesday. "
        "Later that day the talks ended. They are taking place in the Tver region."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert all("Tver'" not in {loc.admin1 for loc in e.locations} for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Units of the Western Military District's tank army began scheduled drills on Thursday.",
        "About 800 troops of the Central Military District began a tactical exercise on Thursday.",
        "Southern Military District paratroopers practised landings in an exercise on Thursday.",
        "The drills of troops of the Leningrad and Moscow Military Districts began on Thursday.",
    ],
)
def test_a_russian_military_districts_forces_are_russias(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.participants == ("RUS",)
    assert event.alliance == "national"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Western Military District reported on Thursday that NATO drills had begun in Poland.",
        "Polish troops began an exercise on Thursday in Orzysz, near the Western Military District's border.",
        "Belarus held an exercise on Thursday; no troops of the Western Military District took part.",
    ],
)
def test_a_district_as_speaker_place_or_negated_gives_no_russian_forces(sentence):
    parties = {p.iso3: p.role for p in find_parties(sentence)}
    assert parties.get("RUS") != "participant"


def test_district_forces_reads_several_districts():
    assert district_forces("troops of the Southern and Western Military Districts returned to their bases") == [
        "troops of the Southern and Western Military Districts"
    ]


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        (
            "The base is full of Estonian, British, French, and other NATO country forces ahead of the exercise.",
            {"EST", "GBR", "FRA"},
        ),
        ("Latvian, Polish and other NATO member troops trained at the range on Thursday.", {"LVA", "POL"}),
        ("Lithuanian, Danish, and other allied forces joined the drills on Thursday.", {"LTU", "DNK"}),
    ],
)
def test_a_demonym_list_ending_in_other_nato_country_forces(sentence, countries):
    parties = {p.iso3 for p in find_parties(sentence) if p.role == "participant"}
    assert parties == countries


@pytest.mark.parametrize(
    "text",
    [
        "The Spring Storm exercise ended on Thursday. “This year, thanks to local people, we have been able to operate "
        "in Võru, Valga, and Põlva counties,” the general said.",
        "Estonian troops held the Hedgehog exercise this week. “Our units trained in Võru, Valga and Põlva counties "
        "for the first time,” the commander said.",
    ],
)
def test_a_quoted_commander_saying_where_we_operated(extractor, text):
    events = extractor.extract(text, published=PUBLISHED).events
    assert {loc.admin1 for e in events for loc in e.locations} >= {"Võru", "Valga", "Põlva"}


def test_we_without_a_training_verb_gives_no_site(extractor):
    text = (
        "The Spring Storm exercise ended on Thursday. “This year we have been able to meet in Tartu and Valga "
        "counties,” the mayor said."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    assert not {loc.admin1 for e in events for loc in e.locations} & {"Tartu", "Valga"}
