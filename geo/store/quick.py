"""The store's revision read without SQLAlchemy or Alembic, when that gives the same answer as opening it.

Every command that lists sites needs the store's revision for the derived-catalog cache key
(:func:`geo.query.cache.cache_key`), and opening the store (:func:`geo.store.open_store`) costs its database
and migration libraries' import and a migration check, about half a second per process. When the store is
a SQLite file already at the newest schema whose seed catalog is the current one, opening it would change
nothing: its revision is then read here with the standard library's ``sqlite3``, read-only, in one
transaction. Anything else (PostgreSQL, a new or older database, a changed catalog, any error) returns None
and the caller opens the store as before.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path
from urllib.parse import quote

__all__ = ["head_revision", "quick_revision"]

_VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"


@cache
def head_revision() -> str:
    """Return the newest migration's revision id (``"0003"``): the highest ``vNNNN_*.py`` in ``versions/``."""
    numbers = [m[1] for p in _VERSIONS.glob("v*.py") if (m := re.fullmatch(r"v(\d{4})_\w+\.py", p.name))]
    return max(numbers, default="")


def _sqlite_path(url: str) -> Path | None:
    """Return the file of a plain ``sqlite:///PATH`` URL (no driver, no query), or None."""
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = url.removeprefix("sqlite:///")
    return Path(path) if path and path != ":memory:" else None


def quick_revision(url: str, catalog_fingerprint: str) -> int | None:
    """Return the revision of the SQLite store at ``url``, or None when only opening the store can tell.

    Parameters
    ----------
    url
        The store's SQLAlchemy URL.
    catalog_fingerprint
        :func:`geo.catalog.fingerprint.catalog_hash` of the seed catalog that opening the store would load.
    """
    path = _sqlite_path(url)
    if path is None or not path.is_file() or not head_revision():
        return None
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=5)) as connection:
            connection.execute("BEGIN")  # one read transaction: the three answers belong together
            versions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            seed = connection.execute("SELECT value FROM meta WHERE key = 'catalog_hash'").fetchone()
            revision = connection.execute("SELECT max(id) FROM audit").fetchone()
    except sqlite3.Error:
        return None
    if versions != [(head_revision(),)] or seed is None or seed[0] != catalog_fingerprint:
        return None
    return int(revision[0] or 0)
