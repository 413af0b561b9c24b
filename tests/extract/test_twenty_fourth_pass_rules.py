"""The mechanisms added for the twenty-fourth blind batch of real reports (official releases and reports naming
several exercises, ids 420-429).

One test per rule. Each sentence is made up for the test in the style of the failure class it covers; none is
copied from the real development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.participants import find_parties

PUBLISHED = dt.date(2026, 5, 13)  # a Wednesday


def _events(extractor: Extractor, text: str) -> list[tuple[str | None, str | None]]:
    return [(e.name, e.start) for e in extractor.extract(text, published=PUBLISHED).events]


@pytest.mark.parametrize(
    "text",
    [
        'On May 11, the command post exercise "Iron Sky - 2026" ("Gelezinis Dangus 2026") began in Lithuania.',
        "On May 11, the drill 'Iron Sky 2026' ('Gelezinis Dangus 2026') began in Lithuania.",
        "On May 11, the exercise «Iron Sky 2026» («Gelezinis Dangus 2026») began in Lithuania.",
    ],
)
def test_a_quoted_name_with_its_quoted_alias_in_brackets_is_one_exercise(extractor, text):
    assert _events(extractor, text) == [(_events(extractor, text)[0][0], "2026-05-11")]


def test_a_quoted_name_followed_by_another_exercise_in_brackets_stays_two(extractor):
    text = 'On May 11, the exercise "Iron Sky 2026" began in Lithuania, and "Baltic Sky 2026" follows in June.'
    assert len(_events(extractor, text)) == 2


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the later stage is written first: the first stage's range still dates the start
        (
            "Russian paratroopers joined the second stage of the Iron Sky 2026 exercise for May 11-15 near Brest. "
            "Only a company took part during the first stage of Iron Sky 2026 from May 4-11.",
            "2026-05-04",
        ),
        (
            "The Iron Sky 2026 exercise held its initial phase from May 4-8 and its final phase on May 11-15.",
            "2026-05-04",
        ),
        # without a first stage the earliest precise date stays the start
        ("The Iron Sky 2026 exercise runs on May 4-15; its final phase from May 11-15 is a live fire.", "2026-05-04"),
    ],
)
def test_the_first_stage_dates_the_start(extractor, text, start):
    assert [s for _, s in _events(extractor, text)] == [start]


def test_another_romanisation_of_interaction_is_known(extractor):
    text = "The CSTO will hold the Vzaimodeistviye 2026 exercise in Tajikistan in October."
    assert [n for n, _ in _events(extractor, text)] == ["Vzaimodeistviye 2026"]
    names = extractor.extract(text, published=PUBLISHED).events[0]
    assert names.year == 2026


@pytest.mark.parametrize(
    ("text", "alliance"),
    [
        ("The NATO alliance is preparing to kick off its biennial Exercise Iron Sky 2026 on May 18.", "NATO"),
        ("NATO will hold its annual air defence exercise Iron Sky 2026 over Estonia from May 18.", "NATO"),
        # NATO as the speaker about another side's drills is no organiser
        (
            "NATO said its members would watch the Russian exercise Iron Sky 2026 in Belarus on May 18.",
            "Russia-Belarus",
        ),
    ],
)
def test_nato_as_the_subject_of_its_own_exercise_holds_it(extractor, text, alliance):
    assert [e.alliance for e in extractor.extract(text, published=PUBLISHED).events] == [alliance]


@pytest.mark.parametrize(
    "sentence",
    [
        "A total of 12,000 soldiers, including 2,000 Poles and 40 from Latvia, will take part in the exercise.",
        "The exercise drew 12,000 soldiers, including 40 from Latvia.",
    ],
)
def test_a_count_from_a_country_among_the_forces_takes_part(sentence):
    assert "LVA" in [p.iso3 for p in find_parties(sentence) if p.role == "participant"]
