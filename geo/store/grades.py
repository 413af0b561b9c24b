"""An analyst's Admiralty grade of one citation, written through the store and audited (before and after).

The grade is an assessment of a source, not a fact of the exercise, so an editor may set it on any record,
curated ones included; the audit record names the citation and its grade before and after
(:func:`geo.core.grading.grade_changes`). Rules of grades: :mod:`geo.core.grading`.
"""

from __future__ import annotations

from geo.catalog.schema import Exercise
from geo.core.grading import check_credibility, check_reliability
from geo.store.engine import StoreError
from geo.store.repository import SaveResult, Store


def grade_citation(
    store: Store,
    exercise_id: str,
    citation_id: str,
    *,
    reliability: str | None,
    credibility: int | None,
    who: str,
) -> SaveResult:
    """Set (or clear, with None) a citation's own grade; the outlet default applies to a cleared part.

    Parameters
    ----------
    store
        The analysts' store.
    exercise_id, citation_id
        The exercise and the id of its citation.
    reliability, credibility
        ``A``–``F`` and ``1``–``6``, each None for "not graded by the analyst".
    who
        The reviewer (recorded in the audit log).

    Returns
    -------
    SaveResult
        The save; its audit record's ``grades`` hold the change (unchanged: the audit says ``confirm``).

    Raises
    ------
    StoreError
        If the exercise or citation is unknown, a grade is not Admiralty, or the store refuses the write.
    """
    try:
        rel, cred = check_reliability(reliability), check_credibility(credibility)
    except ValueError as exc:
        raise StoreError(str(exc)) from exc
    current = store.get(exercise_id)
    if current is None or citation_id not in current.citations:
        msg = f"no citation {citation_id!r} in exercise {exercise_id!r} of the store"
        raise StoreError(msg)

    def update(exercise: Exercise) -> Exercise:
        if citation_id not in exercise.citations:  # removed by another reviewer meanwhile
            msg = f"no citation {citation_id!r} in exercise {exercise_id!r} of the store"
            raise StoreError(msg)
        data = exercise.model_dump()
        data["citations"][citation_id].update(reliability=rel, credibility=cred)
        return Exercise.model_validate(data)

    return store.save(updates={exercise_id: update}, who=who, source=current.citations[citation_id].source)
