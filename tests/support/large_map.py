"""The 100,000-site offline map of ``tests/browser/test_map_large_browser.py``, built beside the other tests.

Building it takes the better part of a minute on a loaded 2-core runner, and a single pytest process leaves
the second core mostly idle. So when the session has collected that test, :func:`start` runs
``python -m tests.support.large_map <file>`` in a child process at once, and the test's fixture takes the
file from :func:`result` when its turn comes (often long finished by then). Without a child (the test was
not collected at the start, or the child failed) the fixture builds the map itself, in the same way.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from geo.catalog.sites import sites_frame
from geo.maps.build import build_map
from geo.maps.offline import save_offline_html, vendor_file_base
from tests.support.synthetic import synthetic_sites

REPO_ROOT = Path(__file__).resolve().parents[2]
N_SITES = 100_000
PERIOD_END = dt.date(2025, 12, 31)

_child: tuple[subprocess.Popen[bytes], Path] | None = None


def build(path: Path) -> Path:
    """Build the synthetic 100,000-site map and save it as offline HTML at ``path``; return the file."""
    sites = synthetic_sites(sites_frame(), N_SITES)
    return save_offline_html(build_map(sites, period_end=PERIOD_END, vendor=vendor_file_base()), path)


def start() -> None:
    """Start building the map in a child process (once per session); its output goes to a log beside it."""
    global _child
    if _child is not None:
        return
    path = Path(tempfile.mkdtemp(prefix="drillmap-large-map-")) / "sites-100k.html"
    log = path.with_suffix(".log").open("wb")
    cmd = [sys.executable, "-m", "tests.support.large_map", str(path)]
    _child = (subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT), path)
    log.close()  # the child holds its own descriptor


def result(timeout_s: float) -> Path | None:
    """The child's map once it has finished, or None when no child ran or it failed (its log says why)."""
    if _child is None:
        return None
    proc, path = _child
    try:
        code = proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        stop()
        return None
    return path if code == 0 and path.exists() else None


def stop() -> None:
    """End a child that is still running (the session ended early) and remove its folder."""
    if _child is None:
        return
    proc, path = _child
    if proc.poll() is None:
        proc.kill()
        proc.wait(timeout=10)
    shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
