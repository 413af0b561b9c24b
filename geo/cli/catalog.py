"""``python -m geo catalog [filters] [--format table|csv|geojson] [--check]``: the known exercise sites.

Lists what the dashboard shows: the reviewed catalog overlaid by the analysts' store
(:func:`geo.query.known.known_sites`), filtered. CSV and GeoJSON are the data exports' own writers
(:mod:`geo.export.formats`), so they state the as-of date like ``export`` does. ``--check`` prints the
catalog's data-quality report instead and exits 1 on hard errors.
"""

from __future__ import annotations

import argparse
import sys

from geo.cli.args import EXIT_OK, add_filter_arguments, filter_from_args, load_selection
from geo.core.text import terminal_safe

#: Output formats: a terminal table, or the text data formats of the registry.
OUTPUTS = ("table", "csv", "geojson")


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``catalog``."""
    p.description = "List the known exercise sites (filtered) as a table, CSV or GeoJSON."
    add_filter_arguments(p)
    p.add_argument("--format", choices=OUTPUTS, default="table")
    p.add_argument("--check", action="store_true", help="print the data-quality report; exit 1 on hard errors")


def run(args: argparse.Namespace) -> int:
    """Print the filtered sites (or the quality report); return the exit code."""
    if args.check:
        from geo.catalog.quality import quality_report

        text, hard_errors = quality_report()
        print("\n".join(terminal_safe(line) for line in text.splitlines()))
        return 1 if hard_errors else EXIT_OK
    flt = filter_from_args(args)  # validate the arguments before the (slower) catalog load
    selection = load_selection(flt)
    if args.format == "table":
        from geo.export.tabular import to_table

        text = to_table(selection.sites)
    else:
        from geo.export.formats import FORMATS

        text = FORMATS[args.format].write(selection).decode("utf-8")
    sys.stdout.write(text.rstrip("\n") + "\n")
    return EXIT_OK
