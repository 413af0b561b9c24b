"""Class probes (issue 14, class 2): region and country phrases as reports write them, geocoded.

Made-up phrases for Russian, Polish, Baltic, Belarusian and Central Asian first-level units in the spellings of
wire copy, ministry releases and exile media: "the X region / oblast / province / voivodeship / krai /
Territory / voblast", Russian adjectival forms ("Pskovskaya oblast", "Brestskaya oblast"), Polish land names
("Lower Silesia", "Podlasie"), Estonian "-maa" counties and dropped diacritics ("Voru county"), Central Asian
regions the admin-1 layer lacks (their country, at country precision), and countries written as "the
territory of X", "X soil" or "the Republic of X".
"""

from __future__ import annotations

import pytest

from geo.geocode.geocoder import geocode

#: phrase, country, admin-1 region (None: the country alone, or a region the admin-1 layer lacks)
PHRASES: list[tuple[str, str, str | None]] = [
    ("the Pskov region", "RUS", "Pskov"),
    ("Pskov Oblast", "RUS", "Pskov"),
    ("the Pskovskaya oblast", "RUS", "Pskov"),
    ("Pskov province", "RUS", "Pskov"),
    ("the Leningrad region", "RUS", "Leningrad"),
    ("Leningradskaya oblast", "RUS", "Leningrad"),
    ("the Leningrad Oblast", "RUS", "Leningrad"),
    ("the Smolensk region", "RUS", "Smolensk"),
    ("Smolenskaya Oblast", "RUS", "Smolensk"),
    ("the Bryansk region", "RUS", "Bryansk"),
    ("the Bryanskaya oblast", "RUS", "Bryansk"),
    ("the Nizhny Novgorod region", "RUS", "Nizhegorod"),
    ("the Nizhegorodskaya oblast", "RUS", "Nizhegorod"),
    ("Nizhniy Novgorod Oblast", "RUS", "Nizhegorod"),
    ("the Nizhni Novgorod region", "RUS", "Nizhegorod"),
    ("the Moscow region", "RUS", "Moskovskaya"),
    ("Moscow Oblast", "RUS", "Moskovskaya"),
    ("the Moskovskaya oblast", "RUS", "Moskovskaya"),
    ("the Kaliningrad region", "RUS", "Kaliningrad"),
    ("the Kaliningradskaya oblast", "RUS", "Kaliningrad"),
    ("the Kursk region", "RUS", "Kursk"),
    ("the Belgorod region", "RUS", "Belgorod"),
    ("the Voronezh region", "RUS", "Voronezh"),
    ("the Rostov-on-Don region", "RUS", "Rostov"),
    ("the Krasnodar krai", "RUS", "Krasnodar"),
    ("the Krasnodar Territory", "RUS", "Krasnodar"),
    ("Krasnodarsky Krai", "RUS", "Krasnodar"),
    ("the Stavropol territory", "RUS", "Stavropol'"),
    ("the Republic of Karelia", "RUS", "Karelia"),
    ("the Tver region", "RUS", "Tver'"),
    ("the Tverskaya oblast", "RUS", "Tver'"),
    ("the Oryol region", "RUS", "Orel"),
    ("the Orel region", "RUS", "Orel"),
    ("the Ryazan region", "RUS", "Ryazan'"),
    ("the Arkhangelsk region", "RUS", "Arkhangel'sk"),
    ("the Yaroslavl region", "RUS", "Yaroslavl'"),
    ("the Astrakhan oblast", "RUS", "Astrakhan'"),
    ("the Novgorod region", "RUS", "Novgorod"),
    ("the Vladimir region", "RUS", "Vladimir"),
    ("Kostroma oblast", "RUS", "Kostroma"),
    ("the Podlaskie voivodeship", "POL", "Podlachian"),
    ("Podlasie province", "POL", "Podlachian"),
    ("the Podlaskie Province", "POL", "Podlachian"),
    ("the Warmian-Masurian voivodeship", "POL", "Warmian-Masurian"),
    ("Warmia-Masuria province", "POL", "Warmian-Masurian"),
    ("the Warmińsko-Mazurskie voivodeship", "POL", "Warmian-Masurian"),
    ("the Lubelskie voivodeship", "POL", "Lublin"),
    ("the Lublin province", "POL", "Lublin"),
    ("the Mazowieckie voivodeship", "POL", "Masovian"),
    ("the Mazovia region", "POL", "Masovian"),
    ("the Pomorskie voivodeship", "POL", "Pomeranian"),
    ("the Zachodniopomorskie voivodeship", "POL", "West Pomeranian"),
    ("the West Pomerania region", "POL", "West Pomeranian"),
    ("the Dolnośląskie voivodeship", "POL", "Lower Silesian"),
    ("the Podkarpackie voivodeship", "POL", "Subcarpathian"),
    ("the Lubuskie voivodeship", "POL", "Lubusz"),
    ("Võru County", "EST", "Võru"),
    ("Ida-Virumaa county", "EST", "Ida-Viru"),
    ("the Harjumaa maakond", "EST", "Harju"),
    ("the Lower Silesia region", "POL", "Lower Silesian"),
    ("Voru county", "EST", "Võru"),
    ("the Ida-Viru county", "EST", "Ida-Viru"),
    ("Harju County", "EST", "Harju"),
    ("Tartu county", "EST", "Tartu"),
    ("the Khatlon region", "TJK", None),
    ("the Sughd region", "TJK", None),
    ("the Osh region", "KGZ", None),
    ("the Issyk-Kul region", "KGZ", None),
    ("the Chui region", "KGZ", None),
    ("the Karaganda region", "KAZ", None),
    ("the Almaty region", "KAZ", None),
    ("the Zhambyl region", "KAZ", None),
    ("the territory of the Russian Federation", "RUS", None),
    ("Russian territory", "RUS", None),
    ("Belarusian territory", "BLR", None),
    ("Belarusian soil", "BLR", None),
    ("on Belarusian soil", "BLR", None),
    ("the Republic of Belarus", "BLR", None),
    ("the Republic of Poland", "POL", None),
    ("the Republic of Lithuania", "LTU", None),
    ("the Republic of Kazakhstan", "KAZ", None),
    ("the Kyrgyz Republic", "KGZ", None),
    ("the Republic of Tajikistan", "TJK", None),
    ("the Russian Federation", "RUS", None),
    ("Lithuanian soil", "LTU", None),
    ("the territory of Belarus", "BLR", None),
    ("Polish territory", "POL", None),
    ("the territory of the Republic of Belarus", "BLR", None),
    ("the Republic of Armenia", "ARM", None),
    ("the Brest region", "BLR", "Brest"),
    ("the Brestskaya oblast", "BLR", "Brest"),
    ("the Hrodna region", "BLR", "Grodno"),
    ("the Homiel region", "BLR", "Gomel"),
    ("the Mahiliou region", "BLR", "Mogilev"),
    ("the Viciebsk voblasc", "BLR", "Vitebsk"),
    ("Vitsebsk Voblast", "BLR", "Vitebsk"),
    ("the Homel oblast", "BLR", "Gomel"),
    ("the Mogilyov region", "BLR", "Mogilev"),
]


@pytest.mark.parametrize(("phrase", "country", "admin1"), PHRASES)
def test_a_region_or_country_phrase_resolves_as_reports_mean_it(phrase: str, country: str, admin1: str | None) -> None:
    result = geocode(phrase, country="BLR")  # the context of a Belarus report: the phrase must say where it is
    assert (result.status, result.country) == ("resolved", country), result.explanation
    if admin1 is not None:
        assert result.admin1 == admin1, result.explanation


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Belarusian territory", "BLR"),  # a nationality before "territory" is the country, not a krai
        ("the territory of Poland", "POL"),
        ("Polish soil", "POL"),
    ],
)
def test_territory_after_a_country_stays_the_country(phrase: str, country: str) -> None:
    result = geocode(phrase, country="BLR")
    assert (result.kind, result.country) == ("country", country)


def test_a_region_none_of_the_names_matches_stays_unresolved() -> None:
    assert geocode("the Qwertyuiop region", country="BLR").status == "unresolved"
    assert geocode("the Zzyzx Territory", country="RUS").status == "unresolved"
