"""Start-up cost of the command line: wall time of each ``python -m geo`` command as a whole process.

Each command runs ``--runs`` times (after one untimed warm-up run that fills the OS file cache and
``__pycache__``); the median is printed in seconds and as ratios against two baselines measured in
the same run: ``python -c pass`` (the interpreter alone) and ``python -c "import geopandas"`` (the
floor of any command that touches a geometry).

Commands: ``--help``, ``geocode "Minsk"``, ``catalog``, ``export --format csv``, ``snapshot --format png``
(1280x720), ``proximity``, ``compare 2021 2023``, ``playback`` (four weeks of September 2021) and
``changes``; the files are written into a temporary folder. The analysts'
store lives in a temporary ``DRILLMAP_HOME`` so the run never touches ``var/``.

Usage: ``python bench/cli.py [--runs 5] [--root PATH] [--python PATH]``. ``--root`` is the checkout whose
``python -m geo`` is timed (default: this one), so the same script measures an older layout too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import Row, record  # noqa: E402  # bench/ is not a package


def commands(out: Path) -> dict[str, list[str]]:
    """Return the timed commands by label (arguments after ``python``)."""
    png = ["--format", "png", "--size", "1280x720", "--out", str(out / "map.png")]
    return {
        "python -c pass": ["-c", "pass"],
        "python -c 'import geopandas'": ["-c", "import geopandas"],
        "geo --help": ["-m", "geo", "--help"],
        "geo geocode Minsk": ["-m", "geo", "geocode", "Minsk"],
        "geo catalog": ["-m", "geo", "catalog"],
        "geo export --format csv": ["-m", "geo", "export", "--format", "csv", "--out", str(out / "sites.csv")],
        "geo snapshot --format png": ["-m", "geo", "snapshot", *png],
        "geo proximity": ["-m", "geo", "proximity"],
        "geo compare 2021 2023": ["-m", "geo", "compare", "2021", "2023"],
        "geo playback (a month)": ["-m", "geo", "playback", "--from", "2021-09", "--to", "2021-09-30"],
        "geo changes": ["-m", "geo", "changes"],
    }


def time_once(python: str, args: list[str], root: Path, env: dict[str, str]) -> float:
    """Return the wall time in seconds of one ``python <args>`` process (it must exit 0)."""
    start = time.perf_counter()
    done = subprocess.run([python, *args], cwd=root, env=env, capture_output=True, timeout=300, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        msg = f"{' '.join(args)} exited {done.returncode}: {done.stderr.decode(errors='replace').strip()[-300:]}"
        raise RuntimeError(msg)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    """Time every command; print one table row per command."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (median reported)")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose `python -m geo` is timed")
    parser.add_argument("--python", default=sys.executable, help="interpreter (default: this one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drillmap-bench-cli-") as tmp:
        env = {**os.environ, "DRILLMAP_HOME": tmp, "PYTHONDONTWRITEBYTECODE": "0"}
        env.pop("DRILLMAP_DATABASE_URL", None)
        medians: dict[str, float] = {}
        for label, cmd in commands(Path(tmp)).items():
            time_once(args.python, cmd, args.root, env)  # warm-up: file cache, bytecode, store creation
            medians[label] = statistics.median(time_once(args.python, cmd, args.root, env) for _ in range(args.runs))
    bare, geopandas = medians["python -c pass"], medians["python -c 'import geopandas'"]
    print(f"root: {args.root}  (median of {args.runs} runs)")
    print(f"{'command':<30} {'seconds':>8} {'x pass':>8} {'x geopandas':>12}")
    for label, seconds in medians.items():
        print(f"{label:<30} {seconds:>8.3f} {seconds / bare:>8.1f} {seconds / geopandas:>12.2f}")
    rows = [
        Row(
            f"{label} (median of {args.runs})",
            f"{geopandas:.2f} s",
            f"{seconds:.2f} s",
            f"{seconds / geopandas:.2f}x",
            "",
            None,
        )
        for label, seconds in medians.items()
        if label.startswith("geo ")
    ]
    record("cli", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
