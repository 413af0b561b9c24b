"""Place phrases beside the forms of :mod:`geo.extract.places` (ninth pass, the Baltic and Russia's west).

* **A town word with a modifier**: "at port town of Klaipeda", "in the border town of X", "the coastal city of X"
  are the town X, as "the town of X" is.
* **A town word after a demonym** (eighteenth pass): "in the Lithuanian city of Klaipeda", "in the western Belarusian
  town of Lida" are the town, in the demonym's country; the phrase is the town's name, so a range or town the other
  forms find by that name keeps its reading.
* **"A's <word> exclave / region / oblast of X"** after a locative preposition: "in Russia's Baltic exclave of
  Kaliningrad", "in the westernmost region of Kaliningrad" are the X region (of A when A is named), not an unknown
  region called "Baltic"; "a patch of land between Poland … and the Russian enclave of Kaliningrad" is geography.
  X may be two words ("the region of Biała Podlaska", twelfth pass), read whole as "the X region" is.
* **A village in a named municipality**: "in the village of Hüüru, Saue Rural Municipality", "near Kowalewo, Kwidzyn
  County": a village the gazetteer lacks is placed on the municipality (or county, parish, district) it is said to
  lie in, read as "<name> district" (its seat with a district's radius), never on a guessed point; a village the
  gazetteer knows stays itself.
* **A region named by its country's demonym** ("in Finnish, Swedish and Norwegian Lapland", "in Swedish Lapland"):
  one place per demonym, located as that country at country precision when the reference admin-1 layer holds no
  region of it (as :mod:`geo.extract.uncovered_regions`); of a covered country it is left to the other forms.
* **A second region after "and"**: "in Harju County and Lääne-Viru County", "in the Pskov Region and the Leningrad
  Region" give both (the first pattern wanted a preposition before each).
* **A region with a describing word** (tenth pass): "in the strategic Grodno region", "in the restive Kursk oblast" are
  the region, read without the word (a compass word stays with :mod:`geo.extract.places`, which reads its side).
* **A named corridor** ("in the Suwalki Gap", "in the so-called “Suwalki Corridor”", "in the area of the so-called
  Suwalki corridor", fourteenth pass) is the corridor, not the town it is named after (tenth pass);
  :mod:`geo.extract.place_sides` reads it on the one participant's side.
* **A distance from a border** ("about 20 kilometres from the Belarusian border", "15 km from the border with Russia")
  is that border's strip when the distance lies within the strip's depth (``border_strip_depth_km``); a greater
  distance names no site (tenth pass).
* **A distance from a town** ("20 km from the town of Pinsk"): :mod:`geo.extract.near_places`; **two regions
  joined by a hyphen** ("the Pskov-Novgorod region"): :mod:`geo.extract.paired_regions`; **a voivodeship in
  Polish** ("in the województwo podlaskie"): :mod:`geo.extract.native_regions`; **a river without the word
  "river"** ("crossing the Dnieper"): :mod:`geo.extract.water_names`, which also
  reads lakes ("on Lake Peipus").
* **A range word before its name** ("at the range Strugi Krasnye", "at the Russian range Sturugi Krasniye, Pskov
  region", thirteenth pass): the range, as "the Strugi Krasnye range" is, taken only when the geocoder places it as a
  training ground or airfield ("at the airfield Monday" is none); "the Russian range" alone stays the country.
* **A country's territorial waters** ("in the Lithuanian territorial waters of the Baltic Sea", "in the territorial
  waters of Latvia") are that country's sea: located as the country, at country precision (thirteenth pass).
* **A town with its region after it** (nineteenth pass): "in the exercise area Pesochnoye, Ivanovo Oblast, Russia",
  "near Pesochnoye, Ivanovo region": the town when the gazetteer's town of that name lies in that region, else the
  region (the report says the place is in it; a namesake elsewhere is not it, nor a guessed point).
* **A country's ranges by its demonym** (nineteenth pass): "on the Belarusian military ranges", "at Polish training
  grounds" (plural, unnamed) are that country, as "the ranges of the Polish army" are.
* **"the latter's territory"** (nineteenth pass): "drills between Russia and Belarus that will take place on the
  latter's territory", "on the territory of the former" are the second (first) of the two countries the sentence
  pairs before it ("A and B"); with no such pair before it, no place.
* **A town and its country** ("in Orenburg, Russia", nineteenth pass): a town the town index lacks but the geocoder
  places in that country (Natural Earth's populated places), as that town.
* **"the X military training (area)"** ("Held at the Ādaži military training in Latvia") is the range at X, and
  "Camp X" the base at X when the gazetteer knows X ("at Camp Adazi, Latvia").

:func:`more_places` returns plain tuples so that :mod:`geo.extract.places` can wrap them without an import cycle.
"""

from __future__ import annotations

import re
from functools import cache

from geo.core.settings import setting
from geo.extract.dates.mentions import MONTHS, WEEKDAYS
from geo.extract.lexicon import country_names, country_pattern, iso3_of
from geo.extract.native_regions import polish_voivodeships
from geo.extract.near_places import distance_towns
from geo.extract.paired_regions import paired_regions
from geo.extract.text import UPPER
from geo.extract.water_names import bare_rivers, lakes
from geo.geocode import gazetteer
from geo.geocode.gazetteer import normalize_name
from geo.geocode.geocoder import geocode
from geo.reference.layers import layer

#: Capitalised words that are no place: organisations, determiners, and months and weekdays opening a sentence before
#: a country ("In August, Russia completed …", "On Monday, Belarus began …" are no place "August" in Russia).
NOT_PLACES = frozenset(
    {"nato", "csto", "eu", "un", "osce", "the", "this", "that", "these", "those", "each", "every", "its", "their"}
    | MONTHS.keys()
    | WEEKDAYS.keys()
)
#: (text as written, query for the geocoder, start, end, form, context ISO3 or None) of one place phrase.
Found = tuple[str, str, int, int, str, str | None]

_PREP = r"(?i:\b(?:in|at|near|on|to|into|around|outside|close\s+to|next\s+to)\s+)"
_NAME = rf"{UPPER}[\w’'-]+"
#: Words after a demonym that say whose forces or bodies, not which land ("Swedish Army", "Finnish Defence Forces").
_NOT_LAND = frozenset(
    {"army", "navy", "air", "armed", "defence", "defense", "forces", "force", "marines", "marine", "ministry"}
    | {"government", "border", "guard", "coast", "brigade", "battalion", "division", "regiment", "jaeger", "home"}
    | {"national", "military", "president", "prime", "foreign", "troops", "soldiers"}
)
_REGION_WORD = r"region|oblast|county|district|voivodeship|province|krai"
_COMPASS_WORD = r"(?:north|south|east|west|central|centre|center|mid)"
_MUNICIPALITY = r"(?i:rural\s+municipality|municipality|parish|county|district|commune|gmina|volost)"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    country = country_pattern(names=True, demonyms=False, capitals=False)
    demonym = country_pattern(names=False, demonyms=True, capitals=False)
    return (
        ("town", re.compile(
            rf"{_PREP}(?P<phrase>(?:the\s+)?[a-z][a-z-]+\s+(?i:town|city|village|settlement)\s+of\s+(?P<name>{_NAME}(?:\s{_NAME})?))")),
        ("town-of-country", re.compile(
            rf"{_PREP}(?:the\s+)?(?:(?i:{_COMPASS_WORD})(?i:ern)?\s+)?(?P<dem>{demonym})\s+(?i:town|city|village|settlement|resort|port|capital)\s+of\s+(?P<phrase>(?P<name>{_NAME}(?:\s{_NAME})?))(?![\w-])")),
        ("region-of", re.compile(
            rf"{_PREP}(?P<phrase>(?:(?P<owner>{country})['’]s?\s+|the\s+)(?:(?:[A-Z][a-z]+|[a-z]+)\s+)?(?i:exclave|enclave|region|oblast|province)\s+of\s+(?P<name>{_NAME}(?:\s{_NAME})?))(?![\w-])")),
        ("village-in", re.compile(
            rf"{_PREP}(?P<phrase>(?:(?:the\s+)?(?i:village|hamlet|settlement)\s+of\s+)?(?P<name>{_NAME}(?:\s{_NAME})?),\s+(?P<unit>{_NAME})\s+{_MUNICIPALITY})\b")),
        ("demonym-land", re.compile(
            rf"{_PREP}(?:the\s+)?(?P<dems>{demonym}(?:\s*,\s*{demonym})*(?:,?\s+and\s+{demonym})?)\s+(?P<name>{_NAME})(?![\w-])(?!\s+{UPPER})")),
        # "in Harju County and Lääne-Viru County", "in the Pskov Region and the Leningrad Region": the second one too
        ("and-region", re.compile(
            rf"{_PREP}(?:the\s+)?{_NAME}(?:\s{_NAME})?\s+(?i:{_REGION_WORD})\s*,?\s+and\s+(?P<phrase>(?:the\s+)?(?P<name>{_NAME}(?:\s{_NAME})?)\s+(?i:{_REGION_WORD}))\b")),
        ("described-region", re.compile(
            rf"{_PREP}(?P<phrase>the\s+(?!{_COMPASS_WORD})[a-z][a-z-]+\s+(?P<name>{_NAME}(?:\s{_NAME})?)\s+(?P<word>(?i:{_REGION_WORD})))\b")),
        ("corridor", re.compile(
            rf"{_PREP}(?:the\s+(?i:area|vicinity|zone)\s+of\s+)?(?:the\s+)?(?:so-called\s+)?[‘'\"“«]?(?P<phrase>(?P<name>{_NAME})[\s-](?i:gap|corridor))(?![\w-])")),
        ("distance-border", re.compile(
            rf"(?P<phrase>(?:(?i:about|some|around|nearly|roughly|approximately|only|just|less\s+than|under)\s+)?(?P<n>\d+(?:[.,]\d+)?)[\s-]*(?P<unit>km|kilomet(?:re|er)s?|miles?)\s+(?:away\s+)?from\s+the\s+(?:(?P<dem>{demonym})\s+)?(?i:border|frontier)(?:\s+with\s+(?P<name>{country}))?)\b")),
        # "at Camp Adazi", "in Camp Herkus": a base named after its place, when the gazetteer knows that place
        ("camp", re.compile(rf"{_PREP}(?P<phrase>Camp\s+(?P<name>{_NAME})(?:,\s+{country})?)(?![\w-])")),
        ("range-name", re.compile(
            rf"{_PREP}(?P<phrase>(?:the\s+)?(?:(?P<dem>{demonym})\s+)?(?P<word>(?i:training\s+(?:ground|area)|(?:firing\s+)?range|polygon|poligon|airfield|air\s*base))\s+[‘'\"“«]?(?P<name>{_NAME}(?:[\s-]{_NAME})?)[’'\"”»]?)(?![\w-])")),
        # "in the Lithuanian territorial waters of the Baltic Sea", "in Estonia's territorial waters", "in the
        # territorial waters of Latvia": that country's sea, located as the country (thirteenth pass)
        ("territorial-waters", re.compile(
            rf"(?<!outside\s)(?<!beyond\s)(?P<phrase>(?:the\s+)?(?:(?P<dem>{demonym})|(?P<own>{country})['’]s?)\s+territorial\s+waters(?:\s+(?:of|in)\s+the\s+{_NAME}\s+Sea)?|(?:the\s+)?territorial\s+waters\s+of\s+(?P<of>{country}))(?![\w-])")),
        ("town-region", re.compile(
            rf"{_PREP}(?:the\s+)?(?:(?i:exercise|training)\s+areas?\s+)?(?P<phrase>(?P<name>{_NAME}),\s+(?P<region>(?:the\s+)?{_NAME}\s+(?i:oblast|region|province|krai|voivodeship)))(?![\w-])")),
        ("ranges-dem", re.compile(
            rf"{_PREP}(?P<phrase>(?:the\s+)?(?P<dem>{demonym})\s+(?:(?:military|army|combined[\s-]arms)\s+)?(?i:airfields|training\s+(?:grounds|ranges|areas)|ranges|polygons))(?![\w-])")),
        ("latter", re.compile(
            rf"{_PREP}(?P<phrase>(?:the\s+)?(?P<which>(?i:latter|former))['’]s\s+(?i:territory|soil)|(?:the\s+)?(?i:territory|soil)\s+of\s+the\s+(?P<which2>(?i:latter|former)))(?![\w-])")),
        # "in Orenburg, Russia": a town the geocoder knows beyond the town index, placed in the country written after it
        ("town-comma-country", re.compile(
            rf"{_PREP}(?P<phrase>(?P<name>{_NAME}(?:\s{_NAME})?)),\s+(?:the\s+)?(?P<country>{country})(?![\w-])")),
        ("military-training", re.compile(
            rf"{_PREP}(?:the\s+)?(?P<phrase>(?P<name>{_NAME})\s+military\s+training(?:\s+(?i:area|ground|range))?)\b")),
    )  # fmt: skip


@cache
def _covered() -> frozenset[str]:
    """ISO3 of the countries whose regions the admin-1 layer holds."""
    return frozenset(str(iso3) for iso3 in layer("admin1")["iso3"])


def _village_query(phrase: str, unit: str) -> str:
    """What to geocode for a village the gazetteer lacks, in a named unit (module doc, "A village in a named ...").

    A unit that is an admin-1 region ("Kiltsi, Lääne County", an Estonian county) places the village on that
    region (:mod:`geo.geocode.region_anchor`, twentieth pass); a smaller one ("Kowalewo, Kwidzyn County") on its
    seat with a district's radius.
    """
    anchored = geocode(phrase, country=None)
    if anchored.status == "resolved" and anchored.kind == "region" and anchored.admin1:
        return phrase
    return f"{unit} district"


def more_places(sentence: str) -> list[Found]:
    """Return the place phrases of the forms above in one sentence."""
    out: list[Found] = []
    for form, pattern in _patterns():
        for match in pattern.finditer(sentence):
            if form in _READERS:  # forms read by a function of their own, below
                out += _READERS[form](match)
                continue
            name = match.group("name")
            if name in country_names() or normalize_name(name) in ("the", "this", "that"):
                continue
            span = (match.group("phrase"), match.start("phrase"), match.end("phrase"))
            if form == "town":
                out.append((*span[:1], name, *span[1:], "town", None))
            elif form == "town-of-country":
                out.append((*span[:1], name, *span[1:], "town", iso3_of(match.group("dem"))))
            elif form == "corridor":
                out.append((span[0], span[0], span[1], span[2], "corridor", None))
            elif form == "described-region":
                out.append((span[0], f"the {name} {match.group('word')}", span[1], span[2], "region", None))
            elif form == "and-region":
                out.append((span[0], span[0], span[1], span[2], "region", None))
            elif form == "region-of":
                owner = match.group("owner")
                out.append(
                    (span[0], f"the {name} region", span[1], span[2], "region", iso3_of(owner) if owner else None)
                )
            elif form == "village-in":
                known = normalize_name(name) in gazetteer.town_index()
                query = name if known else _village_query(span[0], match.group("unit"))
                out.append((span[0], query, span[1], span[2], "town", None))
            elif form == "range-name":
                out += _range_name(match)
            elif form == "town-comma-country":
                out += _town_comma_country(match)
            elif form == "camp":
                key = normalize_name(name)
                if key in gazetteer.site_index() or key in gazetteer.town_index():
                    out.append((span[0], name, span[1], span[2], "site", None))
            else:
                out.append((span[0], f"{name} training area", span[1], span[2], "site", None))
    return (
        out
        + distance_towns(sentence)
        + paired_regions(sentence)
        + polish_voivodeships(sentence)
        + bare_rivers(sentence)
        + lakes(sentence)
    )


def _range_name(match: re.Match[str]) -> list[Found]:
    """The range a range word names after it ("the Russian range Sturugi Krasniye"), when the geocoder knows it."""
    dem = match.group("dem")
    context = iso3_of(dem) if dem else None
    query = f"{match.group('name')} {' '.join(match.group('word').lower().split())}"
    result = geocode(query, country=context)
    if result.status != "resolved" or result.kind not in ("training_ground", "airfield"):
        return []
    return [(match.group("phrase"), query, match.start("phrase"), match.end("phrase"), "site", context)]


def _town_comma_country(match: re.Match[str]) -> list[Found]:
    """A town outside the town index written with its country ("in Orenburg, Russia"), placed by the geocoder.

    Kept only when the geocoder places it as a town of that country; a town of the index is left to the other forms.
    """
    name, iso3 = match.group("name"), iso3_of(match.group("country"))
    key = normalize_name(name)
    if iso3 is None or key in NOT_PLACES or key in gazetteer.town_index() or iso3_of(name):
        return []
    result = geocode(name, country=iso3)
    if result.status != "resolved" or result.kind != "town" or result.country != iso3:
        return []
    return [(match.group("phrase"), name, match.start("phrase"), match.end("phrase"), "town", iso3)]


def _distance_border(match: re.Match[str]) -> list[Found]:
    """The border strip "N km from the X border" lies in, or nothing beyond the strip's depth (module docstring)."""
    neighbour = iso3_of(match.group("name") or match.group("dem") or "")
    if neighbour is None:
        return []  # "130 kilometres from the border": whose border is not said
    km = float(match.group("n").replace(",", ".")) * (1.609344 if match.group("unit").startswith("mile") else 1.0)
    if km > setting("border_strip_depth_km"):
        return []  # "about 130 kilometres from the border with Russia": farther than the strip reaches
    query = f"the border with {country_query(neighbour, match.group('phrase'))}"
    return [(match.group("phrase"), query, match.start("phrase"), match.end("phrase"), "border", None)]


def _territorial_waters(match: re.Match[str]) -> list[Found]:
    """A country's territorial waters as that country (module docstring)."""
    iso3 = iso3_of(match.group("dem") or match.group("own") or match.group("of"))
    if iso3 is None:
        return []
    phrase = match.group("phrase")
    return [(phrase, country_query(iso3, phrase), match.start("phrase"), match.end("phrase"), "country", None)]


def _ranges_dem(match: re.Match[str]) -> list[Found]:
    """A country's unnamed ranges by its demonym ("on the Belarusian military ranges"): that country."""
    iso3 = iso3_of(match.group("dem"))
    if iso3 is None:
        return []
    phrase = match.group("phrase")
    return [(phrase, country_query(iso3, phrase), match.start("phrase"), match.end("phrase"), "country", iso3)]


def _town_region(match: re.Match[str]) -> list[Found]:
    """A town with its region after it: the town if it lies in that region, else the region (module docstring).

    The geocoder reads the whole phrase so (:mod:`geo.geocode.region_anchor`); here it only decides the form.
    """
    name, phrase = match.group("name"), match.group("phrase")
    if name in country_names() or normalize_name(name) in NOT_PLACES:
        return []
    placed = geocode(phrase, country=None)
    if placed.status != "resolved" or not placed.admin1:
        return []
    form = "region" if placed.kind == "region" else "town"
    return [(phrase, phrase, match.start("phrase"), match.end("phrase"), form, placed.country)]


def _latter(match: re.Match[str]) -> list[Found]:
    """The country "the latter's territory" (or the former's) refers to: one of the last pair named before it."""
    pair = re.compile(rf"(?P<a>{country_pattern()})\s+and\s+(?P<b>{country_pattern()})")
    pairs = list(pair.finditer(match.string, 0, match.start("phrase")))
    if not pairs:
        return []
    which = (match.group("which") or match.group("which2")).lower()
    iso3 = iso3_of(pairs[-1].group("b" if which == "latter" else "a"))
    if iso3 is None:
        return []
    phrase = match.group("phrase")
    return [(phrase, country_query(iso3, phrase), match.start("phrase"), match.end("phrase"), "country", iso3)]


def country_query(iso3: str, text: str) -> str:
    """Return the plain name the geocoder knows for a country written another way ("Belarusian soil")."""
    names = [n for n, code in country_names().items() if code == iso3]
    return min(names, key=len) if names else text


def _demonym_land(match: re.Match[str]) -> list[Found]:
    """One country-precision place per demonym of "Finnish, Swedish and Norwegian Lapland" (module docstring)."""
    name = match.group("name")
    if name.lower() in _NOT_LAND or normalize_name(name) in gazetteer.town_index() or iso3_of(name):
        return []
    demonym = re.compile(country_pattern(names=False, demonyms=True, capitals=False))
    parts = list(demonym.finditer(match.group("dems")))
    base = match.start("dems")
    out: list[Found] = []
    for i, part in enumerate(parts):
        iso3 = iso3_of(part.group(0))
        if iso3 is None or iso3 in _covered():
            continue
        end = match.end("name") if i == len(parts) - 1 else base + part.end()
        query = next(
            (n for n, code in sorted(country_names().items(), key=lambda kv: len(kv[0])) if code == iso3), iso3
        )
        out.append((match.string[base + part.start() : end], query, base + part.start(), end, "country", iso3))
    return out


#: The forms :func:`more_places` hands whole to a reader of their own.
_READERS = {
    "demonym-land": _demonym_land,
    "distance-border": _distance_border,
    "territorial-waters": _territorial_waters,
    "ranges-dem": _ranges_dem,
    "latter": _latter,
    "town-region": _town_region,
}
