"""``python -m geo compare A B [--format text|csv|json|png|pptx] [--out PATH]``: two periods or exercises.

A side is a year (``2021``), a year range (``2017-2019``) or an exercise id (``zapad-2021``)
(:func:`geo.query.compare.parse_side`). Text, CSV and JSON list what appears only in A, only in B and in
both (exercises, places, participants, alliances) and summarise the distances to NATO; they go to
``--out`` or standard output. PNG (the two-panel map) and PPTX (the map with the place lists) need
``--out``. The filter options other than ``--years`` (``--alliance``, ``--max-nato-km``, …) narrow both
sides. The Compare page of the dashboard shows the same :func:`geo.query.compare.compare`.
"""

from __future__ import annotations

import argparse
import json
import sys

from geo.cli.args import EXIT_OK, add_filter_arguments, filter_from_args
from geo.core.errors import ExportError, FilterError
from geo.core.text import terminal_safe

__all__ = ["FORMATS", "add", "run"]

FORMATS = ("text", "csv", "json", "png", "pptx")


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``compare``."""
    p.description = (
        "Compare two periods or exercises: what appears only in A, only in B and in both. "
        "A side is a year (2021), a year range (2017-2019) or an exercise id (zapad-2021)."
    )
    add_filter_arguments(p)
    p.add_argument("a", help="side A: year, year range or exercise id")
    p.add_argument("b", help="side B: year, year range or exercise id")
    p.add_argument("--format", choices=FORMATS, default="text", help="text (default), csv, json, png or pptx")
    p.add_argument("--out", help="file to write (required for png and pptx; else standard output)")
    p.add_argument("--banner", default="", help="handling banner of the png/pptx, e.g. 'UNCLASSIFIED'")


def run(args: argparse.Namespace) -> int:
    """Compare and write; return the exit code (errors propagate as DrillmapError)."""
    from geo.cli.args import output_path
    from geo.query.compare import compare, comparison_csv, comparison_dict, comparison_text, parse_side
    from geo.query.known import known_sites

    if args.years:
        msg = "--years does not apply to compare: each side gives its own years (e.g. compare 2017 2021-2022)"
        raise FilterError(msg)
    base = filter_from_args(args)  # the other filter options narrow both sides
    binary = args.format in ("png", "pptx")
    if binary and not args.out:
        msg = f"--out PATH is required for --format {args.format}"
        raise ExportError(msg)
    out = output_path(args) if args.out else None
    known = known_sites()
    for notice in known.notices:
        print(f"warning: {terminal_safe(notice)}", file=sys.stderr)
    comparison = compare(parse_side(args.a, known.sites, base), parse_side(args.b, known.sites, base))
    if binary:
        from geo.briefing.compare import comparison_png, comparison_pptx
        from geo.briefing.options import BriefingOptions

        options = BriefingOptions(banner=args.banner.strip())
        write = comparison_png if args.format == "png" else comparison_pptx
        data = write(comparison, options=options)
    elif args.format == "json":
        data = (json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n").encode()
    else:
        data = (comparison_csv(comparison) if args.format == "csv" else comparison_text(comparison)).encode()
    if out is None:
        text = data.decode()
        sys.stdout.write(
            text if args.format != "text" else "\n".join(terminal_safe(x) for x in text.splitlines()) + "\n"
        )
    else:
        out.write_bytes(data)
        print(f"wrote {terminal_safe(out)} ({args.format}; {comparison.a.label} vs {comparison.b.label})")
    return EXIT_OK
