"""Forces of a Russian military district are Russia's: "Units of the Western Military District's tank army".

A report of Russian drills often names only the military district whose forces hold them ("About 1,000 troops of
the Central Military District began drills", "the Western Military District's tank army loaded its armor"), never the
country. The districts (Western, Southern, Central and Eastern, and the Leningrad and Moscow districts formed again in
2024) are Russia's, so their forces make Russia a participant, as "Russia's Eastern Military District" already does
(:mod:`geo.extract.participants`, rule ``forces``). Only the district's forces count: "troops / units / formations of
the … Military District", "the … Military District's tank army", "Western Military District troops". The district as
a speaker ("the Western Military District reported"), as a place ("in the Central Military District") or negated
("no troops of the Western Military District took part") is not.
"""

from __future__ import annotations

import re

__all__ = ["district_forces", "negated"]

_DISTRICT = r"(?:Western|Southern|Central|Eastern|Leningrad|Moscow)"
#: One district or several ("the Southern and Western Military Districts").
_DISTRICTS = rf"{_DISTRICT}(?:\s*,\s*{_DISTRICT})*(?:\s*,?\s+and\s+{_DISTRICT})?\s+Military\s+Districts?"
_FORCES = (
    r"(?i:troops|forces|units|formations|servicemen|soldiers|personnel|army|armies|brigades?|divisions?|regiments?|"
    r"battalions?|crews|paratroopers|tankers|artillerymen|gunners|sappers|engineers)"
)
_DISTRICT_FORCES = re.compile(
    # "units and formations of the Western Military District", "troops of Russia's Central Military District"
    rf"\b{_FORCES}(?:\s+and\s+{_FORCES})?\s+of\s+(?:the\s+|Russia['’]s\s+|the\s+Russian\s+)?(?P<a>{_DISTRICTS})|"
    # "the Western Military District's tank army", "Central Military District troops"
    rf"\b(?P<b>{_DISTRICTS})(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_FORCES}\b"
)


#: A negation before the forces or in their clause ("no troops of …", "… District did not take part").
_NO_BEFORE = re.compile(r"\b(?:no|not|without)\s+(?:[\w-]+\s+){0,2}$", re.I)
_NOT_AFTER = re.compile(r"[^.;]{0,80}?\b(?:not|never)\b|[^.;]{0,80}?n['’]t\b", re.I)


def district_forces(sentence: str) -> list[str]:
    """Return the words naming a Russian military district's forces in ``sentence`` (each makes Russia a participant).

    Examples
    --------
    >>> district_forces("Units of the Western Military District's tank army have loaded their armor.")
    ['Units of the Western Military District']
    >>> district_forces("The Western Military District reported on Wednesday.")
    []
    """
    return [m.group(0) for m in _DISTRICT_FORCES.finditer(sentence) if not negated(sentence, m.start(), m.end())]


def negated(sentence: str, start: int, end: int) -> bool:
    """Whether the forces named at ``sentence[start:end]`` are negated ("no troops of …", "… did not take part")."""
    return bool(_NO_BEFORE.search(sentence, 0, start) or _NOT_AFTER.match(sentence, end))
