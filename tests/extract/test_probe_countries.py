"""Class probes (issue 14, class 3): lists of countries as sites and as participants, and borders as neither.

Made-up sentences in the styles of wire copy, ministry and NATO releases: "in A, B, C and D" (Oxford comma, "as
well as", "spans", a list ending in a region group), "troops from N countries: A, B …" and "…, namely A, B",
"servicemen of A, B and C", "A, B and C sent units", "The US, UK, Poland, and Lithuania are participating",
"Contingents from …" opening a sentence; and "near the border with X", "the Polish border", "which borders X"
that make X neither a participant nor a site.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geo.extract import DraftEvent, Extractor

D = dt.date(2024, 6, 3)

#: sentence, publication date, checks (see :func:`check`)
PROBES: list[tuple[str, dt.date, dict[str, Any]]] = [
    # country lists as sites
    (
        "The NATO exercise Saber Strike 2024 will be held in Poland, Lithuania, Latvia and Estonia.",
        D,
        {"sites": {"POL", "LTU", "LVA", "EST"}},
    ),
    (
        "Saber Strike 2024 drills took place in Estonia, Latvia, Lithuania, and Poland, the US Army said.",
        D,
        {"sites": {"POL", "LTU", "LVA", "EST"}},
    ),
    (
        "BALTOPS 24 will be conducted in Germany, Poland as well as Lithuania, NATO said.",
        D,
        {"sites": {"DEU", "POL", "LTU"}},
    ),
    (
        "Exercise Defender Europe 24 spans Poland, Lithuania, Latvia and Estonia, the Pentagon said.",
        D,
        {"sites": {"POL", "LTU", "LVA", "EST"}},
    ),
    (
        "The CSTO exercise Interaction-2024 will be held in Belarus, Kazakhstan and Kyrgyzstan.",
        D,
        {"sites": {"BLR", "KAZ", "KGZ"}},
    ),
    ("Drills of the Iron Wolf 2024 exercise will take place in Lithuania and Latvia.", D, {"sites": {"LTU", "LVA"}}),
    # participants
    (
        "Troops from 12 countries: the United States, Poland, Germany, France, Italy, Spain, Lithuania, Latvia, Estonia, Norway, Denmark and the Netherlands will take part in Saber Strike 2024.",  # noqa: E501
        D,
        {"parts": {"USA", "POL", "DEU", "FRA", "ITA", "ESP", "LTU", "LVA", "EST", "NOR", "DNK", "NLD"}},
    ),
    (
        "Some 3,000 troops from nine countries, namely Poland, the US, the UK, Canada, Germany, Lithuania, Latvia, Estonia and Norway, took part in Dragon-24.",  # noqa: E501
        D,
        {"parts": {"POL", "USA", "GBR", "CAN", "DEU", "LTU", "LVA", "EST", "NOR"}},
    ),
    (
        "Servicemen of Russia, Belarus and Kazakhstan took part in the CSTO exercise Interaction-2024.",
        D,
        {"parts": {"RUS", "BLR", "KAZ"}},
    ),
    (
        "Russia, Belarus and Serbia sent units to the Slavic Brotherhood-2024 exercise.",
        D,
        {"parts": {"RUS", "BLR", "SRB"}},
    ),
    (
        "Armenia, Kazakhstan, Kyrgyzstan and Tajikistan sent contingents to the Search-2024 drills in Belarus.",
        D,
        {"parts": {"ARM", "KAZ", "KGZ", "TJK"}},
    ),
    (
        "Soldiers from Lithuania, Poland and the United States are taking part in Iron Wolf 2024.",
        D,
        {"parts": {"LTU", "POL", "USA"}},
    ),
    (
        "Iron Wolf 2024 brings together troops from Germany, the Netherlands, Norway and Lithuania.",
        D,
        {"parts": {"DEU", "NLD", "NOR", "LTU"}},
    ),
    (
        "The exercise Iron Wolf 2024 involves troops from Lithuania, Germany, and the Netherlands, the Lithuanian army said.",  # noqa: E501
        D,
        {"parts": {"LTU", "DEU", "NLD"}},
    ),
    (
        "Participating in the drills Spring Storm 2024 are units from Estonia, the UK, France, and Denmark.",
        D,
        {"parts": {"EST", "GBR", "FRA", "DNK"}},
    ),
    (
        "Military personnel from Belarus, Russia, Kazakhstan, Kyrgyzstan and Tajikistan are involved in Search-2024.",
        D,
        {"parts": {"BLR", "RUS", "KAZ", "KGZ", "TJK"}},
    ),
    (
        "Polish, Lithuanian and US troops held the Brilliant Jump 2024 exercise in Lithuania.",
        D,
        {"parts": {"POL", "LTU", "USA"}},
    ),
    ("The drills Dragon-24 involve servicemen from Poland, Germany and Czechia.", D, {"parts": {"POL", "DEU", "CZE"}}),
    # border distractors
    (
        "Belarusian troops held drills near the border with Poland on Monday.",
        D,
        {"parts": {"BLR"}, "no_parts": {"POL"}, "no_sites": {"POL"}},
    ),
    (
        "Belarus began an exercise close to its border with Lithuania and Latvia, the defence ministry said.",
        D,
        {"parts": {"BLR"}, "no_parts": {"LTU", "LVA"}, "no_sites": {"LTU", "LVA"}},
    ),
    (
        "Russian and Belarusian troops launched Union Shield-2024 drills near the Polish border.",
        D,
        {"parts": {"RUS", "BLR"}, "no_parts": {"POL"}, "no_sites": {"POL"}},
    ),
    (
        "Lithuania launched the Iron Wolf 2024 exercise near the border with Belarus and Russia's Kaliningrad region.",
        D,
        {"parts": {"LTU"}, "no_parts": {"BLR", "RUS"}},
    ),
    (
        "Poland's army started Dragon-24 drills not far from the border with Belarus, the Polish Defence Ministry said.",  # noqa: E501
        D,
        {"parts": {"POL"}, "no_parts": {"BLR"}, "no_sites": {"BLR"}},
    ),
    (
        "The armies of Poland, Lithuania and Latvia will hold the Amber Shield 2024 exercise in June.",
        D,
        {"parts": {"POL", "LTU", "LVA"}},
    ),
    (
        "Contingents from Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan will arrive for Interaction-2024, the CSTO said.",  # noqa: E501
        D,
        {"parts": {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}},
    ),
    (
        "Lithuanian soldiers will train alongside troops from Germany, Norway and the Netherlands during Iron Wolf 2024.",  # noqa: E501
        D,
        {"parts": {"LTU", "DEU", "NOR", "NLD"}},
    ),
    (
        "Latvia, Estonia and Lithuania will take part in the Baltic Host 2024 drills, officials said.",
        D,
        {"parts": {"LVA", "EST", "LTU"}},
    ),
    (
        "The US, UK, Poland, and Lithuania are participating in Saber Strike 2024, the US Army said.",
        D,
        {"parts": {"USA", "GBR", "POL", "LTU"}},
    ),
    (
        "About 1,500 servicemen from Russia and Belarus as well as Serbia took part in Slavic Brotherhood-2024.",
        D,
        {"parts": {"RUS", "BLR", "SRB"}},
    ),
    (
        "Dragon-24 will take place at ranges in Poland and Lithuania as well as in Latvia, NATO said.",
        D,
        {"sites": {"POL", "LTU", "LVA"}},
    ),
    (
        "NATO's Steadfast Defender 24 exercise is taking place across Germany, Poland, and the Baltic states, officials said.",  # noqa: E501
        D,
        {"sites": {"DEU", "POL"}},
    ),
    (
        "Belarusian servicemen held drills near the Lithuanian border, the defence ministry said.",
        D,
        {"parts": {"BLR"}, "no_parts": {"LTU"}, "no_sites": {"LTU"}},
    ),
    (
        "Polish troops held the Dragon-24 exercise along the border with Belarus and Russia.",
        D,
        {"parts": {"POL"}, "no_parts": {"BLR", "RUS"}, "no_sites": {"BLR", "RUS"}},
    ),
    (
        "Russian troops held drills in the Bryansk region, which borders Ukraine and Belarus, the defence ministry said.",  # noqa: E501
        D,
        {"parts": {"RUS"}, "no_parts": {"UKR", "BLR"}, "no_sites": {"UKR", "BLR"}},
    ),
]


def check(events: tuple[DraftEvent, ...], checks: dict[str, Any]) -> None:
    """``parts`` ⊆ the first event's participants; ``sites`` ⊆ resolved site countries; ``no_*`` in none of them."""
    participants = {iso3 for e in events for iso3 in e.participants}
    sites = {p.country for e in events for p in e.locations if p.status == "resolved"}
    if "parts" in checks:
        assert events and set(checks["parts"]) <= set(events[0].participants), events
    if "sites" in checks:
        assert set(checks["sites"]) <= sites, sites
    assert not set(checks.get("no_parts", ())) & participants, participants
    assert not set(checks.get("no_sites", ())) & sites, sites


@pytest.mark.parametrize(("text", "published", "checks"), PROBES)
def test_country_lists_and_borders(extractor: Extractor, text: str, published: dt.date, checks: dict[str, Any]) -> None:
    check(extractor.extract(text, published=published).events, checks)


def test_a_country_before_a_comma_and_a_clause_is_no_list() -> None:
    from geo.extract.places import find_places

    places = find_places("The drills were held in Poland, the ministry said.")
    assert [(p.text, p.form) for p in places] == [("Poland", "country")]
