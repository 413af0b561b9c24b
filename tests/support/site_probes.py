"""How a site probe is judged: a location written as the probe's phrase, with its kind, country and admin-1.

Shared by the site probe files (``tests/extract/test_probe_sites.py``, ``tests/extract/test_probe_romanised.py``).
A site is ``(phrase, kind, country ISO3, admin-1 as spelled in admin1.geojson or None: any)``.
"""

from __future__ import annotations

import re
import unicodedata

from geo.extract.draft import DraftPlace

Site = tuple[str, str, str, str | None]


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(ascii_text.replace("-", " ").split())


def _region_key(name: str) -> str:
    """An admin-1 name without its kind word ("Gomel Oblast" and "Gomel" are one)."""
    return re.sub(r"\b(?:oblast|region|voivodeship|province|county|krai)\b", " ", _fold(name)).strip()


def site_found(site: Site, locations: list[DraftPlace]) -> bool:
    """Whether a location is written as the site's phrase (either contains the other) with its kind and places."""
    phrase, kind, country, admin1 = site
    for loc in locations:
        written = [_fold(t) for t in (loc.text, *loc.also_written)]
        if not any(w and (_fold(phrase) in w or w in _fold(phrase)) for w in written):
            continue
        same_admin1 = admin1 is None or _region_key(loc.admin1 or "") == _region_key(admin1)
        if loc.status == "resolved" and (loc.kind, loc.country) == (kind, country) and same_admin1:
            return True
    return False


def forbidden_found(forbidden: list[str], locations: list[DraftPlace]) -> bool:
    """Whether a location takes a forbidden country (ISO3) or is written as a forbidden phrase."""
    countries = {item for item in forbidden if item.isupper() and len(item) == 3}
    phrases = [_fold(item) for item in forbidden if item not in countries]
    written = [_fold(t) for loc in locations for t in (loc.text, *loc.also_written)]
    return bool({loc.country for loc in locations} & countries) or any(p in w for p in phrases for w in written)
