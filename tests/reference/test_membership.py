"""Alliance membership by date."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.core.errors import FilterError
from geo.reference.membership import members_on, membership_status


@pytest.mark.parametrize(
    ("alliance", "iso3", "day", "member"),
    [
        ("NATO", "FIN", dt.date(2023, 4, 3), False),
        ("NATO", "FIN", dt.date(2023, 4, 4), True),
        ("NATO", "SWE", dt.date(2024, 3, 6), False),
        ("NATO", "SWE", dt.date(2024, 3, 7), True),
        ("NATO", "POL", dt.date(1999, 3, 11), False),
        ("NATO", "POL", dt.date(1999, 3, 12), True),
        ("NATO", "LTU", dt.date(2004, 3, 29), True),
        ("NATO", "BLR", dt.date(2025, 1, 1), False),
        ("CSTO", "BLR", dt.date(2020, 10, 12), True),
        ("CSTO", "UZB", dt.date(2008, 1, 1), True),  # rejoined 2006-06-23
        ("CSTO", "UZB", dt.date(2013, 1, 1), False),  # suspended 2012-12-19
        ("CSTO", "GEO", dt.date(2005, 1, 1), False),  # left 1999
        ("Union State", "BLR", dt.date(2022, 10, 15), True),
        ("Union State", "KAZ", dt.date(2022, 10, 15), False),
    ],
)
def test_members_on_date(alliance: str, iso3: str, day: dt.date, member: bool) -> None:
    assert (iso3 in members_on(alliance, day)) is member


def test_armenia_frozen_but_de_jure_member() -> None:
    before, after = dt.date(2024, 2, 21), dt.date(2024, 2, 22)
    assert membership_status("CSTO", "ARM", before) == "member"
    assert membership_status("CSTO", "ARM", after) == "participation_frozen"
    assert "ARM" in members_on("CSTO", after)
    assert "ARM" not in members_on("CSTO", after, include_frozen=False)


def test_nato_has_32_members_today() -> None:
    assert len(members_on("NATO", dt.date(2026, 11, 21))) == 32


def test_unknown_alliance_is_a_clear_error() -> None:
    with pytest.raises(FilterError, match="unknown alliance 'Warsaw Pact'"):
        members_on("Warsaw Pact", dt.date(1980, 1, 1))
