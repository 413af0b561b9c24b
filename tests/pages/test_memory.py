"""The server's allocator settings: free heap pages go back to the system after a script run."""

from __future__ import annotations

import os
import subprocess
import sys

from geo.core.settings import ROOT

_SCRIPT = """
import gc
from pages.common.memory import release, tune_allocator

def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024

assert tune_allocator() is True
blocks = [bytearray(100 * 1024) for _ in range(800)]  # 80 MB of heap blocks (under the mmap threshold)
keep = bytearray(100 * 1024)  # allocated last: the heap's top cannot shrink past it
del blocks
gc.collect()
before = rss_mb()
release()
print(before - rss_mb())
"""


def test_release_gives_freed_heap_memory_back_to_the_system():
    done = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True)
    assert float(done.stdout) > 40  # of the 80 MB freed, most was still resident before release()


_PAGE_RUN = """
import sys
from streamlit.testing.v1 import AppTest

at = AppTest.from_file(sys.argv[1], default_timeout=600)
at.run()
assert not at.exception, at.exception
heavy = ("sqlalchemy", "alembic", "geoalchemy2", "pyarrow.parquet", "matplotlib", "pptx", "pyogrio", "fiona")
print(sorted(m for m in heavy if m in sys.modules))
"""


def test_a_map_page_run_on_a_new_home_loads_no_store_parquet_or_export_library(tmp_path):
    """The sites frame and the new store are made in a child process; the server keeps none of their libraries."""
    env = {k: v for k, v in os.environ.items() if k != "DRILLMAP_DATABASE_URL"}
    env["DRILLMAP_HOME"] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", _PAGE_RUN, str(ROOT / "app.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=True,
    )  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]"


_FREEZE = """
import gc
from pages.common.memory import freeze_long_lived, release

assert freeze_long_lived() is False  # no run has finished: nothing is frozen yet
assert gc.get_freeze_count() == 0
release()  # the end of the first run
assert freeze_long_lived() is True
frozen = gc.get_freeze_count()
garbage = []
garbage.append(garbage)  # a cycle made after the freeze is still collected
del garbage
print(frozen > 1000, gc.collect() >= 1, freeze_long_lived(), gc.get_freeze_count() == frozen)
"""


def test_what_the_first_run_loaded_is_frozen_once_and_later_garbage_is_still_collected():
    done = subprocess.run([sys.executable, "-c", _FREEZE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "True", "True"]
