"""Data exports of a selection, as bytes or files: the formats of :mod:`geo.export.formats` of kind ``data``.

The writers live by format: CSV and GeoJSON in :mod:`geo.export.tabular`, KML in :mod:`geo.export.kml`,
GeoPackage in :mod:`geo.export.gpkg`; each states the selection's as-of date
(:attr:`geo.query.selection.Selection.period_end`). This module dispatches on the registry and writes
through :mod:`geo.export.files` (path checked first, file replaced atomically). It imports nothing
heavy itself: a writer is imported when its format is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from geo.export.files import check_output_path, write_bytes
from geo.export.formats import DATA_FORMATS, MEDIA_TYPES, export_format

if TYPE_CHECKING:
    from geo.query.selection import Selection

# DATA_FORMATS, MEDIA_TYPES, check_output_path and write_bytes are re-exported for the download panel and
# the snapshot module until they import them from geo.export.formats and geo.export.files.
__all__ = ["DATA_FORMATS", "MEDIA_TYPES", "check_output_path", "export_bytes", "write_bytes", "write_export"]


def export_bytes(selection: Selection, fmt: str) -> bytes:
    """Return the selected sites as a ``csv``, ``geojson``, ``kml`` or ``gpkg`` file's bytes (text is UTF-8).

    Raises
    ------
    ExportError
        On an unknown format (one line naming the known ones).
    """
    return export_format(fmt, "data").write(selection)


def write_export(selection: Selection, out: str | Path, *, fmt: str) -> Path:
    """Write the selected sites to ``out`` in ``fmt`` (see :func:`export_bytes`); format and path are checked first."""
    export_format(fmt, "data")
    check_output_path(out)
    return write_bytes(export_bytes(selection, fmt), out)
