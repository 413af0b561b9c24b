"""The ONE ingest workflow every face calls: read a report → extract → match against known exercises → save.

Known exercises are :func:`geo.query.known.known_exercises` (the reviewed catalog overlaid by the
analysts' store), the same answer every face shows; saving writes the analysts' store
(:func:`geo.store.open_store`, one transaction, audited with the reviewer, the time and the source) at
the same ``DRILLMAP_DATABASE_URL`` / ``DRILLMAP_HOME`` that :func:`geo.query.known.known_sites` reads, so a
saved exercise is listed, drawn and exported everywhere at once.

Used by ``python -m geo ingest`` (:mod:`geo.cli.ingest`) and the Review page (``pages/5_review.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo.catalog.load import catalog_hash
from geo.catalog.schema import Exercise
from geo.core import settings
from geo.core.errors import IngestError
from geo.extract.draft import DraftEvent
from geo.extract.events import Extraction, Extractor
from geo.extract.match import Matcher, compare
from geo.extract.records import check_source, merge_additions, to_exercise
from geo.extract.review import ReviewEdits, apply_edits
from geo.extract.text import clean_text, read_article
from geo.query.known import known_exercises, store_revision
from geo.store import content_hash, open_store

__all__ = [
    "ReviewEdits",
    "SavePlan",
    "Saved",
    "accept",
    "article_text",
    "check_curated",
    "check_reviewer",
    "check_source",
    "extract",
    "extract_report",
    "extractor",
    "parse_published",
    "plan_save",
    "read_file",
    "save",
    "stored",
]


def parse_published(value: str | None) -> dt.date | None:
    """Parse a ``YYYY-MM-DD`` publication date (empty → None).

    Raises
    ------
    IngestError
        If the value is not an ISO date.
    """
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        msg = f"publication date {value!r} is not a date like 2023-09-01"
        raise IngestError(msg) from exc


def check_reviewer(name: str | None) -> str:
    """Return the reviewer's name, stripped.

    Raises
    ------
    IngestError
        If it is empty: every saved change records who made it.
    """
    who = (name or "").strip()
    if not who:
        msg = "a reviewer's name is needed: every saved change records who made it"
        raise IngestError(msg)
    return who


def read_file(path: Path, *, max_bytes: int | None = None) -> str:
    """Return the safe plain text of an article file (text, HTML or Markdown; see :func:`read_article`).

    Only a regular file is read (a directory, device such as ``/dev/zero`` or named pipe is refused
    without waiting for it), its size is checked first, and at most ``max_bytes + 1`` bytes are read,
    in bounded chunks.

    Parameters
    ----------
    path
        The article file.
    max_bytes
        Size limit; default :data:`geo.core.settings.MAX_ARTICLE_BYTES`.

    Raises
    ------
    IngestError
        If the file is not a regular file, cannot be read, is over the limit or is not a readable
        English article.
    """
    limit = settings.MAX_ARTICLE_BYTES if max_bytes is None else max_bytes
    try:
        data = _read_bounded(path, limit)
    except OSError as exc:
        msg = f"cannot read {str(path)!r}: {exc.strerror or exc}"
        raise IngestError(msg) from exc
    return read_article(data, name=path.name, max_bytes=limit)


#: Bytes read at a time from an article file.
_CHUNK_BYTES = 64 * 1024


def _read_bounded(path: Path, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes of a regular file (opened without blocking on a pipe)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            msg = f"{str(path)!r} is not a regular file (a directory, device or pipe): give an article file"
            raise IngestError(msg)
        if info.st_size > limit:
            msg = f"{path.name!r} is {info.st_size:,} bytes, over the {limit:,}-byte limit for one article"
            raise IngestError(msg)
        chunks: list[bytes] = []
        left = limit + 1  # one byte more than the limit tells a file that grew past it
        while left > 0:
            chunk = os.read(fd, min(_CHUNK_BYTES, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def article_text(*, pasted: str = "", data: bytes | None = None, name: str = "the article") -> str:
    """Return the text of an uploaded file (``data``, named ``name``), else of pasted text.

    Raises
    ------
    IngestError
        If neither is given, or the article cannot be read.
    """
    if data is not None:
        return read_article(data, name=name)
    if pasted.strip():
        return clean_text(pasted, name="the pasted text")
    limit_mb = settings.MAX_ARTICLE_BYTES / 1_000_000
    msg = f"paste the article's text or upload a file (at most {limit_mb:g} MB) first"
    raise IngestError(msg)


_LOCK = threading.Lock()
_EXTRACTORS: dict[tuple[str, int | None, str], Extractor] = {}
#: Extractors kept per process (a new catalog or store revision replaces the oldest).
_EXTRACTOR_ENTRIES = 2


def extractor(*, database_url: str | None = None) -> Extractor:
    """Return an extractor over the known exercises, built once per catalog and store state.

    Its names and matches follow what analysts have saved: the key is the catalog's content hash
    and the store's revision, read on every call.
    """
    url = database_url or settings.database_url()
    key = (catalog_hash(), store_revision(url)[0], url)
    with _LOCK:
        hit = _EXTRACTORS.get(key)
    if hit is not None:
        return hit
    built = Extractor(known_exercises(database_url=url).exercises)
    with _LOCK:
        while len(_EXTRACTORS) >= _EXTRACTOR_ENTRIES:
            _EXTRACTORS.pop(next(iter(_EXTRACTORS)))
        _EXTRACTORS[key] = built
    return built


def extract(text: str, *, published: dt.date | None = None, database_url: str | None = None) -> Extraction:
    """Return the draft events of a cleaned article, matched against the known exercises.

    Raises
    ------
    IngestError
        If extraction takes longer than the ``extract_budget_s`` setting (``DRILLMAP_EXTRACT_BUDGET_S``).
    """
    budget_s = settings.setting("extract_budget_s")
    return extractor(database_url=database_url).extract(text, published=published, budget_s=budget_s)


def extract_report(
    *,
    pasted: str = "",
    data: bytes | None = None,
    name: str = "the article",
    published: dt.date | None = None,
    database_url: str | None = None,
) -> Extraction:
    """Return the draft events of an uploaded file (``data``) or else pasted text (see :func:`article_text`).

    Raises
    ------
    IngestError
        If there is no text, or it cannot be read.
    """
    text = article_text(pasted=pasted, data=data, name=name)
    return extract(text, published=published, database_url=database_url)


@dataclass
class SavePlan:
    """What saving a set of accepted drafts will write.

    Attributes
    ----------
    new
        New exercises (drafts that match nothing, or whose match the reviewer declined).
    updates
        ``{exercise id: function}`` adding the accepted facts to a known exercise; the store applies
        each to the record as stored when the save runs.
    sources
        The source of each new or updated id.
    """

    new: list[Exercise] = field(default_factory=list)
    updates: dict[str, Callable[[Exercise], Exercise]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)


def _update(
    draft: DraftEvent, source: str, previous: Callable[[Exercise], Exercise] | None
) -> Callable[[Exercise], Exercise]:
    """Return the function adding a matched draft's facts to the exercise as stored when the save runs."""

    def update(exercise: Exercise) -> Exercise:
        # Compare again with the record as stored now: another reviewer may have added facts,
        # and this reviewer may have edited the draft since it was matched.
        base = previous(exercise) if previous else exercise
        additions, _ = compare(base, draft, Matcher([base]).site_keys(base))
        return merge_additions(base, draft, additions, source=source)

    return update


def plan_save(accepted: Iterable[tuple[DraftEvent, str]], *, known: dict[str, Exercise]) -> SavePlan:
    """Turn accepted drafts into new exercises and updates, validating everything before any write.

    Parameters
    ----------
    accepted
        ``(draft, source)`` pairs. A draft whose ``match`` is set (and not cleared by the reviewer)
        adds to that exercise what it states and the exercise lacks (compared again when the save
        runs, see :func:`geo.extract.match.compare`); any other draft becomes a new exercise.
    known
        The exercises currently known, by id (matched ids must be among them).

    Raises
    ------
    IngestError
        If any draft cannot become a valid record: nothing is planned then.
    """
    plan = SavePlan()
    for draft, source in accepted:
        match = draft.match
        if match is not None and match.exercise_id in known:
            target = match.exercise_id
            update = _update(draft, source, plan.updates.get(target))
            update(known[target])  # validate now, against the known version
            plan.updates[target] = update
            plan.sources[target] = source
        else:
            taken = set(known) | {e.id for e in plan.new}
            exercise = to_exercise(replace(draft, match=None), source=source, taken=taken)
            plan.new.append(exercise)
            plan.sources[exercise.id] = source
    return plan


#: What a decision that wrote nothing (a rejection) says it did.
NOTHING_SAVED = "nothing saved"


@dataclass(frozen=True)
class Saved:
    """What one save wrote, by whom and when: new exercises, changed ones, and ones the report only confirmed."""

    created: tuple[str, ...]
    updated: tuple[str, ...]
    who: str
    at: dt.datetime
    confirmed: tuple[str, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id the save touched: created, updated or confirmed."""
        return (*self.created, *self.updated, *self.confirmed)

    def outcome(self) -> str:
        """What the save did to each exercise, for the CLI and the Review page alike.

        "created northern-shield-2020; confirmed slavic-brotherhood-2020 (unchanged: the report adds nothing to
        it)": a reviewer sees at once whether the edits they made reached the record.
        """
        parts = [f"created {i}" for i in self.created] + [f"updated {i}" for i in self.updated]
        parts += [f"confirmed {i} (unchanged: the report adds nothing to it)" for i in self.confirmed]
        return "; ".join(parts) or NOTHING_SAVED


def check_curated(plan: SavePlan, curated: Iterable[str], known: dict[str, Exercise]) -> None:
    """Refuse a plan that changes a curated (catalog-seeded) record: only an admin may.

    A report that only confirms a curated record (adds nothing to it: the store audits it as a
    ``confirm``) is allowed: the record stays as curated.

    Raises
    ------
    IngestError
        Naming the first curated record the plan would change, and what the reviewer can do instead.
    """
    touched = sorted(
        i
        for i in set(plan.updates) & set(curated)
        if i not in known or content_hash(plan.updates[i](known[i])) != content_hash(known[i])
    )
    if touched:
        name = known[touched[0]].name if touched[0] in known else touched[0]
        msg = (
            f"“{name}” ({touched[0]}) is a curated catalog record: only an admin may change it. Untick "
            "“Add to the known exercise” to save the report as an exercise of its own, or ask an admin"
        )
        raise IngestError(msg)


def save(
    accepted: Iterable[tuple[DraftEvent, str]],
    *,
    reviewer: str,
    database_url: str | None = None,
    may_change_curated: bool = True,
) -> Saved:
    """Save accepted drafts to the analysts' store in one transaction, audited with reviewer, time and source.

    Parameters
    ----------
    accepted
        ``(draft, source)`` pairs: the (possibly edited) draft and the article's URL or ``seed:<file>``.
    reviewer
        Who accepted them (recorded with every change).
    database_url
        The store to write (default: :func:`geo.core.settings.database_url`, the one every face reads).
    may_change_curated
        Whether the reviewer may add to curated (catalog-seeded) records: an admin, the CLI's operator or
        the single user of a laptop (see :mod:`geo.core.access`).

    Raises
    ------
    IngestError
        If the reviewer is empty, a source is not citable, a draft cannot become a valid record, or it
        would change a curated record the reviewer may not change: nothing is written then.
    StoreError
        If the database refuses the write (nothing is written either).
    """
    who = check_reviewer(reviewer)
    pairs = [(draft, check_source(source)) for draft, source in accepted]
    url = database_url or settings.database_url()
    known = {e.id: e for e in known_exercises(database_url=url).exercises}
    plan = plan_save(pairs, known=known)
    store = open_store(url)
    if not may_change_curated:
        check_curated(plan, (e.id for e in store.exercises(origin="seed")), known)
    result = store.save(plan.new, plan.updates, who=who, source=plan.sources)
    return Saved(result.created, result.updated, who, dt.datetime.now(dt.UTC), result.confirmed)


def accept(
    draft: DraftEvent,
    edits: ReviewEdits,
    *,
    reviewer: str,
    source: str,
    database_url: str | None = None,
    may_change_curated: bool = True,
    article: str = "",
) -> Saved:
    """Apply a reviewer's edits to a draft and save it (see :func:`save`): the Review page's Accept.

    ``article`` is the report's cleaned text, which figures and sites the reviewer adds must quote.

    Raises
    ------
    IngestError
        If the reviewer is empty, the source is not citable, an edit is invalid, the edited draft
        cannot become a valid record or it would change a curated record the reviewer may not change
        (``may_change_curated``): nothing is written then.
    """
    who = check_reviewer(reviewer)
    cited = check_source(source)
    edited = apply_edits(draft, edits, article)
    return save([(edited, cited)], reviewer=who, database_url=database_url, may_change_curated=may_change_curated)


def stored(ids: Iterable[str], *, database_url: str | None = None) -> list[Exercise]:
    """Return the stored exercises with these ids (those saved this session), in order; unknown ids are skipped."""
    store = open_store(database_url or settings.database_url())
    return [e for e in (store.get(i) for i in ids) if e is not None]
