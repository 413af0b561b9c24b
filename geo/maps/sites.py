"""Exercise sites on the map: compact tables in the map script, one symbol per place and alliance.

Many exercises share one place (four at the Brestsky range, five at Orzysz). The map draws each distinct
place (same point, or same area geometry) once per alliance layer, with the number of exercises there,
and its popup lists every exercise at that place in the current selection, newest first.

Size matters (a map of 20,000 sites must stay small and fast to build), so nothing is repeated:

* every string once (:attr:`SiteTables.vocabulary`); the browser composes a popup when it opens, with
  the markup of :func:`geo.maps.popup.spot_popup_html` (see :mod:`geo.maps.site_index`): each cited
  source and each place description as the HTML :mod:`geo.maps.popup` renders and escapes here
  (:func:`geo.maps.popup.citation_html`, :func:`geo.maps.popup.place_html`), once however many sites
  share it; the exercise's facts as plain fields, escaped in the browser;
* each exercise's fields and cited sources are stored once (:attr:`SiteTables.exercises`), each
  distinct place description once (:attr:`SiteTables.places`), each distinct area geometry once,
  simplified in EPSG:3035 and rounded (:attr:`SiteTables.geometries`);
* each distinct place ("spot") once, as its name and the exercises there (:attr:`SiteTables.spots`);
* a symbol is then a short row: ``[lon, lat, radius_m, kind, spot]`` for a point,
  ``[geometry, kind, spot]`` for an area.

Kinds (how a site is drawn, so that a vague place never looks precise; where sites of different kinds
share a spot, the vaguest is drawn):

========  ============================================================================
``p``     range or airfield known to a few km: solid dot + uncertainty circle
``a``     proxy point with a wide radius: translucent dot + uncertainty circle
``t``     town: hollow dot + uncertainty circle (the town's extent)
``r``     region (oblast): translucent polygon
``b``     border strip: translucent polygon, dashed outline
``c``     whole country: faint polygon, dotted outline
========  ============================================================================
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.catalog.sites import POINT_DECIMALS, place_name, site_kind
from geo.core import settings
from geo.core.values import is_missing
from geo.maps.popup import PLACE_COLUMNS
from geo.maps.site_areas import area_geometries
from geo.maps.site_text import SharedText, SiteTables

__all__ = [
    "AREA_KINDS",
    "POINT_KINDS",
    "SiteTables",
    "paused_gc",
    "site_key",
    "site_tables",
]

POINT_KINDS: tuple[str, ...] = ("p", "a", "t")
AREA_KINDS: tuple[str, ...] = ("r", "b", "c")
#: Kinds from the vaguest to the most precise: a spot shared by sites of several kinds is drawn as the vaguest.
_VAGUEST_FIRST: tuple[str, ...] = ("c", "b", "r", "a", "t", "p")

#: What one place description depends on (one home: :func:`geo.maps.popup.place_fields` reads exactly these).
_PLACE_FIELDS = PLACE_COLUMNS


#: The columns read for every site (an exercise's other facts are read from its first row only).
_SITE_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "alliance",
    "citations",
    "start_date",
    "gazetteer_id",
    "site_country",
    *_PLACE_FIELDS,
)


def site_key(exercise_id: str, site_index: int) -> str:
    """Return the stable key of one site, ``"<exercise id>:<site index>"`` (used in URLs)."""
    return f"{exercise_id}:{int(site_index)}"


def _value(value: Any) -> Any:
    return None if is_missing(value) else value


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else _value(value)


@dataclass
class _Spot:
    """One distinct place while the tables are built: its names and the exercises there."""

    index: int
    names: Counter[str] = field(default_factory=Counter)
    entries: dict[int, tuple[str, list[int], list[int]]] = field(default_factory=dict)

    def add(self, exercise: int, start: str, place: int, citations: list[int]) -> None:
        """Add one site of ``exercise`` (started on ``start``, ISO text) at this spot."""
        entry = self.entries.get(exercise)
        if entry is None:  # the usual case: one site per exercise and spot
            self.entries[exercise] = (start, [place], list(dict.fromkeys(citations)))
            return
        _, places, cits = entry
        if place not in places:
            places.append(place)
        cits.extend(c for c in citations if c not in cits)

    def row(self, tables: SiteTables) -> list[Any]:
        """Return ``[name, entries]``, entries newest first (then by name)."""
        ex_name = tables.vocabulary.items
        order = sorted(self.entries, key=lambda e: ex_name[tables.exercises[e][0]])
        order.sort(key=lambda e: self.entries[e][0], reverse=True)
        entries: list[list[Any]] = []
        for e in order:
            _, places, cits = self.entries[e]
            entry: list[Any] = [e, places]
            if sorted(cits) != list(range(len(tables.exercises[e][7]))):
                entry.append(sorted(cits))
            entries.append(entry)
        name = self.names.most_common(1)[0][0] if self.names else ""
        return [tables.vocabulary(name), entries]


def _columns(frame: pd.DataFrame, names: tuple[str, ...], rows: list[int] | None = None) -> dict[str, list[Any]]:
    """The named columns of ``frame`` as lists, only the rows at ``rows`` (all if None); None for a missing one."""
    out = {}
    for c in names:
        values = frame[c].tolist() if c in frame.columns else [None] * len(frame)
        out[c] = values if rows is None else [values[i] for i in rows]
    return out


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")``, the same values, four times faster: one ``tolist()`` per column."""
    columns = list(frame.columns)
    rows = zip(*(frame[c].tolist() for c in columns), strict=True)
    return [dict(zip(columns, values, strict=True)) for values in rows]


def _hashables(values: list[Any]) -> list[Any]:
    """:func:`_hashable` of each value (text, the usual value, as it is)."""
    return [v if type(v) is str else _hashable(v) for v in values]


def _place_names(columns: dict[str, list[Any]]) -> list[str]:
    """:func:`geo.catalog.sites.place_name` of each row, computed once per distinct input."""
    fields = ("site_kind", "gazetteer_id", "site_country", "place_text")
    cache: dict[tuple[Any, ...], str] = {}
    out = []
    for values in zip(*(columns[f] for f in fields), strict=True):
        key = tuple(_value(v) for v in values)
        name = cache.get(key)
        if name is None:
            name = cache[key] = place_name(dict(zip(fields, key, strict=True)))
        out.append(name)
    return out


def _add_symbol(
    tables: SiteTables,
    symbols: dict[tuple[str, tuple[Any, ...]], list[Any]],
    at: tuple[str, tuple[Any, ...]],
    spot: int,
    kind: str,
    radius_km: Any,
) -> None:
    """Add a site to the symbol of its spot and alliance ``at``: the vaguest kind, the widest radius."""
    symbol = symbols.get(at)
    alliance, key = at
    if symbol is None:
        parts = tables.layers.setdefault(alliance, {"pt": [], "ar": []})
        symbol = [key[1], key[2], 0, kind, spot] if key[0] == "pt" else [key[1], kind, spot]
        parts[key[0]].append(symbol)
        symbols[at] = symbol
    elif _VAGUEST_FIRST.index(kind) < _VAGUEST_FIRST.index(symbol[-2]):
        symbol[-2] = kind
    if key[0] == "pt":
        symbol[2] = max(symbol[2], round(float(radius_km) * 1000.0) if radius_km else 0)


def _start_text(value: Any) -> str:
    """ISO text of a start date for sorting (``""``, sorted last, when missing)."""
    value = _value(value)
    return "" if value is None else str(value)[:10]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Within the block, pause Python's cyclic garbage collector (if it runs), then restore it.

    Building the tables of a large map allocates about a million small containers, none in a cycle; each
    collection they trigger walks every tracked object of the process (the catalog's citations too), which
    is a quarter of the build time at 20,000 sites. Reference counting still frees everything at once.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def site_tables(sites: gpd.GeoDataFrame) -> SiteTables:
    """Build the compact tables of the drawable sites of a sites frame.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326); rows without geometry are skipped.

    Returns
    -------
    SiteTables
        Tables with one symbol per distinct place and alliance, in the order places first occur in
        ``sites``; a point symbol has the largest radius stated for the place, and the vaguest kind.
    """
    with paused_gc():
        return _site_tables(sites)


def _site_tables(sites: gpd.GeoDataFrame) -> SiteTables:
    tables = SiteTables()
    # The drawn rows by position: only the columns read are filtered, never the whole frame (its nested
    # citation and figure columns make a copy of it a sixth of the build time at 20,000 sites).
    keep = (sites.geometry.notna() & ~sites.geometry.is_empty).to_numpy()
    positions = np.flatnonzero(keep)
    if not len(positions):
        return tables
    geometry = sites.geometry[keep] if len(positions) < len(sites) else sites.geometry
    if geometry.crs is not None and geometry.crs.to_epsg() != 4326:
        geometry = geometry.to_crs(settings.STORAGE_CRS)
    geom_types = geometry.geom_type.to_numpy()
    is_point = geom_types == "Point"
    xs = np.round(shapely.get_x(np.where(is_point, geometry.values, None)), POINT_DECIMALS)
    ys = np.round(shapely.get_y(np.where(is_point, geometry.values, None)), POINT_DECIMALS)
    area_refs: dict[int, int] = {}
    if (~is_point).any():
        refs, tables.geometries = area_geometries(geometry[~is_point])
        area_refs = dict(zip(np.flatnonzero(~is_point).tolist(), refs, strict=True))

    columns = _columns(sites, _SITE_COLUMNS, None if len(positions) == len(sites) else positions.tolist())
    ex_ids = [str(x) for x in columns["exercise_id"]]
    first = {ex: i for i, ex in reversed(list(enumerate(ex_ids)))}  # each exercise's first row
    first_at = positions[list(first.values())]
    first_rows = _records(sites.iloc[first_at].drop(columns=sites.geometry.name))
    shared = SharedText(tables, dict(zip(first, first_rows, strict=True)))
    place_keys = list(zip(*(_hashables(columns[f]) for f in _PLACE_FIELDS), strict=True))
    names = _place_names(columns)
    starts = [_start_text(x) for x in columns["start_date"]]
    kinds = [
        site_kind(str(g), k, pr)
        for g, k, pr in zip(geom_types, columns["site_kind"], columns["precision"], strict=True)
    ]
    radii = [_value(r) for r in columns["precision_km"]]
    spots: dict[tuple[Any, ...], _Spot] = {}
    symbols: dict[tuple[str, tuple[Any, ...]], list[Any]] = {}
    rows = zip(ex_ids, columns["alliance"], columns["citations"], place_keys, strict=True)
    for i, (ex_id, alliance, citations, place_key) in enumerate(rows):
        e = shared.exercise(ex_id)
        key: tuple[Any, ...] = ("pt", float(xs[i]), float(ys[i])) if is_point[i] else ("ar", area_refs[i])
        spot = spots.get(key)
        if spot is None:
            spot = spots[key] = _Spot(len(spots))
        spot.names[names[i]] += 1
        site_cits = shared.citations(e, citations)  # before the place: the vocabulary's order as before
        spot.add(e, starts[i], shared.place(place_key), site_cits)
        alliance = str(alliance)
        tables.sites[alliance] = tables.sites.get(alliance, 0) + 1
        _add_symbol(tables, symbols, (alliance, key), spot.index, kinds[i], radii[i] if is_point[i] else None)
    tables.spots = [spot.row(tables) for spot in spots.values()]
    return tables
