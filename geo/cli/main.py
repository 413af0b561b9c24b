"""Command line: ``python -m geo <command>``. The dashboard calls the same functions.

Exit codes: 0 success; 2 bad arguments or input (one ``error:`` line on stderr); 3 geocode unresolved.
Sub-commands register themselves in :data:`COMMANDS` with an ``add`` and a ``run`` function.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from geo.catalog.filter import PRECISIONS, SiteFilter, filter_sites, parse_list, parse_years
from geo.catalog.sites import sites_frame
from geo.cli import export as cli_export
from geo.cli import ingest as cli_ingest
from geo.core.errors import DrillmapError
from geo.core.symbology import ALLIANCES

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_UNRESOLVED = 3


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the catalog filter options shared by ``catalog``, ``export`` and ``snapshot``."""
    group = parser.add_argument_group("filters")
    group.add_argument("--years", help="inclusive year range, e.g. 2020-2025 or 2021")
    group.add_argument("--alliance", help=f"comma-separated: {','.join(ALLIANCES)}")
    group.add_argument("--country", help="comma-separated ISO3 participants, e.g. BLR,RUS")
    group.add_argument("--search", default="", help="text searched in names, summaries and place phrases")
    group.add_argument("--precision", help=f"comma-separated: {','.join(PRECISIONS)}")
    group.add_argument("--family", help="comma-separated exercise families, e.g. zapad")
    group.add_argument("--max-nato-km", type=float, help="only sites within this distance of NATO (km)")


def filter_from_args(args: argparse.Namespace) -> SiteFilter:
    """Build the :class:`SiteFilter` the options describe (raises FilterError on bad values)."""
    return SiteFilter(
        years=parse_years(args.years) if args.years else None,
        alliances=parse_list(args.alliance or ""),
        countries=tuple(c.upper() for c in parse_list(args.country or "")),
        text=args.search or "",
        precisions=parse_list(args.precision or ""),
        families=parse_list(args.family or ""),
        max_distance_km=args.max_nato_km,
    )


def _add_geocode(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("geocode", help="geocode a place phrase as written in a report")
    p.add_argument("phrase", help='e.g. "the southern border", "Losvido", "Vitebsk region"')
    p.add_argument("--country", default="BLR", help="context country ISO3 (default BLR; 'none' for none)")
    p.add_argument("--json", action="store_true", help="print one JSON object (geometry as GeoJSON)")


def _run_geocode(args: argparse.Namespace) -> int:
    from geo.geocode.geocoder import geocode

    country = None if args.country.lower() == "none" else args.country.upper()
    result = geocode(args.phrase, country=country)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        where = f"{result.lat:.4f}, {result.lon:.4f}" if result.lat is not None else "—"
        print(f"{result.status}: {result.kind or '—'} at {where} ({result.precision}); {result.explanation}")
    return EXIT_OK if result.status == "resolved" else EXIT_UNRESOLVED


def _add_catalog(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("catalog", help="list catalog sites (filtered) as a table, CSV or GeoJSON")
    add_filter_arguments(p)
    p.add_argument("--format", choices=("table", "csv", "geojson"), default="table")
    p.add_argument("--check", action="store_true", help="print the data-quality report; exit 1 on hard errors")


def _run_catalog(args: argparse.Namespace) -> int:
    from geo.export import tabular as serialize

    if args.check:
        from geo.catalog.quality import quality_report

        text, hard_errors = quality_report()
        print(text)
        return 1 if hard_errors else EXIT_OK
    flt = filter_from_args(args)  # validate the arguments before the (slower) catalog load
    sites = filter_sites(sites_frame(), flt)
    writer = {"table": serialize.to_table, "csv": serialize.to_csv, "geojson": serialize.to_geojson}[args.format]
    sys.stdout.write(writer(sites).rstrip("\n") + "\n")
    return EXIT_OK


@dataclass(frozen=True)
class Command:
    """A sub-command: how to declare its options and how to run it."""

    add: Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    "geocode": Command(_add_geocode, _run_geocode),
    "catalog": Command(_add_catalog, _run_catalog),
    "snapshot": Command(cli_export.add_snapshot, cli_export.run_snapshot),
    "export": Command(cli_export.add_export, cli_export.run_export),
    "ingest": Command(cli_ingest.add_ingest, cli_ingest.run_ingest),
}


class _OneLineErrors(argparse.ArgumentParser):
    """An argument parser whose usage errors are one ``error:`` line (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the problem and where to get help, then exit 2."""
        self.exit(EXIT_USAGE, f"error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the ``python -m geo`` argument parser with every registered sub-command."""
    parser: argparse.ArgumentParser = _OneLineErrors(
        prog="python -m geo", description="Drillmap: exercises near NATO's eastern flank"
    )
    sub: argparse._SubParsersAction[argparse.ArgumentParser] = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS.values():
        command.add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 with a usage line on bad arguments
    try:
        return COMMANDS[args.command].run(args)
    except DrillmapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
