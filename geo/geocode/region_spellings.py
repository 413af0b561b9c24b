"""Region phrases spelt as reports spell them: "the X Territory" for a krai, and regions outside the layer.

* **"the Krasnodar Territory"**: English translations write a Russian krai as a territory; "territory" after a
  name that is no country or nationality ("Belarusian territory", "the territory of Poland" stay countries)
  is read as "krai".
* **Regions the admin-1 layer does not hold** (Central Asia, the Caucasus): ISO 3166-2 (pycountry) writes them
  in a national romanisation ("Ysyk-Köl", "Qaraghandy oblysy", "Chüy") and reports in a Russian-based one
  ("Issyk-Kul", "Karaganda", "Chui"). Names are compared with diacritics off, q as k and gh as g (folded by
  :func:`geo.geocode.gazetteer.fold_transliteration`), then by their consonants alone (four or more); a
  reading is kept only when one country has it. ISO 3166-2 writes Russian oblasts as adjectives
  ("Orenburgskaya oblast'") where reports write the centre's name ("the Orenburg Region"): the adjective's
  stem, with and without its "sk" or with an "a", is a key too (Orenburg, Chelyabinsk, Perm, Samara). Háček
  letters and Uzbek x are English digraphs (Širak = Shirak, Surxondaryo = Surkhandarya). An English "Trans-" is the
  Russian "Za-" ("the Trans-Baikal Region" = Zabaykal'skiy kray).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from geo.core.countries import DEMONYMS
from geo.geocode import gazetteer
from geo.geocode.gazetteer import fold_transliteration, normalize_name
from geo.geocode.region_keys import strip_accents

_TERRITORY = re.compile(r"^(?P<name>.+?)\s+territory$")
_TRANS = re.compile(r"^trans[\s-]?(?=[a-z])")
_CONSONANTS = re.compile(r"[^bcdfgjklmnpqrstvxz ]")
#: Letters of the national romanisations ISO 3166-2 uses that English writes as two (before accents are dropped):
#: Armenian "Širak", "Tavuš", "Aragac̣otn" (Shirak, Tavush, Aragatsotn), Uzbek "Surxondaryo" (Surkhandarya).
_DIGRAPHS = (("c\u0323", "ts"), ("š", "sh"), ("ž", "zh"), ("č", "ch"), ("x", "kh"))
#: A Russian adjectival region name's ending ("orenburg|skaya", "chelyabin|sk|aya", "perm|skiy").
_ADJECTIVE_END = re.compile(r"(?P<sk>sk)(?:aya|aja|iy|ij|ii|oye|oe)$")


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
    for letter, digraph in _DIGRAPHS:
        key = key.replace(letter, digraph)
    text = strip_accents(key).replace("q", "k").replace("gh", "g").replace("-", " ")
    return fold_transliteration(text)


def _stems(key: str) -> tuple[str, ...]:
    """Return ``key`` and, for an adjectival name, its stems without "sk", with it and with "a" (4 letters or more)."""
    end = _ADJECTIVE_END.search(key)
    if end is None:
        return (key,)
    stems = (key[: end.start()], key[: end.end("sk")], f"{key[: end.start()]}a")  # Samarskaya: Samara
    return (key, *(stem for stem in stems if len(stem) >= 4))


def _consonants(folded: str) -> str:
    return _CONSONANTS.sub("", folded.replace("h", "")).strip()


@cache
def _world_keys() -> tuple[dict[str, tuple[str, str]], ...]:
    """Stem, folded and consonant keys of every ISO 3166-2 subdivision → (country ISO3, code), where one country has it.

    The stems are also kept unfolded: folding drops a final vowel, so "samara" (Samarskaya) would meet the
    Philippines' Samar and be dropped as ambiguous.
    """
    exact: dict[str, set[tuple[str, str]]] = defaultdict(set)
    folded: dict[str, set[tuple[str, str]]] = defaultdict(set)
    bare: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, iso3, code in gazetteer.subdivision_keys():
        if len(key) < 3:
            continue
        for form in _stems(key):
            exact[form].add((iso3, code))
            folded[_fold(form)].add((iso3, code))
            if len(_consonants(_fold(form)).replace(" ", "")) >= 4:
                bare[_consonants(_fold(form))].add((iso3, code))
    return tuple(gazetteer.one_country_only(index) for index in (exact, folded, bare))


def world_region(name: str) -> tuple[str, str] | None:
    """Return (country ISO3, ISO 3166-2 code) of the subdivision ``name`` spells, when one country has it.

    An English "Trans-" before a name translates the Russian "Za-" ("beyond"): "the Trans-Baikal Region" is the
    Zabaykal'skiy kray, which ISO 3166-2 writes in Russian only (fourteenth pass).
    """
    found = _world_region(name)
    translated = _TRANS.match(name)
    if found is None and translated is not None:
        found = _world_region(f"za{name[translated.end() :]}")
    return found


def world_region_exactly(name: str) -> tuple[str, str] | None:
    """Return what :func:`world_region` returns, from the name as written or folded only (not its consonants)."""
    found = gazetteer.world_region_countries().get(name)
    if found is not None:
        return found
    exact, folded, _ = _world_keys()
    return exact.get(name) or folded.get(_fold(name))


def _world_region(name: str) -> tuple[str, str] | None:
    found = gazetteer.world_region_countries().get(name)
    if found is not None:
        return found
    exact, folded, bare = _world_keys()
    key = _fold(name)
    if name in exact or key in folded:
        return exact.get(name) or folded[key]
    consonants = _consonants(key)
    return bare.get(consonants) if len(consonants.replace(" ", "")) >= 4 else None
