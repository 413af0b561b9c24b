"""Schema migrations: an ordered list, applied on start inside one write transaction.

Each migration is ``(version, description, function(connection))``. :func:`migrate` creates the
``schema_version`` table if needed and applies every migration above the recorded version, in order,
in the caller's transaction: a failure leaves the schema as it was. Add a migration by appending to
:data:`MIGRATIONS`; never edit an applied one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, func, select, text

from geo.store.models import AuditRow, Base, ExerciseRow, Meta, SchemaVersion


def _v1_tables(connection: Connection) -> None:
    tables = [Meta.__table__, ExerciseRow.__table__, AuditRow.__table__]
    Base.metadata.create_all(connection, tables=tables)  # type: ignore[arg-type]


def _v2_audit_time_index(connection: Connection) -> None:
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_audit_at ON audit (at)"))


Migration = tuple[int, str, Callable[[Connection], None]]

MIGRATIONS: tuple[Migration, ...] = (
    (1, "exercises, audit and meta tables", _v1_tables),
    (2, "index audit records by time", _v2_audit_time_index),
)
#: The schema version this code expects.
CURRENT_VERSION = MIGRATIONS[-1][0]


def current_version(connection: Connection) -> int:
    """Return the highest applied migration (0 for an empty database)."""
    SchemaVersion.__table__.create(connection, checkfirst=True)  # type: ignore[attr-defined]
    version = connection.execute(select(func.max(SchemaVersion.version))).scalar()
    return int(version or 0)


def migrate(connection: Connection, *, upto: int | None = None) -> list[int]:
    """Apply pending migrations (up to ``upto``, default all) in the caller's transaction.

    Returns
    -------
    list of int
        The versions applied now (empty when the schema was current).
    """
    applied: list[int] = []
    have = current_version(connection)
    for version, description, step in MIGRATIONS:
        if version <= have or (upto is not None and version > upto):
            continue
        step(connection)
        connection.execute(
            SchemaVersion.__table__.insert().values(  # type: ignore[attr-defined]
                version=version, description=description, applied_at=dt.datetime.now(dt.UTC).isoformat()
            )
        )
        applied.append(version)
    return applied
