"""Rules that turn relational and regional phrases into areas: border strips, compass regions, admin-1 regions.

* **Border strips** — the phrase mentions a border: a strip inside the country along its land border
  with the neighbours the phrase names or a compass word selects (:func:`border_rule`).
* **Compass regions** — "western Belarus", "southern Lithuania", "SE Estonia", "the eastern and central
  part of the country": cells of a 3 x 3 grid of thirds of the country's extent (the centre a disk
  around its centroid), clipped to it
  (:func:`geo.geocode.areas.compass_region`), the same for every country (:func:`compass_region_rule`).
* **Admin-1 regions** — "Vitebsk region", "the Pskov region", "Leningrad regions", "Masovian
  voivodeship", "Vilnius county", "Brest and Grodno regions" (:func:`region_rule`), by the names and
  aliases of :func:`geo.geocode.gazetteer.region_index`, then by a transliteration-aware fuzzy match.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from geo.core.countries import DEMONYMS
from geo.core.settings import setting
from geo.geocode import areas, gazetteer
from geo.geocode.anchors import reference_city
from geo.geocode.gazetteer import clean_phrase, normalize_name, strip_words
from geo.geocode.region_spellings import territory_as_krai, world_region
from geo.geocode.result import GeocodeResult, area_result, unresolved
from geo.reference.layers import layer

_COUNTRY_WORDS = re.compile(r"\b(?:the\s+)?(?:country|republic|parts?\s+of\s+the\s+country|territory)\b")
_COMPASS: tuple[tuple[str, str], ...] = (
    (r"north[- ]?west(?:ern)?", "north-west"),
    (r"north[- ]?east(?:ern)?", "north-east"),
    (r"south[- ]?west(?:ern)?", "south-west"),
    (r"south[- ]?east(?:ern)?", "south-east"),
    (r"\bwest(?:ern)?\b", "west"),
    (r"\beast(?:ern)?\b", "east"),
    (r"\bnorth(?:ern)?\b", "north"),
    (r"\bsouth(?:ern)?\b", "south"),
    (r"\bcent(?:re|er|ral)\b", "centre"),
)
#: Compass abbreviations, read only as a run directly before a country name ("SE Estonia", "N/NE Estonia").
_ABBREVIATIONS = {
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "ne": "north-east",
    "nw": "north-west",
    "se": "south-east",
    "sw": "south-west",
}
_ABBREVIATED = re.compile(r"^(?P<abbr>(?:(?:[nsew]|[ns][ew])\s+)+)(?P<rest>\S.*)$")


def compass_words(key: str) -> list[str]:
    """Return the compass directions named in a normalised phrase, in a stable order."""
    found: list[str] = []
    rest = key
    for pattern, name in _COMPASS:
        if re.search(pattern, rest):
            found.append(name)
            rest = re.sub(pattern, " ", rest)
    return found


@cache
def _whole_words(name: str) -> re.Pattern[str]:
    """``name`` as a whole-words pattern, compiled once, and only for a name some phrase contains."""
    return re.compile(rf"(?:^|\s){re.escape(name)}(?:\s|$)")


@cache
def _multiword_country_names() -> tuple[str, ...]:
    """The country names of several words, longest first (stable: index order among equal lengths)."""
    return tuple(name for name in sorted(gazetteer.country_index(), key=len, reverse=True) if " " in name)


def countries_named(key: str) -> list[str]:
    """Return the ISO3 codes of the countries a normalised phrase names, in order of appearance."""
    hits: list[tuple[int, str]] = []
    for name, iso3 in gazetteer.country_index().items():
        if name not in key:  # no pattern can match: compiling hundreds of them cost every process 0.1 s
            continue
        match = _whole_words(name).search(key)
        if match and iso3 not in (h[1] for h in hits):
            hits.append((match.start(), iso3))
    return [iso3 for _, iso3 in sorted(hits)]


def demonyms_named(key: str) -> list[str]:
    """Return the ISO3 codes of the nationality adjectives in a normalised phrase ("belarusian territory")."""
    words = set(key.split())
    return sorted({iso3 for word, iso3 in DEMONYMS.items() if normalize_name(word) in words})


def _without_country_names(key: str) -> str:
    """Drop country names so that "North Macedonia" or "South Korea" is no compass word."""
    for name in _multiword_country_names():
        if name in key:
            key = _whole_words(name).sub(" ", key)
    return key


def expand_abbreviations(key: str) -> str:
    """Spell out compass abbreviations before a country name: ``se estonia`` → ``south-east estonia``."""
    match = _ABBREVIATED.match(key)
    if match is None or match["rest"] not in gazetteer.country_index():
        return key
    return " ".join(_ABBREVIATIONS[a] for a in match["abbr"].split()) + " " + match["rest"]


def border_rule(phrase: str, key: str, context: str) -> GeocodeResult:
    """Return the strip of ``context`` along the border a phrase names ("the border with Ukraine")."""
    named = [c for c in countries_named(key) if c != context]
    directions = compass_words(_without_country_names(key))
    if named:
        neighbours = tuple(sorted(named))
        how = "the neighbours named (" + ", ".join(neighbours) + ")"
    elif directions:
        neighbours = areas.compass_neighbours(context, directions)
        how = (
            f"the {'/'.join(directions)} border = neighbours whose shared border lies within "
            f"{areas.COMPASS_HALF_WIDTH_DEG:g}° of that bearing from {context}'s centroid"
        )
    else:
        return unresolved(phrase, f"a border phrase naming no neighbour and no compass side of {context}")
    if not neighbours:
        return unresolved(phrase, f"no land border of {context} lies to the {'/'.join(directions)}")
    depth = setting("border_strip_depth_km")
    strip = areas.border_strip(context, neighbours, depth)
    explanation = f"border strip: {context} within {depth:g} km of its land border with {', '.join(neighbours)}; {how}"
    if strip.is_empty:
        return unresolved(phrase, f"{context} shares no land border with {', '.join(neighbours)}")
    line = areas.shared_border(context, neighbours)
    return area_result(phrase, "border_zone", strip, context, explanation, border_line=line)


def compass_region_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return the compass region a phrase names ("southern Lithuania", "the east of the country"), or None.

    The country is the one the phrase names (by name or nationality adjective), else the context
    country when the phrase says "the country" or "territory". Compass regions are vague in reports,
    so the result says ``confidence="low"`` and names the admin-1 regions it mostly lies in.
    """
    key = expand_abbreviations(key)
    directions = compass_words(_without_country_names(key))
    named = countries_named(key) or demonyms_named(key)
    if not directions or (not named and not _COUNTRY_WORDS.search(key)):
        return None
    finer = _named_region_after_country(phrase, key, named)
    if finer is not None:  # "southern Estonia's Voru county": the county, which the compass words only locate
        return finer
    country = named[0] if len(named) == 1 else context
    if country is None or len(named) > 1:
        return unresolved(phrase, "a compass region needs exactly one country")
    area = areas.compass_region(country, tuple(sorted(set(directions))))
    names = ", ".join(gazetteer.admin1_names()[c] for c in areas.regions_within(area, country))
    explanation = (
        f"compass region: the {' and '.join(directions)} of {country} by its 3 x 3 grid of thirds of its extent "
        f"(centre: a disk a sixth of the extent wide around its centroid), clipped to it (an approximate area"
        + (f"; mostly {names})" if names else ")")
    )
    return area_result(phrase, "region", area, country, explanation, admin1=names or None, confidence="low")


def _named_region_after_country(phrase: str, key: str, named: list[str]) -> GeocodeResult | None:
    """The region a phrase names after its one country ("southern estonia voru county" → Võru), when resolved."""
    if len(named) != 1:
        return None
    names = [n for n, iso3 in gazetteer.country_index().items() if iso3 == named[0] and n in key]
    for name in sorted(names, key=len, reverse=True):
        rest = key.split(name, 1)[1].strip()
        if rest and strip_words(rest, gazetteer.REGION_WORDS)[1]:
            found = region_rule(phrase, rest, named[0])
            return found if found is not None and found.status == "resolved" else None
    return None


def _region_codes(name: str) -> tuple[str, ...]:
    index = gazetteer.region_index()
    codes = index.get(name, ())
    for stem in gazetteer.adjective_stems(name):
        codes = codes or index.get(stem, ())
    return codes


def _outside_layer(phrase: str, name: str, context: str | None) -> GeocodeResult | None:
    """Return the country of a region the admin-1 layer does not hold ("the Republic of Tatarstan", "Khatlon").

    The ISO 3166-2 subdivisions (pycountry) say which country it is in; the result is that country's
    area, at country precision, since no region geometry is at hand. A demonym before the name ("the
    Tajik … Khatlon province") is read past.
    """
    words = name.split()
    for start in range(len(words)):  # "tajik southern khatlon" → "southern khatlon" → "khatlon"
        found = world_region(" ".join(words[start:]))
        if found is None:
            continue
        iso3, code = found
        if iso3 not in set(layer("countries")["iso3"]) or code in gazetteer.admin1_names():
            return None
        row = layer("countries").set_index("iso3").loc[iso3]
        explanation = (
            f"{' '.join(words[start:])!r} is a first-level region of {row['name']} ({iso3}) in ISO 3166-2 "
            "(pycountry) that the admin-1 layer does not hold: the country's area, Natural Earth 1:10m"
        )
        return area_result(phrase, "country", row.geometry, iso3, explanation, confidence="low")
    return None


def _centre_outside_layer(phrase: str, name: str) -> GeocodeResult | None:
    """Return the country of a region named after its centre, a city of a country the admin-1 layer has no region of.

    "the Alma-Ata region" (Almaty's Russian name, :func:`geo.geocode.anchors.reference_city`): the region around that
    city is somewhere in Kazakhstan, so the country's area is its honest extent, at country precision.
    """
    city = reference_city(name)
    if city is None or city[3] in set(layer("admin1")["iso3"]) or city[3] not in set(layer("countries")["iso3"]):
        return None
    row = layer("countries").set_index("iso3").loc[city[3]]
    explanation = (
        f"the region named after its centre {city[0]} (Natural Earth populated places), a city of {row['name']} "
        f"({city[3]}), whose regions the admin-1 layer does not hold: the country's area, Natural Earth 1:10m"
    )
    return area_result(phrase, "country", row.geometry, city[3], explanation, confidence="low")


#: A side of a region before its name ("northern Vitebsk", "the northeast part of the vitebsk").
_COMPASS_PART = re.compile(
    r"^(?:the\s+)?(?P<side>(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)"
    r"(?:\s+(?:part|parts|area|areas)\s+of)?\s+(?:the\s+)?(?P<rest>\S.*)$"
)
#: A city that is its own first-level unit → the region around it that reports call "the <city> region".
_CITY_SUBJECTS = {"RU-MOW": "RU-MOS", "RU-SPE": "RU-LEN", "BY-HM": "BY-MI"}
#: A town this large that shares a region's name is the centre it is named after (GeoNames population).
_NAMESAKE_MIN_POPULATION = 100_000


def _namesake_region(name: str) -> tuple[tuple[str, ...], str]:
    """Return the region named after its centre ("the Nizhny Novgorod region" → Nizhegorod, RU-NIZ).

    A district named after its centre ("the Borisovsky district" → Borisov) lies in that centre's region;
    the result is the whole admin-1 region, which holds it.

    Most Russian, Belarusian and Polish first-level units are named after their capital, and reports
    write the city's name where the admin-1 layer spells the region another way. The largest town of that
    name (GeoNames, at least :data:`_NAMESAKE_MIN_POPULATION` people) gives its region; a city that is its
    own unit (Moscow, Saint Petersburg, Minsk) gives the region around it (:data:`_CITY_SUBJECTS`).
    """
    index = gazetteer.town_index()
    ids = index.get(name, ())
    for stem in gazetteer.adjective_stems(name):  # "the Borisovsky district" → Borisov
        ids = ids or index.get(stem, ())
    if not ids:
        return (), ""
    town = gazetteer.towns()[ids[0]]
    code = _CITY_SUBJECTS.get(town.admin1_code, town.admin1_code)
    if town.population < _NAMESAKE_MIN_POPULATION or code not in gazetteer.admin1_names():
        return (), ""
    return (code,), f"; the region named after its centre {town.name} (GeoNames {town.geonameid})"


def _fuzzy_region_codes(name: str, context: str | None, *, groups_only: bool = False) -> tuple[tuple[str, ...], str]:
    """Return region codes whose transliteration-folded name is close to ``name`` (rapidfuzz ratio).

    ``groups_only`` keeps the units the admin-1 layer splits (Lithuania's counties), for "X county".
    """
    keys = gazetteer.folded_region_keys(context)
    if groups_only:
        groups = gazetteer.region_groups()
        keys = {k: kept for k, v in keys.items() if (kept := tuple(c for c in v if c in groups))}
    match = process.extractOne(
        gazetteer.fold_transliteration(name), list(keys), scorer=fuzz.ratio, score_cutoff=setting("fuzzy_min_score")
    )
    if match is None:
        return (), ""
    return keys[match[0]], f"; spelling variant of {match[0]!r} (rapidfuzz ratio {match[1]:.0f} after folding)"


#: Region words used by one country only: they name a region of that country whatever the report's context.
_NATIONAL_REGION_WORDS = (
    ("voivodeship|voivodship|województwo", "POL"),
    ("apskritis", "LTU"),
    ("maakond", "EST"),
    ("novads", "LVA"),
    ("voblasts?|voblas[cć]|вобласць", "BLR"),
    ("krai|kray", "RUS"),
)


def _vowel_blind_region_codes(name: str, context: str | None) -> tuple[tuple[str, ...], str]:
    """Return the one region of ``context`` whose folded name has the same consonants in order ("Lobusz" = "Lubusz").

    Romanisations and misspellings shift vowels (a/o, u/o, ya/e) more than consonants; with four consonants
    or more and a single region of the country matching, the reading is unambiguous. Needs a context country.
    """
    if context is None:
        return (), ""

    def skeleton(text: str) -> str:
        return re.sub(r"[aeiouy]+", "*", gazetteer.fold_transliteration(text))

    target = skeleton(name)
    if len(re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", name)) < 4:
        return (), ""
    hits = {k: v for k, v in gazetteer.folded_region_keys(context).items() if skeleton(k) == target}
    codes = {c for v in hits.values() for c in v}
    if len(codes) != 1:
        return (), ""
    return tuple(codes), f"; the consonants of {next(iter(hits))!r} with other vowels (a romanisation or misspelling)"


def _region_list_rule(phrase: str, context: str | None) -> GeocodeResult | None:
    """Resolve "Võru, Põlva, Valga counties" / "Brest and Grodno regions" as a union of regions."""
    raw_parts = [p for p in re.split(r",|;|&|\band\b|\bи\b", phrase) if p.strip()]
    if len(raw_parts) < 2:
        return None
    parts = [strip_words(clean_phrase(p), gazetteer.REGION_WORDS)[0] for p in raw_parts]
    codes: list[str] = []
    for part in parts:
        found = _region_codes(part)
        if context is not None and len(found) > 1:
            found = tuple(c for c in found if gazetteer.region_country(c) == context) or found
        if len(found) != 1:
            return None
        codes.append(found[0])
    names = ", ".join(gazetteer.admin1_names()[c] for c in codes)
    countries = {gazetteer.region_country(c) for c in codes}
    country = countries.pop() if len(countries) == 1 else (context or "")
    explanation = f"union of admin-1 regions {names} ({', '.join(codes)})"
    area = areas.oblast_union(gazetteer.region_members(tuple(sorted(codes))))
    return area_result(phrase, "region", area, country, explanation, admin1=names)


#: A region word that may name a unit below admin-1 (a Polish powiat is a "county"): when no admin-1 region has the
#: name but a town does, the unit is the one around that town (site probes, ninth session).
_COUNTY = re.compile(r"\b(?:county|counties)\b")


def region_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return the admin-1 region(s) a phrase with a region word names ("the Pskov region"), or None."""
    key = territory_as_krai(key)
    stripped, had_word = strip_words(key, gazetteer.REGION_WORDS)
    if not had_word or not stripped:
        return None
    # "the Lobusz Voivodeship" in a Belarus report: the region word says which country's regions to search.
    context = next((iso3 for word, iso3 in _NATIONAL_REGION_WORDS if re.search(rf"\b{word}\b", key)), context)
    listed = _region_list_rule(phrase, context)
    if listed is not None:
        return listed
    part = _COMPASS_PART.match(stripped)
    if part and _region_codes(part["rest"]) and not _region_codes(stripped):  # not "West Pomerania"
        # "northern Vitebsk region", "the northeast part of the Vitebsk region": inside that region, which is
        # drawn whole (no band is cut from one region); the explanation says so.
        stripped = part["rest"]
        how = f"; the {part['side']} part of it, drawn as the whole region"
        result = region_result(phrase, _region_codes(stripped)[0], how)
        return result if len(_region_codes(stripped)) == 1 else None
    codes, how = _region_codes(stripped), ""
    if re.search(r"\b(?:county|counties|apskritis)\b", key):  # Lithuania: the county, not the municipality
        county, county_how = _fuzzy_region_codes(stripped, context, groups_only=True)
        codes, how = (county, county_how) if county else (codes, how)
    if not codes and stripped in gazetteer.world_region_countries():  # "the Armavir province": Armenia's, no town's
        outside = _outside_layer(phrase, stripped, context)
        if outside is not None:
            return outside
    if not codes:
        codes, how = _namesake_region(stripped)
    if not codes:
        codes, how = _fuzzy_region_codes(stripped, context)
    if not codes:
        codes, how = _vowel_blind_region_codes(stripped, context)
    outside = None if codes else _outside_layer(phrase, stripped, context)
    if outside is not None:
        return outside
    if not codes and context is not None:  # "Podlasie province" in a Belarus report: any country's region
        codes, how = _fuzzy_region_codes(stripped, None)
    if not codes and (centre := _centre_outside_layer(phrase, stripped)) is not None:
        return centre
    if not codes and _COUNTY.search(key) and normalize_name(stripped) in gazetteer.town_index():
        return None  # "Suwałki County": a Polish powiat, below admin-1; placed on its town (geocoder's anchor rule)
    if not codes:
        return unresolved(phrase, f"no admin-1 region is called {stripped!r}")
    if len(codes) > 1 and context is not None:
        codes = tuple(c for c in codes if gazetteer.region_country(c) == context) or codes
    if len(codes) > 1:
        return unresolved(phrase, f"{stripped!r} names several regions: {', '.join(codes)}")
    return region_result(phrase, codes[0], how)


#: "Panevezys district", "the Švenčionys district municipality": a district named after its centre.
_DISTRICT = re.compile(r"^(?P<name>.+?)\s+(?:district|rajonas|raion)(?:\s+municipality)?$")


def district_rule(phrase: str, key: str) -> GeocodeResult | None:
    """Return the admin-1 unit that is a district named after its centre, where the layer has districts.

    Lithuania's admin-1 units are its municipalities: "Panevezys district" is the "Panevėžio rajono
    savivaldybė" (the district around the town), not the town's own "miesto" (city) municipality, which the
    town's point falls in. The district's genitive and the town's nominative fold alike
    (:func:`geo.geocode.gazetteer.fold_transliteration`); so do Latvia's "Rezeknes" municipality and "Rezekne" city,
    and "Rezekne district" is the municipality. Elsewhere a district is not an admin-1 unit: None.
    """
    match = _DISTRICT.match(key)
    if match is None:
        return None
    target = gazetteer.fold_transliteration(match["name"])
    names = gazetteer.admin1_names()
    codes = [
        code
        for code, name in names.items()
        if " rajono " in f" {name.casefold()} "
        and gazetteer.fold_transliteration(normalize_name(name.split()[0])) == target
    ]
    if not codes:
        # Latvia's layer has the town ("Rezekne") and the municipality around it, named in the genitive
        # ("Rezeknes"): the district is the unit named after the town, not the town's own.
        codes = [
            code
            for code, name in names.items()
            if normalize_name(name) != match["name"] and gazetteer.fold_transliteration(normalize_name(name)) == target
        ]
    if len(codes) != 1:
        return None
    return region_result(phrase, codes[0], "; the district around the town it is named after")


def region_result(phrase: str, code: str, how: str = "") -> GeocodeResult:
    """Return the admin-1 region (or Lithuanian county) ``code`` as a resolved area."""
    name = gazetteer.admin1_names()[code]
    members = gazetteer.region_members((code,))
    source = "Natural Earth 1:10m via Elastic Maps Service"
    if members != (code,):
        source = f"the union of its {len(members)} municipalities (ISO 3166-2 parent codes, pycountry); {source}"
    explanation = f"admin-1 region {name} ({code}), {source}{how}"
    area = areas.oblast_union(members)
    country = gazetteer.region_country(code)
    return area_result(phrase, "region", area, country, explanation, admin1=name, gazetteer_id=code)
