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
#: on the 69 dev articles (34 of the first pass, 18 added for the failure classes of issue 14, the 10 first
#: test articles, moved to dev after they failed, and 7 of the fourth pass, 063-069). ``start`` is the one
#: floor set lower: the fourth pass's articles pull it to 50/65 (0.769; 44/52 on the 62 before them).
FLOORS = {
    "recall": 0.95,
    "precision": 0.97,
    "alliance": 0.99,
    "participants_recall": 0.96,
    "participants_precision": 0.98,
    "start": 0.76,
    "sites": 0.73,
}


@pytest.fixture(scope="module")
def dev_tally() -> Tally:
    """The dev articles extracted and scored once for the module."""
    return run(load_articles(split="dev"), Extractor(load_exercises()))


def test_dev_set_is_large_enough_and_fixed() -> None:
    articles = load_articles()
    assert len(articles) >= 69
    assert sum(a.split == "dev" for a in articles) >= 69
    # The first ten test articles failed and moved to dev (README "The split"); none may go back.
    moved = {"003", "014", "015", "023", "027", "035", "037", "041", "043", "044"}
    assert not moved & {a.id for a in articles if a.split == "test"}


def test_no_dev_article_crashes(dev_tally: Tally) -> None:
    assert dev_tally.crashes == 0, dev_tally.misses


@pytest.mark.parametrize("measure", MEASURES)
def test_dev_measure_stays_above_its_floor(dev_tally: Tally, measure: str) -> None:
    assert dev_tally.ratio(measure) >= FLOORS[measure], "\n".join(dev_tally.misses)
