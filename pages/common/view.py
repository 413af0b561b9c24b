"""The view the pages show, shared by every session that chose the same filter on the same catalog state.

A Map page run used to spend most of its time deriving the same things again in every run of every
session: the choices the catalog offers, the filtered frame, the sites drawn and unresolved, the note on
sites outside the opening view, the ring centres. They depend only on the known sites, named by their
derived-catalog key (:attr:`geo.query.known.KnownSites.key`: catalog content, reference data, store
revision, code, settings), and on the filter, so they are kept per (key, filter) for the whole server
(``st.cache_resource``: one computation even when sessions ask at once) and are never stale: a saved
exercise or an edited file is a new key. Shared objects are read only.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import geopandas as gpd
import streamlit as st

from geo.catalog.filter import SiteFilter
from geo.maps.url_state import Choices, choices_from_sites
from geo.query.known import KnownSites
from geo.query.selection import Selection, select

#: Catalog states whose choices and selections are kept (a new catalog or store revision is a new state).
CATALOG_STATES = 2
#: Selections (catalog state and filter) kept for the whole server. Small beside the catalog for a
#: reviewed catalog of hundreds of sites: a selection is a filtered copy of the sites frame; the load
#: bench's six links with the NATO toggle on and off make twelve.
SHARED_VIEWS = 16


@st.cache_resource(max_entries=CATALOG_STATES, show_spinner=False)
def shared_choices(key: str, _sites: gpd.GeoDataFrame) -> Choices:
    """:func:`choices_from_sites` of the known sites whose derived-catalog key is ``key``, once per server."""
    del key  # only the cache's key
    return choices_from_sites(_sites)


_T = TypeVar("_T")


@dataclass(frozen=True)
class View:
    """What the pages show: the :class:`~geo.query.selection.Selection` of the sidebar, and the choices offered.

    A view with a :attr:`catalog_key` is shared by every session whose sidebar chose the same filter on
    the same catalog state (:func:`pages.common.state.current_view`): read only.
    """

    selection: Selection
    choices: Choices
    #: The derived-catalog key of ``all_sites`` (:attr:`geo.query.known.KnownSites.key`): with the filter it
    #: names the selection, so what is derived from the selection can be shared under it.
    catalog_key: str = ""
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def derived(self, fn: Callable[[gpd.GeoDataFrame], _T]) -> _T:
        """Return ``fn(self.sites)``, computed once per view (and so shared by the sessions that share it).

        ``fn`` must depend on the sites alone (a module-level function of :mod:`geo`, such as
        :func:`geo.maps.view.outside_note`); its answer is shared: read only.
        """
        with self._lock:
            if fn not in self._derived:
                self._derived[fn] = fn(self.sites)
            return self._derived[fn]  # type: ignore[no-any-return]

    @property
    def all_sites(self) -> gpd.GeoDataFrame:
        """Every known site."""
        return self.selection.all_sites

    @property
    def sites(self) -> gpd.GeoDataFrame:
        """The sites the sidebar keeps."""
        return self.selection.sites

    @property
    def filter(self) -> SiteFilter:
        """The sidebar's filter."""
        return self.selection.filter

    @property
    def period_end(self) -> dt.date:
        """The as-of date (:attr:`geo.query.selection.Selection.period_end`)."""
        return self.selection.period_end

    @property
    def n_exercises(self) -> int:
        """Number of exercises in view."""
        return self.selection.n_exercises

    @property
    def n_sites(self) -> int:
        """Number of sites in view."""
        return self.selection.n_sites

    @property
    def drawn(self) -> gpd.GeoDataFrame:
        """Sites in view that have a geometry."""
        return self.selection.located

    @property
    def unresolved(self) -> gpd.GeoDataFrame:
        """Sites in view without a geometry (listed, not drawn)."""
        return self.selection.unresolved


@st.cache_resource(max_entries=SHARED_VIEWS, show_spinner=False)
def shared_view(key: str, _known: KnownSites, _flt: SiteFilter, _ch: Choices) -> View:
    """The :class:`View` of ``_flt`` on ``_known``; ``key`` names both (the catalog state's key, the filter's repr)."""
    del key  # only the cache's key
    return View(selection=select(_known.sites, _flt), choices=_ch, catalog_key=_known.key)
