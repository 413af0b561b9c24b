"""GeoPackage of a selection: one layer per geometry type, typed columns, stating the as-of date.

Every GIS opens it without surprises:

* ``sites_points`` (Point) and ``sites_areas`` (MultiPolygon: a Polygon is written as a one-part
  MultiPolygon) hold the located sites, so each layer has one declared geometry type and converts to a
  Shapefile or FlatGeobuf as it is;
* ``sites_unlocated`` is an attribute table (no geometry) of the sites that could not be placed: they are
  listed, never given a fake position;
* every layer holds :data:`geo.export.tabular.EXPORT_COLUMNS` with typed fields: ``ongoing`` boolean,
  :data:`FLOAT_COLUMNS` REAL (kilometres), :data:`DATE_COLUMNS` DATE, ``info_credibility`` INTEGER
  (Admiralty 1–6, empty when not graded), lists as JSON arrays in TEXT, the rest TEXT; and
  ``alliances_as_of`` (DATE), the date alliance membership is given for
  (:attr:`geo.query.selection.Selection.period_end`). Each layer's description names that date and the
  filter.

:func:`gpkg_tables` is exactly what is written, so a read-back can be compared row for row. Converting a
located layer with ``ogr2ogr`` keeps every feature; to a Shapefile, the format cuts field names to 10
characters, text to 254 and writes dates as text (prefer GeoPackage or FlatGeobuf); FlatGeobuf holds no
attribute-only table, so ``sites_unlocated`` stays in the GeoPackage (or the CSV).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import pyarrow as pa  # type: ignore[import-untyped]
import pyogrio
import shapely

from geo.core.errors import ExportError
from geo.export.tabular import AS_OF_KEY, EXPORT_COLUMNS, as_of_statement, export_records

if TYPE_CHECKING:
    from geo.query.selection import Selection

__all__ = ["DATE_COLUMNS", "FLOAT_COLUMNS", "GPKG_LAYERS", "gpkg_bytes", "gpkg_tables"]

#: Layer name -> declared geometry type (None: an attribute table).
GPKG_LAYERS: Final[dict[str, str | None]] = {
    "sites_points": "Point",
    "sites_areas": "MultiPolygon",
    "sites_unlocated": None,
}
#: Export columns written as REAL (kilometres).
FLOAT_COLUMNS: Final = (
    "precision_km",
    "distance_to_nato_km",
    "distance_to_nato_from_centre_km",
    "nato_shared_border_km",
    "other_side_distance_km",
    "other_side_centre_km",
)
#: Export columns written as DATE (ISO dates in the records); ``start`` and ``end`` stay text as reported
#: (``"2025"``, ``"2025-09"``): their precision is part of the fact.
DATE_COLUMNS: Final = ("announced",)
_LAYER_OF: Final = {"Point": "sites_points", "Polygon": "sites_areas", "MultiPolygon": "sites_areas"}


def _field(column: str, values: list[Any]) -> pa.Array:
    """Return one typed Arrow column of the export."""
    if column in FLOAT_COLUMNS:
        return pa.array([None if v is None else float(v) for v in values], type=pa.float64())
    if column in DATE_COLUMNS:
        return pa.array([None if v is None else dt.date.fromisoformat(str(v)) for v in values], type=pa.date32())
    if column == "info_credibility":
        return pa.array(values, type=pa.int32())
    if column == "ongoing":
        return pa.array([bool(v) for v in values], type=pa.bool_())
    texts = [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in values]
    return pa.array([None if v is None else str(v) for v in texts], type=pa.string())


def _table(records: list[dict[str, Any]], as_of: dt.date, wkb: list[bytes] | None) -> pa.Table:
    columns = {c: _field(c, [r[c] for r in records]) for c in EXPORT_COLUMNS}
    columns[AS_OF_KEY] = pa.array([as_of] * len(records), type=pa.date32())
    if wkb is not None:
        columns["geometry"] = pa.array(wkb, type=pa.binary())
    return pa.table(columns)


def gpkg_tables(selection: Selection) -> dict[str, pa.Table]:
    """Return the layers :func:`gpkg_bytes` writes, by name (:data:`GPKG_LAYERS`), as Arrow tables.

    Parameters
    ----------
    selection
        The selection; its sites are rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326).

    Returns
    -------
    dict of pyarrow.Table
        Every layer, empty ones included; located layers carry a WKB ``geometry`` column (EPSG:4326).

    Raises
    ------
    ExportError
        If a site has a geometry type no layer holds (the geocoder makes points and polygons only).
    """
    grouped: dict[str, tuple[list[dict[str, Any]], list[bytes]]] = {name: ([], []) for name in GPKG_LAYERS}
    for record, geom in zip(export_records(selection.sites), selection.sites.geometry.values, strict=True):
        if geom is None or geom.is_empty:
            grouped["sites_unlocated"][0].append(record)
            continue
        name = _LAYER_OF.get(geom.geom_type)
        if name is None:
            msg = f"cannot write a {geom.geom_type} site to the GeoPackage (site {record['exercise_id']})"
            raise ExportError(msg)
        if geom.geom_type == "Polygon":
            geom = shapely.MultiPolygon([geom])
        grouped[name][0].append(record)
        grouped[name][1].append(shapely.to_wkb(geom))
    as_of = selection.period_end
    return {
        name: _table(records, as_of, None if GPKG_LAYERS[name] is None else wkb)
        for name, (records, wkb) in grouped.items()
    }


def gpkg_bytes(selection: Selection) -> bytes:
    """Return the GeoPackage file of the selection (the registered ``gpkg`` writer).

    Raises
    ------
    ExportError
        If GDAL cannot write the file.
    """
    statement = as_of_statement(selection)
    description = f"Alliance membership as of {statement[AS_OF_KEY]}; filter {json.dumps(statement['filter'])}"
    with tempfile.TemporaryDirectory(prefix="drillmap-gpkg-") as tmp:
        path = Path(tmp) / "sites.gpkg"
        try:
            for name, table in gpkg_tables(selection).items():
                geometry_type = GPKG_LAYERS[name]
                pyogrio.write_arrow(
                    table,
                    path,
                    layer=name,
                    driver="GPKG",
                    append=path.exists(),
                    geometry_name="geometry" if geometry_type else None,
                    geometry_type=geometry_type,
                    crs="EPSG:4326" if geometry_type else None,
                    layer_options={"DESCRIPTION": description},
                )
        except Exception as exc:  # pyogrio raises its own DataSourceError/FieldError family
            msg = f"cannot write the GeoPackage: {exc}"
            raise ExportError(msg) from exc
        return path.read_bytes()
