"""Sides: the country a river or "the border with X" is read in, and which side of the participants a country is.

* A river outside the default context country is read in the country of another place of its sentence:
  "a crossing of the Vistula River near Korzeniewo, Poland" → the Vistula within Poland; with none, in the one
  participant it crosses ("Polish, British and German troops began crossing the Vistula River", tenth pass).
* "the border with X" in a sentence naming no other country is on the side of the exercise's one
  participant other than X: "the regions near border with Russia and Belarus" in a Lithuanian exercise is
  Lithuania's strip, never one inside a country that takes no part; so is "the border with Russia" of a Latvian
  exercise (not Belarus's strip along Russia) and "the Belarusian border" of a Lithuanian one, read on the side of
  the one participant whose strip along that neighbour exists.
* A border in the default country, which no country of the sentence names, across sides from every participant
  ("training grounds near the eastern border of the country" in a Polish-led drill) is left unresolved: whose
  border it is is not said, and it is not Belarus's (tenth pass); with one country the event's sentences hold it in
  where the phrase fits ("Dragon-24 continues in Poland"), it is that country's border.
* A corridor between two countries ("the Suwalki Gap") is read on the one participant's side of it.
* "its border" of a country that takes no part is a reaction ("Poland moved units to its border"), unless the
  exercise itself is said to be near it: "Lithuania said it would not react to a Belarus military exercise being
  carried out near its border" is Belarus's strip along Lithuania, read on the side of the one participant whose
  strip along that country exists (tenth pass).
"""

from __future__ import annotations

import re
from dataclasses import replace

from geo.extract.lexicon import country_names, country_pattern, iso3_of
from geo.extract.places import DEFAULT_CONTEXT, PlaceMention, geocode_cached
from geo.geocode.features import CORRIDORS
from geo.geocode.gazetteer import normalize_name
from geo.geocode.result import GeocodeResult, unresolved

#: The Union State's members.
EAST = frozenset({"RUS", "BLR"})


def across_sides(country: str, participants: set[str], nato: frozenset[str]) -> bool:
    """Whether ``country`` is on the other side of the participants (NATO beside Russia or Belarus, or the reverse)."""
    if participants & EAST:
        return country in nato
    return bool(participants) and participants <= nato and country in EAST


#: The exercise itself said to be near a border: "a Belarus military exercise being carried out near its border".
_EXERCISE_NEAR = re.compile(
    r"\b(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\s+(?:[\w-]+\s+){0,4}?(?:near|along|on|at|by|close\s+to)\s+$",
    re.I,
)


def reaction_border(place: PlaceMention, participants: set[str], sentence: str) -> bool:
    """Whether a place is "its border" of a country that takes no part, and not where the exercise is said to be."""
    return bool(place.possessor and participants and place.possessor not in participants) and not _near(place, sentence)


def _near(place: PlaceMention, sentence: str) -> bool:
    """Whether the words before a place say the exercise itself is there ("an exercise carried out near its border")."""
    return bool(_EXERCISE_NEAR.search(sentence[: place.start]))


def other_side(
    place: PlaceMention,
    result: GeocodeResult,
    mentions: list[PlaceMention],
    participants: set[str],
    sentence: str = "",
    hosts: frozenset[str] = frozenset(),
) -> tuple[GeocodeResult, str] | None:
    """Return a river or a border read in another country than the default (with a note), or None.

    ``result`` is the place read in its default context; ``mentions`` are the places of its ``sentence``; ``hosts``
    the countries the event's sentences hold it in (:func:`geo.extract.event_places.hosts_of`).
    """
    if place.form == "border" and place.possessor and place.possessor not in participants and _near(place, sentence):
        # "a Belarus military exercise being carried out near its border" (Lithuania's): the participant's side, or
        # the default country's when none is named yet
        seen = replace(place, query=f"the border with {_country_name(place.possessor)}", context=DEFAULT_CONTEXT)
        if participants:
            return border_side(seen, None, participants)
        again = geocode_cached(seen.query, DEFAULT_CONTEXT)
        if again.status != "resolved" or again.country == place.possessor:
            return None
        return again, f"location {place.text!r} read on {DEFAULT_CONTEXT}'s side: the exercise is near that border"
    if place.form == "corridor" and result.status == "resolved" and result.country is None:
        return corridor_side(place, participants or set(hosts))
    if place.form == "river" and result.status != "resolved":
        return river_side(place, mentions) or _river_of_participants(place, participants)
    if place.form == "river" and participants and result.country not in participants | hosts:
        return _river_not_in_default(place, result, mentions, participants)
    if place.form == "border" and result.country and participants and result.country not in participants:
        named = {iso3_of(m.group(0)) for m in re.finditer(country_pattern(), sentence)}
        side = border_side(place, result.country, participants, result.country in named)
        unsaid = side is None and place.context == DEFAULT_CONTEXT and result.country not in named
        if unsaid:
            # "near the eastern border of the country" in a drill that "continues in Poland": Poland's, its one host
            side = _in_one_host(place, hosts - {result.country})
        if unsaid and side is None and _across(result, participants):
            # "training grounds near the eastern border of the country" in a Polish-led drill: not Belarus's border
            why = "a border naming no country; the default country's is across from every participant"
            return unresolved(place.query, why), f"location {place.text!r} is not {result.country}'s border"
        return side
    if place.form == "border" and participants and result.status != "resolved":
        # "near the Belarusian border" in a Lithuanian exercise: read on the side of the one participant it fits
        return border_side(place, None, participants)
    return None


def river_side(place: PlaceMention, mentions: list[PlaceMention]) -> tuple[GeocodeResult, str] | None:
    """Return the river read within another place's country of the sentence (with a note), or None."""
    for other in mentions:
        country = geocode_cached(other.query, other.context).country if other is not place else None
        if country and country != place.context:
            again = geocode_cached(place.query, country)
            if again.status == "resolved":
                return again, f"river {place.text!r} read within {country}, where {other.text!r} lies"
    return None


def _in_one_host(place: PlaceMention, hosts: frozenset[str]) -> tuple[GeocodeResult, str] | None:
    """Return a border phrase read in the one host country where it resolves, or None."""
    fits = [(h, again) for h in sorted(hosts) if (again := geocode_cached(place.query, h)).status == "resolved"]
    fits = [(h, again) for h, again in fits if again.country == h]
    if len(fits) != 1:
        return None
    host, again = fits[0]
    return (
        again,
        f"location {place.text!r} read in {host}: the country the exercise is held in, the default takes no part",
    )


def _across(result: GeocodeResult, participants: set[str]) -> bool:
    """Whether a place read in the default country lies across sides from every participant (Belarus, NATO's)."""
    return result.country in EAST and not participants & EAST


def corridor_side(place: PlaceMention, participants: set[str]) -> tuple[GeocodeResult, str] | None:
    """Return a corridor read on the one participant's side of it (with a note), or None.

    "Lithuanian troops held drills in the Suwalki Gap": the gap is the Poland-Lithuania border with a strip on
    either side; with Lithuania alone taking part, Lithuania's strip along Poland. With both sides (or neither)
    taking part, the whole corridor stays, in no one country.
    """
    key = normalize_name(place.query)
    pair = next((pair for pattern, (_, pair, _) in CORRIDORS.items() if re.search(pattern, key)), None)
    if pair is None or len(sides := set(pair) & participants) != 1:
        return None
    side = next(iter(sides))
    other = pair[1] if side == pair[0] else pair[0]
    again = geocode_cached(f"the border with {_country_name(other)}", side)
    if again.status != "resolved" or again.country != side:
        return None
    return again, f"location {place.text!r} read on {side}'s side: the one participant of the two it lies between"


def _river_of_participants(place: PlaceMention, participants: set[str]) -> tuple[GeocodeResult, str] | None:
    """Return the river read within the one participant it crosses, when no place of its sentence locates it.

    "Polish, British, German and French troops … began crossing the Vistula River": of the four, only Poland.
    """
    fits = [(c, again) for c in sorted(participants) if (again := geocode_cached(place.query, c)).status == "resolved"]
    if len(fits) != 1:
        return None
    country, again = fits[0]
    return again, f"river {place.text!r} read within {country}, the one participant it crosses"


def _river_not_in_default(
    place: PlaceMention, result: GeocodeResult, mentions: list[PlaceMention], participants: set[str]
) -> tuple[GeocodeResult, str] | None:
    """Return a river of the default country read within the one participant it crosses (ninth session's probes).

    "Latvian troops held drills on the Daugava river": the Daugava crosses Belarus too, but no Belarusian takes part
    and no other place of the sentence lies in Belarus, so the river is Latvia's. A sentence that also places
    something in the default country ("crossed the Dnieper in Belarus") keeps it there.
    """
    others = {geocode_cached(m.query, m.context).country for m in mentions if m is not place}
    return None if result.country in others else _river_of_participants(place, participants)


#: Two demonyms joined by a hyphen before "border": "the Polish-Belarusian border".
_PAIR = re.compile(r"[A-Z][a-z]+[-–][A-Z][a-z]+(?=\s+(?:state\s+)?(?:border|frontier))")


def _country_name(iso3: str) -> str:
    """The shortest one-word name of a country ("Poland"), as the geocoder reads it after "the border with"."""
    names = [n for n, code in country_names().items() if code == iso3 and " " not in n]
    return min(names, key=len) if names else iso3


def border_side(
    place: PlaceMention, side: str | None, participants: set[str], side_named: bool = False
) -> tuple[GeocodeResult, str] | None:
    """Return "the border with X" read on the one other participant's side (with a note), or None.

    When the strip was put inside ``side``, a country the phrase names after "with"; "the borders of Belarus" stay
    Belarus's. When it was put in the default country, which takes no part, is no neighbour the phrase names and is
    not named in the sentence (``side_named``: "Belarus's ministry said it would hold drills with Russia along the
    border with Ukraine" keeps Belarus's strip; "Latvian soldiers held drills along the border with Russia" was read
    as Belarus's strip along Russia), or could
    not be read at all (``side`` None: "near the Belarusian border", the default country's border with itself), it
    is read on the side of the one participant whose strip along that neighbour exists.
    """
    with_part = re.search(r"\bborders?\s+with\s+(?P<rest>.+)$", place.query, re.I)
    named = {iso3_of(m.group(0)) for m in re.finditer(country_pattern(), with_part["rest"])} if with_part else set()
    hosts = participants - {side}
    compound = _PAIR.search(place.text)
    pair = [iso3_of(d) for d in re.split(r"[-–]", compound.group(0))] if compound else []
    query = place.query
    if side is not None and len(hosts) == 1 and side not in named and side in pair and next(iter(hosts)) in pair:
        # "the Polish-Belarusian border" of a Belarusian exercise: Belarus's strip along Poland
        query, named = f"the border with {_country_name(side)}", {side}
    if side in named and len(hosts) == 1:
        host = next(iter(hosts))
        again = geocode_cached(query, host)
        if again.status != "resolved" or again.country != host:
            return None
        return again, f"location {place.text!r} read on {host}'s side: {side} takes no part in the exercise"
    if side in named or not named or side_named:
        return None
    fits = [(h, again) for h in sorted(hosts - named) if (again := geocode_cached(query, h)).status == "resolved"]
    fits = [(h, again) for h, again in fits if again.country == h]
    if len(fits) != 1:
        return None
    host, again = fits[0]
    why = f"{side} takes no part in the exercise" if side else "the default country's own border"
    return again, f"location {place.text!r} read on {host}'s side: {why}"
