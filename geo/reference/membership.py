"""Alliance membership over time: NATO, the CSTO and the Russia–Belarus Union State.

One question, one function: :func:`members_on` ("members of X on date D"). Dates are inclusive: a
country is a member from its accession date onwards (Finland: NATO from 2023-04-04, not 2023-04-03).

CSTO rules follow ``data/membership/csto_members.csv``: membership counts from signing the Collective
Security Treaty, ends on ``left_date``, restarts on ``rejoined_date`` and ends again on
``suspended_date`` (Uzbekistan). Armenia froze its participation on 2024-02-22 but never withdrew: it
stays a de jure member, reported with status ``participation_frozen`` (``include_frozen=False``
leaves it out).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from geo.core.errors import FilterError
from geo.reference.layers import table

AllianceName = Literal["NATO", "CSTO", "Union State"]
ALLIANCE_TABLES: dict[str, str] = {
    "NATO": "nato_members",
    "CSTO": "csto_members",
    "Union State": "union_state_members",
}


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def membership_status(alliance: str, iso3: str, on: dt.date) -> str | None:
    """Return ``member``, ``participation_frozen`` or ``None`` for one country on one date."""
    return _statuses(alliance, on).get(iso3)


def _statuses(alliance: str, on: dt.date) -> dict[str, str]:
    if alliance not in ALLIANCE_TABLES:
        msg = f"unknown alliance {alliance!r}; expected one of {sorted(ALLIANCE_TABLES)}"
        raise FilterError(msg)
    rows: list[dict[str, str]] = table(ALLIANCE_TABLES[alliance]).to_dict("records")  # type: ignore[assignment]
    out: dict[str, str] = {}
    for row in rows:
        if alliance == "NATO":
            start = _date(row["accession_date"])
            if start is not None and start <= on:
                out[row["iso3"]] = "member"
        elif alliance == "Union State":
            start = _date(row["member_from"])
            if start is not None and start <= on:
                out[row["iso3"]] = "member"
        else:
            status = _csto_status(row, on)
            if status:
                out[row["iso3"]] = status
    return out


def _csto_status(row: dict[str, str], on: dt.date) -> str | None:
    signed = _date(row["cst_signed"])
    left, rejoined = _date(row["left_date"]), _date(row["rejoined_date"])
    suspended, frozen = _date(row["suspended_date"]), _date(row["participation_frozen_date"])
    if signed is None or on < signed:
        return None
    if left is not None and on >= left and (rejoined is None or on < rejoined):
        return None
    if suspended is not None and on >= suspended:
        return None
    if frozen is not None and on >= frozen:
        return "participation_frozen"
    return "member"


def members_on(alliance: str, on: dt.date, *, include_frozen: bool = True) -> frozenset[str]:
    """Return the ISO3 codes of the members of ``alliance`` on date ``on``.

    Parameters
    ----------
    alliance
        ``NATO``, ``CSTO`` or ``Union State``.
    on
        The date (inclusive: an accession date counts as membership).
    include_frozen
        Whether CSTO members that froze their participation (Armenia from 2024-02-22) count.

    Raises
    ------
    FilterError
        If the alliance is unknown.
    """
    statuses = _statuses(alliance, on)
    return frozenset(k for k, v in statuses.items() if include_frozen or v == "member")
