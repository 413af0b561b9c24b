"""Derived files kept between processes, keyed by everything they are derived from, so never stale.

Two caches live in ``$DRILLMAP_HOME/cache`` (:func:`cache_dir`): the sites frame (:mod:`geo.query.cache`,
Parquet) and, here, small prepared structures such as the geocoder's name indexes (JSON). Both use the
same key rules, read on every call:

* the code: a hash of every ``geo/**/*.py`` source file and the versions of the libraries that shape
  derived data (:func:`code_fingerprint`);
* the reference data under ``data/``: its folder, and the name, size and modification time of every file
  outside the catalog (:func:`data_fingerprint`);
* every ``DRILLMAP_*`` environment variable but ``DRILLMAP_HOME`` (:func:`environment_fingerprint`).

Writes are atomic (a temporary file in the same folder, then a rename), so concurrent processes never
read half a file; an unreadable file is rebuilt. :func:`prepared` keeps :data:`KEEP_FILES` files per kind.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

from geo.core import settings

__all__ = [
    "KEEP_FILES",
    "cache_dir",
    "code_fingerprint",
    "data_fingerprint",
    "environment_fingerprint",
    "prepared",
    "prepared_key",
]

#: Bump when the layout of the files changes.
DERIVED_FORMAT: Final = 2
#: Files kept per kind; older ones are removed after each write.
KEEP_FILES: Final = 4
_LIBRARIES: Final = (
    "geopandas",
    "shapely",
    "pyproj",
    "pandas",
    "pyarrow",
    "pydantic",
    "PyYAML",
    "rapidfuzz",
    "pycountry",
)


def cache_dir() -> Path:
    """Return the cache folder: ``$DRILLMAP_HOME/cache`` (created on first write)."""
    return settings.data_home() / "cache"


@cache
def code_fingerprint() -> str:
    """Hash of every geo/ source file and the library versions (fixed for the life of a process)."""
    digest = hashlib.sha256(f"format {DERIVED_FORMAT}".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{name}=={version(name)}".encode())
    return digest.hexdigest()


def data_fingerprint(catalog_dir: Path | None = None) -> str:
    """Hash of the data folder and the names, sizes and modification times of its files (less the catalog)."""
    data_dir = settings.DATA_DIR
    skip = catalog_dir or settings.CATALOG_DIR
    digest = hashlib.sha256(str(data_dir.resolve()).encode())
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and skip not in p.parents):
        stat = path.stat()
        digest.update(f"{path.relative_to(data_dir)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def environment_fingerprint() -> str:
    """The ``DRILLMAP_*`` settings but ``DRILLMAP_HOME`` (which only says where the store and caches live)."""
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("DRILLMAP_") and k != "DRILLMAP_HOME")
    return json.dumps(environment)


def prepared_key() -> str:
    """Return the key of structures derived from the code, the reference data and the settings alone."""
    parts = [code_fingerprint(), data_fingerprint(), environment_fingerprint()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def _write_json(kind: str, key: str, value: Any) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=folder, prefix=f".{kind}-", suffix=".tmp", delete=False) as tmp:
        json.dump(value, tmp, ensure_ascii=False, separators=(",", ":"))
    Path(tmp.name).replace(folder / f"{kind}-{key}.json")
    dated = []
    for path in folder.glob(f"{kind}-*.json"):
        with contextlib.suppress(OSError):
            dated.append((path.stat().st_mtime_ns, path))
    for _, old in sorted(dated, reverse=True)[KEEP_FILES:]:
        with contextlib.suppress(OSError):  # another process may remove the same one
            old.unlink()


def prepared(kind: str, build: Callable[[], Any]) -> Any:
    """Return ``build()`` as JSON round-trips it, read from the cache when code, data and settings are unchanged.

    Parameters
    ----------
    kind
        File name prefix (letters, digits and underscores), one per structure.
    build
        Returns a JSON value (dicts keep their order). Called on a miss; its value is written for the next
        process and returned as built. A tuple comes back from the cache as a list: the caller converts
        both alike. Failures to write are not errors.
    """
    key = prepared_key()
    path = cache_dir() / f"{kind}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError):  # unreadable or half-written by a crashed older version: rebuild
        with contextlib.suppress(OSError):
            path.unlink()
    value = build()
    with contextlib.suppress(OSError):  # a read-only or full disk only costs the next process a rebuild
        _write_json(kind, key, value)
    return value
