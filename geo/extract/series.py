"""Known exercise series: how reports spell their names, and which alliance runs each.

:mod:`geo.extract.names` finds names with :data:`FAMILIES` (and the catalog's own names); the alliance of an
edition whose report names none comes from :data:`SERIES_ALLIANCE`.
"""

from __future__ import annotations

#: Known exercise families: (normalised name, variants as written, variants that are common words).
#: A common-word variant (West, Interaction, Search) counts only with a year, quotes or "called"; any
#: other variant also counts before an exercise word ("the Zapad strategic exercise") or after one.
FAMILIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Zapad", ("Zapad", "West", "Запад"), ("West",)),
    ("Vostok", ("Vostok", "East", "Восток"), ("East",)),
    ("Tsentr", ("Tsentr", "Centre", "Center", "Центр"), ("Centre", "Center")),
    ("Kavkaz", ("Kavkaz", "Caucasus", "Кавказ"), ("Caucasus",)),
    ("Union Shield", ("Union Shield", "Shield of the Union", "Shchit Soyuza", "Щит Союза"), ()),
    ("Union Resolve", ("Union Resolve", "Allied Resolve", "Soyuznaya Reshimost", "Союзная решимость"), ()),
    (
        "Combat Brotherhood",
        ("Combat Brotherhood", "Combat Fraternity", "Brotherhood of War", "Boevoye Bratstvo", "Боевое братство"),
        (),
    ),
    (
        "Unbreakable Brotherhood",
        (
            "Unbreakable Brotherhood",
            "Indestructible Brotherhood",
            "Unbreakable Fraternity",
            "Indestructible Fraternity",
            "Nerushimoye Bratstvo",
            "Нерушимое братство",
        ),
        (),
    ),
    (
        "Slavic Brotherhood",
        (
            "Slavic Brotherhood",
            "Slavonic Brotherhood",
            "Slavic Fraternity",
            "Slavonic Fraternity",
            "Slavyanskoye Bratstvo",
            "Славянское братство",
        ),
        (),
    ),
    (
        "Interaction",
        ("Interaction", "Vzaimodeistvie", "Vzaimodeistviye", "Vzaimodeystviye", "Взаимодействие"),
        ("Interaction",),
    ),
    ("Search", ("Search", "Poisk", "Поиск"), ("Search",)),
    ("Echelon", ("Echelon", "Eshelon", "Эшелон"), ("Echelon",)),
    ("Barrier", ("Barrier", "Barier", "Baryer", "Барьер"), ("Barrier",)),
    ("Rock", ("Rock", "Cliff", "Skala", "Скала"), ("Rock", "Cliff")),
    ("Cooperation", ("Cooperation", "Sotrudnichestvo", "Сотрудничество"), ("Cooperation",)),
    ("Rubezh", ("Rubezh", "Frontier", "Рубеж"), ("Frontier",)),
    ("Iron Wolf", ("Iron Wolf", "Geležinis Vilkas"), ()),
    ("Saber Strike", ("Saber Strike", "Sabre Strike"), ()),
    ("Defender Europe", ("Defender Europe", "Defender-Europe"), ()),
    ("Steadfast Defender", ("Steadfast Defender",), ()),
    ("Anakonda", ("Anakonda", "Anaconda"), ("Anaconda",)),
    ("BALTOPS", ("BALTOPS", "Baltops"), ()),
    ("Dragon", ("Dragon",), ("Dragon",)),
    ("Namejs", ("Namejs",), ()),
)

#: The organiser of each series, a property of the series rather than of one edition: the alliance of an
#: edition whose report names no alliance ("the Search 2023 special drills", "Iron Wolf, which we will conduct
#: with our Lithuanian partners"). Families not listed (Vostok, Kavkaz: Russian exercises with varying guests)
#: get no default.
SERIES_ALLIANCE: dict[str, str] = {
    **dict.fromkeys(
        ("Combat Brotherhood", "Unbreakable Brotherhood", "Interaction", "Search", "Echelon", "Barrier", "Rock",
         "Cooperation", "Rubezh"),
        "CSTO",
    ),
    **dict.fromkeys(("Zapad", "Union Shield", "Union Resolve", "Slavic Brotherhood"), "Russia-Belarus"),
    **dict.fromkeys(
        ("Iron Wolf", "Saber Strike", "Defender Europe", "Steadfast Defender", "Anakonda", "BALTOPS", "Dragon"), "NATO"
    ),
}  # fmt: skip
