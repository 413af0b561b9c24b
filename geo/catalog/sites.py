"""Load, validate and query the curated exercise catalog (``data/catalog/*.yaml``).

Loading fails with one :class:`~geo.core.errors.CatalogError` naming the file, the record and the field;
nothing is ever dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import yaml
from pydantic import ValidationError

from geo.catalog.schema import ALLIANCES, Exercise, latest_date
from geo.core import settings
from geo.core.errors import CatalogError, FilterError
from geo.geocode.distance import distance_to_nato
from geo.geocode.geocoder import geocode


def _format_validation_error(path: Path, record: str, err: ValidationError) -> str:
    problems = []
    for item in err.errors():
        where = ".".join(str(p) for p in item["loc"]) or "(record)"
        problems.append(f"field {where!r}: {item['msg']}")
    return f"{path.name}: exercise {record!r}: " + "; ".join(problems)


def load_exercise_file(path: Path) -> Exercise:
    """Read and validate one catalog file.

    Parameters
    ----------
    path
        A YAML file holding exactly one exercise mapping.

    Returns
    -------
    Exercise
        The validated exercise.

    Raises
    ------
    CatalogError
        If the file is not valid YAML, not a mapping, or fails the schema; the message names the file,
        the exercise id and every failing field.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        msg = f"{path.name}: cannot read catalog file: {exc}"
        raise CatalogError(msg) from exc
    if not isinstance(raw, dict):
        msg = f"{path.name}: expected one exercise mapping, got {type(raw).__name__}"
        raise CatalogError(msg)
    record = str(raw.get("id", "<no id>"))
    try:
        exercise = Exercise.model_validate(raw)
    except ValidationError as exc:
        raise CatalogError(_format_validation_error(path, record, exc)) from exc
    if path.stem != exercise.id:
        msg = f"{path.name}: exercise {record!r}: field 'id' must equal the file name stem {path.stem!r}"
        raise CatalogError(msg)
    return exercise


def load_exercises(catalog_dir: Path | None = None) -> list[Exercise]:
    """Load every ``*.yaml`` exercise in ``catalog_dir`` (default: ``data/catalog``), sorted by id.

    Raises
    ------
    CatalogError
        On the first malformed file, or if two files share an id, or if a ``related`` id is unknown.
    """
    folder = catalog_dir or settings.CATALOG_DIR
    files = sorted(folder.glob("*.yaml"))
    if not files:
        msg = f"no catalog files (*.yaml) in {str(folder)!r}"
        raise CatalogError(msg)
    exercises = [load_exercise_file(p) for p in files]
    ids = {e.id for e in exercises}
    for ex in exercises:
        unknown = sorted(set(ex.related) - ids)
        if unknown:
            msg = f"{ex.id}.yaml: exercise {ex.id!r}: field 'related' names unknown exercises {unknown}"
            raise CatalogError(msg)
    return exercises


# --- One row per exercise x site ---------------------------------------------------------------

#: Columns of :func:`sites_frame`, in order (the GeoJSON/CSV exports follow this order).
SITE_COLUMNS: tuple[str, ...] = (
    "exercise_id",
    "exercise_name",
    "alt_names",
    "family",
    "alliance",
    "start",
    "end",
    "ongoing",
    "date_precision",
    "announced",
    "year",
    "start_date",
    "end_date",
    "participants",
    "observers",
    "non_participants",
    "summary",
    "figures",
    "site_index",
    "place_text",
    "resolve_as",
    "site_role",
    "site_note",
    "site_status",
    "site_kind",
    "precision",
    "precision_km",
    "site_country",
    "admin1",
    "confidence",
    "geocode_explanation",
    "gazetteer_id",
    "distance_to_nato_km",
    "nearest_nato_country",
    "distance_measured_from",
    "sources",
    "citations",
)


def _site_rows(ex: Exercise) -> list[dict[str, Any]]:
    rows = []
    for i, site in enumerate(ex.sites):
        result = geocode(site.resolve_as or site.place, country=site.country)
        dist = distance_to_nato(result.geometry, ex.as_of) if result.geometry is not None else None
        end_date = None if ex.ongoing else (latest_date(ex.end) if ex.end else None)
        if end_date is None and not ex.ongoing:
            end_date = latest_date(ex.start) if ex.start else ex.announced
        rows.append(
            {
                "exercise_id": ex.id,
                "exercise_name": ex.name,
                "alt_names": list(ex.alt_names),
                "family": ex.family,
                "alliance": ex.alliance,
                "start": ex.start,
                "end": ex.end,
                "ongoing": ex.ongoing,
                "date_precision": ex.date_precision,
                "announced": ex.announced.isoformat() if ex.announced else None,
                "year": ex.year,
                "start_date": ex.as_of,
                "end_date": end_date,
                "participants": list(ex.participants),
                "observers": list(ex.observers),
                "non_participants": list(ex.non_participants),
                "summary": ex.summary,
                "figures": [f.model_dump(exclude_none=True) for f in ex.figures],
                "site_index": i,
                "place_text": site.place,
                "resolve_as": site.resolve_as,
                "site_role": site.role,
                "site_note": site.note,
                "site_status": result.status,
                "site_kind": result.kind,
                "precision": result.precision,
                "precision_km": result.precision_km,
                "site_country": result.country,
                "admin1": result.admin1,
                "confidence": result.confidence,
                "geocode_explanation": result.explanation,
                "gazetteer_id": result.gazetteer_id,
                "distance_to_nato_km": None if dist is None else dist.distance_km,
                "nearest_nato_country": None if dist is None else dist.nearest_country,
                "distance_measured_from": None if dist is None else dist.measured_from,
                "sources": ex.sources,
                "citations": [
                    {"id": cid, **c.model_dump(exclude_none=True)}
                    for cid, c in ex.citations.items()
                    if cid in set(site.cite) | {x for ids in ex.evidence.values() for x in ids}
                    or any(cid in f.cite for f in ex.figures)
                ],
                "geometry": result.geometry,
            }
        )
    return rows


def sites_frame(exercises: list[Exercise] | None = None) -> gpd.GeoDataFrame:
    """Return one row per exercise x site, geocoded, with the distance to NATO as of the start.

    Parameters
    ----------
    exercises
        Exercises to expand; default: the whole catalog (:func:`load_exercises`).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`SITE_COLUMNS` plus ``geometry`` (EPSG:4326). Unresolved sites are kept with an
        empty geometry and ``site_status == "unresolved"``. List-valued columns hold Python lists.
    """
    exercises = load_exercises() if exercises is None else exercises
    rows = [row for ex in exercises for row in _site_rows(ex)]
    gdf = gpd.GeoDataFrame(rows, columns=[*SITE_COLUMNS, "geometry"], geometry="geometry", crs=settings.STORAGE_CRS)
    return gdf.sort_values(["start_date", "exercise_id", "site_index"], kind="stable").reset_index(drop=True)


# --- The one filter the CLI, the dashboard and the exports share -------------------------------


@dataclass(frozen=True)
class SiteFilter:
    """A selection of exercise sites. ``None`` (or empty) means "no restriction" for each field.

    Attributes
    ----------
    years
        Inclusive (first, last) year; an exercise matches when its dates overlap the period.
    alliances
        Alliance names (see :data:`geo.catalog.schema.ALLIANCES`).
    countries
        ISO3 codes; an exercise matches when any of them participates.
    text
        Case-insensitive substring searched in names, alternate names, summary and place phrases.
    precisions
        Site precision levels (``point``, ``area``, ``region``, ``border_zone``, ``country``, ``unresolved``).
    families
        Exercise family slugs.
    max_distance_km
        Keep only sites within this distance of NATO territory (unresolved sites drop out).
    """

    years: tuple[int, int] | None = None
    alliances: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    text: str = ""
    precisions: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    max_distance_km: float | None = None

    def __post_init__(self) -> None:
        """Validate every field with one clear message."""
        if self.years is not None:
            first, last = self.years
            if first > last:
                msg = f"years: first year {first} is after last year {last}"
                raise FilterError(msg)
        unknown = [a for a in self.alliances if a not in ALLIANCES]
        if unknown:
            msg = f"unknown alliance {unknown[0]!r}; expected one of {', '.join(ALLIANCES)}"
            raise FilterError(msg)
        bad = [c for c in self.countries if not re.fullmatch(r"[A-Z]{3}", c)]
        if bad:
            msg = f"country {bad[0]!r} is not an ISO3 code such as BLR"
            raise FilterError(msg)
        unknown_p = [p for p in self.precisions if p not in PRECISIONS]
        if unknown_p:
            msg = f"unknown precision {unknown_p[0]!r}; expected one of {', '.join(PRECISIONS)}"
            raise FilterError(msg)
        if self.max_distance_km is not None and not (0 <= self.max_distance_km < 40_000):
            msg = f"max_distance_km must be between 0 and 40,000, got {self.max_distance_km!r}"
            raise FilterError(msg)


#: Site precision levels, from most to least precise.
PRECISIONS: tuple[str, ...] = ("point", "area", "border_zone", "region", "country", "unresolved")


def parse_years(text: str) -> tuple[int, int]:
    """Parse ``"2020-2025"`` or ``"2021"`` into an inclusive (first, last) pair.

    Raises
    ------
    FilterError
        If the text is not one or two four-digit years, or the range is reversed.
    """
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-–:]\s*(\d{4})\s*)?", text)
    if not match:
        msg = f"years must look like 2020-2025 or 2021, got {text!r}"
        raise FilterError(msg)
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first > last:
        msg = f"years: first year {first} is after last year {last} in {text!r}"
        raise FilterError(msg)
    return first, last


def parse_list(text: str) -> tuple[str, ...]:
    """Split a comma-separated CLI/URL value into a tuple of stripped, non-empty items."""
    return tuple(item.strip() for item in text.split(",") if item.strip())


def filter_sites(sites: gpd.GeoDataFrame, flt: SiteFilter) -> gpd.GeoDataFrame:
    """Return the rows of :func:`sites_frame` output that match ``flt`` (a new frame, same columns)."""
    keep = pd.Series(True, index=sites.index)
    if flt.years is not None:
        first = dt.date(flt.years[0], 1, 1)
        last = dt.date(flt.years[1], 12, 31)
        ends = sites["end_date"].where(sites["end_date"].notna(), dt.date.max)
        keep &= (sites["start_date"] <= last) & (ends >= first)
    if flt.alliances:
        keep &= sites["alliance"].isin(flt.alliances)
    if flt.countries:
        wanted = set(flt.countries)
        keep &= sites["participants"].map(lambda ps: bool(wanted & set(ps)))
    if flt.text:
        needle = flt.text.casefold()
        haystack = (
            sites["exercise_name"]
            + " "
            + sites["alt_names"].map(" ".join)
            + " "
            + sites["summary"]
            + " "
            + sites["place_text"]
        ).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
    if flt.precisions:
        keep &= sites["precision"].isin(flt.precisions)
    if flt.families:
        keep &= sites["family"].isin(flt.families)
    if flt.max_distance_km is not None:
        keep &= sites["distance_to_nato_km"].le(flt.max_distance_km).fillna(False).astype(bool)
    return sites[keep].copy()
