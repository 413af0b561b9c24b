r"""``python -m geo.store``: inspect the store and export it back to catalog YAML files.

Commands::

    python -m geo.store info                       # URL, schema version, counts, last changes
    python -m geo.store export DIR [--origin analyst|seed]
    python -m geo.store conflicts                  # seed records changed both by an analyst and in YAML
    python -m geo.store resolve ID keep-store|take-catalog --who NAME --reason TEXT

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
from geo.store.conflicts import resolve_conflict, seed_conflicts
from geo.store.repository import Store, open_store


def main(argv: list[str] | None = None) -> int:
    """Run the store command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m geo.store", description="Drillmap's exercise store")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("info", help="where the store is, its schema version, counts and recent changes")
    export = sub.add_parser("export", help="write the stored exercises as catalog YAML files")
    export.add_argument("folder", type=Path)
    export.add_argument("--origin", choices=("analyst", "seed"), help="only analysts' or only seed records")
    sub.add_parser("conflicts", help="seed records whose catalog file changed after an analyst changed them")
    resolve = sub.add_parser("resolve", help="settle one conflict, with who and why (kept in the audit)")
    resolve.add_argument("exercise_id")
    resolve.add_argument("resolution", choices=("keep-store", "take-catalog"))
    resolve.add_argument("--who", required=True, help="who decides (recorded in the audit)")
    resolve.add_argument("--reason", required=True, help="why (recorded in the audit)")
    args = parser.parse_args(argv)
    try:
        store = open_store()
        if args.command == "export":
            paths = store.export_yaml(args.folder, origin=args.origin)
            print(f"wrote {len(paths)} file(s) to {terminal_safe(args.folder)}")
            return 0
        if args.command == "resolve":
            resolve_conflict(store, args.exercise_id, args.resolution, who=args.who, reason=args.reason)
            print(f"resolved {terminal_safe(args.exercise_id)}: {args.resolution}")
            return 0
        if args.command == "conflicts":
            _print_conflicts(store)
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
        conflicts = ", ".join(terminal_safe(c.exercise_id) for c in seed_conflicts(store))
        if conflicts:
            print(f"seed conflicts (catalog changed after an analyst edit): {conflicts}")
    except DrillmapError as exc:
        print(f"error: {terminal_safe(exc)}", file=sys.stderr)
        return 2
    return 0


def _print_conflicts(store: Store) -> None:
    conflicts = seed_conflicts(store)
    for c in conflicts:
        who, at, fields = terminal_safe(c.edited_by), terminal_safe(c.edited_at), ", ".join(c.fields)
        print(f"{terminal_safe(c.exercise_id)}: differs in {fields}; stored record changed by {who} at {at}")
    print(f"{len(conflicts)} conflict(s)")


if __name__ == "__main__":
    raise SystemExit(main())
