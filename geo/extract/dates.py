"""Find dates in a sentence, tell what they date, and resolve them honestly.

Three steps, each a pure function:

1. :func:`find_dates` finds date mentions as written: absolute days and ranges ("October 12-16",
   "September 6th", "12–16 October 2020", "10/17/2022"), months ("in October", "in early August"),
   years ("in 2014"), relative expressions ("next month", "on Monday", "this year", "last week") and
   undated announcements ("in the medium term", "did not provide a date").
2. :func:`date_role` reads the words around a mention: ``start`` ("opened on", "will be held in",
   "exercises … next month"), ``end`` ("until", "through"), ``range`` (both ends given),
   ``announced`` ("said on", "reported Monday"), ``undated`` or ``none`` ("before", "since", or no cue).
3. :func:`resolve` turns a mention into ISO reduced-precision dates (``"2020"``, ``"2020-10"``,
   ``"2020-10-12"``). A month or day without a year takes the year of the exercise's name, else of the
   publication date (the nearer of the adjacent years); relative expressions are resolved only
   against a given publication date. Without one they stay unresolved: the phrase is kept and
   nothing is guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

import dateparser

Role = Literal["start", "end", "range", "announced", "undated", "none"]
Precision = Literal["day", "month", "year"]

MONTHS: dict[str, int] = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
     "nov": 11, "dec": 12}  # fmt: skip
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"  # noqa: E501
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_PART = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"  # noqa: E501
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Order matters: longer forms first; overlapping shorter matches are dropped.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("md-md", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("m-dd", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|—|to|through|and)\s*(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("dm-dm", rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_DASH}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("dd-m", rf"\b(?P<d1>{_DAY})\s*(?:-|–|—|to|and|through|till|until)\s*(?P<d2>{_DAY})\s+(?P<m1>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("weekday", rf"(?i:\b(?:(?P<rel>last|next|this|on)\s+)?)(?P<wd>{_WEEKDAY})\b(?:\s*\((?P<paren>[^)]{{6,12}})\))?"),  # noqa: E501
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        ("mdy", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
        ("dmy", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
        ("md", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),
        ("dm", rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),
        ("month", rf"(?i:\b(?P<prep>in|during|until|till|through|by|since|from|for|of|on)\s+)?(?:(?P<part>{_PART})[\s-]+)?(?P<m1>{_MONTH})\b(?:\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("relative", r"(?i:\b(?P<rel>next|last|this|the\s+coming|the\s+following|the\s+previous|earlier\s+this|later\s+this)\s+(?P<unit>month|week|year))\b"),  # noqa: E501
        ("deictic", r"(?i:\b(?P<rel>today|yesterday|tomorrow)\b)"),
        ("undated", r"(?i:(?:\b(?:in|over)\s+the\s+)?[\"“']?\b(?:medium|long|short)[\s-]term\b[\"”']?|\bin\s+the\s+coming\s+(?:weeks|months)\b|\b(?:did|does|do|has|have)\s+not\s+(?:provide|give|set|name|announce)\s+a\s+date\b|\bno\s+dates?\s+(?:was|were|has\s+been|have\s+been)\s+(?:given|set|announced)\b|\bat\s+a\s+later\s+date\b|\bwithout\s+(?:giving|providing|specifying|naming|setting)\s+(?:a\s+|any\s+|the\s+)?dates?\b|\b(?:did|does|do)\s+not\s+say\s+when\b)"),  # noqa: E501
        ("year", rf"(?i:\b(?P<prep>in|during|since|for|until|by|of|from|through|throughout|before|after)\s+)(?:(?P<part>{_PART})[\s-]+)?(?P<y>{_YEAR})\b(?![\w-])"),  # noqa: E501
    )
)  # fmt: skip

#: A cheap test before the patterns: a digit, a month or weekday name, or a relative or undated phrase.
_MAYBE_DATE = re.compile(
    rf"\d|{_MONTH}|{_WEEKDAY}|(?i:\b(?:next|last|this|coming|following|previous|today|yesterday|tomorrow|term|dates?|when)\b)"
)

#: "On the day of the Lukashenka-Putin talks": a date given by an event another sentence dates.
ANCHOR = re.compile(
    r"(?i:\bon\s+the\s+(?:same\s+)?day\s+of\s+(?:the\s+)?)(?P<what>[^,.;]{2,60}?)\s+"
    r"(?P<noun>talks|meeting|summit|visit|vote|election|poll|parade|ceremony|negotiations)\b"
)


@dataclass(frozen=True)
class DateMention:
    """A date as written in a sentence, with the parts it states.

    Attributes
    ----------
    text
        The words as written ("October 12-16", "next month", "on Monday").
    start, end
        Offsets in the sentence.
    kind
        Which form matched (``m-dd``, ``md``, ``month``, ``weekday``, ``relative``, ``undated`` …).
    year, month, day
        The stated parts of the first (or only) date; ``None`` where not stated.
    end_year, end_month, end_day
        The stated parts of a range's last date.
    relative
        For relative forms: ``next month``, ``this year``, ``weekday:0`` (Monday), ``today`` …
    part
        ``early``, ``mid``, ``late`` … when the month or year is qualified.
    """

    text: str
    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    relative: str | None = None
    part: str | None = None

    @property
    def is_range(self) -> bool:
        """Whether the mention states both ends ("October 12-16")."""
        return self.end_day is not None or self.end_month is not None


@dataclass(frozen=True)
class ResolvedDate:
    """ISO reduced-precision dates for a mention, and how they were obtained."""

    first: str
    last: str | None
    precision: Precision
    how: str


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None and month is not None:
        last = calendar.monthrange(year or 2000, month)[1]  # 2000: Feb 29 allowed when the year is unknown
        return 1 <= day <= last
    return True


def _mention(kind: str, match: re.Match[str]) -> DateMention | None:
    g = match.groupdict()

    def make(**parts: Any) -> DateMention:
        return DateMention(text=match.group(0).strip(), start=match.start(), end=match.end(), kind=kind, **parts)

    if kind in ("md-md", "m-dd", "dm-dm", "dd-m"):
        m1 = _month(g["m1"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        year = _int(g.get("y"))
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        if not (_valid(year, m1, d1) and _valid(year, m2, d2)):
            return None
        return make(year=year, month=m1, day=d1, end_year=year, end_month=m2, end_day=d2)
    if kind in ("iso", "dmy"):
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
        return make(year=y, month=m, day=d) if _valid(y, m, d) else None
    if kind == "mdy":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        m, d = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
        return make(year=y, month=m, day=d) if _valid(y, m, d) else None
    if kind in ("md", "dm"):
        stated_year = _int(g.get("y"))
        m, d = _month(g["m1"]), _day(g["d1"])
        return make(year=stated_year, month=m, day=d) if _valid(stated_year, m, d) else None
    if kind == "weekday":
        paren = g.get("paren")
        if paren:  # "Monday (10/17/2022)": the explicit date wins
            for sub_kind in ("mdy", "iso", "dmy"):
                inner = dict(_PATTERNS)[sub_kind].fullmatch(paren.strip())
                if inner:
                    found = _mention(sub_kind, inner)
                    if found:
                        return replace(
                            found, text=match.group(0).strip(), start=match.start(), end=match.end(), kind=kind
                        )
        return make(relative=f"weekday:{WEEKDAYS[g['wd'].lower()]}:{(g.get('rel') or '').lower()}")
    if kind == "month":
        if g["m1"] == "May" and not (g.get("prep") or g.get("part") or g.get("y")):
            return None  # "May" the verb
        if not (g.get("prep") or g.get("part") or g.get("y")):
            return None  # a bare month name is too often part of another phrase
        part = re.sub(r"\s+", " ", g["part"].lower()) if g.get("part") else None
        return make(year=_int(g.get("y")), month=_month(g["m1"]), part=part)
    if kind == "relative":
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        return make(relative=f"{rel} {g['unit'].lower()}")
    if kind == "deictic":
        return make(relative=g["rel"].lower())
    if kind == "undated":
        return make(relative="undated")
    if kind == "year":
        part = re.sub(r"\s+", " ", g["part"].lower()) if g.get("part") else None
        return make(year=int(g["y"]), part=part)
    return None


def find_dates(sentence: str) -> list[DateMention]:
    """Return the date mentions of a sentence in text order; overlapping shorter matches are dropped."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not _MAYBE_DATE.search(sentence):
        return found
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            mention = _mention(kind, match)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


# --- Roles -----------------------------------------------------------------------------------------

_END_CUES = frozenset(
    [
        "until",
        "till",
        "through",
        "thru",
        "ending",
        "ends",
        "end",
        "ended",
        "concluding",
        "concludes",
        "concluded",
        "last",
        "lasts",
        "wrapped",
        "completed",
        "finished",
    ]
)
_START_CUES = frozenset(
    [
        "opened",
        "open",
        "opens",
        "began",
        "begin",
        "begins",
        "beginning",
        "started",
        "start",
        "starts",
        "launched",
        "launch",
        "launches",
        "commenced",
        "commence",
        "commences",
        "arrived",
        "arrive",
        "arrives",
        "held",
        "hold",
        "holds",
        "place",
        "scheduled",
        "planned",
        "set",
        "due",
        "from",
        "off",
        "exercises",
        "exercise",
        "drills",
        "drill",
        "maneuvers",
        "manoeuvres",
        "games",
        "deployed",
        "kicked",
        "run",
        "runs",
        "underway",
    ]
)
_ANNOUNCE_CUES = frozenset(
    [
        "said",
        "says",
        "announced",
        "announce",
        "announces",
        "reported",
        "reports",
        "told",
        "stated",
        "declared",
        "confirmed",
        "tweeted",
        "wrote",
        "noted",
        "added",
        "published",
        "posted",
    ]
)
_BLOCKERS = frozenset(["before", "after", "since", "ago", "ahead", "prior", "following", "amid"])
#: Verbs that date an exercise from further back in the clause ("began the joint exercise X at the Y
#: training ground on March 3"), and nouns of other events that stop the search ("after talks … on Monday").
_FAR_START_CUES = frozenset(
    [
        "began", "begin", "begins", "started", "start", "starts", "launched", "launch", "launches", "commenced",
        "commence", "commences", "opened", "opens", "open", "kicked", "held", "hold", "holds", "host", "hosts",
        "hosted", "stage", "stages", "staged", "conduct", "conducts", "conducted", "run", "runs", "underway",
    ]
)  # fmt: skip
_FAR_END_CUES = frozenset(["wrapped", "ended", "ends", "concluded", "concludes", "completed", "finished"])
_OTHER_EVENTS = frozenset(
    [
        "talks", "meeting", "met", "meets", "visit", "visited", "visits", "summit", "conference", "briefing",
        "interview", "session", "inspected", "watched", "attended", "observed", "signed", "election", "vote",
    ]
)  # fmt: skip
_PAST_START = re.compile(
    r"\b(?:arrived|began|started|opened|kicked\s+off|launched|commenced|took\s+place|(?:were|was)\s+held)\b", re.I
)
_CLAUSE_BREAK = re.compile(r"[;:—()\[\]\"“”‘’]|,\s")
_LEAD_WORDS = frozenset(
    ["on", "in", "at", "during", "by", "since", "last", "this", "next", "early", "late", "mid", "the", "of"]
)


def _words_before(sentence: str, pos: int) -> list[str]:
    """Return the words of the clause before ``pos``, nearest first."""
    head = sentence[:pos]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    return [w.lower() for w in re.findall(r"[A-Za-z]+", head)][::-1]


def date_role(sentence: str, mention: DateMention) -> Role:
    """Return what a date mention dates in its sentence.

    Parameters
    ----------
    sentence
        The sentence holding the mention.
    mention
        One of :func:`find_dates`' results for that sentence.

    Returns
    -------
    str
        ``range`` when both ends are stated; ``undated`` for "medium term" and the like; else the
        role of the nearest cue among the six words before the mention in its clause (``end`` for
        "until", "through"; ``start`` for "opened on", "held in", "exercises … next month";
        ``announced`` for "said on", "reported"; ``none`` after "before", "since", "ahead of"). A
        date opening its clause ("On Saturday …", "In early August, he announced …") is a ``start``
        if the sentence reports a start in the past tense ("had arrived", "began"), else
        ``announced`` if it reports a statement, else ``none``. Failing these, the rest of the clause
        before the mention is read for the verb that dates it: a start verb ("began the joint
        exercise X at the Y training ground on March 3", "got under way") or an exercise being held,
        hosted or staged ("will host the X exercise of … later this month") makes it a ``start``; a
        statement, a blocker or another event ("talks", "visited") makes it ``none``; an end verb
        ("wrapped up the X exercise at the Y training ground on Thursday") makes it an ``end``; an
        exercise word alone that far back does not date it. A date right before its verb is read by
        that verb ("Russia and Belarus on Friday began …").
    """
    if mention.relative == "undated":
        return "undated"
    if mention.is_range:
        return "range"
    before = _words_before(sentence, mention.start)
    lead = re.match(r"[A-Za-z]+", mention.text)
    if lead and mention.kind in ("month", "year") and lead.group(0).lower() not in MONTHS:
        before = [lead.group(0).lower(), *before]  # "since 2012", "until October": the preposition is in the match
    if before[:1] == ["to"] and "from" in before[1:8]:
        return "end"  # "from September 14 to 25"
    for i, word in enumerate(before[:6]):
        if word in _BLOCKERS:
            return "none"
        if word in _END_CUES:
            return "end"
        if word in _ANNOUNCE_CUES:
            return "announced"
        if word in _START_CUES or (word == "way" and before[i + 1 : i + 2] == ["under"]):
            return "start"
    after = re.findall(r"[a-z]+", sentence[mention.end : mention.end + 40].lower())[:2]
    if after[:1] and (after[0] in _FAR_START_CUES or after[:2] == ["got", "under"]):
        return "start"  # "Russia and Belarus on Friday began the main stage of …"
    if after[:1] and after[0] in _ANNOUNCE_CUES:
        return "announced"  # "the ministry on Tuesday said …"
    if all(w in _LEAD_WORDS for w in before):
        rest = sentence[mention.end :]
        if _PAST_START.search(rest):
            return "start"
        if any(w in _ANNOUNCE_CUES for w in re.findall(r"[a-z]+", rest.lower())[:12]):
            return "announced"
        return "none"
    far = before[6:24]
    for i, word in enumerate(far):
        if word in _BLOCKERS or word in _ANNOUNCE_CUES or word in _OTHER_EVENTS:
            return "none"
        if word in _FAR_END_CUES:
            return "end"
        if word in _FAR_START_CUES or (word == "way" and far[i + 1 : i + 2] == ["under"]):
            return "start"
    return "none"


# --- Resolution ------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:set|due|scheduled|planned|expected|going)\s+to|next|upcoming|coming)\b", re.I
)
_PAST = re.compile(
    r"\b(?:had|was|were|did|ago|last|said|announced|reported|held|began|started|opened|arrived|kicked\s+off|took|"
    r"attacked|launched|confirmed|tweeted|declared|told|stated|ended|concluded)\b",
    re.I,
)
Tense = Literal["past", "future"]


def tense_of(sentence: str, position: int = 0) -> Tense | None:
    """Return the tense of the clause (between semicolons) holding ``position``: future, past or None.

    A past auxiliary (had, was, were) makes the clause past; else a future marker (will, is to,
    scheduled to, next) makes it future; else a past-tense reporting or event verb makes it past.
    """
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    clause = sentence[start : end if end >= 0 else len(sentence)]
    if re.search(r"\b(?:had|was|were)\b", clause, re.I):
        return "past"  # a past auxiliary beats a future in a relative clause ("planes that will join … was confirmed")
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


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


_PAST_VERBS = frozenset(
    ["began", "started", "launched", "kicked", "commenced", "opened", "got", "held", "wrapped", "ended", "concluded",
     "took", "arrived", "completed", "finished", "staged", "conducted", "hosted"]
)  # fmt: skip


def tense_for(sentence: str, mention: DateMention, role: Role | None = None) -> Tense | None:
    """Return the tense that places a date in the year or week.

    A statement is past ("said on Monday" in a sentence about drills that "will" happen); a date after
    a past start verb of its clause is past ("began the exercise … on Monday, which will last until …");
    otherwise the tense is :func:`tense_of` the clause.
    """
    if role == "announced":
        return "past"
    words = _words_before(sentence, mention.start)[:24]
    for i, word in enumerate(words):
        if word in ("will", "shall", "scheduled", "planned", "due", "expected"):
            break
        if word in _PAST_VERBS and words[i + 1 : i + 2] not in (["be"], ["been"], ["being"], ["to"]):
            return "past"
    return tense_of(sentence, mention.start)


def _weekday(relative: str, published: dt.date, tense: Tense | None) -> tuple[dt.date, str]:
    _, number, qualifier = relative.split(":")
    weekday = int(number)
    future = qualifier == "next" or (qualifier != "last" and tense == "future")
    if future:
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + dt.timedelta(days=ahead), "the next such weekday after the publication date"
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
        mentions, weeks ("last week"), and anything needing a publication date that was not given.
    """
    if mention.relative == "undated":
        return None
    if mention.relative is not None:
        if published is None:
            return None
        rel = mention.relative
        if rel.startswith("weekday:"):
            day, how = _weekday(rel, published, tense_for(sentence, mention, role))
            return ResolvedDate(day.isoformat(), None, "day", f"{mention.text!r}: {how}")
        if rel in ("today", "yesterday", "tomorrow"):
            day = published + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[rel])
            return ResolvedDate(day.isoformat(), None, "day", f"{mention.text!r} from the publication date")
        if rel.endswith("week"):
            return None  # a week is not a precision the catalog has
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
    if mention.month is None:
        assert mention.year is not None
        return ResolvedDate(_iso(mention.year), None, "year", f"{mention.text!r} as written")
    year = mention.year
    how = "as written"
    if year is None and year_hint is not None:
        year, how = year_hint, f"year {year_hint} from the exercise's name"
    elif year is None and published is not None:
        tense = tense_for(sentence, mention, role)
        year = _year_near(mention.month, mention.day, published, tense)
        how = f"year {year} from the publication date {published.isoformat()} ({tense or 'present'} tense)"
    if year is None or not _valid(year, mention.month, mention.day):
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
        if not _valid(end_year, end_month, mention.end_day):
            return None
        last = _iso(end_year, end_month, mention.end_day)
    return ResolvedDate(first, last, "day", f"{mention.text!r}: {how}")
