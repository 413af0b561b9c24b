"""Compare two selections: what appears only in A, only in B, and in both.

A side is a period (``"2017"``, ``"2017-2019"``: the shared :class:`~geo.catalog.filter.SiteFilter` years) or
one exercise (its id, ``"zapad-2021"``). :func:`compare` lists, for exercises, places, participants and
alliances, the items found only in A, only in B and in both, with their counts on each side, and summarises
the distance to NATO of each side's sites. Places are the places the map aggregates
(:func:`geo.catalog.sites.place_keys`): a range used by two exercises is one place. The dashboard's Compare
page, ``python -m geo compare`` and the comparison slide all describe one :class:`Comparison`.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geo.catalog.filter import SiteFilter, parse_years
from geo.catalog.sites import located, place_keys, place_name
from geo.core.countries import country_name
from geo.core.counts import counted
from geo.core.errors import FilterError
from geo.core.text import csv_cell
from geo.query.selection import Selection, catalog_years, select

__all__ = [
    "DIMENSIONS",
    "Comparison",
    "DistanceSummary",
    "Item",
    "ItemDiff",
    "Side",
    "compare",
    "comparison_csv",
    "comparison_dict",
    "comparison_rows",
    "comparison_text",
    "item_line",
    "parse_side",
]

_EXERCISE_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The compared dimensions, in the order every face lists them: key -> heading.
DIMENSIONS: Final[dict[str, str]] = {
    "places": "Places",
    "exercises": "Exercises",
    "participants": "Participants",
    "alliances": "Alliances",
}


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what was asked for, its label and its selection.

    Attributes
    ----------
    spec
        The side as given: a year, a year range (``"2017-2019"``) or an exercise id.
    label
        How the side is named on every face (``"2017–2019"``, ``"Zapad-2021"``).
    selection
        The selected sites. For an exercise, its sites, with the filter's years set to the exercise's, so
        alliances are drawn as of its end.
    exercise
        The exercise id when the side is one exercise.
    """

    spec: str
    label: str
    selection: Selection
    exercise: str | None = None


def parse_side(spec: str, all_sites: gpd.GeoDataFrame, base: SiteFilter | None = None) -> Side:
    """Return the :class:`Side` that ``spec`` names: a year, a year range or an exercise id.

    ``base`` (its years ignored: the side gives them) narrows both kinds of side, as the sidebar or the
    CLI's filter options do elsewhere: ``zapad-2021`` with ``max_distance_km=100`` is its sites near NATO.

    Raises
    ------
    FilterError
        If ``spec`` is neither, names no exercise of ``all_sites``, or lies outside the catalog's years.
    """
    base = dataclasses.replace(base or SiteFilter(), years=None)
    text = spec.strip()
    if re.fullmatch(r"\s*\d{4}\s*(?:[-–:]\s*\d{4}\s*)?", text):
        years = parse_years(text)
        span = catalog_years(all_sites)
        if span is not None and (years[1] < span[0] or years[0] > span[1]):
            msg = f"{text!r} is outside the catalog's years {span[0]}–{span[1]}"
            raise FilterError(msg)
        selection = select(all_sites, dataclasses.replace(base, years=years))
        return Side(spec=text, label=selection.period_label, selection=selection)
    ident = text.casefold()
    if not _EXERCISE_ID.match(ident):
        msg = f"a side must be a year (2021), a year range (2017-2019) or an exercise id (zapad-2021), got {spec!r}"
        raise FilterError(msg)
    rows = all_sites[all_sites["exercise_id"] == ident]
    if rows.empty:
        msg = f"no exercise with the id {ident!r} in the catalog"
        raise FilterError(msg)
    first = int(rows["start_date"].min().year)
    ends = [d.year for d in rows["end_date"].dropna()]
    flt = dataclasses.replace(base, years=(first, max([first, *ends])))
    kept = select(all_sites, flt).sites
    selection = Selection(all_sites=all_sites, sites=kept[kept["exercise_id"] == ident].copy(), filter=flt)
    return Side(spec=text, label=str(rows["exercise_name"].iloc[0]), selection=selection, exercise=ident)


@dataclass(frozen=True)
class Item:
    """One exercise, place, participant or alliance, and how often it appears on each side.

    ``count_a`` and ``count_b`` count sites for an exercise, and exercises for the others (a place used by
    two exercises counts 2). ``nato_km`` is the nearest distance to NATO of the item's sites (km, both
    sides), None when none is measured.
    """

    key: str
    name: str
    count_a: int
    count_b: int
    nato_km: float | None = None

    @property
    def where(self) -> str:
        """``"A"``, ``"B"`` or ``"both"``."""
        return "both" if self.count_a and self.count_b else ("A" if self.count_a else "B")


@dataclass(frozen=True)
class ItemDiff:
    """The items of one dimension found only in A, only in B and in both (each sorted by name)."""

    only_a: tuple[Item, ...]
    only_b: tuple[Item, ...]
    both: tuple[Item, ...]

    def items(self) -> tuple[Item, ...]:
        """Every item: only in A, only in B, then both."""
        return self.only_a + self.only_b + self.both


@dataclass(frozen=True)
class DistanceSummary:
    """The distances to NATO (km, ``distance_to_nato_km``) of one side's located sites outside NATO's exercises.

    ``measured`` sites have a distance; ``unresolved`` sites have no place and are never drawn; the
    ``nato_side`` sites belong to NATO exercises, which lie inside NATO (0 km), so they are left out.
    """

    measured: int
    unresolved: int
    min_km: float | None
    median_km: float | None
    max_km: float | None
    nearest: str = ""
    nato_side: int = 0

    def text(self) -> str:
        """One line: ``"11 sites measured: nearest 0 km (Domanovsky, POL), median 120 km, farthest 600 km"``."""
        tail = f"; {self.unresolved} unresolved" if self.unresolved else ""
        tail += f"; {self.nato_side} NATO-exercise sites not measured (inside NATO)" if self.nato_side else ""
        if self.min_km is None or self.median_km is None or self.max_km is None:
            return f"no site measured{tail}"
        return (
            f"{self.measured} site{'s' if self.measured != 1 else ''} measured: nearest {self.min_km:,.0f} km "
            f"({self.nearest}), median {self.median_km:,.0f} km, farthest {self.max_km:,.0f} km{tail}"
        )


@dataclass(frozen=True)
class Comparison:
    """Two sides and what differs between them."""

    a: Side
    b: Side
    diffs: dict[str, ItemDiff]
    distance_a: DistanceSummary
    distance_b: DistanceSummary


def _distance_summary(sites: gpd.GeoDataFrame) -> DistanceSummary:
    drawn = located(sites)
    unresolved = len(sites) - len(drawn)
    nato = drawn["alliance"] == "NATO"
    km = pd.to_numeric(drawn.loc[~nato, "distance_to_nato_km"], errors="coerce").dropna()
    if km.empty:
        return DistanceSummary(0, unresolved, None, None, None, nato_side=int(nato.sum()))
    row = drawn.loc[km.idxmin()]
    nearest = f"{place_name(row)}, {row['nearest_nato_country']}"
    return DistanceSummary(
        len(km), unresolved, float(km.min()), float(km.median()), float(km.max()), nearest, int(nato.sum())
    )


def _rows(sites: gpd.GeoDataFrame, dimension: str) -> list[tuple[str, str, str, float | None]]:
    """(key, name, unit counted, distance km) per site and item: the unit is a site or an exercise id."""
    out: list[tuple[str, str, str, float | None]] = []
    keys = place_keys(sites) if dimension == "places" else None
    for i, (index, row) in enumerate(sites.iterrows()):
        km = row["distance_to_nato_km"]
        km = float(km) if isinstance(km, int | float) and not math.isnan(km) else None
        ex = str(row["exercise_id"])
        if dimension == "exercises":
            out.append((ex, str(row["exercise_name"]), f"{ex}:{index}", km))
        elif dimension == "places" and keys is not None and keys.iloc[i] is not None:
            out.append((str(keys.iloc[i]), place_name(row), ex, km))
        elif dimension == "participants":
            out += [(str(c), f"{country_name(str(c))} ({c})", ex, km) for c in row["participants"]]
        elif dimension == "alliances":
            out.append((str(row["alliance"]), str(row["alliance"]), ex, km))
    return out


def _diff(rows_a: Iterable[tuple[str, str, str, float | None]], rows_b: Iterable[Any]) -> ItemDiff:
    names: dict[str, dict[str, int]] = {}
    units: dict[str, tuple[set[str], set[str]]] = {}
    nearest: dict[str, float] = {}
    for side, rows in enumerate((rows_a, rows_b)):
        for key, name, unit, km in rows:
            names.setdefault(key, {}).setdefault(name, 0)
            names[key][name] += 1
            units.setdefault(key, (set(), set()))[side].add(unit)
            if km is not None:
                nearest[key] = min(km, nearest.get(key, km))
    items = [
        Item(key, max(names[key], key=lambda n: (names[key][n], n)), len(a), len(b), nearest.get(key))
        for key, (a, b) in units.items()
    ]
    items.sort(key=lambda it: (it.name.casefold(), it.key))
    only_a, only_b, both = (tuple(it for it in items if it.where == w) for w in ("A", "B", "both"))
    return ItemDiff(only_a=only_a, only_b=only_b, both=both)


def compare(a: Side, b: Side) -> Comparison:
    """Return what appears only in ``a``, only in ``b`` and in both, per :data:`DIMENSIONS`.

    Places are compared by the key the map aggregates them by (:func:`geo.catalog.sites.place_keys`), named
    as the map names them; unresolved sites have no place and are counted in the distance summaries only.
    """
    sites_a, sites_b = a.selection.sites, b.selection.sites
    diffs = {dim: _diff(_rows(sites_a, dim), _rows(sites_b, dim)) for dim in DIMENSIONS}
    return Comparison(a, b, diffs, _distance_summary(sites_a), _distance_summary(sites_b))


def _km_text(km: float | None) -> str:
    return "" if km is None else f"{km:,.0f}"


def comparison_rows(comparison: Comparison) -> list[dict[str, str]]:
    """Return one row per item: dimension, where (A, B, both), key, name, counts and nearest NATO km."""
    out = []
    for dim, diff in comparison.diffs.items():
        for it in diff.items():
            where = {"A": f"only {comparison.a.label}", "B": f"only {comparison.b.label}"}.get(it.where, "both")
            out.append(
                {
                    "dimension": dim,
                    "where": where,
                    "key": it.key,
                    "name": it.name,
                    "count_a": str(it.count_a),
                    "count_b": str(it.count_b),
                    "nearest_nato_km": _km_text(it.nato_km),
                }
            )
    return out


def comparison_csv(comparison: Comparison) -> str:
    """Return :func:`comparison_rows` as CSV text (quoted as needed; cells guarded by ``csv_cell``)."""
    rows = comparison_rows(comparison)
    header = ["dimension", "where", "key", "name", "count_a", "count_b", "nearest_nato_km"]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(row[h]) for h in header] for row in rows)
    return buf.getvalue()


def item_line(item: Item, dimension: str) -> str:
    """One listed item: ``"Domanovsky — 2 exercises · 45 km to NATO"`` (counts on both sides when in both)."""
    unit = "site" if dimension == "exercises" else "exercise"
    counts = [c for c in (item.count_a, item.count_b) if c]
    shown = " / ".join(str(c) for c in counts)
    plural = "s" if max(counts) != 1 or len(counts) > 1 else ""
    km = (
        f" · {_km_text(item.nato_km)} km to NATO"
        if item.nato_km is not None and dimension in ("exercises", "places")
        else ""
    )
    return f"{item.name} — {shown} {unit}{plural}{km}"


def comparison_text(comparison: Comparison) -> str:
    """Return the comparison as plain text: each side's summary, then per dimension only A / only B / both."""
    a, b = comparison.a, comparison.b
    lines: list[str] = []
    for letter, side, dist in (("A", a, comparison.distance_a), ("B", b, comparison.distance_b)):
        sel = side.selection
        lines.append(f"{letter}: {side.label} — {counted(sel.n_exercises, 'exercise')}, {counted(sel.n_sites, 'site')}")
        lines.append(f"   distance to NATO: {dist.text()}")
    for dim, heading in DIMENSIONS.items():
        diff = comparison.diffs[dim]
        lines.append("")
        lines.append(f"{heading}: {len(diff.only_a)} only in A, {len(diff.only_b)} only in B, {len(diff.both)} in both")
        for title, items in ((f"only {a.label}", diff.only_a), (f"only {b.label}", diff.only_b), ("both", diff.both)):
            if items:
                lines.append(f"  {title}:")
                lines += [f"    {item_line(it, dim)}" for it in items]
    return "\n".join(lines) + "\n"


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """Return the comparison as plain JSON-ready data: both sides, and per dimension only_a, only_b, both."""

    def side(s: Side, dist: DistanceSummary) -> dict[str, Any]:
        sel = s.selection
        return {
            "spec": s.spec,
            "label": s.label,
            "exercise": s.exercise,
            "years": list(sel.filter.years) if sel.filter.years else None,
            "alliances_as_of": sel.period_end.isoformat(),
            "exercises": sel.n_exercises,
            "sites": sel.n_sites,
            "distance_to_nato_km": dataclasses.asdict(dist),
        }

    def items(its: tuple[Item, ...]) -> list[dict[str, Any]]:
        return [dataclasses.asdict(it) for it in its]

    return {
        "a": side(comparison.a, comparison.distance_a),
        "b": side(comparison.b, comparison.distance_b),
        **{
            dim: {"only_a": items(d.only_a), "only_b": items(d.only_b), "both": items(d.both)}
            for dim, d in comparison.diffs.items()
        },
    }
