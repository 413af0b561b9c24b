"""The ingest service (geo/extract/ingest.py): extract → match → plan → save, and what every face then sees."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.core import settings
from geo.core.errors import IngestError
from geo.extract import ingest
from geo.extract.draft import FieldRef
from geo.extract.records import REVIEWER_CLAIM
from geo.extract.review import ReviewEdits, apply_edits
from geo.query.known import known_exercises, known_sites
from geo.store import open_store

SNAP = "Belarus held snap military exercises in the Brest region on May 2, 2024, the defence ministry said."
URL = "https://example.org/snap"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every test gets its own empty store."""
    monkeypatch.setenv("DRILLMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DRILLMAP_DATABASE_URL", raising=False)


def test_a_saved_exercise_is_a_known_site_for_every_face():
    (draft,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    assert draft.match is None
    before = known_sites().sites
    saved = ingest.save([(draft, URL)], reviewer="Alice")
    (new_id,) = saved.created
    assert saved.updated == ()
    assert saved.who == "Alice"
    assert new_id not in set(before["exercise_id"])
    sites = known_sites().sites  # the service catalog/export/snapshot and the Map page read
    rows = sites[sites["exercise_id"] == new_id]
    assert len(rows) == 1
    assert rows.iloc[0]["alliance"] == "national"
    assert new_id in {e.id for e in known_exercises().exercises}
    (entry,) = open_store().history(new_id)
    assert (entry.action, entry.who, entry.source) == ("create", "Alice", URL)


def test_the_extractor_knows_what_was_saved():
    (draft,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    (new_id,) = ingest.save([(draft, URL)], reviewer="Alice").created
    (again,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    assert again.match is not None and again.match.exercise_id == new_id  # a new store revision, a new extractor


@pytest.mark.parametrize(
    ("reviewer", "source", "message"),
    [("", URL, "reviewer's name"), ("Alice", "not a url", "neither an http")],
)
def test_save_refuses_without_reviewer_or_source(reviewer, source, message):
    (draft,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    revision = open_store().revision()
    with pytest.raises(IngestError, match=message):
        ingest.save([(draft, source)], reviewer=reviewer)
    assert open_store().revision() == revision


def test_accept_applies_the_edits_and_cites_added_countries_as_the_reviewers():
    (draft,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    edits = ReviewEdits(name="Snap check May 2024", participants=("BLR", "RUS"))
    (new_id,) = ingest.accept(draft, edits, reviewer="Bob", source=URL).created
    saved = open_store().get(new_id)
    assert saved is not None
    assert saved.name == "Snap check May 2024"
    assert saved.participants == ["BLR", "RUS"]
    claims = {saved.citations[c].claimed_by for c in saved.evidence["participants"]}
    assert REVIEWER_CLAIM in claims


def test_apply_edits_keeps_the_draft_typed_and_its_evidence_consistent():
    text = (
        "Russia and Belarus began the Union Shield-2099 exercise at the Gozhsky training ground on March 3. "
        "About 1,200 troops and 40 tanks are taking part."
    )
    (draft,) = ingest.extract(text, published=dt.date(2099, 3, 4)).events
    assert [f.what for f in draft.figures] == ["troops", "tanks"]
    edited = apply_edits(draft, ReviewEdits(figures_keep=(1,), participants=("RUS",), start="2099-03"))
    assert [f.what for f in edited.figures] == ["tanks"]
    assert edited.troops is None and set(edited.equipment) == {"tanks"}
    assert FieldRef("figures", 0) in edited.evidence and FieldRef("figures", 1) not in edited.evidence
    assert FieldRef("participants", "BLR") not in edited.evidence
    assert (edited.start, edited.date_precision) == ("2099-03", "month")
    assert draft.figures[0].what == "troops"  # the extracted draft is unchanged
    with pytest.raises(IngestError, match="not a date"):
        apply_edits(draft, ReviewEdits(start="March 2099"))
    with pytest.raises(IngestError, match="ISO3"):
        apply_edits(draft, ReviewEdits(observers=("XXX",)))


def test_only_an_admin_changes_a_curated_record_an_editor_confirms_it_and_edits_their_own():
    seed = (settings.SEEDS_DIR / "002_67814a5019076fc5.txt").read_text(encoding="utf-8")
    draft = ingest.extract(seed, published=dt.date(2020, 9, 17)).events[1]
    assert draft.match is not None and draft.match.exercise_id == "slavic-brotherhood-2020"  # a catalog record
    # China is not named by the record (Serbia is: it withdrew, a status an addition does not change).
    edits = ReviewEdits(observers=("CHN",))
    revision = open_store().revision()
    with pytest.raises(IngestError, match=r"curated catalog record: only an admin may change it\. Untick"):
        ingest.accept(draft, edits, reviewer="Eve", source=URL, may_change_curated=False)
    assert open_store().revision() == revision  # nothing written
    confirmed = ingest.accept(draft, ReviewEdits(), reviewer="Eve", source=URL, may_change_curated=False)
    assert (confirmed.updated, confirmed.confirmed) == ((), ("slavic-brotherhood-2020",))  # adds nothing: allowed
    assert confirmed.outcome() == "confirmed slavic-brotherhood-2020 (unchanged: the report adds nothing to it)"
    assert open_store().history("slavic-brotherhood-2020")[0].action == "confirm"
    kept_apart = ingest.accept(draft, ReviewEdits(use_match=False), reviewer="Eve", source=URL,
                               may_change_curated=False)  # fmt: skip
    assert kept_apart.created and not kept_apart.updated  # saved as an exercise of its own
    admin = ingest.accept(draft, edits, reviewer="Ada", source=URL, may_change_curated=True)
    assert (admin.updated, admin.confirmed) == (("slavic-brotherhood-2020",), ())
    assert admin.outcome() == "updated slavic-brotherhood-2020"
    assert open_store().history("slavic-brotherhood-2020")[0].who == "Ada"
    (snap,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    (own,) = ingest.save([(snap, URL)], reviewer="Eve", may_change_curated=False).created
    (again,) = ingest.extract(SNAP, published=dt.date(2024, 5, 3)).events
    assert again.match is not None and again.match.exercise_id == own
    assert ingest.save([(again, URL)], reviewer="Eve", may_change_curated=False).confirmed == (own,)


ADDITIONS_TEXT = (
    "Russia and Belarus began the Union Shield-2099 exercise at the Gozhsky training ground on March 3. "
    "About 1,200 troops are taking part, the Belarusian Defence Ministry said.\n\n"
    "A second group trained near Lida, where some 30 tanks were seen by residents."
)


def test_a_reviewer_sets_claimants_and_adds_a_missed_figure_and_site_each_citing_its_sentence():
    from geo.extract.additions import AddedFigure, AddedSite

    (draft,) = ingest.extract(ADDITIONS_TEXT, published=dt.date(2099, 3, 4)).events
    sentence = "A second group trained near Lida, where some 30 tanks were seen by residents."
    edits = ReviewEdits(
        claimants=("the Belarusian Defence Ministry",),
        added_figures=(AddedFigure("tanks", 30, "some 30 tanks", "  A second group trained near Lida,\nwhere some "
                                   "30 tanks were seen by residents. ", claimant="residents"),),
        added_sites=(AddedSite("near Lida", "BLR", sentence),),
    )  # fmt: skip
    (new_id,) = ingest.accept(draft, edits, reviewer="Bob", source=URL, article=ADDITIONS_TEXT).created
    saved = open_store().get(new_id)
    assert saved is not None
    by_what = {f.what: f for f in saved.figures}
    troops_cite = saved.citations[by_what["troops"].cite[0]]
    assert troops_cite.claimed_by == "the Belarusian Defence Ministry"
    tanks_cite = saved.citations[by_what["tanks"].cite[0]]
    assert (by_what["tanks"].value, tanks_cite.claimed_by, tanks_cite.quote) == (30, "residents", sentence)
    lida = next(s for s in saved.sites if s.place == "near Lida")
    assert saved.citations[lida.cite[0]].quote == sentence


@pytest.mark.parametrize(
    ("added", "message"),
    [
        ({"added_figures": ("tanks", 30, "some 30 tanks", "Some 30 tanks rolled into Minsk.")}, "not in the report"),
        ({"added_figures": ("tanks", 40, "some 40 tanks", "A second group trained near Lida, where some 30 tanks "
                            "were seen by residents.")}, "wording 'some 40 tanks' is not in its sentence"),
        ({"added_figures": ("unicorns", 3, "3", "About 1,200 troops are taking part")}, "what it counts"),
        ({"added_sites": ("Grodno", "BLR", "About 1,200 troops are taking part")}, "'Grodno' is not in its sentence"),
        ({"added_sites": ("Lida", "BLR", "")}, "paste the report's sentence"),
    ],
)  # fmt: skip
def test_an_addition_that_does_not_quote_the_report_is_refused_and_nothing_is_saved(added, message):
    from geo.extract.additions import AddedFigure, AddedSite

    (draft,) = ingest.extract(ADDITIONS_TEXT, published=dt.date(2099, 3, 4)).events
    figures = tuple(AddedFigure(*added["added_figures"]) for _ in range(1) if "added_figures" in added)
    sites = tuple(AddedSite(*added["added_sites"]) for _ in range(1) if "added_sites" in added)
    revision = open_store().revision()
    with pytest.raises(IngestError, match=message):
        ingest.accept(draft, ReviewEdits(added_figures=figures, added_sites=sites), reviewer="Bob", source=URL,
                      article=ADDITIONS_TEXT)  # fmt: skip
    assert open_store().revision() == revision
