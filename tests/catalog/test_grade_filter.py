""" "Only facts from sources B2 or better": the one filter of the CLI, the URL, the Selection and the exports."""

from __future__ import annotations

import json

import pytest

import geo.query.known
from geo.catalog.filter import SiteFilter, filter_sites
from geo.core.errors import FilterError
from geo.maps.url_state import Choices, ViewState, decode, encode
from geo.query.known import KnownSites
from geo.query.selection import select
from tests.support.cli import run_cli
from tests.support.graded_sites import graded_sites


def test_a_site_is_kept_when_one_of_its_citations_meets_the_threshold():
    sites = graded_sites()
    assert set(filter_sites(sites, SiteFilter(min_grade="B2"))["exercise_id"]) == {"zapad-2021"}
    # Both parts must be as good: B2 fails C1 (credibility 2 is worse than 1), C1 fails B2.
    assert set(filter_sites(sites, SiteFilter(min_grade="C1"))["exercise_id"]) == {"iron-wolf-2022"}
    assert set(filter_sites(sites, SiteFilter(min_grade="C2"))["exercise_id"]) == {"zapad-2021", "iron-wolf-2022"}
    # Zapad's weaker C3 citation makes C3 keep it too; "not graded" (csto-drill-2023) never qualifies.
    assert set(filter_sites(sites, SiteFilter(min_grade="E5"))["exercise_id"]) == {"zapad-2021", "iron-wolf-2022"}
    assert len(filter_sites(sites, SiteFilter())) == len(sites)


def test_figures_are_shown_only_when_a_supporting_citation_meets_the_threshold():
    sites = graded_sites()
    strict = filter_sites(sites, SiteFilter(min_grade="B2"))
    assert all([f["as_stated"] for f in figs] == ["12,800 troops"] for figs in strict["figures"])
    loose = filter_sites(sites, SiteFilter(min_grade="C3"))
    zapad = loose[loose["exercise_id"] == "zapad-2021"]
    assert all([f["as_stated"] for f in figs] == ["12,800 troops", "500 tanks"] for figs in zapad["figures"])
    assert any(len(f) == 2 for f in sites["figures"])  # the input frame is left as it was


def test_the_selection_applies_the_same_rule_and_a_bad_threshold_is_one_filter_error():
    selection = select(graded_sites(), SiteFilter(min_grade="b2"))
    assert selection.filter.min_grade == "B2"
    assert selection.n_exercises == 1
    with pytest.raises(FilterError, match="grade must be a letter A–E and a digit 1–5 such as B2, got 'F6'"):
        SiteFilter(min_grade="F6")


def test_the_url_holds_the_threshold_and_a_bad_value_is_a_notice():
    choices = Choices(years=(2021, 2023))
    state, notices = decode({"grade": "b2"}, choices)
    assert (state.filter.min_grade, notices) == ("B2", [])
    assert encode(ViewState(filter=state.filter)) == {"grade": "B2"}
    state, notices = decode({"grade": "Z9"}, choices)
    assert state.filter.min_grade is None
    assert [(n.param, n.value) for n in notices] == [("grade", "Z9")]
    assert "grade must be a letter A–E" in str(notices[0])


@pytest.fixture
def graded_catalog(monkeypatch):
    frame = graded_sites()
    monkeypatch.setattr(geo.query.known, "known_sites", lambda **_: KnownSites(frame.copy(), None, None))


def test_cli_min_grade_filters_catalog_and_export(graded_catalog, tmp_path, capsys):
    code, out, err = run_cli(["catalog", "--min-grade", "B2"], capsys)
    assert (code, err) == (0, "")
    assert "zapad-2021" in out and "iron-wolf-2022" not in out and "csto-drill-2023" not in out
    target = tmp_path / "sites.geojson"
    code, _, err = run_cli(["export", "--format", "geojson", "--min-grade", "B2", "--out", str(target)], capsys)
    assert (code, err) == (0, "")
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["drillmap"]["filter"] == {"min_grade": "B2"}
    assert {f["properties"]["exercise_id"] for f in doc["features"]} == {"zapad-2021"}
    assert all("500 tanks" not in f["properties"]["figures_text"] for f in doc["features"])


def test_cli_bad_min_grade_is_one_error_line(graded_catalog, tmp_path, capsys):
    code, out, err = run_cli(["export", "--format", "csv", "--min-grade", "A9", "--out", str(tmp_path / "x")], capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "grade must be a letter A–E and a digit 1–5" in err


def test_a_popup_says_when_the_grade_filter_hid_figures_and_shows_each_grade():
    from geo.maps.popup import popup_html

    sites = graded_sites()
    strict = filter_sites(sites, SiteFilter(min_grade="A1"))
    assert strict.empty  # nothing is A1
    kept = filter_sites(sites, SiteFilter(min_grade="C1"))  # Iron Wolf: its one C1-cited figure stays
    assert set(kept["figures_hidden"]) == {0}
    zapad = filter_sites(sites, SiteFilter(min_grade="B2")).iloc[0].to_dict()
    assert zapad["figures_hidden"] == 1  # the 500 tanks, cited only by a C3 source
    html = popup_html(zapad)
    assert "class='dm-grade'" in html and ">B2</span>" in html and ">C3</span>" in html
    no_figures = {**zapad, "figures": [], "figures_hidden": 2}
    assert "2 figure(s) hidden: no source behind them meets the grade filter." in popup_html(no_figures)
    assert "No troop or equipment figures reported." in popup_html({**zapad, "figures": [], "figures_hidden": 0})
