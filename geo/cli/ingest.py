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
import json
import sys
from pathlib import Path
from typing import Any

from geo.core import settings
from geo.core.errors import IngestError

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


def _summary_lines(record: dict[str, Any]) -> list[str]:
    lines = [f"{record['file']}:"]
    if "error" in record:
        return [*lines, f"  error: {record['error']}"]
    for event in record["events"]:
        when = event["start"] or event["announced"] or "undated"
        if event["end"]:
            when += f" .. {event['end']}"
        where = "; ".join(
            f"{loc['text']} ({loc['kind'] or 'unresolved'}{', ' + loc['admin1'] if loc['admin1'] else ''})"
            for loc in event["locations"]
        )
        match = f" = {event['match']['exercise_id']}" if event.get("match") else " (new)"
        troops = f", troops {event['troops']['as_stated']}" if event.get("troops") else ""
        lines.append(
            f"  {event['label']}{match}: {event['alliance'] or '?'}, {when} ({event['date_precision']}), "
            f"{','.join(event['participants']) or 'no participants'}{troops}; {where or 'no location'}"
        )
    lines += [f"  note: {w}" for w in record.get("warnings", [])]
    return lines


def run_ingest(args: argparse.Namespace) -> int:
    """Extract (and with ``--save`` store) the events of every file; return the exit code."""
    from geo.extract import Extractor, check_source, parse_published, plan_save, read_article

    published = parse_published(args.published)
    if args.save and not (args.reviewer or "").strip():
        msg = "--save needs --reviewer NAME (every saved change records who made it)"
        raise IngestError(msg)
    if args.source_url:
        check_source(args.source_url)
        if len(args.files) > 1:
            msg = "--source-url names one article: give one FILE with it"
            raise IngestError(msg)
    store = None
    if args.save:
        from geo.store import open_store

        store = open_store()
        known_exercises = store.exercises()
    else:
        from geo.catalog.load import load_exercises

        known_exercises = load_exercises()
    extractor = Extractor(known_exercises)
    records: list[dict[str, Any]] = []
    accepted: list[tuple[dict[str, Any], str]] = []
    errors: list[str] = []
    for path in args.files:
        record: dict[str, Any] = {"file": str(path)}
        try:
            try:
                data = path.read_bytes()
            except OSError as exc:
                msg = f"cannot read {str(path)!r}: {exc.strerror or exc}"
                raise IngestError(msg) from exc
            extraction = extractor.extract(read_article(data, name=path.name), published=published)
            record["published"] = extraction.published.isoformat() if extraction.published else None
            record["events"] = extraction.events
            record["warnings"] = extraction.warnings
            if args.save and extraction.events:
                source = _source_for(path, args.source_url)
                if source is None:
                    msg = f"{path.name}: --save needs --source-url URL (saved facts must cite the article)"
                    raise IngestError(msg)
                accepted += [(event, source) for event in extraction.events]
        except IngestError as exc:
            record = {"file": str(path), "events": [], "error": str(exc)}
            errors.append(str(exc))
        records.append(record)
    for record in records:
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print("\n".join(_summary_lines(record)))
    if errors:
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        if args.save:
            print("error: nothing was saved", file=sys.stderr)
        return EXIT_USAGE
    if store is not None and accepted:
        plan = plan_save(accepted, known={e.id: e for e in known_exercises})
        result = store.save(plan.new, plan.updates, who=args.reviewer, source=plan.sources)
        print(
            f"saved: created {', '.join(result.created) or 'none'}; updated {', '.join(result.updated) or 'none'}",
            file=sys.stderr,
        )
    return EXIT_OK
