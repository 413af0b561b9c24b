"""``python -m geo proximity [--by year|quarter] [filters] [--format table|csv|json] [--chart FILE]``.

Answers "are exercises coming closer to the other side?" (:mod:`geo.query.proximity`): per period, alliance
and precision class, how many sites and how far from the other side (NATO for Russia–Belarus and CSTO,
the Union State for NATO) they lay, from their nearest point and from their centre. ``--chart`` also
writes the chart (PNG or SVG, by the file's suffix) that the briefing pack carries.
"""

from __future__ import annotations

import argparse
import sys

from geo.cli.args import EXIT_OK, add_filter_arguments, filter_from_args, load_selection
from geo.core.errors import ExportError
from geo.core.text import terminal_safe

#: Output formats.
OUTPUTS = ("table", "csv", "json")
#: Chart files ``--chart`` can write, by suffix.
CHART_SUFFIXES = (".png", ".svg")


def add(p: argparse.ArgumentParser) -> None:
    """Declare ``proximity``."""
    p.description = (
        "Distances of the filtered sites to the other side (NATO, or Russia and Belarus) per year or quarter, "
        "by alliance, precise sites, proxies and areas apart."
    )
    add_filter_arguments(p)
    p.add_argument("--by", choices=("year", "quarter"), default="year", help="period of the rows (default: year)")
    p.add_argument("--format", choices=OUTPUTS, default="table")
    p.add_argument("--chart", metavar="FILE", help="also write the chart: a .png or .svg file (16:9)")


def table_text(trend: object) -> str:
    """Return the trend as a fixed-width terminal table (stored text escaped)."""
    import pandas as pd

    assert isinstance(trend, pd.DataFrame)
    if trend.empty:
        return "no measured site matches"
    view = trend.drop(columns=["sites"]).rename(columns={"other_side": "to"})
    view["centre_median_km"] = view["centre_median_km"].where(view["precision"] == "area", "=")
    view = view.drop(columns=["centre_min_km", "centre_max_km"])
    note = (
        "km: geodesic distance from each site's nearest point to the other side's territory (as of the start);"
        " centre_median_km: from areas' centres ('=' where it equals the nearest point)."
    )
    return view.map(terminal_safe).to_string(index=False) + "\n" + note


def run(args: argparse.Namespace) -> int:
    """Print the trend (and write the chart); return the exit code."""
    chart_path = None
    if args.chart:
        from geo.export.files import check_output_path

        chart_path = check_output_path(args.chart)
        if chart_path.suffix.lower() not in CHART_SUFFIXES:
            msg = f"--chart must end in {' or '.join(CHART_SUFFIXES)}, got {args.chart!r}"
            raise ExportError(msg)
    flt = filter_from_args(args)
    selection = load_selection(flt)
    from geo.query.proximity import proximity_sites, proximity_trend, trend_csv, trend_json

    points = proximity_sites(selection.sites, args.by)
    trend = proximity_trend(points)
    if args.format == "csv":
        text = trend_csv(trend)
    elif args.format == "json":
        from geo.export.tabular import as_of_statement

        text = trend_json(trend, {**as_of_statement(selection), "by": args.by})
    else:
        text = table_text(trend)
    sys.stdout.write(text.rstrip("\n") + "\n")
    if chart_path is not None:
        from geo.export.files import write_bytes
        from geo.export.proximity_chart import proximity_chart_bytes

        data = proximity_chart_bytes(points, selection, fmt=chart_path.suffix.lower().lstrip("."), by=args.by)
        write_bytes(data, chart_path)
        print(f"wrote {terminal_safe(chart_path)}", file=sys.stderr)
    return EXIT_OK
