"""Snapshot benchmark: the static briefing PNG against the as-seen screenshot and folium's ``_to_png``, in one run.

For the real catalog's default view (all sites, no filter), at 1920x1080, time

(a) the static briefing map: :func:`geo.briefing.map.render_bytes` (matplotlib Agg) to PNG bytes;
(b) the as-seen screenshot: :func:`geo.export.snapshot.as_seen_png`, i.e. ``build_map`` + standalone HTML +
    Playwright/Chromium + ``.folium-map`` screenshot, as the dashboard does it on a click: *cold* launches
    Chromium for every shot (what one click costs), *warm* reuses one browser (a new page per shot);
(c) folium's own ``Map._to_png`` where it can run (it needs selenium, Firefox and geckodriver).

Each figure is the median of ``--repeat`` runs after one untimed warm-up run (which fills the
reference-layer caches; its time is printed as "first"). Target: (a) at least 3x faster than (b) and
under 2 s on this 2-core machine.

Usage: ``python bench/snapshot.py [--repeat 5] [--check]`` (``--check`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.briefing.map import BriefingOptions, render_bytes
from geo.catalog.sites import sites_frame
from geo.export.snapshot import CHROMIUM, CHROMIUM_ARGS, as_seen_png, browser_problem
from geo.maps.build import build_map
from geo.maps.offline import vendor_file_base
from geo.query.selection import Selection, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # bench/ is not a package

SIZE = (1920, 1080)


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, list[float], bytes]:
    """Return (first run, the timed runs, the last output)."""
    started = time.perf_counter()
    out = fn()
    first = time.perf_counter() - started
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        runs.append(time.perf_counter() - started)
    return first, runs, out


def cpu_times(options: BriefingOptions, selection: Selection, repeat: int) -> list[float]:
    """Return the CPU seconds of ``repeat`` static renders: on a shared, loaded machine, the wall time waits."""
    out = []
    for _ in range(repeat):
        started = time.process_time()
        render_bytes(selection, fmt="png", options=options)
        out.append(time.process_time() - started)
    return out


def describe(name: str, first: float, runs: list[float], out: bytes) -> str:
    size = Image.open(io.BytesIO(out)).size
    spread = f"{min(runs):.3f}–{max(runs):.3f}"
    return (
        f"{name:<34} median {statistics.median(runs):6.3f} s  (runs {spread} s, first {first:.3f} s)"
        f"  {size[0]}x{size[1]} px, {len(out) / 1024:,.0f} KB"
    )


def folium_to_png_problem() -> str | None:
    """Why folium's ``_to_png`` cannot run here, or None."""
    missing = []
    if importlib.util.find_spec("selenium") is None:
        missing.append("selenium is not installed (not a folium dependency)")
    if shutil.which("firefox") is None:
        missing.append("no firefox")
    if shutil.which("geckodriver") is None:
        missing.append("no geckodriver (Debian 12 does not package it)")
    return "; ".join(missing) or None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per method (default 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    started = time.perf_counter()
    sites = sites_frame()
    selection = select(sites)
    print(
        f"catalog: {len(sites)} sites of {sites['exercise_id'].nunique()} exercises "
        f"(loaded and geocoded in {time.perf_counter() - started:.2f} s, not timed below)"
    )
    options = BriefingOptions(size_px=SIZE)

    first, runs, png = timed(lambda: render_bytes(selection, fmt="png", options=options), args.repeat)
    static = statistics.median(runs)
    print(describe("(a) static briefing PNG", first, runs, png))
    cpu = statistics.median(cpu_times(options, selection, args.repeat))
    print(
        f"    {'CPU time of (a), this process':<30} median {cpu:6.3f} s"
        f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times above include waiting)"
    )

    problem = browser_problem()
    cold = warm = None
    if problem:
        print(f"(b) as-seen screenshot: cannot run here: {problem}")
    else:
        first, runs, png = timed(lambda: as_seen_png(selection, size_px=SIZE), args.repeat)
        cold = statistics.median(runs)
        print(describe("(b) as-seen, cold (launch per shot)", first, runs, png))
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
            try:
                first, runs, png = timed(lambda: as_seen_png(selection, size_px=SIZE, browser=browser), args.repeat)
            finally:
                browser.close()
        warm = statistics.median(runs)
        print(describe("(b) as-seen, warm (browser reused)", first, runs, png))

    why_not = folium_to_png_problem()
    if why_not:
        print(f"(c) folium Map._to_png: cannot run here: {why_not}")
    else:

        def to_png() -> bytes:
            m = build_map(sites, period_end=selection.period_end, vendor=vendor_file_base())
            return bytes(m._to_png(delay=1))

        try:
            first, runs, png = timed(to_png, args.repeat)
            print(describe("(c) folium Map._to_png (delay=1)", first, runs, png))
        except Exception as exc:
            print(f"(c) folium Map._to_png: failed: {type(exc).__name__}: {exc}".splitlines()[0])

    print()
    ok = static < 2.0
    print(f"static PNG {static:.3f} s: {'under' if ok else 'OVER'} the 2 s target")
    for name, value in (("cold", cold), ("warm", warm)):
        if value is not None:
            ratio = value / static
            if name == "cold":
                ok = ok and ratio >= 3.0
            print(
                f"as-seen {name} / static = {value:.3f} / {static:.3f} = {ratio:.1f}x"
                + (f" ({'meets' if ratio >= 3 else 'MISSES'} the 3x target)" if name == "cold" else "")
            )
    rows = [Row("static briefing PNG", "", f"{static:.2f} s", "", "< 2 s", static < 2.0)]
    if cold is not None:
        rows.append(
            Row(
                "as-seen (cold) vs static PNG",
                f"{cold:.2f} s",
                f"{static:.2f} s",
                f"{cold / static:.1f}x faster",
                ">= 3x",
                cold / static >= 3.0,
            )
        )
    record("snapshot", rows)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
