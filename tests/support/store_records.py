"""Exercises to save in a test store, and the SQLite file behind a store URL (``tests/store``, ``tests/security``)."""

from __future__ import annotations

from geo.catalog.schema import Exercise


def new_exercise(exercise_id: str, *, name: str | None = None, participants: tuple[str, ...] = ("BLR",)) -> Exercise:
    """Return a small valid exercise (one site, one citation) with this id, as an analyst would save it."""
    return Exercise.model_validate(
        {
            "id": exercise_id,
            "name": name or exercise_id.replace("-", " ").title(),
            "alliance": "national",
            "start": "2024-05-02",
            "date_precision": "day",
            "participants": list(participants),
            "summary": "A snap readiness check reported by a test article.",
            "sites": [{"place": "the Brest region", "cite": ["c1"]}],
            "citations": {
                "c1": {"source": "https://example.org/a", "quote": "Belarus held a snap check in the Brest region."}
            },
            "evidence": {"name": ["c1"], "alliance": ["c1"], "dates": ["c1"], "participants": ["c1"]},
        }
    )


def sqlite_file(url: str) -> str:
    """Return the path of the database file of a ``sqlite:///PATH`` URL."""
    return url.removeprefix("sqlite:///")
