"""The one fingerprint of the catalog, in a module of its own so that reading it loads no YAML or schema library."""

from __future__ import annotations

import hashlib
from pathlib import Path

from geo.core import settings

__all__ = ["catalog_hash"]


def catalog_hash(catalog_dir: Path | None = None) -> str:
    """Return the SHA-256 of the catalog files' names and content: any edit, addition or removal changes it.

    Content, not modification times: an edit that keeps a file's size and time is still seen. The one
    fingerprint of the catalog (the store's seed sync, the derived-catalog cache, the extractor cache).
    """
    digest = hashlib.sha256()
    for path in sorted((catalog_dir or settings.CATALOG_DIR).glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
