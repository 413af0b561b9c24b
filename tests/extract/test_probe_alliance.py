"""Class probes (issue 14, class 4): the alliance from who takes part and their memberships on the date.

Made-up sentences: NATO-led multinational exercises with one ally leading ("Poland leads …", "the Polish-led
…", "led by Germany", a national exercise with named allies), allies and partners before they joined
(Finland and Sweden in 2021: not NATO), bilateral Union State drills (also when NATO is named only as what they
answer, or as another side holding "its own drills" in a clause of the same sentence), CSTO drills with
contingents of several members, and bilateral drills with a country of neither bloc.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor

D = dt.date(2024, 6, 3)

#: sentence, publication date, alliance of the exercise
PROBES: list[tuple[str, dt.date, str]] = [
    (
        "Poland leads the Dragon-24 exercise, with troops from Germany, Lithuania and the United States taking part.",
        D,
        "NATO",
    ),
    (
        "The Polish-led exercise Dragon-24 brings together soldiers from Poland, Germany, Lithuania and Latvia.",
        D,
        "NATO",
    ),
    ("The US-led Saber Strike 2024 drills began in Poland, with Lithuanian and Latvian units taking part.", D, "NATO"),
    (
        "Lithuania's Iron Wolf 2024 exercise involves German, Dutch and Norwegian troops, the Lithuanian army said.",
        D,
        "NATO",
    ),
    ("Latvia began its national exercise Namejs 2024 with allied troops from Canada, Poland and Spain.", D, "NATO"),
    (
        "Estonian, British and French soldiers are taking part in Spring Storm 2024, Estonia's largest annual exercise.",  # noqa: E501
        D,
        "NATO",
    ),
    ("Exercise Baltic Shield 2024, led by Germany, gathers troops from Lithuania, Latvia and Estonia.", D, "NATO"),
    (
        "Finnish, Swedish and Norwegian troops held the Northern Axe 2021 drills in Finland, the Finnish army said.",
        dt.date(2021, 3, 1),
        "bilateral",
    ),
    (
        "Russian and Belarusian troops began the Union Shield-2023 exercise at the Mulino training ground.",
        dt.date(2023, 9, 1),
        "Russia-Belarus",
    ),
    ("Belarus and Russia launched joint drills near Brest, the Belarusian defence ministry said.", D, "Russia-Belarus"),
    (
        "The joint Belarusian-Russian exercise Zapad-2025 will take place in September, the Russian defence ministry said.",  # noqa: E501
        D,
        "Russia-Belarus",
    ),
    (
        "Russia and Belarus will hold the Union Shield 2025 drills in response to NATO exercises near their borders.",
        D,
        "Russia-Belarus",
    ),
    (
        "Belarusian and Russian paratroopers held a joint exercise at the Brest training ground, as NATO held its own drills in Poland.",  # noqa: E501
        D,
        "Russia-Belarus",
    ),
    (
        "Troops from Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan began the Interaction-2024 exercise in Belarus.",  # noqa: E501
        D,
        "CSTO",
    ),
    (
        "Contingents of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan will take part in the Search-2024 drills.",  # noqa: E501
        D,
        "CSTO",
    ),
    ("The CSTO Collective Rapid Reaction Forces began drills in Kyrgyzstan with Russian and Kazakh units.", D, "CSTO"),
    ("Belarusian and Chinese troops began the joint exercise Eagle Assault-2024 near Brest.", D, "bilateral"),
    ("Belarus and Serbia held joint special forces drills near Minsk, the defence ministry said.", D, "bilateral"),
    ("Belarusian troops began a snap combat readiness inspection on Monday, the defence ministry said.", D, "national"),
]


@pytest.mark.parametrize(("text", "published", "alliance"), PROBES)
def test_alliance_from_participants_and_cues(
    extractor: Extractor, text: str, published: dt.date, alliance: str
) -> None:
    events = extractor.extract(text, published=published).events
    assert events and events[0].alliance == alliance, [(e.label, e.alliance, e.participants) for e in events]


def test_another_sides_own_drills_in_a_clause_give_neither_alliance_nor_place(extractor: Extractor) -> None:
    text = "Russian and Belarusian troops held a joint exercise near Grodno, while NATO held its own drills in Poland."
    (event,) = extractor.extract(text, published=D).events
    assert event.alliance == "Russia-Belarus"
    assert "POL" not in {p.country for p in event.locations} and "POL" not in event.participants
