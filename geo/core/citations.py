"""Citation sources: a seed report (``seed:<file>.txt``) or a web address."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Final

#: What ``urlsplit`` removes from a URL before splitting it, and the network location it then finds.
_UNSAFE_URL_CHARS: Final = str.maketrans("", "", "\t\r\n")
_NETLOC: Final = re.compile(r"[^/?#]*")
#: Prefix of a source that is one of the seed reports in ``../shared/seeds``.
SEED_PREFIX: Final = "seed:"


def is_seed(source: str) -> bool:
    """Return True for a seed-report source (``seed:001_zapad.txt``)."""
    return source.startswith(SEED_PREFIX)


def source_host(source: str) -> str | None:
    """Return the host name of an ``http(s)`` source (the text of its link), None for other sources."""
    if source.startswith(("http://", "https://")):
        # urlsplit's netloc, without its general parsing: a large map names tens of thousands of sources.
        rest = source.partition("://")[2]
        if "\t" in rest or "\r" in rest or "\n" in rest:  # rare: translate() is slow on every source
            rest = rest.translate(_UNSAFE_URL_CHARS)
        return _NETLOC.match(rest).group() or source  # type: ignore[union-attr]  # always matches
    return None


#: What the project's reference notes are, by file stem: a citation's ``via`` names the file it came
#: through (``shared/data/reference/exercises_2017_2025.md``), which means nothing to a reader.
VIA_NOTES: Final[dict[str, str]] = {
    "exercises_2017_2025": "Drillmap's reference list of exercises 2017–2025",
    "training_grounds_notes": "Drillmap's training-ground notes",
}


@lru_cache(maxsize=1024)  # a few distinct values, read for every citation of a large map
def via_text(via: str) -> str:
    """Return a citation's ``via`` as a reader sees it: a project file as what it is, anything else as is.

    >>> via_text("shared/data/reference/exercises_2017_2025.md")
    "Drillmap's reference list of exercises 2017–2025"
    >>> via_text("notes/other_file.md")
    "Drillmap's reference notes (other file)"
    >>> via_text("Interfax")
    'Interfax'
    """
    path = PurePosixPath(via.strip())
    if "/" not in via or not path.suffix or " " in via:
        return via
    return VIA_NOTES.get(path.stem, f"Drillmap's reference notes ({path.stem.replace('_', ' ')})")
