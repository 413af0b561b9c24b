"""Cost of measuring every catalog site to NATO and to the Union State, windowed against whole outlines.

:func:`geo.geocode.distance._local` clips a member's territory to a window around the site before measuring
(exact: the window grows until it holds the nearest point). The baseline, measured in the same run, is
the same code with ``_local`` measuring the whole outline (what it did before), so the ratio is the gain
of the window alone. Each variant runs once warm (the layers, the geocoder and the contact zones loaded
by an untimed first pass); the results must be equal, and the run says so.

Usage: ``python bench/distance.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # noqa: E402  # bench/ is not a package

from geo.catalog.load import load_exercises  # noqa: E402
from geo.catalog.sites import geocode_site  # noqa: E402
from geo.geocode import distance  # noqa: E402


def _whole(site: Any, polygon: Any, reach: float = 0.0) -> tuple[float, Any]:
    return float(shapely.distance(site, polygon)), polygon


def _measure(sites: list[tuple[Any, Any]]) -> tuple[float, list[Any]]:
    start = time.perf_counter()
    out = [
        distance.distance_to_alliance(r.geometry, on, side, border_line=r.border_line)
        for r, on in sites
        for side in ("NATO", "Union State")
    ]
    return time.perf_counter() - start, out


def main() -> int:
    """Print the seconds of both variants and their ratio."""
    sites = [(geocode_site(s), ex.as_of) for ex in load_exercises() for s in ex.sites]
    sites = [(r, on) for r, on in sites if r.geometry is not None]
    _measure(sites)  # warm-up: layers, contact zones
    windowed, now = _measure(sites)
    local = distance._local
    distance._local = _whole
    try:
        whole, before = _measure(sites)
    finally:
        distance._local = local
    same = now == before
    print(f"{len(sites)} sites x 2 sides: whole outlines {whole:.2f} s, windowed {windowed:.2f} s")
    print(f"ratio {whole / windowed:.1f}x; results equal: {same}")
    record(
        "distance",
        [
            Row(
                "measure every site to NATO and the Union State (s)",
                f"{whole:.2f}",
                f"{windowed:.2f}",
                f"{whole / windowed:.1f}x faster",
                "faster, equal results",
                same and windowed < whole,
            )
        ],
    )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
