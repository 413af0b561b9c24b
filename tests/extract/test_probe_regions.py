"""Class probes (issue 14, class 2): region and country phrases inside made-up report sentences.

Each sentence reports an exercise in the style of wire copy, a ministry release, exile media or a NATO release,
and names its places as reports do: region lists ("the Pskov, Leningrad and Novgorod Regions", "the Smolensk
Oblast and the Bryansk Oblast", "…, the Moscow Region and the Vladimir Region", "as well as in the Kursk
region"), "the Krasnodar Territory", Polish voivodeships and lands, Estonian counties, Central Asian regions,
Belarusian voblasts in Belarusian romanisation, "the territory of the Russian Federation", "Belarusian soil"
and "the Republic of X". Every expected (country, admin-1) must be among the event's resolved locations.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor

D = dt.date(2024, 6, 3)

#: sentence, publication date, expected (country, admin-1 or None for the country alone), forbidden countries
PROBES: list[tuple[str, dt.date, list[tuple[str, str | None]], list[str]]] = [
    (
        "Russian paratroopers began drills in the Pskov and Novgorod regions on Monday, the Defence Ministry said.",
        D,
        [("RUS", "Pskov"), ("RUS", "Novgorod")],
        [],
    ),
    (
        "Russian troops are holding an exercise in the Pskov, Leningrad and Novgorod Regions of Russia.",
        D,
        [("RUS", "Pskov"), ("RUS", "Leningrad"), ("RUS", "Novgorod")],
        [],
    ),
    (
        "MOSCOW, June 3 (Reuters) - Russia launched military drills in the Smolensk Oblast and the Bryansk Oblast "
        "near the border with Belarus.",
        D,
        [("RUS", "Smolensk"), ("RUS", "Bryansk")],
        [],
    ),
    (
        "Some 2,000 troops will take part in the exercise in Russia's Kaliningrad region, the ministry said.",
        D,
        [("RUS", "Kaliningrad")],
        [],
    ),
    (
        "Russian motorised rifle units held tactical drills at ranges in the Krasnodar Territory.",
        D,
        [("RUS", "Krasnodar")],
        [],
    ),
    (
        "Russian troops held drills in the Nizhny Novgorod Region, the Moscow Region and the Vladimir Region.",
        D,
        [("RUS", "Nizhegorod"), ("RUS", "Moskovskaya"), ("RUS", "Vladimir")],
        [],
    ),
    (
        "Polish soldiers trained in the Podlaskie and Warmian-Masurian voivodeships during the exercise Dragon-24.",
        D,
        [("POL", "Podlachian"), ("POL", "Warmian-Masurian")],
        [],
    ),
    (
        "The NATO exercise took place in Poland's Podlaskie Voivodeship, close to the Suwałki Gap.",
        D,
        [("POL", "Podlachian")],
        [],
    ),
    (
        "Defender Europe 24 drills were held in the Lower Silesia region and the West Pomerania region, US troops "
        "said.",
        D,
        [("POL", "Lower Silesian"), ("POL", "West Pomeranian")],
        [],
    ),
    (
        "Estonian and British troops drilled in Võru County and Ida-Viru County during Spring Storm 2024.",
        D,
        [("EST", "Võru"), ("EST", "Ida-Viru")],
        [],
    ),
    ("The exercise Spring Storm 2024 is taking place in southern Estonia's Voru county.", D, [("EST", "Võru")], []),
    ("CSTO troops held the Interaction-2024 exercise in the Khatlon region of Tajikistan.", D, [("TJK", None)], []),
    ("Kyrgyz and Russian troops held drills in Kyrgyzstan's Issyk-Kul region.", D, [("KGZ", None)], []),
    ("Kazakh troops held an exercise in the Karaganda region.", D, [("KAZ", None)], []),
    (
        "The Zapad-2025 exercise will be held on the territory of the Russian Federation and Belarus in September.",
        D,
        [("RUS", None)],
        [],
    ),
    ("Russian troops arrived on Belarusian soil for the Union Shield exercise.", D, [("BLR", None)], []),
    ("Belarusian troops will hold drills on Belarusian territory from June 10 to 15.", D, [("BLR", None)], []),
    (
        "The Union Shield-2025 exercise will be held in the Republic of Belarus and the Russian Federation.",
        D,
        [("BLR", None), ("RUS", None)],
        [],
    ),
    (
        "The CSTO exercise Echelon-2024 will take place in the Republic of Kazakhstan in October.",
        D,
        [("KAZ", None)],
        [],
    ),
    ("The CSTO exercise Search-2024 was held in the Kyrgyz Republic in October.", D, [("KGZ", None)], []),
    ("Belarusian troops held drills in the Hrodna and Brest regions.", D, [("BLR", "Grodno"), ("BLR", "Brest")], []),
    ("Belarusian troops held an exercise in the Homiel voblast, near the Ukrainian border.", D, [("BLR", "Gomel")], []),
    (
        "Belarusian troops held drills in the Vitsebsk Voblast and the Mahilyow Voblast.",
        D,
        [("BLR", "Vitebsk"), ("BLR", "Mogilev")],
        [],
    ),
    ("Belarusian troops held drills in the Grodno Oblast's Lida district.", D, [("BLR", "Grodno")], []),
    ("Russian and Belarusian troops held drills in the Brestskaya oblast of Belarus.", D, [("BLR", "Brest")], []),
    (
        "Units of the Western Military District held an exercise in the Leningrad and Pskov oblasts.",
        D,
        [("RUS", "Leningrad"), ("RUS", "Pskov")],
        [],
    ),
    (
        "Lithuanian troops held the Iron Wolf 2024 exercise in the Vilnius County as well as the Alytus County.",
        D,
        [("LTU", None)],
        [],
    ),
    (
        "Russian troops held drills in the Bryansk region as well as in the Kursk region.",
        D,
        [("RUS", "Bryansk"), ("RUS", "Kursk")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "published", "expected", "forbidden"), PROBES)
def test_region_phrases_in_sentences_resolve(
    extractor: Extractor,
    text: str,
    published: dt.date,
    expected: list[tuple[str, str | None]],
    forbidden: list[str],
) -> None:
    events = extractor.extract(text, published=published).events
    found = {(p.country, p.admin1) for e in events for p in e.locations if p.status == "resolved"}
    countries = {country for country, _ in found}
    for country, admin1 in expected:
        assert ((country, admin1) in found) if admin1 else (country in countries), found
    assert not countries & set(forbidden), found


def test_a_list_of_regions_stops_at_a_military_district(extractor: Extractor) -> None:
    text = "Russian troops held drills in the Pskov region and the Western Military District said they ended."
    (event,) = extractor.extract(text, published=D).events
    assert [p.admin1 for p in event.locations] == ["Pskov"]
