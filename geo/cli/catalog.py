"""``python -m geo catalog [filters] [--format table|csv|geojson] [--check]``: the known exercise sites.

Lists what the dashboard shows: the reviewed catalog overlaid by the analysts' store
(:func:`geo.query.known.known_sites`), filtered. ``--active-on DATE`` keeps the exercises active on that
date (or in the ``--step`` holding it) by the Playback page's rule (:func:`geo.query.playback.at_moment`)
and lists them with how well their dates are known. CSV and GeoJSON are the data exports' own writers
(:mod:`geo.export.formats`), so they state the as-of date like ``export`` does. ``--check`` prints the
catalog's data-quality report instead and exits 1 on hard errors.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

from geo.cli.args import EXIT_OK, add_filter_arguments, filter_from_args, load_selection
from geo.core.errors import FilterError
from geo.core.text import terminal_safe

if TYPE_CHECKING:
    from geo.query.playback import Moment

#: Output formats: a terminal table, or the text data formats of the registry.
OUTPUTS = ("table", "csv", "geojson")


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``catalog``."""
    p.description = "List the known exercise sites (filtered) as a table, CSV or GeoJSON."
    add_filter_arguments(p)
    p.add_argument("--format", choices=OUTPUTS, default="table")
    p.add_argument(
        "--active-on",
        metavar="DATE",
        help="only exercises active on this date (2021-09-14; 2021-09 for a month), as the Playback page shows them",
    )
    p.add_argument(
        "--step", choices=("day", "week", "month"), default="day", help="with --active-on: the step holding DATE"
    )
    p.add_argument("--check", action="store_true", help="print the data-quality report; exit 1 on hard errors")


def run(args: argparse.Namespace) -> int:
    """Print the filtered sites (or the quality report); return the exit code."""
    if args.check:
        from geo.catalog.quality import quality_report

        text, hard_errors = quality_report()
        print("\n".join(terminal_safe(line) for line in text.splitlines()))
        return 1 if hard_errors else EXIT_OK
    flt = filter_from_args(args)  # validate the arguments before the (slower) catalog load
    moment = active_moment(args.active_on, args.step) if args.active_on else None
    selection = load_selection(flt)
    activity_lines: list[str] = []
    if moment is not None:
        from geo.query.playback import at_moment

        playback = at_moment(selection.sites, moment)
        selection = dataclasses.replace(selection, sites=playback.sites)
        activity_lines = ["", f"{moment.label}: {len(playback.active)} active"] + [
            terminal_safe(f"  {e.status}: {e.exercise_id} ({e.alliance}) {e.dates} — {e.how_known}")
            for e in playback.exercises
        ]
    if args.format == "table":
        from geo.export.tabular import to_table

        text = to_table(selection.sites)
    else:
        from geo.export.formats import FORMATS

        text = FORMATS[args.format].write(selection).decode("utf-8")
    sys.stdout.write(text.rstrip("\n") + "\n")
    if activity_lines:  # after a table, on stdout; beside CSV or GeoJSON, on stderr (stdout stays one file)
        print("\n".join(activity_lines), file=sys.stdout if args.format == "table" else sys.stderr)
    return EXIT_OK


def active_moment(text: str, step: str, option: str = "--active-on") -> Moment:
    """Return the step of size ``step`` holding the date ``text`` (FilterError naming ``option`` for a bad date)."""
    from geo.core.dates import check_partial_date, earliest_date
    from geo.query.playback import parse_step, step_of

    try:
        day = earliest_date(check_partial_date(text.strip()))
    except ValueError as exc:
        msg = f"{option} {text!r} is not a date such as 2021-09-14 ({exc})"
        raise FilterError(msg) from exc
    return step_of(day, parse_step(step))
