"""Stored sites keep their geometry (PostGIS on PostgreSQL, WKT on SQLite) and PostGIS answers the distance filter."""

from __future__ import annotations

import pytest
import shapely
from sqlalchemy import text

from geo.catalog.filter import SiteFilter
from geo.catalog.sites import geocode_site, sites_frame
from geo.query.selection import select
from geo.store import Store
from geo.store.sites import site_geometries, sites_near_nato, sync_sites
from tests.store.test_store import _require_postgres, _reset_postgres


@pytest.fixture
def pg_store(catalog_dir) -> Store:
    pg = _require_postgres()
    _reset_postgres(pg)
    return Store.open(pg, catalog_dir=catalog_dir)


def _expected_geometries(store: Store) -> dict[tuple[str, int], object]:
    return {(e.id, i): geocode_site(site).geometry for e in store.exercises() for i, site in enumerate(e.sites)}


def _assert_same_geometries(store: Store) -> None:
    stored = site_geometries(store.engine)
    expected = _expected_geometries(store)
    assert set(stored) == set(expected)
    for key, geometry in expected.items():
        if geometry is None or geometry.is_empty:
            assert stored[key] is None, key
        else:
            assert shapely.equals_exact(shapely.from_wkt(stored[key]), geometry, tolerance=1e-9), key


def test_sqlite_keeps_site_geometries_as_wkt_and_regeocodes_only_what_changed(tmp_path, catalog_dir):
    store = Store.open(f"sqlite:///{tmp_path / 'drillmap.sqlite3'}", catalog_dir=catalog_dir)
    assert sorted(sync_sites(store.engine)) == sorted(p.stem for p in catalog_dir.glob("*.yaml"))
    _assert_same_geometries(store)
    assert sync_sites(store.engine) == []  # nothing changed: nothing geocoded
    store.save(
        updates={"interaction-2025": lambda e: e.model_copy(update={"sites": e.sites[:1]})},
        who="alice",
        source="https://example.org/a",
    )
    assert sync_sites(store.engine) == ["interaction-2025"]
    _assert_same_geometries(store)  # the dropped sites are gone too
    with pytest.raises(Exception, match="only on PostgreSQL"):
        sites_near_nato(store.engine, 50)


def test_postgis_keeps_site_geometries_in_an_indexed_geometry_column(pg_store):
    sync_sites(pg_store.engine)
    _assert_same_geometries(pg_store)
    with pg_store.engine.connect() as connection:
        column = connection.execute(
            text("SELECT type, srid FROM geometry_columns WHERE f_table_name = 'sites' AND f_geometry_column = 'geom'")
        ).one()
        rows = connection.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'sites'"))
        indexes = {str(row[0]): str(row[1]) for row in rows}  # dict(rows) would take the result for a mapping
        parts = connection.execute(text("SELECT count(*), max(ST_NPoints(geog::geometry)) FROM nato_territory")).one()
    assert tuple(column) == ("GEOMETRY", 4326)
    assert "USING gist (geom)" in indexes["ix_sites_geom"]
    assert "USING gist (((geom)::geography))" in indexes["ix_sites_geog"]
    assert parts[0] > 32 and parts[1] <= 128 + 2  # every member, subdivided (a part may repeat its ring's start)


#: Distances (km) of the filter, chosen more than 0.5 km away from any seed site's distance (asserted).
LIMITS_KM = (0.0, 10.0, 100.0, 200.0)


def test_postgis_and_python_keep_the_same_sites(pg_store):
    frame = sites_frame(pg_store.exercises())
    measured = frame["distance_to_nato_km"].dropna()
    assert len(measured) >= 10
    for km in LIMITS_KM:
        assert not any(0 < abs(d - km) <= 0.5 for d in measured), f"a site lies within 0.5 km of {km} km"
        flt = SiteFilter(max_distance_km=km)
        in_python = select(frame, flt, database_url="sqlite://")  # not PostgreSQL: measured in Python
        in_postgis = select(frame, flt, database_url=pg_store.url)
        assert (in_python.distance_in_database, in_postgis.distance_in_database) == (False, True)
        assert in_postgis.sites.index.tolist() == in_python.sites.index.tolist(), km
    kept = [len(select(frame, SiteFilter(max_distance_km=km), database_url=pg_store.url).sites) for km in LIMITS_KM]
    assert kept == sorted(kept) and kept[0] < kept[-1]  # the filter filters


def test_a_frame_with_sites_the_store_lacks_is_measured_in_python(pg_store):
    frame = sites_frame(pg_store.exercises())
    foreign = frame.copy()
    foreign.loc[foreign.index[0], "exercise_id"] = "not-in-the-store"
    selection = select(foreign, SiteFilter(max_distance_km=100.0), database_url=pg_store.url)
    assert not selection.distance_in_database
    assert selection.sites.index.tolist() == select(foreign, SiteFilter(max_distance_km=100.0)).sites.index.tolist()
