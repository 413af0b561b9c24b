"""The ONE answer to "which exercises exist": the reviewed catalog overlaid by the analysts' store.

Every face calls :func:`known_sites`: the CLI (``catalog``, ``export``, ``snapshot``, ``ingest``), the
dashboard's pages and the exports, so that an exercise saved by ``python -m geo ingest --save`` or on the
Review page is listed, drawn and exported everywhere. When the store cannot be opened the reviewed
catalog is used alone and :attr:`KnownSites.store_problem` says why (each face shows it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd

from geo.catalog.fingerprint import catalog_hash
from geo.core import settings
from geo.core.errors import DrillmapError
from geo.query import cache
from geo.store.quick import quick_revision

if TYPE_CHECKING:
    from geo.catalog.schema import Exercise


@dataclass(frozen=True)
class KnownExercises:
    """The exercises every face shows, and where they came from."""

    exercises: tuple[Exercise, ...]
    #: Revision of the analysts' store that was merged, or None when it could not be read.
    store_revision: int | None
    #: Why the store was not merged (one sentence), or None.
    store_problem: str | None
    #: One message per catalog file that could not be read (:func:`geo.catalog.load.load_catalog`).
    catalog_problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownSites:
    """:func:`geo.catalog.sites.sites_frame` of the known exercises. The frame is shared: never modify it."""

    sites: gpd.GeoDataFrame
    store_revision: int | None
    store_problem: str | None
    catalog_problems: tuple[str, ...] = ()
    #: The derived-catalog key this frame was computed for (:func:`geo.query.cache.cache_key`): whatever is
    #: derived from the frame alone (a rendered map, say) may be kept under it and never goes stale.
    key: str = ""

    @property
    def notices(self) -> list[str]:
        """What every face tells the user about this answer: unreadable catalog files, an unreadable store."""
        files = [f"catalog file {p}; the rest of the catalog is shown" for p in self.catalog_problems]
        return [*files, *([self.store_problem] if self.store_problem else [])]


def store_revision(
    database_url: str | None = None, *, seed_fingerprint: str | None = None
) -> tuple[int | None, str | None]:
    """Return the store's revision, or ``(None, why)`` when it cannot be opened.

    A current SQLite store is read without opening it (:func:`geo.store.quick.quick_revision`: the same
    number, without loading SQLAlchemy and Alembic); any other is opened (created, migrated, seeded).
    ``seed_fingerprint`` is :func:`~geo.catalog.fingerprint.catalog_hash` of the settings' catalog when the
    caller has just read it (default: read here).
    """
    url = database_url or settings.database_url()
    quick = quick_revision(url, seed_fingerprint or catalog_hash(settings.CATALOG_DIR))
    if quick is not None:
        return quick, None
    from geo.store import open_store

    try:
        return open_store(url).revision(), None
    except DrillmapError as exc:
        return None, f"the analysts' store cannot be read, so only the reviewed catalog is shown: {exc}"


def known_exercises(*, catalog_dir: Path | None = None, database_url: str | None = None) -> KnownExercises:
    """Return the reviewed catalog with the store's versions of the same ids and the store's additions.

    A catalog file that cannot be read is named in :attr:`KnownExercises.catalog_problems` and the rest
    is shown; its exercise keeps the version the store last loaded, if any.

    Raises
    ------
    CatalogError
        If the catalog folder holds no file at all.
    """
    from geo.catalog.load import load_catalog  # parsing and validation: only when building
    from geo.store import merge_with_catalog, open_store

    loaded = load_catalog(catalog_dir)
    catalog, problems = loaded.exercises, loaded.problems
    try:
        store = open_store(database_url)
        store.sync_seed(catalog_dir)
        stored = store.exercises()
        revision = store.revision()
    except DrillmapError as exc:
        why = f"the analysts' store cannot be read, so only the reviewed catalog is shown: {exc}"
        return KnownExercises(tuple(catalog), None, why, problems)
    return KnownExercises(tuple(merge_with_catalog(catalog, stored)), revision, None, problems)


_CACHE_LOCK = threading.Lock()
#: Held while a sites frame is read from disk or built: one at a time per process.
_LOAD_LOCK = threading.Lock()
_CACHE: dict[str, KnownSites] = {}
#: Sites frames kept per process (a new catalog or store revision replaces the oldest).
_CACHE_ENTRIES = 2


def known_sites(
    *, catalog_dir: Path | None = None, database_url: str | None = None, build_in_child: bool = False
) -> KnownSites:
    """Return the sites of every known exercise, geocoded and measured, computed once per catalog and store state.

    The key (:func:`geo.query.cache.cache_key`: catalog content, reference data, store revision, code,
    settings) is computed on every call, so a saved exercise or an edited catalog file is seen by the next
    call. Three levels share it: this process's memory, the derived-catalog cache on disk shared by every
    process (:mod:`geo.query.cache`), and a full build.

    Parameters
    ----------
    catalog_dir, database_url
        The catalog folder and the analysts' store (default: the settings').
    build_in_child
        On a miss of both caches, build in a child Python process that writes the disk cache, then read it
        (a long-lived server then never holds the geocoder's gazetteer, layers and distance indexes, about
        100 MB); the build runs here if the child fails or its file cannot be read. A SQLite store that is
        not current is brought up to date by such a child too (:func:`_open_store_in_child`), so that the
        server does not load the database libraries either.
    """
    folder = catalog_dir or settings.CATALOG_DIR
    url = database_url or settings.database_url()
    # Read once per call (every file, by content) and used for the store's seed check and the key alike.
    seed = catalog_hash(settings.CATALOG_DIR)
    content = seed if folder == settings.CATALOG_DIR else catalog_hash(folder)
    if build_in_child:
        _open_store_in_child(folder, url, seed)
    revision, problem = store_revision(url, seed_fingerprint=seed)
    key = cache.cache_key(folder, url, revision, catalog_fingerprint=content)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
    if hit is not None:
        return hit
    with _LOAD_LOCK:  # sessions that arrive together wait for one read or build instead of starting their own
        with _CACHE_LOCK:
            hit = _CACHE.get(key)
        return hit if hit is not None else _load(folder, url, revision, problem, key, build_in_child=build_in_child)


#: (store URL, catalog fingerprint) pairs a child process has already been asked to bring up to date.
_CHILD_OPENED: set[tuple[str, str]] = set()


def _open_store_in_child(folder: Path, url: str, fingerprint: str) -> None:
    """Let a child process create, migrate or seed a SQLite store that is not current, once per catalog state.

    Reading a current SQLite store's revision needs no database library (:func:`store_revision`); a new store
    (a fresh ``DRILLMAP_HOME``) or one seeded from an older catalog must be opened first, which loads
    SQLAlchemy, Alembic and GeoAlchemy2 (~40 MB that a server would then keep). The child builds the sites
    frame into the disk cache as it goes, which the caller then reads. If the store is still not current
    afterwards, the caller opens it here as before. Other databases are always opened by the caller.
    ``fingerprint`` is :func:`~geo.catalog.fingerprint.catalog_hash` of the settings' catalog.
    """
    if not url.startswith("sqlite:///"):
        return
    if (url, fingerprint) in _CHILD_OPENED or quick_revision(url, fingerprint) is not None:
        return
    with _LOAD_LOCK:  # sessions arriving together start one child
        if (url, fingerprint) in _CHILD_OPENED:
            return
        _CHILD_OPENED.add((url, fingerprint))
        _build_in_child(folder, url)


def _load(
    folder: Path, url: str, revision: int | None, problem: str | None, key: str, *, build_in_child: bool
) -> KnownSites:
    """Read the disk cache or build (in a child process when asked); keep the answer in memory under its key."""
    on_disk = cache.read_sites(key)
    if on_disk is None and build_in_child and _build_in_child(folder, url):
        # Opening the store in the child may have synchronised the catalog into it: read the new revision.
        revision, problem = store_revision(url)
        key = cache.cache_key(folder, url, revision)
        on_disk = cache.read_sites(key)
    if on_disk is not None:
        frame, catalog_problems = on_disk
        result = KnownSites(frame, revision, problem, catalog_problems, key=key)
    else:
        result = _build(folder, url)
        if result.store_revision != revision:
            key = cache.cache_key(folder, url, result.store_revision)
        result = dataclasses.replace(result, key=key)
    with _CACHE_LOCK:
        while len(_CACHE) >= _CACHE_ENTRIES:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = result
    return result


def _build(catalog_dir: Path, database_url: str) -> KnownSites:
    """Build the sites frame from the catalog and the store, and keep it in the disk cache."""
    from geo.catalog.sites import sites_frame  # the geocoder and distances: only when building

    content = catalog_hash(catalog_dir)
    known = known_exercises(catalog_dir=catalog_dir, database_url=database_url)
    frame = sites_frame(list(known.exercises))
    result = KnownSites(frame, known.store_revision, known.store_problem, known.catalog_problems)
    # Keyed by the revision *after* the build: opening the store may have synchronised the catalog into it.
    key = cache.cache_key(catalog_dir, database_url, known.store_revision, catalog_fingerprint=content)
    with contextlib.suppress(OSError):  # a read-only or full disk only costs the next process a rebuild
        cache.write_sites(key, result.sites, catalog_problems=known.catalog_problems)
    return result


_CHILD_SCRIPT = (
    "import sys; from pathlib import Path; from geo.query.known import _build; _build(Path(sys.argv[1]), sys.argv[2])"
)


def _build_in_child(catalog_dir: Path, database_url: str) -> bool:
    """Build the sites frame into the disk cache in a child Python process; return whether it succeeded."""
    root = Path(__file__).resolve().parents[2]  # the folder holding the geo package
    try:
        done = subprocess.run(  # this interpreter, a constant script, paths as arguments
            [sys.executable, "-c", _CHILD_SCRIPT, str(catalog_dir), database_url],
            cwd=root,
            capture_output=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
