"""The mechanisms added for the nineteenth blind batch of real reports (alliances and participants: multinational,
CSTO, SCO and Belarus-China reports, ids 369-378): one test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.dates.mentions import find_dates
from geo.extract.dates.roles import date_role
from geo.extract.participants import find_parties
from geo.extract.text import wire_dateline

PUBLISHED = dt.date(2026, 3, 10)  # a Tuesday


def _participants(sentence: str) -> set[str]:
    return {p.iso3 for p in find_parties(sentence) if p.role == "participant"}


def test_a_joint_training_with_its_branch_is_an_exercise(extractor):
    sentence = "Mongolian and Belarusian armed forces will hold a joint army training near Grodno in late May."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert set(event.participants) == {"MNG", "BLR"}
    assert event.start == "2026-05"
    assert [loc.text for loc in event.locations] == ["Grodno"]


def test_a_joint_training_centre_is_no_exercise(extractor):
    sentence = "The minister visited a joint army training centre near Grodno on Monday."
    assert extractor.extract(sentence, published=PUBLISHED).events == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "Under a plan agreed by Mongolia and Belarus, the armed forces of both countries will hold drills in June.",
        "Mongolia and Belarus signed a plan, and the two countries' militaries will stage a drill near Brest in June.",
    ],
)
def test_both_countries_are_the_two_named_before(sentence):
    assert _participants(sentence) == {"MNG", "BLR"}


def test_both_countries_are_the_two_of_the_sentence_before():
    before = "Defence officials of Mongolia and Belarus met in Minsk on Monday."
    parties = find_parties("The troops of both countries will hold a joint drill in June.", before=before)
    assert {p.iso3 for p in parties} == {"MNG", "BLR"}


def test_both_countries_with_three_named_stands_for_none():
    sentence = "After talks between Russia, China and Iran, the militaries of both countries will hold drills."
    assert "both-countries" not in {p.rule for p in find_parties(sentence)}


def test_both_countries_make_a_bilateral_exercise(extractor):
    sentence = "Under a plan agreed between Mongolia and Belarus, the armed forces of both countries will hold drills near Brest in June."  # noqa: E501
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance == "bilateral"
    assert set(event.participants) == {"MNG", "BLR"}


def test_an_exercise_that_linked_allies_names_its_participants(extractor):
    sentence = "A snap defence exercise near Tapa on Monday linked NATO allies Estonia, Latvia and Denmark militaries."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert set(event.participants) == {"EST", "LVA", "DNK"}
    assert event.alliance == "NATO"


def test_a_rail_line_that_linked_countries_names_no_participants():
    assert _participants("A new rail line linked Latvia, Lithuania and Poland last year.") == set()


def test_the_participants_of_this_exercise_named_in_a_list():
    sentence = "Four states are the participants of this exercise named Kazakhstan, Kyrgyzstan, Tajikistan and Russia."
    assert _participants(sentence) == {"KAZ", "KGZ", "TJK", "RUS"}


@pytest.mark.parametrize(
    ("sentence", "date", "role"),
    [
        ("The drill officially began in Pskov, Russia on 4 March.", "4 March", "start"),
        (
            "Troops will hold drills near Brest, Belarus, in early to mid-June, the ministry said on Monday.",
            "mid-June",
            "start",
        ),
        # a caption's bare date after the place stays undated by the exercise (the photo's day)
        (
            "Soldiers fire a mortar during exercise Iron Wolf near Pabrade, Lithuania, May 23, 2025.",
            "May 23, 2025",
            "none",
        ),
    ],
)
def test_a_town_with_its_country_breaks_no_clause_before_a_date(sentence, date, role):
    (mention,) = [m for m in find_dates(sentence) if m.text.endswith(date)]
    assert date_role(sentence, mention) == role


def test_a_start_after_a_town_and_its_country(extractor):
    sentence = "Russian troops began a tactical exercise in Pskov, Russia on 4 March."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2026-03-04"


def test_a_title_case_city_with_a_full_date_and_its_outlet_is_a_dateline():
    sentence = "Tashkent, 3 March 2026 (UzDaily): Uzbek troops began drills near Termez."
    assert sentence[: wire_dateline(sentence)] == "Tashkent, 3 March 2026 (UzDaily): "


@pytest.mark.parametrize(
    "sentence",
    ["Tashkent, 3 March 2026 the drills began near Termez.", "Minsk, Belarus (BelTA): troops held drills."],
)
def test_a_title_case_city_without_a_full_date_and_an_outlet_is_no_dateline(sentence):
    assert wire_dateline(sentence) == 0


@pytest.mark.parametrize("word", ["Program", "Programme", "Plan"])
def test_an_exercise_programme_is_no_exercise_name(extractor, word):
    sentence = f"Estonian troops held drills under the NATO Military Training and Exercise {word}."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.name_normalized is None


def test_a_town_beyond_the_town_index_with_its_country(extractor):
    sentence = "Russian troops held a tactical exercise in Chelyabinsk, Russia on 4 March."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert [(loc.text, loc.country) for loc in event.locations] == [("Chelyabinsk", "RUS")]


def test_a_town_of_the_index_with_its_country_is_read_once(extractor):
    sentence = "Russian troops held a tactical exercise in Pskov, Russia on 4 March."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert [(loc.text, loc.country) for loc in event.locations] == [("Pskov", "RUS")]


def test_a_month_before_a_country_is_no_town(extractor):
    sentence = "In August, Russia held a tactical exercise of its Baltic Fleet troops."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert "August" not in [loc.text for loc in event.locations]


def test_a_joint_training_dates_the_exercise_but_a_training_ground_does_not():
    sentence = "Mongolian and Belarusian troops will conduct a joint army training in mid-May."
    (mention,) = find_dates(sentence)
    assert date_role(sentence, mention) == "start"
    sentence = "Polish troops wrapped up the drill at the Bemowo Piskie training ground on Thursday"
    (mention,) = find_dates(sentence)
    assert date_role(sentence, mention) == "end"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Mongolian defence minister confirmed the plan to send observers to the coming CSTO exercise.",
        "Mongolia's government has decided to send a group of military observers to the drills.",
    ],
)
def test_an_official_sending_observers_makes_the_country_an_observer(sentence):
    assert {(p.iso3, p.role) for p in find_parties(sentence)} == {("MNG", "observer")}


def test_forces_only_allowed_to_take_part_are_no_participants():
    sentence = "The bloc drafted documents that would allow Mongolian military personnel to participate in its drills."
    assert _participants(sentence) == set()


def test_forces_taking_part_are_still_participants():
    assert _participants("Mongolian military personnel will participate in the drills in May.") == {"MNG"}


def test_an_observer_in_one_sentence_and_forces_allowed_in_another_is_no_participant(extractor):
    text = (
        "The CSTO drafted documents that would allow Mongolian military personnel to participate in its wargames. "
        "The Mongolian defence minister confirmed the plan to send observers to the Interaction-2026 exercise, "
        "which Kazakh troops will hold in Kazakhstan in October."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert "MNG" not in event.participants
    assert "MNG" in event.observers


@pytest.mark.parametrize(
    "text",
    [
        "The next Peace Mission exercise will be held in Russia in 2028, the general said. "
        "The current Peace Mission-2026 exercise is under way in Kyrgyzstan.",
        "The current Zapad-2025 exercise is under way in Belarus. "
        "Russia will hold the next Zapad exercise in Belarus in 2029, the general said.",
    ],
)
def test_the_next_edition_named_bare_is_another_event_than_the_dated_one(extractor, text):
    events = extractor.extract(text, published=dt.date(2026, 9, 20)).events
    assert len(events) == 2
    assert sorted(e.year for e in events) in ([2026, 2028], [2025, 2029])


def test_a_bare_name_without_next_joins_its_dated_edition(extractor):
    text = "The Zapad-2025 exercise is under way in Belarus. The Zapad exercise will end on Tuesday, the general said."
    (event,) = extractor.extract(text, published=dt.date(2025, 9, 14)).events
    assert event.name_normalized == "Zapad-2025"


def test_it_began_after_the_sentence_naming_the_exercise_dates_it(extractor):
    text = "The Zapad-2029 exercise is under way in Belarus. It began on September 15 and will end on Friday."
    (event,) = extractor.extract(text, published=dt.date(2029, 9, 18)).events
    assert event.start == "2029-09-15"


def test_it_began_far_from_any_exercise_continues_nothing(extractor):
    text = (
        "The Zapad-2029 exercise is under way in Belarus.\n\nA bridge was built in Minsk.\n\nA road was built.\n\n"
        "A school was opened.\n\nA park was opened.\n\nIt began on September 15."
    )
    (event,) = extractor.extract(text, published=dt.date(2029, 9, 18)).events
    assert event.start != "2029-09-15"
