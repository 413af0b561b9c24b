"""``python -m geo export [filters] --format csv|geojson|kml|gpkg --out PATH``: the filtered sites as a data file.

Uses what the dashboard uses: the known sites (:func:`geo.query.known.known_sites`), the shared filter,
and :func:`geo.export.data.write_export`; the file states the as-of date of alliance membership.
Every argument is checked before the sites are loaded; a bad one, an unwritable path or a filter
that selects nothing is one ``error:`` line and exit code 2.
"""

from __future__ import annotations

import argparse

from geo.cli.args import (
    EXIT_OK,
    add_filter_arguments,
    choose_format,
    describe_filter,
    filter_from_args,
    load_selection,
    output_path,
)
from geo.core.errors import ExportError
from geo.core.text import terminal_safe
from geo.export.formats import names


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``export``."""
    data = ", ".join(names("data"))
    p.description = f"Write the filtered sites as one of: {data}."
    add_filter_arguments(p)
    out = p.add_argument_group("output")
    out.add_argument("--format", help=f"{data} (required)")
    out.add_argument("--out", help="file to write (required)")


def run(args: argparse.Namespace) -> int:
    """Write the export; return the exit code (errors propagate as DrillmapError)."""
    from geo.export.data import write_export

    fmt = choose_format(args.format, "data")
    out = output_path(args)
    selection = load_selection(filter_from_args(args))
    if selection.sites.empty:
        msg = f"no exercise sites match {describe_filter(args)}; nothing to export"
        raise ExportError(msg)
    write_export(selection, out, fmt=fmt.name)
    print(f"wrote {terminal_safe(out)} ({fmt.name}; {selection.n_sites} sites, {len(selection.located)} located)")
    return EXIT_OK
