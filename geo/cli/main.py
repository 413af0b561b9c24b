"""Command line: ``python -m geo <command>``. The dashboard calls the same functions.

Exit codes: 0 success; 2 bad arguments or input (one ``error:`` line on stderr); 3 geocode unresolved.

Each command is one module of :mod:`geo.cli` with an ``add`` function (declare its options) and a ``run``
function (do it), listed in :data:`COMMANDS`. Start-up stays cheap: :func:`main` imports and declares
only the command that is run (the others are listed by name and one line of help), and each command
imports what it uses inside ``run``. So ``python -m geo --help`` loads no catalog, geometry or plotting
library, and ``geocode`` loads no map, chart or slide library.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from geo.cli.args import EXIT_USAGE, OneLineErrors, Subparsers, filter_from_args
from geo.core.errors import DrillmapError
from geo.core.text import terminal_safe
from geo.export.formats import names

__all__ = ["COMMANDS", "Command", "build_parser", "filter_from_args", "main"]


@dataclass(frozen=True)
class Command:
    """A sub-command: its one-line help, and where its ``add`` and ``run`` functions live.

    ``add`` receives the command's own parser; with ``own_parser`` it receives the sub-parsers object
    and creates the parser itself (the ingest command's interface).
    """

    help: str
    module: str
    add: str = "add"
    run: str = "run"
    own_parser: bool = False

    def function(self, which: str) -> Callable[..., object]:
        """Import the command's module and return its ``add`` or ``run`` function."""
        return cast("Callable[..., object]", getattr(importlib.import_module(self.module), which))


#: The sub-commands, in the order ``--help`` lists them.
COMMANDS: dict[str, Command] = {
    "geocode": Command("geocode a place phrase as written in a report", "geo.cli.geocode"),
    "catalog": Command("list the known exercise sites (filtered) as a table, CSV or GeoJSON", "geo.cli.catalog"),
    "snapshot": Command(
        f"write the briefing map of the filtered sites ({', '.join(names('map'))})", "geo.cli.snapshot"
    ),
    "proximity": Command(
        "distances of the filtered sites to the other side per year or quarter, by alliance", "geo.cli.proximity"
    ),
    "export": Command(f"write the filtered sites as a data file ({', '.join(names('data'))})", "geo.cli.export"),
    "compare": Command(
        "compare two periods or exercises: only in A, only in B, both (text, csv, json, png, pptx)",
        "geo.cli.compare",
    ),
    "playback": Command("step through a period (day, week or month) listing what was active", "geo.cli.playback"),
    "changes": Command(
        "what changed in the analysts' store: who, when, each field before and after", "geo.cli.changes"
    ),
    "prepare": Command("build the derived caches (sites frame, indexes) ahead of the first map", "geo.cli.prepare"),
    "ingest": Command(
        "extract exercises from news reports; optionally save them",
        "geo.cli.ingest",
        "add_ingest",
        "run_ingest",
        own_parser=True,
    ),
}


def _chosen(argv: Sequence[str]) -> str:
    """Return the command ``argv`` runs: its first word, if that names a command ("" otherwise)."""
    first = next((word for word in argv if not word.startswith("-")), "")
    return first if first in COMMANDS else ""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the ``python -m geo`` argument parser.

    Parameters
    ----------
    only
        None: declare every command's options (the complete parser). A command name: declare that
        command's options and list the others by name and help only; ``""``: list them all so.
    """
    parser: argparse.ArgumentParser = OneLineErrors(
        prog="python -m geo", description="Drillmap: exercises near NATO's eastern flank"
    )
    sub: Subparsers[argparse.ArgumentParser] = parser.add_subparsers(dest="command", required=True)
    for name, command in COMMANDS.items():
        if only is not None and only != name:
            sub.add_parser(name, help=command.help)
        elif command.own_parser:
            command.function(command.add)(sub)
        else:
            command.function(command.add)(sub.add_parser(name, help=command.help, description=command.help))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    words = sys.argv[1:] if argv is None else argv
    args = build_parser(_chosen(words)).parse_args(words)  # exits 2 with a usage line on bad arguments
    try:
        return int(cast("int", COMMANDS[args.command].function(COMMANDS[args.command].run)(args)))
    except DrillmapError as exc:
        print(f"error: {terminal_safe(exc)}", file=sys.stderr)
        return EXIT_USAGE
