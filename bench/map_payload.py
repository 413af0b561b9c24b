"""Map payload benchmark: the naive folium map against the Drillmap map, in one run.

For the real catalog and for synthetic catalogs of 1,000, 20,000 and 100,000 sites, build the default map

(a) the naive way: the full 10 m ``layer("countries")`` geometry as one GeoJson, and one
    ``folium.Marker`` per site carrying the same tooltip and popup HTML as the Drillmap map;
(b) the Drillmap way: :func:`geo.maps.build.build_map` with the default options;

and print the HTML size (bytes of ``m.get_root().render()``, what streamlit-folium ships to the browser
is the same script without the page shell) and the build time (map construction + rendering), then
the ratios, and for (b) the growth between sizes in bytes and milliseconds per added site (the naive map
is built up to ``--naive-max`` sites only: at 100,000 it takes minutes). Targets: for 20,000 sites (b) is
at least 10x smaller and 5x faster than (a), and the default view of the real catalog stays under 1.5 MB;
issue 12 adds absolute goals for (b): 20,000 sites in <= 3 MB and <= 1.5 s, 100,000 in <= 15 MB and <= 8 s.

The synthetic catalog repeats the real one (:mod:`tests.support.synthetic`): every real exercise is
copied with a new id and name and keeps its number of sites, its facts and its sources, and its point
sites are moved by up to ±0.25° so that no two markers coincide. It keeps the real catalog's proportions,
printed first for the real and each synthetic catalog: 3.55 sites per exercise, 13.5 citations per site
(shared within an exercise), 2.2 distinct quotes per site of 92 characters on average (101 with the
``[syn k]`` tag), 4.8 sources per exercise. Each copy's quotes keep their words in an order of their own and
each copy's source URLs their site and path with the words of the last segment reshuffled, so that the
copies cannot share text the way no real catalog would (not even within a compressor's window). Places
keep their description and areas their geometry, as real places recur across exercises.

Above :data:`geo.maps.site_index.PACK_ABOVE_SITES` sites the Drillmap map ships its site tables gzipped;
each such size is also built with the tables as plain JSON (the code path of smaller maps), and the ratios
packed / plain are printed ("with and without"), and packed without the re-coding of quotes (as word
indexes) and citations (as deltas) of :mod:`geo.maps.site_pack` ("gzip-only"). Per site: the bytes and
milliseconds above the empty Drillmap map (no site; built in the same run), divided by the number of sites.

Usage: ``python bench/map_payload.py [--sites 1000 20000 100000] [--naive-max 20000] [--repeat 3] [--check]``
(``--check`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import folium
import geopandas as gpd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geo.maps.site_index
from geo.catalog.sites import sites_frame
from geo.core.crs import latlon
from geo.maps.build import build_map
from geo.maps.popup import popup_html, tooltip_html
from geo.maps.reference import reference_layers
from geo.maps.sites import SiteTables
from geo.reference.layers import layer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # bench/ is not a package

from tests.support.synthetic import profile, synthetic_sites

PERIOD_END = dt.date(2025, 12, 31)
MAX_DEFAULT_BYTES = 1_500_000
MIN_SIZE_RATIO = 10.0
MIN_SPEED_RATIO = 5.0
#: Synthetic sizes measured by default.
SIZES = (1_000, 20_000, 100_000)
#: Sites -> (HTML bytes, build seconds) goals of issue 12 for the Drillmap map.
GOALS = {20_000: (3_000_000, 1.5), 100_000: (15_000_000, 8.0)}


def naive_map(sites: gpd.GeoDataFrame) -> folium.Map:
    """The naive map: full 10 m countries, one folium.Marker (tooltip + popup) per site."""
    m = folium.Map(location=(53.9, 27.6), zoom_start=6, tiles=None)
    folium.GeoJson(layer("countries"), name="countries").add_to(m)
    for row, geom in zip(sites.to_dict("records"), sites.geometry.values, strict=True):
        if geom is None or geom.is_empty:
            continue
        folium.Marker(
            latlon(geom.representative_point()),
            tooltip=folium.Tooltip(tooltip_html(row)),
            popup=folium.Popup(popup_html(row), max_width=460),
        ).add_to(m)
    return m


def drillmap_map(sites: gpd.GeoDataFrame) -> folium.Map:
    """The Drillmap map with the default options."""
    return build_map(sites, period_end=PERIOD_END)


@contextmanager
def plain_tables() -> Iterator[None]:
    """Within the block, maps ship their site tables as plain JSON whatever their size (the unpacked path)."""
    before = geo.maps.site_index.PACK_ABOVE_SITES
    setattr(geo.maps.site_index, "PACK_ABOVE_SITES", sys.maxsize)  # noqa: B010  # a Final, on purpose
    try:
        yield
    finally:
        setattr(geo.maps.site_index, "PACK_ABOVE_SITES", before)  # noqa: B010


@contextmanager
def gzip_only() -> Iterator[None]:
    """Within the block, packed maps gzip their tables as they are (no re-coding of quotes and citations)."""
    before = getattr(geo.maps.site_index, "packed_json")  # noqa: B009  # imported there, replaced on purpose
    setattr(geo.maps.site_index, "packed_json", SiteTables.to_json)  # noqa: B010
    try:
        yield
    finally:
        setattr(geo.maps.site_index, "packed_json", before)  # noqa: B010


class Measure(NamedTuple):
    """HTML bytes, and median wall and CPU seconds of building and rendering a map."""

    size: int
    wall_s: float
    cpu_s: float


def measure(make: Callable[[gpd.GeoDataFrame], folium.Map], sites: gpd.GeoDataFrame, repeat: int) -> Measure:
    """Measure building and rendering ``make(sites)`` (CPU seconds too: on a shared machine wall time drifts)."""
    walls, cpus = [], []
    size = 0
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        html = make(sites).get_root().render()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        size = len(html.encode("utf-8"))
    return Measure(size, statistics.median(walls), statistics.median(cpus))


def _growth(points: list[tuple[int, int, float]]) -> list[str]:
    """Lines of growth between consecutive synthetic sizes: bytes and milliseconds per added site."""
    lines = []
    for (n0, b0, s0), (n1, b1, s1) in itertools.pairwise(points):
        per_byte, per_ms = (b1 - b0) / (n1 - n0), (s1 - s0) * 1000 / (n1 - n0)
        lines.append(f"  {n0:,} -> {n1:,} sites: {per_byte:,.0f} bytes and {per_ms:.2f} ms per added site")
    return lines


def _per_site(label: str, n_sites: int, size: Measure, empty: Measure) -> None:
    """Print the bytes and milliseconds (wall, CPU) per site above the empty map's."""
    per_byte = (size.size - empty.size) / n_sites
    per_ms, per_cpu = (size.wall_s - empty.wall_s) * 1000 / n_sites, (size.cpu_s - empty.cpu_s) * 1000 / n_sites
    print(
        f"{label:<20} {'':>7} {'per site':<9} {per_byte:>12,.0f} {per_ms:>9.3f}   "
        f"(bytes, ms above the empty map; CPU {per_cpu:.3f} ms)"
    )


def _packed_rows(label: str, sites: gpd.GeoDataFrame, dm: Measure, empty: Measure) -> list[Row]:
    """Build ``sites`` with plain tables too; print and return packed against plain (with and without)."""
    with plain_tables():
        plain = measure(drillmap_map, sites, 1)
    print(
        f"{label:<20} {len(sites):>7} {'plain':<9} {plain.size:>12,} {plain.wall_s:>9.2f}   (CPU {plain.cpu_s:.2f} s)"
    )
    _per_site(label, len(sites), plain, empty)
    size_ratio, time_ratio = plain.size / dm.size, plain.cpu_s / dm.cpu_s
    print(f"{label:<20} {'':>7} {'ratio':<9} {size_ratio:>11.1f}x {time_ratio:>8.2f}x   (plain / packed, CPU time)")
    with gzip_only():
        gz = measure(drillmap_map, sites, 1)
    print(f"{label:<20} {len(sites):>7} {'gzip-only':<9} {gz.size:>12,} {gz.wall_s:>9.2f}   (CPU {gz.cpu_s:.2f} s)")
    print(
        f"{label:<20} {'':>7} {'ratio':<9} {gz.size / dm.size:>11.2f}x {gz.cpu_s / dm.cpu_s:>8.2f}x   "
        "(packed without / with re-coded quotes and citations, CPU time)"
    )
    return [
        Row(f"{label}: HTML packed vs plain", _mb(plain.size), _mb(dm.size), f"{size_ratio:.1f}x smaller", "", None),
        Row(
            f"{label}: build CPU packed vs plain",
            f"{plain.cpu_s:.2f} s",
            f"{dm.cpu_s:.2f} s",
            f"{time_ratio:.2f}x",
            "",
            None,
        ),
    ]


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def _goal_rows(label: str, n_sites: int, dm_bytes: int, dm_s: float) -> list[Row]:
    """The issue's absolute goals for this size, if any (printed and returned as summary rows)."""
    goals = GOALS.get(n_sites)
    if goals is None:
        return []
    size_ok, time_ok = dm_bytes <= goals[0], dm_s <= goals[1]
    print(f"  goals <= {_mb(goals[0])}, <= {goals[1]:.1f} s: {_verdict(size_ok)}, {_verdict(time_ok)}")
    return [
        Row(f"{label}: map HTML", "", _mb(dm_bytes), "", f"<= {_mb(goals[0])}", size_ok),
        Row(f"{label}: map build", "", f"{dm_s:.2f} s", "", f"<= {goals[1]:.1f} s", time_ok),
    ]


def _naive_rows(label: str, sites: gpd.GeoDataFrame, repeat: int, dm_bytes: int, dm_s: float) -> list[Row]:
    """Build the naive map too; print and return the comparison (and the real catalog's size target)."""
    naive_bytes, naive_s, _ = measure(naive_map, sites, repeat)
    print(f"{label:<20} {len(sites):>7} {'naive':<9} {naive_bytes:>12,} {naive_s:>9.2f}")
    size_ratio, speed_ratio = naive_bytes / dm_bytes, naive_s / dm_s
    print(f"{label:<20} {'':>7} {'ratio':<9} {size_ratio:>11.1f}x {speed_ratio:>8.1f}x   (naive / drillmap)")
    if label == "real catalog":
        within = dm_bytes < MAX_DEFAULT_BYTES
        print(f"  default view {_mb(dm_bytes)} (target < {_mb(MAX_DEFAULT_BYTES)}): {_verdict(within)}")
        smaller = f"{size_ratio:.1f}x smaller"
        return [Row("real catalog: map HTML", _mb(naive_bytes), _mb(dm_bytes), smaller, "< 1.5 MB", within)]
    if len(sites) != 20_000:
        return []
    hit = size_ratio >= MIN_SIZE_RATIO and speed_ratio >= MIN_SPEED_RATIO
    print(f"  targets >= {MIN_SIZE_RATIO:.0f}x smaller and >= {MIN_SPEED_RATIO:.0f}x faster: {_verdict(hit)}")
    smaller, faster = f"{size_ratio:.1f}x smaller", f"{speed_ratio:.1f}x faster"
    return [
        Row(
            f"{label}: HTML vs naive", _mb(naive_bytes), _mb(dm_bytes), smaller, ">= 10x", size_ratio >= MIN_SIZE_RATIO
        ),
        Row(
            f"{label}: build vs naive",
            f"{naive_s:.2f} s",
            f"{dm_s:.2f} s",
            faster,
            ">= 5x",
            speed_ratio >= MIN_SPEED_RATIO,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sites", type=int, nargs="+", default=list(SIZES), help="synthetic catalog sizes (default 1000 20000 100000)"
    )
    parser.add_argument("--naive-max", type=int, default=20_000, help="largest size also built the naive way")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, median reported (default 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    real = sites_frame()
    # Warm the per-process caches both ways use (reference files, display layers), outside the timings.
    layer("countries")
    reference_layers()
    catalogs = {"real catalog": real} | {f"synthetic {n:,}": synthetic_sites(real, n) for n in sorted(args.sites)}

    for label, sites in catalogs.items():
        print(f"{label:<20} " + ", ".join(f"{k} {_number(v)}" for k, v in profile(sites).items()))
    print(f"{'catalog':<20} {'sites':>7} {'map':<9} {'bytes':>12} {'build s':>9}")
    empty = measure(drillmap_map, real.iloc[:0], args.repeat)
    print(f"{'no site':<20} {0:>7} {'drillmap':<9} {empty[0]:>12,} {empty[1]:>9.2f}   (per-site baseline)")
    rows: list[Row] = []
    growth: list[tuple[int, int, float]] = []
    for label, sites in catalogs.items():
        repeat = args.repeat if len(sites) < 2000 else 1
        dm_bytes, dm_s, dm_cpu = measure(drillmap_map, sites, repeat)
        print(f"{label:<20} {len(sites):>7} {'drillmap':<9} {dm_bytes:>12,} {dm_s:>9.2f}   (CPU {dm_cpu:.2f} s)")
        dm = Measure(dm_bytes, dm_s, dm_cpu)
        _per_site(label, len(sites), dm, empty)
        if len(sites) > geo.maps.site_index.PACK_ABOVE_SITES:
            rows += _packed_rows(label, sites, dm, empty)
        if label != "real catalog":
            growth.append((len(sites), dm_bytes, dm_s))
            rows += _goal_rows(label, len(sites), dm_bytes, dm_s)
        if len(sites) <= args.naive_max:
            rows += _naive_rows(label, sites, repeat, dm_bytes, dm_s)
    print("\n".join(["growth per site (Drillmap map):", *_growth(growth)]))
    record("map_payload", rows)
    return 0 if all(r.met is not False for r in rows) or not args.check else 1


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:.3g}"


def _verdict(met: bool) -> str:
    return "ok" if met else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
