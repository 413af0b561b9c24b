"""Catalog files that changed after an analyst changed the stored record: shown, then resolved by a person.

A seed record that an analyst edited is no longer replaced when its catalog YAML changes
(:meth:`geo.store.repository.Store.sync_seed`), so neither change is lost silently. This module finds
those records at any time (not only during the sync that met them): a record is in conflict while its
catalog file's content differs from the version the store last took from the catalog (``seed_hash``)
and the stored content differs from that version too (an analyst's edit). An admin resolves it either
way, with a reason; the audit records who, when, which way and why.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from geo.catalog.load import load_catalog
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.core.text import has_controls
from geo.store.engine import StoreError
from geo.store.limits import check_plain_text
from geo.store.models import AuditRow, ExerciseRow
from geo.store.repository import Store, _audit, _now, _set_document, content_hash, document

#: How one conflict is settled: keep the analyst's stored record, or take the catalog file's version.
Resolution = Literal["keep-store", "take-catalog"]
#: Longest reason kept with a resolution (characters).
MAX_REASON_CHARS = 500


@dataclass(frozen=True)
class SeedConflict:
    """A seed record changed both by an analyst (in the store) and in its catalog file since.

    Attributes
    ----------
    exercise_id, name
        The record.
    stored
        The store's version (with the analyst's change), what every face shows meanwhile.
    catalog
        The catalog file's current version.
    fields
        The top-level fields in which the two differ (``figures``, ``observers`` …).
    edited_by, edited_at
        Who last changed the stored record, and when (ISO time, UTC).
    """

    exercise_id: str
    name: str
    stored: Exercise
    catalog: Exercise
    fields: tuple[str, ...]
    edited_by: str
    edited_at: str


def _differing(stored: Exercise, catalog: Exercise) -> tuple[str, ...]:
    a, b = document(stored), document(catalog)
    return tuple(sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k)))


def seed_conflicts(store: Store, catalog_dir: Path | None = None) -> list[SeedConflict]:
    """Return the seed records whose catalog file and stored content both changed since the last sync, by id."""
    # Only seed records an analyst changed can conflict: without any, the catalog files are not read at all
    # (the Sources page asks on every run).
    query = (
        select(ExerciseRow)
        .where(ExerciseRow.origin == "seed", ExerciseRow.content_hash != ExerciseRow.seed_hash)
        .order_by(ExerciseRow.id)
    )
    out: list[SeedConflict] = []
    with Session(store.engine) as session:
        edited = session.execute(query).scalars().all()
        if not edited:
            return out
        folder = catalog_dir or store.catalog_dir or settings.CATALOG_DIR
        catalog = {e.id: e for e in load_catalog(folder).exercises}
        for row in edited:
            current = catalog.get(row.id)
            if current is None or content_hash(current) == row.seed_hash:
                continue  # no file, or the file did not change since it was taken
            stored = Exercise.model_validate(row.document)
            if content_hash(current) == row.content_hash:
                continue  # both changed the same way: nothing to decide
            out.append(
                SeedConflict(
                    row.id, row.name, stored, current, _differing(stored, current), row.updated_by, row.updated_at
                )
            )
    return out


def _check_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        msg = "say why: a resolution records the reason with who made it"
        raise StoreError(msg)
    if len(text) > MAX_REASON_CHARS or has_controls(text):
        msg = f"the reason must be one line of at most {MAX_REASON_CHARS} characters"
        raise StoreError(msg)
    return text


def resolve_conflict(
    store: Store, exercise_id: str, resolution: Resolution, *, who: str, reason: str, catalog_dir: Path | None = None
) -> None:
    """Settle one conflict: keep the stored record or take the catalog file's version; audit who and why.

    Raises
    ------
    StoreError
        If the record is not in conflict (any more), the resolution is unknown, or the reviewer or reason
        is empty or not one plain line. Nothing is written then.
    """
    why = _check_reason(reason)
    check_plain_text(who, "catalog")
    if not who.strip():
        msg = "a resolution needs the name of who made it"
        raise StoreError(msg)
    conflict = next((c for c in seed_conflicts(store, catalog_dir) if c.exercise_id == exercise_id), None)
    if conflict is None:
        msg = f"{exercise_id!r} has no catalog conflict to resolve"
        raise StoreError(msg)
    if resolution not in ("keep-store", "take-catalog"):
        msg = f"unknown resolution {resolution!r}: keep-store or take-catalog"
        raise StoreError(msg)
    now, digest = _now(), content_hash(conflict.catalog)
    with Session(store.engine) as session, session.begin():
        row = session.get(ExerciseRow, exercise_id, with_for_update=True)
        if row is None or row.content_hash != content_hash(conflict.stored):
            msg = f"{exercise_id!r} changed while you decided: look at it again"
            raise StoreError(msg)
        before = row.document
        kept = conflict.stored if resolution == "keep-store" else conflict.catalog
        if resolution == "take-catalog":
            _set_document(row, conflict.catalog, who=who, now=now)
        else:
            row.version += 1
            row.updated_at, row.updated_by = now, who
        row.seed_hash = digest  # this catalog version is decided; a later change of the file is a new conflict
        entry: AuditRow = _audit(
            uuid.uuid4().hex, kept, f"resolve-{resolution}", who, now, "catalog", row.version, before
        )
        entry.detail = {**entry.detail, "reason": why, "catalog_fields": list(conflict.fields)}
        session.add(entry)
