"""GeoPackage of a selection: one layer ``sites``, lossless, stating the as-of date.

The layer holds :data:`geo.export.tabular.EXPORT_COLUMNS`; list values are JSON arrays in text columns,
unresolved sites have a null geometry (EPSG:4326), and the text column ``alliances_as_of`` states the
date alliance membership is given for (:attr:`geo.query.selection.Selection.period_end`, ISO). The
layer's description names that date and the filter. :func:`gpkg_frame` is exactly what is written, so a
read-back can be compared row for row.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

import geopandas as gpd
import pandas as pd

from geo.core import settings
from geo.core.errors import ExportError
from geo.export.tabular import AS_OF_KEY, EXPORT_COLUMNS, as_of_statement, export_records

if TYPE_CHECKING:
    from geo.query.selection import Selection

__all__ = ["FLOAT_COLUMNS", "GPKG_LAYER", "gpkg_bytes", "gpkg_frame"]

#: Layer name inside the GeoPackage.
GPKG_LAYER: Final = "sites"
#: Export columns written as REAL (kilometres); ``ongoing`` is a boolean; every other column is text.
FLOAT_COLUMNS: Final = (
    "precision_km",
    "distance_to_nato_km",
    "distance_to_nato_from_centre_km",
    "nato_shared_border_km",
)


def gpkg_frame(selection: Selection) -> gpd.GeoDataFrame:
    """Return the frame :func:`gpkg_bytes` writes: export columns, lists as JSON text, the as-of date.

    Parameters
    ----------
    selection
        The selection; its sites are rows of :func:`geo.catalog.sites.sites_frame` (EPSG:4326).

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`geo.export.tabular.EXPORT_COLUMNS` (``ongoing`` boolean, :data:`FLOAT_COLUMNS` float, the rest
        text: ``nato_relation`` and ``nato_distance_text`` included),
        ``alliances_as_of`` (ISO date, text) and the site geometry (EPSG:4326; None when the site could not
        be located).
    """
    sites = selection.sites
    records = export_records(sites)
    rows = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in r.items()} for r in records]
    frame = pd.DataFrame(rows, columns=list(EXPORT_COLUMNS))
    for column in FLOAT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["ongoing"] = frame["ongoing"].fillna(False).astype(bool)
    text_columns = [c for c in EXPORT_COLUMNS if c not in (*FLOAT_COLUMNS, "ongoing")]
    for column in text_columns:  # pandas' string dtype, missing values NaN: what a GeoPackage reads back as
        frame[column] = frame[column].astype("str").where(frame[column].notna())
    frame[AS_OF_KEY] = pd.Series([selection.period_end.isoformat()] * len(frame), dtype="str")
    geoms = [None if g is None or g.is_empty else g for g in sites.geometry.values]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=settings.STORAGE_CRS), crs=settings.STORAGE_CRS)


def gpkg_bytes(selection: Selection) -> bytes:
    """Return the GeoPackage file of the selection (the registered ``gpkg`` writer).

    Raises
    ------
    ExportError
        If GDAL cannot write the file.
    """
    frame = gpkg_frame(selection)
    statement = as_of_statement(selection)
    description = f"Alliance membership as of {statement[AS_OF_KEY]}; filter {json.dumps(statement['filter'])}"
    with tempfile.TemporaryDirectory(prefix="drillmap-gpkg-") as tmp:
        path = Path(tmp) / "sites.gpkg"
        try:
            frame.to_file(
                path, driver="GPKG", layer=GPKG_LAYER, engine="pyogrio", layer_options={"DESCRIPTION": description}
            )
        except Exception as exc:  # pyogrio raises its own DataSourceError/FieldError family
            msg = f"cannot write the GeoPackage: {exc}"
            raise ExportError(msg) from exc
        return path.read_bytes()
