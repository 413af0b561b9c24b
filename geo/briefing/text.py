"""The words on a briefing map and slide: title, subtitle, source summary.

Every text is about a :class:`~geo.query.selection.Selection`, so the period it names is the one the map
draws alliances for (:attr:`~geo.query.selection.Selection.period_end`): with no years chosen both are the
catalog's span, never today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

import geopandas as gpd

from geo.catalog.participation import DEFAULT_STATUSES, statuses_text
from geo.core.dates import as_of_text, row_period_text
from geo.core.grading import NOT_GRADED, grade_order
from geo.query.selection import Selection


def period_text(selection: Selection) -> str:
    """Return the period as the subtitle names it: ``"2021–2023"`` or ``"all dates (2016–2025)"``."""
    if selection.filter.years is not None:
        return selection.period_label
    return f"all dates ({selection.period_label})"


def default_title(selection: Selection) -> str:
    """Return the title used when none is given: what the map shows, and when."""
    return f"Military exercises near NATO's eastern flank, {selection.period_label}"


def _filter_text(selection: Selection) -> str:
    """Return the filters other than years and alliances, in words ("" when there are none)."""
    flt = selection.filter
    extra = []
    if flt.countries:
        counted = "" if flt.statuses == DEFAULT_STATUSES else f" ({statuses_text(flt.statuses)})"
        extra.append("participants " + ", ".join(flt.countries) + counted)
    if flt.families:
        extra.append("family " + ", ".join(flt.families))
    if flt.precisions:
        extra.append("precision " + ", ".join(flt.precisions))
    if flt.text:
        extra.append(f"text “{flt.text}”")
    if flt.max_distance_km is not None:
        extra.append(f"within {flt.max_distance_km:g} km of NATO")
    if flt.min_grade is not None:
        extra.append(f"sources graded {flt.min_grade} or better")
    return "; ".join(extra)


def _count_text(selection: Selection) -> str:
    """Return ``"23 sites of 9 exercises"``, naming the sites that cannot be drawn."""
    n_sites, n_ex = selection.n_sites, selection.n_exercises
    count = f"{n_sites} site{'s' if n_sites != 1 else ''} of {n_ex} exercise{'s' if n_ex != 1 else ''}"
    not_drawn = len(selection.unresolved)
    if n_sites and not_drawn:
        count += f" ({not_drawn} not locatable, not drawn)"
    return count


def single_exercise(selection: Selection) -> str | None:
    """Return ``"Zapad-2021 (10 Sep 2021 – 16 Sep 2021)"`` (dates never wrap) when the drawn sites are of one exercise.

    The subtitle then names the exercise once and the site labels carry only the place names.
    """
    drawn = selection.located
    if not len(drawn) or drawn["exercise_id"].nunique() != 1:
        return None
    row = drawn.iloc[0]
    return f"{row['exercise_name']} ({row_period_text(row, words=True)})"


def subtitle(selection: Selection) -> str:
    """Return the subtitle: period, alliances, other filters, and counts (sites not locatable named as such).

    Returns
    -------
    str
        One line, e.g. ``"Period: 2020–2025 · Alliances: CSTO, Russia-Belarus · 23 sites of 9 exercises"``.
    """
    flt = selection.filter
    parts = [f"Period: {period_text(selection)}"]
    exercise = single_exercise(selection)
    if exercise:
        parts.insert(0, f"Exercise: {exercise}")
    parts.append("Alliances: " + (", ".join(flt.alliances) if flt.alliances else "all"))
    extra = _filter_text(selection)
    if extra:
        parts.append("Filters: " + extra)
    parts.append(_count_text(selection))
    return " · ".join(parts)


def dates_text(selection: Selection, *, data_as_of: dt.date | None = None, produced_on: dt.date | None = None) -> str:
    """Return ``"Data as of 9 Mar 2026 · produced 6 Dec 2026"``: the footer stamp of every map export.

    ``data_as_of`` defaults to the selection's :attr:`~geo.query.selection.Selection.data_as_of` (the whole
    catalog's newest date), ``produced_on`` to today.
    """
    as_of = data_as_of or selection.data_as_of
    produced = produced_on or dt.date.today()
    stamp = f"Data as of {as_of_text(as_of)}" if as_of else "Data as of: no dated entries"
    return stamp + f" · produced {as_of_text(produced)}"


def source_list(sites: gpd.GeoDataFrame) -> list[str]:
    """Return the distinct sources of the sites (seed report names and URLs), in first-seen order."""
    seen: dict[str, None] = {}
    for sources in sites.get("sources", []):
        for src in sources or []:
            seen.setdefault(str(src), None)
    return list(seen)


def source_grades(sites: gpd.GeoDataFrame) -> dict[str, str]:
    """Return each cited source's effective Admiralty grades in view, best first (``"B2"``, ``"B2, C3"``).

    A source's citations may differ when an analyst graded one of them (:mod:`geo.core.grading`).
    """
    grades: dict[str, set[str]] = {}
    for citations in sites.get("citations", []):
        for c in citations or []:
            grades.setdefault(str(c["source"]), set()).add(str(c.get("grade") or NOT_GRADED))
    return {src: ", ".join(sorted(codes, key=grade_order)) for src, codes in grades.items()}


def source_summary(sources: Sequence[str], limit: int = 4) -> str:
    """Return one footer line: how many sources, seed reports counted, web sources named by host."""
    seeds = sum(1 for s in sources if s.startswith("seed:"))
    hosts: dict[str, None] = {}
    for s in sources:
        if not s.startswith("seed:"):
            hosts.setdefault(urlsplit(s).netloc.removeprefix("www."), None)
    names = list(hosts)
    shown = ", ".join(names[:limit]) + (f" +{len(names) - limit} more" if len(names) > limit else "")
    bits = []
    if seeds:
        bits.append(f"{seeds} seed report{'s' if seeds != 1 else ''}")
    if shown:
        bits.append(shown)
    if not bits:
        return "Sources: none in view"
    return f"Sources ({len(sources)}): " + "; ".join(bits) + " — full citations in the data export"
