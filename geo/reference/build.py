"""Rebuild the committed reference geography in ``data/`` from ``../shared/data``.

Run ``python -m geo.reference.build [--shared PATH] [--out PATH]``. The output is deterministic: the same
inputs give byte-identical files, which ``tests/reference/test_build_reference.py`` checks against the committed
copies. What each file holds, and its licence, is documented in ``data/README.md``.

Two levels of detail are written for the polygon layers: full Natural Earth 1:10m geometry for analysis
(distances, point-in-polygon, border strips) and a display version simplified with GEOS' coverage
simplification, which simplifies each shared edge once so neighbours stay gap- and overlap-free.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import Geod
from shapely.geometry import box

from geo.core import settings

#: Analysis extent (lon/lat): Europe east of 10°E, with the Caucasus, Central Asia and the whole of
#: Russia for CSTO context. Turkey stays in, since it can be the nearest NATO member to Central Asia.
ANALYSIS_BOX = (10.0, 34.0, 180.0, 82.0)
#: Extent of water layers and of the neighbour admin-1 regions drawn on the default map.
WATER_BOX = (14.0, 47.0, 42.0, 60.5)
#: Countries whose admin-1 regions are kept (Belarus and the states around it).
ADMIN1_COUNTRIES = ("BLR", "POL", "LTU", "LVA", "EST", "UKR", "RUS")
#: GeoNames places kept outside Belarus must have at least this population (all of Belarus is kept).
GAZETTEER_MIN_POP_ABROAD = 5000
#: Display tolerances (metres, in EPSG:3035) for the simplified layers.
COUNTRY_DISPLAY_TOLERANCE_M = 2000.0
ADMIN1_DISPLAY_TOLERANCE_M = 500.0
#: Minimum NE scalerank-based importance kept for rivers (lower scalerank = more important).
RIVER_MAX_SCALERANK = 9
COORD_DECIMALS = 6
#: Extent (lon/lat) of the briefing map's overview inset: Europe from Ireland to the Urals, so the inset
#: shows the context west of 10°E that ``countries.geojson`` (cut at 10°E) lacks.
OVERVIEW_BOX = (-12.0, 34.0, 62.0, 72.0)
#: Display tolerance (metres, EPSG:3035) of the overview countries: a few pixels of a 300 px inset.
OVERVIEW_TOLERANCE_M = 6000.0
#: Extent (lon/lat) of the reference places named on the briefing map (Stockholm to the Volga).
PLACES_BOX = (10.0, 44.0, 50.0, 70.0)
#: Natural Earth's label-importance rank (SCALERANK, 0 most important) at or under which a place that is
#: neither a national capital nor a Belarus oblast centre is kept as a "key city".
PLACES_MAX_SCALERANK = 4

_GEOD = Geod(ellps="WGS84")

#: Training-ground points derived from a cited relative description (training_grounds_notes.md).
#: Each: site id -> (from lat, from lon, azimuth deg, distance km, radius km, description).
DERIVED_POINTS: dict[str, tuple[float, float, float, float, float, str]] = {
    "by_tg_losvido": (
        55.1833,
        30.1667,
        315.0,
        13.0,
        10.0,
        "13 km north-west of Vitebsk centre (vitbichi.by, district paper); radius 10 km covers the ~9 km "
        "disagreement with the village-based estimate in training_grounds_notes.md",
    ),
    "by_tg_ruzhansky": (
        52.8647,
        24.8906,
        180.0,
        10.0,
        5.0,
        "about 10 km south of Ruzhany, range ~8 km N-S x 4 km E-W (urban3p.ru/object17633); radius 5 km",
    ),
}


def _clip(gdf: gpd.GeoDataFrame, bbox: tuple[float, float, float, float]) -> gpd.GeoDataFrame:
    """Clip to a lon/lat box and keep only non-empty polygonal or linear parts."""
    clipped = gdf.copy()
    clipped["geometry"] = shapely.make_valid(shapely.intersection(gdf.geometry.values, box(*bbox)))
    clipped = clipped[~clipped.geometry.is_empty].copy()
    kind = "Polygon" if gdf.geom_type.str.contains("Polygon").all() else "LineString"
    clipped["geometry"] = [_keep_dimension(g, kind) for g in clipped.geometry]
    return clipped[~clipped.geometry.is_empty]


def _keep_dimension(geom: Any, kind: str) -> Any:
    """Drop lower-dimension debris (points, slivers of lines) left by a clip."""
    parts = shapely.get_parts(geom)
    keep = [p for p in parts if kind in p.geom_type]
    if not keep:
        return shapely.Polygon() if kind == "Polygon" else shapely.LineString()
    if kind == "Polygon":
        return shapely.MultiPolygon(keep) if len(keep) > 1 else keep[0]
    return shapely.MultiLineString(keep) if len(keep) > 1 else keep[0]


def simplify_coverage(gdf: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify a polygon coverage without opening gaps or overlaps between neighbours.

    Parameters
    ----------
    gdf
        Polygons in EPSG:4326 forming a valid coverage (neighbours share edges exactly).
    tolerance_m
        Simplification tolerance in metres, applied in EPSG:3035.

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows, simplified geometry, EPSG:4326.
    """
    metric = gdf.to_crs(settings.METRIC_CRS)
    simplified = shapely.coverage_simplify(metric.geometry.values, tolerance_m, simplify_boundary=True)
    out = metric.copy()
    out["geometry"] = simplified
    return out.to_crs(settings.STORAGE_CRS)


def _round(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.copy()
    out["geometry"] = shapely.set_precision(
        shapely.set_precision(out.geometry.values, 0), 10**-COORD_DECIMALS, mode="keep_collapsed"
    )
    out["geometry"] = shapely.make_valid(out.geometry.values)
    return out


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """Write RFC 7946 GeoJSON with 6-decimal coordinates, sorted keys, one feature per line."""
    features = json.loads(gdf.to_json(drop_id=True, to_wgs84=True))["features"]
    lines = ['{"type": "FeatureCollection", "features": [']
    body = [json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for f in features]
    lines.append(",\n".join(body))
    lines.append("]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _round_coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, COORD_DECIMALS)
    if isinstance(obj, list | tuple):
        return [_round_coords(v) for v in obj]
    return obj


def build_countries(shared: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return (full, display) country layers: NE 1:10m, German worldview (Crimea in Ukraine)."""
    src = gpd.read_file(shared / "admin0" / "admin0_europe_csto_10m.geojson")
    cols = {
        "ADM0_A3": "iso3",
        "ISO_A2_EH": "iso2",
        "NAME_EN": "name",
        "NAME_RU": "name_ru",
        "NAME_UK": "name_uk",
        "NAME_PL": "name_pl",
        "LABEL_X": "label_lon",
        "LABEL_Y": "label_lat",
    }
    gdf = src[[*cols, "geometry"]].rename(columns=cols)
    gdf = _clip(gdf, ANALYSIS_BOX).sort_values("iso3").reset_index(drop=True)
    full = _round(gdf)
    display = _round(simplify_coverage(full, COUNTRY_DISPLAY_TOLERANCE_M))
    return full, display


def build_borders(shared: Path) -> gpd.GeoDataFrame:
    """Return the land boundary lines with the ISO3 codes of the countries on both sides."""
    src = gpd.read_file(shared / "admin0" / "ne_10m_admin_0_boundary_lines_land_europe_csto.geojson")
    gdf = src[["adm0_a3_l", "adm0_a3_r", "name", "type", "geometry"]].rename(
        columns={"adm0_a3_l": "left_iso3", "adm0_a3_r": "right_iso3"}
    )
    gdf = _clip(gdf, ANALYSIS_BOX)
    return _round(gdf.sort_values(["left_iso3", "right_iso3", "name"]).reset_index(drop=True))


def build_admin1(shared: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return (full, display) admin-1 regions: Belarus and its neighbours, and Belarus's oblasts for display."""
    src = gpd.read_file(shared / "admin1" / "admin1_region_10m.geojson")
    gdf = src[src["adm0_a3"].isin(ADMIN1_COUNTRIES)][["name", "iso_3166_2", "adm0_a3", "geometry"]]
    gdf = gdf.rename(columns={"adm0_a3": "iso3"}).sort_values("iso_3166_2").reset_index(drop=True)
    full = _round(gdf)
    # The map draws Belarus's oblasts only; neighbours' regions serve the geocoder (full detail).
    # Latvia's pre-2021 novadi are not a valid coverage, another reason to keep display to Belarus.
    display = _round(simplify_coverage(full[full["iso3"] == "BLR"], ADMIN1_DISPLAY_TOLERANCE_M))
    return full, display.reset_index(drop=True)


def build_river_courses(shared: Path) -> gpd.GeoDataFrame:
    """Return every named river line of both Natural Earth river files in :data:`WATER_BOX`, all scaleranks.

    The geocoder's lookup of rivers named as sites ("crossings over the Berezina"); the basemap keeps its
    own scalerank-filtered ``rivers.geojson``. ``name_en`` is the centerline file's English name (Nemunas);
    ``name_alt`` is left out, since the Europe file gives some tributaries the name of the river they join.
    """
    base = shared / "basemap"
    parts = []
    for file in ("ne_10m_rivers_lake_centerlines_region.geojson", "ne_10m_rivers_europe_region.geojson"):
        frame = gpd.read_file(base / file)
        if "name_en" not in frame.columns:
            frame["name_en"] = None
        parts.append(frame[["name", "name_en", "scalerank", "geometry"]])
    rivers = pd.concat(parts, ignore_index=True)
    rivers = gpd.GeoDataFrame(rivers[rivers["name"].notna()], crs=settings.STORAGE_CRS)
    rivers = _clip(rivers, WATER_BOX).sort_values(["name", "scalerank"], kind="mergesort")
    return _round(rivers.reset_index(drop=True))


def build_water(shared: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return (rivers, lakes) clipped to the map's default region."""
    base = shared / "basemap"
    rivers = pd.concat(
        [
            gpd.read_file(base / "ne_10m_rivers_lake_centerlines_region.geojson"),
            gpd.read_file(base / "ne_10m_rivers_europe_region.geojson"),
        ],
        ignore_index=True,
    )
    rivers = rivers[rivers["scalerank"] <= RIVER_MAX_SCALERANK]
    rivers = gpd.GeoDataFrame(rivers[["name", "scalerank", "geometry"]], crs=settings.STORAGE_CRS)
    lakes = pd.concat(
        [
            gpd.read_file(base / "ne_10m_lakes_region.geojson"),
            gpd.read_file(base / "ne_10m_lakes_europe_region.geojson"),
        ],
        ignore_index=True,
    )
    lakes = gpd.GeoDataFrame(lakes[["name", "scalerank", "geometry"]], crs=settings.STORAGE_CRS)
    rivers = _clip(rivers, WATER_BOX).sort_values(["scalerank", "name"], na_position="last")
    lakes = _clip(lakes, WATER_BOX).sort_values(["scalerank", "name"], na_position="last")
    return _round(rivers.reset_index(drop=True)), _round(lakes.reset_index(drop=True))


def build_gazetteer(shared: Path) -> pd.DataFrame:
    """Return the regional GeoNames subset: all of Belarus, larger places in the neighbours."""
    src = pd.read_csv(shared / "places" / "geonames_cities500_region.csv", dtype={"admin1_code": str})
    keep = (src["country_code"] == "BY") | (src["population"] >= GAZETTEER_MIN_POP_ABROAD)
    out = src[keep][
        [
            "geonameid",
            "name",
            "latitude",
            "longitude",
            "country_code",
            "iso_3166_2",
            "population",
            "alternatenames",
        ]
    ]
    return out.sort_values("geonameid").reset_index(drop=True)


def build_overview(shared: Path) -> gpd.GeoDataFrame:
    """Return the countries of :data:`OVERVIEW_BOX`, coverage-simplified for the overview inset.

    Only ``iso3`` and ``name`` are kept: the inset draws land and outlines, nothing is measured on it.
    """
    src = gpd.read_file(shared / "admin0" / "admin0_europe_csto_10m.geojson")
    gdf = src[["ADM0_A3", "NAME_EN", "geometry"]].rename(columns={"ADM0_A3": "iso3", "NAME_EN": "name"})
    gdf = _clip(gdf, OVERVIEW_BOX).sort_values("iso3").reset_index(drop=True)
    return _round(simplify_coverage(_round(gdf), OVERVIEW_TOLERANCE_M))


def build_reference_places(
    shared: Path, gazetteer: pd.DataFrame, box: tuple[float, float, float, float] | None = PLACES_BOX
) -> pd.DataFrame:
    """Return the places the briefing map names for orientation, chosen by Natural Earth's own attributes.

    The rule, in priority order (``rank``): 0 every national capital (``FEATURECLA`` "Admin-0 capital");
    1 the oblast centres of Belarus (``ADM0_A3`` BLR, "Admin-1 capital"); 2 every other place whose NE
    ``SCALERANK`` is at most :data:`PLACES_MAX_SCALERANK` (NE's label importance: St Petersburg,
    Kaliningrad, Pskov, Smolensk, Lviv, Gdańsk…). Inside ``box`` (lon/lat, degrees; :data:`PLACES_BOX`), or the
    whole source with ``box=None``: the cities the geocoder knows outside the regional gazetteer
    (``reference_cities.csv``: Dushanbe, Bishkek, Almaty, Yerevan for reports on Central Asia and the Caucasus).

    Name and position come from the GeoNames gazetteer (``gazetteer.csv``) when the NE place carries a
    GeoNames id found there, so a city and a site resolved to the same town share one name and one point
    ("Kyiv", "Hrodna"); otherwise from NE (``NAME_EN``, ``LATITUDE``/``LONGITUDE``: Helsinki, Stockholm).
    """
    src = gpd.read_file(shared / "places" / "ne_10m_populated_places_europe_csto.geojson")
    if box is not None:
        west, south, east, north = box
        src = src[src["LONGITUDE"].between(west, east) & src["LATITUDE"].between(south, north)]
    rank = pd.Series(3, index=src.index)
    rank[src["SCALERANK"] <= PLACES_MAX_SCALERANK] = 2
    rank[(src["ADM0_A3"] == "BLR") & (src["FEATURECLA"] == "Admin-1 capital")] = 1
    rank[src["FEATURECLA"] == "Admin-0 capital"] = 0
    chosen = src[rank < 3].assign(rank=rank[rank < 3])
    gaz = gazetteer.set_index("geonameid")
    ids = chosen["GEONAMEID"].fillna(-1).astype(int)
    known = ids.isin(gaz.index)
    out = pd.DataFrame(
        {
            "geonameid": ids.where(known, pd.NA).astype("Int64"),
            "name": chosen["NAME_EN"].where(~known, ids.map(gaz["name"])),
            "latitude": chosen["LATITUDE"].where(~known, ids.map(gaz["latitude"])).round(5),
            "longitude": chosen["LONGITUDE"].where(~known, ids.map(gaz["longitude"])).round(5),
            "iso3": chosen["ADM0_A3"],
            "rank": chosen["rank"],
            "scalerank": chosen["SCALERANK"].astype(int),
            "population": chosen["POP_MAX"].astype(int),
            "name_ru": chosen["NAME_RU"].fillna(""),  # how Russian-language reports name it ("Алма-Ата")
        }
    )
    return out.sort_values(
        ["rank", "scalerank", "population", "name"], ascending=[True, True, False, True]
    ).reset_index(drop=True)


def build_training_grounds(shared: Path) -> pd.DataFrame:
    """Return training grounds with their cited point, plus derived points where a source allows it.

    ``lat``/``lon`` stay the cited (often town-proxy) coordinate. ``derived_lat``/``derived_lon`` hold a
    point computed geodesically from a cited relative description ("13 km NW of Vitebsk"), with its
    radius and the description; the geocoder prefers the derived point when present.
    """
    src = pd.read_csv(shared / "places" / "training_grounds.csv")
    derived: list[dict[str, Any]] = []
    for site_id in src["site_id"]:
        if site_id in DERIVED_POINTS:
            lat, lon, az, dist_km, radius_km, text = DERIVED_POINTS[site_id]
            dlon, dlat, _ = _GEOD.fwd(lon, lat, az, dist_km * 1000.0)
            derived.append(
                {
                    "derived_lat": round(dlat, 4),
                    "derived_lon": round(dlon, 4),
                    "derived_radius_m": int(radius_km * 1000),
                    "derivation": text,
                }
            )
        else:
            derived.append(
                {
                    "derived_lat": math.nan,
                    "derived_lon": math.nan,
                    "derived_radius_m": pd.NA,
                    "derivation": "",
                }
            )
    return pd.concat([src, pd.DataFrame(derived)], axis=1)


def build(shared: Path, out: Path) -> list[Path]:
    """Rebuild every derived file under ``out`` from ``shared``; return the paths written."""
    if not (shared / "README.md").exists():
        msg = f"shared reference data not found at {str(shared)!r} (expected ../shared/data)"
        raise FileNotFoundError(msg)
    ref = out / "reference"
    places = out / "places"
    members = out / "membership"
    for folder in (ref, places, members):
        folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    countries, countries_display = build_countries(shared)
    admin1, admin1_display = build_admin1(shared)
    rivers, lakes = build_water(shared)
    layers = {
        "countries.geojson": countries,
        "countries_display.geojson": countries_display,
        "borders.geojson": build_borders(shared),
        "admin1.geojson": admin1,
        "admin1_display.geojson": admin1_display,
        "rivers.geojson": rivers,
        "river_courses.geojson": build_river_courses(shared),
        "lakes.geojson": lakes,
        "countries_overview.geojson": build_overview(shared),
    }
    for name, gdf in layers.items():
        _write_geojson(gdf, ref / name)
        written.append(ref / name)

    gazetteer = build_gazetteer(shared)
    gazetteer.to_csv(places / "gazetteer.csv", index=False, lineterminator="\n")
    reference_places = build_reference_places(shared, gazetteer)
    reference_places.to_csv(places / "reference_places.csv", index=False, lineterminator="\n")
    reference_cities = build_reference_places(shared, gazetteer, box=None)
    reference_cities.to_csv(places / "reference_cities.csv", index=False, lineterminator="\n")
    build_training_grounds(shared).to_csv(places / "training_grounds.csv", index=False, lineterminator="\n")
    written += [places / "gazetteer.csv", places / "reference_places.csv", places / "reference_cities.csv"]
    written.append(places / "training_grounds.csv")
    shutil.copyfile(shared / "places" / "training_grounds_notes.md", places / "training_grounds_notes.md")
    written.append(places / "training_grounds_notes.md")
    for name in ("nato_members.csv", "csto_members.csv", "csto_milestones.csv"):
        shutil.copyfile(shared / "membership" / name, members / name)
        written.append(members / name)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m geo.reference.build", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=settings.SHARED_DATA_DIR, help="../shared/data")
    parser.add_argument("--out", type=Path, default=settings.DATA_DIR, help="output data/ folder")
    args = parser.parse_args(argv)
    try:
        written = build(args.shared, args.out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"{path.stat().st_size / 1024:8.0f} KB  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
