"""Forces of a country's military base abroad are that country's: "units of the 201st Russian military base".

Russia keeps bases in Tajikistan, Kyrgyzstan and Armenia, and reports of their drills name the base, not the country
("Tactical exercises with 1,000 servicemen of motorized rifle units of the 201st Russian military base started at the
Lyaur range in Tajikistan", "servicemen of Russia's 102nd military base in Armenia held drills"). The base's forces
make its country a participant (rule ``base`` of :mod:`geo.extract.participants`), and the country it stands in is no
participant for hosting them: an event whose forces are a base's counts no host (:mod:`geo.extract.assembly`). Only a
numbered base ("the 201st Russian military base", "Russia's 201st base") or "the Russian military base in X" with its
forces ("units of …") or as the subject of drills ("… base held drills") counts, and so do drills held at a country's
bases named by the place they stand in ("at Russian military bases in Abkhazia and South Ossetia"); a base as a place
("near the Russian base") does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from geo.extract.district_forces import negated
from geo.extract.lexicon import country_pattern, iso3_of

__all__ = ["base_forces", "based_abroad"]

_ORDINAL = r"\d+(?:st|nd|rd|th)"
_BASE = r"(?:(?i:military|air|naval|army)\s+)?(?i:base)\b"
_FORCES = (
    r"(?i:troops|forces|units|formations|servicemen|soldiers|personnel|crews|paratroopers|tankers|artillerymen|"
    r"gunners|sappers|engineers|subunits|contingent)"
)
_DRILLS = r"(?i:held|holds|hold|conducted|conducts|began|begins|launched|launches|started|starts|staged|stages)\b"


@cache
def _pattern() -> re.Pattern[str]:
    names = country_pattern(names=True, demonyms=False, capitals=False)
    demonyms = country_pattern(names=False, demonyms=True, capitals=False)
    base = (
        rf"(?:the\s+)?(?:{_ORDINAL}\s+(?P<dem>{demonyms})\s+{_BASE}|(?P<name>{names})['’]s\s+{_ORDINAL}\s+{_BASE}|"
        rf"(?P<dem2>{demonyms})\s+(?i:military\s+)?(?i:base)\s+in\s+(?:{names}))"
    )
    return re.compile(
        rf"\b{_FORCES}\s+(?:of|from|at)\s+(?:(?:the\s+)?[\w-]+\s+){{0,4}}?(?:of\s+)?{base}|"
        rf"\b[Tt]he\s+(?P<subject>{_ORDINAL}\s+(?P<dem3>{demonyms})\s+{_BASE})\s+{_DRILLS}|"
        # Drills "at Russian military bases in Abkhazia and South Ossetia" (twenty-third pass): held at the country's
        # own bases abroad, named by the place they stand in, a country or not.
        rf"\b(?i:at)\s+(?:the\s+)?(?P<dem4>{demonyms})\s+(?i:military\s+)?(?i:bases?)\s+in\s+(?:the\s+)?[A-Z]"
    )


def base_forces(sentence: str) -> list[tuple[str, str]]:
    """Return (ISO3, words) for each base abroad whose forces the sentence names, not negated."""
    out: list[tuple[str, str]] = []
    for match in _pattern().finditer(sentence):
        written = next((v for k, v in match.groupdict().items() if k != "subject" and v), None)
        iso3 = iso3_of(written) if written else None
        if iso3 and not negated(sentence, match.start(), match.end()) and iso3 not in {c for c, _ in out}:
            out.append((iso3, match.group(0)))
    return out


def based_abroad(texts: Iterable[str]) -> bool:
    """Whether an event's sentences name the forces of a base abroad (so the base's host is no participant by it)."""
    return any(base_forces(text) for text in texts)
