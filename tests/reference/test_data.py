"""Every file in data/: schema, CRS, validity, size, provenance, and gap-free display simplification."""

from __future__ import annotations

import itertools

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.core import settings
from geo.core.crs import validate_latlon
from geo.core.errors import InvalidCoordinatesError
from geo.reference.layers import LAYERS, country_polygon, layer, read_geojson, table

DATA = settings.DATA_DIR
README = (DATA / "README.md").read_text(encoding="utf-8")
#: Keep the repository small: no single data file above this size.
MAX_FILE_BYTES = 3 * 1024 * 1024


def test_every_data_file_is_documented_and_small() -> None:
    for path in sorted(DATA.rglob("*")):
        if path.is_dir() or path.parent.name == "catalog" or path.name == "README.md":
            continue
        rel = path.relative_to(DATA).as_posix()
        assert path.stat().st_size < MAX_FILE_BYTES, rel
        assert path.name in README, f"data/README.md does not document {rel}"


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_layer_schema_crs_validity_bounds(name: str) -> None:
    gdf = layer(name)
    _, columns = LAYERS[name]
    assert set(columns) <= set(gdf.columns)
    assert gdf.crs == "EPSG:4326"
    assert len(gdf) > 0
    assert gdf.geometry.notna().all() and not gdf.geometry.is_empty.any()
    assert gdf.is_valid.all()
    minx, miny, maxx, maxy = gdf.total_bounds
    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90


def test_countries_use_the_german_worldview_crimea_in_ukraine() -> None:
    countries = layer("countries")
    simferopol = shapely.Point(34.10, 44.95)
    holder = countries[countries.contains(simferopol)]["iso3"].tolist()
    assert holder == ["UKR"]


def test_countries_include_belarus_its_neighbours_and_the_csto() -> None:
    iso3 = set(layer("countries")["iso3"])
    assert {"BLR", "POL", "LTU", "LVA", "EST", "UKR", "RUS", "FIN", "SWE", "TUR"} <= iso3
    assert {"ARM", "KAZ", "KGZ", "TJK"} <= iso3


def test_borders_carry_both_country_codes() -> None:
    borders = layer("borders")
    pairs = {frozenset(p) for p in zip(borders["left_iso3"], borders["right_iso3"], strict=True)}
    for neighbour in ("POL", "LTU", "LVA", "UKR", "RUS"):
        assert frozenset({"BLR", neighbour}) in pairs


def test_belarus_has_seven_oblasts_with_iso_codes() -> None:
    admin1 = layer("admin1")
    blr = admin1[admin1["iso3"] == "BLR"]
    assert sorted(blr["iso_3166_2"]) == ["BY-BR", "BY-HM", "BY-HO", "BY-HR", "BY-MA", "BY-MI", "BY-VI"]
    assert {"POL", "LTU", "LVA", "UKR", "RUS"} <= set(admin1["iso3"])


@pytest.mark.parametrize(("full", "display"), [("countries", "countries_display"), ("admin1", "admin1_display")])
def test_display_simplification_keeps_neighbours_gap_and_overlap_free(full: str, display: str) -> None:
    simplified = layer(display)
    assert shapely.coverage_is_valid(simplified.geometry.values)  # no overlaps, edges shared exactly
    detailed = layer(full)
    detailed = detailed[detailed["iso3"].isin(simplified["iso3"])] if full == "admin1" else detailed
    key = "iso_3166_2" if full == "admin1" else "iso3"
    geoms = dict(zip(detailed[key], detailed.geometry, strict=True))
    simple = dict(zip(simplified[key], simplified.geometry, strict=True))
    metric = {k: gpd.GeoSeries([g], crs=4326).to_crs(settings.METRIC_CRS).iloc[0] for k, g in simple.items()}
    checked = 0
    for a, b in itertools.combinations(sorted(simple), 2):
        if a not in geoms or b not in geoms:
            continue
        shared = geoms[a].boundary.intersection(geoms[b].boundary).length
        if shared < 0.05:  # not neighbours (or a corner touch) in full detail
            continue
        # neighbours still share an edge (no gap) and do not overlap (no sliver)
        assert metric[a].boundary.intersection(metric[b].boundary).length > 1000, (a, b)
        assert metric[a].intersection(metric[b]).area < 1.0, (a, b)
        checked += 1
    assert checked >= 6


def test_display_layers_are_lighter_than_full_detail() -> None:
    full = shapely.get_num_coordinates(layer("countries").geometry.values).sum()
    display = shapely.get_num_coordinates(layer("countries_display").geometry.values).sum()
    assert display < full * 0.6


def test_gazetteer_is_regional_and_has_alternate_names() -> None:
    gaz = table("gazetteer")
    assert set(gaz["country_code"]) <= {"BY", "LT", "LV", "EE", "PL", "UA", "MD", "RU"}
    assert (gaz["country_code"] == "BY").sum() == 314
    assert len(gaz) < 6000  # a regional subset, not the world
    vitebsk = gaz[gaz["geonameid"] == "620127"].iloc[0]
    assert "Віцебск" in vitebsk["alternatenames"] and "Viciebsk" in vitebsk["alternatenames"]
    for lat, lon in zip(gaz["latitude"], gaz["longitude"], strict=True):
        validate_latlon(lat, lon)


def test_training_grounds_keep_confidence_radius_and_sources() -> None:
    tg = table("training_grounds")
    assert len(tg) == 30
    assert set(tg["confidence"]) <= {"high", "medium", "low"}
    assert (tg["source_urls"].str.startswith("http")).all()
    assert (pd.to_numeric(tg["precision_m_estimate"]) > 0).all()
    belarus_ranges = tg[(tg["country_iso3"] == "BLR") & (tg["kind"] == "training_ground")]
    assert (belarus_ranges["confidence"] == "low").all()  # none has a published centre coordinate
    derived = tg[tg["derived_lat"] != ""]
    assert set(derived["site_id"]) == {"by_tg_losvido", "by_tg_ruzhansky"}
    assert derived["derivation"].str.len().gt(20).all()
    for _, row in tg.iterrows():
        validate_latlon(row["lat"], row["lon"], where=row["site_id"])


@pytest.mark.parametrize(("lat", "lon"), [(91, 0), (0, 181), (-90.5, 10), ("abc", 1), (float("nan"), 1), (None, 2)])
def test_coordinates_outside_range_are_rejected(lat: object, lon: object) -> None:
    with pytest.raises(InvalidCoordinatesError):
        validate_latlon(lat, lon, where="test row")


@pytest.mark.parametrize("name", ["nato_members", "csto_members", "union_state_members"])
def test_membership_tables_have_a_source_per_row(name: str) -> None:
    rows = table(name)
    assert len(rows) > 0
    assert rows["source_url"].str.startswith("http").all()
    assert rows["iso3"].str.fullmatch(r"[A-Z]{3}").all()


def test_readme_gives_attribution_and_rebuild_command() -> None:
    for needle in ("Natural Earth", "GeoNames", "CC BY 4.0", "ODbL", "python -m geo.reference.build"):
        assert needle in README, needle


def test_no_stray_files() -> None:
    # GDAL writes *.properties side files next to TopoJSON; none may land in data/.
    assert not list(DATA.rglob("*.properties"))


def test_curated_training_grounds_cite_a_source_and_lie_in_their_country() -> None:
    curated = table("training_grounds_curated")
    shared_columns = [c for c in table("training_grounds").columns if not c.startswith("deriv")]
    assert list(curated.columns) == shared_columns
    assert not set(curated["site_id"]) & set(table("training_grounds")["site_id"])
    assert curated["site_id"].is_unique
    assert set(curated["confidence"]) <= {"high", "medium", "low"}
    assert curated["source_urls"].str.split().map(lambda urls: all(u.startswith("http") for u in urls)).all()
    assert (pd.to_numeric(curated["precision_m_estimate"]) >= 1000).all()  # an honest radius, never a pin
    for _, row in curated.iterrows():
        lat, lon = validate_latlon(row["lat"], row["lon"], where=row["site_id"])
        assert country_polygon(row["country_iso3"]).iloc[0].contains(shapely.Point(lon, lat)), row["site_id"]


def test_curated_training_grounds_are_counted_in_the_readme_and_each_has_notes() -> None:
    curated = table("training_grounds_curated")
    assert f"| `places/training_grounds_curated.csv` | {len(curated)} training grounds" in README
    notes = (DATA / "places" / "training_grounds_curated_notes.md").read_text(encoding="utf-8")
    assert f"({len(curated)} rows)" in notes
    missing = [site_id for site_id in curated["site_id"] if f"**{site_id}**" not in notes]
    assert not missing, f"training_grounds_curated_notes.md has no entry for {missing}"


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_layers_read_without_gdal_match_gdal(name):
    """read_geojson (json + shapely, no GDAL in the server) reads what gpd.read_file reads."""
    path = DATA / "reference" / LAYERS[name][0]
    ours, gdal = read_geojson(path), gpd.read_file(path)
    assert list(ours.columns) == list(gdal.columns) and ours.crs.to_epsg() == 4326
    assert ours.geometry.geom_equals_exact(gdal.geometry, 0).all()
    attrs = [c for c in gdal.columns if c != "geometry"]
    assert ours[attrs].astype(object).fillna("-").equals(gdal[attrs].astype(object).fillna("-"))
