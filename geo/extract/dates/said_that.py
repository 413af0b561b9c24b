"""A day right after "said that" dates the clause it opens (nineteenth pass).

"The Defense Ministry said that on November 12 … a tactical exercise was conducted …": the day is not the
statement's ("said on November 12") but the exercise's, reported as held. Only a day (not a year: "said that in
2023 drills were conducted" recalls an earlier occasion) and only a clause that reports the exercise held.
"""

from __future__ import annotations

import re

from geo.extract.dates.mentions import DateMention, Role

#: The exercise reported held in the clause the day opens ("a tactical exercise was conducted").
_HELD = re.compile(r"^[^.;]{0,160}?\b(?:was|were)\s+(?:conducted|held|carried\s+out)\b", re.I)


def said_that_start(sentence: str, mention: DateMention, before: list[str]) -> Role | None:
    """Return ``start`` for a day opening a "said that" clause that reports the exercise held, else None."""
    if not mention.day or not (before[:1] == ["that"] or before[:2] == ["on", "that"]):
        return None
    return "start" if _HELD.search(sentence[mention.end :]) else None
