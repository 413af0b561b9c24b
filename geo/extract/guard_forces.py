"""A US state's National Guard is the United States' forces: "mentors from the Illinois and Ohio National Guard".

Reports of NATO drills often name the US troops only by the state National Guard they serve in ("soldiers of the
Michigan Army National Guard", "mentors from the Illinois, Pennsylvania, and California National Guard"), never the
country. Each state's (and the District's and territories') Guard is a US force, so it makes the United States a
participant, as a Russian military district's forces make Russia one (:mod:`geo.extract.district_forces`). The
states' names come from pycountry's US subdivisions, not from a list kept here. A bare "the National Guard" names no
country (Ukraine, Russia and others have one) and is not read; nor is a negated Guard ("no Ohio National Guard
soldiers took part").
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from geo.extract.district_forces import negated

__all__ = ["guard_forces"]


@cache
def _guard_re() -> re.Pattern[str]:
    # Iterated rather than ``subdivisions.get(country_code=…)``, which is untyped.
    us = (str(s.name) for s in pycountry.subdivisions if s.country_code == "US")
    names = sorted((n for n in us if "," not in n), key=len, reverse=True)
    state = "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"
    # One state or a list of them before one "National Guard": "the Illinois, Ohio, and Texas National Guard"
    states = rf"{state}(?:\s*,\s*{state})*(?:\s*,?\s+and\s+{state})?"
    return re.compile(rf"\b{states}\s+(?:(?:Army|Air)\s+)?National\s+Guards?\b")


def guard_forces(sentence: str) -> list[str]:
    """Return the words naming a US state's National Guard in ``sentence`` (each makes the USA a participant).

    Examples
    --------
    >>> guard_forces("Soldiers of the Ohio Army National Guard trained with Latvian troops.")
    ['Ohio Army National Guard']
    >>> guard_forces("The National Guard of Ukraine held drills.")
    []
    """
    return [m.group(0) for m in _guard_re().finditer(sentence) if not negated(sentence, m.start(), m.end())]
