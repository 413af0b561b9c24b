"""Sentences that point back to the exercise without naming it: "the inspection", "these activities".

Used by :mod:`geo.extract.grouping`. An inspection reported once ("… will conduct an extraordinary inspection of
… carriers") is later "the inspection" ("The inspection will involve a squadron …"): a mention of the event in
focus, not a new one. A sentence opening with a demonstrative ("In the course of these activities, …") points
back to the sentence before it ("The ministry plans to organise practical activities in all regions of the
country."), which then belongs to the same event, with its places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from geo.extract.cues import EVENT_CUE, EXERCISE_NOUN
from geo.extract.grouped import GroupedEvent
from geo.extract.names import NameMention
from geo.extract.text import Sentence

_THE_INSPECTION = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:inspection|check)\b", re.I)
#: A demonstrative opening a sentence ("In the course of these activities, …", "During these exercises …").
_LEADING_DEMONSTRATIVE = re.compile(
    r"\s*(?:(?:In\s+the\s+course\s+of|During|Within|Throughout|As\s+part\s+of)\s+)?(?:these|this|such)\s+"
    r"(?:[\w-]+\s+)?(?:activities|exercises?|drills?|events|maneuvers?|manoeuvres?|trainings?)\b",
    re.I,
)


#: The exercise in focus, as a pronoun or a plural noun, including what follows ("They include manoeuvres of …").
_INCLUDE = re.compile(
    r"^\s*(?:They|These|Those|(?:The|These)\s+(?:[\w-]+\s+){0,2}?(?:exercises|drills|maneuvers|manoeuvres))\s+"
    r"(?:will\s+|also\s+)*(?:include|included|comprise|comprised|consist\s+of|consisted\s+of)\b"
)


def includes_parts(text: str, names: Sequence[NameMention]) -> bool:
    """Whether a sentence lists two or more named parts of the exercise in focus ("They include A, B and C").

    The names are the parts of the exercise the pronoun stands for, not its name: the unnamed exercise stays
    unnamed, and the parts share what was said of it before.
    """
    return len(names) >= 2 and bool(_INCLUDE.match(text[: names[0].start]))


def is_inspection(text: str) -> bool:
    """Whether a sentence mentions a snap or combat-readiness inspection (or check) of the forces."""
    return any(re.search(r"\b(?:inspections?|checks?)\b", m.group(0), re.I) for m in EXERCISE_NOUN.finditer(text))


def speaks_of_the_inspection(text: str, focus: GroupedEvent | None) -> bool:
    """Whether a sentence speaks of "the inspection" (or check) while the event in focus is one."""
    return bool(
        focus is not None and _THE_INSPECTION.search(text) and any(is_inspection(s.text) for s, _ in focus.sentences)
    )


def pointed_back(sentences: Sequence[Sentence], sentence: Sentence, events: Sequence[GroupedEvent]) -> Sentence | None:
    """The sentence a leading demonstrative points back to, when it reports something held and no event has it.

    Only the sentence right before, in the same paragraph.
    """
    if sentence.index == 0 or not _LEADING_DEMONSTRATIVE.match(sentence.text):
        return None
    previous = sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or not EVENT_CUE.search(previous.text):
        return None
    return None if any(e.has(previous) for e in events) else previous
