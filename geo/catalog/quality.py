"""Data-quality report of the catalog: ``python -m geo catalog --check``.

Hard errors (exit code 1): a file that fails the schema (missing source, end before start, unknown
alliance …), a related id that does not exist, a resolved site with invalid geometry, a site resolved in
another country than the one its file records (the gazetteer's town Neman, in Russia, for "the Neman"
recorded in Lithuania). Everything else
is reported for review without failing: counts by year, alliance, precision and confidence; sites that
are proxies; facts without a quote; exercises without an end date; unresolved places.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from geo.catalog.load import load_exercise_file
from geo.catalog.schema import Exercise
from geo.catalog.sites import sites_frame
from geo.core import settings
from geo.core.errors import CatalogError

#: Optional facts that need their own citation whenever they are filled in.
_CITED_WHEN_PRESENT = ("observers", "non_participants")


@dataclass
class QualityReport:
    """Findings of :func:`check_catalog`, each a list of human-readable lines."""

    exercises: int = 0
    sites: int = 0
    by_year: Counter[int] = field(default_factory=Counter)
    by_alliance: Counter[str] = field(default_factory=Counter)
    by_precision: Counter[str] = field(default_factory=Counter)
    by_confidence: Counter[str] = field(default_factory=Counter)
    hard_errors: list[str] = field(default_factory=list)
    proxies: list[str] = field(default_factory=list)
    unquoted_facts: list[str] = field(default_factory=list)
    no_end_date: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def render(self) -> str:
        """Return the report as plain text."""
        lines = [f"Catalog: {self.exercises} exercises, {self.sites} sites", ""]
        for title, counts in (
            ("by year", self.by_year),
            ("by alliance", self.by_alliance),
            ("sites by precision", self.by_precision),
            ("sites by confidence", self.by_confidence),
        ):
            lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=str)))
        for title, items in (
            ("HARD ERRORS", self.hard_errors),
            ("sites that are proxies (town or exercise-area stand-ins)", self.proxies),
            ("facts without a quote", self.unquoted_facts),
            ("exercises without an end date", self.no_end_date),
            ("unresolved places", self.unresolved),
        ):
            lines += ["", f"{title}: {len(items)}", *(f"  - {item}" for item in items)]
        lines += ["", "result: " + ("FAIL" if self.hard_errors else "ok")]
        return "\n".join(lines)


def _load_all(folder: Path, report: QualityReport) -> list[Exercise]:
    exercises = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            exercises.append(load_exercise_file(path))
        except CatalogError as exc:
            report.hard_errors.append(str(exc))
    ids = {e.id for e in exercises}
    for ex in exercises:
        for rel in ex.related:
            if rel not in ids:
                report.hard_errors.append(f"{ex.id}.yaml: field 'related' names unknown exercise {rel!r}")
    if not exercises and not report.hard_errors:
        report.hard_errors.append(f"no catalog files (*.yaml) in {str(folder)!r}")
    return exercises


def check_catalog(catalog_dir: Path | None = None) -> QualityReport:
    """Check every catalog file and collect all findings (never stops at the first error)."""
    report = QualityReport()
    exercises = _load_all(catalog_dir or settings.CATALOG_DIR, report)
    report.exercises = len(exercises)
    for ex in exercises:
        report.by_year[ex.year] += 1
        report.by_alliance[ex.alliance] += 1
        if ex.end is None and not ex.ongoing:
            report.no_end_date.append(f"{ex.id} ({ex.date_precision}, start {ex.start or 'unknown'})")
        for name in _CITED_WHEN_PRESENT:
            if getattr(ex, name) and not ex.evidence.get(name):
                report.unquoted_facts.append(f"{ex.id}: {name} {getattr(ex, name)} has no citation")
        if ex.summary and not ex.evidence.get("summary"):
            report.unquoted_facts.append(f"{ex.id}: summary has no citation")
    if not exercises:
        return report
    sites = sites_frame(exercises)
    report.sites = len(sites)
    report.by_precision.update(sites["precision"])
    report.by_confidence.update(sites["confidence"].fillna("unresolved"))
    recorded = {(ex.id, i): site.country for ex in exercises for i, site in enumerate(ex.sites)}
    for row in sites.itertuples():
        label = f"{row.exercise_id}: {row.place_text!r}"
        if row.site_status == "unresolved":
            report.unresolved.append(f"{label} — {row.geocode_explanation}")
            continue
        if not row.geometry.is_valid:
            report.hard_errors.append(f"{label}: invalid geometry")
        country = recorded[(row.exercise_id, row.site_index)]
        if isinstance(row.site_country, str) and row.site_country != country:  # None (NaN): an area across borders
            report.hard_errors.append(
                f"{label}: recorded in {country} but resolved in {row.site_country} ({row.geocode_explanation}); "
                "give a resolve_as that names the place in its country"
            )
        if row.precision == "area":
            report.proxies.append(
                f"{label} → {row.gazetteer_id}, ±{row.precision_km:g} km, confidence {row.confidence}"
            )
    return report


def quality_report(catalog_dir: Path | None = None) -> tuple[str, int]:
    """Return the report text and the number of hard errors."""
    report = check_catalog(catalog_dir)
    return report.render(), len(report.hard_errors)
