"""Forces that speak of or react to another country's exercise, and a country whose exercise it is.

Read by :func:`geo.extract.participants.find_parties`:

* :func:`speaks_or_reacts`: forces that are the source of a statement about another country ("The Lithuanian army
  said Belarus …"), or that raise their readiness, stand ready, go on alert, keep watch or are seen at the border
  because of, ahead of or during an exercise of another country (twenty-first pass: "Lithuanian armed forces have
  raised their readiness due to the upcoming drills in Belarus", "Ukraine's armed forces are 'ready' for any
  development during Belarus's exercises", "Polish troops have been seen near the border ahead of Russian
  exercises"), are not its participants;
* ``demonym-exercise`` (twenty-first pass): the country whose demonym stands before the exercise word holds it
  ("planned massive Russian exercises", "Belarusian military drills"), unless it is the exercise another answers or
  is compared with ("in response to Polish drills", "unlike Russian exercises").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.extract.cues import RESPONSE_CUE
from geo.extract.lexicon import country_pattern, iso3_of

#: A statement verb right after forces: they are the source of what follows ("The Lithuanian army said …").
_SAID = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|reported|reports|stated|states|warned|noted|announced|told)\b", re.I
)
_AUX = r"(?:(?:have|has|had|been|are|is|was|were|be|being|will|would|also|now|already|reportedly)\s+)*"
#: What reacting forces do: raise readiness or alert, stand ready, keep watch, or are seen at the border.
_REACTION = (
    r"(?:(?:raised|raising|raise|heightened|increased|stepped\s+up)\s+(?:(?:their|its|the)\s+)?(?:level\s+of\s+)?"
    r"(?:combat\s+)?(?:readiness|alert|vigilance)|"
    r"(?:put|placed)\s+on\s+(?:(?:high|higher|heightened|increased|full|combat)\s+)?(?:alert|readiness)|"
    r"on\s+(?:high|heightened|increased|full)\s+alert|"
    r"['‘’\"“]?ready['’\"”]?\s+(?:for|to\s+(?:respond|repel|react))|"
    r"(?:closely\s+)?(?:monitoring|watching|monitor|watch)\b|"
    r"(?:observed|seen|spotted)\s+(?:near|at|along|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?border)"
)
#: The reason or time that ties the reaction to an exercise: "due to", "ahead of", "during", "in response to" …
_LINK = rf"(?:due\s+to|because\s+of|owing\s+to|ahead\s+of|before|during|amid|over|for|in\s+view\s+of|{RESPONSE_CUE})"
_EXERCISE = r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games|training)"
_REACTS = re.compile(
    rf"\s*{_AUX}{_REACTION}\b[^.;]{{0,60}}?\b{_LINK}\s+(?:[\w'’-]+\s+){{0,6}}?{_EXERCISE}\b[^.;]*", re.I
)


def _others(text: str, named: Sequence[str]) -> list[re.Match[str]]:
    """The country terms of ``text`` that name a country other than ``named``."""
    return [m for m in re.finditer(country_pattern(), text) if iso3_of(m.group(0)) not in named]


def _said_of_another(sentence: str, end: int, named: Sequence[str]) -> bool:
    """Whether forces ending at ``end`` say something of another country first ("The Lithuanian army said Belarus …").

    Not when they speak of themselves first ("The Lithuanian army said its troops would train with Polish soldiers").
    """
    said = _SAID.match(sentence, end)
    if said is None:
        return False
    rest = sentence[said.end() :]
    own = re.search(r"\b(?:it|its|they|their|we|our)\b", rest, re.I)
    other = next(iter(_others(rest, named)), None)
    return other is not None and (own is None or other.start() < own.start())


def _reacts(sentence: str, end: int, named: Sequence[str]) -> bool:
    """Whether the forces ending at ``end`` react to an exercise of another country than theirs (``named``).

    The exercise's country is named after the reaction: "… due to the drills in Belarus", "… during Belarus's
    exercises", "… ahead of Russian exercises". Forces that go on alert in their own check ("Belarusian units were
    put on high alert during the snap inspection") stay participants.
    """
    match = _REACTS.match(sentence, end)
    return match is not None and bool(_others(match.group(0), named))


def speaks_or_reacts(sentence: str, end: int, named: Sequence[str]) -> bool:
    """Whether the forces ending at ``end`` (of the countries ``named``) speak of or react to another's exercise."""
    return _said_of_another(sentence, end, named) or _reacts(sentence, end, named)


#: Not the exercise another answers or is compared with: "in response to Polish drills", "to counter …", "unlike …",
#: "synchronized with the Russian exercises".
_NOT_ANSWERED = (
    r"(?<!\bto\s)(?<!counter\s)(?<![Uu]nlike\s)(?<!citing\s)(?<!blaming\s)(?<!by\s)(?<!\bwith\s)(?<!\bwith\sthe\s)"
)


def demonym_exercise_rules(demonyms: str) -> list[tuple[str, str, str]]:
    """``demonym-exercise`` as ``(name, role, pattern)``, ``demonyms`` a list pattern of demonyms."""
    return [
        ("demonym-exercise", "participant",
         rf"{_NOT_ANSWERED}(?P<list>{demonyms})\s+(?:(?:military|joint|army|naval|air|tactical|strategic|command|"
         rf"staff|field|live-fire|snap|large-scale|massive)\s+){{0,3}}(?i:{_EXERCISE})\b"),
    ]  # fmt: skip
