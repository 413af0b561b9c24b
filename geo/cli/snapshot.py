"""``python -m geo snapshot [filters] [--format png|pdf|svg|pptx] [--size WxH] [--extent W,S,E,N] --out PATH``.

Writes the briefing map of the filtered known sites (:func:`geo.query.known.known_sites`: the reviewed
catalog and the analysts' store, as on the dashboard) with :func:`geo.export.snapshot.write_snapshot`.
``--extent`` (:func:`geo.core.extent.parse_extent`) draws that lon/lat box instead of fitting the sites;
``--dpi N`` sets the pixel density. Every argument is checked before the sites are loaded; a bad one, an
unwritable path or a filter that selects nothing is one ``error:`` line and exit code 2. ``--allow-empty``
renders an empty selection as a map that says no exercise matches.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from geo.cli.args import (
    EXIT_OK,
    add_filter_arguments,
    choose_format,
    describe_filter,
    filter_from_args,
    load_selection,
    output_path,
)
from geo.core.counts import counted
from geo.core.errors import ExportError
from geo.core.extent import parse_extent
from geo.core.text import terminal_safe
from geo.export.formats import names

if TYPE_CHECKING:
    from pathlib import Path

    from geo.briefing.map import BriefingOptions
    from geo.query.selection import Selection

__all__ = ["add", "parse_dpi", "parse_size", "run"]


def parse_size(text: str) -> tuple[int, int]:
    """Parse ``"1920x1080"`` (also ``×`` or ``X``) into (width, height) pixels.

    Raises
    ------
    ExportError
        If the text is not two whole numbers joined by ``x``.
    """
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not match:
        msg = f"size must look like 1920x1080 (width x height in pixels), got {text!r}"
        raise ExportError(msg)
    return int(match.group(1)), int(match.group(2))


def parse_dpi(text: str) -> float:
    """Parse a DPI value such as ``"144"`` or ``"300"`` (its range is checked by the briefing options).

    Raises
    ------
    ExportError
        If the text is not a number.
    """
    try:
        return float(text)
    except ValueError:
        msg = f"dpi must be a number such as 144 or 300, got {text!r}"
        raise ExportError(msg) from None


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``snapshot``."""
    maps = ", ".join(names("map"))
    p.description = f"Write the briefing map of the filtered sites as one of: {maps}."
    add_filter_arguments(p)
    out = p.add_argument_group("output")
    out.add_argument("--format", default="png", help=f"{maps} (default png)")
    out.add_argument("--size", default="1920x1080", help="picture size in pixels, WIDTHxHEIGHT (default 1920x1080)")
    out.add_argument("--dpi", default="144", help="pixel density (default 144: 1920x1080 is a 13.33x7.5 in slide)")
    out.add_argument("--title", default="", help="map title (default: what and when the map shows)")
    out.add_argument("--banner", default="", help="handling banner shown at the top and bottom, e.g. 'UNCLASSIFIED'")
    out.add_argument(
        "--extent",
        default=None,
        help="area to draw, WEST,SOUTH,EAST,NORTH in degrees (lon/lat, e.g. 23.3,51.8,24.2,52.3; "
        "default: fit the sites)",
    )
    out.add_argument("--allow-empty", action="store_true", help="render a map saying 'no exercises match' if none do")
    out.add_argument("--out", help="file to write (required)")


def _write(selection: Selection, out: Path, fmt: str, options: BriefingOptions) -> None:
    """Hand the selection to the snapshot writer (the one place that knows its signature)."""
    from geo.export.snapshot import write_snapshot

    write_snapshot(selection, out, fmt=fmt, options=options)


def run(args: argparse.Namespace) -> int:
    """Render and write the map; return the exit code (errors propagate as DrillmapError)."""
    from geo.briefing.map import BriefingOptions

    fmt = choose_format(args.format, "map")
    extent = None if args.extent is None else parse_extent(args.extent).bbox
    options = BriefingOptions(
        title=args.title.strip(),
        banner=args.banner.strip(),
        size_px=parse_size(args.size),
        dpi=parse_dpi(args.dpi),
        extent=extent,
    )
    out = output_path(args)
    selection = load_selection(filter_from_args(args))
    if selection.sites.empty and not args.allow_empty:
        msg = f"no exercise sites match {describe_filter(args)}; pass --allow-empty to render a map that says so"
        raise ExportError(msg)
    _write(selection, out, fmt.name, options)
    what = f"{counted(selection.n_sites, 'site')} of {counted(selection.n_exercises, 'exercise')}"
    print(f"wrote {terminal_safe(out)} ({fmt.name}; {what})")
    return EXIT_OK
