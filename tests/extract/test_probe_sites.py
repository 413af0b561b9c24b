"""Site probes (issue 14, ninth session): site phrases in made-up sentences written in real reports' styles.

Each probe is one class of site phrase: a district of a region, a village near a town or in a district, a range
near a town, a distance from a town, region pairs and lists, compass parts of a country, Russian oblasts, krais and
republics, Polish counties, gminas and voivodeships (in Polish and English), Lithuanian district municipalities,
Latvian and Estonian counties and parishes, "the X-Y region" (two oblasts), a range named after a village, rivers
and lakes, "on the border with X" (a strip, never X itself), a headquarters city beside the range. The expected
site is written from the text alone: a phrase of the site, its kind, country and ``admin1.geojson`` admin-1 (None
when the text gives no region). A site passes when one of the event's locations is written as the phrase and has
that kind, country and admin-1; ``forbidden`` lists countries (ISO3) no location may take and phrases (a
headquarters city) no location may be written as.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from tests.support.site_probes import Site, forbidden_found, site_found

D = dt.date(2024, 6, 3)

#: class, sentence, expected sites (phrase, kind, country, admin-1 or None: any), forbidden countries or phrases
PROBES: list[tuple[str, str, list[Site], list[str]]] = [
    # a district of a region
    (
        "district",
        "Belarusian troops held drills in the Lida district of the Grodno region, the Defence Ministry said.",
        [("Grodno region", "region", "BLR", "Grodno")],
        [],
    ),
    (
        "district",
        "A Belarusian mechanised brigade held drills in the Kobryn district of the Brest region during an inspection.",
        [("Brest region", "region", "BLR", "Brest")],
        [],
    ),
    (
        "district",
        "Russian and Belarusian troops held drills in the Stolin district of Brest Oblast.",
        [("Brest Oblast", "region", "BLR", "Brest")],
        [],
    ),
    # a village near a town or in a district
    (
        "village",
        "Belarusian troops held an exercise near the village of Ruzhany in the Pruzhany district, the ministry said.",
        [("Ruzhany", "town", "BLR", "Brest")],
        [],
    ),
    (
        "village",
        "Belarusian paratroopers held drills near the village of Bragin in the Gomel region.",
        [("Bragin", "town", "BLR", "Gomel")],
        [],
    ),
    (
        "village",
        "Belarusian artillery held live-fire drills near the town of Slonim, the Defence Ministry said.",
        [("Slonim", "town", "BLR", "Grodno")],
        [],
    ),
    # a range near a town
    (
        "range_near_town",
        "Troops held the exercise at the Brestsky training ground near Brest, the ministry said.",
        [("Brestsky training ground", "training_ground", "BLR", "Brest")],
        [],
    ),
    (
        "range_near_town",
        "The drills were held at the Gozhsky training ground near Grodno on Tuesday.",
        [("Gozhsky training ground", "training_ground", "BLR", "Grodno")],
        [],
    ),
    (
        "range_near_town",
        "Russian paratroopers trained at the Losvido range near Vitebsk.",
        [("Losvido range", "training_ground", "BLR", "Vitebsk")],
        [],
    ),
    # a distance from a town
    (
        "distance",
        "Belarusian troops held drills 20 km from the town of Pinsk, the Defence Ministry said.",
        [("Pinsk", "town", "BLR", "Brest")],
        [],
    ),
    (
        "distance",
        "Russian troops held drills some 30 kilometres from the town of Klintsy in the Bryansk region.",
        [("Bryansk region", "region", "RUS", "Bryansk")],
        [],
    ),
    # region pairs and lists
    (
        "region_pair",
        "Belarusian troops held drills in the Brest and Grodno regions on Monday.",
        [("Brest", "region", "BLR", "Brest"), ("Grodno", "region", "BLR", "Grodno")],
        [],
    ),
    (
        "region_pair",
        "Belarusian troops held an exercise in the Vitebsk and Mogilev regions of Belarus.",
        [("Vitebsk", "region", "BLR", "Vitebsk"), ("Mogilev", "region", "BLR", "Mogilev")],
        [],
    ),
    (
        "region_pair",
        "Russian troops held the exercise in the Pskov-Novgorod region, the district said.",
        [("Pskov", "region", "RUS", "Pskov"), ("Novgorod", "region", "RUS", "Novgorod")],
        [],
    ),
    # compass parts of a country
    (
        "compass",
        "Belarusian troops held drills across western Belarus this week.",
        [("western Belarus", "region", "BLR", None)],
        [],
    ),
    (
        "compass",
        "Belarusian units held drills at training grounds in southern Belarus.",
        [("southern Belarus", "region", "BLR", None)],
        [],
    ),
    # Russian oblasts, krais and republics
    (
        "russia",
        "Russian troops held drills in the Smolensk oblast, the ministry said.",
        [("Smolensk oblast", "region", "RUS", "Smolensk")],
        [],
    ),
    (
        "russia",
        "Motorised riflemen held drills in Krasnodar Krai, the Southern Military District said.",
        [("Krasnodar Krai", "region", "RUS", "Krasnodar")],
        [],
    ),
    (
        "russia",
        "Russian troops held an exercise in the Republic of Karelia, near the Finnish border.",
        [("Republic of Karelia", "region", "RUS", "Karelia")],
        ["FIN"],
    ),
    (
        "russia",
        "The drills took place in Russia's Kaliningrad Oblast on Monday.",
        [("Kaliningrad Oblast", "region", "RUS", "Kaliningrad")],
        [],
    ),
    (
        "russia",
        "Russian troops held drills in the Tver Oblast and the Kaluga Oblast.",
        [("Tver", "region", "RUS", "Tver'"), ("Kaluga", "region", "RUS", "Kaluga")],
        [],
    ),
    # Polish counties, gminas and voivodeships
    (
        "poland",
        "Polish troops held drills in Podkarpackie Voivodeship on Monday.",
        [("Podkarpackie", "region", "POL", "Subcarpathian")],
        [],
    ),
    (
        "poland",
        "Polish troops held the Dragon-24 exercise in the województwo podlaskie.",
        [("podlaskie", "region", "POL", "Podlachian")],
        [],
    ),
    (
        "poland",
        "Polish troops trained in Sejny County in the Podlaskie Voivodeship, near the Lithuanian border.",
        [("Podlaskie Voivodeship", "region", "POL", "Podlachian")],
        ["LTU"],
    ),
    (
        "poland",
        "US troops held the exercise near Orzysz in Poland's Warmian-Masurian Voivodeship.",
        [("Orzysz", "town", "POL", "Warmian-Masurian"), ("Warmian-Masurian", "region", "POL", "Warmian-Masurian")],
        [],
    ),
    (
        "poland",
        "Polish troops held drills in the Lublin Voivodeship, the Polish army said.",
        [("Lublin Voivodeship", "region", "POL", "Lublin")],
        [],
    ),
    (
        "poland",
        "Polish troops held drills in the gmina of Orzysz, the Polish army said.",
        [("Orzysz", "town", "POL", "Warmian-Masurian")],
        [],
    ),
    # Lithuanian district municipalities
    (
        "lithuania",
        "Lithuanian troops held drills in the Švenčionys district municipality.",
        [("Švenčionys", "region", "LTU", "Švenčionių rajono savivaldybė")],
        [],
    ),
    (
        "lithuania",
        "The Iron Wolf exercise was held in the Jonava district municipality in Lithuania.",
        [("Jonava", "region", "LTU", "Jonavos rajono savivaldybė")],
        [],
    ),
    (
        "lithuania",
        "NATO troops trained near Ignalina in eastern Lithuania.",
        [("Ignalina", "town", "LTU", None)],
        [],
    ),
    # Latvian and Estonian counties and parishes
    (
        "latvia_estonia",
        "Estonian troops held the exercise in Võru County in south-eastern Estonia.",
        [("Võru County", "region", "EST", "Võru")],
        [],
    ),
    (
        "latvia_estonia",
        "The Spring Storm exercise was held in Ida-Viru County, the Estonian Defence Forces said.",
        [("Ida-Viru County", "region", "EST", "Ida-Viru")],
        [],
    ),
    # a range named after a village
    (
        "range_named",
        "Belarusian and Russian troops held the final stage of the exercise at the Obuz-Lesnovsky range.",
        [("Obuz-Lesnovsky range", "training_ground", "BLR", "Brest")],
        [],
    ),
    (
        "range_named",
        "Belarusian troops held live-fire drills at the Ruzhansky range in the Brest region.",
        [("Ruzhansky range", "training_ground", "BLR", "Brest")],
        [],
    ),
    (
        "range_named",
        "The drills were held at the Domanovsky training ground.",
        [("Domanovsky training ground", "training_ground", "BLR", "Brest")],
        [],
    ),
    # rivers and lakes
    (
        "river",
        "Belarusian troops held river-crossing drills on the Pripyat river in the Gomel region.",
        [("Gomel region", "region", "BLR", "Gomel")],
        [],
    ),
    # a border strip, never the neighbour itself
    (
        "border",
        "Belarusian troops held drills on the border with Lithuania, the ministry said.",
        [("border with Lithuania", "border_zone", "BLR", None)],
        ["LTU"],
    ),
    (
        "border",
        "Russian troops held drills in the Bryansk region on the border with Ukraine.",
        [("Bryansk region", "region", "RUS", "Bryansk")],
        ["UKR"],
    ),
    (
        "border",
        "Belarusian troops held an exercise near the border with Poland.",
        [("border with Poland", "border_zone", "BLR", None)],
        ["POL"],
    ),
    # a headquarters city beside the range
    (
        "headquarters",
        "Belarusian troops held the exercise, run from headquarters in Minsk, at the Obuz-Lesnovsky training ground.",
        [("Obuz-Lesnovsky training ground", "training_ground", "BLR", "Brest")],
        ["Minsk"],
    ),
    (
        "headquarters",
        "Troops of the Baranovichi-based brigade held drills at the Gozhsky training ground.",
        [("Gozhsky training ground", "training_ground", "BLR", "Grodno")],
        ["Baranovichi"],
    ),
    (
        "headquarters",
        "The Western Operational Command, headquartered in Grodno, held drills at the Brestsky training ground.",
        [("Brestsky training ground", "training_ground", "BLR", "Brest")],
        ["Grodno"],
    ),
    # second batch, written after the first batch's changes (README: Site probes, ninth session)
    (
        "district",
        "Belarusian troops held drills in the Smorgon district (Grodno region) on Tuesday.",
        [("Grodno region", "region", "BLR", "Grodno")],
        [],
    ),
    (
        "district",
        "Belarusian troops held drills in Pruzhany district, Brest oblast.",
        [("Brest oblast", "region", "BLR", "Brest")],
        [],
    ),
    (
        "district",
        "Russian troops held drills in the Pechory district of the Pskov region.",
        [("Pskov region", "region", "RUS", "Pskov")],
        [],
    ),
    (
        "village",
        "Belarusian troops held drills in the village of Lesnaya, Baranovichi district.",
        [("Lesnaya", "town", "BLR", "Brest")],
        [],
    ),
    (
        "village",
        "Belarusian and Russian troops held an exercise near the village of Narovlya in the Gomel region.",
        [("Narovlya", "town", "BLR", "Gomel")],
        [],
    ),
    (
        "village",
        "Russian troops held drills near the settlement of Pechory in the Pskov region.",
        [("Pechory", "town", "RUS", "Pskov")],
        [],
    ),
    (
        "range_near_town",
        "Belarusian troops held drills at the Obuz-Lesnovsky training ground near Baranovichi.",
        [("Obuz-Lesnovsky training ground", "training_ground", "BLR", "Brest")],
        ["Baranovichi"],
    ),
    (
        "range_near_town",
        "Belarusian troops held drills at a training ground near Slonim.",
        [("Slonim", "town", "BLR", "Grodno")],
        [],
    ),
    (
        "range_near_town",
        "Russian troops held the exercise at the Pravdinsky range near Pravdinsk in the Kaliningrad region.",
        [("Pravdinsky range", "training_ground", "RUS", "Kaliningrad")],
        [],
    ),
    (
        "distance",
        "Belarusian troops held drills 40 km east of Minsk, the ministry said.",
        [("Minsk", "town", "BLR", None)],
        [],
    ),
    (
        "distance",
        "Russian troops held drills some 25 kilometers northwest of Pskov.",
        [("Pskov", "town", "RUS", "Pskov")],
        [],
    ),
    (
        "region_pair",
        "Belarusian troops held drills in the Minsk, Vitebsk and Mogilev regions.",
        [
            ("Minsk", "region", "BLR", "Minsk"),
            ("Vitebsk", "region", "BLR", "Vitebsk"),
            ("Mogilev", "region", "BLR", "Mogilev"),
        ],
        [],
    ),
    (
        "region_pair",
        "Belarusian troops held drills in Brest and Grodno oblasts.",
        [("Brest", "region", "BLR", "Brest"), ("Grodno", "region", "BLR", "Grodno")],
        [],
    ),
    (
        "region_pair",
        "Russian troops held drills in the Kursk and Belgorod regions near the border with Ukraine.",
        [("Kursk", "region", "RUS", "Kursk"), ("Belgorod", "region", "RUS", "Belgorod")],
        ["UKR"],
    ),
    (
        "region_pair",
        "Belarusian troops held an exercise in the Brest-Gomel region along the Ukrainian border.",
        [("Brest", "region", "BLR", "Brest"), ("Gomel", "region", "BLR", "Gomel")],
        ["UKR"],
    ),
    (
        "compass",
        "Belarusian troops held drills in north-western Belarus.",
        [("north-western Belarus", "region", "BLR", None)],
        [],
    ),
    ("compass", "Latvian troops held drills in eastern Latvia.", [("eastern Latvia", "region", "LVA", None)], []),
    (
        "compass",
        "Belarusian troops held drills in the west of Belarus.",
        [("west of Belarus", "region", "BLR", None)],
        [],
    ),
    ("russia", "Russian troops held drills in Pskov oblast.", [("Pskov oblast", "region", "RUS", "Pskov")], []),
    (
        "russia",
        "Russian troops held drills in the Leningrad Region, the Western Military District said.",
        [("Leningrad Region", "region", "RUS", "Leningrad")],
        [],
    ),
    (
        "russia",
        "Russian troops held drills in the Bryansk Oblast near the Belarusian border.",
        [("Bryansk Oblast", "region", "RUS", "Bryansk")],
        ["BLR"],
    ),
    ("poland", "Polish troops held drills in Podlaskie province.", [("Podlaskie", "region", "POL", "Podlachian")], []),
    (
        "poland",
        "Polish troops held drills in the Lubelskie Voivodeship.",
        [("Lubelskie", "region", "POL", "Lublin")],
        [],
    ),
    ("poland", "Polish troops held drills in Masovian Voivodeship.", [("Masovian", "region", "POL", "Masovian")], []),
    (
        "poland",
        "Polish troops held drills in Suwałki County, near the Lithuanian border.",
        [("Suwałki", "town", "POL", "Podlachian")],
        ["LTU"],
    ),
    (
        "poland",
        "Polish troops held drills in the Warmińsko-Mazurskie Voivodeship.",
        [("Warmińsko-Mazurskie", "region", "POL", "Warmian-Masurian")],
        [],
    ),
    (
        "lithuania",
        "Lithuanian troops held drills in Pabradė, Švenčionys district.",
        [("Pabradė", "town", "LTU", None)],
        [],
    ),
    (
        "lithuania",
        "Lithuanian troops held drills in the Varėna district municipality.",
        [("Varėna", "region", "LTU", "Varėnos rajono savivaldybė")],
        [],
    ),
    ("lithuania", "Lithuanian troops held drills in Alytus County.", [("Alytus", "region", "LTU", None)], []),
    (
        "latvia_estonia",
        "Estonian troops held drills in Valga County.",
        [("Valga County", "region", "EST", "Valga")],
        [],
    ),
    ("latvia_estonia", "Estonian troops held drills in Harjumaa county.", [("Harjumaa", "region", "EST", "Harju")], []),
    (
        "range_named",
        "Belarusian troops held drills at the Lepelsky training ground.",
        [("Lepelsky training ground", "training_ground", "BLR", "Vitebsk")],
        [],
    ),
    (
        "range_named",
        "Belarusian troops held drills at the Chepelevo range.",
        [("Chepelevo range", "training_ground", "BLR", "Grodno")],
        [],
    ),
    (
        "range_named",
        "Belarusian troops held drills at the Borisovsky training ground.",
        [("Borisovsky training ground", "training_ground", "BLR", "Minsk")],
        [],
    ),
    (
        "river",
        "Belarusian troops held river-crossing drills on the Berezina river.",
        [("Berezina", "region", "BLR", None)],
        [],
    ),
    (
        "river",
        "Belarusian troops held river-crossing drills on the Dnieper in Belarus.",
        [("Dnieper", "region", "BLR", None)],
        [],
    ),
    ("river", "Latvian troops held drills on the Daugava river.", [("Daugava", "region", "LVA", None)], []),
    ("lake", "Estonian troops held drills on Lake Peipus.", [("Lake Peipus", "region", "EST", None)], []),
    (
        "border",
        "Belarusian troops held drills along the border with Ukraine.",
        [("border with Ukraine", "border_zone", "BLR", None)],
        ["UKR"],
    ),
    (
        "border",
        "Belarusian troops held drills near the Polish border.",
        [("Polish border", "border_zone", "BLR", None)],
        ["POL"],
    ),
    (
        "border",
        "Lithuanian troops held drills on Lithuania's border with Belarus.",
        [("border with Belarus", "border_zone", "LTU", None)],
        ["BLR"],
    ),
    (
        "headquarters",
        "Belarusian troops held drills at the Brestsky training ground, commanded from the Western Operational "
        "Command headquarters in Grodno.",
        [("Brestsky training ground", "training_ground", "BLR", "Brest")],
        ["Grodno"],
    ),
]


@pytest.mark.parametrize(("klass", "text", "expected", "forbidden"), PROBES)
def test_site_phrases_resolve_to_kind_country_and_admin1(
    extractor: Extractor, klass: str, text: str, expected: list[Site], forbidden: list[str]
) -> None:
    del klass  # the probe's class, shown in the test id
    locations = [loc for e in extractor.extract(text, published=D).events for loc in e.locations]
    got = [(loc.text, loc.kind, loc.country, loc.admin1) for loc in locations]
    for site in expected:
        assert site_found(site, locations), (site, got)
    assert not forbidden_found(forbidden, locations), got


@pytest.mark.parametrize(
    ("text", "not_written"),
    [
        ("Belarusian troops held drills 150 km from Minsk.", "Minsk"),  # beyond the distance anchor's reach
        ("Polish troops held drills 20 km from the Lithuanian border.", "20 km from the"),  # a border strip, no town
    ],
)
def test_a_distance_names_no_town_beyond_reach_or_without_a_town(
    extractor: Extractor, text: str, not_written: str
) -> None:
    locations = [loc for e in extractor.extract(text, published=D).events for loc in e.locations]
    assert not any(loc.kind == "town" and not_written in loc.text for loc in locations), locations


def test_a_hyphenated_admin1_region_stays_one_region(extractor: Extractor) -> None:
    (event,) = extractor.extract("Estonian troops held drills in the Ida-Viru region.", published=D).events
    assert [(p.country, p.admin1) for p in event.locations] == [("EST", "Ida-Viru")]


def test_a_headquarters_at_a_range_keeps_the_range(extractor: Extractor) -> None:
    text = "The exercise was run from headquarters at the Obuz-Lesnovsky training ground by Belarusian troops."
    (event,) = extractor.extract(text, published=D).events
    assert [(p.kind, p.admin1) for p in event.locations] == [("training_ground", "Brest")]


def test_a_range_the_geocoder_cannot_place_keeps_its_town(extractor: Extractor) -> None:
    text = "Belarusian troops held drills at the Xyzzy training ground near Slonim."
    locations = [loc for e in extractor.extract(text, published=D).events for loc in e.locations]
    # the range is placed on the town the report ties it to (one location, also written "Slonim")
    assert any("Slonim" in (loc.text, *loc.also_written) and loc.admin1 == "Grodno" for loc in locations), locations


def test_a_river_stays_in_the_default_country_the_sentence_places_it_in(extractor: Extractor) -> None:
    text = "Russian troops held river-crossing drills on the Dnieper river in Belarus."
    locations = [loc for e in extractor.extract(text, published=D).events for loc in e.locations]
    assert {loc.country for loc in locations} == {"BLR"}, locations
