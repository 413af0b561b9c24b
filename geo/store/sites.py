"""Stored sites with their geometry, and "within N km of NATO" answered by the database (PostGIS).

Each stored exercise's sites are geocoded (:func:`geo.catalog.sites.geocode_site`, the same answer as the
sites frame) into the ``sites`` table: a PostGIS ``geometry(GEOMETRY, 4326)`` on PostgreSQL, WKT text on
SQLite. Rows are made again when the exercise changes (its content hash) or the geocoder's inputs change
(:func:`geocoder_fingerprint`); :func:`sync_sites` does it, one process at a time (the advisory lock on
PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so replicas never geocode the same change twice.

On PostgreSQL, ``nato_territory`` holds every NATO member's territory (reference layer ``countries``) as a
``geography`` with its accession date, reloaded when either changes. :func:`sites_near_nato` is then one
indexed query: a site is kept when ``ST_DWithin`` (on the WGS84 spheroid) puts it within the distance of a
country that was a member on the exercise's start, the rule of ``distance_to_nato_km``
(:mod:`geo.geocode.distance`). A distance under :data:`~geo.geocode.distance.CONTACT_TOLERANCE_M` counts as
touching there, so the database uses at least that distance.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from typing import Any

import shapely
from sqlalchemy import ColumnElement, Connection, Engine, and_, delete, exists, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from geo.catalog.schema import Exercise
from geo.catalog.sites import geocode_site
from geo.core import settings
from geo.geocode.distance import CONTACT_TOLERANCE_M
from geo.reference.layers import layer, table
from geo.store.engine import StoreError, reading, serialise_schema_changes
from geo.store.models import SRID, AuditRow, ExerciseRow, Meta, NatoTerritoryRow, SiteRow

__all__ = ["SiteKey", "geocoder_fingerprint", "site_geometries", "sites_near_nato", "sync_sites"]

#: (exercise id, site index): one row of the sites frame.
SiteKey = tuple[str, int]
#: Settings that say where data lives rather than how places are geocoded.
_NOT_GEOCODER_SETTINGS = frozenset({"DRILLMAP_HOME", "DRILLMAP_DATABASE_URL", "DRILLMAP_EXTRACT_BUDGET_S"})


def geocoder_fingerprint() -> str:
    """Return a hash of the geocoder's inputs besides the phrase: ``DRILLMAP_*`` settings and reference files.

    The reference files count by name and size (not modification time), so replicas on different machines
    with the same data agree and do not geocode everything again in turn.
    """
    digest = hashlib.sha256()
    environment = sorted((k, v) for k, v in os.environ.items() if k.startswith("DRILLMAP_"))
    digest.update(json.dumps([kv for kv in environment if kv[0] not in _NOT_GEOCODER_SETTINGS]).encode())
    catalog = settings.CATALOG_DIR.resolve()
    for path in sorted(p for p in settings.DATA_DIR.rglob("*") if p.is_file()):
        if catalog not in path.resolve().parents:
            digest.update(f"{path.relative_to(settings.DATA_DIR)}:{path.stat().st_size}".encode())
    return digest.hexdigest()


def _geometry_value(connection: Connection, wkt: str | None) -> Any:
    """Return what to write into a spatial column: PostGIS from WKT on PostgreSQL, the WKT itself elsewhere."""
    if wkt is None or connection.dialect.name != "postgresql":
        return wkt
    return func.ST_GeomFromText(wkt, SRID)


def _site_rows(exercise: Exercise, content_hash: str, geocoder: str) -> list[dict[str, Any]]:
    rows = []
    for index, site in enumerate(exercise.sites):
        result = geocode_site(site)
        empty = result.geometry is None or result.geometry.is_empty
        rows.append(
            {
                "exercise_id": exercise.id,
                "site_index": index,
                "content_hash": content_hash,
                "geocoder": geocoder,
                "as_of": exercise.as_of,
                "precision": result.precision,
                "wkt": None if empty else shapely.to_wkt(result.geometry, rounding_precision=-1),
            }
        )
    return rows


def _stale() -> ColumnElement[bool]:
    """Exercises without a site row made from their current content by the current geocoder."""
    current = and_(
        SiteRow.exercise_id == ExerciseRow.id,
        SiteRow.content_hash == ExerciseRow.content_hash,
        SiteRow.geocoder == geocoder_fingerprint(),
    )
    return ~exists().where(current)


def _revision(connection: Connection) -> int:
    return int(connection.execute(select(func.max(AuditRow.id))).scalar() or 0)


def _meta(connection: Connection, key: str) -> str | None:
    return connection.execute(select(Meta.value).where(Meta.key == key)).scalar()


def _set_meta(connection: Connection, key: str, value: str) -> None:
    connection.execute(delete(Meta).where(Meta.key == key))
    connection.execute(insert(Meta).values(key=key, value=value))


def sync_sites(engine: Engine) -> list[str]:
    """Geocode the sites of every exercise whose rows are missing or stale; return their ids.

    Cheap when nothing changed: ``meta.sites`` records the geocoder fingerprint and the store revision (the
    last audit record) the rows were brought up to date for, and every change of an exercise adds an audit
    record. On PostgreSQL the NATO members' territory is reloaded when the fingerprint changes.
    """
    fingerprint = geocoder_fingerprint()
    with reading(engine) as connection:
        if _meta(connection, "sites") == f"{fingerprint}:{_revision(connection)}":
            return []
    with engine.begin() as connection:
        serialise_schema_changes(connection)  # another replica may be doing the same: take turns
        stale = connection.execute(select(ExerciseRow.document, ExerciseRow.content_hash).where(_stale())).all()
        done = []
        for doc, digest in stale:
            exercise = Exercise.model_validate(doc)
            connection.execute(delete(SiteRow).where(SiteRow.exercise_id == exercise.id))
            for row in _site_rows(exercise, digest, fingerprint):
                wkt = row.pop("wkt")
                connection.execute(insert(SiteRow).values(**row, geom=_geometry_value(connection, wkt)))
            done.append(exercise.id)
        if connection.dialect.name == "postgresql" and _meta(connection, "nato_territory") != fingerprint:
            _load_nato_territory(connection)
            _set_meta(connection, "nato_territory", fingerprint)
        _set_meta(connection, "sites", f"{fingerprint}:{_revision(connection)}")
    return done


#: Most vertices of one part of a member's territory: small parts keep the index selective and each
#: geodesic distance cheap (Norway has 11,533 vertices).
NATO_PART_VERTICES = 128
_INSERT_NATO_PARTS = text(
    """
    INSERT INTO nato_territory (iso3, part, accession_date, geog)
    SELECT :iso3, row_number() OVER (), :accession_date, piece::geography
    FROM ST_Subdivide(ST_GeomFromText(:wkt, 4326), :vertices) AS piece
    """
)


def _load_nato_territory(connection: Connection) -> None:
    """Replace ``nato_territory`` with every member's territory (reference layer ``countries``) and accession date."""
    members = {str(r.iso3): dt.date.fromisoformat(str(r.accession_date)) for r in table("nato_members").itertuples()}
    countries = layer("countries")
    territory = countries[countries["iso3"].isin(list(members))][["iso3", "geometry"]]
    connection.execute(delete(NatoTerritoryRow))
    for iso3, geometry in territory.itertuples(index=False):
        values = {"iso3": iso3, "accession_date": members[iso3], "vertices": NATO_PART_VERTICES}
        connection.execute(_INSERT_NATO_PARTS, {**values, "wkt": shapely.to_wkt(geometry, rounding_precision=-1)})


#: Most vertices of one part of a site while it is measured: a region of 10,000 vertices measured whole
#: made the query six times slower (9.5 s against 1.5 s for the catalog's 131 sites at 100 km).
SITE_PART_VERTICES = 64
_NEAR_NATO = text(
    f"""
    SELECT s.exercise_id, s.site_index FROM sites AS s
    WHERE s.geom IS NOT NULL AND EXISTS (
        SELECT 1 FROM ST_Subdivide(s.geom, {SITE_PART_VERTICES}) AS piece
        JOIN nato_territory AS n
          ON n.accession_date <= s.as_of AND ST_DWithin(n.geog, piece::geography, :metres)
    )
    """
)


_ANSWERS: dict[tuple[str, str | None, float], tuple[set[SiteKey], set[SiteKey]]] = {}
_ANSWERS_LOCK = threading.Lock()
#: Distance answers kept per process (the oldest goes first).
_ANSWERS_KEPT = 16


def sites_near_nato(engine: Engine, max_distance_km: float) -> tuple[set[SiteKey], set[SiteKey]]:
    """Return the stored sites within ``max_distance_km`` of NATO territory, and every stored site, by the database.

    The sites are brought up to date first (:func:`sync_sites`). PostgreSQL (PostGIS) only.

    Returns
    -------
    tuple of set
        ``(near, known)``: the keys of the sites kept, and the keys of every stored site (so that a caller
        can tell whether the store covers the sites it filters).

    Raises
    ------
    StoreError
        If the store is not on PostgreSQL or the query fails.
    """
    if engine.dialect.name != "postgresql":
        msg = "the distance filter runs in the database only on PostgreSQL with PostGIS"
        raise StoreError(msg)
    sync_sites(engine)
    metres = max(max_distance_km * 1000.0, CONTACT_TOLERANCE_M)
    try:
        with reading(engine) as connection:
            # The answer depends only on the rows, which meta.sites dates: a dashboard rerun reuses it.
            key = (engine.url.render_as_string(hide_password=False), _meta(connection, "sites"), metres)
            with _ANSWERS_LOCK:
                answer = _ANSWERS.get(key)
            if answer is None:
                near = {(str(i), int(n)) for i, n in connection.execute(_NEAR_NATO, {"metres": metres})}
                rows = connection.execute(select(SiteRow.exercise_id, SiteRow.site_index))
                answer = near, {(str(i), int(n)) for i, n in rows}
    except DBAPIError as exc:
        msg = f"the store could not run the distance filter: {exc.orig}"
        raise StoreError(msg) from exc
    with _ANSWERS_LOCK:
        while len(_ANSWERS) >= _ANSWERS_KEPT:
            _ANSWERS.pop(next(iter(_ANSWERS)))
        _ANSWERS[key] = answer
    return set(answer[0]), set(answer[1])


def site_geometries(engine: Engine) -> dict[SiteKey, str | None]:
    """Return every stored site's geometry as WKT (None when unresolved), as the database holds it."""
    column: Any = func.ST_AsText(SiteRow.geom) if engine.dialect.name == "postgresql" else SiteRow.geom
    with reading(engine) as connection:
        rows = connection.execute(select(SiteRow.exercise_id, SiteRow.site_index, column)).all()
    return {(str(i), int(n)): wkt for i, n, wkt in rows}
