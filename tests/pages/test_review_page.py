"""The review page (pages/5_review.py) under Streamlit's AppTest: paste, extract, edit, accept, reject, escape."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.core import settings
from geo.core.text import md_escape
from geo.extract.records import REVIEWER_CLAIM
from geo.store import open_store

PAGE = settings.ROOT / "pages" / "5_review.py"
SEED_002 = (settings.SEEDS_DIR / "002_67814a5019076fc5.txt").read_text(encoding="utf-8")
SEED_003 = (settings.SEEDS_DIR / "003_e841d6b9f0043300.txt").read_text(encoding="utf-8")
SOURCE = "https://example.org/report?id=3&lang=en"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test gets its own empty store."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)
    monkeypatch.setenv("DRILLMAP_SINGLE_USER", "1")  # no sign-in configured: one user at a laptop


def _page(*, reviewer: str = "Alice", source: str = SOURCE) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    if reviewer:
        at.sidebar.text_input(key="reviewer").input(reviewer)
    at.text_input(key="source").input(source)
    return at


def _extract(at: AppTest, text: str, published: dt.date | None) -> AppTest:
    at.text_area(key="paste").input(text)
    if published is not None:
        at.date_input(key="published").set_value(published)
    next(b for b in at.button if b.label == "Extract events").click().run()
    assert not at.exception
    return at


def _click(at: AppTest, label: str, index: int = 0) -> AppTest:
    [b for b in at.button if b.label == label][index].click().run()
    assert not at.exception
    return at


def _html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def test_paste_a_seed_report_accept_and_the_event_is_stored():
    at = _extract(_page(), SEED_003, dt.date(2022, 10, 17))
    assert at.subheader[0].value.startswith("1\\. Unnamed Russia\\-Belarus exercise")
    assert "russia\\-belarus\\-regional\\-grouping\\-2022" in at.info[0].value  # matched, not duplicated
    at.checkbox(key="use-match-0").uncheck()  # the reviewer decides to keep it as a record of its own
    at.text_input(key="name-0").input("Regional grouping deployment, October 2022")
    _click(at, "Accept")
    assert not at.error
    assert "Accepted by Alice" in at.success[0].value
    store = open_store()
    (saved,) = store.exercises(origin="analyst")
    assert at.success[0].value.endswith(md_escape(f"— created {saved.id}"))  # what the Accept did, said
    assert saved.name == "Regional grouping deployment, October 2022"
    assert (saved.alliance, saved.start, saved.date_precision) == ("Russia-Belarus", "2022-10-15", "day")
    assert set(saved.participants) == {"RUS", "BLR"}
    assert {(f.what, f.value, f.qualifier) for f in saved.figures} >= {
        ("troops", 9000, "up to"),
        ("tanks", 170, "about"),
    }
    assert all(c.source == SOURCE and c.quote in SEED_003 for c in saved.citations.values())
    (entry,) = store.history(saved.id)
    assert (entry.action, entry.who, entry.source) == ("create", "Alice", SOURCE)
    assert "Accepted in this session" in [s.value for s in at.subheader]


def test_accepting_a_matched_event_adds_to_the_known_exercise():
    at = _extract(_page(), SEED_002, dt.date(2020, 9, 17))
    assert len([b for b in at.button if b.label == "Accept"]) == 2
    at.multiselect(key="observers-1").select("ARM")  # a reviewer's correction
    _click(at, "Accept", index=1)
    store = open_store()
    updated = store.get("slavic-brotherhood-2020")
    assert "ARM" in updated.observers
    (cid,) = updated.evidence["observers"]
    assert updated.citations[cid].source == SOURCE
    assert updated.citations[cid].claimed_by == REVIEWER_CLAIM  # the value is the reviewer's, not the sentence's
    entry = store.history("slavic-brotherhood-2020")[0]
    assert (entry.action, entry.who, entry.source) == ("update", "Alice", SOURCE)
    assert store.exercises(origin="analyst") == []


def test_reject_saves_nothing():
    at = _extract(_page(), SEED_002, dt.date(2020, 9, 17))
    revision = open_store().revision()
    _click(at, "Reject")
    assert "Rejected by Alice" in at.warning[0].value
    assert open_store().revision() == revision
    assert len([b for b in at.button if b.label == "Accept"]) == 1  # the other event is still open


@pytest.mark.parametrize(
    ("reviewer", "source", "message"),
    [("", SOURCE, "type your name"), ("Alice", "", "give the article"), ("Alice", "not a url", "neither an http")],
)
def test_accept_needs_a_reviewer_and_a_source(reviewer, source, message):
    at = _extract(_page(reviewer=reviewer, source=source), SEED_002, dt.date(2020, 9, 17))
    revision = open_store().revision()
    _click(at, "Accept")
    assert message in at.error[0].value
    assert open_store().revision() == revision
    at.run()  # another widget's rerun (a map, the sidebar) keeps the reason the change was not saved
    assert [e.value for e in at.error if message in e.value]
    assert open_store().revision() == revision


def test_an_event_that_cannot_be_a_record_is_explained_not_saved():
    at = _extract(_page(), SEED_002, None)  # without a publication date "October 12-16" has no year
    revision = open_store().revision()
    _click(at, "Accept")
    assert "no usable date" in at.error[0].value
    assert open_store().revision() == revision


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "paste the article"),
        ("Совместные учения России и Беларуси пройдут в сентябре в Брестской области.", "Cyrillic"),
        ("<html><script>alert(1)</script><style>p{}</style></html>", "no text"),
    ],
)
def test_bad_input_is_one_message(text, message):
    at = _extract(_page(), text, None)
    assert message in at.error[0].value
    assert not at.get("html")


def test_no_exercise_is_said_so():
    at = _extract(_page(), "The weather in Minsk was mild today, and the markets were calm.", None)
    assert "No exercise found" in at.warning[0].value


def test_article_text_is_escaped_everywhere():
    article = (
        "Belarus and Russia will hold the ‘Storm_Blade-2099’ exercises in the Brest region next month, "
        "the ministry said <img src=x onerror=alert(1)> [click](javascript:alert(2)).\n"
        "The drills will involve up to 3,000 troops <b>from both countries</b>."
    )
    at = _extract(_page(), article, dt.date(2099, 3, 1))
    bodies = _html_bodies(at)
    assert bodies
    joined = "\n".join(bodies)
    assert "<img" not in joined and "<b>" not in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in joined
    assert "&lt;b&gt;from both countries&lt;/b&gt;" in joined
    assert at.subheader[0].value == "1\\. Storm\\_Blade\\-2099"
    markdown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not any("javascript:alert(2))" in m and "\\(" not in m for m in markdown)


def test_the_maps_load_only_vendored_assets():
    at = _extract(_page(), SEED_002, dt.date(2020, 9, 17))
    maps = [el for el in at.get("component_instance") if el.proto.component_name == "streamlit_folium.st_folium"]
    assert len(maps) == 2
    for element in maps:
        args = json.loads(element.proto.json_args)
        assert not [u for u in args["js_links"] + args["css_links"] if u.startswith(("http", "//"))]
        assert "L.Icon.Default.imagePath" in args["script"]
        assert args["returned_objects"] == []
    assert "western Belarus" in json.loads(maps[1].proto.json_args)["script"]


def test_small_maps_never_evaluate_report_text_as_a_template():
    # folium renders element scripts through Jinja: a hostile report must not run template code.
    from geo.extract.draft import DraftPlace
    from geo.maps.review import locations_map

    hostile = "Losvido {{ 7*7 }} {% for x in range(3) %}X{% endfor %} <script>alert(1)</script>"
    place = DraftPlace(text=hostile, query="Losvido", context="BLR", status="resolved", kind="range", country="BLR")
    m = locations_map([place])
    page = m.get_root().render()
    assert "Losvido 49" not in page
    assert "XXX" not in page
    assert "<script>alert(1)</script>" not in page
    assert "&#123;&#123; 7*7 &#125;&#125;" in page  # shown to the reader as written


def test_an_absurd_troop_figure_is_a_warning_not_a_traceback():
    article = (
        "Belarus held snap military exercises in the Brest region on May 2, 2024. "
        "About 99999999999999999999999 troops took part, the ministry said."
    )
    at = _extract(_page(), article, dt.date(2024, 5, 3))
    assert any("beyond any exercise" in w.value for w in at.warning), [w.value for w in at.warning]
    troops = at.number_input(key="troops-0")
    assert troops.value is None and troops.max == 10_000_000


def test_without_sign_in_or_single_user_the_page_is_read_only(monkeypatch):
    monkeypatch.delenv("DRILLMAP_SINGLE_USER")
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    assert "Read\\-only" in at.info[0].value or "Read-only" in at.info[0].value
    assert "DRILLMAP_SINGLE_USER=1" in at.info[0].value
    assert not [t for t in at.sidebar.text_input if t.key == "reviewer"]  # no typed name to forge
    at.text_input(key="source").input(SOURCE)
    _extract(at, SEED_002, dt.date(2020, 9, 17))
    accept = [b for b in at.button if b.label == "Accept"]
    assert len(accept) == 2  # the report is still read and checked, ...
    assert all(b.disabled for b in accept)  # ... but nothing can be saved


def test_a_malformed_single_user_setting_is_one_message_and_read_only(monkeypatch):
    monkeypatch.setenv("DRILLMAP_SINGLE_USER", "yes")
    at = AppTest.from_file(str(PAGE), default_timeout=60).run()
    assert not at.exception
    assert "DRILLMAP\\_SINGLE\\_USER must be 1" in at.error[0].value
    assert "Read" in at.info[0].value


def test_with_sign_in_configured_a_signed_out_visitor_is_asked_to_sign_in():
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "drillmap",
        "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:1/",
    }
    at.run()  # DRILLMAP_SINGLE_USER=1 is set (fixture): a configured provider decides all the same
    assert not at.exception
    assert "Sign in to review" in at.info[0].value
    assert [b.label for b in at.sidebar.button] == ["Sign in"]
    assert not [t for t in at.sidebar.text_input if t.key == "reviewer"]


def test_the_reviewer_says_who_claimed_a_figure_and_the_record_keeps_it():
    at = _extract(_page(), SEED_003, dt.date(2022, 10, 17))
    at.checkbox(key="use-match-0").uncheck()
    at.text_input(key="name-0").input("Regional grouping deployment, October 2022")
    assert at.text_input(key="claimant-0-0").value == ""  # one "Claimed by" per extracted figure
    at.text_input(key="claimant-0-0").input("the Belarusian Defense Ministry")
    assert at.expander[0].label == "Add a figure or a site the extractor missed"
    _click(at, "Accept")
    assert not at.error
    (saved,) = open_store().exercises(origin="analyst")
    claims = {saved.citations[c].claimed_by for c in saved.figures[0].cite}
    assert claims == {"the Belarusian Defense Ministry"}


def test_an_analyst_grades_a_citation_and_the_override_is_audited():
    at = _page()
    at.selectbox(key="grade-ex").set_value("zapad-2021").run()
    cid = at.selectbox(key="grade-cit").value
    assert not at.exception
    before = open_store().get("zapad-2021").citations[cid]  # type: ignore[union-attr]
    assert (before.reliability, before.credibility) == (None, None)
    rel, cred = (s for s in at.selectbox if s.label in {"Source reliability", "Information credibility"})
    rel.set_value("B")
    cred.set_value(2)
    next(b for b in at.button if b.label == "Save grade").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert f"Saved the grade of {cid}: not graded → B2" in at.success[0].value.replace("\\", "")
    citation = open_store().get("zapad-2021").citations[cid]  # type: ignore[union-attr]
    assert (citation.reliability, citation.credibility) == ("B", 2)
    entry = open_store().history("zapad-2021", limit=1)[0]
    assert (entry.who, entry.grades) == ("Alice", {cid: {"before": "not graded", "after": "B2"}})


CONTEXT_TEXT = "Belarusian troops began an exercise in Belarus on Monday at the Lepel training ground."


@pytest.mark.parametrize("keep", [False, True])
def test_a_country_holding_finer_sites_is_saved_only_when_the_analyst_ticks_it(keep):
    at = _extract(_page(), CONTEXT_TEXT, dt.date(2025, 4, 20))
    box = at.checkbox(key="context-0-0")  # "Belarus", context of the Lepel range
    assert box.value is False and "Belarus" in box.label
    if keep:
        box.check()
    at.text_input(key="name-0").input("Lepel drill, April 2025")
    _click(at, "Accept")
    assert not at.error
    (saved,) = open_store().exercises(origin="analyst")
    places = [site.place for site in saved.sites]
    assert any("Lepel" in p for p in places)
    assert ("Belarus" in places) is keep
