"""Counts in words are grammatical everywhere."""

from __future__ import annotations

import pytest

from geo.core.counts import counted


@pytest.mark.parametrize(
    ("n", "noun", "plural", "expected"),
    [
        (0, "exercise", None, "0 exercises"),
        (1, "exercise", None, "1 exercise"),
        (2, "site", None, "2 sites"),
        (1, "country", "countries", "1 country"),
        (3, "country", "countries", "3 countries"),
        (12345, "site", None, "12,345 sites"),
    ],
)
def test_counted(n, noun, plural, expected):
    assert counted(n, noun, plural) == expected
