"""The mechanisms added for the dev misses of the seventh session: one test per rule, on made-up sentences.

Each text is written for the test in the style of the failure class it covers (named parts reported beside
their umbrella, several unnamed drills with places of their own, bulleted lists of places); none is copied
from the real development set.
"""

from __future__ import annotations

import datetime as dt


def _places(event) -> list[str]:
    return [p.text for p in event.locations if p.role == "site"]


def test_a_named_part_with_its_umbrellas_days_and_no_place_is_held_at_its_places(extractor):
    text = (
        "From May 12 to May 18, at the Gozhsky training ground, the collective forces of the bloc will hold joint "
        "drills. The Interaction-2027 exercise will practise crisis response. During special exercises named "
        'Search, reconnaissance units will train. The "Echelon" drills will focus on logistics.'
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=dt.date(2027, 5, 2)).events}
    assert _places(events["Interaction-2027"]) == ["Gozhsky training ground"]
    for part in ("Search", "Echelon"):
        assert events[part].start == "2027-05-12"
        assert _places(events[part]) == ["Gozhsky training ground"]
        assert any(n.startswith("places: those of Interaction") for n in events[part].notes)


def test_a_part_with_a_place_of_its_own_keeps_it(extractor):
    text = (
        "From May 12 to May 18, at the Gozhsky training ground, the collective forces of the bloc will hold joint "
        'drills. The Interaction-2027 exercise will practise crisis response. The "Echelon" drills will be held '
        "at the Losvido training ground."
    )
    events = {e.name_normalized: e for e in extractor.extract(text, published=dt.date(2027, 5, 2)).events}
    assert _places(events["Echelon"]) == ["Losvido training ground"]


def _unnamed(extractor, text: str, published: dt.date) -> list[tuple[str | None, list[str]]]:
    return [(e.start, _places(e)) for e in extractor.extract(text, published=published).events]


def test_unnamed_drills_with_places_of_their_own_in_later_paragraphs_are_separate_events(extractor):
    text = (
        "Reservist drills will be held in July in Grodno region.\n\n"
        "All enlistment offices of Grodno region will take part in the drills.\n\n"
        "Preparations are underway to hold drills with the territorial defense in Pinsk district.\n\n"
        "Most likely, the drills will be held within an inspection of Brest region.\n\n"
        "In August, drills with the territorial defense will also be conducted in Slonim."
    )
    assert _unnamed(extractor, text, dt.date(2025, 6, 2)) == [
        ("2025-07", ["Grodno region"]),
        (None, ["Pinsk district", "Brest region"]),
        ("2025-08", ["Slonim"]),
    ]


def test_the_drills_pointing_back_or_a_place_named_before_stay_one_event(extractor):
    text = (
        "Reservist drills will be held in July in Grodno region.\n\n"
        "The drills will also take place in Lida.\n\n"
        "Drills will be held in Grodno region again next year."
    )
    assert len(extractor.extract(text, published=dt.date(2025, 6, 2)).events) == 1


def test_bullet_items_after_a_lead_in_belong_to_its_drill(extractor):
    text = (
        "Reservist drills will be held in July in Grodno region.\n\n"
        "Since January, the territorial defense drills have been held in three regions:\n\n"
        "• Minsk region – in Slutsk district;\n\n"
        "• Brest region – in Pinsk district."
    )
    first, second = _unnamed(extractor, text, dt.date(2025, 6, 2))
    assert first == ("2025-07", ["Grodno region"])
    assert second[0] is None
    assert {"Slutsk district", "Pinsk district"} <= set(second[1])
    assert "Grodno region" not in second[1]


def test_troops_exercising_together_with_soldiers_from_a_list_of_countries_are_participants(extractor):
    text = (
        "Lithuania's army on Monday launched the Iron Wolf 2027 exercise at the Pabrade training ground.\n\n"
        "Lithuanian troops will be exercising together with soldiers from countries such as the Netherlands, "
        "Norway and Belgium, in addition to units from Czechia."
    )
    (event,) = extractor.extract(text, published=dt.date(2027, 6, 7)).events
    assert set(event.participants) == {"LTU", "NLD", "NOR", "BEL", "CZE"}


def test_exercising_alone_continues_nothing(extractor):
    text = (
        "Lithuania's army on Monday launched the Iron Wolf 2027 exercise at the Pabrade training ground.\n\n"
        "Doctors say exercising with friends from Norway is healthy."
    )
    (event,) = extractor.extract(text, published=dt.date(2027, 6, 7)).events
    assert "NOR" not in event.participants


def test_the_regions_of_territorial_units_of_a_and_b_give_one_region_per_name():
    from geo.extract.places import find_places

    sentence = "Reservists trained in the regions of territorial units of Alytus and Druskininkai near the border."
    assert [(p.text, p.query) for p in find_places(sentence) if p.form == "region"] == [
        ("Alytus", "the Alytus region"),
        ("Druskininkai", "the Druskininkai region"),
    ]
    sentence = "Reservists trained in the districts of Lida and Slonim."
    assert [p.query for p in find_places(sentence)] == ["Lida district", "Slonim district"]
    # "the regions of origin" names no place
    assert find_places("Units returned to the regions of origin and rest.") == []


def test_a_region_of_a_country_the_admin1_layer_lacks_is_located_as_that_country(extractor):
    text = (
        "CSTO drills began in Khatlon region on Monday, the defence ministry of Tajikistan said; they are held in "
        "Tajikistan."
    )
    (event,) = extractor.extract(text, published=dt.date(2027, 4, 5)).events
    region = next(p for p in event.locations if p.text == "Khatlon region")
    assert (region.status, region.country, region.admin1, region.precision) == ("resolved", "TJK", None, "country")
    assert "admin-1 layer" in region.explanation


def test_a_region_of_a_covered_country_that_matches_none_of_its_names_stays_unresolved(extractor):
    text = "Belarusian troops began drills in Foobar region on Monday; the drills are held in Belarus."
    (event,) = extractor.extract(text, published=dt.date(2027, 4, 5)).events
    assert [p.status for p in event.locations if p.text == "Foobar region"] == ["unresolved"]


def test_an_inspection_of_response_forces_is_an_exercise_mention():
    from geo.extract.cues import EXERCISE_NOUN

    assert EXERCISE_NOUN.search("The inspection of the bloc’s rapid response forces is running on Belarusian soil.")
    assert not EXERCISE_NOUN.search("The inspection of the bridge found cracks.")


def test_unnamed_drills_in_a_country_the_focus_never_names_are_another_event(extractor):
    text = (
        "A two-month cycle of military exercises begins in Estonia today.\n\n"
        "The main purpose of the exercise is to test the defence plan.\n\n"
        "On May 3, large-scale military exercises of the CSTO countries began in Belarus."
    )
    events = extractor.extract(text, published=dt.date(2027, 5, 4)).events
    assert [(e.alliance, {p.country for p in e.locations}) for e in events] == [
        ("national", {"EST"}),
        ("CSTO", {"BLR"}),
    ]
    # the same country written otherwise ("on Belarusian territory") is no other drill
    text = "The bloc will hold five exercises in Belarus.\n\nA number of joint drills is planned on Belarusian soil."
    assert len(extractor.extract(text, published=dt.date(2027, 5, 4)).events) == 1


def test_an_official_overseeing_exercises_reports_them_held(extractor):
    text = "The defence minister oversaw combat readiness exercises at a training facility in northwestern Russia."
    events = extractor.extract(text, published=dt.date(2027, 3, 5)).events
    assert [{p.country for p in e.locations} for e in events] == [{"RUS"}]


def test_a_fleet_that_began_training_with_a_landing_holds_an_exercise(extractor):
    text = "The Western Fleet began training with a landing at one of the ranges in Pskov oblast."
    (event,) = extractor.extract(text, published=dt.date(2027, 3, 5)).events
    assert [(p.country, p.admin1) for p in event.locations] == [("RUS", "Pskov")]
    # training as a plain word opens nothing
    assert extractor.extract("The club began training with new coaches.", published=dt.date(2027, 3, 5)).events == ()


def test_a_recalled_example_of_an_earlier_year_adds_no_participants(extractor):
    text = (
        'A large military exercise "Slavic Brotherhood 2027" started in Serbia on Monday with airborne units of '
        "Serbian, Russian and Belarusian forces.\n\n"
        "For example, in mid-November 2025, Serbian soldiers performed parachute jumps with parachutes from a US "
        "Army brigade."
    )
    (event,) = extractor.extract(text, published=dt.date(2027, 6, 9)).events
    assert set(event.participants) == {"SRB", "RUS", "BLR"}
    assert event.alliance == "Russia-Belarus"


def test_an_example_of_this_year_or_to_come_still_continues():
    from geo.extract.separate_drills import earlier_occasion

    assert earlier_occasion("For example, in 2025, soldiers performed jumps.", dt.date(2027, 6, 9))
    assert not earlier_occasion("For example, in 2027, soldiers performed jumps.", dt.date(2027, 6, 9))
    assert not earlier_occasion("Soldiers from Norway, which joined in 2025, arrived.", dt.date(2027, 6, 9))


def test_the_hills_or_forests_of_x_are_x():
    from geo.extract.places import find_places

    (hills,) = find_places("The sun rose over the rolling hills of Estonia as troops arrived for the drill.")
    assert (hills.text, hills.form, hills.context) == ("the rolling hills of Estonia", "country", "EST")
    (forests,) = find_places("Paratroopers trained in the forests of Lida.")
    assert (forests.query, forests.form) == ("Lida", "town")


def test_drills_at_other_ranges_during_a_snap_inspection_stay_the_inspection(extractor):
    text = (
        "A snap combat readiness inspection of the armed forces began on Monday in Grodno region.\n\n"
        "At a range in Brest region, two battalions are holding drills with live firing."
    )
    assert len(extractor.extract(text, published=dt.date(2027, 3, 1)).events) == 1


def test_a_statement_previewing_an_exercise_announces_it(extractor):
    text = (
        '"Fire training at the training ground in Orzysz is to deepen the interoperability of Polish and American '
        'troops," the Polish military said in a statement previewing the military exercise.'
    )
    (event,) = extractor.extract(text, published=dt.date(2027, 4, 8)).events
    assert set(event.participants) == {"POL", "USA"}
    assert {p.country for p in event.locations} == {"POL"}
