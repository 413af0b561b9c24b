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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.catalog.sites import POINT_DECIMALS, place_name, site_kind
from geo.core import settings
from geo.core.citations import source_host
from geo.core.values import is_missing
from geo.maps.popup import (
    PLACE_COLUMNS,
    ExerciseFields,
    PlaceFields,
    citation_fields,
    citation_html,
    exercise_fields,
    place_fields,
    place_html,
    source_html,
)
from geo.maps.site_areas import area_geometries

__all__ = [
    "AREA_KINDS",
    "POINT_KINDS",
    "SiteTables",
    "paused_gc",
    "site_key",
    "site_tables",
]

POINT_KINDS: tuple[str, ...] = ("p", "a", "t")
#: The source and quote a citation's HTML is rendered with, to be cut out again (see :meth:`SiteTables.add_citation`).
_STAND_IN = "seed:\u2063source\u2063"
_STAND_IN_HTML = source_html(_STAND_IN)
_QUOTE_STAND_IN = "\u2063quote\u2063"  # html.escape leaves it as it is
#: The citation keys a citation's frame (its markup around the quote and the source) depends on.
_FRAME_KEYS = ("claimed_by", "via", "grade", "grade_text")
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
        The strings: plain text (escaped in the browser), and the escaped HTML of citations and places.
    sources
        Each distinct source: a link as ``[https 1/0, URL after "://", host in the vocabulary]``, whose anchor
        (:func:`geo.maps.popup.source_html`) the browser builds and escapes; anything else as that HTML.
    exercises
        ``[name, alliance, when, when_note, participants, observers, figures, citations, id, figures_note]`` per
        exercise; a figure group is ``[what, differ, [[as_stated, scope, by, official, grade], ...]]`` and a
        citation the HTML of :func:`geo.maps.popup.citation_html` (its ``<li>``, with the grade) as
        ``[frame, quote, source]``: its escaped quote in :attr:`quotes`, its source in :attr:`sources`
        and the markup around them in :attr:`frames`, each once (``[html]`` when it could not be cut out).
    frames
        ``[before quote, between quote and source, after source]`` HTML per distinct grade, claimant and channel.
    quotes
        The escaped text of each distinct quote (packed: as words, :func:`geo.maps.site_pack.packed_json`).
    places
        ``[place, read_as, role, note, geocoded, explanation, nearest, html]`` per distinct place description,
        ``html`` from :func:`geo.maps.popup.place_html`.
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
    exercises: list[list[Any]] = field(default_factory=list)
    sources: list[str | list[Any]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    frames: list[list[str]] = field(default_factory=list)
    places: list[list[int]] = field(default_factory=list)
    geometries: list[dict[str, Any]] = field(default_factory=list)
    spots: list[list[Any]] = field(default_factory=list)
    layers: dict[str, dict[str, list[list[Any]]]] = field(default_factory=dict)
    sites: dict[str, int] = field(default_factory=dict)
    _source_index: dict[str, int] = field(default_factory=dict, repr=False)
    _frame_index: dict[tuple[Any, ...], int] = field(default_factory=dict, repr=False)
    _quote_index: dict[str, int] = field(default_factory=dict, repr=False)

    def counts(self) -> dict[str, int]:
        """Return the number of drawn sites per alliance."""
        return dict(self.sites)

    def symbols(self) -> int:
        """Return the number of symbols drawn (one per spot and alliance)."""
        return sum(len(parts["pt"]) + len(parts["ar"]) for parts in self.layers.values())

    def to_json(self) -> dict[str, Any]:
        """Return the tables as plain JSON data (:func:`geo.maps.site_pack.packed_json`: a large map's)."""
        return {
            "v": self.vocabulary.items,
            "q": self.quotes,
            "src": self.sources,
            "cf": self.frames,
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

    def add_citation(self, exercise: int, citation: Mapping[str, Any]) -> int:
        """Store a citation of an exercise (its :func:`geo.maps.popup.citation_html`); return its index within it.

        The HTML is cut into a frame (the markup and the grade, claimant and channel around the quote and the
        source, rendered once per distinct frame with stand-ins), the escaped quote and the source's HTML:
        ``[frame, quote, source]``, so that ``frame[0] + quote + frame[1] + source + frame[2]`` is the HTML.
        ``[html]`` when the stand-ins cannot be found.
        """
        get = citation.get
        source = get("source", "")
        source = source if type(source) is str else str(source)
        s = self._source_index.get(source)
        if s is None:
            s = self._source_index[source] = len(self.sources)
            self.sources.append(self._source(source))
        key = (get("claimed_by"), get("via"), get("grade"), get("grade_text"))  # _FRAME_KEYS
        f = self._frame_index.get(key)
        if f is None:
            f = self._frame_index[key] = self._add_frame(dict(zip(_FRAME_KEYS, key, strict=True)))
        if f < 0:
            row = [self.vocabulary(citation_html(citation_fields(citation)))]
        else:
            # Keyed by the quote as given: escaping is one-to-one, so equal quotes escape equally, once each.
            quote = get("quote", "")
            quote = quote if type(quote) is str else str(quote)
            q = self._quote_index.get(quote)
            if q is None:
                q = self._quote_index[quote] = len(self.quotes)
                self.quotes.append(escape(quote, quote=True))
            row = [f, q, s]
        citations: list[list[int]] = self.exercises[exercise][7]
        citations.append(row)
        return len(citations) - 1

    def _source(self, source: str) -> str | list[Any]:
        """A source as stored in :attr:`sources`: ``[https, rest, host]`` for a link, else its HTML."""
        host = source_host(source)
        scheme, _, rest = source.partition("://")
        if host is None or rest.startswith("/"):  # "//" after a quote would read as a remote URL (offline.py)
            return source_html(source)
        return [int(scheme == "https"), rest, self.vocabulary(host)]

    def _add_frame(self, frame: dict[str, Any]) -> int:
        """Store the frame of citations with these :data:`_FRAME_KEYS`; return its index (-1: not cut)."""
        html = citation_html(citation_fields({**frame, "quote": _QUOTE_STAND_IN, "source": _STAND_IN}))
        before, found_quote, rest = html.partition(_QUOTE_STAND_IN)
        middle, found_source, after = rest.partition(_STAND_IN_HTML)
        if not (found_quote and found_source) or _QUOTE_STAND_IN in after or _STAND_IN_HTML in after:
            return -1
        self.frames.append([before, middle, after])
        return len(self.frames) - 1

    def add_place(self, fields: PlaceFields) -> int:
        """Store a place description; return its index."""
        v = self.vocabulary
        keys = ("place", "read_as", "role", "note", "geocoded", "explanation", "nearest")
        self.places.append([*(v(fields[k]) for k in keys), v(place_html(fields))])  # type: ignore[literal-required]
        return len(self.places) - 1


class _SharedText:
    """Interns exercise facts, places and citations so that each is sent once however many sites share it.

    Per site, only dictionary look-ups: an exercise's fields are computed from its first row, a citation's
    and a place's from their first occurrence (the per-site work is what makes 20,000 sites slow).
    """

    def __init__(self, tables: SiteTables, first_rows: dict[str, dict[str, Any]]) -> None:
        self.tables = tables
        self.first_rows = first_rows
        self.exercise_ids: dict[str, int] = {}
        self.exercise_cits: list[dict[str, int]] = []
        self.site_cits: dict[tuple[int, tuple[str, ...]], list[int]] = {}
        self.place_ids: dict[tuple[Any, ...], int] = {}

    def exercise(self, ex_id: str) -> int:
        """Return the index of an exercise in the tables (adding it from its first row)."""
        e = self.exercise_ids.get(ex_id)
        if e is None:
            e = self.exercise_ids[ex_id] = self.tables.add_exercise(exercise_fields(self.first_rows[ex_id]))
            self.exercise_cits.append({})
        return e

    def citations(self, e: int, citations: Any) -> list[int]:
        """Return the indexes (within exercise ``e``) of a site's citations, adding new ones (do not change it).

        The sites of an exercise mostly cite the same ids: their indexes are looked up once per list of ids.
        """
        ids = tuple([str(cit.get("id")) for cit in citations]) if citations else ()
        site_cits = self.site_cits.get((e, ids))
        if site_cits is None:
            cit_index = self.exercise_cits[e]
            site_cits = []
            for cid, cit in zip(ids, citations or (), strict=True):
                c = cit_index.get(cid)
                if c is None:
                    c = cit_index[cid] = self.tables.add_citation(e, cit)
                site_cits.append(c)
            self.site_cits[e, ids] = site_cits
        return site_cits

    def place(self, key: tuple[Any, ...]) -> int:
        """Return the index of a place description (its :data:`_PLACE_FIELDS` values) in the tables."""
        p = self.place_ids.get(key)
        if p is None:
            p = self.place_ids[key] = self.tables.add_place(place_fields(dict(zip(_PLACE_FIELDS, key, strict=True))))
        return p


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
    shared = _SharedText(tables, dict(zip(first, first_rows, strict=True)))
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
