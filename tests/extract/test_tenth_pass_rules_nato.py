"""The mechanisms added for the tenth blind batch of real reports (NATO's eastern flank and the Belarus border seen
from both sides, ids 220-229): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers (drills "taking place", a dash
before a name's year, a glossed term, a describing word before a region, the other side's exercises, an exercise
near a non-participant's border, "the so-called X", a place's lie described, rivers crossed, corridors, distances
from a border, forces that trained somewhere, a border across sides); none is copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.cues import BACKGROUND_CLAUSE, CLAUSE_SPLIT, EVENT_CUE, EXERCISE_NOUN, MOVE_VERB
from geo.extract.participants import find_parties
from geo.extract.places import find_places

PUBLISHED = dt.date(2026, 5, 14)


def _sites(event):
    return [(loc.text, loc.country, loc.admin1) for loc in event.locations if loc.resolved]


def test_drills_taking_place_are_being_held(extractor):
    text = "The manoeuvres are taking place in the Vitebsk region, the ministry said."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert _sites(event) == [("the Vitebsk region", "BLR", "Vitebsk")]
    assert EVENT_CUE.search("Exercises were taking place near Lida.")


def test_a_dash_may_stand_between_a_quoted_name_and_its_year(extractor):
    text = 'The joint exercise "Amber Shield – 2026" has started in Estonia with troops from Finland.'
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name is not None and event.year == 2026
    assert event.name.startswith("Amber Shield")
    assert set(event.participants) == {"EST", "FIN"}


def test_a_gloss_of_a_term_is_background_and_gives_no_place(extractor):
    text = (
        "Belarusian drills are taking place in the Mogilev region. The ministry said the drills drew on lessons "
        'from the "special military operation," referring to the war in Ukraine.'
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.country for loc in event.locations] == ["BLR"]
    spans = [m.group(0) for m in CLAUSE_SPLIT.finditer('the "special operation," referring to the war in Ukraine')]
    assert spans and BACKGROUND_CLAUSE.match("referring to the war in Ukraine")


def test_a_describing_word_before_a_region_leaves_the_region(extractor):
    text = "Belarusian troops held drills in the restive Brest region."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert _sites(event) == [("the restive Brest region", "BLR", "Brest")]
    # a compass word stays with the compass forms
    places = find_places("Belarusian troops held drills in the northern Grodno region.")
    assert [p.text for p in places] == ["the northern Grodno region"]


def test_the_other_sides_exercises_are_another_event(extractor):
    text = (
        "Belarus's army will hold drills on Aug. 3-6 in the Vitebsk region, the ministry said.\n"
        "Minsk has long complained about the NATO exercises being conducted in Latvia and Estonia."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    own = next(e for e in events if "BLR" in e.participants)
    assert own.alliance == "national" and set(own.participants) == {"BLR"}
    assert {loc.country for loc in own.locations} == {"BLR"}
    other = next(e for e in events if e is not own)
    assert other.alliance == "NATO" and set(other.participants) == {"LVA", "EST"}
    # the same sentence after a NATO exercise is no other side
    nato = text.replace("Belarus's army will hold drills", "Latvian troops will hold drills").replace(
        "the Vitebsk region", "the Latgale region"
    )
    assert len(extractor.extract(nato, published=PUBLISHED).events) == 1


def test_an_exercise_near_a_non_participants_border_is_the_participants_strip(extractor):
    text = "Latvia said it was watching a Belarusian military exercise being held near its border."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [(loc.text, loc.country, loc.kind) for loc in event.locations] == [("its border", "BLR", "border_zone")]
    # a reaction at one's own border stays no site
    reaction = "Belarus began drills in the Vitebsk region. Latvia moved extra troops to its border."
    (event,) = extractor.extract(reaction, published=PUBLISHED).events
    assert "its border" not in {loc.text for loc in event.locations}


def test_the_so_called_corridor_is_a_place_not_a_name(extractor):
    text = "In May, a multinational military exercise took place in the so-called “Suwalki Corridor”."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name is None
    assert [loc.text for loc in event.locations] == ["Suwalki Corridor"]
    assert extractor.extract('Troops began an exercise called "Iron Lynx 2026".', published=PUBLISHED).events[0].name


def test_a_relative_clause_describing_a_place_is_geography(extractor):
    text = (
        "Lithuanian troops held drills in Alytus County, a border area of Lithuania, which runs from Poland to the "
        "Russian exclave of Kaliningrad."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {loc.country for loc in event.locations} == {"LTU"}
    assert "RUS" not in event.participants


def test_a_crossed_river_is_read_in_the_one_participant_it_crosses(extractor):
    text = "Polish, Dutch and Spanish troops crossed the Vistula River as part of the spring exercise."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    (river,) = [loc for loc in event.locations if "Vistula" in loc.text]
    assert (river.country, river.resolved) == ("POL", True)
    assert MOVE_VERB.search("the battalion crossed the Neman River at dawn")
    assert MOVE_VERB.search("the troops will march to the range") and not MOVE_VERB.search("a march of protest")


def test_a_corridor_is_read_on_the_one_participants_side(extractor):
    (one,) = extractor.extract("Polish troops held drills in the Suwalki Gap.", published=PUBLISHED).events
    assert [(loc.country, loc.kind) for loc in one.locations] == [("POL", "border_zone")]
    text = "Polish and Lithuanian troops held drills in the Suwalki Gap."
    (both,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.country for loc in both.locations] == [None]


def test_a_distance_from_a_border_within_the_strip_is_the_strip(extractor):
    near = "Latvian soldiers held drills about 12 kilometres from the Russian border."
    (event,) = extractor.extract(near, published=PUBLISHED).events
    assert [(loc.country, loc.kind) for loc in event.locations] == [("LVA", "border_zone")]
    far = "Latvian soldiers held drills about 120 kilometres from the Russian border."
    (event,) = extractor.extract(far, published=PUBLISHED).events
    assert [loc for loc in event.locations if loc.kind == "border_zone"] == []
    miles = [p.query for p in find_places("drills 10 miles from the border with Belarus")]
    assert miles == ["the border with Belarus"]


def test_forces_that_trained_at_a_place_hold_drills(extractor):
    (event,) = extractor.extract("Lithuanian soldiers trained at the Rukla base.", published=PUBLISHED).events
    assert "LTU" in event.participants
    assert EXERCISE_NOUN.search("Lithuanian soldiers trained in Rukla")
    assert not EXERCISE_NOUN.search("the soldiers trained in first aid")


def test_a_border_across_sides_from_every_participant_is_left_unresolved(extractor):
    text = "Polish and Czech troops began the spring exercise, then marched to ranges near the eastern border."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    border = [loc for loc in event.locations if "border" in loc.text]
    assert border and all(loc.country != "BLR" for loc in border)


def test_a_border_naming_no_country_is_read_in_the_one_host(extractor):
    text = (
        "NATO's exercise Iron Heron 2026 continues in Poland with Dutch and Spanish troops. "
        "Next, the troops will march to ranges near the eastern border."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    (border,) = [loc for loc in event.locations if "border" in loc.text]
    assert (border.country, border.kind) == ("POL", "border_zone")


def test_drills_answering_a_named_exercise_are_another_event(extractor):
    text = "In response to NATO's Iron Heron exercise in Latvia, Belarus launched drills in the Vitebsk region Monday"
    events = extractor.extract(text, published=PUBLISHED).events
    answered = next(e for e in events if e.name is not None)
    drills = next(e for e in events if e.name is None)
    assert set(answered.participants) == {"LVA"} and {loc.country for loc in answered.locations} == {"LVA"}
    assert set(drills.participants) == {"BLR"} and drills.start == "2026-05-11"
    assert _sites(drills) == [("the Vitebsk region", "BLR", "Vitebsk")]
    after = "Belarus launched drills in the Vitebsk region Monday, a response to NATO's Iron Heron exercise in Latvia"
    assert {e.name is None for e in extractor.extract(after, published=PUBLISHED).events} == {True, False}


def test_a_country_after_a_locative_opens_no_list_of_subjects():
    parties = find_parties("After the exercise in Estonia, Latvia launched drills near Rezekne.")
    assert [(p.iso3, p.text) for p in parties] == [("LVA", "Latvia launched drills")]
    both = find_parties("Estonia and Latvia launched drills near Rezekne.")
    assert [p.iso3 for p in both] == ["EST", "LVA"]


def test_forces_saying_something_of_another_country_are_its_source():
    parties = find_parties("The Latvian army said Russia was holding military exercises near the border.")
    assert [p.iso3 for p in parties] == ["RUS"]
    own = find_parties("The Latvian army said its troops would train with Estonian soldiers.")
    assert [p.iso3 for p in own] == ["LVA", "EST"]
    assert [p.iso3 for p in find_parties("The Latvian army said it would hold drills near Rezekne.")] == ["LVA"]


def test_border_guards_drilling_hold_drills(extractor):
    text = "Latvian border guards held a drill on the border with Belarus on Thursday."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.participants == ("LVA",)
    assert [(loc.country, loc.kind) for loc in event.locations] == [("LVA", "border_zone")]


def test_a_corridor_is_read_on_the_one_host_side_when_no_participant_is_named(extractor):
    text = "The Amber Lynx 2026 exercise kicked off in Lithuania on Monday, with training near the Suwalki Gap."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    (gap,) = [loc for loc in event.locations if "Suwalki" in loc.text]
    assert (gap.country, gap.kind) == ("LTU", "border_zone")
