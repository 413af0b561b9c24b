"""Class probes (issue 14, precision): predicted events that are not real, by class.

Made-up reports in the styles of real ones (wire copy, ministry release, exile media, NATO release, analysis
piece). For each, the expected events are what a careful analyst records from the text alone, written as gold
of the real development set (``tests/extract/realdev/manifest.yaml``) and scored by its matcher
(:func:`tests.support.extraction_score.match_events`): every primary event must be found, and every predicted
event must match one of the expected events. A named exercise only recalled, planned in passing or named as
the other side's reason is listed with ``primary: False`` (predicting it is not wrong, missing it is no miss);
an unnamed one said in passing ("similar drills were held in 2021", "more drills are planned next year") is not
an event at all. An umbrella and its named parts are each an event (as the gold files them); stages, unit
training "as part of" an exercise, a snap inspection and the drills that follow it are the exercise itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from geo.extract import Extractor
from tests.support.extraction_score import match_events

W = dt.date(2024, 6, 5)  # a Wednesday
S25 = dt.date(2025, 9, 10)


def named(name: str, year: int, *, primary: bool = True) -> dict[str, Any]:
    """A gold event with a name (matched by family and year)."""
    return {"name": name, "year": year, "primary": primary, "sites": [], "participants": [], "aliases": []}


def unnamed(year: int, *countries: str, primary: bool = True) -> dict[str, Any]:
    """A gold event without a name (matched by year and a site country)."""
    sites = [{"country": c} for c in countries]
    return {"name": None, "year": year, "primary": primary, "sites": sites, "participants": list(countries)}


#: class, text, publication date, expected events
PROBES: list[tuple[str, str, dt.date, list[dict[str, Any]]]] = [
    # 1. an exercise recalled from a past year
    (
        "recalled",
        "MINSK, June 5 (Reuters) - Belarus began snap military drills near Brest on Tuesday, the defence ministry "
        "said. Similar drills were held in 2021.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "recalled",
        "From 10 to 14 June a command-staff exercise will be held with the 6th mechanised brigade at the Gozhsky "
        "training ground. The previous such exercise took place in 2022 at the Obuz-Lesnovsky training ground.",
        W,
        [unnamed(2024, "BLR"), unnamed(2022, "BLR", primary=False)],
    ),
    (
        "recalled",
        "Lukashenka's army has started another round of drills in the Homiel region, Belarusian Hajun reported on "
        "Tuesday. In 2021, the regime held the Zapad-2021 exercise on the same ranges.",
        W,
        [unnamed(2024, "BLR"), named("Zapad-2021", 2021, primary=False)],
    ),
    (
        "recalled",
        "Allied troops began exercise Iron Wolf 2024-I in Lithuania on Monday. The exercise was last held in "
        "autumn 2023 with troops from eight nations.",
        W,
        [named("Iron Wolf-2024-I", 2024)],
    ),
    (
        "recalled",
        "Russia and Belarus are preparing the Zapad-2025 exercise. Zapad-2021, held four years ago, involved some "
        "200,000 troops according to Moscow.",
        S25,
        [named("Zapad-2025", 2025), named("Zapad-2021", 2021, primary=False)],
    ),
    (
        "recalled",
        "Belarusian troops held drills near Grodno on Tuesday, the ministry said. Similar exercises were held "
        "there in 2021 and 2022.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "recalled",  # added after the first run, from dev article 141's miss
        'The NATO exercise "Summer Shield" began at the Adazi training area in Latvia on Monday, the army said. '
        "Last year the maneuvers were combined with the large-scale Saber Strike exercise.",
        W,
        [named("Summer Shield-2024", 2024), named("Saber Strike-2023", 2023, primary=False)],
    ),
    # 2. a planned or announced future exercise mentioned in passing
    (
        "planned",
        "Polish troops began the Dragon-24 exercise near Orzysz on Tuesday, the army said. Next year Poland plans "
        "to host an even larger exercise.",
        W,
        [named("Dragon-2024", 2024)],
    ),
    (
        "planned",
        "A tactical exercise of the 38th air assault brigade ended at the Brest training ground, the Ministry of "
        "Defence reports. In September, the brigade will take part in the Union Shield-2023 exercise.",
        dt.date(2023, 6, 5),
        [unnamed(2023, "BLR"), named("Union Shield-2023", 2023, primary=False)],
    ),
    (
        "planned",
        "The regime's troops were drilling near the Lithuanian border this week, Nasha Niva reports. Minsk has "
        "also announced that joint exercises with Russia will be held next year.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "planned",
        "Steadfast Defender 2024 continued in Poland on Wednesday, NATO said. The alliance will hold its next "
        "large exercise, Steadfast Dart 2025, in early 2025.",
        W,
        [named("Steadfast Defender-2024", 2024), named("Steadfast Dart-2025", 2025, primary=False)],
    ),
    (
        "planned",
        "Russian troops held drills in the Pskov region on Tuesday, the Russian defence ministry said. More "
        "exercises are planned in the autumn.",
        W,
        [unnamed(2024, "RUS")],
    ),
    # 3. the other side's drills named as the reason
    (
        "reason",
        "Belarus began military drills near its western border on Tuesday in response to NATO's Steadfast "
        "Defender exercise, the defence ministry said.",
        W,
        [unnamed(2024, "BLR"), named("Steadfast Defender-2024", 2024, primary=False)],
    ),
    (
        "reason",
        "The Belarusian armed forces launched an exercise near Grodno on Monday, the ministry said, citing the "
        "scale of NATO's Defender Europe 2024 drills near the border.",
        W,
        [unnamed(2024, "BLR"), named("Defender Europe-2024", 2024, primary=False)],
    ),
    (
        "reason",
        "Lukashenka ordered snap drills near Brest on Tuesday, blaming the aggressive Anakonda-24 exercise held by "
        "Poland, Zerkalo reported.",
        W,
        [unnamed(2024, "BLR"), named("Anakonda-2024", 2024, primary=False)],
    ),
    (
        "reason",
        "Polish troops began the Iron Defender-25 exercise on Monday in response to Russia's Zapad-2025 drills, "
        "the army said.",
        S25,
        [named("Iron Defender-2025", 2025), named("Zapad-2025", 2025, primary=False)],
    ),
    (
        "reason",
        "Russia's Baltic Fleet held drills in the Kaliningrad region this week. Analysts say the drills were a "
        "response to NATO's BALTOPS 2024 exercise in the Baltic Sea.",
        W,
        [unnamed(2024, "RUS"), named("BALTOPS-2024", 2024, primary=False)],
    ),
    # 4. an umbrella exercise and its named parts; stages of one exercise
    (
        "umbrella",
        "The CSTO's Combat Brotherhood-2024 exercise began in Belarus on Monday. Its first stage, "
        "Interaction-2024, is held at the Losvido training ground, and the second, Search-2024, near Brest.",
        W,
        [named("Combat Brotherhood-2024", 2024), named("Interaction-2024", 2024), named("Search-2024", 2024)],
    ),
    (
        "umbrella",
        "Belarusian troops will hold an exercise in two stages: the first at the Obuz-Lesnovsky training ground, "
        "the second at the Brest training ground.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "umbrella",
        "Exercise Saber Strike 24, part of DEFENDER 24, began in Poland on Monday, U.S. Army Europe said.",
        W,
        [named("Saber Strike-2024", 2024), named("Defender Europe-2024", 2024, primary=False)],
    ),
    (
        "umbrella",
        "The Zapad-2025 strategic exercise began on Friday. During its first stage, troops practised defence at "
        "the Borisovsky training ground; during the second, a counter-offensive at the Mulino training ground.",
        S25,
        [named("Zapad-2025", 2025)],
    ),
    (
        "umbrella",
        "Lithuania's armed forces began the Iron Wolf 2024-II exercise on Monday. The exercise consists of a "
        "command-post phase and a field training phase at the Pabrade training area.",
        W,
        [named("Iron Wolf-2024-II", 2024)],
    ),
    # 5. one exercise under two names or spellings
    (
        "two names",
        "The Zapad-2021 exercise began in Belarus on Friday. The West-2021 drills will involve some 200,000 "
        "troops, the Russian defence ministry said.",
        dt.date(2021, 9, 11),
        [named("Zapad-2021", 2021)],
    ),
    (
        "two names",
        "Russian and Belarusian troops began the Union Shield 2023 exercise at the Mulino range on Monday. The "
        "Shchyt Sayuza-2023 drills will last until Friday, the ministry said.",
        dt.date(2023, 9, 20),
        [named("Union Shield-2023", 2023)],
    ),
    (
        "two names",
        "The Zapad 2025 (West 2025) exercise will be held in Belarus in September, the ministry said.",
        dt.date(2025, 1, 20),
        [named("Zapad-2025", 2025)],
    ),
    (
        "two names",
        "The Slavic Brotherhood-2020 exercise began near Brest on Monday. Slavianskoe Bratstvo-2020 brings "
        "together paratroopers from Russia, Belarus and Serbia.",
        dt.date(2020, 9, 16),
        [named("Slavic Brotherhood-2020", 2020)],
    ),
    (
        "two names",
        "The CSTO's Combat Brotherhood-2023 (Boevoe Bratstvo-2023) exercise began in Belarus on Monday.",
        dt.date(2023, 9, 5),
        [named("Combat Brotherhood-2023", 2023)],
    ),
    # 6. a list of exercises in an overview sentence
    (
        "overview",
        "This year's drills include Zapad-2025, Union Shield-2025 and Slavic Brotherhood-2025, the Belarusian "
        "defence ministry said.",
        dt.date(2025, 1, 20),
        [named("Zapad-2025", 2025), named("Union Shield-2025", 2025), named("Slavic Brotherhood-2025", 2025)],
    ),
    (
        "overview",
        "NATO's exercises this year include Steadfast Defender 24, BALTOPS 24 and Ramstein Flag 24, the alliance said.",
        W,
        [named("Steadfast Defender-2024", 2024), named("BALTOPS-2024", 2024), named("Ramstein Flag-2024", 2024)],
    ),
    (
        "overview",
        "Since 2021, Belarus has hosted Zapad-2021, Union Shield-2023 and several snap inspections, analysts note.",
        W,
        [named("Zapad-2021", 2021, primary=False), named("Union Shield-2023", 2023, primary=False)],
    ),
    (
        "overview",
        "The Belarusian army plans 12 exercises this year, including Zapad-2025, the defence ministry said.",
        dt.date(2025, 1, 20),
        [named("Zapad-2025", 2025)],
    ),
    # 6b. a unit named like an exercise (added after the first run, from dev article 084's miss)
    (
        "unit name",
        'On Monday the field tactical exercise "Royal Strike 2025" of a battalion of the infantry brigade "Iron '
        'Wolf" of the Lithuanian Armed Forces began near Pabrade.',
        dt.date(2025, 7, 16),
        [named("Royal Strike-2025", 2025)],
    ),
    (
        "unit name",
        "Soldiers of the Iron Wolf Mechanised Infantry Brigade held a live-fire exercise at the Pabrade training "
        "area on Tuesday, the Lithuanian army said.",
        W,
        [unnamed(2024, "LTU")],
    ),
    # 7. a headline repeated as the first sentence
    (
        "headline",
        "Belarus starts snap drills near Polish border\n\nMINSK, June 5 (Reuters) - Belarus started snap drills "
        "near the Polish border on Tuesday, the defence ministry said.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "headline",
        "Russian and Belarusian troops begin Union Shield-2023 exercise\n\nRussian and Belarusian troops began "
        "the Union Shield-2023 exercise on Monday, the ministry said.",
        dt.date(2023, 9, 20),
        [named("Union Shield-2023", 2023)],
    ),
    (
        "headline",
        "Command-staff exercise held in the Western operational command\n\nA command-staff exercise with the "
        "Western operational command began on June 3 at the Brest training ground, the Ministry of Defence "
        "reports.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "headline",
        "Lukashenka's army holds drills near Ukrainian border\n\nThe Belarusian army is holding drills in the "
        "Gomel region near the Ukrainian border, Belarusian Hajun reports.",
        W,
        [unnamed(2024, "BLR")],
    ),
    # 8. quotes from officials about exercises in general
    (
        "quotes",
        'Belarusian troops began drills near Brest on Tuesday. "Exercises are a normal part of the life of any '
        'army," Defence Minister Viktor Khrenin said. "We hold them every year."',
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "quotes",
        'Allied troops began Steadfast Defender 24 in Poland on Monday. "Our exercises are defensive and '
        'transparent," the NATO Secretary General said.',
        W,
        [named("Steadfast Defender-2024", 2024)],
    ),
    (
        "quotes",
        'Lithuanian troops began the Iron Wolf 2024-I exercise on Monday. "Russia uses exercises to mask '
        'preparations for war," the Lithuanian defence minister said.',
        W,
        [named("Iron Wolf-2024-I", 2024)],
    ),
    (
        "quotes",
        'Russian troops held drills in the Kaliningrad region on Tuesday. "Every large exercise of Russia is a '
        'threat," a Polish general said, adding that Poland holds its own drills every year.',
        W,
        [unnamed(2024, "RUS")],
    ),
    # 9. a snap inspection followed by drills
    (
        "snap",
        "Belarus launched a snap combat readiness inspection of its armed forces on Tuesday, the defence ministry "
        "said. After the inspection, the units will hold drills at the Brest training ground.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "snap",
        "A sudden check of combat readiness began in the Western Military District on Monday. Following the "
        "check, troops will carry out exercises at ranges in the Pskov region.",
        W,
        [unnamed(2024, "RUS")],
    ),
    (
        "snap",
        "Lukashenka ordered a snap inspection of the army on Tuesday; the troops then held tactical exercises "
        "near Grodno.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "snap",
        "A snap inspection of the Western operational command began on Monday, the Ministry of Defence reports. "
        "The inspection will end with a command-staff exercise at the Obuz-Lesnovsky training ground.",
        W,
        [unnamed(2024, "BLR")],
    ),
    # 10. training of a unit as part of an exercise
    (
        "as part of",
        "As part of the Zapad-2021 exercise, a tank battalion of the 120th brigade trained at the Borisovsky "
        "training ground, the ministry said.",
        dt.date(2021, 9, 12),
        [named("Zapad-2021", 2021)],
    ),
    (
        "as part of",
        "Paratroopers of the 38th brigade carried out a night jump near Brest as part of the Union Shield-2023 drills.",
        dt.date(2023, 9, 20),
        [named("Union Shield-2023", 2023)],
    ),
    (
        "as part of",
        "Within the Iron Wolf 2024-I exercise, a Lithuanian battalion trained with German tanks at the Pabrade "
        "training area.",
        W,
        [named("Iron Wolf-2024-I", 2024)],
    ),
    (
        "as part of",
        "Belarusian troops began joint drills with Russia near Grodno on Monday. As part of the drills, an "
        "artillery unit trained at the Brest training ground.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "as part of",
        "Air defence units near Baranovichi are training as part of a comprehensive exercise of the Air Force, "
        "the ministry said on Tuesday.",
        W,
        [unnamed(2024, "BLR")],
    ),
]

#: A second round, written after the rules of the first (other wordings of the same classes).
PROBES += [
    (
        "reason",
        "Belarus has launched drills near the Polish border, a move Minsk said was prompted by NATO's Steadfast "
        "Defender 2024 exercise.",
        W,
        [unnamed(2024, "BLR"), named("Steadfast Defender-2024", 2024, primary=False)],
    ),
    (
        "reason",
        "Russian troops began drills in the Leningrad region on Tuesday, which the Kremlin described as a reaction "
        "to Finland's NATO membership and the Northern Response exercise.",
        W,
        [unnamed(2024, "RUS"), named("Northern Response-2024", 2024, primary=False)],
    ),
    (
        "recalled",
        "VILNIUS, June 5 (Reuters) - Lithuania began the Iron Wolf 2024-I exercise on Monday. Lithuania held a "
        "similar exercise in 2023 near Pabrade.",
        W,
        [named("Iron Wolf-2024-I", 2024)],
    ),
    (
        "recalled",
        "The Russian Baltic Fleet began drills in the Kaliningrad region on Tuesday. In 2023, the fleet held the "
        "Ocean Shield-2023 exercise in the Baltic Sea.",
        W,
        [unnamed(2024, "RUS"), named("Ocean Shield-2023", 2023, primary=False)],
    ),
    (
        "recalled",
        "The Zapad-2025 exercise entered its active phase on Friday. Belarus hosted the Zapad-2021 drills four "
        "years ago.",
        S25,
        [named("Zapad-2025", 2025), named("Zapad-2021", 2021, primary=False)],
    ),
    (
        "planned",
        "Polish troops held drills near Orzysz on Tuesday. Next year's Anakonda-25 exercise will be the largest in "
        "a decade, the ministry said.",
        W,
        [unnamed(2024, "POL"), named("Anakonda-2025", 2025, primary=False)],
    ),
    (
        "two names",
        "The Union Shield 2023 (Shchit Soyuza-2023) exercise began in Russia on Monday.",
        dt.date(2023, 9, 20),
        [named("Union Shield-2023", 2023)],
    ),
    (
        "snap",
        "Belarusian troops began a snap inspection on Monday, the ministry said. Following the inspection, "
        "command-staff drills will be held near Grodno.",
        W,
        [unnamed(2024, "BLR")],
    ),
    (
        "quotes",
        '"We will not allow provocations," Lukashenko said on Tuesday as Belarusian troops began drills near Brest.',
        W,
        [unnamed(2024, "BLR")],
    ),
]

#: Reports the rules of these classes must leave as they were: a name of the report's year names its unnamed drills,
#: "citing" a ministry is no reason, an order to move troops is no drill, a plan for next year alone is the report's.
GUARDS: list[tuple[str, str, dt.date, list[dict[str, Any]]]] = [
    (
        "same year",
        "Joint drills of Russian and Belarusian troops began on Monday near Brest. The Union Shield-2023 exercise "
        "will last until Friday, the ministry said.",
        dt.date(2023, 9, 20),
        [named("Union Shield-2023", 2023)],
    ),
    (
        "prepares for",
        "Belarusian troops began drills near Brest on Monday. The drills are part of preparations for the "
        "Zapad-2025 exercise.",
        W,
        [unnamed(2024, "BLR"), named("Zapad-2025", 2025, primary=False)],
    ),
    (
        "citing a source",
        "Belarus began drills near Brest on Tuesday, Reuters reported, citing the defence ministry.",
        W,
        [unnamed(2024, "BLR")],
    ),
    ("ordered troops", "Lukashenko ordered troops to the border with Ukraine.", W, []),
    (
        "recalled by the troops",
        "Belarusian troops held drills near Brest on Tuesday. The troops took part in the Zapad-2021 exercise three "
        "years ago.",
        W,
        [unnamed(2024, "BLR"), named("Zapad-2021", 2021, primary=False)],
    ),
    (
        "drilling alone",
        "The regime's troops were drilling near Grodno on Tuesday, Nasha Niva reports.",
        W,
        [unnamed(2024, "BLR")],
    ),
]


def probe_passes(extractor: Extractor, text: str, published: dt.date, gold: list[dict[str, Any]]) -> list[str]:
    """Return what is wrong with the extraction of one probe (empty when it passes)."""
    drafts = extractor.extract(text, published=published).events
    matched = match_events(gold, drafts, extractor.lexicon)
    wrong = [f"missed {g['name'] or g['year']}" for i, g in enumerate(gold) if g["primary"] and i not in matched]
    wrong += [f"not real: {d.label} ({d.year})" for i, d in enumerate(drafts) if i not in matched.values()]
    return wrong


@pytest.mark.parametrize(
    ("kind", "text", "published", "gold"), PROBES, ids=[f"{p[0]}-{i}" for i, p in enumerate(PROBES)]
)
def test_precision_probe(
    extractor: Extractor, kind: str, text: str, published: dt.date, gold: list[dict[str, Any]]
) -> None:
    assert probe_passes(extractor, text, published, gold) == [], kind


@pytest.mark.parametrize(("kind", "text", "published", "gold"), GUARDS, ids=[g[0] for g in GUARDS])
def test_precision_guard(
    extractor: Extractor, kind: str, text: str, published: dt.date, gold: list[dict[str, Any]]
) -> None:
    assert probe_passes(extractor, text, published, gold) == [], kind
