"""First-level regions written by their bare name, without a region word ("in Adygea, Dagestan and Ingushetia").

Reports list a country's republics and provinces by name alone: "the drills are taking place in Adygea, Dagestan and
Ingushetia", "at ranges in Buryatia" (twenty-third pass). :func:`geo.geocode.area_rules.region_rule` needs a region
word ("the Republic of Dagestan", "the Khatlon province"); here a name that no town of the gazetteer has is read as
the ISO 3166-2 subdivision (pycountry) it spells, compared as written or folded across romanisations
(:func:`geo.geocode.region_spellings.world_region_exactly`), never by its consonants alone, since a bare capitalised
word is a weaker cue than a name with a region word. A region the admin-1 layer holds is that region; one it does
not hold is its country's area, at country precision (as "the Republic of Tatarstan" is).
"""

from __future__ import annotations

from geo.geocode import gazetteer
from geo.geocode.area_rules import region_result
from geo.geocode.region_spellings import world_region_exactly
from geo.geocode.result import GeocodeResult, area_result
from geo.reference.layers import layer

#: Shorter bare names ("Lori", "Ica") are too often other words or people's names to be read as regions.
_MIN_LETTERS = 5
#: Bare names are read only as regions of the former Soviet states, whose ISO 3166-2 names are place names in a
#: romanisation ("Dagestan", "Khatlon"), where most drills this project maps are held; a Polish voivodeship's
#: adjective alone ("Mazowieckie") stays no region, as before. Elsewhere ISO writes many regions as English words
#: ("North" in Cameroon, "Coast" in Tanzania, "Rivera" folded to "river"), which a capitalised word of a sentence
#: ("at the River Club") far more often is. A town of the name, in any romanisation, is read first.
_COUNTRIES = frozenset(
    {"RUS", "BLR", "UKR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "UZB", "TKM"}
)


def bare_region(key: str) -> tuple[str, str] | None:
    """Return (country ISO3, ISO 3166-2 code) of the first-level region a bare name spells, if one country has it."""
    if len(key.replace(" ", "")) < _MIN_LETTERS or key in gazetteer.country_index():
        return None
    found = world_region_exactly(key)
    return found if found is not None and found[0] in _COUNTRIES else None


def bare_region_rule(phrase: str, key: str) -> GeocodeResult | None:
    """Return the region a bare name spells ("Dagestan"): its admin-1 area, or its country's beyond the layer."""
    found = bare_region(key)
    if found is None:
        return None
    iso3, code = found
    if code in gazetteer.admin1_names():
        return region_result(phrase, code, f"; {key!r} is its name without a region word (ISO 3166-2, pycountry)")
    countries = layer("countries").set_index("iso3")
    if iso3 not in countries.index:
        return None
    explanation = (
        f"{key!r} is a first-level region of {countries.loc[iso3, 'name']} ({iso3}) in ISO 3166-2 (pycountry), named "
        "without a region word, that the admin-1 layer does not hold: the country's area, Natural Earth 1:10m"
    )
    return area_result(phrase, "country", countries.loc[iso3].geometry, iso3, explanation, confidence="low")
