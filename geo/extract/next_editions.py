"""The next edition of a series named bare beside a dated one: two events, not one (nineteenth pass).

"The next Peace Mission exercise will be held in Russia in 2028" and "the current Peace Mission-2026 exercise is under
way": the bare name is the next edition, dated by its own sentence, not the edition under way; "the next Zapad
exercise in 2029" does not join an earlier Zapad-2025 either. A bare name without "next" still joins its family's
edition ("Zapad-2025 … the Zapad exercise").
"""

from __future__ import annotations

import re

from geo.extract.grouped import GroupedEvent
from geo.extract.names import NameMention
from geo.extract.text import Sentence

#: "the next joint military exercise X", "the upcoming X": up to four words between the word and the name.
_NEXT = re.compile(r"\b(?:next|upcoming|following)\s+(?:[\w-]+\s+){0,4}$", re.I)


def next_edition(name: NameMention, sentence: Sentence) -> bool:
    """Whether a bare name is announced as its series' next edition ("the next joint military exercise X")."""
    return name.year is None and bool(_NEXT.search(sentence.text[max(0, name.start - 60) : name.start]))


def other_edition(event: GroupedEvent, name: NameMention, sentence: Sentence) -> bool:
    """Whether ``name`` and ``event``, of one family, are two editions: the next one named bare and a dated one."""
    if not event.names:
        return False
    if next_edition(name, sentence) and event.year is not None:
        return True
    first, where = event.names[0]
    return name.year is not None and event.year is None and next_edition(first, where)
