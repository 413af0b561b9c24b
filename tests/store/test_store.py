"""The store: creation and migration, seed loading, one-transaction saves, concurrency, crashes, export."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from geo.catalog.load import load_exercise_file, load_exercises
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.store import CURRENT_VERSION, Store, StoreError, merge_with_catalog, open_store, store_exercises
from geo.store.__main__ import main as store_cli
from geo.store.migrations import HEAD, migrate
from geo.store.repository import document
from tests.support.store_records import new_exercise as _new_exercise
from tests.support.store_records import sqlite_file as _sqlite_file

FORK = multiprocessing.get_context("fork")  # children open their own engine; nothing is shared


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'home' / 'drillmap.sqlite3'}"


@pytest.fixture
def store(url: str, catalog_dir: Path) -> Store:
    return Store.open(url, catalog_dir=catalog_dir)


def test_a_new_store_is_created_migrated_and_in_wal_mode(store, url):
    assert store.schema_version() == CURRENT_VERSION
    with sqlite3.connect(_sqlite_file(url)) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"alembic_version", "exercises", "audit", "meta", "sites"} <= tables
        assert "schema_version" not in tables  # the hand-written migrations' table: only in old databases
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]


#: The schema the store made before Alembic (hand-written migrations 1 and 2), as SQLite printed it.
PRE_ALEMBIC_DDL = (
    "CREATE TABLE schema_version (version INTEGER NOT NULL, description VARCHAR(200) NOT NULL,"
    " applied_at VARCHAR(40) NOT NULL, PRIMARY KEY (version))",
    'CREATE TABLE meta ("key" VARCHAR(80) NOT NULL, value TEXT NOT NULL, PRIMARY KEY ("key"))',
    "CREATE TABLE exercises (id VARCHAR(120) NOT NULL, name VARCHAR(300) NOT NULL, alliance VARCHAR(40) NOT NULL,"
    " year INTEGER NOT NULL, origin VARCHAR(20) NOT NULL, document JSON NOT NULL, content_hash VARCHAR(64) NOT NULL,"
    " seed_hash VARCHAR(64), version INTEGER NOT NULL, created_at VARCHAR(40) NOT NULL,"
    " created_by VARCHAR(120) NOT NULL, updated_at VARCHAR(40) NOT NULL, updated_by VARCHAR(120) NOT NULL,"
    " PRIMARY KEY (id))",
    "CREATE TABLE audit (id INTEGER NOT NULL, batch VARCHAR(40) NOT NULL, exercise_id VARCHAR(120) NOT NULL,"
    " action VARCHAR(20) NOT NULL, who VARCHAR(120) NOT NULL, at VARCHAR(40) NOT NULL, source TEXT NOT NULL,"
    " version INTEGER NOT NULL, detail JSON NOT NULL, PRIMARY KEY (id))",
    "CREATE INDEX ix_audit_exercise_id ON audit (exercise_id)",
)


def _pre_alembic_database(url: str, catalog_dir: Path, *, version: int) -> tuple[list[Exercise], list]:
    """Make a database as the pre-Alembic store left it at ``version`` (1 or 2), holding the seed and an analyst save.

    The rows are written by today's code into today's tables, then copied into the old schema.
    """
    source = Store.open(f"sqlite:///{Path(_sqlite_file(url)).parent / 'source.sqlite3'}", catalog_dir=catalog_dir)
    source.save([_new_exercise("snap-check-2024")], who="alice", source="https://example.org/a")
    expected = (source.exercises(), source.history())
    with sqlite3.connect(_sqlite_file(url)) as con, sqlite3.connect(_sqlite_file(source.url)) as old:
        for statement in PRE_ALEMBIC_DDL:
            con.execute(statement)
        if version >= 2:
            con.execute("CREATE INDEX ix_audit_at ON audit (at)")
        for v in range(1, version + 1):
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (v, f"migration {v}", "2026-01-01T00:00:00"))
        for table in ("meta", "exercises", "audit"):
            rows = old.execute(f"SELECT * FROM {table}").fetchall()
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    return expected


@pytest.mark.parametrize("version", [1, 2])
def test_a_database_made_before_alembic_is_adopted_without_losing_a_row(url, catalog_dir, version):
    Path(_sqlite_file(url)).parent.mkdir(parents=True)
    expected = _pre_alembic_database(url, catalog_dir, version=version)
    store = Store.open(url, catalog_dir=catalog_dir)
    assert store.schema_version() == CURRENT_VERSION
    assert (store.exercises(), store.history()) == expected
    with sqlite3.connect(_sqlite_file(url)) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert con.execute("SELECT name FROM sqlite_master WHERE name='ix_audit_at'").fetchone() is not None
    store.save([_new_exercise("after-adoption-2024")], who="bob", source="https://example.org/b")
    assert store.history()[0].exercise_id == "after-adoption-2024"


def test_migrations_stop_where_asked_and_resume(url, catalog_dir):
    Path(_sqlite_file(url)).parent.mkdir(parents=True)
    engine = create_engine(url)
    with engine.begin() as connection:
        assert migrate(connection, upto="0001") == ["0001"]
    engine.dispose()
    with sqlite3.connect(_sqlite_file(url)) as con:
        assert con.execute("SELECT name FROM sqlite_master WHERE name='ix_audit_at'").fetchone() is None
    store = Store.open(url, catalog_dir=catalog_dir)
    assert store.schema_version() == CURRENT_VERSION
    with store.engine.begin() as connection:
        assert migrate(connection) == []  # current: nothing to do


def test_the_seed_catalog_is_loaded_on_first_run_only(store, url, catalog_dir):
    expected = sorted(e.id for e in load_exercises(catalog_dir))
    assert [e.id for e in store.exercises()] == expected
    assert store.exercises() == load_exercises(catalog_dir)  # the documents round-trip exactly
    first = store.history()
    assert sorted(e.exercise_id for e in first) == expected
    assert {(e.action, e.who, e.source) for e in first} == {("seed-load", "catalog", "data/catalog")}
    again = Store.open(url, catalog_dir=catalog_dir)
    assert again.history() == first  # nothing reloaded


def test_a_changed_catalog_file_refreshes_its_untouched_seed_record(store, catalog_dir):
    path = catalog_dir / "interaction-2025.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["summary"] = "A revised summary, committed after review."
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert store.sync_seed() == ["interaction-2025"]
    assert store.get("interaction-2025").summary == "A revised summary, committed after review."
    assert store.history("interaction-2025")[0].action == "seed-update"


def test_an_analyst_edit_is_not_overwritten_by_a_later_catalog_change(store, catalog_dir):
    store.save(
        updates={"interaction-2025": lambda e: e.model_copy(update={"observers": ["ARM"]})},
        who="alice",
        source="https://example.org/a",
    )
    path = catalog_dir / "interaction-2025.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["summary"] = "A revised summary, committed after review."
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert store.sync_seed() == []
    assert store.seed_conflicts == ["interaction-2025"]
    assert store.get("interaction-2025").observers == ["ARM"]


# --- saving --------------------------------------------------------------------------------------


def test_save_records_who_when_and_source(store):
    result = store.save([_new_exercise("snap-check-2024")], who="Alice", source="https://example.org/a")
    assert result.created == ("snap-check-2024",)
    (entry,) = store.history("snap-check-2024")
    assert (entry.action, entry.who, entry.source, entry.version) == ("create", "Alice", "https://example.org/a", 1)
    assert entry.at.endswith("+00:00")
    assert store.exercises(origin="analyst") == [_new_exercise("snap-check-2024")]


def test_a_taken_id_gets_a_suffix(store):
    store.save([_new_exercise("interaction-2025", name="Another Interaction")], who="a", source="https://e.org/x")
    assert store.get("interaction-2025-2").name == "Another Interaction"
    assert store.get("interaction-2025").name == "Interaction-2025"


def test_save_is_one_transaction(store):
    before = (store.exercises(), store.history())

    def broken(exercise: Exercise) -> Exercise:
        msg = "the reviewer's merge failed"
        raise ValueError(msg)

    with pytest.raises(ValueError, match="merge failed"):
        store.save(
            [_new_exercise("snap-check-2024")],
            {"interaction-2025": lambda e: e.model_copy(update={"observers": ["ARM"]}), "zapad-2025": broken},
            who="alice",
            source="https://example.org/a",
        )
    assert (store.exercises(), store.history()) == before


@pytest.mark.parametrize(("who", "source"), [("", "https://e.org/a"), ("alice", ""), ("  ", "https://e.org/a")])
def test_save_needs_a_reviewer_and_a_source(store, who, source):
    with pytest.raises(StoreError):
        store.save([_new_exercise("snap-check-2024")], who=who, source=source)
    assert store.get("snap-check-2024") is None


def test_an_update_that_adds_nothing_is_recorded_as_a_confirmation(store):
    result = store.save(updates={"zapad-2025": lambda e: e}, who="bob", source="https://example.org/b")
    assert (result.updated, result.confirmed) == ((), ("zapad-2025",))
    entry = store.history("zapad-2025")[0]
    assert (entry.action, entry.who, entry.version) == ("confirm", "bob", 1)


def test_an_unknown_update_target_is_refused(store):
    with pytest.raises(StoreError, match="not in the store"):
        store.save(updates={"nope": lambda e: e}, who="bob", source="https://example.org/b")


# --- two processes, and a crash ---------------------------------------------------------------------


def _save_in_child(url: str, name: str, barrier, hold_s: float) -> None:
    store = Store.open(url, load_seed=False)
    barrier.wait(timeout=20)
    # Both children propose the same id: whichever commits second gets "-2".
    store.save(
        [_new_exercise("snap-2024", name=name)],
        who=name,
        source="https://example.org/p",
        on_before_commit=lambda: time.sleep(hold_s),
    )


def _add_observer_in_child(url: str, iso3: str, barrier) -> None:
    store = Store.open(url, load_seed=False)
    barrier.wait(timeout=20)

    def add(exercise: Exercise) -> Exercise:
        time.sleep(0.3)  # both read-modify-writes overlap unless the store serialises them
        return exercise.model_copy(update={"observers": [*exercise.observers, iso3]})

    store.save(updates={"interaction-2025": add}, who=iso3, source="https://example.org/p")


PG_URL = os.environ.get("DRILLMAP_TEST_POSTGRES_URL")


def _require_postgres() -> str:
    """Return the PostgreSQL test URL; in CI (which installs PostgreSQL) its absence is a failure."""
    if PG_URL:
        return PG_URL
    if os.environ.get("CI") == "true":
        pytest.fail(".ci/run must start PostgreSQL and set DRILLMAP_TEST_POSTGRES_URL")
    pytest.skip("set DRILLMAP_TEST_POSTGRES_URL (e.g. postgresql+psycopg://user@host/db) to test PostgreSQL")


def _reset_postgres(pg: str) -> None:
    """Drop every table of the PostgreSQL test database, after ending every other session on it.

    An earlier test's session can outlive it (a pooled connection not yet collected; a CI simulation saw a save
    still inserting audit rows when the next test dropped the tables, and PostgreSQL broke the deadlock by
    failing the drop). The sessions ended are printed, so such a leftover is named in the test's output.
    """
    engine = create_engine(pg)
    with engine.begin() as connection:
        ended = connection.execute(
            text(
                "SELECT pid, state, left(query, 120), pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).all()
        busy = [row for row in ended if row[1] not in (None, "idle")]
        if busy:
            print(f"_reset_postgres ended sessions still at work: {busy}", file=sys.stderr)
    with engine.begin() as connection:
        for table in ("audit", "exercises", "meta", "schema_version", "alembic_version", "sites", "nato_territory"):
            connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, url, catalog_dir) -> tuple[str, Store]:
    """A store two processes write to: SQLite always, PostgreSQL when DRILLMAP_TEST_POSTGRES_URL is set."""
    if request.param == "postgresql":
        pg = _require_postgres()
        _reset_postgres(pg)
        return pg, Store.open(pg, catalog_dir=catalog_dir)
    return url, Store.open(url, catalog_dir=catalog_dir)


def _run(processes) -> None:
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * len(processes)


def test_two_processes_saving_at_once_both_land(shared):
    url, store = shared
    barrier = FORK.Barrier(2)
    _run(
        [FORK.Process(target=_save_in_child, args=(url, name, barrier, 0.5)) for name in ("first-2024", "second-2024")]
    )
    saved = {e.id: e.name for e in store.exercises(origin="analyst")}
    assert set(saved) == {"snap-2024", "snap-2024-2"}
    assert sorted(saved.values()) == ["first-2024", "second-2024"]
    assert {e.who for e in store.history() if e.action == "create"} == {"first-2024", "second-2024"}


def test_two_processes_updating_one_exercise_both_land(shared):
    url, store = shared
    barrier = FORK.Barrier(2)
    _run([FORK.Process(target=_add_observer_in_child, args=(url, iso3, barrier)) for iso3 in ("ARM", "SRB")])
    assert sorted(store.get("interaction-2025").observers) == ["ARM", "SRB"]
    assert [e.version for e in store.history("interaction-2025")][:2] == [3, 2]


def _slow_save_in_child(url: str, started) -> None:
    store = Store.open(url, load_seed=False)
    batch = [_new_exercise(f"doomed-{i}") for i in range(20)]

    def hang() -> None:
        started.set()
        time.sleep(60)  # killed here: every row is written, nothing is committed

    store.save(
        batch,
        {"interaction-2025": lambda e: e.model_copy(update={"observers": ["ARM"]})},
        who="x",
        source="https://e.org/x",
        on_before_commit=hang,
    )


def test_a_process_killed_mid_save_leaves_the_database_consistent(store, url):
    before = (store.exercises(), store.history())
    started = FORK.Event()
    child = FORK.Process(target=_slow_save_in_child, args=(url, started))
    child.start()
    assert started.wait(timeout=30), "the child never reached the commit"
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=10)
    assert child.exitcode == -signal.SIGKILL
    reopened = Store.open(url, catalog_dir=store.catalog_dir)
    with sqlite3.connect(_sqlite_file(url)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (reopened.exercises(), reopened.history()) == before
    reopened.save([_new_exercise("after-crash-2024")], who="alice", source="https://example.org/a")
    assert reopened.get("after-crash-2024") is not None


# --- export and the dashboard's view -------------------------------------------------------------


def test_export_round_trips_through_the_catalog_loader(store, tmp_path):
    store.save([_new_exercise("snap-check-2024")], who="alice", source="https://example.org/a")
    folder = tmp_path / "export"
    paths = store.export_yaml(folder)
    assert sorted(p.name for p in paths) == sorted(f"{e.id}.yaml" for e in store.exercises())
    for path in paths:
        assert load_exercise_file(path) == store.get(path.stem)
    assert load_exercises(folder) == store.exercises()
    only = store.export_yaml(tmp_path / "analyst", origin="analyst")
    assert [p.name for p in only] == ["snap-check-2024.yaml"]


HOSTILE_REVIEWER = "x\nobservers: [USA]\nalt_names: [evil]"


@pytest.mark.parametrize("breaker", ["\n", "\r", "\x85", "\u2028", "\u2029"])
def test_export_keeps_a_reviewer_name_with_line_breaks_in_the_comment(store, tmp_path, breaker):
    who = HOSTILE_REVIEWER.replace("\n", breaker)
    name = f"Snap{breaker}sites: []{breaker}check"  # the emitter must keep it, line breaks and all
    store.save([_new_exercise("snap-check-2024", name=name)], who="alice", source="https://example.org/a")
    with store.engine.begin() as connection:  # saves refuse such a name now; a record from before may hold one
        connection.execute(text("UPDATE exercises SET updated_by = :who"), {"who": who})
    (path,) = store.export_yaml(tmp_path / "export", origin="analyst")
    stored = store.get("snap-check-2024")
    written = path.read_text(encoding="utf-8")
    assert yaml.safe_load(written) == document(stored)  # exactly the stored exercise: no key added
    assert load_exercise_file(path) == stored
    comment = written[: written.index("\nid: ")].splitlines()
    assert all(line.startswith("# ") for line in comment)
    assert "observers" not in yaml.safe_load(written) and "alt_names" not in yaml.safe_load(written)


@pytest.mark.parametrize("who", ["x\nobservers: [USA]", "eve\x1b[2J", "mallory\u202e", "tab\there"])
def test_a_reviewer_name_with_control_characters_is_refused(store, who):
    with pytest.raises(StoreError, match="may not hold control characters or line breaks"):
        store.save([_new_exercise("snap-check-2024")], who=who, source="https://example.org/a")
    with pytest.raises(StoreError, match="may not hold control characters"):
        store.save([_new_exercise("snap-check-2024")], who="alice", source="https://example.org/\r\nx")
    assert store.get("snap-check-2024") is None


def test_info_prints_control_characters_as_escapes(url, monkeypatch, capsys):
    monkeypatch.setenv("DRILLMAP_DATABASE_URL", url)
    who = "x\x1b[2J\rforged by admin"
    source = "https://example.org/a\x1b]8;;http://evil.example\x07"
    store = open_store()  # the store `info` reads
    store.save([_new_exercise("snap-check-2024")], who="alice", source="https://example.org/a")
    with store.engine.begin() as connection:  # saves refuse such values now; records from before may hold them
        connection.execute(text("UPDATE audit SET who = :who, source = :source"), {"who": who, "source": source})
    assert store_cli(["info"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\r\x07")
    assert "by x\\x1b[2J\\rforged by admin  from https://example.org/a\\x1b]8;;http://evil.example\\x07" in out


def test_merge_with_catalog_prefers_the_store(store, catalog_dir):
    store.save(
        [_new_exercise("snap-check-2024")],
        {"zapad-2025": lambda e: e.model_copy(update={"observers": ["ARM"]})},
        who="a",
        source="https://e.org/a",
    )
    merged = merge_with_catalog(load_exercises(catalog_dir), store.exercises())
    assert [e.id for e in merged] == sorted([*(p.stem for p in catalog_dir.glob("*.yaml")), "snap-check-2024"])
    assert next(e for e in merged if e.id == "zapad-2025").observers == ["ARM"]


def test_store_exercises_uses_the_configured_home(monkeypatch, tmp_path):
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home2"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    exercises = store_exercises()
    assert (tmp_path / "home2" / settings.SQLITE_FILE_NAME).exists()
    assert {e.id for e in exercises} >= {"combat-brotherhood-2023", "interaction-2025"}
    assert open_store() is open_store()


def test_a_bad_database_url_is_one_clear_error(monkeypatch):
    with pytest.raises(StoreError, match="not a database URL"):
        Store.open("not a url at all")


def test_postgresql_store(catalog_dir):
    pg = _require_postgres()
    _reset_postgres(pg)
    store = Store.open(pg, catalog_dir=catalog_dir)
    assert store.schema_version() == CURRENT_VERSION
    store.save([_new_exercise("snap-check-2024")], who="alice", source="https://example.org/a")
    assert store.get("snap-check-2024") == _new_exercise("snap-check-2024")
