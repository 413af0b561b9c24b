"""Linear-time input handling: each hostile input family at n and 2n characters, and the ratio.

Every family of :mod:`tests.support.hostile_text` (``BENCH_FAMILIES``: blank lines with spaces, runs of ``#``, ``*``,
``[``, ``(``, backticks, ``-``, unclosed links, abbreviations, mixed markup, a known name quoted in every
sentence …) goes through what an
upload goes through: :func:`geo.extract.text.clean_text` and the extractor built from the catalog.
Each size is timed ``--repeat`` times and the best run is kept. Linear work doubles when the input
doubles (ratio about 2); a quadratic pattern shows as about 4. The worst family is printed last.

Usage: ``python bench/linear_time.py [--size 50000] [--repeat 3] [--check]`` (``--check`` exits 1 when
a ratio is over 3).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.catalog.load import load_exercises
from geo.extract import Extractor
from tests.support.hostile_text import BENCH_FAMILIES, MAX_RATIO, best_times, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # bench/ is not a package


def main(argv: list[str] | None = None) -> int:
    """Print each family's times and ratio; with ``--check``, return 1 when a ratio is over 3."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=50_000, help="n, in characters (2n is timed too)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is kept")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when a ratio is over {MAX_RATIO:g}")
    args = parser.parse_args(argv)
    work = process(Extractor(load_exercises()))
    work(BENCH_FAMILIES["mixed markup"](1_000))  # warm-up: loads the gazetteers
    n = args.size
    print(f"{'family':<30} {'n=' + format(n, ','):>12} {'2n':>12} {'ratio':>6}")
    ratios: dict[str, float] = {}
    for name, make in BENCH_FAMILIES.items():
        small, large = best_times(work, make(n), make(2 * n), args.repeat)
        ratios[name] = large / small
        print(f"{name:<30} {small * 1000:9.1f} ms {large * 1000:9.1f} ms {ratios[name]:6.2f}")
    worst = max(ratios, key=ratios.__getitem__)
    print(f"worst: {worst} ({ratios[worst]:.2f}x for twice the input; linear is 2, quadratic 4)")
    met = ratios[worst] <= MAX_RATIO
    record(
        "linear_time",
        [
            Row(
                f"time for 2n / n, worst ({worst})",
                "2.00 (linear)",
                f"{ratios[worst]:.2f}",
                "",
                f"<= {MAX_RATIO:g}",
                met,
            )
        ],
    )
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    raise SystemExit(main())
