"""Names of exercises held at another time than the report's unnamed main event: they do not name it.

A report that opens on unnamed drills and then names an exercise usually names those drills ("Joint drills
began on Monday. The Union Shield-2023 exercise …"). It does not when the name is of an exercise at another
time: one still to come beside drills that have begun, one already held beside drills still to come, one of
another year beside drills of the report's days ("Lukashenka's army has started another round of drills …
In 2021, the regime held the Zapad-2021 exercise on the same ranges"), or one the forces will take part in
after their drills ended ("A tactical exercise … ended. In September, the brigade will take part in the
Union Shield-2023 exercise"). Such a name opens an event of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from geo.extract.cues import HAS_BEGUN
from geo.extract.dates import tense_of
from geo.extract.names import NameMention
from geo.extract.text import Sentence

#: An exercise reported as held a short while ago ("exercises called X were recently conducted in Russia").
_RECENTLY_HELD = re.compile(
    r"\brecently\s+(?:been\s+)?(?:held|conducted|staged|completed|ended|concluded|carried\s+out)\b|"
    r"\b(?:held|conducted|staged|completed|ended|concluded)\s+recently\b",
    re.I,
)
#: An exercise held, or due and called off, before now ("were held every two years", "was to take place in 2023",
#: "Belarus hosted the exercise X 2022").
_WAS_HELD = re.compile(
    r"\b(?:was|were)\s+(?:(?:recently|already|previously|also)\s+)?(?:held|conducted|staged|carried\s+out|"
    r"cancell?ed|called\s+off|to\s+(?:take\s+place|be\s+held))\b|\b(?:took\s+place|hosted|staged)\b|"
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\bheld\b",
    re.I,
)
#: Drills of the report's own days: a weekday, today, yesterday, this week, or a present progressive/perfect.
_REPORT_DAYS = re.compile(
    r"\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|this\s+week)\b|"
    r"\b(?:is|are)\s+(?:now\s+)?(?:holding|conducting|staging|drilling|training)\b|" + HAS_BEGUN.pattern,
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Drills that are over ("… ended at the Brest training ground", "completed a tactical exercise").
_ENDED = re.compile(r"\b(?:ended|concluded|completed|finished|wrapped\s+up)\b", re.I)


def _upcoming_beside_begun(sentence: Sentence, name: NameMention, main: Sequence[Sentence]) -> bool:
    """Whether a name is of an exercise still to come while the main event has begun.

    "… the Zapad-2025 exercises, which will begin on 12 September" beside "Joint exercises … have begun".
    """
    after = sentence.text[name.end : name.end + 60]
    if not re.match(r"^[\w\s-]{0,30}?,\s+(?:which|that)\s+(?:will|is\s+to|are\s+to|is\s+due|are\s+due)\b", after):
        return False
    return any(HAS_BEGUN.search(s.text) for s in main)


def _recalled_beside_upcoming(sentence: Sentence, opening: Sequence[Sentence]) -> bool:
    """Whether a name is of an exercise already held, beside an unnamed main event still to come.

    "The X exercises were held every two years" beside "Exercises … will take place in 2025", or "comes after
    exercises called X were recently conducted".
    """
    if _RECENTLY_HELD.search(sentence.text):
        return True
    return bool(opening) and tense_of(opening[0].text) == "future" and bool(_WAS_HELD.search(sentence.text))


def _another_year(name: NameMention, opening: Sequence[Sentence], published: dt.date | None) -> bool:
    """A name of another year than the publication's, beside drills of the report's days that state no year."""
    if name.year is None or published is None or name.year == published.year or not opening:
        return False
    return not any(_YEAR.search(s.text) for s in opening) and any(_REPORT_DAYS.search(s.text) for s in opening)


def _later_than_ended(sentence: Sentence, name: NameMention, opening: Sequence[Sentence]) -> bool:
    """A name the forces will take part in, said after their drills ended."""
    return (
        bool(opening)
        and all(_ENDED.search(s.text) for s in opening[:1])
        and tense_of(opening[0].text) == "past"
        and tense_of(sentence.text, name.start) == "future"
    )


def another_time(
    sentence: Sentence, name: NameMention, main: Sequence[tuple[Sentence, bool]], published: dt.date | None
) -> bool:
    """Whether ``name`` is of an exercise held at another time than the unnamed main event.

    Parameters
    ----------
    sentence
        The sentence that names the exercise.
    name
        The name mention.
    main
        The main event's sentences so far, each with whether it gives the event's facts.
    published
        The report's publication date, if known.
    """
    opening = [s for s, ok in main if ok]
    return (
        _upcoming_beside_begun(sentence, name, [s for s, _ in main])
        or _recalled_beside_upcoming(sentence, opening)
        or _another_year(name, opening, published)
        or _later_than_ended(sentence, name, opening)
    )
