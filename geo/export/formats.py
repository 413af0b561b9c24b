"""THE list of export formats: name, label shown to users, media type, file extension, kind, and writer.

Every face (``python -m geo snapshot|export|catalog``, the Exercises page, the map page's download
panel, the snapshot dispatcher) asks this registry which formats exist and what they are called, so
a format is added or renamed in one place.

This module imports nothing heavy (no geopandas, matplotlib, folium, pptx): the CLI lists and checks
formats before anything is loaded. A data format's writer is named by ``"module:function"`` and
imported on first use (:meth:`ExportFormat.write`); the map formats are rendered by
:mod:`geo.export.snapshot`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, cast

from geo.core.errors import ExportError

if TYPE_CHECKING:
    from geo.query.selection import Selection

__all__ = [
    "DATA_FORMATS",
    "FORMATS",
    "MAP_FORMATS",
    "MEDIA_TYPES",
    "ExportFormat",
    "Kind",
    "export_format",
    "labels",
    "names",
]

#: ``map``: a picture of the selection (briefing map, slide); ``data``: the selected sites as records.
Kind = Literal["map", "data"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format.

    Attributes
    ----------
    name
        What users type and URLs carry: ``png``, ``geojson`` …
    label
        What the dashboard shows: ``"GeoJSON (RFC 7946)"``.
    media_type
        IANA media type of the file, for downloads.
    extension
        File name extension, without the dot.
    kind
        ``map`` or ``data``.
    writer
        ``"module:function"`` of a data format's writer, ``Selection -> bytes``; empty for map formats.
    """

    name: str
    label: str
    media_type: str
    extension: str
    kind: Kind
    writer: str = ""

    def file_name(self, stem: str) -> str:
        """Return ``stem`` with this format's extension: ``"drillmap-sites.geojson"``."""
        return f"{stem}.{self.extension}"

    def write(self, selection: Selection) -> bytes:
        """Return the selection in this (data) format: the registered writer, imported on first use.

        Raises
        ------
        ExportError
            For a map format (render those with :func:`geo.export.snapshot.render_snapshot`).
        """
        if not self.writer:
            msg = f"{self.name} is a map format: render it with geo.export.snapshot"
            raise ExportError(msg)
        module, _, function = self.writer.partition(":")
        writer = cast("Callable[[Selection], bytes]", getattr(importlib.import_module(module), function))
        return writer(selection)


_PPTX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
_KML_MEDIA_TYPE: Final = "application/vnd.google-earth.kml+xml"
_GPKG_MEDIA_TYPE: Final = "application/geopackage+sqlite3"
_GEOJSON_MEDIA_TYPE: Final = "application/geo+json"  # RFC 7946
_TABULAR: Final = "geo.export.tabular"

#: Every format, maps first, in the order menus list them (the extension is the name, but a pack is a ``.pptx``).
FORMATS: Final[dict[str, ExportFormat]] = {
    f.name: f
    for f in (
        ExportFormat("png", "PNG image", "image/png", "png", "map"),
        ExportFormat("pdf", "PDF (vector)", "application/pdf", "pdf", "map"),
        ExportFormat("svg", "SVG (vector)", "image/svg+xml", "svg", "map"),
        ExportFormat("pptx", "PowerPoint slide (16:9)", _PPTX_MEDIA_TYPE, "pptx", "map"),
        ExportFormat("pack", "Briefing pack (PPTX, several slides)", _PPTX_MEDIA_TYPE, "pptx", "map"),
        ExportFormat("csv", "CSV (spreadsheet)", "text/csv", "csv", "data", f"{_TABULAR}:csv_bytes"),
        ExportFormat(
            "geojson", "GeoJSON (RFC 7946)", _GEOJSON_MEDIA_TYPE, "geojson", "data", f"{_TABULAR}:geojson_bytes"
        ),
        ExportFormat("kml", "KML (Google Earth)", _KML_MEDIA_TYPE, "kml", "data", "geo.export.kml:kml_bytes"),
        ExportFormat("gpkg", "GeoPackage (GIS)", _GPKG_MEDIA_TYPE, "gpkg", "data", "geo.export.gpkg:gpkg_bytes"),
    )
}


def names(kind: Kind) -> tuple[str, ...]:
    """Return the names of the formats of one kind, in menu order."""
    return tuple(name for name, f in FORMATS.items() if f.kind == kind)


def labels(kind: Kind) -> dict[str, str]:
    """Return ``{name: label}`` of the formats of one kind (a select box's ``format_func``)."""
    return {name: f.label for name, f in FORMATS.items() if f.kind == kind}


def export_format(value: str, kind: Kind) -> ExportFormat:
    """Return the format of one kind that ``value`` names (case and a leading dot ignored).

    Raises
    ------
    ExportError
        ``unknown data format 'shp'; expected one of csv, geojson, kml, gpkg`` (one line).
    """
    fmt = FORMATS.get(value.strip().lower().lstrip("."))
    if fmt is None or fmt.kind != kind:
        msg = f"unknown {kind} format {value!r}; expected one of {', '.join(names(kind))}"
        raise ExportError(msg)
    return fmt


#: Names of the map formats (:func:`geo.export.snapshot.render_snapshot`).
MAP_FORMATS: Final = names("map")
#: Names of the data formats (:func:`geo.export.data.export_bytes`).
DATA_FORMATS: Final = names("data")
#: Media type of every format, by name.
MEDIA_TYPES: Final[dict[str, str]] = {name: f.media_type for name, f in FORMATS.items()}
