"""Class probes (issue 14, class 1): romanisations of ranges and towns the gazetteer knows.

Thirty real gazetteer names (ranges, airfields and towns in Belarus, Russia, Poland and the Baltic states),
each written in made-up report variants by the romanisation rules reports use: -sky/-ski/-skiy/-skii
endings, a/o and ya/e shifts (akanye), -ova/-ovo, Łacinka háček letters and u-short, Belarusian h for
Russian g, Łacinka c for ts, German "sch" for shch, diacritics dropped, hyphen or space. Each variant must
resolve to the same gazetteer row as the canonical name; a name the gazetteer lacks stays unresolved.
"""

from __future__ import annotations

import re

import pytest

from geo.geocode.geocoder import geocode

#: canonical phrase, context country, variants written as reports write them
NAMES: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "the Lepelsky training ground",
        "BLR",
        (
            "the Lepelskiy range",
            "the Lepelski training ground",
            "Liepielski polygon",
            "the Lepel training area",
            "the Lepel'sky firing range",
        ),
    ),
    (
        "the Obuz-Lesnovsky training ground",
        "BLR",
        (
            "the Obuz-Lyasnovsky range",
            "Obuz Lesnovski training ground",
            "the Abuz-Lyasnouski range",
            "Obuz-Lesnovskiy polygon",
            "the Obuz-Liasnoŭski range",
        ),
    ),
    (
        "the Brestsky training ground",
        "BLR",
        ("the Brestskiy range", "the Brest training ground", "the Brescki range", "Brestski firing range"),
    ),
    (
        "the Gozhsky training ground",
        "BLR",
        ("the Gozhskiy range", "the Hozhsky training ground", "the Gozha range", "Hozha training ground"),
    ),
    (
        "the Domanovsky training ground",
        "BLR",
        (
            "the Domanovskiy range",
            "the Damanauski range",
            "the Damanava training ground",
            "the Domanovo firing range",
            "the Damanaŭski range",
        ),
    ),
    (
        "the Borisovsky training ground",
        "BLR",
        (
            "the Borisovskiy range",
            "the Barysauski training ground",
            "the Barysaŭski range",
            "the Borisov training ground",
            "the Barysaw range",
        ),
    ),
    (
        "the Osipovichsky training ground",
        "BLR",
        (
            "the Osipovichskiy range",
            "the Asipovichsky training ground",
            "the Asipovichy range",
            "the Osipovichi training ground",
            "the Asipovičy range",
        ),
    ),
    (
        "the Ruzhansky range",
        "BLR",
        ("the Ruzhanskiy range", "the Ruzhany range", "the Ružany range", "the Ruzhanski air range"),
    ),
    (
        "the Chepelevo training ground",
        "BLR",
        (
            "the Chepelevsky range",
            "the Chapialeva training ground",
            "the Chapyaleva range",
            "the Chepeleva range",
            "the Čapialova range",
        ),
    ),
    ("the Dretun training ground", "BLR", ("the Dretunsky range", "the Dretun' range", "the Dretunskiy range")),
    (
        "the Nioman range",
        "BLR",
        ("the Neman range", "the Nyoman range", "the Nioman air weapons range", "the Niomanski range"),
    ),
    (
        "Machulishchy air base",
        "BLR",
        ("the Machulishchi airfield", "Mačuliščy air base", "Machulishchi airbase", "the Machulischi airfield"),
    ),
    (
        "Baranovichi air base",
        "BLR",
        ("the Baranavichy airfield", "Baranavičy air base", "the Baranovichy airbase", "the Baranavichi airfield"),
    ),
    ("Luninets air base", "BLR", ("the Luninec airfield", "Łuniniec air base", "the Luninyets airfield")),
    (
        "Zyabrovka air base",
        "BLR",
        ("the Ziabrauka airfield", "the Zyabrauka air base", "Zabrovka airfield", "the Zyabrovskiy airfield"),
    ),
    ("the Mulino training ground", "RUS", ("the Mulinsky range", "the Mulino range", "Mulino firing range")),
    (
        "the Luzhsky training ground",
        "RUS",
        ("the Luzhskiy range", "the Luzhski training ground", "the Luga training ground", "the Luzhskii range"),
    ),
    (
        "the Strugi Krasnye training ground",
        "RUS",
        ("the Strugi Krasnyye range", "the Strugi-Krasnye training ground", "Strugi Krasnie range"),
    ),
    (
        "the Pravdinsky training ground",
        "RUS",
        ("the Pravdinskiy range", "the Pravdinski training ground", "the Pravdinsk range"),
    ),
    (
        "the Pabradė training area",
        "LTU",
        ("the Pabrade training area", "the Pabrade range", "Pabrades poligonas", "the Podbrodzie range"),
    ),
    (
        "the Ādaži training area",
        "LVA",
        ("the Adazi training area", "the Adazhi range", "Adaži military base", "the Ādažu range"),
    ),
    (
        "the Drawsko Pomorskie training area",
        "POL",
        (
            "the Drawsko training ground",
            "the Drawski range",
            "Drawsko-Pomorskie range",
            "the Drawsko Pomorskie polygon",
        ),
    ),
    (
        "the Nowa Dęba training area",
        "POL",
        ("the Nowa Deba range", "the Nowa Deba training ground", "the Nowa-Dęba range"),
    ),
    ("Pastavy", "BLR", ("Postavy", "Pastawy", "Postavi", "Pastavi")),
    ("Oshmyany", "BLR", ("Ashmyany", "Ashmiany", "Ošmiany", "Oshmiany")),
    ("Novogrudok", "BLR", ("Navahrudak", "Navagrudak", "Nawahrudak", "Novogrudek")),
    ("Smorgon", "BLR", ("Smarhon", "Smarhoń", "Smorgon'", "Smarhon'")),
    ("Volkovysk", "BLR", ("Vawkavysk", "Vaŭkavysk", "Vaukavysk")),
    ("Chernyakhovsk", "RUS", ("Chernyakhovskiy", "Chernyakhovsky", "Cherniakhovsk", "Czerniachowsk")),
    ("Švenčionys", "LTU", ("Svencionys", "Shvenchionys", "Svenčionys")),
]

VARIANTS = [(variant, canonical, country) for canonical, country, variants in NAMES for variant in variants]


@pytest.mark.parametrize(("variant", "canonical", "country"), VARIANTS)
def test_a_romanised_variant_resolves_to_the_same_gazetteer_row(variant: str, canonical: str, country: str) -> None:
    expected = geocode(canonical, country=country)
    assert expected.status == "resolved" and expected.gazetteer_id
    found = geocode(variant, country=country)
    assert found.gazetteer_id == expected.gazetteer_id, found.explanation


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the Volsky training ground", "RUS"),  # Volsk lies outside the regional gazetteer
        ("the Khmelevka training ground", "RUS"),  # no citable coordinate
        ("the Dobrovolsky range", "RUS"),
        ("Korzeniewo", "POL"),  # a village the gazetteer lacks
        ("Polonka", "BLR"),
    ],
)
def test_a_name_the_gazetteer_lacks_stays_unresolved(phrase: str, country: str) -> None:
    assert geocode(phrase, country=country).status == "unresolved"


def test_folding_keeps_two_rivers_apart() -> None:
    """Sozh (Belarus) and Shosha (Russia) must not share a key: š is sh, not s."""
    band = geocode("the Sozh river", country="BLR")
    assert band.status == "resolved" and band.country == "BLR"


#: Variants a sentence cannot show as places by themselves: an adjectival form written as a town ("in
#: Chernyakhovsky"), a town whose skeleton another town shares (Cherniakhovsk: Chernyakhov), a base (not a range word
#: in a sentence, since units are stationed at bases).
_NOT_IN_SENTENCES = {"Chernyakhovskiy", "Chernyakhovsky", "Cherniakhovsk", "Adaži military base"}


@pytest.mark.parametrize(("variant", "canonical", "country"), [v for v in VARIANTS if v[0] not in _NOT_IN_SENTENCES])
def test_a_romanised_variant_in_a_sentence_is_found_and_resolved(variant: str, canonical: str, country: str) -> None:
    from geo.extract.places import find_places

    word = "at" if re.search(r"range|ground|area|polygon|air|poligonas", variant) else "in"
    mentions = find_places(f"Troops held drills {word} {variant}, the ministry said.")
    expected = geocode(canonical, country=country).gazetteer_id
    assert any(geocode(m.query, country=country).gazetteer_id == expected for m in mentions), mentions
