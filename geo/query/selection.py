"""A selection: the known sites, the filter applied to them, and the one as-of date every face states.

The dashboard, the CLI, the briefing maps, the slides and the data exports all describe a
:class:`Selection`, so they agree on what is shown and on the date alliances are drawn for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import geopandas as gpd

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import located
from geo.core.dates import period_end, years_text


def newest_date(sites: gpd.GeoDataFrame) -> dt.date | None:
    """Return the latest date any exercise in ``sites`` refers to (start, end or announcement), or None.

    This is what the "data as of" line states: the newest event the catalog knows of, which is honest
    about currency without claiming the catalog was checked on the day a map was made.
    """
    found: list[dt.date] = []
    for column in ("start_date", "end_date"):
        if column in sites:
            found += [d for d in sites[column] if isinstance(d, dt.date)]
    if "announced" in sites:
        found += [dt.date.fromisoformat(a) for a in sites["announced"] if isinstance(a, str) and a]
    return max(found) if found else None


def catalog_years(sites: gpd.GeoDataFrame) -> tuple[int, int] | None:
    """Return the catalog's span: the first start year to the last year any exercise starts or ends in."""
    years = [int(y) for y in sites["year"].dropna()]
    if not years:
        return None
    ends = [d.year for d in sites["end_date"].dropna()]
    return min(years), max(years + ends)


@dataclass(frozen=True)
class Selection:
    """The sites a face shows.

    Attributes
    ----------
    all_sites
        Every known site (:func:`geo.query.known.known_sites`), before filtering.
    sites
        The sites the filter keeps.
    filter
        The filter.
    """

    all_sites: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame
    filter: SiteFilter = field(default_factory=SiteFilter)

    @property
    def catalog_years(self) -> tuple[int, int] | None:
        """First and last year of the whole catalog."""
        return catalog_years(self.all_sites)

    @property
    def period_end(self) -> dt.date:
        """The as-of date: alliance membership is drawn and named for this day (:func:`geo.core.dates.period_end`)."""
        return period_end(self.filter.years, self.catalog_years)

    @property
    def data_as_of(self) -> dt.date | None:
        """The "data as of" date: the newest date of the whole catalog (:func:`newest_date`), not of the filter."""
        return newest_date(self.all_sites)

    @property
    def period_label(self) -> str:
        """The selected period as text: ``"2020–2023"``, or the catalog's span when no years are chosen."""
        span = self.filter.years or self.catalog_years
        return years_text(*span) if span else "no dates"

    @property
    def n_exercises(self) -> int:
        """Number of exercises selected."""
        return int(self.sites["exercise_id"].nunique())

    @property
    def n_sites(self) -> int:
        """Number of sites selected."""
        return len(self.sites)

    @property
    def located(self) -> gpd.GeoDataFrame:
        """Selected sites that have a geometry (drawn on maps)."""
        return located(self.sites)

    @property
    def unresolved(self) -> gpd.GeoDataFrame:
        """Selected sites without a geometry (listed, never drawn)."""
        return self.sites[~self.sites.index.isin(self.located.index)]


def select(all_sites: gpd.GeoDataFrame, flt: SiteFilter | None = None) -> Selection:
    """Return the :class:`Selection` of ``all_sites`` that ``flt`` keeps (everything when None)."""
    flt = flt or SiteFilter()
    return Selection(all_sites=all_sites, sites=filter_sites(all_sites, flt), filter=flt)
