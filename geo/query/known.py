"""The ONE answer to "which exercises exist": the reviewed catalog overlaid by the analysts' store.

Every face calls :func:`known_sites`: the CLI (``catalog``, ``export``, ``snapshot``, ``ingest``), the
dashboard's pages and the exports, so that an exercise saved by ``python -m geo ingest --save`` or on the
Review page is listed, drawn and exported everywhere. When the store cannot be opened the reviewed
catalog is used alone and :attr:`KnownSites.store_problem` says why (each face shows it).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from geo.catalog.load import load_exercises
from geo.catalog.schema import Exercise
from geo.catalog.sites import sites_frame
from geo.core import settings
from geo.core.errors import DrillmapError
from geo.store import merge_with_catalog, open_store

#: Catalog file fingerprint: (name, size in bytes, modification time in ns) of each ``*.yaml``.
Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class KnownExercises:
    """The exercises every face shows, and where they came from."""

    exercises: tuple[Exercise, ...]
    #: Revision of the analysts' store that was merged, or None when it could not be read.
    store_revision: int | None
    #: Why the store was not merged (one sentence), or None.
    store_problem: str | None


@dataclass(frozen=True)
class KnownSites:
    """:func:`geo.catalog.sites.sites_frame` of the known exercises. The frame is shared: never modify it."""

    sites: gpd.GeoDataFrame
    store_revision: int | None
    store_problem: str | None


def catalog_signature(catalog_dir: Path | None = None) -> Signature:
    """Return the fingerprint of the catalog files: a changed, added or removed file changes it."""
    folder = catalog_dir or settings.CATALOG_DIR
    out = []
    for path in sorted(folder.glob("*.yaml")):
        stat = path.stat()
        out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def store_revision(database_url: str | None = None) -> tuple[int | None, str | None]:
    """Return the store's revision, or ``(None, why)`` when it cannot be opened."""
    try:
        return open_store(database_url).revision(), None
    except DrillmapError as exc:
        return None, f"the analysts' store cannot be read, so only the reviewed catalog is shown: {exc}"


def known_exercises(*, catalog_dir: Path | None = None, database_url: str | None = None) -> KnownExercises:
    """Return the reviewed catalog with the store's versions of the same ids and the store's additions.

    Raises
    ------
    CatalogError
        If a catalog file is malformed (the store is never used to hide a broken catalog).
    """
    catalog = load_exercises(catalog_dir)
    try:
        store = open_store(database_url)
        store.sync_seed(catalog_dir)
        stored = store.exercises()
        revision = store.revision()
    except DrillmapError as exc:
        return KnownExercises(tuple(catalog), None, f"the analysts' store cannot be read, so only the reviewed "
                              f"catalog is shown: {exc}")  # fmt: skip
    return KnownExercises(tuple(merge_with_catalog(catalog, stored)), revision, None)


_CACHE_LOCK = threading.Lock()
_CACHE: dict[tuple[Signature, int | None, str], KnownSites] = {}
#: Sites frames kept per process (a new catalog or store revision replaces the oldest).
_CACHE_ENTRIES = 2


def known_sites(*, catalog_dir: Path | None = None, database_url: str | None = None) -> KnownSites:
    """Return the sites of every known exercise, geocoded and measured, computed once per catalog and store state.

    The key is the catalog files' fingerprint and the store's revision, both read on every call, so a
    saved exercise or an edited catalog file is seen by the next call.
    """
    url = database_url or settings.database_url()
    revision, _ = store_revision(url)
    key = (catalog_signature(catalog_dir), revision, url)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit is not None:
        return hit
    known = known_exercises(catalog_dir=catalog_dir, database_url=url)
    result = KnownSites(sites_frame(list(known.exercises)), known.store_revision, known.store_problem)
    with _CACHE_LOCK:
        while len(_CACHE) >= _CACHE_ENTRIES:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[(key[0], known.store_revision, url)] = result
    return result
