"""The store's audit log: what each change records, and the ONE reading of it ("what changed").

Every write of the store adds an :class:`~geo.store.models.AuditRow` whose ``detail`` is made here
(:func:`change_detail`): the fields that changed and their values before and after. Records written before
values were kept name the fields only; they are read back as such (:attr:`Change.values_recorded` False),
never with invented values. The dashboard's "What changed" page and ``python -m geo changes`` both call
:func:`audit_changes`, and flatten it with :func:`change_rows`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Engine, RowMapping, func, select

from geo.core.text import csv_cell
from geo.store.engine import reading
from geo.store.models import AuditRow

__all__ = [
    "NOT_SET",
    "Change",
    "FieldChange",
    "audit_changes",
    "change_detail",
    "change_rows",
    "changes_csv",
    "reviewers",
    "value_text",
]

#: How a field that was not set (left at its default) reads.
NOT_SET: Final = "(not set)"
#: Actions of loading the seed catalog (``catalog`` is the author; the values are the catalog files').
SEED_ACTIONS: Final = ("seed-load",)


def change_detail(before: dict[str, Any] | None, after: dict[str, Any], *, values: bool = True) -> dict[str, Any]:
    """Return an audit record's detail: the fields changed and, with ``values``, their values before and after.

    Parameters
    ----------
    before
        The stored document before the change (None for a new record).
    after
        The document after it.
    values
        Keep the values (False: the field names only, as for a seed load, whose values are the catalog's).

    Returns
    -------
    dict
        ``{"fields": [...], "before": {field: value}, "after": {field: value}}``; a field missing from
        ``before`` or ``after`` was not set (documents leave defaults out).
    """
    if before is None:
        fields = sorted(after)
    else:
        fields = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if not values:
        return {"fields": fields}
    old = before or {}
    return {
        "fields": fields,
        "before": {k: old[k] for k in fields if k in old},
        "after": {k: after[k] for k in fields if k in after},
    }


def value_text(value: Any, *, is_set: bool = True) -> str:
    """Return a recorded value as plain text: text as it is, anything else as JSON, :data:`NOT_SET` when unset."""
    if not is_set:
        return NOT_SET
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: its value before and after (``*_set`` False: the field was not set)."""

    field: str
    before: Any
    after: Any
    before_set: bool
    after_set: bool

    @property
    def before_text(self) -> str:
        """The value before, as text (:func:`value_text`)."""
        return value_text(self.before, is_set=self.before_set)

    @property
    def after_text(self) -> str:
        """The value after, as text (:func:`value_text`)."""
        return value_text(self.after, is_set=self.after_set)


@dataclass(frozen=True)
class Change:
    """One audit record: who changed which exercise, when (UTC, ISO 8601), how, from which source, and what.

    ``values`` holds each changed field's values when they were recorded (``values_recorded``); older records
    name the fields only. ``reason`` is the reason an admin gave when settling a catalog conflict.
    """

    id: int
    at: str
    who: str
    action: str
    exercise_id: str
    version: int
    source: str
    fields: tuple[str, ...]
    values_recorded: bool
    values: tuple[FieldChange, ...]
    reason: str | None = None

    @property
    def fields_text(self) -> str:
        """The fields changed, and whether their values were recorded, in one line."""
        if not self.fields:
            return "no field changed (the source confirms the record as stored)"
        listed = ", ".join(self.fields)
        if self.values_recorded:
            return listed
        if self.action in SEED_ACTIONS:
            return f"fields: {listed}; the values loaded are the catalog file's ({self.source})"
        return f"fields: {listed}, values not recorded"


def _change(row: RowMapping) -> Change:
    detail = row["detail"] or {}
    fields = tuple(str(f) for f in detail.get("fields", []))
    recorded = "before" in detail and "after" in detail
    before, after = detail.get("before") or {}, detail.get("after") or {}
    values = tuple(FieldChange(f, before.get(f), after.get(f), f in before, f in after) for f in fields if recorded)
    reason = detail.get("reason")
    return Change(
        row["id"],
        row["at"],
        row["who"],
        row["action"],
        row["exercise_id"],
        row["version"],
        row["source"],
        fields,
        recorded,
        values,
        str(reason) if reason else None,
    )


def audit_changes(
    engine: Engine,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    who: str | None = None,
    exercise_id: str | None = None,
    include_seed: bool = True,
    limit: int = 5000,
) -> list[Change]:
    """Return the audit records that match, newest first.

    Parameters
    ----------
    engine
        The store's engine (:attr:`geo.store.repository.Store.engine`).
    since, until
        First and last day (UTC, inclusive) of the changes wanted; None: no bound.
    who
        Only changes by this reviewer (case-insensitive, the whole name).
    exercise_id
        Only changes of this exercise.
    include_seed
        False leaves out the loading of the seed catalog (``seed-load``, by ``catalog``).
    limit
        At most this many records (the newest).
    """
    query = select(AuditRow.__table__).order_by(AuditRow.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditRow.at >= since.isoformat())
    if until is not None:
        query = query.where(AuditRow.at < (until + dt.timedelta(days=1)).isoformat())
    if who:
        query = query.where(func.lower(AuditRow.who) == who.strip().lower())
    if exercise_id:
        query = query.where(AuditRow.exercise_id == exercise_id)
    if not include_seed:
        query = query.where(AuditRow.action.not_in(SEED_ACTIONS))
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return [_change(row._mapping) for row in rows]


def reviewers(engine: Engine) -> list[str]:
    """Return everyone who has changed the store, sorted (case-insensitively)."""
    with reading(engine) as connection:
        names = connection.execute(select(AuditRow.who).distinct()).scalars().all()
    return sorted(names, key=str.casefold)


#: Columns of :func:`change_rows`: one row per field changed (one per change when no field changed).
ROW_COLUMNS: Final[tuple[str, ...]] = (
    "at",
    "who",
    "action",
    "exercise_id",
    "version",
    "source",
    "field",
    "before",
    "after",
    "values_recorded",
    "reason",
)


def change_rows(changes: Sequence[Change]) -> list[dict[str, Any]]:
    """Return the changes as flat rows (:data:`ROW_COLUMNS`), one per field, for tables and CSV.

    ``before`` and ``after`` are text (:func:`value_text`); empty when the values were not recorded.
    """
    out: list[dict[str, Any]] = []
    for change in changes:
        head = {
            "at": change.at,
            "who": change.who,
            "action": change.action,
            "exercise_id": change.exercise_id,
            "version": change.version,
            "source": change.source,
        }
        tail = {"values_recorded": change.values_recorded, "reason": change.reason or ""}
        if change.values_recorded:
            parts = [(v.field, v.before_text, v.after_text) for v in change.values]
        else:
            parts = [(f, "", "") for f in change.fields]
        for field, before, after in parts or [("", "", "")]:
            out.append({**head, "field": field, "before": before, "after": after, **tail})
    return out


def changes_csv(changes: Sequence[Change]) -> str:
    """Return the changes as CSV text, one row per field (:func:`change_rows`); no cell can start a formula."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ROW_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in change_rows(changes):
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()
