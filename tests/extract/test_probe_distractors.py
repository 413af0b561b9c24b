"""Class probes (issue 14, class 6): distractors that are no exercise site.

Made-up sentences: a bare "the border", the military district the troops belong to, a brigade's or division's
home town ("based in Grodno", "the Pskov-based 76th Division", "stationed in Kaliningrad", "from Vitebsk"),
where forces go back to ("returned to their permanent bases in the Moscow region"), where a minister spoke
("speaking in Minsk, said troops held drills at X": X is the drills' place), and a state moving or deploying
forces to its own border as a reaction ("Poland deployed 10,000 troops to its eastern border as …").
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor

W = dt.date(2024, 6, 5)

#: sentence, texts the sites must include, texts no site may contain
PROBES: list[tuple[str, list[str], list[str]]] = [
    ("Belarusian troops held drills near the border, the defence ministry said.", [], ["border"]),
    (
        "Belarusian troops held drills at the Gozhsky training ground near the border, the defence ministry said.",
        ["Gozhsky"],
        ["border"],
    ),
    (
        "Units of the Western Military District arrived in Belarus for the Union Shield-2023 exercise at the Brest training ground.",  # noqa: E501
        ["Brest"],
        ["Western Military District"],
    ),
    (
        "Troops of the Leningrad Military District held drills at the Luzhsky training ground, the Russian defence ministry said.",  # noqa: E501
        ["Luzhsky"],
        ["Leningrad"],
    ),
    (
        "Servicemen of the 6th Mechanised Brigade, based in Grodno, held drills at the Gozhsky training ground.",
        ["Gozhsky"],
        ["Grodno"],
    ),
    (
        "Poland moved units to its border with Belarus as Belarusian troops held drills near Brest, the Polish defence ministry said.",  # noqa: E501
        ["Brest"],
        ["its border"],
    ),
    (
        "Lithuania moved additional troops to the border as Russia and Belarus began the Zapad-2025 exercise at the Borisovsky training ground.",  # noqa: E501
        ["Borisovsky"],
        ["border"],
    ),
    (
        "Russian paratroopers from the Pskov-based 76th Division flew to Belarus for drills at the Brest training ground.",  # noqa: E501
        ["Brest"],
        ["Pskov"],
    ),
    (
        "Troops stationed in Kaliningrad took part in drills in the Pskov region, the Russian defence ministry said.",
        ["Pskov"],
        ["Kaliningrad"],
    ),
    (
        "Russian tank crews held drills near Smolensk and then returned to their permanent bases in the Moscow region, the ministry said.",  # noqa: E501
        ["Smolensk"],
        ["Moscow"],
    ),
    (
        "The defence minister, speaking in Minsk, said troops held drills at the Borisovsky training ground.",
        ["Borisovsky"],
        ["Minsk"],
    ),
    (
        "Poland deployed 10,000 troops to its eastern border as Russia and Belarus held the Zapad-2025 exercise in Belarus.",  # noqa: E501
        ["Belarus"],
        ["eastern border"],
    ),
    (
        "Latvia reinforced its border with Belarus during the Union Shield-2025 drills at the Lepelsky training ground.",  # noqa: E501
        ["Lepelsky"],
        ["border"],
    ),
    (
        "Units of the Southern Military District took part in drills in the Rostov region, the Russian defence ministry said.",  # noqa: E501
        ["Rostov"],
        ["Southern"],
    ),
    (
        "Belarusian troops from Vitebsk held drills at the Losvido training ground, the defence ministry said.",
        ["Losvido"],
        ["Vitebsk"],
    ),
]


@pytest.mark.parametrize(("text", "must", "forbidden"), PROBES)
def test_distractors_are_no_sites(extractor: Extractor, text: str, must: list[str], forbidden: list[str]) -> None:
    events = extractor.extract(text, published=W).events
    sites = [p.text for e in events for p in e.locations if p.role == "site"]
    assert events, "no exercise found"
    for part in must:
        assert any(part in s for s in sites), sites
    for part in forbidden:
        assert not any(part in s for s in sites), sites


def test_a_border_deployment_clause_gives_no_participant(extractor: Extractor) -> None:
    text = "Poland deployed 10,000 troops to its eastern border as Russia and Belarus held the Zapad-2025 exercise."
    (event,) = extractor.extract(text, published=W).events
    assert set(event.participants) == {"RUS", "BLR"}
