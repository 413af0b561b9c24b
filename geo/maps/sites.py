"""Exercise sites on the map: compact tables in the map script, one symbol per place and alliance.

Many exercises share one place (four at the Brestsky range, five at Orzysz). The map draws each distinct
place (same point, or same area geometry) once per alliance layer, with the number of exercises there,
and its popup lists every exercise at that place in the current selection, newest first.

Size matters (a map of 20,000 sites must stay small and fast to build), so nothing is repeated:

* the popup text (:mod:`geo.maps.popup` fields) is shipped as data, not as HTML, and every string
  once (:attr:`SiteTables.vocabulary`); the browser renders and escapes it when a popup opens, with
  the markup of :func:`geo.maps.popup.spot_popup_html` (see :mod:`geo.maps.site_index`);
* each exercise's fields and quoted sources are stored once (:attr:`SiteTables.exercises`), each
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

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo.catalog.sites import NATO_DISTANCE_COLUMNS, POINT_DECIMALS, located, place_name, site_kind
from geo.core import settings
from geo.core.values import is_missing
from geo.maps.popup import (
    CitationFields,
    ExerciseFields,
    PlaceFields,
    citation_fields,
    exercise_fields,
    place_fields,
    source_html,
)
from geo.maps.reference import display_geometry

__all__ = [
    "AREA_KINDS",
    "POINT_KINDS",
    "SITE_SIMPLIFY_M",
    "SiteTables",
    "site_key",
    "site_tables",
]

POINT_KINDS: tuple[str, ...] = ("p", "a", "t")
AREA_KINDS: tuple[str, ...] = ("r", "b", "c")
#: Simplification of site areas for display (metres): below a pixel at the zooms regions are read at.
SITE_SIMPLIFY_M = 500.0
#: Kinds from the vaguest to the most precise: a spot shared by sites of several kinds is drawn as the vaguest.
_VAGUEST_FIRST: tuple[str, ...] = ("c", "b", "r", "a", "t", "p")

_PLACE_FIELDS: tuple[str, ...] = (
    "place_text",
    "resolve_as",
    "site_role",
    "site_note",
    "site_kind",
    "precision",
    "precision_km",
    "confidence",
    "geocode_explanation",
    *NATO_DISTANCE_COLUMNS,
)


def site_key(exercise_id: str, site_index: int) -> str:
    """Return the stable key of one site, ``"<exercise id>:<site index>"`` (used in URLs)."""
    return f"{exercise_id}:{int(site_index)}"


def _value(value: Any) -> Any:
    return None if is_missing(value) else value


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else _value(value)


class Vocabulary:
    """Strings stored once, referred to by index (``-1`` for "none")."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        """Return the index of ``text`` (adding it), or -1 for None."""
        if text is None:
            return -1
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


@dataclass
class SiteTables:
    """The compact site tables of one map (see the module docstring).

    Every string is an index into :attr:`vocabulary`; ``-1`` means "none", booleans are 0/1.

    Attributes
    ----------
    vocabulary
        The strings (plain text, escaped in the browser).
    sources
        HTML of each distinct source (:func:`geo.maps.popup.source_html`, escaped in Python: a link
        must stay recognisable as a link, see :func:`geo.maps.offline.remote_urls`).
    exercises
        ``[name, alliance, when, when_note, participants, observers, figures, citations, id, figures_note]`` per
        exercise;
        a figure group is ``[what, differ, [[as_stated, scope, by, official, grade], ...]]`` and a citation
        ``[quote, source index, claimed_by, via, grade, grade_text]`` (see :mod:`geo.maps.popup`).
    places
        ``[place, read_as, role, note, geocoded, explanation, nearest]`` per distinct place description.
    geometries
        GeoJSON geometry per distinct area.
    spots
        ``[name, entries]`` per distinct place drawn (same point or same area geometry): its name
        (:func:`geo.catalog.sites.place_name`) and one entry per exercise there, newest first,
        ``[exercise, [place description, ...](, [citation, ...])]``; the citations are left out when the
        entry cites all of its exercise's sources, in order.
    layers
        Alliance -> ``{"pt": [[lon, lat, radius_m, kind, spot], ...], "ar": [[geometry, kind, spot], ...]}``,
        one symbol per spot that has sites of that alliance.
    sites
        Alliance -> number of sites drawn (the legend's counts).
    """

    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    sources: list[str] = field(default_factory=list)
    exercises: list[list[Any]] = field(default_factory=list)
    places: list[list[int]] = field(default_factory=list)
    geometries: list[dict[str, Any]] = field(default_factory=list)
    spots: list[list[Any]] = field(default_factory=list)
    layers: dict[str, dict[str, list[list[Any]]]] = field(default_factory=dict)
    sites: dict[str, int] = field(default_factory=dict)
    _source_index: dict[str, int] = field(default_factory=dict, repr=False)

    def counts(self) -> dict[str, int]:
        """Return the number of drawn sites per alliance."""
        return dict(self.sites)

    def symbols(self) -> int:
        """Return the number of symbols drawn (one per spot and alliance)."""
        return sum(len(parts["pt"]) + len(parts["ar"]) for parts in self.layers.values())

    def to_json(self) -> dict[str, Any]:
        """Return the tables as plain JSON data."""
        return {
            "v": self.vocabulary.items,
            "src": self.sources,
            "ex": self.exercises,
            "pl": self.places,
            "geoms": self.geometries,
            "sp": self.spots,
            "layers": self.layers,
        }

    def add_exercise(self, fields: ExerciseFields) -> int:
        """Store an exercise's popup fields; return its index."""
        v = self.vocabulary
        figures = [
            [
                v(f["what"]),
                int(f["differ"]),
                [
                    [v(c["as_stated"]), v(c["scope"]), v(c["by"]), int(c["official"]), v(c["grade"])]
                    for c in f["claims"]
                ],
            ]
            for f in fields["figures"]
        ]
        self.exercises.append(
            [
                v(fields["name"]),
                v(fields["alliance"]),
                v(fields["when"]),
                v(fields["when_note"] or None),
                v(fields["participants"]),
                v(fields["observers"] or None),
                figures,
                [],
                v(fields["id"]),
                v(fields["figures_note"]),
            ]
        )
        return len(self.exercises) - 1

    def add_citation(self, exercise: int, fields: CitationFields) -> int:
        """Store a citation of an exercise; return its index within the exercise."""
        v = self.vocabulary
        if fields["source"] not in self._source_index:
            self._source_index[fields["source"]] = len(self.sources)
            self.sources.append(source_html(fields["source"]))
        citations: list[list[int]] = self.exercises[exercise][7]
        citations.append(
            [
                v(fields["quote"]),
                self._source_index[fields["source"]],
                v(fields["claimed_by"]),
                v(fields["via"]),
                v(fields["grade"]),
                v(fields["grade_text"]),
            ]
        )
        return len(citations) - 1

    def add_place(self, fields: PlaceFields) -> int:
        """Store a place description; return its index."""
        v = self.vocabulary
        keys = ("place", "read_as", "role", "note", "geocoded", "explanation", "nearest")
        self.places.append([v(fields[k]) for k in keys])  # type: ignore[literal-required]
        return len(self.places) - 1


def _area_geometries(areas: gpd.GeoDataFrame) -> tuple[list[int], list[dict[str, Any]]]:
    """Deduplicate area geometries (by WKB) and simplify each distinct one once."""
    # Sites of one area usually share the geometry object itself: write each object's WKB once.
    geoms = areas.geometry.to_numpy()
    by_object: dict[int, int] = {}
    for i, g in enumerate(geoms):
        by_object.setdefault(id(g), i)
    wkb_of = dict(zip(by_object, shapely.to_wkb(geoms[list(by_object.values())]), strict=True))
    first: dict[bytes, int] = {}
    refs: list[int] = []
    for g in geoms:
        refs.append(first.setdefault(wkb_of[id(g)], len(first)))
    unique = gpd.GeoSeries(shapely.from_wkb(list(first)), crs=areas.crs or settings.STORAGE_CRS)
    shown = display_geometry(unique, tolerance_m=SITE_SIMPLIFY_M)
    geometries = [mapping(g) if g is not None else {"type": "Polygon", "coordinates": []} for g in shown]
    return refs, geometries


class _SharedText:
    """Interns exercise facts, places and citations so that each is sent once however many sites share it."""

    def __init__(self, tables: SiteTables) -> None:
        self.tables = tables
        self.exercise_ids: dict[str, int] = {}
        self.exercise_cits: list[dict[str, int]] = []
        self.place_ids: dict[tuple[Any, ...], int] = {}

    def refs(self, row: dict[str, Any]) -> tuple[int, int, list[int]]:
        """Return the indexes of the row's exercise, its place and its citations in the tables."""
        ex_id = str(row["exercise_id"])
        if ex_id not in self.exercise_ids:
            self.exercise_ids[ex_id] = self.tables.add_exercise(exercise_fields(row))
            self.exercise_cits.append({})
        e = self.exercise_ids[ex_id]
        cit_index = self.exercise_cits[e]
        site_cits = []
        for cit in row.get("citations") or []:
            cid = str(cit.get("id"))
            if cid not in cit_index:
                cit_index[cid] = self.tables.add_citation(e, citation_fields(cit))
            site_cits.append(cit_index[cid])
        place_key = tuple(_hashable(row.get(f)) for f in _PLACE_FIELDS)
        if place_key not in self.place_ids:
            self.place_ids[place_key] = self.tables.add_place(place_fields(row))
        return e, self.place_ids[place_key], site_cits


@dataclass
class _Spot:
    """One distinct place while the tables are built: its names and the exercises there."""

    index: int
    names: Counter[str] = field(default_factory=Counter)
    entries: dict[int, tuple[str, list[int], list[int]]] = field(default_factory=dict)

    def add(self, exercise: int, start: str, place: int, citations: list[int]) -> None:
        """Add one site of ``exercise`` (started on ``start``, ISO text) at this spot."""
        _, places, cits = self.entries.setdefault(exercise, (start, [], []))
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


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``frame.to_dict("records")``, the same values, four times faster: one ``tolist()`` per column."""
    columns = list(frame.columns)
    rows = zip(*(frame[c].tolist() for c in columns), strict=True)
    return [dict(zip(columns, values, strict=True)) for values in rows]


def _start_text(value: Any) -> str:
    """ISO text of a start date for sorting (``""``, sorted last, when missing)."""
    value = _value(value)
    return "" if value is None else str(value)[:10]


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
    drawn = located(sites)
    tables = SiteTables()
    if drawn.empty:
        return tables
    if drawn.crs is not None and drawn.crs.to_epsg() != 4326:
        drawn = drawn.to_crs(settings.STORAGE_CRS)
    geom_types = drawn.geometry.geom_type.to_numpy()
    is_point = geom_types == "Point"
    xs = np.round(shapely.get_x(np.where(is_point, drawn.geometry.values, None)), POINT_DECIMALS)
    ys = np.round(shapely.get_y(np.where(is_point, drawn.geometry.values, None)), POINT_DECIMALS)
    area_refs: dict[int, int] = {}
    if (~is_point).any():
        refs, tables.geometries = _area_geometries(drawn[~is_point])
        area_refs = dict(zip(np.flatnonzero(~is_point).tolist(), refs, strict=True))

    shared = _SharedText(tables)
    spots: dict[tuple[Any, ...], _Spot] = {}
    symbols: dict[tuple[str, tuple[Any, ...]], list[Any]] = {}
    records = _records(drawn.drop(columns=drawn.geometry.name))
    for i, row in enumerate(records):
        e, p, site_cits = shared.refs(row)
        kind = site_kind(str(geom_types[i]), row.get("site_kind"), row.get("precision"))
        alliance = str(row["alliance"])
        key: tuple[Any, ...] = ("pt", float(xs[i]), float(ys[i])) if is_point[i] else ("ar", area_refs[i])
        spot = spots.setdefault(key, _Spot(len(spots)))
        spot.names[place_name(row)] += 1
        spot.add(e, _start_text(row.get("start_date")), p, site_cits)
        tables.sites[alliance] = tables.sites.get(alliance, 0) + 1
        symbol = symbols.get((alliance, key))
        if symbol is None:
            parts = tables.layers.setdefault(alliance, {"pt": [], "ar": []})
            symbol = [key[1], key[2], 0, kind, spot.index] if is_point[i] else [key[1], kind, spot.index]
            parts["pt" if is_point[i] else "ar"].append(symbol)
            symbols[(alliance, key)] = symbol
        elif _VAGUEST_FIRST.index(kind) < _VAGUEST_FIRST.index(symbol[-2]):
            symbol[-2] = kind
        if is_point[i]:
            radius_km = _value(row.get("precision_km"))
            symbol[2] = max(symbol[2], round(float(radius_km) * 1000.0) if radius_km else 0)
    tables.spots = [spot.row(tables) for spot in spots.values()]
    return tables
