"""The words of a date's clause, as :func:`geo.extract.dates.roles.date_role` reads them (nineteenth pass).

* A comma that only sets a town's country apart is no clause break, so the verb before the town still dates it
  ("officially started in Orenburg, Russia on 13 September", "will hold drills near Brest, Belarus, in early to
  mid-July") (:func:`country_apposition`).
* "training" is an exercise noun ("will conduct a joint army training in mid-July"), but not in a place's name ("at
  the Drawsko Pomorskie training ground on Thursday") (:func:`training_as_exercise`).
* A day right after "said that (on)" dates the clause it opens, when that clause reports the exercise held: "The
  ministry said that on November 12 … a tactical exercise was conducted …" is the exercise's day, not the
  statement's; a year there ("said that in 2023 drills were conducted") recalls an earlier occasion (:func:`said_that`).
* A day that owns its drill ("Wednesday's drill at a range near X") or that is followed in its clause by "to mark the
  start of" an exercise ("commanders gathered Monday … to mark the official start of the exercise X") dates the
  exercise's start (:func:`dates_its_exercise`, twenty-second pass).
"""

from __future__ import annotations

import re
from functools import cache

from geo.extract.dates.mentions import DateMention, Role
from geo.extract.lexicon import country_pattern

#: What may stand between the place and its date: a preposition and up to two words ("on", "in early to").
_TO_DATE = r"\s+(?:in|on|at|from|during|by)\s+(?:[a-z]+\s+){0,2}$"


@cache
def _around_country() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = country_pattern(names=True, demonyms=False, capitals=False)
    # the opening comma: the country, then a preposition and the date's words ("Russia on", "Belarus, in early to"),
    # not a caption's bare date ("near Cincu, Romania, May 23, 2021": the photo's day) nor "Russia said on"
    opening = re.compile(rf"\s*(?:the\s+)?(?:{names})(?:\s*,)?{_TO_DATE}")
    # the closing comma: "<Town>, <country>," before it
    closing = re.compile(rf"[A-Z][\w’'-]+,\s+(?:the\s+)?(?:{names})$")
    return opening, closing


def country_apposition(head: str, start: int, end: int) -> bool:
    """Whether the comma at ``head[start:end]`` only sets a town's country apart ("Brest, Belarus, in …").

    ``head`` is the sentence up to a date mention: the comma opens "<Town>, <country>" and only a preposition and
    the date's words follow the country, or it closes "<Town>, <country>" and only they follow it.
    """
    if not head[start:end].startswith(","):
        return False
    opening, closing = _around_country()
    if re.search(r"[A-Z][\w’'-]*$", head[:start]) and opening.match(head, start + 1):
        return True
    return bool(closing.search(head, 0, start) and re.match(_TO_DATE, head[start + 1 :]))


#: Words after "training" that make it a place's or a course's name, not the exercise.
_TRAINING_OF = frozenset(
    {"ground", "grounds", "area", "areas", "range", "ranges", "centre", "center", "centres", "centers", "camp"}
    | {"camps", "base", "bases", "school", "schools", "course", "courses", "facility", "facilities", "field"}
)


def training_as_exercise(words: list[str]) -> list[str]:
    """Return a clause's words (nearest first) with "training" as "exercise" when it names the exercise."""
    return [
        "exercise" if w == "training" and (i == 0 or words[i - 1] not in _TRAINING_OF) else w
        for i, w in enumerate(words)
    ]


#: The exercise reported held in the clause a "said that" day opens ("a tactical exercise was conducted").
_HELD = re.compile(r"^[^.;]{0,160}?\b(?:was|were)\s+(?:conducted|held|carried\s+out)\b", re.I)


def said_that(sentence: str, mention: DateMention, before: list[str]) -> Role | None:
    """Return ``start`` for a day opening a "said that" clause that reports the exercise held, else None."""
    if not mention.day or not (before[:1] == ["that"] or before[:2] == ["on", "that"]):
        return None
    return "start" if _HELD.search(sentence[mention.end :]) else None


_EXERCISE_WORD = r"(?:exercises?|drills?|maneuvers?|manoeuvres?|war\s*games|wargames)\b"
_DATES_EXERCISE = re.compile(
    # "Wednesday's drill", "Friday's live-fire exercise" (not "Monday's announcement of drills")
    rf"['’]s\s+(?:(?!of\b)[\w-]+\s+){{0,2}}?{_EXERCISE_WORD}|"
    # "gathered Monday at the university to mark the official start of the … exercise"
    r"[^.;]{0,80}?\bto\s+(?:mark|celebrate|signal)\s+the\s+(?:official\s+|formal\s+)?(?:start|opening|beginning|launch)\s+of\b",
    re.I,
)


def dates_its_exercise(sentence: str, end: int) -> bool:
    """Whether the day ending at ``end`` owns a drill ("Wednesday's drill") or marks its start ("to mark …")."""
    return bool(_DATES_EXERCISE.match(sentence, end))
