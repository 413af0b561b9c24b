"""What an export in a child process costs: the dashboard's way (:func:`geo.export.isolated.export_in_child`)
against the same function called in this process.

For each export (briefing PNG 1920x1080, PPTX slide, GeoPackage) of the whole catalog, ``--runs`` times in
turn: the child (a new ``python -m geo.export.isolated`` per export, as the dashboard does), then the same
call in this process. The first in-process call pays the imports (matplotlib, python-pptx, GDAL) once; it is
printed apart (``cold``) from the median of the later ones (``warm``), which is what a server that kept
those libraries would pay per export. Ratios are child / warm in-process, measured in the same run.

Usage: ``python bench/export_child.py [--runs 3]`` (a temporary ``DRILLMAP_HOME``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from results import Row, record  # noqa: E402 - bench/ is not a package


def _timed(call: Callable[[], bytes]) -> tuple[float, int]:
    start = time.perf_counter()
    data = call()
    return time.perf_counter() - start, len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each way (default 3)")
    args = parser.parse_args(argv)
    os.environ["DRILLMAP_HOME"] = tempfile.mkdtemp(prefix="drillmap-bench-export-")

    from geo.briefing.options import BriefingOptions
    from geo.export.isolated import export_in_child
    from geo.query.known import known_sites
    from geo.query.selection import select

    selection = select(known_sites(build_in_child=True).sites)
    options = BriefingOptions(size_px=(1920, 1080), dpi=144.0)
    exports: dict[str, tuple[str, tuple[object, ...], dict[str, object]]] = {
        "briefing PNG 1920x1080": ("snapshot", (selection,), {"fmt": "png", "options": options}),
        "PPTX slide": ("snapshot", (selection,), {"fmt": "pptx", "options": options}),
        "GeoPackage": ("data", (selection, "gpkg"), {}),
    }

    def here(task: str, task_args: tuple[object, ...], kwargs: dict[str, object]) -> bytes:
        import importlib

        from geo.export.isolated import TASKS

        module, function = TASKS[task]
        result: bytes = getattr(importlib.import_module(module), function)(*task_args, **kwargs)
        return result

    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows: list[Row] = []
    print(f"{'export':<24}{'child':>10}{'in-process cold':>18}{'warm':>10}{'child/warm':>12}{'size':>10}")
    for name, (task, task_args, kwargs) in exports.items():
        child, warm = [], []
        cold, size = _timed(lambda: here(task, task_args, kwargs))  # noqa: B023 - called at once
        for _ in range(args.runs):
            child.append(_timed(lambda: export_in_child(task, *task_args, **kwargs))[0])  # noqa: B023
            warm.append(_timed(lambda: here(task, task_args, kwargs))[0])  # noqa: B023
        c, w = statistics.median(child), statistics.median(warm)
        print(f"{name:<24}{c:>9.2f}s{cold:>17.2f}s{w:>9.2f}s{c / w:>11.1f}x{size / 1024:>8.0f}KB")
        rows.append(
            Row(
                f"export {name} in a child process (s)",
                f"{w:.2f} in-process warm",
                f"{c:.2f}",
                f"{c / w:.1f}x",
                "",
                None,
            )
        )
    record("export_child", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
