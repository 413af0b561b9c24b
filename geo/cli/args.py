"""What the ``python -m geo`` commands share: exit codes, one-line errors, the filter options, formats, ``--out``.

The module imports only light modules at the top (argparse, the error types, the symbology and the
format registry); what a filter or a selection needs (geopandas, the catalog, the store) is imported
inside the functions, so that ``python -m geo --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from geo.core.errors import ExportError
from geo.core.symbology import ALLIANCES
from geo.core.text import terminal_safe
from geo.export.formats import ExportFormat, Kind, export_format, names

if TYPE_CHECKING:
    from geo.catalog.filter import SiteFilter
    from geo.query.selection import Selection

EXIT_OK = 0
#: Bad arguments or input: one ``error:`` line on stderr.
EXIT_USAGE = 2
#: ``geocode`` could not resolve the phrase.
EXIT_UNRESOLVED = 3

#: argparse exposes no public name for the object ``add_subparsers`` returns.
Subparsers = argparse._SubParsersAction

_FILTER_OPTIONS = (
    "years",
    "alliance",
    "country",
    "status",
    "search",
    "precision",
    "family",
    "max_nato_km",
    "min_grade",
)


class OneLineErrors(argparse.ArgumentParser):
    """An argument parser whose usage errors are one ``error:`` line (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        """Print one line naming the problem and where to get help, then exit 2."""
        self.exit(EXIT_USAGE, f"error: {message} (see `{self.prog} --help`)\n")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the catalog filter options shared by ``catalog``, ``export`` and ``snapshot``."""
    from geo.catalog.filter import PRECISIONS

    group = parser.add_argument_group("filters")
    group.add_argument("--years", help="inclusive year range, e.g. 2020-2025 or 2021")
    group.add_argument("--alliance", help=f"comma-separated: {','.join(ALLIANCES)}")
    group.add_argument("--country", help="comma-separated ISO3 participants, e.g. BLR,RUS")
    group.add_argument(
        "--status",
        help="which participant statuses --country counts, comma-separated or 'all': "
        "took-part (default), disputed, withdrew, observer, absent",
    )
    group.add_argument("--search", default="", help="text searched in names, summaries and place phrases")
    group.add_argument("--precision", help=f"comma-separated: {','.join(PRECISIONS)}")
    group.add_argument("--family", help="comma-separated exercise families, e.g. zapad")
    group.add_argument("--max-nato-km", type=float, help="only sites whose nearest point is this near NATO (km)")
    group.add_argument(
        "--min-grade",
        help="Admiralty threshold, e.g. B2: only sites with a citation graded B2 or better (reliability A-B and "
        "credibility 1-2; F, 6 and not graded never qualify), and only figures such a citation supports",
    )


def filter_from_args(args: argparse.Namespace) -> SiteFilter:
    """Build the :class:`~geo.catalog.filter.SiteFilter` the options describe (raises FilterError on bad values)."""
    from geo.catalog.filter import SiteFilter, parse_list, parse_years
    from geo.catalog.participation import DEFAULT_STATUSES, parse_statuses

    return SiteFilter(
        years=parse_years(args.years) if args.years else None,
        alliances=parse_list(args.alliance or ""),
        countries=tuple(c.upper() for c in parse_list(args.country or "")),
        statuses=parse_statuses(args.status) if args.status is not None else DEFAULT_STATUSES,
        text=args.search or "",
        precisions=parse_list(args.precision or ""),
        families=parse_list(args.family or ""),
        max_distance_km=args.max_nato_km,
        min_grade=args.min_grade,
    )


def describe_filter(args: argparse.Namespace) -> str:
    """Return the filter options as typed (``--years 2030 --alliance NATO``), or ``(no filter)``."""
    words = []
    for option in _FILTER_OPTIONS:
        value = getattr(args, option, None)
        if value not in (None, ""):
            words.append(f"--{option.replace('_', '-')} {value}")
    return " ".join(words) if words else "(no filter)"


def load_selection(flt: SiteFilter) -> Selection:
    """Return the selection of the known sites (catalog + analysts' store) that ``flt`` keeps.

    When the store cannot be read the reviewed catalog is used alone, and one ``warning:`` line says so
    on stderr (the command still succeeds).
    """
    from geo.query.known import known_sites
    from geo.query.selection import select

    known = known_sites()
    for notice in known.notices:
        print(f"warning: {terminal_safe(notice)}", file=sys.stderr)
    return select(known.sites, flt)


def choose_format(value: str | None, kind: Kind) -> ExportFormat:
    """Return the ``--format`` of a command that writes ``kind`` files (ExportError when missing or unknown)."""
    if not value:
        msg = f"--format is required: one of {', '.join(names(kind))}"
        raise ExportError(msg)
    return export_format(value, kind)


def output_path(args: argparse.Namespace) -> Path:
    """Return ``--out``, checked to be writable before any work is done (ExportError otherwise)."""
    from geo.export.files import check_output_path

    if not args.out:
        msg = "--out PATH is required (the file to write)"
        raise ExportError(msg)
    return check_output_path(args.out)
