"""Data-quality report of the catalog (``python -m geo catalog --check``): filled in by the fuller-catalog work."""

from __future__ import annotations


def quality_report() -> tuple[str, int]:
    """Return the report text and the number of hard errors."""
    return "quality report not implemented yet", 0
