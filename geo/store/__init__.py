"""Drillmap's store: analysts' additions and edits in a real database, the catalog files as its seed.

Where the data lives
--------------------
``DRILLMAP_DATABASE_URL`` (unset by default)
    A SQLAlchemy URL. Unset: a SQLite file ``drillmap.sqlite3`` in the data directory (the embedded
    default). For a team server use PostgreSQL with PostGIS, e.g.
    ``postgresql+psycopg://drillmap:***@db.internal/drillmap`` (driver ``psycopg[binary]``): stored
    exercises' sites keep their geometry there (GeoAlchemy2, SRID 4326, GiST-indexed) and the
    "within N km of NATO" filter runs in the database (:mod:`geo.store.sites`).
``DRILLMAP_HOME`` (default ``var/`` beside ``app.py``, gitignored)
    The data directory holding the SQLite file.

On start (:func:`open_store`) the database is created if missing, migrated to the current schema
(Alembic, :mod:`geo.store.migrations`, recorded in ``alembic_version``), and the curated catalog
``data/catalog`` is loaded into it on the first run. Catalog files changed later refresh their
stored copies unless an analyst has edited them.

Writes
------
:meth:`Store.save` is one transaction: new exercises and updates, each with an audit record (who,
when in UTC, from which source, which fields changed and their values before and after:
:mod:`geo.store.audit`). Two processes saving at once both land (SQLite
queues writers with ``BEGIN IMMEDIATE`` and a 30 s busy timeout); a process killed in the middle of
a save leaves the database as it was before that save.

Export
------
``python -m geo.store export DIR [--origin analyst]`` writes the store back to catalog YAML files
(one per exercise) that :func:`geo.catalog.load.load_exercise_file` reads, so that a reviewer can commit
additions to ``data/catalog``.

For the dashboard: :func:`store_exercises` returns every stored exercise as
:class:`~geo.catalog.schema.Exercise` objects, and :func:`merge_with_catalog` overlays them on the
committed catalog.

Importing this package loads no database library: each name below is imported from its module on first
use (PEP 562), so that :mod:`geo.store.quick` reads a current store's revision without SQLAlchemy or Alembic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.store.engine import StoreError
    from geo.store.migrations import CURRENT_VERSION
    from geo.store.repository import (
        SEED_AUTHOR,
        AuditEntry,
        SaveResult,
        Store,
        content_hash,
        merge_with_catalog,
        open_store,
        store_exercises,
    )

#: Where each public name lives.
_HOMES = {
    "StoreError": "geo.store.engine",
    "CURRENT_VERSION": "geo.store.migrations",
    **dict.fromkeys(
        (
            "SEED_AUTHOR",
            "AuditEntry",
            "SaveResult",
            "Store",
            "content_hash",
            "merge_with_catalog",
            "open_store",
            "store_exercises",
        ),
        "geo.store.repository",
    ),
}

__all__ = [
    "CURRENT_VERSION",
    "SEED_AUTHOR",
    "AuditEntry",
    "SaveResult",
    "Store",
    "StoreError",
    "content_hash",
    "merge_with_catalog",
    "open_store",
    "store_exercises",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    if name not in _HOMES:
        msg = f"module 'geo.store' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
