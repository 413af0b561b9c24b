"""Participant statuses (took part, disputed, withdrew, observer, absent) and long deployments as periods.

The schema keeps one status per country and cites the disputed and the withdrawn; the one filter the CLI,
the URL and the dashboard share counts "took part" unless told otherwise; every face that lists the
participants names the disputed and the withdrawn beside them; a deployment over two years is in both.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import yaml

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.load import load_exercise_file, load_exercises
from geo.catalog.participation import (
    DEFAULT_STATUSES,
    STATUSES,
    parse_statuses,
    participants_text,
    statuses_text,
)
from geo.catalog.sites import sites_frame
from geo.charts.timeline import exercises_frame
from geo.cli.main import main
from geo.core import settings
from geo.core.errors import CatalogError, FilterError
from geo.export.tabular import export_records
from geo.extract.draft import Difference
from geo.maps.popup import exercise_fields
from geo.maps.url_state import Choices, ViewState, choices_from_sites, decode, encode
from tests.support.cli import run_cli

UB = "unbreakable-brotherhood-2020"
GROUPING = "russia-belarus-regional-grouping-2022"
#: Exercises that give every status at least once: UB-2020 (took part, disputed, withdrew), Zapad-2021
#: (Armenia took part), Combat Brotherhood-2023 (observers; Armenia absent), the 2022–23 grouping.
SUBSET = (UB, "zapad-2021", "combat-brotherhood-2023", "slavic-brotherhood-2020", GROUPING)


@pytest.fixture(scope="module")
def sites():
    return sites_frame([e for e in load_exercises() if e.id in SUBSET])


def _ids(frame) -> set[str]:
    return set(frame["exercise_id"])


# --- the schema: one status per country, the disputed and the withdrawn cited ---------------------


def _ub() -> dict:
    return yaml.safe_load((settings.CATALOG_DIR / f"{UB}.yaml").read_text(encoding="utf-8"))


def _load(tmp_path: Path, data: dict) -> object:
    path = tmp_path / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_exercise_file(path)


def test_status_of_a_country_in_an_exercise(tmp_path: Path) -> None:
    ex = _load(tmp_path, _ub())
    assert ex.status_of("ARM") == "withdrew"
    assert ex.status_of("KAZ") == ex.status_of("KGZ") == "disputed"
    assert ex.status_of("TJK") == "took-part"
    assert ex.status_of("POL") is None
    assert "ARM" not in ex.participants


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["participants"].append("ARM"), "ARM is listed in both 'participants' and 'withdrawn'"),
        (lambda d: d.update(observers=["KAZ"]), "KAZ is listed in both 'disputed' and 'observers'"),
        (lambda d: d["withdrawn"].append("ARM"), "ARM is listed twice"),
        (lambda d: d["evidence"].pop("withdrawn"), "withdrawn ['ARM'] needs evidence"),
        (lambda d: d["evidence"].pop("disputed"), "disputed ['KAZ', 'KGZ'] needs evidence"),
        (lambda d: d["evidence"].update(withdrawn=["nope"]), "unknown citation ids ['nope']"),
        (lambda d: d.update(withdrawn=["Armenia"]), "not an ISO 3166-1 alpha-3"),
    ],
)
def test_schema_rejects_a_country_with_two_statuses_or_an_uncited_one(tmp_path: Path, change, message) -> None:
    data = _ub()
    change(data)
    with pytest.raises(CatalogError, match=message.replace("[", r"\[").replace("]", r"\]")):
        _load(tmp_path, data)


def test_old_records_without_the_new_lists_still_load(tmp_path: Path) -> None:
    data = yaml.safe_load((settings.CATALOG_DIR / "combat-brotherhood-2023.yaml").read_text(encoding="utf-8"))
    assert "withdrawn" not in data and "disputed" not in data
    ex = _load(tmp_path, data)
    assert ex.withdrawn == [] and ex.disputed == []
    assert (ex.status_of("KAZ"), ex.status_of("CHN"), ex.status_of("ARM")) == ("took-part", "observer", "absent")


# --- the filter: took part by default, each status on request -------------------------------------


@pytest.mark.parametrize(
    ("country", "statuses", "expected"),
    [
        ("ARM", DEFAULT_STATUSES, {"zapad-2021"}),  # ?country=ARM is not Armenia in UB-2020
        ("ARM", ("withdrew",), {UB}),
        ("ARM", ("absent",), {"combat-brotherhood-2023"}),
        ("ARM", STATUSES, {"zapad-2021", UB, "combat-brotherhood-2023"}),
        ("KAZ", DEFAULT_STATUSES, {"zapad-2021", "combat-brotherhood-2023"}),
        ("KAZ", ("disputed",), {UB}),
        ("KAZ", ("took-part", "disputed"), {"zapad-2021", "combat-brotherhood-2023", UB}),
        ("CHN", DEFAULT_STATUSES, set()),
        ("CHN", ("observer",), {"combat-brotherhood-2023"}),
        ("UZB", DEFAULT_STATUSES, set()),
        ("UZB", ("disputed",), {"zapad-2021"}),  # one photo caption against the contingent list
        ("SRB", ("withdrew",), {"slavic-brotherhood-2020"}),
        ("TJK", DEFAULT_STATUSES, {UB, "combat-brotherhood-2023"}),
    ],
)
def test_the_participant_filter_counts_the_statuses_it_is_given(sites, country, statuses, expected) -> None:
    assert _ids(filter_sites(sites, SiteFilter(countries=(country,), statuses=statuses))) == expected


def test_statuses_without_a_country_restrict_nothing(sites) -> None:
    assert len(filter_sites(sites, SiteFilter(statuses=("observer",)))) == len(sites)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("took-part", ("took-part",)),
        ("disputed, took-part", ("took-part", "disputed")),
        ("WITHDREW,observer", ("withdrew", "observer")),
        ("all", STATUSES),
    ],
)
def test_parse_statuses(text: str, expected: tuple[str, ...]) -> None:
    assert parse_statuses(text) == expected


@pytest.mark.parametrize(("text", "message"), [("left", "unknown participant status 'left'"), (" , ", "at least one")])
def test_parse_statuses_rejects(text: str, message: str) -> None:
    with pytest.raises(FilterError, match=message):
        parse_statuses(text)
    with pytest.raises(FilterError):
        SiteFilter(statuses=())


def test_statuses_text() -> None:
    assert statuses_text(DEFAULT_STATUSES) == "took part"
    assert statuses_text(("withdrew", "took-part", "disputed")) == "took part, disputed or withdrew"


# --- multi-year periods ----------------------------------------------------------------------------


def test_a_deployment_over_two_years_is_in_both_and_not_after(sites) -> None:
    for year in (2022, 2023):
        assert GROUPING in _ids(filter_sites(sites, SiteFilter(years=(year, year)))), year
    assert GROUPING not in _ids(filter_sites(sites, SiteFilter(years=(2024, 2025))))
    assert GROUPING not in _ids(filter_sites(sites, SiteFilter(years=(2020, 2021))))
    row = exercises_frame(sites).set_index("exercise_id").loc[GROUPING]
    assert (str(row["start_date"]), str(row["end_date"])) == ("2022-10-15", "2023-08-31")  # a bar, not a day
    assert row["date_quality"] == "approximate"  # the end is known to the month: a pale bar, not a solid one
    assert row["dates"] == "2022-10-15 – 2023-08"


# --- the URL and the CLI ---------------------------------------------------------------------------

CHOICES = Choices(years=(2016, 2025), countries=("ARM", "KAZ", "RUS"))


def test_url_country_counts_took_part_unless_status_says_more() -> None:
    state, notices = decode({"country": "ARM"}, CHOICES)
    assert state.filter.countries == ("ARM",) and state.filter.statuses == DEFAULT_STATUSES and notices == []
    assert encode(state) == {"country": "ARM"}  # the default is not written
    state, notices = decode({"country": "ARM", "status": "withdrew,took-part"}, CHOICES)
    assert state.filter.statuses == ("took-part", "withdrew") and notices == []
    assert encode(state) == {"country": "ARM", "status": "took-part,withdrew"}
    state, _ = decode({"status": "all"}, CHOICES)
    assert state.filter.statuses == STATUSES and encode(state) == {"status": "all"}


def test_url_unknown_status_is_ignored_with_a_notice() -> None:
    state, notices = decode({"status": "left,disputed"}, CHOICES)
    assert state.filter.statuses == ("disputed",)
    assert [n.param for n in notices] == ["status"] and "left" in notices[0].reason
    state, notices = decode({"status": "left"}, CHOICES)
    assert state.filter.statuses == DEFAULT_STATUSES
    assert any("took-part only" in n.reason for n in notices)
    assert encode(ViewState()) == {}


def test_countries_offered_include_those_that_only_withdrew(sites) -> None:
    assert "SRB" in choices_from_sites(sites).countries  # Serbia withdrew from Slavic Brotherhood-2020
    assert "CHN" in choices_from_sites(sites).countries  # an observer


def _cli_ids(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    assert main(["catalog", "--format", "csv", *args]) == 0
    return {row["exercise_id"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}


def test_cli_country_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert UB not in _cli_ids(capsys, "--country", "ARM")
    assert UB in _cli_ids(capsys, "--country", "arm", "--status", "took-part,withdrew")
    assert UB not in _cli_ids(capsys, "--country", "ARM", "--status", "disputed")


def test_cli_bad_status_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["catalog", "--country", "ARM", "--status", "left"], capsys)  # in-process
    assert code == 2
    assert "unknown participant status 'left'" in err and err.count("\n") == 1


# --- shown wherever participants are shown ---------------------------------------------------------


def test_popup_table_and_slides_name_the_disputed_and_the_withdrawn(sites) -> None:
    row = sites[sites["exercise_id"] == UB].iloc[0].to_dict()
    expected = "Russia, Belarus, Tajikistan; disputed: Kazakhstan, Kyrgyzstan; withdrew: Armenia"
    assert exercise_fields(row)["participants"] == expected
    assert participants_text(row) == expected
    table = exercises_frame(sites).set_index("exercise_id")  # the Exercises page and the PPTX table
    assert table.loc[UB, "participants"] == expected
    assert table.loc["zapad-2021", "participants"].endswith("Sri Lanka; disputed: Uzbekistan")
    assert ";" not in table.loc["combat-brotherhood-2023", "participants"]  # observers and the absent are apart


def test_exports_have_a_column_per_status(sites) -> None:
    rec = next(r for r in export_records(sites) if r["exercise_id"] == UB)
    assert (rec["participants"], rec["disputed"], rec["withdrawn"]) == (["RUS", "BLR", "TJK"], ["KAZ", "KGZ"], ["ARM"])
    sb = next(r for r in export_records(sites) if r["exercise_id"] == "slavic-brotherhood-2020")
    assert sb["withdrawn"] == ["SRB"] and sb["non_participants"] == []


def test_a_report_repeating_the_announced_list_does_not_undo_a_withdrawal() -> None:
    from geo.extract import ingest

    seed = (settings.SEEDS_DIR / "002_67814a5019076fc5.txt").read_text(encoding="utf-8")
    (event,) = [
        e for e in ingest.extract(seed, published=dt.date(2020, 9, 17)).events if e.match and e.match.exercise_id == UB
    ]
    assert "ARM" in event.participants  # the seed announces six states, Armenia among them
    assert event.match is not None
    assert not {"ARM", "KAZ", "KGZ"} & set(event.match.additions.participants)  # their status stays as cited
    # ... and the reviewer is told the report says otherwise (shown, never applied)
    assert event.match.differences["status of ARM"] == Difference("withdrew", "took part")
    assert event.match.differences["status of KAZ"] == Difference("disputed", "took part")


def test_briefing_subtitle_says_which_statuses_were_counted(sites) -> None:
    from geo.briefing.text import subtitle
    from geo.query.selection import select

    plain = subtitle(select(sites, SiteFilter(countries=("ARM",))))
    assert "participants ARM" in plain and "withdrew" not in plain
    wide = subtitle(select(sites, SiteFilter(countries=("ARM",), statuses=("took-part", "withdrew"))))
    assert "participants ARM (took part or withdrew)" in wide


def test_exports_state_what_the_country_filter_counted(sites) -> None:
    from geo.export.tabular import filter_record
    from geo.query.selection import select

    assert filter_record(select(sites)) == {}  # the default statuses restrict nothing without a country
    assert filter_record(select(sites, SiteFilter(countries=("ARM",)))) == {
        "countries": ["ARM"],
        "statuses": ["took-part"],
    }
