"""The catalog records built from the seed reports: their facts, their places and the provenance of their quotes.

Each expectation below is what the seed report (and, where the record was enriched, the shared reference
notes) states; a change to one of these records has to be a deliberate change to this file too.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geo.catalog.load import load_exercise_file, load_exercises
from geo.catalog.schema import Exercise
from geo.core import settings

SEEDS = {
    "combat-brotherhood-2023": "000_525a4ff4e3c9983a.txt",
    "interaction-2025": "001_2c2d0eccebe4e221.txt",
    "zapad-2025": "001_2c2d0eccebe4e221.txt",
    "unbreakable-brotherhood-2020": "002_67814a5019076fc5.txt",
    "slavic-brotherhood-2020": "002_67814a5019076fc5.txt",
    "russia-belarus-regional-grouping-2022": "003_e841d6b9f0043300.txt",
    "belarus-russia-southern-border-drills-2021": "004_4854c44f890eb387.txt",
    "nato-efp-battlegroups": "004_4854c44f890eb387.txt",
}
IDS = sorted(SEEDS)

#: id -> (name, alliance, family, start, end, date_precision, announced)
CORE = {
    "combat-brotherhood-2023": (
        "Combat Brotherhood 2023",
        "CSTO",
        "combat-brotherhood",
        "2023-09-01",
        "2023-09-06",
        "day",
        None,
    ),
    "interaction-2025": ("Interaction-2025", "CSTO", "csto-interaction", "2025-08-31", "2025-09-06", "day", None),
    "zapad-2025": ("West-2025", "Russia-Belarus", "zapad", "2025-09-12", "2025-09-16", "day", None),
    "unbreakable-brotherhood-2020": (
        "Unbreakable Brotherhood-2020",
        "CSTO",
        "unbreakable-brotherhood",
        "2020-10-12",
        "2020-10-16",
        "day",
        None,
    ),
    "slavic-brotherhood-2020": (
        "Slavic Brotherhood-2020",
        "Russia-Belarus",
        "slavic-brotherhood",
        "2020-09-14",
        "2020-09-25",
        "day",
        None,
    ),
    "russia-belarus-regional-grouping-2022": (
        "Russia–Belarus regional grouping deployment (October 2022)",
        "Russia-Belarus",
        "regional-grouping",
        "2022-10-15",
        "2023-08",
        "day",
        None,
    ),
    "belarus-russia-southern-border-drills-2021": (
        "Belarus–Russia joint drills on the southern border (announced 2021)",
        "Russia-Belarus",
        "union-shield-resolve",
        None,
        None,
        "announced",
        dt.date(2021, 11, 29),
    ),
    "nato-efp-battlegroups": (
        "NATO international battle groups in Poland and the Baltic states",
        "NATO",
        "nato-efp",
        "2017",
        None,
        "year",
        None,
    ),
}

#: id -> every country's status (geo.catalog.participation), as the seed and the cited sources give it.
PEOPLE: dict[str, dict[str, str]] = {
    "combat-brotherhood-2023": {
        **dict.fromkeys(["RUS", "BLR", "KGZ", "KAZ", "TJK"], "took-part"),
        **dict.fromkeys(["CHN", "IRN", "SAU", "MNG"], "observer"),
        "ARM": "absent",  # "did not send troops": never announced as taking part
    },
    "interaction-2025": dict.fromkeys(["RUS", "BLR", "KAZ", "KGZ", "TJK"], "took-part"),
    "zapad-2025": {"RUS": "took-part", "BLR": "took-part", **dict.fromkeys(["USA", "TUR", "HUN"], "observer")},
    # The seed names six; Armenia withdrew (TASS, dfwatch) and the accounts disagree on Kazakhstan and Kyrgyzstan.
    "unbreakable-brotherhood-2020": {
        **dict.fromkeys(["RUS", "BLR", "TJK"], "took-part"),
        **dict.fromkeys(["KAZ", "KGZ"], "disputed"),
        "ARM": "withdrew",
    },
    "slavic-brotherhood-2020": {"RUS": "took-part", "BLR": "took-part", "SRB": "withdrew"},
    "russia-belarus-regional-grouping-2022": {"RUS": "took-part", "BLR": "took-part"},
    "belarus-russia-southern-border-drills-2021": {"BLR": "took-part", "RUS": "took-part"},
    # Host states as the seed names them; the framework nations are in no seed.
    "nato-efp-battlegroups": dict.fromkeys(["POL", "LTU", "LVA", "EST"], "took-part"),
}

#: id -> the place phrases taken from the seed report: (place, resolve_as, role)
SEED_SITES = {
    "combat-brotherhood-2023": [
        (
            "parts of Belarus that border NATO members Poland and Lithuania",
            "parts of Belarus that border Poland and Lithuania",
            "site",
        ),
    ],
    "interaction-2025": [
        ("Vitebsk region", None, "site"),
        ("Losvido", "id:by_tg_losvido", "site"),
        ("Lepelets", "id:by_tg_lepelsky", "site"),
    ],
    "zapad-2025": [
        ("near Belarus’s western border", "the western border", "planned"),
        ("the interior of the country", None, "site"),
    ],
    "unbreakable-brotherhood-2020": [("Belarus", None, "site")],
    "slavic-brotherhood-2020": [("western Belarus", None, "site")],
    "russia-belarus-regional-grouping-2022": [
        ("the southern border of Belarus, which borders Ukraine", "the border with Ukraine", "planned"),
        (
            "four training camps in the eastern and central part of the country",
            "the eastern and central part of the country",
            "planned",
        ),
    ],
    "belarus-russia-southern-border-drills-2021": [
        ("its border with Ukraine", "the border with Ukraine", "planned"),
    ],
    "nato-efp-battlegroups": [
        ("Poland", "id:pl_tg_orzysz", "garrison"),
        ("Lithuania", "id:lt_base_rukla", "garrison"),
        ("Latvia", "id:lv_tg_adazi", "garrison"),
        ("Estonia", "id:ee_base_tapa", "garrison"),
    ],
}

#: id -> place phrases added from the reference notes: (place, resolve_as, role)
REFERENCE_SITES = {
    "combat-brotherhood-2023": [
        ("Brest region", None, "site"),
        ("Grodno region", None, "site"),
        ("Minsk region", None, "site"),
        ("Brest Fortress", "Brest", "site"),
        ("Brestsky range", "id:by_tg_brestsky", "site"),
    ],
    "interaction-2025": [("Vitebsk", None, "site")],
    "zapad-2025": [
        ("Borisovsky", "id:by_tg_borisovsky", "site"),
        ("Minsk region", None, "site"),
        ("Volkovysk", None, "planned"),
        ("Smorgon", None, "planned"),
        ("Mulino", "id:ru_tg_mulino", "site"),
    ],
    "unbreakable-brotherhood-2020": [("Losvido range", "id:by_tg_losvido", "site")],
    "slavic-brotherhood-2020": [
        ("Brestsky range", "id:by_tg_brestsky", "site"),
        ("Mukhavets river", "Brest region", "site"),
    ],
    "russia-belarus-regional-grouping-2022": [
        ("Obuz-Lesnovsky", "id:by_tg_obuz_lesnovsky", "site"),
        ("Lepelsky", "id:by_tg_lepelsky", "site"),
        ("Repishche/Osipovichsky", "id:by_tg_osipovichsky", "site"),
    ],
    "belarus-russia-southern-border-drills-2021": [],
    "nato-efp-battlegroups": [],
}

#: id -> key figures: (what, value, qualifier, claimed_by, official, scope)
FIGURES = {
    "combat-brotherhood-2023": [
        ("troops", 2500, "estimated", None, False, None),
        ("troops", 2500, "more than", "CSTO", True, None),
        ("weapons and vehicles", 500, "more than", "CSTO", True, None),
    ],
    "interaction-2025": [
        ("troops", 2000, "more than", None, True, None),
        ("weapons and vehicles", 450, "exact", None, True, None),
        ("combat aircraft and helicopters", 9, "exact", None, True, None),
        ("UAVs", 70, "more than", None, True, None),
        (
            "troops",
            5000,
            "more than",
            "CSTO Joint Staff chief Serdyukov",
            True,
            "all CSTO joint exercises in 2025 — not this exercise alone",
        ),
        (
            "equipment",
            1000,
            "about",
            "CSTO Joint Staff chief Serdyukov",
            True,
            "all CSTO joint exercises in 2025 — not this exercise alone",
        ),
    ],
    "zapad-2025": [
        ("troops", 100000, "exact", "Russian President Vladimir Putin", True, None),
        ("troops", 6500, "exact", None, True, None),
        ("troops", 30000, "up to", "Lithuanian military intelligence (Mažonas)", False, None),
        ("troops", 8000, "estimated", "Lithuanian military intelligence (Mažonas)", False, None),
        ("troops", 2000, "estimated", "Lithuanian military intelligence (Mažonas)", False, None),
        ("troops", 6000, "range", "Lithuanian Vice-Minister Godliauskas", False, None),
        ("troops", 13000, "at least", None, False, None),
    ],
    "unbreakable-brotherhood-2020": [
        ("troops", 700, "more than", None, True, None),
        ("troops", 900, "more than", None, True, None),
        ("troops", 140, "exact", None, False, "Russian Central Military District contingent only"),
    ],
    "slavic-brotherhood-2020": [
        ("troops", 800, "more than", "Russian Defence Ministry", True, None),
        ("troops", 1500, "up to", "Belarusian Defence Ministry", True, None),
        ("troops", 6000, "about", None, False, None),
    ],
    "russia-belarus-regional-grouping-2022": [
        ("troops", 9000, "up to", "Belarusian Defence Ministry", True, None),
        ("tanks", 170, "about", "Belarusian Defence Ministry", True, None),
        ("armoured combat vehicles", 200, "up to", "Belarusian Defence Ministry", True, None),
        ("artillery pieces and mortars", 100, "up to", "Belarusian Defence Ministry", True, None),
    ],
    "belarus-russia-southern-border-drills-2021": [],
    "nato-efp-battlegroups": [],
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _load(exercise_id: str) -> Exercise:
    return load_exercise_file(settings.CATALOG_DIR / f"{exercise_id}.yaml")


def test_every_seed_exercise_is_in_the_catalog() -> None:
    ids = {e.id for e in load_exercises()}
    assert set(IDS) <= ids


@pytest.mark.parametrize("exercise_id", IDS)
def test_name_alliance_family_and_dates(exercise_id: str) -> None:
    ex = _load(exercise_id)
    name, alliance, family, start, end, precision, announced = CORE[exercise_id]
    assert ex.id == exercise_id
    assert ex.name == name
    assert ex.alliance == alliance
    assert ex.family == family
    assert (ex.start, ex.end, ex.date_precision, ex.announced) == (start, end, precision, announced)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_country_has_its_status(exercise_id: str) -> None:
    ex = _load(exercise_id)
    assert ex.participation == PEOPLE[exercise_id]


@pytest.mark.parametrize("exercise_id", IDS)
def test_key_figures(exercise_id: str) -> None:
    ex = _load(exercise_id)
    for what, value, qualifier, claimed_by, official, scope in FIGURES[exercise_id]:
        matches = [f for f in ex.figures if (f.what, f.value, f.qualifier) == (what, value, qualifier)]
        assert matches, f"{exercise_id}: no figure {what} {qualifier} {value}"
        if claimed_by is not None:
            assert any(f.claimed_by == claimed_by for f in matches), (exercise_id, what, value, claimed_by)
        assert any(f.official is official for f in matches), (exercise_id, what, value, official)
        if scope is not None:
            assert all(f.scope == scope for f in matches), (exercise_id, what, value, scope)
    if exercise_id == "belarus-russia-southern-border-drills-2021":
        assert ex.figures == []  # the announcement gave no numbers


def test_figures_that_cover_something_else_are_scoped() -> None:
    interaction = _load("interaction-2025")
    unscoped_troops = [f.value for f in interaction.figures if f.what == "troops" and f.scope is None]
    assert 5000 not in unscoped_troops  # Serdyukov's 5,000 is the total of all CSTO exercises in 2025
    zapad = _load("zapad-2025")
    in_belarus = [f for f in zapad.figures if f.scope and "Belarus" in f.scope]
    assert {f.value for f in in_belarus} >= {6500, 8000, 2000, 6000}
    ranged = next(f for f in zapad.figures if f.qualifier == "range")
    assert (ranged.value, ranged.value_max) == (6000, 8000)


@pytest.mark.parametrize("exercise_id", IDS)
def test_place_phrases_of_the_sites(exercise_id: str) -> None:
    ex = _load(exercise_id)
    have = [(s.place, s.resolve_as, s.role) for s in ex.sites]
    for expected in SEED_SITES[exercise_id] + REFERENCE_SITES[exercise_id]:
        assert expected in have, f"{exercise_id}: no site {expected}"


def test_nato_garrisons_are_in_their_countries() -> None:
    ex = _load("nato-efp-battlegroups")
    assert {(s.place, s.country) for s in ex.sites} == {
        ("Poland", "POL"),
        ("Lithuania", "LTU"),
        ("Latvia", "LVA"),
        ("Estonia", "EST"),
    }
    for site in ex.sites:
        assert site.note and "training_grounds.csv" in site.note
        vias = {ex.citations[c].via for c in site.cite}
        assert "shared/data/places/training_grounds_notes.md" in vias


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_seed_quote_is_verbatim_in_its_seed(exercise_id: str) -> None:
    ex = _load(exercise_id)
    seed_citations = {cid: c for cid, c in ex.citations.items() if c.source.startswith("seed:")}
    assert {c.source for c in seed_citations.values()} == {f"seed:{SEEDS[exercise_id]}"}
    for cid, cit in seed_citations.items():
        path = settings.SEEDS_DIR / cit.source.removeprefix("seed:")
        assert path.exists(), f"{exercise_id}.{cid}: no seed file {path.name}"
        assert _norm(cit.quote) in _norm(path.read_text(encoding="utf-8")), f"{exercise_id}.{cid}"


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_compiled_quote_is_verbatim_in_its_compilation(exercise_id: str) -> None:
    ex = _load(exercise_id)
    for cid, cit in ex.citations.items():
        if cit.via is None:
            continue
        assert cit.via.startswith("shared/data/"), (exercise_id, cid, cit.via)
        assert cit.source.startswith("http"), f"{exercise_id}.{cid}: a compiled fact needs its URL"
        path = settings.SHARED_DATA_DIR / cit.via.removeprefix("shared/data/")
        assert _norm(cit.quote) in _norm(path.read_text(encoding="utf-8")), f"{exercise_id}.{cid}"


def test_relative_dates_resolved_from_the_reports_own_date() -> None:
    # Seed 003: "reported Monday (10/17/2022). On Saturday ... the first trains ... had arrived".
    monday = dt.date(2022, 10, 17)
    assert monday.weekday() == 0
    grouping = _load("russia-belarus-regional-grouping-2022")
    assert grouping.start == (monday - dt.timedelta(days=2)).isoformat()
    # The end is cited (Belarusian Hajun: personnel out in early July, the aviation group in early August 2023).
    assert grouping.end == "2023-08"
    assert {"end_hajun", "end_rgv", "end_dpsu"} <= set(grouping.evidence["dates"])
