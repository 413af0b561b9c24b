"""A place phrase found in a sentence (:class:`PlaceMention`) and the name patterns the place readers share.

Kept apart from :mod:`geo.extract.places` so that the modules which split lists into mentions
(:mod:`geo.extract.place_splits`) build the same records without importing the finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.text import UPPER

#: The country a relational phrase ("its southern border") refers to when the report names none.
DEFAULT_CONTEXT = "BLR"
#: The words that make a name a range or an airfield ("the Gozhsky training ground", "Lida airfield").
RANGE_WORDS = r"(?i:training\s+grounds?|training\s+ranges?|training\s+areas?|training\s+fields?|training\s+cent(?:er|re)s?|firing\s+ranges?|gunfire\s+ranges?|combined-arms\s+ranges?|practice\s+ranges?|ranges?|polygons?|poligon(?:as|s)?|airfields?|air\s+bases?|airbases?)"  # noqa: E501
#: One place name in a list: one or two capitalised words ("Obuz-Lesnovsky", "Strugi Krasnye", "Varėna").
NAME = rf"{UPPER}[\w’'-]+(?:\s{UPPER}[\w’'-]+)?"


@dataclass(frozen=True)
class PlaceMention:
    """A place phrase as written, with what is handed to the geocoder.

    Attributes
    ----------
    text
        The phrase as written ("its southern border", "Lepelets").
    query
        The phrase given to the geocoder: ``text`` without a trailing "which borders …" clause, or a
        plainer wording ("the Ukrainian border" → "the border with Ukraine"); the text stays the record.
    start, end
        Offsets of ``text`` in the sentence.
    form
        Which pattern found it (``border``, ``border-parts``, ``compass``, ``interior``, ``region``,
        ``site``, ``town``, ``country``).
    role
        ``site`` or ``planned`` (a place the exercise was initially planned for).
    context
        ISO3 of the country a relational phrase refers to ("its southern border" → ``BLR``).
    possessor
        For "its/their border", the country the sentence named before it ("Poland moved units to its
        border" → ``POL``), or None.
    """

    text: str
    query: str
    start: int
    end: int
    form: str
    role: str = "site"
    context: str = DEFAULT_CONTEXT
    possessor: str | None = None


def role_at(sentence: str, start: int) -> str:
    """Return ``planned`` for a place after "initially/originally planned|scheduled…", else ``site``."""
    before = " ".join(re.findall(r"[A-Za-z]+", sentence[:start])[-5:]).lower()
    if re.search(r"\b(?:initially|originally|previously|first|earlier)\s+(?:planned|scheduled|set|intended)\b", before):
        return "planned"
    return "site"
