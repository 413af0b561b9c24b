"""Every page under Streamlit's AppTest: no exception, filters drive the map, the URL round-trips.

The map component cannot be clicked here, but its arguments can be read: the st_folium element's
``json_args`` hold the map script (with the site tables), ``js_links`` and ``css_links``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from geo.catalog.filter import SiteFilter, filter_sites
from geo.catalog.sites import sites_frame
from geo.maps.sites import site_tables
from geo.maps.url_state import choices_from_sites
from pages.common.state import year_range
from tests.support.map_args import drawn_script, parsed

ROOT = Path(__file__).resolve().parents[2]
PAGES = (
    "pages/1_map.py",
    "pages/2_timeline.py",
    "pages/3_exercises.py",
    "pages/4_sources.py",
    "pages/6_proximity.py",
    "pages/8_playback.py",
    "pages/9_changes.py",
)
_PAYLOAD = re.compile(r'\}\)\((JSON\.parse\(".*?"\)), \{"r":', re.MULTILINE)


@pytest.fixture(scope="module")
def sites():
    return sites_frame()


@pytest.fixture(scope="module")
def years(sites) -> tuple[int, int]:
    return choices_from_sites(sites).years


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def _component_args(at: AppTest) -> dict:
    components = [el for el in at.get("component_instance") if el.proto.component_name == "streamlit_folium.st_folium"]
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def _drawn_sites(at: AppTest) -> int:
    """Symbols in the map script's site tables (one per place and alliance)."""
    match = _PAYLOAD.search(drawn_script(_component_args(at)))
    assert match, "the site tables are not in the map script"
    tables = parsed(match.group(1))
    return sum(len(rows) for parts in tables["layers"].values() for rows in parts.values())


def _params(at: AppTest) -> dict[str, str]:
    """The app's query parameters as name -> value (the last value of a repeated one)."""
    out = {}
    for name in at.query_params:
        value = at.query_params[name]
        out[name] = value[-1] if isinstance(value, list) else value
    return out


def _expected(sites, **kwargs) -> int:
    """Symbols the filtered sites make (the builder's own tables, checked in tests/maps)."""
    return site_tables(filter_sites(sites, SiteFilter(**kwargs))).symbols()


def test_pages_is_a_package():
    import pages
    from pages.common import state as ui_common

    assert Path(pages.__file__).name == "__init__.py"
    assert callable(ui_common.sidebar)


def test_no_page_relies_on_magic():
    """.streamlit/config.toml turns Streamlit's "magic" off: no page may write a bare expression."""
    import ast
    import tomllib

    from streamlit.runtime.scriptrunner import magic

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False
    for script in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        rewritten = ast.unparse(magic.add_magic(script.read_text(encoding="utf-8"), str(script)))
        assert "transparent_write" not in rewritten, f"{script.name} writes a bare expression"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = _app()
    _no_exception(at)
    if page != PAGES[0]:
        at.switch_page(page).run()
        _no_exception(at)
    assert at.markdown, "the page wrote nothing"
    assert not at.error, [e.value for e in at.error]


def test_map_component_is_offline(sites):
    at = _app()
    args = _component_args(at)
    links = args["js_links"] + args["css_links"]
    assert links, "the map has no script or stylesheet links"
    remote = [u for u in links if re.match(r"^(https?:)?//", u, re.IGNORECASE)]
    assert remote == []
    # Leaflet and the cluster plugins only: the iframe loads its scripts one after another (no folium.Icon here).
    assert [u.rsplit("/", 1)[1] for u in args["js_links"]] == [
        "leaflet.js",
        "leaflet.markercluster.js",
        "leaflet.featuregroup.subgroup.js",
    ]
    assert "L.Icon.Default.imagePath" in args["script"]
    # Only the view comes back (for the exports): clicks and popups rerun nothing, and a pan or zoom reruns
    # only the map's fragment (pages/1_map.py).
    assert args["returned_objects"] == ["bounds", "zoom"]
    assert _drawn_sites(at) == _expected(sites)


def test_filters_change_the_sites_drawn(sites, years):
    at = _app()
    everything = _drawn_sites(at)
    assert everything == _expected(sites)

    _, last = years
    at.slider(key="f_years").set_range(last - 1, last).run()
    _no_exception(at)
    recent = _drawn_sites(at)
    assert recent == _expected(sites, years=(last - 1, last))
    assert recent < everything

    at.multiselect(key="f_alliances").select("NATO").run()
    _no_exception(at)
    assert _drawn_sites(at) == _expected(sites, years=(last - 1, last), alliances=("NATO",))
    assert _params(at)["years"] == f"{last - 1}-{last}"
    assert _params(at)["alliance"] == "NATO"

    at.toggle(key="f_nato_on").set_value(True).run()
    _no_exception(at)
    assert _drawn_sites(at) == _expected(sites, years=(last - 1, last), alliances=("NATO",), max_distance_km=100)
    assert _params(at)["nato_km"] == "100"


@pytest.mark.parametrize("lost", [2021, None, "2020-2021", (2020,), ("a", "b"), (2020, 2021, 2022)])
def test_a_years_value_that_is_not_a_range_means_every_year(sites, lost):
    # A websocket client that sends one number or none for the slider left such a value; the filter then
    # raised TypeError. (AppTest cannot send one: it serialises the widget's value as the browser would.)
    ch = choices_from_sites(sites)
    assert year_range(lost, ch) == ch.years
    assert year_range([2020, 2021], ch) == (2020, 2021)


def test_counts_in_the_sidebar(sites):
    at = _app()
    metrics = {m.label: m.value for m in at.sidebar.get("metric")}
    assert metrics["Exercises"] == str(sites["exercise_id"].nunique())
    assert metrics["Sites"] == str(len(sites))


def test_url_params_set_the_filters_and_round_trip(sites, years):
    first, last = years
    at = _app(years=f"{first + 1}-{last - 1}", alliance="NATO,Russia-Belarus", q="a", nato_km="200")
    _no_exception(at)
    assert not at.warning
    assert at.slider(key="f_years").value == (first + 1, last - 1)
    assert at.multiselect(key="f_alliances").value == ["Russia-Belarus", "NATO"]
    assert at.text_input(key="f_text").value == "a"
    assert at.toggle(key="f_nato_on").value is True
    assert at.slider(key="f_nato_km").value == 200
    expected = _expected(
        sites, years=(first + 1, last - 1), alliances=("Russia-Belarus", "NATO"), text="a", max_distance_km=200
    )
    assert _drawn_sites(at) == expected
    # The URL now holds the canonical form of the same state.
    assert _params(at) == {
        "years": f"{first + 1}-{last - 1}",
        "alliance": "Russia-Belarus,NATO",
        "q": "a",
        "nato_km": "200",
    }
    # ... and survives a page switch.
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    assert _params(at)["years"] == f"{first + 1}-{last - 1}"


def test_map_params_round_trip(sites):
    at = _app(rings="50,100", ring_at="nato", tiles="1")
    _no_exception(at)
    assert at.toggle(key="m_tiles").value is True
    assert at.multiselect(key="m_rings").value == [50, 100]
    script = drawn_script(_component_args(at))
    assert "Distance rings" in script and "tile.openstreetmap.org" in script
    assert "dm-tile-notice" in script  # the map announces tiles that fail to load
    assert any("If they cannot, a notice says so in the map" in c.value for c in at.caption)
    assert _params(at)["rings"] == "50,100" and _params(at)["ring_at"] == "nato"


def test_malformed_params_show_a_notice_not_a_crash(sites):
    at = _app(years="last-year", alliance="NATO,Warsaw Pact", bogus="1", nato_km="far")
    _no_exception(at)
    assert len(at.warning) == 1
    notice = at.warning[0].value.replace("\\", "")  # the text as shown: Markdown escapes removed
    for name in ("years", "Warsaw Pact", "bogus", "nato_km"):
        assert name in notice
    # The valid part still applies; the invalid ones are gone from the URL.
    assert at.multiselect(key="f_alliances").value == ["NATO"]
    assert _drawn_sites(at) == _expected(sites, alliances=("NATO",))
    assert "bogus" not in _params(at) and "years" not in _params(at)


#: Markdown that would be a link or an image if it reached the page as written.
_LIVE_MARKDOWN = re.compile(r"(?<!\\)\[|(?<!\\)\]\(|(?i:https?://|www\.)")


@pytest.mark.parametrize(
    "params",
    [{"alliance": "[log in](http://evil.example)"}, {"![b](http://127.0.0.1:9/x.png)": "1"}],
    ids=["link-in-a-value", "image-in-a-name"],
)
def test_url_notices_cannot_make_a_link_or_an_image(params):
    at = _app(**params)
    _no_exception(at)
    (notice,) = at.warning
    markdown = notice.value
    assert "http:\u2060//" in markdown  # the notice quotes the parameter …
    assert r"\[" in markdown and r"\]\(" in markdown  # … with its brackets escaped
    assert _LIVE_MARKDOWN.search(markdown) is None, markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert "<a " not in html and "<img" not in html


def test_unresolved_sites_are_counted_on_the_map_page(sites):
    at = _app()
    unresolved = int((sites["precision"] == "unresolved").sum())
    label = f"{unresolved} sites unresolved (not drawn on the map)"
    (box,) = [e for e in at.expander if e.label == label]
    # The table is sent only once the box is opened (a rerun): a new session's browser draws the map sooner.
    assert not box.dataframe
    at.session_state["m_unresolved_open"] = True
    at.run()
    _no_exception(at)
    (box,) = [e for e in at.expander if e.label == label]
    (table,) = box.dataframe
    assert len(table.value) == unresolved
    assert list(table.value.columns) == ["Exercise", "Place as written", "Read as", "Why it is not placed"]


def test_timeline_page_draws_a_vega_chart():
    at = _app()
    at.switch_page("pages/2_timeline.py").run()
    _no_exception(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    # Grouped by family (the default): a band per family header, then the bars and the announced-only diamonds.
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "bar", "point"]


def test_exercises_page_offers_filtered_downloads(sites, years):
    _, last = years
    at = _app(years=f"{last}-{last}")
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download GeoJSON"]
    assert at.selectbox(key="x_exercise").value in set(
        filter_sites(sites, SiteFilter(years=(last, last)))["exercise_id"]
    )


def test_exercise_link_opens_that_exercise(sites):
    """``?exercise=<id>`` (the map popups' links) selects that exercise; choosing another updates the URL."""
    at = _app(exercise="zapad-2017")
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    assert at.selectbox(key="x_exercise").value == "zapad-2017"
    texts = [m.value for m in at.markdown]
    assert texts[1:3] == ["### Details", "#### Zapad\\-2017"]  # opened from a link: the details come first
    other = next(e for e in sites["exercise_id"] if e != "zapad-2017")
    at.selectbox(key="x_exercise").select(other).run()
    _no_exception(at)
    assert at.selectbox(key="x_exercise").value == other
    assert _params(at)["exercise"] == other


@pytest.mark.parametrize(
    ("value", "reason"),
    [("no-such-exercise", "no exercise with this id"), ("<script>", "expected an exercise id")],
)
def test_bad_exercise_link_gives_a_notice(value, reason):
    at = _app(exercise=value)
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "exercise=" in warnings and reason in warnings


def test_exercise_link_outside_the_filters_says_so(years):
    first, _ = years
    at = _app(exercise="zapad-2025", years=str(first))
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    shown = [w.value.replace("\\", "") for w in at.warning]  # the id is Markdown-escaped: "zapad\\-2025"
    assert any("'zapad-2025'" in w and "not in view" in w for w in shown), shown


def test_sources_page_lists_sources_and_licences():
    at = _app()
    at.switch_page("pages/4_sources.py").run()
    _no_exception(at)
    text = " ".join(m.value for m in at.markdown)
    assert "Reference data and licences" in text
    assert len(at.dataframe) >= 2


@pytest.mark.parametrize(
    ("params", "flt"),
    [
        ({}, SiteFilter()),
        ({"alliance": "NATO"}, SiteFilter(alliances=("NATO",))),
        ({"years": "2020-2023"}, SiteFilter(years=(2020, 2023))),
    ],
    ids=["no-filter", "alliance-no-years", "years"],
)
def test_map_page_states_the_one_as_of_date(sites, params, flt):
    """The Map page names the as-of date of the Selection every export states (31 Dec of the period's last year)."""
    from geo.core.dates import as_of_text
    from geo.query.selection import select

    at = _app(**params)
    _no_exception(at)
    expected = as_of_text(select(sites, flt).period_end)
    captions = " ".join(c.value for c in at.caption)
    assert f"alliances as of {expected}" in captions


def test_exercise_tables_show_no_none_or_file_paths(sites):
    at = _app(exercise="zapad-2021")
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    frames = [df.value for df in at.dataframe]
    assert len(frames) >= 4
    for frame in frames:
        text = frame.select_dtypes(include=["object", "str"])
        assert not text.isna().any().any(), [c for c in text.columns if text[c].isna().any()]
        flat = text.astype(str).to_numpy().ravel().tolist()
        assert not [v for v in flat if v in ("None", "nan")]
        assert not [v for v in flat if re.search(r"(^|\s)[\w.-]+/[\w./-]+\.(md|ya?ml|csv)\b", v)], "a file path"


def test_a_nato_sites_distance_is_to_the_union_state_on_the_exercises_page():
    at = _app(exercise="iron-wolf-2022-ii")
    at.switch_page("pages/3_exercises.py").run()
    _no_exception(at)
    sites = next(df.value for df in at.dataframe if "Distance to the other side" in df.value.columns)
    texts = set(sites["Distance to the other side"])
    assert any(t.endswith("km from the Union State (Belarus)") for t in texts), texts
    assert "inside NATO territory (Lithuania)" not in texts
