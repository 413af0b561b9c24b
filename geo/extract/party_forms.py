"""Participants and observers the nineteenth blind batch named in forms :mod:`geo.extract.participants` missed.

* ``both-countries``: "the militaries of both countries", "the two countries' armed forces", "both countries will
  hold": the two countries the sentence names before it ("under an agreement between China and Belarus, the
  militaries of both countries will conduct …"), or, when it names none, the two of the sentence before;
* ``linked``: an exercise that "linked", "brought together" or "united" a list of countries, after a bloc word or
  not ("A rapid response exercise this week linked NATO allies A, B and C militaries");
* ``official-sends-observers``: a country's minister, ministry or government that will send observers ("the Serbian
  defence minister confirmed the plan to send observers to the exercise"): the country observes;
* ``craft`` (the twenty-second batch): a list of demonyms before ships, aircraft or vehicles after a participation
  word ("Participating in the drills are …, Belgian, British and Polish fighters"): each country takes part;
* a permission is no participation: forces "allowed", "enabled" or "permitted" to take part
  (:func:`permitted`, "documents that would allow Serbian military personnel to participate in CSTO drills").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from geo.extract.cues import LINKED_VERB

_FORCES = r"(?i:militar(?:y|ies)|armed\s+forces|armies|troops|forces|soldiers|servicemen|units)"
_TWO = r"(?i:both|the\s+two)\s+(?i:countries|states|nations|sides)"
_BOTH = re.compile(
    rf"{_FORCES}\s+of\s+{_TWO}|{_TWO}['’]?\s+{_FORCES}|"
    rf"{_TWO}\s+(?:(?i:will|would|are\s+to|plan\s+to|are\s+set\s+to|agreed\s+to)\s+)?(?i:hold|held|conduct\w*|stage[sd]?)\b"
)


def both_countries(sentence: str, before: str, countries_in: Callable[[str], Sequence[str]]) -> list[tuple[str, str]]:
    """Return ``(iso3, words)`` for the two countries "both countries" stands for, or nothing.

    ``countries_in`` lists the countries a text names (:func:`geo.extract.participants.countries_in`): those of
    the sentence before the phrase when there are two, else those of the sentence before when it names two.
    """
    match = _BOTH.search(sentence)
    if match is None:
        return []
    named = list(countries_in(sentence[: match.start()]))
    if not named:
        named = list(countries_in(before))
    return [(iso3, match.group(0)) for iso3 in named] if len(named) == 2 else []


_EXERCISE = r"(?i:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games|training)"
_BLOC = r"(?:(?:NATO|CSTO|EU|SCO)\s+)?(?i:(?:allies|partners|member\s+states|allied\s+nations)\s+)?"


def linked_rules(countries: str) -> list[tuple[str, str, str]]:
    """The ``linked`` rule, as ``(name, role, pattern)`` over ``countries``, a list of country names."""
    return [("linked", "participant", rf"{_EXERCISE}\b[^.;]{{0,60}}?\b{LINKED_VERB}\s+{_BLOC}(?P<list>{countries})")]


#: Ships, aircraft and vehicles: what a navy or an air force takes part with ("represented by the ship X").
CRAFT = (
    r"(?i:(?:war)?ships?|vessels?|frigates?|corvettes?|mine(?:sweeper|hunter)s?|submarines?|boats?|aircraft|jets?|"
    r"fighters?|helicopters?|planes?|tanks?|drones?)"
)
_PARTICIPATING = r"(?i:participat\w*|tak(?:e|es|ing)\s+part|took\s+part|involv\w*)"


def craft_rules(demonyms: str) -> list[tuple[str, str, str]]:
    """The ``craft`` rule, as ``(name, role, pattern)`` over ``demonyms``, a list of demonyms.

    The craft follow a participation word in the sentence, so "Russian warships shadowed the drills" stays out.
    """
    return [
        ("craft", "participant",
         rf"{_PARTICIPATING}\b[^.;]{{0,200}}?(?P<list>{demonyms})\s+(?:[\w-]+\s+){{0,2}}?{CRAFT}(?![\w-])"),
    ]  # fmt: skip


_OFFICIAL = r"(?i:minister|ministry|government|president|general\s+staff|army|military|armed\s+forces|delegation)"
_SENDS = r"(?i:send|sends|sending|sent|dispatch\w*)\s+(?i:(?:a\s+(?:group|team|delegation)\s+of|its|their|some)\s+)?"


def observer_rules(country: str) -> list[tuple[str, str, str]]:
    """``official-sends-observers`` as ``(name, role, pattern)``, ``country`` one country's name or demonym."""
    return [
        ("official-sends-observers", "observer",
         rf"(?P<list>{country})(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?{_OFFICIAL}\b[^.;]{{0,80}}?\b{_SENDS}(?i:military\s+)?(?i:observers)\b"),
    ]  # fmt: skip


_PERMISSION = re.compile(
    r"\b(?:allow|allows|allowed|allowing|enable|enables|enabled|enabling|permit|permits|permitted|permitting)\s+(?:the\s+)?$",
    re.I,
)
_TO_TAKE_PART = re.compile(r"\s+to\s+(?:participate|take\s+part|join)\b", re.I)


def permitted(sentence: str, start: int, end: int) -> bool:
    """Whether the forces at ``sentence[start:end]`` are only allowed to take part ("would allow X troops to join")."""
    return bool(_PERMISSION.search(sentence, max(0, start - 40), start) and _TO_TAKE_PART.match(sentence, end))
