r"""``python -m geo.store``: inspect the store and export it back to catalog YAML files.

Commands::

    python -m geo.store info                       # URL, schema version, counts, last changes
    python -m geo.store export DIR [--origin analyst|seed]

Exit codes: 0 success; 2 bad arguments or a store/catalog error (one ``error:`` line on stderr). Stored
text (names, reviewers, sources) is printed through :func:`geo.core.text.terminal_safe`: control
characters appear as ``\x1b``-style escapes and cannot forge or hide a line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.core.errors import DrillmapError
from geo.core.text import terminal_safe
from geo.store.repository import open_store


def main(argv: list[str] | None = None) -> int:
    """Run the store command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m geo.store", description="Drillmap's exercise store")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("info", help="where the store is, its schema version, counts and recent changes")
    export = sub.add_parser("export", help="write the stored exercises as catalog YAML files")
    export.add_argument("folder", type=Path)
    export.add_argument("--origin", choices=("analyst", "seed"), help="only analysts' or only seed records")
    args = parser.parse_args(argv)
    try:
        store = open_store()
        if args.command == "export":
            paths = store.export_yaml(args.folder, origin=args.origin)
            print(f"wrote {len(paths)} file(s) to {terminal_safe(args.folder)}")
            return 0
        exercises = store.exercises()
        analyst = store.exercises(origin="analyst")
        print(f"store: {terminal_safe(store.engine.url.render_as_string(hide_password=True))}")
        print(f"schema version: {store.schema_version()}")
        print(f"exercises: {len(exercises)} ({len(analyst)} added by analysts)")
        for entry in store.history(limit=10):
            at, action, exercise, who, source = map(
                terminal_safe, (entry.at, entry.action, entry.exercise_id, entry.who, entry.source)
            )
            print(f"  {at}  {action:<11} {exercise}  by {who}  from {source}")
        if store.seed_conflicts:
            conflicts = ", ".join(map(terminal_safe, store.seed_conflicts))
            print(f"seed conflicts (catalog changed after an analyst edit): {conflicts}")
    except DrillmapError as exc:
        print(f"error: {terminal_safe(exc)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
