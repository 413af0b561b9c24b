"""Counts in words: ``"1 exercise"``, ``"3 exercises"`` — every face says it the same way."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """Return ``n`` with its noun in the right number: ``counted(1, "site")`` is ``"1 site"``.

    Parameters
    ----------
    n
        How many.
    noun
        The singular noun.
    plural
        The plural when it is not ``noun + "s"`` (``counted(2, "country", "countries")``).
    """
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
