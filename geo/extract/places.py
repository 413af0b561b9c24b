"""Find the place phrases of a sentence and geocode them with :func:`geo.geocode.geocoder.geocode`.

Only phrases of forms the geocoder can read are taken, so that every result is explainable:

``border``
    "along its southern border", "on its border with Ukraine", "near Belarus's western border",
    "to the southern border of Belarus, which borders Ukraine", "near the Ukrainian border";
``border-parts``
    "parts of Belarus that border NATO members Poland and Lithuania";
``compass``
    "in western Belarus", "in the eastern and central part of the country", "in the north of the country";
``interior``
    "to the interior of the country";
``region``
    "in the Vitebsk region", "in the Brest Oblast", "in Belarus's Vitebsk region", one per region in
    "in the Minsk and Mogilev regions" (unknown regions are kept, unresolved);
``site``
    a training ground or airfield the gazetteer knows ("the ‘Losvido’ and ‘Lepelets’ gunfire ranges"),
    or an unknown one named with a range word ("at the Obuz-Lesnovsky training ground"), kept unresolved, also
    after "and the" ("at the A range and the B training center");
``town`` / ``country``
    a town or country after a preposition ("in Belarus", "near Brest", "in the town of Shklov", "in the
    capital Minsk"), one per country in "in Latvia and Estonia" or "in the Republic of Belarus and the
    Russian Federation"; "on the territory of X", "on Belarusian soil" and "at the Russian training ground"
    (a range in that country, not named) are the country.

More forms are in :mod:`geo.extract.place_forms` and :mod:`geo.extract.place_lists` ("…, and the Bryansk Oblast").

A border phrase that names no country, side or neighbour ("near the borders") is no site. Region nouns
include voivodeship and county; a region may also open a bracket ("(the Warmian-Masurian Voivodeship …)").

Border, compass, region, town and country phrases count only after a location preposition (in, at,
near, along, on, to, into, across, all over …): "his country reinforced its border with Belarus" names no site.
A phrase after "initially/originally/previously planned|scheduled" gets the role ``planned``.
:func:`is_venue` tells where something was said or met ("told reporters in Minsk", "the Defense
Ministry in Minsk said"): the event assembly does not take such places as sites.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from geo.extract.lexicon import country_names, country_pattern, is_demonym, iso3_of
from geo.extract.place_chain import chained_places
from geo.extract.place_forms import NOT_PLACES, more_places
from geo.extract.place_forms import country_query as _country_query
from geo.extract.place_lists import AMONG as _AMONG
from geo.extract.place_lists import GROUP_OF as _GROUP
from geo.extract.place_lists import continued_regions
from geo.extract.place_mention import DEFAULT_CONTEXT, NAME, RANGE_WORDS, PlaceMention, role_at
from geo.extract.place_splits import list_mentions, river_mentions, site_list_mentions
from geo.extract.text import UPPER
from geo.extract.venues import is_home_base, is_venue
from geo.geocode import gazetteer
from geo.geocode.bare_regions import bare_region
from geo.geocode.gazetteer import adjective_stems, normalize_name
from geo.geocode.geocoder import GeocodeResult, geocode, is_town_spelling

__all__ = [
    "DEFAULT_CONTEXT",
    "PlaceMention",
    "find_places",
    "geocode_cached",
    "is_home_base",
    "is_venue",
    "location_key",
]

_PREP = r"(?i:\b(?:in|at|spans?|spanning|covers?|covering|near|along|on|onto|across|to|into|inside|within|throughout|all\s+over|around|towards?|close\s+to|next\s+to|outside|nearer|alongside)\s+)"  # noqa: E501
#: A naval drill's coast: "off" (or "off the coast of") after an exercise, a ship or a holding verb earlier in the
#: clause ("exercises that will be held on September 9-23 off Estonia and Latvia"), not a phrasal verb's ("kicked off").
_OFF = (
    r"(?i:\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games|(?:war)?ships|vessels|held|conducted|staged)\b)"
    r"[^.;]{0,60}?(?<!kicked\s)(?<!kicks\s)(?<!kick\s)(?<!called\s)(?<!set\s)(?<!ward\s)(?<!fend\s)\boff\s+"
    r"(?:the\s+(?i:coasts?|shores?)\s+of\s+)?"
)
_COMPASS = r"(?i:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center)"
# One to three capitalised words; a hyphen only between capitalised parts ("Nur-Sultan", not "Moscow-based").
_AT = r"(?:\s*\([^()]{1,40}\))?"  # where a listed range lies: "the Domanovo (Ivatsevichi district) and X ranges"
#: Ranges and airfields as a plural class ("all airfields and training grounds of …").
_RANGES = r"(?i:airfields|training\s+grounds|training\s+ranges|training\s+areas|ranges|air\s*bases|airbases|polygons)"
_CAPS = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’']*(?:-[A-Z][\w’']*)*(?:\s[A-ZÀ-ÖØ-ÞĀ-ſ][\w’']*(?:-[A-Z][\w’']*)*){0,2}(?![\w-])"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    country = country_pattern(names=True, demonyms=False, capitals=False)
    demonym = country_pattern(names=False, demonyms=True, capitals=False)
    clist = rf"{country}(?:\s*,\s*(?:and\s+)?{country}|\s+and\s+{country})*"
    members = r"(?:(?:the|NATO\s+members?|NATO\s+member\s+states|NATO\s+allies|EU\s+members?|EU\s+member\s+states)\s+)?"
    border = (
        rf"(?:(?:the\s+(?i:republic|country)['’]s|the|its|their|his|her|our|(?P<owner>{country})['’]s)\s+)?"
        rf"(?:(?:{_COMPASS})(?:\s+and\s+(?:{_COMPASS}))?\s+)?(?:(?:(?P<dem>{demonym})|(?P<pair>[A-Z][a-z]+[-–][A-Z][a-z]+))\s+)?(?i:state\s+)?(?i:borders?|frontiers?)\b"
        rf"(?:\s+(?:of|with)\s+{members}(?P<nlist>{clist}))?"
        rf"(?P<which>,?\s+(?:which|that)\s+borders?\s+{members}(?P<blist>{clist}))?"
        rf"|the\s+(?i:border)\s+in\s+the\s+{_COMPASS}\s+of\s+(?:the\s+country|{country})"
    )
    patterns = (
        ("border-parts", rf"(?i:parts?|areas?|regions?|districts?)\s+of\s+(?P<owner>{country})\s+(?:that|which)\s+borders?\s+{members}(?P<nlist>{clist})"),  # noqa: E501
        ("border", rf"{_PREP}(?P<phrase>{border})"),
        ("compass", rf"(?:{_PREP}|\()(?P<phrase>(?:the\s+)?{_COMPASS}(?:\s*,\s*{_COMPASS})*(?:,?\s+(?:and|or)\s+{_COMPASS})?\s+(?:{country}\b|(?i:parts?\s+of\s+)(?:the\s+country|{country}))|the\s+{_COMPASS}\s+of\s+(?:the\s+(?i:country|republic)|{country})|the\s+country['’]s\s+{_COMPASS}(?![\w-]))"),  # noqa: E501
        ("region-part", rf"{_PREP}(?P<phrase>the\s+(?P<side>{_COMPASS})\s+(?i:area|part|region)\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w’'-]+)(?:\s+(?i:region|oblast))?)"),  # noqa: E501
        ("interior", rf"(?P<phrase>the\s+interior\s+of\s+(?:the\s+country|{country})|deep(?:er)?\s+inside\s+(?:the\s+territory\s+of\s+)?(?:the\s+country|(?:the\s+)?{country}))"),  # noqa: E501
        # "in its Minsk and Vitsebsk regions", "the territories of A and B municipalities", "the A and B, C and D areas"
        ("regions", rf"(?:{_PREP}(?:the\s+(?i:territor(?:y|ies))\s+of\s+)?|\band\s+(?=(?:its|their)\s))(?P<phrase>(?:(?:the|its|their)\s+)?(?:(?P<owner>{country})['’]s?\s+)?(?P<names>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:(?:\s*,\s*|\s+and\s+(?=[^,]+,))[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)*,?\s+and\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?P<word>(?i:regions|oblasts|provinces|voblasts|districts|municipalities|voivodeships|counties|areas))\b)"),  # noqa: E501
        # "in the regions of territorial units of Vilnius and Varėna", "the districts of Lida and Slonim": one per name.
        ("regions", rf"{_PREP}(?P<phrase>(?:the\s+)?(?:(?P<owner>{country})['’]s?\s+)?(?P<word>(?i:regions|oblasts|provinces|districts|municipalities|counties|areas))\s+of\s+(?:(?:the\s+)?(?i:territorial|administrative)\s+(?i:units)\s+of\s+)?(?P<names>[A-Z][\w’'-]+(?:\s*,\s*[A-Z][\w’'-]+)*,?\s+and\s+[A-Z][\w’'-]+))"),  # noqa: E501
        # "crossings over the rivers of Neman and Berezina", "across the rivers Neman and Berezina", "crossed the Sozh",
        # "crossings over the Neman and Berezina rivers"
        ("rivers", rf"(?i:\b(?:over|across|on|along|in|at|near|to|of|cross(?:es|ed|ing)?)\s+)(?P<phrase>(?:the\s+)?(?i:rivers?)\s+(?:of\s+)?(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+and\s+{NAME})?)|(?:the\s+)?(?P<names2>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})\s+(?i:rivers)\b|(?:the\s+)?(?P<name>{UPPER}[\w’'-]+)\s+(?i:river)\b)"),  # noqa: E501
        # "in the regions of (territorial units of) Vilnius and Varena": one region per name, as "the A and B regions".
        ("regions", rf"(?:the\s+)?(?P<word>(?i:regions|districts))\s+of\s+(?:[a-z]+\s+[a-z]+\s+of\s+)?(?P<names>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})(?![\w-])"),  # noqa: E501
        ("site-list", rf"(?:{_PREP})?(?:the\s+)?(?P<names>{NAME}{_AT}(?:\s*,\s*{NAME}{_AT})*,?\s+and\s+{NAME}{_AT})\s+(?P<word>{RANGE_WORDS})\b"),  # noqa: E501
        ("site-of-list", rf"(?:the\s+)?(?P<word>{RANGE_WORDS}|(?i:towns|cities|villages|settlements))\s+of\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})"),  # noqa: E501
        ("site-paren", rf"(?P<before>{RANGE_WORDS}\s*)?\((?P<names>{NAME}(?:\s*,\s*(?:and\s+)?{NAME})+(?:,?\s+and\s+{NAME})?)\)"),  # noqa: E501
        # "in Belarus and Russia's Pskov region": a region after a country that follows a preposition.
        ("region", rf"(?:{_PREP}(?:(?:the\s+)?{country}\s*,?\s+and\s+)?|\bof\s+|[\[(])(?P<phrase>(?:the\s+)?(?:(?P<owner>{country})['’]s?\s+|(?P<the_country>country)['’]s\s+)?(?:(?P<dem>{demonym})\s+)?(?:(?i:{_COMPASS})\s+)?(?P<name>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)?)\s+(?:(?i:regions?|oblasts?|provinces?|voblasts?|voblas[cć]|districts?|voivodeships?|county|counties|krai|kray|exclave|enclave)|Territory)(?![\w-]))"),  # noqa: E501
        ("site-unknown", rf"(?:{_PREP}|\band\s+(?=the\s+{UPPER}))(?:the\s+)?[‘'\"“]?(?P<phrase>(?P<name>{UPPER}[\w’'-]+(?:[\s-]{UPPER}[\w’'.-]+){{0,3}})[’'\"”]?\s+{RANGE_WORDS})\b"),  # noqa: E501
        # A wire dateline that is a range: "BORISOVSKY TRAINING GROUND /Belarus/, September 15. /TASS/."
        ("dateline-site", rf"^\s*(?P<phrase>(?P<name>[A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){{0,2}})\s+{RANGE_WORDS})(?=\s*(?:/[^/]{{1,40}}/)?\s*,)"),  # noqa: E501
        # "at BPTA, Poland", "near Korzeniewo, Poland": a place the gazetteer lacks, in the country named after it.
        ("in-country", rf"{_PREP}(?P<phrase>(?P<name>{UPPER}[\w’'-]*(?:\s{UPPER}[\w’'-]*){{0,2}}),\s+(?P<cname>{country}))(?![\w-])"),  # noqa: E501
        # "in the Republic of Tatarstan": a country ("the Republic of Belarus") or a region called a republic.
        ("republic", rf"{_PREP}(?P<phrase>(?:the\s+)?Republic\s+of\s+(?P<name>{UPPER}[\w’'-]+(?:\s{UPPER}[\w’'-]+)?))"),
        # "over the rolling hills of Lithuania", "in the forests of Grodno": the land of X is X (README fifth pass).
        ("terrain", rf"(?P<phrase>\b(?:the\s+)?(?:[a-z][\w-]*\s+)?(?i:hills|mountains|forests|woods|plains|marshes|swamps)\s+of\s+(?P<name>{_CAPS}))"),  # noqa: E501
        # "in the vicinity of Riga", "on the outskirts of (the capital city of) Minsk", "on the streets of Tartu"
        ("town", rf"(?P<phrase>\b(?:the\s+)?(?i:vicinity|outskirts|environs|streets)\s+of\s+(?:the\s+(?i:(?:capital\s+)?(?:town|city|village)|capital)\s+of\s+)?(?P<name>{_CAPS}))"),  # noqa: E501
        ("town", rf"{_PREP}(?P<phrase>(?:the\s+)?(?i:town|city|village|settlement|resort|port|capital|airfield)(?:\s+of)?\s+[\"“«]?(?P<name>{_CAPS}))"),  # noqa: E501
        ("territory", rf"{_PREP}(?P<phrase>(?:the\s+)?(?i:territory|soil)\s+of\s+(?:the\s+)?(?P<name>{country})|(?P<dem>{demonym})\s+(?i:territory|soil))"),  # noqa: E501
        # "in all administrative districts", "throughout the country", "across the whole territory of Belarus": the
        # whole country (the context country when none is named).
        ("nationwide", rf"(?:{_PREP}|\bthroughout\s+)(?P<phrase>all\s+(?:the\s+)?(?i:administrative\s+)?(?i:regions|districts|oblasts|provinces|counties)(?:\s+of\s+(?:the\s+country|(?P<name>{country})))?(?![\w-])|(?:the\s+)?(?:(?:whole|entire)\s+(?:territory\s+of\s+)?|territory\s+of\s+(?=the\s+country\b))(?:the\s+country|(?P<name2>{country}))|(?<=throughout\s)the\s+country|(?<=across\s)the\s+country)"),  # noqa: E501
        # "all airfields and training grounds of Belarus' Air Force", "… of the Belarusian air force": its own.
        ("ranges-of", rf"(?P<phrase>\b(?:all\s+(?:the\s+)?)?(?:military\s+)?{_RANGES}(?:\s+and\s+{_RANGES})?\s+of\s+(?:[\w-]+\s+){{0,12}}?(?:(?P<name>{country})(?:['’]s?)?|(?P<dem>{demonym})(?=\s+[a-z])))(?![\w-])"),  # noqa: E501
        ("countries", rf"(?:{_PREP}|{_OFF})(?:(?:the\s+)?(?i:territor(?:y|ies)|soil)\s+of\s+)?(?i:{_AMONG})(?P<phrase>(?:the\s+)?{country}(?:\s*,\s*(?:the\s+)?(?:{_GROUP})?{country})*(?:,?\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:{_GROUP}{country}(?:\s*,\s*{country})*,?\s+and\s+{country}|(?:{_GROUP})?{country})|(?=,)))"),  # noqa: E501
        ("country-name", rf"(?:{_PREP}|{_OFF})(?i:{_AMONG})(?:the\s+)?(?P<phrase>{country})"),
        # "riots in Jekabpils and Valmiera": a list of towns the gazetteer knows, one mention per town.
        ("towns", rf"{_PREP}(?P<names>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})(?![\w-])"),
        # "Poland will host the NATO-led Dragon-24 drills", "Belarus is hosting three joint exercises".
        ("host", rf"(?<![\w-])(?P<phrase>{country})\s+(?:(?:is|are|was|were|will|would|has|have|had|also|to|be|set\s+to)\s+)*(?i:host(?:s|ed|ing)?)\b"),  # noqa: E501
        ("country", rf"{_PREP}(?:the\s+)?(?P<phrase>{_CAPS})"),
        # "Latvia's forces announced drills across the country": the country the sentence names first.
        ("whole-country", r"(?i:\b(?:across|throughout|all\s+over)\s+)(?P<phrase>the\s+(?:whole\s+|entire\s+)?country)\b"),  # noqa: E501
    )  # fmt: skip
    return tuple((form, re.compile(pattern)) for form, pattern in patterns)


def _known_site(key: str) -> bool:
    index = gazetteer.site_index()
    return key in index or any(stem in index for stem in adjective_stems(key))


def _caps_prefix(caps: str) -> tuple[str, str] | None:
    """Return the longest leading word run of ``caps`` that is a country or town, with its form."""
    words = caps.split()
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        key = normalize_name(candidate)
        if key in NOT_PLACES or is_demonym(candidate):  # "at the Russian Foreign Ministry": no town "Russian"
            continue
        if candidate in country_names():
            return candidate, "country"
        if (key in gazetteer.town_index() or is_town_spelling(key)) and len(key) > 2:  # "Ošmiany" = Oshmyany
            return candidate, "town"
        if bare_region(key) is not None:  # "drills in Buryatia": a region by its bare name (geocode.bare_regions)
            return candidate, "town"
    return None


def _site_tokens(sentence: str) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of capitalised word runs (quotes stripped) that name a known range."""
    out: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,2}", sentence):
        words = match.group(0).split()
        for n in range(len(words), 0, -1):  # longest run first
            text = " ".join(words[:n]).rstrip("’'")
            if (n < len(words) or re.fullmatch(_COMPASS, text)) and not re.fullmatch(RANGE_WORDS, " ".join(words[n:])):
                continue  # "Central" of "the Central Military District", "Central and Eastern Europe": not the range
            if _known_site(normalize_name(text)):
                out.append((match.start(), match.start() + len(text), text))
                break
    return out


def find_places(sentence: str) -> list[PlaceMention]:
    """Return the place phrases of a sentence, longest first where they overlap, in text order."""
    return _find_places(sentence, chain=True)


def _find_places(sentence: str, *, chain: bool) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    for form, pattern in _patterns():
        for match in pattern.finditer(sentence):
            if form in ("regions", "countries", "towns"):
                found += list_mentions(form, match, sentence)
                continue
            if form == "rivers":
                found += river_mentions(match, sentence)
                continue
            if form.startswith("site-") and form != "site-unknown":
                found += site_list_mentions(form, match, sentence)
                continue
            mention = _mention(form, match, sentence)
            if mention is not None:
                found.append(mention)
    found += [PlaceMention(t, t, s, e, "site", role_at(sentence, s)) for s, e, t in _site_tokens(sentence)]
    for text, query, start, end, form, context in more_places(sentence):  # geo.extract.place_forms
        found.append(PlaceMention(text, query, start, end, form, role_at(sentence, start), context or DEFAULT_CONTEXT))
    found += continued_regions(sentence, found)  # "…, and the Bryansk Oblast"
    if chain:  # "in Belarus, western Russia, the Russian exclave of Kaliningrad" (geo.extract.place_chain)
        found += chained_places(sentence, found, lambda text: _find_places(text, chain=False))
    kept: list[PlaceMention] = []
    for mention in sorted(found, key=lambda m: (m.form != "paired", m.start - m.end, m.form == "country", m.start)):
        if not any(mention.start < k.end and k.start < mention.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


_POSSESSIVE_BORDER = re.compile(r"^(?:its|their)\s", re.I)


def _possessor(sentence: str, text: str, start: int) -> str | None:
    """Return the country "its"/"their" refers to: the sentence's subject, read as the first country named.

    "Poland moved units to its border" → POL; "Belarus announced drills with Russia along its southern
    border" → BLR (not Russia, named later); "Belarusian Defense Minister … on its border" → BLR. "Their"
    after two countries ("Russia and Belarus … their borders") refers to no single one: None.
    """
    if not _POSSESSIVE_BORDER.match(text):
        return None
    named = {iso3_of(m.group(0)) for m in re.finditer(country_pattern(), sentence[:start])} - {None}
    if text[:5].casefold() == "their" and len(named) != 1:
        return None  # "Russia and Belarus … their borders": whose strip is not one country's
    first = re.search(country_pattern(), sentence[:start])
    return iso3_of(first.group(0)) if first else None


def _across_border(sentence: str, match: re.Match[str], context: str) -> str:
    """Return the side of "the border with X" a sentence is on: never X itself.

    "the Lithuanian Armed Forces exercise near the border with Belarus" is Lithuania's strip along Belarus,
    not Belarus's: when the neighbour named is the context country, the first other country the sentence
    names (or its demonym) is the side; with none, the context stays.
    """
    named = match.groupdict().get("nlist")
    if not named or match.groupdict().get("owner") or not re.search(r"\bwith\s", match.group(0)):
        return context  # "the southern border of Belarus" is Belarus's own
    neighbours = {iso3_of(m.group(0)) for m in re.finditer(country_pattern(), named)}
    if context not in neighbours:
        return context
    for other in re.finditer(country_pattern(), sentence):
        iso3 = iso3_of(other.group(0))
        if iso3 and iso3 not in neighbours:
            return iso3
    return context


def _border_mention(match: re.Match[str], sentence: str, role: str) -> PlaceMention | None:
    group = "phrase" if "phrase" in match.groupdict() else 0
    start, end = match.start(group), match.end(group)
    text = match.group(group)
    owner = match.group("owner")
    possessor = None if owner else _possessor(sentence, text, start)
    context = (iso3_of(owner) if owner else None) or possessor or DEFAULT_CONTEXT
    context = _across_border(sentence, match, context)
    query = re.sub(r"^the\s+(?i:republic|country)['’]s\s+", "its ", text)
    if match.groupdict().get("which"):
        query = text[: match.start("which") - start]
    if _BARE_BORDER.match(text):
        return None  # "the border", "near the borders": whose border is not said, so no site
    dem, pair = match.groupdict().get("dem"), match.groupdict().get("pair")
    if (
        pair
    ):  # "the Polish-Belarusian border": Poland's strip along Belarus (the sides are swapped for a Belarusian drill)
        first, dem = re.split(r"[-–]", pair)
        if not (is_demonym(first) and is_demonym(dem) and iso3_of(first) and iso3_of(dem)):
            return None
        context = iso3_of(first) or context
    if dem and not match.groupdict().get("nlist"):
        neighbour = iso3_of(dem)
        name = next((n for n, iso in country_names().items() if iso == neighbour and " " not in n), dem)
        query = f"the border with {name}"
    return PlaceMention(text, query, start, end, "border", role, context, possessor)


def _the_country(sentence: str, start: int) -> str | None:
    """Return the ISO3 of "the country" ("throughout the country"): the country the sentence names first.

    With no country named, it is the context country, unless a demonym of another country says whose troops
    these are ("Russian troops … across the country" leaves the country unsaid: None).
    """
    first = re.search(country_pattern(names=True, demonyms=False, capitals=False), sentence[:start])
    if first:
        return iso3_of(first.group(0))
    demonyms = re.findall(country_pattern(names=False, demonyms=True, capitals=False), sentence)
    return None if any(iso3_of(d) != DEFAULT_CONTEXT for d in demonyms) else DEFAULT_CONTEXT


def _region_mention(match: re.Match[str], sentence: str, role: str) -> PlaceMention | None:
    """The ``region`` form: "the Vitebsk region", "Belarus's Vitebsk region", "the country's Gomel region"."""
    text, start, end = match.group("phrase"), match.start("phrase"), match.end("phrase")
    if normalize_name(match.group("name")) in NOT_PLACES or _MILITARY_DISTRICT.search(text):
        return None  # "the Central Military District" is where troops come from, not an admin region
    owner = match.group("owner") or match.group("dem")
    query = text[match.start("name") - start :]
    if match.group("the_country"):  # "in the country's Gomel region": the country the sentence names (twentieth pass)
        context = _the_country(sentence, start) or DEFAULT_CONTEXT
        return PlaceMention(text, f"the {query}", start, end, "region", role, context)
    if owner:
        # "Belarus's Vitebsk region", "the Tajik southern Khatlon province": the region of that country
        return PlaceMention(text, f"the {query}", start, end, "region", role, iso3_of(owner) or DEFAULT_CONTEXT)
    return PlaceMention(text, text, start, end, "region", role)


def _mention(form: str, match: re.Match[str], sentence: str) -> PlaceMention | None:
    group = "phrase" if "phrase" in match.groupdict() else 0
    start, end = match.start(group), match.end(group)
    text = match.group(group)
    role = role_at(sentence, match.start())
    if form in ("border", "border-parts"):
        return _border_mention(match, sentence, role)
    if form == "interior":
        named = re.search(country_pattern(names=True, demonyms=False, capitals=False), text)
        context = (iso3_of(named.group(0)) if named else None) or DEFAULT_CONTEXT
        return PlaceMention(text, text, start, end, form, role, context)
    if form == "compass" and text.startswith("the country"):  # "in the country's south": the country named before
        whole = _the_country(sentence, start)
        query = f"the {text.split()[-1]} of the country"
        return PlaceMention(text, query, start, end, form, role, whole) if whole else None
    if form == "compass":
        return PlaceMention(text, text, start, end, form, role)
    if form == "region-part":  # "the northeast area of Vitebsk": that side of the Vitebsk region
        if match.group("name") in country_names():
            return None
        query = f"{match.group('side').lower()} {match.group('name')} region"
        return PlaceMention(text, query, start, end, "region", role)
    if form in ("whole-country", "nationwide", "ranges-of"):
        country_named = match.groupdict().get("name") or match.groupdict().get("name2") or match.groupdict().get("dem")
        whole = iso3_of(country_named) if country_named else _the_country(sentence, start)
        return PlaceMention(text, _country_query(whole, text), start, end, "country", role, whole) if whole else None
    if form == "host" and not _HOSTED_EXERCISE.match(sentence, match.end()):
        return None  # "Belarus hosts Russian forces and equipment": no exercise is hosted
    if form in ("territory", "country-name", "host"):
        iso3 = iso3_of(match.group("name") or match.group("dem") if form == "territory" else text)
        if iso3 is None:
            return None
        return PlaceMention(text, _country_query(iso3, text), start, end, "country", role, iso3)
    if form == "region":
        return _region_mention(match, sentence, role)
    if form == "site-unknown":
        if normalize_name(match.group("name")) in NOT_PLACES:
            return None
        if is_demonym(match.group("name")):  # "the Russian training ground": some range in Russia
            iso3 = iso3_of(match.group("name")) or DEFAULT_CONTEXT
            return PlaceMention(text, _country_query(iso3, text), start, end, "country", role, iso3)
        return PlaceMention(text, text, start, end, "site", role)
    if form == "town":
        return PlaceMention(text, match.group("name"), start, end, "town", role)
    if form == "terrain":
        iso3 = iso3_of(match.group("name"))
        if iso3 is not None:
            return PlaceMention(text, _country_query(iso3, match.group("name")), start, end, "country", role, iso3)
        return PlaceMention(text, match.group("name"), start, end, "town", role)
    if form in ("dateline-site", "in-country", "republic"):
        return _named_in(form, match, text, start, end, role)
    prefix = _caps_prefix(text)
    if prefix is None:
        return None
    place, kind = prefix
    return PlaceMention(place, place, start, start + len(place), kind, role)


def _named_in(form: str, match: re.Match[str], text: str, start: int, end: int, role: str) -> PlaceMention | None:
    """A range named in a wire dateline, a place "X, Country" the gazetteer lacks, or "the Republic of X".

    "BORISOVSKY TRAINING GROUND /Belarus/, September 15. /TASS/.": a dateline naming a range is where the
    report was filed from the exercise itself, so it is a site (a town dateline, "MINSK, …", stays a venue).
    "at BPTA, Poland": the unknown place is somewhere in that country, so the country is what is located,
    with the phrase kept as written; a place the gazetteer knows ("in Minsk, Belarus") is left to the town
    pattern. "the Republic of Tatarstan" is a region (of its country when the admin-1 layer lacks it).
    """
    name = match.group("name")
    if form == "dateline-site":
        return PlaceMention(text, f"{name.title()} {text[len(name) :].strip().lower()}", start, end, "site", role)
    if form == "republic":
        iso3 = iso3_of(name)
        if iso3 is not None:
            return PlaceMention(text, _country_query(iso3, text), start, end, "country", role, iso3)
        return PlaceMention(text, f"{name} republic", start, end, "region", role)
    iso3 = iso3_of(match.group("cname"))
    if iso3 is None or name in country_names() or normalize_name(name) in NOT_PLACES:
        return None
    if geocode_cached(name, iso3).country == iso3:
        return None  # "in Minsk, Belarus": the town pattern reads it
    return PlaceMention(text, _country_query(iso3, text), start, end, "country", role, iso3)


#: What a hosting country hosts, for it to be a site: an exercise, named or not, within a few words
#: ("will host the NATO-led Dragon-24 drills", "is hosting three joint and special exercises", "hosted Zapad").
_HOSTED_EXERCISE = re.compile(
    r"(?:\s+[\w’'-]+){0,6}?\s+(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s*games|training|[A-Z][\w-]+[\s-]\d{2,4}\b)",
)
_MILITARY_DISTRICT = re.compile(r"\bMilitary\s+District\b", re.I)
#: A border phrase that names no country, side or neighbour.
_BARE_BORDER = re.compile(r"^(?:the\s+)?(?:state\s+)?(?:borders?|frontiers?)$", re.I)


@lru_cache(maxsize=8192)
def geocode_cached(query: str, context: str | None = DEFAULT_CONTEXT) -> GeocodeResult:
    """Return :func:`geo.geocode.geocoder.geocode` of a phrase, cached (results are immutable)."""
    return geocode(query, country=context)


def location_key(result: GeocodeResult, query: str) -> str:
    """Return a key under which two phrases that resolve to the same place are one location."""
    if result.status != "resolved" or result.geometry is None:
        return f"unresolved:{normalize_name(query)}"
    if result.kind in ("training_ground", "airfield", "town", "country") and result.gazetteer_id:
        return f"id:{result.gazetteer_id}"
    if result.kind == "region" and result.admin1:  # "the Vitebsk region" = "northeastern Belarus"
        return f"region:{result.country}:{result.admin1}"
    # Same rule, same geometry: "its southern border" and "its border with Ukraine" are one strip.
    return f"{result.kind}:{result.country}:{result.lat:.4f}:{result.lon:.4f}:{result.geometry.area:.6f}"
