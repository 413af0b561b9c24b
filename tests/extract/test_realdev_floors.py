"""Floors on the dev part of the real development set (``tests/extract/realdev``).

The floors are what extraction reaches today, rounded down; a change that generalises worse fails here.
The test part is reported by ``bench/extraction.py`` and never asserted, so that no rule is tuned to it.
"""

from __future__ import annotations

import pytest

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.extraction_score import MEASURES, Tally, load_articles, run

#: measure -> lowest acceptable value on dev (see :func:`tests.support.extraction_score.Tally.ratio`), measured
#: on the 70 dev articles (34 of the first pass, 18 added for the failure classes of issue 14, the 10 first
#: test articles, moved to dev after they failed, and 8 added for dates, 071-078). Precision is the measured
#: 0.9457: the date articles pulled it below the earlier 0.95 (078's unplaced drills); the first 62 stay at 0.95.
FLOORS = {
    "recall": 0.90,
    "precision": 0.94,
    "alliance": 0.91,
    "participants_recall": 0.96,
    "participants_precision": 0.98,
    "start": 0.96,
    "sites": 0.71,
}


@pytest.fixture(scope="module")
def dev_tally() -> Tally:
    """The dev articles extracted and scored once for the module."""
    return run(load_articles(split="dev"), Extractor(load_exercises()))


def test_dev_set_is_large_enough_and_fixed() -> None:
    articles = load_articles()
    assert len(articles) >= 70
    assert sum(a.split == "dev" for a in articles) >= 70
    # The first ten test articles failed and moved to dev (README "The split"); none may go back.
    moved = {"003", "014", "015", "023", "027", "035", "037", "041", "043", "044"}
    assert not moved & {a.id for a in articles if a.split == "test"}


def test_no_dev_article_crashes(dev_tally: Tally) -> None:
    assert dev_tally.crashes == 0, dev_tally.misses


@pytest.mark.parametrize("measure", MEASURES)
def test_dev_measure_stays_above_its_floor(dev_tally: Tally, measure: str) -> None:
    assert dev_tally.ratio(measure) >= FLOORS[measure], "\n".join(dev_tally.misses)
