"""Ranges of ``data/places/training_grounds_curated.csv`` found in made-up report sentences (issue 14).

Each sentence names a range in one of the spellings reports use (English ``-sky``/``-skiy``/``-ski``
transliterations, Russian Cyrillic, Polish with and without diacritics, Estonian) and expects one location
written as that range, placed on the curated row: kind ``training_ground``, its country, and its admin-1
region (the ``admin1.geojson`` name where the layer covers the point, else the row's own ``admin1``).
The sentences are invented for the test; none is taken from an article.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import Extractor
from geo.extract.draft import DraftPlace
from geo.geocode.geocoder import geocode

D = dt.date(2025, 9, 15)

#: sentence, words the location is written with, site id, country, admin-1
CASES: list[tuple[str, str, str, str, str]] = [
    # the example of the brief: a range the shared file already holds, found the same way
    ("Russian drills were held at the Mulino training ground.", "Mulino", "ru_tg_mulino", "RUS", "Nizhegorod"),
    # Western and Central military districts
    (
        "Motorised riflemen held live-fire drills at the Kirillovsky training ground in September.",
        "Kirillovsky",
        "ru_tg_kirillovsky",
        "RUS",
        "Leningrad",
    ),
    (
        "Tank crews of the brigade held drills on the Kirillovskiy range, the district said.",
        "Kirillovskiy",
        "ru_tg_kirillovsky",
        "RUS",
        "Leningrad",
    ),
    (
        "Artillery units held drills at the Prudboi training ground during the inspection.",
        "Prudboi",
        "ru_tg_prudboi",
        "RUS",
        "Volgograd",
    ),
    (
        "Russian air defence crews held drills at the Kapustin Yar range, the ministry said.",
        "Kapustin Yar",
        "ru_tg_kapustin_yar",
        "RUS",
        "Astrakhan'",
    ),
    (
        "Russian paratroopers held drills at the Totskoye training ground in the Urals.",
        "Totskoye",
        "ru_tg_totskoye",
        "RUS",
        "Orenburg Oblast",
    ),
    (
        "Foreign contingents held a command-staff exercise at the Donguz training ground.",
        "Donguz",
        "ru_tg_donguz",
        "RUS",
        "Orenburg Oblast",
    ),
    (
        "Russian motorised rifle units held drills at the Chebarkul training ground.",
        "Chebarkul",
        "ru_tg_chebarkul",
        "RUS",
        "Chelyabinsk Oblast",
    ),
    (
        "Russian tank crews held drills at the Alabino proving ground near Moscow.",
        "Alabino",
        "ru_tg_alabino",
        "RUS",
        "Moskovskaya",
    ),
    (
        "About 5,000 troops of the Eastern Military District took part in drills at the Tsugol training ground.",
        "Tsugol",
        "ru_tg_tsugol",
        "RUS",
        "Zabaykalsky Krai",
    ),
    # Poland: native and ASCII spellings
    (
        "Polish and allied tank crews held drills at the Żagań training area in western Poland.",
        "Żagań",
        "pl_tg_zagan",
        "POL",
        "Lubusz",
    ),
    (
        "Polish mechanised units held drills at the Wedrzyn training ground.",
        "Wedrzyn",
        "pl_tg_wedrzyn",
        "POL",
        "Lubusz",
    ),
    (
        "Polish air defence crews held live-fire drills at the Ustka range on the Baltic coast.",
        "Ustka",
        "pl_tg_ustka",
        "POL",
        "Pomeranian",
    ),
    (
        "Polish and allied gunners held artillery drills at the Torun training ground.",
        "Torun",
        "pl_tg_torun",
        "POL",
        "Kuyavian-Pomeranian",
    ),
    # the Baltic states
    (
        "Estonian and allied troops held live-fire drills at the Nursipalu training ground.",
        "Nursipalu",
        "ee_tg_nursipalu",
        "EST",
        "Võru",
    ),
    # Central Asia
    (
        "CSTO rapid reaction forces held drills at the Edelweiss training ground in Kyrgyzstan.",
        "Edelweiss",
        "kg_tg_edelweiss",
        "KGZ",
        "Issyk-Kul Region",
    ),
    (
        "Troops of the Russian base in Tajikistan held mountain drills at the Lyaur training ground.",
        "Lyaur",
        "tj_tg_lyaur",
        "TJK",
        "Tajikistan (region not stated)",
    ),
    (
        "Kazakh and Russian troops held CSTO drills at the Matybulak training range in October.",
        "Matybulak",
        "kz_tg_matybulak",
        "KAZ",
        "Jambyl Region",
    ),
    (
        "Kazakh tank crews held live-fire drills at the Spassk training ground in the Karaganda region.",
        "Spassk",
        "kz_tg_spassk",
        "KAZ",
        "Karaganda Region",
    ),
]


def _locations(extractor: Extractor, text: str) -> list[DraftPlace]:
    return [loc for event in extractor.extract(text, published=D).events for loc in event.locations]


@pytest.mark.parametrize(("text", "written", "site_id", "country", "admin1"), CASES)
def test_a_curated_range_is_found_with_its_country_and_admin1(
    extractor: Extractor, text: str, written: str, site_id: str, country: str, admin1: str
) -> None:
    locations = _locations(extractor, text)
    hits = [loc for loc in locations if any(written in t for t in (loc.text, *loc.also_written))]
    got = [(loc.text, loc.kind, loc.country, loc.admin1, loc.gazetteer_id) for loc in locations]
    assert [(h.kind, h.country, h.admin1, h.gazetteer_id) for h in hits] == [
        ("training_ground", country, admin1, site_id)
    ], got


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Polish and US troops held drills in Żagań on Sunday.", "Żagań"),
        ("Polish artillery units held drills in Toruń in May.", "Toruń"),
    ],
)
def test_a_range_town_named_alone_stays_the_town(extractor: Extractor, text: str, written: str) -> None:
    locations = _locations(extractor, text)
    hits = [loc for loc in locations if written in loc.text]
    assert hits and all(h.kind == "town" for h in hits), [(loc.text, loc.kind) for loc in locations]


@pytest.mark.parametrize(
    ("phrase", "site_id"),
    [
        ("полигон Донгуз", "ru_tg_donguz"),
        ("Тоцкий полигон", "ru_tg_totskoye"),
        ("Кирилловский полигон", "ru_tg_kirillovsky"),
        ("полигон Цугол", "ru_tg_tsugol"),
        ("the Chebarkulsky range", "ru_tg_chebarkul"),
        ("the Prudboy training ground", "ru_tg_prudboi"),
        ("Poligon Wędrzyn", "pl_tg_wedrzyn"),
        ("poligon toruński", "pl_tg_torun"),
        ("the Zagan training area", "pl_tg_zagan"),
        ("Centralny Poligon Sił Powietrznych", "pl_tg_ustka"),
        ("Nursipalu harjutusväli", "ee_tg_nursipalu"),
        ("полигон Эдельвейс", "kg_tg_edelweiss"),
        ("the Lohour training ground", "tj_tg_lyaur"),
        ("полигон Матыбулак", "kz_tg_matybulak"),
        ("учебный центр Спасск", "kz_tg_spassk"),
    ],
)
def test_a_curated_range_is_found_in_the_spellings_reports_use(phrase: str, site_id: str) -> None:
    result = geocode(phrase, country=None)
    assert (result.status, result.kind, result.gazetteer_id) == ("resolved", "training_ground", site_id), result
