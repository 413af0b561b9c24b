"""Map elements that store GeoJSON once and feed it to several folium layers.

A country polygon is drawn by the basemap, by "NATO members", "CSTO members" and "Union State"; folium
would embed it four times. :class:`DataStore` embeds each collection once in the map script, and a
:class:`LayerData` child of an empty :class:`folium.GeoJson` adds the features it needs (optionally
only those whose property is in a list). Styling, panes and behaviour stay those of the GeoJson layer.

Both elements render through their ``script`` macro only, which is what streamlit-folium runs.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Final

import branca.element
import folium
import jinja2

__all__ = [
    "UNDELTA_JS",
    "DataStore",
    "LayerData",
    "ScriptElement",
    "coded_collection",
    "delta_collection",
    "delta_geometry",
    "empty_geojson",
    "parsed_json",
    "script_json",
]

_JS_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


# A "{" that opens a Jinja tag. In JSON text it can only occur inside a string (an object starts "{"
# or "{}"), where "\u007b" means the same.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def script_json(obj: Any) -> str:
    r"""Return compact JSON that is safe to place inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and ``'`` become ``\u`` escapes (so no ``</script>`` can end the script and
    no HTML in the data is parsed as such), as do the two JavaScript line separators. A ``{`` that
    would open a Jinja tag (``{{``, ``{%``, ``{#``) is escaped too: folium renders element scripts
    through Jinja again when a whole page is rendered, and text from a report must never be evaluated
    as a template.

    Parameters
    ----------
    obj
        Plain JSON data (dicts, lists, strings, finite numbers, booleans, None).

    Returns
    -------
    str
        The JSON text.

    Raises
    ------
    ValueError
        If the data holds NaN or infinity (not JSON).
    """
    return _script_safe(_json_text(obj))


def _json_text(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _script_safe(text: str) -> str:
    for char, escaped in _JS_ESCAPES.items():
        text = text.replace(char, escaped)
    return _JINJA_OPEN.sub(lambda _: "\\u007b", text)


def _literal_body(json_text: str) -> str:
    """``json_text`` as the inside of a script-safe double-quoted string literal."""
    return _script_safe(json.dumps(json_text, ensure_ascii=False)[1:-1])


def parsed_json(obj: Any) -> str:
    """Return a script expression building ``obj``: ``JSON.parse("…")``, script-safe as :func:`script_json`.

    For large data: a browser parses a JSON string with ``JSON.parse`` two to three times faster than the
    same data written as an object literal (a new session's map data, ~700 KB: ~25 ms against ~60 ms,
    measured in Chromium on this machine). Small values stay literals (:func:`script_json`).

    Raises
    ------
    ValueError
        If the data holds NaN or infinity (not JSON).
    """
    return f'JSON.parse("{_literal_body(_json_text(obj))}")'


#: Scale of delta-coded coordinates: map coordinates are rounded to 3 decimals (reference.DISPLAY_DECIMALS).
DELTA_SCALE = 1000
#: Geometry type -> nesting of its lines in ``coordinates`` (0: the coordinates are one line).
_LINE_DEPTH = {"LineString": 0, "Polygon": 1, "MultiLineString": 1, "MultiPolygon": 2}


def _delta_line(line: list[list[float]]) -> list[int] | None:
    """``[[lon, lat], ...]`` as ``[lon0, lat0, dlon1, dlat1, ...]`` in 1/DELTA_SCALE degrees (None if not exact)."""
    flat: list[int] = []
    x0 = y0 = 0
    for x, y, *_ in line:
        xi, yi = round(x * DELTA_SCALE), round(y * DELTA_SCALE)
        if xi / DELTA_SCALE != x or yi / DELTA_SCALE != y:
            return None
        flat += (xi - x0, yi - y0)
        x0, y0 = xi, yi
    return flat


def _delta_coordinates(coords: Any, depth: int) -> Any:
    if depth == 0:
        flat = _delta_line(coords)
        if flat is None:
            raise ValueError
        return flat
    return [_delta_coordinates(c, depth - 1) for c in coords]


def delta_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    """Return a GeoJSON geometry with its lines delta-coded (``"dq"`` for ``"coordinates"``), or as it is.

    Each line or ring becomes integers: the first point in 1/:data:`DELTA_SCALE` degrees, then each point's
    difference from the one before (a third of the bytes of the decimals). A geometry whose coordinates are
    not all exact at that scale is left as it is (the browser then reads it unchanged): nothing is moved.
    ``DataStore`` and the site tables' ``undelta`` restore ``coordinates`` in the browser.
    """
    depth = _LINE_DEPTH.get(geometry.get("type", ""))
    if depth is None or "coordinates" not in geometry:
        return geometry
    try:
        coded = _delta_coordinates(geometry["coordinates"], depth)
    except ValueError:
        return geometry
    return {k: v for k, v in geometry.items() if k != "coordinates"} | {"dq": coded}


def delta_collection(collection: dict[str, Any]) -> dict[str, Any]:
    """Return a FeatureCollection with every geometry passed through :func:`delta_geometry`."""
    features = [
        {**f, "geometry": delta_geometry(f["geometry"])} if f.get("geometry") else f
        for f in collection.get("features", [])
    ]
    return {**collection, "features": features}


#: The browser side of :func:`delta_geometry` (a function expression; ``undelta(geometry)`` restores in place).
UNDELTA_JS = """function undelta(g) {
    var depth = {LineString: 0, Polygon: 1, MultiLineString: 1, MultiPolygon: 2}[g.type];
    if (!g.dq) { return g; }
    function line(q) {
        var out = new Array(q.length / 2), x = 0, y = 0;
        for (var i = 0; i < q.length; i += 2) { x += q[i]; y += q[i + 1]; out[i / 2] = [x / SCALE, y / SCALE]; }
        return out;
    }
    function walk(c, d) { return d === 0 ? line(c) : c.map(function (x) { return walk(x, d - 1); }); }
    g.coordinates = walk(g.dq, depth);
    delete g.dq;
    return g;
}""".replace("SCALE", str(DELTA_SCALE))


#: Collections coded by :func:`coded_collection`, kept with the collection itself (so its id is not reused).
_CODED: OrderedDict[int, tuple[dict[str, Any], str]] = OrderedDict()
_CODED_ENTRIES: Final = 32
_CODED_LOCK = threading.Lock()


def coded_collection(collection: dict[str, Any]) -> str:
    """Return ``delta_collection(collection)`` as JSON inside a script-safe string literal, coded once per object.

    The reference layers (:func:`geo.maps.reference.reference_layers`) and NATO's facing border per
    membership (:func:`geo.maps.reference.nato_facing_border`) are built once per process and shared,
    read-only, by every map: a new map reuses their coded text (about 35 ms of CPU for the default map).
    The text is kept with the collection object itself, so a collection built anew is coded anew; the
    collections handed to a map must not be changed afterwards (none is: each is built whole, then read).
    """
    with _CODED_LOCK:
        hit = _CODED.get(id(collection))
        if hit is not None and hit[0] is collection:
            _CODED.move_to_end(id(collection))
            return hit[1]
    text = _literal_body(_json_text(delta_collection(collection)))
    with _CODED_LOCK:
        _CODED[id(collection)] = (collection, text)
        while len(_CODED) > _CODED_ENTRIES:
            _CODED.popitem(last=False)
    return text


def empty_geojson() -> dict[str, Any]:
    """Return an empty FeatureCollection (the initial data of a layer fed by :class:`LayerData`)."""
    return {"type": "FeatureCollection", "features": []}


class _DeferredScript(branca.element.Element):
    """An element's ``script`` macro, written out as it is, and rendered only when the figure's scripts are.

    branca's :meth:`MacroElement.render` wraps each rendered script in ``Element(text)``, which compiles
    the text, data included, as a Jinja template: slow for megabytes of data, and any ``{{ ... }}`` in a
    quoted report would be evaluated. This element prints its text through a constant template instead.

    streamlit-folium renders the map (adding every script to the figure) and then calls each element's
    ``script`` macro itself; the figure's scripts are never written out, so rendering them there would be
    work thrown away (the data of a map is most of it). A whole page (``m.get_root().render()``) renders
    the figure's scripts right after its children, so the text is the same as if rendered at once.
    """

    _template = jinja2.Template("{{ this.text }}")

    def __init__(self, element: branca.element.MacroElement, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self._name = "DeferredScript"
        self.element = element
        self.kwargs = kwargs

    @property
    def text(self) -> str:
        """The element's rendered ``script`` macro."""
        return str(self.element._template.module.script(self.element, self.kwargs))


class ScriptElement(branca.element.MacroElement):
    """A :class:`branca.element.MacroElement` with only a ``script`` macro, rendered without re-templating.

    streamlit-folium calls the ``script`` macro directly; when a whole page is rendered
    (``m.get_root().render()``, saved HTML), this class adds the script to the figure as raw text
    (see :class:`_DeferredScript`) rather than as a new Jinja template, and only when the figure's
    scripts are rendered.
    """

    def render(self, **kwargs: Any) -> str:
        """Add the rendered ``script`` macro to the figure's scripts, then render the children."""
        figure = self.get_root()
        if not isinstance(figure, branca.element.Figure):
            msg = f"{type(self).__name__} can only be rendered inside a folium Figure (add it to a map first)"
            raise TypeError(msg)
        if "script" in self._template.module.__dict__:
            figure.script.add_child(_DeferredScript(self, kwargs), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)
        return ""


class DataStore(ScriptElement):
    """Named GeoJSON collections embedded once in the map script.

    Add it to the map before the layers that read from it. ``collection(name, prop, values)`` in the
    browser returns the collection, or only the features whose ``properties[prop]`` is in ``values``.

    Parameters
    ----------
    collections
        Name -> GeoJSON FeatureCollection.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (D) {
    {{ this.undelta }}
    Object.keys(D).forEach(function (name) {
        D[name].features.forEach(function (f) { if (f.geometry) { undelta(f.geometry); } });
    });
    D.collection = function (name, prop, values) {
        var features = D[name].features;
        if (prop) {
            var keep = {};
            values.forEach(function (v) { keep[v] = true; });
            features = features.filter(function (f) { return keep[f.properties[prop]] === true; });
        }
        return {type: "FeatureCollection", features: features};
    };
    return D;
})({{ this.payload }});
{% endmacro %}"""
    )

    def __init__(self, collections: dict[str, dict[str, Any]]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "DataStore"
        self.collections = collections

    @property
    def payload(self) -> str:
        """The collections as a :func:`parsed_json` expression, their lines delta-coded (:func:`delta_geometry`)."""
        parts = (f"{_literal_body(_json_text(name))}:{coded_collection(c)}" for name, c in self.collections.items())
        return 'JSON.parse("{' + ",".join(parts) + '}")'

    @property
    def undelta(self) -> str:
        """The browser's decoder of delta-coded lines (:data:`UNDELTA_JS`)."""
        return UNDELTA_JS


class LayerData(ScriptElement):
    """Add features from a store to the parent :class:`folium.GeoJson` (must be its child).

    Parameters
    ----------
    source
        The element holding the data (a :class:`DataStore`, or any element whose script defines a
        variable with a method ``method``).
    method
        Name of the JavaScript method returning a FeatureCollection.
    args
        JSON arguments of that method.
    """

    _template = jinja2.Template(
        """{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.addData({{ this.source.get_name() }}.{{ this.method }}({{ this.arguments }}));
{% endmacro %}"""
    )

    def __init__(self, source: branca.element.Element, method: str, args: Sequence[Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "LayerData"
        self.source = source
        self.method = method
        self.args = list(args)

    @property
    def arguments(self) -> str:
        """The arguments as comma-separated script-safe JSON."""
        return ",".join(script_json(a) for a in self.args)

    def render(self, **kwargs: Any) -> str:
        """Render, checking first that the parent is a GeoJson layer."""
        if not isinstance(self._parent, folium.GeoJson):
            msg = f"LayerData must be added to a folium.GeoJson, not {type(self._parent).__name__}"
            raise TypeError(msg)
        return super().render(**kwargs)
