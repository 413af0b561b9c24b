"""Bench results for the one summary table of ``make bench`` (:mod:`bench.summary`).

Each bench script calls :func:`record` with its rows; when ``DRILLMAP_BENCH_OUT`` names a folder (``make
bench`` sets it), the rows are written there as ``<bench>.json``, and ``bench/summary.py`` prints them all
as one table at the end. Run alone, a bench script only prints its own output.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

#: Folder the rows are written to (unset: nothing is written).
OUT_ENV = "DRILLMAP_BENCH_OUT"


@dataclass(frozen=True)
class Row:
    """One line of the summary.

    Attributes
    ----------
    what
        What was measured, with its unit.
    baseline
        The baseline measured in the same run ("" when the goal is absolute).
    now
        The measurement.
    ratio
        ``now`` against the baseline, as text ("" when there is none).
    goal
        The goal, as text.
    met
        Whether the goal is met (None: no goal, information only).
    """

    what: str
    baseline: str
    now: str
    ratio: str
    goal: str
    met: bool | None


def record(bench: str, rows: list[Row]) -> Path | None:
    """Write ``rows`` as ``$DRILLMAP_BENCH_OUT/<bench>.json``; return the file, or None when the variable is unset."""
    folder = os.environ.get(OUT_ENV)
    if not folder:
        return None
    path = Path(folder) / f"{bench}.json"
    payload = {"bench": bench, "written": time.time(), "rows": [asdict(r) for r in rows]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
