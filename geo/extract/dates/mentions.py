"""Step 1 of reading dates: find the date mentions of a sentence as written.

:func:`find_dates` finds absolute days and ranges ("October 12-16", "September 6th", "12–16 October
2020", "10/17/2022"), months ("in October", "in early August"), years ("in 2014"), relative expressions
("next month", "on Monday", "this year", "last week") and undated announcements ("in the medium term",
"did not provide a date"). Nothing is resolved here: see :mod:`geo.extract.dates.resolution`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

Role = Literal["start", "arrival", "end", "range", "announced", "undated", "none"]
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
        # a comma after the month only before a dashed day range: "scheduled for October, 21-25"
        ("m-dd", rf"\b(?P<m1>{_MONTH})(?:\s+|,\s*(?={_DAY}\s*[-–—]\s*{_DAY}\b))(?P<d1>{_DAY})\s*(?:-|–|—|to|through|and)\s*(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("dm-dm", rf"\b(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_DASH}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("dd-m", rf"\b(?P<d1>{_DAY})\s*(?:-|–|—|to|and|through|till|until)\s*(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("weekday", rf"(?i:\b(?:(?P<rel>last|next|this|on)\s+)?)(?P<wd>{_WEEKDAY})\b(?:\s*\((?P<paren>[^)]{{6,12}})\))?"),  # noqa: E501
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        ("mdy", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
        ("dmy", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
        ("md", rf"\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y>{_YEAR}))?"),
        ("dm", rf"\b(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?"),
        ("month", rf"(?i:\b(?P<prep>in|during|until|till|through|by|since|from|for|of|on)\s+)?(?:(?P<part>{_PART})[\s-]+)?(?P<m1>{_MONTH})\b(?:\s+(?P<y>{_YEAR}))?"),  # noqa: E501
        ("part-relative", r"(?i:\b(?P<part>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+(?P<rel>this|next|the|the\s+coming)\s+(?P<unit>month))\b"),  # noqa: E501
        ("relative", r"(?i:\b(?P<rel>next|last|this|the\s+coming|the\s+following|the\s+previous|earlier\s+this|later\s+this)\s+(?P<unit>month|week|year))\b"),  # noqa: E501
        ("deictic", r"(?i:\b(?P<rel>today|yesterday|tomorrow)\b)"),
        # later on the day of the report: "Within a few hours, the first exercises will start", "this morning"
        ("later-today", r"(?i:\b(?:(?:with)?in\s+(?:a\s+few|several|a\s+couple\s+of)\s+hours|later\s+today|tonight|this\s+(?:morning|afternoon|evening))\b(?!\s+(?:of|after|from)\b))"),  # noqa: E501
        ("undated", r"(?i:(?:\b(?:in|over)\s+the\s+)?[\"“']?\b(?:medium|long|short)[\s-]term\b[\"”']?|\bin\s+the\s+coming\s+(?:weeks|months)\b|\b(?:did|does|do|has|have)\s+not\s+(?:provide|give|set|name|announce)\s+a\s+date\b|\bno\s+dates?\s+(?:was|were|has\s+been|have\s+been)\s+(?:given|set|announced)\b|\bat\s+a\s+later\s+date\b|\bwithout\s+(?:giving|providing|specifying|naming|setting)\s+(?:a\s+|any\s+|the\s+)?dates?\b|\b(?:did|does|do)\s+not\s+say\s+when\b)"),  # noqa: E501
        ("year", rf"(?i:\b(?P<prep>in|during|since|for|until|by|of|from|through|throughout|before|after)\s+)(?:(?P<part>{_PART})[\s-]+)?(?P<y>{_YEAR})\b(?![\w-])"),  # noqa: E501
    )
)  # fmt: skip

#: A cheap test before the patterns: a digit, a month or weekday name, or a relative or undated phrase.
_MAYBE_DATE = re.compile(
    rf"\d|{_MONTH}|{_WEEKDAY}|(?i:\b(?:next|last|this|coming|following|previous|today|yesterday|tomorrow|term|dates?|when|month|hours|tonight|morning|afternoon|evening)\b)"
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


def valid_date_parts(year: int | None, month: int | None, day: int | None) -> bool:
    """Return whether the stated parts can form a date (an unknown year allows 29 February)."""
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
        if not (valid_date_parts(year, m1, d1) and valid_date_parts(year, m2, d2)):
            return None
        return make(year=year, month=m1, day=d1, end_year=year, end_month=m2, end_day=d2)
    if kind in ("iso", "dmy"):
        y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
        return make(year=y, month=m, day=d) if valid_date_parts(y, m, d) else None
    if kind == "mdy":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        m, d = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
        return make(year=y, month=m, day=d) if valid_date_parts(y, m, d) else None
    if kind in ("md", "dm"):
        stated_year = _int(g.get("y"))
        m, d = _month(g["m1"]), _day(g["d1"])
        return make(year=stated_year, month=m, day=d) if valid_date_parts(stated_year, m, d) else None
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
    if kind == "part-relative":  # "at the end of the month": of the publication date's month
        rel = {"the": "this"}.get(g["rel"].lower(), re.sub(r"\s+", " ", g["rel"].lower()))
        return make(relative=f"{rel} month", part=re.sub(r"\s+", " ", g["part"].lower()))
    if kind == "deictic":
        return make(relative=g["rel"].lower())
    if kind == "later-today":
        return make(relative="today")
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
