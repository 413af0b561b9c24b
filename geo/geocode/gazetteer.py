"""Name indexes over the reference gazetteers: training grounds and airfields, towns, regions, countries.

Names are compared after :func:`normalize_name` (case, apostrophes, quotes, dashes and ``ё`` folded), so
"Homyel'", "Homyel’" and "homyel" are one key. Each index maps a key to the gazetteer rows that carry it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from geo.core import derived
from geo.core.countries import INFORMAL_NAMES, country_name, is_iso3
from geo.core.crs import validate_latlon
from geo.geocode.region_keys import key_variants, strip_accents
from geo.reference.layers import layer, table

_APOSTROPHES = re.compile(r"[’ʼ'`´‘ʹ]")
_QUOTES = re.compile(r"[\"«»“”„‚‹›]")
_DASHES = re.compile(r"[‐‑‒–—―-]")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"\s+")
#: Leading words that only frame the name: prepositions, articles, "the city of", "the village of".
_LEADING = re.compile(
    r"^(?:(?:in|at|near|around|on|along|to|from|within|across|inside|the|a|an|"
    r"(?:city|town|village|settlement|urban\s+settlement)\s+of)\s+)+"
)
_POSSESSIVE = re.compile(r"(?<=\w)[’']s\b")
#: Romanisation variants folded before fuzzy matching of region names: Polish, Lithuanian, Russian and
#: Belarusian spellings of one name differ in these letters (Mazovian/Masovian, Kh/H, Zh/Z, W/V, Y/I/J).
_TRANSLITERATION_FOLDS = (("kh", "h"), ("zh", "z"), ("sz", "s"), ("cz", "c"), ("ch", "c"), ("w", "v"), ("z", "s"))
_TRANSLITERATION_LETTERS = str.maketrans({"y": "i", "j": "i", "ł": "l", "ø": "o"})

#: Words that mark a phrase as naming a range (stripped before matching the range's own name).
RANGE_WORDS = (
    "combined-arms range",
    "gunfire ranges",
    "gunfire range",
    "firing range",
    "training grounds",
    "training ground",
    "training area",
    *("training range", "training fields", "training field", "training centre", "training center"),
    "air weapons range",
    "aviation range",
    *("air range", "practice ranges", "practice range"),
    "military base",
    "army base",
    "ranges",
    "range",
    "polygon",
    "полигоны",
    "полигон",
    "палігон",
    "poligon",
    "poligonas",
)
#: Names of the unit or centre that runs a range, written before the range's own name ("OSPWL Dęba", "CSWL
#: Drawsko", "the Military Training Center in Dęba"): stripped so that the range's place name alone matches.
RANGE_OPERATOR_WORDS = (
    "ospwl",
    "cswl",
    "csb",
    "centrum szkolenia bojowego",
    "military training center",
    "military training centre",
)
AIRFIELD_WORDS = ("air base", "airbase", "airfield", "aerodrome", "airport", "аэродром", "авиабаза")
REGION_WORDS = (
    "county",
    "counties",
    "oblast",
    "oblasts",
    "region",
    "regions",
    "province",
    "voblasts",
    "voblast",
    "voblasc",
    "voblasć",
    "voivodeship",
    "voivodship",
    "województwo",
    "krai",
    "kray",
    "apskritis",
    "maakond",
    "novads",
    "exclave",  # "Russia's Kaliningrad exclave": the region that is the exclave
    "enclave",
    "oblysy",  # Kazakh, as ISO 3166-2 writes the regions of Kazakhstan ("Zhambyl oblysy")
    "область",
    "вобласць",
)
#: Adjectival endings that turn a place name into a range name (Lepel -> Lepelsky, Лепель -> Лепельский).
ADJECTIVE_SUFFIXES = (
    "skaya",
    "skaja",
    "skoye",
    "skoe",
    "skiy",
    "skij",
    "skii",
    "sky",
    "ski",
    "ets",
    "ский",
    "скі",
    "ская",
    "ая",
    "ец",
    "ый",
    "ий",
    "ы",
)


def normalize_name(text: str) -> str:
    """Fold a name for matching: NFKC, case, apostrophes and quotes dropped, dashes unified, ``ё`` → ``е``."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = _APOSTROPHES.sub("", text)
    text = _QUOTES.sub(" ", text)
    text = _DASHES.sub("-", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" -")


def clean_phrase(phrase: str) -> str:
    """Return the normalised key of a place phrase: folded, possessives and leading prepositions removed."""
    key = normalize_name(_POSSESSIVE.sub("", phrase))
    return _LEADING.sub("", key).strip()


def fold_transliteration(key: str) -> str:
    """Fold a normalised name across romanisations for fuzzy matching: accents off, Kh→H, Zh→Z, W→V, Y→I.

    Word-final vowels (and a final ``s`` after them) are dropped, since Lithuanian and Slavic names
    inflect there: ``kaunas`` and ``kauno`` (genitive) both become ``kaun``, ``vilnius`` and ``vilniaus``
    ``viln``; ``mazovian`` and ``masovian`` both become ``masovian``. Used only to score fuzzy
    candidates, never as a key that resolves by itself.
    """
    text = strip_accents(key).translate(_TRANSLITERATION_LETTERS)
    for old, new in _TRANSLITERATION_FOLDS:
        text = text.replace(old, new)
    text = re.sub(r"(.)\1", r"\1", text)
    return re.sub(r"(?<=\w\w\w)[aeiou]+s?\b", "", text)


def strip_words(key: str, words: tuple[str, ...]) -> tuple[str, bool]:
    """Remove any of ``words`` (whole words) from a normalised key; say whether one was found."""
    found = False
    for word in sorted(words, key=len, reverse=True):
        pattern = rf"(^|\s){re.escape(word)}(\s|$)"
        if re.search(pattern, key):
            key = re.sub(pattern, " ", key)
            found = True
    return _SPACES.sub(" ", key).strip(" -"), found


def adjective_stems(key: str) -> list[str]:
    """Return candidate stems of an adjectival name, longest suffix first.

    ``lepelsky`` → ``["lepel", ...]``; ``витебская`` → ``["витеб", "витебск"]`` (the caller keeps the
    stem its index knows).
    """
    return [key[: -len(s)] for s in ADJECTIVE_SUFFIXES if key.endswith(s) and len(key) - len(s) >= 3]


def adjective_stem(key: str) -> str | None:
    """Return the stem for the longest adjectival suffix (``lepelsky`` → ``lepel``), or None."""
    stems = adjective_stems(key)
    return stems[0] if stems else None


@dataclass(frozen=True)
class Site:
    """A training ground or airfield row of ``data/places/training_grounds.csv``."""

    site_id: str
    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    radius_m: float
    confidence: str
    sources: tuple[str, ...]
    derived: bool
    derivation: str


@dataclass(frozen=True)
class Town:
    """A GeoNames populated place of ``data/places/gazetteer.csv``."""

    geonameid: str
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str
    population: int


def _site_names(name_en: str, names_alt: str) -> list[str]:
    names = [re.sub(r"\(.*?\)", "", name_en)]
    for alt in names_alt.split(";"):
        alt = re.sub(r"\(.*?\)", "", alt).strip()
        if alt and not alt.lower().startswith(("per ", "former ")):
            names.append(alt)
    return names


def _site_rows() -> list[dict[Any, Any]]:
    """Return the rows of both training-ground files: the derived copy and the project-curated additions.

    ``training_grounds.csv`` is rebuilt from ../shared/data; ``training_grounds_curated.csv`` is written
    here by hand with a cited source per row and has no derived-point columns (see data/README.md).
    """
    rows: list[dict[Any, Any]] = table("training_grounds").to_dict("records")
    for row in table("training_grounds_curated").to_dict("records"):
        rows.append({"derived_lat": "", "derived_lon": "", "derived_radius_m": "", "derivation": "", **row})
    return rows


@cache
def sites() -> dict[str, Site]:
    """Return the training grounds and airfields keyed by ``site_id``.

    Where a derived point exists (a cited relative description, see ``data/README.md``) it replaces the
    town proxy, with its own radius; otherwise the cited coordinate and ``precision_m_estimate`` are used.
    """
    out: dict[str, Site] = {}
    for n, row in enumerate(_site_rows(), start=2):
        derived = bool(row["derived_lat"])
        prefix = "derived_" if derived else ""
        lat, lon = validate_latlon(
            row[f"{prefix}lat"],
            row[f"{prefix}lon"],
            where=f"training grounds row {n} ({row['site_id']})",
        )
        out[row["site_id"]] = Site(
            site_id=row["site_id"],
            name=re.sub(r"\s+", " ", row["name_en"]).strip(),
            kind=row["kind"],
            country=row["country_iso3"],
            admin1=row["admin1"],
            lat=lat,
            lon=lon,
            radius_m=float(row["derived_radius_m"] if derived else row["precision_m_estimate"]),
            confidence=row["confidence"],
            sources=tuple(row["source_urls"].split()),
            derived=derived,
            derivation=row["derivation"],
        )
    return out


@cache
def site_index() -> dict[str, tuple[str, ...]]:
    """Map normalised names and adjectival stems of training grounds and airfields to site ids.

    Prepared once per code and reference data (:func:`geo.core.derived.prepared`), as :func:`town_index`.
    """
    return {k: tuple(v) for k, v in derived.prepared("site_index", _site_index).items()}


def _site_index() -> dict[str, list[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for row in _site_rows():
        for name in _site_names(row["name_en"], row["names_alt"]):
            key, _ = strip_words(normalize_name(name), RANGE_WORDS + AIRFIELD_WORDS)
            key, _ = strip_words(key, ("exercise area", "area", "garrison", "military base and", "army base", "base"))
            bare, _ = strip_words(key, RANGE_OPERATOR_WORDS)  # "ospwl dęba" is also "dęba"
            for k in {key, bare} - {""}:
                index[k].add(row["site_id"])
                stem = adjective_stem(k)
                if stem:
                    index[stem].add(row["site_id"])
    return {k: sorted(v) for k, v in index.items()}


def _town_rows() -> list[list[Any]]:
    """The gazetteer's places as ``[geonameid, name, lat, lon, country, admin1_code, population]`` rows."""
    frame = table("gazetteer")
    columns = ["geonameid", "name", "latitude", "longitude", "country_code", "iso_3166_2", "population"]
    return [
        [geonameid, name, float(lat), float(lon), country, admin1, int(population or 0)]
        for geonameid, name, lat, lon, country, admin1, population in frame[columns].itertuples(index=False)
    ]


@cache
def towns() -> dict[str, Town]:
    """Return the GeoNames places keyed by ``geonameid`` (prepared once per reference data, :mod:`geo.core.derived`)."""
    return {row[0]: Town(*row) for row in derived.prepared("towns", _town_rows)}


def _town_index() -> dict[str, list[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for geonameid, name, alternatenames in table("gazetteer")[["geonameid", "name", "alternatenames"]].itertuples(
        index=False
    ):
        for each in [name, *alternatenames.split("|")]:
            key = normalize_name(each)
            if len(key) >= 2:
                index[key].add(geonameid)
    town_rows = towns()
    return {k: sorted(v, key=lambda g: (-town_rows[g].population, g)) for k, v in index.items()}


@cache
def town_index() -> dict[str, tuple[str, ...]]:
    """Map normalised names and alternate names (Latin and Cyrillic) to geonameids, largest first.

    Normalising the 37,000 places' names takes a few tenths of a second: the index is prepared once per
    code and reference data (:func:`geo.core.derived.prepared`) and read back by later processes.
    """
    return {k: tuple(v) for k, v in derived.prepared("town_index", _town_index).items()}


#: The town each Belarusian oblast is named after; its alternate names name the oblast too
#: (Hrodna/Гродно → Grodno region). GeoNames ids from data/places/gazetteer.csv.
OBLAST_CAPITALS: dict[str, str] = {
    "BY-BR": "629634",  # Brest
    "BY-HO": "627907",  # Homyel'
    "BY-HR": "627904",  # Hrodna
    "BY-MA": "625665",  # Mogilev
    "BY-MI": "625144",  # Minsk (the oblast is named after the city)
    "BY-VI": "620127",  # Vitebsk
}


@cache
def _subdivision(code: str) -> Any:
    """Return pycountry's ISO 3166-2 entry for ``code``, or None (pycountry's ``get`` is untyped)."""
    return pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]


@cache
def region_groups() -> dict[str, tuple[str, ...]]:
    """Return first-level units the admin-1 layer splits, as their member codes (``LT-VL`` → 8 municipalities).

    Lithuania's admin-1 layer holds its 60 municipalities, but reports name its 10 counties ("Vilnius
    county"). ISO 3166-2 gives each municipality its county as parent code (pycountry), so a county is
    the union of the municipalities whose parent it is.
    """
    groups: dict[str, set[str]] = defaultdict(set)
    for code in layer("admin1")["iso_3166_2"]:
        entry = _subdivision(code)
        parent = getattr(entry, "parent_code", None) if entry is not None else None
        if parent and _subdivision(parent) is not None:
            groups[str(parent)].add(code)
    return {k: tuple(sorted(v)) for k, v in groups.items()}


def region_members(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Return the admin-1 layer codes that make up ``codes`` (a county becomes its municipalities)."""
    groups = region_groups()
    return tuple(sorted({m for c in codes for m in groups.get(c, (c,))}))


@cache  # asked for every key of the region index when a country's keys are folded
def region_country(code: str) -> str:
    """Return the ISO3 code of the country of admin-1 region (or county) ``code``."""
    admin1 = layer("admin1")
    member = region_members((code,))[0]
    return str(admin1.loc[admin1["iso_3166_2"] == member, "iso3"].iloc[0])


def _region_names() -> list[tuple[str, str]]:
    """Return (name, code) pairs: Natural Earth's names and ISO 3166-2's local names (pycountry)."""
    admin1 = layer("admin1")
    pairs = list(zip(admin1["name"], admin1["iso_3166_2"], strict=True))
    for code in [*admin1["iso_3166_2"], *region_groups()]:
        entry = _subdivision(code)
        if entry is not None:
            pairs.append((str(entry.name), code))
    return pairs


@cache
def region_index() -> dict[str, tuple[str, ...]]:
    """Map normalised admin-1 names and aliases to ISO 3166-2 codes (prepared once, :mod:`geo.core.derived`).

    Aliases: ISO 3166-2 local names from pycountry ("Mazowieckie", "Pskovskaya oblast'", "Vilniaus
    apskritis" for a Lithuanian county, see :func:`region_groups`), each also without its region word, and
    each also without diacritics and in its noun form (:func:`geo.geocode.region_keys.key_variants`: "Voru",
    "Lower Silesia"), and the alternate names of Belarus's oblast capitals (Hrodna → Grodno region).
    """
    return {k: tuple(v) for k, v in derived.prepared("region_index", _region_index).items()}


def _region_index() -> dict[str, list[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for name, code in _region_names():
        key = normalize_name(name)
        stripped, _ = strip_words(key, REGION_WORDS)
        for variant in key_variants(key, code) | (key_variants(stripped, code) if stripped else set()):
            index[variant].add(code)
    for code, geonameid in OBLAST_CAPITALS.items():
        for key, ids in town_index().items():
            if geonameid in ids:
                index[key].add(code)
    # "Minsk region" is the oblast, never the city (BY-HM is reached as "City of Minsk").
    for codes in index.values():
        if "BY-MI" in codes:
            codes.discard("BY-HM")
    return {k: sorted(v) for k, v in index.items()}


@cache
def folded_region_keys(country: str | None) -> dict[str, tuple[str, ...]]:
    """Return the region keys of ``country`` (all when None) folded by :func:`fold_transliteration`."""
    out: dict[str, set[str]] = defaultdict(set)
    for key, codes in region_index().items():
        keep = [c for c in codes if country is None or region_country(c) == country]
        if keep:
            out[fold_transliteration(key)].update(keep)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@cache
def country_index() -> dict[str, str]:
    """Map normalised country names (English, Russian, Ukrainian, Polish, ISO) to ISO3 codes.

    Prepared once per code and reference data (:func:`geo.core.derived.prepared`): building it reads the
    countries layer and pycountry's names.
    """
    return dict(derived.prepared("country_index", _country_index))


def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    countries = layer("countries")
    for row in countries[["iso3", "iso2", "name", "name_ru", "name_uk", "name_pl"]].to_dict("records"):
        for name in (row["name"], row["name_ru"], row["name_uk"], row["name_pl"]):
            if isinstance(name, str) and name:
                index[normalize_name(name)] = row["iso3"]
        entry = pycountry.countries.get(alpha_3=row["iso3"])
        if entry is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(entry, attr, None)
                if value:
                    index.setdefault(normalize_name(value), row["iso3"])
    in_layer = set(countries["iso3"])  # a name must lead to a polygon the geocoder can return
    index.update({normalize_name(n): iso3 for n, iso3 in INFORMAL_NAMES.items() if iso3 in in_layer})
    return index


@cache
def admin1_names() -> dict[str, str]:
    """Return the admin-1 region names keyed by ISO 3166-2 code (``"BY-BR"`` → ``"Brest"``)."""
    admin1 = layer("admin1")
    names = dict(zip(admin1["iso_3166_2"], admin1["name"], strict=True))
    for code in region_groups():
        entry = _subdivision(code)
        names[code] = str(entry.name) if entry is not None else code
    return names


def reading_text(resolve_as: str) -> str:
    """Return a reviewer's reading as a reader sees it: ``"id:by_tg_lepelsky"`` becomes the entry's name.

    Catalog files may pin a place to a gazetteer entry by id (``id:<site id>``, ``id:geonames:<id>``,
    ``id:<ISO 3166-2>``, ``id:<ISO3>``); those ids are for the geocoder, not for people. Any other text
    is returned unchanged; an unknown id is returned as written.
    """
    if not resolve_as.startswith("id:"):
        return resolve_as
    ident = resolve_as[3:].strip()
    if ident in sites():
        return sites()[ident].name
    if ident.startswith("geonames:") and ident[9:] in towns():
        return towns()[ident[9:]].name
    if ident in admin1_names():
        return admin1_names()[ident]
    return country_name(ident) if is_iso3(ident) else resolve_as


@cache
def subdivision_keys() -> tuple[tuple[str, str, str], ...]:
    """Every ISO 3166-2 subdivision pycountry holds, as (folded name, country ISO3, code).

    The name loses the part after a comma ("Tatarstan, Respublika") and its region words.
    """
    out = []
    for entry in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=entry.country_code)
        if country is not None:
            key, _ = strip_words(normalize_name(str(entry.name).split(",")[0]), REGION_WORDS)
            out.append((key, str(country.alpha_3), str(entry.code)))
    return tuple(out)


def one_country_only(index: dict[str, set[tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """Keep the keys of ``index`` (key -> {(ISO3, code)}) that one country holds, each with its first code."""
    # "Almaty" (the city) and "Almaty oblysy" (the region) share a key in one country: still unambiguous.
    return {k: min(v) for k, v in index.items() if len({iso3 for iso3, _ in v}) == 1}


@cache
def world_region_countries() -> dict[str, tuple[str, str]]:
    """Map the folded names of ISO 3166-2 subdivisions worldwide to (country ISO3, code), where unambiguous.

    For a region the admin-1 layer does not hold (it covers the countries around Belarus), the report still says
    which country the place is in. Keys of four letters or more (:func:`subdivision_keys`).
    """
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, iso3, code in subdivision_keys():
        if len(key) >= 4:
            found[key].add((iso3, code))
    return one_country_only(found)
