"""Region phrases spelt as reports spell them: "the X Territory" for a krai, and regions outside the layer.

* **"the Krasnodar Territory"**: English translations write a Russian krai as a territory; "territory" after a
  name that is no country or nationality ("Belarusian territory", "the territory of Poland" stay countries)
  is read as "krai".
* **Regions the admin-1 layer does not hold** (Central Asia, the Caucasus): ISO 3166-2 (pycountry) writes them
  in a national romanisation ("Ysyk-Köl", "Qaraghandy oblysy", "Chüy") and reports in a Russian-based one
  ("Issyk-Kul", "Karaganda", "Chui"). Names are compared with diacritics off, q as k and gh as g (folded by
  :func:`geo.geocode.gazetteer.fold_transliteration`), then by their consonants alone (four or more); a
  reading is kept only when one country has it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import pycountry

from geo.core.countries import DEMONYMS
from geo.geocode import gazetteer
from geo.geocode.gazetteer import REGION_WORDS, fold_transliteration, normalize_name, strip_words
from geo.geocode.region_keys import strip_accents

_TERRITORY = re.compile(r"^(?P<name>.+?)\s+territory$")
_CONSONANTS = re.compile(r"[^bcdfgjklmnpqrstvxz ]")


def territory_as_krai(key: str) -> str:
    """Return ``key`` with a final "territory" read as "krai" unless the name before it is a country's."""
    match = _TERRITORY.match(key)
    if match is None:
        return key
    name = match["name"]
    demonyms = {normalize_name(d) for d in DEMONYMS}
    if name in gazetteer.country_index() or name in demonyms or name.startswith(("the ", "of ")):
        return key
    return f"{name} krai"


def _fold(key: str) -> str:
    text = strip_accents(key).replace("q", "k").replace("gh", "g").replace("-", " ")
    return fold_transliteration(text)


def _consonants(folded: str) -> str:
    return _CONSONANTS.sub("", folded.replace("h", "")).strip()


@cache
def _world_keys() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Folded and consonant keys of every ISO 3166-2 subdivision → (country ISO3, code), where one country has it."""
    folded: dict[str, set[tuple[str, str]]] = defaultdict(set)
    bare: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entry in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=entry.country_code)
        if country is None:
            continue
        key, _ = strip_words(normalize_name(str(entry.name).split(",")[0]), REGION_WORDS)
        if len(key) < 3:
            continue
        found = (str(country.alpha_3), str(entry.code))
        folded[_fold(key)].add(found)
        if len(_consonants(_fold(key)).replace(" ", "")) >= 4:
            bare[_consonants(_fold(key))].add(found)

    def unique(index: dict[str, set[tuple[str, str]]]) -> dict[str, tuple[str, str]]:
        return {k: min(v) for k, v in index.items() if len({iso3 for iso3, _ in v}) == 1}

    return unique(folded), unique(bare)


def world_region(name: str) -> tuple[str, str] | None:
    """Return (country ISO3, ISO 3166-2 code) of the subdivision ``name`` spells, when one country has it."""
    found = gazetteer.world_region_countries().get(name)
    if found is not None:
        return found
    folded, bare = _world_keys()
    key = _fold(name)
    if key in folded:
        return folded[key]
    consonants = _consonants(key)
    return bare.get(consonants) if len(consonants.replace(" ", "")) >= 4 else None
