"""Dates as the catalog writes them, the text of a period, and the ONE as-of rule.

Catalog dates keep their precision: ``"2025"``, ``"2025-09"`` or ``"2025-09-06"`` (ISO 8601 reduced
precision). This module parses them, writes a period as one line of text for every face (popup, tables,
slides, data exports, the review page) and decides the date alliance membership is shown for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Final, Literal

from geo.core.values import is_missing

DatePrecision = Literal["day", "month", "year", "announced"]

#: An ISO reduced-precision date: YYYY, YYYY-MM or YYYY-MM-DD.
PARTIAL_DATE: Final = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: En dash between the ends of a range, as typeset.
RANGE_DASH: Final = "–"


def check_partial_date(value: str) -> str:
    """Return ``value`` if it is a real ISO reduced-precision date, else raise ``ValueError``."""
    if not PARTIAL_DATE.match(value):
        msg = f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        raise ValueError(msg)
    earliest_date(value)  # raises on 2025-02-30
    return value


def date_precision_of(value: str) -> DatePrecision:
    """Return the precision (``year``, ``month`` or ``day``) of an ISO reduced-precision date."""
    precisions: tuple[DatePrecision, ...] = ("year", "month", "day")
    return precisions[value.count("-")]


def earliest_date(value: str) -> dt.date:
    """Return the first day an ISO reduced-precision date can mean (``"2025-09"`` → 2025-09-01)."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest_date(value: str) -> dt.date:
    """Return the last day an ISO reduced-precision date can mean (``"2025-09"`` → 2025-09-30)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def parse_day(value: str | None) -> dt.date | None:
    """Return a full ISO day (``YYYY-MM-DD``) as a date, None for a missing or reduced-precision value.

    Raises
    ------
    ValueError
        For text that is not an ISO date at all.
    """
    if value is None or is_missing(value) or not str(value).strip():
        return None
    text = str(value).strip()
    if len(text) != 10:
        check_partial_date(text)
        return None
    return dt.date.fromisoformat(text)


#: No-break space: keeps "10 Sep 2021" on one line wherever text wraps (slides, tables).
NBSP: Final = "\u00a0"


def date_words(value: object) -> str:
    """Return an ISO reduced-precision date in words that never wrap: ``"10 Sep 2021"``, ``"Sep 2025"``, ``"2017"``.

    The parts are joined by no-break spaces (:data:`NBSP`), so a slide never breaks a date across lines
    (an ISO ``2021-09-10`` wraps at its hyphens). Text that is not an ISO date is returned unchanged.
    """
    text = str(value)
    if not PARTIAL_DATE.match(text):
        return text
    day = earliest_date(text)
    parts = {
        "year": [f"{day:%Y}"],
        "month": [f"{day:%b}", f"{day:%Y}"],
        "day": [str(day.day), f"{day:%b}", f"{day:%Y}"],
    }
    return NBSP.join(parts[date_precision_of(text)])


def period_text(
    start: object, end: object = None, *, ongoing: bool = False, announced: object = None, words: bool = False
) -> str:
    """Return an exercise's dates as one line of plain text, precision kept.

    Parameters
    ----------
    start, end
        ISO reduced-precision dates (``"2021-09-10"``, ``"2025-09"``, ``"2017"``), or missing.
    ongoing
        True when the exercise had not ended when last reported.
    announced
        The announcement day, for events known only from an announcement.
    words
        Write each date with :func:`date_words` (``"10 Sep 2021 – 16 Sep 2021"``, never wrapped) instead
        of ISO.

    Returns
    -------
    str
        ``"2021-09-10 – 2021-09-16"``, ``"2017 – ongoing"``, ``"2025-05"``,
        ``"announced 2022-01-18, no dates given"`` or ``"no dates given"``.
    """
    show = date_words if words else str
    gap = NBSP if words else " "  # in words, the dash stays with the first date
    if is_missing(start) or not str(start):
        if is_missing(announced) or not str(announced):
            return "no dates given"
        return f"announced {show(announced)}, no dates given"
    if ongoing:
        return f"{show(start)}{gap}{RANGE_DASH} ongoing"
    if not is_missing(end) and str(end) and str(end) != str(start):
        return f"{show(start)}{gap}{RANGE_DASH} {show(end)}"
    return show(start)


def years_text(first: int, last: int) -> str:
    """Return a span of years: ``"2021"`` or ``"2016–2025"``."""
    return str(first) if first == last else f"{first}{RANGE_DASH}{last}"


def period_end(years: tuple[int, int] | None, catalog_years: tuple[int, int] | None) -> dt.date:
    """Return the as-of date of a selection: the day alliance membership is drawn and measured for.

    The ONE rule every face uses (dashboard, briefing maps, slides, data exports, CLI): the last day of
    the selected period, i.e. 31 December of the filter's last year, or of the catalog's last year when
    the filter has no years. It never depends on today's date, so the same filter gives the same map.

    Parameters
    ----------
    years
        The filter's inclusive year range, or None for all years.
    catalog_years
        The first and last year of the whole catalog (not of the filtered sites), or None when the
        catalog has no dated exercise.

    Returns
    -------
    datetime.date
        31 December of the last year of the period (of today's year for an empty, undated catalog).
    """
    if years is not None:
        return dt.date(years[1], 12, 31)
    if catalog_years is not None:
        return dt.date(catalog_years[1], 12, 31)
    return dt.date(dt.date.today().year, 12, 31)


def as_of_text(day: dt.date) -> str:
    """Return the as-of date as every face prints it: ``"31 Dec 2025"``."""
    return f"{day.day} {day:%b %Y}"


def _field(row: object, name: str) -> object:
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


def row_period_text(row: object, *, words: bool = False) -> str:
    """Return :func:`period_text` of a site or exercise row (a mapping, a pandas row or a named tuple)."""
    ongoing = _field(row, "ongoing")
    return period_text(
        _field(row, "start"),
        _field(row, "end"),
        ongoing=bool(ongoing) and not is_missing(ongoing),
        announced=_field(row, "announced"),
        words=words,
    )
