"""The audit keeps each changed field's values before and after; "what changed" reads them back, filtered."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text, update

from geo.cli.main import main
from geo.store import Store
from geo.store.audit import audit_changes, change_rows, changes_csv, reviewers
from geo.store.models import AuditRow
from tests.support.store_records import new_exercise


@pytest.fixture
def store(tmp_path: Path, catalog_dir: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'home' / 'drillmap.sqlite3'}", catalog_dir=catalog_dir)


def _edit(store: Store, who: str = "Alice", **changes: object) -> None:
    store.save(
        updates={"zapad-2025": lambda e: e.model_copy(update=changes)}, who=who, source="https://example.org/edit"
    )


def test_an_edit_records_the_values_before_and_after(store):
    old = store.get("zapad-2025")
    _edit(store, summary="A shorter summary written by an analyst.", end="2025-09-17")
    (change,) = audit_changes(store.engine, include_seed=False)
    assert (change.who, change.action, change.exercise_id, change.version) == ("Alice", "update", "zapad-2025", 2)
    assert change.values_recorded and change.fields == ("end", "summary")
    by_field = {v.field: (v.before, v.after) for v in change.values}
    assert by_field == {
        "end": (old.end, "2025-09-17"),
        "summary": (old.summary, "A shorter summary written by an analyst."),
    }
    assert change.fields_text == "end, summary"


def test_a_field_set_for_the_first_time_reads_not_set_before(store):
    assert store.get("zapad-2025").non_participants == []  # a default: not in the stored document
    _edit(store, non_participants=["ARM"])
    (change,) = audit_changes(store.engine, include_seed=False)
    (value,) = change.values
    assert value.field == "non_participants" and not value.before_set and value.before_text == "(not set)"
    assert value.after_text == '["ARM"]'


def test_a_new_record_keeps_its_values_and_a_seed_load_names_its_fields(store):
    store.save([new_exercise("snap-check-2024")], who="Bob", source="https://example.org/snap")
    (created,) = audit_changes(store.engine, exercise_id="snap-check-2024")
    assert created.action == "create" and created.values_recorded
    assert {v.field: v.after for v in created.values}["name"] == "Snap Check 2024"
    seed = audit_changes(store.engine, exercise_id="zapad-2025")[-1]
    assert seed.action == "seed-load" and not seed.values_recorded
    assert "the catalog file's (data/catalog)" in seed.fields_text


def test_an_old_record_without_values_is_shown_honestly(store):
    _edit(store, summary="A shorter summary written by an analyst.")
    with store.engine.begin() as con:  # as written before values were kept
        con.execute(update(AuditRow).where(AuditRow.action == "update").values(detail={"fields": ["summary"]}))
    (change,) = audit_changes(store.engine, include_seed=False)
    assert not change.values_recorded and change.values == ()
    assert change.fields_text == "fields: summary, values not recorded"
    (row,) = change_rows([change])
    assert (row["field"], row["before"], row["after"], row["values_recorded"]) == ("summary", "", "", False)


def test_filters_by_day_reviewer_and_exercise(store):
    _edit(store, who="Alice", summary="First analyst edit of the summary.")
    _edit(store, who="Bob", summary="Second analyst edit of the summary.")
    with store.engine.begin() as con:
        con.execute(text("UPDATE audit SET at = '2025-12-31T23:59:59+00:00' WHERE who = 'Alice'"))
    assert [c.who for c in audit_changes(store.engine, since=dt.date(2026, 1, 1), include_seed=False)] == ["Bob"]
    assert {c.who for c in audit_changes(store.engine, until=dt.date(2025, 12, 31), include_seed=False)} == {"Alice"}
    assert [c.who for c in audit_changes(store.engine, who="alice")] == ["Alice"]
    assert audit_changes(store.engine, exercise_id="interaction-2025", include_seed=False) == []
    assert reviewers(store.engine) == ["Alice", "Bob", "catalog"]


def test_csv_cells_cannot_start_a_formula(store):
    _edit(store, summary='=HYPERLINK("http://evil.example") looks like a formula.')
    csv_text = changes_csv(audit_changes(store.engine, include_seed=False))
    (row,) = csv.DictReader(io.StringIO(csv_text))
    assert row["after"].startswith("'=HYPERLINK")


@pytest.fixture
def cli_store(tmp_path, monkeypatch, catalog_dir) -> Store:
    """The CLI's own store (DRILLMAP_HOME in tmp_path) with two analysts' edits, one dated 2025."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "cli-home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    from geo.store.repository import open_store

    store = open_store()
    for who, summary in (("Alice", "Edited by Alice in 2025."), ("Bob", "Edited by Bob \x1b[2J in 2026.")):
        store.save(
            updates={"zapad-2021": lambda e, s=summary: e.model_copy(update={"summary": s})},
            who=who,
            source="https://example.org/edit",
        )
    with store.engine.begin() as con:
        con.execute(text("UPDATE audit SET at = '2025-06-01T10:00:00+00:00' WHERE who = 'Alice'"))
    return store


def test_cli_changes_since_a_day(cli_store, capsys):
    assert main(["changes", "--since", "2026-01-01", "--no-seed"]) == 0
    out = capsys.readouterr().out
    assert "  by Bob  " in out and "  by Alice  " not in out
    assert "→ Edited by Bob \\x1b[2J in 2026." in out  # the escape sequence is shown, not run
    assert "\x1b" not in out
    assert out.rstrip().endswith("1 change(s)")


def test_cli_changes_json_and_csv_by_reviewer(cli_store, capsys):
    assert main(["changes", "--since", "2025-01-01", "--who", "ALICE", "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["who"] == "Alice" and item["values"] == [
        {"field": "summary", "before": item["values"][0]["before"], "after": "Edited by Alice in 2025."}
    ]
    assert main(["changes", "--since", "2025-01-01", "--format", "csv", "--no-seed"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("at,who,action,exercise_id") and len(lines) == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--since", "2026-13-01"], "--since '2026-13-01' is not a day"),
        (["--since", "2026-02-01", "--until", "2026-01-01"], "is before --since"),
    ],
)
def test_cli_changes_bad_days_are_one_error_line(cli_store, capsys, argv, message):
    assert main(["changes", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_confirmation_changes_no_field_and_says_so(store):
    store.save(updates={"zapad-2025": lambda e: e}, who="Carol", source="https://example.org/same")
    (change,) = audit_changes(store.engine, who="Carol")
    assert change.action == "confirm" and change.fields == () and change.values_recorded
    assert change.fields_text == "no field changed (the source confirms the record as stored)"
