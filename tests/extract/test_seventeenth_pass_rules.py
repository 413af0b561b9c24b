"""The mechanisms added for the seventeenth blind batch of real reports (a representative draw, ids 315-324): one
test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO’s “Iron Shield” exercises began this week on Estonia’s training grounds with 2,000 soldiers.",
        "NATO's 'Amber Gate' drills opened in Latvia on Thursday with 900 troops.",
        'NATO\'s "Northern Anvil" manoeuvres started in Lithuania on Thursday.',
    ],
)
def test_a_quoted_name_between_nato_and_the_exercise_word_makes_it_natos(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance == "NATO"


def test_a_quoted_name_does_not_make_anti_nato_drills_natos(extractor):
    sentence = "Belarus began its “Iron Shield” anti-NATO drills near Grodno on Thursday with 2,000 soldiers."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance != "NATO"


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        (
            "Belarusian and Russian paratroopers will hold joint drills near Brest on October, 21-25.",
            "2026-10-21",
            "2026-10-25",
        ),
        (
            "Belarusian and Russian troops will hold a joint exercise on September,3–7 at the Obuz-Lesnovsky range.",
            "2026-09-03",
            "2026-09-07",
        ),
    ],
)
def test_a_comma_between_the_month_and_a_dashed_day_range(extractor, sentence, start, end):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert (event.start, event.end) == (start, end)


def test_a_comma_after_the_month_before_a_count_is_no_day(extractor):
    # "in October, 21 to 25 soldiers": no dashed range after the comma, so the month alone.
    sentence = "Belarus will hold a joint exercise with Russia in October, 21 to 25 soldiers from each side."
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.start == "2026-10"


def test_a_hard_wrapped_list_after_a_comma_is_one_sentence(extractor):
    text = (
        "The CSTO exercise began at the Gvardeysky range on Thursday. The drills involve troops from Armenia,\n"
        "Belarus, Kazakhstan,\n"
        "Russia, and Tajikistan, along with observers from\n"
        "the CSTO Secretariat."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert set(event.participants) >= {"ARM", "BLR", "KAZ", "RUS", "TJK"}


def test_a_hard_wrapped_name_after_the_is_read_with_its_sentence(extractor):
    text = (
        "At the Ruchei range in Belarus, CSTO member states began the\n"
        "“Interaction-2026” exercise on Thursday with 900 troops."
    )
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.name is not None and "Interaction" in event.name
    assert "BLR" in {loc.country for loc in event.locations}


@pytest.mark.parametrize(
    "text",
    [
        "Belarus and Russia begin drills near Brest\nThe joint exercise started on Thursday with 900 troops.",
        "Drills in Latvia,\n\nTroops from Canada began an exercise at Adazi on Thursday.",
    ],
)
def test_a_headline_or_a_paragraph_after_a_blank_line_stays_apart(text):
    from geo.extract.text import split_sentences

    assert [s.paragraph for s in split_sentences(text)] == [0, 1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Belarus has started a full-scale inspection of the combat readiness of its armed forces, officials said.",
        "Armenia began a check of the combat and mobilization readiness of its army on Thursday.",
    ],
)
def test_a_country_starting_an_inspection_of_combat_readiness_holds_it(extractor, sentence):
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert len(event.participants) == 1
    assert event.alliance == "national"


def test_drills_in_light_of_the_other_sides_exercises_are_not_the_other_sides(extractor):
    sentence = (
        "Belarus has started a snap inspection of its armed forces, in light of NATO's exercises near its "
        "borders, the ministry said on Thursday."
    )
    (event,) = extractor.extract(sentence, published=PUBLISHED).events
    assert event.alliance == "national"


def test_an_inspection_said_to_answer_named_exercises_keeps_its_own_event(extractor):
    text = (
        "Belarus began a snap inspection of its armed forces on Thursday. The minister said that the inspection "
        "is also a response to NATO's drills in Europe, including the Polish-led Dragon-26 exercises."
    )
    events = extractor.extract(text, published=PUBLISHED).events
    own = [e for e in events if e.name is None]
    assert len(own) == 1 and own[0].participants == ("BLR",)
    dragon = next(e for e in events if e.name and "Dragon" in e.name)
    assert "BLR" not in dragon.participants


def test_an_inspection_said_to_be_part_of_a_named_exercise_is_still_named_by_it(extractor):
    text = (
        "Belarus began a snap inspection of its armed forces on Thursday. The minister said that the inspection "
        "is the first stage of the Zapad-2026 exercise."
    )
    names = [e.name for e in extractor.extract(text, published=PUBLISHED).events]
    assert any(n and "Zapad" in n for n in names)
