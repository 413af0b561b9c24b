"""Print the results every bench script of ``make bench`` wrote (:mod:`bench.results`) as one table.

Usage: ``python bench/summary.py FOLDER`` (the ``DRILLMAP_BENCH_OUT`` folder). Benches appear in the order
they ran; a goal that is not met is marked ``NO``. Exits 0: the summary reports, it does not judge.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COLUMNS = ("what", "baseline", "now", "ratio", "goal", "met?")


def load(folder: Path) -> list[dict[str, object]]:
    """Return the benches' payloads, oldest first."""
    payloads = [json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")]
    return sorted(payloads, key=lambda p: float(p["written"]))


def table(payloads: list[dict[str, object]]) -> str:
    """Return the summary table as text."""
    lines: list[list[str]] = []
    for payload in payloads:
        for row in payload["rows"]:  # type: ignore[attr-defined]
            met = {True: "yes", False: "NO", None: ""}[row["met"]]
            lines.append(
                [f"{payload['bench']}: {row['what']}", row["baseline"], row["now"], row["ratio"], row["goal"], met]
            )
    if not lines:
        return "no bench results"
    widths = [max(len(c), *(len(line[i]) for line in lines)) for i, c in enumerate(COLUMNS)]
    out = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    print("\nSummary of make bench (ratios are within one run; times depend on the machine's load)")
    print(table(load(Path(args[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
