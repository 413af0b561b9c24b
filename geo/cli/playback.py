"""``python -m geo playback --from DATE --to DATE [--step day|week|month] [filters]``: the Playback page as text.

Every step from the one holding ``--from`` to the one holding ``--to``, each with the exercises active in it
and those only announced in it, by the one rule (:func:`geo.query.playback.at_moment`), each saying how well
its dates are known. Output is for a terminal (:func:`geo.core.text.terminal_safe`).
"""

from __future__ import annotations

import argparse

from geo.cli.args import EXIT_OK, add_filter_arguments, filter_from_args, load_selection
from geo.cli.catalog import active_moment
from geo.core.errors import FilterError
from geo.core.text import terminal_safe

#: Most steps one run lists (ten years of weeks is 522).
MAX_STEPS = 1000


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``playback``."""
    p.add_argument("--from", dest="first", required=True, metavar="DATE", help="first date, e.g. 2021-09 or 2021-09-01")
    p.add_argument("--to", dest="last", required=True, metavar="DATE", help="last date (its whole step is listed)")
    p.add_argument("--step", choices=("day", "week", "month"), default="week")
    add_filter_arguments(p)


def run(args: argparse.Namespace) -> int:
    """Print each step and what was active in it; return the exit code."""
    from geo.query.playback import at_moment, moments

    flt = filter_from_args(args)
    first, last = active_moment(args.first, args.step, "--from"), active_moment(args.last, args.step, "--to")
    if last.first < first.first:
        msg = f"--to {args.last!r} is before --from {args.first!r}"
        raise FilterError(msg)
    steps = moments(first.first, last.last, first.step)
    if len(steps) > MAX_STEPS:
        msg = f"{len(steps)} steps of a {args.step}: at most {MAX_STEPS} (a longer step, or a shorter period)"
        raise FilterError(msg)
    sites = load_selection(flt).sites
    for moment in steps:
        playback = at_moment(sites, moment)
        print(f"{moment.label}: {len(playback.active)} active" + ("" if playback.exercises else " (nothing)"))
        for e in playback.exercises:
            print(terminal_safe(f"  {e.status}: {e.exercise_id} ({e.alliance}) {e.dates} — {e.how_known}"))
    return EXIT_OK
