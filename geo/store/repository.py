"""The store: exercises and their audit trail in one database, read and written in whole transactions.

:class:`Store` opens (creating and migrating) the database, loads the seed catalog on first run and
keeps untouched seed records in step with ``data/catalog``. :meth:`Store.save` writes new exercises
and updates of existing ones in one transaction with one audit record each: either everything lands
or nothing does. Updates are functions applied to the record *as stored when the transaction runs*,
so two reviewers adding facts to the same exercise at the same time both land.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from geo.catalog.load import catalog_hash, load_catalog
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.core.grading import grade_changes
from geo.store.audit import change_detail
from geo.store.engine import StoreError, make_engine, reading, serialise_schema_changes
from geo.store.limits import check_lengths, check_plain_text
from geo.store.migrations import CURRENT_VERSION, current_version, migrate
from geo.store.models import AuditRow, ExerciseRow, Meta
from geo.store.yaml_text import yaml_document

#: How many times a save is tried when a concurrent session took the same new id (PostgreSQL).
SAVE_ATTEMPTS = 3
#: Name recorded for changes made by loading the seed catalog.
SEED_AUTHOR = "catalog"
_SEED_SOURCE = "data/catalog"

Update = Callable[[Exercise], Exercise]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def document(exercise: Exercise) -> dict[str, Any]:
    """Return the JSON document stored for an exercise (defaults left out, like the catalog files)."""
    return exercise.model_dump(mode="json", exclude_defaults=True)


def content_hash(exercise: Exercise) -> str:
    """Return a stable hash of an exercise's content."""
    text = json.dumps(document(exercise), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    """One audit record: who changed which exercise, when, from which source."""

    exercise_id: str
    action: str
    who: str
    at: str
    source: str
    version: int
    fields: tuple[str, ...]
    batch: str
    #: Citation id -> {"before": code, "after": code} of each citation grade changed (:mod:`geo.core.grading`).
    grades: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    """What one :meth:`Store.save` wrote."""

    created: tuple[str, ...]
    updated: tuple[str, ...]  # changed by the save
    batch: str
    confirmed: tuple[str, ...] = ()  # unchanged: the report adds nothing (audited as ``confirm``)


@dataclass
class Store:
    """A store of exercises at one database URL.

    Use :func:`open_store` (cached per URL) rather than constructing it directly.

    Attributes
    ----------
    url
        The SQLAlchemy URL.
    engine
        The engine (see :mod:`geo.store.engine`).
    catalog_dir
        The seed catalog folder (None: :data:`geo.core.settings.CATALOG_DIR`).
    seed_conflicts
        Seed exercises whose catalog file changed after an analyst edited the stored record: the
        stored record is kept; a reviewer must reconcile them (``python -m geo.store export``).
    """

    url: str
    engine: Engine
    catalog_dir: Path | None = None
    seed_conflicts: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, url: str | None = None, *, catalog_dir: Path | None = None, load_seed: bool = True) -> Store:
        """Open the store at ``url`` (default :func:`geo.core.settings.database_url`): create, migrate, seed.

        Raises
        ------
        StoreError
            If the database cannot be opened or migrated.
        CatalogError
            If the seed catalog is malformed.
        """
        url = url or settings.database_url()
        store = cls(url, make_engine(url), catalog_dir)
        try:
            with store.engine.begin() as connection:
                serialise_schema_changes(connection)
                migrate(connection)
        except OperationalError as exc:
            msg = f"cannot open the store at {_safe(url)!r}: {exc.orig}"
            raise StoreError(msg) from exc
        if load_seed:
            store.sync_seed()
        return store

    # --- seed ------------------------------------------------------------------------------------

    def sync_seed(self, catalog_dir: Path | None = None) -> list[str]:
        """Load the seed catalog into the store; return the ids inserted or refreshed.

        On first run every catalog exercise is inserted. Later, a catalog file that changed replaces
        its stored record only if no analyst has changed that record since (otherwise the id is added
        to :attr:`seed_conflicts`). Nothing happens when the catalog files are unchanged. A catalog file
        that cannot be read changes nothing: its exercise keeps its stored version (the faces name the
        file, :func:`geo.catalog.load.load_catalog`).
        """
        folder = catalog_dir or self.catalog_dir or settings.CATALOG_DIR
        digest = catalog_hash(folder)
        with Session(self.engine) as session, session.begin():
            serialise_schema_changes(session.connection())  # two first openers must not both load the seed
            known = session.get(Meta, "catalog_hash")
            if known is not None and known.value == digest:
                return []
            loaded = load_catalog(folder)
            changed = self._apply_seed(session, loaded.exercises)
            if not loaded.problems:  # a broken file is read again on the next call, once it is mended
                session.merge(Meta(key="catalog_hash", value=digest))
        return changed

    def _apply_seed(self, session: Session, exercises: Sequence[Exercise]) -> list[str]:
        batch = uuid.uuid4().hex
        now = _now()
        changed: list[str] = []
        for exercise in exercises:
            digest = content_hash(exercise)
            row = session.get(ExerciseRow, exercise.id)
            if row is None:
                session.add(_new_row(exercise, origin="seed", who=SEED_AUTHOR, now=now, seed_hash=digest))
                # The values loaded are the catalog file's, in git: the audit names the fields only.
                entry = _audit(batch, exercise, "seed-load", SEED_AUTHOR, now, _SEED_SOURCE, 1, None, values=False)
                session.add(entry)
                changed.append(exercise.id)
            elif row.origin == "seed" and row.seed_hash != digest:
                if row.content_hash != row.seed_hash:
                    if exercise.id not in self.seed_conflicts:
                        self.seed_conflicts.append(exercise.id)
                    continue
                before = row.document
                _set_document(row, exercise, who=SEED_AUTHOR, now=now)
                row.seed_hash = digest
                session.add(_audit(batch, exercise, "seed-update", SEED_AUTHOR, now, _SEED_SOURCE, row.version, before))
                changed.append(exercise.id)
        return changed

    # --- reads -----------------------------------------------------------------------------------

    def exercises(self, *, origin: str | None = None) -> list[Exercise]:
        """Return the stored exercises (``origin`` ``seed`` or ``analyst`` to filter), sorted by id."""
        query = select(ExerciseRow.document).order_by(ExerciseRow.id)
        if origin is not None:
            query = query.where(ExerciseRow.origin == origin)
        with reading(self.engine) as connection:
            documents = connection.execute(query).scalars().all()
        return [Exercise.model_validate(doc) for doc in documents]

    def get(self, exercise_id: str) -> Exercise | None:
        """Return one stored exercise, or None."""
        with reading(self.engine) as connection:
            doc = connection.execute(select(ExerciseRow.document).where(ExerciseRow.id == exercise_id)).scalar()
        return None if doc is None else Exercise.model_validate(doc)

    def ids(self) -> set[str]:
        """Return the ids of all stored exercises."""
        with reading(self.engine) as connection:
            return set(connection.execute(select(ExerciseRow.id)).scalars())

    def history(self, exercise_id: str | None = None, *, limit: int = 200) -> list[AuditEntry]:
        """Return audit records, newest first (of one exercise, or all)."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if exercise_id is not None:
            query = query.where(AuditRow.exercise_id == exercise_id)
        with Session(self.engine) as session:
            session.connection(execution_options={"drillmap_begin": "DEFERRED"})
            rows = session.execute(query).scalars().all()
            return [
                AuditEntry(
                    r.exercise_id,
                    r.action,
                    r.who,
                    r.at,
                    r.source,
                    r.version,
                    tuple(r.detail.get("fields", [])),
                    r.batch,
                    dict(r.detail.get("grades", {})),
                )
                for r in rows
            ]

    def revision(self) -> int:
        """Return a number that grows with every change (the last audit record's id; 0 when empty)."""
        with reading(self.engine) as connection:
            return int(connection.execute(select(func.max(AuditRow.id))).scalar() or 0)

    def schema_version(self) -> int:
        """Return the applied schema version."""
        with self.engine.begin() as connection:
            return current_version(connection)

    # --- writes ----------------------------------------------------------------------------------

    def save(
        self,
        new: Iterable[Exercise] = (),
        updates: Mapping[str, Update] | None = None,
        *,
        who: str,
        source: str | Mapping[str, str],
        on_before_commit: Callable[[], None] | None = None,
    ) -> SaveResult:
        """Write new exercises and updates in one transaction, with an audit record for each.

        Parameters
        ----------
        new
            Exercises to create. An id already taken (by the catalog or another analyst, perhaps a
            moment ago) gets a ``-2``, ``-3`` … suffix.
        updates
            ``{exercise id: function}``; each function receives the exercise as stored when the
            transaction runs and returns its new version.
        who
            The reviewer's name.
        source
            Where the facts come from (the article's URL or ``seed:<file>``), or a mapping from each
            new exercise's proposed id and each updated id to its source (several articles at once).
        on_before_commit
            Called after every write, just before the commit (used by tests to interrupt a save).

        Returns
        -------
        SaveResult
            The ids created and updated, and the batch id shared by their audit records.

        Raises
        ------
        StoreError
            If ``who`` or ``source`` is empty, an update names an unknown exercise, or the database
            refuses the write. Nothing is written then.
        """
        who = (who or "").strip()
        if not who:
            msg = "a reviewer name is required to save (who made the change is recorded)"
            raise StoreError(msg)
        check_plain_text(who, source)
        new = list(new)
        updates = dict(updates or {})
        check_lengths(who, new)
        wanted = [e.id for e in new] + list(updates)
        sources = dict(source) if isinstance(source, Mapping) else dict.fromkeys(wanted, source)
        missing = [i for i in wanted if not (sources.get(i) or "").strip()]
        if missing:
            msg = f"a source is required to save (the article's URL); none for {', '.join(missing)}"
            raise StoreError(msg)
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            try:
                return self._save_once(new, updates, who, sources, on_before_commit)
            except IntegrityError as exc:
                # PostgreSQL: another session took a new id between our read and our commit. The
                # transaction was rolled back; run it again (ids are chosen anew).
                if attempt == SAVE_ATTEMPTS:
                    msg = f"the store refused the save (nothing was written): {exc.orig}"
                    raise StoreError(msg) from exc
            except OperationalError as exc:
                msg = f"the store refused the save (nothing was written): {exc.orig}"
                raise StoreError(msg) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _save_once(
        self,
        new: list[Exercise],
        updates: dict[str, Update],
        who: str,
        sources: dict[str, str],
        on_before_commit: Callable[[], None] | None,
    ) -> SaveResult:
        batch = uuid.uuid4().hex
        created: list[str] = []
        updated: list[str] = []
        confirmed: list[str] = []
        with Session(self.engine) as session, session.begin():
            now = _now()
            taken = set(session.execute(select(ExerciseRow.id)).scalars())
            for proposed in new:
                exercise = _with_free_id(proposed, taken)
                taken.add(exercise.id)
                session.add(_new_row(exercise, origin="analyst", who=who, now=now, seed_hash=None))
                session.add(_audit(batch, exercise, "create", who, now, sources[proposed.id], 1, None))
                created.append(exercise.id)
            for exercise_id, update in updates.items():
                # FOR UPDATE: on PostgreSQL a second reviewer waits here for the first one's commit and
                # then applies their update to the new version (SQLite's BEGIN IMMEDIATE already queues).
                row = session.get(ExerciseRow, exercise_id, with_for_update=True)
                if row is None:
                    msg = f"cannot update exercise {exercise_id!r}: it is not in the store"
                    raise StoreError(msg)
                before = row.document
                changed = update(Exercise.model_validate(before))
                if changed.id != exercise_id:
                    msg = f"an update of {exercise_id!r} may not change its id to {changed.id!r}"
                    raise StoreError(msg)
                check_lengths(who, [changed])
                action = "confirm" if content_hash(changed) == row.content_hash else "update"
                if action == "update":
                    _set_document(row, changed, who=who, now=now)
                # "confirm": the report adds nothing new; record that it confirms the exercise.
                session.add(_audit(batch, changed, action, who, now, sources[exercise_id], row.version, before))
                (updated if action == "update" else confirmed).append(exercise_id)
            session.flush()
            if on_before_commit is not None:
                on_before_commit()
        return SaveResult(tuple(created), tuple(updated), batch, tuple(confirmed))

    # --- export ----------------------------------------------------------------------------------

    def export_yaml(self, folder: Path, *, origin: str | None = None) -> list[Path]:
        """Write each stored exercise to ``folder/<id>.yaml`` in the catalog's format.

        The files load with :func:`geo.catalog.load.load_exercise_file`; a reviewer copies the ones to
        commit into ``data/catalog``. Each file is written whole (temporary file, then rename).

        Parameters
        ----------
        folder
            Destination; created if missing.
        origin
            ``analyst`` to export only analysts' records, ``seed`` for seed records, None for all.

        Raises
        ------
        StoreError
            If the folder cannot be created or written (one message; files already written stay whole).
        """
        try:
            return self._export_yaml(folder, origin)
        except OSError as exc:  # an existing file in the way, a read-only or special file system
            msg = f"cannot write the catalog files to {str(folder)!r}: {exc.strerror or exc}"
            raise StoreError(msg) from exc

    def _export_yaml(self, folder: Path, origin: str | None) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        with Session(self.engine) as session:
            session.connection(execution_options={"drillmap_begin": "DEFERRED"})
            query = select(ExerciseRow).order_by(ExerciseRow.id)
            if origin is not None:
                query = query.where(ExerciseRow.origin == origin)
            rows = session.execute(query).scalars().all()
            written = []
            for row in rows:
                path = folder / f"{row.id}.yaml"
                comment = (
                    f"{row.name} — exported from the Drillmap store ({row.origin} record, version {row.version},",
                    f"last changed {row.updated_at} by {row.updated_by}).",
                )
                tmp = path.with_suffix(".yaml.tmp")
                tmp.write_text(yaml_document(row.document, comment=comment), encoding="utf-8")
                tmp.replace(path)
                written.append(path)
        return written


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # an unparsable URL is reported by make_engine itself
        return "<database URL>"


def _with_free_id(exercise: Exercise, taken: set[str]) -> Exercise:
    if exercise.id not in taken:
        return exercise
    n = 2
    while f"{exercise.id}-{n}" in taken:
        n += 1
    return exercise.model_copy(update={"id": f"{exercise.id}-{n}"})


def _new_row(exercise: Exercise, *, origin: str, who: str, now: str, seed_hash: str | None) -> ExerciseRow:
    return ExerciseRow(
        id=exercise.id,
        name=exercise.name,
        alliance=exercise.alliance,
        year=exercise.year,
        origin=origin,
        document=document(exercise),
        content_hash=content_hash(exercise),
        seed_hash=seed_hash,
        version=1,
        created_at=now,
        created_by=who,
        updated_at=now,
        updated_by=who,
    )


def _set_document(row: ExerciseRow, exercise: Exercise, *, who: str, now: str) -> None:
    row.name = exercise.name
    row.alliance = exercise.alliance
    row.year = exercise.year
    row.document = document(exercise)
    row.content_hash = content_hash(exercise)
    row.version += 1
    row.updated_at = now
    row.updated_by = who


def _detail(before: dict[str, Any] | None, after: dict[str, Any], *, values: bool) -> dict[str, Any]:
    """The audit detail (:func:`change_detail`) plus each citation grade changed, before and after."""
    grades = grade_changes(before, after)
    return {**change_detail(before, after, values=values), **({"grades": grades} if grades else {})}


def _audit(
    batch: str,
    exercise: Exercise,
    action: str,
    who: str,
    now: str,
    source: str,
    version: int,
    before: dict[str, Any] | None,
    *,
    values: bool = True,
) -> AuditRow:
    return AuditRow(
        batch=batch,
        exercise_id=exercise.id,
        action=action,
        who=who,
        at=now,
        source=source,
        version=version,
        detail=_detail(before, document(exercise), values=values),
    )


_STORES: dict[str, Store] = {}


def open_store(url: str | None = None) -> Store:
    """Return the :class:`Store` at ``url`` (default :func:`geo.core.settings.database_url`), opened once per process.

    Raises
    ------
    StoreError
        If the database cannot be opened or migrated.
    """
    url = url or settings.database_url()
    if url not in _STORES:
        _STORES[url] = Store.open(url)
    return _STORES[url]


def store_exercises(url: str | None = None) -> list[Exercise]:
    """Return every exercise in the store (the seed catalog plus analysts' additions and edits)."""
    store = open_store(url)
    store.sync_seed()
    return store.exercises()


def merge_with_catalog(catalog: Iterable[Exercise], stored: Iterable[Exercise]) -> list[Exercise]:
    """Return the catalog's exercises with the store's versions in place of the same ids, plus new ones.

    This is what the dashboard shows: the committed catalog, overlaid by the analysts' store.
    """
    merged = {e.id: e for e in catalog}
    merged.update({e.id: e for e in stored})
    return [merged[k] for k in sorted(merged)]


__all__ = [
    "CURRENT_VERSION",
    "SEED_AUTHOR",
    "AuditEntry",
    "SaveResult",
    "Store",
    "StoreError",
    "merge_with_catalog",
    "open_store",
    "store_exercises",
]
