"""Field lengths the store keeps, checked before a write so that SQLite and PostgreSQL say the same thing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from geo.catalog.schema import Exercise
from geo.core.text import has_controls
from geo.store.engine import StoreError
from geo.store.models import ExerciseRow


def _column_length(column: Any) -> int:
    length: int = column.property.columns[0].type.length
    return length


def check_lengths(who: str, exercises: Sequence[Exercise]) -> None:
    """Refuse values longer than their columns, with one message, the same on SQLite and PostgreSQL.

    SQLite stores any length; PostgreSQL rejects the whole transaction with a ``DataError``. Checking
    first makes both say the same thing and write nothing.
    """
    limits = (
        ("reviewer name", who, _column_length(ExerciseRow.updated_by)),
        *((f"exercise id {e.id[:40]!r}…", e.id, _column_length(ExerciseRow.id)) for e in exercises),
        *((f"name of {e.id[:40]!r}", e.name, _column_length(ExerciseRow.name)) for e in exercises),
    )
    for what, value, limit in limits:
        if len(value) > limit:
            msg = f"the {what} is {len(value)} characters long; the store keeps at most {limit}"
            raise StoreError(msg)


def check_plain_text(who: str, source: str | Mapping[str, str]) -> None:
    """Refuse a reviewer name or source holding control characters or line breaks (one message, nothing written).

    Both are recorded in the audit and printed by ``python -m geo.store info``: an ESC sequence or a line
    break in them could forge or hide an audit line.
    """
    sources = [source] if isinstance(source, str) else list(source.values())
    if has_controls(who) or any(has_controls(s) for s in sources):
        msg = "the reviewer name and the source may not hold control characters or line breaks"
        raise StoreError(msg)
