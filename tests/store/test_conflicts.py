"""Catalog files changed after an analyst changed the same record: listed at any time, resolved with a reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from geo.core import settings
from geo.store import Store, StoreError
from geo.store.__main__ import main as store_cli
from geo.store.conflicts import resolve_conflict, seed_conflicts

REVISED = "A revised summary, committed after review."


@pytest.fixture
def store(tmp_path: Path, catalog_dir: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'drillmap.sqlite3'}", catalog_dir=catalog_dir)


def _analyst_edit_then_catalog_change(store: Store, catalog_dir: Path) -> None:
    store.save(
        updates={"interaction-2025": lambda e: e.model_copy(update={"observers": ["ARM"]})},
        who="alice",
        source="https://example.org/a",
    )
    path = catalog_dir / "interaction-2025.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["summary"] = REVISED
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    store.sync_seed()


def test_a_conflict_is_listed_on_every_open_not_only_by_the_sync_that_met_it(store, catalog_dir, tmp_path):
    assert seed_conflicts(store) == []
    _analyst_edit_then_catalog_change(store, catalog_dir)
    reopened = Store.open(store.url, catalog_dir=catalog_dir)  # a new process: nothing in memory
    (conflict,) = seed_conflicts(reopened)
    assert conflict.exercise_id == "interaction-2025" and conflict.edited_by == "alice"
    assert set(conflict.fields) == {"observers", "summary"}
    assert conflict.catalog.summary == REVISED and conflict.stored.observers == ["ARM"]
    assert reopened.get("interaction-2025").observers == ["ARM"]  # the analyst's record is what faces show


def test_taking_the_catalog_version_is_audited_with_who_and_why(store, catalog_dir):
    _analyst_edit_then_catalog_change(store, catalog_dir)
    resolve_conflict(store, "interaction-2025", "take-catalog", who="admin", reason="the YAML was re-reviewed")
    record = store.get("interaction-2025")
    assert record.summary == REVISED and record.observers == []
    assert seed_conflicts(store) == []
    entry = store.history("interaction-2025")[0]
    assert (entry.action, entry.who) == ("resolve-take-catalog", "admin")


def test_keeping_the_analysts_record_settles_this_catalog_version_only(store, catalog_dir):
    _analyst_edit_then_catalog_change(store, catalog_dir)
    resolve_conflict(store, "interaction-2025", "keep-store", who="admin", reason="Armenia observed: cited")
    assert store.get("interaction-2025").observers == ["ARM"]
    assert seed_conflicts(store) == []
    assert store.history("interaction-2025")[0].action == "resolve-keep-store"
    path = catalog_dir / "interaction-2025.yaml"  # the file changes again: a new conflict
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["summary"] = REVISED + " Again."
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    store.sync_seed()
    assert [c.exercise_id for c in seed_conflicts(store)] == ["interaction-2025"]


@pytest.mark.parametrize(
    ("exercise_id", "who", "reason", "message"),
    [
        ("interaction-2025", "admin", "  ", "say why"),
        ("interaction-2025", "admin", "two\nlines", "one line"),
        ("interaction-2025", "", "fine", "name of who"),
        ("combat-brotherhood-2023", "admin", "fine", "no catalog conflict"),
    ],
)
def test_a_bad_resolution_is_one_message_and_writes_nothing(store, catalog_dir, exercise_id, who, reason, message):
    _analyst_edit_then_catalog_change(store, catalog_dir)
    revision = store.revision()
    with pytest.raises(StoreError, match=message):
        resolve_conflict(store, exercise_id, "take-catalog", who=who, reason=reason)
    assert store.revision() == revision


def test_the_cli_lists_and_resolves_conflicts(store, catalog_dir, monkeypatch, capsys):
    _analyst_edit_then_catalog_change(store, catalog_dir)
    monkeypatch.setenv("DRILLMAP_DATABASE_URL", store.url)
    monkeypatch.setattr(settings, "CATALOG_DIR", catalog_dir)
    assert store_cli(["conflicts"]) == 0
    assert "interaction-2025: differs in observers, summary; stored record changed by alice" in capsys.readouterr().out
    assert store_cli(["resolve", "interaction-2025", "take-catalog", "--who", "admin", "--reason", "checked"]) == 0
    assert store_cli(["resolve", "interaction-2025", "take-catalog", "--who", "admin", "--reason", "again"]) == 2
    assert "error: 'interaction-2025' has no catalog conflict" in capsys.readouterr().err


def test_the_sources_page_shows_a_conflict_and_an_admin_resolves_it(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from geo.store.repository import open_store

    catalog = tmp_path / "full-catalog"
    shutil.copytree(settings.CATALOG_DIR, catalog)
    url = f"sqlite:///{tmp_path / 'page.sqlite3'}"
    monkeypatch.setattr(settings, "CATALOG_DIR", catalog)
    monkeypatch.setenv("DRILLMAP_DATABASE_URL", url)
    monkeypatch.setenv("DRILLMAP_SINGLE_USER", "1")  # a laptop: the one user is the admin
    _analyst_edit_then_catalog_change(open_store(url), catalog)

    root = Path(__file__).resolve().parents[2]
    # The page script itself: AppTest does not deliver a form's submit after st.navigation's switch_page.
    at = AppTest.from_file(str(root / "pages" / "4_sources.py"), default_timeout=120).run()
    assert not at.exception
    assert "### Catalog changes waiting for a decision (1)" in [m.value for m in at.markdown]
    (panel,) = [e for e in at.expander if "Interaction" in e.label]  # the label is Markdown-escaped
    assert "differs in observers, summary" in panel.label
    at.session_state["reviewer"] = "Admin on a laptop"
    at.radio(key="conflict-interaction-2025-choice").set_value("take-catalog")
    at.text_input(key="conflict-interaction-2025-reason").input("the YAML was re-reviewed")
    at.button[[b.label for b in at.button].index("Resolve")].click().run()
    assert not at.error, [e.value for e in at.error]
    assert [s.value.startswith("Resolved: take the catalog file's version") for s in at.success] == [True]
    assert open_store(url).get("interaction-2025").summary == REVISED
    assert open_store(url).history("interaction-2025")[0].who == "Admin on a laptop"
