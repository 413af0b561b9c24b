"""Find dates in a sentence, tell what they date, and resolve them honestly.

Three steps, each a pure function in its own module:

1. :func:`find_dates` (:mod:`~geo.extract.dates.mentions`) finds date mentions as written.
2. :func:`date_role` (:mod:`~geo.extract.dates.roles`) reads the words around a mention: ``start``,
   ``end``, ``range``, ``announced``, ``undated`` or ``none``; :func:`tense_of` gives a clause's tense.
3. :func:`resolve` (:mod:`~geo.extract.dates.resolution`) turns a mention into ISO reduced-precision
   dates, using the exercise's year or the publication date, never a guess.
"""

from geo.extract.dates.mentions import (
    ANCHOR,
    MONTHS,
    WEEKDAYS,
    DateMention,
    Precision,
    ResolvedDate,
    Role,
    find_dates,
)
from geo.extract.dates.resolution import TENSE_GRACE_DAYS, resolve
from geo.extract.dates.roles import (
    PAST_START,
    Tense,
    date_role,
    reports_past_start,
    reports_start,
    tense_for,
    tense_of,
)

__all__ = [
    "ANCHOR",
    "MONTHS",
    "PAST_START",
    "TENSE_GRACE_DAYS",
    "WEEKDAYS",
    "DateMention",
    "Precision",
    "ResolvedDate",
    "Role",
    "Tense",
    "date_role",
    "find_dates",
    "reports_past_start",
    "reports_start",
    "resolve",
    "tense_for",
    "tense_of",
]
