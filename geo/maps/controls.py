"""Map furniture drawn with plain HTML/CSS from the map script: stylesheet, legend, attribution, labels.

No branca colormap (streamlit-folium injects d3 from two CDNs for those) and no web fonts: everything
here is inline, so it renders offline in streamlit-folium's iframe and in a saved HTML file alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import folium
import jinja2

from geo.core.credits import MAP_ATTRIBUTION
from geo.maps.datastore import ScriptElement, script_json
from geo.maps.reference import Label

__all__ = [
    "MAP_CSS",
    "MARKER_PATHS",
    "Attribution",
    "Labels",
    "Legend",
    "StyleSheet",
    "ViewControl",
    "legend_html",
    "marker_path",
    "swatch",
]

#: SVG path (16 × 16 view box, centred on 8, 8) of each matplotlib marker of
#: :data:`geo.core.symbology.ALLIANCE_MARKERS`, so a dashboard symbol has the briefing map's shape.
MARKER_PATHS: dict[str, str] = {
    "o": "M8 1.6A6.4 6.4 0 1 1 7.99 1.6Z",
    "D": "M8 0.9L15.1 8L8 15.1L0.9 8Z",
    "s": "M2.2 2.2H13.8V13.8H2.2Z",
    "^": "M8 1.2L15 14.2H1Z",
    "p": "M8 1.2L14.8 6.1L12.2 14.2H3.8L1.2 6.1Z",
}


def marker_path(marker: str) -> str:
    """Return the SVG path of a matplotlib marker code (a circle for one not in :data:`MARKER_PATHS`)."""
    return MARKER_PATHS.get(marker, MARKER_PATHS["o"])


#: The map's stylesheet (popups, tooltips, legend, labels, layer control). System fonts only.
MAP_CSS = """
.leaflet-container { background: #dfe9ef; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; }
.dm-label { white-space: nowrap; transform: translate(-50%, -50%); pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.dm-label-country { font-size: 11px; letter-spacing: .12em; text-transform: uppercase; color: #6b6b6b; }
.dm-label-oblast { font-size: 10.5px; font-style: italic; color: #5b5b5b; }
.dm-label-ring { font-size: 10px; color: #333; font-weight: 600; }
.dm-label.dm-place-name { transform: translate(-4px, -50%); font-size: 11px; color: #2b2b2b; }
.dm-place-name::before { content: ""; display: inline-block; box-sizing: border-box; margin: 0 3px 0 0;
  vertical-align: middle; background: #fff; border: 1.5px solid #2b2b2b; }
.dm-capital { font-weight: 600; }
.dm-capital::before { width: 8px; height: 8px; }
.dm-city::before { width: 7px; height: 7px; border-radius: 50%; }
.leaflet-interactive:focus { outline: none; }
.dm-place, .dm-cluster { background: none; border: none; }
.dm-place:focus-visible, .dm-cluster:focus-visible { outline: 3px solid #111; outline-offset: 3px;
  border-radius: 50%; }
path.dm-site-area:focus-visible { stroke: #111; stroke-width: 3px; stroke-dasharray: none; }
.dm-dot { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible;
  filter: drop-shadow(0 0 .7px rgba(0,0,0,.75)); }
.dm-dot path { fill: var(--f); fill-opacity: var(--o, 1); stroke: var(--s); stroke-width: var(--w);
  stroke-linejoin: round; }
.dm-dot-p { --f: var(--c); --s: #fff; --w: 1.6px; }
.dm-dot-a { --f: var(--c); --s: #fff; --w: 1.6px; --o: .8; }
.dm-dot-t { --f: #fff; --s: var(--c); --w: 2.8px; }
.dm-count { position: absolute; left: 62%; bottom: 58%; min-width: 15px; height: 15px; padding: 0 3px;
  box-sizing: border-box; border-radius: 8px; background: #1f1f1f; color: #fff; text-align: center;
  font: 700 10px/15px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  box-shadow: 0 0 0 1.5px #fff; pointer-events: none; }
.dm-cluster-ring { position: absolute; inset: 0; border-radius: 50%; padding: 4px; box-sizing: border-box;
  box-shadow: 0 0 0 1.5px #fff, 0 1px 4px rgba(0,0,0,.45); }
.dm-cluster-n { display: block; width: 100%; height: 100%; border-radius: 50%; background: #fff; color: #1f1f1f;
  text-align: center; font: 700 11px/22px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.dm-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.dm-spot { font-weight: 700; font-size: 13px; margin-bottom: 4px; padding-bottom: 3px; border-bottom: 2px solid #ccc; }
.dm-entry + .dm-entry { margin-top: 10px; padding-top: 8px; border-top: 2px solid #ccc; }
a.dm-name { color: #0b4f7c; }
.leaflet-control-layers { font-size: 12px; line-height: 1.35; }
.leaflet-control-layers-expanded { padding: 6px 10px 6px 8px; max-height: 60vh; overflow-y: auto; }
.dm-sw { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin: 0 4px -1px 0;
  border: 1px solid rgba(0,0,0,.25); }
.dm-sw.dm-sw-shape { width: 14px; height: 14px; border: none; border-radius: 0; margin-bottom: -3px; }
.dm-sw-shape svg { width: 14px; height: 14px; }
.dm-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 4px; max-width: 250px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); color: #222; }
.dm-legend-title { font-weight: 600; margin: 6px 0 3px; font-size: 11px; text-transform: uppercase;
  letter-spacing: .04em; color: #444; }
.dm-legend-title:first-child { margin-top: 0; }
.dm-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.dm-legend-row svg { flex: none; }
.dm-legend-toggle { cursor: pointer; float: right; margin: 0 0 0 8px; padding: 0; border: none; background: none;
  color: #333; font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.dm-legend-toggle::after { content: " ▾"; }
.dm-legend.dm-collapsed { padding: 5px 9px; }
.dm-legend.dm-collapsed .dm-legend-toggle { float: none; margin: 0; }
.dm-legend.dm-collapsed .dm-legend-toggle::after { content: " ▸"; }
.dm-legend.dm-collapsed .dm-legend-body { display: none; }
.dm-view button { font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  background: #fff; color: #1f1f1f; border: none; border-radius: 4px; padding: 6px 9px; cursor: pointer; }
.dm-view button:hover { background: #f2f2f2; }
.dm-tiles-failed .leaflet-dm-basemap-pane path { fill-opacity: 1; }
.dm-tile-notice { max-width: 300px; padding: 6px 9px; border-radius: 4px; background: #fff4d6; color: #3d2c00;
  border: 1px solid #c9a227; box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 12px; }
.dm-tooltip { font-size: 12px; width: max-content; max-width: 320px; white-space: normal; }
.dm-tip-place { color: #555; }
.dm-popup-wrap .leaflet-popup-content { margin: 10px 12px; font-size: 12px; line-height: 1.4; }
.dm-popup { color: #222; }
.dm-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.dm-name { font-size: 14px; font-weight: 700; }
.dm-chip { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: #eee; white-space: nowrap; }
.dm-when { margin: 2px 0 4px; }
.dm-muted, .dm-scope, .dm-explain { color: #666; }
.dm-scope, .dm-by, .dm-explain { font-size: 11px; }
.dm-key { font-weight: 600; color: #444; margin-right: 4px; }
.dm-section { margin: 8px 0 3px; font-weight: 700; font-size: 11px; text-transform: uppercase;
  letter-spacing: .04em; color: #444; border-bottom: 1px solid #ddd; }
.dm-fig { margin: 3px 0 5px; }
.dm-fig-what { font-weight: 600; }
.dm-claims { display: flex; flex-wrap: wrap; gap: 4px 10px; }
.dm-claim { flex: 1 1 130px; max-width: 100%; border-left: 2px solid #d9d9d9; padding-left: 5px; }
.dm-official { font-size: 10px; background: #e8f1f8; color: #0b4f7c; padding: 0 4px; border-radius: 3px; }
.dm-grade { font-size: 10px; background: #f3efe3; color: #5a4a12; padding: 0 4px; border-radius: 3px;
            border: 1px solid #d9cfa8; font-weight: 600; white-space: nowrap; }
.dm-differ { font-size: 10px; background: #fff1d6; color: #8a5300; padding: 0 4px; border-radius: 3px;
  white-space: nowrap; }
.dm-none { color: #777; margin: 0; }
.dm-sources { margin: 0; padding-left: 16px; }
.dm-sources li { margin: 2px 0; }
.dm-quote { font-style: italic; }
.dm-seed { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; }
"""


class StyleSheet(ScriptElement):
    """Add the map's CSS to the document from the map script (works inside streamlit-folium's iframe).

    Parameters
    ----------
    css
        The stylesheet text.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function () {
    if (document.getElementById("drillmap-css")) { return; }
    var style = document.createElement("style");
    style.id = "drillmap-css";
    style.textContent = {{ this.css_json }};
    document.head.appendChild(style);
})();
{% endmacro %}"""
    )

    def __init__(self, css: str = MAP_CSS) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "StyleSheet"
        self.css = css

    @property
    def css_json(self) -> str:
        """The CSS as a script-safe JSON string."""
        return script_json(self.css)


def swatch(
    colour: str, *, shape: str = "dot", dash: str | None = None, fill_opacity: float = 0.9, marker: str = "o"
) -> str:
    """Return a small inline SVG legend symbol.

    Parameters
    ----------
    colour
        CSS colour (``#rrggbb``).
    shape
        ``dot`` (filled), ``ring`` (hollow dot), ``circle`` (dashed uncertainty circle), ``count`` (dot with
        a number badge), ``cluster`` (a cluster of places), ``area`` (translucent square), ``line`` (thick
        line) or ``outline`` (unfilled square).
    dash
        SVG ``stroke-dasharray`` for ``area``, ``line`` and ``outline``.
    fill_opacity
        Fill opacity of ``dot`` and ``area``.
    marker
        Shape of ``dot`` and ``ring``: a matplotlib marker code (:data:`MARKER_PATHS`).
    """
    c = escape(colour, quote=True)
    d = f' stroke-dasharray="{escape(dash, quote=True)}"' if dash else ""
    path = marker_path(marker)
    shapes = {
        "dot": f'<path d="{path}" transform="translate(1.6 1.6) scale(.8)" fill="{c}" fill-opacity="{fill_opacity}"'
        ' stroke="#fff" stroke-width="1.5"/>',
        "ring": f'<path d="{path}" transform="translate(2 2) scale(.75)" fill="#fff" stroke="{c}" stroke-width="3"/>',
        "circle": f'<circle cx="8" cy="8" r="6.5" fill="{c}" fill-opacity=".08" stroke="{c}" stroke-dasharray="2 2"/>'
        f'<circle cx="8" cy="8" r="2.5" fill="{c}"/>',
        "count": f'<circle cx="6" cy="10" r="4.5" fill="{c}" stroke="#fff" stroke-width="1.2"/>'
        '<rect x="7.5" y="0.5" width="8" height="8" rx="4" fill="#1f1f1f"/>'
        '<text x="11.5" y="7" font-size="6.5" font-weight="700" fill="#fff" text-anchor="middle">3</text>',
        "cluster": f'<circle cx="8" cy="8" r="6.5" fill="#fff" stroke="{c}" stroke-width="2.5"/>'
        '<text x="8" y="10.5" font-size="7" font-weight="700" fill="#1f1f1f" text-anchor="middle">9</text>',
        "area": f'<rect x="2" y="3" width="12" height="10" fill="{c}" fill-opacity="{fill_opacity}" stroke="{c}"'
        f' stroke-width="1.5"{d}/>',
        "line": f'<line x1="1" y1="8" x2="15" y2="8" stroke="{c}" stroke-width="3.5"{d}/>',
        "outline": f'<rect x="2" y="3" width="12" height="10" fill="none" stroke="{c}" stroke-width="2"{d}/>',
    }
    return f'<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{shapes[shape]}</svg>'


def _row(symbol: str, text: str) -> str:
    return f'<div class="dm-legend-row">{symbol}<span>{escape(text)}</span></div>'


def legend_html(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    """Return the legend's HTML from ``(title, [(symbol_svg, text), ...])`` sections (text is escaped)."""
    parts = []
    for title, rows in sections:
        if rows:
            parts.append(f'<div class="dm-legend-title">{escape(title)}</div>')
            parts.extend(_row(symbol, text) for symbol, text in rows)
    return "".join(parts)


class Legend(ScriptElement):
    """A Leaflet control holding a prepared HTML legend, collapsible with its toggle button.

    It opens collapsed (the button alone) when, expanded, it would cover more than ``max_fraction`` of the
    map, e.g. at 1280 × 720; until the reader toggles it, that rule is applied again whenever the map is
    resized.

    Parameters
    ----------
    html
        The legend body (already escaped, see :func:`legend_html`).
    position
        Leaflet control position.
    max_fraction
        Largest share of the map's area the expanded legend may cover before it starts collapsed.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map) {
    var control = L.control({position: {{ this.position_json }}});
    var chosen = false;
    control.onAdd = function () {
        var div = L.DomUtil.create("div", "dm-legend leaflet-control");
        div.innerHTML = '<button type="button" class="dm-legend-toggle" aria-expanded="true" ' +
            'title="Show or hide the legend">Legend</button>' +
            '<div class="dm-legend-body">' + {{ this.html_json }} + "</div>";
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        div.firstChild.onclick = function () { chosen = true; set(!div.classList.contains("dm-collapsed")); };
        return div;
    };
    function set(collapsed) {
        var div = control.getContainer();
        div.classList.toggle("dm-collapsed", collapsed);
        div.firstChild.setAttribute("aria-expanded", String(!collapsed));
    }
    function fit() {  // collapsed when, expanded, it would cover too much of the map
        if (chosen) { return; }
        set(false);
        var div = control.getContainer(), size = map.getSize();
        set(div.offsetWidth * div.offsetHeight > {{ this.max_fraction }} * size.x * size.y);
    }
    control.addTo(map);
    fit();
    map.on("resize", fit);
})({{ this._parent.get_name() }});
{% endmacro %}"""
    )

    def __init__(self, html: str, position: str = "bottomright", *, max_fraction: float = 0.10) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.html = html
        self.position = position
        self.max_fraction = float(max_fraction)

    @property
    def html_json(self) -> str:
        """The legend body as a script-safe JSON string."""
        return script_json(self.html)

    @property
    def position_json(self) -> str:
        """The position as a JSON string."""
        return script_json(self.position)


class Attribution(ScriptElement):
    """Add a plain-text credit to the map's attribution control (escaped in the browser by textContent).

    Parameters
    ----------
    text
        The credit line.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function () {
    var span = document.createElement("span");
    span.textContent = {{ this.text_json }};
    {{ this._parent.get_name() }}.attributionControl.addAttribution(span.outerHTML);
})();
{% endmacro %}"""
    )

    def __init__(self, text: str = MAP_ATTRIBUTION) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Attribution"
        self.text = text

    @property
    def text_json(self) -> str:
        """The credit as a script-safe JSON string."""
        return script_json(self.text)


class Labels(ScriptElement):
    """Non-interactive text labels (``L.divIcon`` markers) in a pane, added to the parent layer.

    Parameters
    ----------
    labels
        What to write where (text is escaped in the browser by textContent).
    css_class
        Extra CSS class of the labels (``dm-label-country``, ``dm-label-oblast``, ``dm-label-ring``).
    pane
        Leaflet pane of the labels.
    min_zoom
        Shown only from this Leaflet zoom on (None: always), e.g. names that a wider view gives otherwise.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (parent, map, items, minZoom) {
    var group = L.layerGroup();
    items.forEach(function (item) {
        var span = document.createElement("span");
        span.textContent = item[0];
        L.marker([item[1], item[2]], {
            pane: {{ this.pane_json }}, interactive: false, keyboard: false,
            icon: L.divIcon({
                className: "", iconSize: null,
                html: '<div class="dm-label ' + {{ this.class_json }} + '">' + span.innerHTML + "</div>"
            })
        }).addTo(group);
    });
    function sync() {
        if (minZoom === null || map.getZoom() >= minZoom) { parent.addLayer(group); }
        else { parent.removeLayer(group); }
    }
    if (minZoom !== null) { map.on("zoomend", sync); }
    sync();
})({{ this._parent.get_name() }}, {{ this.map_name }}, {{ this.labels_json }}, {{ this.min_zoom_json }});
{% endmacro %}"""
    )

    def __init__(self, labels: Sequence[Label], *, css_class: str, pane: str, min_zoom: int | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Labels"
        self.labels = list(labels)
        self.css_class = css_class
        self.pane = pane
        self.min_zoom = min_zoom

    @property
    def labels_json(self) -> str:
        """``[[text, lat, lon], ...]`` as script-safe JSON."""
        data: list[list[Any]] = [[lab.text, lab.lat, lab.lon] for lab in self.labels]
        return script_json(data)

    @property
    def class_json(self) -> str:
        """The CSS class as a JSON string."""
        return script_json(self.css_class)

    @property
    def pane_json(self) -> str:
        """The pane name as a JSON string."""
        return script_json(self.pane)

    @property
    def min_zoom_json(self) -> str:
        """The least zoom as JSON (``null`` for always)."""
        return script_json(self.min_zoom)

    @property
    def map_name(self) -> str:
        """The JavaScript name of the map the labels are on (the first :class:`folium.Map` above them)."""
        element = self._parent
        while element is not None and not isinstance(element, folium.Map):
            element = getattr(element, "_parent", None)
        if element is None:
            msg = "Labels must be added to a layer of a folium.Map"
            raise TypeError(msg)
        return str(element.get_name())


class ViewControl(ScriptElement):
    """A button that switches the map between its opening view and the bounds of every site.

    Parameters
    ----------
    region
        The opening view, folium-order ``((south, west), (north, east))``.
    everything
        The bounds of every drawn site, same order.
    padding
        Fit padding in pixels.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
(function (map, views) {
    var control = L.control({position: "topleft"});
    control.onAdd = function () {
        var div = L.DomUtil.create("div", "dm-view leaflet-bar leaflet-control");
        var button = L.DomUtil.create("button", "", div);
        var all = false;
        button.type = "button";
        function label() {
            button.textContent = all ? "Belarus and neighbours" : "Show all sites";
            button.title = all ? "Back to the opening view" : "Zoom out to every site in the filter";
        }
        label();
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.on(button, "click", function () {
            all = !all;
            map.fitBounds(all ? views.all : views.region, {padding: views.padding});
            label();
        });
        return div;
    };
    control.addTo(map);
})({{ this._parent.get_name() }}, {{ this.views_json }});
{% endmacro %}"""
    )

    def __init__(
        self,
        region: tuple[tuple[float, float], tuple[float, float]],
        everything: tuple[tuple[float, float], tuple[float, float]],
        *,
        padding: int = 24,
    ) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ViewControl"
        self.region = region
        self.everything = everything
        self.padding = padding

    @property
    def views_json(self) -> str:
        """Both views and the padding as script-safe JSON."""
        views = {
            "region": [list(self.region[0]), list(self.region[1])],
            "all": [list(self.everything[0]), list(self.everything[1])],
            "padding": [self.padding, self.padding],
        }
        return script_json(views)
