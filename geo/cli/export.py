"""``python -m geo snapshot`` and ``python -m geo export``: the dashboard's exports from the command line.

Both take the catalog filters of :func:`geo.cli.main.add_filter_arguments` and use the same functions as the
dashboard (:func:`geo.catalog.filter.filter_sites`, :mod:`geo.export.snapshot`, :mod:`geo.export.data`)::

    python -m geo snapshot [filters] [--format png|pdf|svg|pptx] [--size 1920x1080] [--dpi N]
                           [--title T] [--banner B] [--allow-empty] --out PATH
    python -m geo export [filters] --format csv|geojson|kml|gpkg --out PATH

Every argument is checked before the catalog is loaded. A bad one (unknown format or alliance, reversed
years, malformed size, unwritable path, missing ``--out``, a filter that selects nothing) raises a
:class:`~geo.core.errors.DrillmapError`, which :func:`geo.cli.main.main` prints as one ``error:`` line with exit
code 2. ``snapshot --allow-empty`` renders an empty selection as a map that says no exercise matches.

:mod:`geo.cli.main` imports this module to register the commands, so :mod:`geo.cli.main` is imported here only
inside the functions (no import cycle).
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from pathlib import Path

from geo.core.errors import ExportError

__all__ = ["add_export", "add_snapshot", "parse_dpi", "parse_size", "run_export", "run_snapshot"]

_SNAPSHOT_FORMATS = ("png", "pdf", "svg", "pptx")
_DATA_FORMATS = ("csv", "geojson", "kml", "gpkg")
_Subparsers = argparse._SubParsersAction  # argparse exposes no public name for it


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
    """Parse a positive DPI value such as ``"144"`` or ``"300"``.

    Raises
    ------
    ExportError
        If the text is not a number.
    """
    try:
        value = float(text)
    except ValueError:
        msg = f"dpi must be a number such as 144 or 300, got {text!r}"
        raise ExportError(msg) from None
    return value


def _format(value: str, choices: tuple[str, ...], what: str) -> str:
    fmt = value.strip().lower().lstrip(".")
    if fmt not in choices:
        msg = f"unknown {what} format {value!r}; expected one of {', '.join(choices)}"
        raise ExportError(msg)
    return fmt


def _out(args: argparse.Namespace) -> Path:
    from geo.export.data import check_output_path

    if not args.out:
        msg = "--out PATH is required (the file to write)"
        raise ExportError(msg)
    return check_output_path(args.out)


def _describe(flt_text: list[str]) -> str:
    return " ".join(flt_text) if flt_text else "(no filter)"


def _filter_words(args: argparse.Namespace) -> list[str]:
    words = []
    for option in ("years", "alliance", "country", "search", "precision", "family", "max_nato_km"):
        value = getattr(args, option, None)
        if value not in (None, ""):
            words.append(f"--{option.replace('_', '-')} {value}")
    return words


def add_snapshot(sub: _Subparsers[argparse.ArgumentParser]) -> None:
    """Declare ``snapshot``: the briefing map of the filtered sites as PNG, PDF, SVG or PPTX."""
    from geo.cli.main import add_filter_arguments

    p = sub.add_parser("snapshot", help="write the briefing map of the filtered sites (png, pdf, svg, pptx)")
    add_filter_arguments(p)
    out = p.add_argument_group("output")
    out.add_argument("--format", default="png", help="png (default), pdf, svg or pptx")
    out.add_argument("--size", default="1920x1080", help="picture size in pixels, WIDTHxHEIGHT (default 1920x1080)")
    out.add_argument("--dpi", default="144", help="pixel density (default 144: 1920x1080 is a 13.33x7.5 in slide)")
    out.add_argument("--title", default="", help="map title (default: what and when the map shows)")
    out.add_argument("--banner", default="", help="handling banner shown at the top and bottom, e.g. 'UNCLASSIFIED'")
    out.add_argument("--allow-empty", action="store_true", help="render a map saying 'no exercises match' if none do")
    out.add_argument("--out", help="file to write (required)")


def run_snapshot(args: argparse.Namespace) -> int:
    """Run ``snapshot``; return the exit code (errors propagate as DrillmapError)."""
    from geo.briefing.map import BriefingOptions, catalog_as_of
    from geo.catalog.filter import filter_sites
    from geo.catalog.sites import sites_frame
    from geo.cli.main import EXIT_OK, filter_from_args
    from geo.export.snapshot import write_snapshot

    fmt = _format(args.format, _SNAPSHOT_FORMATS, "map")
    options = BriefingOptions(
        title=args.title.strip(), banner=args.banner.strip(), size_px=parse_size(args.size), dpi=parse_dpi(args.dpi)
    )
    out = _out(args)
    flt = filter_from_args(args)
    everything = sites_frame()
    sites = filter_sites(everything, flt)
    if sites.empty and not args.allow_empty:
        msg = (
            f"no exercise sites match {_describe(_filter_words(args))}; pass --allow-empty to render a map that says so"
        )
        raise ExportError(msg)
    options = dataclasses.replace(options, data_as_of=catalog_as_of(everything))
    write_snapshot(sites, out, fmt=fmt, flt=flt, options=options)
    n_ex = sites["exercise_id"].nunique()
    print(f"wrote {out} ({fmt}; {len(sites)} sites of {n_ex} exercises)", file=sys.stdout)
    return int(EXIT_OK)


def add_export(sub: _Subparsers[argparse.ArgumentParser]) -> None:
    """Declare ``export``: the filtered sites as CSV, GeoJSON, KML or GeoPackage."""
    from geo.cli.main import add_filter_arguments

    p = sub.add_parser("export", help="write the filtered sites as csv, geojson, kml or gpkg")
    add_filter_arguments(p)
    out = p.add_argument_group("output")
    out.add_argument("--format", help="csv, geojson, kml or gpkg (required)")
    out.add_argument("--out", help="file to write (required)")


def run_export(args: argparse.Namespace) -> int:
    """Run ``export``; return the exit code (errors propagate as DrillmapError)."""
    from geo.catalog.filter import filter_sites
    from geo.catalog.sites import sites_frame
    from geo.cli.main import EXIT_OK, filter_from_args
    from geo.export.data import write_export

    if not args.format:
        msg = f"--format is required: one of {', '.join(_DATA_FORMATS)}"
        raise ExportError(msg)
    fmt = _format(args.format, _DATA_FORMATS, "data")
    out = _out(args)
    flt = filter_from_args(args)
    sites = filter_sites(sites_frame(), flt)
    if sites.empty:
        msg = f"no exercise sites match {_describe(_filter_words(args))}; nothing to export"
        raise ExportError(msg)
    write_export(sites, out, fmt=fmt)
    located = int((sites.geometry.notna() & ~sites.geometry.is_empty).sum())
    print(f"wrote {out} ({fmt}; {len(sites)} sites, {located} located)", file=sys.stdout)
    return int(EXIT_OK)
