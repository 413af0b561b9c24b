"""What an event's sentences say of the countries it is held in.

* :func:`countries_of` — the countries a sentence names after a locative preposition ("began in Belarus", "on
  Belarusian soil"), compared by ISO3.
* :func:`hosts_of` — the countries an event's sentences hold it in: a border phrase that names no country ("near the
  eastern border of the country") is read in the one host it fits (:mod:`geo.extract.place_sides`, tenth pass).
* :func:`not_held_at` — whether a place phrase of an event's sentence is not where the event is held (a venue, a
  home base, a town that only locates a range, a word of an exercise's name, or outside the event's clauses).
* :func:`overview_countries` — the other countries of an overview of several exercises ("will hold exercises in A,
  B, C and D"), when a sentence naming the event holds it in countries of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from geo.extract.names import NameMention
from geo.extract.places import PlaceMention, find_places, geocode_cached, is_home_base, is_venue
from geo.extract.range_locators import locates_range
from geo.extract.segments import inside
from geo.extract.text import LIST_GAP

#: Where a place of the drill is written: after a locative preposition ("in Rechytsa district", "– in Vileika
#: district"), not as a government ("Moscow and Minsk would continue …").
LOCATIVE = re.compile(r"\b(?:in|at|near|on|within|around|outside)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1024)
def countries_of(text: str) -> frozenset[str]:
    """ISO3 of the countries named after a locative preposition ("began in Belarus", "on Belarusian soil").

    A list after the preposition counts whole: "will hold exercises in Kazakhstan, Russia and Belarus".
    """
    places, end = [], -1
    for place in (p for p in find_places(text) if p.form == "country"):
        if LOCATIVE.search(text[: place.start]) or (end >= 0 and LIST_GAP.fullmatch(text[end : place.start])):
            places.append(place)
            end = place.end
    return frozenset(c for p in places if (c := geocode_cached(p.query, p.context).country))


def hosts_of(texts: Iterable[str]) -> frozenset[str]:
    """ISO3 of the countries the sentences of one event hold it in ("Dragon-24 continues in Poland": Poland)."""
    return frozenset().union(*(countries_of(t) for t in texts))


def overview_countries(seen_in: Mapping[int, set[str]], named: set[int]) -> set[str]:
    """The countries of an overview of several exercises that are not this event's own.

    ``seen_in`` maps each sentence index to the countries it places the event in ("" for a finer place); ``named``
    are the indexes of the sentences naming the event. An overview names no exercise and lists only countries, at
    least three, holding the event's own ones (from its naming sentences) and more: the rest are the other
    exercises' hosts.
    """
    own = set().union(*(c for i, c in seen_in.items() if i in named)) - {""}
    if not own:  # the naming sentences place it nowhere: a later list of countries is its own, not an overview
        return set()
    overviews = [cs for i, cs in seen_in.items() if i not in named and "" not in cs and own < cs and len(cs) > 2]
    return set().union(*overviews) - own


def not_held_at(place: PlaceMention, text: str, spans: list[tuple[int, int]], names: Iterable[NameMention]) -> bool:
    """Whether ``place`` in sentence ``text`` is not where the event is held.

    It is not when it lies outside the event's clauses (``spans``), where a minister spoke ("told reporters in
    Minsk"), where units are based, in a town that only locates a range ("the Gozhsky range near Grodno"), or in
    one of the sentence's exercise ``names`` ("the VOSTOK 2018 drills" are not at the town Vostok).
    """
    return (
        not inside(place.start, spans)
        or is_venue(text, place.start, place.end)
        or is_home_base(text, place.start)
        or locates_range(text, place.start)
        or any(n.start <= place.start and place.end <= n.end for n in names)
    )
