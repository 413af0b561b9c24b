"""The catalog: schema errors name file/record/field, provenance of every quote, the frame and the filter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from geo.catalog.filter import SiteFilter, filter_sites, parse_years
from geo.catalog.load import load_exercise_file, load_exercises
from geo.catalog.sites import SITE_COLUMNS, sites_frame
from geo.cli.main import main
from geo.core import settings
from geo.core.errors import CatalogError, FilterError
from geo.core.symbology import ALLIANCES
from tests.support.cli import run_cli

EXAMPLE = settings.CATALOG_DIR / "combat-brotherhood-2023.yaml"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


@pytest.fixture(scope="module")
def exercises() -> list:
    return load_exercises()


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


def _write(tmp_path: Path, data: dict, name: str | None = None) -> Path:
    path = tmp_path / f"{name or data.get('id', 'x')}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


# --- bad input: one clear message naming file, record and field -------------------------------


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (lambda d: d.update(alliance="Warsaw Pact"), "alliance", "CSTO"),
        (lambda d: d.update(end="2023-08-01"), "(record)", "before start"),
        (lambda d: d.update(start="2023-13-01"), "start", "month must be in 1..12"),
        (lambda d: d.update(participants=["XXX"]), "participants.0", "not an ISO 3166-1 alpha-3"),
        (lambda d: d["citations"]["c1"].pop("source"), "citations.c1.source", "Field required"),
        (lambda d: d["citations"]["c1"].update(source="a newspaper"), "citations.c1.source", "URL"),
        (lambda d: d["evidence"].pop("dates"), "(record)", "evidence is missing for dates"),
        (lambda d: d["sites"][0].update(cite=["c99"]), "(record)", "unknown citation ids ['c99']"),
        (lambda d: d.update(date_precision="month"), "(record)", "does not match start"),
        (lambda d: d.update(start=None), "(record)", "without 'start'"),
        (lambda d: d.update(colour="red"), "colour", "Extra inputs are not permitted"),
        (lambda d: d["figures"][0].update(value=-5), "figures.0.value", "greater than or equal to 0"),
    ],
)
def test_malformed_record_names_file_record_and_field(tmp_path: Path, change, field: str, message: str) -> None:
    data = _example()
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(CatalogError) as info:
        load_exercise_file(path)
    text = str(info.value)
    assert text.startswith(f"{path.name}: exercise 'combat-brotherhood-2023': field {field!r}")
    assert message in text


def test_not_yaml_or_not_a_mapping(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"bad\.yaml: cannot read catalog file"):
        load_exercise_file(bad)
    bad.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="expected one exercise mapping, got list"):
        load_exercise_file(bad)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path, _example(), name="something-else")
    with pytest.raises(CatalogError, match="field 'id' must equal the file name stem"):
        load_exercise_file(path)


def test_one_bad_file_fails_the_whole_load_never_a_silent_drop(tmp_path: Path) -> None:
    good = _example()
    _write(tmp_path, good)
    bad = dict(good, id="broken", alliance="Nope")
    _write(tmp_path, bad)
    with pytest.raises(CatalogError, match=r"broken\.yaml"):
        load_exercises(tmp_path)


def test_unknown_related_id(tmp_path: Path) -> None:
    _write(tmp_path, dict(_example(), related=["no-such-exercise"]))
    with pytest.raises(CatalogError, match="related"):
        load_exercises(tmp_path)


def test_empty_catalog_dir(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no catalog files"):
        load_exercises(tmp_path)


# --- provenance of every catalog file ---------------------------------------------------------


def test_every_seed_quote_is_verbatim_in_its_seed(exercises) -> None:
    seen = 0
    for ex in exercises:
        for cid, cit in ex.citations.items():
            if cit.source.startswith("seed:"):
                path = settings.SEEDS_DIR / cit.source.removeprefix("seed:")
                assert path.exists(), f"{ex.id}.{cid}: no seed {path.name}"
                assert _norm(cit.quote) in _norm(path.read_text(encoding="utf-8")), f"{ex.id}.{cid}"
                seen += 1
    assert seen >= 20


def test_every_reference_quote_is_in_the_reference_notes(exercises) -> None:
    reference = _norm((settings.SHARED_DATA_DIR / "reference" / "exercises_2017_2025.md").read_text(encoding="utf-8"))
    for ex in exercises:
        for cid, cit in ex.citations.items():
            if cit.via and "exercises_2017_2025" in cit.via:
                assert _norm(cit.quote) in reference, f"{ex.id}.{cid}: quote not in the reference notes"
                assert cit.source.startswith("http"), f"{ex.id}.{cid}: a reference fact needs its URL"


def test_every_exercise_cites_its_core_facts_and_sites(exercises) -> None:
    for ex in exercises:
        for field in ("name", "alliance", "dates", "participants"):
            assert ex.evidence[field], (ex.id, field)
        for site in ex.sites:
            assert site.cite, (ex.id, site.place)


# --- the frame --------------------------------------------------------------------------------


def test_frame_has_one_row_per_exercise_and_site(exercises, sites) -> None:
    assert len(sites) == sum(len(e.sites) for e in exercises)
    assert list(sites.columns) == [*SITE_COLUMNS, "geometry"]
    assert sites.crs == "EPSG:4326"
    resolved = sites[sites["site_status"] == "resolved"]
    assert resolved.geometry.notna().all() and resolved.is_valid.all()
    assert resolved["distance_to_nato_km"].notna().all()
    assert resolved["nearest_nato_country"].notna().all()
    unresolved = sites[sites["site_status"] == "unresolved"]
    assert unresolved["place_text"].str.len().gt(0).all()  # kept, with the phrase


def test_seed_exercise_sites_resolve_to_the_right_kind(sites) -> None:
    def kinds(exercise_id: str) -> set[str]:
        return set(sites[sites["exercise_id"] == exercise_id]["site_kind"])

    assert "border_zone" in kinds("combat-brotherhood-2023")
    assert "border_zone" in kinds("russia-belarus-regional-grouping-2022")
    assert {"region", "training_ground"} <= kinds("interaction-2025")
    assert "region" in kinds("slavic-brotherhood-2020")


# --- the shared filter ------------------------------------------------------------------------


def test_filter_by_years_and_alliance(sites) -> None:
    csto_2023 = filter_sites(sites, SiteFilter(years=(2023, 2023), alliances=("CSTO",)))
    assert set(csto_2023["exercise_id"]) >= {"combat-brotherhood-2023"}
    assert (csto_2023["alliance"] == "CSTO").all()
    none = filter_sites(sites, SiteFilter(years=(2019, 2019), alliances=("CSTO",)))
    assert "combat-brotherhood-2023" not in set(none["exercise_id"])


def test_ongoing_deployments_overlap_every_later_year(sites) -> None:
    later = filter_sites(sites, SiteFilter(years=(2024, 2024), alliances=("NATO",)))
    assert "nato-efp-battlegroups" in set(later["exercise_id"])


def test_announced_only_events_count_in_their_announcement_year(sites) -> None:
    hits = filter_sites(sites, SiteFilter(years=(2021, 2021)))
    assert "belarus-russia-southern-border-drills-2021" in set(hits["exercise_id"])


def test_filter_by_country_text_precision_and_distance(sites) -> None:
    kaz = filter_sites(sites, SiteFilter(countries=("KAZ",)))
    assert all("KAZ" in p for p in kaz["participants"])
    text = filter_sites(sites, SiteFilter(text="brotherhood"))
    assert set(text["exercise_id"]) >= {"combat-brotherhood-2023", "slavic-brotherhood-2020"}
    zones = filter_sites(sites, SiteFilter(precisions=("border_zone",)))
    assert (zones["precision"] == "border_zone").all() and len(zones) > 0
    near = filter_sites(sites, SiteFilter(max_distance_km=50))
    assert near["distance_to_nato_km"].le(50).all()
    assert len(near) < len(sites)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"years": (2025, 2020)}, "first year 2025 is after last year 2020"),
        ({"alliances": ("Warsaw Pact",)}, "unknown alliance 'Warsaw Pact'"),
        ({"countries": ("Belarus",)}, "not an ISO3 code"),
        ({"precisions": ("exactish",)}, "unknown precision"),
        ({"max_distance_km": -1}, "between 0 and 40,000"),
    ],
)
def test_filter_rejects_bad_values(kwargs: dict, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        SiteFilter(**kwargs)


@pytest.mark.parametrize(("text", "expected"), [("2020-2025", (2020, 2025)), ("2021", (2021, 2021))])
def test_parse_years(text: str, expected: tuple[int, int]) -> None:
    assert parse_years(text) == expected


@pytest.mark.parametrize("text", ["2025-2020", "twenty", "20-25", "2020-", ""])
def test_parse_years_rejects(text: str) -> None:
    with pytest.raises(FilterError):
        parse_years(text)


# --- the CLI ----------------------------------------------------------------------------------


def test_cli_geojson_has_the_required_properties(capsys: pytest.CaptureFixture[str], sites) -> None:
    assert main(["catalog", "--years", "2020-2025", "--alliance", "CSTO,Russia-Belarus", "--format", "geojson"]) == 0
    features = json.loads(capsys.readouterr().out)["features"]
    expected = filter_sites(sites, SiteFilter(years=(2020, 2025), alliances=("CSTO", "Russia-Belarus")))
    assert len(features) == len(expected) > 0
    required = {
        "exercise_id",
        "exercise_name",
        "alliance",
        "start",
        "end",
        "participants",
        "place_text",
        "site_kind",
        "precision",
        "distance_to_nato_km",
        "nearest_nato_country",
        "sources",
    }
    for feature in features:
        assert required <= feature["properties"].keys()
        assert feature["properties"]["alliance"] in ("CSTO", "Russia-Belarus")
        assert isinstance(feature["properties"]["participants"], list)


def test_cli_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--format", "csv", "--alliance", "CSTO"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("exercise_id,exercise_name")
    assert main(["catalog", "--years", "2023"]) == 0
    assert "combat-brotherhood-2023" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--years", "2025-2020"], "first year 2025 is after last year 2020"),
        (["--alliance", "Warsaw"], "unknown alliance 'Warsaw'"),
        (["--format", "xml"], "invalid choice"),
    ],
)
def test_cli_bad_arguments_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["catalog", *args], capsys)  # in-process: `python -m geo` is run in tests/cli
    assert code == 2
    assert message in err
    assert err.count("\n") == 1  # one clear line


def test_alliances_are_the_documented_set() -> None:
    assert ALLIANCES == ("CSTO", "Russia-Belarus", "NATO", "national", "bilateral")


def test_contradicting_figures_are_side_by_side_in_table_and_exports(sites) -> None:
    from geo.charts.timeline import exercises_frame
    from geo.export.tabular import to_csv, to_geojson
    from geo.query.selection import select

    zapad = sites[sites["exercise_id"] == "zapad-2017"]
    table = exercises_frame(zapad)["troops_claimed"].iloc[0]
    for figure in ("12,700", "70,000", "230,000"):
        assert figure in table  # every claim, none averaged
    assert "NATO" in table and "official" in table
    feature = json.loads(to_geojson(select(zapad.head(1))))["features"][0]
    assert "12,700" in feature["properties"]["figures_text"] and "70,000" in feature["properties"]["figures_text"]
    assert "70,000" in to_csv(select(zapad.head(1)))


def test_every_unresolved_catalog_site_is_explained_by_a_reviewer(sites) -> None:
    # The bar: every site phrase in the catalog resolves, or says why it cannot.
    unresolved = sites[sites["site_status"] == "unresolved"]
    unexplained = unresolved[~unresolved["geocode_explanation"].str.contains("; reviewer: ", regex=False)]
    assert unexplained.empty, unexplained[["exercise_id", "place_text"]].to_string()
    assert len(unresolved) <= 5
