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
import threading
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any, Final

from geo.core import settings

__all__ = [
    "KEEP_FILES",
    "Memo",
    "cache_dir",
    "code_fingerprint",
    "data_fingerprint",
    "environment_fingerprint",
    "prepared",
    "prepared_key",
    "write_atomically",
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
    digest = hashlib.sha256(str(data_dir.resolve()).encode())
    # os.scandir and plain strings: the dashboard reads this in every page run (pathlib's glob costs ~5x more).
    files: list[tuple[str, int, int]] = []
    _scan(str(data_dir), str(catalog_dir or settings.CATALOG_DIR), files)
    start = len(str(data_dir)) + 1
    for path, size, mtime_ns in sorted(files):
        digest.update(f"{path[start:]}:{size}:{mtime_ns}".encode())
    return digest.hexdigest()


def _scan(folder: str, skip: str, files: list[tuple[str, int, int]]) -> None:
    """Append ``(path, size, mtime_ns)`` of every file under ``folder`` but those under ``skip``."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if entry.path != skip:
                    _scan(entry.path, skip, files)
            elif entry.is_file():
                found = entry.stat()
                files.append((entry.path, found.st_size, found.st_mtime_ns))


def environment_fingerprint() -> str:
    """The ``DRILLMAP_*`` settings but ``DRILLMAP_HOME`` (which only says where the store and caches live)."""
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("DRILLMAP_") and k != "DRILLMAP_HOME")
    return json.dumps(environment)


def prepared_key() -> str:
    """Return the key of structures derived from the code, the reference data and the settings alone."""
    parts = [code_fingerprint(), data_fingerprint(), environment_fingerprint()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def write_atomically(path: Path, write: Callable[[IO[bytes]], object], *, keep: str | None = None) -> Path:
    """Write a cache file through a temporary file in its folder and a rename; then keep the newest few.

    Parameters
    ----------
    path
        The file to (re)place; its folder is created.
    write
        Writes the content to the open binary file.
    keep
        A glob of the file's kind in the folder (``"sites-*.pickle"``): only its newest :data:`KEEP_FILES`
        files stay. Another process may remove the same ones, so removal failures are ignored.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp", delete=False) as tmp:
        write(tmp)
    Path(tmp.name).replace(path)
    if keep is not None:
        dated = []
        for other in path.parent.glob(keep):
            with contextlib.suppress(OSError):
                dated.append((other.stat().st_mtime_ns, other))
        for _, old in sorted(dated, reverse=True)[KEEP_FILES:]:
            with contextlib.suppress(OSError):
                old.unlink()
    return path


def _write_json(kind: str, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomically(cache_dir() / f"{kind}-{key}.json", lambda file: file.write(text), keep=f"{kind}-*.json")


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


class Memo:
    """Results of a pure function kept on disk between processes: a JSON map from input digest to result.

    For costly geometry steps of a render whose inputs recur from one process to the next (the same sites
    projected and dissolved again). The file is keyed like :func:`prepared` (code, reference data,
    settings), and each entry by a digest of its whole input, so an entry can only be found again for the
    same input and code. The file is read on first use; :meth:`save` writes it (atomically) when entries
    were added, keeping the ones used by this process first, then the newest others, up to ``max_entries``.
    """

    def __init__(self, kind: str, max_entries: int = 2048) -> None:
        self.kind = kind
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._key: str | None = None
        self._stored: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        self._added = False

    def _load(self) -> None:
        key = prepared_key()
        if key == self._key:
            return
        self._key, self._stored, self._used, self._added = key, {}, {}, False
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads((cache_dir() / f"{self.kind}-{key}.json").read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._stored = loaded

    def get(self, digest: str) -> Any:
        """Return the stored result for an input digest, or None."""
        with self._lock:
            if self._key is None:
                self._load()
            value = self._used.get(digest, self._stored.get(digest))
            if value is not None:
                self._used[digest] = value
            return value

    def put(self, digest: str, value: Any) -> None:
        """Remember a result (a JSON value) for an input digest."""
        with self._lock:
            if self._key is None:
                self._load()
            self._used[digest] = value
            self._added = True

    def save(self) -> None:
        """Write the file if results were added (failures to write are not errors)."""
        with self._lock:
            if not self._added or self._key is None:
                return
            kept = dict(self._used)
            for digest, value in reversed(list(self._stored.items())):
                if len(kept) >= self.max_entries:
                    break
                kept.setdefault(digest, value)
            with contextlib.suppress(OSError):
                _write_json(self.kind, self._key, kept)
            self._stored, self._added = kept, False
