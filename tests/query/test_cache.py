"""The derived-catalog cache: exact, never stale, shared by processes, safe when files break or race."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from geopandas.testing import assert_geodataframe_equal

import geo.query.known as known
from geo.catalog.sites import sites_frame
from geo.core import settings
from geo.core.settings import ROOT
from geo.query import cache


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private DRILLMAP_HOME (store and cache) and a private copy of the catalog."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    catalog = tmp_path / "catalog"
    shutil.copytree(settings.CATALOG_DIR, catalog)
    known._CACHE.clear()
    yield catalog
    known._CACHE.clear()


def _cache_files() -> list[str]:
    return sorted(p.name for p in cache.cache_dir().glob("sites-*.pickle"))


def test_a_read_frame_equals_the_built_one():
    built = sites_frame()
    cache.write_sites("roundtrip", built, catalog_problems=("x.yaml: broken",))
    frame, problems = cache.read_sites("roundtrip")
    assert_geodataframe_equal(frame, built, check_dtype=True, check_index_type=True, check_crs=True)
    assert list(frame.columns) == list(built.columns)
    assert frame.dtypes.to_dict() == built.dtypes.to_dict()
    for column in built.columns.drop("geometry"):  # lists, mappings, dates: the same Python values
        assert frame[column].equals(built[column]), column
    assert problems == ("x.yaml: broken",)


_READ_ONLY_SCRIPT = """
import sys
from geo.query import cache
frame, _ = cache.read_sites(sys.argv[1])
print(len(frame), "pyarrow.parquet" in sys.modules, "pyogrio" in sys.modules, "fiona" in sys.modules)
"""


def test_reading_the_cache_loads_no_parquet_or_gdal(home):
    # pandas imports pyarrow itself (its string dtype); its Parquet reader and memory pool (~40 MB) stay out.
    built = sites_frame()
    cache.write_sites("lean", built)
    done = subprocess.run(
        [sys.executable, "-c", _READ_ONLY_SCRIPT, "lean"],
        cwd=ROOT, env=os.environ, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert done.stdout.split() == [str(len(built)), "False", "False", "False"]


def test_a_file_that_is_not_a_cache_pickle_is_dropped_unread(home):
    cache.write_sites("other", sites_frame([]))
    path = cache.cache_dir() / "sites-other.pickle"
    path.write_bytes(pickle.dumps({"header": "something else"}, protocol=5))
    assert cache.read_sites("other") is None and not path.exists()


def test_an_empty_frame_round_trips():
    empty = sites_frame([])
    cache.write_sites("empty", empty)
    back, _ = cache.read_sites("empty")
    assert back.empty and list(back.columns) == list(empty.columns)


def test_the_next_call_is_served_from_disk(home, monkeypatch):
    first = known.known_sites(catalog_dir=home)
    assert len(_cache_files()) == 1
    known._CACHE.clear()  # a new process: nothing in memory
    monkeypatch.setattr(known, "_build", lambda *a: pytest.fail("rebuilt although the cache is current"))
    assert_geodataframe_equal(known.known_sites(catalog_dir=home).sites, first.sites)


def test_an_edited_catalog_file_is_seen_by_the_next_call(home):
    before = known.known_sites(catalog_dir=home).sites
    path = home / "zapad-2021.yaml"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    # Same length, same modification time: only the content says it changed.
    path.write_text(text.replace("name: Zapad-2021", "name: Zapad-2O21", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = known.known_sites(catalog_dir=home).sites
    assert "Zapad-2021" in set(before["exercise_name"]) and "Zapad-2O21" in set(after["exercise_name"])


def test_another_process_sees_the_edit(home):
    env = {**os.environ, "DRILLMAP_CATALOG_DIR": str(home)}

    def names() -> set[str]:
        done = subprocess.run(
            [sys.executable, "-m", "geo", "catalog", "--format", "geojson"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        return {f["properties"]["exercise_name"] for f in json.loads(done.stdout)["features"]}

    assert "Zapad-2021" in names()
    path = home / "zapad-2021.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Zapad-2021", "name: Zapad 2021 (edited)", 1))
    assert "Zapad 2021 (edited)" in names()


def test_a_saved_exercise_changes_the_key(home):
    known.known_sites(catalog_dir=home)
    url = settings.database_url()
    revision, _ = known.store_revision(url)
    assert cache.cache_key(home, url, revision) != cache.cache_key(home, url, (revision or 0) + 1)


def test_a_broken_cache_file_is_rebuilt(home):
    first = known.known_sites(catalog_dir=home).sites
    (path,) = cache.cache_dir().glob("sites-*.pickle")
    path.write_bytes(b"not a cache file")
    known._CACHE.clear()
    assert_geodataframe_equal(known.known_sites(catalog_dir=home).sites, first)
    assert path.read_bytes().startswith(b"\x80\x05")  # rewritten


def test_concurrent_first_builds_all_succeed(home):
    """Four threads miss at once: each builds, each write replaces atomically, all get the same frame."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        frames = list(pool.map(lambda _: known._build(home, settings.database_url()).sites, range(4)))
    for frame in frames[1:]:
        assert_geodataframe_equal(frame, frames[0])
    assert len(_cache_files()) == 1
    assert not list(cache.cache_dir().glob(".sites-*"))  # no temporary file left behind


def test_old_files_are_pruned(home):
    frame = sites_frame([])
    for i in range(cache.KEEP_FILES + 3):
        cache.write_sites(f"k{i}", frame)
    assert len(_cache_files()) == cache.KEEP_FILES


def test_a_broken_catalog_file_is_named_and_the_rest_is_shown(home):
    (home / "zapad-2021.yaml").write_text("id: zapad-2021\nname: [unclosed", encoding="utf-8")
    answer = known.known_sites(catalog_dir=home)
    (problem,) = answer.catalog_problems
    assert problem.startswith("zapad-2021.yaml: cannot read catalog file")
    assert "zapad-2017" in set(answer.sites["exercise_id"])  # the rest of the catalog
    assert answer.notices[0].startswith("catalog file zapad-2021.yaml") and "the rest" in answer.notices[0]
    known._CACHE.clear()  # a cached answer names the broken file too
    assert known.known_sites(catalog_dir=home).catalog_problems == (problem,)


def test_a_build_in_a_child_process_gives_the_same_frame_and_fills_the_disk_cache(home, monkeypatch):
    in_child = {}
    real_child = known._build_in_child
    monkeypatch.setattr(known, "_build_in_child", lambda *a: in_child.setdefault("ok", real_child(*a)))
    monkeypatch.setattr(known, "_build", lambda *a: pytest.fail("built in the server process"))
    served = known.known_sites(catalog_dir=home, build_in_child=True)
    assert in_child == {"ok": True}
    assert len(_cache_files()) == 1
    assert_geodataframe_equal(served.sites, sites_frame())


def test_a_failed_child_build_falls_back_to_building_here(home, monkeypatch):
    monkeypatch.setattr(known, "_CHILD_SCRIPT", "raise SystemExit(3)")
    served = known.known_sites(catalog_dir=home, build_in_child=True)
    assert_geodataframe_equal(served.sites, sites_frame())


_SERVER_SCRIPT = """
import sys
from pathlib import Path
from geo.query.known import known_sites
known = known_sites(build_in_child=True)
print(len(known.sites), known.store_revision is not None, known.store_problem)
print(sorted(m for m in ("sqlalchemy", "alembic", "geoalchemy2", "pyarrow.parquet") if m in sys.modules))
"""


def test_a_server_on_a_fresh_home_loads_no_database_library(tmp_path):
    """The store is created in the child that builds the frame; the server reads its revision with sqlite3."""
    env = {**os.environ, "DRILLMAP_HOME": str(tmp_path / "home")}
    env.pop("DRILLMAP_DATABASE_URL", None)
    for _ in range(2):  # a new home, then a second server process on the same home
        done = subprocess.run(
            [sys.executable, "-c", _SERVER_SCRIPT],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True,
        )  # fmt: skip
        sizes, modules = done.stdout.splitlines()
        assert sizes == f"{len(sites_frame())} True None"
        assert modules == "[]"
