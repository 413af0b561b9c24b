"""Tables of the store (SQLAlchemy 2 declarative models).

One row per exercise holds the whole validated :class:`~geo.catalog.schema.Exercise` as a JSON
document, with a few columns copied out for listing. Every change also writes an :class:`AuditRow`
(who, when, from which source, what changed). :class:`SiteRow` keeps each stored exercise's geocoded
sites (a PostGIS geometry on PostgreSQL, WKT text on SQLite) and :class:`NatoTerritoryRow` the NATO members'
territory (PostgreSQL only), so that "within N km of NATO" runs in the database. The schema itself is made by
the Alembic migrations in :mod:`geo.store.migrations`, not from these classes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from geoalchemy2 import Geography, Geometry
from sqlalchemy import JSON, Date, Dialect, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

#: SRID of every stored geometry (EPSG:4326, lon/lat, like the rest of Drillmap).
SRID = 4326


class SpatialText(TypeDecorator[str]):
    """A PostGIS ``geometry(GEOMETRY, 4326)`` (or ``geography``) on PostgreSQL, WKT text elsewhere (SQLite).

    Values are written through :func:`geo.store.sites.geometry_value`, which wraps the WKT in
    ``ST_GeomFromText`` on PostgreSQL.
    """

    impl = Text
    cache_ok = True

    def __init__(self, *, geography: bool = False) -> None:
        super().__init__()
        self.geography = geography

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """Return the GeoAlchemy2 type on PostgreSQL, text elsewhere."""
        if dialect.name == "postgresql":
            kind = Geography if self.geography else Geometry
            return dialect.type_descriptor(kind(geometry_type="GEOMETRY", srid=SRID, spatial_index=False))
        return dialect.type_descriptor(Text())


class Base(DeclarativeBase):
    """Declarative base of the store's tables."""


class Meta(Base):
    """Key/value facts about the store (``catalog_hash``: the seed catalog last loaded)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ExerciseRow(Base):
    """An exercise: the validated catalog record as JSON plus listing columns.

    ``origin`` is ``seed`` for records loaded from ``data/catalog`` and ``analyst`` for records
    created in the store. ``seed_hash`` is the hash of the catalog version last loaded into a seed
    row; ``content_hash`` the hash of the current document: when they differ an analyst has changed
    the record, and a newer catalog file no longer replaces it.
    """

    __tablename__ = "exercises"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    alliance: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(20))
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    seed_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[str] = mapped_column(String(40))
    updated_by: Mapped[str] = mapped_column(String(120))


class AuditRow(Base):
    """One change: who made it, when (UTC, ISO 8601), from which source, and what changed."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch: Mapped[str] = mapped_column(String(40))
    exercise_id: Mapped[str] = mapped_column(String(120), index=True)
    action: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(120))
    at: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)


class SiteRow(Base):
    """One geocoded site of a stored exercise, as of the exercise's start.

    ``content_hash`` is the exercise's :func:`~geo.store.repository.content_hash` and ``geocoder`` the
    fingerprint of the geocoder's settings when the row was made: a row whose exercise or settings changed
    is made again before the next distance query. ``geom`` is empty for an unresolved site.
    """

    __tablename__ = "sites"

    exercise_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    site_index: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    content_hash: Mapped[str] = mapped_column(String(64))
    geocoder: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[dt.date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(20))
    geom: Mapped[str | None] = mapped_column(SpatialText(), nullable=True)


class NatoTerritoryRow(Base):
    """A part of a NATO member's territory (reference layer ``countries``, subdivided) and its accession date.

    PostgreSQL only.
    """

    __tablename__ = "nato_territory"

    iso3: Mapped[str] = mapped_column(String(3), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    accession_date: Mapped[dt.date] = mapped_column(Date)
    geog: Mapped[str] = mapped_column(SpatialText(geography=True))
