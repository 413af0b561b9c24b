"""The map's selection layers, sent apart from its basemap so that a filter change swaps them in place.

A Drillmap map is a basemap that depends on the period only (countries, NATO's border, oblasts, rivers:
most of the script) and the layers of the selection (the site tables and symbols, the distance rings, the
legend, the "Show all sites" button and the layer control). :func:`geo.maps.build.build_map` puts a
:class:`SelectionMark` between the two. streamlit-folium keeps its iframe, and its Leaflet map, while the
map's script stays the same, and runs the code it gets as ``feature_group`` whenever that changes: sending
the selection layers there (:func:`split_script`, :func:`swap_script`) redraws a filter or rings change by
swapping those layers, without reloading the frame, its scripts and the basemap.

The swap (:data:`_SWAP_JS`) runs the selection's code at the frame's top level, as the map's own script runs,
and records what it adds: layers and controls added to the map, the map's event handlers and the
container's listeners, the globals it defines. streamlit-folium removes the layers listed in
``window.feature_group`` before it runs a new selection's code; the one listed is a layer whose removal
undoes all of that. Nothing here imports Streamlit.
"""

from __future__ import annotations

import json
from typing import Final

import jinja2

from geo.maps.datastore import ScriptElement, script_json

__all__ = ["SELECTION_MARK", "SelectionMark", "split_script", "swap_script", "swapped_code"]

#: The line between the basemap's script and the selection layers' (a comment: a saved page runs both).
SELECTION_MARK: Final = "// Drillmap: the selection layers follow (geo.maps.selection_layers)"

#: Run the selection's code (``CODE``) in the frame's global scope on ``map_div``, recording how to undo it.
#: Only what the code itself adds is recorded (``depth``): what a layer adds as it is added, it removes as
#: it is removed.
_SWAP_JS = """(function (map, code) {
    var undo = [], depth = 0, before = {};
    Object.keys(window).forEach(function (k) { before[k] = true; });
    function recorded(target, name, undoing) {
        var original = target[name];
        target[name] = function () {
            var self = this, args = arguments;
            if (depth === 0) { undo.push(function () { undoing(self, args, original); }); }
            depth += 1;
            try { return original.apply(self, args); } finally { depth -= 1; }
        };
        return function () { target[name] = original; };
    }
    var box = map.getContainer();
    var restore = [
        recorded(map, "addLayer", function (m, a) { m.removeLayer(a[0]); }),
        recorded(map, "on", function (m, a) { m.off.apply(m, a); }),
        recorded(L.Control.prototype, "addTo", function (c) { c.remove(); }),
        recorded(box, "addEventListener", function (b, a) { b.removeEventListener.apply(b, a); })
    ];
    try {
        (0, eval)(code);
    } finally {
        restore.forEach(function (r) { r(); });
        delete map.addLayer; delete map.on; delete box.addEventListener;  // the prototypes' again
    }
    var added = Object.keys(window).filter(function (k) { return !before[k]; });
    undo.push(function () { added.forEach(function (k) { delete window[k]; }); });
    var Undo = L.Layer.extend({
        onAdd: function () {},
        onRemove: function () { undo.reverse().forEach(function (u) { u(); }); undo = []; }
    });
    window.feature_group = [new Undo()];
    map.addLayer(window.feature_group[0]);
})(map_div, CODE);
"""


class SelectionMark(ScriptElement):
    """Mark the end of the basemap's script: what the map's children after it add is the selection's."""

    _template = jinja2.Template("{% macro script(this, kwargs) %}\n" + SELECTION_MARK + "\n{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "SelectionMark"


def split_script(script: str) -> tuple[str, str] | None:
    """Split a rendered map script at its :data:`SELECTION_MARK`: (basemap, selection layers), or None without one."""
    if script.count(SELECTION_MARK) != 1:
        return None
    base, selection = script.split(SELECTION_MARK)
    return base, selection


def swap_script(selection: str) -> str:
    """Return the code that swaps in the selection layers ``selection`` (script text run on ``map_div``)."""
    return _SWAP_JS.replace("CODE", script_json(selection))


def swapped_code(swap: str) -> str:
    """Return the selection layers' code that :func:`swap_script` wraps (its inverse: tests read the layers)."""
    head, tail = _SWAP_JS.split("CODE")
    if not (swap.startswith(head) and swap.endswith(tail)):
        msg = f"not a swap script: {swap[:60]!r}"
        raise ValueError(msg)
    return str(json.loads(swap[len(head) : -len(tail)]))
