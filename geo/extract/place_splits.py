"""Lists of places written as one phrase, split into one :class:`~geo.extract.place_mention.PlaceMention` per place.

"the Minsk and Mogilev regions", "in Latvia and Estonia", "the Neman and Berezina rivers", "the Domanovsky,
Gozhsky and Brest training grounds": :func:`geo.extract.places.find_places` matches the list, these split it.
"""

from __future__ import annotations

import re

from geo.extract.lexicon import country_names, country_pattern, iso3_of
from geo.extract.place_forms import NOT_PLACES
from geo.extract.place_mention import DEFAULT_CONTEXT, NAME, RANGE_WORDS, PlaceMention, role_at
from geo.geocode import gazetteer
from geo.geocode.bare_regions import bare_region
from geo.geocode.features import is_river
from geo.geocode.gazetteer import normalize_name


def list_mentions(form: str, match: re.Match[str], sentence: str) -> list[PlaceMention]:
    """Split "the Minsk and Mogilev regions", "in Latvia and Estonia" and "in Jekabpils and Valmiera" into mentions.

    One mention per place; in a list of towns only the names the gazetteer knows.
    """
    role = role_at(sentence, match.start())
    if form == "countries":
        country = re.compile(country_pattern(names=True, demonyms=False, capitals=False))
        base = match.start("phrase")
        return [
            PlaceMention(m.group(0), m.group(0), base + m.start(), base + m.end(), "country", role)
            for m in country.finditer(match.group("phrase"))
        ]
    base = match.start("names")
    if form == "towns":
        return [
            PlaceMention(part.group(0), part.group(0), base + part.start(), base + part.end(), "town", role)
            for part in re.finditer(NAME, match.group("names"))
            if _listed_place(part.group(0))
        ]
    owner = match.groupdict().get("owner")
    context = (iso3_of(owner) if owner else None) or DEFAULT_CONTEXT
    # "the Rahachou and Karma districts" are districts (each placed on its town), not admin-1 regions.
    district = match.group("word").lower() in ("districts", "municipalities")
    out = []
    for part in re.finditer(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", match.group("names")):
        if normalize_name(part.group(0)) in NOT_PLACES:
            continue
        query = f"{part.group(0)} district" if district else f"the {part.group(0)} region"
        out.append(PlaceMention(part.group(0), query, base + part.start(), base + part.end(), "region", role, context))
    return out


def _listed_place(name: str) -> bool:
    """Whether a name in a list of towns is a place, never a country.

    A town the gazetteer knows, or a first-level region by its bare name ("in Adygea, Dagestan and Ingushetia",
    :mod:`geo.geocode.bare_regions`).
    """
    key = normalize_name(name)
    return name not in country_names() and (key in gazetteer.town_index() or bare_region(key) is not None)


def river_mentions(match: re.Match[str], sentence: str) -> list[PlaceMention]:
    """One mention per river, geocoded as its course in the context country.

    "the rivers of Neman and Berezina", "the Neman and Berezina rivers", "the Sozh river".
    """
    role = role_at(sentence, match.start())
    if match.group("name"):
        if not is_river(match.group("name")):
            return []  # "the River Club": only a river the reference layer knows is read as one
        text, query = match.group("phrase"), f"the {match.group('name')} river"
        return [PlaceMention(text, query, match.start("phrase"), match.end("phrase"), "river", role)]
    group = "names" if match.group("names") else "names2"
    base = match.start(group)
    return [
        PlaceMention(part.group(0), f"the {part.group(0)} river", base + part.start(), base + part.end(), "river", role)
        for part in re.finditer(NAME, match.group(group))
        if is_river(part.group(0))
    ]


def site_list_mentions(form: str, match: re.Match[str], sentence: str) -> list[PlaceMention]:
    """Split a list of ranges, airfields or towns into one site mention per name.

    "the Domanovsky, Gozhsky and Brest training grounds", "the airfields of Baranovichi, Luninets and Lida",
    "the towns of Druskininkai, Alytus and Varėna", "five Belarusian (Obuz-Lesnovsky, Brestsky …) and nine
    Russian training grounds (Volsky, …)": a bracketed list counts when a range word stands within 40
    characters of it. Each name is geocoded with its range word ("Lida airfield"); a town as itself.
    """
    word = match.groupdict().get("word")
    if form == "site-paren":
        near = sentence[max(0, match.start() - 40) : match.start()] + " " + sentence[match.end() : match.end() + 40]
        found = match.group("before") or re.search(RANGE_WORDS, near)
        if not found:
            return []
        word = found if isinstance(found, str) else found.group(0)
    assert word is not None
    kind = re.sub(r"s$", "", " ".join(word.lower().split()))
    role = role_at(sentence, match.start())
    base = match.start("names")
    out = []
    for part in re.finditer(NAME, re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), match.group("names"))):
        name = part.group(0)
        if normalize_name(name) in NOT_PLACES or name in country_names() or name.lower() == "and":
            continue
        query = name if kind in ("town", "citie", "village", "settlement") else f"{name} {kind}"
        town = kind in ("town", "citie", "village", "settlement")
        out.append(PlaceMention(name, query, base + part.start(), base + part.end(), "town" if town else "site", role))
    return out
