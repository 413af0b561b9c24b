"""The frame of the map as seen: the header and banner drawn into the page, the view set, the controls hidden.

:func:`geo.export.snapshot.as_seen_png` opens the dashboard's own map in Chromium; before the screenshot,
:data:`FRAME_JS` turns the page into a picture:

* the interactive controls go (zoom buttons, layer switcher, "Show all sites"); the scale bar stays; the
  credits become a line under the map; the legend is shown whole, beside the map when the picture has room
  for it (else over the map, where the dashboard draws it);
* a header states what the map shows, in the briefing map's words (:mod:`geo.briefing.text`: title,
  subtitle with period, alliances, filters and counts) and its dates (alliances as of
  :attr:`~geo.query.selection.Selection.period_end`, data as of, produced on); a handling banner, if any,
  runs at the top and the bottom;
* given a :class:`~geo.core.extent.MapExtent` (the dashboard's current view), the map body takes that
  box's shape and shows exactly that box (fractional zoom), so the picture's bounds are the dashboard's.

The bounds the picture shows are written into the PNG (text chunks ``drillmap:bounds``, ``W,S,E,N``, and
``drillmap:zoom``), read back from Leaflet after the fit, so a reader or a test can check them.
"""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass
from typing import Final

from geo.briefing.text import dates_text, default_title, subtitle
from geo.core.dates import as_of_text
from geo.core.extent import MapExtent
from geo.query.selection import Selection

__all__ = ["FRAME_JS", "SCALES", "SeenHeader", "page_scale", "png_with_text"]

#: Device pixel ratios tried for the picture, largest first: each divides the offered sizes exactly
#: (1920x1080 / 1.5 = 1280x720 CSS pixels), so the PNG has exactly the pixels asked for.
SCALES: Final = (2.0, 1.5, 1.25, 1.0)
# CSS pixels the header and banners take, at most (checked against the viewport when choosing a scale).
_HEADER_CSS: Final = 110


@dataclass(frozen=True)
class SeenHeader:
    """The words around the picture: title, the subtitle and dates lines, and the banner ("" for none)."""

    title: str
    lines: tuple[str, ...]
    banner: str

    @classmethod
    def of(cls, selection: Selection, *, title: str = "", banner: str = "") -> SeenHeader:
        """Return the header of a selection, with the briefing map's title and subtitle."""
        dates = f"Alliances as of {as_of_text(selection.period_end)} · {dates_text(selection)}"
        return cls(title.strip() or default_title(selection), (subtitle(selection), dates), banner.strip())


def _mercator_size_px(view: MapExtent) -> tuple[float, float] | None:
    """Return the (width, height) in CSS pixels the dashboard's map had, from its box and zoom."""
    if view.zoom is None:
        return None
    world = 256.0 * 2.0**view.zoom

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    width = (view.east - view.west) / 360.0 * world
    height = (y(view.north) - y(view.south)) / (2 * math.pi) * world
    return width, height


def page_scale(size_px: tuple[int, int], view: MapExtent | None) -> float:
    """Return the device pixel ratio of the picture: the largest that still fits the dashboard's map.

    The picture then draws the map at (about) the zoom the dashboard showed, with the same symbols and
    labels, only sharper; without a view (or a size no scale divides) it is 1.
    """
    seen = _mercator_size_px(view) if view is not None else None
    if seen is None:
        return 1.0
    for scale in SCALES:
        css_w, css_h = size_px[0] / scale, size_px[1] / scale
        if css_w.is_integer() and css_h.is_integer() and css_w >= seen[0] and css_h >= seen[1] + _HEADER_CSS:
            return scale
    return 1.0


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_with_text(png: bytes, items: dict[str, str]) -> bytes:
    """Return the PNG with ``tEXt`` chunks (Latin-1 keys and values) inserted after its header chunk."""
    ihdr_end = 8 + 8 + 13 + 4  # signature, IHDR length+type, IHDR data, CRC
    chunks = b"".join(_chunk(b"tEXt", k.encode("latin-1") + b"\0" + v.encode("latin-1")) for k, v in items.items())
    return png[:ihdr_end] + chunks + png[ihdr_end:]


#: Page script: arguments ``{title, lines, banner, view}`` (``view`` is ``[south, west, north, east]`` or
#: null); returns ``[west, south, east, north, zoom]`` of the map once it has been fitted.
FRAME_JS: Final = r"""async ({title, lines, banner, view}) => {
  const map = Object.values(window).find((v) => v && v instanceof L.Map);
  const el = map.getContainer();
  const css = document.createElement("style");
  css.textContent = `
    .leaflet-control-zoom, .leaflet-control-layers, .dm-view { display: none !important; }
    html, body { background: #fff; }
    body { display: flex; flex-direction: column; height: 100vh; overflow: hidden;
           font-family: "DejaVu Sans", Arial, sans-serif; color: #222; }
    .dm-seen-head { padding: 8px 14px 6px; flex: none; }
    .dm-seen-title { font-size: 21px; font-weight: bold; white-space: nowrap; overflow: hidden; }
    .dm-seen-line { font-size: 12px; color: #444; margin-top: 3px; white-space: nowrap; overflow: hidden; }
    .dm-seen-banner { flex: none; text-align: center; font-size: 12px; font-weight: bold; letter-spacing: .05em;
                      padding: 3px 0; background: #fff; border-top: 1px solid #999; border-bottom: 1px solid #999; }
    .dm-seen-body { flex: 1; min-height: 0; display: flex; align-items: center; justify-content: center;
                    padding: 0 14px 10px; }
    .dm-seen-credits { flex: none; text-align: center; font-size: 11px; color: #555; padding: 0 14px 6px; }
    .dm-seen-side { flex: none; margin-left: 12px; font: 12px/1.5 "Helvetica Neue", Arial, Helvetica, sans-serif; }
    .dm-seen-side .dm-legend { box-shadow: none; border: 1px solid #ccc; }
    .dm-seen-side .dm-legend-toggle { display: none; }`;
  document.head.appendChild(css);
  const make = (cls, text) => {
    const d = document.createElement("div");
    d.className = cls;
    d.textContent = text;  // words are data: never parsed as HTML
    return d;
  };
  const head = make("dm-seen-head", "");
  head.append(make("dm-seen-title", title), ...lines.map((line) => make("dm-seen-line", line)));
  const wrap = make("dm-seen-body", "");
  el.parentNode.insertBefore(wrap, el);
  wrap.appendChild(el);
  document.body.insertBefore(head, wrap);
  if (banner) {
    document.body.insertBefore(make("dm-seen-banner", banner), head);
    document.body.appendChild(make("dm-seen-banner", banner));
  }
  // A picture has no toggle: the legend is shown whole and, where it fits, beside the map rather than over it,
  // so it hides no site; where it does not fit (a short picture), it stays where the dashboard draws it.
  // The copy beside the map has no listeners: the control's own resize rule would collapse it again.
  const legend = el.querySelector(".dm-legend");
  let side = null;
  if (legend) {
    const copy = legend.cloneNode(true);
    copy.classList.remove("dm-collapsed");
    side = make("dm-seen-side", "");
    side.appendChild(copy);
    wrap.appendChild(side);
    if (side.offsetHeight > wrap.clientHeight - 10 || side.offsetWidth > (wrap.clientWidth - 28) / 3) {
      side.remove();
      side = null;
    } else {
      legend.remove();
    }
  }
  // The credits as a line under the map: over a narrow map they ran across the scale bar.
  const credits = el.querySelector(".leaflet-control-attribution");
  if (credits) {
    const line = make("dm-seen-credits", credits.textContent.replace(/^\s*Leaflet\s*\|\s*/, "Leaflet · "));
    wrap.after(line);
    credits.remove();
  }
  let width = wrap.clientWidth - 28 - (side ? side.offsetWidth + 12 : 0), height = wrap.clientHeight - 10;
  if (view) {  // the map body takes the view's shape (Web Mercator), as large as fits
    const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const ratio = ((view[3] - view[1]) * Math.PI / 180) / (y(view[2]) - y(view[0]));
    if (width / height > ratio) { width = height * ratio; } else { height = width / ratio; }
  }
  Object.assign(el.style, {width: `${Math.floor(width)}px`, height: `${Math.floor(height)}px`, flex: "none"});
  map.invalidateSize({animate: false});
  if (view) {
    map.options.zoomSnap = 0;  // the exact box, not the nearest whole zoom that contains it
    await new Promise((done) => {
      map.once("moveend", done);
      map.fitBounds([[view[0], view[1]], [view[2], view[3]]], {padding: [0, 0], animate: false});
      setTimeout(done, 2000);
    });
  }
  if (legend && !side) { legend.classList.remove("dm-collapsed"); }  // after the last resize, which may collapse it
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), map.getZoom()];
}"""
