"""The one site filter that the CLI, the dashboard and every export share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geo.catalog.participation import DEFAULT_STATUSES, STATUS_FIELDS, check_statuses
from geo.core.errors import FilterError
from geo.core.grading import figures_meeting, meets, parse_threshold
from geo.core.symbology import ALLIANCES

# --- The one filter the CLI, the dashboard and the exports share -------------------------------


@dataclass(frozen=True)
class SiteFilter:
    """A selection of exercise sites. ``None`` (or empty) means "no restriction" for each field.

    Attributes
    ----------
    years
        Inclusive (first, last) year; an exercise matches when its dates overlap the period.
    alliances
        Alliance names (see :data:`geo.catalog.schema.ALLIANCES`).
    countries
        ISO3 codes; an exercise matches when any of them has one of ``statuses`` in it.
    statuses
        The participant statuses the country filter counts (:mod:`geo.catalog.participation`): by default
        ``took-part`` only, so a country that withdrew, is disputed or only observed does not match.
    text
        Case-insensitive substring searched in names, alternate names, summary and place phrases.
    precisions
        Site precision levels (``point``, ``area``, ``region``, ``border_zone``, ``country``, ``unresolved``).
    families
        Exercise family slugs.
    max_distance_km
        Keep only sites within this distance (km) of NATO territory, measured from the site's nearest point
        (``distance_to_nato_km``), so an area that reaches within it counts, wherever its centre lies;
        unresolved sites drop out.
    min_grade
        Admiralty threshold such as ``B2``: keep a site when at least one of its citations' effective grade
        meets it (reliability and credibility each at least as good; F, 6 and "not graded" never do), and
        show only the figures that such a citation supports (rules in :mod:`geo.core.grading`); the extra
        column ``figures_hidden`` counts the figures left out.
    """

    years: tuple[int, int] | None = None
    alliances: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    text: str = ""
    precisions: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    max_distance_km: float | None = None
    min_grade: str | None = None

    def __post_init__(self) -> None:
        """Validate every field with one clear message."""
        if self.years is not None:
            first, last = self.years
            if first > last:
                msg = f"years: first year {first} is after last year {last}"
                raise FilterError(msg)
        unknown = [a for a in self.alliances if a not in ALLIANCES]
        if unknown:
            msg = f"unknown alliance {unknown[0]!r}; expected one of {', '.join(ALLIANCES)}"
            raise FilterError(msg)
        bad = [c for c in self.countries if not re.fullmatch(r"[A-Z]{3}", c)]
        if bad:
            msg = f"country {bad[0]!r} is not an ISO3 code such as BLR"
            raise FilterError(msg)
        check_statuses(self.statuses)
        unknown_p = [p for p in self.precisions if p not in PRECISIONS]
        if unknown_p:
            msg = f"unknown precision {unknown_p[0]!r}; expected one of {', '.join(PRECISIONS)}"
            raise FilterError(msg)
        if self.max_distance_km is not None and not (0 <= self.max_distance_km < 40_000):
            msg = f"max_distance_km must be between 0 and 40,000, got {self.max_distance_km!r}"
            raise FilterError(msg)
        if self.min_grade is not None:
            try:
                object.__setattr__(self, "min_grade", parse_threshold(self.min_grade))
            except ValueError as exc:
                raise FilterError(str(exc)) from exc


#: Site precision levels, from most to least precise.
PRECISIONS: tuple[str, ...] = ("point", "area", "border_zone", "region", "country", "unresolved")
#: What each precision level stands for, in the dashboard's filter and the briefing map's legend.
PRECISION_LABELS: dict[str, str] = {
    "point": "point (range, airfield, town)",
    "area": "area (proxy point, wide radius)",
    "border_zone": "border strip",
    "region": "region (oblast, part of a country, river course, sea)",
    "country": "whole country",
    "unresolved": "unresolved (not on the map)",
}


def parse_years(text: str) -> tuple[int, int]:
    """Parse ``"2020-2025"`` or ``"2021"`` into an inclusive (first, last) pair.

    Raises
    ------
    FilterError
        If the text is not one or two four-digit years, or the range is reversed.
    """
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4})\s*)?", text)
    if not match:
        msg = f"years must look like 2020-2025 or 2021, got {text!r}"
        raise FilterError(msg)
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first > last:
        msg = f"years: first year {first} is after last year {last} in {text!r}"
        raise FilterError(msg)
    return first, last


def parse_list(text: str) -> tuple[str, ...]:
    """Split a comma-separated CLI/URL value into a tuple of stripped, non-empty items."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def filter_sites(sites: gpd.GeoDataFrame, flt: SiteFilter) -> gpd.GeoDataFrame:
    """Return the rows of :func:`sites_frame` output that match ``flt`` (a new frame, same columns)."""
    keep = pd.Series(True, index=sites.index)
    if flt.years is not None:
        first = dt.date(flt.years[0], 1, 1)
        last = dt.date(flt.years[1], 12, 31)
        ends = sites["end_date"].where(sites["end_date"].notna(), dt.date.max)
        keep &= (sites["start_date"] <= last) & (ends >= first)
    if flt.alliances:
        keep &= sites["alliance"].isin(flt.alliances)
    if flt.countries:
        wanted = set(flt.countries)
        counted = pd.Series(False, index=sites.index)
        for status in flt.statuses:
            column = STATUS_FIELDS[status]
            if column in sites:
                counted |= sites[column].map(lambda cs: isinstance(cs, list | tuple) and bool(wanted & set(cs)))
        keep &= counted
    if flt.text:
        needle = flt.text.casefold()
        haystack = (
            sites["exercise_name"]
            + " "
            + sites["alt_names"].map(" ".join)
            + " "
            + sites["summary"]
            + " "
            + sites["place_text"]
        ).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    if flt.precisions:
        keep &= sites["precision"].isin(flt.precisions)
    if flt.families:
        keep &= sites["family"].isin(flt.families)
    if flt.max_distance_km is not None:
        keep &= sites["distance_to_nato_km"].le(flt.max_distance_km).fillna(False).astype(bool)
    if flt.min_grade is not None:
        threshold = flt.min_grade
        keep &= sites["citations"].map(lambda cs: any(meets(str(c.get("grade") or ""), threshold) for c in cs))
    kept = sites[keep].copy()
    if flt.min_grade is not None:
        pairs = zip(kept["figures"], kept["citations"], strict=True)
        figures = [figures_meeting(f, c, flt.min_grade) for f, c in pairs]
        # How many were hidden, so that no face says "no figures reported" when the filter hid them.
        kept["figures_hidden"] = [len(old) - len(new) for old, new in zip(kept["figures"], figures, strict=True)]
        kept["figures"] = pd.Series(figures, index=kept.index, dtype=object)
    return kept
