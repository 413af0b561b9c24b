"""Domain errors. Pages and the CLI catch only these; everything else is a bug and propagates.

Every error subclasses :class:`DrillmapError` (itself a ``ValueError``) and carries a message that
names the offending input with ``!r``.
"""

from __future__ import annotations


class DrillmapError(ValueError):
    """Base class of every error Drillmap reports to a user."""


class CatalogError(DrillmapError):
    """A catalog file is malformed: the message names the file, the record and the field."""


class ReferenceDataError(DrillmapError):
    """A reference data file in ``data/`` is missing or does not have the expected shape."""


class FilterError(DrillmapError):
    """A filter value (years, alliance, country, distance) is not valid."""


class InvalidCoordinatesError(DrillmapError):
    """A latitude/longitude pair is not numeric or lies outside ±90/±180."""


class ExportError(DrillmapError):
    """An export cannot be produced (unknown format, unwritable path, no browser, …)."""


class IngestError(DrillmapError):
    """An article cannot be read (empty, binary, too large, not text)."""


class SettingsError(DrillmapError):
    """A ``DRILLMAP_*`` environment setting has a value Drillmap cannot use."""
