"""Places listed after a first one without a preposition of their own (nineteenth pass).

"… conducted on military ranges in Belarus, western Russia, the Russian exclave of Kaliningrad, and in the Baltic
Sea": the forms of :mod:`geo.extract.places` want a locative preposition before each phrase, so only the first item
was read. Here each place found is followed along a list ("," or "and", then an item with no preposition): an item
that is itself a place phrase of a shape that says it is one — a compass phrase ("western Russia"), a region with its
region word ("the Pskov region", "the Russian exclave of Kaliningrad") or a town after a town word ("the town of
Luga") — is read as if the preposition stood before it. A bare capitalised item is left to the list forms that
already read "in A, B and C" ("in Poland, Germany sent troops" names no second place).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from geo.extract.place_mention import PlaceMention

#: The forms a list's head may have: a place after a locative preposition.
_HEADS = frozenset({"country", "compass", "region", "town"})
#: The forms a continued item may have (and must come with its own place word; see the module doc).
_ITEMS = frozenset({"compass", "region"})
#: Between two items: a comma (with "and"), or "and"; never a preposition, which its own form reads.
_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?!(?:in|at|near|on|to|into|across|along)\s)(?=\S)")
#: A town word that opens an item ("the town of Luga", "the city of X"): a town item says it is one.
_TOWN_WORD = re.compile(r"(?:the\s+)?(?i:town|city|village|settlement)\s+of\s", re.I)
_PROBE = "in "


def chained_places(
    sentence: str, found: Sequence[PlaceMention], finder: Callable[[str], list[PlaceMention]]
) -> list[PlaceMention]:
    """Return the mentions of places that continue a list after a found one (module doc).

    ``finder`` is :func:`geo.extract.places.find_places` without this step; each item is read by it as
    "in <item …>" and kept when a mention of an item form starts right at the item.
    """
    out: list[PlaceMention] = []
    taken = [(m.start, m.end) for m in found]
    for head in sorted((m for m in found if m.form in _HEADS), key=lambda m: m.end):
        end = head.end
        while (sep := _NEXT.match(sentence, end)) is not None:
            item = _item_at(sentence, sep.end(), finder)
            if item is None or any(item.start < b and a < item.end for a, b in taken):
                break
            out.append(item)
            taken.append((item.start, item.end))
            end = item.end
    return out


def _item_at(sentence: str, start: int, finder: Callable[[str], list[PlaceMention]]) -> PlaceMention | None:
    """The place phrase of an item form that opens ``sentence`` at ``start``, read after a preposition."""
    shift = start - len(_PROBE)
    for mention in finder(_PROBE + sentence[start:]):
        if mention.start != len(_PROBE):
            continue
        town = mention.form == "town" and _TOWN_WORD.match(mention.text)
        if mention.form not in _ITEMS and not town:
            return None
        return dataclasses.replace(mention, start=mention.start + shift, end=mention.end + shift)
    return None
