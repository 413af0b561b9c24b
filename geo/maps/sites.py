"""Exercise sites on the map: compact tables in the map script, one GeoJSON layer per alliance.

Size matters (a map of 20,000 sites must stay small and fast to build), so nothing is repeated:

* the popup text (:mod:`geo.maps.popup` fields) is shipped as data, not as HTML, and every string
  once (:attr:`SiteTables.vocabulary`); the browser renders and escapes it when a popup opens, with
  the markup of :func:`geo.maps.popup.popup_html`;
* each exercise's fields and quoted sources are stored once (:attr:`SiteTables.exercises`), each
  distinct place description once (:attr:`SiteTables.places`), each distinct area geometry once,
  simplified in EPSG:3035 and rounded (:attr:`SiteTables.geometries`);
* a site is then a short row: ``[lon, lat, exercise, place, radius_m, kind(, sources)]`` for a point,
  ``[geometry, exercise, place, kind(, sources)]`` for an area.

In the browser, :class:`SiteIndex` turns the rows back into GeoJSON features, styles them by kind,
and builds each tooltip and popup only when it is shown.

Kinds (how a site is drawn, so that a vague place never looks precise):

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

from dataclasses import dataclass, field
from typing import Any, ClassVar

import geopandas as gpd
import jinja2
import numpy as np
import shapely
from shapely.geometry import mapping

from geo.catalog.sites import NATO_DISTANCE_COLUMNS, located, site_kind
from geo.core import settings
from geo.core.values import is_missing
from geo.maps.datastore import ScriptElement, script_json
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
    "SiteIndex",
    "SiteTables",
    "site_key",
    "site_tables",
]

POINT_KINDS: tuple[str, ...] = ("p", "a", "t")
AREA_KINDS: tuple[str, ...] = ("r", "b", "c")
#: Simplification of site areas for display (metres): below a pixel at the zooms regions are read at.
SITE_SIMPLIFY_M = 500.0
#: Decimals of point coordinates (about 10 m).
POINT_DECIMALS = 4

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
        ``[name, alliance, when, when_note, participants, observers, figures, citations]`` per exercise;
        a figure group is ``[what, differ, [[as_stated, scope, by, official], ...]]`` and a citation
        ``[quote, source index, claimed_by, via]`` (see :mod:`geo.maps.popup`).
    places
        ``[place, read_as, role, note, geocoded, explanation, nearest]`` per distinct place description.
    geometries
        GeoJSON geometry per distinct area.
    layers
        Alliance -> ``{"pt": point rows, "ar": area rows}``.
    """

    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    sources: list[str] = field(default_factory=list)
    exercises: list[list[Any]] = field(default_factory=list)
    places: list[list[int]] = field(default_factory=list)
    geometries: list[dict[str, Any]] = field(default_factory=list)
    layers: dict[str, dict[str, list[list[Any]]]] = field(default_factory=dict)
    _source_index: dict[str, int] = field(default_factory=dict, repr=False)

    def counts(self) -> dict[str, int]:
        """Return the number of drawn sites per alliance."""
        return {a: len(parts["pt"]) + len(parts["ar"]) for a, parts in self.layers.items()}

    def to_json(self) -> dict[str, Any]:
        """Return the tables as plain JSON data."""
        return {
            "v": self.vocabulary.items,
            "src": self.sources,
            "ex": self.exercises,
            "pl": self.places,
            "geoms": self.geometries,
            "layers": self.layers,
        }

    def add_exercise(self, fields: ExerciseFields) -> int:
        """Store an exercise's popup fields; return its index."""
        v = self.vocabulary
        figures = [
            [
                v(f["what"]),
                int(f["differ"]),
                [[v(c["as_stated"]), v(c["scope"]), v(c["by"]), int(c["official"])] for c in f["claims"]],
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
            [v(fields["quote"]), self._source_index[fields["source"]], v(fields["claimed_by"]), v(fields["via"])]
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
    wkb = shapely.to_wkb(areas.geometry.values)
    first: dict[bytes, int] = {}
    refs: list[int] = []
    for blob in wkb:
        refs.append(first.setdefault(blob, len(first)))
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


def site_tables(sites: gpd.GeoDataFrame) -> SiteTables:
    """Build the compact tables of the drawable sites of a sites frame.

    Parameters
    ----------
    sites
        Rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326); rows without geometry are skipped.

    Returns
    -------
    SiteTables
        Tables whose rows follow the order of ``sites``.
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
    rows_of: list[tuple[list[Any], int]] = []
    records = drawn.drop(columns=drawn.geometry.name).to_dict("records")
    for i, row in enumerate(records):
        e, p, site_cits = shared.refs(row)
        kind = site_kind(str(geom_types[i]), row.get("site_kind"), row.get("precision"))
        parts = tables.layers.setdefault(str(row["alliance"]), {"pt": [], "ar": []})
        if is_point[i]:
            radius_km = _value(row.get("precision_km"))
            radius_m = round(float(radius_km) * 1000.0) if radius_km else 0
            out: list[Any] = [float(xs[i]), float(ys[i]), e, p, radius_m, kind]
            parts["pt"].append(out)
        else:
            out = [area_refs[i], e, p, kind]
            parts["ar"].append(out)
        out.append(site_cits)
        rows_of.append((out, e))

    # A site usually cites all of its exercise's sources, in order: then the list is left out.
    for out, e in rows_of:
        if out[-1] == list(range(len(tables.exercises[e][7]))):
            out.pop()
    return tables


class SiteIndex(ScriptElement):
    """The site tables and the browser-side functions that draw, style and describe sites.

    In the map script it defines a variable with ``features(alliance, part)`` (a FeatureCollection
    for :class:`geo.maps.datastore.LayerData`), ``style(colour, layer)`` (a Leaflet style function),
    ``bind(feature, layer)`` (tooltip and popup, built on demand) and ``rows`` (the raw tables).

    Parameters
    ----------
    tables
        The compact tables (:func:`site_tables`).
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (D) {
    var S = {rows: D};
    var V = D.v;
    var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"};
    function t(i) { return i < 0 ? "" : V[i]; }
    function esc(i) { return t(i).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
    S.features = function (alliance, part) {
        var rows = (D.layers[alliance] || {})[part] || [];
        var features = rows.map(function (r) {
            if (part === "pt") {
                return {type: "Feature", geometry: {type: "Point", coordinates: [r[0], r[1]]},
                        properties: {e: r[2], p: r[3], r: r[4], k: r[5], c: r[6]}};
            }
            return {type: "Feature", geometry: D.geoms[r[0]], properties: {e: r[1], p: r[2], k: r[3], c: r[4]}};
        });
        return {type: "FeatureCollection", features: features};
    };
    var STYLES = {{ this.styles }};
    S.style = function (colour, layer) {
        return function (feature) {
            var base = STYLES[layer === "uncertainty" ? "u" : feature.properties.k] || {};
            var style = {color: colour, fillColor: colour};
            for (var key in base) { style[key] = base[key]; }
            if (layer === "uncertainty") { style.radius = feature.properties.r; }
            return style;
        };
    };
    // The markup below mirrors geo/map_popup.py (tooltip_html, exercise_html, place_html, citation_html).
    S.tooltip = function (p) {
        var ex = D.ex[p.e];
        return "<b>" + esc(ex[0]) + "</b> · " + esc(ex[2]) + " · " + esc(ex[1]) +
            "<div class='dm-tip-place'>" + esc(D.pl[p.p][0]) + "</div>";
    };
    function figures(groups) {
        if (!groups.length) { return "<p class='dm-none'>No troop or equipment figures reported.</p>"; }
        return "<div class='dm-figures'>" + groups.map(function (g) {
            var boxes = g[2].map(function (c) {
                return "<div class='dm-claim'><b>" + esc(c[0]) + "</b>" +
                    (c[1] >= 0 ? "<div class='dm-scope'>" + esc(c[1]) + "</div>" : "") +
                    "<div class='dm-by'>— " + esc(c[2]) + (c[3] ? " <span class='dm-official'>official</span>" : "") +
                    "</div></div>";
            }).join("");
            return "<div class='dm-fig'><div class='dm-fig-what'>" + esc(g[0]) +
                (g[1] ? " <span class='dm-differ'>sources differ</span>" : "") + "</div><div class='dm-claims'>" +
                boxes + "</div></div>";
        }).join("") + "</div>";
    }
    function exercise(ex) {
        return "<div class='dm-head'><span class='dm-name'>" + esc(ex[0]) + "</span><span class='dm-chip'>" +
            esc(ex[1]) + "</span></div><div class='dm-when'>" + esc(ex[2]) +
            (ex[3] >= 0 ? " <span class='dm-muted'>(" + esc(ex[3]) + ")</span>" : "") + "</div>" +
            "<div><span class='dm-key'>Participants</span> " + esc(ex[4]) + "</div>" +
            (ex[5] >= 0 ? "<div><span class='dm-key'>Observers</span> " + esc(ex[5]) + "</div>" : "") +
            "<div class='dm-section'>Troops and equipment, as claimed</div>" + figures(ex[6]);
    }
    function place(pl) {
        return "<div class='dm-section'>Place</div><div><span class='dm-key'>As written</span> “" + esc(pl[0]) + "”" +
            (pl[1] >= 0 ? " <span class='dm-muted'>read as " + esc(pl[1]) + "</span>" : "") + "</div>" +
            (pl[2] >= 0 ? "<div><span class='dm-key'>Role</span> " + esc(pl[2]) + "</div>" : "") +
            (pl[3] >= 0 ? "<div class='dm-muted'>" + esc(pl[3]) + "</div>" : "") +
            "<div><span class='dm-key'>Geocoded</span> " + esc(pl[4]) + "</div>" +
            (pl[5] >= 0 ? "<div class='dm-explain'>" + esc(pl[5]) + "</div>" : "") +
            "<div><span class='dm-key'>Nearest NATO</span> " + esc(pl[6]) + "</div>";
    }
    function citation(c) {
        var src = D.src[c[1]];  // pre-escaped link or seed name
        var extra = [];
        if (c[2] >= 0) { extra.push("claimed by " + t(c[2])); }
        if (c[3] >= 0) { extra.push("via " + t(c[3])); }
        var tail = extra.length
            ? " <span class='dm-muted'>· " + extra.join(" · ").replace(/[&<>"']/g, function (ch) { return ESC[ch]; }) +
              "</span>"
            : "";
        return "<li><q class='dm-quote'>" + esc(c[0]) + "</q> <span class='dm-src'>— " + src + "</span>" +
            tail + "</li>";
    }
    S.popup = function (p) {
        var ex = D.ex[p.e];
        var shown = p.c ? p.c.map(function (i) { return ex[7][i]; }) : ex[7];
        return "<div class='dm-popup'>" + exercise(ex) + place(D.pl[p.p]) + "<div class='dm-section'>Sources (" +
            shown.length + ")</div><ul class='dm-sources'>" + shown.map(citation).join("") + "</ul></div>";
    };
    S.bind = function (feature, layer) {
        var p = feature.properties;
        layer.bindTooltip(function () { return S.tooltip(p); },
                          {sticky: true, direction: "top", className: "dm-tooltip"});
        layer.bindPopup(function () { return S.popup(p); },
                        {maxWidth: 460, minWidth: 300, maxHeight: 380, className: "dm-popup-wrap",
                         autoPanPaddingTopLeft: [50, 20], autoPanPaddingBottomRight: [50, 20]});
    };
    return S;
})({{ this.payload }});
{% endmacro %}"""
    )

    #: Leaflet path styles per kind; ``u`` is the uncertainty circle. Colours come from the alliance.
    STYLES: ClassVar[dict[str, dict[str, Any]]] = {
        "p": {"radius": 6, "weight": 1.5, "color": "#ffffff", "fill": True, "fillOpacity": 1.0},
        "a": {"radius": 6, "weight": 1.5, "color": "#ffffff", "fill": True, "fillOpacity": 0.8},
        "t": {"radius": 5, "weight": 2.5, "fill": True, "fillColor": "#ffffff", "fillOpacity": 1.0},
        "r": {"weight": 1.3, "fillOpacity": 0.08},
        "b": {"weight": 1.3, "fillOpacity": 0.12, "dashArray": "6 4"},
        "c": {"weight": 1.2, "fillOpacity": 0.04, "dashArray": "2 5"},
        "u": {"weight": 1, "opacity": 0.6, "fill": True, "fillOpacity": 0.05, "dashArray": "3 4"},
    }

    def __init__(self, tables: SiteTables) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "SiteIndex"
        self.tables = tables

    @property
    def payload(self) -> str:
        """The tables as script-safe JSON."""
        return script_json(self.tables.to_json())

    @property
    def styles(self) -> str:
        """The per-kind styles as script-safe JSON."""
        return script_json(self.STYLES)
