"""Turn place phrases from news reports into honest geometries.

:func:`geocode` tries, in order, and stops at the first rule that applies:

1. ``id:<gazetteer id>`` — a reviewer's explicit choice (training ground ``by_tg_losvido``,
   ``geonames:620127``, region ``BY-VI``, country ``BLR``).
2. **Border strips** — the phrase mentions a border: a strip inside the context country along its land
   border with the neighbours the phrase names ("the border with Ukraine", "parts of Belarus that border
   Poland and Lithuania") or a compass word selects ("the southern border", "the western border").
3. **Interior** — "the interior of the country", "deep inside the country".
4. **Compass regions** — "western Belarus", "the eastern and central part of the country": whole oblasts.
5. **Regions** — "Vitebsk region", "the Brest region", "Minsk oblast", "Витебская область".
6. **Training grounds and airfields** — names and spellings from ``training_grounds.csv`` ("Losvido",
   "Lepelets"/"Lepelsky"/"Lepel range", "Brestsky"/"the Brest range", Cyrillic forms). A name that is
   also a town ("Brest", "Lida") needs a range/airfield word or an adjectival form to mean the range.
7. **Countries** — "Belarus", "Poland", "Беларусь".
8. **Towns** — GeoNames names and alternate names (Vitebsk / Viciebsk / Віцебск), context country first.
9. **Spelling variants** — a rapidfuzz match of the whole name (``fuzzy_min_score``) against ranges and
   the context country's towns, explained as such.

Anything else is ``unresolved`` with the phrase kept: Drillmap never guesses a location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import pycountry
from rapidfuzz import fuzz, process
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from geo.core.settings import setting
from geo.geocode import areas, gazetteer
from geo.geocode.gazetteer import normalize_name, strip_words
from geo.reference.layers import layer

Status = Literal["resolved", "unresolved"]
Kind = Literal["training_ground", "airfield", "town", "region", "border_zone", "country"]
Precision = Literal["point", "area", "border_zone", "region", "country", "unresolved"]


@dataclass(frozen=True)
class GeocodeResult:
    """What the geocoder made of a place phrase.

    Attributes
    ----------
    query
        The phrase as written.
    status
        ``resolved`` or ``unresolved`` (the phrase is kept, nothing is guessed).
    kind
        ``training_ground``, ``airfield``, ``town``, ``region``, ``border_zone`` or ``country``.
    geometry
        Shapely geometry in EPSG:4326 (lon, lat): a Point for ranges, airfields and towns, a (Multi)Polygon
        for regions, border strips and countries. ``None`` when unresolved.
    precision_km
        Radius (km) within which the true location lies, for points; ``None`` for areas.
    precision
        ``point`` (a place known to a few km) or ``area`` (a proxy point with a wide radius), or for
        polygons ``region``, ``border_zone``, ``country``; ``unresolved``.
    country
        ISO 3166-1 alpha-3 code of the country holding the place.
    admin1
        Name of the first-level region (oblast) holding the place, when known.
    explanation
        One line saying how the result was derived (gazetteer row, rule and parameters).
    confidence
        ``high``, ``medium`` or ``low`` (training grounds keep the gazetteer's confidence).
    gazetteer_id
        Id of the gazetteer row used (``by_tg_losvido``, ``geonames:620127``, ``BY-VI`` …).
    border_line
        For a border strip, the land border it stands for (EPSG:4326 lines); ``None`` otherwise.
    """

    query: str
    status: Status
    kind: Kind | None = None
    geometry: BaseGeometry | None = None
    precision_km: float | None = None
    precision: Precision = "unresolved"
    country: str | None = None
    admin1: str | None = None
    explanation: str = ""
    confidence: str | None = None
    gazetteer_id: str | None = None
    sources: tuple[str, ...] = field(default=())
    border_line: BaseGeometry | None = None

    @property
    def lat(self) -> float | None:
        """Latitude of a representative point (inside the geometry), or None."""
        return None if self.geometry is None else float(self.geometry.representative_point().y)

    @property
    def lon(self) -> float | None:
        """Longitude of a representative point (inside the geometry), or None."""
        return None if self.geometry is None else float(self.geometry.representative_point().x)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; the geometry as a GeoJSON mapping (lon, lat order)."""
        from shapely.geometry import mapping

        return {
            "query": self.query,
            "status": self.status,
            "kind": self.kind,
            "precision": self.precision,
            "precision_km": self.precision_km,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "confidence": self.confidence,
            "gazetteer_id": self.gazetteer_id,
            "explanation": self.explanation,
            "sources": list(self.sources),
            "geometry": None if self.geometry is None else mapping(self.geometry),
        }


#: Longest phrase accepted (characters); longer input is not a place phrase.
MAX_PHRASE_CHARS = 300
#: Radius (km) standing for a town's built-up area around its GeoNames centre, by population.
TOWN_RADIUS_KM = 5.0
CITY_RADIUS_KM = 10.0
CITY_MIN_POPULATION = 100_000
#: A training ground or airfield known to this radius or better counts as a point, not an area.
POINT_MAX_RADIUS_KM = 2.0

_LEADING = re.compile(r"^(?:(?:in|at|near|around|on|along|to|from|within|across|inside|the|a|an)\s+)+")
_POSSESSIVE = re.compile(r"(?<=\w)[’']s\b")
_BORDER = re.compile(r"\bborder|\bграниц|\bмяж")
_INTERIOR = re.compile(r"\binterior\b|\bdeep(?:er)?\s+(?:inside|into)\b|\binland\b")
_COUNTRY_WORDS = re.compile(r"\b(?:the\s+)?(?:country|parts?\s+of\s+the\s+country|territory)\b")
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


def _unresolved(phrase: str, why: str) -> GeocodeResult:
    return GeocodeResult(query=phrase, status="unresolved", explanation=why)


def compass_words(key: str) -> list[str]:
    """Return the compass directions named in a normalised phrase, in a stable order."""
    found: list[str] = []
    rest = key
    for pattern, name in _COMPASS:
        if re.search(pattern, rest):
            found.append(name)
            rest = re.sub(pattern, " ", rest)
    return found


def countries_named(key: str) -> list[str]:
    """Return the ISO3 codes of the countries a normalised phrase names, in order of appearance."""
    hits: list[tuple[int, str]] = []
    for name, iso3 in gazetteer.country_index().items():
        match = re.search(rf"(?:^|\s){re.escape(name)}(?:\s|$)", key)
        if match and iso3 not in (h[1] for h in hits):
            hits.append((match.start(), iso3))
    return [iso3 for _, iso3 in sorted(hits)]


@cache
def _iso3_from_iso2(iso2: str) -> str | None:
    entry = pycountry.countries.get(alpha_2=iso2)
    return None if entry is None else str(entry.alpha_3)


def admin1_of(point: Point) -> str | None:
    """Return the name of the admin-1 region holding ``point`` (lon, lat), or None outside all."""
    admin1 = layer("admin1")
    hits = admin1.sindex.query(point, predicate="within")
    return None if len(hits) == 0 else str(admin1.iloc[int(hits[0])]["name"])


def _area(phrase: str, kind: Kind, geom: BaseGeometry, country: str, explanation: str, **kw: Any) -> GeocodeResult:
    if geom.is_empty:
        return _unresolved(phrase, f"the rule gave an empty area: {explanation}")
    precision: Precision = "border_zone" if kind == "border_zone" else ("country" if kind == "country" else "region")
    return GeocodeResult(
        query=phrase,
        status="resolved",
        kind=kind,
        geometry=geom,
        precision=precision,
        country=country,
        explanation=explanation,
        confidence="medium" if kind in ("border_zone", "region") else "high",
        **kw,
    )


def _border_rule(phrase: str, key: str, context: str) -> GeocodeResult:
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
        return _unresolved(phrase, f"a border phrase naming no neighbour and no compass side of {context}")
    if not neighbours:
        return _unresolved(phrase, f"no land border of {context} lies to the {'/'.join(directions)}")
    depth = setting("border_strip_depth_km")
    strip = areas.border_strip(context, neighbours, depth)
    explanation = f"border strip: {context} within {depth:g} km of its land border with {', '.join(neighbours)}; {how}"
    if strip.is_empty:
        return _unresolved(phrase, f"{context} shares no land border with {', '.join(neighbours)}")
    line = areas.shared_border(context, neighbours)
    return _area(phrase, "border_zone", strip, context, explanation, border_line=line)


def _without_country_names(key: str) -> str:
    """Drop country names so that "North Macedonia" or "South Korea" is no compass word."""
    for name in sorted(gazetteer.country_index(), key=len, reverse=True):
        if " " in name:
            key = re.sub(rf"(?:^|\s){re.escape(name)}(?:\s|$)", " ", key)
    return key


def _compass_region_rule(phrase: str, key: str, context: str) -> GeocodeResult | None:
    directions = compass_words(_without_country_names(key))
    mentions_country = context in countries_named(key) or bool(_COUNTRY_WORDS.search(key))
    if not directions or not mentions_country:
        return None
    if context != "BLR":
        return _unresolved(phrase, f"compass regions are defined for Belarus only, not {context}")
    codes = tuple(sorted({c for d in directions for c in areas.BELARUS_COMPASS_OBLASTS.get(d, ())}))
    names = ", ".join(gazetteer.admin1_names()[c] for c in codes)
    explanation = f"compass region: {'/'.join(directions)} Belarus = oblasts {names} ({', '.join(codes)})"
    return _area(phrase, "region", areas.oblast_union(codes), "BLR", explanation, admin1=names)


def _region_codes(name: str) -> tuple[str, ...]:
    index = gazetteer.region_index()
    codes = index.get(name, ())
    for stem in gazetteer.adjective_stems(name):
        codes = codes or index.get(stem, ())
    return codes


def _region_list_rule(phrase: str, stripped: str, context: str | None) -> GeocodeResult | None:
    """Resolve "Võru, Põlva, Valga counties" / "Brest and Grodno regions" as a union of regions."""
    raw_parts = [p for p in re.split(r",|;|&|\band\b|\bи\b", phrase) if p.strip()]
    if len(raw_parts) < 2:
        return None
    parts = [strip_words(clean_phrase(p), gazetteer.REGION_WORDS)[0] for p in raw_parts]
    codes: list[str] = []
    for part in parts:
        found = _region_codes(part)
        if context is not None and len(found) > 1:
            found = tuple(c for c in found if _region_country(c) == context) or found
        if len(found) != 1:
            return None
        codes.append(found[0])
    names = ", ".join(gazetteer.admin1_names()[c] for c in codes)
    countries = {_region_country(c) for c in codes}
    country = countries.pop() if len(countries) == 1 else (context or "")
    explanation = f"union of admin-1 regions {names} ({', '.join(codes)})"
    return _area(phrase, "region", areas.oblast_union(tuple(sorted(codes))), country, explanation, admin1=names)


def _region_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    stripped, had_word = strip_words(key, gazetteer.REGION_WORDS)
    if not had_word or not stripped:
        return None
    listed = _region_list_rule(phrase, stripped, context)
    if listed is not None:
        return listed
    index = gazetteer.region_index()
    codes = index.get(stripped, ())
    for stem in gazetteer.adjective_stems(stripped):
        codes = codes or index.get(stem, ())
    if not codes:
        return _unresolved(phrase, f"no admin-1 region is called {stripped!r}")
    if len(codes) > 1 and context is not None:
        in_context = tuple(c for c in codes if _region_country(c) == context)
        codes = in_context or codes
    if len(codes) > 1:
        return _unresolved(phrase, f"{stripped!r} names several regions: {', '.join(codes)}")
    code = codes[0]
    name = gazetteer.admin1_names()[code]
    country = _region_country(code)
    explanation = f"admin-1 region {name} ({code}), Natural Earth 1:10m via Elastic Maps Service"
    return _area(phrase, "region", areas.oblast_union((code,)), country, explanation, admin1=name, gazetteer_id=code)


@cache
def _region_countries() -> dict[str, str]:
    admin1 = layer("admin1")
    return dict(zip(admin1["iso_3166_2"], admin1["iso3"], strict=True))


def _region_country(code: str) -> str:
    return _region_countries()[code]


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
        admin1=admin1_of(point) or site.admin1,
        explanation=f"{site.name} ({site_id}, training_grounds.csv) {how}; {basis}; "
        f"within ~{radius_km:g} km; confidence {site.confidence}",
        confidence=site.confidence,
        gazetteer_id=site_id,
        sources=site.sources,
    )


def _site_rule(phrase: str, key: str) -> GeocodeResult | None:
    stripped, had_word = strip_words(key, gazetteer.RANGE_WORDS + gazetteer.AIRFIELD_WORDS)
    if not stripped:
        return None
    index = gazetteer.site_index()
    ids = index.get(stripped, ())
    how = "matched by name"
    for stem in gazetteer.adjective_stems(stripped):
        if ids:
            break
        ids = index.get(stem, ())
        how = f"matched by the stem {stem!r} of the adjectival form {stripped!r}"
        had_word = had_word or bool(ids)
    if not ids:
        return None
    if not had_word and stripped in gazetteer.town_index():
        return None  # "Brest" alone is the town; "the Brest range" or "Brestsky" is the range.
    if len(ids) > 1:
        return _unresolved(phrase, f"{stripped!r} names several sites: {', '.join(ids)}")
    return _site_result(phrase, ids[0], how)


def _town_result(phrase: str, geonameid: str, how: str) -> GeocodeResult:
    town = gazetteer.towns()[geonameid]
    radius = CITY_RADIUS_KM if town.population >= CITY_MIN_POPULATION else TOWN_RADIUS_KM
    point = Point(town.lon, town.lat)
    return GeocodeResult(
        query=phrase,
        status="resolved",
        kind="town",
        geometry=point,
        precision_km=radius,
        precision="point",
        country=_iso3_from_iso2(town.country),
        admin1=admin1_of(point),
        explanation=f"town {town.name} (GeoNames {geonameid}, population {town.population:,}) {how}; "
        f"radius {radius:g} km for the built-up area",
        confidence="high",
        gazetteer_id=f"geonames:{geonameid}",
    )


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


def _fuzzy_rule(phrase: str, key: str, context: str | None) -> GeocodeResult | None:
    if len(key) < 5:
        return None
    cutoff = setting("fuzzy_min_score")
    site_keys = list(gazetteer.site_index())
    match = process.extractOne(key, site_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
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


def _by_id(phrase: str, ident: str) -> GeocodeResult:
    if ident in gazetteer.sites():
        return _site_result(phrase, ident, "chosen by id")
    if ident.startswith("geonames:") and ident[9:] in gazetteer.towns():
        return _town_result(phrase, ident[9:], "chosen by id")
    if ident in gazetteer.admin1_names():
        name = gazetteer.admin1_names()[ident]
        return _area(
            phrase,
            "region",
            areas.oblast_union((ident,)),
            _region_country(ident),
            f"admin-1 region {name} ({ident}) chosen by id",
            admin1=name,
            gazetteer_id=ident,
        )
    if ident in set(layer("countries")["iso3"]):
        return _country_result(phrase, ident, "chosen by id")
    return _unresolved(phrase, f"no gazetteer entry has the id {ident!r}")


def _country_result(phrase: str, iso3: str, how: str) -> GeocodeResult:
    countries = layer("countries")
    row = countries[countries["iso3"] == iso3].iloc[0]
    return _area(phrase, "country", row.geometry, iso3, f"country {row['name']} ({iso3}) {how}; Natural Earth 1:10m")


def clean_phrase(phrase: str) -> str:
    """Return the normalised key of a place phrase: folded, possessives and leading prepositions removed."""
    key = normalize_name(_POSSESSIVE.sub("", phrase))
    return _LEADING.sub("", key).strip()


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
        return _unresolved(phrase, "empty place phrase")
    if len(text) > MAX_PHRASE_CHARS:
        return _unresolved(phrase, f"longer than {MAX_PHRASE_CHARS} characters: not a place phrase")
    if text.startswith("id:"):
        return _by_id(phrase, text[3:].strip())
    key = clean_phrase(text)
    if not key:
        return _unresolved(phrase, "no letters in the place phrase")
    context = country
    if _BORDER.search(key):
        if context is None:
            return _unresolved(phrase, "a border phrase needs a context country")
        return _border_rule(phrase, key, context)
    if _INTERIOR.search(key):
        if context is None:
            return _unresolved(phrase, "'the interior' needs a context country")
        depth = setting("interior_min_depth_km")
        explanation = f"interior: {context} farther than {depth:g} km from every land border"
        return _area(phrase, "region", areas.interior(context, depth), context, explanation)
    result = _compass_region_rule(phrase, key, context) if context else None
    result = result or _region_rule(phrase, key, context) or _site_rule(phrase, key)
    if result is not None:
        return result
    if key in ("country", "the country") and context:
        return _country_result(phrase, context, "(the report's country)")
    iso3 = gazetteer.country_index().get(key)
    if iso3 is not None:
        return _country_result(phrase, iso3, "matched by name")
    ids = gazetteer.town_index().get(key)
    if ids:
        return _town_result(phrase, _pick_town(ids, context), "matched by name")
    fuzzy = _fuzzy_rule(phrase, key, context)
    if fuzzy is not None:
        return fuzzy
    return _unresolved(phrase, "no gazetteer entry or rule matches this phrase")
