"""Schema migrations by Alembic, run by the store itself on open (users need no ``alembic`` command).

The revisions live in ``versions/`` beside this file, one module each, numbered ``0001``, ``0002`` …; the
applied one is recorded in Alembic's ``alembic_version`` table. :func:`migrate` upgrades in the caller's
transaction (a failure leaves the schema as it was); :meth:`geo.store.repository.Store.open` calls it while
holding the PostgreSQL advisory lock (:func:`geo.store.engine.serialise_schema_changes`), so any number of
processes may open a new database at once. SQLite runs the same revisions in batch mode (``render_as_batch``:
a table is copied to change it, since SQLite's ``ALTER TABLE`` cannot).

Databases made before Alembic recorded their version in a ``schema_version`` table (1 or 2): they are
adopted by stamping the matching revision, then upgraded; no row is touched. Add a migration by adding
a module to ``versions/`` whose ``down_revision`` is the current head; never edit an applied one.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext, MigrationInfo
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from geo.store.models import Base

__all__ = ["CURRENT_VERSION", "HEAD", "current_version", "migrate"]

_SCRIPTS = ScriptDirectory(str(Path(__file__).resolve().parent))
#: The newest revision id (``"0003"``) and, as a number, the schema version this code expects.
HEAD: str = _SCRIPTS.get_current_head() or ""
CURRENT_VERSION = int(HEAD)
#: Alembic's ``op`` and ``context`` are module-level proxies: one migration at a time per process.
_MIGRATING = threading.Lock()


def current_version(connection: Connection) -> int:
    """Return the applied schema version (0 for an empty database; a pre-Alembic one reads its own table)."""
    revision = MigrationContext.configure(connection).get_current_revision()
    return int(revision) if revision else _legacy_version(connection)


def _legacy_version(connection: Connection) -> int:
    if not inspect(connection).has_table("schema_version"):
        return 0
    return int(connection.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)


def migrate(connection: Connection, *, upto: str = "head") -> list[str]:
    """Upgrade the schema to ``upto`` (default the newest revision) in the caller's transaction.

    Returns
    -------
    list of str
        The revisions applied now, oldest first (empty when the schema was current).
    """
    with _MIGRATING:
        context = MigrationContext.configure(connection)
        if context.get_current_revision() is None:
            legacy = _legacy_version(connection)
            if legacy:  # made by the hand-written migrations: its tables are those of that revision
                context.stamp(_SCRIPTS, f"{legacy:04d}")
        applied: list[str] = []

        def upgrade(revision: Any, _context: MigrationContext) -> Any:
            return _SCRIPTS._upgrade_revs(upto, revision)  # what `alembic upgrade` itself runs

        def record(
            ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]
        ) -> None:
            applied.append(str(step.up_revision_id))

        with EnvironmentContext(Config(), _SCRIPTS, fn=upgrade, destination_rev=upto) as environment:
            environment.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
                on_version_apply=record,
            )
            with environment.begin_transaction():  # joins the caller's transaction
                environment.run_migrations()
        return applied
