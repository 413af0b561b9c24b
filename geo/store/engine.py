"""Database engines: SQLite in WAL mode by default, PostgreSQL when ``DRILLMAP_DATABASE_URL`` says so.

SQLite
    One file under the data directory. Every connection sets ``journal_mode=WAL`` (readers never
    block the writer), ``synchronous=FULL`` (a committed save survives a crash or power loss),
    ``foreign_keys=ON`` and a 30 s ``busy_timeout``. Write transactions start with ``BEGIN IMMEDIATE``
    so that two processes saving at once queue for the write lock instead of failing half-way
    (SQLite cannot upgrade a read transaction to a write one while another writer is active);
    read-only transactions (:func:`reading`) use a deferred ``BEGIN``. An interrupted transaction
    is never committed: SQLite rolls it back on the next open.
    No pooled connection survives a ``fork``: SQLite's per-process lock bookkeeping would pass to the
    child, the child's own connection would share it without taking the file locks, and a later
    close in the parent would then believe itself the last one, checkpoint and delete the
    write-ahead log under the child's feet: the child's commits vanish with no error (measured:
    3 to 18 of 20 saves kept). Before every ``fork`` the idle connections of each SQLite engine
    are closed (:func:`_close_sqlite_pools_before_fork`); the pool opens new ones when next used.
PostgreSQL
    Any SQLAlchemy URL (``postgresql+psycopg://user@host/db``; the driver package must be installed).
    The database needs PostGIS (the migrations create the extension if the role may, and say so if not):
    stored sites keep their geometry in it and the distance filter runs there (:mod:`geo.store.sites`).
    Opening (the Alembic migrations) and seeding take a transaction-scoped advisory lock
    (:func:`serialise_schema_changes`), so any number of processes may open a new database at once.

Any other backend is refused with one clear message.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from geo.core.errors import DrillmapError

#: Database backends the store supports (SQLAlchemy backend names).
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
#: Seconds a writer waits for another process's write transaction before giving up.
SQLITE_BUSY_TIMEOUT_S = 30


class StoreError(DrillmapError):
    """The store cannot be opened or written (bad URL, unwritable folder, conflicting change)."""


def make_engine(url: str) -> Engine:
    """Return an engine for ``url``; for SQLite, create the folder and install the pragmas above.

    Raises
    ------
    StoreError
        If the URL cannot be parsed or the SQLite folder cannot be created.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        msg = f"DRILLMAP_DATABASE_URL {url!r} is not a database URL: {exc}"
        raise StoreError(msg) from exc
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        msg = (
            f"DRILLMAP_DATABASE_URL uses {backend!r}, which Drillmap does not support: use sqlite:///PATH "
            "or postgresql+psycopg://USER@HOST/DB"
        )
        raise StoreError(msg)
    if backend != "sqlite":
        try:
            return create_engine(url, pool_pre_ping=True)
        except (ImportError, NoSuchModuleError) as exc:  # a driver named in the URL that is not installed
            msg = (
                f"DRILLMAP_DATABASE_URL names the driver {parsed.drivername!r}, which is not installed: "
                "use postgresql+psycopg://USER@HOST/DB"
            )
            raise StoreError(msg) from exc
    database = parsed.database or ""
    if database and database != ":memory:":
        try:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            msg = f"cannot create the store's folder {str(Path(database).parent)!r}: {exc}"
            raise StoreError(msg) from exc
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    _SQLITE_ENGINES.add(engine)
    return engine


#: Every SQLite engine still alive in this process (see the module's note on ``fork``).
_SQLITE_ENGINES: weakref.WeakSet[Engine] = weakref.WeakSet()


def _close_sqlite_pools_before_fork() -> None:
    """Close the idle pooled connections of every SQLite engine, so that none passes to a child."""
    for engine in list(_SQLITE_ENGINES):
        engine.dispose()


os.register_at_fork(before=_close_sqlite_pools_before_fork)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get("drillmap_begin", "IMMEDIATE")
    connection.exec_driver_sql("BEGIN" if mode == "DEFERRED" else "BEGIN IMMEDIATE")


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """Yield a connection for reads only (a deferred transaction on SQLite, rolled back at the end)."""
    with engine.connect() as connection:
        connection.execution_options(drillmap_begin="DEFERRED")
        yield connection
        connection.rollback()


#: Key of the PostgreSQL advisory lock held while the schema is migrated or the seed catalog loaded.
_SCHEMA_LOCK_KEY = 0x4452_494C  # "DRIL"


def serialise_schema_changes(connection: Connection) -> None:
    """Make concurrent openers of one PostgreSQL database take turns (no-op on SQLite).

    Several processes creating the tables or loading the seed at once would otherwise race (one fails
    with a unique violation). The lock is released when the caller's transaction ends. SQLite needs
    none: every write transaction starts with ``BEGIN IMMEDIATE``.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK_KEY})")
