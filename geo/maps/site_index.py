"""The browser side of the site tables: symbols, clusters, tooltips, popups and keyboard access.

:class:`SiteIndex` puts the tables of :func:`geo.maps.sites.site_tables` in the map script, with the
functions that draw them:

* one ``L.marker`` (a ``divIcon`` dot styled by kind, with the number of exercises when more than one)
  per place and alliance, in a shared ``L.markerClusterGroup`` (the vendored, maintained Leaflet
  plugin, see ``static/README.md``): symbols that overlap at the current zoom are grouped into a
  cluster showing the number of exercises, coloured by the alliances it holds; places shared by two
  alliances are spiderfied at the last zoom. Each alliance's markers are an ``L.featureGroup.subGroup``
  of that cluster group, so the layer control still shows and hides one alliance;
* the uncertainty circle of each point place, an ``L.circle`` of the stated radius **in metres** (so it
  keeps its true size at every zoom), dashed and translucent; for a very large selection (over 2,000
  circles in an alliance) only the circles in view are drawn, and none until the view holds 2,000 or fewer,
  so that 100,000 sites still pan and zoom (the markers are clustered in 200 ms slices meanwhile);
* regions, border strips and countries as translucent polygons;
* for a large selection (over :data:`PACK_ABOVE_SITES` sites), the tables ship gzipped (in base 85,
  :mod:`geo.maps.site_pack`) and are inflated by the browser before anything is drawn (a map of 20,000 sites is
  about 3.5 times smaller);
* tooltips and popups built from the tables only when shown (:func:`geo.maps.popup.spot_popup_html` is
  the same markup in Python; a browser test checks they agree): places and citations are the HTML that
  :mod:`geo.maps.popup` rendered and escaped (a citation as its frame, escaped quote and source, joined
  here: :meth:`geo.maps.site_text.SiteTables.add_citation`); a link's anchor (its URL and host) and the
  exercise's facts are escaped here.

Keyboard: markers and clusters are focusable (Tab), area polygons get ``tabindex="0"``; Enter opens a
place's popup (or zooms into / spiderfies a cluster) and moves the focus to the popup's first link; Esc
closes the popup and gives the focus back to the symbol it belongs to.
"""

from __future__ import annotations

from typing import Any, ClassVar, Final

import folium
import jinja2

from geo.core.symbology import AREA_FILL_STRENGTH, area_fill
from geo.maps.datastore import UNDELTA_JS, ScriptElement, delta_geometry, parsed_json, script_json
from geo.maps.site_pack import PACK_ALPHABET, UNPACK_JS, pack_tables, packed_json
from geo.maps.sites import SiteTables, paused_gc

__all__ = ["PACK_ABOVE_SITES", "AllianceSites", "SiteCluster", "SiteIndex"]

#: Above this many sites drawn, the site tables ship gzipped and in base 85 (:mod:`geo.maps.site_pack`), and the
#: browser inflates them (``DecompressionStream``, native in every current browser) before drawing: the text of
#: thousands of exercises (quotes, sources, figures) is most of a large map, and compresses about fourfold.
#: Below it (the real catalog), the tables are plain JSON and everything is drawn as the page loads.
PACK_ABOVE_SITES: Final = 1_000
_SCRIPT = """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (D, STYLES, LINK) {
    var undelta = {{ this.undelta }};  // area geometries come delta-coded (geo.maps.datastore.delta_geometry)
    var unpackTables = {{ this.unpack_tables }};  // quotes and citations re-coded (geo.maps.site_pack)
    function unpack(text, n) {  // pack_text in geo/maps/site_pack.py: 5 characters per 4 bytes, big-endian
        var A = {{ this.alphabet }}, value = new Uint8Array(128), out = new Uint8Array(Math.ceil(n / 4) * 4);
        for (var a = 0; a < 85; a++) { value[A.charCodeAt(a)] = a; }
        for (var i = 0, o = 0; o < n; i += 5, o += 4) {
            var v = 0;
            for (var j = i; j < i + 5; j++) { v = v * 85 + (j < text.length ? value[text.charCodeAt(j)] : 84); }
            out[o] = Math.floor(v / 16777216) % 256; out[o + 1] = Math.floor(v / 65536) % 256;
            out[o + 2] = Math.floor(v / 256) % 256; out[o + 3] = v % 256;
        }
        return out.subarray(0, n);
    }
    var S = {rows: D, groups: [], pending: null};
    var V = D.v;
    // A large selection comes gzipped (base85, see pack_text): inflate it natively, then draw.
    if (D.gz85 !== undefined) {
        var bytes = unpack(D.gz85, D.n);
        var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        S.pending = new Response(inflated).text().then(function (text) {
            D = unpackTables(JSON.parse(text)); V = D.v; S.rows = D; S.pending = null;
            D.geoms.forEach(undelta);
        });
    } else {
        D.geoms.forEach(undelta);
    }
    var ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"};
    function t(i) { return i < 0 ? "" : V[i]; }
    function escText(s) { return String(s).replace(/[&<>"']/g, function (c) { return ESC[c]; }); }
    function esc(i) { return escText(t(i)); }
    function grade(code, title) {  // grade_html in geo/maps/popup.py
        var hover = title === undefined ? "Admiralty grade of the supporting source: " + code : title;
        return " <span class='dm-grade' title='" + escText(hover) + "'>" + escText(code) + "</span>";
    }
    function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

    // --- Popups: the markup of geo/maps/popup.py (spot_popup_html and the functions it calls) ---------
    function figures(groups, note) {
        if (!groups.length) { return "<p class='dm-none'>" + esc(note) + "</p>"; }
        return "<div class='dm-figures'>" + groups.map(function (g) {
            var boxes = g[2].map(function (c) {
                return "<div class='dm-claim'><b>" + esc(c[0]) + "</b>" +
                    (c[1] >= 0 ? "<div class='dm-scope'>" + esc(c[1]) + "</div>" : "") +
                    "<div class='dm-by'>— " + esc(c[2]) + (c[3] ? " <span class='dm-official'>official</span>" : "") +
                    grade(t(c[4])) + "</div></div>";
            }).join("");
            return "<div class='dm-fig'><div class='dm-fig-what'>" + esc(g[0]) +
                (g[1] ? " <span class='dm-differ'>sources differ</span>" : "") + "</div><div class='dm-claims'>" +
                boxes + "</div></div>";
        }).join("") + "</div>";
    }
    function name(ex) {
        if (LINK === null) { return "<span class='dm-name'>" + esc(ex[0]) + "</span>"; }
        var href = escText(LINK + "?exercise=" + encodeURIComponent(t(ex[8])));
        return "<a class='dm-name' href='" + href + "' target='_blank' rel='noopener' " +
            "title='Open in the Exercises page (new tab)'>" + esc(ex[0]) + "</a>";
    }
    function exercise(ex) {
        return "<div class='dm-head'>" + name(ex) + "<span class='dm-chip'>" +
            esc(ex[1]) + "</span></div><div class='dm-when'>" + esc(ex[2]) +
            (ex[3] >= 0 ? " <span class='dm-muted'>(" + esc(ex[3]) + ")</span>" : "") + "</div>" +
            "<div><span class='dm-key'>Participants</span> " + esc(ex[4]) + "</div>" +
            (ex[5] >= 0 ? "<div><span class='dm-key'>Observers</span> " + esc(ex[5]) + "</div>" : "") +
            "<div class='dm-section'>Troops and equipment, as claimed</div>" + figures(ex[6], ex[9]);
    }
    // Places and citations come as HTML rendered and escaped by popup.place_html and popup.citation_html.
    function place(pl) { return V[pl[7]]; }
    function source(i) {  // popup.source_html: [https, rest of the URL, host] for a link, else its HTML
        var x = D.src[i];
        if (typeof x === "string") { return x; }
        return '<a href="' + escText((x[0] ? "https://" : "http://") + x[1]) +
            '" target="_blank" rel="noopener noreferrer">' + esc(x[2]) + "</a>";
    }
    function citation(c) {  // [frame, quote, source]: see SiteTables.add_citation in geo/maps/site_text.py
        if (c.length === 1) { return V[c[0]]; }
        var f = D.cf[c[0]];
        return f[0] + D.q[c[1]] + f[1] + source(c[2]) + f[2];
    }
    function entry(en) {
        var ex = D.ex[en[0]];
        var shown = en.length > 2 ? en[2].map(function (i) { return ex[7][i]; }) : ex[7];
        return exercise(ex) + en[1].map(function (p) { return place(D.pl[p]); }).join("") +
            "<div class='dm-section'>Sources (" + shown.length + ")</div><ul class='dm-sources'>" +
            shown.map(citation).join("") + "</ul>";
    }
    S.popup = function (s) {
        var spot = D.sp[s], entries = spot[1];
        if (entries.length === 1) { return "<div class='dm-popup'>" + entry(entries[0]) + "</div>"; }
        return "<div class='dm-popup'><div class='dm-spot'>" + esc(spot[0]) + " — " + entries.length +
            " exercises, newest first</div>" + entries.map(function (en) {
                return "<div class='dm-entry'>" + entry(en) + "</div>";
            }).join("") + "</div>";
    };

    // --- Tooltips and labels ------------------------------------------------------------------------
    function byAlliance(s) {
        var out = {};
        D.sp[s][1].forEach(function (en) { var a = t(D.ex[en[0]][1]); out[a] = (out[a] || 0) + 1; });
        return out;
    }
    S.label = function (s) {  // plain text, for screen readers
        var spot = D.sp[s], entries = spot[1];
        if (entries.length === 1) {
            var ex = D.ex[entries[0][0]];
            return t(spot[0]) + ": " + t(ex[0]) + ", " + t(ex[2]) + ", " + t(ex[1]);
        }
        return t(spot[0]) + " — " + plural(entries.length, "exercise");
    };
    S.tooltip = function (s) {
        var spot = D.sp[s], entries = spot[1];
        if (entries.length === 1) {
            var ex = D.ex[entries[0][0]];
            return "<b>" + esc(ex[0]) + "</b> · " + esc(ex[2]) + " · " + esc(ex[1]) +
                "<div class='dm-tip-place'>" + esc(spot[0]) + "</div>";
        }
        var counts = byAlliance(s), names = Object.keys(counts);
        return "<b>" + esc(spot[0]) + "</b> — " + plural(entries.length, "exercise") +
            (names.length > 1 ? "<div class='dm-tip-place'>" + names.map(function (a) {
                return escText(a) + " " + counts[a];
            }).join(" · ") + "</div>" : "") + "<div class='dm-tip-place'>Click for every exercise, newest first</div>";
    };
    var POPUP = {maxWidth: 460, minWidth: 300, maxHeight: 380, className: "dm-popup-wrap",
                 autoPanPaddingTopLeft: [50, 20], autoPanPaddingBottomRight: [50, 20]};
    function bind(layer, s) {
        layer.bindTooltip(function () { return S.tooltip(s); },
                          {sticky: !layer.getIcon, direction: "top", className: "dm-tooltip",
                           offset: layer.getIcon ? [0, -10] : [0, 0]});
        layer.bindPopup(function () { return S.popup(s); }, POPUP);
        layer.on("popupopen", function () { S.source = layer; });
    }

    // --- Symbols --------------------------------------------------------------------------------------
    function srOnly(text) { return "<span class='dm-sr'>" + escText(text) + "</span>"; }
    function marker(r, alliance, colour, shape) {
        var s = r[4], n = 0;
        D.sp[s][1].forEach(function (en) { if (t(D.ex[en[0]][1]) === alliance) { n += 1; } });
        var size = n > 1 ? 16 : 13;
        var html = "<svg class='dm-dot dm-dot-" + r[3] + "' viewBox='0 0 16 16' style='--c:" + colour +
            "' aria-hidden='true'><path d='" + shape + "'/></svg>" +
            (n > 1 ? "<span class='dm-count' aria-hidden='true'>" + n + "</span>" : "") +
            srOnly(S.label(s) + (n > 1 && n < D.sp[s][1].length ? " (" + n + " " + alliance + ")" : ""));
        var m = L.marker([r[1], r[0]], {
            icon: L.divIcon({className: "dm-site dm-place dm-place-" + r[3], html: html,
                             iconSize: [size, size], iconAnchor: [size / 2, size / 2]}),
            keyboard: true, riseOnHover: true, dmExercises: n, dmColour: colour, dmSpot: s
        });
        bind(m, s);
        return m;
    }
    // Fills are opaque paths in one pane whose CSS opacity makes them translucent: where areas and circles
    // overlap, the top one shows and the colour does not build up. Outlines are drawn apart, opaque.
    function fillPath(layer, kind) {
        layer.on("add", function () {  // whole countries at the back, uncertainty circles in front
            if (kind === "c") { layer.bringToBack(); } else if (kind === "u") { layer.bringToFront(); }
        });
        return layer;
    }
    function fillStyle(kind, tints) {
        return {pane: "dm-area-fill", interactive: false, className: "dm-area-fill", stroke: false,
                fill: true, fillColor: tints[kind], fillOpacity: 1};
    }
    function uncertainty(r, colour, tints) {
        var style = {pane: "dm-uncertainty", interactive: false, className: "dm-uncertainty",
                     radius: r[2], color: colour, fill: false};
        for (var key in STYLES.u) { style[key] = STYLES.u[key]; }
        var fill = fillStyle("u", tints);
        fill.radius = r[2];
        return [L.circle([r[1], r[0]], style), fillPath(L.circle([r[1], r[0]], fill), "u")];
    }
    function areaFills(features, tints) {
        return L.geoJSON({type: "FeatureCollection", features: features}, {
            smoothFactor: 1, style: function (f) { return fillStyle(f.properties.k, tints); },
            onEachFeature: function (f, l) { fillPath(l, f.properties.k); }
        });
    }
    function areaFeatures(rows) {
        return rows.map(function (r) {
            return {type: "Feature", geometry: D.geoms[r[0]], properties: {k: r[1], s: r[2]}};
        });
    }
    function areas(features, colour) {
        // The outline is the interactive path: filled at opacity 0, so a click inside it still hits it.
        var layer = L.geoJSON({type: "FeatureCollection", features: features}, {
            pane: "dm-areas", smoothFactor: 1, className: "dm-site dm-site-area",
            style: function (f) {
                var style = {color: colour, fillColor: colour, fillOpacity: 0}, base = STYLES[f.properties.k] || {};
                for (var key in base) { style[key] = base[key]; }
                return style;
            },
            onEachFeature: function (f, l) {
                bind(l, f.properties.s);
                l.on("add", function () {  // SVG paths are not focusable by default
                    var el = l.getElement();
                    el.setAttribute("tabindex", "0");
                    el.setAttribute("role", "button");
                    el.setAttribute("aria-label", S.label(f.properties.s));
                    el.addEventListener("keydown", function (ev) {
                        if (ev.key === "Enter") { S.kbd = true; l.openPopup(l.getCenter()); ev.preventDefault(); }
                    });
                });
            }
        });
        return layer;
    }
    // Every circle is two SVG paths (outline, fill): beyond MANY_CIRCLES only those in (and near) the view
    // are drawn, after each move, and none while the view holds more than that (zoom in to see them).
    var MANY_CIRCLES = 2000;
    function circles(rows, colour, tints) {
        function paths(list) {
            return list.reduce(function (out, r) { return out.concat(uncertainty(r, colour, tints)); }, []);
        }
        if (rows.length <= MANY_CIRCLES) { return L.layerGroup(paths(rows)); }
        var group = L.layerGroup(), map = null;
        function refresh() {
            var b = map.getBounds().pad(0.2), shown = [];
            for (var i = 0; i < rows.length && shown.length <= MANY_CIRCLES; i++) {
                if (b.contains([rows[i][1], rows[i][0]])) { shown.push(rows[i]); }
            }
            group.clearLayers();
            if (shown.length > MANY_CIRCLES) { return; }
            paths(shown).forEach(function (l) { group.addLayer(l); });
        }
        group.on("add", function () { map = group._map; map.on("moveend", refresh); refresh(); });
        group.on("remove", function () { if (map) { map.off("moveend", refresh); } map = null; });
        return group;
    }
    S.draw = function (parent, cluster, alliance, colour, shape, tints) {
        if (S.pending) {
            S.pending.then(function () { S.draw(parent, cluster, alliance, colour, shape, tints); });
            return;
        }
        var parts = D.layers[alliance] || {pt: [], ar: []};
        var features = areaFeatures(parts.ar), area = areas(features, colour);
        var markers = parts.pt.map(function (r) { return marker(r, alliance, colour, shape); });
        var sub = L.featureGroup.subGroup(cluster, markers);
        areaFills(features, tints).addTo(parent);
        circles(parts.pt.filter(function (r) { return r[2] > 0; }), colour, tints).addTo(parent);
        area.addTo(parent);
        sub.addTo(parent);
        S.groups.push({parent: parent, sub: sub, area: area});
    };
    S.drawnSymbols = function (map) {  // symbols whose layer is shown: one per place and alliance
        return S.groups.reduce(function (n, g) {
            return map.hasLayer(g.parent) ? n + g.sub.getLayers().length + g.area.getLayers().length : n;
        }, 0);
    };

    // --- Clusters and keyboard --------------------------------------------------------------------------
    function clusterIcon(cluster) {
        var n = 0, colours = [], spots = [];
        cluster.getAllChildMarkers().forEach(function (m) {
            n += m.options.dmExercises;
            if (colours.indexOf(m.options.dmColour) < 0) { colours.push(m.options.dmColour); }
            if (spots.indexOf(m.options.dmSpot) < 0) { spots.push(m.options.dmSpot); }
        });
        var step = 100 / colours.length;
        var ring = colours.map(function (c, i) { return c + " " + (i * step) + "% " + ((i + 1) * step) + "%"; });
        var what = spots.length === 1
            ? t(D.sp[spots[0]][0]) + " — " + plural(n, "exercise") + " of " + colours.length +
              " alliances: Enter to show each"
            : plural(n, "exercise") + " at " + spots.length + " places nearby: Enter to zoom in";
        return L.divIcon({
            className: "dm-site dm-cluster", iconSize: [30, 30],
            html: "<span class='dm-cluster-ring' title='" + escText(what.split(":")[0]) + "' " +
                "style='background:conic-gradient(" + ring.join(",") + ")'>" +
                "<span class='dm-cluster-n' aria-hidden='true'>" + n + "</span></span>" + srOnly(what)
        });
    }
    S.cluster = function (map) {
        var cluster = L.markerClusterGroup({
            maxClusterRadius: 28, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
            // Large selections are clustered in slices of 200 ms, so that the page stays responsive.
            chunkedLoading: true,
            zoomToBoundsOnClick: true, iconCreateFunction: clusterIcon,
            spiderLegPolylineOptions: {weight: 1.5, color: "#333", opacity: 0.6}
        });
        cluster.addTo(map);
        map.on("popupopen", function (e) {  // opened with Enter: move the focus into the popup
            S.open = e.popup;
            if (!S.kbd) { return; }
            S.kbd = false;
            var first = e.popup.getElement().querySelector("a[href]");
            if (first) { first.focus({preventScroll: true}); }
        });
        map.on("popupclose", function () { S.open = null; S.kbd = false; });
        map.getContainer().addEventListener("keydown", function (ev) {
            var cls = ev.target.classList;
            if (ev.key === "Enter" && cls && cls.contains("dm-place")) { S.kbd = true; }
            if (ev.key !== "Escape" || !S.open) { return; }
            var source = S.source;
            map.closePopup();
            var el = source && source.getElement ? source.getElement() : null;
            if (el && el.focus) { el.focus(); }
            ev.stopPropagation();
        });
        return cluster;
    };
    return S;
})({{ this.payload }}, {{ this.styles }}, {{ this.link_json }});
{% endmacro %}"""


class SiteIndex(ScriptElement):
    """The site tables and the browser-side functions that draw, cluster and describe sites.

    In the map script it defines a variable with ``cluster(map)`` (the shared marker cluster group, with
    the keyboard handlers), ``draw(parent, cluster, alliance, colour)`` (one alliance's symbols,
    uncertainty circles and areas into ``parent``), ``tooltip(spot)``, ``popup(spot)``,
    ``drawnSymbols(map)`` and ``rows`` (the raw tables). Add it to the map before :class:`SiteCluster`.

    Parameters
    ----------
    tables
        The compact tables (:func:`geo.maps.sites.site_tables`).
    link
        Base URL of the Exercises page; each exercise's name in a popup links to ``<link>?exercise=<id>``
        (in a new tab: streamlit-folium's iframe may not navigate the page). None: no links.
    """

    _template = jinja2.Template(_SCRIPT)

    #: Leaflet outline styles of areas per kind; ``u`` is the uncertainty circle. Colours come from the
    #: alliance; fills from :func:`geo.core.symbology.area_fill`, in the ``dm-area-fill`` pane. Point
    #: symbols are styled by the stylesheet (``.dm-dot-p`` …, :mod:`geo.maps.controls`).
    STYLES: ClassVar[dict[str, dict[str, Any]]] = {
        "r": {"weight": 1.3},
        "b": {"weight": 1.3, "dashArray": "6 4"},
        "c": {"weight": 1.2, "dashArray": "2 5"},
        "u": {"weight": 1.2, "opacity": 0.75, "dashArray": "4 4"},
    }

    def __init__(self, tables: SiteTables, *, link: str | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "SiteIndex"
        self.tables = tables
        self.link = link

    @property
    def packed(self) -> bool:
        """Whether the tables ship gzipped: more than :data:`PACK_ABOVE_SITES` sites drawn."""
        return sum(self.tables.counts().values()) > PACK_ABOVE_SITES

    @property
    def payload(self) -> str:
        """The tables as a :func:`parsed_json` expression; packed, ``{"gz85": ..., "n": ...}`` (:func:`pack_tables`).

        Packed, the object is one long string, which a browser reads as fast from a literal.
        """
        with paused_gc():  # see paused_gc: the tables are a million small containers at 20,000 sites
            packed = self.packed
            tables = packed_json(self.tables) if packed else self.tables.to_json()
            tables["geoms"] = [delta_geometry(g) for g in tables["geoms"]]
            return script_json(pack_tables(tables)) if packed else parsed_json(tables)

    @property
    def undelta(self) -> str:
        """The decoder of delta-coded geometries (:data:`geo.maps.datastore.UNDELTA_JS`)."""
        return UNDELTA_JS

    @property
    def unpack_tables(self) -> str:
        """The decoder of re-coded quotes and citations (:data:`geo.maps.site_pack.UNPACK_JS`)."""
        return UNPACK_JS

    @property
    def alphabet(self) -> str:
        """:data:`PACK_ALPHABET` as script-safe JSON."""
        return script_json(PACK_ALPHABET)

    @property
    def styles(self) -> str:
        """The per-kind styles as script-safe JSON."""
        return script_json(self.STYLES)

    @property
    def link_json(self) -> str:
        """The link base as script-safe JSON (``null`` for none)."""
        return script_json(self.link)


class SiteCluster(ScriptElement):
    """The marker cluster group every alliance's place symbols join (add it to the map).

    Parameters
    ----------
    index
        The :class:`SiteIndex` already added to the same map.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = {{ this.index.get_name() }}.cluster({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, index: SiteIndex) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SiteCluster"
        self.index = index


class AllianceSites(ScriptElement):
    """One alliance's place symbols, uncertainty circles and areas, drawn into the parent feature group.

    Parameters
    ----------
    index
        The map's :class:`SiteIndex`.
    cluster
        The map's :class:`SiteCluster`.
    alliance
        The alliance whose sites are drawn.
    colour
        Its colour (``#rrggbb``).
    shape
        SVG path of its place symbols in a 16 × 16 view box (:func:`geo.maps.controls.marker_path`).
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
{{ this.index.get_name() }}.draw({{ this._parent.get_name() }}, {{ this.cluster.get_name() }}, {{ this.args }});
{% endmacro %}"""
    )

    def __init__(self, index: SiteIndex, cluster: SiteCluster, alliance: str, colour: str, *, shape: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "AllianceSites"
        self.shape = shape
        self.index = index
        self.cluster = cluster
        self.alliance = alliance
        self.colour = colour

    @property
    def args(self) -> str:
        """Alliance, colour, shape and area fills by kind as comma-separated script-safe JSON."""
        tints = {kind: area_fill(self.colour, kind) for kind in AREA_FILL_STRENGTH}
        return ", ".join(script_json(value) for value in (self.alliance, self.colour, self.shape, tints))

    def render(self, **kwargs: Any) -> str:
        """Render, checking first that the parent is a feature group (the layer-control entry)."""
        if not isinstance(self._parent, folium.FeatureGroup):
            msg = f"AllianceSites must be added to a folium.FeatureGroup, not {type(self._parent).__name__}"
            raise TypeError(msg)
        return super().render(**kwargs)
