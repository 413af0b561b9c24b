"""Turn place phrases from news reports into honest geometries.

:func:`geocode` tries, in order, and stops at the first rule that applies:

1. ``id:<gazetteer id>`` — a reviewer's explicit choice (training ground ``by_tg_losvido``,
   ``geonames:620127``, region ``BY-VI``, country ``BLR``).
2. **Border strips** — the phrase mentions a border: a strip inside the context country along its land
   border with the neighbours the phrase names ("the border with Ukraine", "parts of Belarus that border
   Poland and Lithuania") or a compass word selects ("the southern border", "the western border").
3. **Interior** — "the interior of the country", "deep inside the country".
4. **Compass regions** — "western Belarus", "SE Estonia", "the eastern and central part of the country":
   cells of a 3 x 3 grid of thirds of the country's extent (:mod:`geo.geocode.area_rules`).
5. **Regions** — "Vitebsk region", "the Pskov region", "Masovian voivodeship", "Vilnius county",
   "Витебская область": admin-1 names, ISO 3166-2 aliases and a transliteration-aware fuzzy match.
5a. **A place tied to its region** — "Kiltsi, Lääne County", "X, Ivanovo Oblast, Russia": the place when the
   gazetteer holds it in that region, else the region (:mod:`geo.geocode.region_anchor`), tried before rule 5.
6. **Training grounds and airfields** — names and spellings from ``training_grounds.csv`` ("Losvido",
   "Lepelets"/"Lepelsky"/"Lepel range", "Brestsky"/"the Brest range", Cyrillic forms). A name that is
   also a town ("Brest", "Lida") needs a range/airfield word or an adjectival form to mean the range.
7. **Countries** — "Belarus", "Poland", "Беларусь", "the Republic of Belarus", "Belarusian territory",
   "the territory of the Russian Federation"; a republic that is no country ("the Republic of Tatarstan")
   is read as a region (rule 5).
8. **Towns** — GeoNames names and alternate names (Vitebsk / Viciebsk / Віцебск), context country first.
8a. **Seas, corridors and rivers** — "the Baltic Sea", "the Suwałki Gap", "the Berezina river", "the Neman"
   (a river's course within the context country, :mod:`geo.geocode.features`), tried before compass regions.
9. **Spelling variants** — a rapidfuzz match of the whole name (``fuzzy_min_score``) against ranges and
   the context country's towns, explained as such.

Anything else is ``unresolved`` with the phrase kept: Drillmap never guesses a location.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pycountry
from rapidfuzz import fuzz, process
from shapely.geometry import Point

from geo.core import derived
from geo.core.countries import DEMONYMS
from geo.core.crs import to_metric
from geo.core.settings import setting
from geo.geocode import areas, gazetteer
from geo.geocode.anchors import anchors, reference_city
from geo.geocode.area_rules import border_rule, compass_region_rule, district_rule, region_result, region_rule
from geo.geocode.bare_regions import bare_region_rule
from geo.geocode.features import named_feature_rule, river_rule
from geo.geocode.gazetteer import clean_phrase, normalize_name, strip_words
from geo.geocode.lakes import lake_rule
from geo.geocode.region_anchor import region_anchor_rule
from geo.geocode.result import GeocodeResult, Kind, area_result, unresolved
from geo.geocode.romanisation import hacek_digraphs, lacinka_key, romanisation_skeleton, site_skeletons
from geo.reference.layers import layer

__all__ = ["GeocodeResult", "admin1_of", "clean_phrase", "geocode"]

#: Longest phrase accepted (characters); longer input is not a place phrase.
MAX_PHRASE_CHARS = 300
#: Radius (km) standing for a town's built-up area around its GeoNames centre, by population.
TOWN_RADIUS_KM = 5.0
CITY_RADIUS_KM = 10.0
CITY_MIN_POPULATION = 100_000
#: A training ground or airfield known to this radius or better counts as a point, not an area.
POINT_MAX_RADIUS_KM = 2.0

_BORDER = re.compile(r"\bborder|\bграниц|\bмяж")
_INTERIOR = re.compile(r"\binterior\b|\bdeep(?:er)?\s+(?:inside|into)\b|\binland\b")
#: "the territory of X", "X territory", "the Republic of X": the country X.
_COUNTRY_FRAME = re.compile(
    r"^(?:(?:territory|soil)\s+of\s+(?:the\s+)?)?(?:republic\s+of\s+)?(?P<name>.+?)(?:\s+(?:territory|soil))?$"
)


@cache
@cache  # asked for every town of the gazetteer when a country's keys are gathered; a handful of countries
def _iso3_from_iso2(iso2: str) -> str | None:
    entry = pycountry.countries.get(alpha_2=iso2)
    return None if entry is None else str(entry.alpha_3)


#: How far (km) a place of a country may lie outside its country's regions in the admin-1 layer, whose borders
#: are coarse: Narva, on the Estonian bank of the border river, falls inside the layer's Leningrad region.
ADMIN1_SNAP_KM = 10.0


def admin1_of(point: Point, country: str | None = None) -> str | None:
    """Return the name of the admin-1 region holding ``point`` (lon, lat), or None outside all.

    With ``country`` (ISO3), only that country's regions count: a place is never put in a neighbour's region; one
    just outside its own country's regions (a coarse border) gets the nearest within :data:`ADMIN1_SNAP_KM`.
    """
    admin1 = layer("admin1")
    rows = admin1.iloc[admin1.sindex.query(point, predicate="within")]
    if country is not None:
        rows = rows[rows["iso3"] == country]
    if len(rows):
        return str(rows.iloc[0]["name"])
    own = admin1[admin1["iso3"] == country] if country is not None else admin1.iloc[0:0]
    if own.empty:
        return None
    metric = to_metric(point)
    distances = [to_metric(geometry).distance(metric) for geometry in own.geometry]
    nearest = min(range(len(distances)), key=distances.__getitem__)
    return str(own.iloc[nearest]["name"]) if distances[nearest] <= ADMIN1_SNAP_KM * 1000 else None


def _town_regions() -> dict[str, str | None]:
    return {
        geonameid: admin1_of(Point(town.lon, town.lat), _iso3_from_iso2(town.country))
        for geonameid, town in gazetteer.towns().items()
    }


@cache
def town_regions() -> dict[str, str | None]:
    """Return :func:`admin1_of` each gazetteer town's point, by geonameid.

    Prepared once per code and reference data (:func:`geo.core.derived.prepared`), so that placing a town
    does not read the admin-1 polygons (a 1.2 MB GeoJSON, a quarter of a second) in every process.
    """
    return dict(derived.prepared("town_regions", _town_regions))


def _site_result(phrase: str, site_id: str, how: str) -> GeocodeResult:
    site = gazetteer.sites()[site_id]
    radius_km = site.radius_m / 1000.0
    if site.derived:
        basis = f"derived point: {site.derivation}"
    elif site.confidence == "low":
        basis = "town proxy (no published coordinate of the site itself)"
    else:
        basis = "cited coordinate of the site"
    kind: Kind = site.kind if site.kind in ("training_ground", "airfield", "region") else "training_ground"  # type: ignore[assignment]
    point = Point(site.lon, site.lat)
    return GeocodeResult(
        query=phrase,
        status="resolved",
        kind=kind,
        geometry=point,
        precision_km=radius_km,
        precision="point" if radius_km <= POINT_MAX_RADIUS_KM else "area",
        country=site.country,
        admin1=admin1_of(point, site.country) or site.admin1,
        explanation=f"{site.name} ({site_id}, training-grounds data) {how}; {basis}; "
        f"within ~{radius_km:g} km; confidence {site.confidence}",
        confidence=site.confidence,
        gazetteer_id=site_id,
        sources=site.sources,
    )


def _names_a_town(key: str, context: str | None) -> bool:
    """Whether a range's name written alone is a town's, by name or in another romanisation.

    A noun (no adjectival ending) whose skeleton is one town's of the context country: "Liepiel" is Lepel, as
    "Lepel" is; "Liepielski" is the range.
    """
    if key in gazetteer.town_index():
        return True
    return gazetteer.adjective_stem(key) is None and romanisation_skeleton(key) in town_skeletons(context)


def _site_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    stripped, had_word = strip_words(key, gazetteer.RANGE_WORDS + gazetteer.AIRFIELD_WORDS)
    if not stripped:
        return None
    index = gazetteer.site_index()
    ids = index.get(stripped) or index.get(hacek_digraphs(stripped), ())  # "Hožski" is the Hozhski of the data
    how = "matched by name"
    for stem in gazetteer.adjective_stems(stripped):
        if ids:
            break
        ids = index.get(stem, ())
        how = f"matched by the stem {stem!r} of the adjectival form {stripped!r}"
        had_word = had_word or bool(ids)
    if not ids and had_word:  # "the Obuz-Lyasnouski training ground": a Belarusian romanisation
        ids = site_skeletons().get(romanisation_skeleton(stripped), ())
        how = f"matched across romanisations (skeleton {romanisation_skeleton(stripped)!r})"
    if not ids:
        return None
    if not had_word and _names_a_town(stripped, context):
        return None  # "Brest" alone is the town; "the Brest range" or "Brestsky" is the range.
    if len(ids) > 1:
        return unresolved(phrase, f"{stripped!r} names several sites: {', '.join(ids)}")
    return _site_result(phrase, ids[0], how)


def _place_result(
    phrase: str,
    lon: float,
    lat: float,
    iso3: str | None,
    population: int,
    described: str,
    gazetteer_id: str | None,
    admin1: str | None,
) -> GeocodeResult:
    """A town or city as a point with the radius of its built-up area (by population), in region ``admin1``."""
    radius = CITY_RADIUS_KM if population >= CITY_MIN_POPULATION else TOWN_RADIUS_KM
    point = Point(lon, lat)
    return GeocodeResult(
        query=phrase,
        status="resolved",
        kind="town",
        geometry=point,
        precision_km=radius,
        precision="point",
        country=iso3,
        admin1=admin1,
        explanation=f"{described}; radius {radius:g} km for the built-up area",
        confidence="high",
        gazetteer_id=gazetteer_id,
    )


def _town_result(phrase: str, geonameid: str, how: str) -> GeocodeResult:
    town = gazetteer.towns()[geonameid]
    described = f"town {town.name} (GeoNames {geonameid}, population {town.population:,}) {how}"
    iso3 = _iso3_from_iso2(town.country)
    where = town_regions()[geonameid]
    return _place_result(phrase, town.lon, town.lat, iso3, town.population, described, f"geonames:{geonameid}", where)


def _pick_town(ids: tuple[str, ...], context: str | None) -> str:
    if context is not None:
        for geonameid in ids:
            if _iso3_from_iso2(gazetteer.towns()[geonameid].country) == context:
                return geonameid
    return ids[0]  # largest population first


@cache
def _town_keys(context: str | None) -> tuple[str, ...]:
    """Town-name keys of the context country (all towns when there is none), for fuzzy matching."""
    towns = gazetteer.towns()
    return tuple(
        k
        for k, ids in gazetteer.town_index().items()
        if context is None or _iso3_from_iso2(towns[ids[0]].country) == context
    )


def _town_skeleton_rows() -> dict[str, list[list[str | None]]]:
    out: dict[str, list[list[str | None]]] = {}
    for key, ids in gazetteer.town_index().items():
        skeleton = romanisation_skeleton(key)
        if len(skeleton.replace(" ", "")) >= 4:
            town = gazetteer.towns()[ids[0]]
            row = [town.geonameid, _iso3_from_iso2(town.country)]
            if row not in out.setdefault(skeleton, []):
                out[skeleton].append(row)
    return out


@cache
def _all_town_skeletons() -> dict[str, list[list[str | None]]]:
    """Every town's skeleton: ``[geonameid, ISO3]`` rows by :func:`romanisation_skeleton` of the name."""
    return dict(derived.prepared("town_skeletons", _town_skeleton_rows))


@cache
def town_skeletons(context: str | None) -> dict[str, tuple[str, ...]]:
    """Town ids of the context country by :func:`romanisation_skeleton` of each name, when unique.

    For the town a report anchors a place to ("Liepiel district" → Lepel): Łacinka and Belarusian
    romanisations meet the GeoNames names there. A skeleton two towns share is left out. Every town's
    skeleton is folded once per code and reference data (:func:`geo.core.derived.prepared`): 35,000 names.
    """
    out: dict[str, tuple[str, ...]] = {}
    for skeleton, rows in _all_town_skeletons().items():
        kept = [str(geonameid) for geonameid, iso3 in rows if context is None or iso3 == context]
        if len(kept) == 1:
            out[skeleton] = (kept[0],)
    return out


def _fuzzy_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    if len(key) < 5:
        return None
    cutoff = setting("fuzzy_min_score")
    site_keys = list(gazetteer.site_index())
    # "the Sturugi Krasniye range": the range word is no part of the misspelt name (thirteenth pass)
    name, had_word = strip_words(key, gazetteer.RANGE_WORDS + gazetteer.AIRFIELD_WORDS)
    if not had_word and romanisation_skeleton(key) in town_skeletons(context):
        return None  # "Lepiel" alone is the town Lepel (the skeleton rule's), as "Lepel" is; not the Liepielski range
    match = process.extractOne(
        name if had_word and len(name) >= 5 else key, site_keys, scorer=fuzz.ratio, score_cutoff=cutoff
    )
    if match is not None:
        ids = gazetteer.site_index()[match[0]]
        if len(ids) == 1:
            return _site_result(phrase, ids[0], f"spelling variant of {match[0]!r} (rapidfuzz ratio {match[1]:.0f})")
    match = process.extractOne(key, _town_keys(context), scorer=fuzz.ratio, score_cutoff=cutoff)
    if match is not None:
        ids = gazetteer.town_index()[match[0]]
        return _town_result(
            phrase, _pick_town(ids, context), f"spelling variant of {match[0]!r} (ratio {match[1]:.0f})"
        )
    return None


@cache
def _spelled_town_skeletons() -> frozenset[str]:
    """Skeletons that are one town's in some country (Svetlogorsk is a town of Belarus and one of Russia)."""
    out = set()
    for skeleton, rows in _all_town_skeletons().items():
        countries = [iso3 for _, iso3 in rows]
        if any(countries.count(iso3) == 1 for iso3 in countries):
            out.add(skeleton)
    return frozenset(out)


def is_town_spelling(key: str) -> bool:
    """Whether a normalised name is a town's in another romanisation: its skeleton is one town's in some country.

    The geocoder then picks the context country's town (:func:`town_skeletons`): "Svietlahorsk" is Svetlogorsk,
    whose name a Belarusian and a Russian town share.
    """
    if lacinka_key(key) in gazetteer.town_index():
        return True
    return len(key) >= 5 and romanisation_skeleton(key) in _spelled_town_skeletons()


def _skeleton_town_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """A town written in another romanisation ("Oshmiany", "Ošmiany" for Oshmyany): its skeleton, when unique."""
    if len(key) < 5:
        return None
    skeleton = romanisation_skeleton(key)
    ids = town_skeletons(context).get(skeleton)  # not any country's: "Polonka" (Belarus) is no Palanga
    if not ids:
        return None
    return _town_result(phrase, ids[0], f"matched across romanisations (skeleton {skeleton!r})")


def _reference_city_rule(phrase: str, key: str) -> GeocodeResult | None:
    """A capital or major city outside the regional gazetteer (Stockholm), from Natural Earth's places."""
    city = reference_city(key)
    if city is None:
        return None
    name, lon, lat, iso3, population = city
    described = f"city {name} (Natural Earth populated places, population {population:,}) matched by name"
    return _place_result(phrase, lon, lat, iso3, population, described, None, admin1_of(Point(lon, lat), iso3))


def _anchor_rule(phrase: str, context: str | None) -> GeocodeResult | None:
    """Place an unknown village or range on the town the report anchors it to, with a wide radius."""
    for anchor in anchors(phrase):
        key = clean_phrase(anchor.name)
        ids = gazetteer.town_index().get(key) or town_skeletons(context).get(romanisation_skeleton(key))
        town = _town_result(phrase, _pick_town(ids, context), "matched by name") if ids else None
        town = town or _reference_city_rule(phrase, key)
        if town is None:
            continue
        return dataclasses.replace(
            town,
            kind="training_ground" if anchor.kind == "range" else "town",
            precision_km=anchor.radius_km,
            precision="area",
            confidence="low",
            explanation=f"not in the gazetteer; placed by the report's own anchor ({anchor.kind} {anchor.name!r}): "
            f"{town.explanation.split(';')[0]}; within ~{anchor.radius_km:g} km of it (town proxy)",
        )
    return None


def _by_id(phrase: str, ident: str) -> GeocodeResult:
    if ident in gazetteer.sites():
        return _site_result(phrase, ident, "chosen by id")
    if ident.startswith("geonames:") and ident[9:] in gazetteer.towns():
        return _town_result(phrase, ident[9:], "chosen by id")
    if ident in gazetteer.admin1_names():
        return region_result(phrase, ident, "; chosen by id")
    if ident in set(layer("countries")["iso3"]):
        return _country_result(phrase, ident, "chosen by id")
    return unresolved(phrase, f"no gazetteer entry has the id {ident!r}")


def _country_result(phrase: str, iso3: str, how: str) -> GeocodeResult:
    countries = layer("countries")
    row = countries[countries["iso3"] == iso3].iloc[0]
    explanation = f"country {row['name']} ({iso3}) {how}; Natural Earth 1:10m"
    return area_result(phrase, "country", row.geometry, iso3, explanation)


def _country_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Return the country a phrase names: by name, "the Republic of X", "X territory", "Belarusian territory"."""
    if key in ("country", "the country", "territory") and context:
        return _country_result(phrase, context, "(the report's country)")
    match = _COUNTRY_FRAME.match(key)
    name = match["name"] if match else key
    iso3 = gazetteer.country_index().get(key) or gazetteer.country_index().get(name)
    if iso3 is None and match and name != key:
        iso3 = {normalize_name(d): c for d, c in DEMONYMS.items()}.get(name)
    in_layer = iso3 is not None and iso3 in set(layer("countries")["iso3"])
    return _country_result(phrase, iso3, "matched by name") if in_layer and iso3 else None


#: "the Republic of Tatarstan", "Karelia republic": a region called a republic (when it is not a country).
_REPUBLIC = re.compile(r"^(?:republic\s+of\s+(?P<of>.+)|(?P<before>.+)\s+republic)$")


def _republic_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    """Read a republic that is not a country as a region: the admin-1 unit, or its country outside the layer."""
    match = _REPUBLIC.match(key)
    if match is None:
        return None
    return region_rule(phrase, f"{match['of'] or match['before']} region", context)


def geocode(phrase: str, *, country: str | None = "BLR") -> GeocodeResult:
    """Geocode a place phrase as written in a report.

    Parameters
    ----------
    phrase
        The place phrase ("the Vitebsk region", "Losvido", "the southern border", "id:by_tg_losvido").
    country
        ISO3 of the context country: the country a relational phrase ("the southern border", "the
        interior of the country") refers to, and the one whose towns are preferred. ``None`` for none.

    Returns
    -------
    GeocodeResult
        Resolved with geometry in EPSG:4326 (lon, lat), or unresolved with the phrase and the reason.
    """
    text = phrase.strip()
    if not text:
        return unresolved(phrase, "empty place phrase")
    if len(text) > MAX_PHRASE_CHARS:
        return unresolved(phrase, f"longer than {MAX_PHRASE_CHARS} characters: not a place phrase")
    if text.startswith("id:"):
        return _by_id(phrase, text[3:].strip())
    key = clean_phrase(text)
    if not key:
        return unresolved(phrase, "no letters in the place phrase")
    context = country
    if _BORDER.search(key):
        if context is None:
            return unresolved(phrase, "a border phrase needs a context country")
        return border_rule(phrase, key, context)
    if _INTERIOR.search(key):
        if context is None:
            return unresolved(phrase, "'the interior' needs a context country")
        depth = setting("interior_min_depth_km")
        explanation = f"interior: {context} farther than {depth:g} km from every land border"
        return area_result(phrase, "region", areas.interior(context, depth), context, explanation)
    result = named_feature_rule(phrase, key) or river_rule(phrase, key, context) or lake_rule(phrase, key, context)
    result = result or compass_region_rule(phrase, key, context)
    result = result or region_anchor_rule(text, context, geocode, region_rule)
    result = result or region_rule(phrase, key, context) or district_rule(phrase, key)
    result = result or _site_rule(phrase, key, context) or _country_rule(phrase, key, context)
    result = result or _republic_rule(phrase, key, context)
    if result is not None:
        return result
    ids = gazetteer.town_index().get(key)
    if ids:
        return _town_result(phrase, _pick_town(ids, context), "matched by name")
    ids = gazetteer.town_index().get(lacinka_key(key))
    if ids:  # "Bieraście": GeoNames' Beras'ce
        how = f"matched by name as {lacinka_key(key)!r} (Łacinka ie = e)"
        return _town_result(phrase, _pick_town(ids, context), how)
    fuzzy = _reference_city_rule(phrase, key) or _fuzzy_rule(phrase, key, context)
    fuzzy = fuzzy or _skeleton_town_rule(phrase, key, context)
    fuzzy = fuzzy or bare_region_rule(phrase, key) or _anchor_rule(text, context)  # "Dagestan": geocode.bare_regions
    if fuzzy is not None:
        return fuzzy
    return unresolved(phrase, "no gazetteer entry or rule matches this phrase")
