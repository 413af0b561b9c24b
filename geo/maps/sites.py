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
from operator import itemgetter
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.catalog.sites import POINT_DECIMALS, place_name, site_kind
from geo.core import settings
from geo.core.values import is_missing
from geo.maps.popup import EXERCISE_COLUMNS, PLACE_COLUMNS
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
_VAGUENESS: dict[str, int] = {kind: i for i, kind in enumerate(_VAGUEST_FIRST)}

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


#: An exercise's entry at a spot while the tables are built: its start (ISO text), places and citations.
_Entry = tuple[str, list[int], list[int]]


def _spot_row(tables: SiteTables, names: dict[str, int], entries: dict[int, _Entry]) -> list[Any]:
    """Return a spot's ``[name, entries]``: its most frequent name, entries newest first (then by name)."""
    ex_name = tables.vocabulary.items
    order = sorted(entries, key=lambda e: ex_name[tables.exercises[e][0]])
    order.sort(key=lambda e: entries[e][0], reverse=True)
    rows: list[list[Any]] = []
    for e in order:
        _, places, cits = entries[e]
        row: list[Any] = [e, places]
        if sorted(cits) != list(range(len(tables.exercises[e][7]))):
            row.append(sorted(cits))
        rows.append(row)
    name = max(names.items(), key=itemgetter(1))[0] if names else ""  # the first of the most frequent
    return [tables.vocabulary(name), rows]


def _columns(frame: pd.DataFrame, names: tuple[str, ...], rows: list[int] | None = None) -> dict[str, list[Any]]:
    """The named columns of ``frame`` as lists, only the rows at ``rows`` (all if None); None for a missing one."""
    out = {}
    for c in names:
        values = frame[c].tolist() if c in frame.columns else [None] * len(frame)
        out[c] = values if rows is None else [values[i] for i in rows]
    return out


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


def _add_symbols(
    tables: SiteTables,
    keys: list[tuple[Any, ...]],
    spots: list[int],
    alliances: list[str],
    kinds: list[str],
    radii: list[Any],
) -> None:
    """Add one symbol per spot and alliance to ``tables.layers``: the vaguest kind, the widest radius (metres)."""
    symbols: dict[tuple[str, int], list[Any]] = {}
    for spot, alliance, kind, radius in zip(spots, alliances, kinds, radii, strict=True):
        symbol = symbols.get((alliance, spot))
        if symbol is None:
            key = keys[spot]
            parts = tables.layers.setdefault(alliance, {"pt": [], "ar": []})
            symbol = [key[1], key[2], 0, kind, spot] if key[0] == "pt" else [key[1], kind, spot]
            parts[key[0]].append(symbol)
            symbols[alliance, spot] = symbol
        elif _VAGUENESS[kind] < _VAGUENESS[symbol[-2]]:
            symbol[-2] = kind
        if len(symbol) == 5:  # a point: [lon, lat, radius_m, kind, spot]
            symbol[2] = max(symbol[2], round(float(radius) * 1000.0) if radius else 0)


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


def _drawn(sites: gpd.GeoDataFrame, tables: SiteTables) -> tuple[np.ndarray, list[str], list[tuple[Any, ...]]]:
    """The positions of the drawn rows, their geometry types and their spots' keys (areas into ``tables``).

    A spot's key is ``("pt", lon, lat)`` (rounded) or ``("ar", area)`` (:func:`area_geometries`' index).
    """
    # The drawn rows by position: only the columns read are filtered, never the whole frame (its nested
    # citation and figure columns make a copy of it a sixth of the build time at 20,000 sites).
    keep = (sites.geometry.notna() & ~sites.geometry.is_empty).to_numpy()
    positions = np.flatnonzero(keep)
    geometry = sites.geometry[keep] if len(positions) < len(sites) else sites.geometry
    if geometry.crs is not None and geometry.crs.to_epsg() != 4326:
        geometry = geometry.to_crs(settings.STORAGE_CRS)
    geom_types = geometry.geom_type.to_numpy()
    is_point = geom_types == "Point"
    points = np.where(is_point, geometry.values, None)
    xs = np.round(shapely.get_x(points), POINT_DECIMALS).tolist()
    ys = np.round(shapely.get_y(points), POINT_DECIMALS).tolist()
    keys: list[tuple[Any, ...]] = [("pt", x, y) for x, y in zip(xs, ys, strict=True)]
    if (~is_point).any():
        refs, tables.geometries = area_geometries(geometry[~is_point])
        for i, ref in zip(np.flatnonzero(~is_point).tolist(), refs, strict=True):
            keys[i] = ("ar", ref)
    return positions, geom_types.tolist(), keys


def _site_tables(sites: gpd.GeoDataFrame) -> SiteTables:
    tables = SiteTables()
    positions, geom_types, keys = _drawn(sites, tables)
    if not len(positions):
        return tables
    spot_of: dict[tuple[Any, ...], int] = {}
    spots = [spot_of.setdefault(key, len(spot_of)) for key in keys]  # in the order places first occur
    columns = _columns(sites, _SITE_COLUMNS, None if len(positions) == len(sites) else positions.tolist())
    ex_ids = [str(x) for x in columns["exercise_id"]]
    first = {ex: i for i, ex in reversed(list(enumerate(ex_ids)))}  # each exercise's first row
    read = tuple(c for c in EXERCISE_COLUMNS if c in sites.columns)
    first_rows = _columns(sites, read, positions[list(first.values())].tolist())
    first_of = zip(*(first_rows[c] for c in read), strict=True)
    shared = SharedText(tables, {ex: dict(zip(read, r, strict=True)) for ex, r in zip(first, first_of, strict=True)})
    place_keys = list(zip(*(_hashables(columns[f]) for f in _PLACE_FIELDS), strict=True))
    starts = [_start_text(x) for x in columns["start_date"]]
    entries_of: list[dict[int, _Entry]] = [{} for _ in spot_of]
    site = shared.site
    rows = zip(spots, starts, ex_ids, columns["citations"], place_keys, strict=True)
    for spot, start, ex_id, citations, place_key in rows:
        e, site_cits, p = site(ex_id, citations, place_key)
        entries = entries_of[spot]
        entry = entries.get(e)
        if entry is None:  # the usual case: one site per exercise and spot
            entries[e] = (start, [p], site_cits)
            continue
        _, places, cits = entry
        if p not in places:
            places.append(p)
        cits.extend(c for c in site_cits if c not in cits)
    names_of: list[dict[str, int]] = [{} for _ in spot_of]
    for spot, name in zip(spots, _place_names(columns), strict=True):
        names_of[spot][name] = names_of[spot].get(name, 0) + 1
    tables.spots = [_spot_row(tables, names, entries) for names, entries in zip(names_of, entries_of, strict=True)]
    alliances = [str(a) for a in columns["alliance"]]
    tables.sites = dict(Counter(alliances))
    kinds = [
        site_kind(g, k, pr) for g, k, pr in zip(geom_types, columns["site_kind"], columns["precision"], strict=True)
    ]
    _add_symbols(tables, list(spot_of), spots, alliances, kinds, [_value(r) for r in columns["precision_km"]])
    return tables
