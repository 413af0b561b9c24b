"""An analyst's grade of a citation: written through the store, audited with the grade before and after."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.core.grading import effective_grade
from geo.store import Store, StoreError
from geo.store.grades import grade_citation


@pytest.fixture
def store(tmp_path: Path, catalog_dir: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'drillmap.sqlite3'}", catalog_dir=catalog_dir)


def _first_citation(store: Store) -> tuple[str, str]:
    exercise = store.get("zapad-2025")
    assert exercise is not None
    return "zapad-2025", next(iter(exercise.citations))


def test_a_grade_override_is_saved_and_audited_with_before_and_after(store):
    ex_id, cid = _first_citation(store)
    revision = store.revision()
    grade_citation(store, ex_id, cid, reliability="b", credibility=2, who="Analyst A")
    citation = store.get(ex_id).citations[cid]  # type: ignore[union-attr]
    assert (citation.reliability, citation.credibility) == ("B", 2)
    assert effective_grade(citation.model_dump()).code == "B2"
    entry = store.history(ex_id, limit=1)[0]
    assert (entry.action, entry.who, entry.source) == ("update", "Analyst A", citation.source)
    assert entry.fields == ("citations",)
    assert entry.grades == {cid: {"before": "not graded", "after": "B2"}}
    assert store.revision() > revision  # every face (known_sites' cache key) sees the new grade

    grade_citation(store, ex_id, cid, reliability=None, credibility=4, who="Analyst B")
    assert store.history(ex_id, limit=1)[0].grades == {cid: {"before": "B2", "after": "-4"}}


def test_the_same_grade_again_is_a_confirm_without_grade_change(store):
    ex_id, cid = _first_citation(store)
    grade_citation(store, ex_id, cid, reliability="C", credibility=3, who="Analyst A")
    grade_citation(store, ex_id, cid, reliability="C", credibility=3, who="Analyst A")
    entry = store.history(ex_id, limit=1)[0]
    assert (entry.action, entry.grades) == ("confirm", {})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"reliability": "G", "credibility": 2}, "reliability 'G' is not an Admiralty letter"),
        ({"reliability": "B", "credibility": 9}, "credibility 9 is not an Admiralty digit"),
    ],
)
def test_a_bad_grade_writes_nothing(store, args, message):
    ex_id, cid = _first_citation(store)
    revision = store.revision()
    with pytest.raises(StoreError, match=message):
        grade_citation(store, ex_id, cid, who="Analyst A", **args)
    assert store.revision() == revision


def test_an_unknown_citation_is_refused(store):
    with pytest.raises(StoreError, match="no citation 'nope' in exercise 'zapad-2025'"):
        grade_citation(store, "zapad-2025", "nope", reliability="B", credibility=2, who="Analyst A")
