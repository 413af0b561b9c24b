"""The mechanisms added for the thirteenth blind batch of real reports (official releases and older years, ids
260-269): one test per rule.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

from geo.extract.participants import find_parties

PUBLISHED = dt.date(2026, 5, 15)  # a Friday


def _parties(sentence: str) -> list[str]:
    return [p.iso3 for p in find_parties(sentence) if p.role == "participant"]


def test_a_list_of_participating_nations_after_include_or_included():
    assert _parties("Participating nations included Norway, Finland, Sweden and the Netherlands.") == [
        "NOR",
        "FIN",
        "SWE",
        "NLD",
    ]
    assert _parties("Participating countries in Spring Storm include Estonia, Latvia and Denmark.") == [
        "EST",
        "LVA",
        "DNK",
    ]
    assert _parties("The participating nations of the exercise were Romania and Bulgaria.") == ["ROU", "BGR"]
    # a list of places the nations are in is no list of participants
    assert _parties("Participating nations sent ships to ports such as Gdynia.") == []


def test_a_country_list_closed_by_a_count_of_the_other_participants(extractor):
    assert _parties("It brings together Estonia, Latvia and 12 additional participating allied militaries.") == [
        "EST",
        "LVA",
    ]
    assert _parties("Soldiers of Poland, Lithuania and 9 other NATO nations will train there.") == ["POL", "LTU"]
    # not in a sentence about taking part
    assert _parties("Russia, China and 10 other countries voted against the resolution.") == []
    text = (
        "US troops began the Amber Lance 2026 exercise in Latvia on Monday. "
        '"The exercise brings together Estonia, Lithuania, Poland and 14 other participating allied militaries," the '
        "army said."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {"EST", "LTU", "POL"} <= set(event.participants)


def test_a_name_with_a_two_digit_year_between_commas_after_its_exercise_word(lexicon):
    from geo.extract.names import find_names

    (name,) = find_names("Troops joined the Polish national exercise, Dragon 26, at the Orzysz range.", lexicon)
    assert (name.base, name.year) == ("Dragon", 2026)
    (name,) = find_names("Units of the CSTO held their annual drills, Interaction 25, near Bishkek.", lexicon)
    assert (name.base, name.year) == ("Interaction", 2025)
    # a common word with a number that is no year, outside such an apposition, names nothing
    assert find_names("In the exercise the West 10 kilometres of the range were closed.", lexicon) == []


def test_troops_advancing_into_areas_continue_the_drills_in_focus(extractor):
    from geo.extract.cues import MOVE_VERB

    text = (
        "A snap inspection of the Belarusian army began on Monday, the ministry said. "
        "Measures covered many aspects, with troops advancing into designated areas near Lida."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [loc.admin1 for loc in event.locations if loc.resolved] == ["Grodno"]
    assert MOVE_VERB.search("units advancing towards the border")
    assert not MOVE_VERB.search("talks advancing the agenda")


def test_two_rivers_before_a_shared_plural_river_word(extractor):
    from geo.extract.places import find_places

    texts = [m.text for m in find_places("Sappers built crossings over the Dnieper and Sozh rivers on Monday.")]
    assert "Sozh" in texts
    assert any(t.endswith("Dnieper") for t in texts)
    text = "Belarusian sappers held drills on Monday, building crossings over the Sozh and Berezina rivers."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    resolved = [loc for loc in event.locations if loc.resolved]
    assert sorted(loc.text.removeprefix("the ") for loc in resolved) == ["Berezina", "Sozh"]
    assert {loc.country for loc in resolved} == {"BLR"}
    # a single name before "rivers" is no list: "the Baltic rivers" names no river
    assert all(m.text != "Baltic" for m in find_places("Troops trained near the Baltic rivers on Monday."))


def test_semicolons_part_the_items_of_a_list_opened_by_included(extractor):
    from geo.extract.segments import clauses

    text = (
        "Amber Lance 2026, a two-week exercise of NATO allies, ends on Friday. Key events of the exercise included a "
        "convoy to northern Lithuania; a supply offload in Latvia; an amphibious assault in Estonia."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert {loc.country for loc in event.locations if loc.resolved} == {"LTU", "LVA", "EST"}
    assert len(clauses("The drills included a march; two live-fire exercises; an assault.")) == 1
    # a clause with its own subject after the semicolon stays a clause
    assert len(clauses("The drills included a march; the troops later returned to their bases.")) == 2
    assert len(clauses("The troops marched to the range; a ceremony followed.")) == 2


def test_a_group_of_countries_named_as_a_whole_does_not_stop_a_country_list():
    from geo.extract.places import find_places

    for sentence in (
        "The exercise took place in several areas in the Baltics and Poland in June.",
        "Allied troops trained across the Baltic states and Poland.",
        "Drills are held in the Nordic countries as well as Poland.",
    ):
        assert [(m.text, m.form) for m in find_places(sentence)] == [("Poland", "country")], sentence
    # the group alone is no country and names no place
    assert find_places("Allied troops trained across the Baltic states.") == []


def test_a_phase_s_day_range_within_the_exercise_s_own_range_is_no_start(extractor):
    text = (
        "On 12-14 May, two allied mine-hunting groups took part in Amber Lance 2026 off the Estonian coast.\n\n"
        "The exercise in the Baltic on May 4-22 involves more than 5,000 troops."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert (event.start, event.end) == ("2026-05-04", "2026-05-22")
    # a training period that holds the drills is no span of the exercise: the drills keep their own days
    period = (
        "Estonian reservists held drills on 12-14 May.\n\n"
        "The training period of the exercise season runs from January 10 to June 30."
    )
    (event,) = extractor.extract(period, published=PUBLISHED).events
    assert event.start == "2026-05-12"


def test_an_alliance_in_an_officer_s_title_does_not_make_the_drills_its_own(extractor):
    from geo.extract.alliance_cues import in_title

    text = (
        "Russian and Belarusian paratroopers began the Slavic Brotherhood-2026 drills near Pskov on Monday. The "
        "opening of the drills was attended by their head, Deputy Commander of Russia's Airborne Force and the CSTO "
        "Rapid Reaction Force Lieutenant-General Ivan Petrov."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.alliance == "Russia-Belarus"
    sentence = "Chief of the CSTO Joint Staff Colonel-General Oleg Ivanov opened the drills."
    assert in_title(sentence, sentence.index("CSTO"), sentence.index("CSTO") + 4)
    # a statement about the alliance's drills is no title, nor is the alliance as a subject
    for sentence in (
        "The Chief of Staff said that the CSTO drills were led by General Ivan Petrov.",
        "The CSTO exercise began on Monday under General Ivan Petrov.",
    ):
        assert not in_title(sentence, sentence.index("CSTO"), sentence.index("CSTO") + 4)


def test_a_country_s_territorial_waters_are_that_country(extractor):
    from geo.extract.places import find_places

    for sentence, query in (
        ("Allied ships drilled in the Estonian territorial waters of the Baltic Sea on Monday.", "Estonia"),
        ("Minehunters trained in Latvia's territorial waters.", "Latvia"),
        ("Minehunters trained in the territorial waters of Lithuania.", "Lithuania"),
    ):
        (place,) = find_places(sentence)
        assert (place.query, place.form) == (query, "country"), sentence
    text = "NATO ships held the Amber Lance 2026 exercise in the Polish territorial waters of the Baltic Sea on Monday."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert [(loc.country, loc.kind) for loc in event.locations if loc.resolved] == [("POL", "country")]
    # waters without a country name no site
    assert find_places("Ships crossed international waters on Monday.") == []


def test_marines_launching_from_a_ship_continue_the_drills_in_focus(extractor):
    from geo.extract.cues import MOVE_VERB

    text = (
        "The Amber Lance 2026 naval exercise runs from May 4 to 15.\n\n"
        "US and Polish Marines launched from the USS Ashland for an amphibious demonstration near Ustka, Poland."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "POL" in {loc.country for loc in event.locations if loc.resolved}
    assert MOVE_VERB.search("marines launching from the ship")
    assert not MOVE_VERB.search("the ministry launched a campaign")


def test_later_on_the_day_of_the_report_is_that_day(extractor):
    from geo.extract.dates.mentions import find_dates

    for sentence in (
        "Within a few hours, the first live-firing drills of Amber Lance 2026 will start near Lida.",
        "The first live-firing drills of Amber Lance 2026 will start near Lida later today.",
        "The first live-firing drills of Amber Lance 2026 start near Lida this afternoon.",
    ):
        (event,) = extractor.extract(sentence, published=PUBLISHED).events
        assert event.start == PUBLISHED.isoformat(), sentence
    # a time counted from another event is no day of the report
    assert find_dates("Units must reach their areas within a few hours of the alert.") == []


def test_military_members_are_forces():
    assert _parties("The drills include 9,000 U.S. and allied military members.") == ["USA"]
    assert _parties("Some 400 Latvian military members took part.") == ["LVA"]
    # members of a body, not forces
    assert _parties("Latvian parliament members visited the range.") == []
