"""Citation sources: a seed report (``seed:<file>.txt``) or a web address."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

#: Prefix of a source that is one of the seed reports in ``../shared/seeds``.
SEED_PREFIX: Final = "seed:"


def is_seed(source: str) -> bool:
    """Return True for a seed-report source (``seed:001_zapad.txt``)."""
    return source.startswith(SEED_PREFIX)


def source_host(source: str) -> str | None:
    """Return the host name of an ``http(s)`` source (the text of its link), None for other sources."""
    if source.startswith(("http://", "https://")):
        return urlsplit(source).netloc or source
    return None
