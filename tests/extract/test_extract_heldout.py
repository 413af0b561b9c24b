"""Held-out articles: extraction on realistic wire-service wording the rules were not written against.

Each case is a short article in the style of RFE/RL, Reuters, TASS, BelTA or a NATO press release,
with the fields a careful analyst would extract from it. The checks are strict both ways: what the
article states must come out, and nothing the article does not state may be invented (no start date
when only the announcement date is known, no relative date resolved without a publication date, no
participants, figures or places taken from sentences about something else).

The articles come in four batches, each written before the rules were changed for it, so the
first run of each batch measured how well the rules generalise (cases passing on first run):
``CASES`` 5/22 (the rules as they were), ``SECOND_BATCH`` 6/11, ``THIRD_BATCH`` 3/7 and
``FOURTH_BATCH`` 3/6. Every failure was then fixed by a general rule (with a unit test in
``tests/test_extract_rules.py``), never by special-casing an article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from geo.extract import DraftEvent, clean_text
from tests.extract.extract_checks import check_evidence


@dataclass(frozen=True)
class Case:
    """An article, its publication date and the events it must give (in order)."""

    id: str
    text: str
    published: dt.date | None
    events: list[dict[str, Any]] = field(default_factory=list)
    check: Callable[[tuple[DraftEvent, ...]], None] | None = None


def _d(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


#: Russia and the thirteen countries whose contingents the Vostok-2022 article lists.
VOSTOK_2022_PARTIES = {"RUS", "CHN", "IND", "LAO", "MNG", "NIC", "SYR", "BLR", "TJK", "KGZ", "KAZ", "AZE", "ARM", "DZA"}

CASES: list[Case] = [
    Case(
        "joint-exercise-name-began-on",
        "Belarus and Russia began the joint exercise Northern Shield-2025 at the Gozhsky training ground on "
        "March 3, the Belarusian Defense Ministry said. About 1,200 troops from Russia and Belarus are taking part.",
        _d("2025-03-04"),
        [
            {
                "name": "Northern Shield-2025",
                "name_normalized": "Northern Shield-2025",
                "alliance": "Russia-Belarus",
                "start": "2025-03-03",
                "end": None,
                "announced": None,
                "date_precision": "day",
                "participants": {"RUS", "BLR"},
                "observers": set(),
                "troops": (1200, "about"),
                "locations": {("training_ground", "BLR", "Grodno")},
            }
        ],
    ),
    Case(
        "tass-transliterated-name-kicked-off",
        "VLADIVOSTOK, September 1. /TASS/. The Vostok-2022 strategic command and staff exercise kicked off on "
        "Thursday at seven training grounds of the Eastern Military District, the Russian Defense Ministry said.\n"
        "More than 50,000 servicemen and over 5,000 pieces of military hardware, including 140 aircraft and 60 "
        "warships, are involved in the drills.\n"
        "Apart from Russia, military contingents from China, India, Laos, Mongolia, Nicaragua, Syria, Belarus, "
        "Tajikistan, Kyrgyzstan, Kazakhstan, Azerbaijan, Armenia and Algeria are taking part. The drills will run "
        "until September 7.",
        _d("2022-09-01"),
        [
            {
                "name": "Vostok-2022",
                "name_normalized": "Vostok-2022",
                "start": "2022-09-01",
                "end": "2022-09-07",
                "date_precision": "day",
                "participants": VOSTOK_2022_PARTIES,
                "non_participants": set(),
                "troops": (50000, "more than"),
                "equipment": {
                    "pieces of military hardware": (5000, "more than"),
                    "aircraft": (140, "exact"),
                    "warships": (60, "exact"),
                },
            }
        ],
    ),
    Case(
        "reuters-drills-dubbed",
        "Russia's Baltic Fleet launched snap drills dubbed Baltic Storm in the Kaliningrad region on Tuesday, "
        "involving some 3,000 servicemen and nearly 200 pieces of military hardware, the fleet's press service "
        "said.\nWestern officials said they were watching the drills closely.",
        _d("2024-06-05"),
        [
            {
                "name": "Baltic Storm",
                "name_normalized": "Baltic Storm",
                "alliance": "national",
                "start": "2024-06-04",
                "date_precision": "day",
                "participants": {"RUS"},
                "troops": (3000, "about"),
                "equipment": {"pieces of military hardware": (200, "about")},
                "locations": {("region", "RUS", "Kaliningrad")},
            }
        ],
    ),
    Case(
        "belta-will-run-from-to",
        "MINSK, 28 February (BelTA) – A joint command-staff exercise of the Belarusian and Russian armed forces "
        "will run from March 3 to 7 at the Obuz-Lesnovsky training ground, the press service of the Belarusian "
        "Defense Ministry told BelTA.\nThe exercise will involve more than 1,500 personnel, up to 40 aircraft and "
        "helicopters and about 300 units of weapons and military equipment.",
        _d("2025-02-28"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": "2025-03-03",
                "end": "2025-03-07",
                "announced": None,
                "date_precision": "day",
                "participants": {"BLR", "RUS"},
                "troops": (1500, "more than"),
                "equipment": {
                    "aircraft and helicopters": (40, "up to"),
                    "units of weapons and military equipment": (300, "about"),
                },
                "locations": {("training_ground", "BLR", "Brest")},
            }
        ],
    ),
    Case(
        "multinational-between-dates",
        "Lithuania will host the multinational exercise Amber Lynx 2025 between 12 and 16 October at the Rukla "
        "training area, the Lithuanian Armed Forces said on Monday.\nTroops from Lithuania, Latvia and Estonia as "
        "well as Poland and Germany will take part, alongside the NATO enhanced Forward Presence battlegroup "
        "stationed in Lithuania.\nAbout 2,500 soldiers and up to 400 military vehicles are expected.",
        _d("2025-09-29"),
        [
            {
                "name": "Amber Lynx 2025",
                "name_normalized": "Amber Lynx-2025",
                "alliance": "NATO",
                "start": "2025-10-12",
                "end": "2025-10-16",
                "announced": "2025-09-29",
                "date_precision": "day",
                "participants": {"LTU", "LVA", "EST", "POL", "DEU"},
                "troops": (2500, "about"),
                "equipment": {"military vehicles": (400, "up to")},
                "locations": {("training_ground", "LTU", "Jonavos rajono savivaldybė")},
            }
        ],
    ),
    Case(
        "scheduled-for-late-month-announced",
        "Belarus and Russia plan to hold joint air defence drills in the Brest region, Belarusian Defence Minister "
        "Viktor Khrenin said on Tuesday.\nThe exercise, scheduled for late September, will test the Union State's "
        "single regional air defence system, Khrenin told reporters in Minsk.",
        _d("2025-07-16"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": "2025-09",
                "end": None,
                "announced": "2025-07-15",
                "date_precision": "month",
                "participants": {"BLR", "RUS"},
                "troops": None,
                "locations": {("region", "BLR", "Brest")},  # not Minsk, where the minister spoke
            }
        ],
    ),
    Case(
        "week-long-drills-started-monday",
        "Russian and Belarusian paratroopers are practising the capture of airfields during the week-long drills "
        "that started Monday at the Brestsky training ground, the Belarusian Defense Ministry said.\nThe ministry "
        "did not say how many troops were involved.",
        _d("2024-04-10"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": "2024-04-08",
                "end": None,
                "date_precision": "day",
                "participants": {"RUS", "BLR"},
                "troops": None,
                "locations": {("training_ground", "BLR", "Brest")},
            }
        ],
    ),
    Case(
        "week-long-drills-started-monday-no-publication-date",
        "Russian and Belarusian paratroopers are practising the capture of airfields during the week-long drills "
        "that started Monday at the Brestsky training ground, the Belarusian Defense Ministry said.\nThe ministry "
        "did not say how many troops were involved.",
        None,
        [
            {
                "name": None,
                "start": None,
                "end": None,
                "announced": None,
                "date_precision": "unknown",
                "dates_as_written": {"start": "Monday"},
                "participants": {"RUS", "BLR"},
                "troops": None,
            }
        ],
    ),
    Case(
        "reuters-dateline-allied-troops",
        "VILNIUS, Oct 8 (Reuters) - Lithuanian and allied troops began the Iron Wolf 2024-II exercise near Pabradė "
        "on Monday, the Lithuanian army said, days after Belarus held snap drills near the border.\nMore than 3,200 "
        "troops and 700 pieces of equipment from Lithuania, Belgium, the Czech Republic, the United States, "
        "Luxembourg, Norway, the Netherlands and Germany are taking part in the exercise, which will last until "
        "Oct. 17.",
        _d("2024-10-08"),
        [
            {
                "name": "Iron Wolf 2024-II",
                "name_normalized": "Iron Wolf-2024-II",
                "start": "2024-10-07",  # not Oct 8, the dateline
                "end": "2024-10-17",
                "date_precision": "day",
                "participants": {"LTU", "BEL", "CZE", "USA", "LUX", "NOR", "NLD", "DEU"},  # not Belarus
                "troops": (3200, "more than"),
                "equipment": {"pieces of equipment": (700, "exact")},
                "locations": {("town", "LTU", "Švenčionių rajono savivaldybė")},
                "match": "iron-wolf-2024-ii",
            }
        ],
    ),
    Case(
        "csto-later-this-month-observers-absent",
        "Kazakhstan will host the Interaction-2024 exercise of the CSTO Collective Rapid Reaction Forces later "
        "this month, the CSTO Joint Staff said on Monday.\nKazakh, Russian, Kyrgyz and Tajik units will take part, "
        "while observers from Uzbekistan are expected to attend.\nArmenia, which has frozen its participation in "
        "the CSTO, will not send troops.",
        _d("2024-09-02"),
        [
            {
                "name": "Interaction-2024",
                "name_normalized": "Interaction-2024",
                "alliance": "CSTO",
                "start": "2024-09",
                "end": None,
                "announced": "2024-09-02",
                "date_precision": "month",
                "participants": {"KAZ", "RUS", "KGZ", "TJK"},
                "observers": {"UZB"},
                "non_participants": {"ARM"},
                "troops": None,
            }
        ],
    ),
    Case(
        "transliterated-family-next-year",
        "Russia and Belarus will hold the Zapad strategic exercise next year, Russian Defence Minister Andrei "
        "Belousov said on Wednesday after talks with his Belarusian counterpart Viktor Khrenin in Minsk.",
        _d("2024-12-11"),
        [
            {
                "name": "Zapad",
                "name_normalized": "Zapad",
                "alliance": "Russia-Belarus",
                "start": "2025",
                "end": None,
                "announced": "2024-12-11",
                "date_precision": "year",
                "participants": {"RUS", "BLR"},
                "locations": set(),  # Minsk is where the ministers talked
                "match": "zapad-2025",
            }
        ],
    ),
    Case(
        "two-exercises-and-a-dateline",
        "MINSK, July 9 (BelTA) – A command-staff exercise of the Western Operational Command began on Monday at "
        "the Gozhsky training ground near Grodno, the Belarusian Defence Ministry said. About 1,000 servicemen "
        "are involved.\nSeparately, Belarusian and Chinese special forces launched the joint anti-terrorist "
        "exercise Eagle Assault-2024 near Brest on Monday. The drills will last until July 19, the ministry said.",
        _d("2024-07-09"),
        [
            {
                "name": None,
                "start": "2024-07-08",  # not July 9, the dateline
                "end": None,
                "date_precision": "day",
                "participants": {"BLR"},
                "troops": (1000, "about"),
                # "near Grodno" only locates the range (as dev gold writes "the Rayevsky practice range near
                # Novorossiysk" as one site): no town of its own (site probes, ninth session)
                "locations": {("training_ground", "BLR", "Grodno")},
            },
            {
                "name": "Eagle Assault-2024",
                "name_normalized": "Eagle Assault-2024",
                "alliance": "bilateral",
                "start": "2024-07-08",
                "end": "2024-07-19",
                "date_precision": "day",
                "participants": {"BLR", "CHN"},
                "troops": None,
                "locations": {("town", "BLR", "Brest")},
            },
        ],
    ),
    Case(
        "no-exercise",
        "VILNIUS, June 26 (Reuters) - Lithuania's parliament on Thursday approved a plan to raise defence spending "
        "to between 5% and 6% of economic output from next year, as the Baltic state worries about the threat from "
        "neighbouring Russia and Belarus.\nThe money will pay for 44 Leopard 2 tanks, more HIMARS launchers and the "
        "infrastructure for a German brigade of about 5,000 soldiers to be stationed in the country by 2027, "
        "Defence Minister Dovile Sakaliene told lawmakers.\nLithuania, a NATO member of 2.8 million people, borders "
        "Russia's Kaliningrad exclave and Belarus.",
        _d("2025-06-26"),
        [],
    ),
    Case(
        "passing-mention-in-the-past",
        "Poland will close its last two border crossings with Belarus from Friday, Interior Minister Marcin "
        "Kierwinski said on Wednesday, citing security concerns.\nWarsaw closed crossings for the duration of the "
        "Zapad-2025 drills last September and has accused Minsk of orchestrating migrant flows.\nSome 1,200 Polish "
        "soldiers and border guards will be deployed along the 418-km frontier, the minister said.",
        _d("2025-11-19"),
        check=lambda events: _passing_mention(events),
    ),
    Case(
        "got-under-way-as-well-as-observers",
        "The CSTO joint reconnaissance exercise Poisk-2025 got under way on Monday at the Losvido training ground "
        "in Belarus's Vitebsk region, the CSTO press service said.\nServicemen from Russia, Belarus and Kazakhstan "
        "as well as Kyrgyzstan are taking part in the drills, which will continue until September 5.\nTajikistan "
        "sent a group of observers.",
        _d("2025-09-03"),
        [
            {
                "name": "Poisk-2025",
                "name_normalized": "Search-2025",
                "alliance": "CSTO",
                "start": "2025-09-01",
                "end": "2025-09-05",
                "date_precision": "day",
                "participants": {"RUS", "BLR", "KAZ", "KGZ"},
                "observers": {"TJK"},
                "non_participants": set(),
                "locations": {("training_ground", "BLR", "Vitebsk"), ("region", "BLR", "Vitebsk")},
            }
        ],
    ),
    Case(
        "commenced-spelled-number",
        "Exercises of Belarus's territorial defence troops commenced in the Gomel region on 14 May and will last "
        "until 18 May, the Defence Ministry reported.\nAbout two thousand reservists and nearly 200 pieces of "
        "military hardware are involved.",
        _d("2024-05-15"),
        [
            {
                "name": None,
                "alliance": "national",
                "start": "2024-05-14",
                "end": "2024-05-18",
                "date_precision": "day",
                "participants": {"BLR"},
                "troops": (2000, "about"),
                "equipment": {"pieces of military hardware": (200, "about")},
                "locations": {("region", "BLR", "Gomel")},
            }
        ],
    ),
    Case(
        "quoted-name-without-year-and-a-similar-past-exercise",
        "The Belarusian Air Force and Air Defence Forces will hold the 'Clear Sky' exercise in the Minsk and "
        "Mogilev regions from 10 to 14 June, the press service of the Defence Ministry reported.\nUp to 40 aircraft "
        "and helicopters will be involved.\nA similar exercise was held in the Vitebsk region in 2022.",
        _d("2024-06-05"),
        [
            {
                "name": "Clear Sky",
                "name_normalized": "Clear Sky",
                "alliance": "national",
                "start": "2024-06-10",
                "end": "2024-06-14",
                "date_precision": "day",
                "participants": {"BLR"},
                "equipment": {"aircraft and helicopters": (40, "up to")},
                "locations": {("region", "BLR", "Minsk"), ("region", "BLR", "Mogilev")},  # not Vitebsk
            }
        ],
    ),
    Case(
        "announced-without-dates",
        "Belarus's Defence Ministry announced on Tuesday that it would hold joint exercises with Russia along the "
        "border with Ukraine, without giving dates.\nMinsk said the drills were a response to a NATO build-up on "
        "its western flank.",
        _d("2025-03-11"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": None,
                "end": None,
                "announced": "2025-03-11",
                "date_precision": "announced",
                "participants": {"BLR", "RUS"},
                "locations": {("border_zone", "BLR", None)},
            }
        ],
    ),
    Case(
        "this-year-and-an-announcement-day",
        "Kazakh troops will take part in joint exercises with Russia this year, Kazakhstan's Defence Ministry said "
        "on March 10.",
        _d("2025-03-11"),
        [
            {
                "start": "2025",  # the year of the drills, not the day of the statement
                "announced": "2025-03-10",
                "date_precision": "year",
                "participants": {"KAZ", "RUS"},
                "alliance": "bilateral",
            }
        ],
    ),
    Case(
        "last-week-resolves-to-its-month",
        "Russian and Belarusian military engineers held a joint pontoon-bridging exercise at a training ground near "
        "Borisov last week, the Belarusian Defence Ministry said on Friday.",
        _d("2024-05-17"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": "2024-05",
                "end": None,
                "announced": "2024-05-17",
                "date_precision": "month",
                "participants": {"RUS", "BLR"},
                "locations": {("town", "BLR", "Minsk")},
            }
        ],
    ),
    Case(
        "nato-press-release-abbreviated-month",
        "NATO Allies will conduct the Brilliant Jump 2024 exercise on Sept. 12-16, 2024, in Latvia and Estonia, "
        "Allied Joint Force Command Brunssum announced.\nSome 2,000 troops from Poland, Germany and the "
        "Netherlands will deploy to the Baltic states for the exercise, which tests the rapid reinforcement of "
        "NATO's eastern flank.",
        _d("2024-09-02"),
        [
            {
                "name": "Brilliant Jump 2024",
                "name_normalized": "Brilliant Jump-2024",
                "alliance": "NATO",
                "start": "2024-09-12",
                "end": "2024-09-16",
                "announced": None,
                "date_precision": "day",
                "participants_include": {"POL", "DEU", "NLD"},
                "troops": (2000, "about"),
                "locations": {("country", "LVA", None), ("country", "EST", None)},
            }
        ],
    ),
    Case(
        "transliterated-name-with-translation",
        "The Russian-Belarusian exercise Shchit Soyuza-2023 (Union Shield-2023) will be held in Russia's Nizhny "
        "Novgorod region in September, the Russian Defence Ministry said on Tuesday.",
        _d("2023-03-14"),
        [
            {
                "name": "Shchit Soyuza-2023",
                "name_normalized": "Union Shield-2023",
                "alliance": "Russia-Belarus",
                "start": "2023-09",
                "end": None,
                "announced": "2023-03-14",
                "date_precision": "month",
                "participants": {"RUS", "BLR"},
                # the region named after its centre (the admin-1 layer spells it Nizhegorod)
                "locations": {("region", "RUS", "Nizhegorod")},
            }
        ],
    ),
]


#: A second batch, written after the rules had been improved on the first (a fresh check that they generalise).
SECOND_BATCH: list[Case] = [
    Case(
        "date-before-the-verb",
        "MOSCOW, Sept 12 (Reuters) - Russia and Belarus on Friday began the main stage of their Zapad-2025 joint "
        "military exercises, which Moscow says are purely defensive, the Russian Defence Ministry said.\nThe drills, "
        "which will last until Sept. 16, are being held at training grounds in both countries and in the Baltic and "
        "Barents Seas.",
        _d("2025-09-12"),
        [
            {
                "name": "Zapad-2025",
                "name_normalized": "Zapad-2025",
                "alliance": "Russia-Belarus",
                "start": "2025-09-12",
                "end": "2025-09-16",
                "date_precision": "day",
                "participants": {"RUS", "BLR"},
                "match": "zapad-2025",
            }
        ],
    ),
    Case(
        "has-begun-said-on-with-a-ministry-in-minsk",
        "Belarus has begun large-scale military exercises near its border with Poland and Lithuania, involving some "
        "7,000 troops, the Defense Ministry in Minsk said on August 14.\nThe drills in the Grodno region will "
        "continue until August 20, the ministry said. Lithuania said it was closely monitoring the situation.",
        _d("2024-08-15"),
        [
            {
                "name": None,
                "alliance": "national",
                "start": None,  # begun by August 14, but the day is not stated
                "end": "2024-08-20",
                "announced": "2024-08-14",
                "participants": {"BLR"},
                "troops": (7000, "about"),
                "locations": {("border_zone", "BLR", None), ("region", "BLR", "Grodno")},  # not Minsk
            }
        ],
    ),
    Case(
        "tass-possessive-forces-day-range",
        "MINSK, October 3. /TASS/. Servicemen of Belarus' special operations forces and Russia's airborne troops "
        "will hold a joint tactical exercise at the Losvido training range in the Vitebsk Region on October 5-9, the "
        "Belarusian Defense Ministry said on Thursday.\nAround 600 servicemen and up to 70 pieces of equipment will "
        "be involved, the ministry added.",
        _d("2025-10-03"),
        [
            {
                "name": None,
                "alliance": "Russia-Belarus",
                "start": "2025-10-05",
                "end": "2025-10-09",
                "announced": "2025-10-02",
                "date_precision": "day",
                "participants": {"BLR", "RUS"},
                "troops": (600, "about"),
                "equipment": {"pieces of equipment": (70, "up to")},
                "locations": {("training_ground", "BLR", "Vitebsk"), ("region", "BLR", "Vitebsk")},
            }
        ],
    ),
    Case(
        "nato-two-digit-year-countries-list",
        "More than 1,000 troops from eight Allied nations are taking part in exercise Saber Strike 22, which began "
        "on 21 February across Estonia, Latvia, Lithuania and Poland, U.S. Army Europe and Africa said.",
        _d("2022-03-08"),
        [
            {
                "name": "Saber Strike 22",
                "name_normalized": "Saber Strike-2022",
                "start": "2022-02-21",
                "end": None,
                "date_precision": "day",
                "troops": (1000, "more than"),
                "locations": {("country", c, None) for c in ("EST", "LVA", "LTU", "POL")},
                "match": "saber-strike-2022",
            }
        ],
    ),
    Case(
        "will-not-take-part",
        "Armenia will not take part in the CSTO's Combat Brotherhood-2024 exercises in Kazakhstan in September, "
        "Armenian Defence Ministry spokesman Aram Torosyan said on Tuesday.\nThe drills will involve troops from "
        "Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Belarus.",
        _d("2024-08-20"),
        [
            {
                "name": "Combat Brotherhood-2024",
                "name_normalized": "Combat Brotherhood-2024",
                "alliance": "CSTO",
                "start": "2024-09",
                "announced": "2024-08-20",
                "date_precision": "month",
                "participants": {"RUS", "KAZ", "KGZ", "TJK", "BLR"},
                "non_participants": {"ARM"},
                "locations": {("country", "KAZ", None)},
            }
        ],
    ),
    Case(
        "civilian-exercise-is-no-drill",
        "Lithuania's central bank said on Tuesday that a cyber-security exercise for commercial banks would be held "
        "next month, as officials warned of attacks linked to Russia and Belarus.",
        _d("2025-02-04"),
        [],
    ),
    Case(
        "ended-on-and-began-on",
        "The Iron Wolf 2025 exercise ended on Friday at the General Silvestras Žukauskas training area in Pabradė, "
        "the Lithuanian Armed Forces said.\nAround 3,000 soldiers from Lithuania, Germany, the Netherlands and Norway "
        "took part in the two-week exercise, which began on May 5.",
        _d("2025-05-17"),
        [
            {
                "name": "Iron Wolf 2025",
                "name_normalized": "Iron Wolf-2025",
                "start": "2025-05-05",
                "end": "2025-05-16",
                "date_precision": "day",
                "participants": {"LTU", "DEU", "NLD", "NOR"},
                "troops": (3000, "about"),
                "locations": {
                    ("training_ground", "LTU", "Švenčionių rajono savivaldybė"),
                    ("town", "LTU", "Švenčionių rajono savivaldybė"),
                },
                "match": "iron-wolf-2025",
            }
        ],
    ),
    Case(
        "two-named-exercises-meanwhile",
        "Belarusian and Russian air defence units began the Union Shield-2025 exercise at the Ashuluk range in "
        "Russia's Astrakhan region on Monday, the Belarusian Defence Ministry said.\nMeanwhile, Kazakhstan's armed "
        "forces launched the Steppe Eagle-2025 drills with British and U.S. troops near Almaty on Tuesday.",
        _d("2025-06-04"),
        [
            {
                "name": "Union Shield-2025",
                "alliance": "Russia-Belarus",
                "start": "2025-06-02",
                "participants": {"BLR", "RUS"},
            },
            {
                "name": "Steppe Eagle-2025",
                "start": "2025-06-03",
                "participants": {"KAZ", "GBR", "USA"},
            },
        ],
    ),
    Case(
        "weekday-without-publication-date",
        "Russian paratroopers arrived in Belarus on Sunday for joint exercises that will run until the end of the "
        "month, the Belarusian Defence Ministry said.",
        None,
        [
            {
                "start": None,
                "end": None,
                "date_precision": "unknown",
                "dates_as_written": {"start": "on Sunday"},
                "participants": {"RUS", "BLR"},
            }
        ],
    ),
    Case(
        "day-through-day-month",
        "The Belarusian army will hold a command-post exercise with the Western Operational Command from 17 through "
        "21 March, the press service of the Defence Ministry reported.\nUp to 2,500 troops and about 400 pieces of "
        "weapons and equipment will be involved.",
        _d("2025-03-14"),
        [
            {
                "name": None,
                "alliance": "national",
                "start": "2025-03-17",
                "end": "2025-03-21",
                "date_precision": "day",
                "participants": {"BLR"},
                "troops": (2500, "up to"),
                "equipment": {"pieces of weapons and equipment": (400, "about")},
            }
        ],
    ),
    Case(
        "family-name-without-year-mid-month",
        "Russia and Belarus will hold their next Union Shield exercise in mid-September, Belarus's Chief of General "
        "Staff Pavel Muraveiko said on Wednesday.",
        _d("2025-07-09"),
        [
            {
                "name": "Union Shield",
                "name_normalized": "Union Shield",
                "alliance": "Russia-Belarus",
                "start": "2025-09",
                "announced": "2025-07-09",
                "date_precision": "month",
                "participants": {"RUS", "BLR"},
            }
        ],
    ),
]
#: A third batch, written and run once before any rule was changed for it (see the module docstring).
THIRD_BATCH: list[Case] = [
    Case(
        "had-started-said-on",
        "Russia's Defence Ministry said on Monday that its Pacific Fleet had started drills in the Sea of Japan "
        "involving more than 40 warships.",
        _d("2024-04-15"),
        [
            {
                # Reported speech: "said on Monday that … had started" relays "has started", so the statement's day
                # in a report of that day (decided on the realdev sixth pass; it was read as an unknown earlier day).
                "start": "2024-04-15",
                "announced": "2024-04-15",
                "date_precision": "day",
                "participants": {"RUS"},
                "equipment": {"warships": (40, "more than")},
            }
        ],
    ),
    Case(
        "invited-observers-are-not-observers",
        "Some 500 servicemen from Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan will take part in the "
        "CSTO's Search-2024 reconnaissance exercise in Kyrgyzstan from September 2 to 6, the CSTO secretariat said "
        "on Friday.\nArmenia, which froze its participation in the bloc last year, will not send personnel, while "
        "Uzbekistan and Azerbaijan have been invited as observers.",
        _d("2024-08-23"),
        [
            {
                "name": "Search-2024",
                "name_normalized": "Search-2024",
                "alliance": "CSTO",
                "start": "2024-09-02",
                "end": "2024-09-06",
                "announced": "2024-08-23",
                "participants": {"RUS", "BLR", "KAZ", "KGZ", "TJK"},
                "non_participants": {"ARM"},
                "observers": set(),
                "troops": (500, "about"),
                "locations": {("country", "KGZ", None)},
            }
        ],
    ),
    Case(
        "wrapped-up-is-an-end",
        "Polish and U.S. troops wrapped up the Dragon-24 exercise at the Drawsko Pomorskie training ground on "
        "Thursday after three weeks of drills involving about 20,000 soldiers and 3,500 pieces of equipment, the "
        "Polish army said.",
        _d("2024-03-15"),
        [
            {
                "name": "Dragon-24",
                "name_normalized": "Dragon-2024",
                "start": "2024",  # only the year, from the name
                "end": "2024-03-14",
                "participants": {"POL", "USA"},
                "troops": (20000, "about"),
                "equipment": {"pieces of equipment": (3500, "exact")},
                "locations": {("training_ground", "POL", "West Pomeranian")},
                "match": "dragon-2024",
            }
        ],
    ),
    Case(
        "no-exercise-pardon",
        "Belarusian President Alexander Lukashenko on Tuesday pardoned 30 people convicted of extremism, his press "
        "service said, as Minsk seeks to improve ties with Washington. Lukashenko has ruled Belarus since 1994.",
        _d("2025-11-04"),
        [],
    ),
    Case(
        "range-across-months-two-regions",
        "The exercise will take place from August 28 to September 3 in the Brest and Grodno regions, with around "
        "4,000 Belarusian servicemen, the Defence Ministry said.",
        _d("2025-08-20"),
        [
            {
                "start": "2025-08-28",
                "end": "2025-09-03",
                "date_precision": "day",
                "participants": {"BLR"},
                "troops": (4000, "about"),
                "locations": {("region", "BLR", "Brest"), ("region", "BLR", "Grodno")},
            }
        ],
    ),
    Case(
        "second-half-of-month-exercises-of",
        "Joint exercises of Russia and Belarus will be held in the second half of September in Belarus, Belarusian "
        "Defence Minister Viktor Khrenin said.",
        _d("2025-06-10"),
        [
            {
                "alliance": "Russia-Belarus",
                "start": "2025-09",
                "date_precision": "month",
                "participants": {"RUS", "BLR"},
                "locations": {("country", "BLR", None)},
            }
        ],
    ),
    Case(
        "the-last-exercise-is-another-one",
        "Belarus and Russia will hold joint drills in Belarus in February, the Russian Defence Ministry said on "
        "Tuesday. The last large-scale exercise, Zapad-2021, involved some 200,000 troops, according to Moscow.",
        _d("2022-01-18"),
        check=lambda events: _last_exercise(events),
    ),
]
#: A fourth batch, written and run once to measure; only general fixes were made after it.
FOURTH_BATCH: list[Case] = [
    Case(
        "have-begun-second-stage",
        "Russian and Belarusian forces have begun a second stage of joint nuclear weapons drills, the Russian "
        "Defense Ministry said on June 11, as Moscow continues to threaten the West over its support for Ukraine.",
        _d("2024-06-11"),
        [
            {
                "start": None,
                "announced": "2024-06-11",
                "date_precision": "announced",
                "participants": {"RUS", "BLR"},
                "alliance": "Russia-Belarus",
            }
        ],
    ),
    Case(
        "staff-training-of-the-regional-grouping",
        "Belarus and Russia will hold a joint staff training of their regional grouping of forces on September 2-5 "
        "in Belarus, the State Secretary of the Security Council said.",
        _d("2025-08-25"),
        [
            {
                "start": "2025-09-02",
                "end": "2025-09-05",
                "date_precision": "day",
                "participants": {"BLR", "RUS"},
                "alliance": "Russia-Belarus",
                "locations": {("country", "BLR", None)},
            }
        ],
    ),
    Case(
        "neighbour-deploys-after-the-exercise-paragraph",
        "Belarus said on Thursday it would scale down the Zapad-2025 exercise and move it away from its western "
        "border. Lukashenko said the drills, planned for September 12-16, would involve fewer troops than in "
        "previous years.\nPoland has deployed 40,000 troops near its border with Belarus.",
        _d("2025-05-22"),
        [
            {
                "name": "Zapad-2025",
                "start": "2025-09-12",
                "end": "2025-09-16",
                "announced": "2025-05-22",
                "participants_exclude": {"POL"},  # Poland's troops answer the exercise, they are not in it
                "troops": None,
                "match": "zapad-2025",
            }
        ],
    ),
    Case(
        "starts-on-monday-runs-until",
        "Some 3,500 troops from Lithuania and its NATO allies will take part in the Iron Wolf 2025-II exercise, "
        "which starts on Monday and runs until Oct. 24, the Lithuanian military said.",
        _d("2025-10-10"),
        [
            {
                "name": "Iron Wolf 2025-II",
                "name_normalized": "Iron Wolf-2025-II",
                "start": "2025-10-13",
                "end": "2025-10-24",
                "participants_include": {"LTU"},
                "troops": (3500, "about"),
                "match": "iron-wolf-2025-ii",
            }
        ],
    ),
    Case(
        "past-exercise-no-publication-date",
        "The CSTO exercise Interaction-2023 was held from 2 to 6 October 2023 in Belarus with the participation of "
        "Russian, Kazakh, Kyrgyz, Tajik and Belarusian troops.",
        None,
        [
            {
                "name": "Interaction-2023",
                "alliance": "CSTO",
                "start": "2023-10-02",
                "end": "2023-10-06",
                "date_precision": "day",
                "participants": {"RUS", "KAZ", "KGZ", "TJK", "BLR"},
            }
        ],
    ),
    Case(
        "this-week-across-two-months-is-not-resolved",
        "Romanian and Moldovan troops are holding joint drills near Chisinau this week, the Moldovan Defence "
        "Ministry said on Wednesday.",
        _d("2025-04-30"),
        [
            {
                "start": None,  # 28 April - 4 May: a week across two months
                "announced": "2025-04-30",
                "participants": {"ROU", "MDA"},
            }
        ],
    ),
]
ALL_CASES = CASES + SECOND_BATCH + THIRD_BATCH + FOURTH_BATCH


def _last_exercise(events: tuple[DraftEvent, ...]) -> None:
    """The drills announced for February are not Zapad-2021, whose size belongs to Zapad-2021 only."""
    announced = events[0]
    assert announced.name is None
    assert (announced.start, announced.announced) == ("2022-02", "2022-01-18")
    assert set(announced.participants) == {"BLR", "RUS"}
    assert announced.troops is None
    for event in events[1:]:
        assert event.name_normalized == "Zapad-2021"


def _passing_mention(events: tuple[DraftEvent, ...]) -> None:
    """Zapad-2025 is only recalled; the border guards deployed now are not part of it."""
    assert len(events) <= 1, [e.label for e in events]
    for event in events:
        assert event.name_normalized == "Zapad-2025"
        assert event.match is not None and event.match.exercise_id == "zapad-2025"
        assert event.troops is None and event.figures == ()
        assert "POL" not in event.participants
        assert event.locations == ()
        assert event.start in (None, "2025", "2025-09")
        assert event.end is None


def _locations(event: DraftEvent) -> set[tuple[str | None, str | None, str | None]]:
    # A context location (a country holding finer sites) is not a site of the gold.
    return {(loc.kind, loc.country, loc.admin1) for loc in event.locations if loc.resolved and not loc.is_context}


def _check_event(event: DraftEvent, gold: dict[str, Any]) -> None:
    for key in ("name", "name_normalized", "alliance", "start", "end", "announced", "date_precision"):
        if key in gold:
            assert getattr(event, key) == gold[key], key
    for key in ("participants", "observers", "non_participants"):
        if key in gold:
            assert set(getattr(event, key)) == gold[key], key
    if "participants_include" in gold:
        assert gold["participants_include"] <= set(event.participants)
    if "participants_exclude" in gold:
        assert not gold["participants_exclude"] & set(event.participants)
    if "troops" in gold:
        troops = event.troops and (event.troops.value, event.troops.qualifier)
        assert troops == gold["troops"], "troops"
    if "equipment" in gold:
        got = {k: (v.value, v.qualifier) for k, v in event.equipment.items()}
        assert got == gold["equipment"], "equipment"
    if "locations" in gold:
        assert _locations(event) == gold["locations"], [loc.text for loc in event.locations]
    if "unresolved_locations" in gold:
        unresolved = {loc.text for loc in event.locations if not loc.resolved}
        assert gold["unresolved_locations"] <= unresolved, [loc.text for loc in event.locations]
    if "dates_as_written" in gold:
        for role, text in gold["dates_as_written"].items():
            assert event.dates_as_written.get(role) == text, role
    if "match" in gold:
        assert event.match is not None and event.match.exercise_id == gold["match"], event.match


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_heldout_article(extractor, case):
    text = clean_text(case.text)
    extraction = extractor.extract(text, published=case.published)
    events = extraction.events
    for event in events:
        _check_event_is_sane(event, text)
    if case.check is not None:
        case.check(events)
        return
    assert len(events) == len(case.events), [e.label for e in events]
    for event, gold in zip(events, case.events, strict=True):
        _check_event(event, gold)
    if not case.events:
        assert any("no exercise found" in w for w in extraction.warnings)


def _check_event_is_sane(event: DraftEvent, text: str) -> None:
    check_evidence(event, text)
    if event.start is None and event.announced is None:
        assert event.date_precision in ("unknown", "announced")


def test_without_a_publication_date_a_weekday_is_kept_with_a_note(extractor):
    case = next(c for c in CASES if c.id == "week-long-drills-started-monday-no-publication-date")
    (event,) = extractor.extract(clean_text(case.text)).events
    assert any("left unresolved" in note for note in event.notes)


def test_a_wire_dateline_is_never_a_start(extractor):
    text = "MINSK, July 9 (BelTA) – Belarusian troops began drills near Brest, the ministry said."
    (event,) = extractor.extract(text, published=_d("2024-07-09")).events
    assert event.start is None
    (event,) = extractor.extract(text).events
    assert event.start is None


def test_a_week_is_left_unresolved_with_its_reason(extractor):
    case = next(c for c in ALL_CASES if c.id == "this-week-across-two-months-is-not-resolved")
    (event,) = extractor.extract(clean_text(case.text), published=case.published).events
    assert any("a week is not a catalog precision" in note for note in event.notes)
