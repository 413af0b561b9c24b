"""Places listed one after another, each with its own region word: "in the Smolensk Oblast and the Bryansk Oblast".

The region pattern of :mod:`geo.extract.places` needs a preposition before its phrase, so the second and later
items of such a list ("…, the Moscow Region", "and Ida-Viru County", "as well as the Pskov region") were lost.
Here each region mention found is followed along: a comma, "and", "as well as" or "and also", then a name of one
or two capitalised words with a region word of its own, is another region of the same list.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from geo.extract.text import UPPER

_REGION_WORD = (
    r"(?:(?i:region|oblast|province|voblast|voivodeship|county|krai|kray|district)|Territory|Voivodeship|Oblast)"
)
#: What a listed region borders, said between the items ("the Gomel region bordering Russia and Ukraine, as well as
#: the Grodno region"): the region's lie, skipped to reach the next item (twentieth pass). A region named in it
#: ("bordering Russia's Bryansk region and …") stops the skip: what follows may be the neighbour's list.
_LIE = (
    r"(?:\s+(?:bordering|adjacent\s+to|(?:which|that)\s+borders?)\s+"
    r"(?:(?!\b(?i:regions?|oblasts?|provinces?|districts?|county|counties)\b)[^,;.()]){1,60}?)?"
)
_NEXT = re.compile(
    rf"{_LIE}\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+(?:also\s+|in\s+)?|\s+as\s+well\s+as\s+(?:in\s+)?)"
    rf"(?P<phrase>(?:the\s+)?(?P<name>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)?)\s+{_REGION_WORD})\b"
)
_MILITARY_DISTRICT = re.compile(r"\bmilitary\s+district\b", re.I)

#: Country lists of :mod:`geo.extract.places` (eleventh pass). After a locative preposition, a word for places and
#: "including", "namely" or "such as" ("in several countries, including Germany and Poland", "across several
#: European locations, including …"): the list that follows is where the exercise is (not "troops from several
#: countries, including …", which has no locative preposition).
AMONG = (
    r"(?:(?:(?:several|many|some|various|a\s+number\s+of|a\s+dozen|\w+)\s+)?(?:[A-Z][\w-]+\s+)?"
    r"(?:countries|nations|states|locations|places|sites)\s*,?\s+(?:including|namely|such\s+as)\s+)?"
    # A group of countries named as a whole before another country ("in the Baltics and Poland", "across the Baltic
    # states and Poland", thirteenth pass): no one country, so not a place of its own, but the list goes on.
    r"(?:(?:the\s+)?(?:Baltics|Baltic\s+(?:states|countries|nations|region)|Nordic\s+(?:states|countries)|Scandinavia)"
    r"\s*(?:,\s*|\s+and\s+|\s+as\s+well\s+as\s+))?"
)
#: A group of countries named by its members, as an item of a country list ("in Germany, Poland and the Baltic States
#: of Estonia, Latvia and Lithuania"): each member is a place.
GROUP_OF = r"(?:[A-Z][\w-]+\s+)?(?i:states|countries|nations|republics)\s+of\s+"


class _Mention(Protocol):
    """A :class:`geo.extract.places.PlaceMention` (a dataclass), as far as this module reads it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def form(self) -> str: ...


M = TypeVar("M", bound=_Mention)


def continued_regions(sentence: str, found: Sequence[M]) -> list[M]:
    """Return a region mention (the head's copy) for each region that continues a list (see the module doc)."""
    out: list[M] = []
    for mention in sorted((m for m in found if m.form in ("region", "paired")), key=lambda m: m.end):
        end = mention.end
        while (match := _NEXT.match(sentence, end)) is not None:
            if _MILITARY_DISTRICT.match(sentence, match.start("name")):
                break
            text, start, end = match.group("phrase"), match.start("phrase"), match.end("phrase")
            out.append(dataclasses.replace(mention, text=text, query=text, start=start, end=end))  # type: ignore[type-var]
    return out
