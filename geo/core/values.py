"""Missing values as pandas, YAML and forms give them, tested in one way."""

from __future__ import annotations

import math
from typing import Any


def is_missing(value: Any) -> bool:
    """Return True for None, float NaN and pandas' NA/NaT (what a missing frame cell holds)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA / NaT compare unequal to themselves and are not floats; avoid importing pandas here.
    return type(value).__name__ in {"NAType", "NaTType"}


def present(value: Any) -> bool:
    """Return False for missing values and for empty strings, lists and tuples."""
    if is_missing(value):
        return False
    return not (isinstance(value, (str, list, tuple)) and len(value) == 0)


def text_or_none(value: Any) -> str | None:
    """Return the value as text, or None when it is missing or empty."""
    return str(value) if present(value) else None


def text_or_empty(value: Any) -> str:
    """Return the value as text, or ``""`` when it is missing."""
    return "" if is_missing(value) else str(value)
