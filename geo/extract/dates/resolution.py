"""Step 3 of reading dates: resolve a mention to ISO reduced-precision dates, honestly.

:func:`resolve` turns a mention into ``"2020"``, ``"2020-10"`` or ``"2020-10-12"``. A month or day
without a year takes the year of the exercise's name, else of the publication date (the nearer of the
adjacent years); relative expressions are resolved only against a given publication date. Without one
they stay unresolved: the phrase is kept and nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import dateparser

from geo.extract.dates.mentions import DateMention, ResolvedDate, Role, valid_date_parts
from geo.extract.dates.roles import Tense, tense_for

#: Slack (days) of the tense rule of :func:`_year_near` around the publication date.
TENSE_GRACE_DAYS = 30


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_near(month: int, day: int | None, published: dt.date, tense: Tense | None) -> int:
    """Return the year of ``month``/``day`` relative to the publication date.

    Past tense: the latest such date on or before publication ("In February, Russia attacked");
    future: the earliest on or after it ("will be held on October 12-16"); otherwise the nearest.
    Both allow :data:`TENSE_GRACE_DAYS` of slack: a report updated a few days after the drills ended
    still says "are scheduled to last through September 6".
    """

    def first_day(year: int) -> dt.date:
        return dt.date(year, month, 1 if day is None else min(day, 28))

    def last_day(year: int) -> dt.date:
        return dt.date(year, month, calendar.monthrange(year, month)[1]) if day is None else first_day(year)

    years = (published.year - 1, published.year, published.year + 1)
    grace = dt.timedelta(days=TENSE_GRACE_DAYS)
    if tense == "past":
        return max(y for y in years if first_day(y) <= published + grace)
    if tense == "future":
        return min(y for y in years if last_day(y) >= published - grace)
    return min(years, key=lambda y: abs((first_day(y) - published).days))


@cache
def _parse_relative(expression: str, published: dt.date) -> dt.date | None:
    base = dt.datetime.combine(published, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "current_period", "RETURN_AS_TIMEZONE_AWARE": False}
    result = dateparser.parse(expression, languages=["en"], settings=settings)
    return None if result is None else result.date()


def _weekday(relative: str, published: dt.date, tense: Tense | None) -> tuple[dt.date, str]:
    """Return the day a weekday names: the last one on or before publication, or in a future clause the next.

    A future weekday equal to the publication day's is that day ("are to take part in an exercise Tuesday" in a
    Tuesday report, "would continue from Tuesday" said on Tuesday): news copy names the same weekday a week on
    as "next Tuesday" or with its date (README "Date probes, tenth session").
    """
    _, number, qualifier = relative.split(":")
    weekday = int(number)
    future = qualifier == "next" or (qualifier != "last" and tense == "future")
    if future:
        ahead = (weekday - published.weekday()) % 7 or (7 if qualifier == "next" else 0)
        how = "the publication day" if ahead == 0 else "the next such weekday after the publication date"
        return published + dt.timedelta(days=ahead), how
    back = (published.weekday() - weekday) % 7
    if qualifier == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back), "the last such weekday on or before the publication date"


def resolve(
    mention: DateMention,
    *,
    sentence: str = "",
    published: dt.date | None = None,
    year_hint: int | None = None,
    role: Role | None = None,
) -> ResolvedDate | None:
    """Resolve a mention to ISO reduced-precision dates, or return None when that would be a guess.

    Parameters
    ----------
    mention
        A mention from :func:`find_dates`.
    sentence
        Its sentence (the tense decides whether "Monday" is the last or the next one).
    published
        The article's publication date; relative expressions need it.
    year_hint
        The year stated in the exercise's name ("Slavic Brotherhood-2020"), used for dates without a year.
    role
        The mention's role (:func:`date_role`), if known: a statement's date is placed in the past.

    Returns
    -------
    ResolvedDate or None
        ``first`` (and ``last`` for ranges) with their precision and a note on how; None for undated
        mentions, a week that spans two months ("next week" from 27 March), and anything needing a
        publication date that was not given.
    """
    if mention.relative == "undated":
        return None
    if mention.relative is not None:
        return None if published is None else _resolve_relative(mention, sentence, published, role)
    if mention.month is None:
        assert mention.year is not None
        return ResolvedDate(_iso(mention.year), None, "year", f"{mention.text!r} as written")
    return _resolve_month_or_day(mention, sentence, published, year_hint, role)


def _resolve_relative(
    mention: DateMention, sentence: str, published: dt.date, role: Role | None
) -> ResolvedDate | None:
    """Resolve "on Monday", "today", "next month", "this year" or "next week" against the publication date."""
    rel = mention.relative or ""
    if rel.startswith("weekday:"):
        day, how = _weekday(rel, published, tense_for(sentence, mention, role))
        return ResolvedDate(day.isoformat(), None, "day", f"{mention.text!r}: {how}")
    if rel in ("today", "yesterday", "tomorrow"):
        day = published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[rel])
        return ResolvedDate(day.isoformat(), None, "day", f"{mention.text!r} from the publication date")
    if rel.endswith("week"):
        return _week(mention, published)
    parsed = _parse_relative(rel.replace("the coming", "next").replace("the following", "next"), published)
    if rel.endswith("month"):
        if rel in ("earlier this month", "later this month"):
            parsed = published
        if parsed is None:
            return None
        return ResolvedDate(
            _iso(parsed.year, parsed.month), None, "month", f"{mention.text!r} from the publication date"
        )
    if rel.endswith("year") and parsed is not None:
        return ResolvedDate(_iso(parsed.year), None, "year", f"{mention.text!r} from the publication date")
    return None


#: Weeks from the publication date's week (Monday to Sunday) that each relative phrase names.
_WEEK_OFFSETS = {"last": -1, "the previous": -1, "this": 0, "earlier this": 0, "later this": 0, "next": 1,
                 "the coming": 1, "the following": 1}  # fmt: skip


def _week(mention: DateMention, published: dt.date) -> ResolvedDate | None:
    """Resolve "next week" to its month when the whole week (Monday to Sunday) lies in one month, else None.

    A week is not a catalog precision; the month holding all its days is the honest coarser one.
    """
    offset = _WEEK_OFFSETS.get((mention.relative or "").removesuffix(" week"))
    if offset is None:
        return None
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    how = f"{mention.text!r}: the week of {monday.isoformat()} from the publication date, all in one month"
    return ResolvedDate(_iso(monday.year, monday.month), None, "month", how)


def _resolve_month_or_day(
    mention: DateMention, sentence: str, published: dt.date | None, year_hint: int | None, role: Role | None
) -> ResolvedDate | None:
    """Resolve a stated month or day (or range of days), taking a missing year from the name or publication date."""
    assert mention.month is not None
    year = mention.year
    how = "as written"
    if year is None and year_hint is not None:
        year, how = year_hint, f"year {year_hint} from the exercise's name"
    elif year is None and published is not None:
        tense = tense_for(sentence, mention, role)
        year = _year_near(mention.month, mention.day, published, tense)
        how = f"year {year} from the publication date {published.isoformat()} ({tense or 'present'} tense)"
    if year is None or not valid_date_parts(year, mention.month, mention.day):
        return None
    if mention.day is None:
        return ResolvedDate(_iso(year, mention.month), None, "month", f"{mention.text!r}: {how}")
    first = _iso(year, mention.month, mention.day)
    last = None
    if mention.is_range:
        end_year = mention.end_year or year
        end_month = mention.end_month or mention.month
        if end_month < mention.month and mention.end_year is None:
            end_year += 1  # "December 28 - January 3"
        if not valid_date_parts(end_year, end_month, mention.end_day):
            return None
        last = _iso(end_year, end_month, mention.end_day)
    return ResolvedDate(first, last, "day", f"{mention.text!r}: {how}")
