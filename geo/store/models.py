"""Tables of the store (SQLAlchemy 2 declarative models).

One row per exercise holds the whole validated :class:`~geo.catalog.schema.Exercise` as a JSON
document, with a few columns copied out for listing. Every change also writes an :class:`AuditRow`
(who, when, from which source, what changed). :class:`SchemaVersion` records applied migrations.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of the store's tables."""


class SchemaVersion(Base):
    """One applied migration."""

    __tablename__ = "schema_version"

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    description: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[str] = mapped_column(String(40))


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
