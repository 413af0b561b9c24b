"""``python -m geo ingest FILE... [--published YYYY-MM-DD] [--source-url URL] [--json] [--save --reviewer NAME]``.

Reads news reports (text, HTML or Markdown), prints the draft exercise events each one holds and,
with ``--save``, stores them: events matching a known exercise add their new facts to it, the others
become new exercises. Every file is read and every event validated before anything is written, and
the save is one transaction: a bad file means nothing is saved (exit 2, one ``error:`` line per
problem on stderr).

The source of saved facts is ``--source-url`` (one file) or, for the seed reports in
``../shared/seeds``, ``seed:<file name>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.core import settings
from geo.core.dates import period_text
from geo.core.errors import IngestError
from geo.core.text import terminal_safe

if TYPE_CHECKING:  # the draft module pulls in the geocoder; `ingest` imports it only when run
    from geo.extract.draft import DraftEvent

EXIT_OK = 0
EXIT_USAGE = 2


def add_ingest(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Declare the ``ingest`` sub-command."""
    p = sub.add_parser("ingest", help="extract exercises from news reports; optionally save them")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article files (.txt, .html, .md)")
    p.add_argument("--published", help="publication date YYYY-MM-DD (relative dates resolve against it)")
    p.add_argument("--source-url", help="URL of the article (needed to --save anything but a seed report)")
    p.add_argument("--json", action="store_true", help="print one JSON object per file, one per line")
    p.add_argument("--save", action="store_true", help="store the extracted events (one transaction)")
    p.add_argument("--reviewer", help="your name, recorded with every saved change (required with --save)")


def _source_for(path: Path, url: str | None) -> str | None:
    if url:
        return url
    try:
        if path.resolve().parent == settings.SEEDS_DIR.resolve():
            return f"seed:{path.name}"
    except OSError:
        return None
    return None


def _event_line(event: DraftEvent) -> str:
    where = "; ".join(
        f"{loc.text} ({loc.kind or 'unresolved'}{', ' + loc.admin1 if loc.admin1 else ''})" for loc in event.locations
    )
    match = f" = {event.match.exercise_id}" if event.match else " (new)"
    troops = f", troops {event.troops.as_stated}" if event.troops else ""
    when = period_text(event.start, event.end, announced=event.announced)
    return (
        f"  {event.label}{match}: {event.alliance or '?'}, {when} ({event.date_precision}), "
        f"{','.join(event.participants) or 'no participants'}{troops}; {where or 'no location'}"
    )


@dataclass
class _FileResult:
    """One file's outcome: its events and warnings, or the error that stopped it."""

    path: Path
    published: str | None = None
    events: tuple[DraftEvent, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"file": str(self.path), "events": [], "error": self.error}
        return {
            "file": str(self.path),
            "published": self.published,
            "events": [e.to_json() for e in self.events],
            "warnings": list(self.warnings),
        }

    def summary_lines(self) -> list[str]:
        """Return the terminal lines for this file (control characters escaped: the text comes from the file)."""
        lines = [f"{self.path}:"]
        if self.error is not None:
            lines.append(f"  error: {self.error}")
        else:
            lines += [_event_line(e) for e in self.events] + [f"  note: {w}" for w in self.warnings]
        return [terminal_safe(line) for line in lines]


def _check_options(args: argparse.Namespace) -> None:
    from geo.extract import ingest

    if args.save:
        try:
            ingest.check_reviewer(args.reviewer)
        except IngestError as exc:
            msg = "--save needs --reviewer NAME (every saved change records who made it)"
            raise IngestError(msg) from exc
    if args.source_url:
        ingest.check_source(args.source_url)
        if len(args.files) > 1:
            msg = "--source-url names one article: give one FILE with it"
            raise IngestError(msg)


def _read_one(path: Path, args: argparse.Namespace, published: dt.date | None) -> _FileResult:
    """Extract one file; with ``--save`` its events need a source (the URL, or ``seed:<file>``)."""
    from geo.extract import ingest

    try:
        extraction = ingest.extract(ingest.read_file(path), published=published)
        if args.save and extraction.events and _source_for(path, args.source_url) is None:
            msg = f"{path.name}: --save needs --source-url URL (saved facts must cite the article)"
            raise IngestError(msg)
    except IngestError as exc:
        return _FileResult(path, error=str(exc))
    return _FileResult(
        path,
        published=extraction.published.isoformat() if extraction.published else None,
        events=extraction.events,
        warnings=extraction.warnings,
    )


def run_ingest(args: argparse.Namespace) -> int:
    """Extract (and with ``--save`` store) the events of every file; return the exit code."""
    from geo.extract import ingest

    published = ingest.parse_published(args.published)
    _check_options(args)
    results = [_read_one(path, args, published) for path in args.files]
    for result in results:
        print(json.dumps(result.to_json(), ensure_ascii=False) if args.json else "\n".join(result.summary_lines()))
    errors = [r.error for r in results if r.error is not None]
    if errors:
        for error in errors:
            print(f"error: {terminal_safe(error)}", file=sys.stderr)
        if args.save:
            print("error: nothing was saved", file=sys.stderr)
        return EXIT_USAGE
    accepted = [(event, _source_for(r.path, args.source_url) or "") for r in results for event in r.events]
    if args.save and accepted:
        saved = ingest.save(accepted, reviewer=args.reviewer)
        print(terminal_safe(f"saved: {saved.outcome()}"), file=sys.stderr)
    return EXIT_OK
