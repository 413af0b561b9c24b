"""Several unnamed drills in one report: when a mention is another drill, and list items that continue one.

A monitoring report often lists drills nobody named, each with its own place ("Mobilization drills will be
held in June in the Vitebsk region. … Preparations are underway to conduct drills with the territorial
defense in the Rechytsa district. … In May, drills will also be conducted in Mogilev."). Read as one event,
their places and dates mix. The rule (README "Dev misses, seventh session"): while the exercise in focus is
unnamed and already has a place of its own below the country, a sentence that mentions drills with an event
cue, in a later paragraph, without pointing back (a bare "drills", not "the / these / such drills", unless it
leads in a list), and that names after "in / at / near" a place below the country which none of the focus's
sentences names, reports another drill — unless the focus is a snap or combat-readiness inspection, whose
drills at many ranges are its own, or the new places lie inside an area the focus names (README "Ninth pass":
"camps … in the south of the republic" then "camps … in Gomel and the Mozyr district" specify the same camps).
While the focus has no place below the country, only a country it never names does ("A two-month cycle of
exercises begins in Lithuania … On August 31, exercises of the CSTO began in Belarus"; countries compared by ISO3,
so "on Belarusian territory" is Belarus). Items of a bulleted
list ("• Minsk region – in Vileika district;") after a lead-in ending in a colon belong to the lead-in's
event, and their places count as the lead-in's. A place that resolves where a focus place does, or lies in a focus
region (or holds a focus town in its region), is no new place ("in Kaliningrad", then "in Russia's Baltic exclave of
Kaliningrad").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from shapely.geometry.base import BaseGeometry

from geo.extract.back_references import is_inspection
from geo.extract.cues import DEMONSTRATIVE, EVENT_CUE, EXERCISE_NOUN
from geo.extract.dates import tense_of
from geo.extract.dates.mentions import MONTHS
from geo.extract.event_places import LOCATIVE, countries_of
from geo.extract.grouped import GroupedEvent
from geo.extract.participants import find_parties
from geo.extract.places import find_places, geocode_cached, location_key
from geo.extract.text import Sentence
from geo.geocode.gazetteer import normalize_name

#: One item of a bulleted list.
BULLET = re.compile(r"^\s*[•·▪◦*–-]\s+\S")
#: Place phrases below the country (a country, a border or a compass part names no place of a drill's own).
_OWN_FORMS = ("region", "town", "site")
#: A determiner before the drills' noun phrase: "the drills", "these exercises", "its territorial defense drills".
_DEFINITE = re.compile(r"\b(?:the|these|this|those|such|that|its|their|our|his|her|said)\s+(?:[\w-]+\s+){0,3}$", re.I)


def list_lead(sentences: Sequence[Sentence], position: int) -> int | None:
    """The position of the lead-in sentence ("… in four regions:") of the bullet item at ``position``, if any."""
    if not BULLET.match(sentences[position].text):
        return None
    i = position - 1
    while i >= 0 and BULLET.match(sentences[i].text):
        i -= 1
    return i if i >= 0 and sentences[i].text.rstrip().endswith(":") else None


def own_places(sentences: Sequence[Sentence], position: int) -> list[OwnPlace]:
    """The place phrases below the country of a sentence, with those of the bullet items it leads in."""
    texts = [sentences[position].text]
    if texts[0].rstrip().endswith(":"):
        i = position + 1
        while i < len(sentences) and BULLET.match(sentences[i].text):
            texts.append(sentences[i].text)
            i += 1
    return [place for t in texts for place in _own_places_of(t)]


@dataclass(frozen=True)
class OwnPlace:
    """A place phrase below the country, with where it resolved (keys of :func:`geo.extract.places.location_key`).

    Two phrases that resolve to one place share ``key``; a region holds the towns of its admin-1 region (``region``
    "RUS:Kaliningrad" for both "Kaliningrad" and "Russia's Baltic exclave of Kaliningrad").
    """

    text: str
    key: str
    region: str | None = None
    is_region: bool = False

    def within(self, other: OwnPlace) -> bool:
        """Whether the two phrases name one place, or one lies in the other's region."""
        if self.key == other.key:
            return True
        return self.region is not None and self.region == other.region and (self.is_region or other.is_region)


@lru_cache(maxsize=1024)
def _own_places_of(text: str) -> tuple[OwnPlace, ...]:
    """The place phrases below the country written after a locative preposition in one sentence."""
    out = []
    for p in find_places(text):
        if p.form.startswith(_OWN_FORMS) and LOCATIVE.search(text[: p.start]):
            result = geocode_cached(p.query, p.context)
            region = f"{result.country}:{result.admin1}" if result.status == "resolved" and result.admin1 else None
            out.append(OwnPlace(p.text, location_key(result, p.query), region, result.kind == "region"))
    return tuple(out)


def _new_drills(text: str) -> bool:
    """Whether the sentence introduces drills with a bare noun ("to conduct drills", "In May, drills …").

    An activity within an exercise ("battalions are holding live firings", "a training event") introduces none.
    """
    noun = EXERCISE_NOUN.search(text)
    if noun is None or re.match(r"(?i:live|training|military|joint|staff|command|tactical|field)\b", noun.group(0)):
        return False
    return not _DEFINITE.search(text[: noun.start()])


def another_drill(sentences: Sequence[Sentence], position: int, focus: Sequence[Sentence]) -> bool:
    """Whether the mention at ``position`` reports a drill other than the unnamed one whose sentences are ``focus``.

    See the module docstring; ``focus`` must be non-empty and its event unnamed (the caller checks).
    """
    sentence = sentences[position]
    if DEMONSTRATIVE.search(sentence.text) or not EVENT_CUE.search(sentence.text):
        return False
    if other_sides_drills(sentence.text, [s.text for s in focus]):
        return True  # "… the NATO military exercises being conducted in Poland and Lithuania" after Belarus's drills
    if not (_new_drills(sentence.text) or sentence.text.rstrip().endswith(":")):
        return False  # "the drills" points back, unless it leads in a list of places of its own
    if not focus or sentence.paragraph <= max(s.paragraph for s in focus):
        return False
    if any(is_inspection(s.text) for s in focus):
        return False  # a combat-readiness inspection runs drills at many ranges: they are its own, not others
    known = " ".join(normalize_name(s.text) for s in focus)
    focus_places = [p for s in focus if s.index < len(sentences) for p in own_places(sentences, s.index)]
    if focus_places:
        areas = [a for s in focus for a in _areas_of(s.text)]
        return any(
            normalize_name(place.text) not in known
            and not any(place.within(f) for f in focus_places)
            and not _inside(place.text, areas)
            for place in own_places(sentences, position)
        )
    # the focus has no place below the country: only another country it never names makes another drill
    # ("A two-month cycle of exercises begins in Lithuania … On August 31, exercises of the CSTO began in Belarus")
    named = set().union(*(countries_of(s.text) for s in focus))
    return bool(named) and bool(set(countries_of(sentence.text)) - named)


#: Exercises a sentence gives to an alliance: "the NATO military exercises", "NATO's drills", "the CSTO exercise".
_ALLIANCE_DRILLS = re.compile(
    r"\b(?P<who>NATO|CSTO)(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b"
)
_EAST = frozenset({"RUS", "BLR"})


def other_sides_drills(text: str, focus: Sequence[str]) -> bool:
    """Whether a sentence reports the other side's exercises, held where the drill in focus is not (tenth pass).

    "Lukashenko said … he was concerned with the NATO military exercises being conducted in Poland and Lithuania",
    after Belarus's drills in the Grodno region: NATO's exercises in NATO countries, another event. Only when the
    sentence gives the exercises to NATO (or the CSTO), places them after a locative preposition in countries none
    of which takes part in the focus, and the focus's participants are all Russia or Belarus (or, for the CSTO,
    neither).
    """
    match = _ALLIANCE_DRILLS.search(text)
    if match is None:
        return False
    here = countries_of(text)
    sides = {p.iso3 for t in focus for p in find_parties(t) if p.role == "participant"}
    if not here or not sides or here & sides:
        return False
    if match.group("who") == "NATO":
        return sides <= _EAST and not here & _EAST
    return not sides & _EAST and here <= _EAST


@lru_cache(maxsize=1024)
def _areas_of(text: str) -> tuple[BaseGeometry, ...]:
    """The areas below the country a sentence places its drill in ("in the south of the republic", "the X region")."""
    found = (geocode_cached(p.query, p.context) for p in find_places(text) if p.form in ("compass", "region", "paired"))
    return tuple(r.geometry for r in found if r.geometry is not None and r.geometry.geom_type.endswith("Polygon"))


def _inside(place: str, areas: Sequence[BaseGeometry]) -> bool:
    """Whether a place lies within one of the areas the drill in focus was placed in.

    "Camps will be held in the south of the republic … camps will be held in Gomel and the Mozyr district" specify
    where the same camps are, not other drills: Gomel and Mozyr lie in the south.
    """
    result = geocode_cached(place)
    if result.geometry is None or result.country is None:
        return False
    point = result.geometry.representative_point()
    return any(area.contains(point) for area in areas)


def placed_elsewhere(sentence: str, focus: Sequence[str]) -> bool:
    """Whether a sentence naming an exercise holds it in a country the unnamed exercise in focus is not held in.

    "We plan exercises with the rapid reaction force on the territory of A. … On the territory of B, we plan the
    X exercise": X is another exercise, not the name of the one in A. Countries after a locative preposition.
    """
    held = set().union(*(countries_of(text) for text in focus)) if focus else set()
    here = countries_of(sentence)
    return bool(held) and bool(here) and not (here & held)


def elsewhere_than(event: GroupedEvent | None, sentence: Sentence) -> bool:
    """Whether a sentence holds what it names in a country ``event``'s other sentences do not hold it in.

    "The final stage of X will be the Y drills in Kyrgyzstan" (X held in Belarus): Y does not share what X is said to
    be, and the place and its host are Y's, not X's.
    """
    own = [s.text for s, _ in event.sentences if s.index != sentence.index] if event is not None else []
    return placed_elsewhere(sentence.text, own)


#: "For example, in mid-November 2017, …", "In 2023, mobilization drills were conducted …": a year stated in a clause.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_EXAMPLE = re.compile(r"^\s*(?:For\s+example|For\s+instance|Earlier|Previously|In\s+(?:[\w-]+\s+){0,2}(?:19|20)\d\d)\b")
#: "In August, …", "Back in early May 2024, …": a sentence opening with the month it reports.
_MONTH_OPENING = re.compile(
    r"^\s*(?:(?:Back|Earlier)\s+)?In\s+(?:(?:early|mid|late)[\s-]+)?(?P<month>(?-i:[A-Z][a-z]{2,8}))"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\s*,"
)
#: "A and B last conducted a joint exercise in July 2023": the last one before, an exercise of its own; not "the
#: exercise was last held in 2023" nor "they last held it", which point back at the one reported.
_LAST_HELD = re.compile(
    r"\blast\s+(?:held|conducted|staged|hosted|carried\s+out|took\s+part\s+in)\s+(?!(?:the|this|these|that|its|their|it)\b)"
    r"(?:[\w-]+\s+){0,3}?(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games)\b",
    re.I,
)


def earlier_occasion(text: str, published: dt.date | None) -> bool:
    """Whether a sentence recalls an earlier occasion: it opens with an example, a year or an earlier month.

    "For example, in mid-November 2017, Serbian soldiers performed parachute jumps near Kovin with parachutes of a
    US brigade", in a 2019 report: the soldiers and the brigade are not the 2019 exercise's (not in the future).
    "In August, Russia completed joint exercises with Tajik and Uzbek troops", in an October report: a month of
    the report's year before its own, in the past tense, is another occasion. "Lithuania and Poland last conducted
    a joint exercise at the beginning of July 2023 in Klaipeda", in the past tense, recalls the last one held.
    """
    if published is None:
        return False
    if _LAST_HELD.search(text) and tense_of(text) == "past":
        return True
    month = _MONTH_OPENING.match(text)
    if month is not None and month["month"].lower() in MONTHS and tense_of(text) == "past":
        return (int(month["year"] or published.year), MONTHS[month["month"].lower()]) < (
            published.year,
            published.month,
        )
    if not _EXAMPLE.match(text):
        return False
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years) and max(years) < published.year and tense_of(text) != "future"


#: "As for the current year, …", "This year, …": a sentence that puts the report's own year first.
_THIS_YEAR_OPENING = re.compile(
    r"^\s*(?:(?:As\s+(?:for|to|regards)|In|For|During)\s+)?(?:the\s+current|this)\s+year\b\s*,?", re.I
)


def this_year_beside_later(text: str, main: GroupedEvent | None, published: dt.date | None) -> bool:
    """Whether a sentence opening on the report's year speaks of other drills than a main event of a later year.

    "CSTO forces will hold drills in Kyrgyzstan in 2018. … As for the current year, such exercises will be held in
    October in Armenia, …", in a 2017 report (twenty-first pass): this year's exercises are not 2018's.
    """
    if main is None or published is None or not _THIS_YEAR_OPENING.match(text):
        return False
    stated = {int(y) for s, _ in main.sentences for y in _YEAR.findall(s.text)}
    return bool(stated) and min(stated) > published.year
