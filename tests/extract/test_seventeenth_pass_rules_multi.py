"""The mechanisms added for the seventeenth blind batch of real reports (multinational and multi-exercise reports,
ids 325-334): one test per rule, with guards.

Each sentence is made up for the test in the style of the failure class it covers; none is copied from the real
development set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.catalog.load import load_exercises
from geo.extract.names import NameLexicon, find_names
from geo.extract.participants import find_parties
from geo.extract.text import split_sentences, wire_dateline

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def _participants(sentence: str) -> set[str]:
    return {p.iso3 for p in find_parties(sentence) if p.role == "participant"}


@pytest.mark.parametrize(
    ("sentence", "countries"),
    [
        (
            "Nations taking part in the exercise include Austria, Hungary, Slovakia and the Czech Republic.",
            {"AUT", "HUN", "SVK", "CZE"},
        ),
        (
            "Countries due to participate in Northern Lance include Norway, Denmark, and Sweden.",
            {"NOR", "DNK", "SWE"},
        ),
        (
            "Nine countries will take part in the maneuvers, including NATO allies Romania, Bulgaria and Greece, "
            "along with partner nations Georgia and Moldova.",
            {"ROU", "BGR", "GRC", "GEO", "MDA"},
        ),
        (
            "The drill brings 9,000 service members from 15 allied and partner nations, including Albania, Italy "
            "and Montenegro.",
            {"ALB", "ITA", "MNE"},
        ),
    ],
)
def test_a_participle_clause_before_a_country_list(sentence, countries):
    assert _participants(sentence) >= countries


@pytest.mark.parametrize(
    "sentence",
    [
        "Countries taking part in the talks include Austria and Hungary.",
        "Nations that took part in the vote included Slovakia and Romania.",
    ],
)
def test_a_participle_clause_about_talks_or_votes_names_no_participant(sentence):
    assert _participants(sentence) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Belarus and Russia will hold joint drills Union Shield 2031 in the Pskov region. Despite the growing number "
        "of exercises conducted by NATO near the border, the drills are purely defensive, the minister said.",
        "Belarus and Russia will hold joint drills Union Shield 2031 in the Pskov region, amid NATO exercises nearby.",
    ],
)
def test_nato_drills_named_as_the_context_do_not_make_the_exercise_natos(extractor, text):
    events = extractor.extract(text, published=PUBLISHED).events
    (event,) = [e for e in events if e.name_normalized == "Union Shield-2031"]
    assert event.alliance == "Russia-Belarus"


def test_nato_drills_named_as_the_organiser_still_make_it_natos(extractor):
    text = "Exercises conducted by NATO began on Thursday in Latvia with Latvian, Polish and Spanish troops."
    (event,) = extractor.extract(text, published=PUBLISHED).events
    assert event.alliance == "NATO"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("VILNIUS. Oct 8 (Interfax) - Lithuania will hold drills near Kaunas.", "VILNIUS. Oct 8 (Interfax) - "),
        ("RIGA. 3 May (LETA) – Latvian troops began drills.", "RIGA. 3 May (LETA) – "),
    ],
)
def test_a_wire_city_closed_by_a_full_stop_opens_one_sentence_with_its_dateline(text, dateline):
    first = split_sentences(text)[0].text
    assert first.startswith(dateline)
    assert wire_dateline(first) == len(dateline)


def test_the_filing_date_after_a_city_and_full_stop_is_no_start(extractor):
    text = (
        "MINSK. May 12 (Interfax) - Belarus and Russia will hold joint drills Union Shield 2031 in the Pskov region, "
        "the minister said. The drills will be held June 3-9."
    )
    (event,) = extractor.extract(text, published=dt.date(2031, 5, 12)).events
    assert event.start == "2031-06-03"


def test_an_ordinary_sentence_ending_in_a_capitalised_word_still_ends():
    sentences = split_sentences("The drills were held by NATO. May 12 was the last day.")
    assert [s.text for s in sentences] == ["The drills were held by NATO.", "May 12 was the last day."]


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return NameLexicon.from_catalog(load_exercises())


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("NORDLIGHT 27 is the largest Army exercise in the region this year.", "NORDLIGHT-2027"),
        ("KESTREL-26 was a joint command post exercise of three brigades.", "KESTREL-2026"),
    ],
)
def test_an_all_capitals_name_said_to_be_an_exercise(lexicon, sentence, name):
    assert name in {n.normalized for n in find_names(sentence, lexicon)}


@pytest.mark.parametrize(
    "sentence",
    [
        "BMP 2 is the vehicle the brigade used in the exercise.",
        "The MSPO 25 fair is the largest arms show before the exercise season.",
    ],
)
def test_an_all_capitals_word_that_is_not_said_to_be_an_exercise(lexicon, sentence):
    assert find_names(sentence, lexicon) == []


def test_allied_and_partner_nations_with_a_capital_make_a_multinational_exercise_natos(extractor):
    text = (
        "NORDLIGHT 27 is the largest Army exercise in the region and includes 9,000 service members from 12 Allied "
        "and partner nations, including Norway, Denmark, Finland, Sweden, Estonia and Georgia."
    )
    events = extractor.extract(text, published=dt.date(2027, 5, 14)).events
    (event,) = [e for e in events if e.name_normalized == "NORDLIGHT-2027"]
    assert event.alliance == "NATO"
    assert {"NOR", "DNK", "FIN", "SWE", "EST", "GEO"} <= set(event.participants)
