"""Map snapshots: the static briefing map in every format, and the as-seen screenshot of the interactive map.

* :func:`render_snapshot` / :func:`write_snapshot` dispatch on the format: ``png``, ``pdf`` and ``svg`` come
  from :mod:`geo.briefing.map` (matplotlib, no browser), ``pptx`` (one slide) from :mod:`geo.briefing.pptx`,
  ``pack`` (map, timeline, exercises table, sources) from :mod:`geo.export.pack`.
* :func:`as_seen_png` photographs the dashboard's own map (:func:`geo.maps.build.build_map`) exactly as Leaflet
  draws it: the map is saved as standalone HTML with its vendored assets as ``file://`` URIs
  (:func:`geo.maps.offline.save_offline_html`), opened by Playwright in Debian's Chromium, and the ``.folium-map``
  page is framed (:mod:`geo.export.seen_frame`: header, banner, the dashboard's view, no interactive
  controls) and captured once the map, the sites and every image have finished loading. Nothing is fetched
  from the network. Without a browser it raises :class:`~geo.core.errors.ExportError` with a clear message;
  the static exports do not need one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from geo.briefing.map import FORMATS as MAP_FORMATS
from geo.briefing.map import BriefingOptions, render_bytes
from geo.briefing.options import RingSet
from geo.core.errors import ExportError
from geo.core.extent import MapExtent
from geo.export.browser import CHROMIUM, CHROMIUM_ARGS, browser_problem
from geo.export.data import check_output_path, write_bytes
from geo.export.seen_frame import FRAME_JS, SeenHeader, page_scale, png_with_text
from geo.query.selection import Selection

if TYPE_CHECKING:  # folium (the interactive map) is loaded only by the as-seen screenshot and the rings rule
    from geo.maps.build import MapOptions

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "SNAPSHOT_FORMATS",
    "as_seen_png",
    "browser_problem",
    "render_snapshot",
    "with_rings",
    "write_snapshot",
]

#: Formats of :func:`render_snapshot`.
SNAPSHOT_FORMATS: Final = (*MAP_FORMATS, "pptx", "pack")
# The map is ready when no tile is pending, every image has loaded and, if sites are drawn, they are.
_READY_JS: Final = """(expectSites) => {
  const images = Array.from(document.images).every((img) => img.complete);
  const tiles = document.querySelectorAll('.leaflet-tile:not(.leaflet-tile-loaded)').length === 0;
  const drawn = document.querySelectorAll('.leaflet-pane path, .leaflet-marker-icon').length > 0;
  const sites = !expectSites || document.querySelectorAll('.dm-site').length > 0;
  return images && tiles && drawn && sites;
}"""


def with_rings(
    selection: Selection, options: BriefingOptions | None, map_options: MapOptions | None
) -> BriefingOptions:
    """Return the briefing options with the distance rings ``map_options`` ask for (the dashboard's rule)."""
    options = options or BriefingOptions()
    if map_options is None:
        return options
    from geo.maps.build import distance_rings

    found = distance_rings(selection.sites, map_options, selection.period_end)
    if found is None:
        return options
    near = None if found.label_near is None else (found.label_near.x, found.label_near.y)
    return replace(options, rings=RingSet(found.rings, found.short, near))


def render_snapshot(
    selection: Selection,
    *,
    fmt: str,
    options: BriefingOptions | None = None,
    map_options: MapOptions | None = None,
) -> bytes:
    """Return the briefing map of a selection as a ``png``, ``pdf``, ``svg``, ``pptx`` or ``pack`` file's bytes.

    Parameters
    ----------
    selection
        The sites (EPSG:4326) and their filter; it may select nothing (the map then says that no exercise
        matches). Title, subtitle and membership date follow it.
    fmt
        One of :data:`SNAPSHOT_FORMATS`.
    options
        Title, banner, size, dpi, extent (:class:`geo.briefing.map.BriefingOptions`).
    map_options
        The interactive map's options: its distance rings are drawn on the briefing map too.

    Raises
    ------
    ExportError
        On an unknown format.
    """
    options = with_rings(selection, options, map_options)
    if fmt in MAP_FORMATS:
        return render_bytes(selection, fmt=fmt, options=options)
    if fmt == "pptx":
        from geo.briefing.pptx import to_pptx  # python-pptx is only loaded when a slide is asked for

        return to_pptx(selection, options=options)
    if fmt == "pack":
        from geo.export.pack import to_pack

        return to_pack(selection, options=options)
    msg = f"unknown map format {fmt!r}; expected one of {', '.join(SNAPSHOT_FORMATS)}"
    raise ExportError(msg)


def write_snapshot(
    selection: Selection,
    out: str | Path,
    *,
    fmt: str,
    options: BriefingOptions | None = None,
    map_options: MapOptions | None = None,
) -> Path:
    """Render the briefing map and write it to ``out`` (checked before rendering, replaced atomically)."""
    if fmt not in SNAPSHOT_FORMATS:
        msg = f"unknown map format {fmt!r}; expected one of {', '.join(SNAPSHOT_FORMATS)}"
        raise ExportError(msg)
    check_output_path(out)
    return write_bytes(render_snapshot(selection, fmt=fmt, options=options, map_options=map_options), out)


@dataclass(frozen=True)
class _Shot:
    """What one screenshot needs besides the browser: the page, its size and scale, and the frame."""

    html: Path
    size_px: tuple[int, int]
    scale: float
    header: SeenHeader
    view: MapExtent | None
    expect_sites: bool


def _shoot(browser: Any, shot: _Shot, timeout_ms: float) -> bytes:
    css_size = {"width": round(shot.size_px[0] / shot.scale), "height": round(shot.size_px[1] / shot.scale)}
    context = browser.new_context(viewport=css_size, device_scale_factor=shot.scale)
    try:
        page = context.new_page()
        page.goto(shot.html.as_uri(), wait_until="load", timeout=timeout_ms)
        page.wait_for_selector(".leaflet-container", timeout=timeout_ms)
        page.wait_for_function(_READY_JS, arg=shot.expect_sites, timeout=timeout_ms, polling="raf")
        view = shot.view
        frame = {
            "title": shot.header.title,
            "lines": list(shot.header.lines),
            "banner": shot.header.banner,
            "view": None if view is None else [view.south, view.west, view.north, view.east],
        }
        west, south, east, north, zoom = page.evaluate(FRAME_JS, frame)
        page.wait_for_function(_READY_JS, arg=shot.expect_sites, timeout=timeout_ms, polling="raf")
        png: bytes = page.screenshot(type="png", animations="disabled", timeout=timeout_ms)
    finally:
        context.close()
    shown = MapExtent(west, south, east, north, zoom=round(zoom, 4))
    return png_with_text(png, {"drillmap:bounds": shown.text(), "drillmap:zoom": f"{zoom:.4f}"})


def as_seen_png(
    selection: Selection,
    *,
    size_px: Sequence[int] = (1920, 1080),
    map_options: MapOptions | None = None,
    view: MapExtent | None = None,
    title: str = "",
    banner: str = "",
    browser: Any = None,
    executable: str | Path | None = None,
    timeout_s: float = 30.0,
) -> bytes:
    """Return a PNG of the interactive map exactly as the dashboard draws it, photographed in Chromium.

    Parameters
    ----------
    selection
        The sites (EPSG:4326) and their filter: membership is drawn as of its
        :attr:`~geo.query.selection.Selection.period_end`, as on the dashboard.
    size_px
        Viewport and image size (width, height) in pixels.
    map_options
        The map's options as the user set them on the page (rings and their centre, tiles), so that the
        picture shows what the page shows; tiles stay off unless asked for.
    view
        The dashboard map's current view: the picture shows exactly this box (its map body takes the
        box's shape). None keeps the map's opening view.
    title, banner
        The header's title (empty for the briefing map's default title) and a handling banner shown at
        the top and the bottom (empty for none). The header also states the period, the filters, the
        counts and the dates, in the briefing map's words (:mod:`geo.export.seen_frame`).
    browser
        An already launched Playwright ``Browser`` to reuse (a new context is opened and closed); None
        launches Chromium for this call and closes it after.
    executable
        Chromium to launch (default :data:`CHROMIUM`, or ``DRILLMAP_CHROMIUM`` in the environment).
    timeout_s
        Longest wait for the page, the map and the screenshot, in seconds.

    Returns
    -------
    bytes
        The PNG, ``size_px`` pixels, with the bounds it shows as text chunks (``drillmap:bounds`` =
        ``W,S,E,N``, ``drillmap:zoom``).

    Raises
    ------
    ExportError
        When no browser is available (the message says so and that the static exports still work), the
        browser fails, or the map does not finish drawing in time.
    """
    width, height = (int(v) for v in size_px)
    if not (200 <= width <= 4000 and 200 <= height <= 4000):
        msg = f"as-seen screenshot size must be between 200 and 4000 pixels a side, got {width}x{height}"
        raise ExportError(msg)
    if browser is None:
        problem = browser_problem(executable)
        if problem:
            raise ExportError(problem)
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from geo.maps.build import build_map
    from geo.maps.offline import save_offline_html, vendor_file_base

    m = build_map(selection.sites, period_end=selection.period_end, options=map_options, vendor=vendor_file_base())
    header = SeenHeader.of(selection, title=title, banner=banner)
    timeout_ms = timeout_s * 1000.0
    with tempfile.TemporaryDirectory(prefix="drillmap-as-seen-") as tmp:
        html = save_offline_html(m, Path(tmp) / "map.html", allow_tiles=bool(map_options and map_options.tiles))
        scale = page_scale((width, height), view)
        shot = _Shot(html, (width, height), scale, header, view, expect_sites=not selection.located.empty)
        try:
            if browser is not None:
                return _shoot(browser, shot, timeout_ms)
            with sync_playwright() as playwright:
                exe = str(executable or CHROMIUM)
                launched = playwright.chromium.launch(executable_path=exe, args=list(CHROMIUM_ARGS))
                try:
                    return _shoot(launched, shot, timeout_ms)
                finally:
                    launched.close()
        except PlaywrightTimeout as exc:
            msg = f"the map did not finish drawing within {timeout_s:g} s; the static exports work without a browser"
            raise ExportError(msg) from exc
        except PlaywrightError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            msg = f"the browser failed while taking the as-seen screenshot: {first}"
            raise ExportError(msg) from exc
