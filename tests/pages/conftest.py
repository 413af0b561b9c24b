"""Page tests: the Map page warms no maps unless a test asks for it.

A page test that plays a browser (``first_paint._in_browser`` patched) would otherwise leave a warming thread
rendering maps after it ends, into the next test's counters and caches (:mod:`pages.common.warm`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pages.common import warm
from tests.support.warming import warming_done


@pytest.fixture(autouse=True)
def _no_warming(monkeypatch) -> Iterator[None]:
    monkeypatch.setitem(warm.ENABLED, "on", False)
    yield
    warming_done()  # one a test turned on ends inside that test
