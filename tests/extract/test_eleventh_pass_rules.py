"""The mechanisms added for the eleventh blind batch of real reports (analysis and background pieces naming several
exercises, ids 230-239): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (a concurrent clause about the
war, a duration written "which run from …", an anti-NATO exercise, country lists after "including" and groups
named by their members, an era named after a war, names in capitals, "X, allied and partner forces" conducting
operations across training areas); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.alliance_cues import ALLIANCE_CUES
from geo.extract.cues import BACKGROUND_CLAUSE
from geo.extract.participants import find_parties
from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


def test_a_concurrent_clause_about_the_war_keeps_the_exercise_facts(extractor):
    text = (
        "The Union Guard 2026 drills, which run from Friday to Monday, are held in the Brest region as Russian "
        "troops press their offensive and step up attacks on Ukrainian towns."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert str(event.start) == "2026-05-15"
    assert [(loc.country, loc.admin1) for loc in event.locations if loc.resolved] == [("BLR", "Brest")]
    # the war as the main clause still gives no facts
    war_first = "Russian troops pressed their offensive as Ukraine held drills."
    assert not extractor.extract(war_first, published=PUBLISHED).events


def test_which_run_from_a_day_is_a_duration_not_a_place_described(extractor):
    text = "The Union Guard 2026 drills, which run from Friday to Monday, are held in the Brest region."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [(loc.country, loc.admin1) for loc in event.locations if loc.resolved] == [("BLR", "Brest")]
    assert BACKGROUND_CLAUSE.match("which runs from the Baltic Sea to the Black Sea")
    assert not BACKGROUND_CLAUSE.match("which run from 12 to 16 September")


def test_an_anti_nato_exercise_is_not_a_nato_one():
    nato = dict(ALLIANCE_CUES)["NATO"]
    assert not nato.search("an official called it a complex, aggressive, anti-NATO exercise")
    assert not nato.search("a non-NATO drill")
    assert nato.search("the NATO exercise in Latvia") and nato.search("NATO’s Baltic drills")


def test_a_list_after_including_and_a_group_named_by_its_members_are_sites(extractor):
    text = (
        "NATO will hold the Amber Guard 2026 exercise. The drills are set to take place across several European "
        "countries, including Denmark, Norway, and the Nordic states of Sweden and Finland."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.country for loc in event.locations if loc.resolved] == ["DNK", "NOR", "SWE", "FIN"]
    # a span of hosts says nothing of who takes part
    assert event.participants == ()
    assert not find_places("Troops from several countries, including Denmark and Norway, arrived.")


def test_the_lie_of_listed_places_is_background(extractor):
    text = "The Amber Guard 2026 exercise is held in Estonia, Latvia and Lithuania, all of which border Russia."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.country for loc in event.locations if loc.resolved] == ["EST", "LVA", "LTU"]
    assert BACKGROUND_CLAUSE.match("both of which share a border with Belarus")


def test_a_known_name_in_capitals_is_the_name(extractor):
    text = "Soldiers said exercises like SABER Strike 26 build readiness with allies in Lithuania."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name_normalized == "Saber Strike-2026"
    text = "DEFENDER-Europe 26 brings 20,000 troops from 20 nations to Poland."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name_normalized == "Defender Europe-2026"


def test_an_era_named_after_a_war_is_no_fighting(extractor):
    text = "The Amber Guard 2026 drill, the largest since the end of the Cold War, is held in Latvia."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.country for loc in event.locations if loc.resolved] == ["LVA"]


def test_forces_of_a_country_and_its_allies_and_partners_take_part():
    (party,) = find_parties("Some 9,000 Polish, allied and partner troops will train.")
    assert party.role == "participant" and "Polish" in party.text


def test_forces_conducting_operations_across_training_areas_continue_the_exercise(extractor):
    text = (
        "SABER Strike 26 is an annual multinational exercise led by the US Army. Around 9,000 Polish, allied and "
        "partner forces will conduct operations across more than 20 training areas."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "POL" in event.participants


def test_a_span_of_hosts_adds_no_participant_beside_named_forces(extractor):
    text = "Polish troops take part in the Amber Guard 2026 exercise, held in Denmark, Norway and Sweden."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.participants == ("POL",)


def test_it_has_been_scheduled_continues_the_exercise_with_its_month(extractor):
    text = "Russian troops are arriving in Belarus as part of Union Shield 2026. It has been scheduled for June."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert str(event.start) == "2026-06"


def test_a_day_opening_a_present_simple_start_is_ahead(extractor):
    tuesday = dt.date(2026, 5, 12)
    text = '"On Friday, the Union Shield 2026 manoeuvres, very large ones, begin in Belarus," the minister said.'
    (event,) = extractor.extract(text, published=tuesday).events
    assert str(event.start) == "2026-05-15"
