"""Another romanisation of a known exercise name: the family it spells ("Slavianskoe Bratstvo", "Shchyt Sayuza").

Russian and Belarusian names reach English reports in several romanisations: Slavianskoe / Slavyanskoye Bratstvo,
Shchit Soyuza (Russian) / Shchyt Sayuza (Belarusian, with akanye: o written a), Nerushimoe / Niarushymae Bratstva.
A name written in one that the lexicon lacks is the family of a known variant when exactly one family is close:
by rapidfuzz ratio on the folded keys, else by the consonant skeleton of
:func:`geo.geocode.romanisation.romanisation_skeleton` (the fold the geocoder uses for place names, so that o/a,
y/i, ya/e and -oye/-ae meet), for names of two words or more. Short names never match ("Search" is not "Rubezh").
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from geo.geocode.romanisation import romanisation_skeleton

#: Least rapidfuzz ratio for two romanisations of one name ("Nerushimoe"/"Nerushimoye Bratstvo").
ROMANISATION_MIN_RATIO = 90
#: Fewer letters than this never match another romanisation: short names collide ("Search", "Rubezh").
MIN_LETTERS = 8


def romanised_family(key: str, variants: Iterable[tuple[str, str]]) -> str | None:
    """Return the family of a known name spelt in another romanisation, if exactly one is that close.

    Parameters
    ----------
    key
        The folded key of the name as written (:func:`geo.extract.names.name_key`: accents dropped, so
        "Geležinis" = "Gelezinis").
    variants
        (folded key of a known variant, its family) pairs.

    Returns
    -------
    str or None
        The one family whose variant has a rapidfuzz ratio of at least :data:`ROMANISATION_MIN_RATIO` with
        ``key``, else (for a name of two words or more) the one whose variant has ``key``'s romanisation
        skeleton, else None.
    """
    if len(key.replace(" ", "")) < MIN_LETTERS:
        return None
    pairs = list(variants)
    close = {family for variant, family in pairs if fuzz.ratio(key, variant) >= ROMANISATION_MIN_RATIO}
    if not close and " " in key:  # one word folds too far ("Searches" and "Search" share a skeleton)
        skeleton = romanisation_skeleton(key)
        close = {family for variant, family in pairs if romanisation_skeleton(variant) == skeleton}
    return close.pop() if len(close) == 1 else None
