"""Untrusted text is handled in linear time: twice the input takes at most about twice the work.

Each hostile family (:mod:`tests.support.hostile_text`) goes through the upload path (cleaning, then
extraction). The check is a ratio measured in the same run, not an absolute time: the best of three runs
at 2n characters must take at most 3x the best of three at n (a quadratic pattern gives about 4x); a
family over the ratio is measured up to twice more, since another process may have stalled the first measurement.
"""

from __future__ import annotations

import pytest

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.hostile_text import FAMILIES, MAX_RATIO, best_times, process

SIZE = 50_000
REQUIRED = (
    "blank lines with spaces",
    "hashes",
    "stars",
    "opening brackets",
    "opening parens",
    "backticks",
    "dashes",
    "mixed markup",
)


@pytest.fixture(scope="module")
def work():
    run = process(Extractor(load_exercises()))
    run(FAMILIES["mixed markup"](1_000))  # warm-up: loads the gazetteers
    return run


def test_the_families_cover_the_hostile_inputs():
    assert set(REQUIRED) <= set(FAMILIES)
    for make in FAMILIES.values():
        assert 2 * SIZE - 50 <= len(make(2 * SIZE)) - len(make(0)) <= 2 * SIZE


@pytest.mark.parametrize("family", list(FAMILIES))
def test_doubling_the_input_at_most_triples_the_time(work, family):
    make = FAMILIES[family]
    # A shared machine may stall a measurement (CI's simulation beside other work measured 3.6x twice for a family
    # that doubles at 2.2x alone); a quadratic pattern fails every attempt.
    for _attempt in range(3):
        small, large = best_times(work, make(SIZE), make(2 * SIZE), 3)
        if large <= MAX_RATIO * small:
            break
    assert large <= MAX_RATIO * small, f"{family}: {small * 1000:.1f} ms at n, {large * 1000:.1f} ms at 2n"
