"""Words that name countries in English news reports: names, demonyms and capitals (as metonyms).

:func:`country_terms` maps each term, folded with :func:`geo.geocode.gazetteer.normalize_name`, to an ISO 3166-1
alpha-3 code. Country names come from pycountry (official and common names) plus the short forms
reporters use (:data:`geo.core.countries.INFORMAL_NAMES`) and demonyms (:data:`geo.core.countries.DEMONYMS`),
both shared with the geocoder; capitals are listed here because no installed library carries them.
Capitals count only where a sentence uses them as actors ("Minsk, Moscow announce joint drills",
"planes sent by Moscow"); :func:`is_capital` tells them apart.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from geo.core.countries import DEMONYMS, INFORMAL_NAMES
from geo.geocode.gazetteer import normalize_name

#: Capitals and seats of government used for the state ("Minsk announced", "the Kremlin will send").
CAPITALS: dict[str, str] = {
    "Minsk": "BLR", "Moscow": "RUS", "the Kremlin": "RUS", "Kremlin": "RUS", "Astana": "KAZ", "Nur-Sultan": "KAZ",
    "Bishkek": "KGZ", "Dushanbe": "TJK", "Yerevan": "ARM", "Beijing": "CHN", "Tehran": "IRN", "Kyiv": "UKR",
    "Kiev": "UKR", "Warsaw": "POL", "Vilnius": "LTU", "Riga": "LVA", "Tallinn": "EST", "Washington": "USA",
    "Berlin": "DEU", "Paris": "FRA", "London": "GBR", "Tashkent": "UZB", "Baku": "AZE", "Tbilisi": "GEO",
    "Chisinau": "MDA", "Belgrade": "SRB", "Ulaanbaatar": "MNG", "Riyadh": "SAU",
}  # fmt: skip


def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(entry, attr, None)
            if value and "," not in value and "(" not in value:
                names.setdefault(value, str(entry.alpha_3))
    return names


@cache
def country_names() -> dict[str, str]:
    """Return English country names as written (``"Saudi Arabia"``) mapped to ISO3 codes."""
    return {**_pycountry_names(), **INFORMAL_NAMES}


@cache
def country_terms() -> dict[str, str]:
    """Return every country term (name, demonym, capital), folded, mapped to its ISO3 code."""
    terms: dict[str, str] = {}
    for table in (country_names(), CAPITALS, DEMONYMS):
        for term, iso3 in table.items():
            terms[_fold(term)] = iso3
    return terms


def _fold(term: str) -> str:
    return normalize_name(re.sub(r"^the\s+", "", term, flags=re.I).replace(".", ""))


def iso3_of(term: str) -> str | None:
    """Return the ISO3 code of a country name, demonym or capital as written, or None."""
    return country_terms().get(_fold(term))


def is_capital(term: str) -> bool:
    """Return whether ``term`` is a capital used for its state (``Minsk``, ``the Kremlin``)."""
    return _fold(term) in {_fold(c) for c in CAPITALS}


def is_demonym(term: str) -> bool:
    """Return whether ``term`` is a demonym (``Kazakh``) rather than a country name."""
    return _fold(term) in _demonym_keys()


@cache
def _demonym_keys() -> frozenset[str]:
    return frozenset(_fold(d) for d in DEMONYMS)


def _alternation(terms: list[str]) -> str:
    ordered = sorted(set(terms), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)


@cache
def country_pattern(*, names: bool = True, demonyms: bool = True, capitals: bool = False) -> str:
    """Return a regex alternation (no groups) of the chosen kinds of country terms, longest first.

    Terms match case-sensitively as written (``Russia``, ``Kazakh``), with word boundaries.
    """
    terms: list[str] = []
    if names:
        terms += list(country_names())
    if demonyms:
        terms += list(DEMONYMS)
    if capitals:
        terms += list(CAPITALS)
    terms += ["T" + t[1:] for t in terms if t.startswith("the ")]  # "The US, UK and Poland …" opens a sentence
    return rf"(?<![\w-])(?:{_alternation(terms)})(?![\w-])"
