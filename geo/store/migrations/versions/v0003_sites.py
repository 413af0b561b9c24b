"""Geocoded sites of stored exercises; on PostgreSQL as PostGIS geometries with the NATO members' territory.

PostgreSQL: the ``postgis`` extension is created if missing (which needs a role allowed to create it; an
administrator can run ``CREATE EXTENSION postgis`` once instead), ``sites.geom`` is a
``geometry(GEOMETRY, 4326)`` with GiST indexes on it and on its geography, and ``nato_territory`` holds each
member's territory as ``geography`` parts (``ST_Subdivide``: a country of 11,000 vertices is slow to measure
whole) with a GiST index, so that "within N km of NATO" is one indexed ``ST_DWithin`` query. SQLite:
``sites.geom`` is WKT text and there is no ``nato_territory`` (the distance filter runs in Python there).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geography, Geometry
from sqlalchemy.exc import DBAPIError

from geo.store.engine import StoreError

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _ensure_postgis() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).scalar():
        return
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except DBAPIError as exc:
        msg = (
            "the store on PostgreSQL needs the PostGIS extension, and this database role cannot create it "
            f"({str(exc.orig).strip().splitlines()[0]}): install PostGIS on the server (Debian: "
            "postgresql-<version>-postgis-3) and have an administrator run CREATE EXTENSION postgis "
            "in this database"
        )
        raise StoreError(msg) from exc


def upgrade() -> None:
    """Create ``sites`` (and, on PostgreSQL, the PostGIS extension and ``nato_territory``)."""
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        _ensure_postgis()
    geom = Geometry(geometry_type="GEOMETRY", srid=4326, spatial_index=False) if postgres else sa.Text()
    op.create_table(
        "sites",
        sa.Column("exercise_id", sa.String(120), primary_key=True),
        sa.Column("site_index", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("geocoder", sa.String(64), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(20), nullable=False),
        sa.Column("geom", geom, nullable=True),
    )
    if not postgres:
        return
    op.create_index("ix_sites_geom", "sites", ["geom"], postgresql_using="gist")
    op.execute("CREATE INDEX ix_sites_geog ON sites USING gist ((geom::geography))")
    op.create_table(
        "nato_territory",
        sa.Column("iso3", sa.String(3), primary_key=True),
        sa.Column("part", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("accession_date", sa.Date(), nullable=False),
        sa.Column("geog", Geography(geometry_type="GEOMETRY", srid=4326, spatial_index=False), nullable=False),
    )
    op.create_index("ix_nato_territory_geog", "nato_territory", ["geog"], postgresql_using="gist")


def downgrade() -> None:
    """Drop the tables (the extension stays: other schemas may use it)."""
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table("nato_territory")
    op.drop_table("sites")
