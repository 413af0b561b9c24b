"""The mechanisms added for the fourteenth blind batch of real reports (a representative draw weighted towards
place-rich reports, ids 270-279): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.participants import find_parties
from geo.extract.places import find_places
from geo.geocode.geocoder import geocode

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Some 900 paratroopers landed at a training ground in the east within the VOSTOK 2026 drills.", "Vostok-2026"),
        ("The ZAPAD-2026 strategic exercise began in Belarus on Monday, the ministry said.", "Zapad-2026"),
        ("Russian units landed near the border during the Vostok 2026 exercise.", "Vostok-2026"),
    ],
)
def test_a_known_name_in_capitals_is_the_name_and_no_place(extractor, sentence, name):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized == name
    # The name's word is no town of that name (Vostok is a town in Ukraine's Luhansk region).
    assert all(loc.text.casefold() not in name.casefold() for loc in event.locations)
    assert "UKR" not in event.participants


def test_a_place_before_a_name_in_a_town_country_form_stays_a_place(extractor):
    # "Interaction-2026, Belarus" is read as one place phrase starting at the name: it is not inside the name.
    sentence = "Alongside Interaction-2026, Belarus is hosting the reconnaissance exercise Search-2026 this week."
    events = extractor.extract(sentence, published=PUBLISHED).events
    assert any(loc.country == "BLR" for event in events for loc in event.locations)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lithuanian troops are conducting exercises in the area of the so-called Suwalki corridor this week.",
        "Lithuanian troops held drills in the vicinity of the Suwalki Gap on Tuesday.",
        "Lithuanian soldiers train in the zone of the Suwalki corridor.",
    ],
)
def test_a_corridor_after_the_area_of_is_the_corridor(sentence):
    assert [(m.text, m.form) for m in find_places(sentence)][:1] in (
        [("Suwalki corridor", "corridor")],
        [("Suwalki Gap", "corridor")],
    )


def test_the_area_of_a_town_is_not_read_as_a_corridor():
    assert all(m.form != "corridor" for m in find_places("Troops trained in the area of the town of Suwalki."))


@pytest.mark.parametrize("phrase", ["the Trans-Baikal Region", "Trans-Baikal Territory", "the Transbaikal region"])
def test_trans_before_a_russian_region_is_za(phrase):
    result = geocode(phrase)
    # Zabaykal'skiy kray lies outside the admin-1 layer: the country, at country precision.
    assert (result.status, result.kind, result.country) == ("resolved", "country", "RUS")


@pytest.mark.parametrize("phrase", ["the Trans-Ural region", "the Transnistria region", "Trans-Baikal"])
def test_trans_is_read_only_for_a_region_it_spells(phrase):
    assert geocode(phrase).status != "resolved"


def test_a_range_in_the_trans_baikal_region_is_located_there(extractor):
    sentence = "About 5,000 troops began drills at the Uzhgol training ground in the Trans-Baikal Region on Monday."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert {loc.country for loc in event.locations} == {"RUS"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Over 800 paratroopers have landed in the Pskov region during massive military aviation drills, he said.",
        "Russian marines landed in the Kaliningrad region during the Baltic Fleet drills.",
        "Some 300 servicemen parachuted into the Pskov region during an airborne exercise.",
    ],
)
def test_forces_acting_during_drills_report_the_drills(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert tuple({loc.country for loc in event.locations}) == ("RUS",)


@pytest.mark.parametrize(
    "sentence",
    [
        "During the talks in Minsk, the ministers discussed the situation on the border.",
        "During a press conference in Minsk, the minister criticised NATO.",
    ],
)
def test_during_talks_reports_no_drills(extractor, sentence):
    assert extractor.extract(sentence, published=PUBLISHED).events == ()


@pytest.mark.parametrize(
    ("sentence", "ranges"),
    [
        (
            "The drills continue: the Gozhsky (Grodno district) and Obuz-Lisnovskyi (Baranovichi district) training"
            " grounds operated non-stop, while days off were declared at some others.",
            {"Gozhsky", "Obuz-Lisnovskyi"},
        ),
        (
            "Joint drills were held at the Losvido (Vitebsk district), Brestsky (Brest district) and Gozhsky ranges.",
            {"Losvido", "Brestsky", "Gozhsky"},
        ),
    ],
)
def test_a_range_list_with_bracketed_districts_gives_every_range(sentence, ranges):
    sites = {m.text: m.query for m in find_places(sentence) if m.form == "site"}
    assert set(sites) == ranges  # the bracketed districts locate the ranges; they are no range names
    # each name is read with the list's range word, so a spelling variant ("Obuz-Lisnovskyi") is matched as a range
    assert all(query != name for name, query in sites.items())
    assert geocode(sites[sorted(ranges)[-1]]).kind == "training_ground"


def test_ranges_at_work_continue_the_drills(extractor):
    text = (
        "Joint Belarusian-Russian drills continue at Belarusian training grounds until Sunday.\n\n"
        "The Domanovo and Gozhsky training grounds operated non-stop, while days off were declared at others."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {loc.admin1 for loc in event.locations if loc.kind == "training_ground"} == {"Brest", "Grodno"}


def test_ranges_operated_by_an_owner_are_not_at_work():
    from geo.extract.cues import RANGES_AT_WORK

    assert not RANGES_AT_WORK.search("the training grounds operated by the army are closed to the public")
    assert RANGES_AT_WORK.search("the Domanovo and Gozhsky training grounds operated non-stop")


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("The troops, from France and the U.K., will work on weapons skills and live firing.", {"FRA", "GBR"}),
        ("The soldiers, from Poland and Lithuania, practised river crossings all week.", {"POL", "LTU"}),
        ("The troops from Latvia and Estonia will train at the range.", {"LVA", "EST"}),
    ],
)
def test_forces_from_a_country_list_set_off_by_a_comma_take_part(sentence, parties):
    assert {p.iso3 for p in find_parties(sentence) if p.role == "participant"} == parties


def test_the_troops_of_course_name_no_country():
    assert find_parties("The troops, of course, trained hard at the range in the east.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Around 500 NATO personnel based in Estonia are to take part in a major exercise in Latvia on Tuesday.",
        "Some 300 allied soldiers stationed in Lithuania will take part in the drills.",
    ],
)
def test_where_forces_are_based_is_not_who_takes_part(sentence):
    assert {p.iso3 for p in find_parties(sentence)} & {"EST", "LTU"} == set()


def test_countries_that_take_part_still_take_part():
    assert {p.iso3 for p in find_parties("Estonia and Latvia are to take part in the exercise.")} == {"EST", "LVA"}
