"""``python -m geo changes --since DATE [--until DATE] [--who NAME] [--exercise ID] [--format text|csv|json]``.

What changed in the analysts' store: who added or changed which exercise, when, from which source, and each
field's value before and after (:func:`geo.store.audit.audit_changes`, the "What changed" page's own reading).
Text is for a terminal (:func:`geo.core.text.terminal_safe`: stored names and values cannot move the cursor
or forge a line), CSV for a spreadsheet (:func:`geo.store.audit.changes_csv`), JSON for programs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.cli.args import EXIT_OK
from geo.core.errors import FilterError
from geo.core.text import terminal_safe

if TYPE_CHECKING:
    from geo.store.audit import Change

OUTPUTS = ("text", "csv", "json")
#: Characters of a value shown in the text report (the CSV and JSON reports hold every value whole).
TEXT_VALUE_CHARS = 160


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``changes``."""
    p.add_argument("--since", help="first day (UTC) of the changes, e.g. 2026-01-01")
    p.add_argument("--until", help="last day (UTC) of the changes, inclusive")
    p.add_argument("--who", help="only changes by this reviewer (the whole name, any case)")
    p.add_argument("--exercise", help="only changes of this exercise id")
    p.add_argument("--no-seed", action="store_true", help="leave out the loading of the seed catalog")
    p.add_argument("--format", choices=OUTPUTS, default="text")


def _day(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        msg = f"{option} {value!r} is not a day such as 2026-01-01"
        raise FilterError(msg) from exc


def run(args: argparse.Namespace) -> int:
    """Print the changes that match; return the exit code."""
    since, until = _day("--since", args.since), _day("--until", args.until)
    if since and until and until < since:
        msg = f"--until {until} is before --since {since}"
        raise FilterError(msg)
    from geo.store.audit import audit_changes, changes_csv
    from geo.store.repository import open_store

    changes = audit_changes(
        open_store().engine,
        since=since,
        until=until,
        who=args.who,
        exercise_id=args.exercise,
        include_seed=not args.no_seed,
    )
    writers = {"text": text_report, "csv": changes_csv, "json": json_report}
    sys.stdout.write(writers[args.format](changes))
    return EXIT_OK


def _short(text: str) -> str:
    if len(text) <= TEXT_VALUE_CHARS:
        return text
    more = len(text) - TEXT_VALUE_CHARS
    return f"{text[:TEXT_VALUE_CHARS]}… ({more} more characters; --format json has them all)"


def text_report(changes: Sequence[Change]) -> str:
    """Return the changes for a terminal: one line per change, one indented line per field, all escaped."""
    lines = []
    for c in changes:
        at, action, ident, who, source = map(terminal_safe, (c.at, c.action, c.exercise_id, c.who, c.source))
        lines.append(f"{at}  {action}  {ident} (version {c.version})  by {who}  from {source}")
        if c.reason:
            lines.append(f"    reason: {terminal_safe(c.reason)}")
        if not c.values_recorded or not c.fields:
            lines.append(f"    {terminal_safe(c.fields_text)}")
        for v in c.values:
            lines.append(f"    {terminal_safe(v.field)}: {terminal_safe(_short(v.before_text))}")
            lines.append(f"    {' ' * len(terminal_safe(v.field))}→ {terminal_safe(_short(v.after_text))}")
    lines.append(f"{len(changes)} change(s)")
    return "\n".join(lines) + "\n"


def json_report(changes: Sequence[Change]) -> str:
    """Return the changes as a JSON list; a field's ``before``/``after`` is absent when it was not set."""
    items = []
    for c in changes:
        values = [
            {"field": v.field}
            | ({"before": v.before} if v.before_set else {})
            | ({"after": v.after} if v.after_set else {})
            for v in c.values
        ]
        item = {
            "at": c.at,
            "who": c.who,
            "action": c.action,
            "exercise_id": c.exercise_id,
            "version": c.version,
            "source": c.source,
            "fields": list(c.fields),
            "values_recorded": c.values_recorded,
            "values": values if c.values_recorded else None,
        }
        if c.reason:
            item["reason"] = c.reason
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
