"""Prepared structures (the geocoder's name indexes): built once, read back by the next process, never stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from geo.core import derived, settings
from geo.core.settings import ROOT


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private DRILLMAP_HOME (the cache) and a private data folder with one file."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "data"
    (folder / "places").mkdir(parents=True)
    (folder / "places" / "names.csv").write_text("name\nMinsk\n", encoding="utf-8")
    monkeypatch.setattr(settings, "DATA_DIR", folder)
    monkeypatch.setattr(settings, "CATALOG_DIR", folder / "catalog")
    return folder


def _names() -> list[str]:
    return (settings.DATA_DIR / "places" / "names.csv").read_text(encoding="utf-8").split()[1:]


def test_the_next_call_is_served_from_disk(data):
    assert derived.prepared("names", _names) == ["Minsk"]
    assert len(list(derived.cache_dir().glob("names-*.json"))) == 1
    assert derived.prepared("names", lambda: pytest.fail("rebuilt although the data did not change")) == ["Minsk"]


def test_an_edited_data_file_is_seen_by_the_next_call(data):
    assert derived.prepared("names", _names) == ["Minsk"]
    (data / "places" / "names.csv").write_text("name\nMinsk\nHrodna\n", encoding="utf-8")
    assert derived.prepared("names", _names) == ["Minsk", "Hrodna"]


def test_a_changed_setting_changes_the_key(data, monkeypatch):
    before = derived.prepared_key()
    monkeypatch.setenv("DRILLMAP_FUZZY_MIN_SCORE", "80")
    assert derived.prepared_key() != before


def test_a_broken_file_is_rebuilt(data):
    derived.prepared("names", _names)
    (path,) = derived.cache_dir().glob("names-*.json")
    path.write_text('["half', encoding="utf-8")
    assert derived.prepared("names", _names) == ["Minsk"]
    assert json.loads(path.read_text(encoding="utf-8")) == ["Minsk"]


def test_old_files_are_pruned(data):
    for i in range(derived.KEEP_FILES + 2):
        (data / "places" / "names.csv").write_text(f"name\nMinsk{i}\n", encoding="utf-8")
        derived.prepared("names", _names)
    assert len(list(derived.cache_dir().glob("names-*.json"))) == derived.KEEP_FILES
    assert not list(derived.cache_dir().glob(".names-*"))  # no temporary file left behind


def test_the_geocoder_sees_an_edited_gazetteer_in_the_next_process(tmp_path):
    """The town index is prepared on disk; a name added to gazetteer.csv resolves in the next process."""
    folder = tmp_path / "data"
    for part in ("places", "reference", "membership"):
        shutil.copytree(settings.DATA_DIR / part, folder / part)
    env = {**os.environ, "DRILLMAP_HOME": str(tmp_path / "home"), "DRILLMAP_DATA_DIR": str(folder)}

    def geocode(phrase: str) -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-m", "geo", "geocode", phrase, "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        result: dict[str, object] = json.loads(done.stdout)
        return result

    assert geocode("Drillmapville")["status"] == "unresolved"
    assert list((tmp_path / "home" / "cache").glob("town_index-*.json"))
    gazetteer = folder / "places" / "gazetteer.csv"
    gazetteer.write_text(
        gazetteer.read_text(encoding="utf-8").replace(
            "625144,Minsk,53.90019,27.56653,BY,BY-HM,1742124,MSQ|",
            "625144,Minsk,53.90019,27.56653,BY,BY-HM,1742124,Drillmapville|MSQ|",
            1,
        ),
        encoding="utf-8",
    )
    found = geocode("Drillmapville")
    assert found["status"] == "resolved" and found["gazetteer_id"] == "geonames:625144"


def test_a_memo_is_read_back_by_the_next_process(data):
    first = derived.Memo("shapes")
    assert first.get("a") is None
    first.put("a", "0101")
    first.save()
    again = derived.Memo("shapes")  # a new process: only the file
    assert again.get("a") == "0101"
    assert again.get("b") is None


def test_a_memo_of_other_data_is_another_file(data):
    first = derived.Memo("shapes")
    first.put("a", "0101")
    first.save()
    (data / "places" / "names.csv").write_text("name\nHrodna\n", encoding="utf-8")
    assert derived.Memo("shapes").get("a") is None
    assert len(list(derived.cache_dir().glob("shapes-*.json"))) == 1  # nothing added: nothing written


def test_a_memo_keeps_what_this_process_used_first(data):
    memo = derived.Memo("shapes", max_entries=2)
    for key in "abc":
        memo.put(key, key)
    memo.save()
    kept = derived.Memo("shapes")
    assert [k for k in "abc" if kept.get(k) is not None] == ["a", "b", "c"]  # all used now: all kept
    later = derived.Memo("shapes", max_entries=2)
    later.get("c")
    later.put("d", "d")
    later.save()
    assert {k for k in "abcd" if derived.Memo("shapes").get(k) is not None} == {"c", "d"}
