"""The typed draft (geo/extract/draft.py): field references, derived figures, JSON shape; the announced-date tie."""

from __future__ import annotations

import datetime as dt
import json

from geo.extract import Extractor
from geo.extract.draft import DraftEvent, DraftFigure, FieldRef, Quote


def test_field_refs_write_the_json_keys():
    assert FieldRef("start").key == "start"
    assert FieldRef("figures", 0).key == "figures.0"
    assert FieldRef("participants", "BLR").key == "participants.BLR"
    assert FieldRef("figures", 0) == FieldRef("figures", 0)
    assert len({FieldRef("figures", 0), FieldRef("figures", 0), FieldRef("figures", 1)}) == 2


def test_troops_and_equipment_derive_from_the_figures_with_their_evidence():
    quote = Quote("About 1,200 troops and 40 tanks took part.", 10, 52)
    draft = DraftEvent(
        label="X",
        figures=(
            DraftFigure("troops", 1200, "about", "About 1,200 troops"),
            DraftFigure("tanks", 40, "exact", "40 tanks"),
            DraftFigure("troops", 900, "exact", "900 troops"),
        ),
        evidence={FieldRef("figures", 0): quote, FieldRef("figures", 1): quote},
    )
    assert draft.troops is not None and draft.troops.value == 1200
    assert list(draft.equipment) == ["tanks"]
    as_json = json.loads(json.dumps(draft.to_json()))
    assert as_json["troops"]["value"] == 1200
    assert set(as_json["evidence"]) == {"figures.0", "figures.1", "troops", "equipment.tanks"}
    assert as_json["evidence_spans"]["troops"] == [10, 52]


def test_two_announcements_of_the_same_day_do_not_crash():
    # Two sentences announcing on the same Monday: sorting (day, Sentence) pairs raised TypeError.
    text = (
        "Belarus will hold joint military drills with Russia in the Brest region next month, "
        "the defence ministry said on Monday.\n"
        "The exercises will involve about 2,000 troops, the ministry announced on Monday."
    )
    (event,) = Extractor().extract(text, published=dt.date(2025, 3, 5)).events
    assert event.announced == "2025-03-03"
    assert event.evidence[FieldRef("announced")].text.startswith("Belarus will hold")  # the earlier sentence
    assert event.start == "2025-04"
