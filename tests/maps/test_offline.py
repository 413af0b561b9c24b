"""Offline folium maps: vendored asset lists, CDN link rewriting and standalone HTML export (no browser)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import branca.colormap
import folium
import pytest

from geo.core.errors import ExportError
from geo.core.settings import STATIC_VENDOR_DIR
from geo.maps.offline import (
    VENDOR_CSS,
    VENDOR_IFRAME_BASE,
    VENDOR_JS,
    VENDOR_PLUGINS,
    IconImagePath,
    localise_links,
    make_map,
    remote_urls,
    save_offline_html,
    vendor_file_base,
    vendored_path,
)

REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
BASE = "../../app/static/vendor"
FOLIUM_CDN_JS = [url for _, url in folium.Map.default_js]
FOLIUM_CDN_CSS = [url for _, url in folium.Map.default_css]


def _links(m: folium.Map) -> list[str]:
    return [url for _, url in [*m.default_js, *m.default_css]]


def _vendor_file(url: str, base: str) -> Path:
    assert url.startswith(base + "/"), url
    return STATIC_VENDOR_DIR / url[len(base) + 1 :]


@pytest.fixture
def class_lists():
    """Snapshot folium's class-level asset lists and check they are unchanged (and not replaced) after."""
    js, css = folium.Map.default_js, folium.Map.default_css
    js_copy, css_copy = list(js), list(css)
    yield
    assert folium.Map.default_js is js and folium.Map.default_js == js_copy
    assert folium.Map.default_css is css and folium.Map.default_css == css_copy


# --- make_map -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", [VENDOR_IFRAME_BASE, "/app/static/vendor/"])
def test_make_map_instance_lists_are_local(vendor, class_lists):
    m = make_map(vendor=vendor, location=[53.9, 27.6], zoom_start=6)
    assert "default_js" in vars(m) and "default_css" in vars(m)  # instance attributes, shadowing the class
    links = _links(m)
    assert links, "make_map must set asset lists"
    assert not [u for u in links if REMOTE.match(u)]
    assert all(u.startswith(vendor.rstrip("/") + "/") for u in links)
    assert "//" not in "".join(u.removeprefix("file://") for u in links)


def test_make_map_default_has_no_tiles():
    m = make_map()
    assert not [c for c in m._children.values() if isinstance(c, folium.TileLayer)]


def test_make_map_keeps_folium_kwargs(class_lists):
    m = make_map(location=[53.9, 27.6], zoom_start=7, tiles="OpenStreetMap")
    assert m.location == [53.9, 27.6]
    assert [c for c in m._children.values() if isinstance(c, folium.TileLayer)]


def test_add_link_on_made_map_leaves_class_lists_alone(class_lists):
    m = make_map()
    m.add_js_link("extra", f"{VENDOR_IFRAME_BASE}/extra.js")
    assert ("extra", f"{VENDOR_IFRAME_BASE}/extra.js") in m.default_js


def test_a_map_without_icons_loads_leaflet_and_its_plugins_only():
    """The catalog map draws no folium.Icon: its iframe loads no jQuery, Bootstrap or awesome-markers script."""
    m = make_map(icons=False, plugins=("markercluster",))
    assert [name for name, _ in m.default_js] == ["leaflet", "markercluster", "featuregroup_subgroup"]
    assert [name for name, _ in m.default_css] == [*(name for name, _ in VENDOR_CSS), "markercluster_css"]
    assert [name for name, _ in make_map().default_js] == [name for name, _ in VENDOR_JS]


def test_maps_do_not_share_instance_lists():
    a, b = make_map(), make_map()
    assert a.default_js is not b.default_js and a.default_css is not b.default_css


def test_icon_image_path_is_first_and_rendered_before_markers():
    m = make_map()
    folium.Marker([53.9, 27.6]).add_to(m)
    assert isinstance(next(iter(m._children.values())), IconImagePath)
    html = m.get_root().render()
    assert 'L.Icon.Default.imagePath = "../../app/static/vendor/leaflet/images/";' in html
    assert html.index("L.Icon.Default.imagePath") < html.index("L.marker(")


def test_map_script_from_class_has_image_path():
    """What st_folium sends: the map's own script plus its children's script macros."""
    m = make_map()
    folium.Marker([53.9, 27.6]).add_to(m)
    scripts = [c._template.module.script(c, {}) for c in m._children.values() if hasattr(c, "_template")]
    assert any("L.Icon.Default.imagePath" in str(s) for s in scripts)


# --- vendored files -------------------------------------------------------------------------------------


def test_every_file_referenced_by_make_map_exists():
    m = make_map()
    referenced = [*_links(m), f"{VENDOR_IFRAME_BASE}/leaflet/images/marker-icon.png"]
    missing = [u for u in referenced if not _vendor_file(u, VENDOR_IFRAME_BASE).is_file()]
    assert not missing, f"missing under static/vendor (run `make vendor`): {missing}"


def test_file_base_points_at_the_vendor_folder():
    base = vendor_file_base()
    assert base.startswith("file:///") and not base.endswith("/")
    assert Path(unquote(urlsplit(base).path)) == STATIC_VENDOR_DIR.resolve()
    for url in _links(make_map(vendor=base)):
        assert Path(unquote(urlsplit(url).path)).is_file(), url


def test_vendored_css_references_resolve():
    """Fonts and sprites the vendored stylesheets load (url(...)) are vendored too."""
    missing = []
    for css in STATIC_VENDOR_DIR.rglob("*.css"):
        for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if ref.startswith(("data:", "#")):
                continue
            assert not REMOTE.match(ref), f"{css}: remote {ref}"
            target = (css.parent / ref.split("?")[0].split("#")[0]).resolve()
            if not target.is_file():
                missing.append(f"{css.relative_to(STATIC_VENDOR_DIR)} -> {ref}")
    assert not missing


def test_every_vendored_package_keeps_its_licence():
    for folder in ("leaflet", "jquery", "bootstrap", "fontawesome", "awesome-markers", "d3"):
        assert list((STATIC_VENDOR_DIR / folder).glob("LICENSE*")), folder


def test_rotate_css_covers_every_angle():
    css = (STATIC_VENDOR_DIR / "folium" / "leaflet.awesome.rotate.min.css").read_text(encoding="utf-8")
    assert ".fa-rotate-0{" in css and ".fa-rotate-359{" in css and "rotate(45deg)" in css


# --- localise_links -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        pytest.param(FOLIUM_CDN_JS, [f"{BASE}/{path}" for _, path in VENDOR_JS], id="folium-default-js"),
        pytest.param(
            FOLIUM_CDN_CSS,
            [f"{BASE}/{path}" for _, path in VENDOR_CSS],  # glyphicons dropped
            id="folium-default-css",
        ),
        pytest.param(
            ["https://d3js.org/d3.v4.min.js", "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"],
            [f"{BASE}/d3/d3.v3.min.js"],
            id="streamlit-folium-colormap-d3",
        ),
        pytest.param(["//d3js.org/d3.v3.min.js"], [f"{BASE}/d3/d3.v3.min.js"], id="protocol-relative-d3v3"),
        pytest.param(["https://unpkg.com/leaflet@1.9.4/dist/leaflet.css"], [f"{BASE}/leaflet/leaflet.css"]),
        pytest.param(
            ["https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"], [f"{BASE}/jquery/jquery.min.js"]
        ),
        pytest.param(
            ["https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.2.0/css/all.min.css"],
            [f"{BASE}/fontawesome/css/all.min.css"],
        ),
        pytest.param(["https://unpkg.com/leaflet@1.7.1/dist/leaflet.js"], [], id="other-leaflet-dropped"),
        pytest.param(
            ["https://cdn.jsdelivr.net/npm/leaflet.markercluster@1.1.0/dist/leaflet.markercluster.js"],
            [f"{BASE}/leaflet.markercluster/leaflet.markercluster.js"],
            id="vendored-plugin-localised",
        ),
        pytest.param(
            ["https://cdn.jsdelivr.net/npm/leaflet.fullscreen@2.4.0/Control.FullScreen.js"],
            [],
            id="unknown-plugin-dropped",
        ),
        pytest.param(["//example.org/x.js", "http://example.org/y.css"], [], id="any-remote-dropped"),
        pytest.param(
            [f"{BASE}/leaflet/leaflet.js", "data:text/javascript;base64,AA==", "file:///tmp/a.js", "local.js"],
            [f"{BASE}/leaflet/leaflet.js", "data:text/javascript;base64,AA==", "file:///tmp/a.js", "local.js"],
            id="local-kept",
        ),
        pytest.param(
            [FOLIUM_CDN_JS[0], f"{BASE}/leaflet/leaflet.js", FOLIUM_CDN_JS[0]],
            [f"{BASE}/leaflet/leaflet.js"],
            id="deduplicated",
        ),
        pytest.param([], [], id="empty"),
    ],
)
def test_localise_links(links, expected):
    assert localise_links(links, BASE) == expected
    assert localise_links(iter(links), BASE + "/") == expected  # any iterable, trailing slash tolerated


def test_every_cdn_target_is_vendored():
    for url in [*FOLIUM_CDN_JS, *FOLIUM_CDN_CSS, "https://cdnjs.cloudflare.com/ajax/libs/d3/3.5.5/d3.min.js"]:
        target = vendored_path(url)
        assert target is not None, url
        if target:
            assert (STATIC_VENDOR_DIR / target).is_file(), url


# --- save_offline_html ----------------------------------------------------------------------------------


def _assets(html: str) -> list[str]:
    return re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", html)


def test_save_repoints_iframe_map_to_file_uris(tmp_path, class_lists):
    m = make_map(location=[53.9, 27.6], zoom_start=6)
    folium.Marker([53.9, 27.6], popup='<a href="https://example.org/report">source</a>').add_to(m)
    before = _links(m)
    out = save_offline_html(m, tmp_path / "map.html")
    html = out.read_text(encoding="utf-8")
    assets = _assets(html)
    assert assets and all(a.startswith(vendor_file_base() + "/") for a in assets)
    assert f'L.Icon.Default.imagePath = "{vendor_file_base()}/leaflet/images/";' in html
    assert VENDOR_IFRAME_BASE not in html
    assert _links(m) == before  # the map itself still targets the iframe
    assert "../../app/static/vendor/leaflet/images/" in m.get_root().render()


def test_save_localises_plain_folium_map_and_colormap_d3(tmp_path, class_lists):
    m = folium.Map(tiles=None)
    folium.Marker([0, 0]).add_to(m)
    branca.colormap.LinearColormap(["red", "blue"], vmin=0, vmax=1).add_to(m)
    html = save_offline_html(m, tmp_path / "plain.html").read_text(encoding="utf-8")
    assert f"{vendor_file_base()}/d3/d3.v3.min.js" in _assets(html)
    assert not [a for a in _assets(html) if REMOTE.match(a)]
    assert "glyphicons" not in html


def test_save_refuses_tiles_unless_opted_in(tmp_path):
    m = make_map(tiles="OpenStreetMap")
    with pytest.raises(ExportError, match=r"tile\.openstreetmap\.org"):
        save_offline_html(m, tmp_path / "tiles.html")
    assert not (tmp_path / "tiles.html").exists()
    html = save_offline_html(m, tmp_path / "tiles.html", allow_tiles=True).read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in html


def test_save_refuses_unvendored_plugin(tmp_path):
    from folium.plugins import Fullscreen

    m = make_map()
    Fullscreen().add_to(m)
    with pytest.raises(ExportError, match="fullscreen"):
        save_offline_html(m, tmp_path / "fullscreen.html")


def test_vendored_plugins_load_locally(tmp_path):
    """make_map(plugins=...) loads the vendored files; folium's own MarkerCluster is re-pointed at them too."""
    from folium.plugins import FeatureGroupSubGroup, MarkerCluster

    m = make_map(plugins=("markercluster",))
    cluster = MarkerCluster(control=False).add_to(m)
    FeatureGroupSubGroup(cluster, name="sub").add_to(m)
    html = save_offline_html(m, tmp_path / "cluster.html").read_text(encoding="utf-8")
    for _, path in VENDOR_PLUGINS["markercluster"][0]:
        assert f"{vendor_file_base()}/{path}" in html
        assert (STATIC_VENDOR_DIR / path).is_file()
    assert "cdnjs" not in html and "unpkg" not in html


def test_save_refuses_remote_url_in_data(tmp_path):
    m = make_map()
    feature = {
        "type": "Feature",
        "properties": {"source": "https://news.example/report"},
        "geometry": {"type": "Point", "coordinates": [27.6, 53.9]},
    }
    folium.GeoJson(feature).add_to(m)
    with pytest.raises(ExportError, match=r"news\.example"):
        save_offline_html(m, tmp_path / "data.html")


def test_a_web_address_quoted_in_a_report_does_not_block_the_offline_map(tmp_path):
    m = make_map()
    feature = {
        "type": "Feature",
        "properties": {"quote": "The ministry's statement is at http://www.example.com/report, it said."},
        "geometry": {"type": "Point", "coordinates": [27.6, 53.9]},
    }
    folium.GeoJson(feature).add_to(m)
    assert save_offline_html(m, tmp_path / "quote.html").is_file()


def test_save_reports_unwritable_path(tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        save_offline_html(make_map(), tmp_path / "missing-dir" / "map.html")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script src="https://a.example/x.js"></script>', ["https://a.example/x.js"]),
        ("<link href='//b.example/y.css'>", ["//b.example/y.css"]),
        ('L.tileLayer("https://t.example/{z}/{x}/{y}.png")', ["https://t.example/{z}/{x}/{y}.png"]),
        ('<a href="https://c.example/">c</a>', []),
        ('"\\u003ca href=\\"https://d.example/\\"\\u003ed\\u003c/a\\u003e"', []),
        ("// a comment\nvar x = 1; // another", []),
        ('<img src="data:image/png;base64,AA==">', []),
        ('{"quote": "Details at http://www.example.com/report and www.example.org."}', []),
        ('{"summary": "See https://example.net/x (in English)."}', []),
        ("<style>@import url(https://fonts.example/a.css);</style>", ["https://fonts.example/a.css"]),
    ],
)
def test_remote_urls(html, expected):
    assert remote_urls(html) == expected


def test_remote_urls_allowed_hosts():
    html = 'L.tileLayer("https://tile.example/{z}/{x}/{y}.png"); x("https://other.example/a")'
    assert remote_urls(html, allowed_hosts=["TILE.example"]) == ["https://other.example/a"]
