"""The store's revision read without SQLAlchemy: the same number as opening the store, or None."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from geo.catalog.fingerprint import catalog_hash
from geo.store import Store
from geo.store.migrations import HEAD
from geo.store.quick import head_revision, quick_revision
from tests.support.store_records import new_exercise
from tests.support.store_records import sqlite_file as _sqlite_file


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'home' / 'drillmap.sqlite3'}"


def test_the_newest_migration_file_is_alembic_s_head():
    assert head_revision() == HEAD


def test_a_current_store_gives_the_opened_store_s_revision(url, catalog_dir):
    store = Store.open(url, catalog_dir=catalog_dir)
    assert quick_revision(url, catalog_hash(catalog_dir)) == store.revision()
    store.save([new_exercise("quick-check-2024")], who="tester", source="test")
    assert quick_revision(url, catalog_hash(catalog_dir)) == store.revision()


def test_anything_else_is_left_to_opening_the_store(url, catalog_dir, tmp_path):
    assert quick_revision(url, catalog_hash(catalog_dir)) is None  # no database yet
    Store.open(url, catalog_dir=catalog_dir)
    assert quick_revision(url, "another catalog") is None  # opening would load the changed catalog
    assert quick_revision("postgresql+psycopg://u@h/db", catalog_hash(catalog_dir)) is None
    with sqlite3.connect(_sqlite_file(url)) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001'")
    assert quick_revision(url, catalog_hash(catalog_dir)) is None  # an older schema: opening migrates it
