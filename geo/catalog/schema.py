"""Schema of the curated exercise catalog (``data/catalog/*.yaml``, one exercise per file).

The catalog is the reviewed, versioned source of truth. Every fact is traceable: fields list the ids
of the citations that support them, and every citation holds the source (a seed report or a URL) and
the sentence quoted from it. The loader (:mod:`geo.catalog.sites`) turns validation errors into one message
naming the file, the record and the field.

Dates use ISO 8601 with reduced precision, so that a report that gives only a year or a month is not
turned into a fake day: ``"2025"``, ``"2025-09"`` or ``"2025-09-06"``. ``date_precision`` states the
precision of ``start``; ``announced`` is set for events known only from an announcement.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from geo.catalog.participation import STATUS_FIELDS, statuses_of
from geo.core.countries import is_iso3
from geo.core.dates import DatePrecision, check_partial_date, date_precision_of, earliest_date, latest_date
from geo.core.grading import check_credibility, check_reliability

DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "announced")
#: Fields that every exercise must support with at least one citation.
REQUIRED_EVIDENCE: tuple[str, ...] = ("name", "alliance", "dates", "participants")
#: Fields an ``evidence`` entry may name.
EVIDENCE_FIELDS: tuple[str, ...] = (
    "name",
    "alliance",
    "dates",
    "participants",
    "observers",
    "non_participants",
    "withdrawn",
    "disputed",
    "summary",
    "family",
)

Alliance = Literal["CSTO", "Russia-Belarus", "NATO", "national", "bilateral"]
Qualifier = Literal["exact", "about", "up to", "more than", "at least", "fewer than", "estimated", "range"]

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_SOURCE = re.compile(r"^(seed:[\w.-]+\.txt|https?://\S+)$")


def _check_iso3(code: str) -> str:
    if not is_iso3(code):
        msg = f"{code!r} is not an ISO 3166-1 alpha-3 country code"
        raise ValueError(msg)
    return code


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        msg = f"{value!r} is not a lower-case slug (letters, digits, single hyphens)"
        raise ValueError(msg)
    return value


def _check_source(value: str) -> str:
    if not _SOURCE.match(value):
        msg = f"{value!r} is neither 'seed:<file>.txt' nor an http(s) URL"
        raise ValueError(msg)
    return value


ISO3 = Annotated[str, AfterValidator(_check_iso3)]
PartialDate = Annotated[str, AfterValidator(check_partial_date)]
Slug = Annotated[str, AfterValidator(_check_slug)]
SourceRef = Annotated[str, AfterValidator(_check_source)]
CitationIds = Annotated[list[str], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Citation(_Strict):
    """A sentence quoted from a source.

    ``source`` is ``seed:<file name>`` for the seed reports (the quote must appear in the file) or the
    URL of a published report. ``via`` names an intermediate compilation the quote was taken from
    (e.g. the shared reference notes), so that nobody mistakes a summary for the article's own words.
    ``reliability`` (A–F) and ``credibility`` (1–6) are an analyst's Admiralty grade of this citation;
    None leaves the outlet's default (rules in :mod:`geo.core.grading`).
    """

    source: SourceRef
    quote: str = Field(min_length=8)
    claimed_by: str | None = None
    via: str | None = None
    reliability: Annotated[str | None, AfterValidator(check_reliability)] = None
    credibility: Annotated[int | None, Field(strict=True), AfterValidator(check_credibility)] = None


class Figure(_Strict):
    """A number as a source states it: troops, tanks, aircraft ...

    Contradicting figures are all kept, each with who claimed it; ``official`` marks the host's or
    organiser's announcement. Nothing is ever averaged.
    """

    what: str = Field(min_length=2)
    value: int = Field(ge=0)
    value_max: int | None = Field(default=None, ge=0)
    qualifier: Qualifier = "exact"
    as_stated: str = Field(min_length=2)
    claimed_by: str | None = None
    official: bool = False
    scope: str | None = None
    cite: CitationIds

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Figure:
        if self.value_max is not None and self.value_max < self.value:
            msg = f"value_max {self.value_max} is below value {self.value}"
            raise ValueError(msg)
        return self


class Site(_Strict):
    """A place tied to the exercise, as written in the source.

    ``resolve_as`` is an optional reviewer's reading handed to the geocoder instead of ``place``
    (a clearer phrase, or ``id:<gazetteer id>`` for a training ground), always shown beside the
    original wording. ``role`` separates where an exercise happened from where it was only planned.
    ``unlocated_because`` records why a reviewer could not place a site the geocoder cannot resolve
    (what was searched, why the phrase is too broad): it is shown with the geocoder's own reason.
    """

    place: str = Field(min_length=2)
    resolve_as: str | None = None
    country: ISO3 = "BLR"
    role: Literal["site", "planned", "garrison"] = "site"
    note: str | None = None
    unlocated_because: str | None = Field(default=None, min_length=8)
    cite: CitationIds


class Exercise(_Strict):
    """One exercise (or deployment) with its facts, sites and citations.

    Each country the sources name has one status (:mod:`geo.catalog.participation`): ``participants``
    took part, ``disputed`` (sources disagree), ``withdrawn`` (announced, then pulled out), ``observers``,
    ``non_participants`` (named as not taking part). A country is in at most one list; ``disputed`` and
    ``withdrawn`` need their own evidence.
    """

    id: Slug
    name: str = Field(min_length=2)
    alt_names: list[str] = []
    family: Slug | None = None
    related: list[Slug] = []
    alliance: Alliance
    start: PartialDate | None = None
    end: PartialDate | None = None
    #: True when the source describes a continuing presence with no end (e.g. NATO's battle groups).
    ongoing: bool = False
    date_precision: DatePrecision
    announced: dt.date | None = None
    participants: list[ISO3] = Field(min_length=1)
    observers: list[ISO3] = []
    non_participants: list[ISO3] = []
    withdrawn: list[ISO3] = []
    disputed: list[ISO3] = []
    summary: str = Field(min_length=10)
    figures: list[Figure] = []
    sites: list[Site] = Field(min_length=1)
    citations: dict[str, Citation] = Field(min_length=1)
    evidence: dict[str, CitationIds]

    @model_validator(mode="after")
    def _consistent(self) -> Exercise:
        self._check_dates()
        self._check_citations()
        self._check_statuses()
        return self

    def _check_statuses(self) -> None:
        seen: dict[str, str] = {}
        for field_name in STATUS_FIELDS.values():
            for iso3 in getattr(self, field_name):
                if iso3 in seen:
                    where = "twice" if seen[iso3] == field_name else f"in both {seen[iso3]!r} and {field_name!r}"
                    msg = f"{iso3} is listed {where}: a country has one status in an exercise"
                    raise ValueError(msg)
                seen[iso3] = field_name
        for field_name in ("withdrawn", "disputed"):
            if getattr(self, field_name) and not self.evidence.get(field_name):
                listed = getattr(self, field_name)
                msg = f"{field_name} {listed} needs evidence: cite the sentences under evidence.{field_name}"
                raise ValueError(msg)

    @property
    def participation(self) -> dict[str, str]:
        """ISO3 -> status (``took-part``, ``disputed``, ``withdrew``, ``observer``, ``absent``) of each country."""
        return statuses_of({name: getattr(self, name) for name in STATUS_FIELDS.values()})

    def status_of(self, iso3: str) -> str | None:
        """Return the status of ``iso3`` in this exercise (see :attr:`participation`), or None if not named."""
        return self.participation.get(iso3)

    def _check_dates(self) -> None:
        if self.start is None:
            if self.date_precision != "announced" or self.announced is None:
                msg = "an exercise without 'start' needs date_precision 'announced' and an 'announced' date"
                raise ValueError(msg)
        elif date_precision_of(self.start) != self.date_precision:
            msg = (
                f"date_precision {self.date_precision!r} does not match start {self.start!r} "
                f"(precision {date_precision_of(self.start)!r})"
            )
            raise ValueError(msg)
        if self.ongoing and self.end is not None:
            msg = f"an ongoing exercise has no end, got end {self.end!r}"
            raise ValueError(msg)
        if self.start is not None and self.end is not None and latest_date(self.end) < earliest_date(self.start):
            msg = f"end {self.end!r} is before start {self.start!r}"
            raise ValueError(msg)

    def _check_citations(self) -> None:
        missing = [f for f in REQUIRED_EVIDENCE if f not in self.evidence]
        if missing:
            msg = f"evidence is missing for {', '.join(missing)}"
            raise ValueError(msg)
        unknown_fields = sorted(set(self.evidence) - set(EVIDENCE_FIELDS))
        if unknown_fields:
            msg = f"evidence names unknown fields {unknown_fields}; allowed: {list(EVIDENCE_FIELDS)}"
            raise ValueError(msg)
        cited = [c for ids in self.evidence.values() for c in ids]
        cited += [c for f in self.figures for c in f.cite]
        cited += [c for s in self.sites for c in s.cite]
        unknown = sorted(set(cited) - set(self.citations))
        if unknown:
            msg = f"cites unknown citation ids {unknown}"
            raise ValueError(msg)

    @property
    def year(self) -> int:
        """Year used by the year filter: the start's year, else the announcement's."""
        if self.start is not None:
            return int(self.start[:4])
        assert self.announced is not None  # guaranteed by _check_dates
        return self.announced.year

    @property
    def as_of(self) -> dt.date:
        """Date at which alliance membership is evaluated: the earliest possible start day."""
        if self.start is not None:
            return earliest_date(self.start)
        assert self.announced is not None
        return self.announced

    @property
    def sources(self) -> list[str]:
        """Distinct sources of all citations, in citation order."""
        return list(dict.fromkeys(c.source for c in self.citations.values()))
