"""Bad values get one clear message and write nothing, the same on SQLite and PostgreSQL; first opens race safely."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from geo.core.errors import SettingsError
from geo.core.settings import setting
from geo.store import CURRENT_VERSION, Store, StoreError
from geo.store.migrations import HEAD
from geo.store.sites import site_geometries, sync_sites
from tests.store.conftest import SEED_FILES
from tests.store.test_store import FORK, _new_exercise, _require_postgres, _reset_postgres, _run


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, catalog_dir) -> Store:
    if request.param == "postgresql":
        pg = _require_postgres()
        _reset_postgres(pg)
        return Store.open(pg, catalog_dir=catalog_dir)
    return Store.open(f"sqlite:///{tmp_path / 'drillmap.sqlite3'}", catalog_dir=catalog_dir)


@pytest.mark.parametrize(
    ("who", "name", "message"),
    [
        ("x" * 121, None, "reviewer name is 121 characters long; the store keeps at most 120"),
        ("alice", "A" * 301, "name of 'snap-check-2024' is 301 characters long; the store keeps at most 300"),
    ],
)
def test_overlong_values_are_refused_before_writing(store, who, name, message):
    before = store.exercises()
    with pytest.raises(StoreError, match=message):
        store.save([_new_exercise("snap-check-2024", name=name)], who=who, source="https://example.org/a")
    assert store.exercises() == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@host/db", "does not support"),
        ("oracle+cx_oracle://user@host/db", "does not support"),
        ("postgresql+nosuchdriver://user@host/db", "postgresql"),
    ],
)
def test_an_unsupported_database_is_one_clear_error(url, message):
    with pytest.raises(StoreError, match=message):
        Store.open(url)


def test_export_into_a_file_or_a_special_folder_is_one_clear_error(store, tmp_path):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("x")
    with pytest.raises(StoreError, match=r"cannot write the catalog files to .*a-file"):
        store.export_yaml(in_the_way)
    with pytest.raises(StoreError, match="cannot write the catalog files to '/proc/sys/no-such-folder'"):
        store.export_yaml(Path("/proc/sys/no-such-folder"))


@pytest.mark.parametrize("raw", ["abc", "-5", "nan", "inf", ""])
def test_a_bad_numeric_setting_is_one_clear_error(monkeypatch, raw):
    monkeypatch.setenv("DRILLMAP_BORDER_STRIP_DEPTH_KM", raw)
    with pytest.raises(SettingsError, match="DRILLMAP_BORDER_STRIP_DEPTH_KM must be a non-negative number"):
        setting("border_strip_depth_km")


def _open_in_child(url: str, catalog_dir: Path, barrier) -> None:
    barrier.wait(timeout=30)
    store = Store.open(url, catalog_dir=catalog_dir)
    assert {e.id for e in store.exercises()} >= {"zapad-2025"}
    sync_sites(store.engine)  # the first one geocodes, the others find the rows made


def test_eight_processes_opening_a_new_postgis_database_at_once(catalog_dir):
    """Migrations, seed and site geometries take turns (an advisory lock): 8 first opens, 0 errors."""
    pg = _require_postgres()
    _reset_postgres(pg)
    barrier = FORK.Barrier(8)
    _run([FORK.Process(target=_open_in_child, args=(pg, catalog_dir, barrier)) for _ in range(8)])
    store = Store.open(pg, catalog_dir=catalog_dir)
    assert len(store.exercises()) == len(SEED_FILES)
    assert store.schema_version() == CURRENT_VERSION
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [(HEAD,)]
        seeded = connection.execute(text("SELECT count(*) FROM audit WHERE action = 'seed-load'")).scalar()
    assert seeded == len(SEED_FILES)  # loaded once, not once per process
    assert sync_sites(store.engine) == []
    expected = {(e.id, i) for e in store.exercises() for i in range(len(e.sites))}
    assert set(site_geometries(store.engine)) == expected
