"""A selection: the known sites, the filter applied to them, and the one as-of date every face states.

The dashboard, the CLI, the briefing maps, the slides and the data exports all describe a
:class:`Selection`, so they agree on what is shown and on the date alliances are drawn for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import geopandas as gpd
import pandas as pd

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import located
from geo.core import settings
from geo.core.dates import period_end, years_text
from geo.core.errors import DrillmapError


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
    distance_in_database
        True when the database (PostGIS) answered "within N km of NATO" (:func:`near_nato_in_database`).

    What is derived from the frames is computed once per selection (the frames are never modified), so a
    selection shared by several dashboard sessions, or read by several exports, derives it once.
    """

    all_sites: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame
    filter: SiteFilter = field(default_factory=SiteFilter)
    distance_in_database: bool = False

    @cached_property
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

    @cached_property
    def n_exercises(self) -> int:
        """Number of exercises selected."""
        return int(self.sites["exercise_id"].nunique())

    @property
    def n_sites(self) -> int:
        """Number of sites selected."""
        return len(self.sites)

    @cached_property
    def located(self) -> gpd.GeoDataFrame:
        """Selected sites that have a geometry (drawn on maps)."""
        return located(self.sites)

    @cached_property
    def unresolved(self) -> gpd.GeoDataFrame:
        """Selected sites without a geometry (listed, never drawn)."""
        return self.sites[~self.sites.index.isin(self.located.index)]


def near_nato_in_database(
    all_sites: gpd.GeoDataFrame, max_distance_km: float | None, database_url: str | None = None
) -> pd.Series | None:
    """Return which sites lie within ``max_distance_km`` of NATO territory, as PostGIS measures them, or None.

    None (measure in Python, ``distance_to_nato_km``) when there is no distance filter, the store is not on
    PostgreSQL, it cannot answer, or it does not hold every site of ``all_sites`` (a frame of other
    exercises). The two measures agree but for sites within about 0.5 km of the limit: PostGIS measures on
    the spheroid between the truly nearest points, Python between the nearest points in EPSG:3035.
    """
    if max_distance_km is None:
        return None
    url = database_url or settings.database_url()
    if not url.startswith("postgresql"):  # the backend is the URL's scheme: SQLite needs no database library here
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from geo.store import open_store
    from geo.store.sites import sites_near_nato

    try:
        if make_url(url).get_backend_name() != "postgresql":
            return None
        near, known = sites_near_nato(open_store(url).engine, max_distance_km)
    except (ArgumentError, DrillmapError):
        return None
    keys = list(zip(all_sites["exercise_id"], all_sites["site_index"], strict=True))
    if not set(keys) <= known:
        return None
    return pd.Series([key in near for key in keys], index=all_sites.index, dtype=bool)


def select(all_sites: gpd.GeoDataFrame, flt: SiteFilter | None = None, *, database_url: str | None = None) -> Selection:
    """Return the :class:`Selection` of ``all_sites`` that ``flt`` keeps (everything when None).

    With the store on PostGIS, "within N km of NATO" runs in the database (:func:`near_nato_in_database`).
    """
    flt = flt or SiteFilter()
    near = near_nato_in_database(all_sites, flt.max_distance_km, database_url)
    if near is None:
        return Selection(all_sites=all_sites, sites=filter_sites(all_sites, flt), filter=flt)
    rest = filter_sites(all_sites, dataclasses.replace(flt, max_distance_km=None))
    return Selection(
        all_sites=all_sites, sites=rest[near.loc[rest.index]].copy(), filter=flt, distance_in_database=True
    )
