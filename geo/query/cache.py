"""The derived-catalog cache: the known sites frame, geocoded and measured, stored once per state on disk.

Building the sites frame parses every catalog file, geocodes every site and measures every distance to
NATO (seconds); every CLI process and every dashboard server needs the same frame. It is therefore
written once to ``$DRILLMAP_HOME/cache/sites-<key>.pickle`` and read back by the next process.

The key is a SHA-256 of everything the frame depends on, read on every call, so the cache can never serve
a stale frame (the rules of :mod:`geo.core.derived`, plus the catalog and the store):

* the catalog files' **content** (an edited file changes the key, whatever its modification time);
* the reference data under ``data/`` (name, size, modification time of every file outside the catalog);
* the analysts' store: its database URL and revision (every save bumps it);
* the code: a hash of every ``geo/**/*.py`` source file and the versions of the libraries that shape
  the frame, plus :data:`CACHE_FORMAT`;
* every ``DRILLMAP_*`` environment variable but ``DRILLMAP_HOME`` (geocoder parameters are settings).

Writes are atomic (a temporary file in the same folder, then an atomic rename), so concurrent processes
never read a half-written file; two processes building at once both write a valid file and the last one
stays. A file that cannot be read is rebuilt. Only the newest :data:`KEEP_FILES` files are kept.

The format is a pickle of plain data: the frame without its geometry (pandas keeps every column's dtype and
every list or mapping value as it is), the geometry as WKB (EPSG:4326) and the CRS as text, so a read frame
equals the built one exactly (tested). Parquet would need pyarrow (~45 MB resident in every server and CLI
process that reads the cache); pickle needs nothing beyond pandas. A pickle runs code when read, so only
files this module wrote are read: they live in the user's own ``DRILLMAP_HOME`` beside the analysts'
store, which whoever can write there controls anyway, and a file without the expected header is dropped.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from pathlib import Path
from typing import Final

import geopandas as gpd
import pandas as pd
import shapely

from geo.catalog.fingerprint import catalog_hash
from geo.core import derived

__all__ = ["CACHE_FORMAT", "KEEP_FILES", "cache_dir", "cache_key", "read_sites", "write_sites"]

#: Bump when the file layout changes.
CACHE_FORMAT: Final = 3
#: Cache files kept; older ones are removed after each write.
KEEP_FILES: Final = derived.KEEP_FILES
#: First field of every file: what wrote it, and in which layout.
_HEADER: Final = f"drillmap sites cache {CACHE_FORMAT}"
cache_dir = derived.cache_dir


def cache_key(
    catalog_dir: Path, database_url: str, store_revision: int | None, *, catalog_fingerprint: str | None = None
) -> str:
    """Return the key of the sites frame for this catalog, reference data, store state, code and settings.

    Parameters
    ----------
    catalog_dir
        The catalog folder whose ``*.yaml`` files are read.
    database_url
        The analysts' store.
    store_revision
        Its revision after the catalog was synchronised into it, or None when it cannot be read.
    catalog_fingerprint
        The catalog's content hash taken *before* a build read it (:func:`geo.catalog.load.catalog_hash`), so that a
        file edited during the build can only make the stored frame unreachable, never stale.
    """
    parts = [
        f"sites format {CACHE_FORMAT}",
        derived.code_fingerprint(),
        catalog_fingerprint or catalog_hash(catalog_dir),
        derived.data_fingerprint(catalog_dir),
        database_url,
        repr(store_revision),
        derived.environment_fingerprint(),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def _path(key: str) -> Path:
    return cache_dir() / f"sites-{key}.pickle"


def write_sites(key: str, sites: gpd.GeoDataFrame, *, catalog_problems: tuple[str, ...] = ()) -> Path:
    """Write the sites frame under ``key`` atomically; return the file. Failures to write are not errors.

    Parameters
    ----------
    key
        From :func:`cache_key`.
    sites
        :func:`geo.catalog.sites.sites_frame` output (EPSG:4326).
    catalog_problems
        The catalog files that could not be read when the frame was built (kept with it, so that a cached
        answer names them too).
    """
    payload = {
        "header": _HEADER,
        "columns": pd.DataFrame(sites.drop(columns="geometry")),
        "geometry": shapely.to_wkb(sites.geometry.values),
        "geometry_at": list(sites.columns).index("geometry"),
        "crs": sites.crs.to_string() if sites.crs else None,
        "catalog_problems": list(catalog_problems),
    }
    return derived.write_atomically(
        _path(key), lambda file: pickle.dump(payload, file, protocol=5), keep="sites-*.pickle"
    )


def read_sites(key: str) -> tuple[gpd.GeoDataFrame, tuple[str, ...]] | None:
    """Return the sites frame stored under ``key`` and its catalog problems, or None (none, or unreadable)."""
    path = _path(key)
    try:
        with path.open("rb") as file:
            if file.read(2) != b"\x80\x05":  # not a protocol-5 pickle (what write_sites writes): not unpickled
                raise ValueError(path)
            file.seek(0)
            payload = pickle.load(file)  # a file this module wrote (see the module note)
        if not isinstance(payload, dict) or payload.get("header") != _HEADER:
            raise ValueError(path)
        frame = payload["columns"]
        frame.insert(payload["geometry_at"], "geometry", shapely.from_wkb(payload["geometry"]))
        sites = gpd.GeoDataFrame(frame, geometry="geometry", crs=payload["crs"])
        return sites, tuple(str(p) for p in payload["catalog_problems"])
    except FileNotFoundError:
        return None
    except (
        OSError,
        LookupError,
        ValueError,
        TypeError,
        EOFError,
        AttributeError,
        ImportError,
        pickle.UnpicklingError,
        shapely.errors.GEOSException,
    ):
        with contextlib.suppress(OSError):  # unreadable: drop it, the caller rebuilds
            path.unlink()
        return None
