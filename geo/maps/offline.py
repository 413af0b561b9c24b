"""Folium maps that render with zero external requests.

folium and branca point every map at CDNs (Leaflet, jQuery, Bootstrap, Font Awesome, awesome-markers,
d3). On an air-gapped machine a single unreachable script leaves the whole map blank, so Drillmap
serves pinned copies of those files from ``static/vendor/`` (see ``static/README.md``) and builds
every map with :func:`make_map`, which points the map at them.

Two bases are in use:

* :data:`VENDOR_IFRAME_BASE`, a relative URL that resolves from streamlit-folium's component iframe to
  Streamlit's static file serving (``enableStaticServing``), also under ``--server.baseUrlPath``;
* :func:`vendor_file_base`, the ``file://`` URI of the folder, for saved HTML files and PNG exports.

:func:`localise_links` rewrites the CDN links that streamlit-folium collects or injects itself (the d3
links of branca colormaps); the Streamlit-side wrapper that applies it lives in
``pages/offline_component.py``. Nothing here imports Streamlit.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import branca.element
import folium
import folium.raster_layers
import jinja2

from geo.core.errors import ExportError
from geo.core.settings import STATIC_VENDOR_DIR

__all__ = [
    "VENDOR_CSS",
    "VENDOR_IFRAME_BASE",
    "VENDOR_JS",
    "VENDOR_PLUGINS",
    "IconImagePath",
    "folium_text",
    "localise_links",
    "make_map",
    "remote_urls",
    "save_offline_html",
    "vendor_file_base",
    "vendored_path",
]

#: Base of the vendored assets as seen from streamlit-folium's iframe
#: (``/component/streamlit_folium.st_folium/index.html`` -> ``/app/static/vendor``).
VENDOR_IFRAME_BASE: Final = "../../app/static/vendor"

#: Scripts of every map, in load order: (folium's link name, path under ``static/vendor``).
VENDOR_JS: Final[tuple[tuple[str, str], ...]] = (
    ("leaflet", "leaflet/leaflet.js"),
    ("jquery", "jquery/jquery.min.js"),
    ("bootstrap", "bootstrap/bootstrap.bundle.min.js"),
    ("awesome_markers", "awesome-markers/leaflet.awesome-markers.js"),
)

#: Stylesheets of every map. Bootstrap 3 glyphicons are left out: no standalone npm file exists, so
#: ``folium.Icon`` needs ``prefix="fa"``.
VENDOR_CSS: Final[tuple[tuple[str, str], ...]] = (
    ("leaflet_css", "leaflet/leaflet.css"),
    ("bootstrap_css", "bootstrap/bootstrap.min.css"),
    ("awesome_markers_font_css", "fontawesome/css/all.min.css"),
    ("awesome_markers_css", "awesome-markers/leaflet.awesome-markers.css"),
    ("awesome_rotate_css", "folium/leaflet.awesome.rotate.min.css"),
)

#: Leaflet plugins a map may ask for (:func:`make_map`): name -> (scripts, stylesheets), loaded after Leaflet.
VENDOR_PLUGINS: Final[dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]]] = {
    "markercluster": (
        (
            ("markercluster", "leaflet.markercluster/leaflet.markercluster.js"),
            ("featuregroup_subgroup", "leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js"),
        ),
        (("markercluster_css", "leaflet.markercluster/MarkerCluster.css"),),
    ),
}

_LEAFLET_IMAGES: Final = "leaflet/images/"

# Known CDN files -> path under static/vendor, or None for files deliberately dropped. Matched against the
# URL without scheme and query; versions are pinned to the vendored minor release (patch may differ).
_CDN_RULES: Final[tuple[tuple[re.Pattern[str], str | None], ...]] = tuple(
    (re.compile(pattern, re.IGNORECASE), target)
    for pattern, target in (
        (r"/leaflet@1\.9\.\d+/dist/leaflet\.js$", "leaflet/leaflet.js"),
        (r"/leaflet/1\.9\.\d+/leaflet\.js$", "leaflet/leaflet.js"),
        (r"/leaflet@1\.9\.\d+/dist/leaflet\.css$", "leaflet/leaflet.css"),
        (r"/leaflet/1\.9\.\d+/leaflet\.css$", "leaflet/leaflet.css"),
        (r"/jquery-3\.7\.\d+\.min\.js$", "jquery/jquery.min.js"),
        (r"/jquery@3\.7\.\d+/dist/jquery\.min\.js$", "jquery/jquery.min.js"),
        (r"/jquery/3\.7\.\d+/jquery\.min\.js$", "jquery/jquery.min.js"),
        (r"/bootstrap@5\.2\.\d+/dist/js/bootstrap\.bundle\.min\.js$", "bootstrap/bootstrap.bundle.min.js"),
        (r"/bootstrap@5\.2\.\d+/dist/css/bootstrap\.min\.css$", "bootstrap/bootstrap.min.css"),
        (r"/bootstrap/3\.\d+\.\d+/css/bootstrap-glyphicons\.css$", None),
        (r"/fontawesome-free@6\.2\.\d+/css/all\.min\.css$", "fontawesome/css/all.min.css"),
        (r"/font-awesome/6\.2\.\d+/css/all\.min\.css$", "fontawesome/css/all.min.css"),
        (
            r"/leaflet\.awesome-markers(?:@|/)2\.0\.\d+/(?:dist/)?leaflet\.awesome-markers(?:\.min)?\.js$",
            "awesome-markers/leaflet.awesome-markers.js",
        ),
        (
            r"/leaflet\.awesome-markers(?:@|/)2\.0\.\d+/(?:dist/)?leaflet\.awesome-markers\.css$",
            "awesome-markers/leaflet.awesome-markers.css",
        ),
        (r"/leaflet\.awesome\.rotate(?:\.min)?\.css$", "folium/leaflet.awesome.rotate.min.css"),
        # folium's MarkerCluster plugin names 1.1.0; the vendored 1.5.3 keeps its API.
        (
            r"/leaflet\.markercluster(?:@|/)1\.\d+\.\d+/(?:dist/)?leaflet\.markercluster(?:-src)?\.js$",
            "leaflet.markercluster/leaflet.markercluster.js",
        ),
        (
            r"/leaflet\.markercluster(?:@|/)1\.\d+\.\d+/(?:dist/)?MarkerCluster\.css$",
            "leaflet.markercluster/MarkerCluster.css",
        ),
        (
            r"/leaflet\.markercluster(?:@|/)1\.\d+\.\d+/(?:dist/)?MarkerCluster\.Default\.css$",
            "leaflet.markercluster/MarkerCluster.Default.css",
        ),
        (
            r"/leaflet\.featuregroup\.subgroup@1\.0\.\d+/dist/leaflet\.featuregroup\.subgroup(?:-src)?\.js$",
            "leaflet.featuregroup.subgroup/leaflet.featuregroup.subgroup.js",
        ),
        (r"/d3/3\.\d+\.\d+/d3(?:\.min)?\.js$", "d3/d3.v3.min.js"),
        (r"/d3@3\.\d+\.\d+/d3(?:\.min)?\.js$", "d3/d3.v3.min.js"),
        (r"^//d3js\.org/d3\.v3(?:\.min)?\.js$", "d3/d3.v3.min.js"),
        # streamlit-folium prepends d3 v4 for colormaps, but branca's legend template uses the d3 v3 API.
        (r"^//d3js\.org/d3\.v4(?:\.min)?\.js$", None),
    )
)

_REMOTE: Final = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_SCRIPT_TAG: Final = re.compile(r"""<script\b[^>]*?\bsrc=(["'])(?P<url>[^"']*)\1[^>]*>\s*</script>""", re.I)
_LINK_TAG: Final = re.compile(r"""<link\b[^>]*?\bhref=(["'])(?P<url>[^"']*)\1[^>]*>""", re.I)
# A URL that starts a value, right after a quote, "(" or "=": an attribute, a string literal, a CSS url(),
# a JSON value. An address inside prose ("details at http://…" in a quoted report) is text, never fetched.
_URL_IN_TEXT: Final = re.compile(
    r"""(?<=["'(=])(?P<url>https?://[^\s"'<>()\\]+|//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'<>()\\]*)""", re.I
)
# Links a user follows: <a href="..."> (JSON-escaped in scripts as \u003ca href=\"...\"). Not requests.
_ANCHOR_HREF: Final = re.compile(r"""(?:<|\\u003c)a\s(?:(?!\\u003e)[^>])*?\bhref=\\?["'](?P<url>[^"'\\]*)""", re.I)


class IconImagePath(branca.element.MacroElement):
    """Set ``L.Icon.Default.imagePath`` inside the map script.

    streamlit-folium appends the CSS ``<link>`` elements only after the scripts ran, so Leaflet cannot
    detect the marker image folder from ``leaflet.css`` and requests ``.../vendorleafletmarker-icon.png``
    (a broken image). This element's script runs inside the map script, before any marker is created,
    provided it is added to the map before the markers.

    Parameters
    ----------
    path
        URL of the folder holding ``marker-icon.png``, with a trailing slash.
    """

    _template = jinja2.Template(
        "{% macro script(this, kwargs) %}L.Icon.Default.imagePath = {{ this.path|tojson }};{% endmacro %}"
    )

    def __init__(self, path: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves __init__ unannotated
        self._name = "IconImagePath"
        self.path = path


def vendor_file_base() -> str:
    """Return the ``file://`` URI of ``static/vendor`` (no trailing slash).

    Use it as the ``vendor`` of maps that are saved to HTML or exported to PNG outside Streamlit.

    Returns
    -------
    str
        For example ``file:///work/main/static/vendor``.
    """
    return STATIC_VENDOR_DIR.resolve().as_uri()


def make_map(
    *, vendor: str = VENDOR_IFRAME_BASE, plugins: tuple[str, ...] = (), icons: bool = True, **kwargs: Any
) -> folium.Map:
    """Build a :class:`folium.Map` whose scripts, stylesheets and marker images come from ``vendor``.

    The asset lists are set on the instance, shadowing folium's class-level ``default_js`` and
    ``default_css``, which stay untouched (they are shared by every map in the process). An
    :class:`IconImagePath` element is added before anything the caller adds.

    Parameters
    ----------
    vendor
        Base URL of the vendored assets, without a trailing slash: :data:`VENDOR_IFRAME_BASE` for
        ``st_folium``, :func:`vendor_file_base` for saved HTML.
    plugins
        Names of :data:`VENDOR_PLUGINS` whose scripts and stylesheets the map loads after Leaflet's.
    icons
        Load the scripts of ``folium.Icon`` markers (awesome-markers, and the jQuery and Bootstrap scripts
        folium pairs with it). A map that draws no ``folium.Icon`` (Leaflet's own markers, ``divIcon``
        and vector layers need none of them) leaves them out: streamlit-folium's iframe loads its
        scripts one after another before the map script runs, so each costs every new session. The
        stylesheets stay, so the map looks the same.
    **kwargs
        Passed to :class:`folium.Map`. ``tiles`` defaults to ``None`` (no tile layer, so no request
        leaves the machine); online tiles must be asked for explicitly.

    Returns
    -------
    folium.Map
        The map, ready for GeoJSON layers and markers.
    """
    base = vendor.rstrip("/")
    kwargs.setdefault("tiles", None)
    m = folium.Map(**kwargs)
    js, css = list(VENDOR_JS if icons else VENDOR_JS[:1]), list(VENDOR_CSS)  # Leaflet's own script comes first
    for plugin in plugins:
        plugin_js, plugin_css = VENDOR_PLUGINS[plugin]
        js.extend(plugin_js)
        css.extend(plugin_css)
    m.default_js = [(name, f"{base}/{path}") for name, path in js]
    m.default_css = [(name, f"{base}/{path}") for name, path in css]
    IconImagePath(f"{base}/{_LEAFLET_IMAGES}").add_to(m)
    return m


def vendored_path(url: str) -> str | None:
    """Return the path under ``static/vendor`` that replaces a known CDN URL.

    Parameters
    ----------
    url
        An absolute (``https://``) or protocol-relative (``//``) URL.

    Returns
    -------
    str or None
        The vendored file (for example ``"leaflet/leaflet.js"``), ``""`` if the URL is known and
        deliberately dropped (d3 v4, Bootstrap 3 glyphicons), ``None`` if it is unknown.
    """
    parts = urlsplit(url)
    bare = f"//{parts.netloc}{parts.path}"
    for pattern, target in _CDN_RULES:
        if pattern.search(bare):
            return "" if target is None else target
    return None


def _is_remote(url: str) -> bool:
    return bool(_REMOTE.match(url.strip())) and not url.strip().lower().startswith("file:")


def localise_links(links: Iterable[str], vendor: str) -> list[str]:
    """Map the CDN links of a map to vendored files and drop every other remote link.

    This is the filter applied to the ``js_links``/``css_links`` that streamlit-folium sends to its
    iframe, where one unreachable script blanks the whole map.

    Parameters
    ----------
    links
        Script or stylesheet URLs, in load order.
    vendor
        Base URL of the vendored assets (no trailing slash needed).

    Returns
    -------
    list of str
        The links in the same order: known CDN files (Leaflet, jQuery, Bootstrap, Font Awesome,
        awesome-markers, d3 3.x, folium's rotate CSS, markercluster 1.x and its sub-group plugin) replaced by
        their vendored copy, d3 v4 and every
        other ``http(s)://`` or ``//`` URL dropped, local links kept as they are, duplicates removed.
    """
    base = vendor.rstrip("/")
    out: list[str] = []
    for link in links:
        local = link
        if _is_remote(link):
            target = vendored_path(link)
            if not target:
                continue
            local = f"{base}/{target}"
        if local not in out:
            out.append(local)
    return out


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


@contextmanager
def _icon_paths(m: folium.Map, path: str) -> Iterator[None]:
    """Point every :class:`IconImagePath` of ``m`` at ``path`` for the duration of the block."""
    elements = [el for el in _walk(m) if isinstance(el, IconImagePath)]
    saved = [el.path for el in elements]
    for el in elements:
        el.path = path
    try:
        yield
    finally:
        for el, old in zip(elements, saved, strict=True):
            el.path = old


def _file_url(url: str, vendor: str) -> str | None:
    """Return the ``file://`` replacement of a script/stylesheet URL, ``""`` to drop it, None to keep it."""
    if url.startswith(VENDOR_IFRAME_BASE + "/"):
        return vendor + url[len(VENDOR_IFRAME_BASE) :]
    if _is_remote(url):
        target = vendored_path(url)
        if target is not None:
            return f"{vendor}/{target}" if target else ""
    return None


def _localise_html(html: str, vendor: str) -> str:
    def repl(match: re.Match[str]) -> str:
        url = match.group("url")
        new = _file_url(url, vendor)
        if new is None:
            return match.group(0)
        if not new:
            return ""
        return match.group(0).replace(url, new, 1)

    return _LINK_TAG.sub(repl, _SCRIPT_TAG.sub(repl, html))


def _tile_hosts(m: folium.Map) -> set[str]:
    hosts: set[str] = set()
    for el in _walk(m):
        if isinstance(el, folium.raster_layers.TileLayer):
            hosts.add(urlsplit(str(el.tiles)).netloc.lower())
        elif isinstance(el, folium.raster_layers.WmsTileLayer):
            hosts.add(urlsplit(str(el.url)).netloc.lower())
    hosts.discard("")
    return hosts


def remote_urls(html: str, *, allowed_hosts: Iterable[str] = ()) -> list[str]:
    """List the remote URLs a page could request, in order of appearance, without duplicates.

    Parameters
    ----------
    html
        A rendered page.
    allowed_hosts
        Hosts whose URLs are accepted (the opt-in tile servers).

    Returns
    -------
    list of str
        Every ``http(s)://`` or protocol-relative ``//host/...`` URL that starts a value (right after a
        quote, ``(`` or ``=``: attributes, string literals, CSS ``url()``, JSON values such as a feature
        property holding a URL), except links of ``<a href>`` anchors (navigation, not requests) and URLs
        of ``allowed_hosts``. An address inside prose (a report's sentence quoted in a popup) is text the
        page never fetches, and is not listed.
    """
    allowed = {h.lower() for h in allowed_hosts}
    anchors = {m.group("url") for m in _ANCHOR_HREF.finditer(html)}
    found: list[str] = []
    for match in _URL_IN_TEXT.finditer(html):
        url = match.group("url")
        if url in anchors or url in found or urlsplit(url).netloc.lower() in allowed:
            continue
        found.append(url)
    return found


def save_offline_html(m: folium.Map, path: str | Path, *, allow_tiles: bool = False) -> Path:
    """Save ``m`` as a standalone HTML file whose assets are ``file://`` URIs of ``static/vendor``.

    Works for maps built with :data:`VENDOR_IFRAME_BASE` (the links and the marker image path are
    re-pointed for this file only; the map itself is left as it was), with :func:`vendor_file_base`,
    and for plain folium maps (known CDN links are replaced, Bootstrap 3 glyphicons dropped). The map
    is rendered once; nothing is fetched.

    Parameters
    ----------
    m
        The map to save.
    path
        Destination ``.html`` file; its folder must exist.
    allow_tiles
        Accept the URLs of the map's tile layers (``TileLayer``/``WmsTileLayer`` hosts): online tiles
        are opt-in. Anchor links (attributions, popups) are always accepted.

    Returns
    -------
    Path
        The written file.

    Raises
    ------
    ExportError
        If a remote URL remains after re-pointing (an unvendored plugin, a tile layer without
        ``allow_tiles``, a URL in the data), or the file cannot be written. Nothing is written then.
    """
    out = Path(path)
    vendor = vendor_file_base()
    with _icon_paths(m, f"{vendor}/{_LEAFLET_IMAGES}"):
        html = m.get_root().render()
    html = _localise_html(html, vendor)
    remaining = remote_urls(html, allowed_hosts=_tile_hosts(m) if allow_tiles else ())
    if remaining:
        shown = ", ".join(repr(u) for u in remaining[:5])
        more = f" and {len(remaining) - 5} more" if len(remaining) > 5 else ""
        msg = f"{out.name}: the map still references remote URLs: {shown}{more}"
        raise ExportError(msg)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        msg = f"{out.name}: cannot write the map: {exc}"
        raise ExportError(msg) from exc
    return out


def folium_text(text: str) -> str:
    """Return report text safe to hand to a folium ``Tooltip``/``Popup`` as HTML.

    HTML-escaped (a report may contain ``<script>``), and with every brace written as an HTML entity:
    folium renders element scripts through Jinja again when the page is rendered, so a quoted
    ``{{ ... }}`` or ``{% ... %}`` would otherwise be evaluated on the server. The browser shows the
    entities as the braces they stand for.
    """
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
